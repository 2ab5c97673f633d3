"""RSS and Atom files (feedparser): each item with a summary or content is a document, titled by its title."""

from __future__ import annotations

import io
from collections.abc import Iterator

from eventcoder.ingest.base import Candidate, DateClaim, ingest_error
from eventcoder.ingest.html import html_to_text
from eventcoder.models import CodingError


def _body(entry) -> str:
    """The longest of the item's content and summary, as text."""
    values = [c.get("value") or "" for c in entry.get("content") or []]
    values.append(entry.get("summary") or "")
    return max((html_to_text(v) for v in values if v.strip()), key=len, default="")


def _date_claim(entry) -> DateClaim | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return DateClaim("feed", parsed)
        if entry.get(key):
            return DateClaim("feed", entry.get(key))  # unparseable: ignored with a warning
    return None


def read_feed(data: bytes, name: str, doc_id: str) -> Iterator[Candidate | CodingError]:
    import feedparser

    # A stream, never a string: feedparser fetches a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries:
        yield ingest_error(name, "invalid_feed", f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        return
    if parsed.get("bozo"):
        yield ingest_error(name, "malformed_feed", f"feed with XML errors, items read anyway "
                                                   f"({parsed.get('bozo_exception')})")
    if not entries:
        yield ingest_error(name, "empty", "feed without items")
        return
    feed_title = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, 1):
        item_id = str(entry.get("id") or entry.get("link") or f"{doc_id}:{number}")
        origin = f"{name} item {number}"
        title = html_to_text(entry.get("title") or "").replace("\n\n", " ") or None
        body = _body(entry)
        if not body.strip():
            yield ingest_error(item_id, "no_text", f"{origin}: item without summary or content")
            continue
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
        claim = _date_claim(entry)
        yield Candidate(id=item_id, text=text, origin=origin, dates=[claim] if claim else [], title=title,
                        url=entry.get("link") or None, source=feed_title, byline=entry.get("author") or None)
