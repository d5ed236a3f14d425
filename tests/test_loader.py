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


def test_a_line_indented_unlike_its_neighbours_is_said_so_at_that_line():
    assert lines_of(b"title: a\n  bad: indent\n") == [
        "w.yaml:2:3: this line is indented 2 spaces; the lines around it use 0: line it up with them"]


def test_an_unclosed_bracket_is_located_where_it_opens():
    assert lines_of(b"title: x\nobjectives: [a, b\nsteps: [c]\n") == [
        "w.yaml:2:13: the [ that opens here is not closed: end it with ], and separate its items "
        "with commas"]


def test_what_no_slip_explains_keeps_the_parsers_words_and_position():
    (line,) = lines_of(b"title: x\n? [a]\n: b\n- c\n")
    assert line.startswith("w.yaml:4:1: YAML syntax error: ")


def test_an_unclosed_quote_is_located_where_it_opens_not_where_the_parser_gave_up():
    text = 'title: "open\n' + "".join(f"line{n}: x\n" for n in range(25)) + 'end: "x"\n'
    assert lines_of(text.encode()) == [
        'w.yaml:1:8: the quote (") that opens here is not closed on this line; close it with " '
        'at the end of the text']


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
