"""Composer: the review of a scan (`workshopkit scan --review`), what a facilitator settles by
eye: the summary line, each unclear item as the row of the straightened page with whose copy,
which item and page and why, the pages of a copy that were not in the scans, and each page
that was not read, small, with the reason."""
from __future__ import annotations

import cv2
import numpy as np

from ..people.scan import ScanReading
from ..scan_code import blank_copy
from ..wording.style import Style
from . import tree as doc

ROW_WIDTH_MM = 170.0  # a row of the form, at about its printed size
PAGE_WIDTH_MM = 80.0  # a page that was not read: enough to see what it is


def compose_scan_review(reading: ScanReading, pages: int, style: Style, answers: str) -> doc.Document:
    """The review document for `reading` of a form of `pages` pages, the ratings in `answers`."""
    blocks: list[doc.Block] = [doc.text(reading.summary(), style="lead"),
                               doc.text(style.say("sr_howto", answers=answers))]
    if reading.unclear:
        blocks.append(doc.Heading(style.label("sr_unclear"), 3))
        for unclear in reading.unclear:
            caption = style.say("sr_item", who=_who(unclear.who, style), item=style.num(unclear.item),
                                page=style.num(unclear.page), reason=unclear.reason)
            blocks.append(doc.Picture(_png(unclear.crop, ROW_WIDTH_MM), ROW_WIDTH_MM,
                                      f"{caption} ({unclear.source})"))
    missing = reading.missing(pages)
    if missing:
        blocks.append(doc.Heading(style.label("sr_missing"), 3))
        blocks.append(doc.ItemList(tuple(doc.ListItem("–", style.say(
            "sr_missing_line", who=_who(who, style), page=style.num(page))) for who, page in missing)))
    if reading.unmatched:
        blocks.append(doc.Heading(style.label("sr_unmatched"), 3))
        for page in reading.unmatched:
            blocks.append(doc.Picture(_png(page.image, PAGE_WIDTH_MM), PAGE_WIDTH_MM,
                                      f"{page.source}: {page.reason}"))
    if not (reading.unclear or missing or reading.unmatched):
        blocks.append(doc.text(style.label("sr_nothing")))
    return doc.Document("results-report", "scan-review", style.label("sr_title"), "facilitator",
                        tuple(blocks))


def _who(who: str, style: Style) -> str:
    copy = blank_copy(who)
    return style.say("sr_copy", number=style.num(copy)) if copy else who


def _png(image: np.ndarray, width_mm: float) -> bytes:
    """The picture as PNG, at most 8 pixels a millimetre of the width it is printed at (a
    whole scanned page need not carry every pixel of the scan)."""
    most = int(width_mm * 8)
    if image.shape[1] > most:
        image = cv2.resize(image, (0, 0), fx=most / image.shape[1], fy=most / image.shape[1],
                           interpolation=cv2.INTER_AREA)
    return cv2.imencode(".png", image)[1].tobytes()
