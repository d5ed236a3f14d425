"""What a trainer reaches for: the shipped workshops, the agenda in the terminal, and a new
definition to start from."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from helpers import REFERENCE, ROOT

from workshopkit.cli import main

SHIPPED = sorted([*ROOT.glob("workshops/*.yaml"), *ROOT.glob("examples/*.yaml")])
SCHEMA = json.loads((ROOT / "docs" / "workshop.schema.json").read_text(encoding="utf-8"))


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_shows_the_shipped_workshops():
    status, out, _ = run("list")
    assert status == 0
    assert any(line.startswith("community-service-unit-2day  (2 days)  ชุดการเรียนรู้")
               for line in out.splitlines())
    assert any(line.startswith("community-service-unit-1day  (1 day)") for line in out.splitlines())
    assert "documents: agenda, session-plan, worksheet-memories" in out


def test_agenda_prints_the_computed_times():
    status, out, _ = run("agenda", str(REFERENCE))
    assert status == 0
    lines = out.splitlines()
    assert "  08.30 – 09.00 น.     ลงทะเบียนรับเอกสาร" in lines
    assert "  16.00 น.             สรุปกิจกรรมวันแรก และนัดหมายการเรียนรู้วันต่อไป" in lines
    assert "  16.00 – 16.30 น.     ปิดกิจกรรม" in lines


def test_new_writes_a_definition_that_validates(tmp_path):
    status, out, err = run("new", "forum-phayao", "-o", str(tmp_path))
    assert (status, err) == (0, "")
    path = tmp_path / "forum-phayao.yaml"
    assert run("validate", str(path)) == (0, f"{path}: ok\n", "")
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=./workshop.schema.json\n")
    assert json.loads((tmp_path / "workshop.schema.json").read_text(encoding="utf-8")) == SCHEMA
    assert run("new", "forum-phayao", "-o", str(tmp_path))[0:1] == (2,)


def test_new_from_a_shipped_workshop_keeps_it_and_renames_it(tmp_path):
    status, _, err = run("new", "phayao-2day", "--from", "community-service-unit-2day", "-o", str(tmp_path))
    assert (status, err) == (0, "")
    text = (tmp_path / "phayao-2day.yaml").read_text(encoding="utf-8")
    assert "\nid: phayao-2day\n" in text and "ประกันสังคมในความทรงจำของฉัน" in text
    assert run("new", "Bad Name", "-o", str(tmp_path)) == (
        2, "", "'Bad Name' is not a valid name (lower-case letters, digits, '-' and '_')\n")


def test_watch_rebuilds_on_save_and_survives_a_broken_file(tmp_path):
    import os
    import queue
    import subprocess
    import sys
    import threading
    import time

    from helpers import MINIMAL
    path = tmp_path / "live.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "workshopkit", "watch", str(path), "-o",
                                str(tmp_path / "out")], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def wait_for(text: str, content: str | None = None, seconds: float = 90, file: Path = path) -> str:
        """Wait for `text`, saving `content` into `file` again every few seconds: a save that
        lands before the watcher has started is not lost, and a slow machine only waits longer."""
        seen = ""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if content is not None:
                file.write_text(content, encoding="utf-8")
            try:
                seen += lines.get(timeout=3)
                while not lines.empty():
                    seen += lines.get()
            except queue.Empty:
                continue
            if text in seen:
                return seen
        raise AssertionError(f"no {text!r} in {seen!r}")

    try:
        wait_for(f"{path}: built")
        broken = wait_for("not built", MINIMAL.replace("minutes: 15", "minutes: -1"))
        assert "agenda.days[0].items[1].minutes: must be at least 1" in broken
        wait_for(f"{path}: built", MINIMAL.replace("ปิดเวที", "ปิดเวทีและถ่ายรูปร่วมกัน"))
        template = tmp_path / "look" / "document.html.j2"
        template.parent.mkdir()
        template.write_text("{% extends 'workshopkit/document.html.j2' %}", encoding="utf-8")
        wait_for(f"{path}: built", MINIMAL + "theme: {templates: look}\n")
        broken = wait_for("not built", "{% extends 'workshopkit/document.html.j2' %}\n"
                                       "{% block end %}{{ document.titel }}{% endblock %}", file=template)
        assert "look/document.html.j2:2:" in broken and "has no attribute 'titel'" in broken
        assert process.poll() is None  # still watching
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"workshopkit {name} " in readme or f"workshopkit {name}\n" in readme, name


def test_a_shipped_workshop_is_found_by_its_id_or_its_file_name():
    from workshopkit.definition import library
    shipped = library.shipped()
    assert {s.path.name for s in shipped} == {p.name for p in ROOT.glob("workshops/*.yaml")}
    first = shipped[0]
    assert library.find(first.id) == first.path == library.find(first.path.stem)
