"""Render: a page of a PDF as a picture, for the studio to show (pdfium draws it; no
WeasyPrint here, so the studio's own process may call it too)."""
from __future__ import annotations

import io

import pypdfium2

SCALE = 1.5  # 108 dpi: an A4 page 893 px wide, sharp on a laptop, quick to draw


def page_count(pdf: bytes) -> int:
    """How many pages the PDF has."""
    return len(pypdfium2.PdfDocument(pdf))


def page_png(pdf: bytes, number: int, scale: float = SCALE) -> bytes | None:
    """Page `number` (from 1) of the PDF as a PNG; None when it has no such page."""
    document = pypdfium2.PdfDocument(pdf)
    if not 1 <= number <= len(document):
        return None
    buffer = io.BytesIO()
    document[number - 1].render(scale=scale).to_pil().save(buffer, "PNG")
    return buffer.getvalue()
