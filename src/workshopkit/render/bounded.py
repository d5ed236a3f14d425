"""Stage 4's fence: a build's renders run in a worker process with a time and a memory bound.

A definition, a roster or a custom template from someone else can make a document that never
finishes laying out, or one that asks for more memory than the machine has. The worker leads
its own process group (the print run's workers join it), its address space is capped with
RLIMIT_AS (inherited by those workers), and when the time is up the whole group is killed.
If the build itself dies, the worker notices its lifeline closing and kills its group too, so
nothing keeps running behind a killed build. Workers are forked from a server that has
imported WeasyPrint once, so starting one costs milliseconds, not a second.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..errors import RenderError, WorkshopkitError
from ..i18n import _

try:
    import resource
except ImportError:  # Windows: no rlimits and no process groups; the time bound still holds
    resource = None  # type: ignore[assignment]
GROUPS = hasattr(os, "killpg")

Progress = Callable[[int, int], None]
# In the environment only while the workers' server is started: the server knows itself by it
# (render/warm.py), and nothing else that imports the toolkit takes itself for the server.
SERVER = "WORKSHOPKIT_RENDER_SERVER"
# What the server imports before it forks a worker: WeasyPrint's libraries first, the quick
# way; then the writers; then the caches filled (not pydantic: a worker gets no model)
PRELOADED = ("workshopkit.render.libraries", "workshopkit.render.files", "workshopkit.render.warm")


@dataclass(frozen=True)
class Call:
    """What the worker runs: `function(*args, progress)`. The function crosses to the worker by
    its qualified name, so it must be defined at a module's top level; the module that holds it
    should import WeasyPrint only inside it, so that the build itself never loads it."""

    function: Callable[..., Any]
    args: tuple[Any, ...] = ()


DEFAULT_SECONDS = 300.0
SECONDS_PER_PARTICIPANT = 3.0  # a personal print run lays out every participant's set
DEFAULT_MEMORY_MIB = 4096


@dataclass(frozen=True)
class Bounds:
    seconds: float = DEFAULT_SECONDS
    memory_mib: int = DEFAULT_MEMORY_MIB

    @classmethod
    def for_people(cls, people: int, seconds: float | None = None,
                   memory_mib: int | None = None) -> Bounds:
        """Bounds for a build printing for `people` participants: more time for more sets."""
        return cls(seconds if seconds is not None else DEFAULT_SECONDS + SECONDS_PER_PARTICIPANT * people,
                   memory_mib or DEFAULT_MEMORY_MIB)


@dataclass(frozen=True)
class Usage:
    """Peak resident memory of the worker and of the largest process it started."""

    worker_mib: float
    helpers_mib: float


def run(task: Call, bounds: Bounds, what: str, progress: Progress | None = None
        ) -> tuple[Any, Usage]:
    """The call in a bounded worker: its result and the memory it took, or its
    WorkshopkitError raised here."""
    prepare()
    context = _context()
    receive, send = context.Pipe(duplex=False)
    watch, lifeline = context.Pipe(duplex=False)
    # every concrete context has Process; the base class, as typeshed has it, does not
    worker = context.Process(  # type: ignore[attr-defined]
        target=_work, args=(task, bounds, send, watch), name="workshopkit-render")
    _start(worker)
    send.close()
    watch.close()
    deadline = time.monotonic() + bounds.seconds
    kind = "interrupted"
    try:
        kind, value = _await(receive, deadline, progress)
    finally:
        _stop(worker, grace=0.5 if kind == "died" else 0.0)  # let a dying worker's status settle
        lifeline.close()
        receive.close()
    if kind == "done":
        return value
    if kind == "error":
        raise value
    if kind == "bug":
        raise RuntimeError(f"the render worker failed:\n{value}")
    raise RenderError(_limit_message(kind, what, bounds, worker.exitcode))


def prepare() -> None:
    """Start the workers' server now, if it is not running: it imports WeasyPrint and fills
    its caches (about 2.5 s) while the build reads and composes, on the other core."""
    global _server_started
    context = _context()
    if context.get_start_method() != "forkserver" or _server_started:
        return
    from multiprocessing import forkserver, resource_tracker

    # The server and its workers share the resource tracker this process starts. A worker
    # killed (Ctrl+C, a limit) leaves it the print run's semaphores, which it removes when
    # the build has gone, and would then count in a warning below the build's one-line answer.
    sys.warnoptions.append(_TRACKER_QUIET)
    try:
        _quietly(resource_tracker.ensure_running)
    finally:
        sys.warnoptions.remove(_TRACKER_QUIET)
    os.environ[SERVER] = "1"
    try:
        _quietly(forkserver.ensure_running)
    finally:
        os.environ.pop(SERVER, None)
    _server_started = True


_TRACKER_QUIET = "ignore:resource_tracker:UserWarning"  # a -W option of the tracker's interpreter


def _start(worker: multiprocessing.process.BaseProcess) -> None:
    _quietly(worker.start)


def _quietly(start: Callable[[], None]) -> None:
    """Ctrl+C reaches every process of the terminal's group. The fork server, started here the
    first time, would die of it with a traceback while it imports WeasyPrint; started with the
    signal ignored it keeps ignoring it (the disposition survives exec, and so do its workers),
    and the build alone answers it: the worker then dies with its lifeline."""
    if threading.current_thread() is not threading.main_thread():
        start()
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        start()
    finally:
        signal.signal(signal.SIGINT, previous)


def _await(receive: Connection, deadline: float, progress: Progress | None) -> tuple[str, Any]:
    while True:
        if not receive.poll(max(0.0, deadline - time.monotonic())):
            return "time", None
        try:
            kind, value = receive.recv()
        except EOFError:
            return "died", None
        if kind != "progress":
            return kind, value
        if progress:
            progress(*value)


def _limit_message(kind: str, what: str, bounds: Bounds, exitcode: int | None) -> str:
    if kind == "time":
        return _("{what} took longer than {seconds} s, the time limit of a render (--max-seconds); "
                 "it was stopped and nothing was written").format(what=what, seconds=f"{bounds.seconds:g}")
    if kind == "memory":
        return _("{what} needed more than {limit} MiB, the memory limit of a render (--max-memory); "
                 "it was stopped and nothing was written").format(what=what, limit=bounds.memory_mib)
    how = f"signal {signal.Signals(-exitcode).name}" if exitcode and exitcode < 0 else f"status {exitcode}"
    return _("{what}: the render worker ended with {how}, most likely at the memory limit of {limit} "
             "MiB (--max-memory); nothing was written").format(what=what, how=how, limit=bounds.memory_mib)


def _stop(worker: multiprocessing.process.BaseProcess, grace: float) -> None:
    if grace:
        worker.join(timeout=grace)
    # the worker and any print-run worker it started; the worker itself too, should it not
    # have reached setpgrp yet
    pid = worker.pid
    kills = [lambda: os.killpg(pid, signal.SIGKILL)] if GROUPS and pid else []
    for kill in (*kills, worker.kill):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass
    worker.join()


def _work(task: Call, bounds: Bounds, send: Connection, watch: Connection) -> None:
    _bound(bounds, watch)

    def report(done: int, total: int) -> None:
        send.send(("progress", (done, total)))

    answer(send, _outcome(task, report))


def _bound(bounds: Bounds, watch: Connection) -> None:
    """The worker's own process group and memory limit, and its death with the build's."""
    if GROUPS:
        os.setpgrp()
    if resource:
        limit = bounds.memory_mib * 1024 * 1024
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:  # a machine's own cap stays, and may be lower
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    threading.Thread(target=_die_with_build, args=(watch,), daemon=True).start()


def _outcome(task: Call, report: Progress) -> tuple[str, Any]:
    try:
        from .pdf import patches  # a worker draws Thai with the patches; preloaded, this is quick
        patches.install()
        return "done", (task.function(*task.args, report), _usage())
    except WorkshopkitError as error:
        return "error", error
    except MemoryError:
        return "memory", None
    except OSError as error:  # WeasyPrint writes the fonts it loads to temporary files
        return "error", RenderError(_("rendering stopped: could not write a temporary file "
                                      "({reason}); is the disk full?").format(reason=error.strerror))
    except BaseException:  # noqa: BLE001 (a bug: its traceback goes back to the build)
        return "bug", traceback.format_exc()


def answer(send: Connection, message: tuple[str, Any]) -> None:
    """Sends the outcome to the process waiting for it; one too big to pickle in the memory
    left is sent as running out of memory."""
    try:
        send.send(message)
    except MemoryError:
        send.send(("memory", None))


class Resident:
    """A bounded worker that stays alive between calls, for the studio: what a call leaves in
    the worker's modules (a renderer with the documents it laid out) is there for the next, so
    an edit re-renders only what it changed. Each call has the time bound; a call over it, at
    the memory bound or failing, ends the worker, and the next call starts a new one."""

    def __init__(self, bounds: Bounds | None = None):
        self.bounds = bounds or Bounds()
        self._lock = threading.Lock()
        self._worker: multiprocessing.process.BaseProcess | None = None
        self._pipes: tuple[Connection, Connection, Connection] | None = None

    def run(self, task: Call, what: str, progress: Progress | None = None) -> Any:
        """The call's result, from the running worker (started when there is none)."""
        with self._lock:
            if self._worker is None or not self._worker.is_alive() or self._pipes is None:
                self._start()
            assert self._pipes is not None and self._worker is not None
            requests, replies, _lifeline = self._pipes
            try:
                requests.send(task)
                kind, value = _await(replies, time.monotonic() + self.bounds.seconds, progress)
            except (BrokenPipeError, EOFError, OSError):
                kind, value = "died", None
            if kind == "done":
                return value[0]
            if kind == "error":
                raise value
            worker = self._worker
            self.close()
        if kind == "bug":
            raise RuntimeError(f"the render worker failed:\n{value}")
        raise RenderError(_limit_message(kind, what, self.bounds, worker.exitcode))

    def _start(self) -> None:
        self.close()
        context = _context()
        requests_in, requests_out = context.Pipe(duplex=False)
        replies_in, replies_out = context.Pipe(duplex=False)
        watch, lifeline = context.Pipe(duplex=False)
        worker = context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(self.bounds, requests_in, replies_out, watch), name="workshopkit-resident")
        _start(worker)
        for end in (requests_in, replies_out, watch):
            end.close()
        self._worker, self._pipes = worker, (requests_out, replies_in, lifeline)

    def close(self) -> None:
        """Stops the worker, if one runs."""
        if self._worker is not None:
            _stop(self._worker, grace=0.0)
        for end in self._pipes or ():
            end.close()
        self._worker, self._pipes = None, None


def _serve(bounds: Bounds, requests: Connection, send: Connection, watch: Connection) -> None:
    _bound(bounds, watch)

    def report(done: int, total: int) -> None:
        send.send(("progress", (done, total)))

    while True:
        try:
            task = requests.recv()
        except (EOFError, OSError):
            return
        answer(send, _outcome(task, report))


def _usage() -> Usage:
    if not resource:
        return Usage(0.0, 0.0)
    unit = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes there, KiB here
    return Usage(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / unit,
                 resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / unit)


def _die_with_build(watch: Connection) -> None:
    try:
        watch.recv()  # nothing is ever sent: this returns when the build's end closes
    except (EOFError, OSError):
        pass
    if GROUPS:
        os.killpg(0, signal.SIGKILL)
    os._exit(1)


_server_context: multiprocessing.context.BaseContext | None = None
_server_started = False


def _context() -> multiprocessing.context.BaseContext:
    global _server_context
    if _server_context is None:
        if "forkserver" in multiprocessing.get_all_start_methods():
            # a copy of a server that has imported the writers, never of this process, which
            # may hold Pango and fontconfig state a child must not share
            _server_context = multiprocessing.get_context("forkserver")
            _server_context.set_forkserver_preload(list(PRELOADED))
        else:
            _server_context = multiprocessing.get_context("spawn")
    return _server_context
