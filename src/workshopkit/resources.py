"""Where the bundled templates and fonts are: inside an installed wheel (hatchling maps
them into the package) or, in a checkout, at the repository's top level."""
from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent


@cache
def asset_dir(name: str) -> Path:
    """A bundled folder (workshops, templates, fonts), installed or in the repository."""
    for base in (_PACKAGE, _CHECKOUT):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"workshopkit is installed without its {name}/ folder")


def templates_dir() -> Path:
    """The bundled templates."""
    return asset_dir("templates")


def fonts_dir() -> Path:
    """The bundled fonts."""
    return asset_dir("fonts")


FONT_FACES = {  # (weight, style) -> file; the four faces of the bundled family
    ("normal", "normal"): "Sarabun-Regular.ttf",
    ("bold", "normal"): "Sarabun-Bold.ttf",
    ("normal", "italic"): "Sarabun-Italic.ttf",
    ("bold", "italic"): "Sarabun-BoldItalic.ttf",
}
FONT_FAMILY = "Sarabun"


INVISIBLE = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF})  # drawn as nothing by any renderer


@cache
def font_coverage() -> frozenset[int]:
    """The characters every bundled face can draw, and the invisible ones no renderer draws
    (a zero-width space pasted from the web: the Thai lint warns of it and `--fix` removes it)."""
    from fontTools.ttLib import TTFont  # only needed once, and not for every command

    faces = [set(TTFont(fonts_dir() / name, lazy=True).getBestCmap()) for name in FONT_FACES.values()]
    return frozenset(set.intersection(*faces)) | INVISIBLE


def unprintable(text: str) -> str:
    """The characters of `text` the bundled font cannot draw, each with its code point
    (`'🎉' (U+1F389)`), or "" when it can draw them all; font_coverage is cached, so this is
    cheap per string."""
    coverage = font_coverage()
    missing = sorted({c for c in text if not c.isspace() and ord(c) not in coverage})
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
