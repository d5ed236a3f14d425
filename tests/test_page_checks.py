"""What the PDF writer asks of a laid-out page: is it nearly empty, and does anything stand
past its edge."""
from __future__ import annotations

import pytest

from workshopkit.compose import tree as doc
from workshopkit.paper.page import PageDescription
from workshopkit.render.pdf import page_checks
from workshopkit.render.pdf.writer import PdfWriter


@pytest.fixture(scope="module")
def writer(tmp_path_factory) -> PdfWriter:
    return PdfWriter(tmp_path_factory.mktemp("source"), PageDescription())


def laid_out(writer: PdfWriter, *blocks: doc.Block):
    return writer._layout(doc.Document("worksheet", "w", "ใบงาน", "participant", blocks))


def test_a_page_with_a_line_is_nearly_empty_and_a_full_one_is_not(writer):
    (short,) = laid_out(writer, doc.text("บรรทัดเดียว")).pages
    assert page_checks.nearly_empty(short)
    (half,) = laid_out(writer, doc.WritingLines(10)).pages
    assert not page_checks.nearly_empty(half)
    assert page_checks.nearly_empty(half, page_checks.WORTH_REFITTING_SHARE)
    (full,) = laid_out(writer, doc.WritingLines(28)).pages
    assert not page_checks.nearly_empty(full, page_checks.WORTH_REFITTING_SHARE)


def test_a_table_wider_than_the_page_is_caught(writer):
    wide = doc.Table((100,), (), (doc.Row((doc.Cell((doc.text("ก" * 400),)),)),))
    assert page_checks.overflow(laid_out(writer, wide).pages[0]) is None  # Thai wraps inside the page
    html = writer.html(doc.Document("worksheet", "w", "ใบงาน", "participant", (doc.text("x"),)))
    overflowing = html.replace("<body", '<body style="margin-left: -40mm"', 1)
    from weasyprint import HTML
    page = HTML(string=overflowing, base_url=writer.base_url).render(stylesheets=writer.stylesheets).pages[0]
    assert "a line of text" in (page_checks.overflow(page) or "")
