"""Fuzzing: definitions generated from the JSON Schema, arbitrary YAML-shaped data, and
organisers' templates made of Jinja2's pieces. A valid definition renders; anything else gets
a toolkit error (a template's, located at its line); nothing raises another exception.
Bounded in CI (FUZZ_EXAMPLES, default 30 each); run longer by hand with a larger number."""
from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path

import yaml
from helpers import ROOT, html_of, workshop_with
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from workshopkit.compose.pack import compose_all
from workshopkit.definition.read import read_workshop
from workshopkit.errors import DefinitionError, WorkshopkitError
from workshopkit.render.pdf.writer import PdfWriter
from workshopkit.templating import TemplateProblem

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


def bounded(schema: dict, depth: int = 3) -> dict:
    """The schema with its references written out, recursion cut after `depth` levels
    (hypothesis-jsonschema cannot follow recursive references)."""
    definitions = schema["$defs"]

    def walk(node, level):
        if isinstance(node, dict):
            if "$ref" in node:
                name = node["$ref"].rsplit("/", 1)[-1]
                return {"type": "string", "minLength": 1} if level > depth else \
                    walk(copy.deepcopy(definitions[name]), level + 1)
            return {k: walk(v, level) for k, v in node.items()
                    if k != "$defs" and not (k == "title" and isinstance(v, str))}
        if isinstance(node, list):
            return [walk(v, level) for v in node]
        return node

    top = walk({k: v for k, v in schema.items() if k not in ("if", "else", "$schema")}, 0)
    for name in ("extends", "include", "theme"):  # files beside the definition: not for fuzzing
        top["properties"].pop(name, None)
    top["required"] = schema["else"]["required"]
    return top


SCHEMA = bounded(json.loads((ROOT / "docs" / "workshop.schema.json").read_text(encoding="utf-8")))


def check(tmp: Path, data) -> None:
    path = tmp / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        workshop = read_workshop(path)
    except WorkshopkitError:
        return
    writer = PdfWriter(tmp, language=workshop.language, digits=workshop.digits, footer="f", author="a")
    for document in compose_all(workshop)[:2]:  # the agenda and the session plan: every field
        try:
            writer.render(document)
        except WorkshopkitError:
            pass  # a glyph the font lacks, for example: a toolkit error is an answer


@SETTINGS
@given(from_schema(SCHEMA))
def test_schema_shaped_definitions_render_or_get_a_toolkit_error(tmp_path_factory, data):
    check(tmp_path_factory.mktemp("fuzz"), data)


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "organiser", "agenda", "days", "items", "start", "minutes",
                         "activities", "id", "steps", "worksheets", "blocks", "type", "rows"]),
        children, max_size=5),
    max_leaves=30)


@SETTINGS
@given(YAMLISH)
def test_arbitrary_data_gets_a_toolkit_error(tmp_path_factory, data):
    check(tmp_path_factory.mktemp("fuzz"), data)


# Templates built from Jinja2's parts, the sandbox's escapes among them. Loops run over short
# things only, so no example runs for long here (a long one is stopped by the render worker's
# time bound, tests/test_bounded.py).
ATOMS = st.sampled_from(["document", "document.blocks", "''", "'a'", "x", "3", "range(3)", "self",
                         "lipsum", "cycler", "joiner", "namespace()", "dict()", "footer"])
ACCESSORS = st.sampled_from([".title", ".__class__", ".__init__", ".__globals__", ".__dict__",
                             ".mro()", ".items()", "()", "[0]", "|upper", "|center(5)", "|list",
                             "|attr('__class__')", "|join", "|first", " * 3", " ** 2", " ~ 'b'",
                             " / 0", ".blocks", ".format(document)"])
EXPRESSIONS = st.builds(lambda atom, rest: atom + "".join(rest), ATOMS, st.lists(ACCESSORS, max_size=4))
PIECES = st.one_of(
    st.sampled_from(["<p>", "</td>", "\n", "ข้อความ", "{{", "%}", "{% endif %}",
                     "{% include 'nope.html' %}", "{% extends 'workshopkit/document.html.j2' %}",
                     "{% from 'workshopkit/blocks.html.j2' import block %}"]),
    EXPRESSIONS.map(lambda e: f"{{{{ {e} }}}}"),
    EXPRESSIONS.map(lambda e: f"{{% for x in {e} %}}{{{{ x }}}}{{% endfor %}}"),
    EXPRESSIONS.map(lambda e: f"{{% if {e} %}}y{{% endif %}}"))
LOCATED = re.compile(r"^\S*look/document\.html\.j2:\d+:\d+: \S")


@SETTINGS
@given(st.lists(PIECES, max_size=8).map("".join))
def test_any_template_draws_or_fails_at_its_line(tmp_path_factory, template):
    definition = workshop_with(tmp_path_factory.mktemp("template"), template)
    try:
        html_of(definition)
    except (TemplateProblem, DefinitionError) as error:  # DefinitionError: validate's parse
        assert all(LOCATED.match(line) for line in error.lines()), error.lines()
