"""Beside the flow: a roster of participants, read from a CSV or an Excel sheet.

Headers are matched in Thai or English, ignoring case and spacing. Every bad row is
reported at once as `file:row:column: message`; an unknown column is only a warning. A participant
without a code gets a short one derived from who they are, so it stays the same when the
roster is sorted or extended.
"""
from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..definition.fields import PARTICIPANT_FIELDS
from ..definition.readings import THAI_DIGITS
from ..errors import Problem, RosterError, at
from ..i18n import N_, _
from ..resources import FONT_FAMILY, unprintable
from .sheets import EXCEL, read_rows

MAX_ROWS = 5000
MAX_FIELD = 200

# roster field -> the headers that mean it (compared without case or spaces)
HEADERS = {
    "prefix": ["คำนำหน้า", "คำนำหน้าชื่อ", "คำนำ", "prefix", "title"],
    "name": ["ชื่อ", "name", "firstname", "givenname"],
    "surname": ["นามสกุล", "สกุล", "surname", "lastname", "familyname"],
    "village": ["หมู่ที่", "หมู่", "ม.", "หมู่บ้าน", "village", "villageno", "villageno.", "moo"],
    "area": ["พื้นที่", "ตำบล", "พื้นที่/ตำบล", "area", "subdistrict", "tambon"],
    "district": ["อำเภอ", "district", "amphoe"],
    "province": ["จังหวัด", "province", "changwat"],
    "group": ["กลุ่ม", "กลุ่มที่", "group"],
    "code": ["รหัส", "code", "id"],
    "phone": ["เบอร์โทร", "เบอร์โทรศัพท์", "โทรศัพท์", "โทร", "เบอร์", "มือถือ", "phone", "telephone", "tel",
              "mobile"],
    "email": ["อีเมล", "อีเมล์", "e-mail", "email", "mail"],
}
# one column holding the whole name, with or without its prefix: split into the fields above
FULL_NAME = ["ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "ชื่อ–นามสกุล", "fullname",
             "name-surname", "nameandsurname"]
# Prefixes people write in front of a name, longest first (so นางสาว is not read as นาง + สาว).
# Thai ones are written without a space before the name, the English ones with one.
PREFIXES = sorted([
    "นาย", "นาง", "นางสาว", "น.ส.", "นส.", "เด็กชาย", "เด็กหญิง", "ด.ช.", "ด.ญ.", "ดร.", "ผศ.", "รศ.", "ศ.",
    "ผศ.ดร.", "รศ.ดร.", "ศ.ดร.", "นพ.", "พญ.", "ทพ.", "ทพญ.", "ภก.", "ภญ.", "พระ", "พระครู", "แม่ชี",
    "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ว่าที่ ร.ต.", "ว่าที่ ร.ต.หญิง", "ว่าที่ร.ต.", "ว่าที่ร.ต.หญิง",
    "จ.ส.อ.", "ส.อ.", "ร.ต.", "ร.ท.", "ร.อ.", "พ.ต.", "พ.ท.", "พ.อ.", "ด.ต.", "ร.ต.อ.", "พ.ต.ท.", "พ.ต.อ.",
    "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Prof.",
], key=len, reverse=True)
# headers that are expected in a roster and carry nothing to print
IGNORED = {"ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#", "number"}
# Codes avoid letters and digits that read alike on paper (0/O, 1/I/L, 5/S, 2/Z, 8/B).
_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"


@dataclass(frozen=True)
class Participant:
    number: int  # place in the roster, from 1
    name: str
    surname: str = ""
    area: str = ""
    district: str = ""
    province: str = ""
    group: str = ""
    code: str = ""
    prefix: str = ""  # คำนำหน้า (นาย, นาง, ว่าที่ร้อยตรีหญิง ...), printed before the name
    village: str = ""  # หมู่ที่
    phone: str = ""  # kept, printed only where a field or a column asks for it
    email: str = ""
    listed: int | None = None  # the roster's own number (ลำดับ), which a certificate number keeps
    row: int = 0  # the roster row it came from, for messages

    @property
    def full_name(self) -> str:
        """Name and surname, as a form's name field takes them."""
        return f"{self.name} {self.surname}".strip()

    @property
    def titled_name(self) -> str:
        """The name as it is printed for others to read (sign-in sheet, certificate, badge):
        with the prefix, joined the Thai way (นางสมศรี) or the English way (Mrs. Jane)."""
        return titled(self.prefix, self.full_name)

    def value(self, key: str) -> str:
        """A detail by the name a form field or a survey placeholder uses for it."""
        return str(getattr(self, key))


@dataclass
class Roster:
    source: str
    participants: list[Participant]
    columns: set[str]  # the roster fields its headers provide (code always, generated if absent)
    warnings: list[str] = field(default_factory=list)
    column_of: dict[str, int] = field(default_factory=dict)  # field -> its column, from 1 ("listed": ลำดับ)


def titled(prefix: str, name: str) -> str:
    """A prefix before a name: Thai ones join it, others take a space."""
    if not prefix or not name:
        return name or ""
    joined = "" if _thai(prefix) else " "
    return f"{prefix}{joined}{name}"


def _thai(text: str) -> bool:
    return any("\u0e00" <= c <= "\u0e7f" for c in text)


def split_name(whole: str) -> tuple[str, str, str]:
    """(prefix, name, surname) of a name written in one column: a known prefix taken off the
    front, the name up to the first space, the rest the surname; a name without a space is
    kept whole as the name."""
    prefix = next((p for p in PREFIXES if whole.startswith(p) and len(whole) > len(p)
                   and (_thai(p) or whole[len(p)] == " ")), "")
    rest = whole[len(prefix):].strip()
    name, _space, surname = rest.partition(" ")
    return prefix.strip(), name, surname.strip()


def _key(header: str) -> str:
    """A header as it is meant: case, spaces and the Thai look-alikes people type (ํา for ำ,
    เเ for แ) do not matter."""
    text = unicodedata.normalize("NFC", header).lower().replace("\u0e4d\u0e32", "\u0e33")
    return "".join(text.replace("\u0e40\u0e40", "\u0e41").split())


_BY_HEADER = {_key(h): name for name, headers in {**HEADERS, "full_name": FULL_NAME}.items() for h in headers}


def read_roster(path: Path) -> Roster:
    """A roster (CSV or xlsx) as participants with codes, every problem located at its row and column."""
    if path.suffix.lower() not in (*EXCEL, ".csv", ".txt"):
        raise RosterError([at(path, 1, 1, _("a roster is a .csv or .xlsx file"))])
    return _parse(read_rows(path, N_("roster"), RosterError, limit=MAX_ROWS + 1), str(path))


def _parse(rows: list[list[str]], source: str) -> Roster:
    skipped = 0
    while rows and not any(c.strip() for c in rows[0]):
        rows.pop(0)
        skipped += 1
    if not rows:
        raise RosterError([at(source, 1, 1, _("the roster is empty"))])
    header, body = rows[0], rows[1:]
    top = skipped + 1  # the header's row in the sheet
    columns: dict[int, str] = {}
    warnings: list[str] = []
    listed: int | None = None  # the ลำดับ column
    for index, title in enumerate(header):
        name = _BY_HEADER.get(_key(title))
        if name and name not in columns.values():
            columns[index] = name
        elif _key(title) in IGNORED:
            listed = index if listed is None else listed
        elif title.strip():
            warnings.append(str(at(source, top, index + 1, _(
                "warning: unknown column '{title}' is ignored").format(title=title.strip()))))
    if "name" not in columns.values() and "full_name" not in columns.values():
        raise RosterError([at(source, top, 1, _("the roster has no name column (ชื่อ, ชื่อ-นามสกุล or name)"))])
    if len(body) > MAX_ROWS:
        raise RosterError([at(source, top, 1, _("the roster has more than {limit} rows").format(
            limit=MAX_ROWS))])
    column_of = {name: index + 1 for index, name in columns.items()}
    has_name = "name" in column_of
    if not has_name:  # the split name's problems are the one name column's
        column_of["name"] = column_of["full_name"]
    problems: list[Problem] = []
    people: list[Participant] = []
    assert set(HEADERS) == set(PARTICIPANT_FIELDS)
    for offset, row in enumerate(body, start=top + 1):
        if not any(c.strip() for c in row):
            continue
        values = {name: _clean(row[i]) if i < len(row) else "" for i, name in columns.items()}
        if "full_name" in values:
            _split_whole(values, has_name)
        found = _row_problems(values, column_of)
        if found:
            problems += [at(source, offset, column, message) for column, message in found]
            continue
        number = _listed(row[listed]) if listed is not None and listed < len(row) else None
        people.append(Participant(len(people) + 1, **values, listed=number, row=offset))
    people = _with_codes(people, source, problems, column_of.get("code", 1))
    if problems:
        raise RosterError(problems)
    if not people:
        raise RosterError([at(source, top + 1, 1, _("the roster has no participants under its header"))])
    given = set(columns.values()) - {"full_name"}
    if "full_name" in columns.values():
        given |= {"name", "surname", "prefix"}
    if listed is not None:
        column_of["listed"] = listed + 1
    return Roster(source, people, given | {"code"}, warnings, column_of)


def _listed(value: str) -> int | None:
    """A roster's own number (ลำดับ): 7, 7., ๗; None for anything else."""
    digits = value.strip().rstrip(".").translate(THAI_DIGITS)
    return int(digits) if digits.isdigit() and digits.isascii() else None


def _split_whole(values: dict[str, str], has_name: bool) -> None:
    """The one name column into prefix, name and surname, where the roster has no others."""
    whole = values.pop("full_name")
    if has_name and values.get("name"):
        return
    prefix, name, surname = split_name(whole)
    values["name"] = name
    values.setdefault("surname", "")
    values["surname"] = values["surname"] or surname
    values["prefix"] = values.get("prefix") or prefix


def _row_problems(values: dict[str, str], column_of: dict[str, int]
                  ) -> list[tuple[int, str]]:
    """(column, message) for what stops a row: a field too long, no name, a character the
    bundled font cannot print (it would be a box on the sign-in sheet and the forms)."""
    for name, value in values.items():
        if len(value) > MAX_FIELD:
            return [(column_of.get(name, column_of["name"]), _(
                "{field} is longer than {limit} characters").format(field=name, limit=MAX_FIELD))]
    if not values.get("name"):
        return [(column_of["name"], _("the name is empty"))]
    found = []
    for name, value in values.items():
        shown = unprintable(value)
        if shown:
            found.append((column_of.get(name, column_of["name"]), _(
                "the bundled font ({font}) cannot print {shown} in {field}; write it in Thai or Latin "
                "letters").format(font=FONT_FAMILY, shown=shown, field=name)))
    return found


def _clean(value: str) -> str:
    # spreadsheets carry stray spaces and control characters into names
    text = unicodedata.normalize("NFC", value)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    return " ".join(text.split())


def _with_codes(people: list[Participant], source: str, problems: list[Problem], column: int
                ) -> list[Participant]:
    seen: dict[str, int] = {}
    out: list[Participant] = []
    for person in people:
        code = person.code or _generated_code(person)
        if code in seen:
            problems.append(at(source, person.row, column, _(
                "duplicate code '{code}' (also row {row})").format(code=code, row=out[seen[code]].row)))
            continue
        seen[code] = len(out)
        out.append(dataclasses.replace(person, number=len(out) + 1, code=code))
    return out


def _generated_code(person: Participant) -> str:
    """Five characters from who the person is: stable across sorting and new rows."""
    who = "|".join([person.name, person.surname, person.area, person.district, person.province])
    number = int.from_bytes(hashlib.sha256(who.encode("utf-8")).digest()[:8], "big")
    code = ""
    for _place in range(5):
        number, digit = divmod(number, len(_CODE_ALPHABET))
        code += _CODE_ALPHABET[digit]
    return code


def blank_roster(count: int) -> list[Participant]:
    """No names: `--participants N` without a roster still gets N rows to sign."""
    return [Participant(n, "") for n in range(1, count + 1)]
