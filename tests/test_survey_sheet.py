"""The survey sheet: a QR code per online survey, big enough to scan from paper."""
from __future__ import annotations

from helpers import REFERENCE

from workshopkit.compose import tree as doc
from workshopkit.compose.survey_sheet import compose_survey_sheet
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(REFERENCE)


def test_each_survey_gets_a_code_of_35_mm_with_its_title_and_link():
    sheet = compose_survey_sheet(WORKSHOP, Style(), "closing")
    cards = [b for b in sheet.blocks if isinstance(b, doc.QRCard)]
    assert [(c.url, c.title) for c in cards] == [(s.url, s.title) for s in WORKSHOP.surveys]
    assert all(c.size_mm == 35 for c in cards)
    assert sheet.activity == "closing" and sheet.audience == "participant"
