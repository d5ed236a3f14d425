"""The sign-in sheet (ใบลงทะเบียน): a page per day, a row per participant."""
from __future__ import annotations

from helpers import REFERENCE, tables

from workshopkit.compose import tree as doc
from workshopkit.compose.sign_in import compose_sign_in
from workshopkit.definition.read import read_workshop
from workshopkit.people.roster import Participant, blank_roster
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(REFERENCE)


def test_every_day_starts_a_page_with_a_row_per_participant():
    people = [Participant(1, "สมศรี", "ใจดี", area="หนองบัว", district="เมือง"), Participant(2, "สมชาย")]
    sheet = compose_sign_in(WORKSHOP, Style(), people)
    days = len(WORKSHOP.agenda.days)
    assert len(tables(sheet)) == days == 1 + sum(isinstance(b, doc.PageBreak) for b in sheet.blocks)
    rows = [[c.text for c in row.cells] for row in tables(sheet)[0].body]
    assert rows == [["1", "สมศรี ใจดี", "หนองบัว เมือง", ""], ["2", "สมชาย", "", ""]]
    assert tables(sheet)[0].body[0].cells[3].kind == "write"


def test_without_a_roster_the_rows_are_numbered_and_blank():
    rows = tables(compose_sign_in(WORKSHOP, Style(), blank_roster(3)))[0].body
    assert [[c.text for c in row.cells][:3] for row in rows] == [["1", "", ""], ["2", "", ""], ["3", "", ""]]
