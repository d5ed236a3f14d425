"""What the writers are told of a workshop: how its pages look, and nothing else."""
from __future__ import annotations

from helpers import REFERENCE, ROOT

from workshopkit.compose.page_description import describe
from workshopkit.definition.read import read_workshop


def test_the_reference_pages_carry_the_organisers_footer_in_thai():
    page = describe(read_workshop(REFERENCE), REFERENCE.parent)
    assert page.page_label == "หน้า" and page.language == "th"
    assert page.footer.startswith("สมาคมวิถีสานเลือกเพื่อการพัฒนาที่ยั่งยืน (SADA)  ·  ")
    assert page.logo is None and page.templates is None


def test_a_logo_and_templates_are_resolved_in_the_definitions_folder():
    path = ROOT / "examples" / "letterhead-workshop.yaml"
    page = describe(read_workshop(path), path.parent)
    assert page.templates is not None and page.templates.is_relative_to(path.parent.resolve())
    assert page.logo is None or page.logo.is_relative_to(path.parent.resolve())
