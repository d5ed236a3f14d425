"""A page of a PDF as a picture, as the studio shows it."""
from __future__ import annotations

import io

from PIL import Image

from workshopkit.render.pictures import SCALE, page_count, page_png


def two_pages() -> bytes:
    buffer = io.BytesIO()
    white, black = Image.new("RGB", (595, 842), "white"), Image.new("RGB", (842, 595), "black")
    white.save(buffer, "PDF", save_all=True, append_images=[black], resolution=72)
    return buffer.getvalue()


def test_each_page_is_drawn_at_the_studios_scale_and_a_missing_one_is_none():
    pdf = two_pages()
    assert page_count(pdf) == 2
    first = Image.open(io.BytesIO(page_png(pdf, 1)))
    second = Image.open(io.BytesIO(page_png(pdf, 2)))
    assert abs(first.width - 595 * SCALE) <= 1 and abs(first.height - 842 * SCALE) <= 1
    assert first.convert("L").getpixel((10, 10)) == 255
    assert second.width > second.height and second.convert("L").getpixel((10, 10)) == 0
    assert page_png(pdf, 0) is None and page_png(pdf, 3) is None
