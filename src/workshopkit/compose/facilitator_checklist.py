"""Composer: a process a facilitator ticks through (the seven steps of social development,
a province's six steps): a tick box, the step, and room for the date and a note."""
from __future__ import annotations

from collections.abc import Sequence

from ..definition import model
from ..wording.style import Style
from . import tree as doc
from .common import cell


def compose_facilitator_checklist(checklist: model.Checklist, style: Style) -> doc.Document:
    """A process the facilitator ticks through, a row per step."""
    head = (doc.Row((cell(style.label("done"), "head"), cell(style.label("step"), "head"),
                     cell(style.label("when_note"), "head")), "head"),)
    rows = tuple(_rows(checklist.items, style, "", 0))
    blocks: list[doc.Block] = [doc.Table((9, 63, 28), head, rows)]
    if checklist.source:
        blocks.append(doc.text(f"{style.label('source')}: {checklist.source}", style="note"))
    return doc.Document("facilitator-checklist", f"checklist-{checklist.id}", checklist.title,
                        "facilitator", tuple(blocks))


def _rows(steps: Sequence[model.Step], style: Style, prefix: str, depth: int) -> list[doc.Row]:
    out = []
    for n, step in enumerate(steps, start=1):
        number = f"{prefix}{n}" if prefix else f"{n}."
        out.append(doc.Row((doc.Cell(kind="tick"),
                            cell(f"{style.num(number)} {step.text}", "label", indent=min(depth, 2)),
                            doc.Cell(kind="write"))))
        out += _rows(step.steps, style, f"{prefix}{n}." if prefix else f"{n}.", depth + 1)
    return out
