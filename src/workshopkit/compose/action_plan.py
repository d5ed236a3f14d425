"""Composer: the 5W+1H action-plan form (แผนปฏิบัติการ): goal lines, then issue rows
against the plan's columns (what / why / who / where / when / how, as the definition names them)."""
from __future__ import annotations

from ..definition import model
from ..wording.style import Style
from . import tree as doc
from .common import body_rows, cell
from .worksheet import fields


def compose_action_plan(plan: model.ActionPlan, style: Style) -> doc.Document:
    blocks: list[doc.Block] = []
    if plan.fields:
        blocks.append(fields(plan.fields))
    if plan.goals:
        blocks.append(doc.Heading(plan.goals.title, 3))
        blocks.extend(doc.WritingLines(1, style.num(f"{n}.")) for n in range(1, plan.goals.lines + 1))
    labels = [c.label or style.label(c.key) for c in plan.columns]
    issue = cell(plan.issue_column or style.label("issue"), "head")
    head = (doc.Row((issue, *(cell(label, "head") for label in labels)), "head"),)
    rows = body_rows(plan.rows, ["text"] * len(labels), style, plan.lines)
    share = 80 / len(labels)
    blocks.append(doc.Table((20, *(share,) * len(labels)), head, tuple(rows)))
    return doc.Document("action-plan", "action-plan", plan.title, "participant", tuple(blocks),
                        subtitle=plan.subtitle or "", orientation="landscape", activity=plan.activity,
                        collected=plan.collected)
