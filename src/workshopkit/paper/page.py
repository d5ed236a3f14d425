"""Beside the flow: the printed page's facts, which the composers' layout checks, the DOCX
writer and templates/print.css all follow (A4, its margins, one line of handwriting)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Orientation = Literal["portrait", "landscape"]

SIZE_MM = {"portrait": (210.0, 297.0), "landscape": (297.0, 210.0)}
# top, right, bottom, left in mm; print.css's @page rules say the same
MARGINS_MM = {"portrait": (16.0, 16.0, 18.0, 18.0), "landscape": (14.0, 14.0, 16.0, 14.0)}
LINE_MM = 8.5  # one line of handwriting: a writing line, a row of a writing cell
# Name badges: per sheet -> (columns, cell width, cell height) in mm, inside the portrait margins;
# print.css pads a badge by BADGE_PADDING_MM and sets the workshop's title at BADGE_TITLE_PT
BADGE_CELLS = {8: (2, 88.0, 62.0), 10: (2, 88.0, 50.0)}
BADGE_PADDING_MM = 4.0
BADGE_TITLE_PT = 9.0
BADGE_TITLE_LINES = 2
# A form read back from a scan: render/pdf/scan_marks.py draws the marks and the QR code,
# people/scan_pages.py finds them. A filled square near each corner of the portrait page
# (its centre SCAN_MARK_INSET_MM from both edges, inside what every printer prints), the
# QR code centred in the top margin, SCAN_QR_TOP_MM from the edge (a page turned a little
# on the scanner moves it sideways, not off the page), in room the form's pages leave free
# (SCAN_TOP_MARGIN_MM; the participant's name and code stand at the right, at most
# SCAN_STAMP_MM wide), and tick boxes large enough to read (SCAN_BOX_MM).
SCAN_MARK_MM = 5.0
SCAN_MARK_INSET_MM = 10.0
SCAN_QR_TOP_MM = 6.0
SCAN_QR_MODULE_MM = 0.5
SCAN_TOP_MARGIN_MM = 28.0
SCAN_STAMP_MM = 68.0
SCAN_BOX_MM = 5.0


def scan_qr_at(modules: int) -> tuple[float, float]:
    """Where the top left corner of a form page's QR code of `modules` modules a side is printed."""
    return (SIZE_MM["portrait"][0] - modules * SCAN_QR_MODULE_MM) / 2, SCAN_QR_TOP_MM


@dataclass(frozen=True)
class PageDescription:
    """What the writers know of a workshop: how its pages look, and nothing else (compose
    makes it from the workshop, compose/page_description.py)."""

    language: str = "th"  # of the text, for line breaking and the word processor's proofing
    digits: str = "arabic"  # page numbers in Thai digits (๐-๙) or Arabic
    footer: str = ""  # the organiser's line at the foot of every page
    author: str = ""
    page_label: str = "Page"  # the word before the page number (หน้า)
    accent: str = ""  # #RRGGBB for titles and headings, or "" for black
    type_size: str = "normal"  # or "government": 16 pt body text
    logo: Path | None = None  # a PNG, JPEG or SVG, resolved inside the definition's folder
    templates: Path | None = None  # the organiser's templates folder, resolved likewise


def content_width(orientation: Orientation) -> float:
    """The width inside the margins, in mm."""
    top, right, bottom, left = MARGINS_MM[orientation]
    return SIZE_MM[orientation][0] - left - right


def content_height(orientation: Orientation) -> float:
    """The height inside the margins, in mm."""
    top, right, bottom, left = MARGINS_MM[orientation]
    return SIZE_MM[orientation][1] - top - bottom
