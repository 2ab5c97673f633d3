"""Corpus store at scale: 1 million synthetic events (no coding: the rows are built directly), inserted the way
ingest inserts them, grouped into stories, then the typical filters and a weekly dyad series timed.

    python benchmarks/store.py [--events 1000000] [--db PATH]

The events follow a realistic shape: a few dyads and types dominate (Zipf-like weights), dates spread over six
years, about 60% of events placed in one of a few hundred cities, reports of one event repeated by several
outlets within a day. Prints insert rate (rows/s), story-building time and the time of each query.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from eventcoder.aggregate import dyad_series, update_stories
from eventcoder.store import Store, arrow_schema

TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "COERCE", "REQUEST", "SUPPORT", "AGREE", "COOPERATE", "THREATEN",
         "PROTEST", "REJECT", "AID", "SANCTION", "MOBILIZE", "CONCEDE", "RETREAT"]
CAMEO = {"ASSAULT": ("190", 4, -10.0), "CONSULT": ("040", 1, 1.0), "ACCUSE": ("112", 3, -2.0),
         "COERCE": ("173", 4, -5.0), "REQUEST": ("020", 1, 3.0), "SUPPORT": ("051", 1, 3.4),
         "AGREE": ("057", 1, 8.0), "COOPERATE": ("061", 2, 6.4), "THREATEN": ("130", 3, -4.4),
         "PROTEST": ("140", 3, -6.5), "REJECT": ("120", 3, -4.0), "AID": ("070", 2, 7.0),
         "SANCTION": ("163", 4, -8.0), "MOBILIZE": ("150", 4, -7.2), "CONCEDE": ("080", 2, 5.0),
         "RETREAT": ("087", 2, 9.0)}
COUNTRIES = ["RUS", "UKR", "USA", "CHN", "ISR", "PSE", "IRN", "SYR", "TUR", "GBR", "FRA", "DEU", "IND", "PAK",
             "AFG", "IRQ", "YEM", "SAU", "SDN", "ETH", "NGA", "MLI", "BFA", "COD", "SOM", "LBY", "EGY", "LBN",
             "JPN", "KOR", "PRK", "TWN", "PHL", "MMR", "BLR", "POL", "KAZ", "ARM", "AZE", "GEO", "VEN", "COL",
             "MEX", "BRA", "ARG", "CAN", "AUS", "ZAF", "KEN", "QAT"]
ACTOR_TYPES = ["GOV", "MIL", "COP", "REB", "CVL", "OPP", "JUD", "MED"]
OUTLETS = [f"outlet{i}" for i in range(40)]


def synthetic(n: int, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    """Events and their documents (five events a document), as Arrow tables with the store's schemas."""
    rng = np.random.default_rng(seed)
    zipf = 1 / np.arange(1, len(COUNTRIES) + 1) ** 1.1
    countries = np.array(COUNTRIES)
    source = countries[rng.choice(len(COUNTRIES), n, p=zipf / zipf.sum())]
    target = countries[rng.choice(len(COUNTRIES), n, p=zipf / zipf.sum())]
    heavy = rng.random(n) < 0.15  # the war everyone reports
    source[heavy], target[heavy] = "RUS", "UKR"
    type_weights = 1 / np.arange(1, len(TYPES) + 1) ** 0.9
    types = np.array(TYPES)[rng.choice(len(TYPES), n, p=type_weights / type_weights.sum())]
    kinds = np.array(ACTOR_TYPES)
    source_type, target_type = kinds[rng.integers(0, len(kinds), n)], kinds[rng.integers(0, len(kinds), n)]
    start = dt.date(2019, 1, 1)
    days = rng.integers(0, 6 * 365 - 1, n)
    cities = rng.integers(0, 8, n)  # eight cities per country, on a grid around a centre
    # a third of the events are other outlets' reports of an event already in the corpus, a day later at most
    copy = rng.random(n) < 1 / 3
    original = rng.integers(0, n, n)
    for column in (source, target, types, source_type, target_type, cities):
        column[copy] = column[original[copy]]
    days[copy] = days[original[copy]] + rng.integers(0, 2, int(copy.sum()))
    event_days = np.array([start + dt.timedelta(days=int(d)) for d in range(6 * 365)])[days]
    pub_days = np.array([start + dt.timedelta(days=int(d)) for d in range(6 * 365 + 2)])[
        days + rng.integers(0, 2, n)]
    located = rng.random(n) < 0.6
    lat = np.where(located, rng.uniform(-40, 60, len(COUNTRIES))[np.searchsorted(COUNTRIES, source) %
                                                                   len(COUNTRIES)] + cities * 0.9, np.nan)
    lon = np.where(located, rng.uniform(-100, 140, len(COUNTRIES))[np.searchsorted(COUNTRIES, source) %
                                                                     len(COUNTRIES)] + cities * 0.9, np.nan)
    doc_index = np.arange(n) // 5
    doc_ids = np.char.add("doc", doc_index.astype(str))
    event_ids = np.char.add(np.char.add(doc_ids, ":0:"), (np.arange(n) % 5).astype(str))
    cameo = [CAMEO[t] for t in types]
    story_keys = [f"{t}|A|{s}/{st}|{g}/{gt}" for t, s, st, g, gt in
                  zip(types, source, source_type, target, target_type, strict=True)]
    columns = {
        "event_id": event_ids.tolist(), "doc_id": doc_ids.tolist(), "story_key": story_keys,
        "event_key": rng.integers(0, 2**52, n).tolist(), "event_day": event_days.tolist(),
        "pub_date": pub_days.tolist(), "doc_source": np.array(OUTLETS)[doc_index % len(OUTLETS)].tolist(),
        "sentence_index": (np.arange(n) % 5).tolist(), "sentence": ["Synthetic sentence."] * n,
        "event_type": types.tolist(), "cameo": [c[0] for c in cameo], "quad_class": [c[1] for c in cameo],
        "goldstein": [c[2] for c in cameo], "source_text": source.tolist(), "source_name": source.tolist(),
        "source_country": source.tolist(), "source_type": source_type.tolist(), "target_text": target.tolist(),
        "target_name": target.tolist(), "target_country": target.tolist(), "target_type": target_type.tolist(),
        "trigger": ["did"] * n, "date": [d.isoformat() for d in event_days], "date_precision": ["day"] * n,
        "location_text": np.where(located, np.char.add("city", cities.astype(str)), None).tolist(),
        "location_name": np.where(located, np.char.add("city", cities.astype(str)), None).tolist(),
        "location_country": np.where(located, source, None).tolist(),
        "location_lat": [None if np.isnan(v) else float(v) for v in lat],
        "location_lon": [None if np.isnan(v) else float(v) for v in lon],
        "location_precision": np.where(located, "city", None).tolist(), "locations": ["[]"] * n,
        "negated": (rng.random(n) < 0.02).tolist(), "modality": ["asserted"] * n,
        "confidence": rng.uniform(0.5, 1, n).round(2).tolist(), "pattern": ["synthetic"] * n,
        "evidence": ['{"pattern": "synthetic"}'] * n, "fatalities": ["[]"] * n, "injured": ["[]"] * n,
        "arrested": ["[]"] * n,
    }
    schema = arrow_schema("events")
    events = pa.table({f.name: columns.get(f.name, pa.nulls(n, f.type)) for f in schema}, schema=schema)
    docs = np.unique(doc_index)
    doc_columns = {"id": np.char.add("doc", docs.astype(str)).tolist(), "text": ["Synthetic text."] * len(docs),
                   "outlet": np.array(OUTLETS)[docs % len(OUTLETS)].tolist(),
                   "text_hash": np.char.add("h", docs.astype(str)).tolist(), "eventcoder_version": ["bench"] *
                   len(docs), "knowledge_hash": ["bench"] * len(docs)}
    doc_schema = arrow_schema("documents")
    documents = pa.table({f.name: doc_columns.get(f.name, pa.nulls(len(docs), f.type)) for f in doc_schema},
                         schema=doc_schema)
    return events, documents


def timed(label: str, function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    elapsed = time.perf_counter() - start
    print(f"{label:<58} {elapsed:7.3f} s")
    return result, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="store file (default: a temporary one)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.duckdb"
    events, documents = timed(f"generate {args.events:,} events", synthetic, args.events)[0]
    with Store.open(path) as store:
        batch = 50_000
        start = time.perf_counter()
        for offset in range(0, events.num_rows, batch):
            with store.transaction():
                store.insert("events", events.slice(offset, batch))
        elapsed = time.perf_counter() - start
        print(f"{'insert events (Arrow batches of 50,000)':<58} {elapsed:7.3f} s  "
              f"({events.num_rows / elapsed:,.0f} rows/s)")
        timed("insert documents", store.insert, "documents", documents)
        store.con.execute("INSERT INTO story_dirty SELECT DISTINCT story_key FROM events")
        assigned, _ = timed("group into stories (full build)", update_stories, store.con)
        stories = store.con.execute("SELECT count(*) FROM stories").fetchall()[0][0]
        print(f"  {assigned:,} events in {stories:,} stories")
        more = events.slice(0, 1000).to_pylist()
        for row in more:
            row["event_id"] += "b"
            row["doc_id"] = "extra"
        with store.transaction():
            store.insert("events", more)
            store.con.execute("INSERT INTO story_dirty SELECT DISTINCT story_key FROM events WHERE doc_id = 'extra'")
        timed("update stories after ingesting 1,000 more events", update_stories, store.con)
        queries = {
            "dyad RUS-UKR (count)": ("SELECT count(*) FROM events WHERE source_country = ? AND target_country = ?",
                                     ["RUS", "UKR"]),
            "type ASSAULT (count)": ("SELECT count(*) FROM events WHERE event_type = ?", ["ASSAULT"]),
            "date range, one month (count)": ("SELECT count(*) FROM events WHERE event_day BETWEEN ? AND ?",
                                              [dt.date(2022, 3, 1), dt.date(2022, 3, 31)]),
            "country UKR as source, target or place (count)": (
                "SELECT count(*) FROM events WHERE ? IN (source_country, target_country, location_country)",
                ["UKR"]),
            "dyad + type + month (rows)": (
                "SELECT * FROM events WHERE source_country = ? AND target_country = ? AND event_type = ? "
                "AND event_day BETWEEN ? AND ?", ["RUS", "UKR", "ASSAULT", dt.date(2022, 3, 1),
                                                  dt.date(2022, 3, 31)]),
            "top 10 dyads (GROUP BY)": ("SELECT source_country, target_country, count(*) n FROM events "
                                        "GROUP BY ALL ORDER BY n DESC LIMIT 10", []),
        }
        for label, (sql, params) in queries.items():
            timed(label, lambda s=sql, p=params: store.con.execute(s, p).fetchall())
        weekly, _ = timed("weekly series RUS-UKR by type, stories", dyad_series, store, "RUS-UKR", freq="week")
        timed("weekly series RUS-UKR by type, raw events", dyad_series, store, "RUS-UKR", freq="week", raw=True)
        print(f"  {len(weekly):,} (week, type) rows")
    print(f"store file: {path.stat().st_size / 1e6:,.0f} MB")
    folder.cleanup()


if __name__ == "__main__":
    main()
