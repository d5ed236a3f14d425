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

import io
import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf import PdfWriter as PdfAssembler
from pypdf.generic import NameObject, TextStringObject
from weasyprint import Document as Rendered

from ..compose import tree as doc
from ..compose.plan import duplex_order
from ..paper.page import PageDescription
from .bounded import Progress
from .pdf import patches
from .pdf.writer import PdfWriter

Set = tuple[doc.Document, ...]  # one participant's sheets, in agenda order
# A page of a set: (slug, n) is page n of a shared document, (OWN, n) page n of the chunk's
# own drawing, (BLANK, 0) the blank back of a sheet
Ref = tuple[str, int]
OWN, BLANK = "", "-blank"
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

    def chunk(self, sets: Sequence[Set]) -> tuple[bytes, list[list[Ref]], list[str]]:
        """The sets' own pages as one PDF, each set's pages as references (to that PDF, to the
        shared documents, to the blank back), and what laying them out warned."""
        start = len(self.writer.warnings)
        known: dict[int, Ref] = {id(page): (d.slug, n) for d, r in self.shared.items()
                                 for n, page in enumerate(r.pages)}
        known[id(self.blank.pages[0])] = (BLANK, 0)
        own: list = []
        sets_refs: list[list[Ref]] = []
        for documents in sets:
            parts = [(document, self.shared.get(document) or self.writer.render(
                document, self.fits.get(document.slug))) for document in documents]
            pages = duplex_pages(parts, self.blank)
            if len(pages) % 2:
                pages.append(self.blank.pages[0])
            refs = []
            for page in pages:
                ref = known.get(id(page))
                if ref is None:
                    ref = (OWN, len(own))
                    own.append(page)
                refs.append(ref)
            sets_refs.append(refs)
        data = self.writer.write_pages(self.blank, own) if own else b""
        return data, sets_refs, self.writer.warnings[start:]

    def shared_drawing(self) -> tuple[bytes, dict[Ref, int]]:
        """The shared documents' pages and the blank, painted once, and where each one is."""
        pages: list = []
        places: dict[Ref, int] = {}
        for document, rendered in self.shared.items():
            for n, page in enumerate(rendered.pages):
                places[(document.slug, n)] = len(pages)
                pages.append(page)
        places[(BLANK, 0)] = len(pages)
        pages.append(self.blank.pages[0])
        return self.writer.write_pages(self.blank, pages), places


def duplex_pages(parts: Sequence[tuple[doc.Document, Rendered]], blank: Rendered) -> list:
    """The documents' pages for a duplex printer, in the order the plan gives them
    (compose/plan.duplex_order), the blank page where a collected form needs a back."""
    order = duplex_order([d for d, _ in parts], {d.slug: len(r.pages) for d, r in parts})
    following = [iter(r.pages) for _, r in parts]
    return [blank.pages[0] if index is None else next(following[index]) for index in order]


def _start(job: _Job) -> None:
    global _worker
    patches.install()
    _worker = _Renderer(job)


def _chunk(sets: Sequence[Set]) -> tuple[bytes, list[list[Ref]], list[str]]:
    assert _worker is not None
    return _worker.chunk(sets)


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
    chunks = [list(sets[i:i + size]) for i in range(0, len(sets), size)]
    results: dict[int, tuple[bytes, list[list[Ref]], list[str]]] = {}
    done = 0
    renderer = _Renderer(job, writer, rendered)
    if len(sets) < INLINE_BELOW or workers == 1:
        for index, chunk in enumerate(chunks):
            results[index] = renderer.chunk(chunk)
            done += len(chunk)
            if progress:
                progress(done, len(sets))
    else:
        # spawn, not fork: the parent may hold Pango and fontconfig state a child must not share
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(min(workers, len(chunks)), mp_context=context,
                                 initializer=_start, initargs=(job,)) as pool:
            futures = {pool.submit(_chunk, chunk): index for index, chunk in enumerate(chunks)}
            for future in as_completed(futures):
                results[futures[future]] = future.result()
                done += len(chunks[futures[future]])
                if progress:
                    progress(done, len(sets))
    drawing, places = renderer.shared_drawing()
    data, counts = _assembled(drawing, places, [results[i][:2] for i in range(len(chunks))],
                              [_owner(s) or str(n) for n, s in enumerate(sets, 1)], page.language)
    warnings = [w for index in range(len(chunks)) for w in results[index][2]]
    return PrintRun(data, sum(counts), counts, list(dict.fromkeys(warnings)))


def _assembled(shared: bytes, places: dict[Ref, int], chunks: list[tuple[bytes, list[list[Ref]]]],
               owners: list[str], language: str) -> tuple[bytes, list[int]]:
    """One PDF of every set in order, its pages taken from the drawings without painting
    again, a bookmark per set; and each set's page count."""
    common = PdfReader(io.BytesIO(shared))
    out = PdfAssembler()
    counts: list[int] = []
    for drawing, sets_refs in chunks:
        own = PdfReader(io.BytesIO(drawing)) if drawing else None
        for refs in sets_refs:
            first = len(out.pages)
            for kind, number in refs:
                source = own if kind == OWN else common
                assert source is not None  # a chunk with pages of its own has their drawing
                out.add_page(source.pages[number if kind == OWN else places[(kind, number)]])
            out.add_outline_item(title=owners[len(counts)], page_number=first)
            counts.append(len(refs))
    out.add_metadata({"/Producer": "workshopkit"})
    out._root_object[NameObject("/Lang")] = TextStringObject(language)
    written = io.BytesIO()
    out.write(written)
    return written.getvalue(), counts


def _owner(documents: Set) -> str:
    """Whose set it is, for its bookmark: the name and code a personal sheet carries."""
    return next((d.stamp for d in documents if d.stamp), "")
