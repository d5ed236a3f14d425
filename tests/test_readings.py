"""Thai habits read as meant: clock times written 08.30 น., durations in ชั่วโมง and นาที,
Buddhist Era dates, Thai digits; each read back from the printed agenda."""
from __future__ import annotations

import datetime as dt

import pytest
from helpers import fold, pdftotext, write_definition

from workshopkit.compose.agenda import compose_agenda
from workshopkit.compose.style import style_of
from workshopkit.definition.read import read_workshop
from workshopkit.definition.readings import clock, date, minutes
from workshopkit.paper.page import PageDescription
from workshopkit.render.pdf.writer import PdfWriter

DAY = """\
title: เวทีทดสอบ
organiser: {{name: ทีมทดสอบ}}
agenda:
  days:
    - date: {date}
      start: {start}
      items:
        - {{title: ลงทะเบียน, minutes: {minutes}}}
        - {{title: ปิดเวที}}
"""


@pytest.mark.parametrize("written", ["8.30", "08.30", '"8.30"', "8:30", "๐๘.๓๐", "08.30 น.", '"08.30 น."',
                                     "๘.๓๐ น.", "08.30น."])
def test_a_clock_time_written_any_thai_way_starts_the_day_at_0830(tmp_path, written):
    workshop = read_workshop(write_definition(tmp_path, DAY.format(date="2026-03-12", start=written,
                                                                   minutes=30)))
    assert workshop.agenda.days[0].start == "08:30"


@pytest.mark.parametrize(("written", "meant"), [("90", 90), ("90 นาที", 90), ("๙๐ นาที", 90),
                                                ("1 ชั่วโมง 30 นาที", 90), ("1 ชม. 30 นาที", 90),
                                                ("2 ชั่วโมง", 120), ("1 hour 30 minutes", 90)])
def test_a_duration_in_hours_and_minutes_is_read_in_minutes(tmp_path, written, meant):
    workshop = read_workshop(write_definition(tmp_path, DAY.format(date="2026-03-12", start="08:30",
                                                                   minutes=written)))
    assert workshop.agenda.days[0].items[0].minutes == meant


@pytest.mark.parametrize("written", ["2569-03-12", "2026-03-12", "12/03/2569", "12/3/2026", "12 มีนาคม 2569",
                                     "12 มี.ค. 2569", "วันที่ 12 มีนาคม พ.ศ. 2569", "๑๒ มีนาคม ๒๕๖๙",
                                     "12 March 2026"])
def test_a_date_in_the_buddhist_era_or_the_gregorian_calendar_is_the_same_day(tmp_path, written):
    workshop = read_workshop(write_definition(tmp_path, DAY.format(date=written, start="08:30", minutes=30)))
    assert workshop.agenda.days[0].date == dt.date(2026, 3, 12)


def test_a_buddhist_era_leap_day_is_read_in_its_own_year():
    # 2567 is 2024, a leap year; as a Gregorian year 2567 has no 29 February
    assert date("2567-02-29") == dt.date(2024, 2, 29)


def test_what_is_not_understood_is_left_for_the_model_to_refuse():
    assert clock("eight thirty") == "eightthirty" and minutes("ครึ่งวัน") == "ครึ่งวัน"
    assert date("12 Smarch 2569") == "12 Smarch 2569" and date("31/02/2569") == "31/02/2569"


@pytest.fixture(scope="module")
def agenda_writer(tmp_path_factory) -> PdfWriter:
    return PdfWriter(tmp_path_factory.mktemp("source"), PageDescription(page_label="หน้า"))


def printed_agenda(writer: PdfWriter, folder, text: str) -> str:
    workshop = read_workshop(write_definition(folder, text))
    pdf = folder / "agenda.pdf"
    pdf.write_bytes(writer.write([writer.render(compose_agenda(workshop, style_of(workshop)))]))
    return fold(pdftotext(pdf))


@pytest.mark.parametrize(("start", "minutes", "date"), [
    ("8.30", "90", "2569-03-12"), ("08.30", "90 นาที", "12/03/2569"), ('"8.30"', "๙๐", "12 มีนาคม 2569"),
    ("8:30", "1 ชั่วโมง 30 นาที", "12 มี.ค. 2569"), ("๐๘.๓๐", "1 ชม. 30 นาที", "๑๒ มีนาคม ๒๕๖๙"),
    ("08.30 น.", "90 minutes", "2026-03-12"), ("๘.๓๐ น.", "1 hour 30 minutes", "12 March 2026"),
])
def test_every_form_prints_the_same_agenda(agenda_writer, tmp_path, start, minutes, date):
    text = printed_agenda(agenda_writer, tmp_path, DAY.format(date=date, start=start, minutes=minutes))
    assert fold("วันพฤหัสบดีที่ 12 มีนาคม พ.ศ. 2569") in text
    assert fold("08.30 – 10.00 น.") in text and fold("10.00 น.") in text


def test_the_printed_agenda_says_what_the_trainer_meant(tmp_path):
    definition = write_definition(tmp_path, DAY.format(date="2569-03-12", start="08.30 น.",
                                                       minutes="1 ชั่วโมง 30 นาที"))
    workshop = read_workshop(definition)
    writer = PdfWriter(tmp_path, PageDescription(page_label="หน้า"))
    pdf = tmp_path / "agenda.pdf"
    pdf.write_bytes(writer.write([writer.render(compose_agenda(workshop, style_of(workshop)))]))
    text = fold(pdftotext(pdf))
    assert fold("วันพฤหัสบดีที่ 12 มีนาคม พ.ศ. 2569") in text and "3112" not in text
    assert fold("08.30 – 10.00 น.") in text


def test_a_time_or_duration_that_means_nothing_is_refused_with_how_to_write_it(tmp_path):
    from workshopkit.errors import DefinitionError
    definition = write_definition(tmp_path, DAY.format(date="2026-03-12", start="8 โมงครึ่ง", minutes=30))
    with pytest.raises(DefinitionError, match="write it like 08.30"):
        read_workshop(definition)
