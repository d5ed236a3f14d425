"""The print facts both writers read: A4, the margins, one line of handwriting."""
from __future__ import annotations

from workshopkit.paper.page import (
    LINE_MM,
    MARGINS_MM,
    SIZE_MM,
    PageDescription,
    content_height,
    content_width,
)


def test_a4_with_its_margins_leaves_the_content_area():
    assert SIZE_MM["portrait"] == (210.0, 297.0) and SIZE_MM["landscape"] == (297.0, 210.0)
    top, right, bottom, left = MARGINS_MM["portrait"]
    assert content_width("portrait") == 210 - left - right
    assert content_height("portrait") == 297 - top - bottom
    assert content_width("landscape") > content_width("portrait")


def test_a_line_of_handwriting_is_a_little_over_8_mm():
    assert 8.0 <= LINE_MM <= 9.0


def test_a_page_description_defaults_to_thai_without_a_logo():
    page = PageDescription()
    assert (page.language, page.logo, page.templates) == ("th", None, None)
