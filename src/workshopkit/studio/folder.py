"""The trainer's folder, as the studio sees it: its definitions, and a path asked for by the
page resolved inside it or refused (no `..`, no link that leads out, no hidden folder)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..i18n import _, declared_language

SUFFIXES = (".yaml", ".yml")
SKIPPED = {"out", "node_modules", "__pycache__"}
DEPTH = 3  # folders below the studio's that are looked in
MOST = 500  # definitions listed; a folder with more is not a trainer's folder


class Refused(Exception):
    """A path the studio will not read or write."""


def inside(folder: Path, relative: str, must_exist: bool = True) -> Path:
    """`relative` (as the page names it) resolved inside `folder`, a definition's name."""
    root = folder.resolve()
    if not relative or relative.startswith(("/", "\\")) or "\\" in relative or "\0" in relative:
        raise Refused(_("'{path}' is not a path inside the studio's folder").format(path=relative))
    parts = relative.split("/")
    if any(p in ("", ".", "..") or p.startswith(".") for p in parts) or not relative.endswith(SUFFIXES):
        raise Refused(_("'{path}' is not a path inside the studio's folder").format(path=relative))
    path = (root / relative).resolve()
    if not path.is_relative_to(root):
        raise Refused(_("'{path}' leads outside the studio's folder").format(path=relative))
    if must_exist and not path.is_file():
        raise FileNotFoundError(relative)
    return path


@dataclass(frozen=True)
class Listed:
    """A definition in the folder, as the page lists it."""

    path: str
    id: str
    title: str
    language: str


def definitions(folder: Path) -> list[Listed]:
    """The workshop definitions in `folder` and its sub-folders (not in out/, nor hidden), read
    loosely: a definition with a problem is listed too, so that it can be opened and fixed."""
    root = folder.resolve()
    found = []
    for place, folders, files in os.walk(root):
        here = Path(place)
        depth = len(here.relative_to(root).parts)
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in SKIPPED
                            and depth < DEPTH)  # not into .venv, out/ or .git
        for name in sorted(files):
            path = here / name
            if path.suffix not in SUFFIXES or name.startswith(".") or not path.resolve().is_relative_to(root):
                continue
            listed = _listed(path, path.relative_to(root).as_posix())
            if listed:
                found.append(listed)
            if len(found) >= MOST:
                return found
    return found


def _listed(path: Path, relative: str) -> Listed | None:
    try:
        text = path.read_text(encoding="utf-8-sig")[:1_000_000]
    except (OSError, UnicodeDecodeError):
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        data = None  # a definition with a slip in it is still the trainer's
        if not re.search(r"^(title|agenda|extends):", text, re.MULTILINE):
            return None
    if data is not None and not (isinstance(data, dict) and ({"title", "agenda", "extends"} & set(data))):
        return None
    data = data if isinstance(data, dict) else {}
    return Listed(relative, str(data.get("id") or path.stem), str(data.get("title") or ""),
                  declared_language(text) or "th")
