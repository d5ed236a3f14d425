"""Beside the flow: the JSON Schema of a workshop definition, for editors (VS Code's YAML
extension completes and checks fields with it) and for the format reference.

Descriptions are written for trainers, in English with the Thai term, and kept here rather
than in the model so that model.py stays about validation. A test requires one for every field.
"""
from __future__ import annotations

from typing import Any

from ..i18n import N_
from . import model

SCHEMA_FILE = "workshop.schema.json"

# Models that also accept a plain string for their first field (`- ทักทาย` means {text: ทักทาย}).
SHORTHAND = {"Step": "text", "Media": "title", "Question": "text", "Column": "label",
             "Row": "label", "GridCell": "label", "PlanColumn": "key", "FormField": "label"}

DESCRIPTIONS: dict[str, str] = {
    "Workshop": N_("One workshop (เวทีหรือการประชุมเชิงปฏิบัติการ): everything workshopkit prints for it."),
    "Workshop.extends": N_("Another definition to start from (ต่อยอดจาก), a file beside this one; "
                        "the fields given here replace its fields."),
    "Workshop.include": N_("Files whose lists (activities, worksheets ...) are added to this one's "
                        "(รวมไฟล์)."),
    "Workshop.id": N_("Name of the output folder (a-z, 0-9, - and _); the file name when left out."),
    "Workshop.title": N_("Title of the workshop (ชื่อกิจกรรม), printed on every document."),
    "Workshop.subtitle": N_("A second title line (ชื่อรอง), such as a slogan in quotes."),
    "Workshop.language": N_("Language of the printed labels (ภาษา): th or en."),
    "Workshop.digits": N_("Digits for times, dates and page numbers (ตัวเลข): arabic or thai (๐-๙)."),
    "Workshop.organiser": N_("Who runs the workshop (ผู้จัด); printed in every footer."),
    "Workshop.venue": N_("Where it takes place (สถานที่); left out, the agenda prints ณ ........"),
    "Workshop.participants": N_("How many take part (จำนวนผู้เข้าร่วม): copies of each participant sheet."),
    "Workshop.objectives": N_("Objectives of the workshop (วัตถุประสงค์)."),
    "Workshop.expected_results": N_("Expected results of the workshop (ผลที่คาดว่าจะได้รับ)."),
    "Workshop.agenda": N_("The agenda (กำหนดการ): days and their items."),
    "Workshop.activities": N_("Learning activities (กิจกรรมการเรียนรู้) of the facilitator's session plan."),
    "Workshop.facilitation_tips": N_("Tips for facilitators (ข้อพิจารณา ข้อพึงระวัง), printed after the plan."),
    "Workshop.worksheets": N_("Worksheets (ใบงาน) handed to participants."),
    "Workshop.surveys": N_("Online surveys (แบบสำรวจออนไลน์), printed as QR codes."),
    "Workshop.action_plan": N_("The 5W+1H action-plan form (แผนปฏิบัติการ)."),
    "Workshop.self_assessment": N_("The competency self-assessment (แบบประเมินตนเอง), rated 1 to N."),
    "Workshop.theme": N_("How the documents look (รูปแบบ): logo, accent colour, type size, own templates."),
    "Theme": N_("How the documents look (รูปแบบเอกสาร)."),
    "Theme.logo": N_("The organiser's logo (โลโก้), a PNG or JPEG (at most 25 megapixels) or SVG file "
                  "beside the definition."),
    "Theme.accent": N_("Colour of titles and headings (สีหัวข้อ), as #1F5C99."),
    "Theme.type_size": N_("normal (12 pt) or government (16 pt, as a Thai government letter) (ขนาดตัวอักษร)."),
    "Theme.templates": N_("A folder beside the definition with the organiser's own PDF templates "
                       "(แม่แบบเอกสาร): its document.html.j2 replaces the page template (it may "
                       "extend workshopkit/document.html.j2), its print.css is laid over the "
                       "bundled one. Run in Jinja2's sandbox; the DOCX keeps the bundled look."),
    "Workshop.checklists": N_("Processes a facilitator ticks through (รายการตรวจสอบ), printed in the "
                           "facilitator pack."),
    "Checklist": N_("A process to tick through, step by step (รายการตรวจสอบขั้นตอน)."),
    "Checklist.id": N_("Short name, used in the file name (รหัส)."),
    "Checklist.title": N_("Title (ชื่อ)."),
    "Checklist.source": N_("Where the process comes from (ที่มา), printed under it."),
    "Checklist.items": N_("The steps (ขั้นตอน); a step may hold steps of its own."),
    "Workshop.labels": N_("Printed words to replace (คำที่พิมพ์), such as agenda: Programme; "
                       "the keys are those of workshopkit's label table."),
    "Organiser": N_("The organising body (หน่วยงานผู้จัด)."),
    "Organiser.name": N_("Full name (ชื่อหน่วยงาน)."),
    "Organiser.short_name": N_("Short name or acronym (ชื่อย่อ), printed in brackets."),
    "Organiser.web": N_("Web site (เว็บไซต์)."),
    "Organiser.email": N_("E-mail address (อีเมล)."),
    "Organiser.facebook": N_("Facebook page name (เฟซบุ๊ก)."),
    "Agenda": N_("The agenda (กำหนดการ)."),
    "Agenda.title": N_("The agenda's heading (ชื่อกิจกรรมในกำหนดการ)."),
    "Agenda.days": N_("One entry per day (วัน), in order."),
    "Agenda.remarks": N_("Notes under the agenda (หมายเหตุ)."),
    "AgendaDay": N_("One day of the agenda (วันที่)."),
    "AgendaDay.date": N_("The date (วันที่), as 2026-12-01, 1 ธันวาคม 2569 or 01/12/2569 (a year from 2400 on "
                         "is a Buddhist Era year); left out, the agenda prints blanks."),
    "AgendaDay.label": N_("A label after the date (คำอธิบาย), such as วันแรกของการจัดกิจกรรม."),
    "AgendaDay.start": N_("When the day starts (เวลาเริ่ม), as \"08:30\", 8.30 or 08.30 น."),
    "AgendaDay.items": N_("The day's items (รายการ); each starts when the one before ends."),
    "AgendaItem": N_("One agenda item (รายการ)."),
    "AgendaItem.title": N_("What happens (รายการ)."),
    "AgendaItem.minutes": N_("How long it takes (นาที), as 90, 90 นาที or 1 ชั่วโมง 30 นาที; only the last item "
                             "of a day may leave it out."),
    "AgendaItem.kind": N_("Kind of item (ประเภท): session, registration, break, meal or other."),
    "AgendaItem.at": N_("A fixed start time (เวลาที่กำหนด), written as the day's start; must agree with the "
                        "computed one."),
    "AgendaItem.activity": N_("Id of the learning activity this item runs (กิจกรรมที่เกี่ยวข้อง)."),
    "AgendaItem.note": N_("A note printed after the title (หมายเหตุ), such as the speaker."),
    "ItemKind": N_("Kind of agenda item (ประเภทรายการ)."),
    "Activity": N_("A learning activity (กิจกรรมการเรียนรู้) of the session plan."),
    "Activity.id": N_("Short name the agenda and worksheets refer to (รหัสกิจกรรม)."),
    "Activity.title": N_("Name of the activity (ชื่อกิจกรรม)."),
    "Activity.topics": N_("Content covered (เนื้อหา), may nest."),
    "Activity.objectives": N_("Objectives (วัตถุประสงค์)."),
    "Activity.steps": N_("Method steps (วิธีการ); a step may have its own steps."),
    "Activity.media": N_("Media (สื่อ); one with a url prints as a QR code."),
    "Activity.minutes": N_("Time the activity takes (เวลาที่ใช้), in minutes."),
    "Activity.expected": N_("Expected results (ผลที่คาดว่าจะได้รับ)."),
    "Activity.surveys": N_("Ids of the surveys used in this activity (แบบสำรวจ)."),
    "Step": N_("A step or point (ขั้นตอน); plain text, or text with nested steps."),
    "Step.text": N_("The step's text (ข้อความ)."),
    "Step.steps": N_("Nested steps (ขั้นตอนย่อย)."),
    "Media": N_("A teaching medium (สื่อ); plain text, or a title with a link or sub-items."),
    "Media.title": N_("What it is (ชื่อสื่อ)."),
    "Media.url": N_("An https:// link (ลิงก์), printed as a QR code."),
    "Media.items": N_("Sub-items (สื่อย่อย), numbered 1.1, 1.2 ..."),
    "Worksheet": N_("A worksheet (ใบงาน) built from blocks."),
    "Worksheet.id": N_("Short name, used in the file name (รหัสใบงาน)."),
    "Worksheet.title": N_("Title (ชื่อใบงาน)."),
    "Worksheet.subtitle": N_("A second title line (ชื่อรอง)."),
    "Worksheet.activity": N_("Id of the activity it belongs to (กิจกรรม); places it in agenda order."),
    "Worksheet.orientation": N_("portrait or landscape (แนวกระดาษ)."),
    "Worksheet.collected": N_("Handed in after the workshop (เก็บคืน): it starts on the front of a "
                           "sheet and ends its own sheet in the participant pack and print run."),
    "FormField": N_("A blank on a form's header (ช่องกรอก), as its label (ชื่อ) or {label, fill}."),
    "FormField.label": N_("The words before the blank (ชื่อ, อำเภอ, ชื่อหมู่บ้าน ...)."),
    "FormField.fill": N_("What the roster prints on the line (ข้อมูลที่เติมจากรายชื่อ): name, surname, "
                      "full_name, titled_name (with the prefix), prefix, village, area, district, "
                      "province, group, code, phone, email, or none. Left out, "
                      "only ชื่อ, นามสกุล, ชื่อ-นามสกุล, คำนำหน้า, ตำบล, อำเภอ, จังหวัด, รหัส (and "
                      "name, surname, full name, prefix, subdistrict, district, province, code) are "
                      "filled; any other field stays blank for the hand."),
    "Worksheet.blocks": N_("The worksheet's content, in order (ส่วนประกอบ)."),
    "InstructionsBlock": N_("Numbered instructions (คำชี้แจง)."),
    "InstructionsBlock.type": "instructions",
    "InstructionsBlock.title": N_("Heading (หัวข้อ), such as คำชี้แจง."),
    "InstructionsBlock.items": N_("The instructions (ข้อ), may nest."),
    "TextBlock": N_("A paragraph (ข้อความ)."),
    "TextBlock.type": "text",
    "TextBlock.text": N_("The text (ข้อความ)."),
    "TextBlock.emphasis": N_("Bold and centred (เน้น)."),
    "QuestionsBlock": N_("Questions with lines to write on (คำถาม)."),
    "QuestionsBlock.type": "questions",
    "QuestionsBlock.title": N_("Heading (หัวข้อ)."),
    "QuestionsBlock.items": N_("The questions (คำถาม)."),
    "Question": N_("A question (คำถาม); plain text, or with its number and writing lines."),
    "Question.text": N_("The question (คำถาม)."),
    "Question.number": N_("Its number as printed (เลขข้อ), such as 1.1."),
    "Question.lines": N_("Lines to write on (จำนวนบรรทัด)."),
    "TableBlock": N_("A table to fill in (ตาราง): a label column, then writing or tick columns."),
    "TableBlock.type": "table",
    "TableBlock.title": N_("Heading above the table (ชื่อตาราง)."),
    "TableBlock.label_column": N_("Heading of the first column (หัวคอลัมน์แรก)."),
    "TableBlock.columns": N_("The other columns (คอลัมน์)."),
    "TableBlock.rows": N_("Labelled rows (แถว); a row may hold rows of its own."),
    "TableBlock.blank_rows": N_("Empty rows added at the end (แถวว่าง)."),
    "TableBlock.lines": N_("Height of each row in lines of handwriting (ความสูงแถว)."),
    "Column": N_("A table column (คอลัมน์); plain text is its heading."),
    "Column.label": N_("Heading (หัวคอลัมน์)."),
    "Column.short": N_("A short heading (หัวย่อ), the full one printed in a key under the table."),
    "Column.kind": N_("text (space to write) or tick (a box to tick) (ชนิด)."),
    "Column.group": N_("A heading over neighbouring columns with the same group (หัวกลุ่ม)."),
    "Column.width": N_("Relative width (ความกว้าง)."),
    "Row": N_("A table row (แถว); plain text is its label."),
    "Row.label": N_("The row's label (ข้อความ)."),
    "Row.write_in": N_("A row to name by hand, such as อื่น ๆ (ระบุ) ........ (แถวเขียนเติม)."),
    "Row.lines": N_("Height in lines of handwriting (ความสูง)."),
    "Row.rows": N_("Rows under this one (แถวย่อย), numbered 2.1, 2.2 ..."),
    "BoxBlock": N_("A framed space to write in (กรอบเขียน)."),
    "BoxBlock.type": "box",
    "BoxBlock.label": N_("Heading inside the box (หัวข้อ)."),
    "BoxBlock.hint": N_("A hint under it (คำแนะนำ)."),
    "BoxBlock.lines": N_("Height in lines of handwriting (ความสูง)."),
    "GridBlock": N_("Four boxes, two by two (ตาราง 2x2), such as a SWOT grid."),
    "GridBlock.type": "grid",
    "GridBlock.title": N_("Heading (หัวข้อ)."),
    "GridBlock.cells": N_("The four boxes (ช่อง), left to right, top to bottom."),
    "GridBlock.lines": N_("Height of each box in lines (ความสูง)."),
    "GridCell": N_("A box of the grid (ช่อง); plain text is its label."),
    "GridCell.label": N_("Heading (หัวข้อ)."),
    "GridCell.hint": N_("A hint under it (คำแนะนำ)."),
    "FieldsBlock": N_("Blanks to fill in on one line (ช่องกรอก), such as ชื่อ ........ อำเภอ ........"),
    "FieldsBlock.type": "fields",
    "FieldsBlock.items": N_("The fields (ช่องกรอก): a label, or {label, fill} to say what a roster "
                            "prints on it."),
    "Survey": N_("An online survey (แบบสำรวจออนไลน์)."),
    "Survey.id": N_("Short name activities refer to (รหัส)."),
    "Survey.title": N_("Title (ชื่อแบบสำรวจ)."),
    "Survey.url": N_("The form's https:// link (ลิงก์)."),
    "Survey.purpose": N_("What it is for (วัตถุประสงค์), printed beside the QR code."),
    "Survey.prefill": N_("Google Forms entry ids and the roster values they get, such as "
                      "entry.1234567: \"{code}\" (กรอกล่วงหน้า); needs the long viewform link."),
    "ActionPlan": N_("The 5W+1H action-plan form (แบบฟอร์มแผนปฏิบัติการ)."),
    "ActionPlan.title": N_("Title (ชื่อแบบฟอร์ม)."),
    "ActionPlan.subtitle": N_("A second title line (ชื่อรอง)."),
    "ActionPlan.activity": N_("Id of the activity it belongs to (กิจกรรม)."),
    "ActionPlan.collected": N_("Handed in after the workshop (เก็บคืน): on sheets of its own in the packs."),
    "ActionPlan.fields": N_("Blanks to fill in above it (ช่องกรอก), such as หมู่บ้าน/ตำบล."),
    "ActionPlan.goals": N_("Numbered goal lines (เป้าหมาย)."),
    "ActionPlan.issue_column": N_("Heading of the first column (หัวคอลัมน์ประเด็น)."),
    "ActionPlan.columns": N_("The plan's columns (คอลัมน์): what, why, who, where, when, how, output."),
    "ActionPlan.rows": N_("The issues (ประเด็น); an issue may hold sub-issues."),
    "ActionPlan.lines": N_("Height of each row in lines (ความสูงแถว)."),
    "ActionPlan.signatures": N_("Signature lines at its foot (ลงชื่อ), up to three; by default one for "
                             "whoever prepared the plan (ผู้จัดทำแผน), [] for none."),
    "Signer.role": N_("Printed after the signature line (ผู้จัดทำแผน, ผู้อนุมัติ)."),
    "Signer.name": N_("The signer's name, printed in parentheses under the line; blank to fill in "
                      "if not given."),
    "Signer.position": N_("The signer's position (ตำแหน่ง); blank to fill in if not given."),
    "PlanColumn": N_("A 5W+1H column (คอลัมน์); plain text is its key."),
    "PlanColumn.key": N_("what, why, who, where, when, how or output "
                         "(ทำอะไร ทำไม ใคร ที่ไหน เมื่อไร อย่างไร ผลงาน)."),
    "PlanColumn.label": N_("Heading as printed (หัวคอลัมน์); the key's usual heading when left out."),
    "Goals": N_("Goal lines (เป้าหมาย)."),
    "Goals.title": N_("Heading (หัวข้อ), such as เป้าหมายที่อยากเห็น 1 ปี."),
    "Goals.lines": N_("How many numbered lines (จำนวนบรรทัด)."),
    "SelfAssessment": N_("The competency self-assessment (แบบประเมินตนเอง)."),
    "SelfAssessment.title": N_("Title (ชื่อแบบประเมิน)."),
    "SelfAssessment.subtitle": N_("A second title line (ชื่อรอง)."),
    "SelfAssessment.activity": N_("Id of the activity it belongs to (กิจกรรม)."),
    "SelfAssessment.collected": N_("Handed in after the workshop (เก็บคืน), as it is unless false: "
                                "it starts on a front side and ends its own sheet in the packs."),
    "SelfAssessment.fields": N_("Blanks to fill in (ช่องกรอก): ชื่อ, นามสกุล, พื้นที่/ตำบล ..."),
    "SelfAssessment.objectives": N_("The objectives section (วัตถุประสงค์), with its points."),
    "SelfAssessment.instructions": N_("The instructions section (คำชี้แจง), with its points."),
    "SelfAssessment.role_column": N_("Heading of the role column (หัวคอลัมน์บทบาท)."),
    "SelfAssessment.remarks_column": N_("Heading of the remarks column (หมายเหตุ); none when left out."),
    "SelfAssessment.scale": N_("The rating scale (ระดับ)."),
    "SelfAssessment.roles": N_("Roles and their sub-items to rate (บทบาทและภารกิจ)."),
    "Scale": N_("The rating scale (เกณฑ์การประเมิน)."),
    "Scale.levels": N_("How many levels (จำนวนระดับ), 4 for 1-4."),
    "Scale.label": N_("Heading over the rating columns (หัวคอลัมน์ระดับ)."),
    "Role": N_("A role (บทบาท) with sub-items to rate."),
    "Role.title": N_("The role (บทบาท)."),
    "Role.items": N_("Its sub-items (ภารกิจย่อย), numbered 1.1, 1.2 ..."),
    "Workshop.certificate": N_("Certificates of attendance (เกียรติบัตร), one per participant of the "
                               "roster, or blank ones for --participants."),
    "Workshop.badges": N_("Name badges (ป้ายชื่อ) for the roster's participants, A4 sheets of 8 or 10."),
    "Workshop.sign_in": N_("The sign-in sheet (ใบลงทะเบียน): rows for walk-ins and extra columns."),
    "Certificate": N_("A certificate of attendance (เกียรติบัตร), one landscape A4 page per participant."),
    "Certificate.title": N_("The word over the heading (หัวเรื่อง); เกียรติบัตร when left out, none "
                            "when empty."),
    "Certificate.organisation": N_("The organisation that gives it (หน่วยงาน); the organiser's name "
                                   "when left out."),
    "Certificate.heading": N_("The line before the name (ข้อความนำ); เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า "
                              "when left out."),
    "Certificate.text": N_("The text after the name (ข้อความ), such as ได้เข้าร่วม{title}; it may use "
                           "{title}, {dates}, {venue}, {organiser}, {days} and the participant's "
                           "{area}, {district}, {province}, {village}, {group}."),
    "Certificate.given": N_("The date it is given (ให้ไว้ ณ วันที่); the agenda's last day when left "
                            "out, a line to write on when that has no date either."),
    "Certificate.number": N_("The certificate's number (เลขที่) after เลขที่: {n} is the roster's "
                             "ลำดับ (its row when the roster has none) in three digits, {year} the "
                             "year given (พ.ศ. in Thai)."),
    "Certificate.signers": N_("One to three signers (ผู้ลงนาม), side by side."),
    "CertificateSigner": N_("Who signs the certificates (ผู้ลงนาม)."),
    "CertificateSigner.name": N_("The signer's name (ชื่อผู้ลงนาม), printed in parentheses."),
    "CertificateSigner.position": N_("The signer's position (ตำแหน่ง), printed under the name."),
    "CertificateSigner.signature": N_("The signature as an image beside the definition (ลายมือชื่อ), "
                                      "a PNG with a transparent background or a JPEG."),
    "Badges": N_("Name badges (ป้ายชื่อ) cut from A4 sheets along dashed lines."),
    "Badges.per_sheet": N_("Badges per A4 sheet (จำนวนต่อแผ่น): 8 (88 x 62 mm) or 10 (88 x 50 mm)."),
    "Badges.title": N_("A short title printed on every badge (ชื่องานแบบสั้น); the workshop's title "
                       "when left out, at most two lines."),
    "Badges.prefix": N_("Print the prefix before the name (พิมพ์คำนำหน้า): true or false."),
    "Badges.detail": N_("What is printed under the name (บรรทัดใต้ชื่อ): area (หมู่ที่, ตำบล, อำเภอ), "
                        "group or none."),
    "Badges.qr": N_("A small QR code on each badge (คิวอาร์โค้ด): none, code (the participant's "
                    "code) or the id of a survey (their personal link)."),
    "SignIn": N_("How the sign-in sheet is laid out (ใบลงทะเบียน)."),
    "SignIn.walk_ins": N_("Numbered rows after the roster's names for people who walk in (แถวสำรอง "
                          "สำหรับผู้ที่มาโดยไม่ได้ลงชื่อไว้); --walk-in N sets it for one build."),
    "SignIn.columns": N_("Extra columns (คอลัมน์เพิ่ม): phone (written by hand) and allowance (to sign "
                         "for the travel allowance)."),
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
