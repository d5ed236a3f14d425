from __future__ import annotations

import pytest

from workshopkit.clock import ScheduleError, Slot, parse_clock, schedule


def test_times_follow_from_durations():
    assert schedule(510, [(30, None), (20, None), (None, None)]) == [
        Slot(510, 540), Slot(540, 560), Slot(560, None)]


def test_a_fixed_time_that_agrees_passes():
    assert schedule(510, [(30, None), (60, 540)])[1] == Slot(540, 600)


def test_a_fixed_time_that_disagrees_names_both_times():
    with pytest.raises(ScheduleError) as info:
        schedule(510, [(30, None), (60, 550)])
    assert info.value.index == 1 and info.value.field == "at"
    assert str(info.value) == ("fixed time 09:10 disagrees with the computed start 09:00 "
                               "(from the day's start and the durations before it)")


def test_only_the_last_item_may_be_open_ended():
    with pytest.raises(ScheduleError, match="only the last item"):
        schedule(510, [(None, None), (30, None)])


def test_a_day_may_not_run_past_midnight():
    with pytest.raises(ScheduleError, match="past midnight"):
        schedule(23 * 60, [(90, None)])


@pytest.mark.parametrize("text, minutes", [("08:30", 510), ("8:30", 510), ("16.00", 960),
                                           ("23:59", 1439)])
def test_clock_parsing(text, minutes):
    assert parse_clock(text) == minutes


@pytest.mark.parametrize("text", ["24:00", "8", "08:60", "0830", "noon"])
def test_bad_clock_times(text):
    with pytest.raises(ValueError, match="is not a clock time"):
        parse_clock(text)
