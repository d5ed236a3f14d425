"""Compose: the format-neutral document tree.

Composers build these blocks; the writers (render/pdf, render/docx) draw them. A block says
*what* is on the page (a table with tick boxes, a blank to fill in), never how it looks in a
given format, so that the PDF and the DOCX cannot drift apart.

A block type is registered here (`@block`) under its `kind`, and says its own words
(`plain_text`). Each writer draws a kind by name: the PDF template has a macro of that name
(templates/blocks.html.j2), the DOCX writer a `_draw_<kind>` method. Both writers check when
they start that they can draw every registered kind, so a block a writer does not know fails
loudly instead of printing nothing; the parity test takes its list of kinds from `BLOCKS`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal, TypeVar

BLOCKS: dict[str, type[Node]] = {}  # every block type, by kind
_B = TypeVar("_B", bound="type[Node]")


def block(kind: str) -> Callable[[_B], _B]:
    """Registers a block type under `kind`, the name its drawings go by."""
    def register(cls: _B) -> _B:
        if kind in BLOCKS:
            raise ValueError(f"two block types are called {kind}")
        cls.kind = kind
        BLOCKS[kind] = cls
        return cls
    return register


class Node:
    """A block of the tree."""

    kind: ClassVar[str] = ""

    def plain_text(self) -> str:
        """The words a reader sees in the block, in reading order (for parity checks)."""
        raise NotImplementedError(f"{type(self).__name__} does not say its plain text")


@dataclass(frozen=True)
class Blank:
    """A line to write on, inside running text (`ชื่อ ..........`)."""

    width: float = 8.0  # in em


@dataclass(frozen=True)
class Strong:
    """Bold words inside running text."""

    text: str


Inline = str | Blank | Strong


def inline_text(parts: tuple[Inline, ...]) -> str:
    """The words of running text; a blank says none."""
    return "".join(p if isinstance(p, str) else p.text if isinstance(p, Strong) else "" for p in parts)


@block("heading")
@dataclass(frozen=True)
class Heading(Node):
    text: str
    level: int = 2

    def plain_text(self) -> str:
        return self.text


@block("paragraph")
@dataclass(frozen=True)
class Paragraph(Node):
    parts: tuple[Inline, ...]
    style: Literal["", "center", "lead", "note", "emphasis", "hint"] = ""

    def plain_text(self) -> str:
        return inline_text(self.parts)


@dataclass(frozen=True)
class ListItem:
    number: str  # printed as is ("1.", "2.1", "1)"): numbering is content, decided in compose/
    text: str
    children: tuple[ListItem, ...] = ()

    def plain_text(self) -> str:
        """The item and its children, a line each."""
        return "\n".join([f"{self.number} {self.text}".strip(), *(c.plain_text() for c in self.children)])


@block("item_list")
@dataclass(frozen=True)
class ItemList(Node):
    items: tuple[ListItem, ...]

    def plain_text(self) -> str:
        return "\n".join(i.plain_text() for i in self.items)


@dataclass(frozen=True)
class Media:
    """A teaching medium; with a URL it prints as a QR code beside its title."""

    number: str
    title: str
    url: str | None = None
    children: tuple[Media, ...] = ()
    size_mm: float = 25.0  # 2.5 cm: the smallest QR code that phones read from paper reliably

    def plain_text(self) -> str:
        """The medium, its link and its children, a line each."""
        own = f"{self.number} {self.title}".strip() + (f" {self.url}" if self.url else "")
        return "\n".join([own, *(c.plain_text() for c in self.children)])


@block("media_list")
@dataclass(frozen=True)
class MediaList(Node):
    items: tuple[Media, ...]

    def plain_text(self) -> str:
        return "\n".join(m.plain_text() for m in self.items)


@block("qr_card")
@dataclass(frozen=True)
class QRCard(Node):
    """A QR code large enough to scan from paper, with its title, purpose and printed URL."""

    url: str
    title: str
    text: str = ""
    size_mm: float = 32.0
    shown: str = ""  # the link printed for typing, when the code holds a longer personal one
    note: str = ""

    def plain_text(self) -> str:
        return "\n".join(filter(None, [self.title, self.text, self.note, self.shown or self.url]))


@dataclass(frozen=True)
class Field:
    label: str
    width: float = 10.0  # em of blank
    value: str = ""  # printed on the line when known (a participant's name, their district)
    takes: str = ""  # the participant's detail it is filled with (a roster field), "" for none


@block("fields")
@dataclass(frozen=True)
class Fields(Node):
    """Header fields to fill in by hand (`ชื่อ ....... นามสกุล .......`)."""

    items: tuple[Field, ...]

    def plain_text(self) -> str:
        return " ".join(f"{f.label} {f.value}".strip() for f in self.items)


@block("question")
@dataclass(frozen=True)
class Question(Node):
    """A question with its writing space, kept together on one page."""

    number: str
    text: str
    lines: int = 3

    def plain_text(self) -> str:
        return f"{self.number} {self.text}".strip()


@block("writing_lines")
@dataclass(frozen=True)
class WritingLines(Node):
    count: int
    number: str = ""

    def plain_text(self) -> str:
        return self.number


@block("box")
@dataclass(frozen=True)
class Box(Node):
    """A framed free-writing area, `lines` high."""

    label: str = ""
    hint: str = ""
    lines: int = 6

    def plain_text(self) -> str:
        return "\n".join(filter(None, [self.label, self.hint]))


@block("grid")
@dataclass(frozen=True)
class Grid(Node):
    """Four boxes, two by two."""

    cells: tuple[Box, Box, Box, Box]

    def plain_text(self) -> str:
        return "\n".join(c.plain_text() for c in self.cells)


@dataclass(frozen=True)
class Signer:
    """One signature: the line to sign on (`ลงชื่อ ........ ผู้จัดทำแผน`), the name in
    parentheses under it and the position under that; a blank to fill in where not known."""

    sign: str  # the word before the line: ลงชื่อ, Signed
    role: str = ""  # after the line: ผู้จัดทำแผน, ผู้อนุมัติ
    name: str = ""
    position_label: str = ""  # ตำแหน่ง, Position
    position: str = ""
    image: Path | None = None  # the signature drawn on the line (certificates), from the definition's folder

    def plain_text(self) -> str:
        """The signer's words, a line each."""
        return "\n".join(filter(None, [self.sign, self.role,
                                        f"({self.name})" if self.name else "",
                                        f"{self.position_label} {self.position}".strip()]))


@block("signature")
@dataclass(frozen=True)
class Signature(Node):
    """Signature lines side by side, one to three, kept together at the foot of a document."""

    signers: tuple[Signer, ...]

    def plain_text(self) -> str:
        return "\n".join(s.plain_text() for s in self.signers)


@block("certificate")
@dataclass(frozen=True)
class Certificate(Node):
    """One certificate of attendance, a page of its own: the organisation, the heading, the
    participant's name at the size measured to fit it on one line (a line to write on when
    blank), the text, the date it is given, the signers and its number."""

    organisation: str
    title: str
    heading: str
    name: str  # with the prefix; "" for a blank certificate
    name_pt: float  # the name's size, measured to fit one line (paper/measure.py)
    text: str
    given: str  # ให้ไว้ ณ วันที่ 12 มีนาคม พ.ศ. 2569
    signers: tuple[Signer, ...]
    number: str = ""  # เลขที่ 001/2569, "" for a blank line
    logo: Path | None = None  # the organiser's, from the definition's folder

    def plain_text(self) -> str:
        return "\n".join(filter(None, [self.organisation, self.title, self.heading, self.name, self.text,
                                        self.given, *(s.plain_text() for s in self.signers),
                                        self.number]))


@dataclass(frozen=True)
class Badge:
    """One name badge: the name large, fitted to one line, what is under it, the workshop's
    short title, and a small QR code when asked (the code or a personal survey link)."""

    name: str
    name_pt: float
    detail: str = ""
    title: str = ""
    qr: str = ""  # what the QR code holds, "" for none
    surname: str = ""  # on a line of its own when the whole name does not fit one
    surname_pt: float = 0.0
    qr_mm: float = 0.0  # the QR code's width, beside the words

    def plain_text(self) -> str:
        return "\n".join(filter(None, [self.title, self.name, self.surname, self.detail]))


@block("badges")
@dataclass(frozen=True)
class BadgeSheet(Node):
    """A sheet of name badges in a grid of cells `width_mm` x `height_mm`, with cut lines."""

    badges: tuple[Badge, ...]
    columns: int
    width_mm: float
    height_mm: float

    def plain_text(self) -> str:
        return "\n".join(b.plain_text() for b in self.badges)


@block("poster")
@dataclass(frozen=True)
class Poster(Node):
    """A survey for the wall or the projector, a page of its own: the title, the purpose, a QR
    code `size_mm` wide, how to scan it and the link."""

    url: str
    title: str
    text: str
    scan: str
    size_mm: float = 100.0

    def plain_text(self) -> str:
        return "\n".join(filter(None, [self.title, self.text, self.scan, self.url]))


CellKind = Literal["text", "label", "write", "tick", "group", "head"]


@dataclass(frozen=True)
class Cell:
    blocks: tuple[Block, ...] = ()
    kind: CellKind = "text"
    colspan: int = 1
    rowspan: int = 1
    lines: int = 1  # height of a writing cell, in lines of handwriting
    indent: int = 0  # nesting level of a row label
    key: str = ""  # a tick box read back from a scan: its item and level ("1.2:3")

    @property
    def text(self) -> str:
        """The cell's words."""
        return " ".join(b.plain_text() for b in self.blocks)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    # keep: a row short enough to keep on one page, whose blocks (QR codes) cannot split;
    # split, its label could be left alone at a page foot
    kind: Literal["body", "head", "group", "muted", "keep"] = "body"


@block("table")
@dataclass(frozen=True)
class Table(Node):
    widths: tuple[float, ...]  # relative column widths, summing to about 100
    head: tuple[Row, ...]
    body: tuple[Row, ...]
    style: Literal["grid", "agenda", "plan"] = "grid"
    title: str = ""

    def plain_text(self) -> str:
        rows = [" ".join(c.text for c in row.cells if c.text) for row in self.head + self.body]
        return "\n".join(filter(None, [self.title, *rows]))


@block("bar_chart")
@dataclass(frozen=True)
class BarChart(Node):
    """Horizontal bars, one group per category, one bar per series; drawn as vector graphics."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # (name, a value per category)
    maximum: float

    def plain_text(self) -> str:
        return "\n".join(self.categories)


@block("picture")
@dataclass(frozen=True)
class Picture(Node):
    """A picture made by the toolkit (a part of a scanned page, to look at), with its caption."""

    png: bytes
    width_mm: float
    caption: str = ""

    def plain_text(self) -> str:
        return self.caption


@block("page_break")
@dataclass(frozen=True)
class PageBreak(Node):
    def plain_text(self) -> str:
        return ""


Block = Node  # any registered block type

Kind = Literal["agenda", "session-plan", "worksheet", "action-plan", "self-assessment",
               "survey-sheet", "sign-in-sheet", "print-checklist", "results-report",
               "facilitator-checklist", "cover", "certificates", "badges", "survey-poster"]


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
    bare: bool = False  # its blocks are the whole page (a certificate): no title, header or footer
    scan: ScanForm | None = None  # printed to be read back from a scan: corner marks, a QR code a page


@dataclass(frozen=True)
class ScanForm:
    """What every page of a form printed to be read back says of itself in its QR code (the
    render stage adds the page, the page count and the hash of the page's layout)."""

    workshop: str
    form: str  # which form of the workshop: "self-assessment"
    who: str = "#0"  # the participant's code, or "#N" for blank copy N ("#0": the copy to photocopy)


def text(*parts: Inline, style: str = "") -> Paragraph:
    """A paragraph of running text."""
    return Paragraph(tuple(parts), style)  # type: ignore[arg-type]


def plain_text(node: Block | Inline) -> str:
    """The words a reader sees in a block or a piece of running text."""
    return inline_text((node,)) if isinstance(node, (str, Blank, Strong)) else node.plain_text()


def document_text(document: Document) -> str:
    """The words of a whole document, for parity checks and tests."""
    return "\n".join(filter(None, [document.title, document.subtitle,
                                   *(b.plain_text() for b in document.blocks)]))
