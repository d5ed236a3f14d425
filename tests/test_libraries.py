"""The render server opens WeasyPrint's C libraries from the dynamic linker's cache: the same
libraries find_library would find, without running a compiler for every name it lacks."""
from __future__ import annotations

import ctypes.util
import json
import os
import subprocess
import sys
import textwrap

import pytest

from workshopkit.render import libraries

# every name WeasyPrint 70 asks for on Linux, in its order (weasyprint/text/ffi.py); the
# platform's own names and the others' (.dylib, .dll), found or not
ASKED = ["libgobject-2.0-0", "gobject-2.0-0", "gobject-2.0", "libpango-1.0-0", "pango-1.0-0",
         "pango-1.0", "libharfbuzz-0", "harfbuzz", "libharfbuzz-subset-0", "harfbuzz-subset",
         "libharfbuzz-vector-0", "harfbuzz-vector", "libharfbuzz-vector.so.0",
         "libharfbuzz-vector.0.dylib", "libharfbuzz-vector-0.dll", "libfontconfig-1",
         "fontconfig-1", "fontconfig", "libpangoft2-1.0-0", "pangoft2-1.0-0", "pangoft2-1.0"]

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the linker's cache is Linux's")


@linux
def test_the_cache_answers_as_find_library_does_for_every_name_weasyprint_asks():
    listing = libraries.linker_cache()
    assert listing is not None, "ldconfig -p gave nothing: set-up must install libc-bin"
    answers = {name: libraries.in_cache(listing, name) for name in ASKED}
    assert answers == {name: ctypes.util.find_library(name) for name in ASKED}
    assert all(answers[name] for name in libraries.NEEDED)


@linux
def test_the_server_opens_weasyprint_without_a_compiler_and_with_every_library():
    """What the server's first import does, in a fresh interpreter: only ldconfig runs (once),
    never gcc or ld, and WeasyPrint has Pango and HarfBuzz's subsetter as it would have had."""
    script = textwrap.dedent("""
        import json, subprocess
        ran = []
        real = subprocess.Popen.__init__
        def recorded(self, args, *rest, **named):
            ran.append(args[0] if isinstance(args, (list, tuple)) else args)
            real(self, args, *rest, **named)
        subprocess.Popen.__init__ = recorded
        import workshopkit.render.libraries
        from weasyprint.text import ffi
        print(json.dumps({"ran": ran, "pango": ffi.pango.pango_version(),
                          "subset": ffi.harfbuzz_subset is not None}))
    """)
    opened = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    found = json.loads(opened.stdout)
    assert found["ran"] == ["/sbin/ldconfig"]
    assert found["pango"] >= 14400 and found["subset"] == bool(ctypes.util.find_library("harfbuzz-subset"))


def test_where_the_loader_looks_further_find_library_is_left_alone(monkeypatch, tmp_path):
    """LD_LIBRARY_PATH may lead to a library the cache does not hold: then no quick answer. A
    folder that is not there leads nowhere (OpenCV names one when it is imported)."""
    monkeypatch.setenv("LD_LIBRARY_PATH", f"{tmp_path / 'missing'}:")
    assert (libraries.linker_cache() is None) == (not sys.platform.startswith("linux"))
    monkeypatch.setenv("LD_LIBRARY_PATH", f"{tmp_path / 'missing'}:{tmp_path}")
    assert libraries.linker_cache() is None
    before = ctypes.util.find_library
    with libraries._from_linker_cache():
        assert ctypes.util.find_library is before
    monkeypatch.delenv("LD_LIBRARY_PATH")
    if sys.platform.startswith("linux") and os.path.exists("/sbin/ldconfig"):
        with libraries._from_linker_cache():
            assert ctypes.util.find_library is not before
        assert ctypes.util.find_library is before  # and put back after
