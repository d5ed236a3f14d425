"""Composer: the agenda (กำหนดการ), clock times computed from the items' durations.

Where a date or the venue is not known yet, the agenda prints blanks to fill in by hand,
as printed Thai agendas do (`วันที่ ....... เดือน ....... พ.ศ. .......`).
"""
from __future__ import annotations

from .. import doc, model
from ..formatting import Style
from .common import cell

_MUTED = {model.ItemKind.meal, model.ItemKind.break_, model.ItemKind.registration}


def compose_agenda(workshop: model.Workshop, style: Style) -> doc.Document:
    agenda = workshop.agenda
    blocks: list[doc.Block] = []
    if agenda.title:
        blocks.append(doc.text(agenda.title, style="lead"))
    blocks.append(_date_line(workshop, style))
    blocks.append(doc.text(style.label("venue"), " ", workshop.venue or doc.Blank(24), style="center"))
    for number, day in enumerate(agenda.days, start=1):
        blocks.append(doc.Heading(_day_heading(day, number, style), 3))
        blocks.append(_day_table(day, style))
    if agenda.remarks:
        blocks.append(doc.Heading(style.label("remarks"), 4))
        blocks.append(doc.ItemList(tuple(
            doc.ListItem(style.num(f"{n})"), remark) for n, remark in enumerate(agenda.remarks, 1))))
    return doc.Document("agenda", "agenda", style.label("agenda"), "participant", tuple(blocks),
                        subtitle=workshop.title)


def _date_line(workshop: model.Workshop, style: Style) -> doc.Paragraph:
    dates = workshop.dates()
    if all(dates):
        known = [d for d in dates if d]
        lead = style.label("between") if len(set(known)) > 1 else style.label("day")
        return doc.text(f"{lead} {style.date_range(known)}", style="center")
    if len(dates) == 1:
        return doc.text(*_blank_date(style), style="center")
    return doc.text(style.label("between"), " ", doc.Blank(4), " ", style.label("until"), " ",
                    doc.Blank(4), " ", style.label("month"), " ", doc.Blank(8), " ",
                    style.label("era"), " ", doc.Blank(5), style="center")


def _blank_date(style: Style) -> tuple[doc.Inline, ...]:
    return (style.label("day"), " ", doc.Blank(4), " ", style.label("month"), " ", doc.Blank(8),
            " ", style.label("era"), " ", doc.Blank(5))


def _day_heading(day: model.AgendaDay, number: int, style: Style) -> str:
    label = f" ({day.label})" if day.label else ""
    if day.date:
        return style.date(day.date) + label
    blank = "." * 10
    if style.language == "th":
        return f"วันที่ {blank} เดือน {blank} พ.ศ. {blank}{label}"
    return f"Day {style.num(number)}: date {blank}{label}"


def _day_table(day: model.AgendaDay, style: Style) -> doc.Table:
    head = (doc.Row((cell(style.label("time"), "head"), cell(style.label("item"), "head")), "head"),)
    rows = []
    for item, slot in zip(day.items, day.slots(), strict=True):
        title = item.title + (f" ({item.note})" if item.note else "")
        rows.append(doc.Row((cell(style.time_range(slot)), cell(title)),
                            "muted" if item.kind in _MUTED else "body"))
    return doc.Table((27, 73), head, tuple(rows), style="agenda")
