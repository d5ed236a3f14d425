"""Paper an organiser can trust: fields filled only where they ask for the participant,
collected forms on sheets of their own, no sheet printed for one line, the subtitle and a
cover, the same documents in every format, a pack folder that holds this build only, and
definitions from `new` that stand on their own. Everything is read back from the real files."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as Docx
from docx.oxml.ns import qn
from helpers import NEARLY_EMPTY_LAST_PAGE, REFERENCE, ROOT, fold, pdftotext
from pypdf import PdfReader

from workshopkit import app
from workshopkit.compose.plan import PRINT_RUN
from workshopkit.definition import model
from workshopkit.definition.read import read_workshop

ELDERLY = ROOT / "examples" / "elderly-care-volunteers.yaml"
VOLUNTEERS = ROOT / "examples" / "volunteers.csv"


def page_texts(path: Path) -> list[str]:
    return [fold(page.extract_text()) for page in PdfReader(path).pages]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshopkit", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def elderly(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("elderly")
    return app.build(ELDERLY, out, roster=VOLUNTEERS).folder


# --- fields take from the roster only what they ask for ------------------------------------

@pytest.mark.parametrize(("label", "takes"), [
    ("ชื่อ", "name"), ("ชื่อ:", "name"), ("นามสกุล", "surname"), ("ชื่อ-นามสกุล", "full_name"),
    ("คำนำหน้า", "prefix"), ("ตำบล", "area"), ("อำเภอ", "district"), ("จังหวัด", "province"),
    ("รหัส", "code"), ("Name", "name"), ("Sub-district", "area"), ("Province", "province"),
    ("ชื่อหมู่บ้าน", None), ("ชื่อผู้สูงอายุ", None), ("พื้นที่รับผิดชอบ", None),
    ("หมู่บ้าน/ตำบล", None), ("พื้นที่/ตำบล", None), ("กลุ่มที่", None), ("Village name", None),
])
def test_only_the_well_known_labels_bind_by_default(label, takes):
    assert model.FormField(label=label).takes == takes


def test_fill_says_what_a_field_takes_and_none_keeps_it_blank():
    assert model.FormField(label="ชื่อ อสม. ผู้เยี่ยม", fill="full_name").takes == "full_name"
    assert model.FormField(label="ชื่อ", fill="none").takes is None


def test_a_personal_page_fills_the_volunteers_fields_and_leaves_the_others_blank(elderly):
    text = fold(pdftotext(elderly / PRINT_RUN))
    # the ADL form asks for the elderly person and the village: blank on every personal copy
    assert text.count(fold("ชื่อผู้สูงอายุ อายุ ชื่อหมู่บ้าน")) == 3
    assert "บุญเรือน" not in text.split(fold("ชื่อผู้สูงอายุ"))[1][:20]
    # the home-visit form names the volunteer where it says so
    assert fold("ชื่อ อสม. ผู้เยี่ยม บุญเรือน ทองคำ") in text
    # the self-assessment takes the prefix, name, surname, sub-district and district
    assert fold("คำนำหน้า นาง ชื่อ บุญเรือน นามสกุล ทองคำ ตำบล บ้านทุ่ง อำเภอ เมืองพะเยา") in text
    # the action plan's ตำบล says fill: none, its ชื่อหมู่บ้าน is not the volunteer's name
    assert text.count(fold("ชื่อหมู่บ้าน ตำบล")) == 3


def test_validate_verbose_shows_what_each_field_takes():
    result = cli("validate", "--verbose", ELDERLY)
    assert result.returncode == 0, result.stderr
    assert "  worksheets[0].blocks[0].items[0]: ชื่อผู้สูงอายุ <- (blank, filled in by hand)" \
        in result.stdout.splitlines()
    assert "  worksheets[1].blocks[0].items[0]: ชื่อ อสม. ผู้เยี่ยม <- full_name" in result.stdout
    assert "  self_assessment.fields[0]: คำนำหน้า <- prefix" in result.stdout
    assert "  action_plan.fields[1]: ตำบล <- (blank, filled in by hand)" in result.stdout


# --- collected forms sit on sheets of their own --------------------------------------------

def _starts(texts: list[str], title: str) -> list[int]:
    """1-based pages on which a document with this title begins (its title heads the page)."""
    return [n for n, text in enumerate(texts, start=1) if text.startswith(fold(title))
            or fold(title) in text[:200]]


def test_collected_forms_start_on_a_front_side_and_end_their_own_sheet(reference_pack):
    texts = page_texts(reference_pack / "participant-pack.pdf")
    form = read_workshop(REFERENCE).self_assessment
    first = _starts(texts, form.title)[0]
    assert first % 2 == 1, f"the self-assessment starts on page {first}, a back side"
    pages = len(PdfReader(reference_pack / "self-assessment.pdf").pages)
    after = first + pages  # the page after the form: a blank back where needed, then a front
    if pages % 2:
        assert texts[after - 1] == "", "the form's last sheet has something on its back"
        after += 1
    assert after % 2 == 1


def test_the_print_run_keeps_each_collected_form_on_its_own_sheets(elderly):
    texts = page_texts(elderly / PRINT_RUN)
    for title in ("แบบบันทึกการเยี่ยมบ้านผู้สูงอายุ", "แบบประเมินตนเองของ อสม. ด้านการดูแลผู้สูงอายุ"):
        starts = _starts(texts, title)
        assert len(starts) == 3 and all(page % 2 == 1 for page in starts), (title, starts)
        assert all(texts[page] == "" for page in starts)  # one page each: a blank back


def test_the_checklist_counts_the_sheets_with_the_blank_backs(reference_pack, manifest):
    pages = len(PdfReader(reference_pack / "participant-pack.pdf").pages)
    job = next(j for j in manifest["print_checklist"] if j["path"] == "participant-pack.pdf")
    assert job["pages"] == pages and job["sheets"] == -(-pages // 2) * job["copies"]


def test_the_docx_participant_pack_starts_collected_forms_on_a_right_hand_page(reference_pack):
    word = Docx(str(reference_pack / "participant-pack.docx"))
    title = read_workshop(REFERENCE).self_assessment.title
    sections = word.sections
    starts = [s._sectPr.find(qn("w:type")) for s in sections]
    kinds = [None if t is None else t.get(qn("w:val")) for t in starts]
    titles = [p.text for p in word.paragraphs if p.style.name == "Title"]
    index = titles.index(title)
    assert kinds[index] == "oddPage" and kinds[index + 1] == "oddPage"


# --- no sheet of paper for a line ---------------------------------------------------------

def test_the_reference_agenda_fits_one_page_with_its_remarks(reference_pack):
    texts = page_texts(reference_pack / "agenda.pdf")
    assert len(texts) == 1
    for remark in read_workshop(REFERENCE).agenda.remarks:
        assert fold(remark) in texts[0]


def agenda_of(path: Path, items: int, remarks: list[str]) -> Path:
    """A one-day agenda of `items` ten-minute items and the remarks under it."""
    lines = "\n".join(f"        - {{title: หัวข้อที่ {n} การแลกเปลี่ยนเรียนรู้, minutes: 10}}"
                      for n in range(1, items + 1))
    path.write_text(f"""\
title: เวทีทดสอบ
organiser: {{name: ทีมทดสอบ}}
agenda:
  days:
    - start: "08:00"
      items:
{lines}
  remarks: [{", ".join(remarks)}]
""", encoding="utf-8")
    return path


def test_a_document_whose_last_page_holds_a_line_or_two_is_refitted(tmp_path):
    # 22 items: at the normal spacing the remarks and a row spill onto a second page
    definition = agenda_of(tmp_path / "long.yaml", 22, ["หมายเหตุข้อแรก", "หมายเหตุข้อที่สอง"])
    built = app.build(definition, tmp_path / "out", ("pdf",))
    texts = page_texts(built.folder / "agenda.pdf")
    assert len(texts) == 1 and fold("หมายเหตุข้อที่สอง") in texts[0]
    assert not built.warnings


def test_a_last_page_that_cannot_be_refitted_is_a_warning_with_the_page(tmp_path):
    definition = tmp_path / "tall.yaml"
    definition.write_text(NEARLY_EMPTY_LAST_PAGE, encoding="utf-8")
    built = app.build(definition, tmp_path / "out", ("pdf",))
    assert len(PdfReader(built.folder / "worksheet-notes.pdf").pages) == 2
    assert "บันทึก: page 2 is a quarter full or less, even set tighter; shorten the document or " \
           "print it as it is" in built.warnings


def _writer_counting_layouts(monkeypatch, remembered=None):
    """A PDF writer whose every layout is counted, with the fits of an earlier build."""
    from workshopkit.paper.page import PageDescription
    from workshopkit.render.pdf.writer import PdfWriter
    writer = PdfWriter(ROOT, PageDescription(), remembered)
    layouts = []
    original = writer._layout

    def counted(document, fit="", markup=None):
        layouts.append(fit if markup is None else "")
        return original(document, fit, markup)
    monkeypatch.setattr(writer, "_layout", counted)
    return writer, layouts


def test_the_fit_a_document_needed_is_tried_first_by_the_next_build(tmp_path, monkeypatch):
    from workshopkit.compose.pack import compose_all
    definition = agenda_of(tmp_path / "long.yaml", 22, ["หมายเหตุข้อแรก", "หมายเหตุข้อที่สอง"])
    agenda = compose_all(read_workshop(definition))[0]
    first, laid_out = _writer_counting_layouts(monkeypatch)
    once = first.render(agenda)
    assert laid_out == ["", "fit-1"] and len(once.pages) == 1 and first.fitted["agenda"] == "fit-1"
    assert list(first.learned.values()) == ["fit-1:1"]
    again, laid_out = _writer_counting_layouts(monkeypatch, first.learned)
    assert len(again.render(agenda).pages) == 1 and laid_out == ["fit-1"]  # one layout, not two
    assert again.fitted["agenda"] == "fit-1" and again.learned == first.learned
    # what was kept is only trusted when it gives the pages it gave: else every step again
    spoilt = {key: "fit-1:2" for key in first.learned}
    third, laid_out = _writer_counting_layouts(monkeypatch, spoilt)
    assert len(third.render(agenda).pages) == 1 and laid_out == ["fit-1", "", "fit-1"]
    assert third.learned == first.learned
    # a changed document is another key: laid out as if nothing were kept
    longer = compose_all(read_workshop(agenda_of(tmp_path / "l2.yaml", 23, ["หมายเหตุข้อแรก"])))[0]
    fourth, laid_out = _writer_counting_layouts(monkeypatch, first.learned)
    fourth.render(longer)
    assert laid_out[0] == ""


def test_a_page_no_step_saved_is_not_refitted_again_and_still_said(tmp_path, monkeypatch):
    from workshopkit.compose.pack import compose_all
    definition = tmp_path / "tall.yaml"
    definition.write_text(NEARLY_EMPTY_LAST_PAGE, encoding="utf-8")
    notes = next(d for d in compose_all(read_workshop(definition)) if d.slug == "worksheet-notes")
    first, laid_out = _writer_counting_layouts(monkeypatch)
    assert len(first.render(notes).pages) == 2
    assert laid_out == ["", "fit-1", "fit-1 fit-2", "fit-1 fit-2 fit-3"]
    assert list(first.learned.values()) == [":2"]
    again, laid_out = _writer_counting_layouts(monkeypatch, first.learned)
    assert len(again.render(notes).pages) == 2 and laid_out == [""]
    assert again.warnings == first.warnings and "page 2 is a quarter full or less" in again.warnings[0]


def test_a_build_keeps_the_fits_it_found_for_the_next_in_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    definition = agenda_of(tmp_path / "long.yaml", 22, ["หมายเหตุข้อแรก", "หมายเหตุข้อที่สอง"])
    first = app.build(definition, tmp_path / "a", ("pdf",))
    kept = json.loads((tmp_path / "cache" / "workshopkit" / app.FITS).read_text(encoding="utf-8"))
    assert "fit-1:1" in kept.values()
    second = app.build(definition, tmp_path / "b", ("pdf",))
    for entry in first.entries:
        assert page_texts(second.folder / entry.path) == page_texts(first.folder / entry.path)


def test_group_rows_of_the_action_plan_have_no_writing_height(reference_pack):
    plan = read_workshop(REFERENCE).action_plan
    groups = {row.label for row in plan.rows if row.rows}
    leaves = {child.label for row in plan.rows for child in row.rows}
    table = max(Docx(str(reference_pack / "action-plan.docx")).tables, key=lambda t: len(t.rows))  # the plan

    def height(row) -> str | None:
        found = row._tr.trPr.find(qn("w:trHeight")) if row._tr.trPr is not None else None
        return None if found is None else found.get(qn("w:val"))

    labelled = {row.cells[0].text.split(" ", 1)[-1]: height(row) for row in table.rows}
    assert groups and all(labelled[label] is None for label in groups)
    assert leaves and all(labelled[label] is not None for label in leaves)


# --- the subtitle and the facilitator pack's cover ----------------------------------------

def test_the_agenda_prints_the_workshops_subtitle(reference_pack):
    subtitle = read_workshop(REFERENCE).subtitle
    assert fold(subtitle) in page_texts(reference_pack / "agenda.pdf")[0]
    word = Docx(str(reference_pack / "agenda.docx"))
    assert subtitle in [p.text for p in word.paragraphs]


def test_the_facilitator_pack_opens_with_a_cover_whose_contents_give_the_right_pages(reference_pack):
    workshop = read_workshop(REFERENCE)
    texts = page_texts(reference_pack / "facilitator-pack.pdf")
    cover = texts[0]
    for words in (workshop.title, workshop.subtitle, workshop.organiser.name, "สารบัญ"):
        assert fold(words) in cover
    raw = PdfReader(reference_pack / "facilitator-pack.pdf").pages[0].extract_text()
    listed = re.findall(r"^(.+?)\s+(\d+)$", raw, re.M)
    titles = {"รายการสั่งพิมพ์", "กำหนดการ", "แผนการจัดกระบวนการเรียนรู้", "ใบลงทะเบียน"}
    checked = 0
    for title, page in listed:
        if title.strip() in titles:
            assert fold(title) in texts[int(page) - 1][:120], (title, page)
            checked += 1
    assert checked == len(titles)


# --- every document in every format ----------------------------------------------------------

def test_every_document_kind_exists_in_every_format(manifest):
    kinds = {fmt: {d["kind"] for d in manifest["documents"] if d["format"] == fmt}
             for fmt in ("pdf", "docx")}
    assert kinds["pdf"] == kinds["docx"]
    assert "print-checklist" in kinds["docx"]


def test_a_docx_only_build_has_the_print_checklist_in_the_facilitator_pack(tmp_path):
    built = app.build(REFERENCE, tmp_path, ("docx",))
    names = {e.path for e in built.entries}
    assert "print-checklist.docx" in names
    word = Docx(str(built.folder / "facilitator-pack.docx"))
    titles = [p.text for p in word.paragraphs if p.style.name == "Title"]
    assert titles[:3] == [read_workshop(REFERENCE).title, "รายการสั่งพิมพ์", "กำหนดการ"]
    checklist = Docx(str(built.folder / "print-checklist.docx")).tables[0]
    assert any("participant-pack.docx" in c.text for c in checklist.columns[0].cells)


# --- the pack folder holds this build only -------------------------------------------------

def test_a_rebuild_removes_what_the_last_build_wrote_and_this_one_did_not(tmp_path):
    work = tmp_path / "src"
    work.mkdir()
    definition = work / "care.yaml"
    shutil.copy(ELDERLY, definition)
    shutil.copy(VOLUNTEERS, work / "volunteers.csv")
    out = tmp_path / "out"
    first = app.build(definition, out, ("pdf",), roster=work / "volunteers.csv")
    folder = first.folder
    assert (folder / PRINT_RUN).exists() and (folder / "worksheet-adl.pdf").exists()
    (folder / "notes.txt").write_text("the organiser's own", encoding="utf-8")
    text = definition.read_text(encoding="utf-8")
    sheet = "\n    title: แบบประเมินกิจวัตร"
    renamed = text.replace(f"  - id: adl{sheet}", f"  - id: daily{sheet}")
    assert renamed != text
    definition.write_text(renamed, encoding="utf-8")
    second = app.build(definition, out, ("pdf",))  # no roster this time
    names = {p.name for p in folder.iterdir()}
    assert PRINT_RUN not in names and "worksheet-adl.pdf" not in names
    assert "worksheet-daily.pdf" in names and "notes.txt" in names
    assert f"{folder / 'notes.txt'}: warning: not written by workshopkit and left as it is; it is " \
           f"not part of this pack" in second.warnings
    listed = {d["path"] for d in json.loads((folder / "manifest.json").read_text())["documents"]}
    assert listed == names - {"notes.txt", "manifest.json"}


def test_a_hand_edited_manifest_cannot_remove_files_outside_the_pack(tmp_path):
    built = app.build(ELDERLY, tmp_path / "out", ("pdf",))
    victim = tmp_path / "precious.pdf"
    victim.write_bytes(b"%PDF-1.4 mine")
    manifest = json.loads((built.folder / "manifest.json").read_text())
    manifest["documents"] += [{"path": "../../precious.pdf"}, {"path": str(victim)}]
    (built.folder / "manifest.json").write_text(json.dumps(manifest))
    app.build(ELDERLY, tmp_path / "out", ("pdf",))
    assert victim.exists()


# --- `new --from` writes a definition that stands on its own --------------------------------

@pytest.mark.parametrize("shipped", ["community-service-unit-2day", "community-service-unit-1day",
                                     "community-welfare-forums", "area-management-review"])
def test_new_from_every_shipped_workshop_validates_anywhere(tmp_path, shipped):
    result = cli("new", "mine", "--from", shipped, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "mine.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^(extends|include):", text, re.M)
    assert cli("validate", "mine.yaml", cwd=tmp_path).returncode == 0
    source = read_workshop(ROOT / "workshops" / f"{shipped}.yaml")
    copy = read_workshop(tmp_path / "mine.yaml")
    assert copy.model_dump(exclude={"id"}) == source.model_dump(exclude={"id"})


def test_new_keeps_the_comments_of_what_it_writes_out(tmp_path):
    assert cli("new", "oneday", "--from", "community-service-unit-1day", cwd=tmp_path).returncode == 0
    text = (tmp_path / "oneday.yaml").read_text(encoding="utf-8")
    assert "# The reference workshop in one day" in text  # the file's own opening comment
    assert "# A fragment for" not in text or "checklists:" in text
    assert cli("new", "forums", "--from", "community-welfare-forums", cwd=tmp_path).returncode == 0
    forums = (tmp_path / "forums.yaml").read_text(encoding="utf-8")
    assert "id: social-development-7-steps" in forums and "id: provincial-welfare-6-steps" in forums


def test_new_writes_nothing_when_the_result_would_not_validate(tmp_path):
    # the branded example's logo is beside it, not in the new folder
    result = cli("new", "branded", "--from", ROOT / "examples" / "branded-workshop.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert re.search(r"branded\.yaml:\d+:\d+: theme\.logo: no file 'logo\.png' beside the definition",
                     result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


# --- column widths, and tables that never lose a column -----------------------------------

def _sheet(blocks: str, orientation: str = "portrait") -> str:
    return f"""\
title: เวทีทดสอบตาราง
organiser: {{name: ทีมทดสอบ}}
agenda: {{days: [{{start: "09:00", items: [{{title: เปิด, minutes: 30}}]}}]}}
worksheets:
  - id: wide
    title: ตารางกว้าง
    orientation: {orientation}
    blocks:
{blocks}"""


def _columns(count: int, label: str, kind: str = "text") -> str:
    return "\n".join(f"          - {{label: \"{label} {n}\", kind: {kind}}}" for n in range(1, count + 1))


WIDEST = _sheet(f"""\
      - type: table
        title: ยี่สิบคอลัมน์เขียน
        label_column: ประเด็น
        columns:
{_columns(20, "ความร่วมมือของภาคีเครือข่าย")}
        rows: [แถวแรก, แถวสอง]
      - type: table
        title: ยี่สิบช่องทำเครื่องหมาย
        label_column: กิจวัตรประจำวัน
        columns:
{_columns(20, "ทำได้เอง", "tick")}
        rows: [การรับประทานอาหาร]
      - type: table
        title: หัวตารางยาวกว่าหน้ากระดาษ
        label_column: ประเด็น
        columns:
          - label: "{' '.join(['ความคิดเห็นของผู้เข้าร่วมเวทีต่อแนวทางการพัฒนา'] * 60)}"
          - {{label: ทำได้เอง, kind: tick}}
        rows: [แถวแรก]
""")


TALLEST = "\n".join(f"          - แถวที่ {n} รายการตรวจสอบ" for n in range(1, 201))
WIDEST += f"""\
  - id: tall
    title: ตารางยาว
    blocks:
      - type: table
        label_column: รายการ
        columns: [ผลการตรวจ, {{label: ผ่าน, kind: tick}}]
        lines: 1
        rows:
{TALLEST}
"""


@pytest.fixture(scope="module")
def widest(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("widest")
    definition = folder / "widest.yaml"
    definition.write_text(WIDEST, encoding="utf-8")
    return app.build(definition, folder / "out").folder


def test_the_tallest_table_keeps_every_row_with_its_heading_on_every_page(widest):
    reader = PdfReader(widest / "worksheet-tall.pdf")
    pages = [fold(page.extract_text()) for page in reader.pages]
    assert len(pages) > 5
    assert all(fold("รายการ ผลการตรวจ ผ่าน") in page for page in pages)  # the heading repeats
    text = "".join(pages)
    assert all(fold(f"{n}. แถวที่ {n} รายการตรวจสอบ") in text for n in range(1, 201))
    table = Docx(str(widest / "worksheet-tall.docx")).tables[0]
    assert len(table.rows) == 201 and table.rows[200].cells[0].text == "200. แถวที่ 200 รายการตรวจสอบ"


def test_the_widest_tables_keep_every_column_in_the_pdf(widest):
    reader = PdfReader(widest / "worksheet-wide.pdf")
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)  # landscape
    text = fold("".join(page.extract_text() for page in reader.pages))
    for n in range(1, 21):  # numbered headings, with every label in the key under the table
        assert fold(f"{n} = ความร่วมมือของภาคีเครือข่าย {n}") in text
        assert fold(f"{n} = ทำได้เอง {n}") in text
    assert fold("ความคิดเห็นของผู้เข้าร่วมเวที") in text


def test_the_widest_tables_keep_every_column_in_the_docx(widest, tmp_path):
    word = Docx(str(widest / "worksheet-wide.docx"))
    section = word.sections[0]
    assert section.page_width > section.page_height
    usable = (section.page_width - section.left_margin - section.right_margin) / 635  # twips
    grids = [t for t in word.tables if len(t._tbl.tblGrid.findall(qn("w:gridCol"))) == 21]
    assert len(grids) == 2
    for table in grids:
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(widths) - usable) < 30  # exactly the page's width, never more
        assert [c.text for c in table.rows[0].cells[1:]] == [str(n) for n in range(1, 21)]
    converted = _libreoffice(widest / "worksheet-wide.docx", tmp_path)
    text = fold(pdftotext(converted))
    for n in range(1, 21):
        assert fold(f"{n} = ทำได้เอง {n}") in text


def _libreoffice(docx: Path, work: Path) -> Path:
    soffice = shutil.which("soffice")
    subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return work / f"{docx.stem}.pdf"


def test_relative_widths_mean_the_same_in_pdf_and_docx(tmp_path):
    definition = tmp_path / "widths.yaml"
    definition.write_text(_sheet("""\
      - type: table
        label_column: ประเด็น
        columns:
          - {label: ก, width: 2}
          - {label: ข, width: 1}
          - {label: หมายเหตุ, width: 1}
        rows: [แถวแรก]
"""), encoding="utf-8")
    folder = app.build(definition, tmp_path / "out").folder
    grid = Docx(str(folder / "worksheet-wide.docx")).tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    label, first, second, remarks = (int(c.get(qn("w:w"))) for c in grid)
    assert abs(first / second - 2) < 0.01 and abs(second - remarks) <= 1
    assert abs(label / second - 0.8) < 0.01  # the label column counts 0.8
    # the PDF draws the same widths: the centre of each heading where the DOCX puts its column
    words = subprocess.run(["pdftotext", "-bbox", str(folder / "worksheet-wide.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    centres = {m[3]: (float(m[1]) + float(m[2])) / 2 for m in
               re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.)</word>',
                           words) for m in [m] if m[3] in "กข"}
    left = 18 / 25.4 * 72  # the portrait page's left margin, in points
    twip = 72 / 1440
    expected = {"ก": left + (label + first / 2) * twip, "ข": left + (label + first + second / 2) * twip}
    for heading, centre in expected.items():
        assert abs(centres[heading] - centre) < 3, (heading, centres, expected)


def test_no_tick_column_is_narrower_than_a_two_word_heading(tmp_path):
    folder = app.build(ELDERLY, tmp_path).folder
    assert "ทำได้เอง" in pdftotext(folder / "worksheet-adl.pdf").split()
    converted = _libreoffice(folder / "worksheet-adl.docx", tmp_path)
    tokens = pdftotext(converted).split()
    assert "ทำได้เอง" in tokens or ("ทำได้" in tokens and "เอง" in tokens), tokens[:40]
    assert "ทำไ" not in tokens


def test_a_table_that_fits_no_page_is_refused_at_its_line(tmp_path):
    long_word = "x" * 400  # one word that cannot break
    definition = tmp_path / "nofit.yaml"
    definition.write_text(_sheet(f"""\
      - type: table
        label_column: ประเด็น
        columns:
{_columns(20, "ทำได้เอง", "tick")}
        rows: ["{long_word}"]
"""), encoding="utf-8")
    result = cli("validate", definition)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{definition}:9:9: worksheets[0].blocks[0]: the table's 21 columns "
                                    f"do not fit on a page, even landscape with numbered headings")
    assert cli("build", definition, "-o", tmp_path / "out").returncode == 2
    assert not (tmp_path / "out").exists()


def test_writing_space_taller_than_a_page_is_refused_at_its_line(tmp_path):
    definition = tmp_path / "tall.yaml"
    definition.write_text(_sheet("""\
      - type: table
        label_column: ประเด็น
        columns: [บันทึก]
        rows: [{label: แถวสูง, lines: 40}]
      - {type: box, label: กรอบ, lines: 40}
"""), encoding="utf-8")
    result = cli("validate", definition)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines == [
        f"{definition}:12:39: worksheets[0].blocks[0].rows[0].lines: 40 lines of writing are 340 mm, "
        f"taller than a page can hold with a heading; use at most 27",
        f"{definition}:13:41: worksheets[0].blocks[1].lines: 40 lines of writing are 340 mm, taller "
        f"than a page can hold with a heading; use at most 27"]


def test_anything_past_the_pages_edge_stops_the_build(tmp_path):
    # an organiser's stylesheet can still push a table off the page: the check after layout
    # refuses the PDF rather than print it cut off
    look = tmp_path / "look"
    look.mkdir()
    (look / "print.css").write_text("table.grid { width: 250mm; }", encoding="utf-8")
    definition = tmp_path / "pushed.yaml"
    definition.write_text(_sheet("""\
      - type: table
        label_column: ประเด็น
        columns: [บันทึก, หมายเหตุ]
        rows: [แถวแรก]
""") + "theme: {templates: look}\n", encoding="utf-8")
    result = cli("build", definition, "-o", tmp_path / "out", "--format", "pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert re.fullmatch(r".+, page 1: a table cell is \d+ mm wide; the page has 176 mm; it would be "
                        r"cut off on paper\n", result.stderr), result.stderr


def test_the_reference_agenda_docx_is_one_page_in_libreoffice(reference_pack, tmp_path):
    converted = _libreoffice(reference_pack / "agenda.docx", tmp_path)
    assert len(PdfReader(converted).pages) == 1
    assert fold("อาหารว่างบริการระหว่างกระบวนการฯ") in fold(pdftotext(converted))


def test_the_agendas_remarks_never_open_a_page_alone(tmp_path):
    # 21 items fill the first page: the remarks take the table's last row with them
    path = agenda_of(tmp_path / "remarks.yaml", 21, [f"หมายเหตุข้อที่ {n}" for n in range(1, 7)])
    from workshopkit.compose.pack import compose_all
    from workshopkit.compose.page_description import describe
    from workshopkit.render.pdf.writer import PdfWriter

    workshop = read_workshop(path)
    writer = PdfWriter(tmp_path, describe(workshop, tmp_path))
    laid_out = writer._layout(compose_all(workshop)[0])  # no refit
    assert len(laid_out.pages) == 2
    data = laid_out.write_pdf()
    (tmp_path / "agenda.pdf").write_bytes(data)
    last = page_texts(tmp_path / "agenda.pdf")[-1]
    assert last.index(fold("หัวข้อที่ 21")) < last.index(fold("หมายเหตุ1)")) < last.index(fold("หมายเหตุข้อที่ 6"))
