"""Composer: the organiser's print checklist: what to print, how many copies, pages, sheets
of paper, and single- or double-sided."""
from __future__ import annotations

from collections.abc import Sequence

from ..wording.style import Style
from . import tree as doc
from .common import cell
from .plan import PrintJob


def compose_print_checklist(jobs: Sequence[PrintJob], style: Style, title: str) -> doc.Document:
    """The print jobs as a table, with the sheets of paper they take in all."""
    head = (doc.Row(tuple(cell(style.label(k), "head") for k in
                          ("file", "document", "copies", "pages", "sheets", "sides")), "head"),)
    rows = [doc.Row((cell(job.path), cell(job.title), cell(style.num(job.copies)),
                     cell(style.num(job.pages)), cell(style.num(job.sheets)),
                     cell(style.label("duplex" if job.duplex else "simplex"))))
            for job in jobs]
    rows.append(doc.Row((cell(style.label("total"), "label", colspan=4),
                         cell(style.num(sum(j.sheets for j in jobs))), cell("")), "group"))
    blocks = (doc.text(style.label("checklist_intro"), style="note"),
              doc.Table((27, 29, 9, 9, 12, 14), head, tuple(rows)))
    return doc.Document("print-checklist", "print-checklist", style.label("checklist"),
                        "facilitator", blocks, subtitle=title)
