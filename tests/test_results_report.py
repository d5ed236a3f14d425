"""The results report: respondents per round, role means as a chart and a table, changes
between rounds, the weakest items."""
from __future__ import annotations

from helpers import REFERENCE

from workshopkit.compose import tree as doc
from workshopkit.compose.results_report import compose_results
from workshopkit.definition.read import read_workshop
from workshopkit.people.results import Response, Responses, items_of
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(REFERENCE)
FORM = WORKSHOP.self_assessment
assert FORM is not None
ITEMS = items_of(FORM)


def answers(code: str, round_: int, rating: int, missing: int = 0) -> Response:
    ratings: dict[str, int | None] = {item.key: rating for item in ITEMS}
    for item in ITEMS[:missing]:
        ratings[item.key] = None
    return Response("answers.csv", 2, code, code, round_, ratings)


def test_two_rounds_are_counted_charted_and_compared():
    data = Responses(ITEMS, [answers("A", 1, 2, missing=2), answers("B", 1, 2), answers("A", 2, 4),
                             answers("B", 2, 3)], [])
    report = compose_results(WORKSHOP, data, Style())
    text = doc.document_text(report)
    assert "ผู้ตอบรอบที่ 1: 2 คน" in text and "ผู้ตอบรอบที่ 2: 2 คน" in text
    assert "คำตอบที่ขาด: 2 คำตอบ" in text
    assert "ตอบทั้งสองรอบ: 2 คน; ตอบเพียงรอบเดียว: 0 คน" in text
    (chart,) = [b for b in report.blocks if isinstance(b, doc.BarChart)]
    assert len(chart.categories) == len(FORM.roles) and chart.maximum == FORM.scale.levels
    first, second = (values for _, values in chart.series)
    assert all(v == 2.0 for v in first) and all(v == 3.5 for v in second)
    assert report.audience == "facilitator" and report.slug == "results"
