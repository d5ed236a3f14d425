"""Composer: the survey poster, one A4 page per online survey with a QR code over 8 cm wide, for the
wall or the projector: one printed page instead of a survey sheet for every participant."""
from __future__ import annotations

from ..definition import model
from ..wording.style import Style
from . import tree as doc

POSTER_QR_MM = 120.0  # with its quiet zone: the code itself is 85 mm or more


def compose_survey_poster(workshop: model.Workshop, style: Style) -> doc.Document:
    """A page per survey: its title, purpose, a large QR code and the link."""
    pages = tuple(doc.Poster(s.url, s.title, s.purpose or "", style.label("survey_intro"), POSTER_QR_MM)
                  for s in workshop.surveys)
    return doc.Document("survey-poster", "survey-poster", style.label("survey_poster"), "facilitator",
                        pages, subtitle=workshop.title, bare=True)
