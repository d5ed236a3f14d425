"""Scans in, pages out: every page of the scanned files (multi-page PDFs as a scanner or a
copier makes them, PNG or JPEG images) as a grey image, and each page of a form found on it:
its QR code read (scan_code.py), then the page straightened onto the form's own millimetres
by the four corner marks, whatever the scan did to it (turned a little or upside down, a
little smaller, shifted, photographed at a slant).
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2
import zxingcpp

from .. import qr
from ..errors import ScanError
from ..i18n import _
from ..paper.page import SCAN_MARK_INSET_MM, SCAN_MARK_MM, SCAN_QR_MODULE_MM, SIZE_MM, scan_qr_at
from ..scan_code import ScanCode, parse

MAX_PIXELS = 60_000_000  # of one image: a 600 dpi A3 scan, not a decompression bomb
# OpenCV reads this when it first decodes an image, and refuses a larger one before it takes
# the memory
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_PIXELS))
DPI = 200  # a scanned PDF's pages are drawn at this resolution
PX_MM = 8  # the straightened page: 8 pixels a millimetre (203 dpi)
MAX_PAGES = 5000  # of all the files together: 300 participants' forms, with room
IMAGES = {".png", ".jpg", ".jpeg"}
NEAR_MM, FAR_MM = 8.0, 30.0  # how far from where it should be a corner mark is looked for
BLANK_INK = 0.002  # a page with less dark than this is the blank back of a sheet


@dataclass
class Scanned:
    """One page of the scans as it came: where from, and its grey pixels."""

    source: str  # file, and page for a PDF: "scan.pdf p. 3"
    image: np.ndarray


@dataclass
class FoundPage:
    """A page of a form, read: its code, and the page straightened, PX_MM pixels a millimetre."""

    scanned: Scanned
    code: ScanCode
    page: np.ndarray


def read_scans(paths: Sequence[Path]) -> Iterator[Scanned]:
    """Every page of the files, in order; a file that is neither a PDF nor an image, or
    cannot be read, is an error naming it."""
    check_files(paths)
    count = 0
    for path in paths:
        for scanned in _pages(path):
            count += 1
            if count > MAX_PAGES:
                raise ScanError(_("{file}: more than {limit} pages in the scans; read them in parts").format(
                    file=path, limit=MAX_PAGES))
            yield scanned


def check_files(paths: Sequence[Path]) -> None:
    """Every file that cannot be a scan (missing, or neither PDF nor image) said at once."""
    refused = [f"{path}: {why}" for path in paths for why in [_refusal(path)] if why]
    if refused:
        raise ScanError(refused)


def _refusal(path: Path) -> str | None:
    if not path.is_file():
        return _("no such file")
    if path.suffix.lower() not in {*IMAGES, ".pdf"}:
        return _("scans are read from PDF, PNG or JPEG files")
    return None


def _pages(path: Path) -> Iterator[Scanned]:
    def refused(message: str) -> ScanError:
        return ScanError(f"{path}: {message}")

    if path.suffix.lower() in IMAGES:
        try:
            image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        except cv2.error:
            image = None
        if image is None or image.size > MAX_PIXELS:
            raise refused(_("not an image this can read (PNG or JPEG)"))
        yield Scanned(str(path), image)
        return
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        raise refused(_("not a PDF this can read"))
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            width, height = page.get_size()
            scale = min(DPI / 72, (MAX_PIXELS / max(1.0, width * height)) ** 0.5)
            image = page.render(scale=scale, grayscale=True).to_numpy()
            yield Scanned(_("{file} page {page}").format(file=path, page=number + 1),
                          np.ascontiguousarray(image if image.ndim == 2 else image[:, :, 0]))
    finally:
        pdf.close()


def is_blank(image: np.ndarray) -> bool:
    """Whether a page is the blank back of a sheet: next to no dark pixels."""
    small = cv2.resize(image, (0, 0), fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 90))
    return float(np.mean(small < paper * 0.6)) < BLANK_INK


def codes_on(image: np.ndarray) -> list[tuple[ScanCode, np.ndarray]]:
    """Each of our QR codes on the page, with its corners in the image (top left, top right,
    bottom right, bottom left, as the code is read)."""
    found = []
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):  # type: ignore[arg-type]
        code = parse(barcode.text)
        if code:
            p = barcode.position
            corners = [(p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y),
                       (p.bottom_right.x, p.bottom_right.y), (p.bottom_left.x, p.bottom_left.y)]
            found.append((code, np.array(corners, dtype=np.float32)))
    return found


def straighten(scanned: Scanned, code: ScanCode, corners: np.ndarray) -> np.ndarray | None:
    """The page in the form's own millimetres (PX_MM pixels each): placed roughly by its QR
    code, then exactly by the corner marks, each found where what is known so far puts it;
    None when fewer than two marks are where they should be (not our page, or cut off)."""
    modules = len(qr.modules(code.text()))
    side = modules * SCAN_QR_MODULE_MM
    x, y = scan_qr_at(modules)
    known_mm = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
    known_px = [tuple(point) for point in corners.tolist()]
    width, height = SIZE_MM["portrait"]
    inset = SCAN_MARK_INSET_MM
    # the top ones first, beside the code: each mark found makes the next one's place surer;
    # a photo taken at a slant shrinks the far edge, so a mark not near its place is looked
    # for farther off
    expected = [(inset, inset), (width - inset, inset), (inset, height - inset),
                (width - inset, height - inset)]
    marks_mm, marks_px = [], []
    for point in expected:
        transform = cv2.estimateAffinePartial2D(np.array(known_mm, dtype=np.float32),
                                                np.array(known_px, dtype=np.float32))[0]
        if transform is None:
            return None
        found = _mark(scanned.image, transform, point, NEAR_MM) or \
            _mark(scanned.image, transform, point, FAR_MM)
        if found is not None:
            marks_mm.append(point)
            marks_px.append(found)
            known_mm.append(point)
            known_px.append(found)
    if len(marks_mm) < 2:
        return None
    target = np.array(known_mm if len(marks_mm) < 4 else marks_mm, dtype=np.float32) * PX_MM
    source = np.array(known_px if len(marks_mm) < 4 else marks_px, dtype=np.float32)
    exact = cv2.getPerspectiveTransform(source, target) if len(marks_mm) == 4 else \
        cv2.estimateAffine2D(source, target)[0]
    if exact is None:
        return None
    size = (int(width * PX_MM), int(height * PX_MM))
    if exact.shape == (2, 3):
        page = cv2.warpAffine(scanned.image, exact, size, flags=cv2.INTER_AREA, borderValue=255)
    else:
        page = cv2.warpPerspective(scanned.image, exact, size, flags=cv2.INTER_AREA, borderValue=255)
    return _even_light(page)


def _even_light(page: np.ndarray) -> np.ndarray:
    """The page as if evenly lit: each pixel against the paper around it (the printed lines and
    the marks taken out by a dilation, the rest smoothed), so that a shadow across a photo or a
    copier's grey paper reads as white."""
    small = cv2.resize(page, (0, 0), fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    paper = cv2.medianBlur(cv2.dilate(small, np.ones((3, 3), np.uint8)), 11)
    paper = cv2.resize(paper, (page.shape[1], page.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(page, np.maximum(paper, 1), scale=255)


def _mark(image: np.ndarray, transform: np.ndarray, point: tuple[float, float], reach_mm: float
          ) -> tuple[float, float] | None:
    """The centre of the filled square near `point` (mm), in image pixels: the dark blob of
    about the mark's size nearest to where `transform` (mm -> pixels) puts it."""
    centre = transform[:, :2] @ np.array(point) + transform[:, 2]
    scale = float(np.hypot(transform[0, 0], transform[1, 0]))  # pixels a millimetre
    reach = int(reach_mm * scale)
    x0, y0 = max(0, int(centre[0]) - reach), max(0, int(centre[1]) - reach)
    window = image[y0:int(centre[1]) + reach, x0:int(centre[0]) + reach]
    if window.size == 0:
        return None
    _threshold, dark = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(dark)
    area = (SCAN_MARK_MM * scale) ** 2
    best = None
    for label in range(1, count):
        w, h, filled = stats[label, cv2.CC_STAT_WIDTH], stats[label, cv2.CC_STAT_HEIGHT], \
            stats[label, cv2.CC_STAT_AREA]
        side = SCAN_MARK_MM * scale
        if not (0.6 * area < filled < 1.5 * area and 0.6 * side < w < 1.6 * side
                and 0.6 * side < h < 1.6 * side):
            continue
        distance = float(np.linalg.norm(centroids[label] + (x0, y0) - centre))
        if best is None or distance < best[0]:
            best = (distance, (float(centroids[label][0] + x0), float(centroids[label][1] + y0)))
    return best[1] if best else None
