"""Stage 4 (DOCX): what each document added to a file's body, copied into the next file that
holds it. A pack holds every document again (the participants' pack, the facilitator's), and
copying a document's XML takes a fraction of the time of drawing it again with python-docx.

The copy makes the same file as drawing it again, byte for byte: its pictures are related in
the same order (python-docx keeps one part per distinct picture and reuses its relationship)
and numbered as python-docx numbers a new picture, one past the highest id in the body.
"""
from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

from ...compose import tree as doc

BLIP, EMBED, SHAPE = qn("a:blip"), qn("r:embed"), qn("wp:docPr")
RELATED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass(frozen=True)
class Fragment:
    elements: tuple[etree._Element, ...]  # the body's children the document added
    pictures: dict[str, bytes]  # relationship id in the file it was drawn in -> the picture


class Fragments:
    """The documents one DOCX writer has drawn, by document, for the next files it writes."""

    def __init__(self) -> None:
        self._kept: dict[doc.Document, Fragment] = {}

    def start(self, word: WordDocument) -> int:
        """Where the next document's body begins (before the body's own section properties)."""
        return len(word.element.body) - 1

    def keep(self, word: WordDocument, document: doc.Document, start: int) -> None:
        """Keeps what `document` added to the body since `start`, unless it relates anything
        but pictures (nothing else could be related again in another file)."""
        elements = tuple(word.element.body[start:-1])
        pictures = {}
        for element in elements:
            for node in element.iter():
                for name, value in node.attrib.items():
                    if not name.startswith(RELATED):
                        continue
                    if node.tag != BLIP or name != EMBED:
                        return
                    pictures[value] = word.part.related_parts[value].blob
        self._kept[document] = Fragment(elements, pictures)

    def copied(self, word: WordDocument, document: doc.Document) -> bool:
        """Adds to the body a copy of what `document` added before; False if it was not kept."""
        fragment = self._kept.get(document)
        if fragment is None:
            return False
        end = word.element.body.sectPr
        for element in fragment.elements:
            copy = deepcopy(element)
            shapes = list(copy.iter(SHAPE))
            for blip in copy.iter(BLIP):
                picture = io.BytesIO(fragment.pictures[blip.get(EMBED)])
                blip.set(EMBED, word.part.get_or_add_image(picture)[0])
            if shapes:
                first = word.part.next_id
                for number, shape in enumerate(shapes, start=first):  # as python-docx names them
                    shape.set("id", str(number))
                    shape.set("name", f"Picture {number}")
            end.addprevious(copy)
        return True
