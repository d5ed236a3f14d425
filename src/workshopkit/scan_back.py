"""On top, beside app.py: scan-back (`workshopkit scan`), filled paper self-assessments read
from scans into the answers.csv that results-template writes and `workshopkit results` reads.

The form is laid out again from the definition in a render worker (where its tick boxes
land on each page); the scans are read here (people/scan_pages.py, people/scan.py); what
could not be read with confidence goes to the review PDF. Nothing is written until all of
it has been read.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import output
from .compose.pack import compose_all
from .compose.page_description import describe
from .compose.personal import personalize
from .compose.plan import Bundle
from .compose.style import style_of
from .compose.tree import Document
from .definition import model
from .definition.read import read_workshop
from .errors import ScanError, WorkshopkitError
from .i18n import _
from .paper.page import PageDescription
from .people.roster import Participant, read_roster
from .render import bounded
from .render.bounded import Bounds, Progress
from .scan_code import Cell

if TYPE_CHECKING:  # OpenCV is loaded by `scan` itself, never by the render workers that lay
    # the form out and draw the review (they import this module to find their functions)
    from .people.scan import ScanReading


@dataclass(frozen=True)
class ScanResult:
    """What a scan read and wrote."""

    reading: ScanReading
    answers: Path
    review: Path | None


def scan(definition: Path, scans: Sequence[Path], out: Path, round_number: int = 1,
         review: Path | None = None, roster: Path | None = None) -> ScanResult:
    """The scans of filled self-assessments read into `out` (answers.csv), and with `review`
    the PDF of what a person must settle; with `roster`, the names beside the codes."""
    from .compose.scan_review import compose_scan_review
    from .people.scan import answers_csv, read_again, read_marks
    from .people.scan_pages import check_files, read_scans

    check_files(scans)
    workshop = read_workshop(definition)
    document = _form_of(workshop, definition)
    assert document.scan is not None and workshop.self_assessment is not None
    people = read_roster(roster).participants if roster else []
    layout, _own = _layouts(workshop, document, definition.parent)
    reading = read_marks(read_scans(scans), str(workshop.id), document.scan.form, layout)
    redo = {page.who for page in reading.unmatched if page.who}
    if redo and people:  # copies laid out otherwise, by a long name: laid out as each was
        _blank, own = _layouts(workshop, document, definition.parent, [p for p in people if p.code in redo])
        read_again(reading, str(workshop.id), document.scan.form, layout, own)
    if not reading.ratings:  # nothing to write: each page said why, and nothing is written
        nothing = _("no page of a form in the scans: {files}").format(files=", ".join(map(str, scans)))
        raise ScanError([f"{page.source}: {page.reason}" for page in reading.unmatched] or [nothing])
    data = answers_csv(workshop.self_assessment, reading, round_number, people)
    drawn = None
    page = describe(workshop, definition.parent)
    if review:
        report = compose_scan_review(reading, len(layout), style_of(workshop), out.name)
        bundle = Bundle(review.stem, "results-report", "facilitator", 1, report.title, (report,))
        (files, _warnings), _usage = bounded.run(bounded.Call(_review_pdf, (bundle, page, definition.parent)),
                                                  Bounds.for_people(0), "the review")
        drawn = files[0][0]
    output.make_folder(out.parent)
    output.write_atomic(out, data)
    if review and drawn is not None:
        output.make_folder(review.parent)
        output.write_atomic(review, drawn)
    return ScanResult(reading, out, review)


def form_layout(definition: Path, people: Sequence[Participant] = ()
                ) -> tuple[str, list[list[Cell]], dict[str, list[list[Cell]]]]:
    """The self-assessment of the definition as printed to be read back: its form id, its
    tick boxes page by page, and those of each of `people`'s own copies (their details in its
    header), laid out in a render worker."""
    workshop = read_workshop(definition)
    document = _form_of(workshop, definition)
    assert document.scan is not None
    return (document.scan.form, *_layouts(workshop, document, definition.parent, people))


def _form_of(workshop: model.Workshop, definition: Path) -> Document:
    document = next((d for d in compose_all(workshop) if d.scan), None)
    if document is None:
        raise WorkshopkitError(_("{file}: the workshop has no self_assessment to read back").format(
            file=definition))
    return document


def _layouts(workshop: model.Workshop, document: Document, source_dir: Path,
             people: Sequence[Participant] = ()) -> tuple[list[list[Cell]], dict[str, list[list[Cell]]]]:
    style = style_of(workshop)
    copies = [personalize(document, person, workshop, style) for person in people]
    task = bounded.Call(_form_layout, (document, copies, describe(workshop, source_dir), source_dir))
    (blank, own), _usage = bounded.run(task, Bounds.for_people(len(copies)), "the self-assessment")
    return blank, {person.code: cells for person, cells in zip(people, own, strict=True)}


def _form_layout(document: Document, copies: Sequence[Document], page: PageDescription,
                 source_dir: Path, progress: Progress) -> tuple[list[list[Cell]], list[list[list[Cell]]]]:
    """In the render worker: the form laid out as it was printed, its tick boxes page by page,
    and the participants' `copies` laid out with the same fit, as the print run lays them out."""
    from .render.pdf.scan_marks import page_cells
    from .render.pdf.writer import PdfWriter

    writer = PdfWriter(source_dir, page)
    blank = page_cells(writer.render(document))
    fit = writer.fitted[document.slug]
    return blank, [page_cells(writer.render(copy, fit)) for copy in copies]


def _review_pdf(bundle: Bundle, page: PageDescription, source_dir: Path, progress: Progress
                ) -> tuple[list, list[str]]:
    """In the render worker: the review as PDF."""
    from .render.files import Renderer

    renderer = Renderer(page, source_dir)
    return renderer.pdf_files([bundle]), renderer.warnings
