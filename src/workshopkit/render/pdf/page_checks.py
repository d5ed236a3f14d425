"""Stage 4 (PDF): what a laid-out page holds, read from WeasyPrint's boxes after layout.

Two questions the PDF writer asks of every document: does the last page hold only a line or
two (a sheet of paper per copy for almost nothing, so refit), and does anything stand outside
the page's content area (a table that lost its right-hand columns, a row taller than a page,
which WeasyPrint would cut off without a word)?
"""
from __future__ import annotations

from collections.abc import Iterator

from weasyprint.document import Page
from weasyprint.formatting_structure import boxes

from ...i18n import _

# A last page whose content (text and writing space) is no taller than this share of the page
# is a sheet of paper per copy for a remark, a closing row or two: said when refitting fails.
NEARLY_EMPTY_SHARE = 0.25
# Up to this share, laying the document out a step tighter is tried, and kept only when it
# saves the page: a closing row and the signature lines are worth a try too.
WORTH_REFITTING_SHARE = 0.5
PX_PER_MM = 96 / 25.4
TOLERANCE_PX = 1.5  # rounding in the layout; less than half a millimetre


def _content(page_box) -> Iterator:
    for child in page_box.children:
        if not isinstance(child, boxes.MarginBox):  # the footer and the corner stamp
            yield from child.descendants()


def nearly_empty(page: Page, share: float = NEARLY_EMPTY_SHARE) -> bool:
    """Whether a page is a quarter full or less (or `share` of it): a remark or two, a closing row."""
    page_box = page._page_box
    top, bottom = None, 0.0
    for box in _content(page_box):
        if isinstance(box, (boxes.LineBox, boxes.ReplacedBox, boxes.TableCellBox)) or (
                isinstance(box, boxes.BlockBox) and box.height and not box.children):
            top = box.position_y if top is None else min(top, box.position_y)
            bottom = max(bottom, box.position_y + box.margin_height())
    return bottom - (top or 0) <= page_box.height * share


def overflow(page: Page) -> str | None:
    """What stands outside the page's content area, described, or None when all is inside."""
    page_box = page._page_box
    left, top = page_box.content_box_x(), page_box.content_box_y()
    right, bottom = left + page_box.width, top + page_box.height
    for box in _content(page_box):
        # cells and runs of text, not tables and lines: the 2x2 grid's table reaches into the
        # margins by its border spacing so that its boxes line up with the text, and a line
        # box is as wide as its block whatever the text on it
        if not isinstance(box, (boxes.TableCellBox, boxes.ReplacedBox, boxes.TextBox)):
            continue
        x, y = box.position_x, box.position_y
        width, height = box.margin_width(), box.margin_height()
        if x + width > right + TOLERANCE_PX or x < left - TOLERANCE_PX:
            return _("{what} is {width} mm wide; the page has {room} mm").format(
                what=_what(box), width=f"{(x + width - left) / PX_PER_MM:.0f}",
                room=f"{(right - left) / PX_PER_MM:.0f}")
        if y + height > bottom + TOLERANCE_PX:
            return _("{what} runs {depth} mm below the page").format(
                what=_what(box), depth=f"{(y + height - bottom) / PX_PER_MM:.0f}")
    return None


def _what(box) -> str:
    if isinstance(box, boxes.TableCellBox):
        return _("a table cell")
    return _("a line of text") if isinstance(box, boxes.TextBox) else _("a picture")
