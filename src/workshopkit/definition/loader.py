"""Definition: YAML text -> plain Python data, with every node's position kept.

PyYAML's YAML 1.1 resolvers turn `08:30` into the integer 510 and `no` into False; a
workshop definition wants neither, so this loader resolves plain scalars the YAML 1.2 way
(true/false only, no base-60 numbers), keeps `08.30` as text rather than the number 8.3 and
dates as text for the model to read (a Buddhist Era year among them). Duplicate keys, which
PyYAML silently collapses, are reported. The pure-Python loader is used on purpose: the C one
crashes on deep nesting.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import DefinitionError, Problem
from ..i18n import _
from .yaml_errors import explain

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

Path_ = tuple[str | int, ...]


class _Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema booleans and no sexagesimal numbers."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789."))
# A clock time written the Thai way, 08.30, is text, not the number 8.3; and a date stays text
# (2569-03-12 is a Buddhist Era date the model reads, not the Gregorian year 2569)
_CLOCK_LIKE = ("tag:yaml.org,2002:str", re.compile(r"^[0-9]{1,2}\.[0-9]{2}$"))
for _first in "0123456789":
    _Yaml12Loader.yaml_implicit_resolvers.setdefault(_first, []).insert(0, _CLOCK_LIKE)


@dataclass
class Located:
    """Plain data plus where each value (and each mapping key) stood in the file."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    text: str = ""  # the decoded source, for tools that edit it in place
    scalars: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # text spans of strings
    # parts that came from another file (`extends:`, `include:`): path prefix -> that file
    origins: dict[Path_, str] = field(default_factory=dict)
    # each file as read, this one first, then every file it extends or includes: for tools
    # that check a file's own text (the Thai lint)
    sources: list[Located] = field(default_factory=list)

    def file_of(self, path: Path_) -> str:
        """The file a node at `path` came from (an included one, or the definition)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.origins:
                return self.origins[path[:end]]
        return self.file

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def data_at(self, path: Path_) -> Any:
        """The value at `path` in the data, or None."""
        value = self.data
        for part in path:
            value = value[part]
        return value

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        """A problem located at the node of `path` (at its key, with `key`)."""
        line, column = self.where(path, key=key)
        return Problem(self.file_of(path), line, column, format_path(path), message)


def _likely_encoding(raw: bytes) -> str:
    """Thai text saved by an older program is usually TIS-620 (Windows-874): say so."""
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        return ""
    return " (it looks like TIS-620 / Windows-874 Thai)" if re.search("[\u0e01-\u0e5b]", text) else ""


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _flow_depth(text: str) -> tuple[int, int] | None:
    """Where flow brackets first nest deeper than MAX_DEPTH (the composer would recurse)."""
    depth = 0
    for match in re.finditer(r"[\[\]{}]", text):
        depth += 1 if match.group(0) in "[{" else -1
        if depth > MAX_DEPTH:
            return _position(text, match.start())
    return None


def format_path(path: Path_) -> str:
    """A field path as trainers read it: `agenda.days[0].start`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_file(path: Path) -> Located:
    """A YAML file read with every node's position, bounded in size and depth."""
    name = str(path)
    try:  # the size first: a 4 GB file is refused before anything of it is read
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                message = _("file is {size} bytes; the limit is {limit} bytes")
                raise DefinitionError([Problem(name, 1, 1, "", message.format(size=size,
                                                                              limit=MAX_FILE_BYTES))])
            raw = handle.read(MAX_FILE_BYTES + 1)  # a file that grows meanwhile is still bounded
    except OSError as exc:
        raise DefinitionError([Problem(name, 1, 1, "", _("cannot read file: {reason}").format(
            reason=exc.strerror))])
    return load_text(raw, name)


def load_text(raw: bytes, name: str) -> Located:
    """YAML bytes read as `load_file` reads a file, named `name` in messages."""
    def fail(message: str, line: int = 1, column: int = 1) -> DefinitionError:
        return DefinitionError([Problem(name, line, column, "", message)])

    if len(raw) > MAX_FILE_BYTES:
        raise fail(_("file is {size} bytes; the limit is {limit} bytes").format(
            size=len(raw), limit=MAX_FILE_BYTES))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(_("file is not UTF-8 text{likely}; save it as UTF-8").format(
            likely=_likely_encoding(raw)), line)
    control = re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", text)
    if control:
        line, column = _position(text, control.start())
        raise fail(_("control character {code} is not allowed in a definition").format(
            code=f"U+{ord(control.group(0)):04X}"),
                   line, column)
    depth = _flow_depth(text)
    if depth:
        raise fail(_("brackets nested more than {limit} deep; the limit is {limit}").format(
            limit=MAX_DEPTH), *depth)
    try:
        node = yaml.compose(text, Loader=_Yaml12Loader)
    except yaml.MarkedYAMLError as exc:
        explained = explain(text, exc)
        raise fail(explained.message, explained.line, explained.column)
    except yaml.YAMLError as exc:
        raise fail(_("YAML error: {message}").format(message=exc))
    except RecursionError:
        raise fail(_("YAML nesting is too deep"))
    if node is None:
        raise fail(_("file is empty: a workshop definition is a mapping of fields"))
    located = Located(name, None, text=text)
    problems: list[Problem] = []
    try:
        located.data = _Builder(located, problems).build(node, ())
    except RecursionError:
        raise fail(_("YAML nesting is too deep"))
    if problems:
        raise DefinitionError(problems)
    return located


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Builder:
    def __init__(self, located: Located, problems: list[Problem]):
        self.located = located
        self.problems = problems
        self.count = 0
        self.constructor = _Yaml12Loader("")

    def build(self, node: Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise DefinitionError([self.located.problem(
                path, _("more than {limit} values once aliases are expanded (an alias bomb?); "
                        "the limit is {limit}").format(limit=MAX_NODES))])
        self.located.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, (MappingNode, SequenceNode)) and node.tag not in _PLAIN_TAGS:
            self.problems.append(self.located.problem(path, _("unsupported YAML tag {tag}").format(
                tag=node.tag)))
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        try:
            value = self.constructor.construct_object(node, deep=True)
            if isinstance(value, str):
                self.located.scalars[path] = (node.start_mark.index, node.end_mark.index)
                lone = re.search("[\ud800-\udfff]", value)
                if lone:  # an escape such as "\ud800" makes half a character
                    self.problems.append(self.located.problem(
                        path, _("'{code}' is half of a character (a lone surrogate)").format(
                            code=f"\\u{ord(lone.group(0)):04x}")))
                    return None
            return value
        except yaml.constructor.ConstructorError as exc:
            self.problems.append(self.located.problem(path, _("unsupported YAML value: {problem}").format(
                problem=exc.problem)))
            return None

    def _mapping(self, node: MappingNode, path: Path_) -> dict[str, Any]:
        self.constructor.flatten_mapping(node)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_path = path + (str(key_node.value),)
            here = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, ScalarNode):
                self.problems.append(Problem(self.located.file, *here, format_path(path),
                                             "mapping keys must be plain names"))
                continue
            key = str(key_node.value)
            if key in out:
                first = self.located.keys[key_path]
                self.problems.append(Problem(
                    self.located.file, *here, format_path(key_path),
                    _("duplicate key '{key}' (first defined at line {line})").format(key=key, line=first[0])))
                continue
            self.located.keys[key_path] = here
            out[key] = self.build(value_node, key_path)
        return out
