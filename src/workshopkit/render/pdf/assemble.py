"""Several PDFs from one drawing: a pack's files share most of their pages (each document
alone, then again in the participants' and the facilitator's packs), and WeasyPrint paints a
page again for every PDF it is in, subsetting the fonts again each time. Here every page is
painted once, into one PDF with one subset of each font, and each file is cut from it with
pypdf, which copies the page's drawing and the fonts it refers to without painting again.

What WeasyPrint would have written besides the pages is written again per file: the bookmarks
(from WeasyPrint's own bookmark tree of the file's pages), the title, author and language.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from pypdf import PdfReader
from pypdf import PdfWriter as PdfCutter
from pypdf.generic import Fit, NameObject, TextStringObject
from weasyprint import Document as Rendered

Part = tuple[Rendered, Sequence]  # the laid-out document whose metadata a file takes, its pages
Paint = Callable[[Rendered, Sequence], bytes]  # pages -> one PDF (the writer's checked write)


def files(parts: Sequence[Part], paint: Paint) -> list[bytes]:
    """Each part as one PDF, every distinct page painted once by `paint`."""
    if len(parts) == 1:
        return [paint(*parts[0])]
    index: dict[int, int] = {}  # a page (by identity: the same laid-out page) -> its place in the drawing
    drawn: list = []
    for _, pages in parts:
        for page in pages:
            if id(page) not in index:
                index[id(page)] = len(drawn)
                drawn.append(page)
    drawing = PdfReader(io.BytesIO(paint(parts[0][0], drawn)))
    return [_cut(drawing, [index[id(page)] for page in pages], base.copy(list(pages)))
            for base, pages in parts]


def _cut(drawing: PdfReader, numbers: list[int], laid_out: Rendered) -> bytes:
    out = PdfCutter()
    for number in numbers:
        out.add_page(drawing.pages[number])
    # WeasyPrint's own outline writer (pdf/anchors.py) with the same tree and coordinates
    _outline(out, laid_out.make_bookmark_tree(0.75, transform_pages=True), None)
    facts = laid_out.metadata
    info = {"/Producer": drawing.metadata.get("/Producer", "") if drawing.metadata else ""}
    if facts.title:
        info["/Title"] = facts.title
    if facts.authors:
        info["/Author"] = ", ".join(facts.authors)
    if facts.generator:
        info["/Creator"] = facts.generator
    out.add_metadata(info)
    if facts.lang:
        out._root_object[NameObject("/Lang")] = TextStringObject(facts.lang)
    data = io.BytesIO()
    out.write(data)
    return data.getvalue()


def _outline(out: PdfCutter, tree: list, parent: object) -> None:
    for title, (page, x, y), children, state in tree:
        item = out.add_outline_item(title=title, page_number=page, parent=parent,  # type: ignore[arg-type]
                                    fit=Fit.xyz(x, y, 0), is_open=state != "closed")
        _outline(out, children, item)
