"""Stage 5: decides which files a pack holds, for whom and how many copies, and writes them.

The only module that writes files. Everything is rendered in memory first; then each file
goes to a temporary name beside its target and is moved into place, and the manifest comes
last, so an interrupted or failed build never leaves a half-written file behind.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from . import doc, model
from .compose import compose_all
from .definition import read_workshop
from .errors import OutputError, WorkshopkitError
from .writers.pdf import PdfWriter

FORMATS = ("pdf",)


@dataclass(frozen=True)
class Entry:
    kind: str
    format: str
    path: str
    pages: int
    audience: str
    copies: int
    title: str


@dataclass(frozen=True)
class Pack:
    folder: Path
    entries: list[Entry]


def build(definition: Path, out: Path, formats: tuple[str, ...] = FORMATS) -> Pack:
    unsupported = [f for f in formats if f not in FORMATS]
    if unsupported:
        raise WorkshopkitError(f"output format {', '.join(unsupported)} is not available yet; use pdf")
    workshop = read_workshop(definition)
    files = render_pdf(workshop, definition.parent)
    folder = _pack_folder(out, workshop)
    for name, data, _ in files:
        write_atomic(folder / name, data)
    entries = [entry for _, _, entry in files]
    manifest = {"workshop": {"id": workshop.id, "title": workshop.title},
                "documents": [asdict(e) for e in entries]}
    write_atomic(folder / "manifest.json",
                 (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return Pack(folder, entries)


def render_pdf(workshop: model.Workshop, source_dir: Path) -> list[tuple[str, bytes, Entry]]:
    """Every document and both packs as PDF bytes; nothing is written here."""
    documents = compose_all(workshop)
    writer = PdfWriter(source_dir.resolve(), language=workshop.language, digits=workshop.digits,
                       footer=_footer(workshop.organiser), author=workshop.organiser.name)
    rendered = {d.slug: writer.render(d) for d in documents}
    copies = workshop.participants or 1
    out: list[tuple[str, bytes, Entry]] = []

    def add(name: str, kind: str, audience: str, count: int, title: str, parts: list[str]) -> None:
        data = writer.write([rendered[slug] for slug in parts])
        pages = sum(len(rendered[slug].pages) for slug in parts)
        out.append((name, data, Entry(kind, "pdf", name, pages, audience, count, title)))

    for d in documents:
        add(f"{d.slug}.pdf", d.kind, d.audience, copies if d.audience == "participant" else 1,
            d.title, [d.slug])
    participant = [d.slug for d in documents if d.audience == "participant"]
    add("participant-pack.pdf", "participant-pack", "participant", copies,
        "ชุดเอกสารผู้เข้าร่วม" if workshop.language == "th" else "Participant pack", participant)
    add("facilitator-pack.pdf", "facilitator-pack", "facilitator", 1,
        "ชุดเอกสารวิทยากร" if workshop.language == "th" else "Facilitator pack",
        [d.slug for d in documents])
    return out


def _footer(organiser: model.Organiser) -> str:
    name = f"{organiser.name} ({organiser.short_name})" if organiser.short_name else organiser.name
    return "  ·  ".join(filter(None, [name, organiser.web, organiser.email,
                                      f"FB: {organiser.facebook}" if organiser.facebook else None]))


def _pack_folder(out: Path, workshop: model.Workshop) -> Path:
    root = out.resolve()
    folder = (root / str(workshop.id)).resolve()
    if not folder.is_relative_to(root):
        raise OutputError(f"pack folder {folder} would be outside {root}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror}")
    return folder


def write_atomic(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


__all__ = ["build", "render_pdf", "write_atomic", "Pack", "Entry", "doc"]
