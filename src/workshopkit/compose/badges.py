"""Composer: name badges, A4 sheets of 8 or 10 cut along dashed lines, in roster order.

The name is printed large, at the size measured to fit one line of the badge (beside the QR
code, when there is one: a long personal link makes a larger code); a name too long for that is
printed as the name over the surname, each fitted, and one too long even so is refused at its
row before anything is laid out (compose/roster_day.py)."""
from __future__ import annotations

from collections.abc import Sequence

from .. import qr as qr_codes
from ..definition import model
from ..paper.measure import fitted_size
from ..paper.page import BADGE_CELLS, BADGE_PADDING_MM
from ..people.roster import Participant, titled
from ..people.surveys import personal_url
from ..wording.style import Style
from . import tree as doc

LARGEST_PT, SMALLEST_PT = 26.0, 10.0
QR_MM, QR_GAP_MM = 15.0, 2.0  # the code's least width, and the room between it and the words


def compose_badges(workshop: model.Workshop, style: Style, people: Sequence[Participant]) -> doc.Document:
    """The badges of `people` (blank ones for people without names), a sheet per 8 or 10."""
    spec = workshop.badges
    assert spec is not None
    columns, width, height = BADGE_CELLS[spec.per_sheet]
    title = spec.title or workshop.title  # its length checked when the definition was read
    badges = []
    for person in people:
        code, side, (name, surname) = badge_face(workshop, person)
        badges.append(doc.Badge(name[0], name[1], _detail(person, spec.detail, style), title, code,
                                surname[0], surname[1], side))
    sheets: list[doc.Block] = []
    for start in range(0, len(badges), spec.per_sheet):
        if sheets:
            sheets.append(doc.PageBreak())
        sheets.append(doc.BadgeSheet(tuple(badges[start:start + spec.per_sheet]), columns, width, height))
    return doc.Document("badges", "badges", style.label("badges"), "facilitator", tuple(sheets), bare=True)


def badge_face(workshop: model.Workshop, person: Participant
               ) -> tuple[str, float, tuple[tuple[str, float], tuple[str, float]]]:
    """What a person's badge shows: what its QR code holds, the code's width (0 for none), and
    the name and surname lines fitted beside it (`badge_lines`)."""
    assert workshop.badges is not None
    code = _badge_code(workshop, person)
    side = qr_codes.print_size(code, QR_MM) if code else 0.0
    width = BADGE_CELLS[workshop.badges.per_sheet][1]
    return code, side, badge_lines(person, workshop.badges.prefix, words_width(width, side))


def _badge_code(workshop: model.Workshop, person: Participant) -> str:
    """What the badge's QR code holds: the participant's code, their personal survey link, or
    nothing (no QR code asked for, or a blank badge)."""
    spec = workshop.badges
    if spec is None or spec.qr == "none" or not person.name:
        return ""
    survey = next((s for s in workshop.surveys if s.id == spec.qr), None)
    return personal_url(survey, person) if survey else person.code


def words_width(width: float, qr_mm: float) -> float:
    """The width a badge `width` mm wide leaves its words beside a QR code `qr_mm` wide."""
    return width - 2 * BADGE_PADDING_MM - (qr_mm + QR_GAP_MM if qr_mm else 0.0)


def badge_lines(person: Participant, prefix: bool, box: float
                ) -> tuple[tuple[str, float], tuple[str, float]]:
    """(text, size) of the badge's name line and of its surname line ("" when the name fits
    whole) in a box `box` mm wide; a size of 0 when even two lines do not hold the name."""
    whole = titled(person.prefix if prefix else "", person.full_name)
    size = fitted_size(whole, box, LARGEST_PT, SMALLEST_PT)
    if size or not person.surname:
        return (whole, size or 0.0), ("", 0.0)
    given = titled(person.prefix if prefix else "", person.name)
    first = fitted_size(given, box, LARGEST_PT, SMALLEST_PT) or 0.0
    # the surname under the name, never larger than it
    return (given, first), (person.surname, fitted_size(person.surname, box, first or SMALLEST_PT,
                                                        SMALLEST_PT) or 0.0)


def _detail(person: Participant, detail: str, style: Style) -> str:
    if detail == "group":
        return f"{style.label('group')} {style.num(person.group)}" if person.group else ""
    if detail == "area":
        village = f"{style.label('village_short')}{style.num(person.village)}" if person.village else ""
        return " ".join(filter(None, [village, person.area, person.district]))
    return ""
