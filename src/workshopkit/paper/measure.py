"""Beside the flow: how wide words are in the bundled Sarabun, from the font's own advance
widths, so that a column is never laid out narrower than its longest word (a narrower one
breaks a Thai word inside a syllable in LibreOffice, or spills out of the cell in the PDF)."""
from __future__ import annotations

import math
import re
from functools import cache

from ..resources import FONT_FACES, fonts_dir
from .dictionary import thai_words_of

MM_PER_PT = 25.4 / 72
_THAI = re.compile("[\u0e01-\u0e4e]")


@cache
def _metrics(bold: bool) -> tuple[dict[int, str], dict[str, int], int]:
    from fontTools.ttLib import TTFont  # read once per face

    font = TTFont(fonts_dir() / FONT_FACES[("bold" if bold else "normal", "normal")], lazy=True)
    advances = {name: advance for name, (advance, _) in font["hmtx"].metrics.items()}
    return font.getBestCmap(), advances, font["head"].unitsPerEm


def width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The text's advance on one line; combining marks add nothing, as the font draws them."""
    cmap, advances, units = _metrics(bold)
    total = sum(advances.get(cmap.get(ord(c), ""), units // 2) for c in text)
    return total / units * size_pt * MM_PER_PT


@cache
def words(text: str) -> tuple[str, ...]:
    """Where a line may break: at spaces, and between the Thai words of PyThaiNLP's dictionary
    (as the PDF writer and word processors break Thai)."""
    out: list[str] = []
    for chunk in text.split():
        if _THAI.search(chunk):
            out += [w for w in thai_words_of(chunk) if w.strip()]
        else:
            out.append(chunk)
    return tuple(out)


def longest_word_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The widest word of the text: the least width of a column that holds it."""
    return max((width_mm(word, size_pt, bold) for word in words(text)), default=0.0)


def lines_needed(text: str, width: float, size_pt: float, bold: bool = False) -> int:
    """Lines the text takes in a column `width` mm wide, words wrapped whole; a space is
    counted only where the text has one, not between the Thai words of one run."""
    lines, used = 1, 0.0
    space = width_mm(" ", size_pt, bold)
    for chunk in text.split():
        for index, word in enumerate(words(chunk)):
            advance = width_mm(word, size_pt, bold)
            gap = space if index == 0 and used else 0.0
            if used and used + gap + advance > width:
                lines, used = lines + 1, advance
            else:
                used += gap + advance
    return lines


FIT_SHARE = 0.94  # of the box a fitted line may take: shaping and kerning differ a little from advances


def fitted_size(text: str, box_mm: float, largest_pt: float, smallest_pt: float,
                bold: bool = True) -> float | None:
    """The largest type size, at most `largest_pt`, at which `text` fits on one line `box_mm`
    wide (in half points); None when even `smallest_pt` is too large for it."""
    at_one = width_mm(text, 1.0, bold)
    if at_one == 0:
        return largest_pt
    size = min(largest_pt, math.floor(FIT_SHARE * box_mm / at_one * 2) / 2)
    return size if size >= smallest_pt else None
