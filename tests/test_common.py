"""Pieces every composer uses: numbered steps, cells, the rows of a table."""
from __future__ import annotations

from workshopkit.compose.common import body_rows, cell, numbered, paragraphs
from workshopkit.definition import model
from workshopkit.wording.style import Style


def test_steps_are_numbered_by_level():
    steps = [model.Step(text="แบ่งกลุ่ม", steps=[model.Step(text="เลือกประธาน")]), model.Step(text="นำเสนอ")]
    items = numbered(steps, Style())
    assert [(i.number, i.text) for i in items] == [("1.", "แบ่งกลุ่ม"), ("2.", "นำเสนอ")]
    assert [(c.number, c.text) for c in items[0].children] == [("1)", "เลือกประธาน")]


def test_thai_digits_number_paragraphs():
    assert [i.number for i in paragraphs(["ก", "ข"], Style(digits="thai")).items] == ["๑.", "๒."]


def test_an_empty_cell_holds_no_paragraph():
    assert cell("").blocks == () and cell("ชื่อ", "head").text == "ชื่อ"


def test_a_group_row_is_followed_by_its_numbered_sub_rows():
    rows = [model.Row(label="ด้านกลไก", rows=[model.Row(label="คณะทำงาน")])]
    out = body_rows(rows, ["text", "tick"], Style(), 2)
    assert [(r.kind, r.cells[0].text) for r in out] == [("group", "1. ด้านกลไก"), ("body", "1.1 คณะทำงาน")]
