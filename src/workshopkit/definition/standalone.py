"""Stage 1, for `new --from`: a definition that stands on its own, with what it extends and
includes written into it.

The definition is read with ruamel.yaml's round-trip loader, so that the comments that help a
trainer (why a field is as it is, what a section is for) stay where they were: the base's
fields come first, with this file's own replacing them (`extends:`), and the fragments' lists
follow the file's own (`include:`), as reuse.py merges them when a definition is read.
"""
from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import WorkshopkitError
from ..i18n import _
from .reuse import MAX_DEPTH


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: comments, order and quoting kept
    yaml.width = 4096  # never fold a long Thai line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def standalone_text(path: Path) -> str:
    """The definition's text with `extends:` and `include:` written out."""
    data = _inlined(path.resolve(), ())
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def _inlined(path: Path, chain: tuple[Path, ...]) -> CommentedMap:
    data = _yaml().load(path.read_text(encoding="utf-8-sig"))
    if not isinstance(data, CommentedMap):
        raise WorkshopkitError(_("{file}: a workshop definition is a mapping of fields").format(
            file=path.name))
    extends, includes = data.pop("extends", None), data.pop("include", None)
    if extends is not None:
        base = _inlined(_named(path, extends, chain), chain + (path,))
        header = data.ca.comment  # this file's opening comment says what it is
        for key, value in data.items():
            base[key] = value
            if key in data.ca.items:  # the comment beside the overriding line goes with it
                base.ca.items[key] = data.ca.items[key]
        if header:
            base.ca.comment = header
        data = base
    for name in includes or []:
        part = _inlined(_named(path, name, chain), chain + (path,))
        for key, value in part.items():
            if isinstance(value, CommentedSeq) and isinstance(data.get(key), CommentedSeq):
                data[key].extend(value)
            elif key not in data:
                data[key] = value
    return data


def _named(path: Path, name: object, chain: tuple[Path, ...]) -> Path:
    # the definition was validated before (library.find reads it), so names are known good;
    # these checks keep a changed file from leading anywhere else: inside the first file's
    # folder, as reuse.py reads them
    folder = (chain[0] if chain else path).parent
    target = (path.parent / str(name)).resolve()
    if not target.is_file() or not target.is_relative_to(folder) or target in chain \
            or len(chain) >= MAX_DEPTH:
        raise WorkshopkitError(_("{file}: cannot write out '{name}'").format(file=path.name, name=name))
    return target
