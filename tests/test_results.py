"""Self-assessment results: the report's figures against an independent computation, from a
typed-in CSV with a round column and from a Google Forms grid export of the same answers."""
from __future__ import annotations

import csv
import random
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from helpers import REFERENCE, fold, pdftotext

from workshopkit.cli import main
from workshopkit.definition.read import read_workshop

FORM = read_workshop(REFERENCE).self_assessment
ITEMS = [(f"{r}.{i}", r, text) for r, role in enumerate(FORM.roles, start=1)
         for i, text in enumerate(role.items, start=1)]
PEOPLE = [f"P{n:02d}" for n in range(30)]


def generated() -> dict[int, dict[str, dict[str, int | None]]]:
    """round -> code -> item -> rating (None: left empty); round 2 misses two people."""
    chooser = random.Random(2026)
    answers: dict[int, dict[str, dict[str, int | None]]] = {1: {}, 2: {}}
    for code in PEOPLE:
        answers[1][code] = {key: chooser.choice([1, 2, 2, 3, 3, 4]) for key, _, _ in ITEMS}
    for code in PEOPLE[:28]:
        answers[2][code] = {key: min(4, v + (chooser.random() < 0.4)) for key, v in answers[1][code].items()}
    answers[1]["P03"]["1.3"] = None
    answers[2]["P07"]["6.2"] = None
    return answers


ANSWERS = generated()
LATEST = {key: [r[key] for r in ANSWERS[2].values() if r[key] is not None] for key, _, _ in ITEMS}
WEAKEST = sorted(ITEMS, key=lambda item: (sum(LATEST[item[0]]) / len(LATEST[item[0]]), item[0]))[:5]
REMARK = "ต้องการฝึกการเขียนแผน"


def mean(values: list[int]) -> str:
    return f"{sum(values) / len(values):.2f}"


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def typed_in(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("typed")
    template = folder / "template.csv"
    assert run("results-template", str(REFERENCE), "-o", str(template))[0] == 0
    with template.open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    rows = [header]
    for round_number, people in ANSWERS.items():
        for code, ratings in people.items():
            row = {"รหัส": code, "ชื่อ": f"ผู้เข้าร่วม {code}", "round": str(round_number)}
            for key, _, text in ITEMS:
                value = ratings[key]
                row[f"{key} {text}"] = "" if value is None else str(value)
            if round_number == 2 and code in ("P01", "P02"):
                row[f"{WEAKEST[0][0]} หมายเหตุ"] = f"{REMARK} ({code})"
            rows.append([row.get(column, "") for column in header])
    responses = folder / "responses.csv"
    with responses.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    status, out, err = run("results", str(REFERENCE), str(responses), "-o", str(folder / "out"))
    assert status == 0, err
    return folder / "out" / "community-service-unit-2day"


def expected_item_rows(round_number: int) -> list[str]:
    rows = []
    for key, _, text in ITEMS:
        values = [r[key] for r in ANSWERS[round_number].values() if r[key] is not None]
        counts = [values.count(level) for level in (1, 2, 3, 4)]
        low = round(100 * (counts[0] + counts[1]) / len(values))
        rows.append(f"{key} {text} {mean(values)} {len(values)} {' '.join(map(str, counts))} {low}%")
    return rows


def expected_role_rows() -> list[str]:
    rows = []
    for r, role in enumerate(FORM.roles, start=1):
        keys = [key for key, role_number, _ in ITEMS if role_number == r]
        means = []
        for round_number in (1, 2):
            values = [v[k] for v in ANSWERS[round_number].values() for k in keys if v[k] is not None]
            means.append(mean(values))
        both = [c for c in PEOPLE[:28]]
        deltas = [ANSWERS[2][c][k] - ANSWERS[1][c][k] for c in both for k in keys
                  if ANSWERS[1][c][k] is not None and ANSWERS[2][c][k] is not None]
        rows.append(f"{r}. {role.title} {means[0]} {means[1]} {sum(deltas) / len(deltas):+.2f}")
    return rows


def test_report_figures_match_an_independent_computation(typed_in):
    text = fold(pdftotext(typed_in / "results.pdf"))
    for row in expected_item_rows(1) + expected_item_rows(2) + expected_role_rows():
        assert fold(row) in text, row
    for line in ("ผู้ตอบรอบที่ 1: 30 คน", "ผู้ตอบรอบที่ 2: 28 คน", "คำตอบที่ขาด: 2 คำตอบ",
                 "ตอบทั้งสองรอบ: 28 คน; ตอบเพียงรอบเดียว: 2 คน"):
        assert fold(line) in text, line


def test_the_five_weakest_items_carry_participants_remarks(typed_in):
    text = pdftotext(typed_in / "results.pdf")
    section = fold(text.split("ข้อที่ค่าเฉลี่ยต่ำสุด", 1)[1])
    positions = [section.find(fold(f"{key} {label}")) for key, _, label in WEAKEST]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    first, second = section.find(fold(f"{REMARK} (P01)")), section.find(fold(f"{REMARK} (P02)"))
    assert positions[0] < first < positions[1] and positions[0] < second < positions[1]


def test_the_chart_is_vector_drawing_with_thai_labels(typed_in):
    images = subprocess.run(["pdfimages", "-list", str(typed_in / "results.pdf")],
                            capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert images == []
    command = ["pdftotext", "-f", "1", "-l", "1", "-raw", str(typed_in / "results.pdf"), "-"]
    first_page = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert "บทบาทที่ 7" in first_page and "รอบที่ 2" in first_page


def test_the_docx_report_reopens(typed_in):
    word = docx.Document(str(typed_in / "results.docx"))
    assert word.paragraphs[0].text == "รายงานผลการประเมินตนเอง" and len(word.tables) == 5


def test_a_google_forms_grid_export_gives_the_same_figures(tmp_path, typed_in):
    files = []
    for round_number, people in ANSWERS.items():
        header = ["Timestamp", "รหัส"] + [f"{FORM.roles[r - 1].title} [{text}]" for _, r, text in ITEMS]
        rows = [header]
        for code, ratings in people.items():
            rows.append(["2026/12/01 10:00:00", code]
                        + ["" if ratings[key] is None else str(ratings[key]) for key, _, _ in ITEMS])
        path = tmp_path / f"round{round_number}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        files.append(str(path))
    status, _, err = run("results", str(REFERENCE), *files, "-o", str(tmp_path / "out"))
    assert status == 0, err
    text = fold(pdftotext(tmp_path / "out" / "community-service-unit-2day" / "results.pdf"))
    for row in expected_item_rows(1) + expected_item_rows(2) + expected_role_rows():
        assert fold(row) in text, row


def test_bad_values_and_twice_answered_rounds_are_located_errors(tmp_path):
    header = ["รหัส", "round", "1.1 ทำความเข้าใจแบบจัดเก็บข้อมูล", "1.2 จัดเก็บข้อมูลตามแบบฟอร์ม", "เบอร์โทร"]
    rows = [header, ["A", "1", "5", "3", "081"], ["B", "1", "2", "", ""], ["A", "1", "1", "1", ""]]
    path = tmp_path / "bad.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    status, _, err = run("results", str(REFERENCE), str(path), "-o", str(tmp_path / "out"))
    assert status == 2
    assert err.splitlines() == [
        f"{path}:2:3: '5' is not a rating from 1 to 4 (a whole number)",
        f"{path}:4:1: participant 'A' answered round 1 twice (also {path} row 2)",
    ]
    assert not (tmp_path / "out").exists()


def test_an_excel_sheet_and_a_question_per_item_export_are_read_alike(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    # Google Forms, a question per sub-item, exported to Excel: headers are the bare item texts
    sheet.append(["ประทับเวลา", "code", *(text for _, _, text in ITEMS), "เบอร์โทร"])
    for code, ratings in ANSWERS[1].items():
        sheet.append(["2026-12-01", code, *(ratings[key] for key, _, _ in ITEMS), "0812345678"])
    path = tmp_path / "answers.xlsx"
    book.save(path)
    status, _, err = run("results", str(REFERENCE), str(path), "-o", str(tmp_path / "out"))
    assert status == 0
    assert f"{path}:1:{len(ITEMS) + 3}: column 'เบอร์โทร' is not a sub-item of the self-assessment; " \
           "it is left out" in err.splitlines()
    text = fold(pdftotext(tmp_path / "out" / "community-service-unit-2day" / "results.pdf"))
    for row in expected_item_rows(1):
        assert fold(row) in text, row


def test_the_data_entry_sheet_opens_in_excel_as_thai_text():
    from workshopkit.definition.read import read_workshop
    from workshopkit.people.results import items_of, template_csv
    from workshopkit.people.roster import Participant
    form = read_workshop(REFERENCE).self_assessment
    assert form is not None
    data = template_csv(form, [Participant(1, "สมศรี", "ใจดี", code="=P1")], 2, named=True)
    assert data.startswith("\ufeff".encode())  # the BOM that tells Excel it is UTF-8
    header, row = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert header[:3] == ["รหัส", "ชื่อ", "round"] and len(header) == 3 + 2 * len(items_of(form))
    assert row[:3] == ["'=P1", "สมศรี ใจดี", "2"]  # a code Excel would run is quoted
    blank = template_csv(form, [Participant(1, "สมศรี")], 1, named=False).decode("utf-8-sig")
    assert "สมศรี" not in blank
