"""Beside the flow: plain-text views for the terminal (no file is written)."""
from __future__ import annotations

from .compose.style import style_of
from .definition import model


def agenda_lines(workshop: model.Workshop) -> list[str]:
    """The computed agenda as aligned text: a heading per day, then time and item."""
    style = style_of(workshop)
    lines = []
    for number, day in enumerate(workshop.agenda.days, start=1):
        date = style.date(day.date) if day.date else f"{style.label('day')} {style.num(number)}"
        lines.append("")
        lines.append(date + (f" ({day.label})" if day.label else ""))
        for item, slot in zip(day.items, day.slots(), strict=True):
            activity = f"  [{item.activity}]" if item.activity else ""
            lines.append(f"  {style.time_range(slot).replace(chr(160), ' '):<20} {item.title}{activity}")
    return lines


def field_lines(workshop: model.Workshop) -> list[str]:
    """Every form field and what a roster prints on it (`validate --verbose`)."""
    return [f"{where}: {field.label} <- {field.takes or '(blank, filled in by hand)'}"
            for where, field in workshop.form_fields()]
