"""Composer: the survey sheet: one QR card per online survey, large enough to scan from paper."""
from __future__ import annotations

from ..definition import model
from ..wording.style import Style
from . import tree as doc


def compose_survey_sheet(workshop: model.Workshop, style: Style,
                         activity: str | None) -> doc.Document:
    """The survey sheet: a QR code per online survey, placed with `activity` in the agenda."""
    blocks: list[doc.Block] = [doc.text(style.label("survey_intro"), style="note")]
    blocks.extend(doc.QRCard(s.url, s.title, s.purpose or "", size_mm=35) for s in workshop.surveys)
    return doc.Document("survey-sheet", "survey-sheet", style.label("survey_sheet"), "participant",
                        tuple(blocks), subtitle=workshop.title, activity=activity)
