"""The set-up script names every program the code and the tests call, and its checks cannot
misfire: on a fresh machine `make test` must install what the suite needs."""
from __future__ import annotations

import ast
import os
import re
import subprocess
from pathlib import Path

from helpers import ROOT

SCRIPT = ROOT / "scripts" / "system-packages.sh"
_RUNNERS = {"run", "Popen", "check_output", "check_call", "call"}


def _script_array(name: str) -> set[str]:
    match = re.search(rf"^{name}=\(([^)]*)\)", SCRIPT.read_text(), re.M)
    assert match, f"{name} is not an array in {SCRIPT.name}"
    return set(match[1].split())


def _programs_called(path: Path) -> set[str]:
    """Programs named by a constant: subprocess.*([\"prog\", ...]) and shutil.which(\"prog\")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute) or not node.args:
            continue
        first = node.args[0]
        if node.func.attr in _RUNNERS and isinstance(first, ast.List) and first.elts \
                and isinstance(first.elts[0], ast.Constant) and isinstance(first.elts[0].value, str):
            found.add(first.elts[0].value)
        if node.func.attr == "which" and isinstance(first, ast.Constant):
            found.add(first.value)
    return found


def test_every_program_the_code_and_tests_call_is_named_by_the_setup_script():
    # bash runs the set-up script itself; libreoffice is another name of soffice
    named = _script_array("need_tools") | _script_array("test_tools") | {"bash", "libreoffice"}
    sources = [*ROOT.glob("tests/*.py"), *ROOT.glob("src/**/*.py"), *ROOT.glob("bench/*.py")]
    called = {program: path.name for path in sources for program in _programs_called(path)}
    assert {"pdftotext", "qpdf", "soffice", "fc-list"} <= set(called)  # the scan itself works
    missing = {program: where for program, where in called.items() if program not in named}
    assert not missing, f"called but not installed by {SCRIPT.name}: {missing}"


def test_library_check_does_not_misfire_when_the_cache_is_long(tmp_path):
    # `ldconfig -p | grep -q` under pipefail failed when grep stopped reading and ldconfig died
    # of SIGPIPE; a long cache listing with the libraries first made it fail every time.
    fake = tmp_path / "bin"
    fake.mkdir()
    libs = "\n".join(f"\t{lib} (libc6,x86-64) => /usr/lib/{lib}"
                     for lib in _script_array("need_libs"))
    (fake / "ldconfig").write_text(
        f"#!/bin/sh\nprintf '%s\\n' '{libs}'\ni=0\nwhile [ $i -lt 20000 ]; do "
        f"echo \"\tlibfiller$i.so.1 (libc6,x86-64) => /usr/lib/libfiller$i.so.1\"; i=$((i+1)); done\n")
    (fake / "id").write_text("#!/bin/sh\necho 1000\n")  # never apt-get from a test
    for program in ("ldconfig", "id"):
        (fake / program).chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    for _ in range(5):
        result = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_a_missing_library_is_named(tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "ldconfig").write_text("#!/bin/sh\necho '\tlibpango-1.0.so.0 (libc6) => /x'\n")
    (fake / "id").write_text("#!/bin/sh\necho 1000\n")
    for program in ("ldconfig", "id"):
        (fake / program).chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "libthai.so.0" in result.stderr and "libpango-1.0.so.0" not in result.stderr.split("\n")[0]
