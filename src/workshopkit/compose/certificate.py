"""Composer: the certificates of attendance (เกียรติบัตร), one landscape page per participant in
roster order, or blank ones with a line for the name.

Each name is set at the size measured to fit it on one line of the certificate (paper/measure);
a name too long for the smallest size is refused before anything is laid out, at its row
(compose/roster_day.roster_problems, with `name_size`). The number comes from the roster's own
ลำดับ column when it has one, so it stays with the person when the roster is sorted or grows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..definition import model
from ..paper.measure import fitted_size
from ..people.roster import Participant
from ..wording.style import Style
from . import tree as doc

NAME_BOX_MM = 235.0  # print.css: section.certificate .name
LARGEST_PT, SMALLEST_PT = 34.0, 12.0


def compose_certificates(workshop: model.Workshop, style: Style, people: Sequence[Participant],
                         folder: Path) -> doc.Document:
    """A certificate per participant (with a name) or blank ones (people without names)."""
    spec = workshop.certificate
    assert spec is not None
    days = [d for d in workshop.dates() if d]
    given = spec.given or (max(days) if days else None)
    shared = {"title": workshop.title, "venue": workshop.venue or "", "organiser": workshop.organiser.name,
              "dates": style.date_range(days) if days else "", "days": style.num(len(workshop.agenda.days))}
    signers = tuple(doc.Signer("", "", s.name, "", s.position or "",
                               (folder / s.signature).resolve() if s.signature else None)
                    for s in spec.signers)
    logo = (folder / workshop.theme.logo).resolve() if workshop.theme.logo else None
    year = (given or dt.date.today()).year + (543 if workshop.language == "th" else 0)
    pages = []
    for person in people:
        name = person.titled_name
        pages.append(doc.Certificate(
            organisation=spec.organisation or workshop.organiser.name,
            title=spec.title if spec.title is not None else style.label("certificate"),
            heading=spec.heading or style.label("certificate_heading"),
            name=name, name_pt=name_size(name) or SMALLEST_PT,
            text=spec.text.format(**shared, area=person.area, district=person.district,
                                  province=person.province, village=style.num(person.village),
                                  group=person.group),
            given=f"{style.label('given_on')} {style.day(given) if given else '.' * 40}",
            signers=signers,
            number=_number(spec.number, person, year, style) if name else "",
            logo=logo))
    return doc.Document("certificates", "certificates", style.label("certificates"), "facilitator",
                        tuple(pages), orientation="landscape", bare=True)


def name_size(name: str) -> float | None:
    """The size the name prints at on a certificate; None when it is too long for one line."""
    return fitted_size(name, NAME_BOX_MM, LARGEST_PT, SMALLEST_PT)


def _number(pattern: str, person: Participant, year: int, style: Style) -> str:
    number = pattern.format(n=f"{person.listed or person.number:03d}", year=year)
    return f"{style.label('certificate_number')} {style.num(number)}"

