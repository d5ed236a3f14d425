"""Render, at scale: the participants' print job, every participant's set of sheets in one PDF.

Compose has made each participant's set (compose/personal.py): the sheets that are the same
for everyone appear in every set as the same documents, and are laid out once per worker;
the personal ones (names in the header fields, the code in the page corner, pre-filled survey
links) are laid out one by one, in worker processes that each load the fonts and templates
once. Every set is padded to an even number of pages, so on a duplex printer each starts on a
front side, and a form that is handed in sits on sheets of its own.
Nothing is written here: the bytes go back to the build.
"""
from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfWriter as PdfMerger
from weasyprint import Document as Rendered

from ..compose import tree as doc
from ..compose.plan import duplex_order
from ..paper.page import PageDescription
from .bounded import Progress
from .pdf import patches
from .pdf.writer import PdfWriter

Set = tuple[doc.Document, ...]  # one participant's sheets, in agenda order
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

    def chunk(self, sets: Sequence[Set]) -> tuple[bytes, list[int], list[str]]:
        """The sets as one PDF, each set's page count, and what laying them out warned."""
        start = len(self.writer.warnings)
        pages, counts = [], []
        for documents in sets:
            parts = [(document, self.shared.get(document) or self.writer.render(
                document, self.fits.get(document.slug))) for document in documents]
            own = duplex_pages(parts, self.blank)
            if len(own) % 2:
                own.append(self.blank.pages[0])
            pages.extend(own)
            counts.append(len(own))
        return self.writer.write_pages(self.blank, pages), counts, self.writer.warnings[start:]


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


def _chunk(sets: Sequence[Set]) -> tuple[bytes, list[int], list[str]]:
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
    results: dict[int, tuple[bytes, list[int], list[str]]] = {}
    done = 0
    if len(sets) < INLINE_BELOW or workers == 1:
        renderer = _Renderer(job, writer, rendered)
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
    merged = PdfMerger()
    counts: list[int] = []
    warnings: list[str] = []
    for index in range(len(chunks)):
        data, chunk_counts, chunk_warnings = results[index]
        merged.append(io.BytesIO(data))
        counts.extend(chunk_counts)
        warnings.extend(chunk_warnings)
    out = io.BytesIO()
    merged.write(out)
    return PrintRun(out.getvalue(), sum(counts), counts, list(dict.fromkeys(warnings)))
