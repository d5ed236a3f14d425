"""Filled forms without a pen or a scanner, for the scan-back tests and bench/scan.py: the
printed self-assessment pages drawn as a scanner would see them, marked at their tick boxes
with pen-like strokes (a filled box, a tick, a cross, a circle; some items left blank, some
marked twice, some faintly), then degraded as scans are (turned up to 3 degrees, 97-100 %,
shifted, blurred, noisy, JPEG at quality 60, some upside down), with what was meant kept.
"""
from __future__ import annotations

import io
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import zxingcpp
from PIL import Image

from workshopkit.scan_code import Cell, parse

STYLES = ("fill", "tick", "cross", "circle")


@dataclass
class Truth:
    """What was meant on the filled pages: who -> item -> rating, None for blank; items
    marked twice or faintly, which must go to review, are in `unclear`."""

    ratings: dict[str, dict[str, int | None]] = field(default_factory=dict)
    unclear: set[tuple[str, str]] = field(default_factory=set)


def form_pages(pdf: Path) -> list[tuple[int, str]]:
    """The pages of a printed PDF that carry a form's QR code: (index, the code's text)."""
    document = pypdfium2.PdfDocument(str(pdf))
    found = []
    for index in range(len(document)):
        image = document[index].render(scale=120 / 72, grayscale=True).to_numpy()
        for barcode in zxingcpp.read_barcodes(np.ascontiguousarray(image),
                                              formats=zxingcpp.BarcodeFormat.QRCode):
            if parse(barcode.text):
                found.append((index, barcode.text))
    document.close()
    return found


def fill(pdf: Path, pages: Sequence[tuple[int, str]], layout: Sequence[Sequence[Cell]], rng: random.Random,
         dpi: int = 200, blank_share: float = 0.04, double_share: float = 0.01, faint_share: float = 0.0,
         styles: Sequence[str] = STYLES, own: Mapping[str, Sequence[Sequence[Cell]]] | None = None
         ) -> tuple[list[np.ndarray], Truth]:
    """Each form page of `pdf` drawn at `dpi` and marked at its boxes (the form's `layout`,
    or a participant's `own` where a long name laid their copy out otherwise): a level for
    each item, as a person with a pen marks it. Returns the pages (grey images) and what they
    mean."""
    document = pypdfium2.PdfDocument(str(pdf))
    truth = Truth()
    images = []
    for index, text in pages:
        code = parse(text)
        assert code is not None
        image = np.ascontiguousarray(document[index].render(scale=dpi / 72, grayscale=True).to_numpy())
        cells = (own or {}).get(code.who, layout)[code.page - 1]
        items: dict[str, list[Cell]] = {}
        for cell in cells:
            items.setdefault(cell.key.split(":")[0], []).append(cell)
        meant = truth.ratings.setdefault(code.who, {})
        for item, its in items.items():
            roll = rng.random()
            if roll < blank_share:
                meant[item] = None
                continue
            chosen = rng.choice(its)
            if roll < blank_share + double_share:
                other = rng.choice([c for c in its if c is not chosen])
                _mark(image, other, rng.choice(styles), dpi, rng)
                truth.unclear.add((code.who, item))
                meant[item] = None
            elif roll < blank_share + double_share + faint_share:  # a pencil barely touching
                _mark(image, chosen, rng.choice(("tick", "cross")), dpi, rng, ink=rng.randrange(185, 215))
                truth.unclear.add((code.who, item))
                meant[item] = None
                continue
            else:
                meant[item] = int(chosen.key.split(":")[1])
            _mark(image, chosen, rng.choice(styles), dpi, rng)
        images.append(image)
    document.close()
    return images, truth


def _mark(image: np.ndarray, cell: Cell, style: str, dpi: int, rng: random.Random, ink: int = 35) -> None:
    """A pen's mark in the cell: a stroke about 0.5 mm wide, never quite the same twice."""
    scale = dpi / 25.4

    def at(x_mm: float, y_mm: float) -> tuple[int, int]:
        return (round((x_mm + rng.uniform(-0.3, 0.3)) * scale),
                round((y_mm + rng.uniform(-0.3, 0.3)) * scale))

    x, y, w, h = cell.box
    pen = max(1, round(rng.uniform(0.4, 0.7) * scale))
    if style == "fill":
        corners = [at(x + 0.4, y + 0.4), at(x + w - 0.4, y + 0.4), at(x + w - 0.4, y + h - 0.4),
                   at(x + 0.4, y + h - 0.4)]
        cv2.fillPoly(image, [np.array(corners)], ink, cv2.LINE_AA)
    elif style == "tick":
        points = [at(x + 0.1 * w, y + 0.5 * h), at(x + 0.4 * w, y + 0.9 * h), at(x + 1.1 * w, y - 0.1 * h)]
        cv2.polylines(image, [np.array(points)], False, ink, pen, cv2.LINE_AA)
    elif style == "cross":
        cv2.line(image, at(x, y), at(x + w, y + h), ink, pen, cv2.LINE_AA)
        cv2.line(image, at(x + w, y), at(x, y + h), ink, pen, cv2.LINE_AA)
    else:  # a ring around the box
        centre = at(x + w / 2, y + h / 2)
        axes = (round((w / 2 + rng.uniform(1.0, 1.8)) * scale),
                round((h / 2 + rng.uniform(0.6, 1.2)) * scale))
        cv2.ellipse(image, centre, axes, rng.uniform(-10, 10), 0, 360, ink, pen, cv2.LINE_AA)


def degrade(image: np.ndarray, rng: random.Random, upside_down: bool = False,
            max_degrees: float = 3.0) -> np.ndarray:
    """The page as a scanner gives it back: turned, a little smaller, shifted, blurred, noisy
    (JPEG comes when it is saved)."""
    height, width = image.shape
    angle = rng.uniform(-max_degrees, max_degrees) + (180 if upside_down else 0)
    scale = rng.uniform(0.97, 1.0)
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, scale)
    matrix[:, 2] += (rng.uniform(-0.01, 0.01) * width, rng.uniform(-0.01, 0.01) * height)
    page = cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=250)
    page = cv2.GaussianBlur(page, (0, 0), rng.uniform(0.4, 1.0))
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(3, 7), page.shape)
    return np.clip(page.astype(np.float32) * rng.uniform(0.9, 1.0) + noise, 0, 255).astype(np.uint8)


def blank_back(shape: tuple[int, ...], rng: random.Random) -> np.ndarray:
    """The empty back of a sheet, as a duplex scanner sends it."""
    noise = np.random.default_rng(rng.randrange(1 << 30)).normal(0, 4, shape)
    return np.clip(245 + noise, 0, 255).astype(np.uint8)


def scan_pdf(images: Sequence[np.ndarray], path: Path, dpi: int, quality: int = 60) -> None:
    """The pages as one PDF of JPEG images, as a copier's scan-to-e-mail makes it."""
    pictures = [Image.open(io.BytesIO(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])[1]))
                for image in images]
    pictures[0].save(path, "PDF", save_all=True, append_images=pictures[1:], resolution=float(dpi))
