"""The Thai typing-error linter: warnings at the character, and --fix that keeps the file's
comments and layout."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import MINIMAL
from pythainlp.util import normalize

from workshopkit.cli import main
from workshopkit.definition.thai_lint import fix_text

TYPOS = """\
# แบบฝึกหัด: คำผิดที่พบบ่อย (this comment stays)
title: "เเผนการทํางาน"   # two SARA E, NIKHAHIT + SARA AA
organiser: {name: ทีมทดสอบ}
agenda:
  days:
    - start: "09:00"
      items:
        - {title: ลงทะเบียนร่ับเอกสาร, minutes: 30, activity: intro}
        - {title: ปิดกิจกรรมม, minutes: 15}
activities:
  - id: intro
    title: แนะนำตัว
    objectives: [รู้จักกันน้้ำใจดี]
    steps:
      - เพื่อให้ผู้เข้าร่วม เ ข้าใจ
      - แบ่งกลุ่ม ๆ ละ 3-4 คน
"""


@pytest.mark.parametrize("typed, meant", [
    ("เเมว", "แมว"), ("ทํางาน", "ทำงาน"), ("น้ํา", "น้ำ"), ("นํ้า", "น้ำ"), ("ก่ิน", "กิ่น"),
    ("กิิน", "กิน"), ("ก่่า", "ก่า"), ("เ กิด", "เกิด"), ("ก ับ", "กับ"),
    ("กลุ่ม ๆ ละ", "กลุ่ม ๆ ละ"), ("ประกัน สังคม", "ประกัน สังคม"), ("สวัสดี", "สวัสดี"),
])
def test_fixes_agree_with_pythainlps_normaliser(typed, meant):
    assert fix_text(typed) == meant
    assert normalize(meant) == meant


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_typing_errors_are_warnings_at_the_character(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(TYPOS, encoding="utf-8")
    status, out, err = run("validate", str(path))
    assert (status, out) == (0, f"{path}: ok\n")
    assert [line.replace(str(path), "w.yaml") for line in err.splitlines()] == [
        'w.yaml:2:9: title: warning: two SARA E typed for SARA AE: "เเผนการทํางาน" should be '
        '"แผนการทํางาน"',
        'w.yaml:2:17: title: warning: NIKHAHIT and SARA AA typed for SARA AM: "เเผนการทํางาน" '
        'should be "เเผนการทำงาน"',
        'w.yaml:8:29: agenda.days[0].items[0].title: warning: tone mark typed before its vowel: '
        '"ลงทะเบียนร่ับเอกสาร" should be "ลงทะเบียนรั่บเอกสาร"',
        'w.yaml:13:28: activities[0].objectives[0]: warning: vowel or tone mark typed twice: '
        '"รู้จักกันน้้ำใจดี" should be "รู้จักกันน้ำใจดี"',
        'w.yaml:15:30: activities[0].steps[0]: warning: space inside a word: "เ ข้าใจ" should be "เข้าใจ"',
    ]


def test_fix_repairs_in_place_keeps_comments_and_a_backup(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(TYPOS, encoding="utf-8")
    status, out, err = run("validate", "--fix", str(path))
    assert status == 0 and err == ""
    assert out == f"{path}: fixed 5 Thai typing errors (original kept as {path}.bak)\n{path}: ok\n"
    fixed = path.read_text(encoding="utf-8")
    assert Path(f"{path}.bak").read_text(encoding="utf-8") == TYPOS
    assert fixed.splitlines()[:2] == ["# แบบฝึกหัด: คำผิดที่พบบ่อย (this comment stays)",
                                      'title: "แผนการทำงาน"   # two SARA E, NIKHAHIT + SARA AA']
    assert "เพื่อให้ผู้เข้าร่วม เข้าใจ" in fixed and "แบ่งกลุ่ม ๆ ละ 3-4 คน" in fixed
    assert run("validate", str(path)) == (0, f"{path}: ok\n", "")  # clean now


def test_fix_leaves_a_clean_file_untouched(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert run("validate", "--fix", str(path)) == (0, f"{path}: ok\n", "")
    assert not Path(f"{path}.bak").exists()


def test_a_typing_error_in_an_included_file_is_a_warning_in_that_file(tmp_path):
    (tmp_path / "more.yaml").write_text(
        "activities:\n  - id: close\n    title: ปิดเวที\n    objectives: [สรุปผลการทํางาน]\n"
        "    steps: [สรุป]\n",
        encoding="utf-8")
    top = tmp_path / "w.yaml"
    top.write_text(MINIMAL + "include: [more.yaml]\n", encoding="utf-8")
    status, _, err = run("validate", str(top))
    assert status == 0
    assert [line for line in err.splitlines() if "no agenda item uses" not in line] == [
        f"{tmp_path / 'more.yaml'}:4:28: activities[0].objectives[0]: warning: NIKHAHIT and SARA AA "
        f"typed for SARA AM: \"สรุปผลการทํางาน\" should be \"สรุปผลการทำงาน\""]


def test_an_invisible_character_is_shown_at_its_column_and_fix_removes_it(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(MINIMAL.replace("title: เวทีทดสอบ", "title: เวที\u200bทดสอบ"), encoding="utf-8")
    status, _, err = run("validate", str(path))
    assert status == 0
    assert err.splitlines() == [f'{path}:1:12: title: warning: invisible character: '
                                f'"เวที<U+200B>ทดสอบ" should be "เวทีทดสอบ"']
    assert run("validate", "--fix", str(path))[0] == 0
    assert "\u200b" not in path.read_text(encoding="utf-8")


def test_build_prints_the_typing_warnings_too(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(TYPOS, encoding="utf-8")
    status, _, err = run("build", str(path), "-o", str(tmp_path / "out"), "--format", "docx")
    assert status == 0
    assert sum("warning: " in line for line in err.splitlines()) == 5


def test_validate_shows_the_warnings_with_the_problems(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(TYPOS.replace("organiser: {name: ทีมทดสอบ}\n", ""), encoding="utf-8")
    status, _, err = run("validate", str(path))
    assert status == 2  # the mapping opens on line 2, after the comment
    assert f"{path}:2:1: organiser: required field is missing" in err.splitlines()
    assert sum("warning: " in line for line in err.splitlines()) == 5


def test_an_activity_no_agenda_item_uses_is_a_warning_at_its_id(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(MINIMAL + "  - {id: spare, title: สำรอง, objectives: [x], steps: [y]}\n",
                    encoding="utf-8")
    status, _, err = run("validate", str(path))
    assert (status, err.splitlines()) == (0, [
        f"{path}:{MINIMAL.count(chr(10)) + 1}:10: activities[1].id: warning: no agenda item uses "
        f"activity 'spare'"])
