"""Compose: every document of a workshop's pack, in agenda order (`compose_all`: the one place
that decides which documents a workshop has; a worksheet stands where its activity first
comes in the agenda), and what the front matter takes from the workshop (`cover_facts`), so
that the render worker composes the front from page counts without the definition's model.
"""
from __future__ import annotations

from ..definition import model
from ..wording.style import Style
from . import tree as doc
from .action_plan import compose_action_plan
from .agenda import compose_agenda, date_line, venue_line
from .cover import CoverFacts
from .facilitator_checklist import compose_facilitator_checklist
from .self_assessment import compose_self_assessment
from .session_plan import compose_session_plan
from .style import style_of
from .survey_sheet import compose_survey_sheet
from .worksheet import compose_worksheet


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


def cover_facts(workshop: model.Workshop, style: Style) -> CoverFacts:
    """The title, the organiser, the dates and the venue, as the cover prints them."""
    return CoverFacts(workshop.title, workshop.subtitle or "",
                      (doc.text(workshop.organiser.name, style="center"), date_line(workshop, style),
                       venue_line(workshop, style)))


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
