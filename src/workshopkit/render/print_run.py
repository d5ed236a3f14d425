"""Render, at scale: the participants' print job, every participant's set of sheets in one PDF.

Compose has made each participant's set (compose/personal.py): the sheets that are the same
for everyone appear in every set as the same documents; they are laid out and painted once,
and every set refers to those pages. The personal ones (names in the header fields, the code
in the page corner, pre-filled survey links) are laid out and painted one by one, in worker
processes that each load the fonts and templates once. The run is then put together with
pikepdf from the two drawings, a bookmark per participant; a shared page's drawing and its fonts
are in the file once, however many sets hold it. A personal sheet that many sets hold copies
of is laid out once as a stencil, and each copy is only its values drawn over it
(pdf/stencil.py), unless they do not fit the stencil's lines. Every set is padded to an even
number of pages, so on a duplex printer each starts on a front side, and a form that is
handed in sits on sheets of its own. Nothing is written here: the bytes go back to the build.
"""
from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from weasyprint import Document as Rendered

from ..compose import tree as doc
from ..compose.plan import duplex_order
from ..paper.page import PageDescription
from .bounded import Progress
from .pdf import assemble, patches, stencil
from .pdf.assemble import Page
from .pdf.stencil import Stencil
from .pdf.writer import PdfWriter

Set = tuple[doc.Document, ...]  # one participant's sheets, in agenda order
_Item = TypeVar("_Item")  # a page, or a reference to one (assemble.Page)
# a chunk's sets: the drawing of their own sheets, each set's pages, what laying them out warned,
# how many personal copies were overlays of a stencil
_Chunk = tuple[assemble.Drawing | None, list[list[Page]], list[str], int]
INLINE_BELOW = 8  # fewer participants than this render in this process: workers cost a start-up


@dataclass(frozen=True)
class PrintRun:
    data: bytes
    pages: int
    set_pages: list[int]  # pages of each participant's set, blanks included, in roster order
    warnings: list[str] = field(default_factory=list)  # from the workers' writers, each once
    overlays: int = 0  # personal copies drawn over their sheet's stencil, not laid out whole


@dataclass(frozen=True)
class _Job:
    page: PageDescription
    source_dir: Path
    shared: tuple[doc.Document, ...]  # the sheets that are the same in every set
    fitted: tuple[tuple[str, str], ...] = ()  # the fit the build's writer chose for each document
    compiled: tuple[tuple[str, str], ...] = ()  # the templates its writer holds compiled
    stencils: tuple[Stencil, ...] = ()  # personal sheets laid out once, for overlays (stencil.py)


_worker: _Renderer | None = None


class _Renderer:
    def __init__(self, job: _Job, writer: PdfWriter | None = None,
                 rendered: Mapping[doc.Document, Rendered] | None = None):
        self.writer = writer or PdfWriter(job.source_dir, job.page, compiled=dict(job.compiled))
        self.fits = dict(job.fitted)
        known = rendered or {}
        self.shared = {d: known.get(d) or self.writer.render(d) for d in job.shared}
        self.blank = self.writer.blank_page()
        self.stencils = {s.document: s for s in job.stencils}

    def stencil_pages(self, sets: Sequence[Set], templates: Path | None) -> list[tuple[Stencil, Rendered]]:
        """The personal sheets that two or more sets hold copies of, each laid out once as
        the stencil of those copies (none with an organiser's templates: stencil.py)."""
        if templates is not None:
            return []
        copies = Counter(stencil.blanked(d) for documents in sets for d in documents if d not in self.shared)
        made = []
        for number, (blank, count) in enumerate(copies.items()):
            if count < 2:
                continue
            rendered = self.writer.render(blank, self.fits.get(blank.slug))
            made.append((stencil.stencil_of(f"{blank.slug}~{number}", blank, rendered,
                                            self.writer.fitted.get(blank.slug, "")), rendered))
        return [(found, rendered) for found, rendered in made if found is not None]

    def _overlay(self, document: doc.Document) -> tuple[Stencil, Rendered] | None:
        """The copy as an overlay of its stencil, None when it must be laid out whole."""
        known = self.stencils.get(stencil.blanked(document)) if self.stencils else None
        if known is None:
            return None
        rendered = self.writer.overlay(document, known)
        if not stencil.lands(known, document, rendered):
            return None
        return known, stencil.marked(document, known, rendered)

    def chunk(self, first: int, sets: Sequence[Set]) -> _Chunk:
        """The sets (numbered from `first`) as a drawing of their own sheets, each set's pages
        (its own sheets, the shared ones, the blank backs), what laying them out warned, and
        how many of their own sheets are overlays of a stencil."""
        start = len(self.writer.warnings)
        overlays = 0
        own: list[tuple[str, Rendered]] = []
        under: dict[str, str] = {}
        sets_pages: list[list[Page]] = []
        for number, documents in enumerate(sets, start=first):
            parts = []
            for document in documents:
                if document in self.shared:
                    count = len(self.shared[document].pages)
                    parts.append((document, [(document.slug, n) for n in range(count)]))
                    continue
                key = f"{number}/{document.slug}"  # a participant's own copy
                over = self._overlay(document)
                if over:
                    under[key] = over[0].slug
                    overlays += 1
                own.append((key, over[1] if over
                             else self.writer.render(document, self.fits.get(document.slug))))
                parts.append((document, [(key, n) for n in range(len(own[-1][1].pages))]))
            pages = duplex_pages(parts, (assemble.BLANK, 0))
            if len(pages) % 2:
                pages.append((assemble.BLANK, 0))
            sets_pages.append(pages)
        drawing = assemble.draw(own, self.writer.write_pages, under) if own else None
        return drawing, sets_pages, self.writer.warnings[start:], overlays

    def shared_drawing(self, stencils: Sequence[tuple[Stencil, Rendered]]) -> assemble.Drawing:
        """The shared documents, the stencils and the blank back, painted once."""
        return assemble.draw([*((d.slug, r) for d, r in self.shared.items()),
                              *((s.slug, r) for s, r in stencils), (assemble.BLANK, self.blank)],
                             self.writer.write_pages)


def duplex_pages(parts: Sequence[tuple[doc.Document, Sequence[_Item]]], blank: _Item) -> list[_Item]:
    """The documents' pages (pages, or references to them) for a duplex printer, in the order
    the plan gives them (compose/plan.duplex_order), `blank` where a collected form needs a back."""
    order = duplex_order([d for d, _ in parts], {d.slug: len(pages) for d, pages in parts})
    following = [iter(pages) for _, pages in parts]
    return [blank if index is None else next(following[index]) for index in order]


def _start(job: _Job) -> None:
    global _worker
    patches.install()
    _worker = _Renderer(job)


def _chunk(first: int, sets: Sequence[Set]) -> _Chunk:
    assert _worker is not None
    return _worker.chunk(first, sets)


def render_print_run(page: PageDescription, source_dir: Path, shared: Sequence[doc.Document],
                     sets: Sequence[Set], progress: Progress | None = None,
                     workers: int | None = None, *, writer: PdfWriter | None = None,
                     rendered: Mapping[doc.Document, Rendered] | None = None,
                     stencils: bool = True) -> PrintRun:
    """The sets as one PDF. With `writer` and the documents it has `rendered`, a run small
    enough to render here reuses them instead of loading fonts and laying out the shared
    sheets again. Without `stencils`, every personal copy is laid out whole (to compare)."""
    job = _Job(page, source_dir.resolve(), tuple(shared), tuple(writer.fitted.items()) if writer else (),
               tuple(writer.compiled.held().items()) if writer else ())
    workers = workers or os.cpu_count() or 1
    size = max(1, min(25, -(-len(sets) // (workers * 3))))
    starts = range(0, len(sets), size)
    chunks = [list(sets[i:i + size]) for i in starts]
    results: dict[int, _Chunk] = {}
    done = 0
    renderer = _Renderer(job, writer, rendered)
    laid = renderer.stencil_pages(sets, page.templates) if stencils else []
    renderer.stencils = {s.document: s for s, _ in laid}
    job = dataclasses.replace(job, stencils=tuple(renderer.stencils.values()))
    if len(sets) < INLINE_BELOW or workers == 1:
        for index, chunk in enumerate(chunks):
            results[index] = renderer.chunk(starts[index], chunk)
            done += len(chunk)
            if progress:
                progress(done, len(sets))
    else:
        # spawn, not fork: the parent may hold Pango and fontconfig state a child must not share
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(min(workers, len(chunks)), mp_context=context,
                                 initializer=_start, initargs=(job,)) as pool:
            futures = {pool.submit(_chunk, starts[index], chunk): index for index, chunk in enumerate(chunks)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                done += len(chunks[futures[future]])
                if progress:
                    progress(done, len(sets))
    ordered = [results[index] for index in range(len(chunks))]
    drawings = [renderer.shared_drawing(laid), *(drawing for drawing, *_ in ordered if drawing)]
    sets_pages = [pages for _, chunk_pages, *_ in ordered for pages in chunk_pages]
    starts_of_sets = itertools.accumulate((len(pages) for pages in sets_pages[:-1]), initial=0)
    marks = [(_owner(documents) or str(n), at) for n, (documents, at)
             in enumerate(zip(sets, starts_of_sets, strict=True), start=1)]
    data = assemble.files(drawings, [[page for pages in sets_pages for page in pages]],
                          outlines=[marks], titles=[""])[0]
    warnings = [w for _, _, said, _ in ordered for w in said]
    counts = [len(pages) for pages in sets_pages]
    return PrintRun(data, sum(counts), counts, list(dict.fromkeys(warnings)),
                    sum(overlays for *_, overlays in ordered))


def _owner(documents: Set) -> str:
    """Whose set it is, for its bookmark: the name and code a personal sheet carries."""
    return next((d.stamp for d in documents if d.stamp), "")
