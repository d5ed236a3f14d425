"""What compose_all decides: which documents a workshop has, in agenda order."""
from __future__ import annotations

from helpers import REFERENCE

from workshopkit.compose.front import compose_front
from workshopkit.compose.pack import compose_all, cover_facts
from workshopkit.compose.style import style_of
from workshopkit.definition.read import read_workshop


def test_documents_come_in_agenda_order(reference_documents):
    assert list(reference_documents) == [
        "agenda", "session-plan", "worksheet-memories", "worksheet-framework", "worksheet-goals",
        "worksheet-analysis", "self-assessment", "survey-sheet", "action-plan"]


def test_the_front_matter_counts_what_the_first_layout_returned():
    workshop = read_workshop(REFERENCE)
    documents = compose_all(workshop)
    pages = {d.slug: 2 for d in documents} | {"sign-in": 3, "cover": 1, "print-checklist": 1}
    documents = [*documents, documents[0].__class__("sign-in-sheet", "sign-in", "ใบลงทะเบียน",
                                                    "facilitator", ())]
    style = style_of(workshop)
    front = compose_front(cover_facts(workshop, style), style, documents, pages, 30, None, "pdf")
    facilitator = next(j for j in front.jobs if j.path == "facilitator-pack.pdf")
    assert facilitator.pages == 1 + 1 + 2 * (len(documents) - 1) + 3
    listed = [row.cells[1].text for row in front.cover.blocks[-1].body]
    assert listed[:3] == ["2", "3", "5"]  # after the cover: the checklist, then the agenda
    assert all(len(row.cells) == 1 for row in front.docx_cover.blocks[-1].body)
