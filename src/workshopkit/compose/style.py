"""Compose: how a workshop prints its words, read from the model for the wording stage, which
knows no model."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..wording.style import Style

if TYPE_CHECKING:
    from ..definition import model


def style_of(workshop: model.Workshop) -> Style:
    """How a workshop prints its words: its language, digits, own `labels:` and type size."""
    return Style(workshop.language, workshop.digits, tuple(sorted(workshop.labels.items())),
                 workshop.theme.scale)


def organiser_line(organiser: model.Organiser) -> str:
    """The organiser as every footer prints it: name (short name) · web · e-mail · Facebook."""
    name = f"{organiser.name} ({organiser.short_name})" if organiser.short_name else organiser.name
    return "  ·  ".join(filter(None, [name, organiser.web, organiser.email,
                                      f"FB: {organiser.facebook}" if organiser.facebook else None]))
