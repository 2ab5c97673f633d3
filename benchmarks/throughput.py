"""Throughput: spaCy parsing alone versus full event coding, on the same generated corpus in one run.

    python benchmarks/throughput.py [--docs N] [--batch-size B]

The corpus is built from the bundled example article and the public dev set (news-style sentences),
shuffled into ~800-word documents. The last line is `ratio=<coding docs/s / parse docs/s>`; the goal is
>= 0.8, i.e. everything eventcoder adds to parsing costs at most a quarter of the parse.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from eventcoder import Coder, Document
from eventcoder.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "gold" / "dev.jsonl"


def corpus(n_docs: int, words_per_doc: int = 800, seed: int = 7) -> list[Document]:
    paragraphs = [p.strip() for p in (ROOT / "examples" / "istanbul-talks.txt").read_text().split("\n\n")
                  if len(p.split()) > 8]
    if DEV.exists():
        paragraphs += [json.loads(line)["text"] for line in DEV.read_text().splitlines() if line.strip()]
    rng = random.Random(seed)
    documents = []
    for i in range(n_docs):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words_per_doc:
            chosen.append(rng.choice(paragraphs))
        documents.append(Document(id=f"bench-{i}", text="\n\n".join(chosen), pub_date="2023-06-15"))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    coder = Coder(load_settings(batch_size=args.batch_size))
    documents = corpus(args.docs)
    words = sum(len(d.text.split()) for d in documents)
    list(coder.code(documents[:4]))  # warm-up: lazy loads and caches
    start = time.perf_counter()
    for _ in coder.nlp.pipe((d.text for d in documents), batch_size=args.batch_size):
        pass
    parse_rate = len(documents) / (time.perf_counter() - start)
    start = time.perf_counter()
    events = sum(len(r.events) for r in coder.code(documents))
    coding_rate = len(documents) / (time.perf_counter() - start)
    print(f"corpus: {len(documents)} documents, {words} words, model {coder.settings.model}, "
          f"batch size {args.batch_size}")
    print(f"parse only:  {parse_rate:.2f} docs/s")
    print(f"full coding: {coding_rate:.2f} docs/s ({events} events)")
    print(f"ratio={coding_rate / parse_rate:.3f}")


if __name__ == "__main__":
    main()
