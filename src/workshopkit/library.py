"""Beside the flow: the shipped workshops a trainer starts from, and new definitions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .compose import compose_all
from .definition import read_workshop
from .errors import WorkshopkitError
from .resources import asset_dir
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
    path: Path
    id: str
    title: str
    days: int
    documents: list[str]


def shipped() -> list[Shipped]:
    out = []
    for path in sorted(asset_dir("workshops").glob("*.yaml")):
        workshop = read_workshop(path)
        out.append(Shipped(path, str(workshop.id), workshop.title, len(workshop.agenda.days),
                           [d.slug for d in compose_all(workshop)]))
    return out


def find(name: str) -> Path:
    """A shipped workshop by id, or a definition by path."""
    path = Path(name)
    if path.is_file():
        return path
    for workshop in shipped():
        if workshop.id == name or workshop.path.stem == name:
            return workshop.path
    raise WorkshopkitError(f"no shipped workshop '{name}' (see `workshopkit list`)")


def new_definition(name: str, source: Path | None, schema_ref: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name):
        raise WorkshopkitError(f"'{name}' is not a valid name (lower-case letters, digits, '-' and '_')")
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
