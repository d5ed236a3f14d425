"""Beside the flow: a survey's link for one participant (Google Forms pre-filled URL)."""
from __future__ import annotations

from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from . import model
from .roster import Participant


def personal_url(survey: model.Survey, person: Participant | None) -> str:
    """`.../viewform?usp=pp_url&entry.1=...`, values UTF-8 and percent-encoded; the plain
    link when the survey pre-fills nothing or there is no one to fill it for."""
    if not survey.prefill or person is None or not person.name:
        return survey.url
    values = {key: template.format(**{f: person.value(f) for f in model.PARTICIPANT_FIELDS})
              for key, template in survey.prefill.items()}
    parts = urlsplit(survey.url)
    query = "&".join(filter(None, [parts.query, "usp=pp_url", urlencode(values, quote_via=quote)]))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
