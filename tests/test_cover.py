"""The facilitator pack's cover: title, organiser, dates and venue, and the contents."""
from __future__ import annotations

from helpers import REFERENCE, tables

from workshopkit.compose.cover import compose_cover
from workshopkit.compose.pack import cover_facts
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(REFERENCE)


def test_the_contents_give_the_page_each_document_starts_on():
    cover = compose_cover(cover_facts(WORKSHOP, Style()), Style(), [("กำหนดการ", 3), ("แผนการจัดกิจกรรม", 4)])
    (table,) = tables(cover)
    assert [c.text for c in table.head[0].cells] == ["เอกสาร", "หน้า"]
    assert [[c.text for c in row.cells] for row in table.body] == [["กำหนดการ", "3"], ["แผนการจัดกิจกรรม", "4"]]
    assert cover.title == WORKSHOP.title and WORKSHOP.organiser.name in cover.blocks[1].plain_text()


def test_a_docx_cover_lists_the_contents_without_pages():
    (table,) = tables(compose_cover(cover_facts(WORKSHOP, Style()), Style(), [("กำหนดการ", None)]))
    assert table.widths == (100,) and [c.text for c in table.body[0].cells] == ["กำหนดการ"]
