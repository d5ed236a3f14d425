"""Stage 4, driven: every file a pack plans, laid out in each format and handed back as bytes.

Runs only inside the bounded render worker (bounded.py), which imports it by name: the build
itself never loads WeasyPrint, and starts in a fraction of the time.
Nothing is written here: the bytes go back to pack.py.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import doc, model
from .bounded import Progress
from .compose import style_of
from .compose.checklist import PrintJob, compose_checklist
from .formatting import Style
from .pack import PRINT_RUN, Bundle, Entry, plan
from .printrun import PrintRun, render_print_run
from .roster import Roster
from .writers.docx import DocxWriter
from .writers.pdf import PdfWriter


def pack_files(workshop: model.Workshop, documents: list[doc.Document], formats: tuple[str, ...],
               copies: int, people: Roster | None, source_dir: Path, embed_fonts: bool,
               progress: Progress) -> tuple[list[tuple[bytes, Entry]], list[PrintJob]]:
    """Every file of the pack as bytes, and the print checklist's jobs."""
    files: list[tuple[bytes, Entry]] = []
    jobs: list[PrintJob] = []
    if "pdf" in formats:
        pdf_files, jobs, checklist = _render_pdf(workshop, documents, copies, people, source_dir,
                                                 progress)
        files += pdf_files
        documents = [checklist, *documents]
    if "docx" in formats:
        files += render_docx(workshop, plan(workshop, documents, copies), embed_fonts, source_dir)
    return files, jobs


def _render_pdf(workshop: model.Workshop, documents: list[doc.Document], copies: int,
                people: Roster | None, source_dir: Path, progress: Progress | None
                ) -> tuple[list[tuple[bytes, Entry]], list[PrintJob], doc.Document]:
    """Every bundle as PDF bytes, the participants' print job when there is a roster, and the
    print checklist, which also opens the facilitator pack. Each document is laid out once."""
    writer = PdfWriter.for_workshop(workshop, source_dir)
    rendered = {d.slug: writer.render(d) for d in documents}
    pages = {slug: len(r.pages) for slug, r in rendered.items()}
    out: list[tuple[bytes, Entry]] = []
    run = None
    if people:
        participant_docs = [d for d in documents if d.audience == "participant"]
        run = render_print_run(workshop, participant_docs, people.participants, source_dir, progress,
                               writer=writer, rendered=rendered)
    style = style_of(workshop)
    checklist_pages = 1
    for _ in range(2):  # the checklist counts the facilitator pack, which holds the checklist
        jobs = _print_jobs(style, documents, pages, copies, run, checklist_pages)
        checklist = compose_checklist(jobs, style, workshop.title)
        rendered[checklist.slug] = writer.render(checklist)
        if len(rendered[checklist.slug].pages) == checklist_pages:
            break
        checklist_pages = len(rendered[checklist.slug].pages)
    bundles = plan(workshop, [checklist, *documents], copies)
    for bundle in bundles:
        parts = [rendered[d.slug] for d in bundle.documents]
        count = sum(len(part.pages) for part in parts)
        out.append((writer.write(parts), _entry(bundle, "pdf", count)))
    if run:
        out.append((run.data, Entry("participants-print", "pdf", PRINT_RUN, run.pages, "participant",
                                    1, style.label("print_job"))))
    return out, jobs, checklist


def _print_jobs(style: Style, documents: Sequence[doc.Document], pages: dict[str, int],
                copies: int, run: PrintRun | None, checklist_pages: int) -> list[PrintJob]:
    participant = [d.slug for d in documents if d.audience == "participant"]
    jobs = []
    if run:
        jobs.append(PrintJob(PRINT_RUN, style.label("print_job"), 1, run.pages, True))
    else:
        jobs.append(PrintJob("participant-pack.pdf", style.label("participant_pack"), copies,
                             sum(pages[s] for s in participant), True))
    jobs.append(PrintJob("facilitator-pack.pdf", style.label("facilitator_pack"), 1,
                         checklist_pages + sum(pages.values()), True))
    jobs.append(PrintJob("sign-in.pdf", style.label("sign_in"), 1, pages["sign-in"], False))
    return jobs


def bundle_files(workshop: model.Workshop, bundle: Bundle, formats: tuple[str, ...],
                 source_dir: Path, progress: Progress) -> list[tuple[bytes, Entry]]:
    """One bundle (the results report) as PDF and DOCX bytes."""
    files = []
    if "pdf" in formats:
        writer = PdfWriter.for_workshop(workshop, source_dir)
        rendered = [writer.render(d) for d in bundle.documents]
        files.append((writer.write(rendered), _entry(bundle, "pdf", sum(len(r.pages) for r in rendered))))
    if "docx" in formats:
        files += render_docx(workshop, [bundle], True, source_dir)
    return files


def render_docx(workshop: model.Workshop, bundles: list[Bundle], embed_fonts: bool,
                source_dir: Path) -> list[tuple[bytes, Entry]]:
    writer = DocxWriter.for_workshop(workshop, source_dir, embed_fonts)
    return [(writer.write(bundle.documents), _entry(bundle, "docx", None)) for bundle in bundles]


def _entry(bundle: Bundle, fmt: str, pages: int | None) -> Entry:
    return Entry(bundle.kind, fmt, f"{bundle.stem}.{fmt}", pages, bundle.audience, bundle.copies,
                 bundle.title)
