"""Work for the other core, inside the render worker: a `Beside` is a child forked before the
worker starts Pango (a helper that lays out and paints documents, or writes DOCX, or makes the
front matter), and `Turns` hands the documents out to whichever process is free, and gathers
the page counts each one's layout gave for the process that makes the front.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from ..errors import WorkshopkitError
from .bounded import answer


class Beside:
    """Work for the other core: a child of this worker, forked now, runs `ready()` at once (the
    work that needs nothing the worker has yet), then `function(*args)` with the arguments given
    later, after what `ready()` returned when there is a `ready`. For work that needs no Pango,
    such as writing DOCX: the child shares the worker's fonts, bounds and process group, but a
    forked copy of Pango's state must not be used.
    Where fork is missing, everything runs when the result is asked for."""

    def __init__(self, function: Callable[..., Any], ready: Callable[[], Any] | None = None):
        self.function, self.ready = function, ready
        self._args: tuple[Any, ...] = ()
        self._child: multiprocessing.process.BaseProcess | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            orders, self._orders = context.Pipe(duplex=False)
            self._answers, answers = context.Pipe(duplex=False)
            self._child = context.Process(target=self._run, args=(orders, answers), name="workshopkit-beside")
            self._child.start()
            orders.close()
            answers.close()

    def give(self, *args: Any) -> None:
        """The arguments for `function`: it starts in the child now."""
        if self._child is None:
            self._args = args
            return
        self._orders.send(args)
        self._orders.close()

    def result(self) -> Any:
        """What `function` returned, once it has; what it raised is raised here."""
        if self._child is None:
            return self.function(*self._prepared(), *self._args)
        try:
            kind, value = self._answers.recv()
        except EOFError:
            kind, value = "died", None
        finally:
            self._answers.close()
            self._child.join()
        if kind == "done":
            return value
        if kind == "error":
            raise value
        if kind == "memory":
            raise MemoryError
        raise RuntimeError(f"the render worker's helper failed:\n{value}")

    def close(self) -> None:
        """Stops the child if its result was not asked for (the worker failed before)."""
        if self._child is not None and self._child.is_alive():
            self._child.kill()
            self._child.join()

    def _prepared(self) -> tuple[Any, ...]:
        return (self.ready(),) if self.ready else ()

    def _run(self, orders: Connection, answers: Connection) -> None:
        try:
            prepared = self._prepared()
            outcome: tuple[str, Any] = ("done", self.function(*prepared, *orders.recv()))
        except EOFError:  # the worker ended without giving the arguments
            os._exit(0)
        except WorkshopkitError as error:
            outcome = ("error", error)
        except MemoryError:
            outcome = ("memory", None)
        except BaseException:  # noqa: BLE001 (a bug: its traceback goes back to the worker)
            outcome = ("bug", traceback.format_exc())
        answer(answers, outcome)
        answers.close()
        os._exit(0)  # not the worker's exit handlers: they belong to the worker


class Turns:
    """Indices 0..count-1 handed out one at a time to whichever process asks first: the render
    worker and a Beside made after this share them, so that each takes the next document as
    soon as it is free (how long one takes to lay out is only known once it is). Iterating
    gives the indices this process takes; each taker says how many pages its turn gave
    (`laid_out`), and one process may wait for them all (`pages`)."""

    def __init__(self, count: int):
        self.count = count
        fork = "fork" in multiprocessing.get_all_start_methods()
        # inherited by a Beside forked after it; without fork, one process takes every turn
        context = multiprocessing.get_context("fork") if fork else None
        self._next = context.Value("i", 0) if context else None
        self._taken = 0
        self._pages = context.RawArray("i", count) if context else [0] * count
        self._said = context.Semaphore(0) if context else None

    def __iter__(self) -> Iterator[int]:
        while True:
            if self._next is None:
                index, self._taken = self._taken, self._taken + 1
            else:
                with self._next.get_lock():
                    index = self._next.value
                    self._next.value = index + 1
            if index >= self.count:
                return
            yield index

    def laid_out(self, index: int, pages: int) -> None:
        """Says that the document of turn `index` laid out to `pages` pages."""
        self._pages[index] = pages
        if self._said is not None:
            self._said.release()

    def pages(self) -> list[int]:
        """Each turn's page count, once every turn has said it (waits until then). One
        process asks; without fork, the one process has taken every turn before it asks."""
        if self._said is not None:
            for _turn in range(self.count):
                self._said.acquire()
        return list(self._pages)
