"""Composer: the sign-in sheet (ใบลงทะเบียน), one page or more per agenda day: number, name,
area and a space to sign; roster names filled in, or blank rows to write them."""
from __future__ import annotations

from collections.abc import Sequence

from ..definition import model
from ..people.roster import Participant
from ..wording.style import Style
from . import tree as doc
from .agenda import day_heading
from .common import cell

_ROW_MM_LINES = 1


def compose_sign_in(workshop: model.Workshop, style: Style,
                    people: Sequence[Participant]) -> doc.Document:
    """The sign-in sheet: a page per day, a row per person to sign."""
    blocks: list[doc.Block] = []
    for number, day in enumerate(workshop.agenda.days, start=1):
        if number > 1:
            blocks.append(doc.PageBreak())
        blocks.append(doc.Heading(day_heading(day, number, style), 3))
        if workshop.venue:
            blocks.append(doc.text(f"{style.label('venue')} {workshop.venue}"))
        head = (doc.Row(tuple(cell(style.label(k), "head") for k in
                              ("number", "full_name", "area", "signature")), "head"),)
        rows = tuple(doc.Row((cell(style.num(p.number)), cell(p.full_name),
                              cell(" ".join(filter(None, [p.area, p.district]))),
                              doc.Cell(kind="write", lines=_ROW_MM_LINES)))
                     for p in people)
        blocks.append(doc.Table((9, 38, 28, 25), head, rows))
    return doc.Document("sign-in-sheet", "sign-in", style.label("sign_in"), "facilitator",
                        tuple(blocks), subtitle=workshop.title)
