"""docs/format.md and docs/format.th.md, the definition format's reference, are made from the model."""
from __future__ import annotations

import re

import pytest
from helpers import ROOT


@pytest.mark.parametrize("lang, name", [("en", "format.md"), ("th", "format.th.md")])
def test_the_format_reference_is_current(lang, name):
    from workshopkit.definition.reference import format_reference
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    command = "python -m workshopkit.definition.reference" + (" th" if lang == "th" else "")
    assert committed == format_reference(lang), f"run `{command} > docs/{name}`"


def test_the_thai_reference_explains_every_field_in_thai():
    """A trainer who reads only Thai finds every field explained in Thai: each table row's
    meaning has Thai letters, and no English sentence is left over from the English file."""
    text = (ROOT / "docs" / "format.th.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) > 120
    for row in rows:
        meaning = row.rstrip(" |").rsplit(" | ", 1)[1]
        if re.fullmatch(r"[a-z]+", meaning):  # a block's `type:` is its kind's name
            continue
        assert re.search("[\u0e01-\u0e4e]", meaning), row
        assert not re.search(r"\b(the|of|printed|left out|such as)\b", meaning), row
    assert "# รูปแบบไฟล์กำหนดเวที" in text and "| ช่อง | ชนิด | ต้องมี | ค่าปกติ | ความหมาย |" in text
