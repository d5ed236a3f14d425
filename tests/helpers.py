"""Helpers the tests share: reading PDFs back, folding text, writing definitions."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import zxingcpp

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "workshops" / "community-service-unit-2day.yaml"


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def fold(text: str) -> str:
    """For comparing PDF text with its source: white space removed (a PDF breaks lines
    wherever the page needs it), and nothing else. Thai, ำ included, must come back exactly
    (render/pdf/patches/thai_text.py fixes WeasyPrint's text layer for that)."""
    return re.sub(r"\s+", "", text)


def write_definition(folder: Path, text: str, name: str = "workshop.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# a worksheet whose second page holds a short box and nothing else, however tight it is set
NEARLY_EMPTY_LAST_PAGE = """\
title: เวทีทดสอบ
organiser: {name: ทีมทดสอบ}
agenda: {days: [{start: "09:00", items: [{title: เปิด, minutes: 30}]}]}
worksheets:
  - id: notes
    title: บันทึก
    blocks:
      - {type: box, label: บันทึกส่วนที่หนึ่ง, lines: 27}
      - {type: box, label: บันทึกส่วนที่สอง, lines: 7}
"""

MINIMAL = """\
title: เวทีทดสอบ
organiser: {name: ทีมทดสอบ}
agenda:
  days:
    - start: "09:00"
      items:
        - {title: เปิดเวที, minutes: 30, activity: intro}
        - {title: ปิดเวที, minutes: 15}
activities:
  - id: intro
    title: แนะนำตัว
    objectives: [รู้จักกัน]
    steps: [ทักทาย]
"""


def decoded_qr_codes(path: Path, dpi: int = 150) -> list[str]:
    found = []
    pdf = pypdfium2.PdfDocument(str(path))
    for page in pdf:
        image = page.render(scale=dpi / 72).to_pil()
        found += [code.text for code in zxingcpp.read_barcodes(image)
                  if code.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def eventually(condition: Callable[[], bool], seconds: float = 30) -> bool:
    """Whether `condition` holds within `seconds` (a process takes a moment to end): a bound
    on waiting, generous so that a slow machine never fails it."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def workshop_with(folder: Path, template: str | None = None, css: str | None = None,
                  extra: str = "") -> Path:
    """MINIMAL with its own templates folder, look/, holding the given template and CSS."""
    look = folder / "look"
    look.mkdir(exist_ok=True)
    if template is not None:
        (look / "document.html.j2").write_text(template, encoding="utf-8")
    if css is not None:
        (look / "print.css").write_text(css, encoding="utf-8")
    definition = folder / "forum.yaml"
    definition.write_text(MINIMAL + extra + "theme: {templates: look}\n", encoding="utf-8")
    return definition


def html_of(definition: Path) -> str:
    """The first document drawn with the definition's templates (no layout needed)."""
    from workshopkit.compose.pack import compose_all
    from workshopkit.compose.page_description import describe
    from workshopkit.definition.read import read_workshop
    from workshopkit.render.pdf.writer import PdfWriter

    workshop = read_workshop(definition)
    writer = PdfWriter(definition.parent.resolve(), describe(workshop, definition.parent))
    return writer.html(compose_all(workshop)[0])


def tables(document) -> list:
    """The tables of a composed document, in order."""
    from workshopkit.compose import tree

    return [b for b in document.blocks if isinstance(b, tree.Table)]


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


def libreoffice_pdfs(documents: list[Path], work: Path) -> Path:
    """The DOCX files converted to PDF by LibreOffice, as on a computer without Sarabun:
    only the font embedded in each file can set its text. The folder of the PDFs."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: `make test` installs libreoffice-writer-nogui"
    conf = work / "fonts.conf"
    conf.write_text(FONTS_CONF.format(cache=work / "fc-cache"))
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(work)}
    families = subprocess.run(["fc-list", ":", "family"], env=env, capture_output=True,
                              text=True, check=True).stdout
    assert "Sarabun" not in families, "Sarabun is visible to fontconfig: the test would prove nothing"
    out = work / "pdf"
    subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, documents)],
                   env=env, check=True, capture_output=True, timeout=600)
    return out
