"""Compose, the last step: which files a pack holds, for whom, how many copies, and which
documents each gathers, decided before anything is rendered and the same in every format.

The print checklist and the facilitator pack's cover list page counts; those come from a
first layout that the renderer returns (`pages`, by document slug), never from the renderer
composing anything itself.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..wording.style import Style
from . import tree as doc

if TYPE_CHECKING:
    pass

PRINT_RUN = "participants-print.pdf"
FRONT = ("cover", "print-checklist")  # the facilitator pack's first documents, which count it
# files of their own for the day (compose/roster_day.py), gathered in no pack
STANDALONE = ("certificates", "badges", "survey-poster")


@dataclass(frozen=True)
class Bundle:
    """One output file's worth of documents: a single document, or a pack of several."""

    stem: str
    kind: str
    audience: str
    copies: int
    title: str
    documents: tuple[doc.Document, ...]
    own_sheets: bool = False  # collected forms on sheets of their own (the participants' pack)


@dataclass(frozen=True)
class Entry:
    """One written file as the manifest lists it."""

    kind: str
    format: str
    path: str
    pages: int | None  # None for DOCX: its pages are only known once a word processor lays it out
    audience: str
    copies: int
    title: str

    @classmethod
    def of(cls, bundle: Bundle, fmt: str, pages: int | None) -> Entry:
        """The entry of `bundle` drawn in format `fmt`."""
        return cls(bundle.kind, fmt, f"{bundle.stem}.{fmt}", pages, bundle.audience, bundle.copies,
                   bundle.title)


@dataclass(frozen=True)
class PrintJob:
    """One line of the print checklist: a file, its copies and its pages."""

    path: str
    title: str
    copies: int
    pages: int
    duplex: bool

    @property
    def sheets(self) -> int:
        """Sheets of paper for all copies."""
        per_copy = math.ceil(self.pages / 2) if self.duplex else self.pages
        return per_copy * self.copies


def plan(style: Style, documents: Sequence[doc.Document], copies: int,
         print_checklist: doc.Document, cover: doc.Document) -> list[Bundle]:
    """Every file of the pack: the print checklist and each document alone, then the
    participants' and the facilitator's packs, which gather the documents in agenda order for
    one print job; the facilitator's opens with its cover and the print checklist."""
    bundles = [Bundle(d.slug, d.kind, d.audience, copies if d.audience == "participant" else 1,
                      d.title, (d,)) for d in [print_checklist, *documents]]
    packed = pack_documents(documents)
    bundles.append(Bundle("participant-pack", "participant-pack", "participant", copies,
                          style.label("participant_pack"), participant_documents(packed),
                          own_sheets=True))
    bundles.append(Bundle("facilitator-pack", "facilitator-pack", "facilitator", 1,
                          style.label("facilitator_pack"), (cover, print_checklist, *packed)))
    return bundles


def pack_documents(documents: Sequence[doc.Document]) -> tuple[doc.Document, ...]:
    """The documents the packs gather: not the certificates, badges or poster."""
    return tuple(d for d in documents if d.kind not in STANDALONE)


def participant_documents(documents: Sequence[doc.Document]) -> tuple[doc.Document, ...]:
    """The sheets every participant gets, in agenda order."""
    return tuple(d for d in documents if d.audience == "participant")


def duplex_order(documents: Sequence[doc.Document], pages: Mapping[str, int]) -> list[int | None]:
    """The pages of the documents printed one after another on a duplex printer, as the index
    of the document each page comes from, None for a blank back: a form that is handed in
    (`collected`) starts on a front side and ends its own sheet, so collecting it takes no
    other sheet's page with it. The plan counts these; the renderer assembles them."""
    order: list[int | None] = []
    for index, document in enumerate(documents):
        if document.collected and len(order) % 2:
            order.append(None)
        order += [index] * pages[document.slug]
        if document.collected and len(order) % 2:
            order.append(None)
    return order


def duplex_count(documents: Sequence[doc.Document], pages: Mapping[str, int]) -> int:
    """Pages of the documents printed one after another on a duplex printer, blank backs included."""
    return len(duplex_order(documents, pages))


def print_jobs(style: Style, extension: str, documents: Sequence[doc.Document],
               pages: Mapping[str, int], copies: int, run_pages: int | None) -> list[PrintJob]:
    """What the organiser sends to the printer: the participants' sets (one personal print run,
    or the pack in copies), the facilitator's pack and the sign-in sheet."""
    jobs = []
    if run_pages is not None:
        jobs.append(PrintJob(PRINT_RUN, style.label("print_job"), 1, run_pages, True))
    else:
        jobs.append(PrintJob(f"participant-pack.{extension}", style.label("participant_pack"), copies,
                             duplex_count(participant_documents(documents), pages), True))
    front = sum(pages[slug] for slug in FRONT)
    jobs.append(PrintJob(f"facilitator-pack.{extension}", style.label("facilitator_pack"), 1,
                         front + sum(pages[d.slug] for d in pack_documents(documents)), True))
    jobs.append(PrintJob(f"sign-in.{extension}", style.label("sign_in"), 1, pages["sign-in"], False))
    for document in documents:
        if document.kind in STANDALONE:
            title = document.title
            if document.kind == "survey-poster":  # one page on the wall for a sheet per person
                title += " " + style.say("poster_instead", count=style.num(copies))
            jobs.append(PrintJob(f"{document.slug}.{extension}", title, 1, pages[document.slug], False))
    return jobs


def contents(documents: Sequence[doc.Document], pages: Mapping[str, int]) -> list[tuple[str, int | None]]:
    """Each document of the facilitator pack with the page it starts on, after the cover;
    without `pages` (a DOCX, which a word processor lays out), with none."""
    page = pages.get("cover", 1) + 1
    listed: list[tuple[str, int | None]] = []
    for document in documents:
        listed.append((document.title, page if pages else None))
        page += pages.get(document.slug, 0)
    return listed


def without_front(bundles: Sequence[Bundle]) -> list[Bundle]:
    """The files of a plan that hold none of the front matter: the same whatever the page
    counts turn out to be."""
    return [b for b in bundles if not any(d.slug in FRONT for d in b.documents)]


def longest_first(documents: Sequence[doc.Document]) -> list[doc.Document]:
    """The documents in the order two processes laying them out take them, the longest to lay
    out first, so that neither is left with a long one at the end. A document costs its words
    and, far more each, its table rows (a sign-in sheet is little text)."""
    def cost(document: doc.Document) -> int:
        rows = sum(len(b.body) for b in document.blocks if isinstance(b, doc.Table))
        return len(doc.document_text(document)) + 140 * rows

    return sorted(documents, key=cost, reverse=True)
