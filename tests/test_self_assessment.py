"""The 1-4 competency self-assessment form."""
from __future__ import annotations

from helpers import REFERENCE, tables

from workshopkit.compose.self_assessment import compose_self_assessment
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style

FORM = read_workshop(REFERENCE).self_assessment
assert FORM is not None
DOCUMENT = compose_self_assessment(FORM, Style())


def test_self_assessment_has_four_tick_boxes_and_a_remark_per_sub_item():
    (table,) = tables(DOCUMENT)
    items = [row for row in table.body if row.kind == "body"]
    groups = [row for row in table.body if row.kind == "group"]
    assert len(groups) == 7 and len(items) == 27
    assert all([c.kind for c in row.cells] == ["label", "tick", "tick", "tick", "tick", "write"]
               for row in items)
    assert items[-1].cells[0].text == "7.5 สรุปผลและปรับวิธีการทำงานเพื่อขับเคลื่อนงานร่วมกันต่อไป"
    assert [c.text for c in table.head[1].cells] == ["1", "2", "3", "4"]
