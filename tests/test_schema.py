"""The JSON Schema of a definition, which editors use to check and complete what trainers type."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from helpers import REFERENCE, ROOT

from workshopkit.cli import main
from workshopkit.definition.loader import load_file

SHIPPED = sorted([*ROOT.glob("workshops/*.yaml"), *ROOT.glob("examples/*.yaml")])
SCHEMA = json.loads((ROOT / "docs" / "workshop.schema.json").read_text(encoding="utf-8"))


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def as_json(value):
    """YAML data as an editor's YAML extension sees it: dates are text."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def test_the_committed_schema_is_the_models(tmp_path):
    status, out, _ = run("schema")
    assert status == 0 and json.loads(out) == SCHEMA, "run `workshopkit schema -o docs/workshop.schema.json`"


def test_every_field_is_described_for_trainers():
    def walk(node, where):
        if isinstance(node, dict):
            for name, spec in node.get("properties", {}).items():
                assert spec.get("description"), f"{where}.{name}"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)
    walk(SCHEMA, "schema")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_schema_accepts_every_shipped_definition_which_names_it(path: Path):
    jsonschema.validate(as_json(load_file(path).data), SCHEMA)
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../docs/workshop.schema.json\n")


def test_the_schema_rejects_an_unknown_field():
    data = as_json(load_file(REFERENCE).data)
    data["titel"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_the_schema_names_the_definitions_top_level_fields():
    from workshopkit.definition.schema import workshop_schema
    properties = workshop_schema()["properties"]
    assert {"title", "organiser", "agenda", "activities", "action_plan", "self_assessment"} <= set(properties)
