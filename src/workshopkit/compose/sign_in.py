"""Composer: the sign-in sheet (ใบลงทะเบียน), one page or more per agenda day: number, name with
its prefix, area and a space to sign; roster names filled in, then numbered rows for people
who walk in, or blank rows to write every name; a telephone column (written by hand: the sheet
is passed round the room) and one to sign for the travel allowance when the definition asks."""
from __future__ import annotations

from collections.abc import Sequence

from ..definition import model
from ..people.roster import Participant
from ..wording.style import Style
from . import tree as doc
from .agenda import day_heading
from .common import cell

_ROW_MM_LINES = 1
# each column's share of the width, before the shares are made to add up to 100
_WIDTHS = {"number": 8, "full_name": 34, "area": 24, "phone": 15, "signature": 20, "allowance": 20}


def compose_sign_in(workshop: model.Workshop, style: Style, people: Sequence[Participant],
                    walk_ins: int = 0) -> doc.Document:
    """The sign-in sheet: a page per day, a row per person to sign, and `walk_ins` more."""
    keys = ["number", "full_name", "area", *(["phone"] if "phone" in workshop.sign_in.columns else []),
            "signature", *(["allowance"] if "allowance" in workshop.sign_in.columns else [])]
    total = sum(_WIDTHS[k] for k in keys)
    widths = tuple(round(_WIDTHS[k] * 100 / total, 1) for k in keys)
    blank = [Participant(len(people) + n, "") for n in range(1, walk_ins + 1)]
    blocks: list[doc.Block] = []
    for number, day in enumerate(workshop.agenda.days, start=1):
        if number > 1:
            blocks.append(doc.PageBreak())
        blocks.append(doc.Heading(day_heading(day, number, style), 3))
        if workshop.venue:
            blocks.append(doc.text(f"{style.label('venue')} {workshop.venue}"))
        head = (doc.Row(tuple(cell(style.label(k), "head") for k in keys), "head"),)
        rows = tuple(doc.Row(tuple(_cell(key, p, style) for key in keys)) for p in [*people, *blank])
        blocks.append(doc.Table(widths, head, rows))
    return doc.Document("sign-in-sheet", "sign-in", style.label("sign_in"), "facilitator",
                        tuple(blocks), subtitle=workshop.title)


def _cell(key: str, person: Participant, style: Style) -> doc.Cell:
    if key == "number":
        return cell(style.num(person.number))
    if key == "full_name":
        return cell(person.titled_name)
    if key == "area":
        village = f"{style.label('village_short')}{style.num(person.village)}" if person.village else ""
        return cell(" ".join(filter(None, [village, person.area, person.district])))
    # the telephone is written by hand, as everything else on the sheet after the name: a
    # sheet passed round the room does not show everyone's number
    return doc.Cell(kind="write", lines=_ROW_MM_LINES)
