"""The 5W+1H action-plan form and the signature lines at its foot."""
from __future__ import annotations

from helpers import REFERENCE, tables

from workshopkit.compose import tree as doc
from workshopkit.compose.action_plan import compose_action_plan
from workshopkit.definition import model
from workshopkit.definition.read import read_workshop
from workshopkit.wording.style import Style


def test_action_plan_rows_are_numbered_under_their_issue(reference_documents):
    (table,) = tables(reference_documents["action-plan"])
    labels = [row.cells[0].text for row in table.body]
    assert [label.split(" ")[0] for label in labels] == [
        "1.", "2.", "2.1", "2.2", "3.", "3.1", "3.2", "3.3", "3.4", "4."]
    assert len(table.head[0].cells) == 7
    goal_lines = [b for b in reference_documents["action-plan"].blocks if isinstance(b, doc.WritingLines)]
    assert [g.number for g in goal_lines] == ["1.", "2.", "3.", "4."]


def test_the_action_plan_ends_with_a_line_for_whoever_prepared_it(reference_documents):
    last = reference_documents["action-plan"].blocks[-1]
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
