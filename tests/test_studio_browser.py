"""The studio in a real browser (Debian's Chromium, driven by Playwright) against the real
`workshopkit studio` command: what a facilitator does, step by step, in Thai."""
from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT
from PIL import Image, ImageChops
from playwright.sync_api import expect, sync_playwright

import workshopkit.studio.server  # noqa: F401  (what these tests drive, through the command)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
REFERENCE = ROOT / "workshops" / "community-service-unit-2day.yaml"
LAYOUT_MS = 120_000  # the first layout of the reference pack, on a slow machine


@pytest.fixture(scope="module")
def studio(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trainer")
    shutil.copy(REFERENCE, folder / "reference.yaml")
    shutil.copy(ROOT / "examples" / "roster.csv", folder / "roster.csv")
    env = {k: v for k, v in os.environ.items() if k != "WORKSHOPKIT_LANG"}
    program = Path(sys.executable).parent / "workshopkit"
    command = [str(program), "--lang", "th", "studio", str(folder), "--port", "0", "--no-browser"]
    server = subprocess.Popen(command,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              start_new_session=True)
    line = server.stdout.readline()  # flushed as soon as the server listens
    address = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
    assert address, line + server.stderr.read()
    yield address.group(0), folder
    os.killpg(server.pid, signal.SIGINT)
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def page(studio):
    address, _folder = studio
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(address)
        yield page
        assert not errors
        browser.close()


def picture(page, selector: str) -> Image.Image:
    return Image.open(io.BytesIO(page.locator(selector).first.screenshot())).convert("L")


def test_the_link_opens_the_studio_in_thai_and_the_token_leaves_the_address(page):
    expect(page.locator("h1")).to_have_text("สตูดิโอ workshopkit")
    assert "token" not in page.url
    expect(page.locator("#definitions li")).to_have_count(1)
    expect(page.locator("#library li").first).to_contain_text("วัน")


def test_picking_the_reference_shows_its_pages(page):
    page.locator("#definitions button").first.click()
    agenda = page.locator('section[data-slug="agenda"] img').first
    expect(agenda).to_be_visible(timeout=LAYOUT_MS)
    page.wait_for_function("() => document.querySelector('section[data-slug=agenda] img').naturalWidth > 0",
                           timeout=LAYOUT_MS)
    expect(page.locator('section[data-slug="session-plan"] .count')).to_contain_text("หน้า")
    page.screenshot(path=str(ROOT / "out" / "studio-pages.png")) if (ROOT / "out").is_dir() else None


def test_editing_the_title_changes_the_page(page):
    before = picture(page, 'section[data-slug="agenda"] img')
    editor = page.locator("#text")
    text = editor.input_value()
    editor.fill(text.replace("\nsubtitle:", "\nsubtitle: เวทีทดลองในเบราว์เซอร์", 1))
    page.keyboard.press("Control+s")
    expect(page.locator("#status")).to_have_text("บันทึกแล้ว", timeout=LAYOUT_MS)
    page.wait_for_function(
        "() => [...document.querySelectorAll('section[data-slug=agenda] img')]"
        ".every(i => i.complete && i.naturalWidth)",
        timeout=LAYOUT_MS)
    page.wait_for_timeout(300)
    after = picture(page, 'section[data-slug="agenda"] img')
    assert ImageChops.difference(before, after).getbbox() is not None


def test_a_yaml_mistake_gets_a_thai_message_at_its_line(page):
    editor = page.locator("#text")
    text = editor.input_value()
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("  days:"))
    lines[at + 1] = "\t" + lines[at + 1].lstrip()
    editor.fill("\n".join(lines))
    page.keyboard.press("Control+s")
    problem = page.locator("#problems button").first
    expect(problem).to_contain_text(f"บรรทัด {at + 2}", timeout=30_000)
    expect(problem).to_contain_text("Tab")
    expect(page.locator("#gutter .bad")).to_have_text(str(at + 2))
    problem.click()  # the cursor goes to the line
    assert page.evaluate("document.activeElement.id") == "text"
    editor.fill(text)
    page.keyboard.press("Control+s")
    expect(page.locator("#problems button:not(.warning)")).to_have_count(0, timeout=LAYOUT_MS)
    expect(page.locator("#gutter .bad")).to_have_count(0)


def test_reordering_an_agenda_item_recomputes_the_times(page, studio):
    _address, folder = studio
    page.locator("#tab-agenda").click()
    first_day = page.locator("table.agenda").first
    rows = first_day.locator("tbody tr")
    title = rows.nth(1).locator("input[type=text]").input_value()
    time_before = rows.nth(1).locator("td.time").inner_text()
    rows.nth(1).locator("button[aria-label='เลื่อนลง']").click()
    expect(rows.nth(2).locator("input[type=text]")).to_have_value(title, timeout=30_000)
    expect(rows.nth(2).locator("td.time")).not_to_have_text(time_before)
    assert rows.nth(1).locator("td.time").inner_text().split("–")[0] == time_before.split("–")[0]
    assert (folder / "reference.yaml").read_text(encoding="utf-8") == page.locator("#text").input_value()
    rows.nth(2).locator("button[aria-label='เลื่อนขึ้น']").click()
    expect(rows.nth(1).locator("input[type=text]")).to_have_value(title, timeout=30_000)


def test_uploading_a_roster_downloads_the_pack(page, studio):
    _address, folder = studio
    page.locator("#tab-print").click()
    page.locator("#pack-form input[type=file]").set_input_files(str(folder / "roster.csv"))
    with page.expect_download(timeout=300_000) as download:
        page.locator("#pack-form button[type=submit]").click()
    archive = zipfile.ZipFile(download.value.path())
    assert "manifest.json" in archive.namelist() and "participants-print.pdf" in archive.namelist()
    expect(page.locator("#pack-said")).to_have_text("ดาวน์โหลดชุดเอกสารแล้ว")


@pytest.fixture(scope="module")
def filled_scan(tmp_path_factory):
    """One numbered blank copy of the reference's self-assessment, filled with a double mark
    or two, as a scanner's PDF."""
    import random

    from scan_fill import fill, form_pages, scan_pdf

    from workshopkit import app, scan_back
    work = tmp_path_factory.mktemp("scans")
    printed = app.build(REFERENCE, work / "out", ("pdf",), participants=1).folder / "participants-print.pdf"
    _form, layout, _own = scan_back.form_layout(REFERENCE)
    images, truth = fill(printed, form_pages(printed), layout, random.Random(11), double_share=0.1)
    scan_pdf(images, work / "สแกน.pdf", 200)
    return work / "สแกน.pdf", truth


def test_scans_of_paper_forms_are_read_and_their_review_shown(page, filled_scan):
    scan, truth = filled_scan
    page.locator("#tab-results").click()
    page.locator("#scan-form input[name=scans]").set_input_files(str(scan))
    page.locator("#scan-form button[type=submit]").click()
    said = page.locator("#scan-said strong")
    expect(said).to_contain_text("จับคู่ได้ 1 ชุด", timeout=120_000)
    expect(said).to_contain_text(f"ต้องตรวจทาน {len(truth.unclear)} ข้อ")
    first = page.locator("#scan-pages img").first
    expect(first).to_be_visible()
    # A function, not an expression: Playwright evals an expression string on each poll, which
    # the studio's Content-Security-Policy forbids once the image is not there at the first try.
    page.wait_for_function("() => document.querySelector('#scan-pages img').naturalWidth > 300")
    with page.expect_download() as download:
        page.locator("#scan-said a[download='answers.csv']").click()
    rows = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].startswith(",ชุดเปล่าที่ 1,1,")
    page.screenshot(path=str(scan.parent / "studio-scan.png"), full_page=False)
