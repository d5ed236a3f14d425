"""How numbers, clock times and dates read on paper, in Thai or English.

Thai style: `08.30 – 09.00 น.`, dates in the Buddhist Era with Thai month names
(PyThaiNLP), and Thai digits (๐-๙) when the definition asks for them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pythainlp.util import arabic_digit_to_thai_digit, thai_strftime

from ..clock import Slot
from .labels import LABELS

EN_DASH = "\u2013"


NBSP = "\u00a0"


def _moment(day: dt.date) -> dt.datetime:
    """PyThaiNLP's strftime is typed for a datetime; a date is the start of its day."""
    return dt.datetime.combine(day, dt.time())


@dataclass(frozen=True)
class Style:
    language: str = "th"
    digits: str = "arabic"
    overrides: tuple[tuple[str, str], ...] = ()  # the definition's own `labels:`
    scale: float = 1.0  # the type size against the normal 12 pt (government letters: 16 pt)

    def label(self, key: str) -> str:
        """The printed word for `key`: the organiser's own, or the table's."""
        return dict(self.overrides).get(key) or LABELS[self.language][key]

    def say(self, key: str, **values: object) -> str:
        """A label with its blanks filled in: say("r_round", n=2) -> "รอบที่ 2"."""
        return self.label(key).format(**values)

    def num(self, value: object) -> str:
        """A number in the workshop's digits (Thai digits on request)."""
        text = str(value)
        return arabic_digit_to_thai_digit(text) if self.digits == "thai" else text

    def clock(self, minutes: int) -> str:
        """A clock time as the language writes it (08.30 น. in Thai)."""
        sep = "." if self.language == "th" else ":"
        return self.num(f"{minutes // 60:02d}{sep}{minutes % 60:02d}")

    def time_range(self, slot: Slot) -> str:
        """A time range (08.30 – 09.00 น.)."""
        suffix = self.label("clock_suffix")
        if slot.end is None:
            return f"{self.clock(slot.start)}{suffix}"
        return f"{self.clock(slot.start)} {EN_DASH} {self.clock(slot.end)}{suffix}"

    def date(self, day: dt.date) -> str:
        """A date, in the Buddhist Era with Thai month names in Thai."""
        if self.language == "th":
            return thai_strftime(_moment(day), "%Aที่ %-d %B พ.ศ. %Y", thaidigit=self.digits == "thai")
        return self.num(day.strftime("%A %-d %B %Y"))

    def day(self, day: dt.date) -> str:
        """A date without its weekday, as a certificate gives it (12 มีนาคม พ.ศ. 2569)."""
        if self.language == "th":
            return thai_strftime(_moment(day), "%-d %B พ.ศ. %Y", thaidigit=self.digits == "thai")
        return self.num(day.strftime("%-d %B %Y"))

    def month_year(self, day: dt.date) -> str:
        """A month and year, in the Buddhist Era in Thai."""
        if self.language == "th":
            return thai_strftime(_moment(day), "%B พ.ศ. %Y", thaidigit=self.digits == "thai")
        return self.num(day.strftime("%B %Y"))

    def minutes(self, count: int) -> str:
        """A duration in minutes with its unit, never parted from it (60 นาที)."""
        return f"{self.num(count)}{NBSP}{self.label('minutes_unit')}"  # 60 นาที stays together

    def date_range(self, days: list[dt.date]) -> str:
        """`1 – 2 ธันวาคม พ.ศ. 2569`; the caller prints blanks when a date is missing."""
        first, last = min(days), max(days)
        if first == last:
            return self.date(first)
        if (first.year, first.month) == (last.year, last.month):
            return f"{self.num(first.day)} {EN_DASH} {self.num(last.day)} {self.month_year(first)}"
        return f"{self.date(first)} {EN_DASH} {self.date(last)}"
