"""The render workers' head start: imported by their fork server (bounded.py), nothing else.

It fills once the caches every render fills on first use (the Thai dictionary, the fonts'
coverage), so each worker forked from the server has them already, about half a second
sooner. Only pure-Python state is made here: Pango and fontconfig start in each worker, never
shared across a fork. The DOCX writer's subset faces come from the user's cache, read by the
worker that writes DOCX (render_job.kept_faces), not here: a PDF build would wait for them.

The server ends when the build that started it does, and holds the build's standard output
and error, so a caller reading them (a script, CI, a pipe) waits for the server too: it skips
its interpreter's tidying up (freeing what it imported, 0.3 s) as it has nothing to flush or
close. Its workers never run exit handlers (multiprocessing ends them with os._exit).

What the server has loaded lives as long as it does, so the garbage collector is told to leave
it alone (gc.freeze): a worker's full collections would otherwise go through all of it, three
times in a pack's layout (0.15 s of each process), and in doing so write to every page of
memory the worker shares with the server, which the kernel must then copy. And a worker keeps
most of what it makes (laid-out pages) to the end of its build: collecting after every 700
new objects, as Python does by default, went through them 470 times in a pack's layout to
free little (0.2 s in all); after every 20 000 it is 13 times (0.05 s). Garbage then waits
longer: the worker of a 300-person print run peaks 40 MB higher (420 MB; the bound is 4 GB).
"""
import atexit
import gc
import os

from ..paper.dictionary import thai_words_of
from ..resources import font_coverage
from .bounded import SERVER

thai_words_of("การวางแผนพัฒนา")
font_coverage()
if os.environ.pop(SERVER, None):  # the server itself, not a test that imports this
    atexit.register(os._exit, 0)
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)  # inherited by every worker the server forks
