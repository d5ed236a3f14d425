"""Beside the flow: filled self-assessments back in, as figures a facilitator can report.

Responses come from the CSV that `results-template` writes (typed in from paper), an Excel
sheet of the same shape, or a Google Forms CSV export (a grid question, `Role [Item]`, or
one question per item). Columns are matched to sub-items by number or text; what cannot be
matched is reported. A value outside the scale or a participant twice in a round is an error
at `file:row:column`; an empty cell is a missing answer, counted, never guessed.
"""
from __future__ import annotations

import csv
import io
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..definition import model
from ..errors import Problem, ResultsError, at
from ..i18n import N_, _
from ..resources import FONT_FAMILY, font_coverage, unprintable
from .roster import Participant
from .sheets import read_rows, safe_cell

CODE_HEADERS = {"รหัส", "code", "รหัสผู้เข้าร่วม", "participantcode"}
NAME_HEADERS = {"ชื่อ", "name", "ชื่อ-นามสกุล", "ชื่อนามสกุล", "fullname"}
ROUND_HEADERS = {"round", "ครั้งที่", "รอบ", "รอบที่"}
IGNORED_HEADERS = {"timestamp", "ประทับเวลา", "emailaddress", "ที่อยู่อีเมล", "score", "คะแนน"}
REMARK_WORD = "หมายเหตุ"


@dataclass(frozen=True)
class Item:
    key: str  # "1.2"
    role: int
    text: str


def items_of(form: model.SelfAssessment) -> list[Item]:
    """The self-assessment's sub-items, keyed `role.item` (1.2)."""
    return [Item(f"{r}.{i}", r, text) for r, role in enumerate(form.roles, start=1)
            for i, text in enumerate(role.items, start=1)]


@dataclass
class Response:
    source: str
    row: int
    code: str  # as written; "" when the file has no code column
    name: str
    round: int
    ratings: dict[str, int | None]  # item key -> rating, None when left empty
    remarks: dict[str, str] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Who answered, as rounds are matched: the code as people mean it (P01, p01 and
        ＰＯ１ with stray spaces are one person), or the row where there is no code."""
        return code_key(self.code) or f"{self.source}:{self.row}"


def code_key(code: str) -> str:
    """A participant code as it is compared: NFKC, no case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", code).split()).casefold()


@dataclass
class Responses:
    items: list[Item]
    responses: list[Response]
    warnings: list[str]

    def rounds(self) -> list[int]:
        """The rounds answered, in order."""
        return sorted({r.round for r in self.responses})

    def of_round(self, number: int) -> list[Response]:
        """The responses of one round."""
        return [r for r in self.responses if r.round == number]


def template_rows(form: model.SelfAssessment, people: Sequence[Participant],
                  round_number: int = 1) -> list[list[str]]:
    """The data-entry sheet: a row per participant, a rating and a remarks column per item."""
    header = ["รหัส", "ชื่อ", "round"]
    for item in items_of(form):
        header += [f"{item.key} {item.text}", f"{item.key} {REMARK_WORD}"]
    rows = [header]
    for person in people:
        rows.append([person.code, person.full_name, str(round_number)]
                    + [""] * (len(header) - 3))
    return rows


def template_csv(form: model.SelfAssessment, people: Sequence[Participant], round_number: int,
                 named: bool) -> bytes:
    """The data-entry sheet as CSV bytes, with a BOM so that Excel opens it as UTF-8; without
    `named` (no roster), the participant rows are left blank to fill in."""
    rows = template_rows(form, people, round_number)
    if not named:
        rows = [rows[0], *([""] * len(rows[0]) for _ in people)]
    return sheet_bytes(rows)


def sheet_bytes(rows: Sequence[Sequence[str]]) -> bytes:
    """Rows as the data-entry CSV: cells a spreadsheet would run as formulas made safe, and a
    BOM so that Excel opens it as UTF-8."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([[safe_cell(c) for c in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def read_responses(paths: Sequence[Path], form: model.SelfAssessment) -> Responses:
    """Every response in the files, checked against the form, every problem located."""
    items = items_of(form)
    levels = form.scale.levels
    problems: list[Problem] = []
    warnings: list[str] = []
    responses: list[Response] = []
    for file_round, path in enumerate(paths, start=1):
        rows = read_rows(path, N_("responses file"), ResultsError)
        if not rows:
            problems.append(at(path, 1, 1, _("the file is empty")))
            continue
        columns = _map_columns(rows[0], items, str(path), warnings, problems)
        if not columns.ratings:
            problems.append(at(path, 1, 1, _("no column matches a sub-item of the self-assessment")))
            continue
        for number, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            responses.append(_response(row, number, columns, str(path), file_round if len(paths) > 1
                                       else None, levels, problems, warnings))
    if len({r.round for r in responses}) > 1 and any(not r.code for r in responses):
        sources = sorted({r.source for r in responses if not r.code})
        problems += [at(source, 1, 1, _("rounds are compared participant by participant, by code, and "
                                        "this file has no รหัส/code column; add it (results-template "
                                        "writes one) or report one round at a time"))
                     for source in sources]
    seen: dict[tuple[str, int], Response] = {}
    for response in responses:
        key = (response.key, response.round)
        if key in seen:
            first = seen[key]
            problems.append(at(response.source, response.row, 1, _(
                "participant '{code}' answered round {round} twice (also {file} row {row})").format(
                    code=response.code, round=response.round, file=first.source, row=first.row)))
        seen[key] = response
    if problems:
        raise ResultsError(problems)
    return Responses(items, responses, warnings)


@dataclass
class _Columns:
    ratings: dict[int, str]  # column -> item key
    remarks: dict[int, str]
    code: int | None = None
    name: int | None = None
    round: int | None = None


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).lower().split())


def _map_columns(header: list[str], items: list[Item], source: str, warnings: list[str],
                 problems: list[Problem]) -> _Columns:
    by_key = {item.key: item for item in items}
    by_text = {_key(item.text): item for item in items}
    columns = _Columns({}, {})
    for index, title in enumerate(header):
        key = _key(title)
        if not key:
            continue
        if key in CODE_HEADERS:
            columns.code = index
            continue
        if key in NAME_HEADERS:
            columns.name = index
            continue
        if key in ROUND_HEADERS:
            columns.round = index
            continue
        if key in IGNORED_HEADERS:
            continue
        grid = re.fullmatch(r"(.*)\[(.+)\]\s*", title)  # Google Forms grid: "Role [Item]"
        text = grid.group(2) if grid else title
        number = re.match(r"\s*(\d+\.\d+)\.?\s*(.*)", text)
        item = by_key.get(number.group(1)) if number else None
        rest = number.group(2) if number else text
        if item is None:
            item = by_text.get(_key(rest))
        if item and _key(rest).startswith(_key(REMARK_WORD)):
            columns.remarks[index] = item.key
        elif item and item.key in columns.ratings.values():
            first = next(c for c, k in columns.ratings.items() if k == item.key)
            problems.append(at(source, 1, index + 1, _(
                "a second column for sub-item {item} (the first is column {column}); keep one").format(
                    item=item.key, column=first + 1)))
        elif item:
            columns.ratings[index] = item.key
        else:
            warnings.append(str(at(source, 1, index + 1, _(
                "column '{title}' is not a sub-item of the self-assessment; it is left out").format(
                    title=title.strip()))))
    return columns


def _response(row: list[str], number: int, columns: _Columns, source: str, file_round: int | None,
              levels: int, problems: list[Problem], warnings: list[str]) -> Response:
    def cell(index: int | None) -> str:
        return row[index].strip() if index is not None and index < len(row) else ""

    code = cell(columns.code)
    round_text = cell(columns.round)
    round_number = file_round or 1
    if round_text:
        digits = re.search(r"\d+", unicodedata.normalize("NFKC", round_text))
        if digits:
            round_number = int(digits.group(0))
        else:
            column = (columns.round or 0) + 1
            problems.append(at(source, number, column, _("round '{round}' is not a number").format(
                round=round_text)))
    ratings: dict[str, int | None] = {}
    for index, key in columns.ratings.items():
        value = cell(index)
        if not value:
            ratings[key] = None
            warnings.append(str(at(source, number, index + 1, _(
                "no answer for {item} (counted as missing)").format(item=key))))
            continue
        rating = _rating(value)
        if rating is None or not 1 <= rating <= levels:
            shown = value if len(value) <= 20 else value[:20] + "…"
            problems.append(at(source, number, index + 1, _(
                "'{value}' is not a rating from 1 to {levels} (a whole number)").format(value=shown,
                                                                                        levels=levels)))
            ratings[key] = None
            continue
        ratings[key] = rating
    remarks = {}
    for index, key in columns.remarks.items():
        if cell(index):
            remarks[key] = _printable(cell(index), f"{source}:{number}:{index + 1}", warnings)
    name = _printable(cell(columns.name), f"{source}:{number}:{(columns.name or 0) + 1}", warnings)
    return Response(source, number, code, name, round_number, ratings, remarks)


# "3", " 3 ", "3.0", "๓", and a Google Forms label such as "3 - ดี"; never 2.9, 3,5, 2-3, 1e3
_RATING = re.compile(r"\s*(\d{1,2})(?:\.0+)?(?:\s+-\s+\D.*)?\s*")


def _rating(value: str) -> int | None:
    match = _RATING.fullmatch(unicodedata.normalize("NFKC", value))
    return int(match.group(1)) if match else None


def _printable(text: str, where: str, warnings: list[str]) -> str:
    """What a participant typed, without the characters the bundled font cannot print (an
    emoji in a remark): the report prints the rest, and the warning says what was left out."""
    shown = unprintable(text)
    if not shown:
        return text
    coverage = font_coverage()
    warnings.append(f"{where}: " + _("warning: the bundled font ({font}) cannot print {shown}; "
                                     "printed without it").format(font=FONT_FAMILY, shown=shown))
    return " ".join("".join(c for c in text if c.isspace() or ord(c) in coverage).split())


@dataclass(frozen=True)
class ItemFigures:
    item: Item
    answers: int
    missing: int
    mean: float | None
    distribution: tuple[int, ...]  # answers per level, 1..levels
    low_share: float | None  # share rating 1 or 2


def item_figures(responses: Sequence[Response], items: Sequence[Item], levels: int) -> list[ItemFigures]:
    """Each item's answers, missing answers, mean, distribution by level and share rated 1 or 2."""
    out = []
    for item in items:
        values = [v for r in responses if (v := r.ratings.get(item.key)) is not None]
        missing = sum(1 for r in responses if r.ratings.get(item.key) is None)
        distribution = tuple(values.count(level) for level in range(1, levels + 1))
        out.append(ItemFigures(item, len(values), missing,
                               statistics.fmean(values) if values else None, distribution,
                               sum(1 for v in values if v <= 2) / len(values) if values else None))
    return out


def role_means(responses: Sequence[Response], items: Sequence[Item]) -> dict[int, float | None]:
    """Each role's mean over every answer to its sub-items."""
    out: dict[int, float | None] = {}
    for role in sorted({item.role for item in items}):
        values = [v for r in responses for i in items
                  if i.role == role and (v := r.ratings.get(i.key)) is not None]
        out[role] = statistics.fmean(values) if values else None
    return out


def changes(first: Sequence[Response], second: Sequence[Response], items: Sequence[Item]
            ) -> tuple[dict[str, float | None], dict[int, float | None], int, int]:
    """Mean change per item and per role over the participants in both rounds, how many are
    in both, and how many in only one."""
    before = {r.key: r for r in first}
    after = {r.key: r for r in second}
    both = sorted(set(before) & set(after))
    only_one = len(set(before) ^ set(after))
    per_item: dict[str, float | None] = {}
    for item in items:
        pairs = [(before[c].ratings.get(item.key), after[c].ratings.get(item.key)) for c in both]
        deltas = [b - a for a, b in pairs if a is not None and b is not None]
        per_item[item.key] = statistics.fmean(deltas) if deltas else None
    per_role: dict[int, float | None] = {}
    for role in sorted({item.role for item in items}):
        deltas = [b - a for c in both for i in items if i.role == role
                  and (a := before[c].ratings.get(i.key)) is not None
                  and (b := after[c].ratings.get(i.key)) is not None]
        per_role[role] = statistics.fmean(deltas) if deltas else None
    return per_item, per_role, len(both), only_one
