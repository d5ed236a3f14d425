"""Beside the flow: the printed page's facts, which the composers' layout checks, the DOCX
writer and templates/print.css all follow (A4, its margins, one line of handwriting)."""
from __future__ import annotations

from typing import Literal

Orientation = Literal["portrait", "landscape"]

SIZE_MM = {"portrait": (210.0, 297.0), "landscape": (297.0, 210.0)}
# top, right, bottom, left in mm; print.css's @page rules say the same
MARGINS_MM = {"portrait": (16.0, 16.0, 18.0, 18.0), "landscape": (14.0, 14.0, 16.0, 14.0)}
LINE_MM = 8.5  # one line of handwriting: a writing line, a row of a writing cell


def content_width(orientation: Orientation) -> float:
    top, right, bottom, left = MARGINS_MM[orientation]
    return SIZE_MM[orientation][0] - left - right


def content_height(orientation: Orientation) -> float:
    top, right, bottom, left = MARGINS_MM[orientation]
    return SIZE_MM[orientation][1] - top - bottom
