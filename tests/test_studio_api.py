"""The studio's contract, in-process: its door (token, host, origin), the JSON API the page
uses, checked against the OpenAPI description it publishes, and the files it writes."""
from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

import jsonschema
import pytest
from helpers import NEARLY_EMPTY_LAST_PAGE, ROOT
from PIL import Image
from starlette.testclient import TestClient

from workshopkit import app
from workshopkit.studio import answers, api, folder, guard, printing, state, words  # noqa: F401
from workshopkit.studio.openapi import SPEC
from workshopkit.studio.server import create_app

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
TOKEN = "a-test-token-of-this-start"
SMALL = ROOT / "workshops" / "community-service-unit-1day.yaml"
REFERENCE = ROOT / "workshops" / "community-service-unit-2day.yaml"
BEARER = {"authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def room(tmp_path_factory) -> Path:
    place = tmp_path_factory.mktemp("studio")
    shutil.copy(SMALL, place / "forum.yaml")
    shutil.copy(REFERENCE, place / REFERENCE.name)  # the one-day workshop extends it
    (place / "notes.yaml").write_text("just: a list\n", encoding="utf-8")  # not a definition
    (place / "out").mkdir()
    (place / "out" / "old.yaml").write_text("title: built\n", encoding="utf-8")
    return place


@pytest.fixture(scope="module")
def client(room):
    with TestClient(create_app(room, TOKEN, "127.0.0.1", PORT, "en"), base_url=BASE) as client:
        yield client


def resolve(schema):
    """The schema with the description's $refs put in place, for jsonschema."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return resolve(SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]])
        return {k: resolve(v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [resolve(v) for v in schema]
    return schema


def conforms(response, template: str, method: str = "get") -> None:
    """The answer is one the description promises for this path, method and status."""
    operation = SPEC["paths"][template][method]
    described = operation["responses"].get(str(response.status_code))
    assert described, f"{method.upper()} {template} answered {response.status_code}, not described"
    content = described.get("content", {})
    media = response.headers["content-type"].split(";")[0]
    assert media in content, f"{template}: {media} not described"
    if media == "application/json":
        jsonschema.validate(response.json(), resolve(content[media]["schema"]))


# ---- the door ---------------------------------------------------------------------------

def test_without_the_token_nothing_is_answered(client):
    assert client.get("/api/definitions").status_code == 401
    assert client.get("/").status_code == 401
    assert client.get("/api/definitions", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/?token=wrong", follow_redirects=False).status_code == 401


def test_opening_the_link_sets_a_strict_cookie_and_leads_to_the_page(room):
    with TestClient(create_app(room, TOKEN, "127.0.0.1", PORT, "en"), base_url=BASE) as fresh:
        answer = fresh.get(f"/?token={TOKEN}", follow_redirects=False)
        assert answer.status_code in (302, 303) and answer.headers["location"] == "/"
        cookie = answer.headers["set-cookie"]
        assert f"workshopkit-studio-{PORT}={TOKEN}" in cookie and "HttpOnly" in cookie \
            and "SameSite=Strict" in cookie
        page = fresh.get("/")
        assert page.status_code == 200 and "/assets/studio.js" in page.text
        assert fresh.get("/api/definitions").status_code == 200


@pytest.mark.parametrize("host", ["evil.example:8765", "127.0.0.1:9999", "localhost", "attacker.test"])
def test_a_foreign_host_name_is_refused(client, host):
    assert client.get("/api/definitions", headers={**BEARER, "host": host}).status_code in (400, 403)


@pytest.mark.parametrize("host", [f"localhost:{PORT}", f"127.0.0.1:{PORT}"])
def test_both_loopback_names_are_the_studios_own(client, host):
    answer = client.put("/api/definitions/forum.yaml",
                        headers={**BEARER, "host": host, "origin": f"http://{host}"},
                        json={"text": SMALL.read_text(encoding="utf-8")})
    assert answer.status_code == 200


def test_a_change_needs_the_studios_origin_when_the_cookie_carries_it(room):
    text = {"text": SMALL.read_text(encoding="utf-8")}
    with TestClient(create_app(room, TOKEN, "127.0.0.1", PORT, "en"), base_url=BASE) as browser:
        browser.get(f"/?token={TOKEN}")
        assert browser.put("/api/definitions/forum.yaml", json=text).status_code == 403  # no Origin
        assert browser.put("/api/definitions/forum.yaml", json=text,
                           headers={"origin": "http://evil.example"}).status_code == 403
        assert browser.put("/api/definitions/forum.yaml", json=text,
                           headers={"origin": BASE}).status_code == 200
    with TestClient(create_app(room, TOKEN, "127.0.0.1", PORT, "en"), base_url=BASE) as script:
        assert script.put("/api/definitions/forum.yaml", json=text, headers=BEARER).status_code == 200
        assert script.put("/api/definitions/forum.yaml", json=text,
                          headers={**BEARER, "origin": "http://evil.example"}).status_code == 403


def test_an_office_server_answers_to_its_own_names_and_still_wants_the_token():
    names = guard.host_names("0.0.0.0")
    assert {"127.0.0.1", "localhost"} <= names and len(names) > 3


# ---- definitions ------------------------------------------------------------------------

def test_the_definitions_of_the_folder_are_listed(client):
    answer = client.get("/api/definitions", headers=BEARER)
    conforms(answer, "/api/definitions")
    assert {"community-service-unit-2day.yaml", "forum.yaml"} <= {d["path"] for d in answer.json()}
    reference = next(d for d in answer.json() if d["path"] == REFERENCE.name)
    assert reference["id"] == "community-service-unit-2day" and reference["title"].startswith("ชุดการเรียนรู้")


def test_a_definition_is_read_and_saved_even_with_problems(client, room):
    answer = client.get("/api/definitions/forum.yaml", headers=BEARER)
    conforms(answer, "/api/definitions/{path}")
    text = answer.json()["text"]
    broken = text.replace("start: ", "start: 25:00 #", 1)
    saved = client.put("/api/definitions/forum.yaml", headers=BEARER, json={"text": broken})
    conforms(saved, "/api/definitions/{path}", "put")
    assert (room / "forum.yaml").read_text(encoding="utf-8") == broken  # nothing typed is lost
    problem, = saved.json()["problems"]
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if "25:00" in row)
    assert problem["line"] == line and problem["path"].endswith(".start") and "25:00" in problem["message"]
    documents = client.get("/api/definitions/forum.yaml/documents", headers=BEARER)
    assert documents.status_code == 422
    conforms(documents, "/api/definitions/{path}/documents")
    fixed = client.put("/api/definitions/forum.yaml", headers=BEARER, json={"text": text})
    assert fixed.json()["problems"] == []


def test_problems_are_said_in_thai_for_a_thai_studio(room, monkeypatch):
    monkeypatch.setenv("WORKSHOPKIT_LANG", "en")  # restored after the test, whatever the studio sets
    text = SMALL.read_text(encoding="utf-8")
    with TestClient(create_app(room, TOKEN, "127.0.0.1", PORT, "th"), base_url=BASE) as thai:
        saved = thai.put("/api/definitions/forum.yaml", headers=BEARER,
                         json={"text": text.replace("\nagenda:", "\nagneda:", 1)})
        assert "หมายถึง 'agenda' หรือเปล่า" in saved.json()["problems"][0]["message"]
        thai.put("/api/definitions/forum.yaml", headers=BEARER, json={"text": text})


@pytest.mark.parametrize("path", ["../escape.yaml", "%2e%2e/escape.yaml", "sub/../../escape.yaml",
                                  ".hidden.yaml", "notes.txt", "link/escape.yaml"])
def test_a_path_outside_the_folder_is_refused_and_nothing_written(client, room, path):
    outside = room.parent / "escape.yaml"
    (room / "link").unlink(missing_ok=True)
    (room / "link").symlink_to(room.parent, target_is_directory=True)
    answer = client.put(f"/api/definitions/{path}", headers=BEARER, json={"text": "title: x\n"})
    assert 400 <= answer.status_code < 500
    assert not outside.exists() and not (room / ".hidden.yaml").exists()
    (room / "link").unlink()


def test_a_new_definition_from_the_library_stands_on_its_own(client, room):
    shipped = client.get("/api/library", headers=BEARER)
    conforms(shipped, "/api/library")
    assert {w["id"] for w in shipped.json()} >= {"community-service-unit-2day", "community-welfare-forums"}
    made = client.post("/api/definitions", headers=BEARER,
                       json={"from": "community-welfare-forums", "name": "my-forums"})
    conforms(made, "/api/definitions", "post")
    assert made.json()["path"] == "my-forums.yaml"
    assert app.validate(room / "my-forums.yaml").problems == []
    for name in ("../up", "sub/x", ""):
        refused = client.post("/api/definitions", headers=BEARER,
                              json={"from": "community-welfare-forums", "name": name})
        assert refused.status_code == 422
    assert not (room.parent / "up.yaml").exists()


# ---- pages ------------------------------------------------------------------------------

def test_every_document_of_the_pack_is_listed_with_its_pages(client):
    answer = client.get("/api/definitions/community-service-unit-2day.yaml/documents", headers=BEARER)
    conforms(answer, "/api/definitions/{path}/documents")
    listed = {d["slug"]: d for d in answer.json()}
    assert {"agenda", "session-plan", "sign-in", "print-checklist", "participant-pack",
            "facilitator-pack", "self-assessment", "action-plan"} <= set(listed)
    assert all(d["pages"] >= 1 for d in listed.values())
    singles = [d for d in listed.values()
               if d["audience"] == "participant" and d["kind"] != "participant-pack"]
    assert listed["participant-pack"]["pages"] >= sum(d["pages"] for d in singles)


def test_a_page_that_holds_almost_nothing_is_marked(client, room):
    (room / "tall.yaml").write_text(NEARLY_EMPTY_LAST_PAGE, encoding="utf-8")
    answer = client.get("/api/definitions/tall.yaml/documents?full=1", headers=BEARER)
    listed = {d["slug"]: d for d in answer.json()["documents"]}
    assert listed["worksheet-notes"]["nearly_empty"] == [2] and listed["agenda"]["nearly_empty"] == []
    assert any("page 2 is a quarter full or less" in w for w in answer.json()["warnings"])
    (room / "tall.yaml").unlink()


def test_a_page_is_a_picture_that_changes_with_the_text(client, room):
    url = "/api/definitions/forum.yaml/documents/agenda/pages/1.png"
    before = client.get(url, headers=BEARER)
    conforms(before, "/api/definitions/{path}/documents/{slug}/pages/{n}.png")
    image = Image.open(io.BytesIO(before.content))
    assert image.width > 800 and image.height > image.width  # A4 upright, sharp enough to read
    text = (room / "forum.yaml").read_text(encoding="utf-8")
    client.put("/api/definitions/forum.yaml", headers=BEARER,
               json={"text": text.replace("title: ", "title: เวทีใหม่ ", 1)})
    after = client.get(url, headers=BEARER)
    assert after.status_code == 200 and after.content != before.content
    client.put("/api/definitions/forum.yaml", headers=BEARER, json={"text": text})
    missing = client.get("/api/definitions/forum.yaml/documents/agenda/pages/99.png", headers=BEARER)
    assert missing.status_code == 404
    pdf = client.get("/api/definitions/forum.yaml/documents/agenda.pdf", headers=BEARER)
    conforms(pdf, "/api/definitions/{path}/documents/{slug}.pdf")
    assert pdf.content.startswith(b"%PDF")


def test_the_agenda_form_moves_an_item_and_the_times_follow(client, room):
    form = client.get("/api/definitions/forum.yaml/agenda", headers=BEARER)
    conforms(form, "/api/definitions/{path}/agenda")
    first = form.json()["days"][0]["items"]
    moved = client.post("/api/definitions/forum.yaml/agenda", headers=BEARER,
                        json={"op": "move", "day": 0, "index": 1, "to": 2})
    conforms(moved, "/api/definitions/{path}/agenda", "post")
    after = moved.json()["days"][0]["items"]
    assert [i["title"] for i in after[:3]] == [first[0]["title"], first[2]["title"], first[1]["title"]]
    assert after[1]["start"] == first[1]["start"]  # the item moved up starts where the other did
    assert (room / "forum.yaml").read_text(encoding="utf-8") == moved.json()["text"]
    client.post("/api/definitions/forum.yaml/agenda", headers=BEARER,
                json={"op": "move", "day": 0, "index": 2, "to": 1})


# ---- printing and results ---------------------------------------------------------------

def test_the_pack_for_a_roster_comes_as_a_zip(client, room):
    roster = "ลำดับ,ชื่อ,นามสกุล,ตำบล\n1,สมศรี,ใจดี,หนองบัว\n2,สมชาย,มั่นคง,โนนสูง\n"
    answer = client.post("/api/definitions/forum.yaml/pack", headers=BEARER,
                         files={"roster": ("รายชื่อ.csv", roster.encode(), "text/csv")})
    conforms(answer, "/api/definitions/{path}/pack", "post")
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    manifest = json.loads(archive.read("manifest.json"))
    assert "participants-print.pdf" in archive.namelist() and "sign-in.pdf" in archive.namelist()
    assert {d["path"] for d in manifest["documents"]} <= set(archive.namelist())
    progress = client.get("/api/definitions/forum.yaml/progress", headers=BEARER)
    assert progress.headers["content-type"].startswith("text/event-stream")
    assert '"state": "done"' in progress.text
    assert not (room / "out" / "community-service-unit-1day").exists()  # built aside, sent, removed


def test_without_a_roster_the_pack_has_blank_forms(client):
    answer = client.post("/api/definitions/forum.yaml/pack", headers=BEARER)
    conforms(answer, "/api/definitions/{path}/pack", "post")
    names = zipfile.ZipFile(io.BytesIO(answer.content)).namelist()
    assert "manifest.json" in names and "sign-in.pdf" in names and "participants-print.pdf" not in names


def test_a_new_file_is_saved_only_in_a_folder_that_exists(client, room):
    saved = client.put("/api/definitions/new.yaml", headers=BEARER, json={"text": "title: x\n"})
    assert saved.status_code == 200
    assert (room / "new.yaml").read_text(encoding="utf-8") == "title: x\n"
    (room / "new.yaml").unlink()
    assert client.put("/api/definitions/no/such.yaml", headers=BEARER, json={"text": "x"}).status_code == 404


def test_a_roster_with_a_problem_is_said_at_its_row(client):
    roster = "ลำดับ,ชื่อ,นามสกุล\n1,สมศรี,ใจดี\n2,,มั่นคง\n"
    answer = client.post("/api/definitions/forum.yaml/pack", headers=BEARER,
                         files={"roster": ("รายชื่อ.csv", roster.encode(), "text/csv")})
    conforms(answer, "/api/definitions/{path}/pack", "post")
    problem, = answer.json()["problems"]
    assert (problem["line"], problem["column"], problem["file"]) == (3, 2, "รายชื่อ.csv")


def test_an_upload_that_is_not_a_sheet_is_refused(client):
    answer = client.post("/api/definitions/forum.yaml/pack", headers=BEARER,
                         files={"roster": ("roster.sh", b"rm -rf /", "text/plain")})
    assert answer.status_code == 400


def test_results_of_uploaded_responses_are_shown_as_pages(client, room, tmp_path):
    template = tmp_path / "template.csv"
    app.results_template(room / "forum.yaml", template)
    rows = list(csv.reader(template.read_text(encoding="utf-8-sig").splitlines()))
    header, filled = rows[0], [rows[0]]
    for n in range(1, 6):
        filled.append([f"P{n}" if h == "รหัส" else "1" if h == "round" else
                       str(1 + n % 4) if h[:1].isdigit() and "หมายเหตุ" not in h else "" for h in header])
    data = io.StringIO()
    csv.writer(data).writerows(filled)
    made = client.post("/api/definitions/forum.yaml/results", headers=BEARER,
                       files={"responses": ("คำตอบ.csv", data.getvalue().encode(), "text/csv")})
    conforms(made, "/api/definitions/{path}/results", "post")
    assert made.json()["pages"] >= 1
    page = client.get("/api/definitions/forum.yaml/results/pages/1.png", headers=BEARER)
    conforms(page, "/api/definitions/{path}/results/pages/{n}.png")
    assert page.status_code == 200 and Image.open(io.BytesIO(page.content)).width > 300
    report = client.get("/api/definitions/forum.yaml/results/results.pdf", headers=BEARER)
    conforms(report, "/api/definitions/{path}/results/{file}")


# ---- the description --------------------------------------------------------------------

def test_the_published_description_is_served_and_names_every_route(client):
    answer = client.get("/api/openapi.json", headers=BEARER)
    assert answer.json() == json.loads(json.dumps(SPEC))
    jsonschema.Draft202012Validator.check_schema({"$defs": SPEC["components"]["schemas"]})
    served = {route.path for route in client.app.app.app.routes if route.path.startswith("/api/")}
    described = set(SPEC["paths"])
    assert served - {"/api/definitions/{rest:path}"} <= described
    below = {p for p in described if p.startswith("/api/definitions/{path}")}
    assert {"/api/definitions/{path}", "/api/definitions/{path}/documents",
            "/api/definitions/{path}/documents/{slug}/pages/{n}.png", "/api/definitions/{path}/pack"} <= below
    for template in below:  # each answered by the catch-all route, not a 404 of its own
        path = template.replace("{path}", "forum.yaml").replace("{slug}", "agenda").replace("{n}", "1") \
            .replace("{file}", "results.pdf")
        method = next(iter(m for m in SPEC["paths"][template] if m != "parameters"))
        if method == "get":
            assert client.get(path, headers=BEARER).status_code != 405, template


def test_the_page_words_exist_in_both_languages(client):
    thai = client.get("/api/words/th", headers=BEARER)
    conforms(thai, "/api/words/{lang}")
    assert thai.json()["agenda"] == "กำหนดการ"
    assert client.get("/api/words/en", headers=BEARER).json()["agenda"] == "Agenda"
    assert set(thai.json()) == set(words.WORDS)


def test_the_folder_lists_only_workshop_definitions_not_outputs(room):
    listed = [d.path for d in folder.definitions(room)]
    assert "out/old.yaml" not in listed and "notes.yaml" not in listed


def test_scans_of_paper_forms_are_read_with_their_review_as_pages(client, room, tmp_path):
    import random

    from scan_fill import fill, form_pages, scan_pdf

    from workshopkit import scan_back
    built = app.build(room / "forum.yaml", tmp_path / "out", ("pdf",), participants=1)
    printed = built.folder / "participants-print.pdf"
    _form, layout, _own = scan_back.form_layout(room / "forum.yaml")
    images, truth = fill(printed, form_pages(printed), layout, random.Random(5), double_share=0.2)
    scan_pdf(images, tmp_path / "scan.pdf", 200)
    made = client.post("/api/definitions/forum.yaml/scan", headers=BEARER,
                       files=[("scans", ("สแกน.pdf", (tmp_path / "scan.pdf").read_bytes(),
                                         "application/pdf"))])
    conforms(made, "/api/definitions/{path}/scan", "post")
    said = made.json()
    assert said["unclear"] == len(truth.unclear) > 0 and said["unmatched"] == []
    assert f"{len(layout)} pages read (0 blank), 1 copies matched" in said["summary"]
    answers_csv = client.get("/api/definitions/forum.yaml/scan/answers.csv", headers=BEARER)
    conforms(answers_csv, "/api/definitions/{path}/scan/{file}")
    rows = list(csv.reader(io.StringIO(answers_csv.content.decode("utf-8-sig"))))
    assert rows[1][:3] == ["", "blank copy 1", "1"]
    page = client.get("/api/definitions/forum.yaml/scan/pages/1.png", headers=BEARER)
    conforms(page, "/api/definitions/{path}/scan/pages/{n}.png")
    assert page.status_code == 200 and Image.open(io.BytesIO(page.content)).width > 300
    wrong = client.post("/api/definitions/forum.yaml/scan", headers=BEARER,
                        files=[("scans", ("notes.txt", b"hello", "text/plain"))])
    assert wrong.status_code == 400
    not_ours = client.post("/api/definitions/forum.yaml/scan", headers=BEARER,
                           files=[("scans", ("agenda.pdf", (built.folder / "agenda.pdf").read_bytes(),
                                             "application/pdf"))])
    conforms(not_ours, "/api/definitions/{path}/scan", "post")
    assert not_ours.status_code == 422 and "no QR code of a form" in not_ours.json()["problems"][0]["message"]
