"""Definition: what Thai trainers write, read as they mean it.

Every Thai agenda writes `08.30 น.`, counts years in the Buddhist Era and says `1 ชั่วโมง 30
นาที`; refusing these habits, or worse reading พ.ศ. 2569 as the year 2569, serves no one.
These readers run before the model's own checks (pydantic `BeforeValidator`s), take Thai or
Arabic digits, and leave anything they do not recognise to the model, which refuses it with a
message that says how to write it.
"""
from __future__ import annotations

import datetime as dt
import re

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BUDDHIST_ERA_FROM = 2400  # a year from 2400 on is พ.ศ.: 543 years ahead of the Gregorian
BUDDHIST_ERA_OFFSET = 543
THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
THAI_MONTHS_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                     "ต.ค.", "พ.ย.", "ธ.ค.")
ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december")

_CLOCK_SUFFIX = re.compile(r"\s*(?:น\.?|นาฬิกา)$")
_HOURS = r"(?:ชั่วโมง|ชม\.?|hours?|hrs?|h)"
_MINUTES = r"(?:นาที|น\.|minutes?|mins?|m)"
_DURATION = re.compile(rf"^(?:(\d+)\s*{_HOURS})?\s*(?:(\d+)\s*{_MINUTES}?)?$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_WORDS = re.compile(r"^(?:วันที่\s*)?(\d{1,2})\s+(\S+?)\s+(?:พ\.ศ\.\s*|ค\.ศ\.\s*)?(\d{4})$")


def digits(text: str) -> str:
    """Thai digits as Arabic ones, the rest as it is."""
    return text.translate(THAI_DIGITS)


def clock(value: object) -> object:
    """`8.30`, `08.30 น.`, `๐๘.๓๐` and `8:30` as `08:30`'s text; anything else unchanged."""
    if not isinstance(value, str):
        return value
    text = _CLOCK_SUFFIX.sub("", digits(value).strip())
    return text.replace(" ", "")


def minutes(value: object) -> object:
    """`90 นาที`, `1 ชั่วโมง 30 นาที`, `1 ชม.` and `๙๐` as a number of minutes; anything
    else unchanged (the model then says how to write it)."""
    if not isinstance(value, str):
        return value
    match = _DURATION.match(digits(value).strip())
    if not match or not any(match.groups()):
        return value
    hours, rest = match.groups()
    return int(hours or 0) * 60 + int(rest or 0)


def date(value: object) -> object:
    """A date in the Buddhist Era or the Gregorian calendar: `2569-03-12`, `12/03/2569`,
    `12 มีนาคม 2569`, `12 มี.ค. 2569`, `12 March 2026`; anything else unchanged."""
    if isinstance(value, dt.date):
        return _gregorian(value.year, value.month, value.day) or value
    if not isinstance(value, str):
        return value
    text = " ".join(digits(value).split())
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif (match := _WORDS.match(text)) and (number := _month(match[2])):
        day, month, year = int(match[1]), number, int(match[3])
    else:
        return value
    return _gregorian(year, month, day) or value


def _month(name: str) -> int | None:
    for names in (THAI_MONTHS, THAI_MONTHS_SHORT):
        if name in names:
            return names.index(name) + 1
    english = name.lower().rstrip(".")
    found = [n for n, month in enumerate(ENGLISH_MONTHS, start=1) if len(english) >= 3
             and month.startswith(english)]
    return found[0] if len(found) == 1 else None


def _gregorian(year: int, month: int, day: int) -> dt.date | None:
    if year >= BUDDHIST_ERA_FROM:
        year -= BUDDHIST_ERA_OFFSET
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
