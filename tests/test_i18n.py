"""Thai first: every marked message has its Thai translation, the language is chosen as a
trainer expects, and the slips trainers make in their own Thai definitions each get a Thai
explanation at the line to change."""
from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from click.testing import CliRunner

from workshopkit import i18n
from workshopkit.cli import main

SOURCE = Path(i18n.__file__).parent
PO = i18n.LOCALE_DIR / "th" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"

BASE = """\
title: เวทีประชาคมตำบลหนองบัว
organiser: {name: สมาคมวิถีสาน}
agenda:
  days:
    - date: 12 มีนาคม 2569
      start: 08.30
      items:
        - {title: ลงทะเบียน, kind: registration, minutes: 30}
        - {title: แนะนำตัวและทำความรู้จัก, minutes: 60, activity: intro}
        - {title: พักรับประทานอาหารว่าง, kind: break, minutes: 15}
        - {title: วิเคราะห์ทุนชุมชน, minutes: 1 ชั่วโมง 30 นาที, activity: capital}
        - {title: ปิดเวที}
activities:
  - id: intro
    title: แนะนำตัว
    objectives: [รู้จักกัน]
    steps: [ทักทาย]
  - id: capital
    title: ทุนชุมชน
    objectives: [เห็นทุนของชุมชน]
    steps:
      - แบ่งกลุ่มย่อย
      - นำเสนอ
"""

# slip -> (what the trainer typed instead, the Thai message and line it gets); {f} is the file
SLIPS = {
    'tab indent': ('      start: 08.30', '\tstart: 08.30',
        '{f}:6:1: บรรทัดนี้ใช้ปุ่ม Tab ย่อหน้า ให้ย่อหน้าด้วยการเว้นวรรค (ช่องว่าง) เท่านั้น (6 ช่อง ตามบรรทัดก่อนหน้า)'),
    'line indented one too many': ('        - {title: ปิดเวที}', '         - {title: ปิดเวที}',
        '{f}:12:10: บรรทัดนี้ย่อหน้า 9 ช่อง แต่บรรทัดรอบ ๆ ใช้ 8 ช่อง ให้ย่อหน้าให้ตรงกัน'),
    'line indented one too few': ('    objectives: [รู้จักกัน]', '   objectives: [รู้จักกัน]',
        '{f}:16:4: บรรทัดนี้ย่อหน้า 3 ช่อง แต่บรรทัดรอบ ๆ ใช้ 4 ช่อง ให้ย่อหน้าให้ตรงกัน'),
    'colon in a title': ('title: เวทีประชาคมตำบลหนองบัว', 'title: เวทีประชาคม: ตำบลหนองบัว',
        '{f}:1:8: เครื่องหมายทวิภาค (:) ในข้อความของ \'title\' ทำให้ YAML อ่านเป็นหัวข้อใหม่ ให้ใส่ข้อความในเครื่องหมายคำพูด: title: "เวทีประชาคม: ตำบลหนองบัว"'),
    'unclosed quote': ('    title: แนะนำตัว', '    title: "แนะนำตัว',
        '{f}:15:12: เครื่องหมายคำพูด (") ที่เปิดตรงนี้ยังไม่ได้ปิดในบรรทัดนี้ ให้ปิดด้วย " ที่ท้ายข้อความ'),
    'unclosed bracket': ('    objectives: [รู้จักกัน]', '    objectives: [รู้จักกัน',
        '{f}:16:17: [ ที่เปิดตรงนี้ยังไม่ได้ปิด ให้ปิดด้วย ] และคั่นแต่ละรายการด้วยจุลภาค (,)'),
    'comma splits a title': ('{title: แนะนำตัวและทำความรู้จัก,', '{title: แนะนำตัว, ทำความรู้จัก,',
        '{f}:9:29: agenda.days[0].items[1].ทำความรู้จัก: เครื่องหมายจุลภาค (,) ใน {...} ทำให้ข้อความของ \'title\' ถูกแยกเป็นสองส่วน ให้ใส่ข้อความทั้งหมดในเครื่องหมายคำพูด: title: "แนะนำตัว, ทำความรู้จัก"'),
    'misspelled activities': ('activities:', 'activites:',
        "{f}:13:1: activites: ไม่รู้จักหัวข้อ 'activites' หมายถึง 'activities' หรือเปล่า? จนกว่าจะแก้ จะหารหัสกิจกรรมไม่พบ (2 แห่งในไฟล์นี้)"),
    'misspelled objectives': ('    objectives: [รู้จักกัน]', '    objectivs: [รู้จักกัน]',
        "{f}:16:5: activities[0].objectivs: ไม่รู้จักหัวข้อ 'objectivs' หมายถึง 'objectives' หรือเปล่า?"),
    'misspelled organiser': ('organiser:', 'organizer:',
        "{f}:2:1: organizer: ไม่รู้จักหัวข้อ 'organizer' หมายถึง 'organiser' หรือเปล่า?"),
    'misspelled kind': ('kind: break', 'kind: brake',
        "{f}:10:48: agenda.days[0].items[2].kind: 'brake' ไม่ใช่ค่าที่ใช้ได้ (session, registration, break, meal, other) หมายถึง 'break' หรือเปล่า?"),
    'unknown activity': ('activity: capital}', 'activity: capitel}',
        "{f}:11:76: agenda.days[0].items[3].activity: ไม่พบกิจกรรม 'capitel' (ที่กำหนดไว้มี: capital, intro)"),
    'duplicate key': ('    title: ทุนชุมชน', '    title: ทุนชุมชน\n    title: ทุนของชุมชน',
        "{f}:20:5: activities[1].title: หัวข้อ 'title' ซ้ำกัน (มีอยู่แล้วที่บรรทัด 19)"),
    'missing steps': ('    steps: [ทักทาย]\n', '',
        '{f}:14:5: activities[0].steps: ขาดหัวข้อที่จำเป็นต้องมี'),
    'empty objectives': ('    objectives: [รู้จักกัน]', '    objectives: []',
        '{f}:16:17: activities[0].objectives: ต้องมีอย่างน้อยหนึ่งรายการ'),
    'clock without minutes': ('      start: 08.30', '      start: 8',
        '{f}:6:14: agenda.days[0].start: เขียนเวลาให้มีนาทีด้วย เช่น 08.30 หรือ "08:30"'),
    'impossible clock': ('      start: 08.30', '      start: 25.30',
        '{f}:6:14: agenda.days[0].start: \'25.30\' ไม่ใช่เวลา เขียนเวลาแบบ 08.30 หรือ "08:30"'),
    'clock in words': ('      start: 08.30', '      start: แปดโมงครึ่ง',
        '{f}:6:14: agenda.days[0].start: \'แปดโมงครึ่ง\' ไม่ใช่เวลา เขียนเวลาแบบ 08.30 หรือ "08:30"'),
    'duration in words': ('minutes: 60, activity: intro', 'minutes: หนึ่งชั่วโมง, activity: intro',
        "{f}:9:53: agenda.days[0].items[1].minutes: 'หนึ่งชั่วโมง' ไม่ใช่ระยะเวลา เขียนเป็นจำนวนนาที เช่น 90 หรือ 1 ชั่วโมง 30 นาที"),
    'zero minutes': ('kind: break, minutes: 15', 'kind: break, minutes: 0',
        '{f}:10:64: agenda.days[0].items[2].minutes: ต้องไม่น้อยกว่า 1'),
    'impossible date': ('date: 12 มีนาคม 2569', 'date: 31 กุมภาพันธ์ 2569',
        "{f}:5:13: agenda.days[0].date: '31 กุมภาพันธ์ 2569' ไม่ใช่วันที่ เขียนแบบ 12 มีนาคม 2569 หรือ 2569-03-12"),
    'minutes left out mid-day': ('kind: break, minutes: 15}', 'kind: break}',
        '{f}:10:11: agenda.days[0].items[2].minutes: เว้นระยะเวลา (minutes) ได้เฉพาะรายการสุดท้ายของวันเท่านั้น'),
    'two SARA E': ('    title: ทุนชุมชน', '    title: ทุนชุมชนเเละเครือข่าย',
        '{f}:19:20: activities[1].title: คำเตือน: สระเอ สองตัว แทน สระแอ: "ทุนชุมชนเเละเครือข่าย" ควรเป็น "ทุนชุมชนและเครือข่าย"'),
    'NIKHAHIT and SARA AA': ('    steps: [ทักทาย]', '    steps: [ทักทายและทํากิจกรรม]',
        '{f}:17:23: activities[0].steps[0]: คำเตือน: นิคหิต (ํ) กับสระอา แทน สระอำ: "ทักทายและทํากิจกรรม" ควรเป็น "ทักทายและทำกิจกรรม"'),
    'tone mark before vowel': ('      - นำเสนอ', '      - นำเสนอให้ท่ัวถึง',
        '{f}:23:19: activities[1].steps[1]: คำเตือน: พิมพ์วรรณยุกต์ก่อนสระ: "นำเสนอให้ท่ัวถึง" ควรเป็น "นำเสนอให้ทั่วถึง"'),
    'tone mark typed twice': ('objectives: [เห็นทุนของชุมชน]', 'objectives: [เห็นทุนของชุมชนน้้ำใจ]',
        '{f}:20:34: activities[1].objectives[0]: คำเตือน: พิมพ์สระหรือวรรณยุกต์ซ้ำสองครั้ง: "ทุนของชุมชนน้้ำใจ" ควรเป็น "ทุนของชุมชนน้ำใจ"'),
    'space inside a word': ('      - แบ่งกลุ่มย่อย', '      - แบ่งกลุ่มเ ล็ก',
        '{f}:22:19: activities[1].steps[0]: คำเตือน: เว้นวรรคกลางคำ: "แบ่งกลุ่มเ ล็ก" ควรเป็น "แบ่งกลุ่มเล็ก"'),
    'zero-width space': ('title: เวทีประชาคมตำบลหนองบัว', 'title: เวทีประชาคม\u200bตำบลหนองบัว',
        '{f}:1:19: title: คำเตือน: มีอักขระที่มองไม่เห็น: "เวทีประชาคม<U+200B>ตำบลหนองบัว" ควรเป็น "เวทีประชาคมตำบลหนองบัว"'),
    'activity minutes differ': ('    steps: [ทักทาย]', '    steps: [ทักทาย]\n    minutes: 45',
        '{f}:18:14: activities[0].minutes: คำเตือน: กิจกรรมนี้ระบุว่าใช้เวลา 45 นาที แต่กำหนดการให้เวลา 60 นาที'),
    'emoji': ('    title: แนะนำตัว', '    title: แนะนำตัว 🎉',
        "{f}:15:12: activities[0].title: ฟอนต์ที่ให้มา (Sarabun) พิมพ์ '🎉' (U+1F389) ไม่ได้"),
    'unknown block type': ('activities:', 'worksheets:\n  - id: w\n    title: ใบงาน\n    blocks:\n      - {type: tabel}\nactivities:',
        "{f}:17:9: worksheets[0].blocks[0]: ไม่รู้จักชนิดของส่วนประกอบ 'tabel' หมายถึง 'table' หรือเปล่า?"),
    'survey link without https': ('activities:', 'surveys:\n  - {id: pre, title: แบบสอบถามก่อนเวที, url: "http://forms.gle/abc"}\nactivities:',
        "{f}:14:46: surveys[0].url: 'http://forms.gle/abc' ไม่ใช่ลิงก์ที่ขึ้นต้นด้วย https://"),
}


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("slip", list(SLIPS))
def test_a_slip_in_a_thai_definition_gets_a_thai_explanation_at_its_line(tmp_path, slip):
    typed, instead, expected = SLIPS[slip]
    assert typed in BASE
    path = tmp_path / "w.yaml"
    path.write_text(BASE.replace(typed, instead, 1), encoding="utf-8")
    status, _, err = run("--lang", "th", "validate", str(path))
    assert err.splitlines() == [expected.replace("{f}", str(path))]
    assert status == (0 if "คำเตือน" in expected else 2)


def test_the_clean_definition_has_nothing_to_say(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(BASE, encoding="utf-8")
    assert run("--lang", "th", "validate", str(path)) == (0, f"{path}: ถูกต้อง\n", "")


def marked_messages() -> set[str]:
    found = extract_from_dir(str(SOURCE), keywords={"_": None, "N_": None}, comment_tags=())
    return {message for _file, _line, message, _comments, _context in found}


def test_every_marked_message_has_a_thai_translation():
    with PO.open("rb") as handle:
        catalogue = read_po(handle, locale="th")
    translated = {m.id: m.string for m in catalogue if m.id and m.string}
    assert sorted(marked_messages() - set(translated)) == [], "run `make catalogues`, then translate"


def test_a_translation_keeps_every_placeholder_of_its_message():
    with PO.open("rb") as handle:
        catalogue = read_po(handle, locale="th")
    for message in catalogue:
        if message.id:
            assert set(re.findall(r"\{(\w+)\}", message.string)) == set(re.findall(r"\{(\w+)\}", message.id)), \
                message.id


def test_the_compiled_catalogue_the_package_carries_is_the_current_one():
    with PO.open("rb") as handle:
        catalogue = read_po(handle, locale="th")
    compiled = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=["th"])
    for message in catalogue:
        if message.id:
            assert compiled.gettext(message.id) == message.string, "run `make catalogues`"


@pytest.mark.parametrize(("explicit", "locale", "text", "chosen"), [
    ("en", "th_TH.UTF-8", "title: เวที\n", "en"),  # --lang wins
    (None, "th_TH.UTF-8", "language: en\ntitle: Forum\n", "th"),  # a Thai locale
    (None, "en_GB.UTF-8", "title: เวทีประชาคม\n", "th"),  # a definition in Thai
    (None, "en_GB.UTF-8", "language: en\ntitle: เวที\n", "en"),  # one that says it is English
    (None, "C", "title: Community forum\n", "en"),
])
def test_the_language_is_chosen_as_a_trainer_expects(tmp_path, monkeypatch, explicit, locale, text, chosen):
    monkeypatch.delenv(i18n.ENVIRONMENT)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", locale)
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    assert i18n.choose(explicit, path) == chosen


def test_english_stays_english(tmp_path):
    path = tmp_path / "w.yaml"
    path.write_text(BASE.replace("activities:", "activites:"), encoding="utf-8")
    status, _, err = run("--lang", "en", "validate", str(path))
    assert status == 2 and err.splitlines() == [
        f"{path}:13:1: activites: unknown field 'activites'; did you mean 'activities'? Until it is, "
        f"activity ids cannot be found (2 in this file)."]


def test_a_roster_slip_is_said_in_thai_at_its_row_and_column(tmp_path):
    definition = tmp_path / "w.yaml"
    definition.write_text(BASE, encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("ลำดับ,ชื่อ,นามสกุล\n1,สมศรี,ใจดี\n2,,มั่นคง\n3,สมหญิง,ใจดี\n", encoding="utf-8")
    status, _, err = run("--lang", "th", "build", str(definition), "--roster", str(roster),
                         "-o", str(tmp_path / "out"))
    assert status == 2 and err.splitlines() == [f"{roster}:3:2: ไม่มีชื่อ"]
    assert not (tmp_path / "out").exists()


def test_no_message_is_marked_inside_an_f_string():
    """Babel does not look inside f-strings: a `_("...")` there is never extracted, so it stays
    English in Thai (the progress bar's word did)."""
    import ast
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    assert not (isinstance(inner, ast.Call) and getattr(inner.func, "id", "") in ("_", "N_")), \
                        f"{path.relative_to(SOURCE)}:{node.lineno}: a message marked inside an f-string"


@pytest.mark.parametrize(("lang", "said"), [("th", "ถ้าพิมพ์จะถูกตัดหาย"), ("en", "it would be cut off on paper")])
def test_the_render_worker_speaks_the_commands_language(tmp_path, lang, said):
    """The `workshopkit` command starts the render workers' server before it reads its
    arguments with click: what the worker says (here, that a table runs off the page) must
    still be in the language asked for."""
    import os
    import subprocess
    import sys
    look = tmp_path / "look"
    look.mkdir()
    (look / "print.css").write_text("table.grid { width: 250mm; }", encoding="utf-8")
    definition = tmp_path / "pushed.yaml"
    definition.write_text(BASE.replace("activities:", """\
worksheets:
  - id: wide
    title: ตารางกว้าง
    blocks:
      - {type: table, label_column: ประเด็น, columns: [บันทึก], rows: [แถวแรก]}
theme: {templates: look}
activities:"""), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != i18n.ENVIRONMENT}
    command = Path(sys.executable).parent / "workshopkit"  # the console script, as people run it
    result = subprocess.run([str(command), "--lang", lang, "build", str(definition), "--format", "pdf",
                             "-o", str(tmp_path / "out")], capture_output=True, text=True, env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert said in result.stderr, result.stderr
