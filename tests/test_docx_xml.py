"""The OOXML python-docx leaves out, written in the order the schema requires."""
from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from workshopkit.render.docx.xml import borders, put, twips


def test_a_millimetre_is_about_57_twips():
    assert twips(25.4) == 1440 and twips(0) == 0


def test_a_property_is_replaced_and_kept_in_schema_order():
    pPr = OxmlElement("w:pPr")
    put(pPr, "jc", val="center")
    put(pPr, "spacing", after="0")
    put(pPr, "jc", val="left")
    assert [child.tag for child in pPr] == [qn("w:spacing"), qn("w:jc")]
    assert pPr.find(qn("w:jc")).get(qn("w:val")) == "left"


def test_borders_are_written_top_left_bottom_right():
    tblPr = OxmlElement("w:tblPr")
    borders(tblPr, "tblBorders", {"right": ("single", 6, "222222"), "top": ("nil", 0, "auto")})
    box = tblPr.find(qn("w:tblBorders"))
    assert [child.tag for child in box] == [qn("w:top"), qn("w:right")]
