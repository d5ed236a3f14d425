from __future__ import annotations

import pytest

from workshopkit.definition.loader import load_text
from workshopkit.errors import DefinitionError


def lines_of(raw: bytes) -> list[str]:
    with pytest.raises(DefinitionError) as info:
        load_text(raw, "w.yaml")
    return info.value.lines()


def test_clock_times_stay_text_even_unquoted():
    data = load_text(b"start: 08:30\nend: 1:30\n", "w.yaml").data
    assert data == {"start": "08:30", "end": "1:30"}


def test_yes_no_on_off_stay_text_true_false_are_booleans():
    data = load_text(b"a: no\nb: yes\nc: on\nd: true\ne: False\n", "w.yaml").data
    assert data == {"a": "no", "b": "yes", "c": "on", "d": True, "e": False}


def test_numbers_and_dates_still_parse():
    data = load_text(b"n: 30\nx: 1.5\nd: 2026-12-01\nz: 0830\n", "w.yaml").data
    assert data["n"] == 30 and data["x"] == 1.5 and str(data["d"]) == "2026-12-01"
    assert data["z"] == "0830"


def test_every_value_and_key_keeps_its_position():
    located = load_text(b"agenda:\n  days:\n    - start: '09:00'\n", "w.yaml")
    assert located.values[("agenda", "days", 0, "start")] == (3, 14)
    assert located.keys[("agenda", "days", 0, "start")] == (3, 7)


def test_duplicate_keys_are_all_reported_with_the_first_position():
    assert lines_of(b"title: a\ntitle: b\nagenda:\n  x: 1\n  x: 2\n") == [
        "w.yaml:2:1: title: duplicate key 'title' (first defined at line 1)",
        "w.yaml:5:3: agenda.x: duplicate key 'x' (first defined at line 4)",
    ]


def test_syntax_errors_keep_their_position():
    assert lines_of(b"title: a\n  bad: indent\n") == [
        "w.yaml:2:6: YAML syntax error: mapping values are not allowed here"]


def test_unclosed_quote_is_located():
    (line,) = lines_of(b'title: "open\n')
    assert line.startswith("w.yaml:2:1: YAML syntax error: found unexpected end of stream")


def test_text_that_is_not_utf8_is_refused():
    assert lines_of("title: ไทย\n".encode("cp874")) == [
        "w.yaml:1:1: file is not UTF-8 text (it looks like TIS-620 / Windows-874 Thai); save it as UTF-8"]


def test_empty_file_is_refused():
    assert lines_of(b"# only a comment\n") == [
        "w.yaml:1:1: file is empty: a workshop definition is a mapping of fields"]


def test_python_tags_are_refused():
    (line,) = lines_of(b"title: !!python/object:os.system {}\n")
    assert line.startswith("w.yaml:1:8: title: unsupported YAML tag")


def test_byte_order_mark_is_accepted():
    assert load_text("\ufefftitle: ไทย\n".encode(), "w.yaml").data == {"title": "ไทย"}
