"""The organiser's print checklist: a line per print job and the paper it takes in all."""
from __future__ import annotations

from workshopkit.compose.plan import PrintJob
from workshopkit.compose.print_checklist import compose_print_checklist
from workshopkit.wording.style import Style


def test_each_job_is_a_row_and_the_last_row_adds_up_the_sheets():
    jobs = [PrintJob("participant-pack.pdf", "ชุดเอกสารผู้เข้าร่วม", 30, 15, True),
            PrintJob("sign-in.pdf", "ใบลงทะเบียน", 1, 3, False)]
    checklist = compose_print_checklist(jobs, Style(), "การพัฒนาหน่วยบริการ")
    (table,) = [b for b in checklist.blocks if b.kind == "table"]
    rows = [[c.text for c in row.cells] for row in table.body]
    assert rows[0] == ["participant-pack.pdf", "ชุดเอกสารผู้เข้าร่วม", "30", "15", "240", "สองหน้า"]
    assert rows[1][4:] == ["3", "หน้าเดียว"]
    assert rows[-1][-2] == "243"
    assert checklist.subtitle == "การพัฒนาหน่วยบริการ" and checklist.audience == "facilitator"


def test_thai_digits_when_the_workshop_asks():
    checklist = compose_print_checklist([PrintJob("a.pdf", "A", 2, 4, True)], Style(digits="thai"), "")
    (table,) = [b for b in checklist.blocks if b.kind == "table"]
    assert [c.text for c in table.body[0].cells][2:5] == ["๒", "๔", "๔"]
