"""Several PDFs from few drawings: a pack's files share most of their pages (each document
alone, then again in the participants' and the facilitator's packs), and WeasyPrint paints a
page again for every PDF it is in, subsetting the fonts again each time. Here the documents a
process laid out are painted once, into one PDF with one subset of each font (a `Drawing`),
and each file is cut from the drawings with pypdf, which copies a page's drawing and the fonts
it refers to without painting again. Two processes that each laid out half the documents give
two drawings; a file may take pages from both.

What WeasyPrint would have written besides the pages is written again per file: the bookmarks
(WeasyPrint's own bookmark tree of each document, its pages counted in the file), and the
title, author and language of the file's first document.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from pypdf import PageObject, PdfReader
from pypdf import PdfWriter as PdfCutter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    IndirectObject,
    NameObject,
    TextStringObject,
)
from weasyprint import Document as Rendered

Paint = Callable[[Rendered, Sequence], bytes]  # pages -> one PDF (the writer's checked write)
Page = tuple[str, int]  # page n of the document of this slug
BLANK = "-blank"  # the slug of the blank back of a sheet


@dataclass(frozen=True)
class Placed:
    """A document in a drawing: its first page there, its page count, its bookmark tree (its
    pages counted from 0) and what the file that starts with it says of itself."""

    first: int
    count: int
    tree: list
    title: str = ""
    authors: tuple[str, ...] = ()
    generator: str = ""
    lang: str = ""
    under: str = ""  # an overlay (stencil.py): the slug of the stencil its pages lie over


@dataclass(frozen=True)
class Drawing:
    """Documents painted once into one PDF, by slug: it crosses between processes by pickle."""

    data: bytes
    documents: dict[str, Placed] = field(default_factory=dict)


def draw(documents: Sequence[tuple[str, Rendered]], paint: Paint, under: Mapping[str, str] | None = None
         ) -> Drawing:
    """The laid-out documents (by slug) painted into one drawing; those `under` names are
    overlays, each page of which is cut into a file over the same page of its stencil."""
    pages: list = []
    placed = {}
    for slug, rendered in documents:
        facts = rendered.metadata
        placed[slug] = Placed(len(pages), len(rendered.pages), rendered.make_bookmark_tree(0.75, True),
                              facts.title or "", tuple(facts.authors or ()), facts.generator or "",
                              facts.lang or "", (under or {}).get(slug, ""))
        pages += rendered.pages
    return Drawing(paint(documents[0][1], pages), placed)


def files(drawings: Sequence[Drawing], contents: Sequence[Sequence[Page]], *,
          outlines: Sequence[Sequence[tuple[str, int]]] | None = None,
          titles: Sequence[str] | None = None) -> list[bytes]:
    """Each file of `contents` (its pages, in order) cut from the drawings that hold them;
    with `outlines`, each file's bookmarks (title, page) instead of its documents' own, with
    `titles` its title instead of its first document's."""
    readers = [PdfReader(io.BytesIO(drawing.data)) for drawing in drawings]
    where = {slug: (reader, placed) for drawing, reader in zip(drawings, readers, strict=True)
             for slug, placed in drawing.documents.items()}
    return [_cut(pages, where, outlines[n] if outlines else None, titles[n] if titles else None)
            for n, pages in enumerate(contents)]


def _cut(pages: Sequence[Page], where: dict[str, tuple[PdfReader, Placed]],
         marks: Sequence[tuple[str, int]] | None, title: str | None) -> bytes:
    out = PdfCutter()
    at: dict[Page, int] = {}
    forms: dict[Page, IndirectObject] = {}
    resources: dict[tuple[int, int], IndirectObject] = {}
    for page in pages:
        reader, placed = where[page[0]]
        at.setdefault(page, len(out.pages))
        added = out.add_page(reader.pages[placed.first + page[1]])
        if placed.under:
            below = (placed.under, page[1])
            if below not in forms:
                stencil, its = where[placed.under]
                forms[below] = _form(out, stencil.pages[its.first + page[1]])
            _lay_over(out, added, forms[below], resources)
    if marks is not None:
        for text, number in marks:
            out.add_outline_item(title=text, page_number=number)
    else:
        for slug in dict.fromkeys(slug for slug, _ in pages if slug != BLANK):
            _outline(out, where[slug][1].tree, None, slug, at)
    first = where[pages[0][0]][1]
    title = first.title if title is None else title
    info = {"/Producer": "WeasyPrint, workshopkit"}
    if title:
        info["/Title"] = title
    if first.authors:
        info["/Author"] = ", ".join(first.authors)
    if first.generator:
        info["/Creator"] = first.generator
    out.add_metadata(info)
    if first.lang:
        out._root_object[NameObject("/Lang")] = TextStringObject(first.lang)
    data = io.BytesIO()
    out.write(data)
    return data.getvalue()


def _outline(out: PdfCutter, tree: list, parent: object, slug: str, at: dict[Page, int]) -> None:
    # WeasyPrint's own outline writer (pdf/anchors.py) with the same tree and coordinates
    for title, (page, x, y), children, state in tree:
        if (slug, page) not in at:  # a page the file leaves out: its bookmark goes too
            _outline(out, children, parent, slug, at)
            continue
        item = out.add_outline_item(title=title, page_number=at[(slug, page)], parent=parent,  # type: ignore[arg-type]
                                    fit=Fit.xyz(x, y, 0), is_open=state != "closed")
        _outline(out, children, item, slug, at)


def _form(out: PdfCutter, page: PageObject) -> IndirectObject:
    """A stencil's page as a form XObject in `out`: its drawing and fonts are in the file once,
    however many copies lie over it."""
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())  # type: ignore[union-attr]
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): page.mediabox, NameObject("/Resources"): page.raw_get("/Resources")})
    return out._add_object(form.flate_encode().clone(out))


def _lay_over(out: PdfCutter, page: PageObject, form: IndirectObject,
              made: dict[tuple[int, int], IndirectObject]) -> None:
    """Draw the stencil's page first on `page` (the overlay's, in `out`)."""
    name = NameObject(f"/Stencil{form.idnum}")
    # WeasyPrint's pages share one resource dictionary, which the stencil's form joins: one
    # copy for each stencil page, shared by every overlay over it
    shared = page.raw_get("/Resources")
    key = (shared.idnum if isinstance(shared, IndirectObject) else id(shared), form.idnum)
    if key not in made:
        resources = DictionaryObject(cast(DictionaryObject, shared.get_object()))
        objects = DictionaryObject(cast(DictionaryObject, resources["/XObject"].get_object())) \
            if "/XObject" in resources else DictionaryObject()
        objects[name] = form
        resources[NameObject("/XObject")] = objects
        made[key] = out._add_object(resources)
    page[NameObject("/Resources")] = made[key]
    if (0, form.idnum) not in made:  # the stream that draws it, as shared
        first = DecodedStreamObject()
        first.set_data(f"{name} Do\n".encode())
        made[(0, form.idnum)] = out._add_object(first)
    contents = page.raw_get("/Contents")
    kept = list(contents) if isinstance(contents, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([made[(0, form.idnum)], *kept])
