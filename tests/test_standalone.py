"""`new --from`: a definition written out with what it extends and includes, comments kept."""
from __future__ import annotations

from helpers import MINIMAL

from workshopkit.definition.loader import load_text
from workshopkit.definition.standalone import standalone_text


def test_what_a_definition_extends_is_written_into_it_with_its_comments(tmp_path):
    (tmp_path / "base.yaml").write_text("# ผู้จัด\n" + MINIMAL, encoding="utf-8")
    top = tmp_path / "w.yaml"
    top.write_text("extends: base.yaml\ntitle: เวทีพะเยา  # ชื่อใหม่\n", encoding="utf-8")
    text = standalone_text(top)
    assert "extends" not in text and "# ชื่อใหม่" in text
    data = load_text(text.encode(), "copy.yaml").data
    assert data["title"] == "เวทีพะเยา" and data["activities"][0]["id"] == "intro"
