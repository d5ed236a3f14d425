"""The DOCX files as a trainer's computer prints them: LibreOffice converts every one on a
machine where Sarabun is not installed, and the result must still be set in Sarabun (the
embedded font), keep its Thai text and its QR codes."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from helpers import REFERENCE, decoded_qr_codes, fold, libreoffice_pdfs, pdftotext
from pypdf import PdfReader

from workshopkit.definition.read import read_workshop


@pytest.fixture(scope="module")
def converted(reference_pack: Path, tmp_path_factory) -> Path:
    return libreoffice_pdfs(sorted(reference_pack.glob("*.docx")), tmp_path_factory.mktemp("libreoffice"))


def fonts_of(pdf: Path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    return [line.split()[0].split("+")[-1] for line in listing]


def test_every_docx_converts_and_uses_only_the_embedded_sarabun(reference_pack, converted):
    names = sorted(p.stem for p in reference_pack.glob("*.docx"))
    assert sorted(p.stem for p in converted.glob("*.pdf")) == names
    for pdf in converted.glob("*.pdf"):
        fonts = fonts_of(pdf)
        assert fonts and all(f.startswith("Sarabun") for f in fonts), (pdf.name, fonts)


def test_converted_self_assessment_keeps_every_sub_item(converted):
    text = fold(pdftotext(converted / "self-assessment.pdf"))
    form = read_workshop(REFERENCE).self_assessment
    for r, role in enumerate(form.roles, start=1):
        for i, item in enumerate(role.items, start=1):
            assert fold(f"{r}.{i} {item}") in text


def test_converted_qr_codes_still_decode(converted):
    assert decoded_qr_codes(converted / "survey-sheet.pdf") == [
        "https://forms.gle/47HgS36ntXoV3LUh6", "https://forms.gle/4zTiujHWyWVpWsa9",
        "https://forms.gle/ZjEvO55wLmhrrL7Y8"]
    videos = decoded_qr_codes(converted / "session-plan.pdf")
    assert {"https://youtu.be/hkstDXLYmtc", "https://youtu.be/l5slsplfmXM"} <= set(videos)


def test_converted_action_plan_is_landscape_a4(converted):
    box = PdfReader(converted / "action-plan.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
