"""Small WordprocessingML helpers python-docx lacks: complex-script run properties,
borders, shading, widths and fields, each child put where the schema wants it (Word
refuses a file whose property elements are out of order)."""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from ...resources import FONT_FAMILY

TWIPS_PER_MM = 1440 / 25.4

_ORDER = {
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
            "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
            "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
            "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
            "eastAsianLayout", "specVanish", "oMath"],
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
            "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
            "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
            "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"],
    "tcPr": ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
              "tblLayout", "tblCellMar", "tblLook"],
    "trPr": ["cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
             "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
               "printerSettings", "sectPrChange"],
}


def twips(mm: float) -> int:
    """Millimetres in twentieths of a point."""
    return round(mm * TWIPS_PER_MM)


def put(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """Replace (or add) the child `tag` of a property element, in schema order."""
    for old in parent.findall(qn(f"w:{tag}")):
        parent.remove(old)
    child = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    parent.append(child)
    order = _ORDER[etree.QName(parent).localname]
    children = sorted(parent, key=lambda c: order.index(etree.QName(c).localname)
                      if etree.QName(c).localname in order else len(order))
    parent[:] = children
    return child


def run_format(rPr: etree._Element, *, size: float | None = None, bold: bool | None = None,
               italic: bool | None = None, color: str | None = None, font: bool = False,
               lang: str | None = None, underline: str | None = None, border: bool = False) -> None:
    """Set run properties in both the Latin and the complex-script slot, as Thai needs."""
    if font:
        put(rPr, "rFonts", ascii=FONT_FAMILY, hAnsi=FONT_FAMILY, eastAsia=FONT_FAMILY, cs=FONT_FAMILY)
    if bold is not None:
        put(rPr, "b", val="1" if bold else "0")
        put(rPr, "bCs", val="1" if bold else "0")
    if italic is not None:
        put(rPr, "i", val="1" if italic else "0")
        put(rPr, "iCs", val="1" if italic else "0")
    if color:
        put(rPr, "color", val=color)
    if size is not None:
        put(rPr, "sz", val=str(round(size * 2)))
        put(rPr, "szCs", val=str(round(size * 2)))
    if underline:
        put(rPr, "u", val=underline)
    if border:
        put(rPr, "bdr", val="single", sz="6", space="0", color="000000")
    if lang:
        put(rPr, "lang", val=lang, eastAsia=lang, bidi="th-TH")


def borders(parent: etree._Element, tag: str, sides: dict[str, tuple[str, int, str]]) -> None:
    """`sides`: name -> (style, eighths of a point, colour); written in schema order."""
    box = put(parent, tag)
    for side in ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV"):
        if side in sides:
            style, size, color = sides[side]
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:val"), style)
            edge.set(qn("w:sz"), str(size))
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), color)
            box.append(edge)


def shade(parent: etree._Element, fill: str) -> None:
    """A cell's background colour."""
    put(parent, "shd", val="clear", color="auto", fill=fill)


def field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES ...) with a cached result shown before it updates."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None),
                       ("text", shown), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = shown
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
