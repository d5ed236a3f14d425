"""Beside the flow: the typing errors that make a printed Thai form look careless.

Each rule finds a mistake in the definition's own text (so a warning can point at the
character) and says what the text should be. `fix` applies the same rules to the source
text of each string, which leaves quotes, comments and layout as they were. PyThaiNLP's
normaliser then checks what is left, and anything it would still change is reported.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pythainlp.util import normalize

from ..errors import Problem
from ..i18n import N_, _
from .loader import Located, format_path

_TONE = "\u0e48-\u0e4b"
_ABOVE_OR_BELOW = "\u0e31\u0e34-\u0e37\u0e47\u0e38\u0e39"  # vowels a tone mark stands on
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_CONSONANT = "\u0e01-\u0e2e"
_LEADING = "\u0e40-\u0e44"  # เ แ โ ใ ไ: written before the consonant they follow
_FOLLOWING = "\u0e30-\u0e3a\u0e45\u0e47-\u0e4e"  # vowels and marks after a consonant (not ๆ)
INVISIBLE = "[\u200b\u200c\u200d\u2060\ufeff]"  # zero-width space, joiners, word joiner, BOM


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    replacement: str


RULES = (
    Rule(N_("two SARA E typed for SARA AE"), re.compile("\u0e40\u0e40"), "\u0e41"),
    Rule(N_("NIKHAHIT and SARA AA typed for SARA AM"),
         re.compile(f"\u0e4d([{_TONE}]?)\u0e32"), "\\1\u0e33"),
    Rule(N_("tone mark typed before its vowel"), re.compile(f"([{_TONE}])([{_ABOVE_OR_BELOW}])"),
         "\\2\\1"),
    Rule(N_("vowel or tone mark typed twice"), re.compile(f"([{_MARKS}])\\1+"), "\\1"),
    # pasted from the web or a word processor: invisible on screen and on paper, but it splits
    # a word for searching and sorting, and the dictionary line breaks no longer see it whole
    Rule(N_("invisible character"), re.compile(INVISIBLE), ""),
    Rule(N_("space inside a word"), re.compile(
        f"(?<=[{_LEADING}]) +(?=[{_CONSONANT}])|(?<=[{_CONSONANT}]) +(?=[{_FOLLOWING}])"), ""),
)


@dataclass(frozen=True)
class Finding:
    index: int  # where in the source text
    rule: str
    found: str
    fixed: str


def findings(text: str) -> Iterator[Finding]:
    """The Thai typing errors in a text, each with its column."""
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            yield Finding(match.start(), rule.name, match.group(0), match.expand(rule.replacement))


def fix_text(text: str) -> str:
    """The text with its Thai typing errors corrected."""
    for _attempt in range(3):  # one fix can reveal another (a doubled mark typed before its vowel)
        fixed = text
        for rule in RULES:
            fixed = rule.pattern.sub(rule.replacement, fixed)
        if fixed == text:
            break
        text = fixed
    return text


def lint(located: Located) -> list[Problem]:
    """Every typing error in the definition's strings, as warnings at the character."""
    out = []
    for path, (start, end) in located.scalars.items():
        source = located.text[start:end]
        for finding in findings(source):
            line, column = _position(located.text, start + finding.index)
            out.append(Problem(located.file, line, column, format_path(path),
                               _("warning: {rule}: {context}").format(rule=_(finding.rule),
                                                                      context=_context(source, finding))))
        value = " ".join(str(located.data_at(path)).split())
        if fix_text(value) == value and " ".join(normalize(value).split()) != value:
            line, column = _position(located.text, start)
            out.append(Problem(located.file, line, column, format_path(path), _(
                "warning: Thai characters out of order; PyThaiNLP would write \"{text}\"").format(
                    text=normalize(value))))
    return sorted(out, key=lambda p: (p.line, p.column))


def fix(located: Located) -> tuple[str, int]:
    """The source text with every string's typing errors fixed, and how many were fixed."""
    pieces, last, count = [], 0, 0
    for start, end in sorted(located.scalars.values()):
        source = located.text[start:end]
        fixed = fix_text(source)
        if fixed != source:
            count += sum(1 for _ in findings(source))
            pieces += [located.text[last:start], fixed]
            last = end
    pieces.append(located.text[last:])
    return "".join(pieces), count


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _context(source: str, finding: Finding) -> str:
    """The word around the mistake, as typed and as it should be."""
    # both patterns match an empty string, so they always match
    left = re.search(r"[^\s\"'\[\]{},]{0,12}$", source[:finding.index]).group(0)  # type: ignore[union-attr]
    after = finding.index + len(finding.found)
    right = re.match(r"[^\s\"'\[\]{},]{0,12}", source[after:]).group(0)  # type: ignore[union-attr]
    typed, meant = visible(f"{left}{finding.found}{right}"), visible(f"{left}{finding.fixed}{right}")
    return _("\"{typed}\" should be \"{meant}\"").format(typed=typed, meant=meant)


def visible(text: str) -> str:
    """The text with each invisible character shown as its code point, <U+200B>."""
    return re.sub(INVISIBLE, lambda m: f"<U+{ord(m.group(0)):04X}>", text)
