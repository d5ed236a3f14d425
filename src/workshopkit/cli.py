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
