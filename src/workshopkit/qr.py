"""QR codes for links: SVG for the PDF (vector, sharp at any size), PNG for the DOCX.

Error correction M and the standard four-module quiet zone, so a code still scans from a
slightly creased or badly printed page.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M


def check_url(url: str) -> str:
    if urlsplit(url).scheme != "https":
        raise ValueError(f"QR codes carry https:// links only, not '{url}'")
    return url


def _code(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(check_url(url))
    code.make(fit=True)
    return code


@lru_cache(maxsize=256)
def svg(url: str) -> bytes:
    image = _code(url).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()


def svg_data_uri(url: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg(url)).decode("ascii")


@lru_cache(maxsize=256)
def png(url: str) -> bytes:
    image = _code(url).make_image(fill_color="black", back_color="white")
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()
