"""Beside the flow: the shipped workshops a trainer starts from, and new definitions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import WorkshopkitError
from ..i18n import _
from ..resources import asset_dir
from . import model
from .read import read_workshop
from .standalone import standalone_text

SCHEMA_LINE = "# yaml-language-server: $schema={}\n"

NEW = """\
{schema}# A new workshop. Check it with `workshopkit validate {name}.yaml`, print it with
# `workshopkit build {name}.yaml`. Every field is described in docs/format.md.
id: {name}
title: ชื่อกิจกรรม
organiser:
  name: ชื่อหน่วยงานผู้จัด
participants: 30

agenda:
  days:
    - label: วันแรกของการจัดกิจกรรม
      start: "08:30"
      items:
        - {{title: ลงทะเบียนรับเอกสาร, kind: registration, minutes: 30}}
        - {{title: ชี้แจงวัตถุประสงค์, minutes: 30, activity: opening}}
        - {{title: พักรับประทานอาหารกลางวัน, kind: meal, minutes: 60}}
        - {{title: สรุปและปิดกิจกรรม}}

activities:
  - id: opening
    title: ชี้แจงวัตถุประสงค์และทำความรู้จักกัน
    objectives: [เพื่อให้ผู้เข้าร่วมเข้าใจวัตถุประสงค์และกระบวนการของกิจกรรม]
    steps: [ทักทายผู้เข้าร่วม, นำเสนอวัตถุประสงค์และผลที่คาดว่าจะได้รับ]
    minutes: 30
"""


@dataclass(frozen=True)
class Shipped:
    """A workshop in the library, read."""

    path: Path
    workshop: model.Workshop

    @property
    def id(self) -> str:
        """The workshop's id, which `new --from` takes."""
        return str(self.workshop.id)


def shipped() -> list[Shipped]:
    """Every shipped workshop, by file name."""
    return [Shipped(path, read_workshop(path)) for path in sorted(asset_dir("workshops").glob("*.yaml"))]


def find(name: str) -> Path:
    """A shipped workshop by id, or a definition by path."""
    path = Path(name)
    if path.is_file():
        return path
    for workshop in shipped():
        if workshop.id == name or workshop.path.stem == name:
            return workshop.path
    raise WorkshopkitError(_("no shipped workshop '{name}' (see `workshopkit list`)").format(name=name))


def new_definition(name: str, source: Path | None, schema_ref: str) -> str:
    """The text of a new definition NAME, standing on its own: `source` with what it extends
    and includes written in, or a short starting point."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise WorkshopkitError(_("'{name}' is not a valid name (lower-case letters, digits, '-' and "
                                 "'_')").format(name=name))
    schema = SCHEMA_LINE.format(schema_ref)
    if source is None:
        return NEW.format(schema=schema, name=name)
    # what it extends and includes is written into it: the new file stands on its own anywhere
    text = standalone_text(source)
    text = re.sub(r"^# yaml-language-server:.*\n", "", text)
    text, count = re.subn(r"^id: .*$", f"id: {name}", text, count=1, flags=re.M)
    if not count:
        text = f"id: {name}\n" + text
    return schema + text
