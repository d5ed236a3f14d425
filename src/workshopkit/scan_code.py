"""Beside the flow: what the QR code on a page of a form printed to be read back says, written
by the render stage (render/pdf/scan_marks.py) and read by the people stage (people/scan.py).

`wk1|<workshop id>|<form>|<page>/<pages>|<layout>|<who>`: the workshop, the form ("sa", the
self-assessment), the page of the form, a short hash of where that page's tick boxes are, and
whose copy it is (a participant's code, or `#N` for blank copy N, `#0` for the copy made to
be photocopied). The code is last, so that any character a roster's code holds reads back.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

PREFIX = "wk1"
Rect = tuple[float, float, float, float]  # x, y, width, height in mm from the page's top left


@dataclass(frozen=True)
class ScanCode:
    workshop: str
    form: str
    page: int  # from 1
    pages: int
    layout: str  # layout_hash of the page's cells
    who: str

    def text(self) -> str:
        """The QR code's text."""
        return f"{PREFIX}|{self.workshop}|{self.form}|{self.page}/{self.pages}|{self.layout}|{self.who}"

    @property
    def blank_copy(self) -> int | None:
        """The number of a blank copy (0: the copy to photocopy), None for a participant's own."""
        number = blank_copy(self.who)
        return int(number) if number.isdigit() else None


def blank_copy(who: str) -> str:
    """The number a blank copy's `who` carries ("3"; "0.12" for a photocopy read as scanned page
    12), or "" for a participant's code."""
    return who[1:] if who.startswith("#") else ""


def parse(text: str) -> ScanCode | None:
    """The code a QR code's text holds, None when it is not one of ours."""
    parts = text.split("|", 5)
    if len(parts) != 6 or parts[0] != PREFIX:
        return None
    page, _slash, pages = parts[3].partition("/")
    if not (page.isdigit() and pages.isdigit()) or not 1 <= int(page) <= int(pages):
        return None
    return ScanCode(parts[1], parts[2], int(page), int(pages), parts[4], parts[5])


@dataclass(frozen=True)
class Cell:
    """A tick box of a laid-out form page: the cell it stands in (a mark may fill any of it)
    and the printed box itself."""

    key: str  # "1.2:3": item 1.2, level 3
    cell: Rect
    box: Rect


def layout_hash(cells: Iterable[Cell]) -> str:
    """Six hex digits that change when any box of the page moves by a tenth of a millimetre."""
    text = ";".join(f"{c.key}={','.join(f'{v:.1f}' for v in (*c.cell, *c.box))}"
                    for c in sorted(cells, key=lambda c: c.key))
    return hashlib.sha256(text.encode()).hexdigest()[:6]
