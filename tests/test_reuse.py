"""extends: and include:, one definition built from others in its own folder."""
from __future__ import annotations

import pytest
from helpers import MINIMAL

from workshopkit.definition.reuse import load_definition
from workshopkit.errors import DefinitionError


def test_a_definition_extends_a_base_and_overrides_its_fields(tmp_path):
    (tmp_path / "base.yaml").write_text(MINIMAL, encoding="utf-8")
    top = tmp_path / "phayao.yaml"
    top.write_text("extends: base.yaml\ntitle: เวทีพะเยา\n", encoding="utf-8")
    data = load_definition(top).data
    assert data["title"] == "เวทีพะเยา" and data["organiser"] == {"name": "ทีมทดสอบ"}


def test_an_include_adds_its_lists(tmp_path):
    (tmp_path / "more.yaml").write_text("activities:\n  - {id: close, title: ปิด, objectives: [สรุป]}\n",
                                        encoding="utf-8")
    top = tmp_path / "w.yaml"
    top.write_text(MINIMAL + "include: [more.yaml]\n", encoding="utf-8")
    assert [a["id"] for a in load_definition(top).data["activities"]] == ["intro", "close"]


def test_a_file_outside_the_definitions_folder_is_refused_at_the_line_naming_it(tmp_path):
    (tmp_path / "outside.yaml").write_text(MINIMAL, encoding="utf-8")
    folder = tmp_path / "mine"
    folder.mkdir()
    top = folder / "w.yaml"
    top.write_text("title: x\nextends: ../outside.yaml\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as caught:
        load_definition(top)
    (line,) = caught.value.lines()
    assert line.startswith(f"{top}:2:10: extends: ") and "outside" in line
