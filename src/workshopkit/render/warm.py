"""The render workers' head start: imported by their fork server (bounded.py), nothing else.

It fills once the caches every render fills on first use (the Thai dictionary, the fonts'
coverage), so each worker forked from the server has them already, about half a second
sooner. Only pure-Python state is made here: Pango and fontconfig start in each worker, never
shared across a fork. The DOCX writer's subset faces come from the user's cache, read by the
worker that writes DOCX (render_job.kept_faces), not here: a PDF build would wait for them.
"""
from ..paper.dictionary import thai_words_of
from ..resources import font_coverage

thai_words_of("การวางแผนพัฒนา")
font_coverage()
