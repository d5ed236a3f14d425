"""Compose: one composer per document kind turns the model into document trees (tree.py),
and plan.py gathers them into the files of a pack.

`compose_all` is the one place that decides which documents a workshop has and puts
them in agenda order: a worksheet stands where its activity first comes in the agenda.
`compose_front` makes the facilitator pack's front matter (the print checklist and the
cover) for the page counts a first layout returned.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..definition import model
from . import tree as doc
from .action_plan import compose_action_plan
from .agenda import compose_agenda
from .cover import compose_cover
from .facilitator_checklist import compose_facilitator_checklist
from .plan import PrintJob, contents, pack_documents, print_jobs
from .print_checklist import compose_print_checklist
from .self_assessment import compose_self_assessment
from .session_plan import compose_session_plan
from .style import style_of
from .survey_sheet import compose_survey_sheet
from .worksheet import compose_worksheet

__all__ = ["Front", "compose_all", "compose_front", "style_of"]


def compose_all(workshop: model.Workshop) -> list[doc.Document]:
    """Every document of the workshop: the agenda, the session plan, then the participants'
    sheets in agenda order."""
    style = style_of(workshop)
    sheets: list[doc.Document] = [compose_worksheet(w, style) for w in workshop.worksheets]
    if workshop.self_assessment:
        sheets.append(compose_self_assessment(workshop.self_assessment, style, str(workshop.id)))
    if workshop.action_plan:
        sheets.append(compose_action_plan(workshop.action_plan, style))
    if workshop.surveys:
        survey_activity = next((a.id for a in workshop.activities if a.surveys), None)
        sheets.append(compose_survey_sheet(workshop, style, survey_activity))
    sheets = _in_agenda_order(workshop, sheets)
    materials: dict[str, list[str]] = {}
    for sheet in sheets:
        if sheet.activity:
            materials.setdefault(sheet.activity, []).append(sheet.title)
    plan = compose_session_plan(workshop, style, materials)
    checklists = [compose_facilitator_checklist(c, style) for c in workshop.checklists]
    return [compose_agenda(workshop, style), plan, *checklists, *sheets]


@dataclass(frozen=True)
class Front:
    """The facilitator pack's front matter."""

    jobs: list[PrintJob]
    print_checklist: doc.Document
    cover: doc.Document  # with the page each document starts on
    docx_cover: doc.Document  # without: a word processor lays the DOCX out


def compose_front(workshop: model.Workshop, documents: Sequence[doc.Document],
                  pages: Mapping[str, int], copies: int, run_pages: int | None,
                  extension: str) -> Front:
    """The print jobs, the print checklist and the covers for the page counts in `pages` (by
    slug, the front's own included: guess 1 at first, then lay the front out and compose it
    again until its counts hold)."""
    style = style_of(workshop)
    jobs = print_jobs(style, extension, documents, pages, copies, run_pages)
    checklist = compose_print_checklist(jobs, style, workshop.title)
    listed = [checklist, *pack_documents(documents)]
    return Front(jobs, checklist, compose_cover(workshop, style, contents(listed, pages)),
                 compose_cover(workshop, style, contents(listed, {})))


def _in_agenda_order(workshop: model.Workshop, documents: list[doc.Document]) -> list[doc.Document]:
    position: dict[str, int] = {}
    for day in workshop.agenda.days:
        for item in day.items:
            if item.activity and item.activity not in position:
                position[item.activity] = len(position)
    for activity in workshop.activities:  # activities not in the agenda keep their own order
        position.setdefault(activity.id, len(position))
    last = len(position)
    return sorted(documents, key=lambda d: position.get(d.activity or "", last))
