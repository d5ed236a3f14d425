"""The WeasyPrint patches: installed once per worker, and a PDF writer refuses to draw Thai
without them rather than print it quietly wrong."""
from __future__ import annotations

import pytest

from workshopkit.errors import RenderError
from workshopkit.paper.page import PageDescription
from workshopkit.render.pdf import patches
from workshopkit.render.pdf.writer import PdfWriter


def test_installing_twice_is_installing_once():
    patches.install()
    patches.install()
    assert patches.installed()


def test_a_writer_without_the_patches_refuses_to_start(tmp_path, monkeypatch):
    monkeypatch.setattr(patches, "_installed", False)
    with pytest.raises(RenderError, match="the WeasyPrint patches are not installed"):
        PdfWriter(tmp_path, PageDescription())
