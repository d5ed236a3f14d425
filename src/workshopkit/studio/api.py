"""The studio's JSON API, which its page uses: the definitions in the folder, their text saved
as the trainer types, the pack's documents laid out and each page as a picture, the agenda as
a form, the library to start from. Printing for a roster and results are in `printing.py`.

Every handler calls the library's use cases (app.py) and answers with what they found;
problems are `{"line", "column", "path", "message"}`, in the language of the studio.
"""
from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .. import app, output
from ..definition import agenda_form
from ..errors import WorkshopkitError
from ..i18n import _
from . import printing
from .answers import json_body, located, problems, refused
from .folder import Refused, definitions, inside
from .state import Studio

MAX_TEXT = 2_000_000  # bytes of a definition the page may save (the loader's own limit)


async def list_definitions(request: Request) -> JSONResponse:
    studio: Studio = request.app.state.studio
    listed = await run_in_threadpool(definitions, studio.folder)
    return JSONResponse([asdict(d) for d in listed])


async def create_definition(request: Request) -> JSONResponse:
    studio: Studio = request.app.state.studio
    asked = await json_body(request)
    source, name = asked.get("from"), asked.get("name")
    if not isinstance(source, str) or not isinstance(name, str):
        return refused(ValueError(_("give 'from' (a shipped workshop's id) and 'name'")), 400)
    try:
        path = await run_in_threadpool(app.new, name, source, studio.folder)
    except WorkshopkitError as error:
        return JSONResponse({"error": "\n".join(error.lines())}, status_code=422)
    return JSONResponse({"path": path.resolve().relative_to(studio.folder.resolve()).as_posix()},
                        status_code=201)


async def library(request: Request) -> JSONResponse:
    studio: Studio = request.app.state.studio
    if studio.library is None:
        shipped = await run_in_threadpool(app.shipped)
        studio.library = [{"id": s.id, "title": s.workshop.title, "subtitle": s.workshop.subtitle or "",
                           "days": len(s.workshop.agenda.days), "documents": documents,
                           "description": " · ".join(s.workshop.objectives[:2]) if s.workshop.objectives
                           else ""} for s, documents in shipped]
    return JSONResponse(studio.library)


async def definition(request: Request) -> Response:
    """GET and PUT /api/definitions/{path}, and everything below it."""
    studio: Studio = request.app.state.studio
    relative, below = _split(request.path_params["rest"])
    try:
        path = inside(studio.folder, relative, must_exist=not (request.method == "PUT" and not below))
    except Refused as error:
        return refused(error)
    except FileNotFoundError:
        return refused(FileNotFoundError(_("no definition '{path}'").format(path=relative)), 404)
    handler = _ROUTES.get((request.method, below.split("/")[1] if below else ""))
    if handler is None:
        return refused(ValueError(_("nothing here")), 404)
    return await handler(request, studio, path, below)


_BELOW = re.compile(r"(.+?\.ya?ml)(/.*)?")  # a definition's path, then what of it is asked for


def _split(rest: str) -> tuple[str, str]:
    found = _BELOW.fullmatch(rest)
    return (found.group(1), found.group(2) or "") if found else (rest, "")


async def _read(request: Request, studio: Studio, path: Path, below: str) -> Response:
    text = await run_in_threadpool(path.read_text, encoding="utf-8-sig")
    return JSONResponse({"text": text})


async def _save(request: Request, studio: Studio, path: Path, below: str) -> Response:
    asked = await json_body(request)
    text = asked.get("text")
    if not isinstance(text, str) or len(text.encode()) > MAX_TEXT:
        return refused(ValueError(_("give the definition's text, at most 2 MB")), 400)
    if not path.parent.is_dir():
        return refused(FileNotFoundError(_("no folder '{path}' in the studio's folder").format(
            path=path.parent.name)), 404)
    await run_in_threadpool(output.write_atomic, path, text.encode("utf-8"))
    return JSONResponse(await run_in_threadpool(_checked, studio, path))


def _checked(studio: Studio, path: Path) -> dict[str, Any]:
    checked = app.validate(path)
    return {"problems": problems(checked.located, studio.folder),
            "warnings": problems(checked.located_warnings, studio.folder)}


async def _documents(request: Request, studio: Studio, path: Path, below: str) -> Response:
    parts = below.strip("/").split("/")  # documents | documents/{slug}.pdf | documents/{slug}/pages/{n}.png
    try:
        if len(parts) == 1:
            preview = await run_in_threadpool(studio.preview, path)
            root = str(studio.folder.resolve()) + "/"
            return JSONResponse({"documents": [_document(e, preview.sparse) for e in preview.entries],
                                 "warnings": [w.replace(root, "") for w in preview.warnings]}
                                if "full" in request.query_params
                                else [_document(e, preview.sparse) for e in preview.entries])
        if len(parts) == 2 and parts[1].endswith(".pdf"):
            await run_in_threadpool(studio.preview, path)
            data = await run_in_threadpool(app.document_pdf, path, parts[1], studio.worker)
            media = "application/pdf"
        elif len(parts) == 4 and parts[2] == "pages" and parts[3].endswith(".png") \
                and parts[3][:-4].isdigit():
            await run_in_threadpool(studio.preview, path)
            data = await run_in_threadpool(app.page_png, path, f"{parts[1]}.pdf", int(parts[3][:-4]),
                                           studio.worker)
            media = "image/png"
        else:
            return refused(ValueError(_("nothing here")), 404)
    except WorkshopkitError as error:
        return JSONResponse({"problems": problems(located(error, path), studio.folder)}, status_code=422)
    if data is None:
        return refused(ValueError(_("no such page")), 404)
    return Response(data, media_type=media, headers={"cache-control": "no-store"})


def _document(entry: Any, sparse: dict[str, list[int]]) -> dict[str, Any]:
    return {"slug": Path(entry.path).stem, "kind": entry.kind, "title": entry.title,
            "pages": entry.pages, "audience": entry.audience, "copies": entry.copies,
            "nearly_empty": sparse.get(entry.path, [])}


async def _agenda(request: Request, studio: Studio, path: Path, below: str) -> Response:
    text = await run_in_threadpool(path.read_text, encoding="utf-8-sig")
    if request.method == "POST":
        try:
            text = agenda_form.edit_agenda(text, await json_body(request))
        except WorkshopkitError as error:
            return JSONResponse({"error": str(error)}, status_code=422)
        await run_in_threadpool(output.write_atomic, path, text.encode("utf-8"))
        checked = await run_in_threadpool(_checked, studio, path)
    else:
        checked = {}
    days = agenda_form.agenda_form(text)
    return JSONResponse({"days": [asdict(d) for d in days], "text": text, **checked})


_ROUTES: dict[tuple[str, str], Any] = {
    ("GET", ""): _read, ("PUT", ""): _save,
    ("GET", "documents"): _documents,
    ("GET", "agenda"): _agenda, ("POST", "agenda"): _agenda,
    **printing.ROUTES,
}
