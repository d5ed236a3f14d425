"""Render (PDF): the WeasyPrint patches, named as patches and installed once per worker.

`thai_text` fixes the text layer of drawn Thai lines (exact text on extraction) and the font
subsets; `thai_breaks` marks dictionary words so that Pango breaks lines between them. Both
are checked against the WeasyPrint and Pango versions they were made for; a line that falls
back to WeasyPrint's own drawing is recorded and reported by the PDF writer.
"""
from __future__ import annotations

from . import thai_breaks, thai_text

_installed = False


def install() -> None:
    """Put both patches in place, once per process: each render worker calls this when it
    starts (render/bounded.py, render/print_run.py)."""
    global _installed
    if not _installed:
        thai_text.install()
        thai_breaks.install()
        _installed = True


def installed() -> bool:
    """Whether this process draws Thai with the patches."""
    return _installed
