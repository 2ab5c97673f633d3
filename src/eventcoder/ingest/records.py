"""JSON records: JSONL (one object per line: id, text, pub_date, title, url, source; or `html` instead of `text`),
a JSON array of such objects, or one object in a .json file."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import BinaryIO

from eventcoder.ingest.base import Candidate, DateClaim, Truncation, ingest_error
from eventcoder.ingest.html import extract_page
from eventcoder.ingest.sniff import Decoded, decode
from eventcoder.models import CodingError

PUB_DATE_KEYS = ("pub_date", "date", "published", "publish_date", "publication_date")
TEXT_FIELDS = ("title", "url", "source")


def record_candidate(record: object, fallback_id: str, origin: str, latest: dt.date | None = None,
                     decoded: Decoded | None = None) -> Candidate | CodingError:
    if not isinstance(record, dict):
        return ingest_error(fallback_id, "not_an_object", "a JSON line must be an object with 'id' and 'text'")
    raw_id = record.get("id")
    doc_id = fallback_id if raw_id is None or raw_id == "" else str(raw_id)
    text = record.get("text")
    page = None
    if (not isinstance(text, str) or not text.strip()) and isinstance(record.get("html"), str):
        page = extract_page(record["html"], record.get("url") if isinstance(record.get("url"), str) else None,
                            latest)
        text = page.text if page else None
    if not isinstance(text, str) or not text.strip():
        return ingest_error(doc_id, "missing_text", f"{origin}: no 'text' to code")
    date_key = next((k for k in PUB_DATE_KEYS if record.get(k) not in (None, "")), None)
    dates = [DateClaim("record", record[date_key], strict=True)] if date_key else []
    if page and page.date:
        dates.append(DateClaim("html", page.date))
    fields = {k: record.get(k) for k in TEXT_FIELDS}
    if page:
        fields = {"title": fields["title"] or page.title, "url": fields["url"] or page.url,
                  "source": fields["source"] or page.sitename}
    candidate = Candidate(id=doc_id, text=text, origin=origin, dates=dates, byline=page.byline if page else None,
                          **fields)
    if decoded is not None:
        candidate.warnings.extend(decoded.warnings(doc_id, origin))
    return candidate


def read_jsonl(stream: BinaryIO, name: str, max_bytes: int, latest: dt.date | None = None,
               truncation: Truncation | None = None) -> Iterator[Candidate | CodingError]:
    """One record per line, read as bytes so that an oversized line is refused without holding it and an
    undecodable one is named. In compressed data cut short, the complete lines are read and the cut named."""
    truncation = truncation or Truncation()
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            if truncation():
                yield ingest_error(name, "truncated", f"{truncation.kind} data ends early, after line {number}; "
                                                      "the lines before were read")
            return
        number += 1
        where = f"{name}:{number}"
        if not line.endswith(b"\n") and truncation():
            yield ingest_error(name, "truncated", f"{truncation.kind} data ends early, in line {number}; the "
                                                  f"{number - 1} line(s) before were read")
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield ingest_error(where, "too_large", f"line longer than {max_bytes:,} bytes; not read")
            continue
        if not line.strip():
            continue
        decoded = decode(line)
        try:
            record = json.loads(decoded.text)
        except (json.JSONDecodeError, RecursionError) as exc:
            why = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deep"
            yield ingest_error(where, "invalid_json", f"not JSON ({why})")
            continue
        yield record_candidate(record, where, where, latest, decoded)


def parse_json_document(data: bytes) -> tuple[object | None, Decoded]:
    """A whole-file JSON value, or None when the file is not JSON."""
    decoded = decode(data)
    try:
        return json.loads(decoded.text), decoded
    except (json.JSONDecodeError, RecursionError):
        return None, decoded


def read_json_value(value: object, name: str, doc_id: str, latest: dt.date | None = None,
                    decoded: Decoded | None = None) -> Iterator[Candidate | CodingError]:
    """The records of a JSON array (ids default to name:N), or the one record of a JSON object (to doc_id)."""
    if not isinstance(value, list):
        yield record_candidate(value, doc_id, name, latest, decoded)
        return
    for number, record in enumerate(value, 1):
        yield record_candidate(record, f"{name}:{number}", f"{name}:{number}", latest, decoded)
