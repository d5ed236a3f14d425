"""Definition: the model of the printed forms: worksheets and their blocks, form fields and
what they take from a roster, the action plan with its signers, the self-assessment."""
from __future__ import annotations

import unicodedata
from typing import Annotated, Literal

from pydantic import (
    Field,
)

from .base import MAX_ROWS, ActivityRef, Base, Id, Lines, Step, Text, _text_shorthand


class Question(Base):
    text: Text
    number: str | None = None
    lines: Lines = 3
    _shorthand = _text_shorthand("text")


class Column(Base):
    """A table column. A long label can print as a `short` heading (a number for a narrow tick
    column), with the full label in a key under the table."""

    label: Text
    short: str | None = None
    kind: Literal["text", "tick"] = "text"
    group: str | None = None
    width: Annotated[float, Field(gt=0, le=100)] | None = None
    _shorthand = _text_shorthand("label")


class Row(Base):
    """A table row: labelled, a write-in prompt (`อื่น ๆ (ระบุ)...`), or a group of rows."""

    label: str = ""
    write_in: bool = False
    lines: Lines = 1
    rows: list[Row] = Field(default=[], max_length=MAX_ROWS)
    _shorthand = _text_shorthand("label")


# What a form field can take from the roster; `none` keeps it blank for the hand.
FILLS = ("name", "surname", "full_name", "titled_name", "prefix", "village", "area", "district",
         "province", "group", "code", "phone", "email", "none")
# The only labels that take a participant's details without saying so (compared without case,
# spaces or a closing colon): "ชื่อหมู่บ้าน" or "ชื่อผู้สูงอายุ" asks for something else.
WELL_KNOWN_FIELDS = {
    **dict.fromkeys(("ชื่อ", "name", "firstname", "givenname"), "name"),
    **dict.fromkeys(("นามสกุล", "surname", "lastname", "familyname"), "surname"),
    **dict.fromkeys(("ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อนามสกุล", "fullname", "name-surname"), "full_name"),
    **dict.fromkeys(("คำนำหน้า", "คำนำหน้าชื่อ", "prefix"), "prefix"),
    **dict.fromkeys(("หมู่ที่", "village", "villageno."), "village"),
    **dict.fromkeys(("ตำบล", "subdistrict", "sub-district", "tambon"), "area"),
    **dict.fromkeys(("อำเภอ", "district"), "district"),
    **dict.fromkeys(("จังหวัด", "province"), "province"),
    **dict.fromkeys(("รหัส", "code"), "code"),
}


def field_key(label: str) -> str:
    """A label compared as the well-known labels are: no case, spaces or closing colon."""
    return "".join(unicodedata.normalize("NFC", label).lower().split()).rstrip(":.")


class FormField(Base):
    """A blank on a form's header (ชื่อ ........). It is filled from the roster only when it asks
    for the participant: by `fill`, or by being one of the well-known labels."""

    label: Text
    fill: Literal[FILLS] | None = None  # type: ignore[valid-type]
    _shorthand = _text_shorthand("label")

    @property
    def takes(self) -> str | None:
        """The participant's detail printed on the line, or None to leave it for the hand."""
        if self.fill:
            return None if self.fill == "none" else self.fill
        return WELL_KNOWN_FIELDS.get(field_key(self.label))


class InstructionsBlock(Base):
    type: Literal["instructions"]
    title: str | None = None
    items: list[Step] = Field(min_length=1)


class TextBlock(Base):
    type: Literal["text"]
    text: Text
    emphasis: bool = False


class QuestionsBlock(Base):
    type: Literal["questions"]
    title: str | None = None
    items: list[Question] = Field(min_length=1)


class TableBlock(Base):
    type: Literal["table"]
    title: str | None = None
    label_column: Text
    columns: list[Column] = Field(min_length=1, max_length=20)
    rows: list[Row] = Field(default=[], max_length=MAX_ROWS)
    blank_rows: Annotated[int, Field(strict=True, ge=0, le=60)] = 0
    lines: Lines = 2


class BoxBlock(Base):
    type: Literal["box"]
    label: str | None = None
    hint: str | None = None
    lines: Lines = 6


class GridCell(Base):
    label: Text
    hint: str | None = None
    _shorthand = _text_shorthand("label")


class GridBlock(Base):
    type: Literal["grid"]
    title: str | None = None
    cells: list[GridCell] = Field(min_length=4, max_length=4)
    lines: Lines = 8


class FieldsBlock(Base):
    type: Literal["fields"]
    items: list[FormField] = Field(min_length=1)


Block = Annotated[InstructionsBlock | TextBlock | QuestionsBlock | TableBlock | BoxBlock | GridBlock
                  | FieldsBlock, Field(discriminator="type")]


class Worksheet(Base):
    id: Id
    title: Text
    subtitle: str | None = None
    activity: ActivityRef | None = None
    orientation: Literal["portrait", "landscape"] = "portrait"
    collected: bool = False
    blocks: list[Block] = Field(min_length=1)


W = Literal["what", "why", "who", "where", "when", "how", "output"]


class PlanColumn(Base):
    key: W
    label: str | None = None
    _shorthand = _text_shorthand("key")


class Goals(Base):
    title: Text
    lines: Annotated[int, Field(strict=True, ge=1, le=20)] = 4


class Signer(Base):
    role: str | None = None
    name: str | None = None
    position: str | None = None


class ActionPlan(Base):
    title: Text
    subtitle: str | None = None
    activity: ActivityRef | None = None
    collected: bool = False
    fields: list[FormField] = []
    goals: Goals | None = None
    issue_column: str | None = None
    columns: list[PlanColumn] = Field(default_factory=lambda: [
        PlanColumn(key=k) for k in ("what", "why", "who", "where", "when", "how")])
    rows: list[Row] = Field(min_length=1, max_length=MAX_ROWS)
    lines: Lines = 2
    signatures: list[Signer] | None = Field(None, max_length=3)


class Role(Base):
    title: Text
    items: list[Text] = Field(min_length=1, max_length=MAX_ROWS)


class Scale(Base):
    levels: Annotated[int, Field(strict=True, ge=2, le=7)] = 4
    label: str | None = None


class SelfAssessment(Base):
    title: Text
    subtitle: str | None = None
    activity: ActivityRef | None = None
    collected: bool = True
    fields: list[FormField] = []
    objectives: Step | None = None
    instructions: Step | None = None
    role_column: str | None = None
    remarks_column: str | None = None
    scale: Scale = Scale()
    roles: list[Role] = Field(min_length=1)

