"""Thai line breaks in the PDF: between dictionary words, never inside a compound the
dictionary knows, never at a no-break space, and never so that a line runs out of its column."""
from __future__ import annotations

import html

import pytest
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from workshopkit.render.pdf.writer import PdfWriter


@pytest.fixture(scope="module")
def writer(tmp_path_factory) -> PdfWriter:
    return PdfWriter(tmp_path_factory.mktemp("src"), language="th", digits="arabic", footer="",
                     author="")


def lines(writer: PdfWriter, text: str, width_mm: float) -> list[tuple[str, bool]]:
    """Each line's text, and whether it stays inside the column."""
    page = HTML(string=f'<html lang="th"><body><p style="width:{width_mm}mm">{html.escape(text)}</p>'
                       '</body></html>', base_url=writer.base_url, url_fetcher=writer.fetcher
                ).render(stylesheets=writer.stylesheets, font_config=writer.font_config).pages[0]
    out = []
    for block in page._page_box.descendants():
        if isinstance(block, boxes.LineBox):
            texts = [b for b in block.descendants() if isinstance(b, boxes.TextBox)]
            right = max(b.position_x + b.width for b in texts)
            out.append(("".join(b.text for b in texts), right <= block.position_x + block.width + 0.5))
    return out


def test_compound_words_stay_whole(writer):
    found = lines(writer, "ผู้เข้าร่วมกิจกรรมสามารถเชื่อมโยงปัญหา", 20)
    assert [text for text, _ in found] == ["ผู้เข้าร่วม", "กิจกรรม", "สามารถ", "เชื่อมโยง", "ปัญหา"]


def test_a_line_still_breaks_where_the_dictionaries_disagree(writer):
    found = lines(writer, "การวางแผนการพัฒนา", 20)
    assert len(found) > 1 and all(inside for _, inside in found)


def test_a_time_keeps_its_unit(writer):
    found = lines(writer, "วันอังคารที่ 15 ธันวาคม พ.ศ. 2569 เวลา 09.00 – 11.00\u00a0น.", 35)
    assert any(text.endswith("11.00\u00a0น.") for text, _ in found)
    assert all(inside for _, inside in found)


def test_thai_words_are_kept_whole_and_a_time_stays_with_its_unit():
    from workshopkit.render.pdf.patches.thai_breaks import word_ranges
    text = "การพัฒนาชุมชน 09.00\u00a0น."
    ranges = word_ranges(text)
    assert (0, len("การพัฒนา")) in ranges and (len("การพัฒนา"), len("การพัฒนาชุมชน")) in ranges
    nbsp = text.index("\u00a0")
    assert (nbsp - 1, nbsp + 2) in ranges
