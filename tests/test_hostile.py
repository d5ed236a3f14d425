"""Hostile input: malformed definitions and rosters, each refused with its exact located
message, exit status 2, no traceback, and no file written."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import MINIMAL

from workshopkit.cli import main


def minimal(**replace: str) -> bytes:
    text = MINIMAL
    for old, new in replace.items():
        text = text.replace(old.replace("_", " "), new)
    return text.encode()


ALIAS_BOMB = b'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + b"".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n".encode() for n in range(6))
TABLE_5000 = MINIMAL + "worksheets:\n  - id: w\n    title: W\n    blocks:\n      - type: table\n" \
    "        label_column: L\n        columns: [C]\n        rows: [" + ", ".join(["r"] * 5000) + "]\n"

# name -> (file content, expected lines with {f} for the file's path)
DEFINITIONS: dict[str, tuple[bytes, list[str]]] = {
    "bad indentation": (b"title: a\n  organiser: b\n", [
        "{f}:2:3: this line is indented 2 spaces; the lines around it use 0: line it up with them"]),
    "tab indentation": (b"title: x\n\torganiser: y\n", [
        "{f}:2:1: a tab is used to indent this line; indent with spaces only"]),
    "unclosed double quote": (b'title: "open\n', [  # at the line where the quote opens
        "{f}:1:8: the quote (\") that opens here is not closed on this line; close it with \" at the "
        "end of the text"]),
    "unclosed flow list": (b"title: [a, b\n", [
        "{f}:1:8: the [ that opens here is not closed: end it with ], and separate its items with commas"]),
    "duplicate keys": (MINIMAL.encode() + b"title: again\norganiser: {name: x}\n", [
        "{f}:14:1: title: duplicate key 'title' (first defined at line 1)",
        "{f}:15:1: organiser: duplicate key 'organiser' (first defined at line 2)"]),
    "alias bomb": (ALIAS_BOMB, [
        "{f}:1:4: f[1][7][8][6][5][8]: more than 200000 values once aliases are expanded "
        "(an alias bomb?); the limit is 200000"]),
    "100 000 nested brackets": (b"title: " + b"[" * 100_000 + b"]" * 100_000 + b"\n", [
        "{f}:1:72: brackets nested more than 64 deep; the limit is 64"]),
    "5 MiB file": (b"title: x\n# " + b"a" * (5 * 1024 * 1024) + b"\n", [
        "{f}:1:1: file is 5242892 bytes; the limit is 2097152 bytes"]),
    "empty file": (b"", ["{f}:1:1: file is empty: a workshop definition is a mapping of fields"]),
    "only comments": (b"# nothing\n", [
        "{f}:1:1: file is empty: a workshop definition is a mapping of fields"]),
    "top-level list": (b"- a\n- b\n", ["{f}:1:1: a workshop definition is a mapping of fields, not a list"]),
    "top-level scalar": (b"just text\n", [
        "{f}:1:1: a workshop definition is a mapping of fields, not a single value"]),
    "binary data": (bytes(range(256)) * 4, ["{f}:2:1: file is not UTF-8 text; save it as UTF-8"]),
    "TIS-620 Thai": ("title: เวทีประชาคม\n".encode("tis-620"), [
        "{f}:1:1: file is not UTF-8 text (it looks like TIS-620 / Windows-874 Thai); save it as UTF-8"]),
    "Windows-874 Thai": ("title: “ทำงาน”\n".encode("cp874"), [
        "{f}:1:1: file is not UTF-8 text (it looks like TIS-620 / Windows-874 Thai); save it as UTF-8"]),
    "python object tag": (b"title: !!python/object:os.system {}\n", [
        "{f}:1:8: title: unsupported YAML tag tag:yaml.org,2002:python/object:os.system"]),
    "python apply tag": (b"title: !!python/object/apply:os.system [ls]\n", [
        "{f}:1:8: title: unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system"]),
    "custom scalar tag": (b"title: !secret x\n", [
        "{f}:1:8: title: unsupported YAML value: could not determine a constructor for the tag '!secret'"]),
    "control character": (b'title: "a\x07b"\n', [
        "{f}:1:10: control character U+0007 is not allowed in a definition"]),
    "NUL byte": (b"title: a\x00b\n", ["{f}:1:9: control character U+0000 is not allowed in a definition"]),
    "escape": (b"title: \x1b[31mred\n", ["{f}:1:8: control character U+001B is not allowed in a definition"]),
    "lone surrogate escape": (b'title: "a\\ud800b"\n', [
        "{f}:1:8: title: '\\ud800' is half of a character (a lone surrogate)"]),
    "10 000-minute session": (minimal(**{"minutes: 30": "minutes: 10000"}), [
        "{f}:7:38: agenda.days[0].items[0].minutes: must be at most 720"]),
    "negative duration": (minimal(**{"minutes: 15": "minutes: -15"}), [
        "{f}:8:37: agenda.days[0].items[1].minutes: must be at least 1"]),
    "zero duration": (minimal(**{"minutes: 15": "minutes: 0"}), [
        "{f}:8:37: agenda.days[0].items[1].minutes: must be at least 1"]),
    "duration as text": (minimal(**{"minutes: 15": "minutes: fifteen"}), [
        "{f}:8:37: agenda.days[0].items[1].minutes: 'fifteen' is not a duration; write minutes like 90, "
        "or 1 ชั่วโมง 30 นาที"]),
    "sexagesimal start": (minimal(**{'"09:00"': "900"}), [
        '{f}:5:14: agenda.days[0].start: write clock times with their minutes, like 08.30 or "08:30"']),
    "impossible clock time": (minimal(**{'"09:00"': '"25:70"'}), [
        "{f}:5:14: agenda.days[0].start: '25:70' is not a clock time; write it like 08.30 or \"08:30\""]),
    "day past midnight": (minimal(**{'"09:00"': '"23:50"'}), [
        "{f}:7:38: agenda.days[0].items[0].minutes: the day runs past midnight (20 minutes over)"]),
    "5 000 table rows": (TABLE_5000.encode(), [
        "{f}:21:15: worksheets[0].blocks[0].rows: has 5000 entries; at most 200 allowed"]),
    "unknown field": (minimal(**{"organiser:": "organizer:"}), [
        "{f}:2:1: organizer: unknown field 'organizer'; did you mean 'organiser'?"]),
    "emoji": (minimal(**{"แนะนำตัว": "แนะนำตัว 🎉"}), [
        "{f}:11:12: activities[0].title: the bundled font (Sarabun) cannot print '🎉' (U+1F389)"]),
    "javascript url": (MINIMAL.encode() + b"surveys: [{id: s, title: t, url: 'javascript:alert(1)'}]\n", [
        "{f}:14:34: surveys[0].url: 'javascript:alert(1)' is not an https:// link"]),
    "file url": (MINIMAL.encode() + b"surveys: [{id: s, title: t, url: 'file:///etc/passwd'}]\n", [
        "{f}:14:34: surveys[0].url: 'file:///etc/passwd' is not an https:// link"]),
    "id with a path": (minimal(**{"title: เวทีทดสอบ": "title: เวทีทดสอบ\nid: ../../etc"}), [
        "{f}:2:5: id: '../../etc' is not a valid id (lower-case letters, digits, '-' and '_')"]),
    "logo outside the folder": (MINIMAL.encode() + b"theme: {logo: ../../etc/hostname}\n", [
        "{f}:14:15: theme.logo: the logo must be a file in the definition's folder"]),
    "extends itself": (MINIMAL.encode() + b"extends: w.yaml\n", [
        "{f}:14:10: extends: 'w.yaml' is already being read: a loop"]),
    "extends a missing file": (MINIMAL.encode() + b"extends: /etc/passwd.yaml\n", [
        "{f}:14:10: extends: '/etc/passwd.yaml' is outside the definition's folder; only files "
        "inside it are read"]),
}

# roster file name and content -> expected lines ({r} for the roster's path)
ROSTERS: dict[str, tuple[str, bytes, list[str]]] = {
    "roster with a BOM and an empty name": ("r.csv", "\ufeffชื่อ,นามสกุล\nสมชาย,ใจดี\n,ไม่มีชื่อ\n".encode(), [
        "{r}:3:1: the name is empty"]),
    "roster with a 100 000-character field": ("r.csv", ("ชื่อ\n" + "ก" * 100_000 + "\n").encode(), [
        "{r}:2:1: name is longer than 200 characters"]),
    "roster in Windows-874": ("r.csv", "ชื่อ\nสมชาย\n".encode("cp874"), [
        "{r}:1:1: the roster is not UTF-8 text (save it as CSV UTF-8)"]),
    "roster without a name column": ("r.csv", b"phone\n0812345678\n", [
        "{r}:1:1: the roster has no name column (ชื่อ, ชื่อ-นามสกุล or name)"]),
    "roster with duplicate codes": ("r.csv", "ชื่อ,รหัส\nก,A1\nข,A1\n".encode(), [
        "{r}:3:2: duplicate code 'A1' (also row 2)"]),
    "roster that is not a spreadsheet": ("r.xlsx", b"not a zip file", [
        "{r}:1:1: cannot read the Excel file (BadZipFile)"]),
    "roster of another kind": ("r.json", b"[]", ["{r}:1:1: a roster is a .csv or .xlsx file"]),
}


def run_build(args: list[str]):
    result = CliRunner().invoke(main, args)
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", list(DEFINITIONS))
def test_hostile_definitions_are_refused_with_located_messages(tmp_path: Path, name: str):
    content, expected = DEFINITIONS[name]
    path = tmp_path / "w.yaml"
    path.write_bytes(content)
    status, out, err = run_build(["build", str(path), "-o", str(tmp_path / "out")])
    assert status == 2
    assert err.splitlines() == [line.format(f=path) for line in expected]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", list(ROSTERS))
def test_hostile_rosters_are_refused_with_located_messages(tmp_path: Path, name: str):
    file_name, content, expected = ROSTERS[name]
    definition = tmp_path / "w.yaml"
    definition.write_text(MINIMAL, encoding="utf-8")
    roster = tmp_path / file_name
    roster.write_bytes(content)
    status, _, err = run_build(["build", str(definition), "--roster", str(roster),
                                "-o", str(tmp_path / "out")])
    assert status == 2
    assert err.splitlines() == [line.format(r=roster) for line in expected]
    assert not (tmp_path / "out").exists()
