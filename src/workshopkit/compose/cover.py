"""Composer: the facilitator pack's cover: the workshop's title and subtitle, the organiser
(and their logo, which the page header draws), dates and venue (blanks where not known yet),
and the pack's contents with the page each document starts on."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..wording.style import Style
from . import tree as doc
from .common import cell


@dataclass(frozen=True)
class CoverFacts:
    """What the cover and the print checklist take from the workshop, read by the build
    (compose/pack.py, `cover_facts`): the render worker composes the front from its page
    counts with these, never with the definition's model."""

    title: str
    subtitle: str
    lines: tuple[doc.Block, ...]  # the organiser, the dates and the venue


def compose_cover(facts: CoverFacts, style: Style,
                  contents: Sequence[tuple[str, int | None]]) -> doc.Document:
    """`contents`: each document's title with its first page in the pack, or None where the
    pages are not known (a DOCX, which a word processor lays out)."""
    numbered = any(page is not None for _, page in contents)
    head = (doc.Row((cell(style.label("document"), "head"),
                     *([cell(style.label("page_no"), "head")] if numbered else [])), "head"),)
    rows = tuple(doc.Row((cell(title), *([cell(style.num(page) if page else "")] if numbered else [])))
                 for title, page in contents)
    blocks: tuple[doc.Block, ...] = (
        doc.text(style.label("facilitator_pack"), style="lead"),
        *facts.lines,
        doc.Heading(style.label("contents"), 3),
        doc.Table((86, 14) if numbered else (100,), head, rows),
    )
    return doc.Document("cover", "cover", facts.title, "facilitator", blocks, subtitle=facts.subtitle)
