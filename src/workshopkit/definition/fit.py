"""Beside the flow: what fits on a page, decided before anything is drawn.

A worksheet table's column widths come from here, in per cent of the page's content width,
and both writers draw exactly those (the PDF and the DOCX use a fixed table layout): no column
narrower than the longest word of its heading (and, for the label column, of its rows), tick
columns wide enough for a two-word heading such as ทำได้เอง. A table that does not fit is
fitted: the sheet turned landscape, then the headings printed as numbers with a key under the
table; one that still does not fit, or a row or box taller than a page, is refused at its line
by the definition's validation, so that no printed table ever loses a column or a row.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..paper import measure
from ..paper.page import LINE_MM, Orientation, content_height, content_width
from . import model

CELL_PT = 12.5  # table text in the DOCX (the PDF sets 11 pt): the larger of the two
PADDING_MM = 4.6  # a cell's padding on both sides, its borders and a millimetre to spare
TICK_MM = 10.5  # the narrowest tick column: a 4.2 mm box with a cell's padding around it
TICK_ROOMY_MM = 22.0  # a tick column widens up to this for its heading on one line (ทำได้เอง)
LABEL_WEIGHT = 0.8  # the label column's share against a text column's 1
HEAD_LINE_MM = CELL_PT * 1.35 * measure.MM_PER_PT
HEAD_SHARE = 1 / 3  # a heading row taller than this share of the page is set as numbers
WRITING_RESERVE_MM = 30.0  # a title or heading above writing space on the same page


@dataclass(frozen=True)
class TableFit:
    widths: tuple[float, ...]  # per cent of the content width, the label column first
    numbered: bool  # headings printed as numbers, the labels in a key under the table
    orientation: Orientation


def headings(block: model.TableBlock, numbered: bool) -> list[str]:
    """What each column's heading cell prints."""
    if numbered:
        return [str(n) for n in range(1, len(block.columns) + 1)]
    return [c.short or c.label for c in block.columns]


def fit_table(block: model.TableBlock, orientation: Orientation, scale: float = 1.0) -> TableFit | None:
    """The first way the table fits: as it is, landscape, numbered headings, both; or None."""
    tries: list[tuple[Orientation, bool]] = [(orientation, False)]
    if orientation == "portrait":
        tries.append(("landscape", False))
    tries.append((orientation, True))
    if orientation == "portrait":
        tries.append(("landscape", True))
    for turned, numbered in tries:
        total = content_width(turned)
        widths = _widths(block, total, numbered, scale, roomy=True) \
            or _widths(block, total, numbered, scale, roomy=False)
        if widths and _head_mm(block, widths, numbered, scale) <= content_height(turned) * HEAD_SHARE:
            return TableFit(tuple(round(100 * w / total, 3) for w in widths), numbered, turned)
    return None


def sheet_orientation(sheet: model.Worksheet, scale: float = 1.0) -> Orientation:
    """The sheet's own orientation, or landscape when one of its tables needs it."""
    for block in sheet.blocks:
        if isinstance(block, model.TableBlock):
            fit = fit_table(block, sheet.orientation, scale)
            if fit and fit.orientation == "landscape":
                return "landscape"
    return sheet.orientation


def minimum_width(block: model.TableBlock, numbered: bool, scale: float = 1.0) -> float:
    """The least width in mm the table's columns need."""
    return sum(_minimums(block, numbered, scale))


def writing_lines_fit(orientation: Orientation) -> int:
    """How many lines of handwriting one block may ask for and still fit on a page."""
    return int((content_height(orientation) - WRITING_RESERVE_MM) // LINE_MM)


def _minimums(block: model.TableBlock, numbered: bool, scale: float, roomy: bool = False) -> list[float]:
    """Each column's least width; `roomy`, a tick column's heading on one line where it can."""
    size = CELL_PT * scale
    labels = [block.label_column, *(_row_labels(block.rows))]
    first = max(measure.longest_word_mm(text, size, bold=True) for text in labels) + PADDING_MM
    out = [first]
    for column, heading in zip(block.columns, headings(block, numbered), strict=True):
        need = measure.longest_word_mm(heading, size, bold=True) + PADDING_MM
        if column.kind == "tick":
            whole = min(measure.width_mm(heading, size, bold=True) + PADDING_MM, TICK_ROOMY_MM)
            need = max(need, TICK_MM, whole if roomy else 0.0)
        out.append(need)
    return out


def _row_labels(rows: list[model.Row]) -> list[str]:
    out = []
    for row in rows:
        out.append(row.label)
        out += _row_labels(row.rows)
    return out


def _widths(block: model.TableBlock, total: float, numbered: bool, scale: float,
            roomy: bool) -> list[float] | None:
    """Tick columns as narrow as their heading allows; the room left shared by weight (a text
    column's `width`, 1 by default; the label column 0.8), then every column raised to its
    minimum, taking from the columns above theirs."""
    minimums = _minimums(block, numbered, scale, roomy)
    fixed = [None, *(m if c.kind == "tick" and c.width is None else None
                     for c, m in zip(block.columns, minimums[1:], strict=True))]
    weights = [LABEL_WEIGHT, *(c.width or 1.0 for c in block.columns)]
    return _share(minimums, weights, fixed, total)


def column_widths(headings: Sequence[str], weights: Sequence[float], orientation: Orientation = "portrait",
                  scale: float = 1.0) -> tuple[float, ...]:
    """Per-cent widths for a table of the composers' own (a report's figures): the page shared
    by weight, no column narrower than the longest word of its heading."""
    total = content_width(orientation)
    minimums = [measure.longest_word_mm(h, CELL_PT * scale, bold=True) + PADDING_MM for h in headings]
    widths = _share(minimums, list(weights), [None] * len(headings), total)
    if widths is None:  # more headings than the page holds whole: the weights as they are
        return tuple(100 * w / sum(weights) for w in weights)
    return tuple(round(100 * w / total, 3) for w in widths)


def _share(minimums: list[float], weights: list[float], fixed: list[float | None],
           total: float) -> list[float] | None:
    """The room the fixed columns leave, shared by weight, then every column raised to its
    minimum by taking from the columns above theirs; None when the minimums do not fit."""
    if sum(minimums) > total:
        return None
    room = total - sum(f for f in fixed if f is not None)
    shared = sum(w for w, f in zip(weights, fixed, strict=True) if f is None)
    widths = [f if f is not None else room * w / shared for w, f in zip(weights, fixed, strict=True)]
    for _ in range(len(widths)):
        short = [i for i, (w, m) in enumerate(zip(widths, minimums, strict=True)) if w < m - 1e-6]
        if not short:
            break
        deficit = sum(minimums[i] - widths[i] for i in short)
        spare = {i: widths[i] - minimums[i] for i in range(len(widths))
                 if i not in short and fixed[i] is None}
        available = sum(v for v in spare.values() if v > 0)
        if available < deficit:
            return None
        for i in short:
            widths[i] = minimums[i]
        for i, v in spare.items():
            if v > 0:
                widths[i] -= deficit * v / available
    return widths


def _head_mm(block: model.TableBlock, widths: list[float], numbered: bool, scale: float) -> float:
    """The heading rows' height: a group's name above its columns' headings."""
    size = CELL_PT * scale
    line = HEAD_LINE_MM * scale

    def height(text: str, width: float) -> float:
        return measure.lines_needed(text, width - PADDING_MM, size, bold=True) * line + 2.2

    tallest = height(block.label_column, widths[0])
    texts = headings(block, numbered)
    index = 0
    while index < len(block.columns):
        group = block.columns[index].group
        span = 1
        while group and index + span < len(block.columns) and block.columns[index + span].group == group:
            span += 1
        below = max(height(texts[i], widths[i + 1]) for i in range(index, index + span))
        above = height(group, sum(widths[index + 1:index + span + 1])) if group else 0.0
        tallest = max(tallest, above + below)
        index += span
    return tallest
