"""The Thai dictionary that the PDF's line breaks and the definition's page checks share.

PyThaiNLP's word list, held here in sorted order. PyThaiNLP builds its own trie as an object
per letter (0.7 s), and a build pays for a dictionary twice (in the command and in the render
workers' server, before the first page is laid out); sorting the list takes a tenth of that.
newmm asks a dictionary only for the words that start at a position, which a binary search
answers as the trie does, a quarter slower per question: a build asks few enough.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import cache


class Prefixes:
    """A word list that answers PyThaiNLP's newmm as its Trie does (`prefixes`, `in`, `len`)."""

    __slots__ = ("_sorted", "_words")

    def __init__(self, words: Iterable[str]):
        self._words = {w.strip() for w in words} - {""}  # as PyThaiNLP's Trie keeps them
        self._sorted = sorted(self._words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """The words of the list that `text` holds from `start`, shortest first."""
        found, ordered, below = [], self._sorted, 0
        for end in range(start + 1, len(text) + 1):
            piece = text[start:end]
            below = bisect_left(ordered, piece, below)  # a longer piece sorts no earlier
            if below == len(ordered) or not ordered[below].startswith(piece):
                break  # no word goes on from here
            if ordered[below] == piece:
                found.append(piece)
        return found

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._sorted)


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
