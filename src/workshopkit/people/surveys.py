"""Beside the flow: a survey's link for one participant (Google Forms pre-filled URL)."""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from .. import qr
from ..definition.fields import PARTICIPANT_FIELDS
from ..errors import Problem, at
from ..i18n import _
from .roster import Participant, Roster, RosterError

if TYPE_CHECKING:
    from ..definition import model


def personal_url(survey: model.Survey, person: Participant | None) -> str:
    """`.../viewform?usp=pp_url&entry.1=...`, values UTF-8 and percent-encoded; the plain
    link when the survey pre-fills nothing or there is no one to fill it for."""
    if not survey.prefill or person is None or not person.name:
        return survey.url
    values = {key: template.format(**{f: person.value(f) for f in PARTICIPANT_FIELDS})
              for key, template in survey.prefill.items()}
    parts = urlsplit(survey.url)
    query = "&".join(filter(None, [parts.query, "usp=pp_url", urlencode(values, quote_via=quote)]))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def check_personal_links(workshop: model.Workshop, roster: Roster) -> None:
    """Every participant's pre-filled link must fit a QR code: long roster fields, Thai names
    percent-encoded three bytes a letter, can make one too long. Refused at the roster row."""
    problems: list[Problem] = []
    for person in roster.participants:
        for survey in workshop.surveys:
            if survey.prefill:
                message = qr.problem(personal_url(survey, person))
                if message:
                    problems.append(at(roster.source, person.row, 1, _(
                        "the pre-filled link of survey '{survey}' for {name}: {problem} (shorter "
                        "roster fields, or fewer pre-filled answers)").format(
                            survey=survey.id, name=person.full_name, problem=message)))
    if problems:
        raise RosterError(problems)
