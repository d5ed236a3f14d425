"""The agenda as the studio's form: computed times read loosely, and an edit written back
into the text with nothing else in the file changed."""
from __future__ import annotations

import difflib

import pytest
from helpers import ROOT

from workshopkit.definition.agenda_form import agenda_form, edit_agenda
from workshopkit.errors import WorkshopkitError

REFERENCE = (ROOT / "workshops" / "community-service-unit-2day.yaml").read_text(encoding="utf-8")

TEXT = """\
# เวทีทดลอง: ความเห็นของวิทยากรอยู่ที่นี่
title: เวทีประชาคม
agenda:
  days:
    - date: 12 มีนาคม 2569
      start: 08.30   # ตามที่ตกลงกับอำเภอ
      items:
        - {title: ลงทะเบียน, kind: registration, minutes: 30}
        # ช่วงเช้า
        - {title: แนะนำตัว, minutes: 1 ชั่วโมง}
        - title: ระดมความคิด
          minutes: 90
          at: "10:00"
        - {title: ปิดเวที}
activities: []
"""


def changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("---", "+++"))]


def test_the_form_computes_each_item_from_the_trainers_forms_of_time():
    day, = agenda_form(TEXT)
    assert day.start == "08:30" and day.date == "2026-03-12"
    assert [(i.title, i.start, i.end) for i in day.items] == [
        ("ลงทะเบียน", "08:30", "09:00"), ("แนะนำตัว", "09:00", "10:00"),
        ("ระดมความคิด", "10:00", "11:30"), ("ปิดเวที", "11:30", None)]
    assert [i.kind for i in day.items] == ["registration", "session", "session", "session"]


def test_a_fixed_time_that_no_longer_agrees_is_shown_at_its_item():
    moved = edit_agenda(TEXT, {"op": "move", "day": 0, "index": 1, "to": 0})
    assert [i.problem is None for i in agenda_form(moved)[0].items] == [True, True, True, True]
    shorter = edit_agenda(TEXT, {"op": "set", "day": 0, "index": 0, "field": "minutes", "value": 20})
    items = agenda_form(shorter)[0].items
    assert items[2].problem and "10:00" in items[2].problem and "09:50" in items[2].problem
    assert (items[2].start, items[2].end) == ("09:50", "11:20")


def test_changing_one_item_changes_its_line_and_nothing_else():
    after = edit_agenda(TEXT, {"op": "set", "day": 0, "index": 0, "field": "minutes", "value": 45})
    assert changed(TEXT, after) == ["-        - {title: ลงทะเบียน, kind: registration, minutes: 30}",
                                    "+        - {title: ลงทะเบียน, kind: registration, minutes: 45}"]


def test_moving_an_item_moves_its_lines_and_keeps_the_comments():
    after = edit_agenda(TEXT, {"op": "move", "day": 0, "index": 3, "to": 0})
    assert after.splitlines()[7] == "        - {title: ปิดเวที}"
    assert sorted(after.splitlines()) == sorted(TEXT.splitlines())
    assert "# ตามที่ตกลงกับอำเภอ" in after and "# ช่วงเช้า" in after


def test_adding_and_removing_items():
    added = edit_agenda(TEXT, {"op": "add", "day": 0, "index": 1,
                               "item": {"title": "พักรับประทานอาหารว่าง", "kind": "break", "minutes": 15}})
    assert changed(TEXT, added) == ["+        - {title: พักรับประทานอาหารว่าง, kind: break, minutes: 15}"]
    assert [i.start for i in agenda_form(added)[0].items][:3] == ["08:30", "09:00", "09:15"]
    removed = edit_agenda(TEXT, {"op": "remove", "day": 0, "index": 1})  # with the comment above it
    assert changed(TEXT, removed) == ["-        # ช่วงเช้า", "-        - {title: แนะนำตัว, minutes: 1 ชั่วโมง}"]
    removed = edit_agenda(TEXT, {"op": "remove", "day": 0, "index": 2})
    assert changed(TEXT, removed) == ["-        - title: ระดมความคิด", "-          minutes: 90",
                                      '-          at: "10:00"']


def test_an_edit_of_the_reference_workshop_changes_only_its_line():
    after = edit_agenda(REFERENCE, {"op": "set", "day": 1, "index": 1, "field": "title",
                                    "value": "ทบทวนการเรียนรู้จากวันแรก (30 นาที)"})
    assert len(changed(REFERENCE, after)) == 2
    assert len(after.splitlines()) == len(REFERENCE.splitlines())


@pytest.mark.parametrize("change", [
    {"op": "move", "day": 0, "index": 9, "to": 0},
    {"op": "set", "day": 3, "index": 0, "field": "minutes", "value": 5},
    {"op": "rename", "day": 0, "index": 0},
])
def test_a_change_that_does_not_fit_the_agenda_is_refused(change):
    with pytest.raises(WorkshopkitError):
        edit_agenda(TEXT, change)


def test_a_definition_that_extends_another_has_no_agenda_form_of_its_own():
    assert agenda_form("extends: base.yaml\ntitle: x\n") == []
    with pytest.raises(WorkshopkitError, match="no agenda of its own"):
        edit_agenda("extends: base.yaml\n", {"op": "remove", "day": 0, "index": 0})
