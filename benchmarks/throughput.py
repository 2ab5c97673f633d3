"""Throughput and memory on one generated corpus of real-looking news: spaCy parsing alone, full coding in one
process, and coding on Dask workers through the command's own driver.

    python benchmarks/throughput.py [--docs N] [--batch-size B] [--workers W] [--partition-size P] [--memory]
                                    [--profile]

The corpus (`corpus()`): paragraphs of the gold and wire texts (tests/data/gold/*.jsonl), the claims set, the
example articles and, when the shared evaluation folder has it, CASE 2021 snippets, made into short wire items,
~800-word reports and ~2,500-word long reads padded with event-free news (sports, markets, weather, culture) that
this file writes. Every measurement runs in its own process, so that its peak RSS is its own:

  (a) parse only: `nlp.pipe` over the texts with the coder's own pipeline and batch size;
  (b) full coding in one process: `Coder.code` over the same documents;
  (c) the job path of `eventcoder code -o DIR` (`eventcoder.distributed.run_code_job`) in one process, and
  (d) the same with `--workers W` (a Dask LocalCluster): docs/s while coding (workers ready), and the whole run;
  (e) (b) in W independent processes at once, a share of the corpus each: the ceiling of W workers here;
  --memory: RSS after 1,000 and after 10,000 documents of one long run in one process;
  --profile: where the time of (b) goes (cProfile), parse against the coder's stages.

Targets (docs/performance.md): (b) >= 1.5x (a); RSS at 10k within 10% of 1k; (d) >= 1.7x (c). The last line is
`ratio=<(b) docs/s / (a) docs/s>`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
CASE_FILES = (Path("/work/shared/eval/peers/case2021_task2_test.jsonl"),
              ROOT.parent / "shared" / "eval" / "peers" / "case2021_task2_test.jsonl")
PUB_DATE = "2023-06-15"

# Event-free news: what pads a real long read between the political paragraphs.
TEAMS = ["Arsenal", "the Lakers", "Bayern Munich", "the Yankees", "Celtic", "the Chiefs", "Real Madrid", "Leeds"]
PLAYERS = ["Marcus Hill", "Sofia Lindqvist", "Tom Baker", "Ana Duarte", "Kenji Sato", "Liam O'Brien", "Priya Nair"]
COMPANIES = ["Nordwind Logistics", "Apex Foods", "Bluewater Energy", "Calder Pharma", "Vantage Retail", "Orion Steel"]
CITIES = ["Leeds", "Lyon", "Osaka", "Denver", "Porto", "Adelaide", "Bergen", "Seville"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "{team} beat {team2} {a}-{b} on {day}, with {player} scoring twice in the second half.",
    "{player} finished the season with {n} goals, the most by a midfielder since the league was founded.",
    "The match in {city} was delayed by {n} minutes because of heavy rain, and the pitch was inspected twice.",
    "Coach of {team} said the squad was tired after three games in eight days but pleased with the result.",
    "Tickets for the final sold out within {n} minutes, and the club said more seats would be added next year.",
    "Shares of {company} rose {p} percent in early trading after quarterly revenue beat analysts' forecasts.",
    "{company} said it expects sales to grow by {p} percent this year, helped by demand for its new products.",
    "The benchmark index closed {p} percent higher on {day}, led by technology and consumer stocks.",
    "Oil prices slipped to ${n} a barrel as traders weighed higher inventories against a weaker dollar.",
    "The bond market was quiet, with the ten-year yield little changed at {p} percent by the end of the day.",
    "{company} will open a new warehouse near {city} next spring, creating about {n} jobs, the firm said.",
    "Forecasters expect temperatures in {city} to reach {n} degrees on {day}, with a chance of afternoon showers.",
    "A cold front will bring strong winds to the coast on {day} night before skies clear by the weekend.",
    "Snow is likely in the hills above {city}, and drivers are advised to check the roads before setting off.",
    "The festival in {city} drew about {n},000 visitors over three days, organisers said on {day}.",
    "The museum's new exhibition of early photographs opens on {day} and runs until the end of the summer.",
    "A new smartphone from {company} goes on sale on {day}, with a larger battery and a brighter screen.",
    "The bakery on the high street in {city} has won a regional award for its sourdough for the third year.",
    "Train services between {city} and the airport will run every {n} minutes during the holiday period.",
    "Researchers said the new variety of wheat needs {p} percent less water than the one farmers grow now.",
]


def _filler(rng: random.Random) -> str:
    sentence = rng.choice(FILLER)
    return sentence.format(team=rng.choice(TEAMS), team2=rng.choice(TEAMS), player=rng.choice(PLAYERS),
                           company=rng.choice(COMPANIES), city=rng.choice(CITIES), day=rng.choice(DAYS),
                           a=rng.randint(0, 5), b=rng.randint(0, 4), n=rng.randint(3, 90), p=rng.randint(1, 9))


def news_paragraphs() -> tuple[list[str], int]:
    """Paragraphs of real news text: the gold, wire and claims sets, the examples, CASE snippets if present."""
    paragraphs: list[str] = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                paragraphs += [p.strip() for p in json.loads(line)["text"].split("\n\n") if len(p.split()) > 8]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 8]
    case = next((p for p in CASE_FILES if p.exists()), None)
    snippets = []
    if case is not None:
        for line in case.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"].strip() if line.strip() else ""
            if len(text.split()) > 8:
                snippets.append(text if text.endswith((".", "!", "?", '"')) else text + ".")
    return paragraphs + snippets, len(snippets)


def corpus(n_docs: int, seed: int = 7) -> Iterator[dict]:
    """`n_docs` documents, generated one at a time: 40% short wire items (1-3 paragraphs), 40% reports of about
    800 words, 20% long reads of about 2,500 words of which three quarters are event-free news."""
    paragraphs, _ = news_paragraphs()
    rng = random.Random(seed)
    for i in range(n_docs):
        kind = rng.random()
        if kind < 0.4:
            chosen = rng.sample(paragraphs, rng.randint(1, 3))
        else:
            words, target, chosen = 0, 800 if kind < 0.8 else 2500, []
            news_share = 0.85 if kind < 0.8 else 0.25
            while words < target:
                if rng.random() < news_share:
                    paragraph = rng.choice(paragraphs)
                else:
                    paragraph = " ".join(_filler(rng) for _ in range(rng.randint(2, 5)))
                chosen.append(paragraph)
                words += len(paragraph.split())
        yield {"id": f"bench-{i}", "text": "\n\n".join(chosen), "pub_date": PUB_DATE}


# phases: each runs in its own process and prints one JSON line ------------------------------------------------------


def _peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _documents(path: Path) -> list:
    from eventcoder import Document

    return [Document.model_validate(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]


def phase_parse(path: Path, batch_size: int) -> dict:
    from eventcoder import Coder
    from eventcoder.settings import load_settings

    coder = Coder(load_settings(batch_size=batch_size))
    documents = _documents(path)
    list(coder.nlp.pipe((d.text for d in documents[:4]), batch_size=batch_size))  # warm-up
    start = time.perf_counter()
    for _ in coder.nlp.pipe((d.text for d in documents), batch_size=batch_size):
        pass
    return {"seconds": time.perf_counter() - start, "docs": len(documents), "peak_mb": _peak_mb()}


def phase_code(path: Path, batch_size: int) -> dict:
    from eventcoder import Coder
    from eventcoder.settings import load_settings

    coder = Coder(load_settings(batch_size=batch_size))
    documents = _documents(path)
    list(coder.code(documents[:4]))  # warm-up: lazy loads (place index, caches)
    start = time.perf_counter()
    events = sum(len(result.events) for result in coder.code(documents))
    return {"seconds": time.perf_counter() - start, "docs": len(documents), "events": events,
            "peak_mb": _peak_mb()}


def phase_job(path: Path, batch_size: int, workers: int, partition_size: int) -> dict:
    from eventcoder.cli import BatchSummary
    from eventcoder.distributed import CodeJob, run_code_job
    from eventcoder.ingest import IngestOptions
    from eventcoder.settings import load_settings

    with tempfile.TemporaryDirectory(prefix="eventcoder-bench-") as folder:
        job = CodeJob(inputs=[str(path)], out_dir=Path(folder), options=IngestOptions(),
                      settings=load_settings(batch_size=batch_size), workers=workers or None,
                      partition_size=partition_size, progress=False)
        summary = BatchSummary(None)
        report = run_code_job(job, summary)
    return {"seconds": report.coding_seconds, "total_seconds": report.seconds, "docs": summary.documents,
            "events": summary.events, "peak_mb": _peak_mb(), "workers_peak_mb": _peak_mb(resource.RUSAGE_CHILDREN),
            "partitions": report.partitions}


def phase_memory(batch_size: int, total: int = 10_000, first: int = 1_000) -> dict:
    """One long run through the command's batching (`code_batches`), nothing kept: RSS after 1k and 10k."""
    from eventcoder import Coder, Document
    from eventcoder.distributed import code_batches
    from eventcoder.settings import load_settings

    coder = Coder(load_settings(batch_size=batch_size))
    seen = {"docs": 0, "events": 0}
    rss: dict[str, float] = {}
    start = time.perf_counter()

    def on_result(result) -> None:
        seen["docs"] += 1
        seen["events"] += len(result.events)
        if seen["docs"] % first == 0:  # every thousand: a long run shows its trend as it goes (stderr)
            rss[str(seen["docs"])] = _rss_mb()
            print(json.dumps({"docs": seen["docs"], "rss_mb": round(rss[str(seen["docs"])], 1),
                              "seconds": round(time.perf_counter() - start, 1)}), file=sys.stderr, flush=True)

    code_batches(coder, (Document.model_validate(d) for d in corpus(total, seed=11)), on_result, print,
                 batch_size)
    return {"rss_mb": rss, "docs": seen["docs"], "events": seen["events"], "seconds": time.perf_counter() - start,
            "peak_mb": _peak_mb()}


# (file, function) -> stage of `Coder.code` (pipeline.py): cumulative times under cProfile
STAGES = {
    ("spacy/language.py", "pipe"): "parse (spaCy nlp.pipe, incl. the coder's own components)",
    ("eventcoder/pipeline.py", "code_parsed"): "coding after the parse (Coder.code_parsed), of which:",
    ("actors/kb.py", "__call__"): "  actor mentions (ActorMatcher)",
    ("actors/resolver.py", "__init__"): "  actor resolution (DocumentActors)",
    ("places/document.py", "__init__"): "  places (DocumentPlaces)",
    ("events/coder.py", "candidates"): "  event candidates (SentenceCoder.candidates)",
    ("events/coder.py", "event"): "  event records (SentenceCoder.event)",
    ("eventcoder/pipeline.py", "deduplicate"): "  deduplicate",
    ("eventcoder/claims.py", "extract"): "  claims",
    ("eventcoder/quotes.py", "extract"): "  quotes",
    ("eventcoder/proposals.py", "extract"): "  proposals",
}


def phase_profile(path: Path, batch_size: int) -> dict:
    import cProfile
    import pstats

    from eventcoder import Coder
    from eventcoder.settings import load_settings

    coder = Coder(load_settings(batch_size=batch_size))
    documents = _documents(path)
    list(coder.code(documents[:4]))
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for _ in coder.code(documents):
        pass
    profiler.disable()
    wall = time.perf_counter() - start
    stages: dict[str, float] = {}
    top = []
    for (filename, _, name), (_, _, tottime, cumtime, _) in pstats.Stats(profiler).stats.items():
        where = Path(filename).as_posix()
        for (suffix, function), stage in STAGES.items():
            if name == function and where.endswith(suffix):
                stages[stage] = stages.get(stage, 0.0) + cumtime
        if name.startswith("triggers") and "/eventcoder/events/" in where:
            stages["  event triggers (SentenceCoder.triggers)"] = cumtime
        top.append((tottime, f"{name} ({'/'.join(Path(filename).parts[-2:])})"))
    top.sort(reverse=True)
    order = [*STAGES.values(), "  event triggers (SentenceCoder.triggers)"]
    return {"wall": wall, "stages": sorted(stages.items(), key=lambda kv: order.index(kv[0])),
            "top": [[round(t, 2), name] for t, name in top[:15]]}


# the driver ----------------------------------------------------------------------------------------------------------


def _run(phase: str, args, corpus_path: Path | None = None) -> dict:
    command = [sys.executable, __file__, "--phase", phase, "--batch-size", str(args.batch_size),
               "--workers", str(args.workers), "--partition-size", str(args.partition_size)]
    if corpus_path:
        command += ["--corpus", str(corpus_path)]
    busy, ours, started = _machine_busy(), _children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # CPU time the rest of the machine used meanwhile: all busy time less this phase's own processes
    other = (_machine_busy() - busy) - (_children_cpu() - ours)
    result["other_cores"] = max(0.0, other) / (time.perf_counter() - started)
    return result


def _run_side_by_side(args, paths: list[Path]) -> dict:
    """(b) in N independent processes at once, one share of the corpus each: what N cores give when nothing is
    shared, the ceiling for N workers on this machine."""
    processes = [subprocess.Popen([sys.executable, __file__, "--phase", "code", "--batch-size", str(args.batch_size),
                                   "--corpus", str(path)], stdout=subprocess.PIPE, text=True) for path in paths]
    results = [json.loads(process.communicate()[0].strip().splitlines()[-1]) for process in processes]
    return {"docs": sum(r["docs"] for r in results), "seconds": max(r["seconds"] for r in results),
            "peak_mb": max(r["peak_mb"] for r in results), "other_cores": float("nan")}


def _machine_busy() -> float:
    import psutil

    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _line(label: str, result: dict, words: int) -> str:
    rate = result["docs"] / result["seconds"]
    return (f"{label:<34} {rate:7.2f} docs/s {words / result['seconds']:9,.0f} words/s   "
            f"peak RSS {result['peak_mb']:,.0f} MB   [other load {result['other_cores']:.2f} cores]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=25, help="documents per partition in (c) and (d)")
    parser.add_argument("--memory", action="store_true", help="RSS after 1k and 10k documents (slow)")
    parser.add_argument("--profile", action="store_true", help="where the time of one process goes")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        phases = {"parse": lambda: phase_parse(args.corpus, args.batch_size),
                  "code": lambda: phase_code(args.corpus, args.batch_size),
                  "job1": lambda: phase_job(args.corpus, args.batch_size, 0, args.partition_size),
                  "jobN": lambda: phase_job(args.corpus, args.batch_size, args.workers, args.partition_size),
                  "memory": lambda: phase_memory(args.batch_size),
                  "profile": lambda: phase_profile(args.corpus, args.batch_size)}
        print(json.dumps(phases[args.phase]()))
        return

    import spacy

    from eventcoder.settings import load_settings

    _, case_snippets = news_paragraphs()
    with tempfile.TemporaryDirectory(prefix="eventcoder-bench-") as folder:
        path = Path(folder) / "corpus.jsonl"
        records = list(corpus(args.docs))
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        words = sum(len(r["text"].split()) for r in records)
        lengths = sorted(len(r["text"].split()) for r in records)
        print(f"load average before: {os.getloadavg()[0]:.2f}; [other load] is the CPU the rest of the machine "
              "used during a measurement, in cores: anything above ~0.1 skews it")
        print(f"machine: {os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), "
              f"{platform.platform()}, Python {platform.python_version()}, spaCy {spacy.__version__}")
        print(f"corpus: {len(records)} documents, {words:,} words (median {lengths[len(lengths) // 2]}, longest "
              f"{lengths[-1]}), model {load_settings().model}, batch size {args.batch_size}, "
              f"{'with' if case_snippets else 'without'} CASE 2021 snippets ({case_snippets})")
        parse = _run("parse", args, path)
        code = _run("code", args, path)
        one = _run("job1", args, path)
        many = _run("jobN", args, path)
        print(_line("(a) parse only", parse, words))
        print(_line("(b) full coding, one process", code, words) + f"   ({code['events']} events)")
        print(_line("(c) eventcoder code -o DIR, 1 proc", one, words) + f"   (whole run {one['total_seconds']:.1f} s)")
        print(_line(f"(d) --workers {args.workers}", many, words)
              + f"   (whole run {many['total_seconds']:.1f} s, incl. cluster start and model load; "
                f"largest worker {many['workers_peak_mb']:,.0f} MB; {many['partitions']} partitions)")
        shares = []
        for n in range(args.workers):
            share = Path(folder) / f"share-{n}.jsonl"
            share.write_text("".join(json.dumps(r) + "\n" for r in records[n::args.workers]), encoding="utf-8")
            shares.append(share)
        apart = _run_side_by_side(args, shares)
        print(_line(f"(e) (b) in {args.workers} processes at once", apart, words).split("   [")[0]
              + f"   = {(apart['docs'] / apart['seconds']) / (code['docs'] / code['seconds']):.2f}x (b): "
                "the most this machine gives, nothing shared")
        speedup = (many["docs"] / many["seconds"]) / (one["docs"] / one["seconds"])
        whole = one["total_seconds"] / many["total_seconds"]
        print(f"workers: (d)/(c) = {speedup:.2f}x while coding, {whole:.2f}x for the whole run (target >= 1.7x)")
        if args.profile:
            profile = _run("profile", args, path)
            print(f"profile of (b) under cProfile: {profile['wall']:.1f} s wall")
            for stage, seconds in profile["stages"]:
                print(f"  {stage:<58} {seconds:7.2f} s  {seconds / profile['wall']:5.1%}")
            print("  functions by own time:")
            for seconds, name in profile["top"]:
                print(f"  {seconds:7.2f} s  {name}")
    if args.memory:
        memory = _run("memory", args)
        low, high = memory["rss_mb"]["1000"], memory["rss_mb"]["10000"]
        print(f"memory: RSS {low:,.0f} MB after 1,000 documents, {high:,.0f} MB after 10,000 "
              f"({(high - low) / low:+.1%}; target within 10%); {memory['docs'] / memory['seconds']:.2f} docs/s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    ratio = (code["docs"] / code["seconds"]) / (parse["docs"] / parse["seconds"])
    print(f"ratio={ratio:.3f}")


if __name__ == "__main__":
    main()
