"""Every shipped definition validates and builds; the examples show what they promise."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, fold, pdftotext
from PIL import Image

from workshopkit import app
from workshopkit.compose import tree as doc
from workshopkit.compose.pack import compose_all
from workshopkit.definition.read import read_workshop

SHIPPED = sorted([*ROOT.glob("workshops/*.yaml"), *ROOT.glob("examples/*.yaml")])
EXAMPLE = ROOT / "workshops" / "area-management-review.yaml"  # Thai digits, tick columns


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_definitions_validate_and_build_as_docx(path: Path, tmp_path):
    assert read_workshop(path).title
    built = app.build(path, tmp_path, ("docx",))
    assert built.entries and all((built.folder / e.path).is_file() for e in built.entries)
    # (tests/test_thai_text.py builds every one of them as PDF and reads the text back)


@pytest.fixture(scope="module")
def example_pack(tmp_path_factory) -> Path:
    return app.build(EXAMPLE, tmp_path_factory.mktemp("out")).folder


def test_known_date_and_venue_print_in_thai_digits(example_pack):
    text = pdftotext(example_pack / "agenda.pdf")
    assert "วันอังคารที่ ๒๗ ตุลาคม พ.ศ. ๒๕๖๓ เวลา ๑๘.๐๐ – ๒๐.๐๐ น." in text
    assert "ณ ห้องรอยัล จูบิลี ศูนย์แสดงสินค้าและการประชุมอิมแพ็ค เมืองทองธานี" in text
    assert "๑๙.๕๐ – ๒๐.๐๐ น." in text
    assert "หน้า ๑ / ๑" in text


def test_tick_columns_write_in_rows_and_their_key(example_pack):
    sheet = next(d for d in compose_all(read_workshop(EXAMPLE)) if d.kind == "worksheet")
    table = next(b for b in sheet.blocks if isinstance(b, doc.Table))
    assert [c.text for c in table.head[0].cells] == [
        "ประเภท/รูปแบบ", "ขั้นตอนหรือวิธีการ (ทำอย่างไร?)",
        "ผลที่เกิดขึ้นจากการขับเคลื่อน (ทำเครื่องหมายถูก)", "แนวทางการพัฒนาคน (จะทำอะไร?)"]
    assert table.head[0].cells[2].colspan == 5
    assert [c.text for c in table.head[1].cells] == ["๑", "๒", "๓", "๔", "๕"]
    assert [c.kind for c in table.body[0].cells] == ["label", "write", *["tick"] * 5, "write"]
    write_in = table.body[-1].cells[0].blocks[0]
    assert write_in.parts[0] == "๗. อื่น ๆ (ระบุ)" and isinstance(write_in.parts[1], doc.Blank)
    text = fold(pdftotext(example_pack / "worksheet-people.pdf"))
    assert fold("๕ = มีการพัฒนาคนในรูปแบบต่าง ๆ อย่างต่อเนื่อง") in text
    assert fold("๖. อื่น ๆ (ระบุ)") in text


def test_the_english_example_prints_no_thai_and_gregorian_dates(tmp_path):
    import re
    import zipfile

    folder = app.build(ROOT / "examples" / "english-workshop.yaml", tmp_path).folder
    thai = re.compile("[\u0e00-\u0e7f]")
    for path in folder.glob("*.pdf"):
        assert not thai.search(pdftotext(path)), path.name
    for path in folder.glob("*.docx"):
        with zipfile.ZipFile(path) as archive:
            assert not thai.search(archive.read("word/document.xml").decode()), path.name
    agenda = pdftotext(folder / "agenda.pdf")
    assert "Tuesday 15 December 2026" in agenda and "Programme" in agenda and "p. 1 / 1" in agenda


def test_an_unknown_label_is_an_error_at_its_key(tmp_path):
    from helpers import MINIMAL, write_definition

    from workshopkit.errors import DefinitionError
    path = write_definition(tmp_path, MINIMAL + "labels: {agneda: Programme}\n")
    with pytest.raises(DefinitionError) as info:
        read_workshop(path)
    (line,) = info.value.lines()
    assert line.startswith(f"{path}:14:10: labels.agneda: unknown label 'agneda'; the labels are ")


def word_height(pdf: Path, word: str) -> float:
    import re
    import subprocess

    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    match = re.search(r'yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">' + re.escape(word) + "<", html)
    assert match, word
    return float(match.group(2)) - float(match.group(1))


def test_branding_logo_accent_and_the_government_type_size(tmp_path):
    import subprocess

    branded = app.build(ROOT / "examples" / "branded-workshop.yaml", tmp_path / "b", ("pdf",)).folder
    plain = app.build(EXAMPLE, tmp_path / "p", ("pdf",)).folder
    images = subprocess.run(["pdfimages", "-list", str(branded / "agenda.pdf")], capture_output=True,
                            text=True, check=True).stdout.splitlines()[2:]
    assert len(images) >= 1  # the logo
    ratio = word_height(branded / "agenda.pdf", "เวลา") / word_height(plain / "agenda.pdf", "เวลา")
    assert abs(ratio - 16 / 12) < 0.02  # the same line of the agenda at 16 pt against 12 pt
    accent = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(branded / "agenda.pdf"),
                             "-"], capture_output=True, check=True).stdout
    assert b"0.121569 0.360784 0.6 rg" in accent  # #1F5C99 on the title


@pytest.mark.parametrize("make, message", [
    (lambda path: Image.new("1", (20000, 20000)).save(path, "PNG"),  # 50 KB on disk
     "the logo has 400,000,000 pixels (a decompression bomb?); the limit is 25,000,000 pixels"),
    (lambda path: Image.new("1", (6000, 6000)).save(path, "PNG"),
     "the logo is 6000 x 6000 pixels; the limit is 25,000,000 pixels"),
    (lambda path: Image.new("RGB", (8, 8)).save(path, "GIF"),
     "'logo.png' is a GIF image; use PNG, JPEG or SVG"),
    (lambda path: path.write_bytes(b"MZ\x90\x00"), "'logo.png' is not a PNG, JPEG or SVG image"),
], ids=["decompression bomb", "too many pixels", "gif", "not an image"])
def test_a_logo_from_elsewhere_is_checked_before_anything_decodes_it(tmp_path, make, message):
    from helpers import MINIMAL, write_definition

    from workshopkit.errors import DefinitionError
    make(tmp_path / "logo.png")
    path = write_definition(tmp_path, MINIMAL + "theme: {logo: logo.png}\n")
    with pytest.raises(DefinitionError) as info:
        read_workshop(path)
    assert info.value.lines() == [f"{path}:14:15: theme.logo: {message}"]


def test_a_logo_that_is_missing_or_outside_the_folder_is_an_error(tmp_path):
    from helpers import MINIMAL, write_definition

    from workshopkit.errors import DefinitionError
    for logo, message in (("missing.png", "no file 'missing.png' beside the definition"),
                          ("../../etc/hostname", "the logo must be a file in the definition's folder")):
        path = write_definition(tmp_path, MINIMAL + f"theme: {{logo: {logo}}}\n")
        with pytest.raises(DefinitionError) as info:
            read_workshop(path)
        assert info.value.lines() == [f"{path}:14:15: theme.logo: {message}"]
