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
from .writers.docx import DocxWriter
from .writers.pdf import PdfWriter

FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Entry:
    kind: str
    format: str
    path: str
    pages: int | None  # None for DOCX: its pages are only known once a word processor lays it out
    audience: str
    copies: int
    title: str


@dataclass(frozen=True)
class Pack:
    folder: Path
    entries: list[Entry]


@dataclass(frozen=True)
class _Bundle:
    """One output file's worth of documents: a single document, or a pack of several."""

    stem: str
    kind: str
    audience: str
    copies: int
    title: str
    documents: tuple[doc.Document, ...]


def build(definition: Path, out: Path, formats: tuple[str, ...] = FORMATS,
          embed_fonts: bool = True) -> Pack:
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise WorkshopkitError(f"unknown output format {', '.join(unknown)}; use pdf or docx")
    workshop = read_workshop(definition)
    bundles = plan(workshop, compose_all(workshop))
    files: list[tuple[bytes, Entry]] = []
    if "pdf" in formats:
        files += render_pdf(workshop, bundles, definition.parent)
    if "docx" in formats:
        files += render_docx(workshop, bundles, embed_fonts)
    folder = _pack_folder(out, workshop)
    for data, entry in files:
        write_atomic(folder / entry.path, data)
    entries = [entry for _, entry in files]
    manifest = {"workshop": {"id": workshop.id, "title": workshop.title},
                "documents": [asdict(e) for e in entries]}
    write_atomic(folder / "manifest.json",
                 (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return Pack(folder, entries)


def plan(workshop: model.Workshop, documents: list[doc.Document]) -> list[_Bundle]:
    """Every file of the pack: each document alone, then the participants' and the
    facilitator's packs, which gather the documents in agenda order for one print job."""
    copies = workshop.participants or 1
    thai = workshop.language == "th"
    bundles = [_Bundle(d.slug, d.kind, d.audience, copies if d.audience == "participant" else 1,
                       d.title, (d,)) for d in documents]
    bundles.append(_Bundle("participant-pack", "participant-pack", "participant", copies,
                           "ชุดเอกสารผู้เข้าร่วม" if thai else "Participant pack",
                           tuple(d for d in documents if d.audience == "participant")))
    bundles.append(_Bundle("facilitator-pack", "facilitator-pack", "facilitator", 1,
                           "ชุดเอกสารวิทยากร" if thai else "Facilitator pack", tuple(documents)))
    return bundles


def render_pdf(workshop: model.Workshop, bundles: list[_Bundle],
               source_dir: Path) -> list[tuple[bytes, Entry]]:
    """Every bundle as PDF bytes; each document is laid out once and reused by the packs."""
    writer = PdfWriter(source_dir.resolve(), language=workshop.language, digits=workshop.digits,
                       footer=_footer(workshop.organiser), author=workshop.organiser.name)
    rendered = {d.slug: writer.render(d) for b in bundles if len(b.documents) == 1
                for d in b.documents}
    out = []
    for bundle in bundles:
        parts = [rendered[d.slug] for d in bundle.documents]
        pages = sum(len(part.pages) for part in parts)
        out.append((writer.write(parts), _entry(bundle, "pdf", pages)))
    return out


def render_docx(workshop: model.Workshop, bundles: list[_Bundle],
                embed_fonts: bool) -> list[tuple[bytes, Entry]]:
    writer = DocxWriter(language=workshop.language, footer=_footer(workshop.organiser),
                        embed=embed_fonts)
    return [(writer.write(bundle.documents), _entry(bundle, "docx", None)) for bundle in bundles]


def _entry(bundle: _Bundle, fmt: str, pages: int | None) -> Entry:
    return Entry(bundle.kind, fmt, f"{bundle.stem}.{fmt}", pages, bundle.audience, bundle.copies,
                 bundle.title)


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


