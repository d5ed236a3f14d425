"""Every block type of the document tree, drawn alone by both writers in this process: it says
the same words in the PDF and the DOCX, its HTML is the reviewed snapshot, and a block type
that a writer does not know stops the writer instead of printing nothing.

The snapshots in tests/snapshots/blocks/ were read and checked by eye; after a deliberate
change to a block's drawing, look at the new HTML and the page, then write them with
`UPDATE_SNAPSHOTS=1 pytest tests/test_tree.py`.
"""
from __future__ import annotations

import dataclasses
import os
import re
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from helpers import fold, pdftotext
from lxml import etree

from workshopkit.compose import tree as doc
from workshopkit.errors import RenderError
from workshopkit.paper.page import PageDescription
from workshopkit.render.docx.writer import DocxWriter
from workshopkit.render.pdf.writer import PdfWriter

SNAPSHOTS = Path(__file__).parent / "snapshots" / "blocks"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAGE = PageDescription(language="th", footer="ทดสอบ", page_label="หน้า")
BOX = doc.Box("สิ่งที่ได้เรียนรู้", "เขียนสั้น ๆ", 3)

# a part of a scanned page: a grey band with a dark box, as PNG
_BAND = np.full((12, 60), 235, np.uint8)
_BAND[2:10, 24:33] = 20
PICTURE = cv2.imencode(".png", _BAND)[1].tobytes()

SAMPLES: dict[str, doc.Block] = {
    "certificate": doc.Certificate(
        "สมาคมวิถีสานเลือกเพื่อการพัฒนาที่ยั่งยืน", "เกียรติบัตร", "เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า",
        "นางสาวสมศรี ใจดี", 30.0, "ได้เข้าร่วมการอบรมหน่วยบริการชุมชน", "ให้ไว้ ณ วันที่ 12 มีนาคม พ.ศ. 2569",
        (doc.Signer("", "", "นายสมชาย ใจงาม", "", "นายกสมาคม"),), "เลขที่ 001/2569"),
    "badges": doc.BadgeSheet((doc.Badge("นายสมชาย ใจดี", 24.0, "ม.3 บ้านต๋อม", "หน่วยบริการชุมชน", "4GUKN",
                                        qr_mm=15.0),
                              doc.Badge("ว่าที่ร้อยตรีหญิงมาลัยพรรณ", 18.0, "ม.5 แม่ต๋ำ", "หน่วยบริการชุมชน",
                                        surname="ศรีสวัสดิ์วัฒนากุลพงศ์", surname_pt=16.0)), 2, 88.0, 62.0),
    "picture": doc.Picture(PICTURE, 60.0, "P01 · ข้อ 1.2 · หน้า 1 · ทำเครื่องหมายมากกว่าหนึ่งช่อง"),
    "poster": doc.Poster("https://forms.gle/abc123", "แบบวัดความสุข", "วัดความสุขที่เพิ่มขึ้น",
                         "สแกน QR code ด้วยกล้องโทรศัพท์มือถือ", 120.0),
    "heading": doc.Heading("ขั้นตอนการวิเคราะห์ชุมชน", 3),
    "paragraph": doc.text("ชื่อกลุ่ม ", doc.Blank(6), " ", doc.Strong("ทำเป็นกลุ่ม"), style="note"),
    "item_list": doc.ItemList((doc.ListItem("1.", "แบ่งกลุ่มตามตำบล",
                                            (doc.ListItem("1.1", "เลือกประธานกลุ่ม"),)),
                               doc.ListItem("2.", "นำเสนอผลงาน"))),
    "media_list": doc.MediaList((doc.Media("1.", "วิดีทัศน์ประกอบการบรรยาย", "https://youtu.be/abc"),
                                 doc.Media("2.", "บัตรคำ"))),
    "qr_card": doc.QRCard("https://forms.gle/abc123", "แบบประเมินความพึงพอใจ", "สแกนเพื่อตอบแบบประเมิน"),
    "fields": doc.Fields((doc.Field("ชื่อ", 12, "สมศรี", "name"), doc.Field("ตำบล", 9))),
    "question": doc.Question("1.", "ชุมชนของท่านมีทุนทางสังคมอะไรบ้าง", 2),
    "writing_lines": doc.WritingLines(2, "1."),
    "box": BOX,
    "grid": doc.Grid((BOX, doc.Box("จุดแข็ง"), doc.Box("จุดอ่อน"), doc.Box("โอกาส"))),
    "signature": doc.Signature((doc.Signer("ลงชื่อ", "ผู้จัดทำแผน", "", "ตำแหน่ง", ""),
                                doc.Signer("ลงชื่อ", "ผู้อนุมัติ", "นางสาวสมศรี ใจดี", "ตำแหน่ง",
                                           "นายกองค์การบริหารส่วนตำบล"))),
    "table": doc.Table((40, 30, 30), (doc.Row((doc.Cell((doc.text("ประเด็น"),), "head"),
                                               doc.Cell((doc.text("ทำแล้ว"),), "head"),
                                               doc.Cell((doc.text("หมายเหตุ"),), "head")), "head"),),
                       (doc.Row((doc.Cell((doc.text("การประชุมประจำเดือน"),), "label"),
                                 doc.Cell(kind="tick"), doc.Cell(kind="write", lines=2))),),
                       title="ตารางติดตามงาน"),
    "bar_chart": doc.BarChart(("การสื่อสาร", "การวางแผน"), (("ก่อน", (2.0, 3.0)), ("หลัง", (3.5, None))), 4),
    "page_break": doc.PageBreak(),
}


def sheet(block: doc.Block) -> doc.Document:
    return doc.Document("worksheet", f"sample-{block.kind}", "ใบงานตัวอย่าง", "participant", (block,))


@pytest.fixture(scope="module")
def pdf_writer(tmp_path_factory) -> PdfWriter:
    return PdfWriter(tmp_path_factory.mktemp("source"), PAGE)


@pytest.fixture(scope="module")
def docx_writer() -> DocxWriter:
    return DocxWriter(PAGE, embed=False)


def docx_text(data: bytes, folder: Path) -> str:
    path = folder / "sample.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    return "".join(e.text or "" if e.tag == f"{W}t" else " " for e in body.iter(f"{W}t", f"{W}tab"))


def assert_says(block: doc.Block, text: str, where: str) -> None:
    haystack, position = fold(text), 0
    for line in block.plain_text().splitlines():
        needle = fold(line)
        found = haystack.find(needle, position)
        assert found >= 0, f"{where}: {block.kind} line {line!r} not in {text!r}"
        position = found + len(needle)


def test_every_registered_block_type_has_a_sample_here():
    assert set(SAMPLES) == set(doc.BLOCKS)
    assert all(type(SAMPLES[kind]) is cls for kind, cls in doc.BLOCKS.items())


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_block_says_the_same_words_in_pdf_and_docx(kind, pdf_writer, docx_writer, tmp_path):
    block = SAMPLES[kind]
    document = sheet(block)
    pdf = tmp_path / "sample.pdf"
    pdf.write_bytes(pdf_writer.write([pdf_writer.render(document)]))
    assert_says(block, pdftotext(pdf), "PDF")
    assert_says(block, docx_text(docx_writer.write([document]), tmp_path), "DOCX")


def body_of(html: str) -> str:
    """The drawn blocks, without the page's head (its fonts and stylesheet) and header."""
    body = html[html.index("</header>") + len("</header>"):html.index("</body>")]
    return re.sub(r"data:image/(svg\+xml|png);base64,[A-Za-z0-9+/=]+", r"data:image/\1;base64,…",
                  body).strip()


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_a_block_draws_as_its_reviewed_html(kind, pdf_writer):
    html = body_of(pdf_writer.html(sheet(SAMPLES[kind]))) + "\n"
    snapshot = SNAPSHOTS / f"{kind}.html"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(html, encoding="utf-8")
    assert html == snapshot.read_text(encoding="utf-8"), \
        f"{kind}: the HTML changed; see the module's docstring"


@pytest.fixture
def mystery_block():
    @doc.block("mystery")
    @dataclasses.dataclass(frozen=True)
    class Mystery(doc.Node):
        words: str

        def plain_text(self) -> str:
            return self.words

    yield Mystery
    del doc.BLOCKS["mystery"]


def test_a_registered_block_type_no_writer_draws_stops_both_writers(mystery_block, tmp_path):
    with pytest.raises(RenderError, match="blocks.html.j2 has no macro for the block kind mystery"):
        PdfWriter(tmp_path, PAGE)
    with pytest.raises(RenderError, match="the DOCX writer cannot draw the block kinds mystery"):
        DocxWriter(PAGE)


def test_an_unregistered_block_fails_loudly_in_both_writers(pdf_writer, docx_writer):
    @dataclasses.dataclass(frozen=True)
    class Stray(doc.Node):
        pass

    with pytest.raises(RenderError, match="the PDF writer cannot draw Stray"):
        pdf_writer.html(sheet(Stray()))
    with pytest.raises(RenderError, match="the DOCX writer cannot draw Stray"):
        docx_writer.write([sheet(Stray())])
    with pytest.raises(NotImplementedError, match="Stray does not say its plain text"):
        doc.document_text(sheet(Stray()))


def test_a_kind_is_registered_once():
    with pytest.raises(ValueError, match="two block types are called table"):
        doc.block("table")(type("Again", (doc.Node,), {}))


def test_the_docx_writer_has_a_drawing_for_every_kind():
    from workshopkit.render.docx.blocks import Blocks
    from workshopkit.render.docx.pages import PageBlocks
    assert issubclass(PageBlocks, Blocks)  # the writer draws with PageBlocks, cells with Blocks
    assert [kind for kind in doc.BLOCKS if not callable(getattr(PageBlocks, f"_draw_{kind}", None))] == []
