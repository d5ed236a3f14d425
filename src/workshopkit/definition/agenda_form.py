"""Definition: the agenda as a form, for the studio's agenda editor, the way agenda planners
work: each item with its computed times (read loosely, so a definition with a problem
elsewhere still shows its agenda), and an edit (move, add, remove, change) written back into
the text.

An edit keeps the trainer's comments, order and layout. ruamel.yaml reads and writes the text
round trip; as its writing still differs here and there from the trainer's (a long flow list
joined on one line), only the lines the edit changed are put into the original text: a
three-way merge of the original, ruamel's copy of it, and ruamel's copy after the edit.
"""
from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..clock import ScheduleError, clock_text, parse_clock, schedule
from ..errors import WorkshopkitError
from ..i18n import _
from . import readings

KINDS = ("session", "registration", "break", "meal", "other")
FIELDS = ("title", "minutes", "kind", "at", "activity", "note")


@dataclass(frozen=True)
class FormItem:
    """One agenda item as the form shows it."""

    title: str
    minutes: int | None
    kind: str
    at: str | None
    activity: str | None
    start: str | None  # computed; None when the day's start cannot be read
    end: str | None
    problem: str | None = None


@dataclass(frozen=True)
class FormDay:
    """One day of the agenda as the form shows it."""

    date: str | None
    start: str | None
    items: list[FormItem] = field(default_factory=list)
    problem: str | None = None


def agenda_form(text: str) -> list[FormDay]:
    """The agenda of a definition's text, each item with its computed times; empty when the
    text has no agenda of its own (it extends another definition's)."""
    days = _days(_load(text)[1])
    return [_form_day(day) for day in days] if days is not None else []


def edit_agenda(text: str, change: dict[str, Any]) -> str:
    """The text with one change to its agenda: `{"op": "move", "day", "index", "to"}`,
    `{"op": "set", "day", "index", "field", "value"}` (a value of None removes the field),
    `{"op": "add", "day", "index", "item"}` or `{"op": "remove", "day", "index"}`."""
    yaml, data, baseline = _load(text)
    days = _days(data)
    if days is None:
        raise WorkshopkitError(_("this definition has no agenda of its own to edit (it extends "
                                 "another one); add agenda: here first"))
    items = _items(days, change.get("day"))
    index, op = change.get("index"), change.get("op")
    if not isinstance(index, int) or not 0 <= index < len(items) + (op == "add"):
        raise WorkshopkitError(_("the agenda has no item {index} on that day").format(index=index))
    if op == "move":
        to = change.get("to")
        if not isinstance(to, int) or not 0 <= to < len(items):
            raise WorkshopkitError(_("the agenda has no item {index} on that day").format(index=to))
        item, comment = items.pop(index), items.ca.items.pop(index, None)
        items.insert(to, item)
        if comment is not None:
            items.ca.items[to] = comment
    elif op == "remove":
        del items[index]
    elif op == "add":
        items.insert(index, _flow({k: v for k, v in dict(change.get("item") or {}).items() if k in FIELDS}))
    elif op == "set" and change.get("field") in FIELDS:
        item = items[index]
        if not isinstance(item, CommentedMap):
            raise WorkshopkitError(_("the agenda has no item {index} on that day").format(index=index))
        if change.get("value") in (None, ""):
            item.pop(change["field"], None)
        else:
            item[change["field"]] = change["value"]
    else:
        raise WorkshopkitError(_("unknown change to the agenda: {change}").format(change=change))
    return _merge(text, baseline, _dump(yaml, data))


def _load(text: str) -> tuple[YAML, Any, str]:
    """The text read round trip with the trainer's indentation, and ruamel's copy of it."""
    best: tuple[int, YAML, Any, str] | None = None
    for mapping, sequence, offset in ((2, 4, 2), (2, 2, 0)):  # the trainer's indentation
        yaml = YAML()
        yaml.preserve_quotes = True
        yaml.width = 4096
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        try:
            data = yaml.load(text)
        except YAMLError:
            raise WorkshopkitError(_("the text cannot be read as YAML; fix the problem shown at "
                                     "its line first"))
        copy = _dump(yaml, data)
        differ = sum(a != b for a, b in zip(text.splitlines(), copy.splitlines(), strict=False))
        if best is None or differ < best[0]:
            best = (differ, yaml, data, copy)
    assert best is not None
    return best[1], best[2], best[3]


def _dump(yaml: YAML, data: Any) -> str:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _days(data: Any) -> CommentedSeq | None:
    agenda = data.get("agenda") if isinstance(data, CommentedMap) else None
    days = agenda.get("days") if isinstance(agenda, CommentedMap) else None
    return days if isinstance(days, CommentedSeq) else None


def _items(days: CommentedSeq, day: object) -> CommentedSeq:
    if not isinstance(day, int) or not 0 <= day < len(days) or not isinstance(days[day], CommentedMap) \
            or not isinstance(days[day].get("items"), CommentedSeq):
        raise WorkshopkitError(_("the agenda has no day {day}").format(day=day))
    return days[day]["items"]


def _flow(values: dict[str, Any]) -> CommentedMap:
    item = CommentedMap(values)
    item.fa.set_flow_style()  # a new item is written as the shipped agendas write theirs: {title: ...}
    return item


def _merge(original: str, baseline: str, edited: str) -> str:
    """The original text with the changes from `baseline` to `edited`; where ruamel's copy
    differs from the original in a changed region, ruamel's lines are taken there."""
    ours, base = original.splitlines(keepends=True), baseline.splitlines(keepends=True)
    where: dict[int, int] = {}  # a baseline line -> the same line in the original
    for block in difflib.SequenceMatcher(None, base, ours, autojunk=False).get_matching_blocks():
        for offset in range(block.size):
            where[block.a + offset] = block.b + offset
    out, taken = [], 0
    for tag, b1, b2, e1, e2 in difflib.SequenceMatcher(None, base, edited.splitlines(keepends=True),
                                                       autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        start = where.get(b1, None if b1 < len(base) else len(ours))
        end = where.get(b2 - 1, -1) + 1 if b2 > b1 else start
        if start is None or end is None or start < taken:
            return edited  # the change falls where ruamel rewrote the trainer's layout
        out += ours[taken:start] + edited.splitlines(keepends=True)[e1:e2]
        taken = end
    return "".join(out + ours[taken:])


def _form_day(day: Any) -> FormDay:
    if not isinstance(day, CommentedMap):
        return FormDay(None, None)
    date = readings.date(day.get("date"))
    start_text = readings.clock(_scalar(day, "start"))
    try:
        start: int | None = parse_clock(str(start_text))
        problem = None
    except ValueError as error:
        start, problem = None, str(error)
    raw = day.get("items") if isinstance(day.get("items"), CommentedSeq) else []
    items = [i if isinstance(i, CommentedMap) else CommentedMap(title=str(i)) for i in raw]
    minutes = [readings.minutes(i.get("minutes")) for i in items]
    fixed = [_fixed(i) for i in items]
    slots: list[tuple[int, int | None] | None] = []
    problems: dict[int, str] = {}
    now = start
    for index, (length, at) in enumerate(zip(minutes, fixed, strict=True)):
        if now is None:
            slots.append(None)
            continue
        try:
            slot = schedule(now, [(length if isinstance(length, int) else None, at)])[0]
        except ScheduleError as error:
            problems[index] = str(error)
            slot = schedule(now, [(length if isinstance(length, int) else None, None)])[0]
        slots.append((slot.start, slot.end))
        now = slot.end
    return FormDay(str(date) if date is not None else None, clock_text(start) if start is not None else None,
                   [FormItem(str(i.get("title", "")), m if isinstance(m, int) else None,
                             str(i.get("kind", "session")), _text(i.get("at")),
                             _text(i.get("activity")),
                             clock_text(s[0]) if s else None,
                             clock_text(s[1]) if s and s[1] is not None else None,
                             problems.get(n))
                    for n, (i, m, s) in enumerate(zip(items, minutes, slots, strict=True))], problem)


def _fixed(item: CommentedMap) -> int | None:
    at = readings.clock(_scalar(item, "at"))
    try:
        return parse_clock(str(at)) if at is not None else None
    except ValueError:
        return None


def _scalar(mapping: CommentedMap, key: str) -> object:
    """A clock time as the trainer wrote it: an unquoted 08.30 is the number 8.3 to YAML."""
    value = mapping.get(key)
    if isinstance(value, float):
        return f"{value:.2f}"
    return value


def _text(value: object) -> str | None:
    return None if value is None else str(value)
