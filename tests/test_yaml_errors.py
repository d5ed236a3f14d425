"""A YAML slip said in plain words at the line to change, from the parser's error."""
from __future__ import annotations

import pytest
import yaml

from workshopkit.definition.yaml_errors import explain


def explained(text: str):
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.safe_load(text)
    return explain(text, caught.value)


def test_a_quote_left_open_is_found_where_it_opens():
    text = 'title: x\nagenda: "open\n' + "a: b\n" * 10 + 'c: "d"\n'
    found = explained(text)
    assert (found.line, found.column) == (2, 9) and "not closed" in found.message


def test_a_colon_in_unquoted_text_is_shown_quoted():
    found = explained("title: เวที: ครั้งที่ 1\n")
    assert found.line == 1 and found.message.endswith('title: "เวที: ครั้งที่ 1"')


def test_a_slip_it_does_not_know_keeps_the_parsers_words():
    found = explained("- a\nb: c\n")
    assert found.message.startswith("YAML syntax error: ")
