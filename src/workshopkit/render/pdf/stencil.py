"""A personal sheet laid out once for a whole roster: the stencil, and each participant's
overlay.

Three hundred copies of a form that differ only in what stands on the lines of its header
fields and in the page corner need not be laid out three hundred times. The stencil is the
sheet laid out once with a no-break space on each line that a copy fills (so each line has
the height a name gives it) and nothing in the corner; it is painted once. A participant's
copy is then the stencil's page with an overlay painted over it: a document of the same pages
holding only their values, each in the same inline box as on the sheet, placed where the
stencil's box is, and their stamp in the same page-corner box. The overlay is laid out in a
fraction of the time, and checked: each value's box must land exactly where the stencil's
is, with its size, which holds only while the value fits its line. A copy that fails the
check (a name too long for its line, a sheet whose values move the layout) is laid out whole,
as before; so the pages are those of the whole layout, to the hundredth of a pixel.

A sheet with anything else of its own (a personal link in a QR code), or an organiser's own
templates, is always laid out whole: the overlay knows only the bundled header fields.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from weasyprint import Document as Rendered
from weasyprint.formatting_structure.boxes import InlineBlockBox, InlineBox, TextBox

from ...compose import tree as doc
from . import scan_marks

PLACEHOLDER = "\u00a0"  # has the height of a line of text and draws nothing
TOLERANCE_PX = 0.01  # a value's box off by more than this is not the whole layout's
SLOT = "data-slot"  # the attribute of a value's box in the overlay: the field's number


@dataclass(frozen=True)
class Slot:
    page: int
    field: int  # the field's number in the sheet, in the order the template draws them
    box: tuple[float, float, float, float]  # its line's border box, CSS px from the page's top left
    origin: tuple[float, float]  # the page's content box, which the overlay places from
    start: float  # where the field (its label) starts


@dataclass(frozen=True)
class Stencil:
    """A sheet laid out once for every copy that differs from it only in values and stamp."""

    slug: str  # its pages' slug in the print run's shared drawing
    document: doc.Document
    pages: int
    slots: tuple[Slot, ...]
    fit: str = ""  # the fit it was laid out with, which its overlays take
    layouts: tuple[str, ...] = ()  # a form read back from scans: each page's layout hash


def blanked(document: doc.Document) -> doc.Document:
    """The sheet the copy is a stencil of: each filled line holding the placeholder, no stamp,
    the form's copy unnamed. Two copies with the same blanked sheet share one stencil."""
    scan = document.scan and dataclasses.replace(document.scan, who="")
    blocks = _fields_mapped(document.blocks, lambda f: dataclasses.replace(
        f, value=PLACEHOLDER if f.value else ""))
    return dataclasses.replace(document, blocks=blocks, stamp="", scan=scan)


def values(document: doc.Document) -> list[str]:
    """The sheet's field values, in the order the template draws their lines."""
    return [f.value for f in _fields(document.blocks)]


def _fields(blocks: Sequence[doc.Block]) -> list[doc.Field]:
    found: list[doc.Field] = []
    for block in blocks:
        if isinstance(block, doc.Fields):
            found += block.items
        elif isinstance(block, doc.Table):
            found += [f for row in (*block.head, *block.body) for cell in row.cells
                      for f in _fields(cell.blocks)]
    return found


def _fields_mapped(blocks: Sequence[doc.Block], change: Callable[[doc.Field], doc.Field]
                   ) -> tuple[doc.Block, ...]:
    mapped: list[doc.Block] = []
    for block in blocks:
        if isinstance(block, doc.Fields):
            block = doc.Fields(tuple(change(f) for f in block.items))
        elif isinstance(block, doc.Table):
            block = dataclasses.replace(block, head=_rows_mapped(block.head, change),
                                        body=_rows_mapped(block.body, change))
        mapped.append(block)
    return tuple(mapped)


def _rows_mapped(rows: Sequence[doc.Row], change: Callable[[doc.Field], doc.Field]) -> tuple[doc.Row, ...]:
    return tuple(dataclasses.replace(row, cells=tuple(
        dataclasses.replace(cell, blocks=_fields_mapped(cell.blocks, change)) for cell in row.cells))
        for row in rows)


def slots(rendered: Rendered) -> tuple[Slot, ...] | None:
    """Where the laid-out stencil's fields are; None when a line is drawn more than once (a
    table head repeated on a new page) or the page holds links the overlay would lose."""
    found: list[Slot] = []
    seen: set[int] = set()
    for number, page in enumerate(rendered.pages):
        if page.links:
            return None
        box = page._page_box
        origin = (box.content_box_x(), box.content_box_y())
        field = None
        for child in box.descendants():
            if isinstance(child, InlineBox) and child.element.get("class") == "field":
                field = child
            if not isinstance(child, InlineBlockBox) or child.element.get("class") != "blank filled":
                continue
            if id(child.element) in seen or field is None:
                return None
            seen.add(id(child.element))
            found.append(Slot(number, len(found), _box(child), origin, field.border_box_x()))
    return tuple(found)


def _box(box: object) -> tuple[float, float, float, float]:
    return (box.border_box_x(), box.border_box_y(),  # type: ignore[attr-defined]
            box.border_width(), box.border_height())  # type: ignore[attr-defined]


def stencil_of(slug: str, document: doc.Document, rendered: Rendered, fit: str) -> Stencil | None:
    """The laid-out blanked sheet as a stencil, its marks for a scan left to each overlay."""
    found = slots(rendered)
    if found is None or len(found) != len(values(document)):  # a line the template drew otherwise
        return None
    _clear_filled(rendered)
    layouts: tuple[str, ...] = ()
    if document.scan:
        layouts = tuple(code.layout for code in scan_marks.codes(document.scan, rendered))
        scan_marks.unmark(rendered)
    return Stencil(slug, document, len(rendered.pages), found, fit, layouts)


def _clear_filled(rendered: Rendered) -> None:
    # Laid out, the placeholder has given its line a text's height; painted, it would be a
    # word of its own under the value. The label of a filled field is drawn by the overlay,
    # so that text read in the order it is drawn says each label with its value.
    for page in rendered.pages:
        for box in page._page_box.descendants():
            if isinstance(box, InlineBox) and box.element.get("class") == "field" and any(
                    isinstance(c, InlineBlockBox) and _holds_placeholder(c) for c in box.children):
                box.children = [c for c in box.children if not isinstance(c, TextBox)]
            elif isinstance(box, InlineBlockBox) and _holds_placeholder(box):
                for line in box.children:
                    line.children = [c for c in line.children if not isinstance(c, TextBox)]


def _holds_placeholder(box: InlineBlockBox) -> bool:
    return box.element.get("class") == "blank filled" and any(
        isinstance(c, TextBox) and c.text == PLACEHOLDER for line in box.children for c in line.children)


def overlay(document: doc.Document, stencil: Stencil, shift: tuple[float, float] = (0.0, 0.0)
            ) -> list[list[dict]]:
    """What the overlay template draws on each page: each filled field (label, value, width in
    em), from where the stencil's starts, in CSS px from the page's content box."""
    fields = _fields(document.blocks)
    pages: list[list[dict]] = [[] for _ in range(stencil.pages)]
    for slot in stencil.slots:
        field = fields[slot.field]
        if field.value:
            pages[slot.page].append({"field": slot.field, "label": field.label, "value": field.value,
                                     "width": field.width, "left": slot.start - slot.origin[0] + shift[0],
                                     "top": slot.box[1] - slot.origin[1] + shift[1]})
    return pages


def offset(stencil: Stencil, document: doc.Document, rendered: Rendered) -> tuple[float, float] | None:
    """How far the overlay's value boxes landed from the stencil's, when they all moved alike
    and kept their size (None otherwise): (0, 0) when the overlay is right."""
    where = {slot.field: slot for slot in stencil.slots}
    moves = set()
    if len(rendered.pages) != stencil.pages:
        return None
    checked = 0
    for number, page in enumerate(rendered.pages):
        # the values are placed absolutely: their boxes hang from placeholders in the tree
        for child in page._page_box.descendants(placeholders=True):
            field = child.element.get(SLOT) if isinstance(child, InlineBlockBox) else None
            if field is None:
                continue
            checked += 1
            slot = where[int(field)]
            x, y, width, height = _box(child)
            if slot.page != number or abs(width - slot.box[2]) > TOLERANCE_PX \
                    or abs(height - slot.box[3]) > TOLERANCE_PX:
                return None
            moves.add((round(x - slot.box[0], 2), round(y - slot.box[1], 2)))
    # a value whose box was not found is a value not checked
    if len(moves) > 1 or checked != sum(1 for text in values(document) if text):
        return None
    return next(iter(moves), (0.0, 0.0))


def marked(document: doc.Document, stencil: Stencil, rendered: Rendered) -> Rendered:
    """The overlay with the marks of a form read back from scans: the stencil's layout, the
    copy's own code."""
    if document.scan and stencil.layouts:
        scan_marks.mark_pages(document.scan, rendered.pages, stencil.layouts)
    return rendered
