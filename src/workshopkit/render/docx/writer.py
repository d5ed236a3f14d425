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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ...compose import tree as doc
from ...errors import RenderError
from ...paper.page import MARGINS_MM, Orientation, PageDescription, content_width
from ...resources import FONT_FAMILY
from .blocks import add_bold, add_paragraph, set_style
from .fonts import embed_fonts
from .fragments import Fragments
from .pages import PageBlocks
from .xml import field, put, run_format


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


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
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
        self._blank: bytes | None = None  # an empty document with the styles set, made once
        missing = [kind for kind in doc.BLOCKS if not hasattr(PageBlocks, f"_draw_{kind}")]
        if missing:  # a block type this writer does not know must never print as nothing
            raise RenderError(f"the DOCX writer cannot draw the block kinds {', '.join(missing)}")

    def write(self, documents: Sequence[doc.Document], own_sheets: bool = False,
              drawn: Fragments | None = None) -> bytes:
        """One .docx: a section per document, each with its own page numbers. With `own_sheets`,
        a collected form's section and the one after it start on a right-hand (front) page, so
        the word processor adds the blank back a duplex print needs, as the PDF pack does. With
        `drawn` (this writer's), a document drawn for an earlier file is copied from there."""
        word = docx.Document(io.BytesIO(self._styled()))
        for index, document in enumerate(documents):
            front = own_sheets and (document.collected or documents[index - 1].collected)
            section = word.sections[0] if index == 0 else \
                word.add_section(WD_SECTION.ODD_PAGE if front else WD_SECTION.NEW_PAGE)
            self._section(section, document.orientation, single=len(documents) == 1, bare=document.bare)
            if not document.bare:  # a certificate is its own page design: no header or title
                self._header(section, document)
            if drawn is None:
                self._body(word, document)
            elif not drawn.copied(word, document):
                begins = drawn.start(word)
                self._body(word, document)
                drawn.keep(word, document, begins)
        out = io.BytesIO()
        word.core_properties.title = documents[0].title
        word.core_properties.language = self.lang
        word.save(out)
        return embed_fonts(out.getvalue()) if self.embed else out.getvalue()

    def _header(self, section, document: doc.Document) -> None:
        if self.logo and self.logo.suffix.lower() != ".svg":  # python-docx places raster images
            section.header.is_linked_to_previous = False
            section.header.paragraphs[0].add_run().add_picture(str(self.logo), height=Mm(12))
        if document.stamp:
            stamp = section.header.paragraphs[0]
            section.header.is_linked_to_previous = False
            set_style(stamp, "WK Cell")
            stamp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            add_bold(stamp, document.stamp)

    @staticmethod
    def _body(word: docx.document.Document, document: doc.Document) -> None:
        if not document.bare:  # a certificate is its own page design: no title
            add_paragraph(word, "Title", document.title)
            if document.subtitle:
                add_paragraph(word, "Subtitle", document.subtitle)
        PageBlocks(word, content_width(document.orientation)).add_all(document.blocks)

    def _styled(self) -> bytes:
        if self._blank is None:  # the default template's styles are slow to look up by name
            word = docx.Document()
            self._styles(word)
            _only_what_is_used(word)
            out = io.BytesIO()
            word.save(out)
            self._blank = out.getvalue()
        return self._blank

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

    def _section(self, section, orientation: Orientation, single: bool, bare: bool = False) -> None:
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
        set_style(footer, "WK Footer")
        if bare:  # a certificate's page is all its own: an empty footer
            return
        footer.paragraph_format.tab_stops.add_tab_stop(Mm(content_width(orientation)),
                                                       alignment=2)  # right
        footer.add_run(f"{self.footer}\t{self.page_label} ")
        field(footer, "PAGE", "1")
        footer.add_run(" / ")
        # In a pack every document counts its own pages, as the PDF packs do.
        field(footer, "NUMPAGES" if single else "SECTIONPAGES", "1")


def _only_what_is_used(word: docx.document.Document) -> None:
    """python-docx's template carries 164 styles, their Word 2010 copy and a picture of an empty
    page as the file's thumbnail: 800 KB of XML that every file would read, write and compress
    twice, and a preview that is not the document's. Kept: the writer's styles, the ones Word
    takes by default, those the template's list numbering names, and those they name in turn
    (based on, next, linked)."""
    root = word.styles.element
    by_id = {style.get(qn("w:styleId")): style for style in root.iterchildren(qn("w:style"))}
    listed = word.part.numbering_part.element.iter(qn("w:pStyle"))
    wanted = {*(name.replace(" ", "") for name in STYLES), "Header", "Footer",
              *(key for key, style in by_id.items() if style.get(qn("w:default")) == "1"),
              *(style.get(qn("w:val")) for style in listed)}
    named = list(wanted)
    while named:
        style = by_id.get(named.pop())
        for tag in ("w:basedOn", "w:next", "w:link"):
            other = style.find(qn(tag)) if style is not None else None
            if other is not None and other.get(qn("w:val")) not in wanted:
                wanted.add(other.get(qn("w:val")))
                named.append(other.get(qn("w:val")))
    for key, style in by_id.items():
        if key not in wanted:
            root.remove(style)
    for latent in root.findall(qn("w:latentStyles")):  # Word's own list of its built-in styles
        root.remove(latent)
    for key, relation in list(word.part.rels.items()):
        if relation.reltype == STYLES_WITH_EFFECTS:
            word.part.drop_rel(key)
    package = word.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RT.THUMBNAIL:
            del package.rels[key]
