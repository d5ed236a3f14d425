"""Stage 4, at scale: the participants' print job, every participant's personal set in one PDF.

Sheets that are the same for everyone (the agenda, a group worksheet) are laid out once per
worker; the personal ones (names in the header fields, the code in the page corner,
pre-filled survey links) are laid out for each participant, in worker processes that each
load the fonts and templates once. Every set is padded to an even number of pages, so on a
duplex printer each starts on a front side, and a form that is handed in sits on sheets of
its own.
Nothing is written here: the bytes go back to pack.py.
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

from . import doc, model
from .bounded import Progress
from .compose import style_of
from .compose.page_description import describe
from .compose.personal import is_personal, personalize
from .roster import Participant
from .writers.pdf import PdfWriter

INLINE_BELOW = 8  # fewer participants than this render in this process: workers cost a start-up


@dataclass(frozen=True)
class PrintRun:
    data: bytes
    pages: int
    set_pages: list[int]  # pages of each participant's set, blanks included, in roster order
    warnings: list[str] = field(default_factory=list)  # from the workers' writers, each once


@dataclass(frozen=True)
class _Job:
    workshop: model.Workshop
    documents: tuple[doc.Document, ...]  # the participant documents, in agenda order
    source_dir: Path
    fitted: tuple[tuple[str, str], ...] = ()  # the fit the build's writer chose for each document


_worker: _Renderer | None = None


class _Renderer:
    def __init__(self, job: _Job, writer: PdfWriter | None = None,
                 rendered: Mapping[str, Rendered] | None = None):
        self.job = job
        self.style = style_of(job.workshop)
        self.writer = writer or PdfWriter(job.source_dir, describe(job.workshop, job.source_dir))
        self.fits = dict(job.fitted)
        known = rendered or {}
        self.shared = {d.slug: known.get(d.slug) or self.writer.render(d) for d in job.documents
                       if not is_personal(d, job.workshop)}
        self.blank = self.writer.blank_page()

    def chunk(self, people: Sequence[Participant]) -> tuple[bytes, list[int], list[str]]:
        """The people's sets as one PDF, each set's page count, and what laying them out warned."""
        start = len(self.writer.warnings)
        pages, counts = [], []
        for person in people:
            parts = [(document, self.shared.get(document.slug) or self.writer.render(
                personalize(document, person, self.job.workshop, self.style),
                self.fits.get(document.slug))) for document in self.job.documents]
            own = duplex_pages(parts, self.blank)
            if len(own) % 2:
                own.append(self.blank.pages[0])
            pages.extend(own)
            counts.append(len(own))
        return self.writer.write_pages(self.blank, pages), counts, self.writer.warnings[start:]


def duplex_pages(parts: Sequence[tuple[doc.Document, Rendered]], blank: Rendered) -> list:
    """The documents' pages for a duplex printer, a form that is handed in (`collected`) on
    sheets of its own: it starts on a front side and a blank back ends it where needed, so
    collecting it takes no other sheet's page with it."""
    pages: list = []
    for document, rendered in parts:
        if document.collected and len(pages) % 2:
            pages.append(blank.pages[0])
        pages.extend(rendered.pages)
        if document.collected and len(pages) % 2:
            pages.append(blank.pages[0])
    return pages


def _start(job: _Job) -> None:
    global _worker
    _worker = _Renderer(job)


def _chunk(people: Sequence[Participant]) -> tuple[bytes, list[int], list[str]]:
    assert _worker is not None
    return _worker.chunk(people)


def render_print_run(workshop: model.Workshop, documents: Sequence[doc.Document],
                     people: Sequence[Participant], source_dir: Path,
                     progress: Progress | None = None, workers: int | None = None, *,
                     writer: PdfWriter | None = None,
                     rendered: Mapping[str, Rendered] | None = None) -> PrintRun:
    """With `writer` and the documents it has `rendered`, a run small enough to render here
    reuses them instead of loading fonts and laying out the shared sheets again."""
    job = _Job(workshop, tuple(documents), source_dir.resolve(),
               tuple(writer.fitted.items()) if writer else ())
    workers = workers or os.cpu_count() or 1
    size = max(1, min(25, -(-len(people) // (workers * 3))))
    chunks = [list(people[i:i + size]) for i in range(0, len(people), size)]
    results: dict[int, tuple[bytes, list[int], list[str]]] = {}
    done = 0
    if len(people) < INLINE_BELOW or workers == 1:
        renderer = _Renderer(job, writer, rendered)
        for index, chunk in enumerate(chunks):
            results[index] = renderer.chunk(chunk)
            done += len(chunk)
            if progress:
                progress(done, len(people))
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
                    progress(done, len(people))
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
