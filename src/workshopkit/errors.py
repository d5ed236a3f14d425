"""The toolkit's exception family: every failure a user can cause is a WorkshopkitError.

The CLI turns these into `file:line:column: field.path: message` lines and exit status 2;
anything else reaching the CLI is a bug (exit status 1).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in a definition."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


def at(file: object, line: int, column: int, message: str) -> Problem:
    """A problem in a sheet (a roster, a responses file) at `row`:`column`, or in a file at
    `line`:`column` where no field path applies."""
    return Problem(str(file), line, column, "", message)


class WorkshopkitError(Exception):
    """Base of every error the user can fix."""

    # what reading found besides the error (Thai typing warnings), said with it
    warnings: list[Problem] = []  # never mutated: a DefinitionError sets its own

    def lines(self) -> list[str]:
        """The error as the lines the command prints."""
        return [str(self)]


class DefinitionError(WorkshopkitError):
    """A workshop definition has one or more problems; all of them are carried."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.path))
        self.warnings = warnings or []  # what reading found besides (Thai typing errors)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):  # errors cross from the render worker to the build by pickle
        return type(self), (self.problems, self.warnings)

    def lines(self) -> list[str]:
        """Each problem as a `file:line:column: field.path: message` line."""
        return [str(p) for p in self.problems]


class DataFileError(WorkshopkitError):
    """A roster or a responses file has problems, each at `file:row:column`, in the order found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self):
        return type(self), (self.problems,)

    def lines(self) -> list[str]:
        """Each problem as a `file:row:column: message` line."""
        return [str(p) for p in self.problems]


class RenderError(WorkshopkitError):
    """Rendering produced a warning (missing glyph, refused fetch) or failed."""


class OutputError(WorkshopkitError):
    """An output path is unusable (outside the output folder, not writable)."""


class RosterError(DataFileError):
    """A roster has problems, each at `file:row:column`."""


class ResultsError(DataFileError):
    """A responses file has problems, each at `file:row:column`."""


class TemplateProblem(RenderError):
    """An organiser's template failed to compile or to render; carries where."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))

    def __reduce__(self):
        return type(self), (self.problem,)


class UnsupportedWeasyPrint(RenderError):
    """A WeasyPrint the Thai text fix was not checked against."""


class ScanError(WorkshopkitError):
    """Scans that cannot be read at all (not a PDF or an image, no page of the form), a line
    for each file or page and why. A page not matched among pages read is no error: it goes
    to review."""

    def __init__(self, lines: list[str] | str):
        self.reasons = [lines] if isinstance(lines, str) else lines
        super().__init__("\n".join(self.reasons))
