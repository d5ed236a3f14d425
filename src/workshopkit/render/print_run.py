"""Render, at scale: the participants' print job, every participant's set of sheets in one PDF.

Compose has made each participant's set (compose/personal.py): the sheets that are the same
for everyone appear in every set as the same documents; they are laid out and painted once,
and every set refers to those pages. The personal ones (names in the header fields, the code
in the page corner, pre-filled survey links) are laid out and painted one by one, in worker
processes that each load the fonts and templates once. The run is then put together with
pypdf from the two drawings, a bookmark per participant; a shared page's drawing and its fonts
are in the file once, however many sets hold it. Every set is padded to an even number of
pages, so on a duplex printer each starts on a front side, and a form that is handed in sits
on sheets of its own. Nothing is written here: the bytes go back to the build.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
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
from .pdf import assemble, patches
from .pdf.assemble import Page
from .pdf.writer import PdfWriter

Set = tuple[doc.Document, ...]  # one participant's sheets, in agenda order
_Item = TypeVar("_Item")  # a page, or a reference to one (assemble.Page)
# a chunk's sets: the drawing of their own sheets, each set's pages, what laying them out warned
_Chunk = tuple[assemble.Drawing | None, list[list[Page]], list[str]]
INLINE_BELOW = 8  # fewer participants than this render in this process: workers cost a start-up


@dataclass(frozen=True)
class PrintRun:
    data: bytes
    pages: int
    set_pages: list[int]  # pages of each participant's set, blanks included, in roster order
    warnings: list[str] = field(default_factory=list)  # from the workers' writers, each once


@dataclass(frozen=True)
class _Job:
    page: PageDescription
    source_dir: Path
    shared: tuple[doc.Document, ...]  # the sheets that are the same in every set
    fitted: tuple[tuple[str, str], ...] = ()  # the fit the build's writer chose for each document


_worker: _Renderer | None = None


class _Renderer:
    def __init__(self, job: _Job, writer: PdfWriter | None = None,
                 rendered: Mapping[doc.Document, Rendered] | None = None):
        self.writer = writer or PdfWriter(job.source_dir, job.page)
        self.fits = dict(job.fitted)
        known = rendered or {}
        self.shared = {d: known.get(d) or self.writer.render(d) for d in job.shared}
        self.blank = self.writer.blank_page()

    def chunk(self, first: int, sets: Sequence[Set]) -> _Chunk:
        """The sets (numbered from `first`) as a drawing of their own sheets, each set's pages
        (its own sheets, the shared ones, the blank backs), and what laying them out warned."""
        start = len(self.writer.warnings)
        own: list[tuple[str, Rendered]] = []
        sets_pages: list[list[Page]] = []
        for number, documents in enumerate(sets, start=first):
            parts = []
            for document in documents:
                if document in self.shared:
                    count = len(self.shared[document].pages)
                    parts.append((document, [(document.slug, n) for n in range(count)]))
                    continue
                key = f"{number}/{document.slug}"  # a participant's own copy
                own.append((key, self.writer.render(document, self.fits.get(document.slug))))
                parts.append((document, [(key, n) for n in range(len(own[-1][1].pages))]))
            pages = duplex_pages(parts, (assemble.BLANK, 0))
            if len(pages) % 2:
                pages.append((assemble.BLANK, 0))
            sets_pages.append(pages)
        drawing = assemble.draw(own, self.writer.write_pages) if own else None
        return drawing, sets_pages, self.writer.warnings[start:]

    def shared_drawing(self) -> assemble.Drawing:
        """The shared documents and the blank back, painted once."""
        return assemble.draw([*((d.slug, r) for d, r in self.shared.items()), (assemble.BLANK, self.blank)],
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
                     rendered: Mapping[doc.Document, Rendered] | None = None) -> PrintRun:
    """The sets as one PDF. With `writer` and the documents it has `rendered`, a run small
    enough to render here reuses them instead of loading fonts and laying out the shared
    sheets again."""
    job = _Job(page, source_dir.resolve(), tuple(shared),
               tuple(writer.fitted.items()) if writer else ())
    workers = workers or os.cpu_count() or 1
    size = max(1, min(25, -(-len(sets) // (workers * 3))))
    starts = range(0, len(sets), size)
    chunks = [list(sets[i:i + size]) for i in starts]
    results: dict[int, _Chunk] = {}
    done = 0
    renderer = _Renderer(job, writer, rendered)
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
    drawings = [renderer.shared_drawing(), *(drawing for drawing, _, _ in ordered if drawing)]
    sets_pages = [pages for _, chunk_pages, _ in ordered for pages in chunk_pages]
    starts_of_sets = itertools.accumulate((len(pages) for pages in sets_pages[:-1]), initial=0)
    marks = [(_owner(documents) or str(n), at) for n, (documents, at)
             in enumerate(zip(sets, starts_of_sets, strict=True), start=1)]
    data = assemble.files(drawings, [[page for pages in sets_pages for page in pages]],
                          outlines=[marks], titles=[""])[0]
    warnings = [w for _, _, said in ordered for w in said]
    counts = [len(pages) for pages in sets_pages]
    return PrintRun(data, sum(counts), counts, list(dict.fromkeys(warnings)))


def _owner(documents: Set) -> str:
    """Whose set it is, for its bookmark: the name and code a personal sheet carries."""
    return next((d.stamp for d in documents if d.stamp), "")
