"""Beside the flow: the Jinja2 templates the PDF writer draws with, bundled or an organiser's
own, read safely; the definition's validation parses an organiser's folder with it too.

An organiser's folder (`theme.templates`) is read like any file from someone else: only files
inside it, no link out of it, UTF-8, a size limit. Every template runs in Jinja2's sandbox,
with `*` and `**` bounded, and is compiled without Jinja2's optimizer: its constant folding
would run template code while compiling, outside the template's lines (so an error there
could not be located) and in whichever process compiles. An error in a template is reported
as `file:line:column: message`.
A template compiled by an earlier build is loaded as it was compiled (`Compiled`, kept in the
user's cache like the fits): compiling the bundled ones took each render process 0.1 s.
Nothing here imports WeasyPrint: `validate` checks a folder's templates without it.
"""
from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from .errors import Problem, RenderError, TemplateProblem
from .i18n import _

DOCUMENT = "document.html.j2"
BLOCKS = "blocks.html.j2"  # one macro per block kind
STYLESHEET = "print.css"
BUILTIN = "workshopkit/"  # `{% extends "workshopkit/document.html.j2" %}` reaches the bundled one
MAX_TEMPLATE_BYTES = 256 * 1024
MAX_PRODUCT = 100_000  # items a `*` may make; `range` has the sandbox's own limit
MAX_EXPONENT = 64


class Sandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise jinja2.exceptions.SecurityError(
                f"an exponent of {right} is over the limit of {MAX_EXPONENT}")
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if isinstance(sequence, str | list | tuple) and isinstance(times, int) \
                        and len(sequence) * times > MAX_PRODUCT:
                    raise jinja2.exceptions.SecurityError(
                        f"repeating makes {len(sequence) * times} items; the limit is {MAX_PRODUCT}")
        return super().call_binop(context, operator, left, right)


class FolderLoader(jinja2.BaseLoader):
    """The organiser's folder first, then the bundled templates; `workshopkit/` names the
    bundled ones only."""

    def __init__(self, builtin: Path, custom: Path | None):
        self.builtin = builtin.resolve()
        self.custom = custom.resolve() if custom else None

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        if template.startswith(BUILTIN):
            roots, name = [self.builtin], template[len(BUILTIN):]
        else:
            roots, name = [r for r in (self.custom, self.builtin) if r], template
        for root in roots:
            path = _inside(root, name)
            if path:
                return read_template(path), str(path), lambda: True
        raise jinja2.TemplateNotFound(template)


def read_template(path: Path) -> str:
    """A template's text, read like any file from someone else: UTF-8 and bounded."""
    size = path.stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        raise jinja2.exceptions.SecurityError(
            _("'{name}' is {size} bytes; the limit for a template is {limit} bytes").format(
                name=path.name, size=size, limit=MAX_TEMPLATE_BYTES))
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise jinja2.TemplateError(_("'{name}' is not UTF-8 text (byte {byte})").format(
            name=path.name, byte=exc.start))


def read_stylesheet(folder: Path) -> tuple[Path, str] | None:
    """The folder's print.css and its text, if it has one inside it."""
    try:
        path = _inside(folder.resolve(), STYLESHEET)
        return (path, read_template(path)) if path else None
    except jinja2.TemplateError as exc:
        raise RenderError(f"{shown(folder / STYLESHEET)}: {exc.message}")


def _inside(root: Path, name: str) -> Path | None:
    path = root.joinpath(*split_template_path(name))  # refuses `..`
    if not os.path.lexists(path):
        return None
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise jinja2.exceptions.SecurityError(_("'{name}' leads outside the templates folder").format(
            name=name))
    return resolved if resolved.is_file() else None


class Compiled(jinja2.BytecodeCache):
    """Templates as earlier builds compiled them (`known`, by Jinja's key for a template's name
    and file), loaded when Jinja finds the template's text unchanged; what is compiled here is
    in `new`, for the next build."""

    def __init__(self, known: Mapping[str, str] | None = None):
        self.known = dict(known or {})
        self.new: dict[str, str] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """The compiled template, when one was kept (Jinja drops it if its text has changed)."""
        kept = self.known.get(bucket.key)
        if kept is not None:
            bucket.bytecode_from_string(base64.b64decode(kept))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """A template compiled here, kept for the next build."""
        self.new[bucket.key] = base64.b64encode(bucket.bytecode_to_string()).decode("ascii")

    def held(self) -> dict[str, str]:
        """Every compiled template this cache holds, given or made here: for the processes a
        render starts afresh (the print run's), which would compile them again."""
        return {**self.known, **self.new}


def environment(custom: Path | None, builtin: Path, compiled: Compiled | None = None) -> Sandbox:
    # Sandboxed: templates are data from whoever made them, and must not reach Python.
    """The sandboxed Jinja2 environment of an organiser's folder (first) and the bundled templates,
    loading and keeping compiled templates in `compiled`."""
    return Sandbox(loader=FolderLoader(builtin, custom), autoescape=True, bytecode_cache=compiled,
                   undefined=jinja2.StrictUndefined, auto_reload=False, optimized=False)


def located(error: BaseException, custom: Path | None, builtin: Path) -> TemplateProblem | None:
    """The error as a located problem when it arose in a template: any error in the
    organiser's (at their own line, even when a bundled macro they called raised it), a
    template error in a bundled one. None means a bug of ours."""
    frames = _template_frames(error, [r.resolve() for r in (custom, builtin) if r])
    own = [f for f in frames if custom is not None and Path(f[0]).resolve().is_relative_to(custom.resolve())]
    if own:
        file, line = own[-1]
    elif frames and isinstance(error, jinja2.TemplateError):
        file, line = frames[-1]
    else:
        return None
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    if isinstance(error, MemoryError):
        message = "needs more memory than a render may take (--max-memory)"
    elif isinstance(error, jinja2.TemplateNotFound):
        message = f"no template '{error.name}' inside the templates folder or among the bundled ones"
    elif not isinstance(error, jinja2.TemplateError):
        message = f"{type(error).__name__}: {message}"
    return TemplateProblem(_problem(file, line, message))


def check_folder(folder: Path) -> list[Problem]:
    """Every template in the organiser's folder parses; found without compiling, so no
    template code runs here."""
    env = environment(folder, folder)
    problems = []
    for path in sorted(_templates(folder)):
        try:
            env.parse(read_template(path), path.name, str(path))
        except jinja2.TemplateError as exc:
            problems.append(_problem(str(path), getattr(exc, "lineno", None) or 1,
                                     exc.message or str(exc)))
    return problems


def _problem(file: str, line: int, message: str) -> Problem:
    return Problem(shown(file), line, _column(file, line, message), "", message.rstrip("."))


def _templates(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*.j2"):
        if not path.resolve().is_relative_to(folder.resolve()):
            continue  # reported when included; refused either way
        yield path


def _template_frames(error: BaseException, roots: list[Path]) -> list[tuple[str, int]]:
    """(file, line) of each template the error passed through, outermost first."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return [(error.filename, error.lineno)]
    frames = []
    traceback: TracebackType | None = error.__traceback__
    while traceback:  # Jinja2 rewrites template frames to name the template file and line
        filename = traceback.tb_frame.f_code.co_filename
        if any(Path(filename).is_relative_to(root) for root in roots):
            frames.append((filename, traceback.tb_lineno))
        traceback = traceback.tb_next
    return frames


def _column(file: str, line: int, message: str) -> int:
    try:
        text = Path(file).read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, UnicodeDecodeError, IndexError):
        return 1
    for name in re.findall(r"'([^']+)'", message):  # the attribute or name the message quotes
        if name == "}":  # a stray brace, not one closing a tag
            stray = re.search(r"(?<![}%])}(?!})", text)
            if stray:
                return stray.start() + 1
        for candidate in (name, name.split(".")[-1]):
            if candidate and candidate in text:
                return text.index(candidate) + 1
    tags = [i for i in (text.find("{{"), text.find("{%")) if i >= 0]
    return min(tags) + 1 if tags else 1


def shown(file: str | Path) -> str:
    """A template's path as messages show it: inside its folder."""
    relative = os.path.relpath(file)
    return relative if not relative.startswith("..") else str(file)


def block_drawings(env: jinja2.Environment, kinds: Iterable[str]) -> dict[str, Callable[..., Any]]:
    """The bundled macro drawing each block kind; refuses to start without one for every kind,
    so that a block type the template does not know fails here and never prints as nothing."""
    module = env.get_template(BUILTIN + BLOCKS).module
    drawings = {kind: getattr(module, kind, None) for kind in kinds}
    missing = sorted(kind for kind, drawing in drawings.items() if not callable(drawing))
    if missing:
        raise RenderError(f"{BLOCKS} has no macro for the block kind{'s' if len(missing) > 1 else ''} "
                          f"{', '.join(missing)}")
    return drawings  # type: ignore[return-value]
