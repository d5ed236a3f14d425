"""Definition: pydantic's errors said for trainers, each at its field: the nearest valid name
for a misspelled field, kind or block type, a misspelled field folded with what it leaves
missing, and the words of the chosen language (i18n.py)."""
from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel

from ..errors import Problem
from ..i18n import N_, _
from . import model
from .loader import Located, Path_

_CONSEQUENCES = {"activities": "activity", "surveys": "survey"}  # a list and what refers to it


def folded(located: Located, errors: list[dict[str, Any]]) -> list[Problem]:
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
                       and e["ctx"]["ref"] == _CONSEQUENCES[meant]]
        references = sum(e["type"] == "unknown_ref" for e in caused)
        message = _("unknown field '{name}'; did you mean '{meant}'?").format(name=loc[-1], meant=meant)
        if references:
            message += " " + _("Until it is, {kind} ids cannot be found ({count} in this file).").format(
                count=references, kind=_(_CONSEQUENCES[meant]))
        problems.append(located.problem(_data_path(located.data, loc), message, key=True))
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
    return _("a comma inside {{...}} split the text of '{key}' in two; put the whole text in "
             "quotes: {key}: \"{text}\"").format(key=key, text=text)


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
    if close:
        return _("unknown field '{name}'; did you mean '{meant}'?").format(name=name, meant=close[0])
    return _("unknown field '{name}'").format(name=name)


def _field_names() -> list[str]:
    names: set[str] = set()
    for value in vars(model).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            names.update(value.model_fields)
    return sorted(names)


_FIELD_NAMES = _field_names()

_TYPE_NAMES = {str: N_("text"), int: N_("a whole number"), float: N_("a number"),
               bool: N_("true or false"), list: N_("a list"), dict: N_("a mapping"),
               type(None): N_("nothing")}


def _describe(value: Any) -> str:
    name = _TYPE_NAMES.get(type(value))
    return _(name) if name else type(value).__name__


def _message(error: dict[str, Any], data: Any, path: Path_) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return _("required field is missing")
    if kind in ("string_type", "str_type"):
        if path and path[-1] in ("start", "at") and isinstance(value, int):
            return _("write clock times with their minutes, like 08.30 or \"08:30\"")
        return _("expected text, got {found}").format(found=_describe(value))
    if kind in ("int_type", "int_parsing", "int_from_float"):
        if path and path[-1] == "minutes":
            return _("'{value}' is not a duration; write minutes like 90, or 1 ชั่วโมง 30 นาที").format(
                value=value)
        return _("expected a whole number, got {found}").format(found=_describe(value))
    if kind in ("list_type",):
        return _("expected a list, got {found}").format(found=_describe(value))
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("expected a mapping of fields, got {found}").format(found=_describe(value))
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return _("'{value}' is not a date; write it like 12 มีนาคม 2569 or 2569-03-12").format(value=value)
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tags = re.findall(r"'([^']+)'", str(ctx.get("expected_tags")))
        meant = _nearest(str(ctx.get("tag")), tags)
        if meant:
            return _("unknown block type '{tag}'; did you mean '{meant}'?").format(tag=ctx.get("tag"),
                                                                                   meant=meant)
        return _("unknown block type '{tag}'; expected one of {tags}").format(
            tag=ctx.get("tag"), tags=", ".join(tags))
    if kind in ("literal_error", "enum") and isinstance(value, str):
        options = re.findall(r"'([^']+)'", str(error.get("ctx", {}).get("expected")))
        meant = _nearest(value, options)
        if meant:
            return _("'{value}' is not one of {options}; did you mean '{meant}'?").format(
                value=value, options=", ".join(options), meant=meant)
    if kind == "union_tag_not_found":
        return _("a block needs a 'type' (instructions, text, questions, table, box, grid, fields)")
    if kind == "too_short" and isinstance(value, list):
        least = error["ctx"]["min_length"]
        return _("needs at least {count} entries").format(count=least) if least > 1 else \
            _("needs at least one entry")
    if kind == "too_long" and isinstance(value, list):
        return _("has {count} entries; at most {most} allowed").format(count=len(value),
                                                                       most=error["ctx"]["max_length"])
    if kind == "string_too_short":
        return _("must not be empty")
    if kind == "string_pattern_mismatch" and path and path[-1] in ("id", "activity"):
        return _("'{value}' is not a valid id (lower-case letters, digits, '-' and '_')").format(value=value)
    if kind in ("greater_than_equal", "greater_than"):
        return _("must be at least {least}").format(least=error["ctx"].get("ge", error["ctx"].get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return _("must be at most {most}").format(most=error["ctx"].get("le", error["ctx"].get("lt")))
    if kind in ("bool_type", "bool_parsing"):
        return _("write true or false")
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return message[:1].lower() + message[1:]
