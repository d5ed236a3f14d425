"""Killing a build at any moment loses nothing: every file already there stays complete, no
render keeps running behind it, and the next run cleans up and succeeds.

The kills are deterministic: a build is killed with SIGKILL at the Nth file it stages or
moves into place (a wrapper around output.py, the one module that writes), and twice while
it renders, so every phase of the write is hit on every run."""
from __future__ import annotations

import functools
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from helpers import MINIMAL, eventually
from pypdf import PdfReader

from workshopkit import output

# Runs `workshopkit build` with SIGKILL at the Nth call of one of output.py's two write steps.
KILLED_AT = """
import os, signal, sys
from workshopkit import output
step, at = sys.argv[1], int(sys.argv[2])
count = {"stage": 0, "replace": 0}
stage, replace = output._temporary, os.replace

def counted(name, real):
    def call(*args, **kwargs):
        count[name] += 1
        if name == step and count[name] == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return call

output._temporary = counted("stage", stage)
output.os.replace = counted("replace", replace)
from workshopkit.cli import main
sys.argv = ["workshopkit", "build", *sys.argv[3:]]
main()
"""


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


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[list[str], Path, dict[str, bytes], float]:
    work = tmp_path_factory.mktemp("crash")
    definition = work / "forum.yaml"
    definition.write_text(MINIMAL, encoding="utf-8")
    out = work / "out"
    arguments = [str(definition), "-o", str(out)]
    subprocess.run([sys.executable, "-m", "workshopkit", "build", *arguments], check=True,
                   capture_output=True)
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "workshopkit", "build", *arguments], check=True,
                   capture_output=True)
    return arguments, out / "forum", contents(out / "forum"), time.monotonic() - start


def _killed(arguments: list[str], tag: str, *prefix: str) -> None:
    process = subprocess.Popen([sys.executable, *prefix, *arguments], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env={**os.environ, "WORKSHOPKIT_TEST_RUN": tag})
    process.wait(timeout=120)
    assert process.returncode == -signal.SIGKILL
    assert eventually(functools.partial(nothing_runs, tag)), processes_tagged(tag)


@pytest.mark.parametrize("at", ["first", "middle", "last"])
def test_a_kill_while_staging_files_replaces_nothing(built, at):
    arguments, folder, first, _ = built
    number = {"first": 1, "middle": len(first) // 2, "last": len(first)}[at]
    _killed(arguments, f"{os.getpid()}-stage-{at}", "-c", KILLED_AT, "stage", str(number))
    assert {n: d for n, d in contents(folder).items() if not n.endswith(".tmp")} == first


@pytest.mark.parametrize("at", ["first", "middle", "last"])
def test_a_kill_while_moving_files_into_place_leaves_every_file_whole(built, at):
    arguments, folder, first, _ = built
    number = {"first": 1, "middle": len(first) // 2, "last": len(first)}[at]
    _killed(arguments, f"{os.getpid()}-replace-{at}", "-c", KILLED_AT, "replace", str(number))
    names = {p.name for p in folder.iterdir() if not p.name.endswith(".tmp")}
    assert names == set(first)  # nothing lost
    assert all(complete(folder / name) for name in names)


@pytest.mark.parametrize("share", [0.3, 0.7])
def test_a_kill_while_rendering_stops_the_worker_too(built, share):
    arguments, folder, first, duration = built
    tag = f"{os.getpid()}-render-{share}"
    process = subprocess.Popen([sys.executable, "-m", "workshopkit", "build", *arguments],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "WORKSHOPKIT_TEST_RUN": tag})
    time.sleep(duration * share)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert eventually(functools.partial(nothing_runs, tag)), processes_tagged(tag)
    names = {p.name for p in folder.iterdir() if not p.name.endswith(".tmp")}
    assert names == set(first) and all(complete(folder / name) for name in names)


def test_the_next_build_cleans_up_and_succeeds(built):
    arguments, folder, first, _ = built
    (folder / ".agenda.pdf.x1y2.tmp").write_bytes(b"%PDF-1.7 half")  # as a killed build leaves
    subprocess.run([sys.executable, "-m", "workshopkit", "build", *arguments], check=True,
                   capture_output=True)
    assert set(contents(folder)) == set(first)
    assert all(complete(folder / name) for name in first)


def test_a_scratch_folder_is_gone_with_what_was_put_in_it():
    with output.scratch() as folder:
        output.write_atomic(folder / "รายชื่อ.csv", "ชื่อ\nสมศรี\n".encode())
        assert (folder / "รายชื่อ.csv").read_text(encoding="utf-8") == "ชื่อ\nสมศรี\n"
    assert not folder.exists()


def kept_as():
    return output.cache_folder() / "face.ttf"


def test_what_is_kept_is_read_back_by_the_next_process_and_made_again_when_spoilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made = []

    def make():
        made.append(1)
        return b"subset font"

    assert output.kept(kept_as(), make) == b"subset font" and len(made) == 1
    stored = tmp_path / "cache" / "workshopkit" / "face.ttf"
    assert stored.read_bytes().endswith(b"subset font")
    assert output.kept(kept_as(), make) == b"subset font" and len(made) == 1  # read, not made
    stored.write_bytes(stored.read_bytes()[:-3])  # a file cut short is never used
    assert output.kept(kept_as(), make) == b"subset font" and len(made) == 2
    assert output.kept(kept_as(), make) == b"subset font" and len(made) == 2


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert output.kept(kept_as(), lambda: b"made") == b"made"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # not absolute: the home's is used
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert output.kept(kept_as(), lambda: b"made") == b"made"
    assert (tmp_path / "home" / ".cache" / "workshopkit" / "face.ttf").is_file()
