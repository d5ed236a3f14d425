"""Composer of the page description: what the writers are told of a workshop (its language,
digits, footer, page label, accent, type size, logo and templates), so that they never read
the workshop model or the label table."""
from __future__ import annotations

from pathlib import Path

from ..definition import model
from ..paper.page import PageDescription
from .style import organiser_line, style_of


def describe(workshop: model.Workshop, source_dir: Path) -> PageDescription:
    """The pages of `workshop`, whose definition stands in `source_dir`."""
    folder = source_dir.resolve()
    theme = workshop.theme
    return PageDescription(
        language=workshop.language, digits=workshop.digits,
        footer=organiser_line(workshop.organiser), author=workshop.organiser.name,
        page_label=style_of(workshop).label("page"), accent=theme.accent or "",
        type_size=theme.type_size,
        logo=(folder / theme.logo).resolve() if theme.logo else None,
        templates=(folder / theme.templates).resolve() if theme.templates else None)
