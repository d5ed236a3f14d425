"""Scan-back: self-assessments printed to be read (corner marks, a QR code a page, boxes large
enough), filled without a pen (tests/scan_fill.py), scanned without a scanner, and read back
by `workshopkit scan` into what `workshopkit results` reads; what is not ours, or not this
version of the form, refused with a reason."""
from __future__ import annotations

import csv
import io
import random
import shutil
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import pytest
from helpers import REFERENCE, ROOT, pdftotext
from scan_fill import Truth, blank_back, degrade, fill, form_pages, scan_pdf

import workshopkit.people.scan  # noqa: F401 (what `workshopkit scan` reads the marks with)
import workshopkit.people.scan_pages as scan_pages
from workshopkit import app, scan_back
from workshopkit.compose import scan_review  # noqa: F401 (drawn by the --review runs below)
from workshopkit.paper.page import SCAN_MARK_INSET_MM, SCAN_MARK_MM, SIZE_MM
from workshopkit.people.roster import read_roster
from workshopkit.render.pdf import scan_marks  # noqa: F401
from workshopkit.scan_code import ScanCode, layout_hash, parse

PROGRAM = Path(sys.executable).parent / "workshopkit"
OTHER = ROOT / "examples" / "elderly-care-volunteers.yaml"
ROSTER = """รหัส,ชื่อ,นามสกุล,ตำบล,อำเภอ,จังหวัด
P01,สมชาย,ใจดี,บ้านต๋อม,เมืองพะเยา,พะเยา
P02,สมศรี,มีสุข,แม่ต๋ำ,เมืองพะเยา,พะเยา
P03,กัลยาณีศรีสุวรรณวงศ์ชัยมงคลวิวัฒน์พิพัฒน์,ศรีสุวรรณวงศ์ชัยมงคลวิวัฒน์พิพัฒน์พงศ์ไพศาล,บ้านต๋อมบ้านต๋อมบ้านต๋อมบ้านต๋อม,เมืองพะเยาเมืองพะเยาเมืองพะเยา,พะเยาพะเยาพะเยาพะเยาพะเยา
"""
LONG = "กัลยาณีศรีสุวรรณวงศ์ชัยมงคลวิวัฒน์พิพัฒน์ ศรีสุวรรณวงศ์ชัยมงคลวิวัฒน์พิพัฒน์พงศ์ไพศาล"  # P03's name


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([str(PROGRAM), *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> tuple[Path, Path]:
    """The reference workshop printed for a roster of three: the print run, and the roster."""
    work = tmp_path_factory.mktemp("printed")
    roster = work / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    built = app.build(REFERENCE, work / "out", ("pdf",), roster=roster)
    return built.folder / "participants-print.pdf", roster


@pytest.fixture(scope="module")
def layout() -> list:
    form, cells, _own = scan_back.form_layout(REFERENCE)
    assert form == "sa"
    return cells


def test_every_page_of_the_printed_form_says_whose_page_it_is(printed, layout, reference_pack):
    pages = form_pages(printed[0])
    codes = [parse(text) for _, text in pages]
    assert [(c.who, c.page, c.pages) for c in codes] == [
        (who, page, len(layout)) for who in ("P01", "P02", "P03") for page in range(1, len(layout) + 1)]
    assert all(c.workshop == "community-service-unit-2day" and c.form == "sa" for c in codes)
    # the hash is of the boxes laid out again from the definition: the printed copies agree,
    # but for the first page of P03, whose long name and area take more lines in the header
    hashes = [layout_hash(cells) for cells in layout]
    assert [c.layout for c in codes][:6] == hashes * 2
    assert codes[6].layout != hashes[0] and [c.layout for c in codes][7:] == hashes[1:]
    # the blank pack's copy, made to be photocopied, is copy 0
    blank = [parse(text) for _, text in form_pages(reference_pack / "self-assessment.pdf")]
    assert {c.who for c in blank} == {"#0"} and len(blank) == len(layout)


def test_the_form_has_corner_marks_and_boxes_large_enough_to_read(printed, layout):
    index = form_pages(printed[0])[0][0]
    document = pypdfium2.PdfDocument(str(printed[0]))
    dpi = 100
    image = document[index].render(scale=dpi / 72, grayscale=True).to_numpy()
    per_mm = dpi / 25.4
    width, height = SIZE_MM["portrait"]
    for x in (SCAN_MARK_INSET_MM, width - SCAN_MARK_INSET_MM):
        for y in (SCAN_MARK_INSET_MM, height - SCAN_MARK_INSET_MM):
            inside = image[round((y - 1.5) * per_mm):round((y + 1.5) * per_mm),
                           round((x - 1.5) * per_mm):round((x + 1.5) * per_mm)]
            around = image[round((y - SCAN_MARK_MM) * per_mm):round((y + SCAN_MARK_MM) * per_mm),
                           round((x + SCAN_MARK_MM * 0.8) * per_mm):round((x + SCAN_MARK_MM) * per_mm)]
            assert inside.max() < 60 and around.min() > 200, (x, y)
    for cells in layout:
        assert all(c.box[2] >= 4.5 and c.box[3] >= 4.5 for c in cells)
        rows: dict[float, list] = {}
        for c in cells:
            rows.setdefault(round(c.box[1], 1), []).append(c.box)
        for boxes in rows.values():  # room between the boxes of a row, for a pen's stroke
            boxes.sort()
            assert all(b[0] - (a[0] + a[2]) >= 3 for a, b in zip(boxes, boxes[1:], strict=False))


def test_scans_read_back_into_what_results_reads(printed, layout, tmp_path):
    pdf, roster = printed
    rng = random.Random(19)
    pages = form_pages(pdf)
    truth = Truth()
    scans = []
    _form, _blank, own = scan_back.form_layout(REFERENCE, [p for p in read_roster(roster).participants
                                                           if p.code == "P03"])
    for dpi, share in ((150, pages[0::2]), (300, pages[1::2])):
        images, part = fill(pdf, share, layout, rng, dpi=dpi, blank_share=0.1, double_share=0.05, own=own)
        for who, answers in part.ratings.items():
            truth.ratings.setdefault(who, {}).update(answers)
        truth.unclear |= part.unclear
        scans += [degrade(image, rng, upside_down=n % 3 == 0) for n, image in enumerate(images)]
    assert truth.unclear, "the fill marks some items twice"
    scans.insert(2, blank_back(scans[0].shape, rng))
    rng.shuffle(scans)
    # a copier's PDF, a second one, and single pages as a PNG and a JPEG
    scan_pdf(scans[:4], tmp_path / "scan-1.pdf", 150)
    scan_pdf(scans[4:8], tmp_path / "scan-2.pdf", 300)
    cv2.imwrite(str(tmp_path / "page.png"), scans[8])
    cv2.imwrite(str(tmp_path / "page.jpg"), scans[9], [cv2.IMWRITE_JPEG_QUALITY, 60])
    answers = tmp_path / "answers.csv"
    result = run("scan", REFERENCE, tmp_path / "scan-1.pdf", tmp_path / "scan-2.pdf",
                 tmp_path / "page.png", tmp_path / "page.jpg", "-o", answers,
                 "--review", tmp_path / "review.pdf", "--roster", roster, "--round", 2)
    assert result.returncode == 0, result.stderr
    assert "10 pages read (1 blank), 3 copies matched" in result.stdout
    assert f"{len(truth.unclear)} marks to review, 0 pages not matched" in result.stdout

    rows = list(csv.reader(io.StringIO(answers.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    assert [r[:3] for r in rows[1:]] == [["P01", "สมชาย ใจดี", "2"], ["P02", "สมศรี มีสุข", "2"],
                                         ["P03", LONG, "2"]]
    for row in rows[1:]:
        for column, name in enumerate(header[3:], start=3):
            item = name.split()[0]
            if name.endswith("หมายเหตุ"):
                continue
            meant = truth.ratings[row[0]][item]
            assert row[column] == ("" if meant is None else str(meant)), (row[0], item)
    review = pdftotext(tmp_path / "review.pdf")
    for who, item in truth.unclear:
        assert f"{who} · ข้อ {item} · หน้า" in review.replace("\n", " ")  # the workshop is in Thai
    # without the roster, P03's first page cannot be placed: said, and never misread
    blind = run("scan", REFERENCE, tmp_path / "scan-1.pdf", tmp_path / "scan-2.pdf",
                tmp_path / "page.png", tmp_path / "page.jpg", "-o", tmp_path / "blind.csv")
    assert blind.returncode == 0, blind.stderr
    assert blind.stderr.count("laid out differently from the blank form") == 1
    # the shape results-template writes, so that results reads it unchanged
    template = tmp_path / "template.csv"
    assert run("results-template", REFERENCE, "-o", template, "--roster", roster).returncode == 0
    assert next(csv.reader(io.StringIO(template.read_text(encoding="utf-8-sig")))) == header
    report = run("results", REFERENCE, answers, "-o", tmp_path / "report")
    assert report.returncode == 0, report.stderr


@pytest.fixture(scope="module")
def numbered(tmp_path_factory) -> Path:
    """Two blank copies, numbered, without a roster (--participants 2)."""
    built = app.build(REFERENCE, tmp_path_factory.mktemp("numbered"), ("pdf",), participants=2)
    return built.folder / "participants-print.pdf"


def _scanned(pdf: Path, layout: list, folder: Path, name: str = "scan.pdf", dpi: int = 200
             ) -> tuple[Path, Truth]:
    images, truth = fill(pdf, form_pages(pdf), layout, random.Random(7), dpi=dpi, double_share=0)
    scan_pdf(images, folder / name, dpi)
    return folder / name, truth


def test_numbered_blank_copies_keep_their_pages_together(numbered, layout, tmp_path):
    codes = [parse(text) for _, text in form_pages(numbered)]
    assert sorted({c.who for c in codes}) == ["#1", "#2"]
    assert "ชุดที่ 1" in pdftotext(numbered)
    scanned, truth = _scanned(numbered, layout, tmp_path)
    result = run("scan", REFERENCE, scanned, "-o", tmp_path / "answers.csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((tmp_path / "answers.csv").read_text(encoding="utf-8-sig"))))
    assert [r[:2] for r in rows[1:]] == [["", "blank copy 1"], ["", "blank copy 2"]]
    assert rows[1][3] == str(truth.ratings["#1"]["1.1"] or "")


def test_pages_not_of_this_form_are_refused_each_with_its_reason(numbered, layout, tmp_path, reference_pack):
    scanned, _ = _scanned(numbered, layout, tmp_path)
    # the same definition with one item worded longer: its boxes moved, so its hash differs
    changed = tmp_path / "changed"
    shutil.copytree(REFERENCE.parent, changed)
    definition = changed / REFERENCE.name
    text = definition.read_text(encoding="utf-8")
    assert "ทำความเข้าใจแบบจัดเก็บข้อมูล" in text
    definition.write_text(text.replace("ทำความเข้าใจแบบจัดเก็บข้อมูล", "ทำความเข้าใจแบบจัดเก็บข้อมูล " * 6, 1),
                          encoding="utf-8")
    moved = run("scan", definition, scanned, "-o", tmp_path / "moved.csv")
    # the first page of each copy moved; the other pages are as printed, and are read
    assert moved.returncode == 0, moved.stderr
    refused = [line for line in moved.stderr.splitlines() if "printed from another version of the "
               "self-assessment (its layout does not match the definition now)" in line]
    assert len(refused) == 2 and "2 copies matched" in moved.stdout
    rows = list(csv.reader(io.StringIO((tmp_path / "moved.csv").read_text(encoding="utf-8-sig"))))
    assert all(row[3] == "" for row in rows[1:])  # item 1.1 is on the first page

    other = run("scan", OTHER, scanned, "-o", tmp_path / "other.csv")
    assert other.returncode == 2 and "another workshop's form (community-service-unit-2day)" in other.stderr

    # mixed in with good pages: said, sent to review, and the good pages still read
    agenda = reference_pack / "agenda.pdf"
    mixed = run("scan", REFERENCE, agenda, scanned, "-o", tmp_path / "mixed.csv",
                "--review", tmp_path / "r.pdf")
    assert mixed.returncode == 0, mixed.stderr
    assert f"{agenda} page 1: no QR code of a form on this page" in mixed.stderr
    assert "2 copies matched" in mixed.stdout and (tmp_path / "mixed.csv").is_file()
    assert "no QR code of a form" in pdftotext(tmp_path / "r.pdf").replace("\n", " ")

    copies = run("scan", REFERENCE, reference_pack / "self-assessment.pdf", "-o", tmp_path / "copy.csv")
    assert copies.returncode == 2 and "print numbered copies" in copies.stderr


def test_files_that_are_no_scans_are_all_said_at_once(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    result = run("scan", REFERENCE, text, tmp_path / "missing.pdf", "-o", tmp_path / "a.csv")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{text}: scans are read from PDF, PNG or JPEG files" in result.stderr
    assert f"{tmp_path / 'missing.pdf'}: no such file" in result.stderr
    result = run("scan", REFERENCE, broken, "-o", tmp_path / "a.csv")
    assert result.returncode == 2 and "not an image this can read" in result.stderr
    assert not (tmp_path / "a.csv").exists()


def test_a_scan_code_reads_back_whatever_the_roster_code_holds():
    code = ScanCode("w-1", "sa", 2, 3, "abc123", "A|B C")
    assert parse(code.text()) == code
    assert code.blank_copy is None and ScanCode("w", "sa", 1, 1, "x", "#4").blank_copy == 4
    for text in ("https://forms.gle/x", "wk1|w|sa|4/3|abc|P", "wk1|w|sa|x/3|abc|P", "wk2|w|sa|1/1|a|P"):
        assert parse(text) is None


def test_the_layout_hash_follows_every_box():
    from workshopkit.scan_code import Cell
    cells = [Cell("1.1:1", (10, 20, 11.4, 8.5), (13, 22, 5, 5)),
             Cell("1.1:2", (21.4, 20, 11.4, 8.5), (24, 22, 5, 5))]
    moved = [cells[0], Cell("1.1:2", (21.4, 20, 11.4, 8.5), (24.2, 22, 5, 5))]
    assert layout_hash(cells) == layout_hash(list(reversed(cells))) != layout_hash(moved)


def test_a_page_is_straightened_whichever_way_it_was_scanned(printed, layout):
    pdf = printed[0]
    index, text = form_pages(pdf)[0]
    code = parse(text)
    document = pypdfium2.PdfDocument(str(pdf))
    image = np.ascontiguousarray(document[index].render(scale=150 / 72, grayscale=True).to_numpy())
    rng = random.Random(3)
    for upside_down in (False, True):
        turned = degrade(image, rng, upside_down=upside_down)
        found = scan_pages.codes_on(turned)
        assert found and found[0][0] == code
        page = scan_pages.straighten(scan_pages.Scanned("t", turned), *found[0])
        assert page is not None
        # the first box's outline is where the layout says, to the pixel or two
        x, y, w, h = layout[0][0].box
        per_mm = scan_pages.PX_MM
        top_line = page[round(y * per_mm) - 3:round(y * per_mm) + 4,
                        round((x + 1) * per_mm):round((x + w - 1) * per_mm)]
        assert top_line.min(axis=0).mean() < 128
