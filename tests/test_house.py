"""The rules of the house, read from the source: stages import only the stages above them, the
writers never see the model or the labels, only output.py writes files, and every module of
the stages has its test module."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src" / "workshopkit"
TESTS = Path(__file__).parent
# the stages in the order data flows; a stage may import the ones before it
# (wording first: the printed words and Thai dates need no definition, and the definition's
# `labels:` are checked against them)
STAGES = ("wording", "definition", "people", "compose", "render", "output", "app")
# beside the flow
HELPERS = {"paper", "clock", "qr", "resources", "errors", "templating", "i18n", "scan_code"}
ON_TOP = {"app", "render_job", "scan_back", "cli", "cli_words", "studio", "terminal", "__main__", "__init__"}
DRAWING = ("render/pdf/", "render/docx/")
# where two modules share a name, or a name says too little, the test module says which
TESTED_IN = {
    "compose/__init__.py": "test_compose.py",
    "compose/pack.py": "test_compose.py",
    "compose/front.py": "test_compose.py",
    "definition/fields.py": "test_roster.py",
    "compose/style.py": "test_compose_style.py",
    "definition/read.py": "test_definition.py",
    "render/pdf/writer.py": "test_pdf.py",
    "templating.py": "test_templates.py",
    "render/pdf/patches/__init__.py": "test_patches.py",
    "render/docx/writer.py": "test_docx.py",
    "render/docx/fonts.py": "test_docx_fonts.py",
    "render/docx/xml.py": "test_docx_xml.py",
    "render/docx/blocks.py": "test_tree.py",  # every kind drawn, with the PDF's
    "render/docx/pages.py": "test_tree.py",
    "render/docx/fragments.py": "test_docx.py",
    "render/pdf/assemble.py": "test_pdf.py",
    "compose/badges.py": "test_roster_day.py",
    "compose/certificate.py": "test_roster_day.py",
    "compose/survey_poster.py": "test_roster_day.py",
    "compose/roster_day.py": "test_roster_day.py",
    "definition/roster_day.py": "test_roster_day.py",
    "definition/base.py": "test_model.py",
    "people/scan_pages.py": "test_scan.py",
    "compose/scan_review.py": "test_scan.py",
    "render/pdf/scan_marks.py": "test_scan.py",
    "definition/forms.py": "test_model.py",
    **{f"studio/{name}.py": "test_studio_api.py" for name in (
        "__init__", "answers", "api", "folder", "guard", "openapi", "printing", "state", "words")},
    "studio/server.py": "test_studio_browser.py",  # and in-process by test_studio_api.py
}
MODULES = sorted(p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py"))


def dotted(relative: str) -> str:
    parts = relative.removesuffix(".py").split("/")
    return ".".join(["workshopkit", *(parts[:-1] if parts[-1] == "__init__" else parts)])


def stage_of(relative: str) -> str:
    top = relative.split("/")[0].removesuffix(".py")
    return "app" if top in ON_TOP else top


def imports(relative: str) -> set[str]:
    """The workshopkit modules a module imports, by dotted name."""
    tree = ast.parse((SRC / relative).read_text(encoding="utf-8"))
    package = dotted(relative).split(".")
    if not relative.endswith("__init__.py"):
        package = package[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if module.startswith("workshopkit"):
                found.add(module)
                found.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("workshopkit"))
    return found


def has_code(relative: str) -> bool:
    tree = ast.parse((SRC / relative).read_text(encoding="utf-8"))
    return any(isinstance(n, ast.FunctionDef | ast.ClassDef) for n in tree.body)


@pytest.mark.parametrize("relative", MODULES)
def test_a_stage_imports_only_the_stages_above_it(relative):
    own = stage_of(relative)
    if own in HELPERS:
        allowed = HELPERS
    else:
        allowed = HELPERS | set(STAGES[:STAGES.index(own) + 1]) | ({"app"} if own == "app" else set())
    for name in imports(relative):
        parts = name.split(".")
        if len(parts) < 2 or parts[1] in ("cli", "terminal", "app") and own == "app":
            continue
        assert stage_of(parts[1]) in allowed, f"{relative} imports {name}"


@pytest.mark.parametrize("relative", [m for m in MODULES if m.startswith(DRAWING)])
def test_a_drawing_module_never_sees_the_model_the_labels_or_the_output(relative):
    for name in imports(relative):
        assert not name.startswith(("workshopkit.definition", "workshopkit.wording",
                                    "workshopkit.output", "workshopkit.app")), f"{relative} imports {name}"


WRITES = {"write_text", "write_bytes", "mkdir", "makedirs", "touch", "unlink", "rmdir", "rename",
          "symlink_to", "copyfile", "rmtree"}
WRITES_BY_MODULE = {"replace", "remove", "copy", "move"}  # os.replace, shutil.copy; str.replace is not


def writes(node: ast.Call) -> bool:
    if not isinstance(node.func, ast.Attribute):
        return getattr(node.func, "id", "") == "open" and any(
            c in str(ast.literal_eval(mode)) for mode in node.args[1:2] for c in "wax+")
    receiver = ast.unparse(node.func.value)
    if node.func.attr in WRITES:
        return True
    # Path.replace(target) takes one argument, str.replace two
    return node.func.attr in WRITES_BY_MODULE and (receiver in ("os", "shutil") or (
        node.func.attr == "replace" and len(node.args) == 1 and receiver != "dataclasses"))


@pytest.mark.parametrize("relative", [m for m in MODULES if m != "output.py"])
def test_only_the_output_stage_writes_files(relative):
    tree = ast.parse((SRC / relative).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            assert not writes(node), f"{relative}:{node.lineno}: {ast.unparse(node)}"


CORE = [m for m in MODULES if (stage_of(m) in STAGES[:-1] or m == "templating.py") and has_code(m)]


@pytest.mark.parametrize("relative", CORE)
def test_every_module_of_the_stages_has_its_test_module(relative):
    name = TESTED_IN.get(relative, f"test_{Path(relative).stem}.py")
    test = TESTS / name
    assert test.is_file(), f"{relative}: write its tests in tests/{name}"
    text = test.read_text(encoding="utf-8")
    module = dotted(relative)
    parent, _, leaf = module.rpartition(".")
    assert module in text or f"from {parent} import {leaf}" in text or f"from {parent} import tree as" \
        in text and leaf == "tree", f"tests/{name} does not import {module}"


OVERRIDES = {"plain_text", "call_binop", "get_source"}  # documented where they are declared
VENDORED = {("render/pdf/patches/thai_text.py", "draw_first_line")}  # WeasyPrint's, as it is


def public_functions(relative: str):
    def walk(body, in_class: bool):
        for node in body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                yield from walk(node.body, True)
            elif isinstance(node, ast.FunctionDef) and not node.name.startswith("_") \
                    and not (in_class and node.name in OVERRIDES) and (relative, node.name) not in VENDORED:
                yield node
    yield from walk(ast.parse((SRC / relative).read_text(encoding="utf-8")).body, False)


@pytest.mark.parametrize("relative", MODULES)
def test_every_public_function_says_what_it_gives_and_is_typed(relative):
    for function in public_functions(relative):
        where = f"{relative}:{function.lineno} {function.name}"
        assert ast.get_docstring(function), f"{where}: no docstring"
        arguments = [a for a in function.args.args + function.args.kwonlyargs if a.arg not in ("self", "cls")]
        assert function.returns is not None and all(a.annotation is not None for a in arguments), \
            f"{where}: not fully typed"


@pytest.mark.parametrize("relative", MODULES)
def test_no_module_is_too_long_to_read(relative):
    if relative == "render/pdf/patches/thai_text.py":  # holds a vendored WeasyPrint function
        return
    assert len((SRC / relative).read_text(encoding="utf-8").splitlines()) <= 450


def test_no_function_that_says_a_message_binds_the_name_of_the_translation():
    """`_` is gettext wherever i18n is imported: a loop variable or an unpacked `_` in the same
    function would replace it (a NameError, or a message taken from the data)."""
    for relative in MODULES:
        tree = ast.parse((SRC / relative).read_text(encoding="utf-8"))
        if not any(isinstance(n, ast.ImportFrom) and (n.module or "").endswith("i18n")
                   for n in tree.body):
            continue
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            bound = {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and n.id == "_"
                     and isinstance(n.ctx, ast.Store) and not _in_comprehension(function, n)}
            assert not bound, f"{relative}:{function.lineno} {function.name} binds _"


def _in_comprehension(function: ast.AST, name: ast.Name) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp) \
                and any(n is name for n in ast.walk(node)):
            return True
    return False
