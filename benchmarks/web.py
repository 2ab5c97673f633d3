"""The web UI at scale: every page and API route timed on a store of 100,000 synthetic events (the generator of
benchmarks/store.py) plus the two example articles coded for real (so that a document page has evidence to
highlight), with synthetic claims tied to events. The store is opened read-only, as `eventcoder serve` opens it;
no index is added. Each route is asked once to warm up, then `--repeat` times; the median and the slowest are
printed (target: under 300 ms).

    python benchmarks/web.py [--events 100000] [--repeat 5] [--db PATH]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pyarrow as pa

from eventcoder.aggregate import update_stories
from eventcoder.pipeline import Coder
from eventcoder.store import Store, arrow_schema
from eventcoder.web import create_app
from eventcoder.web.demo import demo_corpus, read_corpus

with warnings.catch_warnings():  # Starlette's TestClient prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

HERE = Path(__file__).resolve().parent
TARGET_MS = 300


def _store_benchmark():
    """benchmarks/store.py, imported by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("store_benchmark", HERE / "store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic_claims(events: pa.Table, n: int, seed: int = 11) -> pa.Table:
    """Casualty figures tied to ASSAULT events: pairs of differing figures in one document (linked, as the
    coder links them), and figures of other reports of the same story."""
    rng = np.random.default_rng(seed)
    assaults = [i for i, t in enumerate(events.column("event_type").to_pylist()) if t == "ASSAULT"][:n]
    event_ids, doc_ids = events.column("event_id").to_pylist(), events.column("doc_id").to_pylist()
    rows = []
    for k, i in enumerate(assaults):
        value = float(rng.integers(1, 500))
        claim_id = f"{doc_ids[i]}:c0:{k}"
        pair = k % 3 == 0  # every third figure has a second, differing one in the same sentence
        group = f"{claim_id}:g" if pair else None
        base = {"doc_id": doc_ids[i], "sentence_index": 0, "sentence": "Synthetic sentence with figures.",
                "bound": "exact", "category": "dead", "subject_country": "UKR", "subject_type": "CVL",
                "claimant_text": "officials", "claimant_country": "UKR", "claimant_type": "GOV", "hedge": "say",
                "event_id": event_ids[i], "evidence": "{}", "historical": False}
        other = f"{claim_id}b"
        rows.append({**base, "claim_id": claim_id, "value": value, "value_text": str(int(value)),
                     "group_id": group, "conflicts_with": [other] if pair else [], "ratio": 1.5 if pair else None})
        if pair:
            rows.append({**base, "claim_id": other, "value": value * 1.5, "value_text": str(int(value * 1.5)),
                         "claimant_text": "the ministry", "claimant_country": "RUS", "group_id": group,
                         "conflicts_with": [claim_id], "ratio": 1.5})
    return pa.Table.from_pylist(rows, schema=arrow_schema("claims"))


def build(path: Path, n: int) -> None:
    bench = _store_benchmark()
    events, documents = bench.synthetic(n)
    with Store.open(path) as store:
        for offset in range(0, events.num_rows, 50_000):
            with store.transaction():
                store.insert("events", events.slice(offset, 50_000))
        store.insert("documents", documents)
        store.insert("claims", synthetic_claims(events, 5000))
        store.con.execute("INSERT INTO story_dirty SELECT DISTINCT story_key FROM events")
        real = [item for item in read_corpus(demo_corpus())
                if getattr(item, "id", "") in ("istanbul-talks", "istanbul-talks-report")]
        coder = Coder()
        store.add_results(coder.code(real), model=coder.settings.model)
        update_stories(store.con, full=True)


def routes(store: Store) -> list[tuple[str, str]]:
    con = store.con
    busy_story = con.execute("SELECT story_id FROM stories ORDER BY num_mentions DESC, story_id LIMIT 1").fetchone()[0]
    busy_doc = con.execute("SELECT doc_id FROM events WHERE doc_id LIKE 'doc%' GROUP BY doc_id "
                           "ORDER BY count(*) DESC, doc_id LIMIT 1").fetchone()[0]
    return [
        ("overview", "/"),
        ("events, no filter", "/events"),
        ("events, dyad + type + month", "/events?dyad=RUS-UKR&type=ASSAULT&since=2022-03-01&until=2022-03-31"),
        ("events, actor name (ILIKE)", "/events?name=ukr&quad=4"),
        ("events, sort by Goldstein, page 200", "/events?sort=goldstein&order=asc&page=200"),
        ("events, 200 per page", "/events?per_page=200&actor=UKR&actor_type=GOV"),
        ("documents list", "/documents"),
        ("document (coded article, highlighted)", "/documents/istanbul-talks-report"),
        ("document (synthetic)", f"/documents/{busy_doc}"),
        ("story (most reported)", f"/stories/{busy_story}"),
        ("timeline RUS-UKR weekly", "/timeline?dyad=RUS-UKR&freq=week"),
        ("timeline RUS-* daily, raw", "/timeline?dyad=RUS-*&freq=day&raw=true"),
        ("network (100 edges)", "/network"),
        ("network, 500 edges, ASSAULT", "/network?type=ASSAULT&limit=500"),
        ("map", "/map"),
        ("map, one country", "/map?actor=UKR"),
        ("claims", "/claims"),
        ("api/overview", "/api/overview"),
        ("api/events", "/api/events?dyad=RUS-UKR"),
        ("api/documents/{id}", "/api/documents/istanbul-talks-report"),
        ("api/stories/{id}", f"/api/stories/{busy_story}"),
        ("api/timeline", "/api/timeline?dyad=RUS-UKR&freq=month"),
        ("api/network", "/api/network"),
        ("api/map", "/api/map"),
        ("api/claims", "/api/claims"),
        ("api/events.csv, one dyad-month", "/api/events.csv?dyad=RUS-UKR&since=2022-03-01&until=2022-03-31"),
        ("api/events.jsonl, one dyad-month", "/api/events.jsonl?dyad=RUS-UKR&since=2022-03-01&until=2022-03-31"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="store file (default: a temporary one)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "web.duckdb"
    if not path.exists():
        start = time.perf_counter()
        build(path, args.events)
        print(f"built {path.name}: {args.events:,} synthetic events + 2 coded articles in "
              f"{time.perf_counter() - start:.1f} s")
    slow = []
    with Store.open(path, read_only=True, sandbox=True) as store:
        counts = store.counts()
        print(f"{counts['events']:,} events, {counts['stories']:,} stories, {counts['documents']:,} documents, "
              f"{counts['claims']:,} claims; median and slowest of {args.repeat} runs after one warm-up\n")
        client = TestClient(create_app(store))
        print(f"{'route':<40} {'median':>8} {'slowest':>8}  {'bytes':>9}")
        for label, url in routes(store):
            response = client.get(url)
            if response.status_code != 200:
                sys.exit(f"{url}: {response.status_code} {response.text[:200]}")
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            median, worst = statistics.median(times), max(times)
            if median > TARGET_MS:
                slow.append(label)
            print(f"{label:<40} {median:6.0f} ms {worst:5.0f} ms  {len(response.content):>9,}")
    print(f"\n{'every route under' if not slow else 'over'} {TARGET_MS} ms" + (f": {', '.join(slow)}" if slow else ""))
    folder.cleanup()


if __name__ == "__main__":
    main()
