"""What the pages and the API read from a store: one function per view, each a few parameterised queries on a
DuckDB connection (a cursor of its own per request: see app.py).

Every query is written to be fast without indexes on 100,000 events and more (benchmarks/web.py): aggregates
are one scan (facets in one GROUPING SETS pass), pages of rows are top-N sorts, and joins are made on the page's
rows only, never on the filtered set.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from typing import Any

import duckdb
import numpy as np
import polars as pl
import pyarrow as pa

from eventcoder.aggregate import dyad_series
from eventcoder.web.filters import EventFilters, Sorting

Con = duckdb.DuckDBPyConnection

# The columns an event list shows (the rest is one click away, on its document's page).
LIST_COLUMNS = ("event_id", "doc_id", "story_id", "event_day", "pub_date", "doc_title", "doc_source", "event_type",
                "mode", "cameo", "quad_class", "goldstein", "source_name", "source_country", "source_type",
                "target_name", "target_country", "target_type", "trigger", "date_text", "location_name",
                "location_country", "location_lat", "location_lon", "modality", "negated", "confidence", "sentence")
JSON_COLUMNS = ("evidence", "locations", "fatalities", "injured", "arrested", "extra", "items")


def rows(con: Con, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def scalar(con: Con, sql: str, params: Sequence[Any] = ()) -> Any:
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def parse_json(record: dict[str, Any]) -> dict[str, Any]:
    """JSON columns (stored as text) as values."""
    for name in JSON_COLUMNS:
        if isinstance(record.get(name), str):
            record[name] = json.loads(record[name])
    return record


def arrow_batches(con: Con, sql: str, params: Sequence[Any], size: int = 10_000) -> pa.RecordBatchReader:
    """A query's rows as a stream of Arrow batches (DuckDB 2.x: to_arrow_reader; 1.x: fetch_arrow_reader)."""
    relation = con.sql(sql, params=list(params))
    name = next(n for n in ("to_arrow_reader", "fetch_arrow_reader") if hasattr(type(relation), n))
    return getattr(relation, name)(size)


# overview -----------------------------------------------------------------------------------------------------


def overview(con: Con) -> dict[str, Any]:
    tables = ("documents", "events", "stories", "claims", "quotes", "proposals", "failures")
    counts = dict(zip(tables, con.execute(
        "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in tables)).fetchone(), strict=True))
    first, last = con.execute("SELECT min(event_day), max(event_day) FROM events").fetchone()
    return {
        "counts": counts, "first_day": first, "last_day": last,
        "top_dyads": top_dyads(con, 10),
        "types": rows(con, "SELECT event_type, count(*) AS stories, sum(num_mentions) AS events FROM stories "
                           "WHERE NOT negated GROUP BY ALL ORDER BY stories DESC, event_type"),
        "latest_stories": story_list(con, "TRUE", "s.first_day DESC NULLS LAST, s.num_mentions DESC, s.story_id"),
        "most_reported": story_list(con, "s.num_mentions > 1", "s.num_mentions DESC, s.num_sources DESC, "
                                                               "s.first_day DESC NULLS LAST, s.story_id"),
        "documents": rows(con, "SELECT id, title, pub_date, outlet, events FROM documents "
                               "ORDER BY pub_date DESC NULLS LAST, id LIMIT 10"),
    }


def story_list(con: Con, where: str, order: str, limit: int = 10) -> list[dict[str, Any]]:
    """Stories (`where` and `order` are fixed SQL of this module, on alias s) with their representative report's
    words; the join is made on the page of stories only."""
    return rows(con, f"""
        SELECT s.*, e.source_name, e.target_name, e.trigger, e.doc_title, e.doc_id, e.sentence FROM (
            SELECT s.story_id, s.event_type, s.source_country, s.source_type, s.target_country, s.target_type,
                   s.first_day, s.num_mentions, s.num_sources, s.goldstein, s.location_name,
                   s.representative_event_id
            FROM stories s WHERE {where} ORDER BY {order} LIMIT ?) s
        LEFT JOIN events e ON e.event_id = s.representative_event_id ORDER BY {order}""", [limit])


def top_dyads(con: Con, limit: int = 10) -> list[dict[str, Any]]:
    """Directed country pairs with the most stories (negated events left out, as in series)."""
    return rows(con, """
        SELECT source_country, target_country, count(*) AS stories, sum(num_mentions) AS events,
               round(avg(goldstein), 2) AS goldstein_mean
        FROM stories WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND NOT negated
        GROUP BY ALL ORDER BY stories DESC, events DESC, source_country, target_country LIMIT ?""", [limit])


# events -------------------------------------------------------------------------------------------------------


def list_events(con: Con, filters: EventFilters, sorting: Sorting, page: int, per_page: int) -> dict[str, Any]:
    """One page of the filtered events, the total and the counts per type, QuadClass and modality."""
    where, params = filters.where()
    facets: dict[str, dict[Any, int]] = {"event_type": {}, "quad_class": {}, "modality": {}}
    # one scan for the three facets; grouping() tells which set a row belongs to (a value itself may be null)
    for event_type, quad, modality, g_type, g_quad, count in con.execute(
            f"SELECT event_type, quad_class, modality, grouping(event_type), grouping(quad_class), count(*) "
            f"FROM events WHERE {where} GROUP BY GROUPING SETS ((event_type), (quad_class), (modality))",
            params).fetchall():
        name, value = (("event_type", event_type) if g_type == 0 else ("quad_class", quad) if g_quad == 0
                       else ("modality", modality))
        facets[name][value] = count
    total = sum(facets["event_type"].values())
    for name in facets:  # largest first
        facets[name] = dict(sorted(facets[name].items(), key=lambda item: (-item[1], str(item[0]))))
    columns = ", ".join(LIST_COLUMNS)
    order = sorting.order_by()
    page_rows = rows(con, f"""
        SELECT p.*, s.num_mentions, s.num_sources FROM (
            SELECT {columns} FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) p
        LEFT JOIN stories s ON s.story_id = p.story_id ORDER BY {order}""",
                     [*params, per_page, (page - 1) * per_page])
    return {"total": total, "page": page, "per_page": per_page, "pages": max(1, -(-total // per_page)),
            "events": page_rows, "facets": facets}


def event_rows(con: Con, filters: EventFilters, sorting: Sorting) -> pa.RecordBatchReader:
    """Every filtered event, all columns, as Arrow batches (for downloads)."""
    where, params = filters.where()
    return arrow_batches(con, f"SELECT * FROM events WHERE {where} ORDER BY {sorting.order_by()}", params)


def stream_rows(reader: pa.RecordBatchReader) -> Iterator[dict[str, Any]]:
    for batch in reader:
        yield from batch.to_pylist()


# documents ----------------------------------------------------------------------------------------------------


def list_documents(con: Con, search: str | None, page: int, per_page: int) -> dict[str, Any]:
    where, params = "TRUE", []
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where, params = "(id ILIKE ? ESCAPE '\\' OR title ILIKE ? ESCAPE '\\' OR outlet ILIKE ? ESCAPE '\\')", \
            [pattern] * 3
    total = scalar(con, f"SELECT count(*) FROM documents WHERE {where}", params)
    found = rows(con, f"SELECT id, title, pub_date, outlet, url, chars, events FROM documents WHERE {where} "
                      "ORDER BY pub_date DESC NULLS LAST, id LIMIT ? OFFSET ?", [*params, per_page,
                                                                                (page - 1) * per_page])
    return {"total": total, "page": page, "per_page": per_page, "pages": max(1, -(-total // per_page)),
            "documents": found}


def document(con: Con, doc_id: str) -> dict[str, Any] | None:
    """A document with its events, claims, quotes and proposals (JSON columns parsed), or None."""
    found = rows(con, "SELECT * EXCLUDE (text_hash) FROM documents WHERE id = ?", [doc_id])
    if not found:
        return None
    return {  # events keep their JSON columns as text, as row_event() wants them; the rest is parsed
        "document": found[0],
        "events": rows(con, """
            SELECT e.*, s.num_mentions, s.num_sources FROM events e LEFT JOIN stories s ON s.story_id = e.story_id
            WHERE e.doc_id = ? ORDER BY e.sentence_index, e.evidence_trigger_start NULLS LAST, e.event_id""",
                       [doc_id]),
        "claims": [parse_json(r) for r in rows(
            con, "SELECT * FROM claims WHERE doc_id = ? ORDER BY sentence_index, claim_id", [doc_id])],
        "quotes": [parse_json(r) for r in rows(
            con, "SELECT * FROM quotes WHERE doc_id = ? ORDER BY sentence_index, quote_id", [doc_id])],
        "proposals": [parse_json(r) for r in rows(
            con, "SELECT * FROM proposals WHERE doc_id = ? ORDER BY sentence_index, proposal_id", [doc_id])],
    }


# stories ------------------------------------------------------------------------------------------------------


def story(con: Con, story_id: str) -> dict[str, Any] | None:
    """A story, every report of it with its document, and the figures its reports give."""
    found = rows(con, "SELECT * FROM stories WHERE story_id = ?", [story_id])
    if not found:
        return None
    reports = rows(con, """
        SELECT e.event_id, e.doc_id, e.event_day, e.pub_date, e.event_type, e.mode, e.source_name,
               e.source_country, e.source_type, e.target_name, e.target_country, e.target_type, e.trigger,
               e.date_text, e.location_name, e.location_country, e.modality, e.confidence, e.sentence,
               e.event_id = s.representative_event_id AS representative,
               d.title, d.outlet, d.url
        FROM events e JOIN stories s ON s.story_id = e.story_id JOIN documents d ON d.id = e.doc_id
        WHERE e.story_id = ? ORDER BY e.pub_date NULLS LAST, d.outlet NULLS LAST, e.event_id""", [story_id])
    figures = rows(con, """
        SELECT category, value, value_max, bound, unit, currency, claimant_name, claimant_country, claimant_type,
               claimant_text, hedge, claim_id, event_id, doc_id, outlet, pub_date, sentence
        FROM story_claims WHERE story_id = ? ORDER BY category, value, claim_id""", [story_id])
    return {"story": found[0], "reports": reports, "figures": figures}


# timeline, network, map ---------------------------------------------------------------------------------------


def timeline(con: Con, dyad: str, freq: str, by: str, raw: bool, with_rows: bool = True) -> dict[str, Any]:
    """A dyad's series (aggregate.dyad_series) shaped for a chart: one count series per type (or QuadClass) over
    every period from the first to the last, and the mean Goldstein score of each period over all its types;
    `with_rows`: also the series' own rows. Vectorised: a daily series of six years has 35,000 rows."""
    frame = dyad_series(con, dyad, freq=freq, by=by, raw=raw)
    column = "event_type" if by == "type" else "quad_class"
    dates = _periods(frame["period"].unique().sort().to_list(), freq)
    periods = [d.isoformat() for d in dates]
    position = np.searchsorted(np.array(dates, dtype="datetime64[D]"),
                               frame["period"].to_numpy().astype("datetime64[D]"))
    counts = frame["count"].to_numpy()
    totals = np.bincount(position, weights=counts, minlength=len(periods)).astype(int)
    sums = np.bincount(position, weights=frame["goldstein_sum"].fill_null(0.0).to_numpy(), minlength=len(periods))
    means = [round(float(s / n), 2) if n else None for s, n in zip(sums, totals, strict=True)]
    keys = frame[column].to_numpy()
    series: dict[str, list[int]] = {}
    for key in np.unique(keys) if len(keys) else []:
        mine = keys == key
        values = np.zeros(len(periods), dtype=int)
        values[position[mine]] = counts[mine]
        series[str(key)] = values.tolist()
    result = {"dyad": dyad, "freq": freq, "by": by, "raw": raw, "periods": periods,
              "series": dict(sorted(series.items(), key=lambda item: -sum(item[1]))),
              "totals": totals.tolist(), "goldstein_mean": means}
    if with_rows:
        result["rows"] = frame.with_columns(frame["period"].cast(pl.Utf8)).to_dicts()
    return result


MAX_PERIODS = 5000  # a chart of more periods than that is unreadable anyway: then only non-empty ones


def _periods(found: list[dt.date], freq: str) -> list[dt.date]:
    """Every period from the first to the last found, empty ones included, so that a chart's axis is even."""
    if not found:
        return []
    first, last = found[0], found[-1]
    span = {"day": (last - first).days, "week": (last - first).days // 7,
            "month": (last.year - first.year) * 12 + last.month - first.month}[freq]
    if span >= MAX_PERIODS:
        return found
    if freq == "month":
        return [dt.date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
                for i in range(span + 1)]
    step = dt.timedelta(days=7 if freq == "week" else 1)
    return [first + step * i for i in range(span + 1)]


def network(con: Con, filters: EventFilters, limit: int) -> dict[str, Any]:
    """Actors (country and type) as nodes, directed dyads as edges with their event count and mean Goldstein;
    the `limit` heaviest edges and the nodes they join."""
    where, params = filters.where()
    edges = rows(con, f"""
        SELECT source_country, coalesce(source_type, '') AS source_type, target_country,
               coalesce(target_type, '') AS target_type, count(*) AS events,
               round(avg(goldstein), 2) AS goldstein_mean, count(DISTINCT story_id) AS stories
        FROM events WHERE {where} AND source_country IS NOT NULL AND target_country IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, source_country, source_type, target_country, target_type LIMIT ?""",
                 [*params, limit])
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for side in ("source", "target"):
            key = f"{edge[side + '_country']} {edge[side + '_type']}".strip()
            node = nodes.setdefault(key, {"id": key, "country": edge[side + "_country"],
                                          "type": edge[side + "_type"] or None, "events": 0})
            node["events"] += edge["events"]
            edge[side] = key
    return {"nodes": sorted(nodes.values(), key=lambda n: -n["events"]), "edges": edges}


def map_places(con: Con, filters: EventFilters, limit: int) -> dict[str, Any]:
    """Event locations as places with their event count (one point per coordinate pair), the busiest first; the
    browser clusters them."""
    where, params = filters.where()
    places = rows(con, f"""
        SELECT location_lat AS lat, location_lon AS lon, any_value(location_name) AS name,
               any_value(location_country) AS country, any_value(location_precision) AS precision,
               count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean,
               arg_max(event_type, event_day) AS latest_type, max(event_day) AS latest_day
        FROM events WHERE {where} AND location_lat IS NOT NULL AND location_lon IS NOT NULL
        GROUP BY location_lat, location_lon ORDER BY events DESC, name LIMIT ?""", [*params, limit])
    placed, unplaced = con.execute(
        f"SELECT count(*) FILTER (WHERE location_lat IS NOT NULL), count(*) FILTER (WHERE location_lat IS NULL) "
        f"FROM events WHERE {where}", params).fetchone()
    return {"places": places, "placed_events": placed, "unplaced_events": unplaced}


# claims -------------------------------------------------------------------------------------------------------

CLAIM_COLUMNS = """c.claim_id, c.doc_id, c.sentence_index, c.sentence, c.value, c.value_max, c.value_text, c.bound,
    c.unit, c.currency, c.category, c.subject_name, c.subject_country, c.subject_type, c.subject_text,
    c.claimant_name, c.claimant_country, c.claimant_type, c.claimant_text, c.hedge, c.date, c.group_id,
    c.conflicts_with, c.ratio, c.event_id, d.title, d.outlet, d.pub_date"""


def claim_categories(con: Con) -> list[str]:
    return [row[0] for row in con.execute(
        "SELECT DISTINCT category FROM claims WHERE category IS NOT NULL ORDER BY 1").fetchall()]


def claims(con: Con, category: str | None, doc: str | None, offset: int, limit: int) -> dict[str, Any]:
    """Contested figures side by side: the groups the coder linked (`group_id`: same category and subject,
    figures differing beyond rounding), and per story the reports' figures where they differ."""
    where, params = ["TRUE"], []
    if category:
        where.append("category = ?")
        params.append(category)
    if doc:
        where.append("doc_id = ?")
        params.append(doc)
    condition = " AND ".join(where)
    groups = rows(con, f"""
        SELECT group_id, any_value(category) AS category, max(ratio) AS ratio, count(*) AS claims
        FROM claims WHERE group_id IS NOT NULL AND {condition}
        GROUP BY group_id ORDER BY ratio DESC NULLS LAST, group_id LIMIT ? OFFSET ?""", [*params, limit, offset])
    group_total = scalar(con, f"SELECT count(DISTINCT group_id) FROM claims WHERE group_id IS NOT NULL AND "
                              f"{condition}", params)
    members: dict[str, list[dict]] = {}
    if groups:
        marks = ", ".join("?" * len(groups))
        for claim in rows(con, f"SELECT {CLAIM_COLUMNS} FROM claims c LEFT JOIN documents d ON d.id = c.doc_id "
                               f"WHERE c.group_id IN ({marks}) ORDER BY c.group_id, c.value, c.claim_id",
                          [g["group_id"] for g in groups]):
            members.setdefault(claim["group_id"], []).append(claim)
    for group in groups:
        group["members"] = members.get(group["group_id"], [])
    stories = rows(con, f"""
        SELECT story_id, category, count(*) AS claims, count(DISTINCT value) AS values,
               min(value) AS low, max(value) AS high
        FROM story_claims WHERE {condition}
        GROUP BY story_id, category HAVING count(DISTINCT value) > 1
        ORDER BY high / nullif(low, 0) DESC NULLS LAST, story_id, category LIMIT ? OFFSET ?""",
                   [*params, limit, offset])
    if stories:
        keys = [v for s in stories for v in (s["story_id"], s["category"])]
        pairs = ", ".join("(?, ?)" for _ in stories)
        found: dict[tuple, list[dict]] = {}
        for claim in rows(con, f"""
                SELECT sc.story_id, {CLAIM_COLUMNS} FROM story_claims sc JOIN claims c ON c.claim_id = sc.claim_id
                LEFT JOIN documents d ON d.id = c.doc_id
                WHERE (sc.story_id, sc.category) IN ({pairs}) ORDER BY c.value, c.claim_id""", keys):
            found.setdefault((claim["story_id"], claim["category"]), []).append(claim)
        for entry in stories:
            entry["members"] = found.get((entry["story_id"], entry["category"]), [])
    return {"groups": groups, "group_total": group_total, "stories": stories, "offset": offset, "limit": limit}


__all__ = ["claim_categories", "claims", "document", "event_rows", "list_documents", "list_events", "map_places",
           "network", "overview", "rows", "scalar", "story", "story_list", "timeline", "top_dyads"]
