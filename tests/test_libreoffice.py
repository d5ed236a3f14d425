"""The DOCX files as a trainer's computer prints them: LibreOffice converts every one on a
machine where Sarabun is not installed, and the result must still be set in Sarabun (the
embedded font), keep its Thai text and its QR codes."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import REFERENCE, decoded_qr_codes, fold, pdftotext
from pypdf import PdfReader

from workshopkit.definition.read import read_workshop

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>{cache}</cachedir>
  <!-- should Sarabun be installed on this machine, hide it: only the embedded copy counts -->
  <selectfont><rejectfont><glob>/usr/*Sarabun*</glob></rejectfont></selectfont>
</fontconfig>
"""


@pytest.fixture(scope="module")
def converted(reference_pack: Path, tmp_path_factory) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    work = tmp_path_factory.mktemp("libreoffice")
    conf = work / "fonts.conf"
    conf.write_text(FONTS_CONF.format(cache=work / "fc-cache"))
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(work)}
    families = subprocess.run(["fc-list", ":", "family"], env=env, capture_output=True,
                              text=True, check=True).stdout
    assert "Sarabun" not in families, "Sarabun is visible to fontconfig: the test would prove nothing"
    out = work / "pdf"
    documents = sorted(str(p) for p in reference_pack.glob("*.docx"))
    subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *documents],
                   env=env, check=True, capture_output=True, timeout=600)
    return out


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
