"""Composer: worksheets (ใบงาน) from their blocks: instructions, questions with writing
space, tables with labelled, grouped, write-in and blank rows and tick columns, free-writing
boxes and a 2x2 grid."""
from __future__ import annotations

from ..definition import model
from ..definition.fit import TableFit, fit_table, headings, sheet_orientation
from ..paper.page import Orientation
from ..wording.style import Style
from . import tree as doc
from .common import body_rows, cell, numbered


def compose_worksheet(sheet: model.Worksheet, style: Style) -> doc.Document:
    # landscape when a table needs it (layout.py); the definition's validation refused any
    # table that fits neither way
    """A worksheet, landscape when one of its tables needs it."""
    orientation = sheet_orientation(sheet, style.scale)
    blocks: list[doc.Block] = []
    for block in sheet.blocks:
        blocks.extend(_block(block, style, orientation))
    return doc.Document("worksheet", f"worksheet-{sheet.id}", sheet.title, "participant",
                        tuple(blocks), subtitle=sheet.subtitle or "",
                        orientation=orientation, activity=sheet.activity,
                        collected=sheet.collected)


def fields(items: list[model.FormField]) -> doc.Fields:
    """Header fields to fill in, each knowing the participant's detail it takes."""
    width = 14 if len(items) <= 2 else 9
    return doc.Fields(tuple(doc.Field(f.label, width, takes=f.takes or "") for f in items))


def _block(block: model.Block, style: Style, orientation: Orientation) -> list[doc.Block]:
    if isinstance(block, model.InstructionsBlock):
        return [*_title(block.title), doc.ItemList(numbered(block.items, style))]
    if isinstance(block, model.TextBlock):
        return [doc.text(block.text, style="emphasis" if block.emphasis else "")]
    if isinstance(block, model.QuestionsBlock):
        out: list[doc.Block] = list(_title(block.title))
        for n, question in enumerate(block.items, start=1):
            out.append(doc.Question(style.num(question.number or f"{n}."), question.text,
                                    question.lines))
        return out
    if isinstance(block, model.TableBlock):
        fit = fit_table(block, orientation, style.scale)
        if fit is None:  # validation refuses such a table at its line; never print it cut off
            raise ValueError(f"table '{block.title or block.label_column}' fits no page")
        keyed = [(heading, c.label) for c, heading in zip(block.columns, headings(block, fit.numbered),
                                                           strict=True) if heading != c.label]
        key = [doc.ItemList(tuple(doc.ListItem(f"{style.num(h)} =", label) for h, label in keyed))]
        return [table(block, style, fit), *(key if keyed else [])]
    if isinstance(block, model.BoxBlock):
        return [doc.Box(block.label or "", block.hint or "", block.lines)]
    if isinstance(block, model.GridBlock):
        boxes = tuple(doc.Box(c.label, c.hint or "", block.lines) for c in block.cells)
        return [*_title(block.title), doc.Grid(boxes)]  # type: ignore[arg-type]
    if isinstance(block, model.FieldsBlock):
        return [fields(block.items)]
    raise TypeError(f"no composer for {type(block).__name__}")


def _title(title: str | None) -> list[doc.Block]:
    return [doc.Heading(title, 3)] if title else []


def table(block: model.TableBlock, style: Style, fit: TableFit) -> doc.Table:
    """A worksheet table as the fit decided: its widths, headings (numbered with a key) and rows."""
    columns = block.columns
    texts = [style.num(t) if t != c.label else t
             for t, c in zip(headings(block, fit.numbered), columns, strict=True)]
    groups = [c.group for c in columns]
    head_cells: list[doc.Cell] = [cell(block.label_column, "head", rowspan=2 if any(groups) else 1)]
    second: list[doc.Cell] = []
    if any(groups):
        index = 0
        while index < len(columns):
            group = columns[index].group
            span = 1
            while group and index + span < len(columns) and columns[index + span].group == group:
                span += 1
            if group:
                head_cells.append(cell(group, "head", colspan=span))
                second.extend(cell(t, "head") for t in texts[index:index + span])
            else:
                head_cells.append(cell(texts[index], "head", rowspan=2))
            index += span
    else:
        head_cells.extend(cell(t, "head") for t in texts)
    head = [doc.Row(tuple(head_cells), "head")]
    if second:
        head.append(doc.Row(tuple(second), "head"))
    kinds = [c.kind for c in columns]
    rows = body_rows(block.rows, kinds, style, block.lines, numbered_rows=True)
    rows += body_rows([model.Row()] * block.blank_rows, kinds, style, block.lines, numbered_rows=False)
    return doc.Table(fit.widths, tuple(head), tuple(rows), title=block.title or "")
