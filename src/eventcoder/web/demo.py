"""The demo store `eventcoder serve` shows when given no `--db`: the package's own demo corpus (demo/demo.jsonl,
about a hundred short articles: demo/README.md) coded once into a DuckDB file in the user cache directory.

The file's name carries a digest of the corpus, the eventcoder version and the knowledge data, so an upgrade
builds a fresh one instead of showing stale events. It is built under a temporary name and renamed into place:
two servers starting at once both build, one rename wins, neither sees half a store.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from eventcoder import __version__
from eventcoder.aggregate import update_stories
from eventcoder.ingest import IngestOptions, Reader
from eventcoder.models import CodingError, Document
from eventcoder.pipeline import Coder
from eventcoder.places.gazetteer import cache_roots
from eventcoder.store import Store, knowledge_hash


def demo_corpus() -> Path:
    """The packaged demo corpus (a JSONL file of documents)."""
    return Path(str(resources.files("eventcoder.web") / "demo" / "demo.jsonl"))


def read_corpus(path: Path) -> list[Document | CodingError]:
    """Documents (and any errors) from a file, through the readers `eventcoder ingest` uses."""
    return list(Reader(IngestOptions(language=None)).read_path(path))


def build_store(path: Path, items: Iterable[Document | CodingError], coder: Coder) -> dict[str, int]:
    """Code documents into a store at `path` (created, or added to) and group their stories; the counts of rows."""
    items = list(items)
    documents = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, CodingError)]
    with Store.open(path) as store:
        store.add_results(coder.code(documents), model=coder.settings.model)
        store.add_failures(errors)
        update_stories(store.con)
        return store.counts()


def demo_store(coder: Callable[[], Coder], roots: Iterable[Path] | None = None) -> Path:
    """The demo store's path, built first if needed (with the coder `coder()` returns, called only then)."""
    corpus = demo_corpus()
    digest = hashlib.sha256(corpus.read_bytes() + f"\0{__version__}\0{knowledge_hash()}".encode()).hexdigest()[:12]
    name = f"web-demo-{digest}.duckdb"
    candidates = list(roots) if roots is not None else cache_roots()
    for root in candidates:
        if (root / name).is_file():
            return root / name
    for root in candidates:
        try:
            root.mkdir(parents=True, exist_ok=True)
            handle, staging = tempfile.mkstemp(prefix=f".{name}-", suffix=".duckdb", dir=root)
        except OSError:
            continue  # not writable: the next root
        os.close(handle)
        os.unlink(staging)  # DuckDB creates the file itself; an empty file is not a database
        try:
            build_store(Path(staging), read_corpus(corpus), coder())
            os.replace(staging, root / name)
            for stale in root.glob("web-demo-*.duckdb"):  # older versions' demos
                if stale.name != name:
                    stale.unlink(missing_ok=True)
            return root / name
        finally:
            for leftover in (Path(staging), Path(staging + ".wal")):
                leftover.unlink(missing_ok=True)
    raise OSError("no writable cache directory for the demo store (set EVENTCODER_CACHE)")


__all__ = ["build_store", "demo_corpus", "demo_store", "read_corpus"]
