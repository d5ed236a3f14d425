"""Word widths in Sarabun and where Thai lines may break, measured without laying anything out."""
from __future__ import annotations

from workshopkit.paper.measure import lines_needed, longest_word_mm, width_mm, words


def test_thai_text_breaks_between_dictionary_words_and_at_spaces():
    assert words("การพัฒนาชุมชน อย่างยั่งยืน") == ("การพัฒนา", "ชุมชน", "อย่าง", "ยั่งยืน")
    assert words("Social capital") == ("Social", "capital")


def test_width_grows_with_the_text_and_the_type_size_and_marks_add_nothing():
    assert width_mm("กา", 12) > width_mm("ก", 12) > 0
    assert width_mm("ก", 24) == 2 * width_mm("ก", 12)
    assert width_mm("ก่", 12) == width_mm("ก", 12)  # a tone mark sits above, it takes no room
    assert width_mm("ก", 12, bold=True) >= width_mm("ก", 12)


def test_the_longest_word_decides_a_columns_least_width():
    assert longest_word_mm("ทำได้ ประสานงาน", 12) == width_mm("ประสานงาน", 12)


def test_text_wraps_whole_words_into_as_many_lines_as_it_needs():
    text = "การประชุม ประจำเดือน ของคณะทำงาน"
    one_line = width_mm(text, 12) + 1
    assert lines_needed(text, one_line, 12) == 1
    assert lines_needed(text, one_line / 2, 12) >= 2
