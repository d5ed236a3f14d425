"""Stage 3 of the flow: the format-neutral document tree.

Composers (compose/) build these blocks; writers (writers/) draw them. A block says *what*
is on the page (a table with tick boxes, a blank to fill in), never how it looks in a
given format, so that the PDF and the DOCX cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Blank:
    """A line to write on, inside running text (`ชื่อ ..........`)."""

    width: float = 8.0  # in em


@dataclass(frozen=True)
class Strong:
    text: str


Inline = str | Blank | Strong


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]
    style: Literal["", "center", "lead", "note", "emphasis", "hint"] = ""


@dataclass(frozen=True)
class ListItem:
    number: str  # printed as is ("1.", "2.1", "1)"): numbering is content, decided in compose/
    text: str
    children: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class ItemList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Media:
    """A teaching medium; with a URL it prints as a QR code beside its title."""

    number: str
    title: str
    url: str | None = None
    children: tuple[Media, ...] = ()
    size_mm: float = 25.0  # 2.5 cm: the smallest QR code that phones read from paper reliably


@dataclass(frozen=True)
class MediaList:
    items: tuple[Media, ...]


@dataclass(frozen=True)
class QRCard:
    """A QR code large enough to scan from paper, with its title, purpose and printed URL."""

    url: str
    title: str
    text: str = ""
    size_mm: float = 32.0
    shown: str = ""  # the link printed for typing, when the code holds a longer personal one
    note: str = ""


@dataclass(frozen=True)
class Field:
    label: str
    width: float = 10.0  # em of blank
    value: str = ""  # printed on the line when known (a participant's name, their district)
    takes: str = ""  # the participant's detail it is filled with (a roster field), "" for none


@dataclass(frozen=True)
class Fields:
    """Header fields to fill in by hand (`ชื่อ ....... นามสกุล .......`)."""

    items: tuple[Field, ...]


@dataclass(frozen=True)
class Question:
    """A question with its writing space, kept together on one page."""

    number: str
    text: str
    lines: int = 3


@dataclass(frozen=True)
class WritingLines:
    count: int
    number: str = ""


@dataclass(frozen=True)
class Box:
    """A framed free-writing area, `lines` high."""

    label: str = ""
    hint: str = ""
    lines: int = 6


@dataclass(frozen=True)
class Grid:
    """Four boxes, two by two."""

    cells: tuple[Box, Box, Box, Box]


CellKind = Literal["text", "label", "write", "tick", "group", "head"]


@dataclass(frozen=True)
class Cell:
    blocks: tuple[Block, ...] = ()
    kind: CellKind = "text"
    colspan: int = 1
    rowspan: int = 1
    lines: int = 1  # height of a writing cell, in lines of handwriting
    indent: int = 0  # nesting level of a row label

    @property
    def text(self) -> str:
        return " ".join(plain_text(b) for b in self.blocks)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    # keep: a row short enough to keep on one page, whose blocks (QR codes) cannot split;
    # split, its label could be left alone at a page foot
    kind: Literal["body", "head", "group", "muted", "keep"] = "body"


@dataclass(frozen=True)
class Table:
    widths: tuple[float, ...]  # relative column widths, summing to about 100
    head: tuple[Row, ...]
    body: tuple[Row, ...]
    style: Literal["grid", "agenda", "plan"] = "grid"
    title: str = ""


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one group per category, one bar per series; drawn as vector graphics."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, a value per category)
    maximum: float


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (Heading | Paragraph | ItemList | MediaList | QRCard | Fields | Question | WritingLines | Box
         | Grid | Table | BarChart | PageBreak)

Kind = Literal["agenda", "session-plan", "worksheet", "action-plan", "self-assessment",
               "survey-sheet", "sign-in-sheet", "print-checklist", "results-report",
               "facilitator-checklist", "cover"]


@dataclass(frozen=True)
class Document:
    kind: Kind
    slug: str  # file name stem, unique within a pack
    title: str
    audience: Literal["participant", "facilitator"]
    blocks: tuple[Block, ...]
    subtitle: str = ""
    orientation: Literal["portrait", "landscape"] = "portrait"
    activity: str | None = None  # the activity it serves, which places it in agenda order
    stamp: str = ""  # printed in the top corner of every page: whose sheet it is, and the code
    # handed in after the workshop: starts on a front side and ends its own sheet in the packs
    collected: bool = False


def text(*parts: Inline, style: str = "") -> Paragraph:
    return Paragraph(tuple(parts), style)  # type: ignore[arg-type]


def plain_text(block: object) -> str:
    """The words a reader sees in a block, in reading order; for parity checks and tests."""
    if isinstance(block, str):
        return block
    if isinstance(block, Strong):
        return block.text
    if isinstance(block, Blank):
        return ""
    if isinstance(block, Heading):
        return block.text
    if isinstance(block, Paragraph):
        return "".join(plain_text(p) for p in block.parts)
    if isinstance(block, ItemList):
        return "\n".join(_list_text(i) for i in block.items)
    if isinstance(block, MediaList):
        return "\n".join(_media_text(m) for m in block.items)
    if isinstance(block, QRCard):
        return "\n".join(filter(None, [block.title, block.text, block.note, block.shown or block.url]))
    if isinstance(block, Fields):
        return " ".join(f"{f.label} {f.value}".strip() for f in block.items)
    if isinstance(block, Question):
        return f"{block.number} {block.text}".strip()
    if isinstance(block, WritingLines):
        return block.number
    if isinstance(block, Box):
        return "\n".join(filter(None, [block.label, block.hint]))
    if isinstance(block, Grid):
        return "\n".join(plain_text(c) for c in block.cells)
    if isinstance(block, Table):
        rows = [" ".join(c.text for c in row.cells if c.text) for row in block.head + block.body]
        return "\n".join(filter(None, [block.title, *rows]))
    if isinstance(block, BarChart):
        return "\n".join(block.categories)
    return ""


def _list_text(item: ListItem) -> str:
    return "\n".join([f"{item.number} {item.text}".strip(), *(_list_text(c) for c in item.children)])


def _media_text(item: Media) -> str:
    own = f"{item.number} {item.title}".strip() + (f" {item.url}" if item.url else "")
    return "\n".join([own, *(_media_text(c) for c in item.children)])


def document_text(document: Document) -> str:
    return "\n".join(filter(None, [document.title, document.subtitle,
                                   *(plain_text(b) for b in document.blocks)]))
