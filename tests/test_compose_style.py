"""How a workshop's words are read from its model: language, digits, own labels, type size."""
from __future__ import annotations

from helpers import REFERENCE

from workshopkit.compose.style import organiser_line, style_of
from workshopkit.definition import model
from workshopkit.definition.read import read_workshop


def test_an_organisers_own_labels_replace_the_tables_words():
    workshop = read_workshop(REFERENCE).model_copy(update={
        "labels": {"sign_in": "ใบลงชื่อเข้าร่วม"}, "digits": "thai",
        "theme": model.Theme(type_size="government")})
    style = style_of(workshop)
    assert style.label("sign_in") == "ใบลงชื่อเข้าร่วม" and style.label("agenda") == "กำหนดการ"
    assert style.num(12) == "๑๒" and style.scale == 16 / 12


def test_the_footer_names_the_organiser_and_how_to_reach_them():
    organiser = model.Organiser(name="สมาคมวิถีสาน", short_name="SADA", web="www.sadathai.org",
                                facebook="sadathailand")
    assert organiser_line(organiser) == "สมาคมวิถีสาน (SADA)  ·  www.sadathai.org  ·  FB: sadathailand"
