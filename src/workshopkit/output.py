"""Stage 6: the only module that writes files. Lock, temporary file, replace, manifest.

A pack folder is locked for the whole build (flock on the folder itself), so two builds into
one folder never clean up after each other: the second is told the folder is in use. Every
file is first written under a temporary name beside its target; only when all of them are
on disk are they moved into place, the manifest last, so a full disk or a read-only folder
stops a build before anything is replaced and the files and the manifest still agree. What
the previous build wrote and this one did not is removed; what workshopkit never wrote is
only named.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import OutputError
from .i18n import _

try:
    import fcntl
except ImportError:  # Windows: no flock; builds into one folder are then not kept apart
    fcntl = None  # type: ignore[assignment]

MANIFEST = "manifest.json"
OTHER_OUTPUTS = {MANIFEST, "results.pdf", "results.docx"}  # written by other commands
PACK_SUFFIXES = (".pdf", ".docx")


@contextlib.contextmanager
def pack_folder(out: Path, name: str) -> Iterator[Path]:
    """The pack folder `out/name`, created and locked for as long as the block runs; temporary
    files a killed build left in it are removed (no other build can be writing)."""
    root = out.resolve()
    folder = (root / name).resolve()
    if not folder.is_relative_to(root):
        raise OutputError(_("pack folder {folder} would be outside {root}").format(folder=folder, root=root))
    make_folder(folder)
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise OutputError(_("cannot open {path}: {reason}").format(path=folder, reason=exc.strerror))
    try:
        if fcntl:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                    raise OutputError(_("{folder} is in use by another build; try again when it has "
                                        "finished").format(folder=folder))
                raise
        for stale in folder.glob(".*.tmp"):  # left by a build that was killed while writing
            stale.unlink(missing_ok=True)
        yield folder
    finally:
        os.close(handle)  # closing releases the lock


def make_folder(folder: Path) -> None:
    """`folder` and its parents, or a message saying why not."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(_("cannot create {folder}: it is a file, not a folder").format(folder=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("cannot create {folder}: {reason}").format(folder=folder, reason=exc.strerror))


def write_pack(folder: Path, files: Sequence[tuple[str, bytes]], manifest: dict | None
               ) -> list[str]:
    """Every file, then the manifest; returns warnings about files workshopkit did not write.
    With a manifest, the files the previous one listed that are not written again go."""
    previous = _listed(folder / MANIFEST) if manifest is not None else set()
    named = list(files)
    if manifest is not None:
        named.append((MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()))
    write_all([(folder / name, data) for name, data in named])
    if manifest is None:
        return []
    written = {name for name, _ in files}
    for name in previous - written:
        (folder / name).unlink(missing_ok=True)
    return [f"{path}: warning: not written by workshopkit and left as it is; it is not part of "
            f"this pack" for path in sorted(folder.iterdir())
            if path.name not in written | previous | OTHER_OUTPUTS and not path.name.startswith(".")]


def _listed(path: Path) -> set[str]:
    """The pack files an earlier manifest lists: plain PDF and DOCX names in the folder only,
    whatever else a hand-edited manifest says."""
    try:
        documents = json.loads(path.read_text(encoding="utf-8")).get("documents", [])
        names = {str(d["path"]) for d in documents if isinstance(d, dict) and "path" in d}
    except (OSError, ValueError, AttributeError, TypeError):
        return set()
    return {n for n in names if Path(n).name == n and not n.startswith(".")
            and Path(n).suffix in PACK_SUFFIXES}


def write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """All of them under temporary names first, then each moved into place."""
    staged: list[tuple[Path, Path]] = []
    where = files[0][0] if files else Path(".")
    try:
        for where, data in files:
            staged.append((_temporary(where, data), where))
    except OSError as exc:
        for temporary, _target in staged:
            temporary.unlink(missing_ok=True)
        raise OutputError(_("cannot write {path}: {reason}; nothing was replaced").format(
            path=where, reason=exc.strerror))
    try:
        for temporary, where in staged:
            os.replace(temporary, where)
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}").format(path=where, reason=exc.strerror))
    finally:
        for temporary, _target in staged:
            temporary.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """One file; `mode` keeps an existing file's permissions (a private definition stays so)."""
    try:
        temporary = _temporary(path, data, mode)
        try:
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(_("cannot write {path}: {reason}").format(path=path, reason=exc.strerror))


def rewrite_source(path: Path, text: str) -> Path:
    """Replace a definition with `text` after keeping the original beside it; returns the
    backup's path. A link is written through to its target; the mode and a byte-order mark
    the file had stay."""
    target = path.resolve()
    try:
        original = target.read_bytes()
        mode = target.stat().st_mode & 0o7777
    except OSError as exc:
        raise OutputError(_("cannot read {path}: {reason}").format(path=path, reason=exc.strerror))
    backup = target.with_name(target.name + ".bak")
    write_atomic(backup, original, mode)
    bom = b"\xef\xbb\xbf" if original.startswith(b"\xef\xbb\xbf") else b""
    write_atomic(target, bom + text.encode("utf-8"), mode)
    return backup


def _temporary(path: Path, data: bytes, mode: int | None = None) -> Path:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False)
    name = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:  # a temporary file is private (0600); a new file gets the usual mode
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(name, mode)
    except BaseException:
        name.unlink(missing_ok=True)
        raise
    return name


def kept(path: Path, make: Callable[[], bytes]) -> bytes:
    """What `make()` returns, kept as `path` (in the cache folder, named for whatever the bytes
    are made from): a later process reads them back instead of making them again. A cache that
    cannot be read or written, or a kept file that is not whole, only costs the time of making
    the bytes here."""
    with contextlib.suppress(OSError):
        stored = path.read_bytes()
        digest, data = stored[:32], stored[32:]
        if hashlib.sha256(data).digest() == digest:
            return data
    data = make()
    with contextlib.suppress(OSError, OutputError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, hashlib.sha256(data).digest() + data)
    return data


def recalled(path: Path) -> dict[str, str]:
    """What `remember` kept at `path`; nothing when it cannot be read."""
    with contextlib.suppress(OSError, ValueError):
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, dict):
            return {str(key): str(value) for key, value in kept.items()}
    return {}


def remember(path: Path, learned: dict[str, str], keep: int = 5000) -> None:
    """`learned` added to what is kept at `path`, of which the newest `keep` entries stay. A
    cache that cannot be written only makes the next build slower."""
    if not learned:
        return
    kept = {key: value for key, value in recalled(path).items() if key not in learned}
    entries = list({**kept, **learned}.items())[-keep:]
    with contextlib.suppress(OSError, OutputError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(dict(entries), indent=0).encode())


def cache_folder() -> Path:
    """The user's cache folder for workshopkit (XDG_CACHE_HOME, else ~/.cache)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # as the XDG specification says: a relative one is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "workshopkit"


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A private temporary folder, removed with what is in it when the block ends: the studio
    keeps an uploaded roster there, and the pack it builds to send as a zip."""
    with tempfile.TemporaryDirectory(prefix="workshopkit-") as folder:
        yield Path(folder)
