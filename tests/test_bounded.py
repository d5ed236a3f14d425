"""Renders run in a worker with a time and a memory bound: one that runs too long or asks for
too much is stopped with a message naming the limit, the processes it started go with it,
and nothing keeps running behind a killed build."""
from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import MINIMAL, eventually, workshop_with, write_definition

from workshopkit.cli import main
from workshopkit.errors import DefinitionError, Problem, RenderError, at
from workshopkit.people.roster import RosterError
from workshopkit.render import bounded
from workshopkit.render.bounded import Bounds, Call


def _sleep_forever(pid_file: Path, progress) -> None:
    pid_file.write_text(str(os.getpid()))
    helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    (pid_file.parent / "helper.pid").write_text(str(helper.pid))
    time.sleep(600)


def _hoard(progress) -> None:
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def _fail_with(error: Exception, progress) -> None:
    raise error


def _count(progress) -> str:
    for done in range(1, 4):
        progress(done, 3)
    return "finished"


def _bug(progress) -> None:
    raise KeyError("no such slug")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie has ended; only its parent has not collected it yet
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def wait_until_gone(pid: int) -> bool:
    return eventually(lambda: not alive(pid))


def test_a_render_over_its_time_is_stopped_with_every_process_it_started(tmp_path):
    pid_file = tmp_path / "worker.pid"
    with pytest.raises(RenderError) as caught:
        bounded.run(Call(_sleep_forever, (pid_file,)), Bounds(seconds=2), "the pack")
    assert str(caught.value) == ("the pack took longer than 2 s, the time limit of a render "
                                 "(--max-seconds); it was stopped and nothing was written")
    assert wait_until_gone(int(pid_file.read_text()))
    assert wait_until_gone(int((tmp_path / "helper.pid").read_text()))


def test_a_render_over_its_memory_is_stopped_naming_the_limit():
    with pytest.raises(RenderError) as caught:
        bounded.run(Call(_hoard), Bounds(memory_mib=512), "the pack")
    assert str(caught.value) == ("the pack needed more than 512 MiB, the memory limit of a render "
                                 "(--max-memory); it was stopped and nothing was written")


@pytest.mark.parametrize("error", [
    DefinitionError([Problem("a.yaml", 3, 5, "agenda.days", "too long"),
                     Problem("a.yaml", 1, 1, "title", "missing")]),
    RosterError([at("roster.csv", 4, 2, "name is empty"), at("roster.csv", 9, 1, "code is repeated")]),
    RenderError("agenda: the bundled font has no glyph for '☃' (U+2603)"),
], ids=lambda e: type(e).__name__)
def test_the_users_errors_cross_from_the_worker_whole(error):
    with pytest.raises(type(error)) as caught:
        bounded.run(Call(_fail_with, (error,)), Bounds(), "the pack")
    assert caught.value.lines() == error.lines()


def test_progress_reaches_the_build_and_a_bug_keeps_its_traceback():
    seen = []
    result, usage = bounded.run(Call(_count), Bounds(), "the pack",
                                lambda done, total: seen.append((done, total)))
    assert result == "finished" and seen == [(1, 3), (2, 3), (3, 3)]
    assert usage.worker_mib > 10
    with pytest.raises(RuntimeError, match=r"(?s)the render worker failed:.*KeyError: 'no such slug'"):
        bounded.run(Call(_bug), Bounds(), "the pack")


def test_nothing_keeps_rendering_behind_a_killed_build(tmp_path):
    script = tmp_path / "build.py"
    script.write_text(textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from workshopkit.render import bounded
        from test_bounded import _sleep_forever
        if __name__ == "__main__":
            bounded.run(bounded.Call(_sleep_forever,
                                     (Path({str(tmp_path / "worker.pid")!r}),)),
                        bounded.Bounds(seconds=600), "the pack")
    """))
    build = subprocess.Popen([sys.executable, str(script)])
    deadline = time.monotonic() + 60
    while not (tmp_path / "helper.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    assert wait_until_gone(int((tmp_path / "worker.pid").read_text()))
    assert wait_until_gone(int((tmp_path / "helper.pid").read_text()))


def test_the_cli_bounds_a_pathological_template(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workshop_with(tmp_path, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                            "{% endfor %}")
    result = CliRunner().invoke(main, ["build", "forum.yaml", "--max-seconds", "2"])
    assert result.exit_code == 2
    assert result.stderr == ("the pack of forum.yaml took longer than 2 s, the time limit of a "
                             "render (--max-seconds); it was stopped and nothing was written\n")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.*"))


def test_the_cli_bounds_a_template_that_asks_for_too_much_memory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    workshop_with(tmp_path, "<p>\n{{ 'x'|center(4000000000) }}</p>")
    result = CliRunner().invoke(main, ["build", "forum.yaml", "--max-memory", "1024"])
    assert result.exit_code == 2
    assert result.stderr == ("look/document.html.j2:2:1: needs more memory than a render may take "
                             "(--max-memory)\n")


_calls: list[int] = []  # in the resident worker: what earlier calls left


def _remember(progress) -> int:
    _calls.append(os.getpid())
    return len(_calls)


def test_a_resident_worker_keeps_what_a_call_left_and_restarts_after_a_limit(tmp_path):
    resident = bounded.Resident(Bounds(seconds=3))
    try:
        assert [resident.run(Call(_remember), "the pages") for _ in range(3)] == [1, 2, 3]
        pid_file = tmp_path / "pid"
        with pytest.raises(RenderError, match="longer than 3 s"):
            resident.run(Call(_sleep_forever, (pid_file,)), "the pages")
        assert wait_until_gone(int(pid_file.read_text()))
        assert resident.run(Call(_remember), "the pages") == 1  # a new worker, started afresh
        with pytest.raises(RuntimeError, match="a bug"):  # a bug ends the worker, with its traceback
            resident.run(Call(_fail_with, (ValueError("a bug"),)), "the pages")
        assert resident.run(Call(_remember), "the pages") == 1
    finally:
        resident.close()


def test_only_the_workers_server_leaves_without_tidying_up(tmp_path):
    """render/warm.py makes the server leave at once when the build ends (os._exit at exit):
    only a process started as the server may do that. Imported anywhere else (a test, a
    script), it must leave the process's own exit status alone."""
    script = "import sys, workshopkit.render.warm; sys.exit(3)"
    assert subprocess.run([sys.executable, "-c", script]).returncode == 3
    # the server is started with the mark in its environment; this process keeps none of it
    started = textwrap.dedent("""
        import os, sys
        from multiprocessing import forkserver
        from workshopkit.render import bounded
        def nothing(progress):
            return None
        if __name__ == "__main__":
            bounded.prepare()
            bounded.run(bounded.Call(nothing), bounded.Bounds(), "a test")  # the server is ready
            server = forkserver._forkserver._forkserver_pid
            with open(f"/proc/{server}/environ", "rb") as environ:
                print(f"{bounded.SERVER}=1".encode() in environ.read().split(b"\\0"),
                      bounded.SERVER in os.environ)
    """)
    (tmp_path / "started.py").write_text(started, encoding="utf-8")
    answer = subprocess.run([sys.executable, str(tmp_path / "started.py")], capture_output=True, text=True)
    assert answer.stdout.split() == ["True", "False"], answer.stderr


def _frozen(progress) -> tuple[int, bool, int]:
    import gc
    import sys

    return gc.get_freeze_count(), "docx" in sys.modules, gc.get_threshold()[0]


def test_a_worker_finds_what_the_server_loaded_left_alone_by_the_collector():
    """render/warm.py freezes what the server loaded (gc.freeze), so that a worker's full
    collections neither go through it nor write to the memory it shares with the server, and
    makes its workers collect young objects less often (a render keeps most of them); and
    python-docx is loaded only where DOCX is written, not in the server every build waits for."""
    (frozen, docx, young), _usage = bounded.run(Call(_frozen), Bounds(), "a test")
    assert frozen > 50_000 and not docx  # WeasyPrint, the toolkit and the Thai dictionary
    assert young > 10 * 700  # and collects its young objects far less often than Python does


def test_a_worker_takes_a_pack_job_without_the_definitions_model(tmp_path):
    """The server never loads pydantic (a fifth of its start, which every build waits for),
    and a pack job, roster sets and all, needs none of it: the front's facts were read from
    the model by the build (compose/pack.py, `cover_facts`)."""
    from workshopkit import app
    from workshopkit.people.roster import read_roster

    examples = Path(__file__).parent.parent / "examples"
    _read, job, _signers = app._pack_job(examples / "prefilled-surveys.yaml",
                                         read_roster(examples / "roster.csv"), None, ("pdf", "docx"), True)
    assert job.sets
    (tmp_path / "job.pickle").write_bytes(pickle.dumps(job))
    script = (f"import pickle, sys\nfor name in {list(bounded.PRELOADED)!r} + ['workshopkit.render_job']:\n"
              f"    __import__(name)\n"
              f"job = pickle.loads(open({str(tmp_path / 'job.pickle')!r}, 'rb').read())\n"
              f"print(len(job.documents), 'pydantic' in sys.modules)")
    answer = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert answer.stdout.split() == [str(len(job.documents)), "False"]


def test_a_build_that_leaves_at_once_keeps_its_status_and_all_it_said(tmp_path):
    """__main__.py ends a finished build with os._exit: its exit status and every line it
    printed (the list of files, the error) still reach the caller."""
    command = Path(sys.executable).parent / "workshopkit"
    built = subprocess.run([str(command), "--lang", "en", "build", str(write_definition(tmp_path, MINIMAL)),
                            "--format", "docx", "-o", str(tmp_path / "out")], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    written = sorted(p.name for p in (tmp_path / "out").glob("*/*.docx"))
    assert written and all(name in built.stdout for name in written)
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    failed = subprocess.run([str(command), "--lang", "en", "build", str(broken), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert failed.returncode == 2 and f"{broken}:1:" in failed.stderr and "Traceback" not in failed.stderr
