"""Render (DOCX): each block kind drawn as python-docx paragraphs and tables, by a
`_draw_<kind>` method; the DOCX writer refuses to start when a registered kind has none."""
from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document as WordDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ... import qr
from ...compose import tree as doc
from ...errors import RenderError
from ...paper.page import LINE_MM
from .xml import borders, put, run_format, shade, twips

Container = WordDocument | _Cell  # where paragraphs and tables are added
NBSP = "\u00a0"
# Two figure spaces make a square the width of two digits; LibreOffice, unlike Word, draws no
# border around a run of no-break spaces that ends a table cell, but does around these.
TICK_BOX = "\u2007\u2007"
RULE = ("single", 6, "222222")
SIGNATURE_DOTS = (40, 28, 18)  # the line to sign on, for one, two or three signers side by side
DOTTED = ("dotted", 6, "000000")
HEAD_FILL, GROUP_FILL = "E9EEF2", "F3F5F7"
_PARAGRAPH_STYLES = {"": "Normal", "center": "WK Center", "lead": "WK Lead", "note": "WK Note",
                     "emphasis": "WK Emphasis", "hint": "WK Hint"}


class Blocks:
    """Adds blocks to a container (the document body or a table cell) `width` mm wide."""

    def __init__(self, container: Container, width: float, in_cell: bool = False):
        self.container = container
        self.width = width
        self.in_cell = in_cell
        # A new cell holds one empty paragraph, and python-docx ends a cell with one after a
        # nested table: the next paragraph reuses it instead of leaving a blank line.
        self._spare = container.paragraphs[0] if in_cell else None

    def add_all(self, blocks: Sequence[doc.Block]) -> None:
        """Draws the blocks in order."""
        for block, following in zip(blocks, [*blocks[1:], None], strict=True):
            self.add(block)
            if isinstance(block, doc.Heading) and isinstance(following, doc.Table) \
                    and following.style == "plan":
                # LibreOffice keeps a keep-with-next heading with the whole of the table after
                # it, so a session plan card longer than the rest of the page would leave the
                # page half empty; Word keeps it with the first row only.
                self.container.paragraphs[-1].paragraph_format.keep_with_next = False

    def paragraph(self, style: str) -> Paragraph:
        """A new paragraph in `style` (the cell's own first one, if still unused)."""
        if self._spare is not None:
            paragraph, self._spare = self._spare, None
            set_style(paragraph, style)
            return paragraph
        return add_paragraph(self.container, style)

    def table(self, rows: int, cols: int, widths_mm: Sequence[float]) -> Table:
        """A new table of fixed column widths in mm."""
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
        add_bold(paragraph, block.number)
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
            set_style(line, "WK Center")
            line.paragraph_format.space_before = Pt(18)  # room for the signature above the line
            line.add_run(f"{signer.sign} ")
            if signer.image:
                line.add_run().add_picture(str(signer.image), height=Mm(12))
            else:
                line.add_run(dots)
            if signer.role:
                line.add_run(f" {signer.role}")
            add_paragraph(cell, "WK Center", f"({signer.name or dots})")
            if signer.position_label:
                add_paragraph(cell, "WK Center", f"{signer.position_label} {signer.position or dots}")
            elif signer.position:
                add_paragraph(cell, "WK Center", signer.position)

    def _draw_picture(self, block: doc.Picture) -> None:
        """The picture at its width, its caption under it, kept together."""
        holder = self.paragraph("Normal")
        holder.paragraph_format.keep_with_next = bool(block.caption)
        holder.add_run().add_picture(io.BytesIO(block.png), width=Mm(block.width_mm))
        if block.caption:
            self.paragraph("Normal").add_run(block.caption)

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
            set_style(words.paragraphs[0], "WK Cell")
            words.paragraphs[0].add_run(f"{item.number} {item.title}")
            add_paragraph(words, "WK Url", item.url or "")

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
        set_style(title, "WK Cell")
        add_bold(title, card.title)
        if card.text:
            add_paragraph(words, "WK Cell", card.text)
        if card.note:
            add_paragraph(words, "WK Hint", card.note)
        add_paragraph(words, "WK Url", card.shown or card.url)
        _keep_together(table)
        if not self.in_cell:
            add_paragraph(self.container, "WK Cell")  # space between cards

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
                set_style(target.paragraphs[0], "WK Hint")
                target.paragraphs[0].add_run(content)
            bar.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if amount:
                share = amount / chart.maximum
                inner = Blocks(bar, plot, in_cell=True).table(1, 2, (
                    max(plot * share, 0.5), max(plot * (1 - share), 0.5)))
                _row_height(inner.rows[0], 3.5, exact=True)
                shade(_cells(inner.rows[0])[0]._tc.get_or_add_tcPr(), fills[index % 3])
                set_style(_cells(inner.rows[0])[0].paragraphs[0], "WK Hint")
                set_style(_cells(inner.rows[0])[1].paragraphs[0], "WK Hint")

    def _lines(self, count: int, numbers: list[str]) -> None:
        numbered = any(numbers)
        widths = (8, self.width - 8) if numbered else (self.width,)
        table = self.table(count, len(widths), widths)
        tbl_pr = table._tbl.tblPr
        borders(tbl_pr, "tblBorders", {"bottom": DOTTED, "insideH": DOTTED})
        for row, number in zip(table.rows, numbers, strict=True):
            _row_height(row, LINE_MM, exact=True)
            _cells(row)[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
            set_style(_cells(row)[0].paragraphs[0], "WK Cell")
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
                set_style(first, "WK Cell")
                add_bold(first, box.label)
                if box.hint:
                    add_paragraph(cell, "WK Hint", box.hint)

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
        inner = Blocks(target, sum(widths) - 2, in_cell=True)
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


def set_style(paragraph: Paragraph, name: str) -> None:
    # Set by id: python-docx looks a style up by name through every style in the file, which
    # made that lookup most of the DOCX writing time. Our styles' ids are their names unspaced.
    """Gives the paragraph a named style."""
    paragraph._p.get_or_add_pPr().style = name.replace(" ", "")


def add_paragraph(container: Container, style: str, text: str = "") -> Paragraph:
    """A paragraph of `text` in `style` added to the container."""
    paragraph = container.add_paragraph(text)
    set_style(paragraph, style)
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
            add_bold(paragraph, part.text)
        else:
            run = paragraph.add_run(part)
            if bold or italic:
                run_format(run._r.get_or_add_rPr(), bold=bold or None, italic=italic or None)


def add_bold(paragraph: Paragraph, text: str) -> None:
    """A bold run of `text`."""
    run_format(paragraph.add_run(text)._r.get_or_add_rPr(), bold=True)


def _picture(paragraph, url: str, width_mm: float) -> None:
    set_style(paragraph, "WK Cell")
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
