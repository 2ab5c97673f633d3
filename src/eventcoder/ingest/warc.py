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

from eventcoder.ingest.base import Candidate, DateClaim, ingest_error
from eventcoder.ingest.html import extract_page
from eventcoder.ingest.sniff import binary_kind, declared_charset, decode
from eventcoder.models import CodingError

HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml", "text/xml", ""}


def read_warc(stream: BinaryIO, name: str, max_bytes: int,
              latest: dt.date | None = None) -> Iterator[Candidate | CodingError]:
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
            markup, bad = decode(body, declared_charset(body, content_type))
            page = extract_page(markup, uri, latest)
            if page is None:
                yield ingest_error(doc, "no_text", f"{origin}: no main text in the page")
                continue
            candidate = Candidate(id=doc, text=page.text, origin=origin, title=page.title, url=page.url or uri,
                                  source=page.sitename, byline=page.byline,
                                  dates=[DateClaim("html", page.date)] if page.date else [],
                                  late_dates=[DateClaim("capture", record.rec_headers.get_header("WARC-Date"))])
            if bad:
                candidate.warnings.append(ingest_error(doc, "invalid_utf8",
                                                       f"{origin}: {bad} invalid byte sequence(s) replaced"))
            yield candidate
    except ArchiveLoadFailed as exc:
        yield ingest_error(name, "invalid_warc", f"not a readable WARC after {number} response(s) ({exc})")
