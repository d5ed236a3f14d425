"""The source type-checks: `mypy src` (also run by `make lint`) finds no issue."""
from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def test_mypy_finds_no_issue_in_the_source(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mypy", "src", "--cache-dir", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
