"""Stages 1+2 joined: a definition file -> a validated Workshop, or every problem, located.

pydantic reports errors by field path; the loader knows where each path stood in the
file. This module joins the two and rewrites pydantic's messages into ones a trainer
editing YAML can act on.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import qr
from ..errors import DefinitionError, Problem
from ..paper.page import LINE_MM, content_width
from ..resources import FONT_FAMILY, font_coverage
from . import fit as layout
from . import model, thai_lint
from .loader import Located, Path_, load_text
from .reuse import load_definition

MAX_LOGO_PIXELS = 25_000_000  # 5000 x 5000: sharp at any size on A4, and a few MB decoded


def read_workshop(path: Path, roster_columns: set[str] | None = None) -> model.Workshop:
    """The validated workshop; with `roster_columns`, survey placeholders must be among them."""
    return _checked(load_definition(path), path, roster_columns)


@dataclass(frozen=True)
class Read:
    """A definition read: the workshop, and what the trainer should know besides."""

    workshop: model.Workshop
    warnings: list[Problem]  # Thai typing errors in every file read, advice on the agenda


def read_definition(path: Path, roster_columns: set[str] | None = None) -> Read:
    """The validated workshop with its warnings, every file read once; a DefinitionError
    carries the Thai typing warnings too, so that they reach the trainer with the problems."""
    located = load_definition(path)
    typing = [w for source in located.sources or [located] for w in thai_lint.lint(source)]
    try:
        workshop = _checked(located, path, roster_columns)
    except DefinitionError as error:
        raise DefinitionError(error.problems, typing) from None
    return Read(workshop, [*typing, *advice(located, workshop)])


def advice(located: Located, workshop: model.Workshop) -> list[Problem]:
    """Warnings on a valid agenda: an activity whose `minutes` differ from the time the agenda
    gives it, an activity that no agenda item uses."""
    given: dict[str, int] = {}
    for day in workshop.agenda.days:
        for item, slot in zip(day.items, day.slots(), strict=True):
            if item.activity:
                given[item.activity] = given.get(item.activity, 0) + ((slot.end or slot.start) - slot.start)
    out = []
    for index, activity in enumerate(workshop.activities):
        if activity.id not in given:
            out.append(located.problem(("activities", index, "id"),
                                       f"warning: no agenda item uses activity '{activity.id}'"))
        elif activity.minutes and activity.minutes != given[activity.id] and given[activity.id]:
            out.append(located.problem(("activities", index, "minutes"), (
                f"warning: the activity takes {activity.minutes} minutes, the agenda gives it "
                f"{given[activity.id]}")))
    return out


def check_text(text: str, path: Path) -> model.Workshop:
    """A definition's text validated as if it were saved at `path` (its logo and templates
    beside it), before anything is written there."""
    return _checked(load_text(text.encode("utf-8"), str(path)), path, None)


def _checked(located: Located, path: Path, roster_columns: set[str] | None) -> model.Workshop:
    workshop = validate(located, default_id=_id_from_name(path.stem), roster_columns=roster_columns)
    problems = list(_source_problems(located, workshop.theme, path.parent.resolve()))
    problems += _page_problems(located, workshop)
    problems += _link_problems(located, workshop)
    if problems:
        raise DefinitionError(problems)
    return workshop


def _source_problems(located: Located, theme: model.Theme, folder: Path) -> Iterator[Problem]:
    """The theme's files must be in the definition's folder, where the renderer may read."""
    for field, name, kind in (("logo", theme.logo, "file"), ("templates", theme.templates, "folder")):
        if not name:
            continue
        target = (folder / name).resolve()
        if not target.is_relative_to(folder):
            yield located.problem(("theme", field),
                                  f"the {field} must be a {kind} in the definition's folder")
        elif not (target.is_file() if kind == "file" else target.is_dir()):
            yield located.problem(("theme", field), f"no {kind} '{name}' beside the definition")
        elif kind == "folder":
            yield from _template_problems(located, target)
        else:
            yield from _logo_problems(located, target)


def _page_problems(located: Located, workshop: model.Workshop) -> list[Problem]:
    """Tables that fit no page and writing space taller than a page: printed, they would lose
    columns or rows without a word, so they are refused where they stand."""
    scale = workshop.theme.scale
    problems = []
    for w, sheet in enumerate(workshop.worksheets):
        orientation = layout.sheet_orientation(sheet, scale)
        most = layout.writing_lines_fit(orientation)
        for b, block in enumerate(sheet.blocks):
            where: Path_ = ("worksheets", w, "blocks", b)
            if isinstance(block, model.TableBlock):
                problems += _table_problems(located, where, block, orientation, scale)
            elif isinstance(block, model.QuestionsBlock):
                problems += [located.problem(where + ("items", q, "lines"), _too_tall(item.lines, most))
                             for q, item in enumerate(block.items) if item.lines > most]
            elif isinstance(block, (model.BoxBlock, model.GridBlock)) and block.lines > most:
                problems.append(located.problem(where + ("lines",), _too_tall(block.lines, most)))
    return problems


def _link_problems(located: Located, workshop: model.Workshop) -> list[Problem]:
    """Every link printed as a QR code must fit one that a phone reads from paper."""
    links: list[tuple[Path_, str]] = [(("surveys", i, "url"), s.url) for i, s in enumerate(workshop.surveys)]

    def media(items: list[model.Media], where: Path_) -> None:
        for index, item in enumerate(items):
            if item.url:
                links.append((where + (index, "url"), item.url))
            media(item.items, where + (index, "items"))

    for a, activity in enumerate(workshop.activities):
        media(activity.media, ("activities", a, "media"))
    return [located.problem(where, message) for where, url in links
            if (message := qr.problem(url))]


def _table_problems(located: Located, where: Path_, block: model.TableBlock, orientation: str,
                    scale: float) -> list[Problem]:
    fit = layout.fit_table(block, orientation, scale)  # type: ignore[arg-type]
    if fit is None:
        need = layout.minimum_width(block, numbered=True, scale=scale)
        return [located.problem(where, f"the table's {len(block.columns) + 1} columns do not fit on "
                                       f"a page, even landscape with numbered headings: they need "
                                       f"at least {need:.0f} mm, a landscape page has "
                                       f"{content_width('landscape'):.0f} mm; split it into two "
                                       f"tables or shorten the longest words of its headings")]
    most = layout.writing_lines_fit(fit.orientation)
    problems = []
    if block.lines > most:
        problems.append(located.problem(where + ("lines",), _too_tall(block.lines, most)))
    for r, row in _rows_with_paths(block.rows, ("rows",)):
        if row.lines > most:
            problems.append(located.problem(where + r + ("lines",), _too_tall(row.lines, most)))
    return problems


def _rows_with_paths(rows: list[model.Row], prefix: Path_) -> Iterator[tuple[Path_, model.Row]]:
    for index, row in enumerate(rows):
        yield prefix + (index,), row
        yield from _rows_with_paths(row.rows, prefix + (index, "rows"))


def _too_tall(lines: int, most: int) -> str:
    return (f"{lines} lines of writing are {lines * LINE_MM:.0f} mm, taller than a page can hold "
            f"with a heading; use at most {most}")


def _logo_problems(located: Located, logo: Path) -> Iterator[Problem]:
    """A logo from someone else is read like one: its header only, before anything decodes
    it, so a small file that unpacks to gigabytes (a decompression bomb) is refused here."""
    if logo.suffix.lower() == ".svg":
        return  # drawn by WeasyPrint, through the restricted fetcher like any SVG
    from PIL import Image, UnidentifiedImageError  # only when there is a logo

    where = ("theme", "logo")
    try:
        with Image.open(logo) as image:
            (width, height), kind = image.size, image.format
    except Image.DecompressionBombError as exc:  # Pillow's own, far larger limit
        size = re.search(r"\((\d+) pixels\)", str(exc))
        count = f"{int(size[1]):,} pixels" if size else "more pixels than Pillow opens"
        yield located.problem(where, f"the logo has {count} (a decompression bomb?); the limit "
                                     f"is {MAX_LOGO_PIXELS:,} pixels")
        return
    except (UnidentifiedImageError, OSError):
        yield located.problem(where, f"'{logo.name}' is not a PNG, JPEG or SVG image")
        return
    if kind not in ("PNG", "JPEG"):
        yield located.problem(where, f"'{logo.name}' is a {kind} image; use PNG, JPEG or SVG")
    elif width * height > MAX_LOGO_PIXELS:
        yield located.problem(where, f"the logo is {width} x {height} pixels; the limit is "
                                     f"{MAX_LOGO_PIXELS:,} pixels")


def _template_problems(located: Located, folder: Path) -> Iterator[Problem]:
    from ..templating import DOCUMENT, STYLESHEET, check_folder  # Jinja2 only when asked

    if not (folder / DOCUMENT).exists() and not (folder / STYLESHEET).exists():
        yield located.problem(("theme", "templates"),
                              f"the folder has neither {DOCUMENT} nor {STYLESHEET} to use")
    yield from check_folder(folder)


def validate(located: Located, default_id: str | None = None,
             roster_columns: set[str] | None = None) -> model.Workshop:
    """The model of already-loaded data, with every problem located at once."""
    data = located.data
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise DefinitionError([located.problem(
            (), f"a workshop definition is a mapping of fields, not {kind}")])
    context = {
        "activities": _ids(data.get("activities")),
        "surveys": _ids(data.get("surveys")),
        "roster_columns": roster_columns,
    }
    problems = list(_glyph_problems(located))
    try:
        workshop = model.Workshop.model_validate(data, context=context)
    except ValidationError as exc:
        problems += _folded(located, [dict(error) for error in exc.errors()])
    if problems:
        raise DefinitionError(problems)
    if workshop.id is None and default_id:
        workshop = workshop.model_copy(update={"id": default_id})
    return workshop


def _glyph_problems(located: Located) -> Iterator[Problem]:
    """Every character the bundled fonts cannot draw, where it stands: printed, it would be a
    box, or whatever font the printing machine happens to have."""
    coverage = font_coverage()
    for path, value in _strings(located.data, ()):
        missing = sorted({c for c in value if not c.isspace() and ord(c) not in coverage})
        if missing:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
            yield located.problem(path, f"the bundled font ({FONT_FAMILY}) cannot print {shown}")


def _strings(value: Any, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def _ids(items: Any) -> set[str]:
    if not isinstance(items, list):
        return set()
    return {str(item["id"]) for item in items if isinstance(item, dict) and "id" in item}


def _id_from_name(stem: str) -> str:
    """The output folder's name for a definition without `id:`: its file name in a-z, 0-9, -
    and _; a name in Thai (or anything else a folder name here leaves out) gets a short hash
    of the whole name, so that เวทีที่1.yaml and เวทีที่2.yaml never share a folder."""
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in stem.lower())
    cleaned = cleaned.strip("-_")
    if all(c.isascii() for c in stem) and cleaned:
        return cleaned
    digest = hashlib.sha256(unicodedata.normalize("NFC", stem).encode("utf-8")).hexdigest()[:8]
    return f"{cleaned or 'workshop'}-{digest}"


_CONSEQUENCES = {"activities": "activity", "surveys": "survey"}  # a list and what refers to it


def _folded(located: Located, errors: list[dict[str, Any]]) -> list[Problem]:
    """Each error as a problem, a misspelled field with what it causes folded into its
    message: `objectivs:` with the `objectives` it leaves missing, and a misspelled top-level
    list (`activites:`) with every reference to the list it hides."""
    problems = []
    for error in list(errors):
        loc = error["loc"]
        if error["type"] != "extra_forbidden" or error not in errors:
            continue
        missing = {e["loc"][-1]: e for e in errors if e["type"] == "missing" and e["loc"][:-1] == loc[:-1]}
        meant = _nearest(str(loc[-1]), [str(m) for m in missing])
        if meant is None and len(loc) == 1:
            meant = _nearest(str(loc[0]), list(_CONSEQUENCES))
        if meant is None:
            continue
        caused = [missing[meant]] if meant in missing else []
        if len(loc) == 1 and meant in _CONSEQUENCES:
            caused += [e for e in errors if e["type"] == "unknown_ref"
                       and e["ctx"]["kind"] == _CONSEQUENCES[meant]]
        references = sum(e["type"] == "unknown_ref" for e in caused)
        also = f" Until it is, {references} reference{'s' if references > 1 else ''} to " \
               f"{_CONSEQUENCES[meant]} ids cannot be found." if references else ""
        path = _data_path(located.data, loc)
        problems.append(located.problem(path, f"unknown field '{loc[-1]}'; did you mean '{meant}'?{also}",
                                        key=True))
        errors = [e for e in errors if e is not error and not any(e is c for c in caused)]
    return problems + [_problem(located, error) for error in errors]


def _nearest(word: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.7)
    return close[0] if close else None


def _problem(located: Located, error: dict[str, Any]) -> Problem:
    path = _data_path(located.data, error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if "index" in ctx and "field" in ctx:
        # A list-level check (agenda times, duplicate ids) names the item it is about.
        path = path + ((ctx["list"],) if "list" in ctx else ()) + (ctx["index"], ctx["field"])
    elif "key" in ctx:  # a mapping-level check names its key
        path = path + (ctx["key"],)
        if ctx.get("at_key"):
            return located.problem(path, _message(error, located.data, path), key=True)
    elif "field" in ctx:  # a model-level check names its field
        path = path + (ctx["field"],)
    if kind == "extra_forbidden":
        split = _split_by_comma(located, path)
        return located.problem(path, split or _unknown_field(path[-1]), key=True)
    return located.problem(path, _message(error, located.data, path))


def _split_by_comma(located: Located, path: Path_) -> str | None:
    """A key without a value that follows a comma inside `{...}`: the comma split the text
    before it (`{title: ประชุม, สรุปผล, minutes: 30}`)."""
    if path not in located.keys or located.data_at(path) is not None:
        return None
    line, column = located.keys[path]
    source = located.text.split("\n")[line - 1] if located.text else ""
    before = source[:column - 1].rstrip()
    found = re.search(r"([^\s{,:]+):\s*([^{},:]*),$", before)
    if not before.endswith(",") or not found:
        return None
    key, text = found.group(1), f"{found.group(2).strip()}, {path[-1]}"
    return (f"a comma inside {{...}} split the text of '{key}' in two; put the whole text in "
            f"quotes: {key}: \"{text}\"")


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """pydantic's loc with the names it inserts for unions and validators removed."""
    out: list[str | int] = []
    current = data
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(current, dict):
            if part in current:
                out.append(part)
                current = current[part]
            elif last or isinstance(part, str) and not _is_tag(part):
                out.append(part)
                current = None
        elif isinstance(current, list) and isinstance(part, int):
            out.append(part)
            current = current[part] if part < len(current) else None
        elif current is None and not _is_tag(str(part)):
            out.append(part)
    return tuple(out)


_TAGS = {"instructions", "text", "questions", "table", "box", "grid", "fields",
         "function-before", "function-after", "str", "int", "list[str]", "none"}


def _is_tag(part: str) -> bool:
    return part in _TAGS or part.startswith(("function-", "lax-", "json-"))


def _unknown_field(name: Any) -> str:
    close = difflib.get_close_matches(str(name), _FIELD_NAMES, n=1, cutoff=0.7)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown field '{name}'{hint}"


def _field_names() -> list[str]:
    names: set[str] = set()
    for value in vars(model).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            names.update(value.model_fields)
    return sorted(names)


_FIELD_NAMES = _field_names()

_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
               list: "a list", dict: "a mapping", type(None): "nothing"}


def _describe(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _message(error: dict[str, Any], data: Any, path: Path_) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind in ("string_type", "str_type"):
        if path and path[-1] in ("start", "at") and isinstance(value, int):
            return "write clock times in quotes, like \"08:30\""
        return f"expected text, got {_describe(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_describe(value)}"
    if kind in ("list_type",):
        return f"expected a list, got {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields, got {_describe(value)}"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tags = re.findall(r"'([^']+)'", str(ctx.get("expected_tags")))
        meant = _nearest(str(ctx.get("tag")), tags)
        hint = f"; did you mean '{meant}'?" if meant else f"; expected one of {ctx.get('expected_tags')}"
        return f"unknown block type '{ctx.get('tag')}'{hint}"
    if kind in ("literal_error", "enum") and isinstance(value, str):
        options = re.findall(r"'([^']+)'", str(error.get("ctx", {}).get("expected")))
        meant = _nearest(value, options)
        if meant:
            return f"'{value}' is not one of {', '.join(options)}; did you mean '{meant}'?"
    if kind == "union_tag_not_found":
        return "a block needs a 'type' (instructions, text, questions, table, box, grid, fields)"
    if kind == "too_short" and isinstance(value, list):
        least = error["ctx"]["min_length"]
        return f"needs at least {least} {'entry' if least == 1 else 'entries'}"
    if kind == "too_long" and isinstance(value, list):
        return f"has {len(value)} entries; at most {error['ctx']['max_length']} allowed"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch" and path and path[-1] in ("id", "activity"):
        return f"'{value}' is not a valid id (lower-case letters, digits, '-' and '_')"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return message[:1].lower() + message[1:]
