"""Every shipped definition validates and builds; the examples show what they promise."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ROOT, fold, pdftotext

from workshopkit import doc, pack
from workshopkit.compose import compose_all
from workshopkit.definition import read_workshop

SHIPPED = sorted([*ROOT.glob("workshops/*.yaml"), *ROOT.glob("examples/*.yaml")])
EXAMPLE = ROOT / "examples" / "tick-table.yaml"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_definitions_validate(path: Path):
    assert read_workshop(path).title


@pytest.fixture(scope="module")
def example_pack(tmp_path_factory) -> Path:
    return pack.build(EXAMPLE, tmp_path_factory.mktemp("out")).folder


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

    folder = pack.build(ROOT / "examples" / "english-workshop.yaml", tmp_path).folder
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
