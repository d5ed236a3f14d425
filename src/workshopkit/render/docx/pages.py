"""Stage 4 (DOCX): the blocks that are a page of their own (certificates, survey posters) or
a sheet of a set grid (name badges), drawn as the PDF's templates draw them: centred, the
names at the size compose measured for them."""
from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ...compose import tree as doc
from .blocks import Blocks, Container, _cells, _picture, _row_height, add_paragraph, set_style
from .xml import borders, run_format


class PageBlocks(Blocks):
    """The writer's blocks, with those that take a page or a sheet of their own."""

    def __init__(self, container: Container, width: float, in_cell: bool = False):
        super().__init__(container, width, in_cell)
        self._pages = 0  # certificates and posters drawn, each on a page of its own

    def _draw_certificate(self, b: doc.Certificate) -> None:
        """A certificate, centred, a page of its own; the name at its measured size."""
        if self._pages:
            self._draw_page_break(doc.PageBreak())
        self._pages += 1
        if b.logo and b.logo.suffix.lower() != ".svg":  # python-docx places raster images
            self.paragraph("WK Center").add_run().add_picture(str(b.logo), height=Mm(24))
        _sized(self.paragraph("WK Center"), b.organisation, 18, bold=True)
        if b.title:
            _sized(self.paragraph("WK Center"), b.title, 30, bold=True)
        _sized(self.paragraph("WK Center"), b.heading, 16)
        name = self.paragraph("WK Center")
        name.paragraph_format.space_before = Pt(6)
        _sized(name, b.name or "." * 60, b.name_pt, bold=True)
        _sized(self.paragraph("WK Center"), b.text, 16)
        _sized(self.paragraph("WK Center"), b.given, 15)
        self._draw_signature(doc.Signature(b.signers))
        number = self.paragraph("WK Cell")
        number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        number.paragraph_format.space_before = Pt(12)
        number.add_run(b.number or "." * 30)

    def _draw_badges(self, b: doc.BadgeSheet) -> None:
        """A sheet of badges: a table of cells of the set size, dashed where to cut."""
        rows = -(-len(b.badges) // b.columns)
        table = self.table(rows, b.columns, [b.width_mm] * b.columns)
        borders(table._tbl.tblPr, "tblBorders", dict.fromkeys(
            ("top", "left", "bottom", "right", "insideH", "insideV"), ("dashed", 4, "888888")))
        for index, cell in enumerate(c for row in table.rows for c in _cells(row)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if index >= len(b.badges):
                continue
            badge = b.badges[index]
            title = cell.paragraphs[0]
            set_style(title, "WK Center")
            _sized(title, badge.title, 9)
            _sized(add_paragraph(cell, "WK Center"), badge.name or "." * 30, badge.name_pt, bold=True)
            if badge.surname:
                _sized(add_paragraph(cell, "WK Center"), badge.surname, badge.surname_pt, bold=True)
            if badge.detail:
                add_paragraph(cell, "WK Center", badge.detail)
            if badge.qr:
                code = add_paragraph(cell, "WK Center")
                _picture(code, badge.qr, badge.qr_mm)
                code.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for row in table.rows:  # at least the badge's height: a row that must grow is not cut off
            _row_height(row, b.height_mm)

    def _draw_poster(self, b: doc.Poster) -> None:
        """A survey for the wall: a page of its own, the QR code large in the middle."""
        if self._pages:
            self._draw_page_break(doc.PageBreak())
        self._pages += 1
        _sized(self.paragraph("WK Center"), b.title, 24, bold=True)
        if b.text:
            _sized(self.paragraph("WK Center"), b.text, 16)
        code = self.paragraph("WK Center")
        _picture(code, b.url, b.size_mm)
        code.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _sized(self.paragraph("WK Center"), b.scan, 15)
        _sized(self.paragraph("WK Center"), b.url, 14, bold=True)


def _sized(paragraph: Paragraph, text: str, size_pt: float, bold: bool = False) -> None:
    """A run of `text` at `size_pt`, bold in both the Latin and the Thai (complex-script) slot."""
    run = paragraph.add_run(text)
    run_format(run._r.get_or_add_rPr(), size=size_pt, bold=bold or None)
