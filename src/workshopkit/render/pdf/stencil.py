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
from dataclasses import dataclass

from weasyprint import Document as Rendered
from weasyprint.formatting_structure.boxes import InlineBlockBox, InlineBox, TextBox

from ...compose import tree as doc
from ...compose.personal import mapped, within
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
    blocks = mapped(document.blocks, lambda b: doc.Fields(tuple(
        dataclasses.replace(f, value=PLACEHOLDER if f.value else "") for f in b.items))
        if isinstance(b, doc.Fields) else b)
    return dataclasses.replace(document, blocks=blocks, stamp="", scan=scan)


def values(document: doc.Document) -> list[str]:
    """The sheet's field values, in the order the template draws their lines."""
    return [f.value for f in _fields(document)]


def _fields(document: doc.Document) -> list[doc.Field]:
    return [f for b in within(document.blocks) if isinstance(b, doc.Fields) for f in b.items]


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
        layouts = tuple(scan_marks.layouts(rendered))
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


def overlay(document: doc.Document, stencil: Stencil) -> list[list[dict]]:
    """What the overlay template draws on each page: each filled field (label, value, width in
    em), from where the stencil's starts, in CSS px from the page's content box."""
    fields = _fields(document)
    pages: list[list[dict]] = [[] for _ in range(stencil.pages)]
    for slot in stencil.slots:
        field = fields[slot.field]
        if field.value:
            pages[slot.page].append({"field": slot.field, "label": field.label, "value": field.value,
                                     "width": field.width, "left": slot.start - slot.origin[0],
                                     "top": slot.box[1] - slot.origin[1]})
    return pages


def lands(stencil: Stencil, document: doc.Document, rendered: Rendered) -> bool:
    """Whether each of the overlay's values landed where the stencil's line is, with its size:
    else the whole layout would have put it, or what follows it, elsewhere."""
    where = {slot.field: slot for slot in stencil.slots}
    if len(rendered.pages) != stencil.pages:
        return False
    checked = 0
    for number, page in enumerate(rendered.pages):
        # the values are placed absolutely: their boxes hang from placeholders in the tree
        for child in page._page_box.descendants(placeholders=True):
            field = child.element.get(SLOT) if isinstance(child, InlineBlockBox) else None
            if field is None:
                continue
            checked += 1
            slot = where[int(field)]
            moved = [abs(a - b) for a, b in zip(_box(child), slot.box, strict=True)]
            if slot.page != number or max(moved) > TOLERANCE_PX:
                return False
    # a value whose box was not found is a value not checked
    return checked == sum(1 for text in values(document) if text)


def marked(document: doc.Document, stencil: Stencil, rendered: Rendered) -> Rendered:
    """The overlay with the marks of a form read back from scans: the stencil's layout, the
    copy's own code."""
    if document.scan and stencil.layouts:
        scan_marks.mark_pages(document.scan, rendered.pages, stencil.layouts)
    return rendered
