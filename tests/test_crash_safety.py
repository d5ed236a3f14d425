"""Killing a build at any moment loses nothing: every file already there stays complete, no
render keeps running behind it, and the next run cleans up and succeeds."""
from __future__ import annotations

import functools
import io
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from helpers import MINIMAL, eventually
from pypdf import PdfReader

KILLS = 30


def complete(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return (data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
                and len(PdfReader(io.BytesIO(data)).pages) > 0)
    if path.suffix == ".docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.testzip() is None
    return path.suffix == ".json" and data.endswith(b"}\n")


def processes_tagged(tag: str) -> list[int]:
    """Processes started by the build under test (they inherit its environment)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if f"WORKSHOPKIT_TEST_RUN={tag}".encode() in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except OSError:  # ended meanwhile, or not ours to read
            pass
    return found


def nothing_runs(tag: str) -> bool:
    return not processes_tagged(tag)


def test_sigkill_at_thirty_moments_leaves_every_output_whole(tmp_path):
    definition = tmp_path / "forum.yaml"
    definition.write_text(MINIMAL, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "workshopkit", "build", str(definition), "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True)  # a first complete pack
    folder = out / "forum"
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    chooser = random.Random(7)
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    duration = time.monotonic() - start
    for kill in range(KILLS):
        tag = f"{os.getpid()}-{kill}"
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env={**os.environ, "WORKSHOPKIT_TEST_RUN": tag})
        time.sleep(chooser.uniform(0.05, duration))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert eventually(functools.partial(nothing_runs, tag)), processes_tagged(tag)
        for path in folder.iterdir():
            if path.name.endswith(".tmp"):
                continue  # a write the kill interrupted; the next run removes it
            assert complete(path), path.name
        assert set(first) <= {p.name for p in folder.iterdir()}  # nothing lost
    subprocess.run(command, check=True, capture_output=True)
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert {p.name for p in folder.iterdir()} == set(first)
    assert all(complete(p) for p in folder.iterdir())
