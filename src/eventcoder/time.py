"""Resolve time expressions against the publication date.

Common news expressions ("on Tuesday", "yesterday", "last week", "earlier this month", "in March 2021",
"June 4, 2024") are resolved by rules; anything else goes to dateparser, cached, with English only (its
multi-language detection costs ~50 ms a call).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
MONTH_DAY = re.compile(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\b", re.I)
MONTH_YEAR = re.compile(rf"\b({MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
MONTH_ONLY = re.compile(rf"^(?:in|during|since|by|early|late|mid|mid-)?\s*({MONTH_RE})$", re.I)
YEAR_ONLY = re.compile(r"^(?:in|during|by)?\s*((?:19|20)\d{2})$", re.I)
ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
# Durations and spans are not points in time: "the past month", "for two days", "since 2014", "decades".
NOT_A_POINT = re.compile(r"\b(past|next|coming|for|since|decades?|years?|months|weeks|days|hours|ago|long|"
                         r"century|period|term|era|time)\b", re.I)


@dataclass(frozen=True)
class ResolvedDate:
    value: str
    precision: str  # day, month, year


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day(d: dt.date) -> ResolvedDate:
    return ResolvedDate(d.isoformat(), "day")


def _month(year: int, month: int) -> ResolvedDate:
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_date(text: str, pub_date: dt.date | None, future: bool = False) -> ResolvedDate | None:
    """Resolve one time expression. `future` picks the next weekday rather than the last one."""
    return _resolve(" ".join(text.split()).strip(" ,."), pub_date, future)


@lru_cache(maxsize=8192)
def _resolve(text: str, pub: dt.date | None, future: bool) -> ResolvedDate | None:
    lower = text.lower()
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        m = pattern.search(text)
        if m:
            a, b, year = m.groups()
            day, month = (int(a), MONTHS[b.lower()]) if pattern is DAY_MONTH_YEAR else (int(b), MONTHS[a.lower()])
            found = _safe_date(int(year), month, day)
            return _day(found) if found else None
    m = ISO_DATE.search(text)
    if m:
        found = _safe_date(*map(int, m.groups()))
        return _day(found) if found else None
    m = MONTH_YEAR.search(text)
    if m and not NOT_A_POINT.search(lower):
        return _month(int(m.group(2)), MONTHS[m.group(1).lower()])
    m = YEAR_ONLY.match(lower)
    if m:
        return ResolvedDate(m.group(1), "year")
    if pub is None:
        return None
    return _relative(lower, text, pub, future)


def _relative(lower: str, text: str, pub: dt.date, future: bool) -> ResolvedDate | None:
    words = re.findall(r"[a-z]+", lower)
    if "yesterday" in words:
        return _day(pub - dt.timedelta(days=1))
    if "today" in words or "tonight" in words:
        return _day(pub)
    if "tomorrow" in words:
        return _day(pub + dt.timedelta(days=1))
    weekday = next((WEEKDAYS[w] for w in words if w in WEEKDAYS), None)
    if weekday is not None and not ({"last", "next", "every"} & set(words) and "week" not in words):
        if future or "next" in words:
            delta = (weekday - pub.weekday()) % 7 or 7
            return _day(pub + dt.timedelta(days=delta))
        delta = (pub.weekday() - weekday) % 7
        if "last" in words and delta == 0:
            delta = 7
        return _day(pub - dt.timedelta(days=delta))
    if "week" in words and "last" in words:
        start = pub - dt.timedelta(days=pub.weekday() + 7)
        end = start + dt.timedelta(days=6)
        return _month(start.year, start.month) if start.month == end.month else None
    if "month" in words and ("this" in words or "earlier" in words) and "last" not in words:
        return _month(pub.year, pub.month)
    if "month" in words and ("last" in words or "previous" in words):
        return _month(*_shift_month(pub.year, pub.month, -1))
    if "month" in words and "next" in words:
        return _month(*_shift_month(pub.year, pub.month, 1))
    if "year" in words and ("last" in words or "previous" in words):
        return ResolvedDate(str(pub.year - 1), "year")
    if "year" in words and "this" in words:
        return ResolvedDate(str(pub.year), "year")
    if "year" in words and "next" in words:
        return ResolvedDate(str(pub.year + 1), "year")
    if NOT_A_POINT.search(lower):
        return None
    for pattern, order in ((MONTH_DAY, "md"), (DAY_MONTH, "dm")):
        m = pattern.search(text)
        if m:
            a, b = m.groups()
            month, day = (MONTHS[a.lower()], int(b)) if order == "md" else (MONTHS[b.lower()], int(a))
            found = _safe_date(pub.year, month, day)
            if found and found > pub + dt.timedelta(days=7) and not future:
                found = _safe_date(pub.year - 1, month, day)
            return _day(found) if found else None
    m = MONTH_ONLY.match(lower)
    if m:
        month = MONTHS[m.group(1).lower()]
        year = pub.year if month <= pub.month or future else pub.year - 1
        return _month(year, month)
    return _dateparser(text, pub)


def _dateparser(text: str, pub: dt.date) -> ResolvedDate | None:
    """Last resort for explicit formats the rules above do not cover ("14/05/2023")."""
    if not any(ch.isdigit() for ch in text):
        return None
    from dateparser.date import DateDataParser

    parser = _date_parser(DateDataParser)
    data = parser.get_date_data(text, date_formats=None)
    if not data or not data.date_obj:
        return None
    found = data.date_obj.date()
    if data.period == "day":
        return _day(found)
    if data.period == "month":
        return _month(found.year, found.month)
    if data.period == "year":
        return ResolvedDate(str(found.year), "year")
    return None


@lru_cache(maxsize=1)
def _date_parser(cls):
    return cls(languages=["en"], settings={"PREFER_DATES_FROM": "past", "STRICT_PARSING": False})
