"""Composer: the agenda (กำหนดการ), clock times computed from the items' durations.

Where a date or the venue is not known yet, the agenda prints blanks to fill in by hand,
as printed Thai agendas do (`วันที่ ....... เดือน ....... พ.ศ. .......`).
"""
from __future__ import annotations

from ..clock import Slot
from ..definition import model
from ..wording.style import Style
from . import tree as doc
from .common import cell

_MUTED = {model.ItemKind.meal, model.ItemKind.break_, model.ItemKind.registration}


def compose_agenda(workshop: model.Workshop, style: Style) -> doc.Document:
    """The agenda (กำหนดการ): each day's items with their computed times, in Thai style."""
    agenda = workshop.agenda
    blocks: list[doc.Block] = []
    if workshop.subtitle:  # under the workshop's title, which the header prints
        blocks.append(doc.text(workshop.subtitle, style="lead"))
    if agenda.title:
        blocks.append(doc.text(agenda.title, style="lead"))
    blocks.append(date_line(workshop, style))
    blocks.append(venue_line(workshop, style))
    several = len(agenda.days) > 1
    for number, day in enumerate(agenda.days, start=1):
        if several:  # a one-day agenda says its date and hours in the line above
            blocks.append(doc.Heading(day_heading(day, number, style), 3))
        blocks.append(_day_table(day, style))
    if agenda.remarks:  # kept with the table's last rows (print.css)
        blocks.append(doc.Heading(style.label("remarks"), 4))
        blocks.append(doc.ItemList(tuple(
            doc.ListItem(style.num(f"{n})"), remark) for n, remark in enumerate(agenda.remarks, 1))))
    return doc.Document("agenda", "agenda", style.label("agenda"), "participant", tuple(blocks),
                        subtitle=workshop.title)


def date_line(workshop: model.Workshop, style: Style) -> doc.Paragraph:
    """The workshop's dates as one line, blanks to fill in where they are not known."""
    dates = workshop.dates()
    if len(dates) == 1:
        day = workshop.agenda.days[0]
        first, last = day.slots()[0], day.slots()[-1]
        end = last.end if last.end is not None else last.start
        span = Slot(first.start, end if end > first.start else None)
        hours = f"{style.label('time')} {style.time_range(span)}"
        date = (style.date(day.date),) if day.date else _blank_date(style)
        return doc.text(*date, " ", hours, style="center")
    if all(dates):
        known = [d for d in dates if d]
        return doc.text(f"{style.label('between')} {style.date_range(known)}", style="center")
    return doc.text(style.label("between"), " ", doc.Blank(4), " ", style.label("until"), " ",
                    doc.Blank(4), " ", style.label("month"), " ", doc.Blank(8), " ",
                    style.label("era"), " ", doc.Blank(5), style="center")


def venue_line(workshop: model.Workshop, style: Style) -> doc.Paragraph:
    """ณ the venue, a blank to fill in where it is not known."""
    return doc.text(style.label("venue"), " ", workshop.venue or doc.Blank(24), style="center")


def _blank_date(style: Style) -> tuple[doc.Inline, ...]:
    return (style.label("day"), " ", doc.Blank(4), " ", style.label("month"), " ", doc.Blank(8),
            " ", style.label("era"), " ", doc.Blank(5))


def day_heading(day: model.AgendaDay, number: int, style: Style) -> str:
    """A day's heading: its date and label, or blanks to fill in when it has no date."""
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
