"""PDF and DOCX say the same thing: for every document of the reference workshop, each
block of the document tree comes back, line by line and in order, from both files."""
from __future__ import annotations

import zipfile

import pytest
from helpers import REFERENCE, fold, pdftotext
from lxml import etree

from workshopkit.compose import tree as doc
from workshopkit.compose.pack import compose_all
from workshopkit.definition.read import read_workshop

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENTS = compose_all(read_workshop(REFERENCE))
FOOTER = "สมาคมวิถีสานเลือกเพื่อการพัฒนาที่ยั่งยืน (SADA)"


def docx_text(path) -> str:
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    return "".join(e.text or "" if e.tag == f"{W}t" else " " for e in body.iter(f"{W}t", f"{W}tab"))


def pdf_text(path) -> str:
    # the running footer stands between the rows of a table that crosses a page: leave it out
    lines = pdftotext(path).splitlines()
    return "\n".join(line for line in lines if not line.startswith(FOOTER))


def assert_in_order(document: doc.Document, text: str, where: str) -> None:
    haystack = fold(text)
    position = 0
    for index, block in enumerate((doc.Heading(document.title), *document.blocks)):
        for line in doc.plain_text(block).splitlines():
            needle = fold(line)
            if not needle:
                continue
            found = haystack.find(needle, position)
            assert found >= 0, f"{where}: block {index} ({type(block).__name__}) line {line!r}"
            position = found + len(needle)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.slug)
def test_pdf_and_docx_hold_every_block_in_order(reference_pack, document):
    assert_in_order(document, pdf_text(reference_pack / f"{document.slug}.pdf"), "PDF")
    assert_in_order(document, docx_text(reference_pack / f"{document.slug}.docx"), "DOCX")
