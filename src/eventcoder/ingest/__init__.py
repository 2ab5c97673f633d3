"""Readers: files, folders (recursive) and stdin -> `Document` records, the format told by content.

Formats (docs/inputs.md): plain text, JSONL (and a JSON array or object), HTML pages (trafilatura), RSS/Atom
feeds (feedparser), WARC (warcio), each optionally gzip/bzip2/xz-compressed. Every input yields `Document`s
or `CodingError`s naming it, so that a batch accounts for everything; `outcome()` tells whether an error is a
skip, a warning (the document is still coded, and comes right after its warnings) or a failure.

Publication date, first found: the record's own (JSONL `pub_date`, feed item date), the page's metadata, a
dateline at the top of the text, `--pub-date`, the crawl date of a WARC page (with a warning); else none, with
a warning. Never the date of reading.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from eventcoder.ingest.base import (
    DEFAULT_MAX_CHARS,
    SKIP_REASONS,
    WARNING_REASONS,
    Candidate,
    DateClaim,
    IngestOptions,
    SourceDocument,
    Truncation,
    clean,
    ingest_error,
    outcome,
)
from eventcoder.ingest.dates import dateline, parse_pub_date
from eventcoder.ingest.feeds import read_feed
from eventcoder.ingest.html import extract_page
from eventcoder.ingest.language import detect
from eventcoder.ingest.records import parse_json_document, read_json_value, read_jsonl
from eventcoder.ingest.sniff import (
    SNIFF_BYTES,
    STREAM_ERRORS,
    Rewound,
    binary_kind,
    declared_charset,
    decode,
    decompress,
    doc_id_from_name,
    read_head,
    sniff,
    suffixes_of,
)
from eventcoder.ingest.warc import read_warc
from eventcoder.models import CodingError, Document

Item = Document | CodingError
FORMATS_HINT = "eventcoder reads text, HTML, RSS/Atom, WARC and JSONL, optionally gzip/bzip2/xz-compressed"


class Reader:
    """Reads inputs into documents with one set of options. One Reader is one batch: a document id seen twice
    is a duplicate (same text: skipped) or renamed `id~2` (different text). `exclude`: files never read (the
    batch's own output, when it is written into a folder being read)."""

    def __init__(self, options: IngestOptions | None = None, exclude: Iterable[Path] = ()):
        self.options = options or IngestOptions()
        self.exclude = {_resolved(p) for p in exclude}
        self._seen: dict[str, list[int]] = {}

    # inputs -------------------------------------------------------------------------------------------------

    def read_inputs(self, inputs: Iterable[str]) -> Iterator[Item]:
        for item in inputs:
            if item == "-":
                yield from self.read_stdin()
                continue
            path = Path(item)
            if not path.exists():
                yield ingest_error(item, "not_found", "no such file or folder")
                continue
            yield from self.read_path(path)

    def read_path(self, path: Path) -> Iterator[Item]:
        if path.is_dir():
            yield from self._walk(path)
        else:
            yield from self._read_file(path, doc_id_from_name(path.name))

    def read_stdin(self, stream: BinaryIO | None = None) -> Iterator[Item]:
        if stream is None:
            stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stdin (some embedders)
            stream = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))
        yield from self.read_stream(stream, "stdin", "stdin", [])

    def _walk(self, root: Path) -> Iterator[Item]:
        """Every entry under `root`, in name order, ends up read or reported: links back to a folder already
        read, symbolic-link loops, broken links, unreadable folders and special files (FIFOs, sockets,
        devices: never opened, as reading one could wait forever) each give a named error, and the walk goes on."""
        visited: dict[str, Path] = {}
        folders: list[Path] = [root]
        while folders:
            folder = folders.pop()
            real = os.path.realpath(folder)
            if real in visited:  # a symbolic link back to a folder already read
                yield ingest_error(str(folder), "duplicate", f"the same folder as {visited[real]}, already read")
                continue
            visited[real] = folder
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError as exc:
                yield ingest_error(str(folder), "unreadable", exc.strerror or str(exc))
                continue
            subfolders = []
            for entry in entries:
                path = Path(entry.path)
                kind, problem = _entry_kind(entry)
                if entry.name.startswith("."):
                    yield ingest_error(str(path), "hidden", f"hidden {'folder' if kind == 'dir' else 'file'}, "
                                                            "not read")
                elif kind == "dir":
                    subfolders.append(path)
                elif kind == "file":
                    if _resolved(path) not in self.exclude:
                        yield from self._read_file(path, doc_id_from_name(path.relative_to(root).as_posix()))
                else:
                    yield ingest_error(str(path), kind, problem)
            folders.extend(reversed(subfolders))  # depth first, in name order

    def _read_file(self, path: Path, doc_id: str) -> Iterator[Item]:
        try:
            raw = path.open("rb")
        except OSError as exc:
            yield ingest_error(str(path), "unreadable", exc.strerror or str(exc))
            return
        with raw:
            yield from self.read_stream(raw, str(path), doc_id, suffixes_of(path.name))

    # one stream ---------------------------------------------------------------------------------------------

    def read_stream(self, raw: BinaryIO, name: str, doc_id: str, suffixes: list[str]) -> Iterator[Item]:
        """Everything in one input stream, its format and compression told by its first bytes."""
        read = 0
        compressed = None
        try:
            stream, compressed = decompress(raw)
            head, stream = read_head(stream)
            if not head.strip():  # look past leading white space (a bounded amount of it)
                data = head + stream.read(self.options.max_raw_bytes)
                if not data.strip() and Truncation(compressed)():
                    yield ingest_error(name, "truncated", f"{compressed.kind} data ends early, before any text")
                    return
                if not data.strip():
                    yield ingest_error(name, "empty", "empty file" if not data else "only white space")
                    return
                head, stream = data.lstrip()[:SNIFF_BYTES], io.BufferedReader(Rewound(data, stream))
            for item in self._dispatch(stream, head, name, doc_id, suffixes, Truncation(compressed)):
                read += 1
                yield item
        except STREAM_ERRORS as exc:
            reason = "truncated" if isinstance(exc, EOFError) else "unreadable"
            what = f"{compressed.kind} data" if compressed else "data"
            yield ingest_error(name, reason, f"{what}: {exc} ({read} item(s) read before)")
        except Exception as exc:  # noqa: BLE001 - a bug or a parser's surprise: named, and the batch goes on
            yield ingest_error(name, "internal_error", f"{type(exc).__name__}: {exc} ({read} item(s) read before)")

    def _dispatch(self, stream: BinaryIO, head: bytes, name: str, doc_id: str, suffixes: list[str],
                  truncation: Truncation) -> Iterator[Item]:
        options, latest = self.options, self.options.latest_date
        kind = sniff(head, suffixes)
        if kind == "binary":
            yield ingest_error(name, "binary", f"{binary_kind(head)}, not text; {FORMATS_HINT}")
            return
        if kind == "xml":
            yield ingest_error(name, "unsupported_format", f"XML that is not an RSS or Atom feed; {FORMATS_HINT}")
            return
        if kind in ("warc", "jsonl"):
            reader = read_warc if kind == "warc" else read_jsonl
            yield from self._finalized(reader(stream, name, options.max_raw_bytes, latest, truncation))
            return
        limit = options.max_feed_bytes if kind in ("feed", "json") else options.max_raw_bytes
        data = stream.read(limit + 1)
        if len(data) > limit:
            yield ingest_error(name, "too_large", f"larger than {limit:,} bytes (the cap is --max-chars "
                                                  f"{options.max_chars:,} characters of text); not read")
            return
        if truncation():
            yield ingest_error(name, "truncated", f"{truncation.kind} data ends early: the file is cut short "
                                                  f"after {len(data):,} bytes; not coded")
            return
        if kind == "feed":
            yield from self._finalized(read_feed(data, name, doc_id))
            return
        if kind == "json":
            value, decoded = parse_json_document(data)
            if value is not None:
                yield from self._finalized(read_json_value(value, name, doc_id, latest, decoded))
                return
            if ".json" in suffixes:
                yield ingest_error(name, "invalid_json", "not JSON")
                return
            kind = "text"  # "{Breaking}" or "[Reuters]": text after all
        if kind == "html":
            decoded = decode(data, declared_charset(data))
            page = extract_page(decoded.text, None, latest)
            if page is None:
                yield ingest_error(name, "no_text", "no main text in the page")
                return
            candidate = Candidate(id=doc_id, text=page.text, origin=name, title=page.title, url=page.url,
                                  source=page.sitename, byline=page.byline,
                                  dates=[DateClaim("html", page.date)] if page.date else [])
        else:
            decoded = decode(data)
            if not decoded.text.strip():
                yield ingest_error(name, "empty", "only white space")
                return
            candidate = Candidate(id=doc_id, text=decoded.text, origin=name)
        candidate.warnings.extend(decoded.warnings(doc_id, name))
        yield from self.finalize(candidate)

    def _finalized(self, items: Iterable[Candidate | CodingError]) -> Iterator[Item]:
        for item in items:
            if isinstance(item, Candidate):
                yield from self.finalize(item)
            else:
                yield item

    # one document -------------------------------------------------------------------------------------------

    def finalize(self, c: Candidate) -> Iterator[Item]:
        """The checks every document goes through: text, size, publication date, language, id."""
        options = self.options
        c.id, c.origin = clean(c.id), clean(c.origin)
        c.title, c.url, c.source, c.byline = (clean(v) if isinstance(v, str) else v
                                              for v in (c.title, c.url, c.source, c.byline))
        where = c.origin if c.origin != c.id else "document"
        text = clean(c.text)
        if text is not c.text:
            c.warnings.append(ingest_error(c.id, "invalid_unicode", f"{where}: lone surrogate(s) replaced by U+FFFD"))
            c.text = text
        if not c.text.strip():
            yield ingest_error(c.id, "empty", f"{where}: no text")
            return
        if len(c.text) > options.max_chars:
            yield ingest_error(c.id, "too_large", f"{where}: {len(c.text):,} characters, above the cap of "
                                                  f"{options.max_chars:,} (--max-chars)")
            return
        warnings = list(c.warnings)
        pub_date, date_source, failure = self._pub_date(c, warnings)
        if failure:
            yield failure
            return
        if pub_date is None:
            warnings.append(ingest_error(c.id, "no_pub_date", f"{where}: no publication date in the document "
                                                              "and no --pub-date; relative dates stay unresolved"))
        elif date_source == "capture":
            warnings.append(ingest_error(c.id, "capture_date", f"{where}: no publication date; the crawl date "
                                                               f"{pub_date} stands in for it"))
        if options.language:
            language, probability = detect(c.text, options.language)
            if language:
                yield ingest_error(c.id, "language", f"{where}: in {language!r} (p={probability:.2f}), "
                                                     f"not {options.language!r}; not coded")
                return
        doc_id, note = self._unique_id(c)
        if doc_id is None:
            yield note
            return
        if note:
            warnings.append(note)
        try:
            document = SourceDocument(id=doc_id, text=c.text, pub_date=pub_date, title=c.title, url=c.url,
                                      source=c.source, byline=c.byline, origin=c.origin,
                                      pub_date_source=date_source)
        except ValidationError as exc:
            yield ingest_error(c.id, "invalid_record", f"{where}: {exc}")
            return
        for warning in warnings:
            yield warning.model_copy(update={"doc": doc_id}) if warning.doc != doc_id else warning
        yield document

    def _claims(self, c: Candidate) -> Iterator[DateClaim]:
        yield from c.dates
        yield DateClaim("dateline", dateline(c.text, self.options.latest_date))
        yield DateClaim("default", self.options.pub_date)
        yield from c.late_dates

    def _pub_date(self, c: Candidate, warnings: list[CodingError]
                  ) -> tuple[dt.date | None, str | None, CodingError | None]:
        latest = self.options.latest_date
        for claim in self._claims(c):
            if claim.value in (None, ""):
                continue
            try:
                found = parse_pub_date(claim.value)
            except ValueError as exc:
                if claim.strict:
                    return None, None, ingest_error(c.id, "bad_pub_date", f"{c.origin}: {exc}")
                warnings.append(ingest_error(c.id, "pub_date_ignored", f"{c.origin}: {claim.source} date: {exc}"))
                continue
            if found is None:
                continue
            if found > latest:
                message = f"pub_date {found} is in the future"
                if claim.strict:
                    return None, None, ingest_error(c.id, "future_pub_date", f"{c.origin}: {message}")
                warnings.append(ingest_error(c.id, "pub_date_ignored", f"{c.origin}: {claim.source} {message}"))
                continue
            return found, claim.source, None
        return None, None, None

    def _unique_id(self, c: Candidate) -> tuple[str | None, CodingError | None]:
        digest = hash(c.text)
        seen = self._seen.get(c.id)
        if seen is None:
            self._seen[c.id] = [digest]
            return c.id, None
        if digest in seen:
            return None, ingest_error(c.id, "duplicate", f"{c.origin}: same id and text as a document already read")
        seen.append(digest)
        new_id = f"{c.id}~{len(seen)}"
        while new_id in self._seen:
            new_id += "~"
        self._seen[new_id] = [digest]
        return new_id, ingest_error(new_id, "duplicate_id", f"{c.origin}: id {c.id!r} already used by another "
                                                            f"text; renamed {new_id!r}")


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic-link loop (Python < 3.13)
        return Path(path).absolute()


def _entry_kind(entry: os.DirEntry) -> tuple[str, str]:
    """"dir", "file", or the reason an entry is not read, with its message."""
    try:
        if entry.is_dir():
            return "dir", ""
        if entry.is_file():
            return "file", ""
        mode = os.stat(entry.path).st_mode  # what a link points to, or the entry itself
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink_loop", "a symbolic link that leads back to itself"
        if entry.is_symlink() and exc.errno == errno.ENOENT:
            return "broken_link", "a symbolic link to something that does not exist"
        return "unreadable", exc.strerror or str(exc)
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return "special_file", f"{kind}, not read"


def _options(options: IngestOptions | None, pub_date: dt.date | None) -> IngestOptions:
    options = options or IngestOptions()
    return dataclasses.replace(options, pub_date=pub_date) if pub_date is not None else options


def read_inputs(inputs: Iterable[str], pub_date: dt.date | None = None, options: IngestOptions | None = None,
                exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """Files, folders and "-" (stdin) -> documents and errors, in order."""
    return Reader(_options(options, pub_date), exclude).read_inputs(inputs)


def read_path(path: Path, pub_date: dt.date | None = None, options: IngestOptions | None = None) -> Iterator[Item]:
    return Reader(_options(options, pub_date)).read_path(Path(path))


def read_stdin(pub_date: dt.date | None = None, options: IngestOptions | None = None) -> Iterator[Item]:
    return Reader(_options(options, pub_date)).read_stdin()


def text_document(doc_id: str, text: str, pub_date: dt.date | None) -> Document:
    return Document(id=doc_id, text=text, pub_date=pub_date or dateline(text))


__all__ = [
    "DEFAULT_MAX_CHARS", "SKIP_REASONS", "WARNING_REASONS", "CodingError", "Document", "IngestOptions", "Reader",
    "SourceDocument", "dateline", "extract_page", "outcome", "parse_pub_date", "read_inputs", "read_path",
    "read_stdin", "text_document",
]
