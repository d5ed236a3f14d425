"""The shared Thai dictionary cuts text into the words PyThaiNLP's own dictionary gives."""
from __future__ import annotations

from pathlib import Path

from pythainlp.tokenize import word_dict_trie, word_tokenize

from workshopkit.paper.dictionary import Prefixes, thai_dictionary, thai_words_of

ROOT = Path(__file__).parents[1]
SHIPPED_TEXT = "\n".join(p.read_text(encoding="utf-8") for folder in ("workshops", "examples")
                         for p in sorted((ROOT / folder).rglob("*.yaml")))


def test_every_shipped_workshop_is_cut_into_the_words_pythainlp_gives():
    assert len(SHIPPED_TEXT) > 50_000  # the shipped workshops are here to be cut
    for keep in (False, True):
        ours = thai_words_of(SHIPPED_TEXT, keep_whitespace=keep)
        assert ours == word_tokenize(SHIPPED_TEXT, engine="newmm", keep_whitespace=keep)
    assert "ผู้เข้าร่วม" in thai_words_of("ผู้เข้าร่วมกิจกรรม")


def test_it_knows_the_words_and_the_prefixes_pythainlp_knows():
    trie, ours = word_dict_trie(), thai_dictionary()
    assert len(ours) == len(trie) > 50_000
    assert set(ours) == set(trie)
    for text in ("การวางแผนพัฒนาชุมชน", "ประกันสังคม", "สวัสดีครับ", "abc", ""):
        for start in range(len(text)):
            assert ours.prefixes(text, start) == trie.prefixes(text, start)
    assert "ชุมชน" in ours and "ชุมช" not in ours and 5 not in ours


def test_words_are_kept_without_their_spaces_and_an_empty_one_is_none():
    words = Prefixes([" วางแผน ", "วาง", "", "วาง"])
    assert len(words) == 2 and sorted(words) == ["วาง", "วางแผน"]
    assert words.prefixes("วางแผนงาน") == ["วาง", "วางแผน"]
    assert words.prefixes("แผน") == [] and "" not in words
