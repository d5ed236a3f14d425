"""How the studio answers: problems placed for the page, a refusal with its reason, a JSON
body read without trusting it."""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from ..errors import Problem, WorkshopkitError


def problems(found: Sequence[Problem], folder: Path) -> list[dict[str, Any]]:
    """Problems as the API gives them, the file named relative to the folder."""
    root = folder.resolve()
    out = []
    for problem in found:
        file = Path(problem.file)
        shown = file.resolve().relative_to(root).as_posix() if file.is_absolute() and \
            file.resolve().is_relative_to(root) else file.name
        out.append({"line": problem.line, "column": problem.column, "path": problem.path,
                    "message": problem.message, "file": shown})
    return out


def refused(error: Exception, status: int = 403) -> JSONResponse:
    """A request the studio will not do, with why."""
    return JSONResponse({"error": str(error)}, status_code=status)


def located(error: WorkshopkitError, path: Path) -> list[Problem]:
    """The error's problems, or the error itself at the definition's first line."""
    return list(getattr(error, "problems", [])) or [Problem(str(path), 1, 1, "", str(error))]



async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object; an empty one for anything else."""
    try:
        data = json.loads(await request.body() or b"{}")
    except (ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}
