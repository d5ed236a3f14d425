"""The command line: exit status and exact messages, as a user sees them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import MINIMAL, REFERENCE, pdftotext, write_definition

from workshopkit.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# The seed's session plan gives its activities other times than its agenda does: 60 minutes
# for the memories (the agenda: 70), 60 for the framework (90), 60 for the goals (120), 120 for
# the data (60 on day one and 170 on day two); the trainer hears of each, at its line.
REFERENCE_ADVICE = [
    f"{REFERENCE}:{line}:14: activities[{index}].minutes: warning: the activity takes {own} minutes, "
    f"the agenda gives it {agenda}"
    for line, index, own, agenda in ((103, 1, 60, 70), (121, 2, 60, 90), (153, 3, 60, 120),
                                     (190, 4, 120, 230))]


def test_validate_accepts_the_reference_workshop_and_says_where_its_times_disagree():
    status, out, err = run("validate", str(REFERENCE))
    assert (status, out, err.splitlines()) == (0, f"{REFERENCE}: ok\n", REFERENCE_ADVICE)


INVALID = {
    "unknown field": (MINIMAL.replace("organiser:", "organizer:"), [
        # one slip, one message: the missing organiser is the misspelling's doing
        "{f}:2:1: organizer: unknown field 'organizer'; did you mean 'organiser'?"]),
    "sexagesimal start": (MINIMAL.replace('"09:00"', "900"), [
        '{f}:5:14: agenda.days[0].start: write clock times with their minutes, like 08.30 or "08:30"']),
    "negative minutes": (MINIMAL.replace("minutes: 30", "minutes: -30"), [
        "{f}:7:38: agenda.days[0].items[0].minutes: must be at least 1"]),
    "missing activity": (MINIMAL.replace("activity: intro", "activity: intro2"), [
        "{f}:7:52: agenda.days[0].items[0].activity: unknown activity 'intro2' (defined: intro)"]),
    "duplicate key": (MINIMAL + "title: อีกครั้ง\n", [
        "{f}:14:1: title: duplicate key 'title' (first defined at line 1)"]),
    "bad language": (MINIMAL + "language: lao\n", [
        "{f}:14:11: language: input should be 'th' or 'en'"]),
    "yaml syntax": ("title: [unclosed\n", [
        "{f}:1:8: the [ that opens here is not closed: end it with ], and separate its items with commas"]),
}


@pytest.mark.parametrize("name", list(INVALID))
def test_invalid_definitions_exit_2_with_located_messages(tmp_path, name):
    text, expected = INVALID[name]
    path = write_definition(tmp_path, text)
    status, out, err = run("validate", str(path))
    assert status == 2
    lines = [line.format(f=path) for line in expected]
    assert sorted(err.splitlines()) == sorted(lines)


def test_validate_reports_each_file(tmp_path):
    bad = write_definition(tmp_path, "title: x\n", "bad.yaml")
    status, out, err = run("validate", str(REFERENCE), str(bad))
    assert status == 2
    assert out == f"{REFERENCE}: ok\n"
    assert err.splitlines() == [*REFERENCE_ADVICE, f"{bad}:1:1: agenda: required field is missing",
                                f"{bad}:1:1: organiser: required field is missing"]


def test_build_writes_nothing_for_an_invalid_definition(tmp_path):
    path = write_definition(tmp_path, MINIMAL.replace("minutes: 15", "minutes: 0"))
    status, _, err = run("build", str(path), "-o", str(tmp_path / "out"))
    assert status == 2 and "must be at least 1" in err
    assert not (tmp_path / "out").exists()


def test_build_writes_the_pack_and_manifest(tmp_path):
    path = write_definition(tmp_path, MINIMAL, "forum.yaml")
    status, out, err = run("build", str(path), "-o", str(tmp_path / "out"))
    assert (status, err) == (0, "")
    folder = tmp_path / "out" / "forum"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["workshop"] == {"id": "forum", "title": "เวทีทดสอบ"}
    assert {d["kind"] for d in manifest["documents"]} == {
        "agenda", "session-plan", "sign-in-sheet", "print-checklist", "participant-pack",
        "facilitator-pack"}
    assert all((folder / d["path"]).is_file() for d in manifest["documents"])
    assert out.splitlines()[0] == str(folder)


@pytest.mark.parametrize("fmt, suffixes", [("pdf", {".pdf"}), ("docx", {".docx"}),
                                           ("all", {".pdf", ".docx"})])
def test_format_chooses_what_is_written(tmp_path, fmt, suffixes):
    path = write_definition(tmp_path, MINIMAL)
    status, _, err = run("build", str(path), "--format", fmt, "-o", str(tmp_path / "out"))
    assert (status, err) == (0, "")
    written = {p.suffix for p in (tmp_path / "out" / "workshop").iterdir()} - {".json"}
    assert written == suffixes


def test_both_formats_are_the_default(tmp_path):
    path = write_definition(tmp_path, MINIMAL)
    assert run("build", str(path), "-o", str(tmp_path / "out"))[0] == 0
    manifest = json.loads((tmp_path / "out" / "workshop" / "manifest.json").read_text())
    assert {d["format"] for d in manifest["documents"]} == {"pdf", "docx"}


def test_a_missing_file_is_a_clear_error(tmp_path):
    status, _, err = run("validate", str(tmp_path / "nope.yaml"))
    missing = tmp_path / "nope.yaml"
    assert (status, err) == (2, f"{missing}:1:1: cannot read file: No such file or directory\n")


def test_python_dash_m_works(tmp_path):
    result = subprocess.run([sys.executable, "-m", "workshopkit", "validate", str(REFERENCE)],
                            capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, f"{REFERENCE}: ok\n")


def test_a_character_the_bundled_font_lacks_stops_the_build(tmp_path):
    path = write_definition(tmp_path, MINIMAL.replace("ทักทาย", "ทักทาย ☐"))
    status, _, err = run("build", str(path), "-o", str(tmp_path / "out"))
    assert (status, err) == (2, f"{path}:13:13: activities[0].steps[0]: the bundled font (Sarabun) "
                                "cannot print '☐' (U+2610)\n")
    assert not (tmp_path / "out").exists()


def test_an_english_workshop_prints_english_labels(tmp_path):
    path = write_definition(tmp_path, MINIMAL + "language: en\n")
    status, _, err = run("build", str(path), "-o", str(tmp_path / "out"))
    assert (status, err) == (0, "")
    text = pdftotext(tmp_path / "out" / "workshop" / "agenda.pdf")
    assert "Agenda" in text and "09:00 – 09:30" in text and "Page 1 / 1" in text
    assert "กำหนดการ" not in text and "น." not in text


def test_thai_words_in_the_build_table_line_up_by_what_the_terminal_shows():
    from workshopkit.cli import _padded
    # ผู้เข้าร่วม: 11 code points, 7 columns (four marks above or below a letter take none)
    assert _padded("ผู้เข้าร่วม", 12) == "ผู้เข้าร่วม" + " " * 5
    assert _padded("วิทยากร", 12) == "วิทยากร" + " " * 6
    assert _padded("participant", 12) == "participant "
