"""Composer: the 5W+1H action-plan form (แผนปฏิบัติการ): goal lines, then issue rows
against the plan's columns (what / why / who / where / when / how, as the definition names them)."""
from __future__ import annotations

from ..definition import model
from ..wording.style import Style
from . import tree as doc
from .common import body_rows, cell
from .worksheet import fields


def compose_action_plan(plan: model.ActionPlan, style: Style) -> doc.Document:
    """The action-plan form: its header fields, goal lines, the plan table and, at its foot,
    the signature lines (by default one for whoever prepared the plan)."""
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
    signers = plan.signatures
    if signers is None:
        signers = [model.Signer(role=style.label("plan_author"))]
    if signers:
        blocks.append(signature(signers, style))
    return doc.Document("action-plan", "action-plan", plan.title, "participant", tuple(blocks),
                        subtitle=plan.subtitle or "", orientation="landscape", activity=plan.activity,
                        collected=plan.collected)


def signature(signers: list[model.Signer], style: Style) -> doc.Signature:
    """Signature lines as Thai documents print them: ลงชื่อ ........ role, (name), ตำแหน่ง ........"""
    return doc.Signature(tuple(doc.Signer(style.label("sign"), s.role or "", s.name or "",
                                          style.label("position"), s.position or "") for s in signers))
