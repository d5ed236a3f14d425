"""The render workers' head start: imported by their fork server (bounded.py), nothing else.

It fills once the caches every render fills on first use (the Thai dictionary's trie, the
fonts' coverage, the four faces subset for DOCX), so each worker forked from the server has
them already, about 1.5 s sooner. Only pure-Python state is made here: Pango and fontconfig
start in each worker, never shared across a fork.
"""
from pythainlp.tokenize import word_tokenize

from ..resources import font_coverage
from .docx.fonts import faces

word_tokenize("การวางแผนพัฒนา", engine="newmm")
font_coverage()
faces()
