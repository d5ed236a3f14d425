"""Stage 2 of the flow: the typed, validated workshop model (pydantic v2).

No I/O and no formatting here. Cross-references (an agenda item's activity, an activity's
surveys) are checked against the ids found in the raw data, passed in the validation
context, so that they are reported together with every other problem in one run.
"""
from __future__ import annotations

import datetime as dt
import string
import unicodedata
from enum import StrEnum
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..clock import ScheduleError, Slot, clock_text, parse_clock, schedule


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              strict=False, validate_default=False)


def _clock(value: str) -> str:
    return clock_text(parse_clock(value))


def _https(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(f"'{value}' is not an https:// link")
    return value


Text = Annotated[str, Field(min_length=1, strict=True)]
Clock = Annotated[str, Field(strict=True), AfterValidator(_clock)]
HttpsUrl = Annotated[str, Field(strict=True), AfterValidator(_https)]
Id = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
MAX_ROWS = 200  # rows of one table: more is a mistake, and pages no one would print
Minutes = Annotated[int, Field(strict=True, ge=1, le=720)]
Lines = Annotated[int, Field(strict=True, ge=1, le=40)]


def _text_shorthand(key: str):
    """A list entry may be written as plain text: `- ทักทาย` means `- {key: ทักทาย}`."""
    def convert(cls: type, value: Any) -> Any:
        return {key: value} if isinstance(value, str) else value
    return model_validator(mode="before")(classmethod(convert))  # type: ignore[arg-type]


def _reference(kind: str, context_key: str):
    """An id that must name something defined elsewhere in the same workshop."""
    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(context_key)
        if known is not None and value not in known:
            choices = ", ".join(sorted(known)) or "none defined"
            raise PydanticCustomError("unknown_ref", "unknown {kind} '{value}' (defined: {choices})",
                                      {"kind": kind, "value": value, "choices": choices})
        return value
    return AfterValidator(check)


ActivityRef = Annotated[Id, _reference("activity", "activities")]
SurveyRef = Annotated[Id, _reference("survey", "surveys")]


_ITEM_NAMES = {"activities": "activity", "worksheets": "worksheet", "surveys": "survey",
               "checklists": "checklist"}


def _unique_ids(items: list[Any], what: str) -> list[Any]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            raise PydanticCustomError("duplicate_id", "duplicate {what} id '{id}'",
                                      {"what": what, "id": item.id, "index": index, "field": "id"})
        seen.add(item.id)
    return items


class Step(Base):
    """A numbered step or point, with optional nested steps (kept nested when printed)."""

    text: Text
    steps: list[Step] = Field(default=[], max_length=100)
    _shorthand = _text_shorthand("text")


class Organiser(Base):
    name: Text
    short_name: str | None = None
    web: str | None = None
    email: str | None = None
    facebook: str | None = None


class ItemKind(StrEnum):
    session = "session"
    registration = "registration"
    break_ = "break"
    meal = "meal"
    other = "other"


class AgendaItem(Base):
    title: Text
    minutes: Minutes | None = None
    kind: ItemKind = ItemKind.session
    at: Clock | None = None
    activity: ActivityRef | None = None
    note: str | None = None


class AgendaDay(Base):
    date: dt.date | None = None
    label: str | None = None
    start: Clock
    items: list[AgendaItem] = Field(min_length=1, max_length=60)

    @model_validator(mode="after")
    def _times_add_up(self) -> AgendaDay:
        try:
            self.slots()
        except ScheduleError as exc:
            raise PydanticCustomError("schedule", str(exc),
                                      {"index": exc.index, "field": exc.field, "list": "items"})
        return self

    def slots(self) -> list[Slot]:
        return schedule(parse_clock(self.start), [
            (item.minutes, parse_clock(item.at) if item.at else None) for item in self.items])


class Agenda(Base):
    title: str | None = None
    days: list[AgendaDay] = Field(min_length=1, max_length=31)
    remarks: list[Text] = []


class Media(Base):
    title: Text
    url: HttpsUrl | None = None
    items: list[Media] = []
    _shorthand = _text_shorthand("title")


class Activity(Base):
    id: Id
    title: Text
    topics: list[Step] = []
    objectives: list[Text] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)
    media: list[Media] = []
    minutes: Minutes | None = None
    expected: list[Text] = []
    surveys: list[SurveyRef] = []


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
FILLS = ("name", "surname", "full_name", "prefix", "area", "district", "province", "group", "code",
         "none")
# The only labels that take a participant's details without saying so (compared without case,
# spaces or a closing colon): "ชื่อหมู่บ้าน" or "ชื่อผู้สูงอายุ" asks for something else.
WELL_KNOWN_FIELDS = {
    **dict.fromkeys(("ชื่อ", "name", "firstname", "givenname"), "name"),
    **dict.fromkeys(("นามสกุล", "surname", "lastname", "familyname"), "surname"),
    **dict.fromkeys(("ชื่อ-นามสกุล", "ชื่อ-สกุล", "ชื่อนามสกุล", "fullname", "name-surname"), "full_name"),
    **dict.fromkeys(("คำนำหน้า", "คำนำหน้าชื่อ", "prefix"), "prefix"),
    **dict.fromkeys(("ตำบล", "subdistrict", "sub-district", "tambon"), "area"),
    **dict.fromkeys(("อำเภอ", "district"), "district"),
    **dict.fromkeys(("จังหวัด", "province"), "province"),
    **dict.fromkeys(("รหัส", "code"), "code"),
}


def field_key(label: str) -> str:
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


PARTICIPANT_FIELDS = ("prefix", "name", "surname", "area", "district", "province", "group", "code")


class Survey(Base):
    """An online form. `prefill` maps Google Forms entry ids to templates such as "{code}",
    so that each participant's QR code opens the form with their answers linked to them."""

    id: Id
    title: Text
    url: HttpsUrl
    purpose: str | None = None
    prefill: dict[Annotated[str, Field(pattern=r"^entry\.\d+$")], Annotated[str, Field(strict=True)]] = {}

    @field_validator("prefill")
    @classmethod
    def _placeholders_are_known(cls, prefill: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        available = (info.context or {}).get("roster_columns") or set(PARTICIPANT_FIELDS)
        for entry, template in prefill.items():
            for name in _placeholders(template):
                if name not in PARTICIPANT_FIELDS:
                    known = ", ".join("{" + f + "}" for f in PARTICIPANT_FIELDS)
                    raise PydanticCustomError("placeholder", "unknown placeholder {placeholder} in "
                                              "{entry}; use {known}",
                                              {"placeholder": "{" + name + "}", "entry": entry,
                                               "known": known, "key": entry})
                if name not in available:
                    raise PydanticCustomError("placeholder", "the roster has no column for "
                                              "{placeholder} used in {entry}",
                                              {"placeholder": "{" + name + "}", "entry": entry,
                                               "key": entry})
        return prefill

    @model_validator(mode="after")
    def _prefill_needs_a_long_link(self) -> Survey:
        parts = urlsplit(self.url)
        if self.prefill and (parts.netloc != "docs.google.com" or not parts.path.endswith("/viewform")):
            raise PydanticCustomError(
                "short_link", "pre-filled answers need the form's long link "
                "(https://docs.google.com/forms/d/e/.../viewform); a short link such as forms.gle "
                "cannot carry them", {"field": "prefill"})
        return self


def _placeholders(template: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return ["?"]


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


class Checklist(Base):
    """A process a facilitator ticks through, step by step (a reference page of their pack)."""

    id: Id
    title: Text
    source: str | None = None
    items: list[Step] = Field(min_length=1)


class Theme(Base):
    """How the organiser's documents look: logo, accent colour, type size, own templates."""

    logo: str | None = None  # a file in the definition's folder
    accent: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None
    type_size: Literal["normal", "government"] = "normal"
    # a folder in the definition's folder: its document.html.j2 replaces the bundled page
    # template (it may extend it), its print.css is laid over the bundled stylesheet
    templates: str | None = None


class Workshop(Base):
    id: Id | None = None
    title: Text
    subtitle: str | None = None
    language: Literal["th", "en"] = "th"
    digits: Literal["thai", "arabic"] = "arabic"
    organiser: Organiser
    venue: str | None = None
    participants: Annotated[int, Field(strict=True, ge=1, le=5000)] | None = None
    objectives: list[Text] = []
    expected_results: list[Text] = []
    agenda: Agenda
    activities: list[Activity] = []
    facilitation_tips: list[Step] = []
    worksheets: list[Worksheet] = []
    surveys: list[Survey] = []
    action_plan: ActionPlan | None = None
    self_assessment: SelfAssessment | None = None
    labels: dict[str, Text] = {}
    theme: Theme = Theme()
    checklists: list[Checklist] = []

    @field_validator("labels")
    @classmethod
    def _known_labels(cls, labels: dict[str, str]) -> dict[str, str]:
        from ..wording.labels import LABELS  # the table of printed words, which the model only checks against

        for key in labels:
            if key not in LABELS["th"]:
                raise PydanticCustomError("label", "unknown label '{key}'; the labels are {known}",
                                          {"key": key, "known": ", ".join(sorted(LABELS["th"])),
                                           "at_key": True})
        return labels

    @field_validator("activities", "worksheets", "surveys", "checklists")
    @classmethod
    def _unique_ids(cls, items: list[Any], info: ValidationInfo) -> list[Any]:
        return _unique_ids(items, _ITEM_NAMES[str(info.field_name)])

    def activity(self, activity_id: str) -> Activity:
        return next(a for a in self.activities if a.id == activity_id)

    def dates(self) -> list[dt.date | None]:
        return [day.date for day in self.agenda.days]

    def form_fields(self) -> list[tuple[str, FormField]]:
        """Every header field of every form, with the field path it stands at."""
        found = [(f"worksheets[{w}].blocks[{b}].items[{i}]", item)
                 for w, sheet in enumerate(self.worksheets) for b, block in enumerate(sheet.blocks)
                 if isinstance(block, FieldsBlock) for i, item in enumerate(block.items)]
        for name, form in (("self_assessment", self.self_assessment), ("action_plan", self.action_plan)):
            if form:
                found += [(f"{name}.fields[{i}]", item) for i, item in enumerate(form.fields)]
        return found
