"""QR codes for links: SVG for the PDF (vector, sharp at any size), PNG for the DOCX.

Error correction M and the standard four-module quiet zone, so a code still scans from a
slightly creased or badly printed page.
"""
from __future__ import annotations

import base64
import copy
import io
import math
import re
from functools import lru_cache
from urllib.parse import urlsplit

import qrcode
import qrcode.exceptions
from qrcode.constants import ERROR_CORRECT_M


def check_url(url: str) -> str:
    """The URL, when a QR code may carry it (https only), or a participant's code (capital
    letters and digits, as people/roster.py makes them); a ValueError otherwise."""
    if re.fullmatch(r"[0-9A-Z]{1,16}", url):
        return url
    if urlsplit(url).scheme != "https":
        raise ValueError(f"QR codes carry https:// links only, not '{url}'")
    return url


BORDER = 4  # modules of quiet zone around the code, as the standard asks


def _unmade(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=BORDER, box_size=10)
    code.add_data(check_url(url))
    return code


@lru_cache(maxsize=256)
def _code(url: str) -> qrcode.QRCode:
    """The code of a link, made once per process (finding the best mask is most of the time of
    a QR code; its SVG and its PNG each need it). Never changed: `png` copies it."""
    code = _unmade(url)
    code.make(fit=True)
    return code


MIN_MODULE_MM = 0.5  # a module any phone camera resolves from a page held at reading distance
MAX_PRINT_MM = 70.0  # a code wider than this is hard to aim a phone at, and crowds a page


def problem(url: str) -> str | None:
    """Why a link cannot be printed as a QR code (too long to fit one a phone reads from
    paper), or None when it can."""
    try:
        size = print_size(url, 0)
    except (qrcode.exceptions.DataOverflowError, ValueError):  # past version 40
        return (f"the link is {len(url)} characters, more than a QR code can hold; use a shorter "
                f"link")
    if size > MAX_PRINT_MM:
        return (f"the link is {len(url)} characters: its QR code would be {size:.0f} mm wide, more "
                f"than {MAX_PRINT_MM:.0f} mm; use a shorter link")
    return None


@lru_cache(maxsize=4096)
def print_size(url: str, wanted_mm: float) -> float:
    """The printed width: as asked, or larger when a long link (a pre-filled form with Thai
    names, percent-encoded) would make the modules too small to scan."""
    return max(wanted_mm, (_modules_count(url) + 2 * BORDER) * MIN_MODULE_MM)


@lru_cache(maxsize=256)
def _modules_count(url: str) -> int:
    """The code's width in modules, from the smallest version that holds the link, without
    drawing the code: checking a definition's links asks only this."""
    return _unmade(url).best_fit() * 4 + 17  # every QR code version is 4 modules wider than the last


@lru_cache(maxsize=256)
def svg(url: str) -> bytes:
    """The QR code as SVG: one path, a rectangle for each run of dark modules along a row.
    (qrcode's own SVG has a square for each module, which a PDF writer reads four times as
    slowly, and which can leave hairlines between neighbours.)"""
    code = _code(url)
    size = code.modules_count + 2 * code.border
    runs = []
    for y, row in enumerate(code.modules, start=code.border):
        x = 0
        while x < len(row):
            start = x
            while x < len(row) and row[x]:
                x += 1
            if x > start:
                runs.append(f"M{start + code.border},{y}h{x - start}v1h-{x - start}z")
            x += 1
    return (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{size}mm" height="{size}mm" '
            f'viewBox="0 0 {size} {size}"><path d="{"".join(runs)}" fill="#000000"/></svg>').encode()


def svg_data_uri(url: str) -> str:
    """The QR code as a data: URI for an <img>."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg(url)).decode("ascii")


@lru_cache(maxsize=4096)
def png(url: str, width_mm: float, dpi: int = 300) -> bytes:
    """A PNG with at least `dpi` pixels per inch when printed `width_mm` wide, and that
    resolution recorded in the file, so a word processor places it at the right size."""
    code = copy.copy(_code(url))
    modules = code.modules_count + 2 * code.border
    code.box_size = max(1, math.ceil(dpi * width_mm / 25.4 / modules))
    image = code.make_image(fill_color="black", back_color="white").get_image()
    actual = round(image.size[0] / (width_mm / 25.4))
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(actual, actual))
    return out.getvalue()


@lru_cache(maxsize=1024)
def modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The dark modules of a code for any text (the pages of a form printed to be read back
    carry their own, scan_code.py), row by row, without the quiet zone."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())
