"""The event filters of the web UI and its API: parsed from query parameters, turned into a parameterised SQL
condition on the `events` table.

User values only ever travel as SQL parameters; the only text that goes into SQL is picked from fixed tables
here (column names, sort orders). Parsing is lenient where a browser form is concerned (an empty date field
sends `since=`) and strict about content: a bad value is reported in `errors`, never guessed at.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields, replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query

from eventcoder.aggregate import dyad_condition, parse_dyad
from eventcoder.models import ACTOR_TYPES, PLOVER_TYPES

MODALITIES = ("asserted", "claimed", "proposed", "planned", "hypothetical")
NEGATED = ("exclude", "include", "only")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# Sort keys a client may ask for, and the column each stands for (never a client's text in ORDER BY).
SORTS = {"day": "event_day", "published": "pub_date", "type": "event_type", "goldstein": "goldstein",
         "confidence": "confidence", "source": "source_country", "target": "target_country",
         "place": "location_name"}
PAGE_SIZES = (25, 50, 100, 200)
# Country codes are ISO3, or an organisation's code (NATO, OSCE, ARL): letters only, a handful of them.
_CODE = re.compile(r"^[A-Z]{2,6}$")
_MAX_TEXT = 100  # a name or place to search for; longer is not a name
_MAX_ID = 1000  # document ids are file paths or a feed's ids: long, but not unbounded


def _split(values: list[str] | None) -> list[str]:
    """Repeated parameters (type=A&type=B) and comma lists (type=A,B) alike."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


@dataclass
class EventFilters:
    """Which events: a day range, a dyad or its sides, an actor (country and/or type, on either side), a name, PLOVER
    types, QuadClasses, a place, modalities, negation, one story or one document."""

    since: dt.date | None = None
    until: dt.date | None = None
    dyad: str | None = None
    source: str | None = None
    source_type: str | None = None
    target: str | None = None
    target_type: str | None = None
    actor: str | None = None
    actor_type: str | None = None
    name: str | None = None
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    place: str | None = None
    modality: tuple[str, ...] = ()
    negated: str = "include"
    story: str | None = None
    doc: str | None = None
    errors: list[str] = field(default_factory=list)

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition on `events` and its parameters."""
        parts: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            parts.append(sql)
            params.extend(values)

        if self.since:
            add("event_day >= ?", self.since)
        if self.until:
            add("event_day <= ?", self.until)
        if self.dyad:
            condition, values = dyad_condition(self.dyad)
            add(condition, *values)
        if self.source:
            add("source_country = ?", self.source)
        if self.target:
            add("target_country = ?", self.target)
        if self.source_type:
            add("source_type = ?", self.source_type)
        if self.target_type:
            add("target_type = ?", self.target_type)
        if self.actor or self.actor_type:
            # country and type must hold for the same side: "RUS GOV" is not "RUS MIL acting on UKR GOV"
            sides = []
            for side in ("source", "target"):
                terms = [f"{side}_country = ?"] * bool(self.actor) + [f"{side}_type = ?"] * bool(self.actor_type)
                sides.append("(" + " AND ".join(terms) + ")")
                params.extend(v for v in (self.actor, self.actor_type) if v)
            parts.append("(" + " OR ".join(sides) + ")")
        if self.name:
            pattern = f"%{_like_escape(self.name)}%"
            add("(source_name ILIKE ? ESCAPE '\\' OR target_name ILIKE ? ESCAPE '\\' OR source_text ILIKE ? "
                "ESCAPE '\\' OR target_text ILIKE ? ESCAPE '\\')", pattern, pattern, pattern, pattern)
        if self.types:
            add(f"event_type IN ({', '.join('?' * len(self.types))})", *self.types)
        if self.quads:
            add(f"quad_class IN ({', '.join('?' * len(self.quads))})", *self.quads)
        if self.place:
            if _CODE.match(self.place):  # a country code: the place's country
                add("location_country = ?", self.place)
            else:
                pattern = f"%{_like_escape(self.place)}%"
                add("(location_name ILIKE ? ESCAPE '\\' OR location_text ILIKE ? ESCAPE '\\' "
                    "OR location_admin1 ILIKE ? ESCAPE '\\')", pattern, pattern, pattern)
        if self.modality:
            add(f"modality IN ({', '.join('?' * len(self.modality))})", *self.modality)
        if self.negated == "exclude":
            parts.append("NOT negated")
        elif self.negated == "only":
            parts.append("negated")
        if self.story:
            add("story_id = ?", self.story)
        if self.doc:
            add("doc_id = ?", self.doc)
        return " AND ".join(parts) or "TRUE", params

    def pairs(self) -> list[tuple[str, str]]:
        """The filters as query parameters (for links: pages, downloads, the map of the same events)."""
        out: list[tuple[str, str]] = []
        for f in fields(self):
            if f.name == "errors":
                continue
            value = getattr(self, f.name)
            key = {"types": "type", "quads": "quad"}.get(f.name, f.name)
            if f.name == "negated":
                if value != "include":
                    out.append((key, value))
            elif isinstance(value, tuple | list):
                out.extend((key, str(v)) for v in value)
            elif value is not None:
                out.append((key, value.isoformat() if isinstance(value, dt.date) else str(value)))
        return out

    def query(self, **extra: Any) -> str:
        """A query string of the filters and `extra` parameters (None values left out)."""
        pairs = self.pairs() + [(k, str(v)) for k, v in extra.items() if v is not None]
        return urlencode(pairs)

    def replaced(self, **changes: Any) -> str:
        """The query string of these filters with some changed (a facet link: "only this type")."""
        return replace(self, errors=[], **changes).query()

    def active(self) -> bool:
        return bool(self.pairs())


def _like_escape(text: str) -> str:
    """`%` and `_` typed by a user are letters, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _date(value: str | None, label: str, errors: list[str]) -> dt.date | None:
    if not value or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        errors.append(f"{label}: {value[:40]!r} is not a date (YYYY-MM-DD)")
        return None


def _code(value: str | None, label: str, errors: list[str]) -> str | None:
    if not value or not value.strip():
        return None
    code = value.strip().upper()
    if not _CODE.match(code):
        errors.append(f"{label}: {value[:40]!r} is not a country or organisation code (RUS, UKR, NATO)")
        return None
    return code


def _text(value: str | None, label: str, errors: list[str], limit: int = _MAX_TEXT) -> str | None:
    if not value or not value.strip():
        return None
    if len(value) > limit:
        errors.append(f"{label}: longer than {limit} characters")
        return None
    return value.strip()


def _actor_type(value: str | None, label: str, errors: list[str]) -> str | None:
    if not value or not value.strip():
        return None
    if value.strip().upper() not in ACTOR_TYPES:
        errors.append(f"{label}: {value[:40]!r} is not an actor type ({', '.join(ACTOR_TYPES)})")
        return None
    return value.strip().upper()


def _choices(values: list[str] | None, allowed: tuple, label: str, errors: list[str], upper: bool = True) -> tuple:
    chosen = []
    for value in _split(values):
        value = value.upper() if upper else value.lower()
        if value in allowed:
            chosen.append(value)
        else:
            errors.append(f"{label}: {value[:40]!r} is not one of {', '.join(map(str, allowed))}")
    return tuple(dict.fromkeys(chosen))


def event_filters(
    since: Annotated[str | None, Query(description="events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="events on or before this day (YYYY-MM-DD)")] = None,
    dyad: Annotated[str | None, Query(
        description="SOURCE-TARGET countries, e.g. RUS-UKR (* for any); CONSULT and COOPERATE count both ways")] = None,
    source: Annotated[str | None, Query(description="source actor's country (ISO3 or organisation code)")] = None,
    source_type: Annotated[str | None, Query(description="source actor's type (GOV, MIL, REB, ...)")] = None,
    target: Annotated[str | None, Query(description="target actor's country")] = None,
    target_type: Annotated[str | None, Query(description="target actor's type")] = None,
    actor: Annotated[str | None, Query(description="a country on either side")] = None,
    actor_type: Annotated[str | None, Query(description="an actor type on either side (GOV, MIL, ...); with "
                                                        "`actor`, on the same side")] = None,
    name: Annotated[str | None, Query(description="part of an actor's name or words, either side")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER types (repeat or comma-separate)")] = None,
    quad: Annotated[list[str] | None, Query(description="QuadClass 1-4 (repeat or comma-separate)")] = None,
    place: Annotated[str | None, Query(description="part of the place's name, or a country code")] = None,
    modality: Annotated[list[str] | None, Query(description="asserted, claimed, proposed, planned, hypothetical")
                        ] = None,
    negated: Annotated[str, Query(description="include (default), exclude or only negated events")] = "include",
    story: Annotated[str | None, Query(description="one story's reports (story_id)")] = None,
    doc: Annotated[str | None, Query(description="one document's events (doc_id)")] = None,
) -> EventFilters:
    """FastAPI dependency: the event filters of a request, with the problems found in them."""
    errors: list[str] = []
    filters = EventFilters(errors=errors)
    filters.since, filters.until = _date(since, "since", errors), _date(until, "until", errors)
    if dyad and dyad.strip():
        try:
            parse_dyad(dyad)
            filters.dyad = dyad.strip().upper()
        except ValueError as exc:
            errors.append(str(exc))
    filters.source, filters.target = _code(source, "source", errors), _code(target, "target", errors)
    filters.actor = _code(actor, "actor", errors)
    filters.actor_type = _actor_type(actor_type, "actor_type", errors)
    filters.source_type = _actor_type(source_type, "source_type", errors)
    filters.target_type = _actor_type(target_type, "target_type", errors)
    filters.name, filters.place = _text(name, "name", errors), _text(place, "place", errors)
    filters.types = _choices(type, PLOVER_TYPES, "type", errors)
    quads = _choices(quad, ("1", "2", "3", "4"), "quad", errors)
    filters.quads = tuple(int(q) for q in quads)
    filters.modality = _choices(modality, MODALITIES, "modality", errors, upper=False)
    negated = (negated or "include").strip().lower()
    if negated in NEGATED:
        filters.negated = negated
    else:
        errors.append(f"negated: {negated[:40]!r} is not one of {', '.join(NEGATED)}")
    filters.story, filters.doc = _text(story, "story", errors, _MAX_ID), _text(doc, "doc", errors, _MAX_ID)
    return filters


@dataclass(frozen=True)
class Sorting:
    key: str = "day"
    descending: bool = True

    def order_by(self) -> str:
        direction = "DESC" if self.descending else "ASC"
        # event_id last: a stable order, so that pages never repeat or skip rows
        return f"{SORTS[self.key]} {direction} NULLS LAST, event_id {direction}"


def sorting(
    sort: Annotated[str, Query(description=f"one of {', '.join(SORTS)}")] = "day",
    order: Annotated[str, Query(description="desc (default) or asc")] = "desc",
) -> Sorting:
    """FastAPI dependency: a sort key from the whitelist (anything else falls back to the day)."""
    return Sorting(sort if sort in SORTS else "day", order.lower() != "asc")


__all__ = ["MODALITIES", "NEGATED", "PAGE_SIZES", "QUAD_NAMES", "SORTS", "EventFilters", "Sorting", "event_filters",
           "sorting"]
