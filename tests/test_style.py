from __future__ import annotations

import datetime as dt

from workshopkit.clock import Slot
from workshopkit.wording.style import Style

THAI = Style("th", "arabic")
THAI_DIGITS = Style("th", "thai")


def test_thai_time_range_uses_dots_en_dash_and_na():
    assert THAI.time_range(Slot(510, 540)) == "08.30 \u2013 09.00\u00a0น."
    assert THAI.time_range(Slot(960, None)) == "16.00\u00a0น."


def test_a_number_and_its_unit_never_part():
    assert THAI.minutes(60) == "60\u00a0นาที"


def test_thai_digits_on_request():
    assert THAI_DIGITS.time_range(Slot(1080, 1200)) == "๑๘.๐๐ \u2013 ๒๐.๐๐\u00a0น."
    assert THAI_DIGITS.num(2563) == "๒๕๖๓"


def test_dates_are_in_the_buddhist_era_with_thai_month_names():
    # 27 October 2020 was a Tuesday; the seed of the review workshop prints ๒๗ ตุลาคม ๒๕๖๓
    assert THAI.date(dt.date(2020, 10, 27)) == "วันอังคารที่ 27 ตุลาคม พ.ศ. 2563"
    assert THAI_DIGITS.date(dt.date(2020, 10, 27)) == "วันอังคารที่ ๒๗ ตุลาคม พ.ศ. ๒๕๖๓"


def test_date_ranges():
    days = [dt.date(2026, 12, 1), dt.date(2026, 12, 2)]
    assert THAI.date_range(days) == "1 \u2013 2 ธันวาคม พ.ศ. 2569"
    across = [dt.date(2026, 12, 31), dt.date(2027, 1, 1)]
    assert THAI.date_range(across) == "วันพฤหัสบดีที่ 31 ธันวาคม พ.ศ. 2569 \u2013 วันศุกร์ที่ 1 มกราคม พ.ศ. 2570"


def test_english_uses_gregorian_dates_and_colons():
    english = Style("en", "arabic")
    assert english.time_range(Slot(510, 540)) == "08:30 \u2013 09:00"
    assert english.date(dt.date(2026, 12, 1)) == "Tuesday 1 December 2026"
