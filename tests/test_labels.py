"""Every printed word in Thai and English, with the same placeholders in both."""
from __future__ import annotations

import re

from workshopkit.wording.labels import LABELS


def test_every_label_has_thai_and_english():
    assert set(LABELS) >= {"th", "en"}
    assert set(LABELS["th"]) == set(LABELS["en"])
    assert all(thai.strip() for thai in LABELS["th"].values())
    # English has no word after a clock time where Thai writes น.
    assert [k for k, english in LABELS["en"].items() if not english.strip()] == ["clock_suffix"]


def test_a_label_has_the_same_placeholders_in_both_languages():
    for key, thai in LABELS["th"].items():
        assert set(re.findall(r"\{(\w+)\}", thai)) == set(re.findall(r"\{(\w+)\}", LABELS["en"][key])), key


def test_thai_labels_are_written_in_thai():
    thai = re.compile("[\u0e01-\u0e5b]")
    assert all(thai.search(LABELS["th"][k]) for k in ("sign", "position", "plan_author", "sign_in"))
