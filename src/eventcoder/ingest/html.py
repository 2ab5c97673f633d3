"""HTML pages: main text, title, publication date and byline with trafilatura; feed summaries with lxml."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import logging
import re
from dataclasses import dataclass

BLOCK_END = re.compile(r"<\s*(?:br|hr)\b[^>]*>|<\s*/\s*(?:p|div|li|h[1-6]|blockquote|tr|section|article|ul|ol)\s*>",
                       re.I)
TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    byline: str | None = None
    sitename: str | None = None
    url: str | None = None


def paragraphs(text: str) -> str:
    """One paragraph per block, separated by a blank line as in the text files the parser knows (a headline on
    its own line must not run into the first sentence)."""
    lines = (SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def extract_page(markup: str, url: str | None = None, latest: dt.date | None = None) -> Page | None:
    """Main text and metadata of an HTML page, or None when it has no main text. Dates come only from the page's
    markup and URL (htmldate without its extensive text search), never from the time of extraction."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    params = {"original_date": True, "extensive_search": False,
              "max_date": (latest or dt.date.today() + dt.timedelta(days=1)).isoformat()}
    result = None
    for attempt in (markup, f"<html><body>{markup}</body></html>"):
        try:
            result = trafilatura.bare_extraction(attempt, url=url, with_metadata=True, include_comments=False,
                                                 include_tables=False, date_extraction_params=params)
        except (ValueError, TypeError, AttributeError, RecursionError):  # lxml on pathological markup
            result = None
        if result is not None and (result.text or "").strip():
            break
        if "<body" in markup[:200_000].lower():
            break
    if result is None or not (result.text or "").strip():
        return None
    return Page(text=paragraphs(result.text), title=result.title or None, date=result.date or None,
                byline=result.author or None, sitename=result.sitename or None, url=result.url or url)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's summary or content), block elements as paragraphs."""
    if "<" not in fragment:
        return paragraphs(html_lib.unescape(fragment))
    marked = BLOCK_END.sub("\n\n", fragment)
    try:
        import lxml.html

        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except (ValueError, TypeError):  # lxml.etree.ParserError is a ValueError
        text = html_lib.unescape(TAG.sub(" ", marked))
    return paragraphs(text)
