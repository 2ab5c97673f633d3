"""What every reader shares: options, the outcome of an input (coded, skipped, failed, warning) and the
`Candidate` a reader hands over before the common checks (size, date, language) turn it into a `Document`.

Everything that is not a `Document` is a `CodingError` with stage "ingest" and a reason. The reason decides
what it counts as: SKIP_REASONS are not failures (a batch with only skips exits 0), WARNING_REASONS go with a
document that is still coded, every other reason is a failure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from eventcoder.models import CodingError, Document

DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own limit (nlp.max_length) for one document
RAW_BYTES_PER_CHAR = 10  # a single-document input (text, HTML page, JSONL line, WARC body) may be 10x its text
FEED_BYTES_PER_CHAR = 100  # a feed file holds many items

# Not failures: the input was read and is deliberately not coded.
SKIP_REASONS = frozenset({
    "empty",        # an empty or whitespace-only file or text
    "no_text",      # an HTML page or feed item with no main text to extract
    "language",     # not English (or not the language asked for)
    "duplicate",    # the same id and text was already read in this run (or a folder, through a link)
    "hidden",       # a hidden file or folder (name starting with ".") inside a folder
    "special_file",  # a FIFO, socket or device inside a folder: never opened (reading one may wait forever)
    "broken_link",  # a symbolic link inside a folder to something that does not exist
    "symlink_loop",  # a symbolic link inside a folder that leads back to itself
    "not_html",     # a WARC response that is not an HTML page (image, PDF, robots.txt)
    "http_status",  # a WARC response that is a redirect or an error page
})
# The document is coded; something about it is worth knowing.
WARNING_REASONS = frozenset({
    "invalid_utf8",      # bytes no encoding explains, decoded with U+FFFD replacement characters
    "detected_encoding",  # bytes that are not UTF-8, decoded in the encoding charset-normalizer detected
    "no_pub_date",       # no publication date anywhere: relative dates ("on Tuesday") stay unresolved
    "pub_date_ignored",  # a date in HTML or feed metadata that was unparseable or in the future
    "capture_date",      # a WARC page with no publication date: the crawl date stands in for it
    "duplicate_id",      # a different text with an id already used in this run: renamed id~N
    "malformed_feed",    # a feed with XML errors whose items could still be read
    "invalid_unicode",   # lone surrogates (JSON escapes such as \ud800) in the text, replaced by U+FFFD
})

Outcome = Literal["skipped", "warning", "failed"]


def outcome(error: CodingError) -> Outcome:
    """What a `CodingError` counts as in a batch summary."""
    if error.stage == "ingest" and error.reason in SKIP_REASONS:
        return "skipped"
    if error.stage == "ingest" and error.reason in WARNING_REASONS:
        return "warning"
    return "failed"


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """Lone surrogates (from JSON escapes like "\\ud800" or undecodable file names) cannot be written as UTF-8:
    each becomes U+FFFD, so that character offsets stay the same."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text)


def ingest_error(doc: str, reason: str, message: str) -> CodingError:
    doc = clean(doc)
    return CodingError(doc=doc, stage="ingest", reason=reason, message=clean(f"{doc}: {message}"))


@dataclass(frozen=True)
class IngestOptions:
    """`pub_date`: the date for documents with none of their own. `max_chars`: the largest text of one document
    (larger ones fail with `too_large`). `language`: ISO 639-1 code to keep, None to keep every language.
    `today`: dates after it (plus a day of time zones) are in the future; None for the real today."""

    pub_date: dt.date | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    language: str | None = "en"
    today: dt.date | None = None

    @property
    def max_raw_bytes(self) -> int:
        return self.max_chars * RAW_BYTES_PER_CHAR

    @property
    def max_feed_bytes(self) -> int:
        return self.max_chars * FEED_BYTES_PER_CHAR

    @property
    def latest_date(self) -> dt.date:
        return (self.today or dt.date.today()) + dt.timedelta(days=1)


class SourceDocument(Document):
    """A `Document` with what the reader learned about it; the pipeline sees a plain `Document`."""

    byline: str | None = None
    origin: str | None = None
    pub_date_source: str | None = None  # record, html, feed, dateline, default (--pub-date), capture


@dataclass
class DateClaim:
    """A publication date found somewhere. `strict`: a bad value fails the document (a JSONL `pub_date` the user
    gave) rather than being ignored with a warning (metadata scraped from a page or feed)."""

    source: str
    value: object
    strict: bool = False


@dataclass
class Candidate:
    """A document as a reader found it, before the common checks."""

    id: str
    text: str
    origin: str
    dates: list[DateClaim] = field(default_factory=list)  # before the dateline and --pub-date
    late_dates: list[DateClaim] = field(default_factory=list)  # after --pub-date (WARC capture date)
    title: str | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None
    warnings: list[CodingError] = field(default_factory=list)


class Truncation:
    """Asks a compressed stream, once read to its end, whether it was cut short: `truncation()` is True then."""

    def __init__(self, decompressed=None):
        self._decompressed = decompressed
        self.kind = decompressed.kind if decompressed is not None else "the"

    def __call__(self) -> bool:
        return bool(self._decompressed is not None and self._decompressed.truncated)
