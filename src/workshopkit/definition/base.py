"""Definition: the model's common ground: the base every model class stands on, the field
types (text, clock times, https links, ids, line counts) and the steps that nest."""
from __future__ import annotations

import datetime as dt
import string
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..clock import clock_text, parse_clock
from ..i18n import N_, _
from . import readings


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              strict=False, validate_default=False)


def _clock(value: str) -> str:
    return clock_text(parse_clock(value))


def _https(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(_("'{value}' is not an https:// link").format(value=value))
    return value


Text = Annotated[str, Field(min_length=1, strict=True)]
# Thai habits (08.30 น., 90 นาที, พ.ศ. years, Thai digits) are read as meant first (readings.py)
Clock = Annotated[str, BeforeValidator(readings.clock), Field(strict=True), AfterValidator(_clock),
                  WithJsonSchema({"type": "string"})]
HttpsUrl = Annotated[str, Field(strict=True), AfterValidator(_https)]
Id = Annotated[str, Field(strict=True, pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
MAX_ROWS = 200  # rows of one table: more is a mistake, and pages no one would print
Minutes = Annotated[int, BeforeValidator(readings.minutes), Field(strict=True, ge=1, le=720),
                    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 1, "maximum": 720},
                                              {"type": "string"}]})]
ThaiDate = Annotated[dt.date, BeforeValidator(readings.date), WithJsonSchema({"type": "string"})]
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
            choices = ", ".join(sorted(known)) or _("none defined")
            raise PydanticCustomError("unknown_ref", _("unknown {kind} '{value}' (defined: {choices})"),
                                      {"kind": _(kind), "value": value, "choices": choices, "ref": kind})
        return value
    return AfterValidator(check)


ActivityRef = Annotated[Id, _reference(N_("activity"), "activities")]
SurveyRef = Annotated[Id, _reference(N_("survey"), "surveys")]


_ITEM_NAMES = {"activities": N_("activity"), "worksheets": N_("worksheet"), "surveys": N_("survey"),
               "checklists": N_("checklist")}


def _unique_ids(items: list[Any], what: str) -> list[Any]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            raise PydanticCustomError("duplicate_id", _("duplicate {what} id '{id}'"),
                                      {"what": _(what), "id": item.id, "index": index, "field": "id"})
        seen.add(item.id)
    return items


class Step(Base):
    """A numbered step or point, with optional nested steps (kept nested when printed)."""

    text: Text
    steps: list[Step] = Field(default=[], max_length=100)
    _shorthand = _text_shorthand("text")


def placeholders(template: str) -> list[str]:
    """The names in braces a text asks to fill in ({code}, {title}); "?" for a brace left open."""
    try:
        return [name for _text, name, _spec, _conversion in string.Formatter().parse(template)
                if name is not None]
    except ValueError:
        return ["?"]
