"""Beside the flow: the language the toolkit speaks to its user, Thai or English.

Messages are written in English in the code and marked `_("... {name} ...")`, formatted
after translation. Babel extracts them into `locale/workshopkit.pot`; the Thai catalogue
`locale/th/LC_MESSAGES/workshopkit.po` is compiled to the `.mo` the package carries
(`make catalogues`; a test fails when a marked message has no Thai translation or the `.mo`
is older than its `.po`). Field paths (`agenda.days[0].start`) and quoted input stay as
they are; only the explanation is translated.

The language is chosen once per command (`choose`) and kept in the environment, so that the
render workers a build starts speak it too.
"""
from __future__ import annotations

import gettext
import os
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

DOMAIN = "workshopkit"
LANGUAGES = ("th", "en")
ENVIRONMENT = "WORKSHOPKIT_LANG"  # set by the command line; read by every process it starts
LOCALE_DIR = Path(__file__).parent / "locale"
_THAI = re.compile("[\u0e01-\u0e5b]")


def choose(explicit: str | None = None, definition: Path | None = None) -> str:
    """The language of this command's messages: `--lang`, else WORKSHOPKIT_LANG, else Thai
    when the user's locale is Thai or the definition is written in Thai, else English."""
    chosen = explicit or os.environ.get(ENVIRONMENT)
    if chosen not in LANGUAGES:
        locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
        chosen = "th" if locale.lower().startswith("th") or _written_in_thai(definition) else "en"
    os.environ[ENVIRONMENT] = chosen
    return chosen


def choose_for(args: Sequence[str]) -> str:
    """`choose` for a command line: its --lang, else the definition it names; the studio is for
    trainers, so it speaks Thai unless the user said otherwise."""
    said = _said_language(args)
    if said is None and "studio" in args and ENVIRONMENT not in os.environ:
        said = "th"
    return choose(said, next((Path(a) for a in args if a.endswith((".yaml", ".yml"))), None))


def _said_language(args: Sequence[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _written_in_thai(definition: Path | None) -> bool:
    """The definition's `language:` if it says, else whether it has Thai text (a definition
    that does not say is Thai); read loosely, so that a file YAML cannot read still counts."""
    if definition is None:
        return False
    try:
        text = definition.read_text(encoding="utf-8-sig", errors="replace")[:200_000]
    except OSError:
        return False
    said = declared_language(text)
    return said == "th" if said else bool(_THAI.search(text))


def declared_language(text: str) -> str | None:
    """The `language:` a definition's text says it is in, read without YAML."""
    said = re.search(r"^language:\s*[\"']?(th|en)\b", text, re.MULTILINE)
    return said.group(1) if said else None


def language() -> str:
    """The language chosen for this process (English when none was)."""
    chosen = os.environ.get(ENVIRONMENT, "en")
    return chosen if chosen in LANGUAGES else "en"


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    """The message in the chosen language (as written, in English)."""
    return _catalogue(language()).gettext(message)


def N_(message: str) -> str:
    """A message marked for translation where it is defined, translated where it is said."""
    return message


def in_language(lang: str) -> Callable[[str], str]:
    """`_` for a language other than this process's, for a document written in it (the Thai
    format reference is made in a process that speaks English)."""
    return _catalogue(lang if lang in LANGUAGES else "en").gettext
