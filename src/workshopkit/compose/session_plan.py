"""Composer: the facilitator's session plan (แผนการจัดกระบวนการเรียนรู้).

One card per activity: objective, content, method steps (nested steps kept), media (links
as QR codes a facilitator can scan from the page), minutes, expected result, and the
worksheets, forms and surveys it uses; then the facilitation tips.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..definition import model
from ..wording.style import Style
from . import tree as doc
from .common import cell, numbered, paragraphs

KEEP_CODES = 6  # rows with up to six QR codes (about 16 cm) are kept on one page


def compose_session_plan(workshop: model.Workshop, style: Style,
                         materials: dict[str, list[str]]) -> doc.Document:
    """The facilitator's session plan: each activity's objectives, steps, media and the sheets
    (`materials`) it uses."""
    blocks: list[doc.Block] = []
    if workshop.objectives:
        blocks += [doc.Heading(style.label("workshop_objectives"), 3),
                   paragraphs(workshop.objectives, style)]
    if workshop.expected_results:
        blocks += [doc.Heading(style.label("workshop_results"), 3),
                   paragraphs(workshop.expected_results, style)]
    blocks += [doc.Heading(style.label("overview"), 3), _overview(workshop, style)]
    for number, activity in enumerate(workshop.activities, start=1):
        blocks.append(doc.Heading(f"{style.label('activity')} {style.num(number)} {activity.title}", 3))
        blocks.append(_card(workshop, activity, style, materials.get(activity.id, [])))
    if workshop.facilitation_tips:
        blocks += [doc.Heading(style.label("tips"), 3),
                   doc.ItemList(numbered(workshop.facilitation_tips, style,
                                         formats=("{n}.", "–")))]
    return doc.Document("session-plan", "session-plan", style.label("session_plan"), "facilitator",
                        tuple(blocks), subtitle=workshop.title)


def agenda_slots(workshop: model.Workshop, style: Style) -> dict[str, list[str]]:
    """Where each activity stands in the agenda, e.g. `วันที่ 1 09.20 – 10.30 น.`."""
    found: dict[str, list[str]] = {}
    for number, day in enumerate(workshop.agenda.days, start=1):
        for item, slot in zip(day.items, day.slots(), strict=True):
            if item.activity:
                found.setdefault(item.activity, []).append(
                    f"{style.label('day')} {style.num(number)} {style.time_range(slot)}")
    return found


def _overview(workshop: model.Workshop, style: Style) -> doc.Table:
    slots = agenda_slots(workshop, style)
    head = (doc.Row((cell(style.label("activity_name"), "head"), cell(style.label("in_agenda"), "head"),
                     cell(style.label("minutes"), "head")), "head"),)
    rows = tuple(
        doc.Row((cell(f"{style.num(n)}. {a.title}"),
                 doc.Cell(tuple(doc.text(s) for s in slots.get(a.id, []))),
                 cell(style.minutes(a.minutes) if a.minutes else "")))
        for n, a in enumerate(workshop.activities, start=1))
    return doc.Table((58, 28, 14), head, rows)


def _card(workshop: model.Workshop, activity: model.Activity, style: Style,
          materials: list[str]) -> doc.Table:
    rows: list[tuple[str, tuple[doc.Block, ...]]] = []
    if activity.topics:
        rows.append(("topics", (doc.ItemList(numbered(activity.topics, style)),)))
    objectives = activity.objectives
    rows.append(("objectives", (paragraphs(objectives, style),) if len(objectives) > 1
                 else (doc.text(objectives[0]),)))
    rows.append(("method", (doc.ItemList(numbered(activity.steps, style)),)))
    if activity.media:
        rows.append(("media", (doc.MediaList(_media(activity.media, style, "")),)))
    surveys = [s for s in workshop.surveys if s.id in activity.surveys]
    if surveys:
        rows.append(("surveys", tuple(doc.QRCard(s.url, s.title, size_mm=25) for s in surveys)))
    if materials:
        rows.append(("materials", (doc.ItemList(tuple(doc.ListItem("–", m) for m in materials)),)))
    if activity.minutes:
        rows.append(("minutes", (doc.text(style.minutes(activity.minutes)),)))
    if activity.expected:
        rows.append(("expected", (paragraphs(activity.expected, style),) if len(activity.expected) > 1
                     else (doc.text(activity.expected[0]),)))
    body = tuple(doc.Row((cell(style.label(key), "label"), doc.Cell(blocks)),
                         "keep" if 0 < _codes(blocks) <= KEEP_CODES else "body")
                 for key, blocks in rows)
    return doc.Table((21, 79), (), body, style="plan")


def _codes(blocks: Sequence[doc.Block]) -> int:
    """How many QR codes the blocks draw."""
    def media(items: Sequence[doc.Media]) -> int:
        return sum(bool(item.url) + media(item.children) for item in items)
    return sum(media(b.items) if isinstance(b, doc.MediaList) else isinstance(b, doc.QRCard)
               for b in blocks)


def _media(items: tuple[model.Media, ...] | list[model.Media], style: Style,
           prefix: str) -> tuple[doc.Media, ...]:
    out = []
    for n, item in enumerate(items, start=1):
        number = f"{prefix}{n}" if prefix else f"{n}."
        out.append(doc.Media(style.num(number), item.title, item.url,
                             _media(item.items, style, f"{prefix or ''}{n}.")))
    return tuple(out)
