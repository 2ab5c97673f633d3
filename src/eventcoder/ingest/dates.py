"""Publication dates: parsing the values found in records and pages, and datelines at the top of a text."""

from __future__ import annotations

import datetime as dt
import re
import time

from eventcoder.time import resolve_date

DATE_LINE_SCAN = 8
DATE_LINE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|first published|date)\b\s*(?:on|at)?\s*[:|-]?"
                              r"\s*", re.I)


def parse_pub_date(value: object) -> dt.date | None:
    """ISO dates, datetimes and news-style dates ("30 March 2022"); raises ValueError when unparseable."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):  # feedparser's *_parsed fields, in UTC
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    text = str(value).strip()
    if len(text) > 100:
        raise ValueError(f"unparseable pub_date {text[:40]!r}...")
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    resolved = resolve_date(text, None)
    if resolved and resolved.precision == "day":
        return dt.date.fromisoformat(resolved.value)
    raise ValueError(f"unparseable pub_date {text!r}")


def dateline(text: str, latest: dt.date | None = None) -> dt.date | None:
    """A line near the top that is only a date, as in many saved articles ("30 March 2022",
    "Published: March 30, 2022 10:45 AM"). Dates after `latest` are not publication dates."""
    for line in text[:4000].strip().splitlines()[:DATE_LINE_SCAN]:
        line = DATE_LINE_PREFIX.sub("", line.strip())
        if 6 <= len(line) <= 40 and any(ch.isdigit() for ch in line):
            try:
                found = parse_pub_date(line)
            except ValueError:
                continue
            if found and (latest is None or found <= latest) and found.year >= 1900:
                return found
    return None
