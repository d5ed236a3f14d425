"""The typed model of a definition: defaults trainers rely on and limits that keep paper sane."""
from __future__ import annotations

import pydantic
import pytest

from workshopkit.definition import model


def test_government_type_size_scales_the_text_to_16_pt():
    assert model.Theme(type_size="government").scale == 16 / 12
    assert model.Theme().scale == 1.0


@pytest.mark.parametrize(("label", "takes"), [("ชื่อ", "name"), ("ตำบล :", "area"), ("ชื่อหมู่บ้าน", None)])
def test_a_form_field_takes_a_participants_detail_only_by_its_exact_label(label, takes):
    assert model.FormField(label=label).takes == takes


def test_an_action_plan_takes_up_to_three_signers():
    rows = [model.Row(label="ด้านกลไก")]
    plan = model.ActionPlan(title="แผน", rows=rows, signatures=[model.Signer(role="ผู้อนุมัติ")] * 3)
    assert len(plan.signatures or []) == 3
    with pytest.raises(pydantic.ValidationError, match="at most 3 items"):
        model.ActionPlan(title="แผน", rows=rows, signatures=[model.Signer()] * 4)
    assert model.ActionPlan(title="แผน", rows=rows).signatures is None  # the composer's default


def test_a_label_is_compared_without_case_spaces_or_a_closing_colon():
    from workshopkit.definition.forms import field_key
    assert field_key(" Name : ") == field_key("name") and field_key("ชื่อ :") == field_key("ชื่อ")


def test_steps_nest_and_a_plain_text_is_a_step():
    from workshopkit.definition.base import Step
    step = Step.model_validate({"text": "แบ่งกลุ่ม", "steps": ["เลือกประธาน"]})
    assert step.steps[0].text == "เลือกประธาน"
