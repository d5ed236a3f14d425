"""The DOCX files, reopened: styles that name Sarabun in every slot, the font embedded as
the standard says, tables that print, QR pictures at print resolution."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from helpers import MINIMAL, write_definition
from lxml import etree
from PIL import Image

from workshopkit import app
from workshopkit.render.docx.fonts import obfuscate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def docx_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.docx"))


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def attr(element: etree._Element, name: str) -> str | None:
    return element.get(f"{{{W}}}{name}")


def test_every_document_kind_exists_as_docx(manifest):
    pdf = [(d["kind"], Path(d["path"]).stem) for d in manifest["documents"] if d["format"] == "pdf"]
    word = [(d["kind"], Path(d["path"]).stem) for d in manifest["documents"] if d["format"] == "docx"]
    assert word == pdf and len(word) == 14
    assert all(d["pages"] is None for d in manifest["documents"] if d["format"] == "docx")


def test_styles_name_the_bundled_font_in_all_four_slots(reference_pack):
    for path in docx_files(reference_pack):
        styles = part(path, "word/styles.xml")
        assert not [f for f in styles.iter(f"{{{W}}}rFonts") if any("Theme" in k for k in f.attrib)]
        default = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        _check_rpr(default, path.name + " defaults")
        used = set(re.findall(r'w:pStyle w:val="([^"]+)"', _text(path, "word/document.xml")))
        used |= set(re.findall(r'w:pStyle w:val="([^"]+)"', _text(path, "word/footer1.xml")))
        for style_id in used | {"Normal"}:
            style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
            assert style is not None, style_id
            _check_rpr(style.find("w:rPr", NS), f"{path.name} {style_id}")


def test_only_the_styles_in_use_are_carried_and_every_one_named_is_there(reference_pack):
    """writer._only_what_is_used: python-docx's 164 template styles, their Word 2010 copy and
    the template's picture of an empty page are left out; every style a paragraph, run, table
    or other style names (in the body, the headers and footers) is still defined."""
    for path in docx_files(reference_pack):
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            xml = {name: archive.read(name).decode() for name in names if name.endswith(".xml")}
        assert "word/stylesWithEffects.xml" not in names and "docProps/thumbnail.jpeg" not in names
        assert "thumbnail" not in xml["[Content_Types].xml"] + archive_text(path, "_rels/.rels")
        styles = part(path, "word/styles.xml")
        defined = {s.get(f"{{{W}}}styleId") for s in styles.iterfind("w:style", NS)}
        assert len(defined) < 40 and styles.find("w:latentStyles", NS) is None
        naming = r'<w:(?:pStyle|rStyle|tblStyle|basedOn|next|link) w:val="([^"]+)"'
        named = {value for name, text in xml.items() if name.startswith("word/")
                 for value in re.findall(naming, text)}
        assert named and named <= defined, (path.name, named - defined)


def archive_text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode()


def _check_rpr(rpr: etree._Element, where: str) -> None:
    fonts = rpr.find("w:rFonts", NS)
    assert [attr(fonts, s) for s in SLOTS] == ["Sarabun"] * 4, where
    assert (rpr.find("w:sz", NS) is None) == (rpr.find("w:szCs", NS) is None), where
    assert rpr.find("w:sz", NS) is not None, where
    if rpr.find("w:b", NS) is not None:
        assert attr(rpr.find("w:bCs", NS), "val") == attr(rpr.find("w:b", NS), "val"), where
    if rpr.find("w:i", NS) is not None:
        assert attr(rpr.find("w:iCs", NS), "val") == attr(rpr.find("w:i", NS), "val"), where
    assert attr(rpr.find("w:lang", NS), "bidi") == "th-TH", where


def _text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8") if name in archive.namelist() else ""


def test_bold_and_italic_runs_set_the_complex_script_slot_too(reference_pack):
    for path in docx_files(reference_pack):
        body = part(path, "word/document.xml")
        for rpr in body.iter(f"{{{W}}}rPr"):
            for latin, complex_ in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
                if rpr.find(f"w:{latin}", NS) is not None:
                    assert rpr.find(f"w:{complex_}", NS) is not None, (path.name, latin)


def test_the_four_faces_are_embedded_as_the_standard_says(reference_pack):
    path = reference_pack / "agenda.docx"
    types = part(path, "[Content_Types].xml")
    assert types.find("{*}Default[@Extension='odttf']").get("ContentType") == \
        "application/vnd.openxmlformats-officedocument.obfuscatedFont"
    rels = {r.get("Id"): r.get("Target") for r in part(path, "word/_rels/fontTable.xml.rels")}
    (font,) = part(path, "word/fontTable.xml").findall("w:font[@w:name='Sarabun']", NS)
    children = [etree.QName(c).localname for c in font]
    assert children == ["panose1", "charset", "family", "pitch", "sig", "embedRegular",
                        "embedBold", "embedItalic", "embedBoldItalic"]
    assert attr(font.find("w:charset", NS), "val") == "DE"
    assert attr(font.find("w:panose1", NS), "val") != "00000000000000000000"
    keys = set()
    with zipfile.ZipFile(path) as archive:
        for element in font[5:]:
            key = attr(element, "fontKey")
            assert re.fullmatch(r"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", key)
            keys.add(key)
            target = rels[element.get(f"{{{NS['r']}}}id")]
            data = obfuscate(archive.read(f"word/{target}"), key)
            face = TTFont(io.BytesIO(data))
            assert face["name"].getDebugName(1) == "Sarabun"
            assert 0x0E33 in face.getBestCmap()
    assert len(keys) == 4
    settings = [etree.QName(c).localname for c in part(path, "word/settings.xml")]
    assert settings[settings.index("zoom") + 1] == "embedTrueTypeFonts"


def test_tables_carry_widths_twice_and_print_well(reference_pack):
    for path in docx_files(reference_pack):
        body = part(path, "word/document.xml")
        for table in body.iter(f"{{{W}}}tbl"):
            grid = [int(attr(c, "w")) for c in table.findall("w:tblGrid/w:gridCol", NS)]
            total = int(attr(table.find("w:tblPr/w:tblW", NS), "w"))
            assert abs(sum(grid) - total) <= len(grid), path.name
            assert attr(table.find("w:tblPr/w:tblLayout", NS), "type") == "fixed"
            for row in table.findall("w:tr", NS):
                widths = [int(attr(c.find("w:tcPr/w:tcW", NS), "w")) for c in row.findall("w:tc", NS)]
                assert abs(sum(widths) - total) <= len(grid), path.name  # spans carry their sum


def test_header_rows_repeat_and_form_rows_do_not_split(reference_pack):
    body = part(reference_pack / "self-assessment.docx", "word/document.xml")
    (table,) = [t for t in body.iter(f"{{{W}}}tbl") if len(t.findall("w:tr", NS)) > 20]
    rows = table.findall("w:tr", NS)
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows[:3]] == [True, True, False]
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    ticks = [r for r in table.iter(f"{{{W}}}bdr")]
    assert len(ticks) == 27 * 4


def test_pages_are_a4_with_the_pdf_margins_and_a_footer(reference_pack):
    word = docx.Document(str(reference_pack / "agenda.docx"))
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.right_margin, section.bottom_margin,
                                  section.left_margin)] == [16, 16, 18, 18]
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("สมาคมวิถีสานเลือกเพื่อการพัฒนาที่ยั่งยืน (SADA)")
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    plan = docx.Document(str(reference_pack / "action-plan.docx")).sections[0]
    assert (round(plan.page_width.mm), round(plan.page_height.mm)) == (297, 210)


def test_packs_restart_page_numbers_for_each_document(reference_pack):
    word = docx.Document(str(reference_pack / "participant-pack.docx"))
    assert len(word.sections) == 8
    assert {round(s.page_width.mm) for s in word.sections} == {210, 297}
    for section in word.sections:
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        instructions = [t.text.strip() for t in section.footer.paragraphs[0]._p.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "SECTIONPAGES"]


def test_qr_pictures_are_300_dpi_and_at_least_25_mm(reference_pack):
    for name in ("survey-sheet.docx", "session-plan.docx"):
        word = docx.Document(str(reference_pack / name))
        shapes = word.inline_shapes
        assert len(shapes) == (3 if name == "survey-sheet.docx" else 4 + 3)
        for shape in shapes:
            width_mm = shape.width.mm
            blip = shape._inline.graphic.graphicData.pic.blipFill.blip
            image = Image.open(io.BytesIO(word.part.related_parts[blip.embed].blob))
            assert width_mm >= 25 - 0.01
            assert image.size[0] / (width_mm / 25.4) >= 300


def test_without_embedded_fonts_the_files_are_smaller(tmp_path):
    path = write_definition(tmp_path, MINIMAL)
    with_fonts = app.build(path, tmp_path / "a", ("docx",)).folder / "agenda.docx"
    without = app.build(path, tmp_path / "b", ("docx",), embed_fonts=False).folder / "agenda.docx"
    with zipfile.ZipFile(without) as archive:
        assert not [n for n in archive.namelist() if n.startswith("word/fonts/")]
    assert without.stat().st_size < with_fonts.stat().st_size - 50_000


def test_the_subset_fonts_are_kept_for_the_next_build_and_embedded_from_there(tmp_path, monkeypatch):
    from workshopkit.render.docx.fonts import EMBED_ELEMENTS, obfuscate, subset_face
    from workshopkit.resources import FONT_FACES
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = write_definition(tmp_path, MINIMAL)
    first = app.build(path, tmp_path / "a", ("docx",)).folder / "agenda.docx"
    kept = sorted(p for p in (tmp_path / "cache" / "workshopkit").iterdir()
                  if p.name not in (app.FITS, app.TEMPLATES))  # what layout keeps
    faces = sorted(name.removesuffix(".ttf") for name in FONT_FACES.values())
    assert [k.name.rsplit("-", 1)[0] for k in kept] == faces
    for stored in kept:  # a kept face read back by the next build would be this, made afresh
        face = stored.name.rsplit("-", 1)[0] + ".ttf"
        stored.write_bytes(stored.read_bytes()[:32] + subset_face(face))
    second = app.build(path, tmp_path / "b", ("docx",)).folder / "agenda.docx"
    assert first.read_bytes() == second.read_bytes()
    # the embedded faces are the subsets, in the order fontTable.xml names them
    table = part(second, "word/fontTable.xml")
    with zipfile.ZipFile(second) as archive:
        for number, (style, file) in enumerate(FONT_FACES.items(), start=1):
            element = table.find(f".//w:{EMBED_ELEMENTS[style]}", NS)
            key = element.get(f"{{{W}}}fontKey")
            hidden = archive.read(f"word/fonts/font{number}.odttf")
            assert obfuscate(hidden, key) == subset_face(file)


@pytest.mark.parametrize("name", ["agenda.docx", "self-assessment.docx", "facilitator-pack.docx"])
def test_docx_reopens_with_real_paragraphs_and_tables(reference_pack, name):
    word = docx.Document(str(reference_pack / name))
    assert word.paragraphs and word.tables
    assert word.paragraphs[0].style.name == "Title"


def test_session_plan_rows_of_qr_codes_do_not_split_and_long_rows_may(reference_pack):
    body = part(reference_pack / "session-plan.docx", "word/document.xml")
    kept = {}
    for row in body.iter(f"{{{W}}}tr"):
        label = "".join(row.find("w:tc", NS).itertext())
        kept.setdefault(label, []).append(row.find("w:trPr/w:cantSplit", NS) is not None)
    assert kept["สื่อ"] == [False, True, False, False, False, False, False]  # activity 2's videos
    assert kept["แบบสำรวจออนไลน์"] == [True]
    assert not any(kept["วิธีการ"])


def test_a_collected_form_and_the_sheet_after_it_start_on_a_right_hand_page():
    from workshopkit.compose import tree
    from workshopkit.paper.page import PageDescription
    from workshopkit.render.docx.writer import DocxWriter
    sheets = [tree.Document("worksheet", slug, slug, "participant", (tree.text(slug),),
                            collected=slug == "form") for slug in ("intro", "form", "notes")]
    data = DocxWriter(PageDescription(), embed=False).write(sheets, own_sheets=True)
    word = docx.Document(io.BytesIO(data))
    starts = [section.start_type for section in word.sections]
    assert starts == [WD_SECTION.NEW_PAGE, WD_SECTION.ODD_PAGE, WD_SECTION.ODD_PAGE]


@pytest.mark.parametrize(("definition", "pictures"), [  # QR codes; a logo in the header
    ("workshops/community-service-unit-2day.yaml", 3), ("examples/branded-workshop.yaml", 1)])
def test_a_document_in_several_files_is_copied_into_the_same_file_it_would_draw(definition, pictures):
    """render/docx/fragments.py: the packs copy what the single files drew (QR pictures, a logo
    in the header): every part of every file is byte for byte what a writer of its own draws."""
    from collections import defaultdict

    from workshopkit.compose.front import compose_front
    from workshopkit.compose.plan import plan
    from workshopkit.render.docx.fragments import Fragments
    from workshopkit.render.docx.writer import DocxWriter
    from workshopkit.render.files import docx_files

    _read, job, _ = app._pack_job(Path(__file__).parent.parent / definition, None, None, ("docx",), True)
    front = compose_front(job.cover, job.style, job.documents, defaultdict(lambda: 1), job.copies, None,
                          "docx")
    bundles = plan(job.style, job.documents, job.copies, front.print_checklist, front.docx_cover)
    drawn = Fragments()
    written = docx_files(job.page, False, bundles, drawn)
    packs = [b for b in bundles if len(b.documents) > 1]
    assert packs and all(drawn.copied(docx.Document(), d) for b in packs for d in b.documents)
    for (data, entry), bundle in zip(written, bundles, strict=True):
        alone = DocxWriter(job.page, embed=False).write(bundle.documents, bundle.own_sheets)
        assert _parts(data) == _parts(alone), entry.path
    with zipfile.ZipFile(io.BytesIO(written[-1][0])) as pack:  # the pictures came along
        assert sum(name.startswith("word/media/") for name in pack.namelist()) >= pictures


def _parts(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:  # not the zip's own dates
        return {name: archive.read(name) for name in archive.namelist()}
