"""On top of the stages, the render worker's side of a build: `app.build` composes a `PackJob`,
and `render_pack` runs in the bounded worker (render/bounded.py). It lays the documents out
with a helper beside it, each taking the next, composes the front matter from their page
counts, and draws every file; another helper writes the DOCX files meanwhile, those without
the front matter at once. It imports the writers (and so WeasyPrint) only inside the worker.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import output
from .compose import Front, compose_front
from .compose import plan as plans
from .compose.plan import FRONT, PRINT_RUN, Bundle, Entry, PrintJob, participant_documents, plan
from .compose.style import style_of
from .compose.tree import Document
from .definition import model
from .paper.page import PageDescription
from .render import bounded
from .render.bounded import Progress

if TYPE_CHECKING:
    from .render.docx.fragments import Fragments
    from .render.files import Renderer


@dataclass(frozen=True)
class PackJob:
    """Everything the render worker needs, composed: it crosses to the worker by pickle."""

    workshop: model.Workshop
    documents: tuple[Document, ...]
    sets: tuple[tuple[Document, ...], ...]  # each participant's sheets, when printed for a roster
    formats: tuple[str, ...]
    copies: int
    page: PageDescription
    source_dir: Path
    embed_fonts: bool
    cache: Path  # where the DOCX writer's subset fonts are kept, as the build's user has it
    fits: dict[str, str]  # the fits earlier builds found (PdfWriter.learned)


def render_pack(job: PackJob, progress: Progress
                ) -> tuple[list[tuple[bytes, Entry]], list[PrintJob], list[str], dict[str, str]]:
    """In the render worker: the documents laid out, the front composed from their page counts,
    every file of the plan drawn; what layout warned, and the fits it found."""
    from .render.files import Renderer, drawn_elsewhere  # loads WeasyPrint

    # The helpers are forked before this worker starts Pango, as cleanly as the worker itself
    # was. DOCX files need no layout: one helper writes those without the front matter at
    # once, and the print checklist and the facilitator's pack once the front's page counts
    # are known, copying what it drew before. Without a print run (which has workers of its
    # own), the documents are laid out (and painted, for PDF) by this worker and a helper
    # beside it, each taking the next.
    style = style_of(job.workshop)
    docx = bounded.Beside(functools.partial(_late_docx, job), ready=functools.partial(_early_docx, job)) \
        if "docx" in job.formats else None
    order = plans.longest_first(job.documents) if not job.sets else []
    turns = bounded.Turns(len(order))
    helper = bounded.Beside(functools.partial(drawn_elsewhere, job.page, job.source_dir,
                                              "pdf" in job.formats, turns, job.fits)) if order else None
    try:
        if helper:
            helper.give(order)
        renderer = Renderer(job.page, job.source_dir, job.embed_fonts, job.fits)
        run = renderer.print_run(participant_documents(job.documents), job.sets, progress) if job.sets \
            else None
        extension = "pdf" if "pdf" in job.formats else "docx"
        mine = []
        for index in turns:  # the next document the helper has not taken
            renderer.pages([order[index]])
            mine.append(order[index])
        # painted while the helper paints its own; the front and the blank back come last
        drawn = [renderer.drawing(mine, blank=False)] if mine and "pdf" in job.formats else []
        drawing, counts, helper_warnings, learned = helper.result() if helper else (None, {}, [], {})
        drawn += [drawing] if drawing else []
        pages = {**renderer.pages([d for d in job.documents if d.slug not in counts]), **counts}
        front = front_of(renderer, job, run.pages if run else None, extension, pages)
        bundles = plan(job.workshop, style, job.documents, job.copies, front.print_checklist,
                       front.docx_cover)
        if docx:
            docx.give(bundles)
        files: list[tuple[bytes, Entry]] = []
        if "pdf" in job.formats:
            files += renderer.pdf_files(plan(job.workshop, style, job.documents, job.copies,
                                             front.print_checklist, front.cover), drawn)
            if run:
                files.append((run.data, Entry("participants-print", "pdf", PRINT_RUN, run.pages,
                                              "participant", 1, style.label("print_job"))))
        if docx:
            files += docx.result()
        return (files, front.jobs, list(dict.fromkeys([*helper_warnings, *renderer.warnings])),
                {**learned, **renderer.pdf.learned})
    finally:
        for beside in (docx, helper):
            if beside:
                beside.close()


def _early_docx(job: PackJob) -> tuple[list[tuple[bytes, Entry]], Fragments]:
    """In a helper, at once: the DOCX files without the front matter, which need no page count
    (so the front is composed for a page each), and what was drawn for them."""
    from .render.docx.fragments import Fragments
    from .render.files import docx_files

    if job.embed_fonts:
        kept_faces(job.cache)
    guess = compose_front(job.workshop, job.documents, defaultdict(lambda: 1), job.copies, None, "docx")
    bundles = plan(job.workshop, style_of(job.workshop), job.documents, job.copies, guess.print_checklist,
                   guess.docx_cover)
    drawn = Fragments()
    return docx_files(job.page, job.embed_fonts, plans.without_front(bundles), drawn), drawn


def _late_docx(job: PackJob, early: tuple[list[tuple[bytes, Entry]], Fragments], bundles: list[Bundle]
               ) -> list[tuple[bytes, Entry]]:
    """Then, in the same helper: every file of the plan, in its order; those with the front
    matter written now, the documents they share with the early ones copied from those."""
    from .render.files import docx_files

    files, drawn = early
    written = {entry.path: (data, entry) for data, entry in files}
    late = iter(docx_files(job.page, job.embed_fonts,
                           [b for b in bundles if f"{b.stem}.docx" not in written], drawn))
    return [written.get(f"{b.stem}.docx") or next(late) for b in bundles]


def kept_faces(cache: Path) -> None:
    """The DOCX fonts' subsets from the `cache` folder, made (a second) and kept by the first build."""
    from .render.docx import fonts

    fonts.give({file: output.kept(cache / fonts.face_name(file), functools.partial(fonts.subset_face, file))
                for file in fonts.FONT_FACES.values()})


def front_of(renderer: Renderer, job: PackJob, run_pages: int | None, extension: str,
             known: dict[str, int] | None = None) -> Front:
    """The print checklist and the cover, composed from the laid-out page counts (`known`, or
    the renderer's) until their own counts hold."""
    pages = dict(known) if known is not None else renderer.pages(job.documents)
    pages.update(dict.fromkeys(FRONT, 1))
    for _attempt in range(3):
        front = compose_front(job.workshop, job.documents, pages, job.copies, run_pages, extension)
        laid_out = renderer.pages([front.cover, front.print_checklist])
        if all(pages[slug] == laid_out[slug] for slug in FRONT):
            break
        pages.update(laid_out)
    return front
