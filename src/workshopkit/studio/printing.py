"""The studio's print day and the day after: the pack for a roster as a zip (its progress
streamed to the page as server-sent events), and the results report of uploaded responses
with its pages as pictures."""
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


async def _uploads(request: Request, name: str, most: int) -> list[tuple[str, bytes]] | JSONResponse:
    """The uploaded files of field `name`: each a CSV or xlsx of at most the sheets' limit."""
    form = await request.form(max_files=most, max_fields=10)
    files = []
    for upload in form.getlist(name):
        if not isinstance(upload, UploadFile):
            continue
        filename = Path(upload.filename or "upload.csv").name
        if Path(filename).suffix.lower() not in SHEETS:
            return refused(ValueError(_("'{file}': give a .csv or .xlsx file").format(file=filename)), 400)
        data = await upload.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return refused(ValueError(_("'{file}' is larger than {limit} MB").format(
                file=filename, limit=MAX_BYTES // 1024 // 1024)), 413)
        files.append((filename, data))
    return files


async def pack(request: Request, studio: Studio, path: Path, below: str) -> Response:
    """POST .../pack: the pack (for the roster uploaded, if one is) as a zip."""
    uploads = await _uploads(request, "roster", 1)
    if isinstance(uploads, Response):
        return uploads
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
        uploads = await _uploads(request, "responses", 4)
        if isinstance(uploads, Response):
            return uploads
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
    if len(parts) == 2 and parts[1] in ("results.pdf", "results.docx"):
        media = "application/pdf" if parts[1].endswith("pdf") else \
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return Response(made[parts[1]], media_type=media,
                        headers={"content-disposition": f'attachment; filename="{parts[1]}"'})
    if len(parts) == 4 and parts[2] == "pages" and parts[3].endswith(".png") and parts[3][:-4].isdigit():
        picture = await run_in_threadpool(page_png, made["results.pdf"], int(parts[3][:-4]))
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


ROUTES = {("POST", "pack"): pack, ("GET", "progress"): progress,
          ("POST", "results"): results, ("GET", "results"): results}
