"""Uploads (only with `eventcoder serve --allow-upload`): paste a text or send a file; it is read by the readers
`eventcoder ingest` uses (text, HTML, JSONL, RSS/Atom, WARC, compressed or not), coded with the app's one Coder,
stored, its stories regrouped, and shown.

Limits come first, before anything is parsed: the request's declared size, each form part's size, one file.
Binary files are refused by their first bytes. A form posted from another site (a page the user happens to
visit, aiming at 127.0.0.1) is refused by its Origin header, so no web page can write into the store.
"""

from __future__ import annotations

import dataclasses
import io
import os
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from eventcoder.aggregate import update_stories
from eventcoder.ingest import IngestOptions, Reader, outcome, parse_pub_date
from eventcoder.ingest.sniff import COMPRESSORS, SNIFF_BYTES, binary_kind, doc_id_from_name, suffixes_of
from eventcoder.models import CodingError, Document
from eventcoder.store import text_hash
from eventcoder.web.app import WebState, url_path
from eventcoder.web.pages import render

router = APIRouter()
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the small fields beside the text or file


class UploadError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@dataclasses.dataclass
class Upload:
    name: str  # what the upload is called in messages
    doc_id: str
    data: bytes
    suffixes: list[str]
    title: str | None
    pub_date: str | None


@dataclasses.dataclass
class UploadResult:
    documents: list[dict[str, Any]]
    problems: list[CodingError]


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise UploadError(403, "uploads are accepted only from this server's own pages")
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise UploadError(403, "uploads are accepted only from this server's own pages")


async def read_upload(request: Request, limit: int) -> Upload:
    """The pasted text or the file of a multipart form, within the size limit."""
    _check_origin(request)
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + FORM_OVERHEAD:
        raise UploadError(413, f"the upload is {int(declared):,} bytes; the limit is {limit:,}")
    try:
        form = await request.form(max_files=1, max_fields=8, max_part_size=limit + 1)
    except HTTPException as exc:
        raise UploadError(413 if "size" in str(exc.detail).lower() else 400,
                          f"the form could not be read: {exc.detail} (the limit is {limit:,} bytes)") from None
    title = _field(form.get("title"))
    pub_date = _field(form.get("pub_date"))
    file, text = form.get("file"), form.get("text")
    if isinstance(file, UploadFile) and file.filename:
        data = await file.read(limit + 1)
        name = os.path.basename(file.filename.replace("\\", "/")) or "upload"
        upload = Upload(name, f"upload/{doc_id_from_name(name)}", data, suffixes_of(name), title, pub_date)
    elif isinstance(text, str) and text.strip():
        data = text.encode("utf-8", "surrogatepass")
        upload = Upload("pasted text", f"upload-{text_hash(text)[:12]}", data, [".txt"], title, pub_date)
    else:
        raise UploadError(400, "nothing to code: paste a text or choose a file")
    if len(upload.data) > limit:
        raise UploadError(413, f"{upload.name} is larger than the limit of {limit:,} bytes")
    return upload


def _field(value: Any) -> str | None:
    return value.strip()[:300] or None if isinstance(value, str) else None


def code_upload(web: WebState, upload: Upload) -> UploadResult:
    """Read, code and store an upload; one at a time (the store has one writer, the coder one user)."""
    head = upload.data[:SNIFF_BYTES]
    compressed = any(head.startswith(magic) for magic, _ in COMPRESSORS)  # the reader looks inside those
    kind = None if compressed else binary_kind(head)
    if kind:
        raise UploadError(415, f"{upload.name} is {kind}, not text: upload plain text, HTML, JSONL, an RSS/Atom "
                               "feed or WARC (optionally gzip/bzip2/xz-compressed)")
    try:
        pub_date = parse_pub_date(upload.pub_date) if upload.pub_date else None
    except ValueError as exc:
        raise UploadError(422, f"publication date: {exc}") from None
    reader = Reader(IngestOptions(pub_date=pub_date, max_chars=web.max_upload))
    items = list(reader.read_stream(io.BytesIO(upload.data), upload.name, upload.doc_id, upload.suffixes))
    documents = [item for item in items if isinstance(item, Document)]
    problems = [item for item in items if isinstance(item, CodingError)]
    if not documents:
        raise UploadError(422, "; ".join(p.message for p in problems) or f"{upload.name}: no document in it")
    if upload.title and len(documents) == 1 and not documents[0].title:
        documents[0].title = upload.title
    with web.write_lock:
        coder = web.coder()
        results = list(coder.code(documents))
        web.store.add_results(results, model=coder.settings.model)
        web.store.add_failures(problems)
        update_stories(web.store.con)
    return UploadResult([{"id": r.document.id, "title": r.document.title, "events": len(r.events),
                          "claims": len(r.claims), "quotes": len(r.quotes)} for r in results], problems)


async def _handle(request: Request) -> UploadResult:
    web: WebState = request.app.state.web
    upload = await read_upload(request, web.max_upload)
    return await run_in_threadpool(code_upload, web, upload)


@router.get("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_page(request: Request) -> HTMLResponse:
    return render(request, "upload.html", {"result": None, "error": None})


@router.post("/upload", include_in_schema=False)
async def upload_form(request: Request) -> Response:
    try:
        result = await _handle(request)
    except UploadError as exc:
        return render(request, "upload.html", {"result": None, "error": exc.message}, status=exc.status)
    if len(result.documents) == 1 and not any(outcome(p) == "failed" for p in result.problems):
        return RedirectResponse(f"/documents/{url_path(result.documents[0]['id'])}", status_code=303)
    return render(request, "upload.html", {"result": result, "error": None})


@router.post("/api/upload", tags=["api"], summary="Code and store a pasted text or a file (--allow-upload only)",
             openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
                 "type": "object", "properties": {
                     "text": {"type": "string", "description": "the text to code (or give a file)"},
                     "file": {"type": "string", "format": "binary", "description": "text, HTML, JSONL, feed, WARC"},
                     "title": {"type": "string"},
                     "pub_date": {"type": "string", "description": "YYYY-MM-DD, for relative dates"}}}}}}})
async def upload_api(request: Request) -> JSONResponse:
    try:
        result = await _handle(request)
    except UploadError as exc:
        return JSONResponse({"detail": exc.message}, status_code=exc.status)
    return JSONResponse({"documents": result.documents,
                         "problems": [{**p.model_dump(), "outcome": outcome(p)} for p in result.problems]})


__all__ = ["router"]
