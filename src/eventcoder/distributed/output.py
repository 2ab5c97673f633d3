"""The output folder of a partitioned job: part files, the manifest, and the merged files.

    OUT/manifest.json                  inputs, options, partitions (sources, status, counts), eventcoder version
    OUT/parts/<id>.events.jsonl        one part per partition and record type (.parquet with --format parquet)
    OUT/parts/<id>.errors.jsonl        the partition's failures, skips and warnings
    OUT/parts/<id>.index.json          its documents' ids, text digests and origins (for ids unique job-wide)
    OUT/events.jsonl, claims.jsonl...  merged in input order once every partition is done
    OUT/errors.jsonl                   merged the same way

Every file is written to a temporary name and renamed; the manifest is updated after a partition's files are all
in place. A run killed at any moment leaves finished partitions that the next run keeps, and nothing half
written that it would take for finished.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from eventcoder import __version__
from eventcoder.claim_links import link_conflicts
from eventcoder.ingest import outcome
from eventcoder.models import Claim, CodingError

from .plan import Partition
from .worker import PartitionOutput, record_line

MANIFEST = "manifest.json"
PARTS = "parts"


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    temporary = path.with_name(path.name + ".tmp")
    write(temporary)
    os.replace(temporary, path)


def write_text(path: Path, text: str) -> None:
    atomic_write(path, lambda p: p.write_text(text, encoding="utf-8", errors="replace"))


def error_line(error: CodingError) -> str:
    """A line of errors.jsonl, as `eventcoder code` writes it."""
    return json.dumps({**error.model_dump(), "outcome": outcome(error)}, ensure_ascii=False)


class Manifest:
    """`manifest.json`: what the job is (header) and where each partition stands."""

    def __init__(self, path: Path, header: dict, partitions: list[Partition], previous: dict[str, dict]):
        self.path = path
        self.header = header
        self._saved, self._dirty = 0.0, False
        self.entries: dict[str, dict] = {}
        for p in partitions:
            entry = previous.get(p.id) or {"status": "pending"}
            self.entries[p.id] = {"id": p.id, "sources": p.describe(), "estimate": p.estimate,
                                  **{k: v for k, v in entry.items() if k not in ("id", "sources", "estimate")}}

    @staticmethod
    def previous(path: Path, header: dict) -> tuple[dict[str, dict], str | None]:
        """The partition entries of an earlier run of the same job, and why there are none when it was another
        job (other options or another eventcoder version)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}, None
        except (OSError, ValueError) as exc:
            return {}, f"unreadable manifest ({exc})"
        for key in ("eventcoder", "options", "output"):
            if data.get(key) != header.get(key):
                return {}, f"{key} changed"
        return {e["id"]: e for e in data.get("partitions", []) if isinstance(e, dict) and "id" in e}, None

    def done(self, pid: str) -> bool:
        return self.entries[pid].get("status") == "done"

    SAVE_EVERY = 1.0  # seconds: a crash forgets at most this much of finished partitions (coded again)

    def set(self, pid: str, **fields) -> None:
        self.entries[pid].update(fields)
        if time.monotonic() - self._saved >= self.SAVE_EVERY:
            self.save()
        else:
            self._dirty = True

    def flush(self) -> None:
        if self._dirty:
            self.save()

    def save(self, complete: bool = False) -> None:
        data = {**self.header, "complete": complete, "partitions": list(self.entries.values())}
        write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        self._saved, self._dirty = time.monotonic(), False


class OutputDir:
    def __init__(self, root: Path, records: tuple[str, ...], fmt: str, errors_path: Path):
        self.root, self.records, self.fmt, self.errors_path = root, records, fmt, errors_path
        self.parts = root / PARTS
        self.parts.mkdir(parents=True, exist_ok=True)

    def part(self, pid: str, name: str) -> Path:
        suffix = "json" if name == "index" else "parquet" if self.fmt == "parquet" and name != "errors" \
            else "jsonl"
        return self.parts / f"{pid}.{name}.{suffix}"

    def merged(self, name: str) -> Path:
        return self.root / f"{name}.{'parquet' if self.fmt == 'parquet' else 'jsonl'}"

    def complete(self, pid: str) -> bool:
        return all(self.part(pid, name).exists() for name in (*self.records, "errors", "index"))

    def write_part(self, output: PartitionOutput) -> None:
        pid = output.partition_id
        for name in self.records:
            data = output.lines[name]
            if self.fmt == "parquet":
                atomic_write(self.part(pid, name), lambda p, rows=data, table=name: _write_parquet(p, table, rows))
            else:
                write_text(self.part(pid, name), "".join(line + "\n" for line in data))
        write_text(self.part(pid, "errors"), "".join(error_line(e) + "\n" for e in output.errors))
        # last: a part is taken for finished only when its index is there (and the manifest says so)
        write_text(self.part(pid, "index"), json.dumps({"index": output.index, "overrides": output.overrides},
                                                       ensure_ascii=False))

    def read_index(self, pid: str) -> dict:
        return json.loads(self.part(pid, "index").read_text(encoding="utf-8"))

    def forget(self, keep: Iterable[str]) -> None:
        """Remove part files of partitions this job no longer has (another plan) and temporary files."""
        keep = set(keep)
        for path in self.parts.iterdir():
            if path.name.endswith(".tmp") or path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)

    def remove_merged(self) -> None:
        for name in self.records:
            self.merged(name).unlink(missing_ok=True)

    def merge(self, partitions: list[Partition]) -> None:
        """The merged files, in input order."""
        for name in self.records:
            target = self.merged(name)
            paths = [self.part(p.id, name) for p in partitions]
            if self.fmt == "parquet":
                atomic_write(target, lambda t, n=name, ps=paths: _merge_parquet(t, n, ps))
            else:
                atomic_write(target, lambda t, ps=paths: _concatenate(t, ps))
                if name == "claims":
                    link_corpus_claims(target)
        atomic_write(self.errors_path, lambda t: _concatenate(t, [self.part(p.id, "errors") for p in partitions]))


def count_errors(errors: Iterable[CodingError]) -> dict[str, dict[str, int]]:
    """Failures, skips and warnings by reason (for the manifest and the summary of a resumed run)."""
    counts: dict[str, Counter] = {"failed": Counter(), "skipped": Counter(), "warning": Counter()}
    for error in errors:
        counts[outcome(error)][error.reason] += 1
    return {kind: dict(sorted(counter.items())) for kind, counter in counts.items()}


def link_corpus_claims(path: Path) -> None:
    """Conflicting figures are linked across the whole batch, not only within each document."""
    claims = [Claim.model_validate_json(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    link_conflicts(claims)
    write_text(path, "".join(record_line(claim) + "\n" for claim in claims))


def _concatenate(target: Path, paths: Iterable[Path]) -> None:
    with target.open("wb") as out:
        for path in paths:
            with path.open("rb") as part:
                while chunk := part.read(1 << 20):
                    out.write(chunk)


# Parquet: the flat tables of the corpus store (docs/store.md), which `eventcoder export --format parquet` writes

def _write_parquet(path: Path, table: str, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventcoder.store import arrow_schema

    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), path)


def _merge_parquet(target: Path, table: str, paths: list[Path]) -> None:
    import pyarrow.parquet as pq

    from eventcoder.store import arrow_schema

    if table == "claims":  # linked across the corpus, as claims.jsonl
        rows = [row for path in paths for row in pq.read_table(path).to_pylist()]
        _write_parquet(target, table, _linked_claim_rows(rows))
        return
    with pq.ParquetWriter(target, arrow_schema(table)) as writer:
        for path in paths:  # one part at a time: memory stays that of a partition
            writer.write_table(pq.read_table(path, schema=arrow_schema(table)))


def _linked_claim_rows(rows: list[dict]) -> list[dict]:
    import datetime as dt

    from eventcoder.models import Document
    from eventcoder.pipeline import DocumentResult
    from eventcoder.store import ACTOR_FIELDS, result_rows

    claims = []
    for row in rows:
        data = {name: value for name, value in row.items() if name in Claim.model_fields}
        for prefix in ("subject", "claimant"):
            actor = {name: row[f"{prefix}_{name}"] for name in ACTOR_FIELDS}
            data[prefix] = actor if actor["text"] is not None else None
        data["evidence"] = json.loads(row["evidence"])
        claims.append(Claim.model_validate(data))
    link_conflicts(claims)
    holder = DocumentResult(Document(id="-", text="-"), [], claims=claims)
    return result_rows(holder, dt.datetime(1970, 1, 1), None)["claims"]


def job_header(inputs: list[str], options: dict, records: tuple[str, ...], fmt: str) -> dict:
    return {"eventcoder": __version__, "inputs": inputs, "options": options,
            "output": {"records": list(records), "format": fmt}}
