"""The organiser's roster day, read back from what is printed: certificates (every name on its
own certificate, on one line, inside its box; the Buddhist Era date; numbers that stay with the
person), name badges (the name inside its cell), the sign-in sheet's walk-in rows, the survey
poster's QR codes, and the DOCX certificate as LibreOffice prints it with the embedded font."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REFERENCE, ROOT, decoded_qr_codes, fold, libreoffice_pdfs, pdftotext, write_definition
from pypdf import PdfReader

from workshopkit import app, qr
from workshopkit.compose import badges as badge_module
from workshopkit.compose import certificate as certificate_module
from workshopkit.compose import roster_day
from workshopkit.compose.sign_in import compose_sign_in
from workshopkit.compose.style import style_of
from workshopkit.compose.survey_poster import POSTER_QR_MM
from workshopkit.definition import roster_day as roster_day_model
from workshopkit.definition.read import read_workshop
from workshopkit.errors import DefinitionError, RosterError
from workshopkit.paper.page import BADGE_CELLS, MARGINS_MM
from workshopkit.people.roster import read_roster
from workshopkit.people.surveys import personal_url

EXAMPLE_ROSTER = ROOT / "examples" / "roster.csv"
MM = 72 / 25.4  # points per mm
# 60 characters of name and surname, after the longest prefix people use
LONG_NAME, LONG_SURNAME = "ปริยากรณ์ชนิดาภาวรรณ", "ศรีสุวรรณวัฒนากุลพงศ์ไพบูลย์เจริญยิ่งยง"
assert len(f"{LONG_NAME} {LONG_SURNAME}") == 60
LONG_PREFIX = "ว่าที่ร้อยตรีหญิง"


def roster_with_a_long_name(path: Path, top: list[str] | None = None) -> Path:
    """The example roster, with a 60-character name under the longest prefix at its end (and
    `top`, a row put before everyone)."""
    rows = list(csv.reader(EXAMPLE_ROSTER.open(encoding="utf-8")))
    rows.append(["7", LONG_PREFIX, LONG_NAME, LONG_SURNAME, "4", "แม่กา", "เมืองพะเยา", "พะเยา", "", "3"])
    if top:
        rows.insert(1, top)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


@pytest.fixture(scope="module")
def day(tmp_path_factory) -> Path:
    """The reference workshop built for the example roster and one very long name, PDF and DOCX."""
    work = tmp_path_factory.mktemp("roster-day")
    roster = roster_with_a_long_name(work / "roster.csv")
    return app.build(REFERENCE, work / "out", roster=roster).folder


def words(pdf: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Each page's words with their boxes in points (x0, y0 from the top, x1, y1)."""
    xml = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        pages.append([(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)])
    return pages


def placed(page: list, text: str) -> tuple[float, float, float, float] | None:
    """The box of `text` when its words stand one after another on one line of the page."""
    wanted = text.split()
    for start in range(len(page) - len(wanted) + 1):
        run = page[start:start + len(wanted)]
        if [w[0] for w in run] == wanted:
            tops = {round(w[2]) for w in run}
            assert len(tops) == 1, f"{text!r} is not on one line: {run}"
            return min(w[1] for w in run), run[0][2], max(w[3] for w in run), run[0][4]
    return None


def test_the_day_writes_certificates_badges_and_the_poster(day):
    manifest = json.loads((day / "manifest.json").read_text(encoding="utf-8"))
    kinds = {(d["kind"], d["format"]) for d in manifest["documents"]}
    assert {("certificates", "pdf"), ("certificates", "docx"), ("badges", "pdf"),
            ("survey-poster", "pdf")} <= kinds
    pack = fold(pdftotext(day / "facilitator-pack.pdf"))
    assert "เกียรติบัตรฉบับนี้" not in pack, "the certificates are a file of their own, in no pack"
    listed = fold(pdftotext(day / "print-checklist.pdf"))
    assert "certificates.pdf" in listed and "badges.pdf" in listed
    assert fold("ใช้แทนการพิมพ์แบบสำรวจ 7 แผ่น") in listed


def test_every_participant_has_their_certificate_with_their_name_on_one_line_inside_its_box(day, tmp_path):
    people = read_roster(roster_with_a_long_name(tmp_path / "roster.csv")).participants
    pages = words(day / "certificates.pdf")
    assert len(pages) == len(people)
    width = 297 * MM
    box = (width - certificate_module.NAME_BOX_MM * MM) / 2, (width + certificate_module.NAME_BOX_MM * MM) / 2
    for page, person in zip(pages, people, strict=True):
        where = placed(page, person.titled_name)
        assert where, f"{person.titled_name} is not on their certificate"
        assert box[0] <= where[0] and where[2] <= box[1], (person.titled_name, where, box)
        others = [p.titled_name for p in people if p is not person]
        assert not any(placed(page, name) for name in others)
    assert placed(pages[0], "นายสมชาย ใจดี") and placed(pages[0], "เลขที่ 001/2569")
    assert placed(pages[-1], f"{LONG_PREFIX}{LONG_NAME} {LONG_SURNAME}")


def test_the_name_is_measured_to_fit_and_a_longer_one_is_refused_at_its_row(tmp_path):
    assert certificate_module.name_size("นายสมชาย ใจดี") == certificate_module.LARGEST_PT
    long_size = certificate_module.name_size(f"{LONG_PREFIX}{LONG_NAME} {LONG_SURNAME}")
    assert long_size and certificate_module.SMALLEST_PT <= long_size < certificate_module.LARGEST_PT
    too_long = roster_with_a_long_name(tmp_path / "roster.csv", ["8", LONG_PREFIX, LONG_NAME * 3,
                                                                 LONG_SURNAME * 2, "", "", "", "", "", ""])
    with pytest.raises(RosterError) as raised:
        app.build(REFERENCE, tmp_path / "out", ("pdf",), roster=too_long)
    assert str(raised.value).startswith(f"{too_long}:2:3: the name '{LONG_PREFIX}{LONG_NAME * 3}")
    assert "too long for one line of the certificate" in str(raised.value)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_certificate_numbers_stay_with_the_person_when_someone_is_added_at_the_top(tmp_path):
    workshop = read_workshop(REFERENCE)
    style = style_of(workshop)

    def numbers(roster: Path) -> dict[str, str]:
        people = read_roster(roster).participants
        document = certificate_module.compose_certificates(workshop, style, people, REFERENCE.parent)
        return {c.name: c.number for c in document.blocks}

    before = numbers(roster_with_a_long_name(tmp_path / "before.csv"))
    after = numbers(roster_with_a_long_name(tmp_path / "after.csv", ["8", "นาง", "ดวงใจ", "ใหม่มา", "",
                                                                     "", "", "", "", ""]))
    assert before["นายสมชาย ใจดี"].startswith("เลขที่ 001/")
    assert {name: after[name] for name in before} == before
    assert after["นางดวงใจ ใหม่มา"].startswith("เลขที่ 008/")


def test_a_thai_digit_workshop_gives_the_date_and_number_in_thai_digits(tmp_path):
    folder = tmp_path / "w"
    folder.mkdir()
    definition = write_definition(folder, """\
title: เวทีทดสอบ
digits: thai
organiser: {name: ทีมทดสอบ}
agenda: {days: [{date: 2569-03-12, start: "09:00", items: [{title: เปิด, minutes: 30}]},
                {date: 13 มีนาคม 2569, start: "09:00", items: [{title: ปิด, minutes: 30}]}]}
certificate:
  text: ได้เข้าร่วม{title} ระหว่างวันที่ {dates}
  signers: [{name: นายสมชาย ใจงาม, position: ประธาน, signature: sign.png}, {name: นางมาลี ศรีสุข}]
""")
    shutil.copy(ROOT / "examples" / "logo.png", folder / "sign.png")
    roster = folder / "roster.csv"
    roster.write_text("ลำดับ,ชื่อ-นามสกุล\n3,นางสาวสมศรี ใจดี\n", encoding="utf-8")
    pack = app.build(definition, tmp_path / "out", ("pdf",), roster=roster).folder
    text = fold(pdftotext(pack / "certificates.pdf"))
    assert fold("นางสาวสมศรี ใจดี") in text
    assert fold("ให้ไว้ ณ วันที่ ๑๓ มีนาคม พ.ศ. ๒๕๖๙") in text
    assert fold("ระหว่างวันที่ ๑๒ – ๑๓ มีนาคม พ.ศ. ๒๕๖๙") in text
    assert fold("เลขที่ ๐๐๓/๒๕๖๙") in text
    assert fold("(นายสมชาย ใจงาม)ประธาน(นางมาลี ศรีสุข)") in text
    images = subprocess.run(["pdfimages", "-list", str(pack / "certificates.pdf")], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert [line.split()[2] for line in images] == ["image", "smask"], "the signature, drawn on its line"


def test_blank_certificates_and_badges_for_a_participant_count(tmp_path):
    pack = app.build(REFERENCE, tmp_path, ("pdf",), participants=3).folder
    assert len(PdfReader(pack / "certificates.pdf").pages) == 3
    assert "เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า" in pdftotext(pack / "certificates.pdf")
    assert len(PdfReader(pack / "badges.pdf").pages) == 1


def test_the_docx_certificate_prints_in_libreoffice_with_the_embedded_font(day, tmp_path):
    out = libreoffice_pdfs([day / "certificates.docx"], tmp_path)
    pdf = out / "certificates.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Sarabun" in fonts and all("Sarabun" in line for line in fonts.splitlines()[2:])
    text = fold(pdftotext(pdf))
    people = read_roster(roster_with_a_long_name(tmp_path / "roster.csv")).participants
    for person in people:
        assert fold(person.titled_name) in text
    assert len(PdfReader(pdf).pages) == len(people), "a certificate runs over its page in Word"


def test_every_badge_has_the_name_inside_its_cell(day, tmp_path):
    people = read_roster(roster_with_a_long_name(tmp_path / "roster.csv")).participants
    columns, width, height = BADGE_CELLS[8]
    top, _right, _bottom, left = MARGINS_MM["portrait"]
    pages = words(day / "badges.pdf")
    assert len(pages) == 1  # 7 badges on a sheet of 8
    for index, person in enumerate(people):
        row, column = divmod(index, columns)
        cell = ((left + column * width) * MM, (top + row * height) * MM,
                (left + (column + 1) * width) * MM, (top + (row + 1) * height) * MM)
        (name, _), (surname, _) = badge_module.badge_lines(person, True, badge_module.words_width(width, 0))
        for line in filter(None, [name, surname]):
            where = placed(pages[0], line)
            assert where, f"{line} is not on the badges"
            assert cell[0] < where[0] and where[2] < cell[2] and cell[1] < where[1] and where[3] < cell[3], \
                (line, where, cell)


def test_the_sign_in_sheet_numbers_walk_in_rows_after_the_names(day):
    text = pdftotext(day / "sign-in.pdf")
    first_day = text.split("วันที่")[1]
    assert "นายสมชาย ใจดี" in text and "อสม.ประเสริฐ ทองดี" in text
    numbers = [int(n) for n in re.findall(r"^(\d+)(?:\s|$)", first_day, re.M)]
    assert numbers[:12] == list(range(1, 13))  # 7 on the roster, then 5 for walk-ins


def test_walk_ins_and_extra_columns_compose(tmp_path):
    workshop = read_workshop(REFERENCE).model_copy(update={"sign_in": roster_day_model.SignIn(
        walk_ins=3, columns=["phone", "allowance"])})
    people = read_roster(EXAMPLE_ROSTER).participants
    sheet = compose_sign_in(workshop, style_of(workshop), people, 3)
    tables = [b for b in sheet.blocks if b.kind == "table"]
    assert [len(t.body) for t in tables] == [9, 9]
    def said(cell) -> str:
        return "".join(b.plain_text() for b in cell.blocks)

    assert [said(c) for c in tables[0].head[0].cells][-3:] == ["เบอร์โทรศัพท์", "ลายมือชื่อ", "ลงชื่อรับค่าเดินทาง"]
    assert said(tables[0].body[-1].cells[0]) == "9"
    assert said(tables[0].body[0].cells[3]) == ""  # the telephone is written by hand


def test_the_survey_poster_has_a_page_per_survey_with_a_large_code(day):
    workshop = read_workshop(REFERENCE)
    poster = day / "survey-poster.pdf"
    assert len(PdfReader(poster).pages) == len(workshop.surveys)
    assert decoded_qr_codes(poster, dpi=100) == [s.url for s in workshop.surveys]
    assert POSTER_QR_MM >= 80
    import pypdfium2
    import zxingcpp
    page = pypdfium2.PdfDocument(str(poster))[0].render(scale=100 / 72).to_pil()
    code = zxingcpp.read_barcodes(page)[0]
    side_mm = (code.position.top_right.x - code.position.top_left.x) / 100 * 25.4
    assert side_mm >= 80, f"the printed code is {side_mm:.0f} mm wide"


def test_the_roster_problems_are_located(tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text("ลำดับ,ชื่อ\n1,สมชาย\n1,สมศรี\n", encoding="utf-8")
    problems = roster_day.roster_problems(read_workshop(REFERENCE), read_roster(roster))
    assert [str(p) for p in problems] == [
        f"{roster}:3:1: number 1 is also on row 2: two certificates would carry it"]


def test_a_definition_with_a_bad_certificate_or_badges_is_refused_where_it_says_so(tmp_path):
    folder = tmp_path / "w"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "logo.png", folder / "sign.png")
    definition = write_definition(folder, """\
title: เวทีทดสอบ
organiser: {name: ทีมทดสอบ}
agenda: {days: [{start: "09:00", items: [{title: เปิด, minutes: 30}]}]}
certificate:
  text: ได้เข้าร่วม{title} ณ {place}
  signers:
    - {name: นายสมชาย ใจงาม, signature: ../sign.png}
badges:
  qr: no-such-survey
""")
    with pytest.raises(DefinitionError) as raised:
        read_workshop(definition)
    message = str(raised.value)
    assert "workshop.yaml:5:9: certificate.text: unknown placeholder {place}" in message
    assert "badges.qr" in message and "no-such-survey" in message
    definition.write_text(definition.read_text(encoding="utf-8").replace(" ณ {place}", "").replace(
        "qr: no-such-survey", "title: " + "ชื่องานที่ยาวมาก" * 12), encoding="utf-8")
    with pytest.raises(DefinitionError) as raised:
        read_workshop(definition)
    message = str(raised.value)
    assert "certificate.signers[0].signature: the signature must be a file in the definition's folder" \
        in message
    assert "badges.title: the title takes more than 2 lines on a name badge" in message
    assert roster_day_model.CERTIFICATE_PLACEHOLDERS  # the names the message lists


def test_walk_in_rows_are_set_for_one_build_on_the_command_line(tmp_path):
    from click.testing import CliRunner
    from helpers import MINIMAL

    from workshopkit.cli import main

    definition = write_definition(tmp_path, MINIMAL)
    roster = tmp_path / "roster.csv"
    roster.write_text("คำนำหน้า,ชื่อ,นามสกุล\nนาง,สมศรี,ใจดี\nนาย,สมชาย,ใจงาม\n", encoding="utf-8")
    rows = {}
    for walk_ins in ("0", "3"):
        result = CliRunner().invoke(main, ["build", str(definition), "-o", str(tmp_path / walk_ins),
                                           "--format", "pdf", "--roster", str(roster), "--walk-in", walk_ins])
        assert result.exit_code == 0, result.output
        text = pdftotext(next((tmp_path / walk_ins).glob("*/sign-in.pdf")))
        assert "นางสมศรี ใจดี" in text and "นายสมชาย ใจงาม" in text
        rows[walk_ins] = [int(n) for n in re.findall(r"^(\d+)(?:\s|$)", text, re.M)]
    assert rows == {"0": [1, 2], "3": [1, 2, 3, 4, 5]}


def test_a_badge_with_a_personal_survey_link_keeps_the_name_beside_its_code(tmp_path):
    folder = tmp_path / "w"
    shutil.copytree(ROOT / "examples", folder, ignore=shutil.ignore_patterns("letterhead*"))
    definition = folder / "prefilled-surveys.yaml"
    definition.write_text(definition.read_text(encoding="utf-8") + "\nbadges: {qr: happiness}\n",
                          encoding="utf-8")
    pack = app.build(definition, tmp_path / "out", ("pdf",), roster=EXAMPLE_ROSTER).folder
    workshop = read_workshop(definition)
    people = read_roster(EXAMPLE_ROSTER).participants
    survey = next(s for s in workshop.surveys if s.id == "happiness")
    assert sorted(decoded_qr_codes(pack / "badges.pdf")) == sorted(personal_url(survey, p) for p in people)
    columns, width, height = BADGE_CELLS[8]
    top, _right, _bottom, left = MARGINS_MM["portrait"]
    page = words(pack / "badges.pdf")[0]
    for index, person in enumerate(people):
        row, column = divmod(index, columns)
        side = qr.print_size(personal_url(survey, person), badge_module.QR_MM)
        code_left = (left + (column + 1) * width - 4 - side) * MM
        (name, _), (surname, _) = badge_module.badge_lines(
            person, True, badge_module.words_width(width, side))
        for line in filter(None, [name, surname]):
            where = placed(page, line)
            assert where, f"{line} is not on the badges"
            assert (left + column * width) * MM < where[0] and where[2] < code_left, (line, where, code_left)
