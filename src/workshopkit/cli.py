"""The command line: parses arguments, calls the library, and turns a WorkshopkitError
into `file:line:column: field.path: message` lines on stderr and exit status 2.
Any other exception is a bug and ends with a traceback and status 1."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import pack, thai_lint
from .definition import read_workshop
from .errors import WorkshopkitError
from .loader import load_file


def _fail(error: WorkshopkitError) -> None:
    for line in error.lines():
        click.echo(line, err=True)
    sys.exit(2)


@click.group()
@click.version_option(package_name="workshopkit")
def main() -> None:
    """Print-ready Thai workshop material from one YAML definition."""


@main.command("results-template")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("out/results-template.csv"), show_default=True)
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path),
              help="Participants (.csv or .xlsx): a row each, with their code and name.")
@click.option("--round", "round_number", type=click.IntRange(1, 9), default=1, show_default=True)
def results_template(file: Path, out: Path, roster: Path | None, round_number: int) -> None:
    """Write the CSV to type paper self-assessments into."""
    try:
        rows = pack.write_results_template(file, out, roster, round_number)
    except WorkshopkitError as error:
        _fail(error)
        return
    click.echo(f"{out}: {rows} rows to fill in")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("responses", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder that receives <workshop-id>/results.pdf and .docx.")
@click.option("--per-participant", is_flag=True, help="Add a page per participant against the group.")
def results(file: Path, responses: tuple[Path, ...], out: Path, per_participant: bool) -> None:
    """Report on filled self-assessments (typed-in CSV, Excel, or a Google Forms export).
    Give two files for two rounds, or one with a round column."""
    try:
        built = pack.build_results(file, responses, out, per_participant=per_participant)
    except WorkshopkitError as error:
        _fail(error)
        return
    for warning in built.warnings:
        click.echo(warning, err=True)
    for entry in built.entries:
        click.echo(str(built.folder / entry.path))


def _progress():
    """A bar on a terminal; on a log, a line now and then."""
    last = [0]

    def report(done: int, total: int) -> None:
        if sys.stderr.isatty():
            width = 30
            filled = width * done // total
            click.echo(f"\r  participants [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
                       err=True, nl=done == total)
        elif done == total or done - last[0] >= max(1, total // 10):
            last[0] = done
            click.echo(f"  participants rendered: {done}/{total}", err=True)
    return report


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--fix", is_flag=True,
              help="Correct Thai typing errors in place (the original is kept as FILE.bak).")
def validate(files: tuple[Path, ...], fix: bool) -> None:
    """Check definitions and report every problem at once; Thai typing errors are warnings."""
    failed = False
    for file in files:
        try:
            if fix:
                fixed = _fix(file)
                if fixed:
                    click.echo(fixed)
            read_workshop(file)
        except WorkshopkitError as error:
            failed = True
            for line in error.lines():
                click.echo(line, err=True)
            continue
        for warning in thai_lint.lint(load_file(file)):
            click.echo(str(warning), err=True)
        click.echo(f"{file}: ok")
    sys.exit(2 if failed else 0)


def _fix(file: Path) -> str:
    text, count = thai_lint.fix(load_file(file))
    if not count:
        return ""
    backup = pack.rewrite_source(file, text)
    return f"{file}: fixed {count} Thai typing error{'s' if count > 1 else ''} (original kept as {backup})"


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder that receives <workshop-id>/.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "all"]), default="all",
              show_default=True, help="PDF to print, DOCX to edit in Word or LibreOffice, or both.")
@click.option("--no-embed-fonts", is_flag=True,
              help="Leave the Thai font out of DOCX files: smaller, but it must be installed to print.")
@click.option("--roster", type=click.Path(dir_okay=False, path_type=Path),
              help="Participants (.csv or .xlsx): personal sheets in one print job, names to sign in.")
@click.option("--participants", type=click.IntRange(1, 5000),
              help="How many take part, without a roster: copies and blank sign-in rows.")
def build(file: Path, out: Path, fmt: str, no_embed_fonts: bool, roster: Path | None,
          participants: int | None) -> None:
    """Build the print pack of a workshop definition."""
    formats = pack.FORMATS if fmt == "all" else (fmt,)
    try:
        result = pack.build(file, out, formats, embed_fonts=not no_embed_fonts, roster=roster,
                            participants=participants, progress=_progress())
    except WorkshopkitError as error:
        _fail(error)
        return
    for warning in result.warnings:
        click.echo(warning, err=True)
    click.echo(f"{result.folder}")
    for entry in result.entries:
        pages = f"{entry.pages:>3} pages" if entry.pages is not None else " " * 9
        click.echo(f"  {entry.path:<28} {pages}  {entry.audience:<12} x{entry.copies}")
