"""Stages 1+2 joined: a definition file -> a validated Workshop, or every problem, located.

pydantic reports errors by field path; the loader knows where each path stood in the
file. This module joins the two and rewrites pydantic's messages into ones a trainer
editing YAML can act on.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import qr
from ..errors import DefinitionError, Problem
from ..i18n import N_, _
from ..paper.measure import lines_needed
from ..paper.page import (
    BADGE_CELLS,
    BADGE_PADDING_MM,
    BADGE_TITLE_LINES,
    BADGE_TITLE_PT,
    LINE_MM,
    content_width,
)
from ..resources import FONT_FAMILY, unprintable
from . import fit as layout
from . import model, thai_lint
from .loader import Located, Path_, load_text
from .messages import folded
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
            out.append(located.problem(("activities", index, "id"), _(
                "warning: no agenda item uses activity '{id}'").format(id=activity.id)))
        elif activity.minutes and activity.minutes != given[activity.id] and given[activity.id]:
            out.append(located.problem(("activities", index, "minutes"), _(
                "warning: the activity takes {minutes} minutes, the agenda gives it {given}").format(
                    minutes=activity.minutes, given=given[activity.id])))
    return out


def check_text(text: str, path: Path) -> model.Workshop:
    """A definition's text validated as if it were saved at `path` (its logo and templates
    beside it), before anything is written there."""
    return _checked(load_text(text.encode("utf-8"), str(path)), path, None)


def _checked(located: Located, path: Path, roster_columns: set[str] | None) -> model.Workshop:
    workshop = validate(located, default_id=_id_from_name(path.stem), roster_columns=roster_columns)
    problems = list(_source_problems(located, workshop, path.parent.resolve()))
    problems += _page_problems(located, workshop)
    problems += _link_problems(located, workshop)
    if problems:
        raise DefinitionError(problems)
    return workshop


def _source_problems(located: Located, workshop: model.Workshop, folder: Path) -> Iterator[Problem]:
    """The files a definition names (logo, templates, signatures) must be in its folder,
    where the renderer may read."""
    theme = workshop.theme
    named: list[tuple[Path_, str | None, str]] = [(("theme", "logo"), theme.logo, N_("file")),
                                                  (("theme", "templates"), theme.templates, N_("folder"))]
    if workshop.certificate:
        named += [(("certificate", "signers", i, "signature"), s.signature, N_("file"))
                  for i, s in enumerate(workshop.certificate.signers)]
    for where, name, kind in named:
        if not name:
            continue
        field = str(where[-1])
        target = (folder / name).resolve()
        if not target.is_relative_to(folder):
            yield located.problem(where, _(
                "the {field} must be a {kind} in the definition's folder").format(field=field, kind=_(kind)))
        elif not (target.is_file() if kind == "file" else target.is_dir()):
            yield located.problem(where, _("no {kind} '{name}' beside the definition").format(
                kind=_(kind), name=name))
        elif kind == "folder":
            yield from _template_problems(located, target)
        else:
            yield from _logo_problems(located, target, where)


def _page_problems(located: Located, workshop: model.Workshop) -> list[Problem]:
    """Tables that fit no page and writing space taller than a page: printed, they would lose
    columns or rows without a word, so they are refused where they stand; likewise a title
    too long for a name badge."""
    scale = workshop.theme.scale
    problems = []
    if workshop.badges:
        title = workshop.badges.title or workshop.title
        width = BADGE_CELLS[workshop.badges.per_sheet][1] - 2 * BADGE_PADDING_MM
        if lines_needed(title, width, BADGE_TITLE_PT) > BADGE_TITLE_LINES:
            at_badges: Path_ = ("badges", "title") if workshop.badges.title else ("badges",)
            problems.append(located.problem(at_badges, _(
                "the title takes more than {lines} lines on a name badge; give the badges a short "
                "title (badges.title)").format(lines=BADGE_TITLE_LINES)))
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
        return [located.problem(where, _(
            "the table's {columns} columns do not fit on a page, even landscape with numbered "
            "headings: they need at least {need} mm, a landscape page has {room} mm; split it into "
            "two tables or shorten the longest words of its headings").format(
                columns=len(block.columns) + 1, need=f"{need:.0f}",
                room=f"{content_width('landscape'):.0f}"))]
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
    return _("{lines} lines of writing are {height} mm, taller than a page can hold with a "
             "heading; use at most {most}").format(lines=lines, height=f"{lines * LINE_MM:.0f}", most=most)


def _logo_problems(located: Located, logo: Path, where: Path_) -> Iterator[Problem]:
    """A logo from someone else is read like one: its header only, before anything decodes
    it, so a small file that unpacks to gigabytes (a decompression bomb) is refused here."""
    if logo.suffix.lower() == ".svg":
        return  # drawn by WeasyPrint, through the restricted fetcher like any SVG
    from PIL import Image, UnidentifiedImageError  # only when there is a logo

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
        yield located.problem(("theme", "templates"), _(
            "the folder has neither {document} nor {stylesheet} to use").format(
                document=DOCUMENT, stylesheet=STYLESHEET))
    yield from check_folder(folder)


def validate(located: Located, default_id: str | None = None,
             roster_columns: set[str] | None = None) -> model.Workshop:
    """The model of already-loaded data, with every problem located at once."""
    data = located.data
    if not isinstance(data, dict):
        kind = _("a list") if isinstance(data, list) else _("a single value")
        raise DefinitionError([located.problem(
            (), _("a workshop definition is a mapping of fields, not {kind}").format(kind=kind))])
    context = {
        "activities": _ids(data.get("activities")),
        "surveys": _ids(data.get("surveys")),
        "roster_columns": roster_columns,
    }
    problems = list(_glyph_problems(located))
    try:
        workshop = model.Workshop.model_validate(data, context=context)
    except ValidationError as exc:
        problems += folded(located, [dict(error) for error in exc.errors()])
    if problems:
        raise DefinitionError(problems)
    if workshop.id is None and default_id:
        workshop = workshop.model_copy(update={"id": default_id})
    return workshop


def _glyph_problems(located: Located) -> Iterator[Problem]:
    """Every character the bundled fonts cannot draw, where it stands: printed, it would be a
    box, or whatever font the printing machine happens to have."""
    for path, value in _strings(located.data, ()):
        shown = unprintable(value)
        if shown:
            yield located.problem(path, _("the bundled font ({font}) cannot print {shown}").format(
                font=FONT_FAMILY, shown=shown))


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
