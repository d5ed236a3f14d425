"""docs/format.md, the definition format's reference, is made from the model."""
from __future__ import annotations

from helpers import ROOT


def test_the_format_reference_is_current():
    from workshopkit.definition.reference import format_reference
    committed = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert committed == format_reference(), \
        "run `python -m workshopkit.definition.reference > docs/format.md`"
