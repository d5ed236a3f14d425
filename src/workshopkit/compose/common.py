"""Pieces every composer uses: numbered lists from steps, table rows from model rows."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..wording.style import Style
from . import tree as doc

if TYPE_CHECKING:
    from ..definition import model

STEP_NUMBERS = ("{n}.", "{n})", "({n})", "–")


def numbered(steps: Sequence[model.Step], style: Style, level: int = 0,
             formats: tuple[str, ...] = STEP_NUMBERS) -> tuple[doc.ListItem, ...]:
    """Steps as a list numbered 1. / 1) / (1) by depth, as Thai handouts number them."""
    pattern = formats[min(level, len(formats) - 1)]
    return tuple(
        doc.ListItem(style.num(pattern.format(n=n)), step.text,
                     numbered(step.steps, style, level + 1, formats))
        for n, step in enumerate(steps, start=1))


def outline(steps: Sequence[model.Step], style: Style, prefix: str) -> tuple[doc.ListItem, ...]:
    """Steps numbered as sub-points of a section: 1.1, 1.2, then 1.1.1 ..."""
    return tuple(
        doc.ListItem(style.num(f"{prefix}.{n}"), step.text, outline(step.steps, style, f"{prefix}.{n}"))
        for n, step in enumerate(steps, start=1))


def paragraphs(texts: Sequence[str], style: Style) -> doc.ItemList:
    """Texts as a numbered list."""
    return doc.ItemList(tuple(doc.ListItem(style.num(f"{n}."), t) for n, t in enumerate(texts, 1)))


def cell(text: str, kind: doc.CellKind = "text", colspan: int = 1, rowspan: int = 1, indent: int = 0
         ) -> doc.Cell:
    """A table cell holding one paragraph of `text` (none when empty)."""
    return doc.Cell((doc.text(text),) if text else (), kind, colspan=colspan, rowspan=rowspan, indent=indent)


def body_rows(rows: Sequence[model.Row], columns: Sequence[str], style: Style, lines: int,
              numbered_rows: bool = True, prefix: str = "", depth: int = 0) -> list[doc.Row]:
    """Model rows -> table rows: a label cell, then a writing or tick cell per column.

    Sub-rows are numbered under their parent (2.1, 2.2) and indented; every row, group or
    not, keeps its writing cells, as the seed's action plan does, but a group's are only as
    tall as its label: the writing goes on the rows under it.
    """
    out: list[doc.Row] = []
    for n, row in enumerate(rows, start=1):
        number = f"{prefix}{n}" if prefix else f"{n}."
        label = f"{style.num(number)} {row.label}" if numbered_rows and row.label else row.label
        if row.write_in:
            label_cell = doc.Cell((doc.text(label, doc.Blank(6)),), "label", indent=depth)
        else:
            label_cell = doc.Cell((doc.text(label),) if label else (), "label", indent=depth)
        height = 0 if row.rows else max(lines, row.lines)
        cells = tuple(doc.Cell(kind="tick") if kind == "tick" else doc.Cell(kind="write", lines=height)
                      for kind in columns)
        out.append(doc.Row((label_cell, *cells), "group" if row.rows else "body"))
        child_prefix = f"{prefix}{n}." if prefix else f"{n}."
        out.extend(body_rows(row.rows, columns, style, lines, numbered_rows, child_prefix, depth + 1))
    return out
