"""A personal sheet laid out once as a stencil, each participant's copy drawn over it
(render/pdf/stencil.py): the pages must be those of every copy laid out whole."""
from __future__ import annotations

import csv
import dataclasses

import pypdfium2
import pytest
from helpers import ROOT, pdftotext
from PIL import ImageChops
from pypdf import PdfReader

import workshopkit.render.pdf.stencil as stencil
from workshopkit import app
from workshopkit.compose import tree as doc
from workshopkit.people.roster import read_roster
from workshopkit.render.pdf import patches
from workshopkit.render.print_run import render_print_run

EXAMPLE = ROOT / "examples" / "prefilled-surveys.yaml"
LONG_AREA = "หนองบัวแดงเหนือใหม่พัฒนาสามัคคีร่วมใจบ้านใหม่"  # wider than the area's line
PEOPLE = [("สมชาย", "ใจดี", "บ้านต๋อม"), ("มาลี", "ศรีสวัสดิ์", LONG_AREA), ("บุญมี", "รักถิ่น", "บ้านสาง"),
          ("จันทร์เพ็ญ", "แก้วมณี", "ศรีถ้อย")]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The print run of four people, with stencils and with every copy laid out whole."""
    patches.install()
    work = tmp_path_factory.mktemp("stencil")
    sheet = work / "roster.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ชื่อ", "นามสกุล", "ตำบล", "อำเภอ", "จังหวัด", "รหัส"])
        for number, (name, surname, area) in enumerate(PEOPLE, start=1):
            writer.writerow([name, surname, area, "เมืองพะเยา", "พะเยา", f"P{number:02d}"])
    _read, job, _ = app._pack_job(EXAMPLE, read_roster(sheet), None, ("pdf",), True)
    shared = [d for d in job.sets[0] if all(d in s for s in job.sets)]
    made = {kind: render_print_run(job.page, job.source_dir, shared, job.sets, workers=1, stencils=kind)
            for kind in (True, False)}
    for kind, run in made.items():
        (work / f"{kind}.pdf").write_bytes(run.data)
    return work, job, shared, made


def test_every_page_drawn_over_a_stencil_looks_as_laid_out_whole(runs):
    work, _, _, made = runs
    over, whole = (pypdfium2.PdfDocument(str(work / f"{kind}.pdf")) for kind in (True, False))
    assert len(over) == len(whole) == made[True].pages
    for number in range(len(over)):
        for dpi in (100, 150):  # a line drawn twice darkens its edges at some resolutions only
            images = [pdf[number].render(scale=dpi / 72).to_pil().convert("L") for pdf in (over, whole)]
            assert ImageChops.difference(*images).getbbox() is None, f"page {number + 1} differs at {dpi} dpi"


def test_copies_that_differ_only_in_fields_are_overlays_unless_a_value_is_too_long(runs):
    _, job, shared, made = runs
    own = [[d.slug for d in s if d not in shared] for s in job.sets]
    # the self-assessment (name and area on its lines) and the survey sheet (personal links)
    assert own == [["self-assessment", "survey-sheet"]] * len(PEOPLE)
    assert made[False].overlays == 0
    # every self-assessment but hers, whose area is too long for its line; no survey sheet
    assert made[True].overlays == len(PEOPLE) - 1


def test_text_read_in_drawing_order_says_each_label_with_its_value(runs):
    work, _, _, _ = runs
    text = pdftotext(work / "True.pdf")
    for name, surname, _area in PEOPLE:
        assert f"ชื่อ {name} นามสกุล {surname}" in text
    assert f"พื้นที่/ตำบล {PEOPLE[0][2]}" in text
    assert "\u00a0" not in text  # the stencil's placeholder is never drawn


def test_a_stencil_is_in_the_file_once_however_many_copies_lie_over_it(runs):
    work, _, _, made = runs
    forms, over = set(), 0
    for page in PdfReader(work / "True.pdf").pages:
        objects = page["/Resources"].get("/XObject", {})
        found = {objects.raw_get(name).idnum for name in objects if name.startswith("/Stencil")}
        forms |= found
        over += bool(found)
    # each page of the stencil is one form, drawn under that page of every overlaid copy
    assert forms and over == made[True].overlays * len(forms)


def test_copies_with_the_same_fields_share_a_stencil_and_a_personal_link_does_not():
    field = doc.Fields((doc.Field("ชื่อ", 14, "สมชาย", "name"), doc.Field("กลุ่มที่", 6)))
    sheet = doc.Document("worksheet", "w", "ใบงาน", "participant", (field,), stamp="สมชาย")
    other = dataclasses.replace(sheet, blocks=(doc.Fields((dataclasses.replace(field.items[0], value="มาลี"),
                                                           field.items[1])),), stamp="มาลี")
    assert stencil.blanked(sheet) == stencil.blanked(other)
    assert stencil.values(sheet) == ["สมชาย", ""]
    assert stencil.values(stencil.blanked(sheet)) == [stencil.PLACEHOLDER, ""]
    card = doc.QRCard("https://example.org/form?id=P01", "แบบสำรวจ")
    linked = [dataclasses.replace(sheet, blocks=(*sheet.blocks, dataclasses.replace(card, url=url)))
              for url in ("https://example.org/form?id=P01", "https://example.org/form?id=P02")]
    assert stencil.blanked(linked[0]) != stencil.blanked(linked[1])


def test_an_organisers_own_templates_lay_every_copy_out_whole(runs, tmp_path):
    _, job, shared, _ = runs
    own = tmp_path / "templates"
    own.mkdir()
    page = dataclasses.replace(job.page, templates=own)
    run = render_print_run(page, job.source_dir, shared, job.sets[:2], workers=1)
    assert run.overlays == 0
