"""Thai text comes back out of our PDFs exactly: every line of every shipped workshop, from
pdftotext, pdfium and pypdf, with ำ (SARA AM) and stacked tone marks intact."""
from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import weasyprint
from helpers import ROOT, pdftotext
from weasyprint import HTML

from workshopkit import app
from workshopkit.compose import tree as doc
from workshopkit.compose.pack import compose_all
from workshopkit.compose.style import organiser_line, style_of
from workshopkit.definition.read import read_workshop
from workshopkit.render.pdf.patches import thai_text
from workshopkit.render.pdf.writer import PdfWriter
from workshopkit.wording.style import Style

SHIPPED = sorted([*ROOT.glob("workshops/*.yaml"), *ROOT.glob("examples/*.yaml")])


def squeeze(text: str) -> str:
    # only white space may differ: a PDF breaks lines where the page needs it
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def extracted(path: Path, footer: str = "", style: Style | None = None) -> dict[str, str]:
    pages = len(pypdf.PdfReader(path).pages)
    pdfium = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(str(path)))
    texts = {
        "pdftotext": squeeze(pdftotext(path)),
        # pdfium reports a hyphen that ends a line as U+FFFE, its marker for a soft break
        "pdfium": squeeze(pdfium.replace("\ufffe", "-")),
        "pypdf": squeeze("".join(page.extract_text() for page in pypdf.PdfReader(path).pages)),
    }
    if footer and style:  # the running footer stands inside a paragraph that crosses a page
        for number in range(1, pages + 1):
            running = squeeze(f"{footer} {style.label('page')} {style.num(number)} / {style.num(pages)}")
            texts = {name: text.replace(running, "") for name, text in texts.items()}
    return texts


def lines(block: doc.Block, tall_headers: bool = True) -> list[str]:
    """The text a reader sees, a line per list item, paragraph or table cell. pdfium reads by
    baseline, so a header cell spanning two rows interleaves with the row beside it (reading
    order, not text): `tall_headers=False` leaves those cells out."""
    if isinstance(block, doc.Table):
        found = [block.title] if block.title else []
        for row in block.head + block.body:
            for cell in row.cells:
                if cell.rowspan > 1 and not tall_headers:
                    continue
                for inner in cell.blocks:
                    found += lines(inner, tall_headers)
        return found
    return doc.plain_text(block).splitlines()


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> list[tuple[Path, app.Pack]]:
    out = tmp_path_factory.mktemp("thai")
    return [(path, app.build(path, out, ("pdf",))) for path in SHIPPED]


@pytest.fixture(scope="module")
def built(packs) -> list[tuple[Path, Path]]:
    return [(path, result.folder) for path, result in packs]


def test_no_line_of_a_shipped_workshop_falls_back_to_weasyprints_own_drawing(packs):
    assert [w for _, result in packs for w in result.warnings if "Thai text fix" in w] == []


def test_a_line_the_fix_cannot_draw_is_reported_not_silent(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise IndexError("a glyph the fix does not know")

    monkeypatch.setattr(thai_text, "_draw_first_line", broken)
    writer = PdfWriter(tmp_path, language="th", digits="arabic", footer="", author="")
    document = doc.Document("worksheet", "w", "น้ำใจ", "participant", (doc.text("ทำงาน"),))
    path = tmp_path / "w.pdf"
    path.write_bytes(writer.write([writer.render(document)]))
    assert "ทำง" in pdftotext(path)  # drawn all the same (its text layer garbles ำ: ทำงำน)
    assert len(writer.warnings) == 1
    assert writer.warnings[0].startswith("น้ำใจ: ") and "drawn without the Thai text fix" in writer.warnings[0]


def test_every_line_of_every_shipped_workshop_comes_back_exactly(built):
    checked = with_sara_am = 0
    failures = []
    for definition, folder in built:
        workshop = read_workshop(definition)
        footer = organiser_line(workshop.organiser)
        for document in compose_all(workshop):
            texts = extracted(folder / f"{document.slug}.pdf", footer, style_of(workshop))
            for block in (doc.Heading(document.title), *document.blocks):
                for line in lines(block):
                    if not squeeze(line):
                        continue
                    checked += 1
                    with_sara_am += "ำ" in line
                    in_reading_order = line in lines(block, tall_headers=False)
                    failures += [(document.slug, name, line) for name, text in texts.items()
                                 if squeeze(line) not in text and (in_reading_order or name != "pdfium")]
    assert failures == []
    assert checked > 300 and with_sara_am > 50


def test_sara_am_and_stacked_marks_in_bold_and_regular(tmp_path):
    words = ["น้ำ", "ทำงาน", "กำหนดการ", "สิ่งที่", "เกิดขึ้น", "ต่ำ", "ค่ำ", "ทำ", "น้ำใจ", "า"]
    document = doc.Document("worksheet", "w", "ทำงาน น้ำ", "participant", (
        doc.text(" ".join(words)), doc.text(doc.Strong(" ".join(words)))))
    writer = PdfWriter(tmp_path, language="th", digits="arabic", footer="", author="")
    path = tmp_path / "w.pdf"
    path.write_bytes(writer.write([writer.render(document)]))
    assert writer.warnings == []  # every line drawn by the fix, none by WeasyPrint's own
    for name, text in extracted(path).items():
        assert squeeze(" ".join(words) * 2) in text.replace(squeeze("ทำงาน น้ำ"), "", 1), name
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_svg_text_still_draws(tmp_path):
    writer = PdfWriter(tmp_path, language="th", digits="arabic", footer="", author="")
    html = HTML(string='<svg width="200" height="40"><text x="5" y="30" font-family="Sarabun" '
                       'font-size="20">น้ำทำ</text></svg>', url_fetcher=writer.fetcher)
    path = tmp_path / "svg.pdf"
    path.write_bytes(html.render(stylesheets=writer.stylesheets, font_config=writer.font_config).write_pdf())
    assert "น้ำทำ" in pdftotext(path)


def test_another_weasyprint_version_is_refused(monkeypatch):
    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with pytest.raises(thai_text.UnsupportedWeasyPrint, match="made for WeasyPrint 70.0, this is 71.0"):
        thai_text.install()
