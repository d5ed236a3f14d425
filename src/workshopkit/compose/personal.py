"""Composer step for one participant: the shared document tree with their name, area and
code on the lines of the header fields, their code in the page corner, and survey QR codes
that open the form with their answers linked to them."""
from __future__ import annotations

import dataclasses

from .. import doc, model
from ..formatting import Style
from ..roster import Participant
from ..surveys import personal_url


def is_personal(document: doc.Document, workshop: model.Workshop) -> bool:
    """Whether a sheet asks for who fills it in (header fields) or carries a personal link;
    the others are the same for everyone and are laid out once."""
    prefilled = {s.url for s in workshop.surveys if s.prefill}
    return any(isinstance(b, doc.Fields) or (isinstance(b, doc.QRCard) and b.url in prefilled)
               for b in document.blocks)


def personalize(document: doc.Document, person: Participant, workshop: model.Workshop,
                style: Style) -> doc.Document:
    urls = {s.url: personal_url(s, person) for s in workshop.surveys if s.prefill}
    note = style.label("qr_personal").format(code=person.code)
    blocks = tuple(_block(b, person, urls, note) for b in document.blocks)
    stamp = f"{person.full_name}  ·  {style.label('code')} {person.code}".strip(" ·")
    return dataclasses.replace(document, blocks=blocks, stamp=stamp)


def _block(block: doc.Block, person: Participant, urls: dict[str, str], note: str) -> doc.Block:
    if isinstance(block, doc.Fields):
        # only a field that asks for the participant (compose decided which) is filled
        return doc.Fields(tuple(dataclasses.replace(f, value=person.value(f.takes) if f.takes else "")
                                for f in block.items))
    if isinstance(block, doc.QRCard) and block.url in urls:
        # the code carries the long personal link; the short one stays printed for typing
        return dataclasses.replace(block, url=urls[block.url], shown=block.url, note=note)
    if isinstance(block, doc.Table):
        rows = tuple(dataclasses.replace(row, cells=tuple(
            dataclasses.replace(c, blocks=tuple(_block(b, person, urls, note) for b in c.blocks))
            for c in row.cells)) for row in block.body)
        return dataclasses.replace(block, body=rows)
    return block
