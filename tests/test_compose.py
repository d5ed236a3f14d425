"""The document trees: what each document holds, before any format draws it."""
from __future__ import annotations

import pytest
from helpers import REFERENCE

from workshopkit.compose import compose_all
from workshopkit.compose import tree as doc
from workshopkit.compose.action_plan import compose_action_plan
from workshopkit.definition import model
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style


@pytest.fixture(scope="module")
def documents() -> dict[str, doc.Document]:
    return {d.slug: d for d in compose_all(read_workshop(REFERENCE))}


def tables(document: doc.Document) -> list[doc.Table]:
    return [b for b in document.blocks if isinstance(b, doc.Table)]


def test_documents_come_in_agenda_order(documents):
    assert list(documents) == [
        "agenda", "session-plan", "worksheet-memories", "worksheet-framework", "worksheet-goals",
        "worksheet-analysis", "self-assessment", "survey-sheet", "action-plan"]


def test_agenda_prints_blanks_for_unknown_dates_and_venue(documents):
    agenda = documents["agenda"]
    # the workshop's subtitle and the agenda's title come first
    date_line, venue_line = [b for b in agenda.blocks if isinstance(b, doc.Paragraph)][2:4]
    assert doc.Blank in {type(p) for p in date_line.parts}
    assert venue_line.parts[0] == "ณ" and isinstance(venue_line.parts[-1], doc.Blank)
    headings = [b.text for b in agenda.blocks if isinstance(b, doc.Heading)]
    assert headings[0] == "วันที่ .......... เดือน .......... พ.ศ. .......... (วันแรกของการจัดกิจกรรม)"


def test_agenda_rows_carry_computed_times(documents):
    day_one = tables(documents["agenda"])[0]
    assert [row.cells[0].text.replace("\u00a0", " ") for row in day_one.body] == [
        "08.30 – 09.00 น.", "09.00 – 09.20 น.", "09.20 – 10.30 น.", "10.30 – 12.00 น.",
        "12.00 – 13.00 น.", "13.00 – 15.00 น.", "15.00 – 16.00 น.", "16.00 น."]
    assert day_one.body[4].kind == "muted"  # lunch


def test_self_assessment_has_four_tick_boxes_and_a_remark_per_sub_item(documents):
    (table,) = tables(documents["self-assessment"])
    items = [row for row in table.body if row.kind == "body"]
    groups = [row for row in table.body if row.kind == "group"]
    assert len(groups) == 7 and len(items) == 27
    assert all([c.kind for c in row.cells] == ["label", "tick", "tick", "tick", "tick", "write"]
               for row in items)
    assert items[-1].cells[0].text == "7.5 สรุปผลและปรับวิธีการทำงานเพื่อขับเคลื่อนงานร่วมกันต่อไป"
    assert [c.text for c in table.head[1].cells] == ["1", "2", "3", "4"]


def test_action_plan_rows_are_numbered_under_their_issue(documents):
    (table,) = tables(documents["action-plan"])
    labels = [row.cells[0].text for row in table.body]
    assert [label.split(" ")[0] for label in labels] == [
        "1.", "2.", "2.1", "2.2", "3.", "3.1", "3.2", "3.3", "3.4", "4."]
    assert len(table.head[0].cells) == 7
    goal_lines = [b for b in documents["action-plan"].blocks if isinstance(b, doc.WritingLines)]
    assert [g.number for g in goal_lines] == ["1.", "2.", "3.", "4."]


def test_the_action_plan_ends_with_a_line_for_whoever_prepared_it(documents):
    last = documents["action-plan"].blocks[-1]
    assert last == doc.Signature((doc.Signer("ลงชื่อ", "ผู้จัดทำแผน", "", "ตำแหน่ง", ""),))


def test_an_action_plan_names_its_signers_or_has_none(tmp_path):
    plan = read_workshop(REFERENCE).action_plan
    assert plan is not None
    signed = plan.model_copy(update={"signatures": [
        model.Signer(role="ผู้เสนอแผน", name="นางสมศรี ใจดี", position="ประธานกลุ่ม"),
        model.Signer(role="ผู้อนุมัติ")]})
    (signature,) = [b for b in compose_action_plan(signed, Style()).blocks if isinstance(b, doc.Signature)]
    assert signature.plain_text().splitlines() == [
        "ลงชื่อ", "ผู้เสนอแผน", "(นางสมศรี ใจดี)", "ตำแหน่ง ประธานกลุ่ม", "ลงชื่อ", "ผู้อนุมัติ", "ตำแหน่ง"]
    unsigned = plan.model_copy(update={"signatures": []})
    assert not any(isinstance(b, doc.Signature) for b in compose_action_plan(unsigned, Style()).blocks)


def test_session_plan_keeps_nested_steps_and_video_links(documents):
    plan = documents["session-plan"]
    text = doc.document_text(plan)
    assert "1) เคยได้ยินหรือรู้จักประกันสังคมครั้งแรกเมื่อไร" in text
    media = [b for t in tables(plan) for row in t.body for c in row.cells for b in c.blocks
             if isinstance(b, doc.MediaList)]
    urls = [child.url for m in media for item in m.items for child in item.children if child.url]
    assert urls == ["https://youtu.be/hkstDXLYmtc", "https://youtu.be/XUEGMeZ5DLU",
                    "https://youtu.be/9cMIJRTakD4", "https://youtu.be/l5slsplfmXM"]
    assert "ข้อพิจารณา ข้อพึงระวัง" in text


def test_analysis_form_has_five_tables_with_three_columns(documents):
    found = tables(documents["worksheet-analysis"])
    assert len(found) == 5
    assert all(len(t.head[0].cells) == 3 for t in found)
    assert found[0].title == "ประเด็นที่ 1 คน : คณะทำงาน สมาชิก ในพื้นที่"
