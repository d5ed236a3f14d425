"""Definition: what the roster prints on the day itself: the certificates of attendance
(เกียรติบัตร), the name badges, and how the sign-in sheet makes room for people who walk in."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from ..i18n import _
from .base import Base, SurveyRef, Text, ThaiDate, placeholders

# What a certificate's text may say in braces: the workshop's and the participant's details.
CERTIFICATE_PLACEHOLDERS = ("title", "dates", "venue", "organiser", "days", "area", "district",
                            "province", "village", "group")


class CertificateSigner(Base):
    """Who signs the certificates: the name in parentheses, the position under it, and the
    signature itself as an image beside the definition (PNG with a transparent background)."""

    name: Text
    position: str | None = None
    signature: str | None = None  # a file in the definition's folder


class Certificate(Base):
    title: str | None = None  # over the heading: เกียรติบัตร
    organisation: str | None = None  # the organiser's name when left out
    heading: str | None = None  # เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า
    text: Text
    given: ThaiDate | None = None  # the last day of the agenda when left out
    number: str = "{n}/{year}"
    signers: list[CertificateSigner] = Field(min_length=1, max_length=3)

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        return _checked(text, CERTIFICATE_PLACEHOLDERS)

    @field_validator("number")
    @classmethod
    def _number_placeholders(cls, number: str) -> str:
        return _checked(number, ("n", "year"))


class Badges(Base):
    per_sheet: Literal[8, 10] = 8
    title: str | None = None  # a short title for the badges: the workshop's when left out
    prefix: bool = True
    detail: Literal["area", "group", "none"] = "area"
    qr: Literal["none", "code"] | SurveyRef = "none"  # or a survey's id: its personal link


class SignIn(Base):
    walk_ins: Annotated[int, Field(strict=True, ge=0, le=100)] = 5
    columns: list[Literal["phone", "allowance"]] = []


def _checked(text: str, known: tuple[str, ...]) -> str:
    for name in placeholders(text):
        if name not in known:
            raise PydanticCustomError("placeholder", _("unknown placeholder {placeholder}; use {known}"),
                                      {"placeholder": "{" + name + "}",
                                       "known": ", ".join("{" + k + "}" for k in known)})
    return text
