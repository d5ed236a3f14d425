"""Beside the flow: the JSON Schema of a workshop definition, for editors (VS Code's YAML
extension completes and checks fields with it) and for the format reference.

Descriptions are written for trainers, in English with the Thai term, and kept here rather
than in the model so that model.py stays about validation. A test requires one for every field.
"""
from __future__ import annotations

from typing import Any

from . import model

SCHEMA_FILE = "workshop.schema.json"

# Models that also accept a plain string for their first field (`- ทักทาย` means {text: ทักทาย}).
SHORTHAND = {"Step": "text", "Media": "title", "Question": "text", "Column": "label",
             "Row": "label", "GridCell": "label", "PlanColumn": "key", "FormField": "label"}

DESCRIPTIONS: dict[str, str] = {
    "Workshop": "One workshop (เวทีหรือการประชุมเชิงปฏิบัติการ): everything workshopkit prints for it.",
    "Workshop.extends": "Another definition to start from (ต่อยอดจาก), a file beside this one; "
                        "the fields given here replace its fields.",
    "Workshop.include": "Files whose lists (activities, worksheets ...) are added to this one's "
                        "(รวมไฟล์).",
    "Workshop.id": "Name of the output folder (a-z, 0-9, - and _); the file name when left out.",
    "Workshop.title": "Title of the workshop (ชื่อกิจกรรม), printed on every document.",
    "Workshop.subtitle": "A second title line (ชื่อรอง), such as a slogan in quotes.",
    "Workshop.language": "Language of the printed labels (ภาษา): th or en.",
    "Workshop.digits": "Digits for times, dates and page numbers (ตัวเลข): arabic or thai (๐-๙).",
    "Workshop.organiser": "Who runs the workshop (ผู้จัด); printed in every footer.",
    "Workshop.venue": "Where it takes place (สถานที่); left out, the agenda prints ณ ........",
    "Workshop.participants": "How many take part (จำนวนผู้เข้าร่วม): copies of each participant sheet.",
    "Workshop.objectives": "Objectives of the workshop (วัตถุประสงค์).",
    "Workshop.expected_results": "Expected results of the workshop (ผลที่คาดว่าจะได้รับ).",
    "Workshop.agenda": "The agenda (กำหนดการ): days and their items.",
    "Workshop.activities": "Learning activities (กิจกรรมการเรียนรู้) of the facilitator's session plan.",
    "Workshop.facilitation_tips": "Tips for facilitators (ข้อพิจารณา ข้อพึงระวัง), printed after the plan.",
    "Workshop.worksheets": "Worksheets (ใบงาน) handed to participants.",
    "Workshop.surveys": "Online surveys (แบบสำรวจออนไลน์), printed as QR codes.",
    "Workshop.action_plan": "The 5W+1H action-plan form (แผนปฏิบัติการ).",
    "Workshop.self_assessment": "The competency self-assessment (แบบประเมินตนเอง), rated 1 to N.",
    "Workshop.theme": "How the documents look (รูปแบบ): logo, accent colour, type size, own templates.",
    "Theme": "How the documents look (รูปแบบเอกสาร).",
    "Theme.logo": "The organiser's logo (โลโก้), a PNG or JPEG (at most 25 megapixels) or SVG file "
                  "beside the definition.",
    "Theme.accent": "Colour of titles and headings (สีหัวข้อ), as #1F5C99.",
    "Theme.type_size": "normal (12 pt) or government (16 pt, as a Thai government letter) (ขนาดตัวอักษร).",
    "Theme.templates": "A folder beside the definition with the organiser's own PDF templates "
                       "(แม่แบบเอกสาร): its document.html.j2 replaces the page template (it may "
                       "extend workshopkit/document.html.j2), its print.css is laid over the "
                       "bundled one. Run in Jinja2's sandbox; the DOCX keeps the bundled look.",
    "Workshop.checklists": "Processes a facilitator ticks through (รายการตรวจสอบ), printed in the "
                           "facilitator pack.",
    "Checklist": "A process to tick through, step by step (รายการตรวจสอบขั้นตอน).",
    "Checklist.id": "Short name, used in the file name (รหัส).",
    "Checklist.title": "Title (ชื่อ).",
    "Checklist.source": "Where the process comes from (ที่มา), printed under it.",
    "Checklist.items": "The steps (ขั้นตอน); a step may hold steps of its own.",
    "Workshop.labels": "Printed words to replace (คำที่พิมพ์), such as agenda: Programme; "
                       "the keys are those of workshopkit's label table.",
    "Organiser": "The organising body (หน่วยงานผู้จัด).",
    "Organiser.name": "Full name (ชื่อหน่วยงาน).",
    "Organiser.short_name": "Short name or acronym (ชื่อย่อ), printed in brackets.",
    "Organiser.web": "Web site (เว็บไซต์).",
    "Organiser.email": "E-mail address (อีเมล).",
    "Organiser.facebook": "Facebook page name (เฟซบุ๊ก).",
    "Agenda": "The agenda (กำหนดการ).",
    "Agenda.title": "The agenda's heading (ชื่อกิจกรรมในกำหนดการ).",
    "Agenda.days": "One entry per day (วัน), in order.",
    "Agenda.remarks": "Notes under the agenda (หมายเหตุ).",
    "AgendaDay": "One day of the agenda (วันที่).",
    "AgendaDay.date": "The date (วันที่), as 2026-12-01; left out, the agenda prints blanks.",
    "AgendaDay.label": "A label after the date (คำอธิบาย), such as วันแรกของการจัดกิจกรรม.",
    "AgendaDay.start": "When the day starts (เวลาเริ่ม), in quotes: \"08:30\".",
    "AgendaDay.items": "The day's items (รายการ); each starts when the one before ends.",
    "AgendaItem": "One agenda item (รายการ).",
    "AgendaItem.title": "What happens (รายการ).",
    "AgendaItem.minutes": "How long it takes (นาที); only the last item of a day may leave it out.",
    "AgendaItem.kind": "Kind of item (ประเภท): session, registration, break, meal or other.",
    "AgendaItem.at": "A fixed start time (เวลาที่กำหนด), in quotes; must agree with the computed one.",
    "AgendaItem.activity": "Id of the learning activity this item runs (กิจกรรมที่เกี่ยวข้อง).",
    "AgendaItem.note": "A note printed after the title (หมายเหตุ), such as the speaker.",
    "ItemKind": "Kind of agenda item (ประเภทรายการ).",
    "Activity": "A learning activity (กิจกรรมการเรียนรู้) of the session plan.",
    "Activity.id": "Short name the agenda and worksheets refer to (รหัสกิจกรรม).",
    "Activity.title": "Name of the activity (ชื่อกิจกรรม).",
    "Activity.topics": "Content covered (เนื้อหา), may nest.",
    "Activity.objectives": "Objectives (วัตถุประสงค์).",
    "Activity.steps": "Method steps (วิธีการ); a step may have its own steps.",
    "Activity.media": "Media (สื่อ); one with a url prints as a QR code.",
    "Activity.minutes": "Time the activity takes (เวลาที่ใช้), in minutes.",
    "Activity.expected": "Expected results (ผลที่คาดว่าจะได้รับ).",
    "Activity.surveys": "Ids of the surveys used in this activity (แบบสำรวจ).",
    "Step": "A step or point (ขั้นตอน); plain text, or text with nested steps.",
    "Step.text": "The step's text (ข้อความ).",
    "Step.steps": "Nested steps (ขั้นตอนย่อย).",
    "Media": "A teaching medium (สื่อ); plain text, or a title with a link or sub-items.",
    "Media.title": "What it is (ชื่อสื่อ).",
    "Media.url": "An https:// link (ลิงก์), printed as a QR code.",
    "Media.items": "Sub-items (สื่อย่อย), numbered 1.1, 1.2 ...",
    "Worksheet": "A worksheet (ใบงาน) built from blocks.",
    "Worksheet.id": "Short name, used in the file name (รหัสใบงาน).",
    "Worksheet.title": "Title (ชื่อใบงาน).",
    "Worksheet.subtitle": "A second title line (ชื่อรอง).",
    "Worksheet.activity": "Id of the activity it belongs to (กิจกรรม); places it in agenda order.",
    "Worksheet.orientation": "portrait or landscape (แนวกระดาษ).",
    "Worksheet.collected": "Handed in after the workshop (เก็บคืน): it starts on the front of a "
                           "sheet and ends its own sheet in the participant pack and print run.",
    "FormField": "A blank on a form's header (ช่องกรอก), as its label (ชื่อ) or {label, fill}.",
    "FormField.label": "The words before the blank (ชื่อ, อำเภอ, ชื่อหมู่บ้าน ...).",
    "FormField.fill": "What the roster prints on the line (ข้อมูลที่เติมจากรายชื่อ): name, surname, "
                      "full_name, prefix, area, district, province, group, code, or none. Left out, "
                      "only ชื่อ, นามสกุล, ชื่อ-นามสกุล, คำนำหน้า, ตำบล, อำเภอ, จังหวัด, รหัส (and "
                      "name, surname, full name, prefix, subdistrict, district, province, code) are "
                      "filled; any other field stays blank for the hand.",
    "Worksheet.blocks": "The worksheet's content, in order (ส่วนประกอบ).",
    "InstructionsBlock": "Numbered instructions (คำชี้แจง).",
    "InstructionsBlock.type": "instructions",
    "InstructionsBlock.title": "Heading (หัวข้อ), such as คำชี้แจง.",
    "InstructionsBlock.items": "The instructions (ข้อ), may nest.",
    "TextBlock": "A paragraph (ข้อความ).",
    "TextBlock.type": "text",
    "TextBlock.text": "The text (ข้อความ).",
    "TextBlock.emphasis": "Bold and centred (เน้น).",
    "QuestionsBlock": "Questions with lines to write on (คำถาม).",
    "QuestionsBlock.type": "questions",
    "QuestionsBlock.title": "Heading (หัวข้อ).",
    "QuestionsBlock.items": "The questions (คำถาม).",
    "Question": "A question (คำถาม); plain text, or with its number and writing lines.",
    "Question.text": "The question (คำถาม).",
    "Question.number": "Its number as printed (เลขข้อ), such as 1.1.",
    "Question.lines": "Lines to write on (จำนวนบรรทัด).",
    "TableBlock": "A table to fill in (ตาราง): a label column, then writing or tick columns.",
    "TableBlock.type": "table",
    "TableBlock.title": "Heading above the table (ชื่อตาราง).",
    "TableBlock.label_column": "Heading of the first column (หัวคอลัมน์แรก).",
    "TableBlock.columns": "The other columns (คอลัมน์).",
    "TableBlock.rows": "Labelled rows (แถว); a row may hold rows of its own.",
    "TableBlock.blank_rows": "Empty rows added at the end (แถวว่าง).",
    "TableBlock.lines": "Height of each row in lines of handwriting (ความสูงแถว).",
    "Column": "A table column (คอลัมน์); plain text is its heading.",
    "Column.label": "Heading (หัวคอลัมน์).",
    "Column.short": "A short heading (หัวย่อ), the full one printed in a key under the table.",
    "Column.kind": "text (space to write) or tick (a box to tick) (ชนิด).",
    "Column.group": "A heading over neighbouring columns with the same group (หัวกลุ่ม).",
    "Column.width": "Relative width (ความกว้าง).",
    "Row": "A table row (แถว); plain text is its label.",
    "Row.label": "The row's label (ข้อความ).",
    "Row.write_in": "A row to name by hand, such as อื่น ๆ (ระบุ) ........ (แถวเขียนเติม).",
    "Row.lines": "Height in lines of handwriting (ความสูง).",
    "Row.rows": "Rows under this one (แถวย่อย), numbered 2.1, 2.2 ...",
    "BoxBlock": "A framed space to write in (กรอบเขียน).",
    "BoxBlock.type": "box",
    "BoxBlock.label": "Heading inside the box (หัวข้อ).",
    "BoxBlock.hint": "A hint under it (คำแนะนำ).",
    "BoxBlock.lines": "Height in lines of handwriting (ความสูง).",
    "GridBlock": "Four boxes, two by two (ตาราง 2x2), such as a SWOT grid.",
    "GridBlock.type": "grid",
    "GridBlock.title": "Heading (หัวข้อ).",
    "GridBlock.cells": "The four boxes (ช่อง), left to right, top to bottom.",
    "GridBlock.lines": "Height of each box in lines (ความสูง).",
    "GridCell": "A box of the grid (ช่อง); plain text is its label.",
    "GridCell.label": "Heading (หัวข้อ).",
    "GridCell.hint": "A hint under it (คำแนะนำ).",
    "FieldsBlock": "Blanks to fill in on one line (ช่องกรอก), such as ชื่อ ........ อำเภอ ........",
    "FieldsBlock.type": "fields",
    "FieldsBlock.items": "The fields (ช่องกรอก): a label, or {label, fill} to say what a roster prints on it.",
    "Survey": "An online survey (แบบสำรวจออนไลน์).",
    "Survey.id": "Short name activities refer to (รหัส).",
    "Survey.title": "Title (ชื่อแบบสำรวจ).",
    "Survey.url": "The form's https:// link (ลิงก์).",
    "Survey.purpose": "What it is for (วัตถุประสงค์), printed beside the QR code.",
    "Survey.prefill": "Google Forms entry ids and the roster values they get, such as "
                      "entry.1234567: \"{code}\" (กรอกล่วงหน้า); needs the long viewform link.",
    "ActionPlan": "The 5W+1H action-plan form (แบบฟอร์มแผนปฏิบัติการ).",
    "ActionPlan.title": "Title (ชื่อแบบฟอร์ม).",
    "ActionPlan.subtitle": "A second title line (ชื่อรอง).",
    "ActionPlan.activity": "Id of the activity it belongs to (กิจกรรม).",
    "ActionPlan.collected": "Handed in after the workshop (เก็บคืน): on sheets of its own in the packs.",
    "ActionPlan.fields": "Blanks to fill in above it (ช่องกรอก), such as หมู่บ้าน/ตำบล.",
    "ActionPlan.goals": "Numbered goal lines (เป้าหมาย).",
    "ActionPlan.issue_column": "Heading of the first column (หัวคอลัมน์ประเด็น).",
    "ActionPlan.columns": "The plan's columns (คอลัมน์): what, why, who, where, when, how, output.",
    "ActionPlan.rows": "The issues (ประเด็น); an issue may hold sub-issues.",
    "ActionPlan.lines": "Height of each row in lines (ความสูงแถว).",
    "ActionPlan.signatures": "Signature lines at its foot (ลงชื่อ), up to three; by default one for "
                             "whoever prepared the plan (ผู้จัดทำแผน), [] for none.",
    "Signer.role": "Printed after the signature line (ผู้จัดทำแผน, ผู้อนุมัติ).",
    "Signer.name": "The signer's name, printed in parentheses under the line; blank to fill in if not given.",
    "Signer.position": "The signer's position (ตำแหน่ง); blank to fill in if not given.",
    "PlanColumn": "A 5W+1H column (คอลัมน์); plain text is its key.",
    "PlanColumn.key": "what, why, who, where, when, how or output (ทำอะไร ทำไม ใคร ที่ไหน เมื่อไร อย่างไร ผลงาน).",
    "PlanColumn.label": "Heading as printed (หัวคอลัมน์); the key's usual heading when left out.",
    "Goals": "Goal lines (เป้าหมาย).",
    "Goals.title": "Heading (หัวข้อ), such as เป้าหมายที่อยากเห็น 1 ปี.",
    "Goals.lines": "How many numbered lines (จำนวนบรรทัด).",
    "SelfAssessment": "The competency self-assessment (แบบประเมินตนเอง).",
    "SelfAssessment.title": "Title (ชื่อแบบประเมิน).",
    "SelfAssessment.subtitle": "A second title line (ชื่อรอง).",
    "SelfAssessment.activity": "Id of the activity it belongs to (กิจกรรม).",
    "SelfAssessment.collected": "Handed in after the workshop (เก็บคืน), as it is unless false: "
                                "it starts on a front side and ends its own sheet in the packs.",
    "SelfAssessment.fields": "Blanks to fill in (ช่องกรอก): ชื่อ, นามสกุล, พื้นที่/ตำบล ...",
    "SelfAssessment.objectives": "The objectives section (วัตถุประสงค์), with its points.",
    "SelfAssessment.instructions": "The instructions section (คำชี้แจง), with its points.",
    "SelfAssessment.role_column": "Heading of the role column (หัวคอลัมน์บทบาท).",
    "SelfAssessment.remarks_column": "Heading of the remarks column (หมายเหตุ); none when left out.",
    "SelfAssessment.scale": "The rating scale (ระดับ).",
    "SelfAssessment.roles": "Roles and their sub-items to rate (บทบาทและภารกิจ).",
    "Scale": "The rating scale (เกณฑ์การประเมิน).",
    "Scale.levels": "How many levels (จำนวนระดับ), 4 for 1-4.",
    "Scale.label": "Heading over the rating columns (หัวคอลัมน์ระดับ).",
    "Role": "A role (บทบาท) with sub-items to rate.",
    "Role.title": "The role (บทบาท).",
    "Role.items": "Its sub-items (ภารกิจย่อย), numbered 1.1, 1.2 ...",
}


def workshop_schema() -> dict[str, Any]:
    """The JSON Schema of a definition, every field described for trainers."""
    schema = model.Workshop.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    # read before validation (reuse.py): a definition that extends another needs no field of its own
    schema["properties"] = {
        "extends": {"type": "string", "description": DESCRIPTIONS["Workshop.extends"]},
        "include": {"type": "array", "items": {"type": "string"},
                    "description": DESCRIPTIONS["Workshop.include"]},
        **schema["properties"]}
    schema["if"] = {"required": ["extends"]}
    schema["else"] = {"required": schema.pop("required")}
    _describe(schema, "Workshop")
    for name, definition in schema["$defs"].items():
        _describe(definition, name)
        if name in SHORTHAND:
            schema["$defs"][name] = {
                "description": definition.get("description", ""),
                "anyOf": [{"type": "string", "description": f"Short for {{{SHORTHAND[name]}: ...}}"},
                          {key: value for key, value in definition.items() if key != "description"}]}
    return schema


def _describe(definition: dict[str, Any], name: str) -> None:
    definition["description"] = DESCRIPTIONS.get(name, definition.get("description", ""))
    for field, spec in definition.get("properties", {}).items():
        if f"{name}.{field}" in DESCRIPTIONS:
            spec["description"] = DESCRIPTIONS[f"{name}.{field}"]
