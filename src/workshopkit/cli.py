"""The command line, click only: parses arguments, calls the use cases in app.py, and turns a
WorkshopkitError into `file:line:column: field.path: message` lines on stderr and exit
status 2. Any other exception is a bug and ends with a traceback and status 1."""
from __future__ import annotations

import contextlib
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from . import app, cli_words, i18n
from .errors import WorkshopkitError
from .i18n import N_, _
from .render.bounded import DEFAULT_MEMORY_MIB, DEFAULT_SECONDS, SECONDS_PER_PARTICIPANT
from .terminal import agenda_lines


def _echo(lines: Iterable[object]) -> None:
    for line in lines:
        click.echo(str(line), err=True)


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """A WorkshopkitError ends the command: its lines on stderr, exit status 2."""
    try:
        yield
    except WorkshopkitError as error:
        _echo([*error.lines(), *map(str, error.warnings)])
        sys.exit(2)


def _limits(command):
    """The render worker's bounds, for a pack too large for the defaults or a machine too small."""
    command = click.option(
        "--max-memory", type=click.IntRange(1024, 1 << 20), metavar="MIB",
        help=N_("Memory a render may take, in MiB (at least 1024: a worker starts with "
                "WeasyPrint loaded)  [default: {memory}]"))(command)
    return click.option(
        "--max-seconds", type=click.FloatRange(1, 86400), metavar="SECONDS",
        help=N_("Time a render may take  [default: {seconds:g} s, plus {per_person:g} s per "
                "person on the roster]"))(command)


AUDIENCES = {"facilitator": N_("facilitator"), "participant": N_("participant")}
HELP_VALUES = {"memory": DEFAULT_MEMORY_MIB, "seconds": DEFAULT_SECONDS,
               "per_person": SECONDS_PER_PARTICIPANT}


def _padded(text: str, width: int) -> str:
    # Thai vowels and tone marks above and below a letter take no column on a terminal
    shown = sum(not unicodedata.combining(c) and unicodedata.category(c) != "Mn" for c in text)
    return text + " " * max(0, width - shown)


class _Commands(click.Group):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # the language of every message, --help and click's own errors included, before click
        # reads anything: --lang, else the user's locale or the definition's
        i18n.choose_for(args)
        cli_words.speak(self, HELP_VALUES)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        # Ctrl+C: one line and the shell's status for it, not click's "Aborted!" after a
        # traceback; a build's worker dies with it and nothing is written
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(_("workshopkit: stopped (Ctrl+C); nothing was written"), err=True)
            sys.exit(130)


@click.group(cls=_Commands, help=N_("Print-ready Thai workshop material from one YAML definition."))
@click.version_option(package_name="workshopkit")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES),
              help=N_("Language of the messages: th or en (default: Thai for a Thai locale or a "
                      "definition in Thai, English otherwise)."))
def main(lang: str | None) -> None:
    """The command group; the language is chosen in `_Commands.parse_args`."""


@main.command("results-template", help=N_("Write the CSV to type paper self-assessments into."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("out/results-template.csv"), show_default=True)
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Participants (.csv or .xlsx): a row each, with their code and name."))
@click.option("--round", "round_number", type=click.IntRange(1, 9), default=1, show_default=True)
def results_template(file: Path, out: Path, roster: Path | None, round_number: int) -> None:
    """`workshopkit results-template`: app.results_template, and how many rows it wrote."""
    with _user_errors():
        rows = app.results_template(file, out, roster, round_number)
    click.echo(_("{file}: {rows} rows to fill in").format(file=out, rows=rows))


@main.command(help=N_("Read filled paper self-assessments from scans (PDF, PNG or JPEG; pages in any "
                      "order) into the CSV that results reads; unclear marks are left empty for review."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("scans", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("answers.csv"), show_default=True)
@click.option("--round", "round_number", type=click.IntRange(1, 9), default=1, show_default=True)
@click.option("--review", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write a PDF of every mark and page to settle by eye."))
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Participants (.csv or .xlsx), to write their names beside the codes."))
def scan(file: Path, scans: tuple[Path, ...], out: Path, round_number: int, review: Path | None,
         roster: Path | None) -> None:
    """`workshopkit scan`: scan_back.scan, its summary line and the files written."""
    # OpenCV and NumPy only for this command: loaded, they take address space that the
    # render workers forked from this process would carry under their memory limit
    from . import scan_back

    with _user_errors():
        result = scan_back.scan(file, scans, out, round_number, review, roster)
    _echo(f"{page.source}: {page.reason}" for page in result.reading.unmatched)
    click.echo(result.reading.summary())
    click.echo(str(result.answers))
    if result.review:
        click.echo(str(result.review))


@main.command(help=N_("Report on filled self-assessments (typed-in CSV, Excel, or a Google Forms "
                      "export). Give two files for two rounds, or one with a round column."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("responses", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help=N_("Folder that receives <workshop-id>/results.pdf and .docx."))
@click.option("--per-participant", is_flag=True, help=N_("Add a page per participant against the group."))
@_limits
def results(file: Path, responses: tuple[Path, ...], out: Path, per_participant: bool,
            max_seconds: float | None, max_memory: int | None) -> None:
    """`workshopkit results`: app.build_results, its warnings and the files written."""
    with _user_errors():
        built = app.build_results(file, responses, out, per_participant=per_participant,
                                  max_seconds=max_seconds, max_memory_mib=max_memory)
    _echo(built.warnings)
    for entry in built.entries:
        click.echo(str(built.folder / entry.path))


@main.command(help=N_("Print the JSON Schema of a workshop definition (for editors such as VS Code)."))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write it to a file instead of printing it."))
def schema(out: Path | None) -> None:
    """`workshopkit schema`: the schema on stdout, or written by app.write_schema."""
    text = app.schema_text()
    if out:
        with _user_errors():
            app.write_schema(out)
    else:
        click.echo(text, nl=False)


@main.command(help=N_("Rebuild FILE on every save of it, of a definition beside it (extends:, "
                      "include:) or of a template; print problems and keep watching (Ctrl+C "
                      "stops)."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True)
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "all"]), default="pdf",
              show_default=True)
def watch(file: Path, out: Path, fmt: str) -> None:
    """`workshopkit watch`: app.build again on every change of a source file."""
    from watchfiles import watch as changes  # only this command needs it

    formats = app.FORMATS if fmt == "all" else (fmt,)

    def rebuild() -> None:
        try:
            result = app.build(file, out, formats)
        except WorkshopkitError as error:
            _echo([*error.lines(), *map(str, error.warnings),
                   _("{file}: not built; fix it and save again").format(file=file)])
            return
        _echo(result.warnings)
        click.echo(_("{file}: built {count} files into {folder}").format(
            file=file, count=len(result.entries), folder=result.folder))

    def is_source(_, path: str) -> bool:
        # definitions and templates; the outputs (PDF, DOCX, JSON, temporary files) never are,
        # wherever -o puts them, even in the definition's own folder
        return Path(path).suffix in {".yaml", ".yml", ".j2", ".css"}

    rebuild()
    for _changed in changes(file.resolve().parent, watch_filter=is_source, debounce=300,
                     raise_interrupt=False):
        rebuild()


@main.command("list", help=N_("Show the shipped workshops, their days and documents."))
def list_workshops() -> None:
    """`workshopkit list`: app.shipped, a few lines each."""
    for shipped, documents in app.shipped():
        days = len(shipped.workshop.agenda.days)
        length = (_("{days} day") if days == 1 else _("{days} days")).format(days=days)
        click.echo(f"{shipped.id}  ({length})  {shipped.workshop.title}")
        click.echo(f"    {shipped.path}")
        click.echo("    " + _("documents: {documents}").format(documents=", ".join(documents)))


@main.command(help=N_("Print the computed agenda of a definition."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def agenda(file: Path) -> None:
    """`workshopkit agenda`: the agenda as terminal lines."""
    with _user_errors():
        workshop = app.read(file)
    click.echo(workshop.title)
    for line in agenda_lines(workshop):
        click.echo(line)


@main.command(help=N_("Write NAME.yaml, a definition that validates and stands on its own, to start from."))
@click.argument("name")
@click.option("--from", "source", help=N_("A shipped workshop's id, or a definition file, to start from."))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help=N_("Folder for NAME.yaml."))
def new(name: str, source: str | None, out: Path) -> None:
    """`workshopkit new`: app.new, and where it wrote."""
    with _user_errors():
        path = app.new(name, source, out)
    click.echo(_("{path}: written; check it with `workshopkit validate {path}`").format(path=path))


def _progress():
    """A bar on a terminal; on a log, a line now and then."""
    last = [0]

    def report(done: int, total: int) -> None:
        if sys.stderr.isatty():
            width = 30
            filled = width * done // total
            who = _("participants")
            click.echo(f"\r  {who} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
                       err=True, nl=done == total)
        elif done == total or done - last[0] >= max(1, total // 10):
            last[0] = done
            click.echo("  " + _("participants rendered: {done}/{total}").format(done=done, total=total),
                       err=True)
    return report


@main.command(help=N_("Check definitions and report every problem at once; Thai typing errors are warnings."))
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--fix", is_flag=True,
              help=N_("Correct Thai typing errors in place (the original is kept as FILE.bak)."))
@click.option("--verbose", is_flag=True,
              help=N_("Also show what a roster fills in on each form field."))
def validate(files: tuple[Path, ...], fix: bool, verbose: bool) -> None:
    """`workshopkit validate`: app.validate for each file; status 2 when one has a problem."""
    failed = False
    for file in files:
        checked = app.validate(file, fix)
        if checked.fixed:
            click.echo(checked.fixed)
        if checked.problems:
            failed = True
            _echo([*checked.problems, *checked.warnings])
            continue
        _echo(checked.warnings)
        click.echo(_("{file}: ok").format(file=file))
        if verbose:
            for line in checked.fields:
                click.echo(f"  {line}")
    sys.exit(2 if failed else 0)


@main.command(help=N_("Build the print pack of a workshop definition."))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help=N_("Folder that receives <workshop-id>/."))
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "all"]), default="all",
              show_default=True, help=N_("PDF to print, DOCX to edit in Word or LibreOffice, or both."))
@click.option("--no-embed-fonts", is_flag=True,
              help=N_("Leave the Thai font out of DOCX files: smaller, but it must be installed to print."))
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Participants (.csv or .xlsx): personal sheets in one print job, names to sign in."))
@click.option("--participants", type=click.IntRange(1, 5000),
              help=N_("How many take part, without a roster: copies, blank sign-in rows, blank "
                      "certificates and badges."))
@click.option("--walk-in", "walk_ins", type=click.IntRange(0, 100),
              help=N_("Rows on the sign-in sheet after the roster's names, for people who walk in "
                      "(the definition's sign_in.walk_ins, else 5)."))
@_limits
def build(file: Path, out: Path, fmt: str, no_embed_fonts: bool, roster: Path | None,
          participants: int | None, walk_ins: int | None, max_seconds: float | None,
          max_memory: int | None) -> None:
    """`workshopkit build`: app.build, its warnings and the table of files."""
    formats = app.FORMATS if fmt == "all" else (fmt,)
    with _user_errors():
        result = app.build(file, out, formats, embed_fonts=not no_embed_fonts, roster=roster,
                            participants=participants, progress=_progress(),
                            max_seconds=max_seconds, max_memory_mib=max_memory, walk_ins=walk_ins)
    _echo(result.warnings)
    click.echo(f"{result.folder}")
    for entry in result.entries:
        pages = "" if entry.pages is None else (
            _("{pages:>3} page") if entry.pages == 1 else _("{pages:>3} pages")).format(pages=entry.pages)
        audience = _(AUDIENCES.get(entry.audience, entry.audience))
        click.echo(f"  {entry.path:<28} {_padded(pages, 9)}  {_padded(audience, 12)} x{entry.copies}")


@main.command(help=N_("Open the studio in the browser: edit the definitions in FOLDER (the current "
                      "one by default), see every page, print for a roster. Ctrl+C stops it."))
@click.argument("folder", default=".", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help=N_("Address to listen on; 0.0.0.0 serves colleagues in the office (they still "
                      "need the token)."))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help=N_("Port to listen on; 0 picks a free one."))
@click.option("--no-browser", is_flag=True, help=N_("Do not open the browser."))
def studio(folder: Path, host: str, port: int, no_browser: bool) -> None:
    """`workshopkit studio`: studio.server.serve until Ctrl+C."""
    from .studio.server import serve  # only this command needs Starlette and uvicorn

    with _user_errors():
        try:
            serve(folder, host, port, not no_browser, click.echo)
        except OSError as error:
            raise WorkshopkitError(_("the studio cannot listen on {host}:{port}: {reason}").format(
                host=host, port=port, reason=error.strerror))
