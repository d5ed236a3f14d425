"""Composer: name badges, A4 sheets of 8 or 10 cut along dashed lines, in roster order.

The name is printed large, at the size measured to fit one line of the badge; a name too long
for that is printed as the name over the surname, each fitted, and one too long even so is
refused at its row before anything is laid out (`too_long`)."""
from __future__ import annotations

from collections.abc import Sequence

from ..definition import model
from ..paper.measure import fitted_size
from ..paper.page import BADGE_CELLS, BADGE_PADDING_MM
from ..people.roster import Participant, titled
from ..people.surveys import personal_url
from ..wording.style import Style
from . import tree as doc

LARGEST_PT, SMALLEST_PT = 26.0, 11.0


def compose_badges(workshop: model.Workshop, style: Style, people: Sequence[Participant]) -> doc.Document:
    """The badges of `people` (blank ones for people without names), a sheet per 8 or 10."""
    spec = workshop.badges
    assert spec is not None
    columns, width, height = BADGE_CELLS[spec.per_sheet]
    title = spec.title or workshop.title  # its length checked when the definition was read
    survey = next((s for s in workshop.surveys if s.id == spec.qr), None)
    badges = []
    for person in people:
        name, surname = badge_lines(person, spec.prefix, width)
        qr = "" if not person.name else person.code if spec.qr == "code" else \
            personal_url(survey, person) if survey else ""
        badges.append(doc.Badge(name[0], name[1], _detail(person, spec.detail, style), title, qr,
                                surname[0], surname[1]))
    sheets: list[doc.Block] = []
    for start in range(0, len(badges), spec.per_sheet):
        if sheets:
            sheets.append(doc.PageBreak())
        sheets.append(doc.BadgeSheet(tuple(badges[start:start + spec.per_sheet]), columns, width, height))
    return doc.Document("badges", "badges", style.label("badges"), "facilitator", tuple(sheets), bare=True)


def badge_lines(person: Participant, prefix: bool, width: float = BADGE_CELLS[8][1]
                ) -> tuple[tuple[str, float], tuple[str, float]]:
    """(text, size) of the badge's name line and of its surname line ("" when the name fits
    whole); a size of 0 when even two lines do not hold the name."""
    box = width - 2 * BADGE_PADDING_MM
    whole = titled(person.prefix if prefix else "", person.full_name)
    size = fitted_size(whole, box, LARGEST_PT, SMALLEST_PT)
    if size or not person.surname:
        return (whole, size or 0.0), ("", 0.0)
    given = titled(person.prefix if prefix else "", person.name)
    return (given, fitted_size(given, box, LARGEST_PT, SMALLEST_PT) or 0.0), \
        (person.surname, fitted_size(person.surname, box, LARGEST_PT * 0.75, SMALLEST_PT) or 0.0)


def _detail(person: Participant, detail: str, style: Style) -> str:
    if detail == "group":
        return f"{style.label('group')} {style.num(person.group)}" if person.group else ""
    if detail == "area":
        village = f"{style.label('village_short')}{style.num(person.village)}" if person.village else ""
        return " ".join(filter(None, [village, person.area, person.district]))
    return ""
