"""Stage 5: decides which files a pack holds, for whom and how many copies, and has them written.

Everything is rendered first, as bytes, in a bounded worker (bounded.py runs render.py),
while the pack folder is locked; output.py, the only module that writes files, then puts
them in place with the manifest last, so an interrupted or failed build never leaves a
half-written file behind.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import bounded, doc, model, output, results
from .bounded import Bounds, Progress, Usage
from .compose import compose_all, style_of
from .compose.checklist import PrintJob
from .compose.results_report import compose_results
from .compose.sign_in import compose_sign_in
from .definition import read_workshop
from .errors import WorkshopkitError
from .roster import blank_roster, read_roster
from .sheets import safe_cell
from .surveys import check_personal_links

FORMATS = ("pdf", "docx")
PRINT_RUN = "participants-print.pdf"
BLANK_SIGN_IN_ROWS = 20


@dataclass(frozen=True)
class Entry:
    kind: str
    format: str
    path: str
    pages: int | None  # None for DOCX: its pages are only known once a word processor lays it out
    audience: str
    copies: int
    title: str


@dataclass(frozen=True)
class Pack:
    folder: Path
    entries: list[Entry]
    checklist: list[PrintJob] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    usage: Usage | None = None  # what the render worker took


@dataclass(frozen=True)
class Bundle:
    """One output file's worth of documents: a single document, or a pack of several."""

    stem: str
    kind: str
    audience: str
    copies: int
    title: str
    documents: tuple[doc.Document, ...]
    own_sheets: bool = False  # collected forms on sheets of their own (the participants' pack)


def build(definition: Path, out: Path, formats: tuple[str, ...] = FORMATS, *,
          embed_fonts: bool = True, roster: Path | None = None, participants: int | None = None,
          progress: Progress | None = None, max_seconds: float | None = None,
          max_memory_mib: int | None = None) -> Pack:
    """Renders in a worker bounded by `max_seconds` (by default a base plus some per person on
    the roster) and `max_memory_mib`, then writes the pack's files."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise WorkshopkitError(f"unknown output format {', '.join(unknown)}; use pdf or docx")
    people = read_roster(roster) if roster else None
    workshop = read_workshop(definition, people.columns if people else None)
    if people:
        check_personal_links(workshop, people)
    expected = participants or workshop.participants
    count = len(people.participants) if people else (expected or 1)
    documents = compose_all(workshop)
    signers = people.participants if people else blank_roster(expected or BLANK_SIGN_IN_ROWS)
    documents.append(compose_sign_in(workshop, style_of(workshop), signers))
    bounds = Bounds.for_people(len(signers) if people else 0, max_seconds, max_memory_mib)
    task = bounded.Call("workshopkit.render", "pack_files",
                        (workshop, documents, formats, count, people, definition.parent, embed_fonts))
    with output.pack_folder(out, str(workshop.id)) as folder:
        (files, jobs, layout_warnings), usage = bounded.run(
            task, bounds, f"the pack of {definition.name}", progress)
        entries = [entry for _, entry in files]
        manifest = {"workshop": {"id": workshop.id, "title": workshop.title},
                    "documents": [asdict(e) for e in entries],
                    "print_checklist": [{**asdict(j), "sheets": j.sheets,
                                         "sides": "double" if j.duplex else "single"} for j in jobs]}
        left = output.write_pack(folder, [(e.path, data) for data, e in files], manifest)
    return Pack(folder, entries, jobs, [*(people.warnings if people else []), *layout_warnings, *left],
                usage)


def plan(workshop: model.Workshop, documents: Sequence[doc.Document], copies: int,
         checklist: doc.Document, cover: doc.Document) -> list[Bundle]:
    """Every file of the pack, the same in every format: the print checklist and each document
    alone, then the participants' and the facilitator's packs, which gather the documents in
    agenda order for one print job; the facilitator's opens with its cover and the checklist."""
    style = style_of(workshop)
    bundles = [Bundle(d.slug, d.kind, d.audience, copies if d.audience == "participant" else 1,
                       d.title, (d,)) for d in [checklist, *documents]]
    bundles.append(Bundle("participant-pack", "participant-pack", "participant", copies,
                           style.label("participant_pack"),
                           tuple(d for d in documents if d.audience == "participant"), own_sheets=True))
    bundles.append(Bundle("facilitator-pack", "facilitator-pack", "facilitator", 1,
                           style.label("facilitator_pack"), (cover, checklist, *documents)))
    return bundles


def write_results_template(definition: Path, out: Path, roster: Path | None = None,
                           round_number: int = 1) -> int:
    """The CSV to type paper self-assessments into; returns how many participant rows it has."""
    workshop = read_workshop(definition)
    if workshop.self_assessment is None:
        raise WorkshopkitError(f"{definition}: the workshop has no self_assessment to collect")
    people = read_roster(roster).participants if roster else blank_roster(workshop.participants or 30)
    rows = results.template_rows(workshop.self_assessment, people, round_number)
    if not roster:
        rows = [rows[0], *([""] * len(rows[0]) for _ in people)]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[safe_cell(c) for c in row] for row in rows])
    output.make_folder(out.parent)
    output.write_atomic(out, buffer.getvalue().encode("utf-8-sig"))  # Excel opens UTF-8 CSV with a BOM
    return len(people)


def build_results(definition: Path, responses: Sequence[Path], out: Path,
                  formats: tuple[str, ...] = FORMATS, per_participant: bool = False,
                  max_seconds: float | None = None, max_memory_mib: int | None = None) -> Pack:
    """The results report of filled self-assessments, as results.pdf and results.docx."""
    workshop = read_workshop(definition)
    if workshop.self_assessment is None:
        raise WorkshopkitError(f"{definition}: the workshop has no self_assessment to report on")
    data = results.read_responses(responses, workshop.self_assessment)
    if not data.responses:
        raise WorkshopkitError("no responses to report on")
    report = compose_results(workshop, data, style_of(workshop), per_participant)
    bundle = Bundle("results", "results-report", "facilitator", 1, report.title, (report,))
    task = bounded.Call("workshopkit.render", "bundle_files", (workshop, bundle, formats, definition.parent))
    bounds = Bounds.for_people(0, max_seconds, max_memory_mib)
    with output.pack_folder(out, str(workshop.id)) as folder:
        (files, layout_warnings), usage = bounded.run(task, bounds, "the results report")
        output.write_pack(folder, [(e.path, data) for data, e in files], None)
    return Pack(folder, [entry for _, entry in files], warnings=[*data.warnings, *layout_warnings],
                usage=usage)
