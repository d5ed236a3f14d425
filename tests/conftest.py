"""Shared fixtures: the reference pack is built once per test session, for real."""
from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import REFERENCE

from workshopkit import app, i18n
from workshopkit.render.pdf import patches

# The tests read the English messages unless they ask for Thai (tests/test_i18n.py); set
# before anything is imported that starts a process, so that render workers speak it too.
os.environ[i18n.ENVIRONMENT] = "en"
# Builds keep the DOCX fonts' subsets and the fits they found in the user's cache folder: the
# suite has one of its own, empty when it starts, so that it neither reads nor fills the user's.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="workshopkit-tests-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A command that chose Thai does not leave it chosen for the next test."""
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")


@pytest.fixture(scope="session", autouse=True)
def weasyprint_patches() -> None:
    """Tests that draw with a PDF writer in this process, as a render worker would."""
    patches.install()


@pytest.fixture(scope="session")
def reference_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = app.build(REFERENCE, out)
    return result.folder


@pytest.fixture(scope="session")
def manifest(reference_pack: Path) -> dict:
    return json.loads((reference_pack / "manifest.json").read_text(encoding="utf-8"))



@pytest.fixture(scope="session")
def reference_documents() -> dict:
    """The reference workshop's documents as compose_all makes them, by slug."""
    from workshopkit.compose.pack import compose_all
    from workshopkit.definition.read import read_workshop

    return {d.slug: d for d in compose_all(read_workshop(REFERENCE))}
