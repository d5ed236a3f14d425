"""Helpers the tests share: reading PDFs back, folding text, writing definitions."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdfium2
import zxingcpp

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "workshops" / "community-service-unit-2day.yaml"


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
                          check=True, capture_output=True, text=True).stdout


def fold(text: str) -> str:
    """For comparing PDF text with its source: no white space (a PDF line break may fall
    anywhere), and ำ folded into า, the one known extraction defect of WeasyPrint 70: it
    extracts ำ as า, or า as ำ, and loses a tone mark written before ำ (น้ำ comes back as นา
    or นำ). Nothing else is folded."""
    text = text.replace("\u0e4d\u0e32", "\u0e33")
    text = re.sub("[\u0e48-\u0e4b](?=[\u0e32\u0e33])", "", text)  # tone mark before า/ำ
    text = text.replace("\u0e33", "\u0e32")
    return re.sub(r"\s+", "", text)


def write_definition(folder: Path, text: str, name: str = "workshop.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


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
