"""The studio's print day and the day after: the pack for a roster as a zip (its progress
streamed to the page as server-sent events), the results report of uploaded responses with
its pages as pictures, and scanned paper forms read back into answers.csv with the review of
what a person must settle, its pages as pictures."""
from __future__ import annotations

import asyncio
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from .. import app, output
from ..errors import WorkshopkitError
from ..i18n import _
from ..people.sheets import MAX_BYTES
from ..render.pictures import page_count, page_png
from .answers import located, problems, refused
from .state import Job, Studio

SHEETS = (".csv", ".xlsx")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SCANS = (".pdf", ".png", ".jpg", ".jpeg")
MAX_SCAN_BYTES = 400 * 1024 * 1024  # a scanner's PDF of a few hundred pages


async def _uploads(request: Request, name: str, most: int, kinds: tuple[str, ...] = SHEETS,
                   limit: int = MAX_BYTES, also: str = ""
                   ) -> dict[str, list[tuple[str, bytes]]] | JSONResponse:
    """The uploaded files of field `name` (and of field `also`, a sheet): each of the `kinds`
    and at most `limit` bytes."""
    form = await request.form(max_files=most + 1, max_fields=10)
    found: dict[str, list[tuple[str, bytes]]] = {name: [], also: []}
    for field_name, allowed, most_bytes in ((name, kinds, limit), (also, SHEETS, MAX_BYTES)):
        for upload in form.getlist(field_name) if field_name else []:
            if not isinstance(upload, UploadFile) or not upload.filename:
                continue  # a file input left empty sends a part without a name
            filename = Path(upload.filename).name
            if Path(filename).suffix.lower() not in allowed:
                return refused(ValueError(_("'{file}': give a {kinds} file").format(
                    file=filename, kinds=" / ".join(allowed))), 400)
            data = await upload.read(most_bytes + 1)
            if len(data) > most_bytes:
                return refused(ValueError(_("'{file}' is larger than {limit} MB").format(
                    file=filename, limit=most_bytes // 1024 // 1024)), 413)
            found[field_name].append((filename, data))
    return found


async def pack(request: Request, studio: Studio, path: Path, below: str) -> Response:
    """POST .../pack: the pack (for the roster uploaded, if one is) as a zip."""
    given = await _uploads(request, "roster", 1)
    if isinstance(given, Response):
        return given
    uploads = given["roster"]
    job = studio.jobs[str(path)] = Job()

    def progress(done: int, total: int) -> None:
        job.done, job.total = done, total

    try:
        data = await run_in_threadpool(_zipped_pack, path, uploads[0] if uploads else None, progress)
    except WorkshopkitError as error:
        job.state, job.message = "failed", str(error)
        return JSONResponse({"problems": problems(located(error, path), studio.folder)}, status_code=422)
    job.state = "done"
    return Response(data, media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="{path.stem}-pack.zip"'})


def _zipped_pack(path: Path, roster: tuple[str, bytes] | None, progress: Any) -> bytes:
    with output.scratch() as scratch:
        sheet = None
        if roster:
            sheet = scratch / roster[0]
            output.write_atomic(sheet, roster[1])
        built = app.build(path, scratch / "out", roster=sheet, progress=progress)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(built.folder.iterdir()):
                if file.is_file():
                    archive.write(file, file.name)
        return buffer.getvalue()


async def progress(request: Request, studio: Studio, path: Path, below: str) -> Response:
    """GET .../progress: the print run's progress, as server-sent events until it ends."""
    async def events():
        sent = None
        for _tick in range(36000):  # an hour at most
            job = studio.jobs.get(str(path))
            now = (job.done, job.total, job.state, job.message) if job else (0, 0, "waiting", "")
            if now != sent:
                sent = now
                said = dict(zip(("done", "total", "state", "message"), now, strict=True))
                yield f"data: {json.dumps(said, ensure_ascii=False)}\n\n"
            if job and job.state != "running":
                return
            await asyncio.sleep(0.1)
    return StreamingResponse(events(), media_type="text/event-stream", headers={"cache-control": "no-store"})


async def results(request: Request, studio: Studio, path: Path, below: str) -> Response:
    """POST .../results: the report of the uploaded responses; GET .../results/pages/{n}.png
    and .../results/results.pdf (or .docx): what it made."""
    key = str(path)
    if request.method == "POST":
        given = await _uploads(request, "responses", 4)
        if isinstance(given, Response):
            return given
        uploads = given["responses"]
        if not uploads:
            return refused(ValueError(_("give the responses: a .csv or .xlsx file")), 400)
        try:
            studio.results[key] = await run_in_threadpool(_report, path, uploads)
        except WorkshopkitError as error:
            return JSONResponse({"problems": problems(located(error, path), studio.folder)}, status_code=422)
        report = studio.results[key]
        return JSONResponse({"pages": page_count(report["results.pdf"]),
                             "warnings": json.loads(report["warnings"])})
    parts = below.strip("/").split("/")
    made = studio.results.get(key)
    if made is None:
        return refused(ValueError(_("no results yet: upload the responses first")), 404)
    return await _made(made, parts, {"results.pdf": "application/pdf", "results.docx": DOCX}, "results.pdf")


async def _made(made: dict[str, bytes], parts: list[str], files: dict[str, str], shown: str) -> Response:
    """GET .../{file} (one of `files`, by its media type) or .../pages/{n}.png (of `shown`) of
    what a request made."""
    if len(parts) == 2 and parts[1] in files:
        return Response(made[parts[1]], media_type=files[parts[1]],
                        headers={"content-disposition": f'attachment; filename="{parts[1]}"'})
    if len(parts) == 3 and parts[1] == "pages" and parts[2].endswith(".png") and parts[2][:-4].isdigit():
        picture = await run_in_threadpool(page_png, made[shown], int(parts[2][:-4]))
        if picture:
            return Response(picture, media_type="image/png", headers={"cache-control": "no-store"})
    return refused(ValueError(_("no such page")), 404)


def _report(path: Path, uploads: list[tuple[str, bytes]]) -> dict[str, bytes]:
    with output.scratch() as scratch:
        sheets = []
        for name, data in uploads:
            sheets.append(scratch / name)
            output.write_atomic(scratch / name, data)
        made = app.build_results(path, sheets, scratch / "out")
        return {"results.pdf": (made.folder / "results.pdf").read_bytes(),
                "results.docx": (made.folder / "results.docx").read_bytes(),
                "warnings": json.dumps([str(w) for w in made.warnings], ensure_ascii=False).encode()}


async def scan(request: Request, studio: Studio, path: Path, below: str) -> Response:
    """POST .../scan: the uploaded scans read (field `scans`, and a `roster` for the names);
    GET .../scan/answers.csv, .../scan/review.pdf and .../scan/pages/{n}.png (the review's)."""
    key = str(path)
    if request.method == "POST":
        given = await _uploads(request, "scans", 20, SCANS, MAX_SCAN_BYTES, also="roster")
        if isinstance(given, Response):
            return given
        if not given["scans"]:
            return refused(ValueError(_("give the scans: PDF, PNG or JPEG files")), 400)
        try:
            studio.scans[key] = await run_in_threadpool(_read_scans, path, given["scans"], given["roster"])
        except WorkshopkitError as error:
            return JSONResponse({"problems": problems(located(error, path), studio.folder)}, status_code=422)
        return JSONResponse(json.loads(studio.scans[key]["said"]))
    parts = below.strip("/").split("/")
    made = studio.scans.get(key)
    if made is None:
        return refused(ValueError(_("nothing read yet: upload the scans first")), 404)
    return await _made(made, parts, {"answers.csv": "text/csv", "review.pdf": "application/pdf"},
                       "review.pdf")


def _read_scans(path: Path, scans: list[tuple[str, bytes]], roster: list[tuple[str, bytes]]
                ) -> dict[str, bytes]:
    from .. import scan_back  # OpenCV only when scans are read: see cli.scan

    with output.scratch() as scratch:
        files = []
        for number, (name, data) in enumerate([*scans, *roster]):
            files.append(scratch / f"{number}-{name}")  # two uploads may share a name
            output.write_atomic(files[-1], data)
        reading = scan_back.scan(path, files[:len(scans)], scratch / "answers.csv",
                                 review=scratch / "review.pdf", roster=files[-1] if roster else None).reading
        # a page is named by the file as uploaded, without the number it was kept under here
        unmatched = [f"{Path(page.source).name.split('-', 1)[-1]}: {page.reason}"
                     for page in reading.unmatched]
        review = (scratch / "review.pdf").read_bytes()
        said = {"summary": reading.summary(), "pages": page_count(review),
                "unclear": len(reading.unclear), "unmatched": unmatched}
        return {"answers.csv": (scratch / "answers.csv").read_bytes(), "review.pdf": review,
                "said": json.dumps(said, ensure_ascii=False).encode()}


ROUTES = {("POST", "pack"): pack, ("GET", "progress"): progress,
          ("POST", "results"): results, ("GET", "results"): results,
          ("POST", "scan"): scan, ("GET", "scan"): scan}
