"""pydantic's errors as a trainer reads them: the nearest valid name, one message per slip."""
from __future__ import annotations

import pytest
from helpers import MINIMAL, write_definition

from workshopkit.definition.messages import folded  # noqa: F401 (the module these tests pin)
from workshopkit.definition.read import read_workshop
from workshopkit.errors import DefinitionError


def problems(tmp_path, text: str) -> list[str]:
    with pytest.raises(DefinitionError) as caught:
        read_workshop(write_definition(tmp_path, text))
    return [line.split(": ", 1)[1] for line in caught.value.lines()]


def test_a_misspelled_field_is_one_message_with_the_field_it_meant(tmp_path):
    assert problems(tmp_path, MINIMAL.replace("    objectives:", "    objectivs:")) == [
        "activities[0].objectivs: unknown field 'objectivs'; did you mean 'objectives'?"]


def test_a_misspelled_kind_names_the_nearest_kind(tmp_path):
    text = MINIMAL.replace("{title: ปิดเวที, minutes: 15}", "{title: ปิดเวที, minutes: 15, kind: meall}")
    (message,) = problems(tmp_path, text)
    assert message.endswith("did you mean 'meal'?")
