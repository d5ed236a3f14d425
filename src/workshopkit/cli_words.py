"""Beside the command line: click's own words (Usage:, Options, Missing argument ...) and the
help of every command, said in the language of the command's messages.

Click says its words through the standard library's gettext, with the process's locale and
no Thai catalogue; it is pointed at ours instead (`speak`), and the words a user can meet are
marked here so that Babel puts them in our catalogue and its test requires a Thai translation.
Help texts are marked `N_` where the commands are declared and translated when a command line
is read, because the language is known only then (`--lang`, the locale, the definition).
"""
from __future__ import annotations

import importlib
from typing import Any

import click
import click._textwrap

from . import i18n
from .i18n import N_
from .paper.measure import words

CLICK_WORDS = (
    N_("Usage:"), N_("Options"), N_("Commands"), N_("Error: {message}"), N_("Aborted!"),
    N_("Show this message and exit."), N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"), N_("Try '{command} {option}' for help."),
    N_("Missing argument"), N_("Missing option"), N_("Missing parameter"), N_("Missing command."),
    N_("No such option {name!r}."), N_("No such command {name!r}."),
    N_("Did you mean {possibility}?"), N_("(Did you mean one of: {possibilities}?)"),
    N_("Got unexpected extra argument ({args})"), N_("Got unexpected extra arguments ({args})"),
    N_("Option {name!r} requires an argument."), N_("Option {name!r} does not take a value."),
    N_("Invalid value for {param_hint}: {message}"), N_("Invalid value: {message}"),
    N_("{value!r} is not {choice}."), N_("{value!r} is not one of {choices}."),
    N_("{value!r} is not a valid {number_type}."), N_("{value} is not in the range {range}."),
    N_("{name} {filename!r} does not exist."), N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."), N_("{name} {filename!r} is not readable."),
    N_("file"), N_("directory"), N_("path"), N_("default: {default}"), N_("required"),
)
_CLICK_MODULES = ("core", "exceptions", "formatting", "decorators", "types", "parser")


class _WordWrapper(click._textwrap.TextWrapper):
    """Click's wrapper breaking Thai between words: it breaks only at spaces, and a Thai
    sentence longer than the column would be cut inside a word (ภ|าษาไทย)."""

    def _split(self, text: str) -> list[str]:
        return [piece for chunk in super()._split(text)
                for piece in (words(chunk) if not chunk.isspace() else (chunk,))]


def _plural(singular: str, plural: str, count: int) -> str:
    return i18n._(singular if count == 1 else plural)


def speak(group: click.Group, values: dict[str, Any]) -> None:
    """Click's words and the help of `group` and its commands in the chosen language; `values`
    fill the help texts' placeholders (a default that is not a literal)."""
    click._textwrap.TextWrapper = _WordWrapper  # type: ignore[misc]
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = i18n._  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _plural  # type: ignore[attr-defined]
    for command in (group, *group.commands.values()):
        command._help_option = None  # click keeps the --help it made, in the language then
        _translate(command, values)
        for param in command.params:
            _translate(param, values)


def _translate(holder: Any, values: dict[str, Any]) -> None:
    # the English text is kept, so that a second command line in one process (the tests,
    # the studio) can be said in the other language
    english = holder.__dict__.setdefault("_english_help", getattr(holder, "help", None))
    if english:
        holder.help = i18n._(english).format(**values)
