"""Stage 4, driven: every file a pack plans, laid out in each format and handed back as bytes.

Runs only inside the bounded render worker (bounded.py), which imports it by name: the build
itself never loads WeasyPrint, and starts in a fraction of the time.
Nothing is written here: the bytes go back to pack.py.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from weasyprint import Document as Rendered

from . import doc, model
from .bounded import Progress
from .compose import style_of
from .compose.checklist import PrintJob, compose_checklist
from .compose.cover import compose_cover
from .compose.page_description import describe
from .formatting import Style
from .pack import PRINT_RUN, Bundle, Entry, plan
from .printrun import PrintRun, duplex_pages, render_print_run
from .roster import Roster
from .writers.docx import DocxWriter
from .writers.pdf import PdfWriter


def pack_files(workshop: model.Workshop, documents: list[doc.Document], formats: tuple[str, ...],
               copies: int, people: Roster | None, source_dir: Path, embed_fonts: bool,
               progress: Progress) -> tuple[list[tuple[bytes, Entry]], list[PrintJob], list[str]]:
    """Every file of the pack as bytes, the print checklist's jobs and the layout's warnings.

    Every document is laid out as PDF whatever the formats: the print checklist and the
    facilitator pack's cover count its pages, and both exist in every format."""
    writer = PdfWriter(source_dir.resolve(), describe(workshop, source_dir))
    rendered = {d.slug: writer.render(d) for d in documents}
    blank = writer.blank_page()
    participant = [d for d in documents if d.audience == "participant"]
    participant_pages = duplex_pages([(d, rendered[d.slug]) for d in participant], blank)
    run = None
    if people and "pdf" in formats:
        run = render_print_run(workshop, participant, people.participants, source_dir, progress,
                               writer=writer, rendered=rendered)
    style = style_of(workshop)
    extension = "pdf" if "pdf" in formats else "docx"
    front = {"cover": 1, "print-checklist": 1}
    for _ in range(3):  # the checklist and the cover count the pack that holds them
        jobs = _print_jobs(style, extension, documents, rendered, len(participant_pages), copies, run,
                           sum(front.values()))
        checklist = compose_checklist(jobs, style, workshop.title)
        cover = compose_cover(workshop, style, _contents([checklist, *documents], rendered, front))
        rendered.update({checklist.slug: writer.render(checklist), cover.slug: writer.render(cover)})
        laid_out = {slug: len(rendered[slug].pages) for slug in front}
        if laid_out == front:
            break
        front = laid_out
    files: list[tuple[bytes, Entry]] = []
    if "pdf" in formats:
        for bundle in plan(workshop, documents, copies, checklist, cover):
            parts = [(d, rendered[d.slug]) for d in bundle.documents]
            pages = duplex_pages(parts, blank) if bundle.own_sheets else \
                [page for _, r in parts for page in r.pages]
            files.append((writer.write_pages(parts[0][1], pages), _entry(bundle, "pdf", len(pages))))
        if run:
            files.append((run.data, Entry("participants-print", "pdf", PRINT_RUN, run.pages,
                                          "participant", 1, style.label("print_job"))))
    if "docx" in formats:
        # a word processor lays the DOCX out: its cover lists the contents without pages
        unnumbered = compose_cover(workshop, style, [(d.title, None) for d in [checklist, *documents]])
        files += render_docx(workshop, plan(workshop, documents, copies, checklist, unnumbered),
                             embed_fonts, source_dir)
    return files, jobs, list(dict.fromkeys([*writer.warnings, *(run.warnings if run else [])]))


def _contents(documents: Sequence[doc.Document], rendered: dict[str, Rendered],
              front: dict[str, int]) -> list[tuple[str, int | None]]:
    """Each document of the facilitator pack with the page it starts on, after the cover."""
    page = front["cover"] + 1
    contents: list[tuple[str, int | None]] = []
    for document in documents:
        contents.append((document.title, page))
        page += front[document.slug] if document.slug in front else len(rendered[document.slug].pages)
    return contents


def _print_jobs(style: Style, extension: str, documents: Sequence[doc.Document],
                rendered: dict[str, Rendered], participant_pages: int, copies: int,
                run: PrintRun | None, front_pages: int) -> list[PrintJob]:
    jobs = []
    if run:
        jobs.append(PrintJob(PRINT_RUN, style.label("print_job"), 1, run.pages, True))
    else:
        jobs.append(PrintJob(f"participant-pack.{extension}", style.label("participant_pack"), copies,
                             participant_pages, True))
    jobs.append(PrintJob(f"facilitator-pack.{extension}", style.label("facilitator_pack"), 1,
                         front_pages + sum(len(rendered[d.slug].pages) for d in documents), True))
    jobs.append(PrintJob(f"sign-in.{extension}", style.label("sign_in"), 1,
                         len(rendered["sign-in"].pages), False))
    return jobs


def bundle_files(workshop: model.Workshop, bundle: Bundle, formats: tuple[str, ...],
                 source_dir: Path, progress: Progress) -> tuple[list[tuple[bytes, Entry]], list[str]]:
    """One bundle (the results report) as PDF and DOCX bytes, and what laying it out warned."""
    files = []
    warnings: list[str] = []
    if "pdf" in formats:
        writer = PdfWriter(source_dir.resolve(), describe(workshop, source_dir))
        rendered = [writer.render(d) for d in bundle.documents]
        files.append((writer.write(rendered), _entry(bundle, "pdf", sum(len(r.pages) for r in rendered))))
        warnings = writer.warnings
    if "docx" in formats:
        files += render_docx(workshop, [bundle], True, source_dir)
    return files, warnings


def render_docx(workshop: model.Workshop, bundles: list[Bundle], embed_fonts: bool,
                source_dir: Path) -> list[tuple[bytes, Entry]]:
    writer = DocxWriter(describe(workshop, source_dir), embed_fonts)
    return [(writer.write(bundle.documents, own_sheets=bundle.own_sheets), _entry(bundle, "docx", None))
            for bundle in bundles]


def _entry(bundle: Bundle, fmt: str, pages: int | None) -> Entry:
    return Entry(bundle.kind, fmt, f"{bundle.stem}.{fmt}", pages, bundle.audience, bundle.copies,
                 bundle.title)
