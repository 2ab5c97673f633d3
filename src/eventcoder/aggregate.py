"""From reports to stories: reports of the same real-world event in different articles are merged into one
story, and dyadic time series are counted over stories (docs/store.md).

Two events are reports of the same story when they have the same PLOVER type, the same negation and the same dyad
(source country and type, target country and type; either order for the symmetric types CONSULT and COOPERATE),
dates within a window (the event's own day, else the publication date), and compatible places. Events whose
source has no country are too vague to merge and stay stories of their own.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import polars as pl
import pyarrow as pa

from eventcoder.events.coder import SYMMETRIC_TYPES
from eventcoder.models import Actor

if TYPE_CHECKING:
    from eventcoder.store import Store

WINDOW_DAYS = 1  # reports dated up to a day apart (time zones, "yesterday" read against different dates)
MAX_KM = 100.0  # a city and its suburbs or a nearby town named by another outlet
FREQUENCIES = ("day", "week", "month")
LEVELS = {"city": 3, "region": 2, "country": 1}


def story_key(event_type: str, negated: bool, source: Actor | None, target: Actor | None, event_id: str) -> str:
    """What two reports must share to be one story; "!<event_id>" for an event that merges with nothing."""
    if source is None or not source.country:
        return f"!{event_id}"
    side_a = f"{source.country}/{source.type or ''}"
    side_b = f"{target.country or ''}/{target.type or ''}" if target else "-"
    if event_type in SYMMETRIC_TYPES and target is not None:
        side_a, side_b = sorted((side_a, side_b))
    return f"{event_type}|{'N' if negated else 'A'}|{side_a}|{side_b}"


def event_day(date: str | None, pub_date: dt.date | str | None) -> dt.date | None:
    """The day an event is counted on: its own date when known to the day; else the publication date (when a
    month- or year-precise date is given, only if the publication date falls in it, else that period's first
    day)."""
    published = dt.date.fromisoformat(pub_date) if isinstance(pub_date, str) else pub_date
    if date and len(date) == 10:
        return dt.date.fromisoformat(date)
    if not date:
        return published
    if published and published.isoformat().startswith(date):
        return published
    year, _, month = date.partition("-")
    return dt.date(int(year), int(month or 1), 1)


# clustering ---------------------------------------------------------------------------------------------------


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def compatible(a: tuple, b: tuple, max_km: float) -> bool:
    """Places (level, country, name, admin1, lat, lon) that can be the same event's place: one unknown, or the
    same country (or one country unknown) and then, below country level, the same name, a city inside the
    named region, or coordinates within `max_km`. A country-level place ("in Ukraine") only says the country."""
    if a[0] == 0 or b[0] == 0:
        return True
    if a[1] and b[1] and a[1] != b[1]:
        return False
    if a[0] == 1 or b[0] == 1:
        return True
    if a[2] and a[2] == b[2]:
        return True
    region, other = (a, b) if a[0] < b[0] else (b, a)
    if region[0] == 2 and other[0] == 3 and region[2] and other[3] and (
            region[2] in other[3] or other[3] in region[2]):
        return True
    if None not in (a[4], a[5], b[4], b[5]):
        return _distance_km(a[4], a[5], b[4], b[5]) <= max_km
    return False


def cluster(rows: Sequence[tuple], window_days: int, max_km: float) -> list[str]:
    """Story ids for the events of one key, given as (event_id, day number, precision, country, name, admin1,
    lat, lon) sorted by day, publication date and id. Days are cut into windows anchored at their first report
    (so that daily reports of a war never chain into one story); within a window, events join the first story
    whose place is compatible, the most precisely placed first. A story's id is the event id of its earliest
    report (first by day, then by publication)."""
    story = [""] * len(rows)
    start = 0
    while start < len(rows):
        anchor = rows[start][1]
        end = start + 1
        while end < len(rows) and anchor is not None and rows[end][1] is not None \
                and rows[end][1] - anchor <= window_days:
            end += 1
        members = sorted(range(start, end), key=lambda i: -LEVELS.get(rows[i][2], 0))
        groups: list[tuple[tuple, list[int]]] = []
        for i in members:
            _, _, precision, country, name, admin1, lat, lon = rows[i]
            place = (LEVELS.get(precision, 0), country, name and name.casefold(), admin1 and admin1.casefold(),
                     lat, lon)
            home = next((g for g in groups if compatible(g[0], place, max_km)), None)
            if home is None:
                groups.append((place, [i]))
            else:
                home[1].append(i)
        for _, indices in groups:
            first = rows[min(indices)][0]
            for i in indices:
                story[i] = first
        start = end
    return story


def update_stories(con: duckdb.DuckDBPyConnection, window_days: int = WINDOW_DAYS, max_km: float = MAX_KM,
                   full: bool = False) -> int:
    """Recompute the stories whose events changed since the last update (keys listed in `story_dirty`), or all
    of them when `full` or when the thresholds differ from those the stories were built with. Returns the
    number of events (re)assigned."""
    settings = f"{window_days}|{max_km:g}"
    stored = con.execute("SELECT value FROM meta WHERE key = 'story_settings'").fetchall()
    full = full or not stored or stored[0][0] != settings
    con.execute("BEGIN TRANSACTION")
    try:
        if full:
            con.execute("CREATE OR REPLACE TEMP TABLE _keys AS SELECT DISTINCT story_key FROM events")
        else:
            con.execute("CREATE OR REPLACE TEMP TABLE _keys AS SELECT DISTINCT story_key FROM story_dirty")
        rows = con.execute("""
            SELECT story_key, event_id, date_diff('day', DATE '1970-01-01', event_day), location_precision,
                   location_country, location_name, location_admin1, location_lat, location_lon
            FROM events WHERE story_key IN (SELECT story_key FROM _keys)
            ORDER BY story_key, event_day NULLS LAST, pub_date NULLS LAST, event_id""").fetchall()
        event_ids: list[str] = []
        story_ids: list[str] = []
        for key, group in groupby(rows, key=lambda row: row[0]):
            members = [row[1:] for row in group]
            event_ids.extend(row[0] for row in members)
            story_ids.extend([members[0][0]] * len(members) if key.startswith("!")
                             else cluster(members, window_days, max_km))
        con.register("_story_map", pa.table({"event_id": event_ids, "story_id": story_ids}))
        try:
            con.execute("""UPDATE events SET story_id = m.story_id FROM _story_map m
                           WHERE events.event_id = m.event_id""")
        finally:
            con.unregister("_story_map")
        con.execute("DELETE FROM stories" + ("" if full else " WHERE story_key IN (SELECT story_key FROM _keys)"))
        con.execute(STORIES_SQL)
        con.execute("DELETE FROM story_dirty")
        con.execute("DELETE FROM meta WHERE key = 'story_settings'")
        con.execute("INSERT INTO meta VALUES ('story_settings', ?)", [settings])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(event_ids)


# The representative report is the most specific one: dated to the day, placed with coordinates, with a target,
# then the most confident and earliest published.
STORIES_SQL = """
INSERT INTO stories BY NAME
WITH ev AS (
    SELECT e.*, d.outlet, coalesce(d.outlet, e.doc_id) AS outlet_key,
           (e.date_precision = 'day')::INT * 4 + (e.location_lat IS NOT NULL)::INT * 2
               + (e.target_text IS NOT NULL)::INT AS specificity
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE e.story_key IN (SELECT story_key FROM _keys)
), rep AS (
    SELECT * FROM (
        SELECT ev.*, row_number() OVER (PARTITION BY story_id
            ORDER BY specificity DESC, confidence DESC, pub_date NULLS LAST, event_id) AS rank
        FROM ev) WHERE rank = 1
), agg AS (
    SELECT story_id, count(*) AS num_mentions, count(DISTINCT doc_id) AS num_documents,
           count(DISTINCT outlet_key) AS num_sources,
           coalesce(list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL), []) AS sources,
           min(event_day) AS first_day, max(event_day) AS last_day,
           min(pub_date) AS first_report, max(pub_date) AS last_report
    FROM ev GROUP BY story_id
)
SELECT rep.story_id, rep.story_key, rep.event_type, rep.negated, rep.source_country, rep.source_type,
       rep.target_country, rep.target_type, rep.event_id AS representative_event_id, rep.cameo, rep.quad_class,
       rep.goldstein, rep.modality, rep.location_name, rep.location_country, rep.location_admin1,
       rep.location_lat, rep.location_lon, rep.location_geonameid, rep.location_precision, agg.* EXCLUDE (story_id)
FROM rep JOIN agg USING (story_id)
"""


# series -------------------------------------------------------------------------------------------------------


def parse_dyad(dyad: str) -> tuple[str | None, str | None]:
    """"RUS-UKR" -> ("RUS", "UKR"); "*" on either side matches any country."""
    source, sep, target = dyad.strip().upper().partition("-")
    if not sep or not source or not target:
        raise ValueError(f"dyad {dyad!r}: expected SOURCE-TARGET country codes, such as RUS-UKR (or RUS-*)")
    return (None if source == "*" else source), (None if target == "*" else target)


def dyad_condition(dyad: str) -> tuple[str, list[Any]]:
    """SQL condition (and parameters) for a dyad: source A and target B; for the symmetric types CONSULT and
    COOPERATE also source B and target A, since "A met B" and "B met A" are the same act."""
    source, target = parse_dyad(dyad)

    def pair(a: str | None, b: str | None) -> tuple[str, list]:
        parts = [(f"{column} = ?", [value]) for column, value in (("source_country", a), ("target_country", b))
                 if value is not None]
        return " AND ".join(p for p, _ in parts) or "TRUE", [v for _, vs in parts for v in vs]

    direct, params = pair(source, target)
    reverse, reverse_params = pair(target, source)
    symmetric = ", ".join(f"'{t}'" for t in sorted(SYMMETRIC_TYPES))
    return (f"(({direct}) OR (event_type IN ({symmetric}) AND {reverse}))", [*params, *reverse_params])


def dyad_series(db: str | Path | Store | duckdb.DuckDBPyConnection, dyad: str, freq: str = "week",
                by: str = "type", raw: bool = False, include_negated: bool = False) -> pl.DataFrame:
    """Counts per period and PLOVER type (`by="type"`) or QuadClass (`by="quad"`), with summed and mean
    Goldstein scores, for a dyad such as "RUS-UKR". Counted over stories (a story is dated by its first day),
    or over raw events with `raw`. Negated events ("did not attack") are left out unless `include_negated`.
    Periods start on the day, the Monday of the week or the first of the month; empty periods are absent."""
    if freq not in FREQUENCIES:
        raise ValueError(f"freq {freq!r}: choose from {', '.join(FREQUENCIES)}")
    column = {"type": "event_type", "quad": "quad_class"}.get(by)
    if column is None:
        raise ValueError(f"by {by!r}: choose type or quad")
    table, day = ("events", "event_day") if raw else ("stories", "first_day")
    condition, params = dyad_condition(dyad)
    negation = "" if include_negated else " AND NOT negated"
    sql = (f"SELECT CAST(date_trunc(?, {day}) AS DATE) AS period, {column}, count(*) AS count, "
           f"sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean FROM {table} "
           f"WHERE {day} IS NOT NULL AND {condition}{negation} GROUP BY ALL ORDER BY period, {column}")
    con, store = _connection(db)
    try:
        return con.sql(sql, params=[freq, *params]).pl()
    finally:
        if store is not None:
            store.close()


def _connection(db) -> tuple[duckdb.DuckDBPyConnection, Store | None]:
    """A connection for `db`, and the store to close afterwards when this function opened it."""
    from eventcoder.store import Store

    if isinstance(db, duckdb.DuckDBPyConnection):
        return db, None
    if isinstance(db, Store):
        return db.con, None
    store = Store.open(db, read_only=True)
    return store.con, store


__all__ = ["MAX_KM", "WINDOW_DAYS", "cluster", "compatible", "dyad_condition", "dyad_series", "event_day",
           "parse_dyad", "story_key", "update_stories"]
