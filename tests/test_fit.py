"""What fits on a page, decided before anything is drawn: column widths, landscape, numbered
headings, and the tables and writing spaces no page can hold."""
from __future__ import annotations

import pytest

from workshopkit.definition import model
from workshopkit.definition.fit import column_widths, fit_table, minimum_width, writing_lines_fit
from workshopkit.paper import measure
from workshopkit.paper.page import LINE_MM, content_height, content_width


def table(columns: int, heading: str = "สถานการณ์", kind: str = "text") -> model.TableBlock:
    return model.TableBlock(type="table", label_column="ประเด็น", rows=[model.Row(label="คน")],
                            columns=[model.Column(label=f"{heading} {n}", kind=kind) for n in range(columns)])


def test_a_small_table_stays_portrait_and_its_widths_fill_the_page():
    fit = fit_table(table(3), "portrait")
    assert fit is not None and fit.orientation == "portrait" and not fit.numbered
    assert sum(fit.widths) == pytest.approx(100, abs=0.1)


def test_no_column_is_narrower_than_the_longest_word_of_its_heading():
    block = table(6, "ความรู้ความเข้าใจเรื่องการจัดสวัสดิการชุมชน")
    fit = fit_table(block, "portrait")
    assert fit is not None
    for width, column in zip(fit.widths[1:], block.columns, strict=True):
        longest = measure.longest_word_mm(column.label, 12.5, bold=True)
        assert width / 100 * content_width(fit.orientation) > longest


def test_a_table_too_wide_for_portrait_turns_landscape_before_numbering_its_headings():
    wide = table(7, "ประสานงาน")
    assert content_width("portrait") < minimum_width(wide, numbered=False) < content_width("landscape")
    fit = fit_table(wide, "portrait")
    assert fit is not None and (fit.orientation, fit.numbered) == ("landscape", False)
    wider = table(12, "ประสานงาน")
    assert minimum_width(wider, numbered=False) > content_width("landscape")
    fit = fit_table(wider, "portrait")
    assert fit is not None and fit.numbered


def test_a_table_that_fits_no_page_is_none():
    block = table(20, kind="tick")
    block = block.model_copy(update={"label_column": "Supercalifragilisticexpialidocious" * 3})
    assert minimum_width(block, numbered=True) > content_width("landscape")
    assert fit_table(block, "portrait") is None


def test_writing_space_leaves_room_for_a_heading_on_its_page():
    for orientation in ("portrait", "landscape"):
        lines = writing_lines_fit(orientation)
        assert (lines + 1) * LINE_MM > content_height(orientation) - 30 >= lines * LINE_MM


def test_a_reports_columns_share_the_page_by_weight_and_never_cut_a_word():
    widths = column_widths(["ประเด็น", "รอบที่ 1", "รอบที่ 2"], [3, 1, 1])
    assert sum(widths) == pytest.approx(100, abs=0.1) and widths[0] > widths[1] == widths[2]
