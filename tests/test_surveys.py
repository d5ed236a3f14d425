"""Pre-filled Google Forms links: built right, and refused where they cannot work."""
from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MINIMAL, write_definition

from workshopkit.definition import model
from workshopkit.definition.read import read_workshop
from workshopkit.errors import DefinitionError
from workshopkit.people.roster import Participant
from workshopkit.people.surveys import personal_url

FORM = "https://docs.google.com/forms/d/e/FORM_ID/viewform"


def test_the_pre_filled_link_carries_each_value_percent_encoded():
    survey = model.Survey(id="s", title="t", url=FORM,
                          prefill={"entry.1234567": "{code}", "entry.7654321": "{name} {surname}"})
    person = Participant(1, "สมชาย", "ใจดี", code="AB3CD")
    # UTF-8 of สมชาย: ส E0 B8 AA, ม E0 B8 A1, ช E0 B8 8A, า E0 B8 B2, ย E0 B8 A2
    somchai = "%E0%B8%AA%E0%B8%A1%E0%B8%8A%E0%B8%B2%E0%B8%A2"
    # ใจดี: ใ E0 B9 83, จ E0 B8 88, ด E0 B8 94, ี E0 B8 B5
    jaidee = "%E0%B9%83%E0%B8%88%E0%B8%94%E0%B8%B5"
    assert personal_url(survey, person) == (
        f"{FORM}?usp=pp_url&entry.1234567=AB3CD&entry.7654321={somchai}%20{jaidee}")


def test_without_prefill_or_without_a_person_the_plain_link_stays():
    plain = model.Survey(id="s", title="t", url="https://forms.gle/47HgS36ntXoV3LUh6")
    assert personal_url(plain, Participant(1, "สมชาย")) == plain.url
    survey = model.Survey(id="s", title="t", url=FORM, prefill={"entry.1": "{code}"})
    assert personal_url(survey, None) == FORM


def problems(tmp_path: Path, surveys: str, columns: set[str] | None = None) -> list[str]:
    path = write_definition(tmp_path, MINIMAL + surveys, "w.yaml")
    with pytest.raises(DefinitionError) as info:
        read_workshop(path, columns)
    return [line.replace(str(path), "w.yaml") for line in info.value.lines()]


def test_prefill_on_a_short_link_is_an_error_at_the_survey(tmp_path):
    surveys = """\
surveys:
  - id: s
    title: แบบสำรวจ
    url: https://forms.gle/47HgS36ntXoV3LUh6
    prefill: {entry.1: "{code}"}
"""
    assert problems(tmp_path, surveys) == [
        "w.yaml:18:14: surveys[0].prefill: pre-filled answers need the form's long link "
        "(https://docs.google.com/forms/d/e/.../viewform); a short link such as forms.gle "
        "cannot carry them"]


def test_unknown_placeholders_and_columns_the_roster_lacks_point_at_the_entry(tmp_path):
    surveys = f"""\
surveys:
  - id: s
    title: แบบสำรวจ
    url: {FORM}
    prefill:
      entry.1: "{{code}}"
      entry.2: "{{line_id}}"
"""
    assert problems(tmp_path, surveys) == [
        "w.yaml:20:16: surveys[0].prefill.entry.2: unknown placeholder {line_id} in entry.2; use "
        "{prefix}, {name}, {surname}, {village}, {area}, {district}, {province}, {group}, {code}, "
        "{phone}, {email}"]
    fixed = surveys.replace("{line_id}", "{group}")
    assert problems(tmp_path, fixed, {"name", "code"}) == [
        "w.yaml:20:16: surveys[0].prefill.entry.2: the roster has no column for {group} used in entry.2"]
