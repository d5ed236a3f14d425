"""Worksheets (ใบงาน) and their blocks."""
from __future__ import annotations

from helpers import REFERENCE, tables

from workshopkit.compose import tree as doc
from workshopkit.compose.worksheet import compose_worksheet
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style

SHEETS = {sheet.id: sheet for sheet in read_workshop(REFERENCE).worksheets}


def test_analysis_form_has_five_tables_with_three_columns():
    found = tables(compose_worksheet(SHEETS["analysis"], Style()))
    assert len(found) == 5
    assert all(len(t.head[0].cells) == 3 for t in found)
    assert found[0].title == "ประเด็นที่ 1 คน : คณะทำงาน สมาชิก ในพื้นที่"


def test_a_worksheet_is_a_participants_sheet_placed_by_its_activity():
    sheet = compose_worksheet(SHEETS["memories"], Style())
    assert (sheet.slug, sheet.audience, sheet.activity) == (
        "worksheet-memories", "participant", SHEETS["memories"].activity)
    assert any(isinstance(b, doc.Question | doc.Fields | doc.Table) for b in sheet.blocks)
