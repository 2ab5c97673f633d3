"""Readers: text files, JSONL documents (optionally gzipped), directories and stdin -> Document records.

Every input yields either a `Document` or a `CodingError` naming it, so that a batch accounts for everything.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from eventcoder.models import CodingError, Document
from eventcoder.time import resolve_date

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
DATE_LINE_SCAN = 8


def parse_pub_date(value: object) -> dt.date | None:
    """ISO dates, datetimes and news-style dates ("30 March 2022"); raises ValueError when unparseable."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    resolved = resolve_date(text, None)
    if resolved and resolved.precision == "day":
        return dt.date.fromisoformat(resolved.value)
    raise ValueError(f"unparseable pub_date {text!r}")


def dateline(text: str) -> dt.date | None:
    """A line near the top that is only a date, as in many saved articles."""
    for line in text.strip().splitlines()[:DATE_LINE_SCAN]:
        line = line.strip()
        if 6 <= len(line) <= 40 and any(ch.isdigit() for ch in line):
            try:
                return parse_pub_date(line)
            except ValueError:
                continue
    return None


def text_document(doc_id: str, text: str, pub_date: dt.date | None) -> Document:
    return Document(id=doc_id, text=text, pub_date=pub_date or dateline(text))


def _record(record: object, fallback_id: str, default_pub_date: dt.date | None) -> Document | CodingError:
    if not isinstance(record, dict):
        return CodingError(doc=fallback_id, stage="ingest", reason="not_an_object",
                           message=f"{fallback_id}: a JSON line must be an object with 'id' and 'text'")
    doc_id = str(record.get("id") or fallback_id)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return CodingError(doc=doc_id, stage="ingest", reason="missing_text",
                           message=f"{doc_id}: no 'text' to code")
    try:
        pub_date = parse_pub_date(record.get("pub_date")) or default_pub_date
    except ValueError as exc:
        return CodingError(doc=doc_id, stage="ingest", reason="bad_pub_date", message=f"{doc_id}: {exc}")
    try:
        return Document(id=doc_id, text=text, pub_date=pub_date, title=record.get("title"),
                        url=record.get("url"), source=record.get("source"))
    except ValidationError as exc:
        return CodingError(doc=doc_id, stage="ingest", reason="invalid_record", message=f"{doc_id}: {exc}")


def read_jsonl_lines(lines, name: str, default_pub_date: dt.date | None) -> Iterator[Document | CodingError]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield CodingError(doc=f"{name}:{number}", stage="ingest", reason="invalid_json",
                              message=f"{name}:{number}: not JSON ({exc.msg})")
            continue
        yield _record(record, f"{name}:{number}", default_pub_date)


def _is_jsonl(path: Path) -> bool:
    suffixes = path.suffixes
    return bool(suffixes) and (suffixes[-1] in JSONL_SUFFIXES or suffixes[-2:-1] == [".jsonl"] and
                               suffixes[-1] == ".gz")


def read_path(path: Path, pub_date: dt.date | None = None) -> Iterator[Document | CodingError]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from read_path(child, pub_date)
        return
    try:
        if _is_jsonl(path):
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
                yield from read_jsonl_lines(fh, str(path), pub_date)
            return
        text = path.read_text(encoding="utf-8", errors="replace")
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield CodingError(doc=str(path), stage="ingest", reason="unreadable", message=f"{path}: {exc}")
        return
    if not text.strip():
        yield CodingError(doc=str(path), stage="ingest", reason="empty", message=f"{path}: empty file")
        return
    yield text_document(path.stem, text, pub_date)


def read_stdin(pub_date: dt.date | None = None) -> Iterator[Document | CodingError]:
    text = sys.stdin.read()
    if text.lstrip().startswith("{"):
        yield from read_jsonl_lines(text.splitlines(), "stdin", pub_date)
    elif text.strip():
        yield text_document("stdin", text, pub_date)
    else:
        yield CodingError(doc="stdin", stage="ingest", reason="empty", message="stdin: no text")


def read_inputs(inputs: list[str], pub_date: dt.date | None = None) -> Iterator[Document | CodingError]:
    for item in inputs:
        if item == "-":
            yield from read_stdin(pub_date)
            continue
        path = Path(item)
        if not path.exists():
            yield CodingError(doc=item, stage="ingest", reason="not_found", message=f"{item}: no such file")
            continue
        yield from read_path(path, pub_date)
