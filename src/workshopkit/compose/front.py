"""Compose: the facilitator pack's front matter (the print checklist and the cover) for the
page counts a first layout returned. The render worker composes it, from the facts the build
read (compose/cover.py, `CoverFacts`), not from the definition's model.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..wording.style import Style
from . import tree as doc
from .cover import CoverFacts, compose_cover
from .plan import PrintJob, contents, pack_documents, print_jobs
from .print_checklist import compose_print_checklist


@dataclass(frozen=True)
class Front:
    """The facilitator pack's front matter."""

    jobs: list[PrintJob]
    print_checklist: doc.Document
    cover: doc.Document  # with the page each document starts on
    docx_cover: doc.Document  # without: a word processor lays the DOCX out


def compose_front(facts: CoverFacts, style: Style, documents: Sequence[doc.Document],
                  pages: Mapping[str, int], copies: int, run_pages: int | None,
                  extension: str) -> Front:
    """The print jobs, the print checklist and the covers for the page counts in `pages` (by
    slug, the front's own included: guess 1 at first, then lay the front out and compose it
    again until its counts hold)."""
    jobs = print_jobs(style, extension, documents, pages, copies, run_pages)
    checklist = compose_print_checklist(jobs, style, facts.title)
    listed = [checklist, *pack_documents(documents)]
    return Front(jobs, checklist, compose_cover(facts, style, contents(listed, pages)),
                 compose_cover(facts, style, contents(listed, {})))
