"""Composer step for one participant: the shared document tree with their name, area and
code on the lines of the header fields, their code in the page corner, and survey QR codes
that open the form with their answers linked to them."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..people.roster import Participant
from ..people.surveys import personal_url
from ..wording.style import Style
from . import tree as doc

if TYPE_CHECKING:
    from ..definition import model


def is_personal(document: doc.Document, workshop: model.Workshop) -> bool:
    """Whether a sheet asks for who fills it in (header fields) or carries a personal link;
    the others are the same for everyone and are laid out once."""
    prefilled = {s.url for s in workshop.surveys if s.prefill}
    return any(isinstance(b, doc.Fields) or (isinstance(b, doc.QRCard) and b.url in prefilled)
               for b in document.blocks)


def personalize(document: doc.Document, person: Participant, workshop: model.Workshop,
                style: Style) -> doc.Document:
    """The participant's copy of `document`: their details on the fields that ask for them,
    their code in the page corner, their pre-filled survey links in the QR codes."""
    urls = {s.url: personal_url(s, person) for s in workshop.surveys if s.prefill}
    note = style.label("qr_personal").format(code=person.code)
    blocks = mapped(document.blocks, lambda b: _block(b, person, urls, note))
    stamp = f"{person.full_name}  ·  {style.label('code')} {person.code}".strip(" ·")
    # a scanned page is matched to its participant by the code; a blank copy keeps its number
    scan = document.scan and dataclasses.replace(document.scan, who=person.code or f"#{person.number}")
    return dataclasses.replace(document, blocks=blocks, stamp=stamp, scan=scan)


def _block(block: doc.Block, person: Participant, urls: dict[str, str], note: str) -> doc.Block:
    if isinstance(block, doc.Fields):
        # only a field that asks for the participant (compose decided which) is filled
        return doc.Fields(tuple(dataclasses.replace(f, value=person.value(f.takes) if f.takes else "")
                                for f in block.items))
    if isinstance(block, doc.QRCard) and block.url in urls:
        # the code carries the long personal link; the short one stays printed for typing
        return dataclasses.replace(block, url=urls[block.url], shown=block.url, note=note)
    return block


def mapped(blocks: Sequence[doc.Block], change: Callable[[doc.Block], doc.Block]) -> tuple[doc.Block, ...]:
    """The blocks with `change` made to each, those in table cells too."""
    def cells(rows: tuple[doc.Row, ...]) -> tuple[doc.Row, ...]:
        return tuple(dataclasses.replace(row, cells=tuple(
            dataclasses.replace(c, blocks=mapped(c.blocks, change)) for c in row.cells)) for row in rows)

    return tuple(dataclasses.replace(b, head=cells(b.head), body=cells(b.body)) if isinstance(b, doc.Table)
                 else change(b) for b in blocks)


def within(blocks: Sequence[doc.Block]) -> Iterator[doc.Block]:
    """Every block, and those in table cells, in the order they are drawn."""
    for block in blocks:
        yield block
        if isinstance(block, doc.Table):
            for row in (*block.head, *block.body):
                for cell in row.cells:
                    yield from within(cell.blocks)


def personal_sets(workshop: model.Workshop, style: Style, documents: Sequence[doc.Document],
                  people: Sequence[Participant]) -> list[tuple[doc.Document, ...]]:
    """Each participant's sheets in order: their own copy of a personal sheet, the very same
    document where the sheet is the same for everyone (the renderer lays that out once)."""
    personal = [is_personal(d, workshop) for d in documents]
    return [tuple(personalize(d, person, workshop, style) if own else d
                  for d, own in zip(documents, personal, strict=True)) for person in people]


def numbered_sets(documents: Sequence[doc.Document], count: int, style: Style
                  ) -> list[tuple[doc.Document, ...]]:
    """`count` blank sets without a roster, for forms read back from scans: each set's copy of
    such a form carries its number (its pages' QR codes keep the copy's pages together, and
    the page corner says ชุดที่ N); every other sheet is the very same document in every set."""
    return [tuple(dataclasses.replace(d, scan=dataclasses.replace(d.scan, who=f"#{number}"),
                                      stamp=style.say("copy_number", number=style.num(number)))
                  if d.scan else d for d in documents) for number in range(1, count + 1)]
