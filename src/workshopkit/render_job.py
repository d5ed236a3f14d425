"""On top of the stages, the render worker's side of a build: `app.build` composes a `PackJob`,
and `render_pack` runs in the bounded worker (render/bounded.py). It lays the documents out
with a helper beside it, each taking the next, while a third helper writes the DOCX files
without the front matter and then makes the front from their page counts; it draws every
file from what the three drew. It imports the writers (and so WeasyPrint) only inside the
worker, and the job holds no model: the worker never loads pydantic.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import output
from .compose import plan as plans
from .compose.cover import CoverFacts
from .compose.front import Front, compose_front
from .compose.plan import FRONT, PRINT_RUN, Bundle, Entry, PrintJob, participant_documents, plan
from .compose.tree import Document
from .paper.page import PageDescription
from .render.bounded import Progress
from .wording.style import Style

if TYPE_CHECKING:
    from .render.beside import Turns
    from .render.docx.fragments import Fragments
    from .render.files import Renderer
    from .render.pdf.assemble import Drawing


@dataclass(frozen=True)
class PackJob:
    """Everything the render worker needs, composed: it crosses to the worker by pickle."""

    style: Style
    cover: CoverFacts  # what the front takes from the workshop: the worker loads no model
    documents: tuple[Document, ...]
    sets: tuple[tuple[Document, ...], ...]  # each participant's sheets, when printed for a roster
    formats: tuple[str, ...]
    copies: int
    page: PageDescription
    source_dir: Path
    embed_fonts: bool
    cache: Path  # where the DOCX writer's subset fonts are kept, as the build's user has it
    fits: dict[str, str]  # the fits earlier builds found (PdfWriter.learned)
    templates: dict[str, str]  # the templates they compiled (PdfWriter.compiled.new)


Learned = dict[str, str]  # what a build found for the next: fits, compiled templates (output.remember)


def render_pack(job: PackJob, progress: Progress
                ) -> tuple[list[tuple[bytes, Entry]], list[PrintJob], list[str], Learned, Learned]:
    """In the render worker: the documents laid out, the front composed from their page counts,
    every file of the plan drawn; what layout warned, the fits it found and the templates it
    compiled."""
    from .render.beside import Beside, Turns
    from .render.files import Renderer, drawn_elsewhere  # loads WeasyPrint

    # The helpers are forked before this worker starts Pango, as cleanly as the worker itself
    # was. Without a print run (which has workers of its own), the documents are laid out
    # (and painted, for PDF) by this worker and a helper beside it, each taking the next, and
    # a third makes the front from the page counts their turns give, while they paint; it
    # writes the DOCX files too, those without the front matter at once (they need no
    # layout). With a print run, this worker makes the front once the run is laid out.
    style = job.style
    order = plans.longest_first(job.documents) if not job.sets else []
    turns = Turns(len(order))
    early = functools.partial(_early_docx, job) if "docx" in job.formats else None
    front_maker = Beside(functools.partial(_front_beside, job, order, turns), ready=early) if order else None
    docx = Beside(functools.partial(_late_docx, job), ready=early) if early and not order else None
    helper = Beside(functools.partial(drawn_elsewhere, job.page, job.source_dir, "pdf" in job.formats,
                                      turns, job.fits, job.templates)) if order else None
    try:
        if helper and front_maker:
            helper.give(order)
            front_maker.give()
        renderer = Renderer(job.page, job.source_dir, job.embed_fonts, job.fits, job.templates)
        run = renderer.print_run(participant_documents(job.documents), job.sets, progress) if job.sets \
            else None
        mine = renderer.take(turns, order)  # the next document the helper has not taken
        # painted while the helper paints its own and the front is made
        drawn = [renderer.drawing(mine, blank=False)] if mine and "pdf" in job.formats else []
        warnings, learned = [], {}
        if helper and front_maker:
            drawing, warnings, learned = helper.result()
            front, front_drawing, front_warnings, front_learned, docx_files = front_maker.result()
            drawn += [d for d in (drawing, front_drawing) if d]
            warnings, learned = [*warnings, *front_warnings], {**learned, **front_learned}
        else:
            front = front_of(renderer, job, run.pages if run else None, _extension(job))
            if docx:
                docx.give(plan(style, job.documents, job.copies, front.print_checklist,
                               front.docx_cover))
        files: list[tuple[bytes, Entry]] = []
        if "pdf" in job.formats:
            files += renderer.pdf_files(plan(style, job.documents, job.copies,
                                             front.print_checklist, front.cover), drawn)
            if run:
                files.append((run.data, Entry("participants-print", "pdf", PRINT_RUN, run.pages,
                                              "participant", 1, style.label("print_job"))))
        if front_maker:
            files += docx_files
        elif docx:
            files += docx.result()
        return (files, front.jobs, list(dict.fromkeys([*warnings, *renderer.warnings])),
                {**learned, **renderer.pdf.learned}, renderer.pdf.compiled.new)
    finally:
        for beside in (front_maker, docx, helper):
            if beside:
                beside.close()


def _extension(job: PackJob) -> str:
    return "pdf" if "pdf" in job.formats else "docx"


def _front_beside(job: PackJob, order: Sequence[Document], turns: Turns,
                  early: tuple[list[tuple[bytes, Entry]], Fragments] | None = None
                  ) -> tuple[Front, Drawing | None, list[str], dict[str, str], list[tuple[bytes, Entry]]]:
    """In a helper, while the worker and the other helper lay out and paint: the front composed
    from their page counts as they come, laid out (and painted, for PDF), and with DOCX every
    DOCX file; what laying it out warned, and the fits it learned."""
    from .render.files import Renderer

    renderer = Renderer(job.page, job.source_dir, job.embed_fonts, job.fits, job.templates)  # meanwhile
    pages = dict(zip([d.slug for d in order], turns.pages(), strict=True))
    front = front_of(renderer, job, None, _extension(job), pages)
    drawing = renderer.drawing([front.cover, front.print_checklist]) if "pdf" in job.formats else None
    docx = _late_docx(job, early, plan(job.style, job.documents, job.copies,
                                       front.print_checklist, front.docx_cover)) if early else []
    return front, drawing, renderer.warnings, renderer.pdf.learned, docx


def _early_docx(job: PackJob) -> tuple[list[tuple[bytes, Entry]], Fragments]:
    """In a helper, at once: the DOCX files without the front matter, which need no page count
    (so the front is composed for a page each), and what was drawn for them."""
    from .render.docx.fragments import Fragments
    from .render.files import docx_files

    if job.embed_fonts:
        kept_faces(job.cache)
    guess = compose_front(job.cover, job.style, job.documents, defaultdict(lambda: 1), job.copies, None,
                          "docx")
    bundles = plan(job.style, job.documents, job.copies, guess.print_checklist, guess.docx_cover)
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
        front = compose_front(job.cover, job.style, job.documents, pages, job.copies, run_pages, extension)
        laid_out = renderer.pages([front.cover, front.print_checklist])
        if all(pages[slug] == laid_out[slug] for slug in FRONT):
            break
        pages.update(laid_out)
    return front
