"""The organiser's print run: one PDF with every participant's set, each set starting on a
front page, personal QR codes that scan even from a blurred, skewed page, sign-in sheets and
the print checklist."""
from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from urllib.parse import quote

import pypdfium2
import pytest
import zxingcpp
from helpers import ROOT, decoded_qr_codes, fold, pdftotext
from PIL import ImageFilter
from pypdf import PdfReader

from workshopkit import app
from workshopkit.compose.plan import PRINT_RUN
from workshopkit.scan_code import parse

EXAMPLE = ROOT / "examples" / "prefilled-surveys.yaml"
FORM = "https://docs.google.com/forms/d/e/1FAIpQLSd-example-form-id/viewform"
PEOPLE = [("สมชาย", "ใจดี", "บ้านต๋อม", "เมืองพะเยา", "พะเยา"),
          ("สมศรี", "มีสุข", "แม่ต๋ำ", "เมืองพะเยา", "พะเยา"),
          ("บุญมี", "รักถิ่น", "บ้านสาง", "เมืองพะเยา", "พะเยา"),
          ("มาลี", "ศรีสวัสดิ์", "ห้วยลาน", "ดอกคำใต้", "พะเยา"),
          ("ประเสริฐ", "ทองดี", "ดอกคำใต้", "ดอกคำใต้", "พะเยา"),
          ("จันทร์เพ็ญ", "แก้วมณี", "ศรีถ้อย", "แม่ใจ", "พะเยา"),
          ("วิชัย", "บุญมา", "บ้านตุ่น", "เมืองพะเยา", "พะเยา"),
          ("สุดา", "สุขใจ", "แม่กา", "เมืองพะเยา", "พะเยา"),
          ("อนันต์", "มั่นคง", "จุน", "จุน", "พะเยา"),
          ("../../evil", "a/b", "บ้านใหม่", "เมืองพะเยา", "พะเยา")]


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[Path, dict, dict[str, str]]:
    work = tmp_path_factory.mktemp("run")
    roster = work / "roster.csv"
    with roster.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ลำดับ", "ชื่อ", "นามสกุล", "ตำบล", "อำเภอ", "จังหวัด", "รหัส"])
        for number, person in enumerate(PEOPLE, start=1):
            writer.writerow([number, *person, f"P{number:02d}"])
    built = app.build(EXAMPLE, work / "out", roster=roster)  # ten people: worker processes
    manifest = json.loads((built.folder / "manifest.json").read_text(encoding="utf-8"))
    expected = {f"P{n:02d}": (f"{FORM}?usp=pp_url&entry.1234567=P{n:02d}"
                              f"&entry.7654321={quote(name + ' ' + surname, safe='')}"
                              f"&entry.1111111={quote(province, safe='')}")
                for n, (name, surname, _, _, province) in enumerate(PEOPLE, start=1)}
    return built.folder, manifest, expected


def page_images(path: Path, dpi: int = 150):
    for page in pypdfium2.PdfDocument(str(path)):
        yield page.render(scale=dpi / 72).to_pil()


def qr_texts(image) -> list[str]:
    return [c.text for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]


def test_every_set_starts_on_a_front_page_and_carries_its_code(run):
    folder, manifest, _ = run
    path = folder / PRINT_RUN
    pages = PdfReader(path).pages
    texts = [page.extract_text() for page in pages]
    set_length = len(pages) // len(PEOPLE)
    assert set_length % 2 == 0 and set_length * len(PEOPLE) == len(pages)
    for index in range(len(PEOPLE)):
        first = index * set_length
        assert fold("กำหนดการ") in fold(texts[first])  # each set opens with the agenda, on an odd page
        own = "".join(texts[first:first + set_length])
        assert f"รหัส P{index + 1:02d}" in own
        others = [f"รหัส P{n:02d}" for n in range(1, len(PEOPLE) + 1) if n != index + 1]
        assert not any(other in own for other in others)
    entry = next(d for d in manifest["documents"] if d["path"] == PRINT_RUN)
    assert entry["pages"] == len(pages)


def test_header_fields_print_the_participants_details(run):
    folder, _, _ = run
    text = fold(pdftotext(folder / PRINT_RUN))
    for name, surname, area, district, province in PEOPLE[:9]:
        assert fold(f"ชื่อ {name} นามสกุล {surname} พื้นที่/ตำบล {area} อำเภอ {district} "
                    f"จังหวัด {province}") in text


def test_every_qr_code_decodes_to_its_participants_prefilled_link(run):
    folder, _, expected = run
    found = []
    for image in page_images(folder / PRINT_RUN):
        found += qr_texts(image)
    # the survey links, and the self-assessment's own code for reading it back from a scan
    assert [t for t in found if not parse(t)] == [expected[f"P{n:02d}"] for n in range(1, len(PEOPLE) + 1)]
    assert [parse(t).who for t in found if parse(t)] == [f"P{n:02d}" for n in range(1, len(PEOPLE) + 1)]


def test_qr_codes_still_decode_from_a_blurred_page_rotated_by_two_degrees(run):
    folder, _, expected = run
    found = []
    for image in page_images(folder / PRINT_RUN):
        if not qr_texts(image):
            continue
        skewed = image.filter(ImageFilter.GaussianBlur(1.2)).rotate(2, expand=True, fillcolor="white")
        found += qr_texts(skewed)
    assert [t for t in found if not parse(t)] == [expected[f"P{n:02d}"] for n in range(1, len(PEOPLE) + 1)]


def test_sign_in_sheets_list_every_name_for_every_day(run):
    folder, _, _ = run
    text = pdftotext(folder / "sign-in.pdf")
    for name, surname, *_ in PEOPLE:
        assert text.count(f"{name} {surname}") == 1  # the example has one agenda day
    assert "ลายมือชื่อ" in text


def test_print_checklist_counts_pages_and_sheets(run):
    folder, manifest, _ = run
    jobs = {job["path"]: job for job in manifest["print_checklist"]}
    assert set(jobs) == {PRINT_RUN, "facilitator-pack.pdf", "sign-in.pdf", "survey-poster.pdf"}
    for path, job in jobs.items():
        pages = len(PdfReader(folder / path).pages)
        assert job["pages"] == pages
        per_copy = math.ceil(pages / 2) if job["sides"] == "double" else pages
        assert job["sheets"] == per_copy * job["copies"]
    assert jobs["sign-in.pdf"]["sides"] == "single"
    checklist = pdftotext(folder / "facilitator-pack.pdf")
    assert "รายการสั่งพิมพ์" in checklist and PRINT_RUN in checklist


def test_names_never_become_paths(run):
    folder, _, _ = run
    assert not (folder.parent / "evil").exists() and not (folder.parent.parent / "evil").exists()
    assert {p.name for p in folder.iterdir()} <= {
        *(f"{stem}.{ext}" for stem in ("print-checklist", "agenda", "session-plan", "self-assessment",
                                       "survey-sheet", "sign-in", "survey-poster", "participant-pack",
                                       "facilitator-pack")
          for ext in ("pdf", "docx")), PRINT_RUN, "manifest.json"}


def test_without_a_roster_participants_sets_copies_blank_sign_in_rows_and_numbered_forms(tmp_path):
    built = app.build(EXAMPLE, tmp_path, ("pdf",), participants=12)
    manifest = json.loads((built.folder / "manifest.json").read_text(encoding="utf-8"))
    copies = {d["path"]: d["copies"] for d in manifest["documents"]}
    assert copies["participant-pack.pdf"] == 12 and copies["agenda.pdf"] == 12
    text = pdftotext(built.folder / "sign-in.pdf")
    assert all(f"\n{n} " in text or f"\n{n}\n" in text for n in range(1, 13))
    # the workshop has a self-assessment: twelve numbered blank sets are printed in one job,
    # so that a scanned form's pages stay together (issue 19)
    jobs = {j["path"]: j for j in manifest["print_checklist"]}
    assert "participant-pack.pdf" not in jobs and jobs[PRINT_RUN]["copies"] == 1
    codes = [parse(text) for text in decoded_qr_codes(built.folder / PRINT_RUN, dpi=100) if parse(text)]
    assert [c.who for c in codes] == [f"#{n}" for n in range(1, 13)]
    assert "ชุดที่ 12" in pdftotext(built.folder / PRINT_RUN)


def test_each_set_is_padded_to_whole_sheets_and_shared_sheets_laid_out_once(tmp_path):
    from workshopkit.compose import tree as doc
    from workshopkit.paper.page import PageDescription
    from workshopkit.render.print_run import render_print_run
    shared = doc.Document("agenda", "agenda", "กำหนดการ", "participant", (doc.text("ตารางเวลา"),))
    names = ("สมศรี", "สมชาย", "สมหญิง")
    sets = [(shared, doc.Document("worksheet", "w", "ใบงาน", "participant",
                                  (doc.text(name), doc.PageBreak(), doc.text("ต่อ")), stamp=name))
            for name in names]
    run = render_print_run(PageDescription(), tmp_path, [shared], sets, workers=1)
    # one page shared, two personal, and a blank back so that the next set starts a sheet
    assert run.set_pages == [4, 4, 4] and run.pages == 12
    pages = pdftotext_pages(run.data, tmp_path)
    assert [fold(name) in fold(pages[4 * i + 1]) for i, name in enumerate(names)] == [True] * 3
    assert all(not pages[4 * i + 3].strip() for i in range(3))


def pdftotext_pages(data: bytes, folder: Path) -> list[str]:
    path = folder / "run.pdf"
    path.write_bytes(data)
    return pdftotext(path).split("\f")[:-1]


def test_shared_sheets_are_drawn_once_and_every_set_has_a_bookmark(run):
    """Each set refers to the one drawing of a sheet that is the same for everyone (the
    agenda), while a personal sheet has a drawing of its own; a bookmark per participant
    leads to the first page of their set."""
    folder, manifest, _ = run
    run_pdf = PdfReader(folder / PRINT_RUN)
    marks = [(item.title, run_pdf.get_destination_page_number(item)) for item in run_pdf.outline]
    assert [title.split("  ·  ")[0] for title, _ in marks] == [f"{n} {s}" for n, s, *_ in PEOPLE]
    starts = [page for _, page in marks]
    assert starts[0] == 0 and all(b > a for a, b in zip(starts, starts[1:], strict=False))
    first, second = starts[0], starts[1]
    assert "กำหนดการ" in run_pdf.pages[first].extract_text()
    assert drawing(run_pdf.pages[first]) == drawing(run_pdf.pages[second])
    fields = next(n for n in range(first, second) if "สมชาย" in run_pdf.pages[n].extract_text())
    assert "สมศรี" in run_pdf.pages[second + fields - first].extract_text()
    assert drawing(run_pdf.pages[fields]) != drawing(run_pdf.pages[second + fields - first])


def drawing(page) -> tuple[int, ...]:
    """The objects that draw a page (a form read back from scans has its marks drawn after)."""
    contents = page.raw_get("/Contents")
    return tuple(c.idnum for c in contents) if isinstance(contents, list) else (contents.idnum,)


def test_the_print_runs_own_workers_load_the_templates_the_builds_writer_holds(tmp_path):
    """A print run's workers start afresh (spawn): they are given what the build's writer
    holds compiled, and compile no template again (0.1 s each)."""
    from workshopkit.paper.page import PageDescription
    from workshopkit.render import print_run
    from workshopkit.render.pdf.writer import PdfWriter

    page = PageDescription(language="th")
    writer = PdfWriter(tmp_path, page)
    job = print_run._Job(page, tmp_path, (), compiled=tuple(writer.compiled.held().items()))
    assert job.compiled
    assert print_run._Renderer(job).writer.compiled.new == {}
    assert print_run._Renderer(print_run._Job(page, tmp_path, ())).writer.compiled.new  # else compiled
