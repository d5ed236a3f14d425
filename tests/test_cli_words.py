"""The command line's own words (usage, help, click's errors) in the user's language."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshopkit import cli_words
from workshopkit.cli import main
from workshopkit.paper.measure import words


def run(*args: str):
    result = CliRunner().invoke(main, list(args), prog_name="workshopkit")
    return result.exit_code, result.stdout, result.stderr


def test_the_help_of_a_command_is_thai_for_a_thai_user():
    status, out, _ = run("--lang", "th", "build", "--help")
    assert status == 0
    assert out.startswith("วิธีใช้: workshopkit build [OPTIONS] FILE\n\n  สร้างชุดเอกสารพร้อมพิมพ์จากไฟล์กำหนดเวที\n")
    assert "ตัวเลือก:" in out and "แสดงข้อความนี้แล้วจบ" in out and "[ค่าปกติ: out]" in out
    assert "[ค่าปกติ: 300" in out  # a default that is not a literal is filled in after translation
    assert "Build the print pack" not in out and "Options:" not in out


def test_the_same_process_says_it_in_english_afterwards():
    run("--lang", "th", "build", "--help")
    status, out, _ = run("--lang", "en", "build", "--help")
    assert status == 0 and "Build the print pack of a workshop definition." in out and "Options:" in out
    assert "[default: 300 s, plus" in out and "แสดง" not in out


@pytest.mark.parametrize(("args", "said"), [
    (["build"], "ผิดพลาด: ขาดค่าที่ต้องใส่ 'FILE'"),
    (["biuld", "w.yaml"], "ผิดพลาด: ไม่มีคำสั่ง 'biuld' หมายถึง 'build' หรือเปล่า"),
    (["build", "w.yaml", "--format", "pfd"],
     "ผิดพลาด: ค่าของ '--format' ใช้ไม่ได้: 'pfd' ไม่ใช่ค่าใดใน 'pdf', 'docx', 'all'"),
    (["build", "w.yaml", "--participants", "0"],
     "ผิดพลาด: ค่าของ '--participants' ใช้ไม่ได้: 0 ไม่อยู่ในช่วง 1<=x<=5000"),
    (["validate", "--fx", "w.yaml"], "ผิดพลาด: ไม่มีตัวเลือก '--fx' หมายถึง '--fix' หรือเปล่า"),
])
def test_a_mistyped_command_line_is_explained_in_thai(args, said):
    status, _, err = run("--lang", "th", *args)
    assert status == 2 and said in err and "ดูวิธีใช้ด้วย 'workshopkit" in err


def test_a_thai_locale_gets_thai_usage_without_asking():
    """The real program in a Thai terminal, without --lang (the tests otherwise speak English)."""
    env = {"LANG": "th_TH.UTF-8", "PATH": "/usr/bin:/bin"}
    program = str(Path(sys.executable).parent / "workshopkit")
    done = subprocess.run([program, "--help"], env=env,
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("วิธีใช้: workshopkit")
    assert "คำสั่ง:" in done.stdout and "สร้างชุดเอกสารพร้อมพิมพ์จากไฟล์กำหนดเวที" in done.stdout


def test_thai_help_is_wrapped_between_words_never_inside_one():
    text = ("ภาษาของข้อความ: th หรือ en (ปกติเป็นภาษาไทยเมื่อเครื่องตั้งภาษาไทยหรือไฟล์กำหนดเวที"
            "เขียนเป็นภาษาไทย นอกนั้นเป็นภาษาอังกฤษ)")
    lines = cli_words._WordWrapper(width=30).wrap(text)
    assert len(lines) > 3 and "".join(lines).replace(" ", "") == text.replace(" ", "")
    boundaries, at = {0}, 0
    for word in words(text.replace(" ", "")):
        at += len(word)
        boundaries.add(at)
    at = 0
    for line in lines:
        at += len(line.replace(" ", ""))
        assert at in boundaries, line
