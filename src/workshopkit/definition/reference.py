"""Beside the flow: docs/format.md and docs/format.th.md, the definition format's reference
in English and in Thai, made from the schema.

    python -m workshopkit.definition.reference > docs/format.md
    python -m workshopkit.definition.reference th > docs/format.th.md

A test regenerates both and fails when a committed file differs, so the reference cannot
drift from the model. The Thai one takes its words from the message catalogue (the field
descriptions are marked there), so a description without a Thai translation fails the
catalogue's test. Every example is validated here before it is printed.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import yaml

from ..i18n import N_, in_language
from . import model
from .loader import load_text
from .schema import SHORTHAND, workshop_schema

ORDER = ["Workshop", "Organiser", "Theme", "Agenda", "AgendaDay", "AgendaItem", "Activity", "Step",
         "Media", "Survey", "Worksheet", "InstructionsBlock", "TextBlock", "QuestionsBlock", "Question",
         "TableBlock", "Column", "Row", "BoxBlock", "GridBlock", "GridCell", "FieldsBlock",
         "ActionPlan", "Goals", "PlanColumn", "SelfAssessment", "Scale", "Role", "Checklist"]

BLOCK_EXAMPLES = {
    "InstructionsBlock": """\
type: instructions
title: คำชี้แจง
items:
  - ให้สมาชิกกลุ่มทบทวนประสบการณ์ที่ผ่านมา
  - text: แลกเปลี่ยนในประเด็นต่อไปนี้
    steps: [ทำไมถึงเข้ามาร่วม, ความสุขในการทำงานคืออะไร]
""",
    "TextBlock": """\
type: text
text: "จากความมุ่งหวัง 3 ปี ย้อนกลับมา 1 ปี เราอยากเห็นอะไร"
emphasis: true
""",
    "QuestionsBlock": """\
type: questions
title: ทบทวนความทรงจำ
items:
  - {number: "1.1", text: เคยได้ยินหรือรู้จักประกันสังคมครั้งแรกเมื่อไร, lines: 2}
  - ทำไมถึงเข้ามาร่วม
""",
    "TableBlock": """\
type: table
label_column: ประเภท/รูปแบบ
columns:
  - ขั้นตอนหรือวิธีการ (ทำอย่างไร?)
  - {short: "1", kind: tick, group: ผลที่เกิดขึ้น, label: มีส่วนร่วมของ 4 องค์กรหลัก}
  - {short: "2", kind: tick, group: ผลที่เกิดขึ้น, label: ใช้ข้อมูลในการพัฒนาผู้นำ}
rows:
  - คนต้นแบบ
  - {label: ด้านกลไก, rows: [คณะทำงาน, สมาชิกกลุ่ม]}
  - {label: อื่น ๆ (ระบุ), write_in: true}
blank_rows: 1
lines: 2
""",
    "BoxBlock": """\
type: box
label: สิ่งที่อยากเห็นในปีแรก
hint: รูปธรรม จับต้องได้
lines: 8
""",
    "GridBlock": """\
type: grid
cells: [จุดแข็ง, จุดอ่อน, โอกาส, อุปสรรค]
lines: 8
""",
    "FieldsBlock": """\
type: fields
items: [ชื่อ, นามสกุล, ตำบล, อำเภอ, จังหวัด]
""",
}


TYPES = {"string": N_("text"), "integer": N_("whole number"), "number": N_("number"),
         "boolean": N_("true / false")}


def _type(spec: dict[str, Any], say: Callable[[str], str]) -> str:
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in spec:
        return say(N_(" or ")).join(_type(s, say) for s in spec["anyOf"] if s.get("type") != "null")
    if "enum" in spec:
        return " / ".join(f"`{v}`" for v in spec["enum"])
    if "const" in spec:
        return f"`{spec['const']}`"
    kind = spec.get("type", "")
    if kind == "array":
        return say(N_("list of {kind}")).format(kind=_type(spec.get("items", {}), say))
    if kind == "object" and "additionalProperties" in spec:
        return say(N_("mapping"))
    if spec.get("format") == "date":
        return say(N_("date"))
    return say(TYPES[kind]) if kind in TYPES else kind or "any"


def format_reference(lang: str = "en") -> str:
    """docs/format.md (or, for "th", docs/format.th.md): every field of a definition."""
    say = in_language(lang)
    schema = workshop_schema()
    definitions = {"Workshop": schema, **schema["$defs"]}
    command = "python -m workshopkit.definition.reference" + (f" {lang} > docs/format.{lang}.md"
                                                              if lang != "en" else " > docs/format.md")
    out = [say(N_("# The workshop definition format")), "",
           say(N_("Made from the model by `{command}`; a test fails when this file and the model "
                  "disagree. Editors that read JSON Schema (VS Code's YAML extension) check the "
                  "same fields with `docs/workshop.schema.json`.")).format(command=command), ""]
    yes = say(N_("yes"))
    header = [say(N_("field")), say(N_("type")), say(N_("required")), say(N_("default")),
              say(N_("meaning"))]
    for name in ORDER:
        spec = definitions[name]
        body = next((s for s in spec.get("anyOf", []) if s.get("type") == "object"), spec)
        out += [f"## {name}", "", say(spec["description"]) if spec.get("description") else "", ""]
        if name in SHORTHAND:
            out += [say(N_("May be written as plain text, which stands for `{field}`.")).format(
                field=SHORTHAND[name]), ""]
        properties = body.get("properties", {})
        if properties:
            required = set(body.get("required", []))
            out += ["| " + " | ".join(header) + " |", "| --- | --- | --- | --- | --- |"]
            for field, field_spec in properties.items():
                default = field_spec.get("default")
                shown = "" if default in (None, [], {}) or isinstance(default, dict) else f"`{default}`"
                meaning = say(field_spec["description"]) if field_spec.get("description") else ""
                out.append(f"| `{field}` | {_type(field_spec, say)} "
                           f"| {yes if field in required else ''} | {shown} | {meaning} |")
            out.append("")
        if name in BLOCK_EXAMPLES:
            example = BLOCK_EXAMPLES[name]
            _check_block(example)
            out += ["```yaml", "blocks:", *("    " + line if i else "  - " + line
                                           for i, line in enumerate(example.rstrip().splitlines())),
                    "```", ""]
    return "\n".join(out).rstrip() + "\n"


def _check_block(example: str) -> None:
    data = load_text(example.encode(), "example").data
    model.Worksheet.model_validate({"id": "w", "title": "t", "blocks": [data]})
    yaml.safe_load(example)


if __name__ == "__main__":
    print(format_reference(*sys.argv[1:2]), end="")
