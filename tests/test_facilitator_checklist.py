"""A process the facilitator ticks through, steps nested as the definition nests them."""
from __future__ import annotations

from helpers import ROOT, tables

from workshopkit.compose.facilitator_checklist import compose_facilitator_checklist
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(ROOT / "workshops" / "community-welfare-forums.yaml")


def test_each_step_has_a_tick_box_and_room_for_the_date_and_a_note():
    checklist = WORKSHOP.checklists[0]
    document = compose_facilitator_checklist(checklist, Style())
    (table,) = tables(document)
    assert [c.text for c in table.head[0].cells] == ["ทำแล้ว", "ขั้นตอน", "วันที่ / บันทึก"]
    first = table.body[0]
    assert [c.kind for c in first.cells] == ["tick", "label", "write"]
    assert first.cells[1].text == f"1. {checklist.items[0].text}"
    assert document.slug == f"checklist-{checklist.id}" and document.audience == "facilitator"
