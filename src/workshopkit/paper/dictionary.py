"""The Thai dictionary that the PDF's line breaks and the definition's page checks share.

PyThaiNLP's word list, held here as every prefix of every word in one dict (prefix -> is it a
word). PyThaiNLP builds its own trie as an object per letter, which takes twice as long, and a
build pays for it twice (in the command and in the render workers' server). newmm asks a
dictionary only for the words that start at a position, so both give the same words.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache


class Prefixes:
    """A word list that answers PyThaiNLP's newmm as its Trie does (`prefixes`, `in`, `len`)."""

    __slots__ = ("_ends", "_count")

    def __init__(self, words: Iterable[str]):
        stripped = [w.strip() for w in words]  # as PyThaiNLP's Trie keeps them
        self._ends = dict.fromkeys([w[:k] for w in stripped for k in range(1, len(w))], False)
        self._ends.update(dict.fromkeys(filter(None, stripped), True))
        self._count = sum(self._ends.values())

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words of the list that `text` holds from `start`, shortest first."""
        found, ends = [], self._ends
        for end in range(start + 1, len(text) + 1):
            word = ends.get(text[start:end])
            if word is None:  # no word goes on from here
                break
            if word:
                found.append(text[start:end])
        return found

    def __contains__(self, word: object) -> bool:
        return self._ends.get(word) is True  # type: ignore[call-overload]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return (word for word, whole in self._ends.items() if whole)


@cache
def thai_dictionary() -> Prefixes:
    """PyThaiNLP's Thai word list, read once per process."""
    from pythainlp.corpus import thai_words

    return Prefixes(thai_words())


def thai_words_of(text: str, keep_whitespace: bool = False) -> list[str]:
    """The text cut into words as PyThaiNLP's newmm cuts it with its own dictionary."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", custom_dict=thai_dictionary(),  # type: ignore[arg-type]
                         keep_whitespace=keep_whitespace)
