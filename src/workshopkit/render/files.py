"""Render: bundles in, bytes out. Each document is laid out once, as PDF whatever the formats
(the print checklist and the cover need its page counts, and a pack holds the same files in
every format), and every file is drawn from what was laid out.

Runs inside the bounded render worker (render/bounded.py); the build itself never imports
this module, so it never loads WeasyPrint. Nothing here composes or writes: the documents
come composed, and the bytes go back to the build.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from weasyprint import Document as Rendered

from ..compose import tree as doc
from ..compose.plan import Bundle, Entry
from ..paper.page import PageDescription
from .beside import Turns
from .bounded import Progress
from .pdf import assemble
from .pdf.writer import PdfWriter
from .print_run import PrintRun, Set, duplex_pages, render_print_run

if TYPE_CHECKING:  # python-docx loads where DOCX is written, not in the workers' server
    from .docx.fragments import Fragments
    from .docx.writer import DocxWriter


class Renderer:
    """The renderer of one build: one PDF writer (fonts and templates loaded once) and what it
    has laid out, by document slug."""

    def __init__(self, page: PageDescription, source_dir: Path, embed_fonts: bool = True,
                 remembered: Mapping[str, str] | None = None, compiled: Mapping[str, str] | None = None):
        self.page = page
        self.source_dir = source_dir.resolve()
        self.embed_fonts = embed_fonts
        self.pdf = PdfWriter(self.source_dir, page, remembered, compiled)
        self._laid_out: dict[str, tuple[doc.Document, Rendered]] = {}
        self._laid_out_warnings: dict[str, list[str]] = {}  # by slug: what its last layout said
        self._run_warnings: list[str] = []

    def pages(self, documents: Sequence[doc.Document]) -> dict[str, int]:
        """Each document's page count, by slug; a document composed again under the same slug
        (the print checklist with better page counts) is laid out again."""
        for document in documents:
            known = self._laid_out.get(document.slug)
            if known is None or known[0] != document:
                said = len(self.pdf.warnings)
                self._laid_out[document.slug] = (document, self.pdf.render(document))
                # a document laid out again (the studio's next edit) says only what holds now
                self._laid_out_warnings[document.slug] = self.pdf.warnings[said:]
                del self.pdf.warnings[said:]
        return {d.slug: len(self._laid_out[d.slug][1].pages) for d in documents}

    def take(self, turns: Turns, documents: Sequence[doc.Document]) -> list[doc.Document]:
        """The documents of the turns this process takes, each laid out when it is taken and
        its page count said to the process that composes the front from them."""
        taken = []
        for index in turns:
            document = documents[index]
            turns.laid_out(index, self.pages([document])[document.slug])
            taken.append(document)
        return taken

    def print_run(self, shared: Sequence[doc.Document], sets: Sequence[Set],
                  progress: Progress | None = None) -> PrintRun:
        """Every participant's set in one PDF, the shared sheets reused from what was laid out."""
        self.pages(shared)
        run = render_print_run(self.page, self.source_dir, shared, sets, progress, writer=self.pdf,
                               rendered={d: r for d, r in self._laid_out.values()})
        self._run_warnings += run.warnings
        return run

    def drawing(self, documents: Sequence[doc.Document], blank: bool = True) -> assemble.Drawing:
        """The documents, laid out here, painted once into one PDF (with the blank back of a
        sheet that the packs use)."""
        self.pages(documents)
        laid_out = [(d.slug, self._laid_out[d.slug][1]) for d in documents]
        if blank:
            laid_out.append((assemble.BLANK, self.pdf.blank_page()))
        return assemble.draw(laid_out, self.pdf.write_pages)

    def pdf_files(self, bundles: Sequence[Bundle], elsewhere: Sequence[assemble.Drawing] = ()
                  ) -> list[tuple[bytes, Entry]]:
        """Each bundle as one PDF, cut from the drawing of the documents laid out here and
        from those drawn `elsewhere` (by a helper that laid out the others): every page is
        painted once, however many files hold it."""
        away = {slug for drawing in elsewhere for slug in drawing.documents}
        here = {d.slug: d for bundle in bundles for d in bundle.documents if d.slug not in away}
        drawings = [self.drawing(list(here.values())), *elsewhere] \
            if here or assemble.BLANK not in away else list(elsewhere)
        counts = {slug: placed.count for drawing in drawings for slug, placed in drawing.documents.items()}
        contents = [_contents(bundle, counts) for bundle in bundles]
        return [(data, Entry.of(bundle, "pdf", len(pages))) for data, bundle, pages
                in zip(assemble.files(drawings, contents), bundles, contents, strict=True)]

    def pdf_pages(self, bundles: Sequence[Bundle]) -> list[tuple[Bundle, Rendered, list]]:
        """Each bundle's pages in print order, not yet written (the studio writes one page of
        one when it is looked at), with the laid-out document whose metadata it takes."""
        self.pages([d for bundle in bundles for d in bundle.documents])
        blank = self.pdf.blank_page()
        out = []
        for bundle in bundles:
            parts = [(d, self._laid_out[d.slug][1].pages) for d in bundle.documents]
            pages = duplex_pages(parts, blank.pages[0]) if bundle.own_sheets else \
                [page for _, laid_out in parts for page in laid_out]
            out.append((bundle, self._laid_out[bundle.documents[0].slug][1], pages))
        return out

    def docx_files(self, bundles: Sequence[Bundle]) -> list[tuple[bytes, Entry]]:
        """Each bundle as one DOCX; its pages are a word processor's to lay out."""
        return docx_files(self.page, self.embed_fonts, bundles)

    @property
    def warnings(self) -> list[str]:
        """What the organiser should know of the layout (a page left nearly empty), each once."""
        laid_out = [w for said in self._laid_out_warnings.values() for w in said]
        return list(dict.fromkeys([*laid_out, *self.pdf.warnings, *self._run_warnings]))


def drawn_elsewhere(page: PageDescription, source_dir: Path, draw: bool, turns: Turns,
                    remembered: Mapping[str, str], compiled: Mapping[str, str],
                    documents: Sequence[doc.Document]
                    ) -> tuple[assemble.Drawing | None, list[str], dict[str, str]]:
    """In a helper process beside the render worker, on the other core: each document it takes
    its turn at laid out and, when PDF files are made, all of them painted into one drawing;
    what laying them out warned, and the fits it learned."""
    renderer = Renderer(page, source_dir, remembered=remembered, compiled=compiled)
    taken = renderer.take(turns, documents)
    drawing = renderer.drawing(taken, blank=False) if draw and taken else None
    return drawing, renderer.warnings, renderer.pdf.learned


def _contents(bundle: Bundle, counts: dict[str, int]) -> list[assemble.Page]:
    """The bundle's pages in print order: its documents' pages one after another, or for a
    duplex printer with the blank back where a form needs one."""
    parts = [(d, [(d.slug, n) for n in range(counts[d.slug])]) for d in bundle.documents]
    if bundle.own_sheets:
        return duplex_pages(parts, (assemble.BLANK, 0))
    return [page for _, pages in parts for page in pages]


def docx_files(page: PageDescription, embed_fonts: bool, bundles: Sequence[Bundle],
               drawn: Fragments | None = None) -> list[tuple[bytes, Entry]]:
    """Each bundle as one DOCX (no layout needed, so no WeasyPrint: it runs beside the PDFs),
    a document in several bundles drawn once; `drawn` keeps what was drawn for later calls."""
    from .docx.fragments import Fragments

    writer, drawn = _docx_writer(page, embed_fonts), drawn or Fragments()
    return [(writer.write(b.documents, b.own_sheets, drawn), Entry.of(b, "docx", None)) for b in bundles]


@cache
def _docx_writer(page: PageDescription, embed_fonts: bool) -> DocxWriter:
    from .docx.writer import DocxWriter

    return DocxWriter(page, embed_fonts)
