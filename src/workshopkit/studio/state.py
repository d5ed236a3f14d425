"""What one running studio holds: its folder, the resident render worker that keeps each
definition's pack laid out, and the print runs and results it is making or has made."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import app
from ..render.bounded import Resident


@dataclass
class Job:
    """A print run or a results report being made: how far it is, and what came of it."""

    done: int = 0
    total: int = 0
    state: str = "running"  # running, done, failed
    message: str = ""


@dataclass
class Studio:
    """The state of one studio."""

    folder: Path
    worker: Resident = field(default_factory=Resident)
    library: list[dict[str, Any]] | None = None
    jobs: dict[str, Job] = field(default_factory=dict)  # by definition path
    results: dict[str, dict[str, bytes]] = field(default_factory=dict)  # by definition path
    scans: dict[str, dict[str, bytes]] = field(default_factory=dict)  # what reading scans made, likewise
    _laid_out: dict[Path, tuple[Any, app.Preview]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def preview(self, path: Path) -> app.Preview:
        """The pack of `path` laid out, again only when a file of its folder changed since."""
        with self._lock:
            seen = _signature(path)
            known = self._laid_out.get(path)
            if known and known[0] == seen:
                return known[1]
            preview = app.preview(path, self.worker)
            self._laid_out[path] = (seen, preview)
            return preview

    def close(self) -> None:
        """Stops the render worker."""
        self.worker.close()


def _signature(path: Path) -> tuple:
    # a definition reads files beside it (extends:, include:, a logo, templates): any change
    # in its folder lays it out again; the studio's own output folders do not count
    # (and its sub-folders, one level down: templates/, checklists/)
    folder = path.parent
    files = [p for p in (*folder.glob("*"), *folder.glob("*/*")) if p.is_file()
             and not any(part.startswith(".") or part == "out" for part in p.relative_to(folder).parts)]
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))
