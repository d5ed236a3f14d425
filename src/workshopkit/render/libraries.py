"""The render server's first import: WeasyPrint's C libraries, opened without asking gcc.

WeasyPrint opens Pango, HarfBuzz and the rest under the names each has on every platform
(libpango-1.0-0, pango-1.0-0, pango-1.0, ..., .dylib, .dll); cffi asks
ctypes.util.find_library about every name that is not a file, and on Linux a name it cannot
find costs ldconfig, gcc and ld run in turn (15 ms). That was 22 questions and 0.26 s of the
server's start, which every build waits for before its first page. While WeasyPrint opens its
libraries, a question is answered from the dynamic linker's cache read once, the first place
find_library looks and the one where it finds each of them. Only where that cache holds every
library WeasyPrint cannot do without: anywhere else (another system, libraries that only
LD_LIBRARY_PATH or a compiler's paths lead to) find_library is left as it is.
"""
from __future__ import annotations

import contextlib
import ctypes.util
import functools
import os
import re
import struct
import subprocess
import sys
from collections.abc import Iterator

# WeasyPrint stops without these (weasyprint/text/ffi.py); HarfBuzz's subsetter and vector
# libraries it can do without, and a name the cache lacks it will not find elsewhere on a
# system that keeps its libraries in the cache
NEEDED = ("gobject-2.0", "pango-1.0", "harfbuzz", "fontconfig", "pangoft2-1.0")
# as ctypes.util tells the cache's entries for this process's ABI from the others
_ABI = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
        "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64", "arm-32": "libc6(,hard-float)?"}


def open_weasyprint() -> None:
    """Import WeasyPrint's library bindings, with find_library answered from the cache."""
    with _from_linker_cache():
        import weasyprint.text.ffi  # noqa: F401


def in_cache(listing: bytes, name: str) -> str | None:
    """What find_library answers for `name` from the cache's listing (`ldconfig -p`)."""
    found = re.search(os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({_abi()}"), listing)
    return os.fsdecode(found.group(1)) if found else None


@functools.cache
def _abi() -> str:
    machine = os.uname().machine
    bits = "-32" if struct.calcsize("l") == 4 else "-64"
    return _ABI.get(("arm" if machine.startswith("arm") else machine) + bits, "libc6")


def linker_cache() -> bytes | None:
    """The dynamic linker's cache as find_library reads it, or None where it would look
    further than the cache: in a folder LD_LIBRARY_PATH names (one that is not there, as
    OpenCV's import adds, leads nowhere)."""
    further = [folder for folder in os.environ.get("LD_LIBRARY_PATH", "").split(":") if folder]
    if not sys.platform.startswith("linux") or any(os.path.isdir(folder) for folder in further):
        return None
    try:
        return subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"},
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


@contextlib.contextmanager
def _from_linker_cache() -> Iterator[None]:
    listing = linker_cache()
    if listing is None or not all(in_cache(listing, name) for name in NEEDED):
        yield
        return
    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: in_cache(listing, name)
    try:
        yield
    finally:
        ctypes.util.find_library = original


open_weasyprint()
