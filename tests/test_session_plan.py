"""The facilitator's session plan."""
from __future__ import annotations

from helpers import REFERENCE, tables

from workshopkit.compose import tree as doc
from workshopkit.compose.session_plan import compose_session_plan
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style

WORKSHOP = read_workshop(REFERENCE)


def test_session_plan_keeps_nested_steps_and_video_links():
    plan = compose_session_plan(WORKSHOP, Style(), {})
    text = doc.document_text(plan)
    assert "1) เคยได้ยินหรือรู้จักประกันสังคมครั้งแรกเมื่อไร" in text
    media = [b for t in tables(plan) for row in t.body for c in row.cells for b in c.blocks
             if isinstance(b, doc.MediaList)]
    urls = [child.url for m in media for item in m.items for child in item.children if child.url]
    assert urls == ["https://youtu.be/hkstDXLYmtc", "https://youtu.be/XUEGMeZ5DLU",
                    "https://youtu.be/9cMIJRTakD4", "https://youtu.be/l5slsplfmXM"]
    assert "ข้อพิจารณา ข้อพึงระวัง" in text


def test_each_activity_lists_the_sheets_it_uses():
    plan = compose_session_plan(WORKSHOP, Style(), {WORKSHOP.activities[0].id: ["ใบงานที่ 1 ความทรงจำ"]})
    assert "ใบงานที่ 1 ความทรงจำ" in doc.document_text(plan)
