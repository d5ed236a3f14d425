"""On top of the stages: the use cases the command line and the studio share.

Each takes paths and options, does one thing a facilitator asks for, and either returns what
came of it or raises a WorkshopkitError with every problem located. Nothing here prints or
parses arguments (cli.py does), and nothing here writes a file itself (output.py does).

A build reads the definition and the roster, composes every document, and hands them to a
bounded render worker (`render_job.render_pack` runs there), which lays them out, composes
the front matter from the page counts, and draws each file; output.py then writes them all.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import output
from .compose.pack import compose_all, cover_facts
from .compose.page_description import describe
from .compose.personal import numbered_sets, personal_sets
from .compose.plan import Bundle, Entry, PrintJob, participant_documents, plan
from .compose.results_report import compose_results
from .compose.roster_day import compose_roster_day, roster_problems
from .compose.sign_in import compose_sign_in
from .compose.style import style_of
from .definition import library, model, thai_lint
from .definition.loader import load_file
from .definition.read import Read, check_text, read_definition, read_workshop
from .definition.schema import SCHEMA_FILE, workshop_schema
from .errors import Problem, RosterError, WorkshopkitError, at
from .i18n import _
from .paper.page import PageDescription
from .people import results
from .people.roster import Participant, Roster, blank_roster, read_roster
from .people.surveys import check_personal_links
from .render import bounded
from .render.bounded import Bounds, Progress, Usage
from .render_job import PackJob, front_of, kept_faces, render_pack
from .terminal import field_lines

if TYPE_CHECKING:  # the build never loads WeasyPrint; only the render worker does
    from .render.files import Renderer

FORMATS = ("pdf", "docx")
FITS = "fits.json"  # in the cache folder: the fit each document's HTML got (PdfWriter.learned)
TEMPLATES = "templates.json"  # and the templates as Jinja compiled them (PdfWriter.compiled)
BLANK_SIGN_IN_ROWS = 20
read = read_workshop


@dataclass(frozen=True)
class Pack:
    """What a build wrote."""

    folder: Path
    entries: list[Entry]
    print_jobs: list[PrintJob] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    usage: Usage | None = None  # what the render worker took


def build(definition: Path, out: Path, formats: tuple[str, ...] = FORMATS, *,
          embed_fonts: bool = True, roster: Path | None = None, participants: int | None = None,
          progress: Progress | None = None, max_seconds: float | None = None,
          max_memory_mib: int | None = None, walk_ins: int | None = None) -> Pack:
    """The pack of `definition` in `out`/<id>: each document alone and gathered for printing,
    in every format asked for, printed for the `roster` when given. Renders in a worker bounded
    by `max_seconds` (by default a base plus some per person on the roster) and
    `max_memory_mib`, then writes the files. The sign-in sheet has `walk_ins` rows after the
    roster's names (the definition's number when not given)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise WorkshopkitError(_("unknown output format {formats}; use pdf or docx").format(
            formats=", ".join(unknown)))
    bounded.prepare()
    people = read_roster(roster) if roster else None
    read, job, signers = _pack_job(definition, people, participants, formats, embed_fonts, walk_ins)
    workshop = read.workshop
    bounds = Bounds.for_people(len(signers) if people else 0, max_seconds, max_memory_mib)
    with output.pack_folder(out, str(workshop.id)) as folder:
        (files, jobs, layout_warnings, learned, compiled), usage = bounded.run(
            bounded.Call(render_pack, (job,)), bounds, f"the pack of {definition.name}", progress)
        entries = [entry for _, entry in files]
        manifest = {"workshop": {"id": workshop.id, "title": workshop.title},
                    "documents": [asdict(e) for e in entries],
                    "print_checklist": [{**asdict(j), "sheets": j.sheets,
                                         "sides": "double" if j.duplex else "single"} for j in jobs]}
        left = output.write_pack(folder, [(e.path, data) for data, e in files], manifest)
    output.remember(job.cache / FITS, learned)
    output.remember(job.cache / TEMPLATES, compiled, keep=50)
    return Pack(folder, entries, jobs, [*map(str, read.warnings), *(people.warnings if people else []),
                                        *layout_warnings, *left], usage)


def _pack_job(definition: Path, people: Roster | None, participants: int | None,
              formats: tuple[str, ...], embed_fonts: bool, walk_ins: int | None = None
              ) -> tuple[Read, PackJob, list[Participant]]:
    """The definition read and every document of its pack composed, for the render worker."""
    read = read_definition(definition, people.columns if people else None)
    workshop = read.workshop
    if people:
        check_personal_links(workshop, people)
        problems = roster_problems(workshop, people)
        if problems:
            raise RosterError(problems)
    expected = participants or workshop.participants
    signers = people.participants if people else blank_roster(expected or BLANK_SIGN_IN_ROWS)
    style = style_of(workshop)
    extra = (workshop.sign_in.walk_ins if walk_ins is None else walk_ins) if people else 0
    # certificates and badges for the roster, or blank ones for a participant count asked for
    named = people.participants if people else blank_roster(participants) if participants else None
    documents = [*compose_all(workshop), compose_sign_in(workshop, style, signers, extra),
                 *compose_roster_day(workshop, style, named, definition.parent)]
    sets = personal_sets(workshop, style, participant_documents(documents),
                         people.participants) if people and "pdf" in formats else []
    if participants and not people and workshop.self_assessment and "pdf" in formats:
        # without names, numbered copies: a scanned form's pages are kept together by the number
        sets = numbered_sets(participant_documents(documents), participants, style)
    copies = len(people.participants) if people else (expected or 1)
    job = PackJob(style, cover_facts(workshop, style), tuple(documents), tuple(sets), formats, copies,
                   describe(workshop, definition.parent), definition.parent, embed_fonts,
                   output.cache_folder(), output.recalled(output.cache_folder() / FITS),
                   output.recalled(output.cache_folder() / TEMPLATES))
    return read, job, signers


def results_template(definition: Path, out: Path, roster: Path | None = None,
                     round_number: int = 1) -> int:
    """The CSV to type paper self-assessments into; returns how many participant rows it has."""
    workshop = read_workshop(definition)
    if workshop.self_assessment is None:
        raise WorkshopkitError(_("{file}: the workshop has no self_assessment to collect").format(
            file=definition))
    people = read_roster(roster).participants if roster else blank_roster(workshop.participants or 30)
    data = results.template_csv(workshop.self_assessment, people, round_number, named=roster is not None)
    output.make_folder(out.parent)
    output.write_atomic(out, data)
    return len(people)


def build_results(definition: Path, responses: Sequence[Path], out: Path,
                  formats: tuple[str, ...] = FORMATS, per_participant: bool = False,
                  max_seconds: float | None = None, max_memory_mib: int | None = None) -> Pack:
    """The results report of filled self-assessments, as results.pdf and results.docx."""
    workshop = read_workshop(definition)
    if workshop.self_assessment is None:
        raise WorkshopkitError(_("{file}: the workshop has no self_assessment to report on").format(
            file=definition))
    data = results.read_responses(responses, workshop.self_assessment)
    if not data.responses:
        raise WorkshopkitError(_("no responses to report on"))
    report = compose_results(workshop, data, style_of(workshop), per_participant)
    bundle = Bundle("results", "results-report", "facilitator", 1, report.title, (report,))
    task = bounded.Call(_render_bundle, (bundle, formats, describe(workshop, definition.parent),
                                         definition.parent, output.cache_folder()))
    bounds = Bounds.for_people(0, max_seconds, max_memory_mib)
    with output.pack_folder(out, str(workshop.id)) as folder:
        (files, layout_warnings), usage = bounded.run(task, bounds, "the results report")
        output.write_pack(folder, [(e.path, data) for data, e in files], None)
    return Pack(folder, [entry for _, entry in files], warnings=[*data.warnings, *layout_warnings],
                usage=usage)


def _render_bundle(bundle: Bundle, formats: tuple[str, ...], page: PageDescription, source_dir: Path,
                   cache: Path, progress: Progress) -> tuple[list[tuple[bytes, Entry]], list[str]]:
    """In the render worker: one bundle in each format asked for."""
    from .render.files import Renderer

    renderer = Renderer(page, source_dir)
    files = renderer.pdf_files([bundle]) if "pdf" in formats else []
    if "docx" in formats:
        kept_faces(cache)
        files += renderer.docx_files([bundle])
    return files, renderer.warnings


def shipped() -> list[tuple[library.Shipped, list[str]]]:
    """The library of shipped workshops a facilitator starts from, each with its documents' slugs."""
    return [(s, [d.slug for d in compose_all(s.workshop)]) for s in library.shipped()]


@dataclass
class Checked:
    """What validating one definition found."""

    file: Path
    workshop: model.Workshop | None  # None when it has problems
    problems: list[str] = field(default_factory=list)  # file:line:column lines
    located: list[Problem] = field(default_factory=list)  # the same, for the studio to place
    warnings: list[str] = field(default_factory=list)  # Thai typing errors, at their character
    located_warnings: list[Problem] = field(default_factory=list)
    fixed: str = ""  # what --fix corrected, said in a line

    @property
    def fields(self) -> list[str]:
        """Every form field and what a roster prints on it."""
        return field_lines(self.workshop) if self.workshop else []


def validate(file: Path, fix: bool = False) -> Checked:
    """The definition checked, with its Thai typing errors corrected in place first when
    `fix` (the original kept as FILE.bak)."""
    checked = Checked(file, None)
    try:
        if fix:
            checked.fixed = _fix(file)
        read = read_definition(file)
    except WorkshopkitError as error:
        checked.problems = error.lines()
        checked.located = list(getattr(error, "problems", [])) or [at(file, 1, 1, str(error))]
        checked.warnings = [str(w) for w in error.warnings]
        checked.located_warnings = list(error.warnings)
        return checked
    checked.workshop = read.workshop
    checked.warnings = [str(w) for w in read.warnings]
    checked.located_warnings = list(read.warnings)
    return checked


def _fix(file: Path) -> str:
    text, count = thai_lint.fix(load_file(file))
    if not count:
        return ""
    backup = output.rewrite_source(file, text)
    if count == 1:
        return _("{file}: fixed 1 Thai typing error (original kept as {backup})").format(file=file,
                                                                                           backup=backup)
    return _("{file}: fixed {count} Thai typing errors (original kept as {backup})").format(
        file=file, count=count, backup=backup)


def new(name: str, source: str | None, folder: Path) -> Path:
    """NAME.yaml in `folder`, a definition that validates and stands on its own, started from a
    shipped workshop or a definition file; nothing is written when it would not validate."""
    if not name or Path(name).name != name or name.startswith("."):
        raise WorkshopkitError(_("'{name}' cannot be a file name; use letters, digits, - and _").format(
            name=name))
    path = folder / f"{name}.yaml"
    if path.exists():
        raise WorkshopkitError(_("{path} exists already; choose another name").format(path=path))
    origin = library.find(source) if source else None
    text = library.new_definition(name, origin, f"./{SCHEMA_FILE}")
    check_text(text, path)
    output.make_folder(folder)
    if not (folder / SCHEMA_FILE).exists():  # so the editor finds the schema beside the file
        output.write_atomic(folder / SCHEMA_FILE, schema_text().encode("utf-8"))
    output.write_atomic(path, text.encode("utf-8"))
    return path


def schema_text() -> str:
    """The JSON Schema of a definition, for editors."""
    return json.dumps(workshop_schema(), ensure_ascii=False, indent=2) + "\n"


def write_schema(path: Path) -> None:
    """The JSON Schema written to `path`."""
    output.write_atomic(path, schema_text().encode("utf-8"))


@dataclass(frozen=True)
class Preview:
    """The pack of a definition laid out for the studio: each PDF a build would write, with its
    page count, none of them written yet."""

    entries: list[Entry]
    warnings: list[str]
    sparse: dict[str, list[int]] = field(default_factory=dict)  # by file: a last page nearly empty


def preview(definition: Path, worker: bounded.Resident) -> Preview:
    """Every document of the pack laid out in the resident `worker`, which keeps them: an edit
    lays out again only the documents it changed."""
    read, job, _signers = _pack_job(definition, None, None, ("pdf",), True)
    entries, warnings, sparse = worker.run(bounded.Call(_lay_out, (str(definition.resolve()), job)),
                                           _("the pages of {file}").format(file=definition.name))
    return Preview(entries, [*map(str, read.warnings), *warnings], sparse)


def page_png(definition: Path, file: str, number: int, worker: bounded.Resident) -> bytes | None:
    """Page `number` (from 1) of the pack's `file` (agenda.pdf) as a PNG, None when it has no
    such page; laid out again first when the worker has not kept it (it was restarted)."""
    return _kept(definition, file, number, worker)


def document_pdf(definition: Path, file: str, worker: bounded.Resident) -> bytes | None:
    """The pack's `file` (agenda.pdf) as its PDF, from what the worker keeps; None when the
    pack has no such file."""
    return _kept(definition, file, None, worker)


def _kept(definition: Path, file: str, number: int | None, worker: bounded.Resident) -> bytes | None:
    task = bounded.Call(_draw_kept, (str(definition.resolve()), file, number))
    found = worker.run(task, file)
    if found == _NOT_KEPT:
        preview(definition, worker)
        found = worker.run(task, file)
    return None if found == _NOT_KEPT else found


_NOT_KEPT = "not kept"
_KEPT: dict[str, tuple[Renderer, dict[str, tuple[Any, list]]]] = {}  # in the resident worker
_KEEP = 4  # definitions a worker keeps laid out (a studio edits one or two at a time)


def _lay_out(key: str, job: PackJob, progress: Progress
             ) -> tuple[list[Entry], list[str], dict[str, list[int]]]:
    """In the resident worker: the pack laid out with the renderer kept for this definition,
    each bundle's pages kept for `_draw_kept`, and the pages that hold almost nothing."""
    from .render.files import Renderer
    from .render.pdf.page_checks import nearly_empty

    kept = _KEPT.pop(key, None)
    renderer = kept[0] if kept and kept[0].page == job.page else Renderer(job.page, job.source_dir)
    front = front_of(renderer, job, None, "pdf")
    bundles = renderer.pdf_pages(plan(job.style, job.documents, job.copies,
                                      front.print_checklist, front.cover))
    entries = [Entry.of(bundle, "pdf", len(pages)) for bundle, _base, pages in bundles]
    _KEPT[key] = (renderer, {e.path: (base, pages) for e, (_b, base, pages)
                             in zip(entries, bundles, strict=True)})
    while len(_KEPT) > _KEEP:
        _KEPT.pop(next(iter(_KEPT)))
    # a document's last page, as the writer checks it (a page above it is full by construction)
    sparse = {e.path: [len(pages)] if len(bundle.documents) == 1 and len(pages) > 1
              and nearly_empty(pages[-1]) else []
              for e, (bundle, _base, pages) in zip(entries, bundles, strict=True)}
    return entries, renderer.warnings, sparse


def _draw_kept(key: str, file: str, number: int | None, progress: Progress) -> bytes | str | None:
    """In the resident worker: a kept bundle as a PDF, or one of its pages as a PNG."""
    from .render.pictures import page_png as picture
    if key not in _KEPT:
        return _NOT_KEPT
    renderer, bundles = _KEPT[key]
    if file not in bundles or number is not None and not 1 <= number <= len(bundles[file][1]):
        return None
    base, pages = bundles[file]
    if number is None:
        return renderer.pdf.write_pages(base, pages)
    return picture(renderer.pdf.write_pages(base, [pages[number - 1]]), 1)
