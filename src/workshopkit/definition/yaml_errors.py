"""Definition: a YAML syntax error said in plain words, with the fix, at the line to change.

The parser reports where it gave up, in its own terms (`expected <block end>, but found
'<block mapping start>'`), often many lines after the slip: a quote left open on line 5 is
reported at line 29. Trainers make a handful of slips: a tab to indent, a line indented unlike
its neighbours, a colon inside unquoted text, a quote left open. Each is looked for in the
text itself, where the parser failed or before it, and explained where it stands.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..i18n import _

# a scalar that opens with a quote: after `key: `, after `- `, or inside [ ] and { }
_OPENING_QUOTE = re.compile(r"""(?:^\s*(?:-\s+)*(?:[^\s"'#][^:#"']*:\s+)?|[\[{,]\s*|:\s+)(["'])""")
_KEY = re.compile(r"^(\s*)(?:-\s+)*([^\s:#\"'{\[][^:#\"'{\[]*?):(\s+|$)")


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    column: int
    message: str


def explain(text: str, error: yaml.MarkedYAMLError) -> Explained:
    """The slip behind a parser error, or the parser's own words where none is recognised."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    at = mark.line if mark else 0
    for finder in (_tab, _open_quote, _colon_in_text, _indentation):
        found = finder(lines, at)
        if found:
            return found
    bracket = _open_bracket(error)
    if bracket:
        return bracket
    message = error.problem or str(error)
    if error.context:
        message = f"{message} ({error.context})"
    return Explained(at + 1, (mark.column + 1) if mark else 1,
                     _("YAML syntax error: {message}").format(message=message))


def _open_bracket(error: yaml.MarkedYAMLError) -> Explained | None:
    """A [ or { the parser was inside when it failed: the list or mapping is not closed."""
    context, mark = error.context or "", error.context_mark
    closing = "]" if "flow sequence" in context else "}" if "flow mapping" in context else ""
    if not closing or mark is None:
        return None
    opening = "[" if closing == "]" else "{"
    return Explained(mark.line + 1, mark.column + 1, (
        _("the {opening} that opens here is not closed: end it with {closing}, and separate its "
          "items with commas").format(opening=opening, closing=closing)))


def _tab(lines: list[str], at: int) -> Explained | None:
    for number, line in enumerate(lines[:at + 1]):
        indent = line[:len(line) - len(line.lstrip())]
        if "\t" in indent:
            spaces = _expected_indent(lines, number)
            message = _("a tab is used to indent this line; indent with spaces only ({spaces} spaces, "
                        "as the line before it suggests)") if spaces else \
                _("a tab is used to indent this line; indent with spaces only")
            return Explained(number + 1, indent.index("\t") + 1, message.format(spaces=spaces))
    return None


def _open_quote(lines: list[str], at: int) -> Explained | None:
    for number, line in enumerate(lines[:at + 1]):
        code = line.split(" #", 1)[0]
        for match in _OPENING_QUOTE.finditer(code):
            quote, start = match.group(1), match.end()
            if not _closes(code[start:], quote):
                return Explained(number + 1, start, _(
                    "the quote ({quote}) that opens here is not closed on this line; close it "
                    "with {quote} at the end of the text").format(quote=quote))
            break  # one scalar per line start is enough to check
    return None


def _closes(rest: str, quote: str) -> bool:
    if quote == '"':
        return re.search(r'(?<!\\)"', rest) is not None
    return re.search(r"(?<!')'(?!')", rest.replace("''", "")) is not None


def _colon_in_text(lines: list[str], at: int) -> Explained | None:
    line = lines[at] if at < len(lines) else ""
    match = _KEY.match(line)
    if not match:
        return None
    value = line[match.end():]
    if value[:1] in "\"'[{|>" or ": " not in value.split(" #", 1)[0]:
        return None
    key = match.group(2)
    return Explained(at + 1, match.end() + 1, _(
        "a colon (:) inside the text of '{key}' makes YAML read it as another field; put the "
        "text in quotes: {key}: \"{text}\"").format(key=key, text=value.split(" #", 1)[0].strip()))


def _indentation(lines: list[str], at: int) -> Explained | None:
    for number in range(min(at, len(lines) - 1), max(at - 3, 0), -1):
        if not _content(lines[number]):
            continue
        indent = _indent(lines[number])
        allowed = _allowed_indents(lines, number)
        if allowed is not None and indent not in allowed:
            sibling = _expected_indent(lines, number)
            near = min(allowed, key=lambda level: (abs(level - indent), level != sibling))
            return Explained(number + 1, indent + 1, _(
                "this line is indented {indent} spaces; the lines around it use {near}: line it "
                "up with them").format(indent=indent, near=near))
    return None


def _content(line: str) -> str:
    return line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""


def _allowed_indents(lines: list[str], number: int) -> set[int] | None:
    """Where a line may start after the lines before it, or None when anything deeper may
    (the line before opens a block with a colon)."""
    before = [line for line in lines[:number] if _content(line)]
    if not before:
        return None
    previous = before[-1]
    if _content(previous).endswith((":", "|", ">", "|-", ">-")):
        return None
    allowed = {_indent(line) for line in before if _indent(line) <= _indent(previous)}
    dashes = re.match(r"^(\s*(?:-\s+)+)", previous)
    if dashes:  # under `- title: ...` the next field lines up after the dash
        allowed.add(len(dashes.group(1)))
    return allowed


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _expected_indent(lines: list[str], number: int) -> int:
    """Where the line most likely belongs: after the dash of a list item above it, under the
    line above it otherwise."""
    before = [line for line in lines[:number] if _content(line)]
    if not before:
        return 0
    previous = before[-1]
    dashes = re.match(r"^(\s*(?:-\s+)+)", previous)
    if _content(previous).endswith(":"):
        return (len(dashes.group(1)) if dashes else _indent(previous)) + 2
    if dashes and not lines[number].lstrip().startswith("- "):
        return len(dashes.group(1))  # a field of the item above
    return _indent(previous)  # the next item of a list, or the next field
