"""A form printed to be read back from a scan (`doc.Document.scan`): where its tick boxes
landed on each laid-out page, and what is drawn over each page for the reader to find it,
a filled square near each corner and a QR code (scan_code.py) that names the workshop, the
form, the page, the hash of that page's boxes and whose copy it is.

The page and its layout are known only once WeasyPrint has laid the form out, so the marks
are drawn after layout, as a content stream added to the page when it is painted (`finisher`).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pydyf
from weasyprint import Document as Rendered
from weasyprint.formatting_structure.boxes import TableCellBox

from ... import qr
from ...compose import tree as doc
from ...paper.page import SCAN_MARK_INSET_MM, SCAN_MARK_MM, SCAN_QR_MODULE_MM, SIZE_MM, scan_qr_at
from ...scan_code import Cell, Rect, ScanCode, layout_hash

PX_MM = 25.4 / 96  # WeasyPrint lays out in CSS pixels
PT_MM = 72 / 25.4
STAMP = "workshopkit_scan_marks"  # the attribute of a laid-out page that holds its marks


def page_cells(rendered: Rendered) -> list[list[Cell]]:
    """Each page's tick boxes (the cells the form marked `data-cell`), in mm from the page's
    top left."""
    pages = []
    for page in rendered.pages:
        cells = []
        for box in page._page_box.descendants():
            key = box.element.get("data-cell") if isinstance(box, TableCellBox) else None
            if not key:
                continue
            inner = next((b for b in box.descendants() if b is not box and b.element is not None
                          and b.element.get("class") == "box"), None)
            if inner is not None:
                cells.append(Cell(key, _rect(box), _rect(inner)))
        pages.append(cells)
    return pages


def _rect(box: object) -> Rect:
    return (box.border_box_x() * PX_MM, box.border_box_y() * PX_MM,  # type: ignore[attr-defined]
            box.border_width() * PX_MM, box.border_height() * PX_MM)  # type: ignore[attr-defined]


def layouts(rendered: Rendered) -> list[str]:
    """Each page's layout hash: what its QR code says of where its boxes are."""
    return [layout_hash(cells) for cells in page_cells(rendered)]


def mark(document: doc.Document, rendered: Rendered) -> None:
    """Give each laid-out page of a form printed to be read back its marks, drawn when the
    page is painted (in whatever PDF holds it)."""
    if document.scan is None:
        return
    mark_pages(document.scan, rendered.pages, layouts(rendered))


def mark_pages(form: doc.ScanForm, pages: Sequence, layouts: Sequence[str]) -> None:
    """Give pages the marks of `form` for a layout known already (a stencil's, under them)."""
    for number, (page, layout) in enumerate(zip(pages, layouts, strict=True), start=1):
        code = ScanCode(form.workshop, form.form, number, len(layouts), layout, form.who)
        setattr(page, STAMP, _drawing(code.text()))


def unmark(rendered: Rendered) -> None:
    """Take the marks off the pages: a stencil's pages carry a copy's marks in its overlay."""
    for page in rendered.pages:
        if hasattr(page, STAMP):
            delattr(page, STAMP)


def finisher(pages: Sequence) -> Callable[[Rendered, pydyf.PDF], None] | None:
    """What adds the marks of the pages that have them to the PDF WeasyPrint writes of
    `pages`, or None when none has."""
    marked = {n: getattr(page, STAMP) for n, page in enumerate(pages) if getattr(page, STAMP, None)}
    if not marked:
        return None

    def finish(_document: Rendered, pdf: pydyf.PDF) -> None:
        kids = pdf.pages["Kids"]
        for number, drawing in marked.items():
            page = pdf.objects[kids[3 * number]]
            # the page's own stream leaves its transformation in place: ours starts afresh
            # compressed: a QR code's rectangles are kilobytes on each of a print run's pages
            before, after = pydyf.Stream([b"q"]), pydyf.Stream([b"Q", drawing], compress=True)
            pdf.add_object(before)
            pdf.add_object(after)
            page["Contents"] = pydyf.Array([before.reference, page["Contents"], after.reference])
    return finish


def _drawing(text: str) -> bytes:
    """The corner marks and the QR code as PDF operators, in points from the bottom left."""
    width, height = SIZE_MM["portrait"]
    rects: list[Rect] = []
    half = SCAN_MARK_MM / 2
    for x in (SCAN_MARK_INSET_MM, width - SCAN_MARK_INSET_MM):
        for y in (SCAN_MARK_INSET_MM, height - SCAN_MARK_INSET_MM):
            rects.append((x - half, y - half, SCAN_MARK_MM, SCAN_MARK_MM))
    code = qr.modules(text)
    left, top = scan_qr_at(len(code))
    size = SCAN_QR_MODULE_MM
    for row, modules in enumerate(code):
        start = None
        for column, dark in enumerate((*modules, False)):  # a run of dark modules is one rectangle
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                rects.append((left + start * size, top + row * size, (column - start) * size, size))
                start = None
    ops = ["0 g"]
    for x, y, w, h in rects:
        ops.append(f"{x * PT_MM:.3f} {(height - y - h) * PT_MM:.3f} {w * PT_MM:.3f} {h * PT_MM:.3f} re")
    ops.append("f")
    return "\n".join(ops).encode()
