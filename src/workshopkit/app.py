"""On top of the stages: the use cases the command line and the studio share.

Each takes paths and options, does one thing a facilitator asks for, and either returns what
came of it or raises a WorkshopkitError with every problem located. Nothing here prints or
parses arguments (cli.py does), and nothing here writes a file itself (output.py does).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from . import library, model, output, pack, thai_lint
from .definition import check_text, read_workshop
from .errors import WorkshopkitError
from .loader import load_file
from .schema import SCHEMA_FILE, workshop_schema
from .terminal import field_lines

FORMATS = pack.FORMATS
build = pack.build
build_results = pack.build_results
results_template = pack.write_results_template
read = read_workshop
shipped = library.shipped


@dataclass
class Checked:
    """What validating one definition found."""

    file: Path
    workshop: model.Workshop | None  # None when it has problems
    problems: list[str] = field(default_factory=list)  # file:line:column lines
    warnings: list[str] = field(default_factory=list)  # Thai typing errors, at their character
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
        checked.workshop = read_workshop(file)
    except WorkshopkitError as error:
        checked.problems = error.lines()
        return checked
    checked.warnings = [str(w) for w in thai_lint.lint(load_file(file))]
    return checked


def _fix(file: Path) -> str:
    text, count = thai_lint.fix(load_file(file))
    if not count:
        return ""
    backup = output.rewrite_source(file, text)
    return f"{file}: fixed {count} Thai typing error{'s' if count > 1 else ''} (original kept as {backup})"


def new(name: str, source: str | None, folder: Path) -> Path:
    """NAME.yaml in `folder`, a definition that validates and stands on its own, started from a
    shipped workshop or a definition file; nothing is written when it would not validate."""
    path = folder / f"{name}.yaml"
    if path.exists():
        raise WorkshopkitError(f"{path} exists already; choose another name")
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
