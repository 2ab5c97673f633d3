"""WARC files (warcio), such as Common Crawl News: each HTML response is a page, extracted as HTML files are.

Records that are not responses (requests, metadata, warcinfo) are not documents and are passed over; responses
that are not HTML, or are redirects and error pages, are skipped with a reason. The crawl date (WARC-Date) is
when the page was fetched, not published: it stands in for the publication date, with a warning, only when
the page, its text and --pub-date give none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import BinaryIO

from eventcoder.ingest.base import Candidate, DateClaim, Truncation, ingest_error
from eventcoder.ingest.html import extract_page
from eventcoder.ingest.sniff import binary_kind, declared_charset, decode
from eventcoder.models import CodingError

HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml", "text/xml", ""}


def read_warc(stream: BinaryIO, name: str, max_bytes: int, latest: dt.date | None = None,
              truncation: Truncation | None = None) -> Iterator[Candidate | CodingError]:
    """Pages of a WARC. Each is handed on once the next record has been read, so that when compressed data is
    cut short, the page that may have been cut is named and not coded."""
    truncation = truncation or Truncation()
    held: Candidate | None = None
    for item in _pages(stream, name, max_bytes, latest, truncation):
        if held is not None:
            yield held
            held = None
        if isinstance(item, Candidate):
            held = item
        else:
            yield item
    if truncation():
        lost = f"; the last page ({held.id}) may be incomplete and is not coded" if held else ""
        yield ingest_error(name, "truncated", f"{truncation.kind} data ends early: the WARC is cut short{lost}")
    elif held is not None:
        yield held


def _pages(stream: BinaryIO, name: str, max_bytes: int, latest: dt.date | None, truncation: Truncation
           ) -> Iterator[Candidate | CodingError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type not in ("response", "resource"):
                continue
            number += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            doc = uri or record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{number}"
            origin = f"{name} record {number}"
            http = record.http_headers
            status = http.get_statuscode() if http is not None and record.rec_type == "response" else "200"
            if status and not str(status).startswith("2"):
                yield ingest_error(doc, "http_status", f"{origin}: HTTP status {status}, not a page")
                continue
            content_type = (http.get_header("Content-Type") if http is not None else None) or \
                record.rec_headers.get_header("Content-Type") or ""
            mime = content_type.split(";")[0].strip().lower()
            if mime not in HTML_TYPES:
                yield ingest_error(doc, "not_html", f"{origin}: {mime} response, not an HTML page")
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield ingest_error(doc, "too_large", f"{origin}: response larger than {max_bytes} bytes")
                continue
            if binary_kind(body[:8192]):
                yield ingest_error(doc, "not_html", f"{origin}: binary response, not an HTML page")
                continue
            decoded = decode(body, declared_charset(body, content_type))
            page = extract_page(decoded.text, uri, latest)
            if page is None:
                yield ingest_error(doc, "no_text", f"{origin}: no main text in the page")
                continue
            candidate = Candidate(id=doc, text=page.text, origin=origin, title=page.title, url=page.url or uri,
                                  source=page.sitename, byline=page.byline,
                                  dates=[DateClaim("html", page.date)] if page.date else [],
                                  late_dates=[DateClaim("capture", record.rec_headers.get_header("WARC-Date"))])
            candidate.warnings.extend(decoded.warnings(doc, origin))
            yield candidate
    except Exception as exc:  # noqa: BLE001 - warcio fails on malformed records in many ways; all are bad data
        if truncation():
            return  # a record cut off by the end of the data: read_warc names the cut
        why = exc if isinstance(exc, ArchiveLoadFailed) else f"{type(exc).__name__}: {exc}"
        yield ingest_error(name, "invalid_warc", f"not a readable WARC after {number} response(s) ({why})")
        return
    if number == 0:
        yield ingest_error(name, "empty", "a WARC without any response or resource record")
