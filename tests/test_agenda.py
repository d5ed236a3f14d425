"""The agenda (กำหนดการ): computed times, blanks for what is not known yet."""
from __future__ import annotations

from helpers import REFERENCE, tables

from workshopkit.compose import tree as doc
from workshopkit.compose.agenda import compose_agenda
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(REFERENCE)
DOCUMENT = compose_agenda(WORKSHOP, Style())


def test_agenda_prints_blanks_for_unknown_dates_and_venue():
    agenda = DOCUMENT
    # the workshop's subtitle and the agenda's title come first
    date_line, venue_line = [b for b in agenda.blocks if isinstance(b, doc.Paragraph)][2:4]
    assert doc.Blank in {type(p) for p in date_line.parts}
    assert venue_line.parts[0] == "ณ" and isinstance(venue_line.parts[-1], doc.Blank)
    headings = [b.text for b in agenda.blocks if isinstance(b, doc.Heading)]
    assert headings[0] == "วันที่ .......... เดือน .......... พ.ศ. .......... (วันแรกของการจัดกิจกรรม)"


def test_agenda_rows_carry_computed_times():
    day_one = tables(DOCUMENT)[0]
    assert [row.cells[0].text.replace("\u00a0", " ") for row in day_one.body] == [
        "08.30 – 09.00 น.", "09.00 – 09.20 น.", "09.20 – 10.30 น.", "10.30 – 12.00 น.",
        "12.00 – 13.00 น.", "13.00 – 15.00 น.", "15.00 – 16.00 น.", "16.00 น."]
    assert day_one.body[4].kind == "muted"  # lunch
