"""Stage 4 (DOCX), part two: embed the bundled font in a finished .docx package.

python-docx cannot embed fonts, so the saved package is rewritten: each face is subset,
obfuscated (ECMA-376 Part 1, 17.8.1) and stored as `word/fonts/fontN.odttf`, related from
`word/_rels/fontTable.xml.rels`, declared in `fontTable.xml`, and `settings.xml` asks for
embedded fonts to be used. Word and LibreOffice then print the Thai text in Sarabun even on
a computer that does not have it.
"""
from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont
from lxml import etree

from ...resources import FONT_FACES, FONT_FAMILY, fonts_dir

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

# What later edits may type: the Thai block, Basic Latin, Latin-1, general punctuation
# (dashes, quotes, ellipsis), the Thai currency sign's neighbours and the dotted circle
# that shaping draws under a lone mark.
SUBSET_RANGES = [(0x0020, 0x007E), (0x00A0, 0x00FF), (0x0E00, 0x0E7F), (0x2000, 0x206F),
                 (0x20A0, 0x20BF), (0x25CC, 0x25CC)]
# all layout features: Thai needs its mark positioning and ligatures
SUBSET_OPTIONS = {"layout_features": ["*"], "name_IDs": ["*"], "name_languages": ["*"],
                  "notdef_outline": True, "recommended_glyphs": True, "hinting": True,
                  "legacy_kern": True}

# (weight, style) -> the fontTable element that names that face
EMBED_ELEMENTS = {("normal", "normal"): "embedRegular", ("bold", "normal"): "embedBold",
                  ("normal", "italic"): "embedItalic", ("bold", "italic"): "embedBoldItalic"}

# settings.xml children that must stand before w:embedTrueTypeFonts (schema order)
_SETTINGS_BEFORE = ["writeProtection", "view", "zoom", "removePersonalInformation",
                    "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                    "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData"]


def obfuscation_key(guid: str) -> bytes:
    """The 16-byte key of a font key GUID: its 32 hex digits in string order, reversed."""
    digits = guid.strip("{}").replace("-", "")
    return bytes.fromhex(digits)[::-1]


def obfuscate(font: bytes, guid: str) -> bytes:
    """XOR the first 32 bytes with the key; the same call also reverses it."""
    key = obfuscation_key(guid)
    head = bytes(b ^ key[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


@dataclass(frozen=True)
class Face:
    element: str  # embedRegular, embedBold, ...
    data: bytes  # the subset TrueType font, not yet obfuscated


_given: dict[str, bytes] = {}  # by font file: subset faces kept from an earlier process


def give(subsets: dict[str, bytes]) -> None:
    """Faces already subset (`subset_face` of each file, kept by the caller): `faces` takes
    them instead of a second of subsetting."""
    _given.update(subsets)
    faces.cache_clear()


@cache
def faces() -> tuple[Face, ...]:
    """The four bundled faces, subset once per process unless given."""
    return tuple(Face(EMBED_ELEMENTS[key], _given.get(name) or subset_face(name))
                 for key, name in FONT_FACES.items())


def face_name(file: str) -> str:
    """A name for the subset of a bundled font file that changes with all it is made from:
    the font, the ranges kept and the fontTools that subsets."""
    how = repr((SUBSET_RANGES, SUBSET_OPTIONS, fontTools.version)).encode()
    made_from = (fonts_dir() / file).read_bytes() + how
    return f"{Path(file).stem}-{hashlib.sha256(made_from).hexdigest()[:20]}.ttf"


def subset_face(file: str) -> bytes:
    """A bundled font file subset to what the documents and later edits may need."""
    font = TTFont(fonts_dir() / file, recalcTimestamp=False)  # the same bytes from every build
    subsetter = subset.Subsetter(subset.Options(**SUBSET_OPTIONS))
    subsetter.populate(unicodes=[c for lo, hi in SUBSET_RANGES for c in range(lo, hi + 1)])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def _signature() -> dict[str, str]:
    os2 = TTFont(fonts_dir() / FONT_FACES[("normal", "normal")], lazy=True)["OS/2"]
    panose = os2.panose
    fields = ("bFamilyType", "bSerifStyle", "bWeight", "bProportion", "bContrast",
              "bStrokeVariation", "bArmStyle", "bLetterForm", "bMidline", "bXHeight")
    return {
        "panose": "".join(f"{getattr(panose, f):02X}" for f in fields),
        "usb0": f"{os2.ulUnicodeRange1:08X}", "usb1": f"{os2.ulUnicodeRange2:08X}",
        "usb2": f"{os2.ulUnicodeRange3:08X}", "usb3": f"{os2.ulUnicodeRange4:08X}",
        "csb0": f"{os2.ulCodePageRange1:08X}", "csb1": f"{os2.ulCodePageRange2:08X}",
    }


def embed_fonts(package: bytes) -> bytes:
    """The same .docx with the bundled faces embedded."""
    parts = _read(package)
    # One key per face, derived from its name: the key only hides the font from casual
    # extraction, and a fixed key keeps two builds of the same pack byte-identical.
    keys = {face.element: "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"workshopkit:{face.element}")).upper()
            + "}" for face in faces()}
    rels = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    for number, face in enumerate(faces(), start=1):
        parts[f"word/fonts/font{number}.odttf"] = obfuscate(face.data, keys[face.element])
        etree.SubElement(rels, f"{{{PKG_RELS}}}Relationship", Id=f"rIdFont{number}",
                         Type=FONT_REL, Target=f"fonts/font{number}.odttf")
    parts["word/_rels/fontTable.xml.rels"] = _xml(rels)
    parts["word/fontTable.xml"] = _font_table(parts["word/fontTable.xml"], keys)
    parts["word/settings.xml"] = _settings(parts["word/settings.xml"])
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"])
    return _write(parts)


def _font_table(xml: bytes, keys: dict[str, str]) -> bytes:
    root = etree.fromstring(xml)
    for old in root.findall(f"{{{W}}}font[@{{{W}}}name='{FONT_FAMILY}']"):
        root.remove(old)
    sig = _signature()
    font = etree.SubElement(root, f"{{{W}}}font", {f"{{{W}}}name": FONT_FAMILY})
    etree.SubElement(font, f"{{{W}}}panose1", {f"{{{W}}}val": sig["panose"]})
    etree.SubElement(font, f"{{{W}}}charset", {f"{{{W}}}val": "DE"})  # THAI_CHARSET
    etree.SubElement(font, f"{{{W}}}family", {f"{{{W}}}val": "swiss"})
    etree.SubElement(font, f"{{{W}}}pitch", {f"{{{W}}}val": "variable"})
    etree.SubElement(font, f"{{{W}}}sig", {f"{{{W}}}{k}": sig[k] for k in
                                          ("usb0", "usb1", "usb2", "usb3", "csb0", "csb1")})
    for number, face in enumerate(faces(), start=1):
        etree.SubElement(font, f"{{{W}}}{face.element}",
                         {f"{{{R}}}id": f"rIdFont{number}", f"{{{W}}}fontKey": keys[face.element]})
    return _xml(root)


def _settings(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    if root.find(f"{{{W}}}embedTrueTypeFonts") is None:
        element = etree.Element(f"{{{W}}}embedTrueTypeFonts")
        before = [child for child in root
                  if etree.QName(child).localname in _SETTINGS_BEFORE]
        if before:
            before[-1].addnext(element)
        else:
            root.insert(0, element)
    return _xml(root)


def _content_types(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    if root.find(f"{{{CONTENT_TYPES}}}Default[@Extension='odttf']") is None:
        etree.SubElement(root, f"{{{CONTENT_TYPES}}}Default", Extension="odttf",
                         ContentType=OBFUSCATED)
    return _xml(root)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _read(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        # [Content_Types].xml first, as Office writes it; fixed dates keep builds reproducible
        for name in sorted(parts, key=lambda n: n != "[Content_Types].xml"):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            archive.writestr(info, parts[name], compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
