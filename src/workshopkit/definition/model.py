"""Stage 2 of the flow: the typed, validated workshop model (pydantic v2).

No I/O and no formatting here. Cross-references (an agenda item's activity, an activity's
surveys) are checked against the ids found in the raw data, passed in the validation
context, so that they are reported together with every other problem in one run.
"""
from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import (
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..clock import ScheduleError, Slot, parse_clock, schedule
from ..i18n import _
from .base import (
    _ITEM_NAMES,
    ActivityRef,
    Base,
    Clock,
    HttpsUrl,
    Id,
    Minutes,
    Step,
    SurveyRef,
    Text,
    ThaiDate,
    _text_shorthand,
    _unique_ids,
    placeholders,
)
from .fields import PARTICIPANT_FIELDS as PARTICIPANT_FIELDS
from .forms import FILLS as FILLS
from .forms import WELL_KNOWN_FIELDS as WELL_KNOWN_FIELDS
from .forms import ActionPlan as ActionPlan
from .forms import Block as Block
from .forms import BoxBlock as BoxBlock
from .forms import Column as Column
from .forms import FieldsBlock as FieldsBlock
from .forms import FormField as FormField
from .forms import Goals as Goals
from .forms import GridBlock as GridBlock
from .forms import GridCell as GridCell
from .forms import InstructionsBlock as InstructionsBlock
from .forms import PlanColumn as PlanColumn
from .forms import Question as Question
from .forms import QuestionsBlock as QuestionsBlock
from .forms import Role as Role
from .forms import Row as Row
from .forms import Scale as Scale
from .forms import SelfAssessment as SelfAssessment
from .forms import Signer as Signer
from .forms import TableBlock as TableBlock
from .forms import TextBlock as TextBlock
from .forms import W as W
from .forms import Worksheet as Worksheet
from .forms import field_key as field_key
from .roster_day import Badges as Badges
from .roster_day import Certificate as Certificate
from .roster_day import CertificateSigner as CertificateSigner
from .roster_day import SignIn as SignIn


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
    date: ThaiDate | None = None
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
        """The day's items with their computed start and end times."""
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
            for name in placeholders(template):
                if name not in PARTICIPANT_FIELDS:
                    known = ", ".join("{" + f + "}" for f in PARTICIPANT_FIELDS)
                    raise PydanticCustomError("placeholder", _("unknown placeholder {placeholder} in "
                                                               "{entry}; use {known}"),
                                              {"placeholder": "{" + name + "}", "entry": entry,
                                               "known": known, "key": entry})
                if name not in available:
                    raise PydanticCustomError("placeholder", _("the roster has no column for "
                                                               "{placeholder} used in {entry}"),
                                              {"placeholder": "{" + name + "}", "entry": entry,
                                               "key": entry})
        return prefill

    @model_validator(mode="after")
    def _prefill_needs_a_long_link(self) -> Survey:
        parts = urlsplit(self.url)
        if self.prefill and (parts.netloc != "docs.google.com" or not parts.path.endswith("/viewform")):
            raise PydanticCustomError(
                "short_link", _("pre-filled answers need the form's long link "
                                "(https://docs.google.com/forms/d/e/.../viewform); a short link such as "
                                "forms.gle cannot carry them"), {"field": "prefill"})
        return self



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

    @property
    def scale(self) -> float:
        """The type size against the normal 12 pt: government letters print at 16 pt."""
        return 16 / 12 if self.type_size == "government" else 1.0


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
    certificate: Certificate | None = None
    badges: Badges | None = None
    sign_in: SignIn = SignIn()

    @field_validator("labels")
    @classmethod
    def _known_labels(cls, labels: dict[str, str]) -> dict[str, str]:
        from ..wording.labels import LABELS  # the table of printed words, which the model only checks against

        for key in labels:
            if key not in LABELS["th"]:
                raise PydanticCustomError("label", _("unknown label '{key}'; the labels are {known}"),
                                          {"key": key, "known": ", ".join(sorted(LABELS["th"])),
                                           "at_key": True})
        return labels

    @field_validator("activities", "worksheets", "surveys", "checklists")
    @classmethod
    def _unique_ids(cls, items: list[Any], info: ValidationInfo) -> list[Any]:
        return _unique_ids(items, _ITEM_NAMES[str(info.field_name)])

    def activity(self, activity_id: str) -> Activity:
        """The activity of this id."""
        return next(a for a in self.activities if a.id == activity_id)

    def dates(self) -> list[dt.date | None]:
        """Every day's date, None where not known."""
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
