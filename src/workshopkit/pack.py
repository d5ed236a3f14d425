"""Stage 5: decides which files a pack holds, for whom and how many copies, and writes them.

The only module that writes files. Everything is rendered first, as bytes, in a bounded
worker (bounded.py runs render.py); then each file goes to a temporary name beside its target
and is moved into place, and the manifest comes last, so an interrupted or failed build never
leaves a half-written file behind.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import bounded, doc, model, results
from .bounded import Bounds, Progress, Usage
from .compose import compose_all, style_of
from .compose.checklist import PrintJob
from .compose.results_report import compose_results
from .compose.sign_in import compose_sign_in
from .definition import read_workshop
from .errors import OutputError, WorkshopkitError
from .roster import blank_roster, read_roster

FORMATS = ("pdf", "docx")
PRINT_RUN = "participants-print.pdf"
MANIFEST = "manifest.json"
OTHER_OUTPUTS = {MANIFEST, "results.pdf", "results.docx"}  # written by other commands
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
    expected = participants or workshop.participants
    count = len(people.participants) if people else (expected or 1)
    documents = compose_all(workshop)
    signers = people.participants if people else blank_roster(expected or BLANK_SIGN_IN_ROWS)
    documents.append(compose_sign_in(workshop, style_of(workshop), signers))
    bounds = Bounds.for_people(len(signers) if people else 0, max_seconds, max_memory_mib)
    task = bounded.Call("workshopkit.render", "pack_files",
                        (workshop, documents, formats, count, people, definition.parent, embed_fonts))
    (files, jobs, layout_warnings), usage = bounded.run(task, bounds, f"the pack of {definition.name}",
                                                        progress)
    folder, entries = _write_files(out, workshop, files)
    left = _remove_stale(folder, {entry.path for entry in entries})
    manifest = {"workshop": {"id": workshop.id, "title": workshop.title},
                "documents": [asdict(e) for e in entries],
                "print_checklist": [{**asdict(j), "sheets": j.sheets,
                                     "sides": "double" if j.duplex else "single"} for j in jobs]}
    write_atomic(folder / MANIFEST,
                 (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
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
    csv.writer(buffer).writerows(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, buffer.getvalue().encode("utf-8-sig"))  # Excel opens UTF-8 CSV with a BOM
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
    files, usage = bounded.run(task, bounds, "the results report")
    folder, entries = _write_files(out, workshop, files)
    return Pack(folder, entries, warnings=data.warnings, usage=usage)


def _write_files(out: Path, workshop: model.Workshop, files: list[tuple[bytes, Entry]]
                 ) -> tuple[Path, list[Entry]]:
    folder = _pack_folder(out, workshop)
    for data, entry in files:
        write_atomic(folder / entry.path, data)
    return folder, [entry for _, entry in files]


def _remove_stale(folder: Path, written: set[str]) -> list[str]:
    """The pack folder holds this build only: the files the previous manifest listed that this
    build did not write (a renamed worksheet, last month's print run) are removed; a file the
    toolkit did not write is never touched, only reported."""
    previous = _manifest_files(folder / MANIFEST)
    for name in previous - written:
        (folder / name).unlink(missing_ok=True)
    warnings = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name in written or name in previous or name in OTHER_OUTPUTS or name.startswith("."):
            continue
        warnings.append(f"{path}: warning: not written by workshopkit and left as it is; it is "
                        f"not part of this pack")
    return warnings


def _manifest_files(path: Path) -> set[str]:
    """The pack files an earlier manifest lists: plain PDF and DOCX names in the folder only,
    whatever else a hand-edited manifest says."""
    try:
        documents = json.loads(path.read_text(encoding="utf-8")).get("documents", [])
        names = {str(d["path"]) for d in documents if isinstance(d, dict) and "path" in d}
    except (OSError, ValueError, AttributeError, TypeError):
        return set()
    return {n for n in names if Path(n).name == n and not n.startswith(".")
            and Path(n).suffix in (".pdf", ".docx")}


def _pack_folder(out: Path, workshop: model.Workshop) -> Path:
    root = out.resolve()
    folder = (root / str(workshop.id)).resolve()
    if not folder.is_relative_to(root):
        raise OutputError(f"pack folder {folder} would be outside {root}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror}")
    for stale in folder.glob(".*.tmp"):  # left by a build that was killed while writing
        stale.unlink(missing_ok=True)
    return folder


def rewrite_source(path: Path, text: str) -> Path:
    """Replace a definition with `text` after keeping the original beside it; returns the
    backup's path. A byte-order mark the file had stays."""
    original = path.read_bytes()
    backup = path.with_name(path.name + ".bak")
    write_atomic(backup, original)
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    write_atomic(path, bom + text.encode("utf-8"))
    return backup


def write_atomic(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # a temporary file is private (0600); the output gets the mode a new file would get
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
