"""Work for the other core inside the render worker: a helper forked beside it (`Beside`), the
documents handed out to whichever process is free (`Turns`), and the page counts their
layouts gave gathered for the process that makes the front."""
from __future__ import annotations

import os
import time

import pytest
from helpers import eventually

from workshopkit.render.beside import Beside, Turns


def _take_turns(turns: Turns, pause: float) -> list[int]:
    taken = []
    for index in turns:
        taken.append(index)
        time.sleep(pause)
    return taken


@pytest.mark.parametrize("helper_pause", [0.001, 0.02])
def test_the_worker_and_its_helper_each_take_the_next_turn_and_never_the_same(helper_pause):
    turns = Turns(60)
    helper = Beside(lambda: _take_turns(turns, helper_pause))
    try:
        helper.give()
        here = _take_turns(turns, 0.005)
        there = helper.result()
    finally:
        helper.close()
    assert sorted(here + there) == list(range(60))  # every turn taken, once
    assert here == sorted(here) and there == sorted(there)
    assert here and there
    # the slower one takes fewer: the turns follow who is free, not a split made beforehand
    assert (len(there) < len(here)) == (helper_pause > 0.005)


def test_a_helper_starts_its_first_part_at_once_and_hands_it_to_the_second(tmp_path):
    """Beside(function, ready): `ready` runs as soon as the helper is forked, before the
    arguments are given (the DOCX files without the front matter), and what it returned is
    `function`'s first argument (the documents it drew, copied into the later files)."""
    started = tmp_path / "started"
    helper = Beside(lambda first, second: [*first, second],
                            ready=lambda: [os.getpid(), started.write_text("yes")])
    try:
        assert eventually(started.exists, 10)  # nothing was given yet
        helper.give("later")
        pid, _written, given = helper.result()
    finally:
        helper.close()
    assert pid != os.getpid() and given == "later"


def _lay_out(turns: Turns, pause: float) -> list[int]:
    taken = []
    for index in turns:
        time.sleep(pause)
        turns.laid_out(index, index % 7 + 1)  # the page count its document "laid out" to
        taken.append(index)
    return taken


def test_the_front_maker_waits_for_every_turns_page_count():
    """The third helper asks for the page counts before the other two have laid out: it gets
    them all, each the one its turn's taker said, whichever process that was."""
    turns = Turns(30)
    front = Beside(lambda: (time.monotonic(), turns.pages()))
    helper = Beside(lambda: _lay_out(turns, 0.01))
    try:
        front.give()
        helper.give()
        here = _lay_out(turns, 0.01)
        laid_out = time.monotonic()
        there = helper.result()
        asked, pages = front.result()
    finally:
        front.close()
        helper.close()
    assert sorted(here + there) == list(range(30)) and here and there
    assert asked < laid_out  # it asked while the others were still laying out, and waited
    assert pages == [index % 7 + 1 for index in range(30)]
