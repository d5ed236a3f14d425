"""Stage 4 (DOCX): document tree -> python-docx, then the bundled font embedded.

The same blocks the PDF writer draws, as real paragraphs and tables a trainer can edit in
Word or LibreOffice: tick boxes are bordered characters, writing lines are dotted table
rules, QR codes are 300 dpi pictures. Every style names Sarabun in all four font slots and
sets the complex-script size and weight, because Word draws Thai from the complex-script slot.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from ... import qr
from ...compose import tree as doc
from ...errors import RenderError
from ...paper.page import LINE_MM, MARGINS_MM, Orientation, PageDescription, content_width
from ...resources import FONT_FAMILY
from .fonts import embed_fonts
from .xml import borders, field, put, run_format, shade, twips

NBSP = "\u00a0"
# Two figure spaces make a square the width of two digits; LibreOffice, unlike Word, draws no
# border around a run of no-break spaces that ends a table cell, but does around these.
TICK_BOX = "\u2007\u2007"
RULE = ("single", 6, "222222")
SIGNATURE_DOTS = (40, 28, 18)  # the line to sign on, for one, two or three signers side by side
DOTTED = ("dotted", 6, "000000")
HEAD_FILL, GROUP_FILL = "E9EEF2", "F3F5F7"


@dataclass(frozen=True)
class _Spec:
    size: float
    bold: bool = False
    italic: bool = False
    color: str | None = None
    align: WD_ALIGN_PARAGRAPH | None = None
    before: float = 0
    after: float = 2
    keep_next: bool = False
    outline: int | None = None


STYLES = {
    "Normal": _Spec(14),
    "Title": _Spec(20, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=6, outline=0),
    "Subtitle": _Spec(15, align=WD_ALIGN_PARAGRAPH.CENTER, after=8),
    "Heading 2": _Spec(16, bold=True, before=10, after=3, keep_next=True, outline=1),
    "Heading 3": _Spec(15, bold=True, before=10, after=3, keep_next=True, outline=2),
    "Heading 4": _Spec(14, bold=True, before=8, after=2, keep_next=True, outline=3),
    "WK Center": _Spec(14, align=WD_ALIGN_PARAGRAPH.CENTER),
    "WK Lead": _Spec(15, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER),
    "WK Emphasis": _Spec(14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=3, after=5),
    "WK Note": _Spec(12.5, color="333333", after=4),
    "WK Hint": _Spec(12, color="444444"),
    "WK Cell": _Spec(12.5, after=0),
    "WK Head": _Spec(12.5, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0),
    "WK Url": _Spec(11.5, bold=True, after=0),
    "WK Footer": _Spec(9, color="555555", after=0),
}
_PARAGRAPH_STYLES = {"": "Normal", "center": "WK Center", "lead": "WK Lead", "note": "WK Note",
                     "emphasis": "WK Emphasis", "hint": "WK Hint"}


class DocxWriter:
    def __init__(self, page: PageDescription, embed: bool = True):
        """A writer of documents as `page` describes them; `embed` puts the bundled font in."""
        self.page = page
        self.logo = page.logo
        # the government-letter preset sets body text at 16 pt, as the PDF does
        self.scale = 16 / 14 if page.type_size == "government" else 1.0
        self.page_label = page.page_label
        self.lang = "th-TH" if page.language == "th" else "en-GB"
        self.footer = page.footer
        self.embed = embed
        missing = [kind for kind in doc.BLOCKS if not hasattr(_Blocks, f"_draw_{kind}")]
        if missing:  # a block type this writer does not know must never print as nothing
            raise RenderError(f"the DOCX writer cannot draw the block kinds {', '.join(missing)}")

    def write(self, documents: Sequence[doc.Document], own_sheets: bool = False) -> bytes:
        """One .docx: a section per document, each with its own page numbers. With `own_sheets`,
        a collected form's section and the one after it start on a right-hand (front) page, so
        the word processor adds the blank back a duplex print needs, as the PDF pack does."""
        word = docx.Document()
        self._styles(word)
        for index, document in enumerate(documents):
            front = own_sheets and (document.collected or documents[index - 1].collected)
            start = WD_SECTION.ODD_PAGE if front else WD_SECTION.NEW_PAGE
            section = word.sections[0] if index == 0 else word.add_section(start)
            self._section(section, document.orientation, single=len(documents) == 1)
            if self.logo and self.logo.suffix.lower() != ".svg":  # python-docx places raster images
                section.header.is_linked_to_previous = False
                section.header.paragraphs[0].add_run().add_picture(str(self.logo), height=Mm(12))
            if document.stamp:
                stamp = section.header.paragraphs[0]
                section.header.is_linked_to_previous = False
                _style(stamp, "WK Cell")
                stamp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _bold(stamp, document.stamp)
            width = content_width(document.orientation)
            _add(word, "Title", document.title)
            if document.subtitle:
                _add(word, "Subtitle", document.subtitle)
            _Blocks(word, width).add_all(document.blocks)
        out = io.BytesIO()
        word.core_properties.title = documents[0].title
        word.core_properties.language = self.lang
        word.save(out)
        return embed_fonts(out.getvalue()) if self.embed else out.getvalue()

    def _styles(self, word: docx.document.Document) -> None:
        root = word.styles.element
        for fonts in root.iter(qn("w:rFonts")):  # no theme font may override the bundled one
            for attr in list(fonts.attrib):
                fonts.attrib.pop(attr)
            for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(qn(f"w:{slot}"), FONT_FAMILY)
        defaults = root.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        run_format(rpr, size=14 * self.scale, font=True, lang=self.lang)
        for name, spec in STYLES.items():
            try:
                style = word.styles[name]
            except KeyError:
                style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = word.styles["Normal"]
            self._style(style, spec)

    def _style(self, style, spec: _Spec) -> None:
        element = style.element
        for tag in ("w:rPr", "w:pPr"):
            for old in element.findall(qn(tag)):
                element.remove(old)
        accent = self.page.accent[1:] if self.page.accent and spec.outline is not None else None
        run_format(element.get_or_add_rPr(), size=spec.size * self.scale, bold=spec.bold,
                   italic=spec.italic, color=accent or spec.color or "111111", font=True, lang=self.lang)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(spec.before), Pt(spec.after)
        fmt.line_spacing = 1.0
        fmt.keep_with_next = spec.keep_next or None
        fmt.alignment = spec.align
        if spec.outline is not None:
            put(element.get_or_add_pPr(), "outlineLvl", val=str(spec.outline))
        style.quick_style = True

    def _section(self, section, orientation: Orientation, single: bool) -> None:
        portrait = orientation == "portrait"
        section.orientation = WD_ORIENT.PORTRAIT if portrait else WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = (Mm(210), Mm(297)) if portrait else (Mm(297), Mm(210))
        top, right, bottom, left = MARGINS_MM[orientation]
        section.top_margin, section.right_margin = Mm(top), Mm(right)
        section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
        section.footer_distance = Mm(8)
        put(section._sectPr, "pgNumType", start="1")
        section.footer.is_linked_to_previous = False
        footer = section.footer.paragraphs[0]
        _style(footer, "WK Footer")
        footer.paragraph_format.tab_stops.add_tab_stop(Mm(content_width(orientation)),
                                                       alignment=2)  # right
        footer.add_run(f"{self.footer}\t{self.page_label} ")
        field(footer, "PAGE", "1")
        footer.add_run(" / ")
        # In a pack every document counts its own pages, as the PDF packs do.
        field(footer, "NUMPAGES" if single else "SECTIONPAGES", "1")


class _Blocks:
    """Adds blocks to a container (the document body or a table cell) `width` mm wide."""

    def __init__(self, container, width: float, in_cell: bool = False):
        self.container = container
        self.width = width
        self.in_cell = in_cell
        # A new cell holds one empty paragraph, and python-docx ends a cell with one after a
        # nested table: the next paragraph reuses it instead of leaving a blank line.
        self._spare = container.paragraphs[0] if in_cell else None

    def add_all(self, blocks: Sequence[doc.Block]) -> None:
        for block, following in zip(blocks, [*blocks[1:], None], strict=True):
            self.add(block)
            if isinstance(block, doc.Heading) and isinstance(following, doc.Table) \
                    and following.style == "plan":
                # LibreOffice keeps a keep-with-next heading with the whole of the table after
                # it, so a session plan card longer than the rest of the page would leave the
                # page half empty; Word keeps it with the first row only.
                self.container.paragraphs[-1].paragraph_format.keep_with_next = False

    def paragraph(self, style: str):
        if self._spare is not None:
            paragraph, self._spare = self._spare, None
            _style(paragraph, style)
            return paragraph
        return _add(self.container, style)

    def table(self, rows: int, cols: int, widths_mm: Sequence[float]):
        if self._spare is not None:  # it would stand as a blank line above the table
            self._spare._p.getparent().remove(self._spare._p)
            self._spare = None
        table = self.container.add_table(rows=rows, cols=cols)
        if self.in_cell:
            self._spare = self.container.paragraphs[-1]
        _fixed_layout(table, widths_mm)
        return table

    def add(self, block: doc.Block) -> None:
        """Draws a block by its kind, with the `_draw_<kind>` method below."""
        draw = getattr(self, f"_draw_{block.kind}", None)
        if draw is None:  # not a registered block: the tree and this writer disagree
            raise RenderError(f"the DOCX writer cannot draw {type(block).__name__}: it is not a "
                              f"registered block type")
        draw(block)

    def _draw_heading(self, block: doc.Heading) -> None:
        self.paragraph(f"Heading {min(max(block.level, 2), 4)}").add_run(block.text)

    def _draw_paragraph(self, block: doc.Paragraph) -> None:
        style = "WK Cell" if self.in_cell and not block.style else _PARAGRAPH_STYLES[block.style]
        _inline(self.paragraph(style), block.parts)

    def _draw_item_list(self, block: doc.ItemList) -> None:
        self._items(block.items, 0)

    def _draw_media_list(self, block: doc.MediaList) -> None:
        self._media(block.items, 0)

    def _draw_question(self, block: doc.Question) -> None:
        paragraph = self.paragraph("WK Cell" if self.in_cell else "Normal")
        paragraph.paragraph_format.keep_with_next = True
        _bold(paragraph, block.number)
        paragraph.add_run(" " + block.text)
        self._lines(block.lines, [""] * block.lines)

    def _draw_writing_lines(self, block: doc.WritingLines) -> None:
        self._lines(block.count, [block.number] * block.count)

    def _draw_box(self, block: doc.Box) -> None:
        self._boxes([[block]])

    def _draw_grid(self, block: doc.Grid) -> None:
        cells = list(block.cells)
        self._boxes([cells[:2], cells[2:]])

    def _draw_signature(self, block: doc.Signature) -> None:
        """Signers side by side in a table without borders, each centred in its column, below
        a paragraph of room to sign (which also keeps Word from joining it to a table above)."""
        columns = len(block.signers)
        self.paragraph("Normal").paragraph_format.space_after = Pt(12)
        table = self.table(1, columns, [self.width / columns] * columns)
        borders(table._tbl.tblPr, "tblBorders", dict.fromkeys(
            ("top", "left", "bottom", "right", "insideH", "insideV"), ("nil", 0, "auto")))
        _keep_row(table.rows[0])
        # typed dots, as Thai forms in Word have them: LibreOffice hides underlined spaces that
        # end a line in a centred table cell, which a position left blank would
        dots = "." * SIGNATURE_DOTS[columns - 1]
        for cell, signer in zip(_cells(table.rows[0]), block.signers, strict=True):
            line = cell.paragraphs[0]
            _style(line, "WK Center")
            line.paragraph_format.space_before = Pt(18)  # room for the signature above the line
            line.add_run(f"{signer.sign} ")
            if signer.image:
                line.add_run().add_picture(str(signer.image), height=Mm(12))
            else:
                line.add_run(dots)
            if signer.role:
                line.add_run(f" {signer.role}")
            _add(cell, "WK Center", f"({signer.name or dots})")
            if signer.position_label:
                _add(cell, "WK Center", f"{signer.position_label} {signer.position or dots}")

    def _draw_page_break(self, block: doc.PageBreak) -> None:
        self.paragraph("Normal").add_run().add_break(WD_BREAK.PAGE)

    def _items(self, items: Sequence[doc.ListItem], depth: int) -> None:
        number_mm = 8.0
        for item in items:
            paragraph = self.paragraph("WK Cell" if self.in_cell else "Normal")
            fmt = paragraph.paragraph_format
            fmt.left_indent = Mm(depth * number_mm + number_mm)
            fmt.first_line_indent = Mm(-number_mm)
            fmt.tab_stops.add_tab_stop(Mm(depth * number_mm + number_mm))
            paragraph.add_run(f"{item.number}\t{item.text}")
            self._items(item.children, depth + 1)

    def _media(self, items: Sequence[doc.Media], depth: int) -> None:
        run: list[doc.Media] = []  # consecutive links share one table, a QR code beside each
        for item in items:
            if item.url and not item.children:
                run.append(item)
                continue
            self._links(run, depth)
            run = []
            if item.url:
                self._links([item], depth)
            else:
                paragraph = self.paragraph("WK Cell" if self.in_cell else "Normal")
                paragraph.paragraph_format.left_indent = Mm(depth * 6)
                paragraph.add_run(f"{item.number} {item.title}")
            self._media(item.children, depth + 1)
        self._links(run, depth)

    def _links(self, items: Sequence[doc.Media], depth: int) -> None:
        if not items:
            return
        side = max(qr.print_size(item.url or "", item.size_mm) for item in items) + 3
        table = self.table(len(items), 2, (side, self.width - side - depth * 6))
        _indent(table, depth * 6)
        for row, item in zip(table.rows, items, strict=True):
            _keep_row(row)
            picture, words = _cells(row)
            _picture(picture.paragraphs[0], item.url or "", item.size_mm)
            picture.vertical_alignment = words.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            _style(words.paragraphs[0], "WK Cell")
            words.paragraphs[0].add_run(f"{item.number} {item.title}")
            _add(words, "WK Url", item.url or "")

    def _draw_qr_card(self, card: doc.QRCard) -> None:
        side = qr.print_size(card.url, card.size_mm) + 4
        table = self.table(1, 2, (side, self.width - side))
        if not self.in_cell:
            borders(table._tbl.tblPr, "tblBorders",
                    {s: RULE for s in ("top", "left", "bottom", "right")})
        code, words = _cells(table.rows[0])
        _picture(code.paragraphs[0], card.url, card.size_mm)
        code.vertical_alignment = words.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        title = words.paragraphs[0]
        _style(title, "WK Cell")
        _bold(title, card.title)
        if card.text:
            _add(words, "WK Cell", card.text)
        if card.note:
            _add(words, "WK Hint", card.note)
        _add(words, "WK Url", card.shown or card.url)
        _keep_together(table)
        if not self.in_cell:
            _add(self.container, "WK Cell")  # space between cards

    def _draw_fields(self, block: doc.Fields) -> None:
        paragraph = self.paragraph("WK Cell" if self.in_cell else "Normal")
        paragraph.paragraph_format.space_after = Pt(8)
        parts: list[doc.Inline] = []
        for index, item in enumerate(block.items):
            parts += [("   " if index else "") + item.label + " "]
            parts += [doc.Strong(item.value)] if item.value else [doc.Blank(item.width)]
        _inline(paragraph, parts)

    def _draw_bar_chart(self, chart: doc.BarChart) -> None:
        """Bars as shaded cells of a width in proportion, with the value written beside."""
        label, value = 40.0, 14.0
        plot = self.width - label - value
        several = len(chart.series) > 1
        rows = [(f"{category}  {name}" if several else category, values[row], index)
                for row, category in enumerate(chart.categories)
                for index, (name, values) in enumerate(chart.series)]
        table = self.table(len(rows), 3, (label, plot, value))
        borders(table._tbl.tblPr, "tblBorders", {"left": RULE})
        fills = ("333333", "999999", "CCCCCC")
        for row, (text, amount, index) in zip(table.rows, rows, strict=True):
            _keep_row(row)
            first, bar, number = _cells(row)
            for target, content in ((first, text), (number, "–" if amount is None else f"{amount:.2f}")):
                _style(target.paragraphs[0], "WK Hint")
                target.paragraphs[0].add_run(content)
            bar.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if amount:
                share = amount / chart.maximum
                inner = _Blocks(bar, plot, in_cell=True).table(1, 2, (
                    max(plot * share, 0.5), max(plot * (1 - share), 0.5)))
                _row_height(inner.rows[0], 3.5, exact=True)
                shade(_cells(inner.rows[0])[0]._tc.get_or_add_tcPr(), fills[index % 3])
                _style(_cells(inner.rows[0])[0].paragraphs[0], "WK Hint")
                _style(_cells(inner.rows[0])[1].paragraphs[0], "WK Hint")

    def _lines(self, count: int, numbers: list[str]) -> None:
        numbered = any(numbers)
        widths = (8, self.width - 8) if numbered else (self.width,)
        table = self.table(count, len(widths), widths)
        tbl_pr = table._tbl.tblPr
        borders(tbl_pr, "tblBorders", {"bottom": DOTTED, "insideH": DOTTED})
        for row, number in zip(table.rows, numbers, strict=True):
            _row_height(row, LINE_MM, exact=True)
            _cells(row)[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            _style(_cells(row)[0].paragraphs[0], "WK Cell")
            if numbered:
                _cells(row)[0].paragraphs[0].add_run(number)

    def _boxes(self, rows: list[list[doc.Box]]) -> None:
        columns = len(rows[0])
        table = self.table(len(rows), columns, [self.width / columns] * columns)
        borders(table._tbl.tblPr, "tblBorders",
                {s: RULE for s in ("top", "left", "bottom", "right", "insideH", "insideV")})
        for row, boxes in zip(table.rows, rows, strict=True):
            _row_height(row, max(b.lines for b in boxes) * LINE_MM)
            _keep_row(row)
            for cell, box in zip(_cells(row), boxes, strict=True):
                first = cell.paragraphs[0]
                _style(first, "WK Cell")
                _bold(first, box.label)
                if box.hint:
                    _add(cell, "WK Hint", box.hint)

    def _draw_table(self, t: doc.Table) -> None:
        if t.title:
            self.paragraph("Heading 4").add_run(t.title)
        total = sum(t.widths)
        widths = [w / total * self.width for w in t.widths]
        rows = list(t.head) + list(t.body)
        table = self.table(len(rows), len(widths), widths)
        tbl_pr = table._tbl.tblPr
        if t.style == "agenda":
            borders(tbl_pr, "tblBorders", {"bottom": ("single", 4, "BBBBBB"),
                                           "insideH": ("single", 4, "BBBBBB")})
        else:
            borders(tbl_pr, "tblBorders", {s: RULE for s in ("top", "left", "bottom", "right",
                                                              "insideH", "insideV")})
        grid = [_cells(row) for row in table.rows]  # before merging, one cell per column
        for (r, c), cell in _placed(rows):
            target = grid[r][c]
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(grid[r + cell.rowspan - 1][c + cell.colspan - 1])
            self._cell(target, cell, rows[r], widths[c:c + cell.colspan], t.style)
        for index, (row, source) in enumerate(zip(table.rows, rows, strict=True)):
            # a session plan's method steps may run longer than a page
            if t.style != "plan" or source.kind == "keep":
                _keep_row(row)
            if index < len(t.head):
                put(row._tr.get_or_add_trPr(), "tblHeader")
            height = max((c.lines for c in source.cells if c.kind == "write"), default=0)
            if height:
                _row_height(row, height * LINE_MM)

    def _cell(self, target, cell: doc.Cell, row: doc.Row, widths: Sequence[float], style: str) -> None:
        tc_pr = target._tc.get_or_add_tcPr()
        head = cell.kind == "head"
        if head and style != "agenda":
            shade(tc_pr, HEAD_FILL)
        if head and style == "agenda":
            borders(tc_pr, "tcBorders", {"bottom": ("single", 8, "222222")})
        if row.kind == "group" or (style == "plan" and cell.kind == "label"):
            shade(tc_pr, GROUP_FILL if row.kind == "group" else HEAD_FILL)
        if head or cell.kind == "tick":
            target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        inner = _Blocks(target, sum(widths) - 2, in_cell=True)
        if cell.kind == "tick":  # a bordered run of spaces: a box that stays editable text
            paragraph = inner.paragraph("WK Cell")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run_format(paragraph.add_run(TICK_BOX)._r.get_or_add_rPr(), border=True)
            return
        bold = cell.kind == "group" or (cell.kind == "label" and (row.kind == "group" or style == "plan"))
        for block in cell.blocks:
            if not (isinstance(block, doc.Paragraph) and not block.style):
                inner.add(block)
                continue
            paragraph = inner.paragraph("WK Head" if head else "WK Cell")
            if head and style == "agenda":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            if cell.indent:
                paragraph.paragraph_format.left_indent = Mm(cell.indent * 4)
            _inline(paragraph, block.parts, bold=bold, italic=row.kind == "muted")


def _style(paragraph, name: str) -> None:
    # Set by id: python-docx looks a style up by name through every style in the file, which
    # made that lookup most of the DOCX writing time. Our styles' ids are their names unspaced.
    paragraph._p.get_or_add_pPr().style = name.replace(" ", "")


def _add(container, style: str, text: str = ""):
    paragraph = container.add_paragraph(text)
    _style(paragraph, style)
    return paragraph


def _cells(row) -> list[_Cell]:
    # python-docx's row.cells lays out the whole table on every call; a row's own cells do
    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


def _placed(rows: Sequence[doc.Row]):
    """Each cell with its (row, column) in the grid, HTML-style, spans taken into account."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row.cells:
            while (r, c) in taken:
                c += 1
            yield (r, c), cell
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan))
            c += cell.colspan


def _inline(paragraph, parts: Sequence[doc.Inline], *, bold: bool = False, italic: bool = False) -> None:
    for part in parts:
        if isinstance(part, doc.Blank):
            run = paragraph.add_run(NBSP * max(1, round(part.width * 3.6)))
            run_format(run._r.get_or_add_rPr(), underline="dotted")
        elif isinstance(part, doc.Strong):
            _bold(paragraph, part.text)
        else:
            run = paragraph.add_run(part)
            if bold or italic:
                run_format(run._r.get_or_add_rPr(), bold=bold or None, italic=italic or None)


def _bold(paragraph, text: str) -> None:
    run_format(paragraph.add_run(text)._r.get_or_add_rPr(), bold=True)


def _picture(paragraph, url: str, width_mm: float) -> None:
    _style(paragraph, "WK Cell")
    side = qr.print_size(url, width_mm)
    paragraph.add_run().add_picture(io.BytesIO(qr.png(url, side)), width=Mm(side))


def _fixed_layout(table, widths_mm: Sequence[float]) -> None:
    """Widths in both places: the grid (LibreOffice reads it) and every cell (Word does)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    put(tbl_pr, "tblW", w=str(sum(twips(w) for w in widths_mm)), type="dxa")
    put(tbl_pr, "tblLayout", type="fixed")
    margins = put(tbl_pr, "tblCellMar")
    for side, value in (("top", 45), ("left", 85), ("bottom", 45), ("right", 85)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(value))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        column.set(qn("w:w"), str(twips(width)))
    for row in table.rows:
        for cell, width in zip(_cells(row), widths_mm, strict=True):
            cell.width = Mm(width)


def _indent(table, mm: float) -> None:
    if mm:
        put(table._tbl.tblPr, "tblInd", w=str(twips(mm)), type="dxa")


def _row_height(row, mm: float, exact: bool = False) -> None:
    put(row._tr.get_or_add_trPr(), "trHeight", val=str(twips(mm)),
        hRule="exact" if exact else "atLeast")


def _keep_row(row) -> None:
    put(row._tr.get_or_add_trPr(), "cantSplit")


def _keep_together(table) -> None:
    for row in table.rows:
        _keep_row(row)
