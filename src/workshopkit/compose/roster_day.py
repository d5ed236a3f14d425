"""Compose: the documents a roster prints for the day itself, beside the pack: certificates
and name badges (for the roster's people, or blank ones for a participant count) and the
survey poster; and the roster's problems for them, found before anything is laid out."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..definition import model
from ..errors import Problem, at
from ..i18n import _
from ..people.roster import Participant, Roster
from ..wording.style import Style
from . import tree as doc
from .badges import badge_face, compose_badges
from .certificate import compose_certificates, name_size
from .survey_poster import compose_survey_poster


def compose_roster_day(workshop: model.Workshop, style: Style, people: Sequence[Participant] | None,
                       folder: Path) -> list[doc.Document]:
    """The certificates and badges of `people` (none without), and the survey poster."""
    documents = []
    if people and workshop.certificate:
        documents.append(compose_certificates(workshop, style, people, folder))
    if people and workshop.badges:
        documents.append(compose_badges(workshop, style, people))
    if workshop.surveys:
        documents.append(compose_survey_poster(workshop, style))
    return documents


def roster_problems(workshop: model.Workshop, roster: Roster) -> list[Problem]:
    """Names too long for a certificate's or a badge's line, and a ลำดับ given twice (two
    certificates would carry one number), each at its row."""
    problems = []
    name_column = roster.column_of.get("name", 1)
    seen: dict[int, int] = {}
    for person in roster.participants:
        if workshop.certificate and name_size(person.titled_name) is None:
            problems.append(at(roster.source, person.row, name_column, _(
                "the name '{name}' is too long for one line of the certificate; shorten it (a "
                "shorter prefix, such as ว่าที่ ร.ต.หญิง)").format(name=person.titled_name)))
        elif workshop.badges and not all(size for text, size in badge_face(workshop, person)[2] if text):
            problems.append(at(roster.source, person.row, name_column, _(
                "the name '{name}' is too long for a name badge, even on two lines; shorten it, print "
                "the badges without the prefix (badges.prefix: false) or with a smaller QR code "
                "(badges.qr: code)").format(
                name=person.titled_name)))
        if workshop.certificate and person.listed is not None:
            if person.listed in seen:
                problems.append(at(roster.source, person.row, roster.column_of.get("listed", 1), _(
                    "number {number} is also on row {row}: two certificates would carry it").format(
                    number=person.listed, row=seen[person.listed])))
            seen.setdefault(person.listed, person.row)
    return problems
