"""The render workers' head start: imported by their fork server (bounded.py), nothing else.

It fills once the caches every render fills on first use (the Thai dictionary's trie, the
fonts' coverage), so each worker forked from the server has them already, about a second
sooner. Only pure-Python state is made here: Pango and fontconfig start in each worker, never
shared across a fork. The DOCX writer's subset faces (a second of work) are made by the
worker that writes DOCX, not here: a PDF build would wait for them.
"""
from pythainlp.tokenize import word_tokenize

from ..resources import font_coverage

word_tokenize("การวางแผนพัฒนา", engine="newmm")
font_coverage()
