"""Composer: worksheets (ใบงาน) from their blocks: instructions, questions with writing
space, tables with labelled, grouped, write-in and blank rows and tick columns, free-writing
boxes and a 2x2 grid."""
from __future__ import annotations

from .. import doc, model
from ..formatting import Style
from .common import body_rows, cell, numbered


def compose_worksheet(sheet: model.Worksheet, style: Style) -> doc.Document:
    blocks: list[doc.Block] = []
    for block in sheet.blocks:
        blocks.extend(_block(block, style))
    return doc.Document("worksheet", f"worksheet-{sheet.id}", sheet.title, "participant",
                        tuple(blocks), subtitle=sheet.subtitle or "",
                        orientation=sheet.orientation, activity=sheet.activity)


def fields(labels: list[str] | tuple[str, ...]) -> doc.Fields:
    return doc.Fields(tuple(doc.Field(label, 14 if len(labels) <= 2 else 9) for label in labels))


def _block(block: model.Block, style: Style) -> list[doc.Block]:
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
        keyed = [c for c in block.columns if c.short]
        key = [doc.ItemList(tuple(doc.ListItem(f"{style.num(c.short)} =", c.label) for c in keyed))]
        return [table(block, style), *(key if keyed else [])]
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


def table(block: model.TableBlock, style: Style) -> doc.Table:
    columns = block.columns
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
                second.extend(cell(_heading(c, style), "head") for c in columns[index:index + span])
            else:
                head_cells.append(cell(_heading(columns[index], style), "head", rowspan=2))
            index += span
    else:
        head_cells.extend(cell(_heading(c, style), "head") for c in columns)
    head = [doc.Row(tuple(head_cells), "head")]
    if second:
        head.append(doc.Row(tuple(second), "head"))
    kinds = [c.kind for c in columns]
    rows = body_rows(block.rows, kinds, style, block.lines, numbered_rows=True)
    rows += body_rows([model.Row()] * block.blank_rows, kinds, style, block.lines, numbered_rows=False)
    return doc.Table(_widths(block), tuple(head), tuple(rows), title=block.title or "")


def _heading(column: model.Column, style: Style) -> str:
    return style.num(column.short) if column.short else column.label


def _widths(block: model.TableBlock) -> tuple[float, ...]:
    """Tick columns narrow, the rest share the width; explicit widths win."""
    ticks = sum(1 for c in block.columns if c.kind == "tick")
    texts = len(block.columns) - ticks
    label = (22.0 if ticks else 30.0) if texts else 60.0
    rest = 100 - label - ticks * 7
    default = rest / texts if texts else 0
    return (label, *(c.width or (7.0 if c.kind == "tick" else default) for c in block.columns))
