"""Clock arithmetic for agendas: times are minutes after midnight; no formatting here."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import _

_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_clock(text: str) -> int:
    """`"08:30"` (or `"8.30"`) -> 510; ValueError with a plain message otherwise."""
    match = _CLOCK.match(text.strip())
    if not match:
        message = _("'{text}' is not a clock time; write it like 08.30 or \"08:30\"")
        raise ValueError(message.format(text=text))
    return int(match[1]) * 60 + int(match[2])


def clock_text(minutes: int) -> str:
    """510 -> "08:30"; the canonical form used in the model."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Slot:
    start: int
    end: int | None  # None: an open-ended last item, printed as a single time


class ScheduleError(ValueError):
    def __init__(self, index: int, field: str, message: str):
        super().__init__(message)
        self.index = index
        self.field = field


def schedule(start: int, items: list[tuple[int | None, int | None]]) -> list[Slot]:
    """Start and end of each item from the day's start and the items' (minutes, fixed start).

    A fixed start must agree with the computed one: a gap or overlap in an agenda is a
    mistake a facilitator wants to hear about, not something to paper over.
    """
    slots: list[Slot] = []
    now = start
    for index, (minutes, fixed) in enumerate(items):
        if fixed is not None and fixed != now:
            raise ScheduleError(index, "at", _(
                "fixed time {fixed} disagrees with the computed start {computed} (from the day's "
                "start and the durations before it)").format(fixed=clock_text(fixed),
                                                              computed=clock_text(now)))
        if minutes is None:
            if index != len(items) - 1:
                raise ScheduleError(index, "minutes",
                                    _("only the last item of a day may leave out its minutes"))
            slots.append(Slot(now, None))
            continue
        end = now + minutes
        if end > 24 * 60:
            message = _("the day runs past midnight ({over} minutes over)")
            raise ScheduleError(index, "minutes", message.format(over=end - 24 * 60))
        slots.append(Slot(now, end))
        now = end
    return slots
