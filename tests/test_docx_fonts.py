"""Font embedding: the standard's obfuscation, and subsets that still draw Thai."""
from __future__ import annotations

import io

from fontTools.ttLib import TTFont

from workshopkit.render.docx.fonts import faces, obfuscate, obfuscation_key


def test_obfuscation_key_matches_the_standards_worked_example():
    # ECMA-376 Part 1, 17.8.1: this GUID gives the key AE1E8E94-A018-EC90-D54A-60AADC701B00
    key = obfuscation_key("{001B70DC-AA60-4AD5-90EC-18A0948E1EAE}")
    assert key == bytes.fromhex("AE1E8E94A018EC90D54A60AADC701B00")


def test_obfuscation_xors_only_the_first_32_bytes_and_undoes_itself():
    font = bytes(range(64))
    guid = "{001B70DC-AA60-4AD5-90EC-18A0948E1EAE}"
    hidden = obfuscate(font, guid)
    assert hidden[32:] == font[32:] and hidden[:32] != font[:32]
    assert hidden[0] == 0x00 ^ 0xAE and hidden[16] == 16 ^ 0xAE and hidden[15] == 15 ^ 0x00
    assert obfuscate(hidden, guid) == font


def test_subsets_keep_thai_latin_punctuation_and_layout_features():
    for face in faces():
        font = TTFont(io.BytesIO(face.data))
        cmap = font.getBestCmap()
        for char in "กขฮะาำิีึืุูเแโใไๆ่้๊๋์ํ๐๙AZaz09“”–…éü":
            assert ord(char) in cmap, (face.element, char)
        assert 0x0E4D in cmap and 0x0E32 in cmap  # shaping draws ำ from these two
        assert {"GSUB", "GPOS", "GDEF"} <= set(font.keys())
        assert 0x4E00 not in cmap and len(cmap) < 400


def test_a_subset_is_named_by_all_it_is_made_from(monkeypatch):
    from workshopkit.render.docx import fonts

    name = fonts.face_name("Sarabun-Regular.ttf")
    assert name.startswith("Sarabun-Regular-") and name != fonts.face_name("Sarabun-Bold.ttf")
    monkeypatch.setattr(fonts, "SUBSET_RANGES", [*fonts.SUBSET_RANGES, (0x0100, 0x017F)])
    assert fonts.face_name("Sarabun-Regular.ttf") != name
    monkeypatch.undo()
    monkeypatch.setitem(fonts.SUBSET_OPTIONS, "hinting", False)
    assert fonts.face_name("Sarabun-Regular.ttf") != name


def test_faces_given_are_the_faces_embedded(monkeypatch):
    from workshopkit.render.docx import fonts

    made = {face.element: face.data for face in faces()}
    monkeypatch.setattr(fonts, "_given", {})
    monkeypatch.setattr(fonts, "subset_face", lambda file: b"made:" + file.encode())
    fonts.give({"Sarabun-Bold.ttf": b"kept"})
    try:
        given = {face.element: face.data for face in fonts.faces()}
        assert given["embedBold"] == b"kept" and given["embedRegular"] == b"made:Sarabun-Regular.ttf"
    finally:
        fonts.faces.cache_clear()
    monkeypatch.undo()
    assert {face.element: face.data for face in faces()} == made
