"""The studio's API as OpenAPI 3.1, served at /api/openapi.json. Written here by hand, next to
nothing else, and kept true by tests/test_studio_api.py, which calls every operation and
checks each answer against its schema, and every route against this list."""
from __future__ import annotations

from typing import Any

_PATH = {"name": "path", "in": "path", "required": True, "schema": {"type": "string"},
         "description": "A definition's path relative to the studio's folder, such as my-forum.yaml"}
_SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
_N = {"name": "n", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


_PROBLEMS = _json(_ref("Problems"), "The definition (or the roster) has problems")
_ERROR = _json(_ref("Error"), "Refused, with why")
_PNG = {"description": "The page as a PNG", "content": {"image/png": {}}}
_MULTIPART = {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {
    "roster": {"type": "string", "format": "binary"}}}}}}

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "workshopkit studio", "version": "1",
             "description": "Every request carries the studio's token: the cookie set by opening "
                            "/?token=TOKEN, or Authorization: Bearer TOKEN."},
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                            "cookie": {"type": "apiKey", "in": "cookie", "name": "workshopkit-studio-PORT"}},
        "schemas": {
            "Problem": {"type": "object", "required": ["line", "column", "path", "message"],
                        "properties": {"line": {"type": "integer"}, "column": {"type": "integer"},
                                       "path": {"type": "string"}, "message": {"type": "string"},
                                       "file": {"type": "string"}}},
            "Problems": {"type": "object", "required": ["problems"],
                         "properties": {"problems": {"type": "array", "items": _ref("Problem")},
                                        "warnings": {"type": "array", "items": _ref("Problem")}}},
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
            "Definition": {"type": "object", "required": ["path", "id", "title"],
                           "properties": {"path": {"type": "string"}, "id": {"type": "string"},
                                          "title": {"type": "string"}, "language": {"enum": ["th", "en"]}}},
            "Document": {"type": "object", "required": ["slug", "kind", "title", "pages"],
                         "properties": {"slug": {"type": "string"}, "kind": {"type": "string"},
                                        "title": {"type": "string"},
                                        "pages": {"type": "integer", "minimum": 1},
                                        "audience": {"type": "string"}, "copies": {"type": "integer"},
                                        "nearly_empty": {"type": "array", "items": {"type": "integer"},
                                                         "description": "pages a quarter full or less"}}},
            "Shipped": {"type": "object", "required": ["id", "title", "days", "documents"],
                        "properties": {"id": {"type": "string"}, "title": {"type": "string"},
                                       "subtitle": {"type": "string"}, "description": {"type": "string"},
                                       "days": {"type": "integer"},
                                       "documents": {"type": "array", "items": {"type": "string"}}}},
            "AgendaItem": {"type": "object", "required": ["title", "kind", "start", "end"],
                           "properties": {"title": {"type": "string"},
                                          "minutes": {"type": ["integer", "null"]},
                                          "kind": {"type": "string"}, "at": {"type": ["string", "null"]},
                                          "activity": {"type": ["string", "null"]},
                                          "start": {"type": ["string", "null"]},
                                          "end": {"type": ["string", "null"]},
                                          "problem": {"type": ["string", "null"]}}},
            "Agenda": {"type": "object", "required": ["days", "text"], "properties": {
                "text": {"type": "string"},
                "problems": {"type": "array", "items": _ref("Problem")},
                "warnings": {"type": "array", "items": _ref("Problem")},
                "days": {"type": "array", "items": {"type": "object", "required": ["items"], "properties": {
                    "date": {"type": ["string", "null"]}, "start": {"type": ["string", "null"]},
                    "problem": {"type": ["string", "null"]},
                    "items": {"type": "array", "items": _ref("AgendaItem")}}}}}},
            "AgendaChange": {"type": "object", "required": ["op", "day", "index"], "properties": {
                "op": {"enum": ["move", "set", "add", "remove"]}, "day": {"type": "integer"},
                "index": {"type": "integer"}, "to": {"type": "integer"},
                "field": {"enum": ["title", "minutes", "kind", "at", "activity", "note"]},
                "value": {}, "item": {"type": "object"}}},
        }},
    "security": [{"bearer": []}, {"cookie": []}],
    "paths": {
        "/api/definitions": {
            "get": {"summary": "The definitions in the studio's folder",
                    "responses": {"200": _json({"type": "array", "items": _ref("Definition")})}},
            "post": {"summary": "A new definition NAME.yaml, made from a shipped workshop",
                     "requestBody": {"content": {"application/json": {"schema": {
                         "type": "object", "required": ["from", "name"],
                         "properties": {"from": {"type": "string"}, "name": {"type": "string"}}}}}},
                     "responses": {"201": _json({"type": "object", "required": ["path"],
                                                 "properties": {"path": {"type": "string"}}}),
                                   "422": _ERROR}}},
        "/api/definitions/{path}": {
            "parameters": [_PATH],
            "get": {"summary": "The definition's text",
                    "responses": {"200": _json({"type": "object", "required": ["text"],
                                                "properties": {"text": {"type": "string"}}}),
                                  "404": _ERROR, "403": _ERROR}},
            "put": {"summary": "Saves the text (even with problems) and says its problems",
                    "requestBody": {"content": {"application/json": {"schema": {
                        "type": "object", "required": ["text"],
                        "properties": {"text": {"type": "string"}}}}}},
                    "responses": {"200": _json(_ref("Problems")), "403": _ERROR, "400": _ERROR}}},
        "/api/definitions/{path}/documents": {
            "parameters": [_PATH],
            "get": {"summary": "Every document of the pack with its page count",
                    "responses": {"200": _json({"type": "array", "items": _ref("Document")}),
                                  "422": _PROBLEMS}}},
        "/api/definitions/{path}/documents/{slug}.pdf": {
            "parameters": [_PATH, _SLUG],
            "get": {"summary": "One document of the pack as its PDF",
                    "responses": {"200": {"description": "The PDF", "content": {"application/pdf": {}}},
                                  "404": _ERROR, "422": _PROBLEMS}}},
        "/api/definitions/{path}/documents/{slug}/pages/{n}.png": {
            "parameters": [_PATH, _SLUG, _N],
            "get": {"summary": "Page n (from 1) of a document", "responses": {
                "200": _PNG, "404": _ERROR, "422": _PROBLEMS}}},
        "/api/definitions/{path}/agenda": {
            "parameters": [_PATH],
            "get": {"summary": "The agenda as a form, with computed times",
                    "responses": {"200": _json(_ref("Agenda"))}},
            "post": {"summary": "One change to the agenda, written into the text keeping the rest",
                     "requestBody": {"content": {"application/json": {"schema": _ref("AgendaChange")}}},
                     "responses": {"200": _json(_ref("Agenda")), "422": _ERROR}}},
        "/api/definitions/{path}/pack": {
            "parameters": [_PATH],
            "post": {"summary": "The pack, for the roster uploaded if one is, as a zip",
                     "requestBody": _MULTIPART,
                     "responses": {"200": {"description": "manifest.json and the pack's files",
                                           "content": {"application/zip": {}}},
                                   "422": _PROBLEMS, "400": _ERROR, "413": _ERROR}}},
        "/api/definitions/{path}/progress": {
            "parameters": [_PATH],
            "get": {"summary": "The print run's progress, as server-sent events",
                    "responses": {"200": {"description": "data: {done, total, state, message}",
                                          "content": {"text/event-stream": {}}}}}},
        "/api/definitions/{path}/results": {
            "parameters": [_PATH],
            "post": {"summary": "The results report of the uploaded responses (field `responses`)",
                     "requestBody": {"content": {"multipart/form-data": {"schema": {
                         "type": "object", "properties": {"responses": {
                             "type": "array", "items": {"type": "string", "format": "binary"}}}}}}},
                     "responses": {"200": _json({"type": "object", "required": ["pages"], "properties": {
                         "pages": {"type": "integer"}, "warnings": {"type": "array",
                                                                   "items": {"type": "string"}}}}),
                                   "422": _PROBLEMS, "400": _ERROR}}},
        "/api/definitions/{path}/results/pages/{n}.png": {
            "parameters": [_PATH, _N],
            "get": {"summary": "Page n of the results report", "responses": {"200": _PNG, "404": _ERROR}}},
        "/api/definitions/{path}/results/{file}": {
            "parameters": [_PATH, {"name": "file", "in": "path", "required": True,
                                   "schema": {"enum": ["results.pdf", "results.docx"]}}],
            "get": {"summary": "The results report as a file", "responses": {
                "200": {"description": "The file", "content": {"application/pdf": {}}}, "404": _ERROR}}},
        "/api/definitions/{path}/scan": {
            "parameters": [_PATH],
            "post": {"summary": "Scanned paper self-assessments read back (field `scans`: PDF, PNG or JPEG "
                                "files; `roster`: a sheet for the names)",
                     "requestBody": {"content": {"multipart/form-data": {"schema": {
                         "type": "object", "properties": {
                             "scans": {"type": "array", "items": {"type": "string", "format": "binary"}},
                             "roster": {"type": "string", "format": "binary"}}}}}},
                     "responses": {"200": _json({"type": "object", "required": ["summary", "pages", "unclear",
                                                                                 "unmatched"], "properties": {
                         "summary": {"type": "string"}, "pages": {"type": "integer"},
                         "unclear": {"type": "integer"},
                         "unmatched": {"type": "array", "items": {"type": "string"}}}}),
                                   "422": _PROBLEMS, "400": _ERROR, "413": _ERROR}}},
        "/api/definitions/{path}/scan/pages/{n}.png": {
            "parameters": [_PATH, _N],
            "get": {"summary": "Page n of the review of the scans",
                    "responses": {"200": _PNG, "404": _ERROR}}},
        "/api/definitions/{path}/scan/{file}": {
            "parameters": [_PATH, {"name": "file", "in": "path", "required": True,
                                   "schema": {"enum": ["answers.csv", "review.pdf"]}}],
            "get": {"summary": "What reading the scans made: the answers, or the review", "responses": {
                "200": {"description": "The file", "content": {"text/csv": {}, "application/pdf": {}}},
                "404": _ERROR}}},
        "/api/library": {
            "get": {"summary": "The shipped workshops to start from",
                    "responses": {"200": _json({"type": "array", "items": _ref("Shipped")})}}},
        "/api/words/{lang}": {
            "parameters": [{"name": "lang", "in": "path", "required": True,
                            "schema": {"enum": ["th", "en"]}}],
            "get": {"summary": "The page's words in a language",
                    "responses": {"200": _json({"type": "object",
                                                "additionalProperties": {"type": "string"}})}}},
        "/api/openapi.json": {
            "get": {"summary": "This description", "responses": {"200": _json({"type": "object"})}}},
    },
}
