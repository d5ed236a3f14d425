"""Several PDFs from few drawings: a pack's files share most of their pages (each document
alone, then again in the participants' and the facilitator's packs), and WeasyPrint paints a
page again for every PDF it is in, subsetting the fonts again each time. Here the documents a
process laid out are painted once, into one PDF with one subset of each font (a `Drawing`),
and each file is cut from the drawings with pikepdf (qpdf), which copies a page's drawing and
the fonts it refers to without painting again, five times as fast as pypdf did. Two processes
that each laid out half the documents give two drawings; a file may take pages from both.

What WeasyPrint would have written besides the pages is written again per file: the bookmarks
(WeasyPrint's own bookmark tree of each document, its pages counted in the file), and the
title, author and language of the file's first document.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from pikepdf import Array, Dictionary, Name, Object, OutlineItem, PageLocation, Pdf, String
from pikepdf import Page as PdfPage
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
    sources = [Pdf.open(io.BytesIO(drawing.data)) for drawing in drawings]
    try:
        where = {slug: (source, placed) for drawing, source in zip(drawings, sources, strict=True)
                 for slug, placed in drawing.documents.items()}
        version = max(source.pdf_version for source in sources)  # WeasyPrint's, not a new file's 1.3
        return [_cut(pages, where, outlines[n] if outlines else None, titles[n] if titles else None, version)
                for n, pages in enumerate(contents)]
    finally:
        for source in sources:
            source.close()


def _cut(pages: Sequence[Page], where: dict[str, tuple[Pdf, Placed]],
         marks: Sequence[tuple[str, int]] | None, title: str | None, version: str) -> bytes:
    out = Pdf.new()
    at: dict[Page, int] = {}
    forms: dict[Page, Object] = {}
    made: dict[tuple, Object] = {}
    for page in pages:
        source, placed = where[page[0]]
        at.setdefault(page, len(out.pages))
        out.pages.append(source.pages[placed.first + page[1]])
        if placed.under:
            below = (placed.under, page[1])
            if below not in forms:
                stencil, its = where[placed.under]
                forms[below] = out.copy_foreign(stencil.pages[its.first + page[1]].as_form_xobject())
            _lay_over(out, out.pages[-1], forms[below], made)
    with out.open_outline() as outline:
        if marks is not None:
            outline.root.extend(OutlineItem(text, number) for text, number in marks)
        else:
            for slug in dict.fromkeys(slug for slug, _ in pages if slug != BLANK):
                _outline(outline.root, where[slug][1].tree, slug, at)
    first = where[pages[0][0]][1]
    title = first.title if title is None else title
    out.docinfo[Name.Producer] = "WeasyPrint, workshopkit"
    if title:
        out.docinfo[Name.Title] = title
    if first.authors:
        out.docinfo[Name.Author] = ", ".join(first.authors)
    if first.generator:
        out.docinfo[Name.Creator] = first.generator
    if first.lang:
        out.Root.Lang = String(first.lang)
    data = io.BytesIO()
    out.save(data, min_version=version, deterministic_id=True)  # the same pages make the same file
    return data.getvalue()


def _outline(items: list[OutlineItem], tree: list, slug: str, at: dict[Page, int]) -> None:
    # WeasyPrint's own outline writer (pdf/anchors.py) with the same tree and coordinates
    for title, (page, x, y), children, state in tree:
        if (slug, page) not in at:  # a page the file leaves out: its bookmark goes too
            _outline(items, children, slug, at)
            continue
        item = OutlineItem(title, at[(slug, page)], PageLocation.XYZ, left=x, top=y, zoom=0)
        item.is_closed = state == "closed"
        items.append(item)
        _outline(item.children, children, slug, at)


def _lay_over(out: Pdf, page: PdfPage, form: Object, made: dict[tuple, Object]) -> None:
    """Draw the stencil's page (a form XObject in `out`: its drawing and fonts are in the file
    once, however many copies lie over it) first on `page`, an overlay's."""
    name = Name(f"/Stencil{form.objgen[0]}")
    # WeasyPrint's pages share one resource dictionary, which the stencil's form joins: one
    # copy for each stencil page, shared by every overlay over it
    shared = page.obj.Resources
    key = (shared.objgen if shared.is_indirect else id(shared), form.objgen)
    if key not in made:
        resources = Dictionary(dict(shared.items()))
        objects = Dictionary(dict(resources.XObject.items())) if Name.XObject in resources else Dictionary()
        objects[name] = form
        resources.XObject = objects
        made[key] = out.make_indirect(resources)
    page.obj.Resources = made[key]
    if form.objgen not in made:  # the stream that draws it, as shared
        made[form.objgen] = out.make_stream(f"{name} Do\n".encode())
    contents = page.obj.Contents
    kept = list(contents) if isinstance(contents, Array) else [contents]
    page.obj.Contents = Array([made[form.objgen], *kept])
