"""Stage 1, across files: a definition that reuses others.

`extends: base.yaml` starts from another definition and replaces the top-level fields the
file gives again (a one-day version keeps the two-day workshop's activities and worksheets
and gives its own agenda). `include: [part.yaml, ...]` adds the lists of a fragment (its
activities, worksheets, checklists ...) after the file's own. Paths are relative to the file
that names them. Every value keeps the file and position it came from, so a problem in a
reused part is reported where it stands.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from ..errors import DefinitionError
from ..i18n import _
from .loader import Located, Path_, load_file

MAX_DEPTH = 5


def load_definition(path: Path, chain: tuple[Path, ...] = ()) -> Located:
    """`chain`: the files reading this one, the definition first, whose folder bounds every
    file the chain may read."""
    located = load_file(path)
    if not isinstance(located.data, dict):
        return located
    own = dataclasses.replace(located, data=dict(located.data))  # as read, extends: and all
    read = [own]
    data = located.data
    extends, includes = data.pop("extends", None), data.pop("include", None)
    if extends is not None:
        base = _load_named(located, ("extends",), extends, path, chain)
        read += base.sources or [base]
        located = _override(base, located) if isinstance(base.data, dict) else located
    if includes is not None:
        if not isinstance(includes, list):
            raise DefinitionError([located.problem(("include",), _("include takes a list of files"))])
        for index, name in enumerate(includes):
            part = _load_named(located, ("include", index), name, path, chain)
            read += part.sources or [part]
            if not isinstance(part.data, dict):
                raise DefinitionError([part.problem((), _("an included file is a mapping of fields"))])
            located = _append(located, part)
    located.sources = read
    return located


def _load_named(located: Located, where: Path_, name: Any, path: Path,
                chain: tuple[Path, ...]) -> Located:
    if not isinstance(name, str):
        raise DefinitionError([located.problem(where, _("expected the name of a YAML file"))])
    target = (path.parent / name).resolve()  # links followed: where it really is
    folder = (chain[0] if chain else path).resolve().parent
    if not target.is_relative_to(folder):
        # one message whether or not such a file exists: no probing outside the folder
        raise DefinitionError([located.problem(where, _(
            "'{name}' is outside the definition's folder; only files inside it are read").format(name=name))])
    if target in chain or target == path.resolve():
        raise DefinitionError([located.problem(where, _("'{name}' is already being read: a loop").format(
            name=name))])
    if len(chain) >= MAX_DEPTH:
        raise DefinitionError([located.problem(where, _("more than {limit} files deep").format(
            limit=MAX_DEPTH))])
    if not target.is_file():
        raise DefinitionError([located.problem(where, _("no file '{name}' beside {file}").format(
            name=name, file=path.name))])
    return load_definition(target, chain + (path.resolve(),))


def _override(base: Located, child: Located) -> Located:
    """The base, with every top-level field the child gives replaced by the child's."""
    own = set(child.data)
    merged = Located(child.file, {**base.data, **child.data}, text=child.text,
                     scalars=dict(child.scalars))
    for table in ("values", "keys"):
        target = getattr(merged, table)
        target.update({p: mark for p, mark in getattr(base, table).items() if p and p[0] not in own})
        target.update({p: mark for p, mark in getattr(child, table).items() if not p or p[0] in own})
    merged.origins.update({(key,): base.file_of((key,)) for key in base.data if key not in own})
    merged.origins.update({p: f for p, f in base.origins.items() if p and p[0] not in own})
    merged.origins.update(child.origins)
    return merged


def _append(located: Located, part: Located) -> Located:
    """The fragment's lists after the file's own; its other fields where the file has none."""
    data = dict(located.data)
    moved: dict[Path_, Path_] = {}
    for key, value in part.data.items():
        if isinstance(value, list) and isinstance(data.get(key), list):
            offset = len(data[key])
            data[key] = data[key] + value
            moved.update({(key, i): (key, i + offset) for i in range(len(value))})
        elif key not in data:
            data[key] = value
            moved[(key,)] = (key,)
    merged = Located(located.file, data, dict(located.values), dict(located.keys), located.text,
                     dict(located.scalars), dict(located.origins))
    for table in ("values", "keys"):
        target = getattr(merged, table)
        for key_path, mark in getattr(part, table).items():
            for old, new in moved.items():
                if key_path[:len(old)] == old:
                    target[new + key_path[len(old):]] = mark
                    break
    for old, new in moved.items():
        merged.origins[new] = part.file_of(old)
    return merged
