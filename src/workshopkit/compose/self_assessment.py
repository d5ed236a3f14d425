"""Composer: the competency self-assessment (แบบประเมินตนเอง): header fields, objectives,
instructions, then every role with its sub-items, rating boxes 1..N and a remarks column."""
from __future__ import annotations

from ..definition import model
from ..wording.style import Style
from . import tree as doc
from .common import cell, outline
from .worksheet import fields

SCAN_FORM = "sa"  # the self-assessment, as its pages' QR codes name it


def compose_self_assessment(form: model.SelfAssessment, style: Style, workshop: str | None = None
                            ) -> doc.Document:
    """The 1-4 self-assessment: a tick box per level and a remark for each sub-item, under its
    role; with the `workshop`'s id, printed to be read back from a scan (`doc.ScanForm`)."""
    blocks: list[doc.Block] = []
    if form.fields:
        blocks.append(fields(form.fields))
    section = 0
    for part in (form.objectives, form.instructions):
        if part:
            section += 1
            blocks.append(doc.Heading(f"{style.num(section)}. {part.text}", 3))
            blocks.append(doc.ItemList(outline(part.steps, style, str(section))))
    blocks.append(_table(form, style))
    return doc.Document("self-assessment", "self-assessment", form.title, "participant",
                        tuple(blocks), subtitle=form.subtitle or "", activity=form.activity,
                        collected=form.collected,
                        scan=doc.ScanForm(workshop, SCAN_FORM) if workshop else None)


def _table(form: model.SelfAssessment, style: Style) -> doc.Table:
    levels = form.scale.levels
    remarks = bool(form.remarks_column)
    head_top = [cell(form.role_column or style.label("role"), "head", rowspan=2),
                cell(form.scale.label or style.label("rating"), "head", colspan=levels)]
    if remarks:
        head_top.append(cell(form.remarks_column or "", "head", rowspan=2))
    head = (doc.Row(tuple(head_top), "head"),
            doc.Row(tuple(cell(style.num(level), "head") for level in range(1, levels + 1)), "head"))
    rows: list[doc.Row] = []
    width = levels + 1 + (1 if remarks else 0)
    for r, role in enumerate(form.roles, start=1):
        rows.append(doc.Row((cell(f"{style.num(r)}. {role.title}", "group", colspan=width),), "group"))
        for i, item in enumerate(role.items, start=1):
            cells = [cell(f"{style.num(f'{r}.{i}')} {item}", "label", indent=1),
                     *(doc.Cell(kind="tick", key=f"{r}.{i}:{level}") for level in range(1, levels + 1))]
            if remarks:
                cells.append(doc.Cell(kind="write"))
            rows.append(doc.Row(tuple(cells)))
    tick = 6.5
    label = 100 - tick * levels - (24 if remarks else 0)
    widths = (label, *(tick,) * levels, *((24.0,) if remarks else ()))
    return doc.Table(widths, head, tuple(rows))
