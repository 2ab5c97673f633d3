"""What runs on a worker: read one partition and code it with the worker's own Coder.

A worker process loads the spaCy model and the knowledge data once, at its first task (or when the driver warms
it up), and keeps them: `worker_coder` caches one Coder per (model, batch size) in this module, which lives as
long as the worker process.

Document ids must be unique over the whole job, as they are in a single-process run, where one Reader sees every
document. A partition does not see the others, so its reader leaves ids alone and reports, for each document, its
id, a digest of its text and its origin (`PartitionOutput.index`); the driver runs the Reader's own rule over
those in input order and, for the rare partition whose documents it renames (`id~2`) or skips as duplicates,
codes it again with those decisions (`overrides`).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import socket
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.ingest import IngestOptions, Reader, outcome
from eventcoder.ingest.base import Candidate, Truncation, ingest_error
from eventcoder.ingest.records import read_jsonl
from eventcoder.ingest.sniff import STREAM_ERRORS, decompress
from eventcoder.ingest.warc import read_warc
from eventcoder.models import CodingError, Document
from eventcoder.settings import Settings

from .plan import Partition, Source

# One override per document the driver renames or skips: [position in the partition's index, new id or None
# (a duplicate, not coded), the duplicate_id warning or duplicate skip as a dict].
Override = list


def record_line(record) -> str:
    """One record as the JSON line every output file holds."""
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def code_batches(coder, items, on_result, on_error, batch: int) -> None:
    """Code documents in batches; a document that fails is reported and the rest go on."""
    pending: list[Document] = []

    def flush():
        delivered = 0
        try:
            for result in coder.code(pending):
                on_result(result)
                delivered += 1
        except Exception:  # one bad document must not sink the batch: redo the rest one by one
            for document in pending[delivered:]:
                try:
                    for result in coder.code([document]):
                        on_result(result)
                except Exception as exc:  # noqa: BLE001 - reported per document, with its id
                    on_error(CodingError(doc=document.id, stage="coding", reason=type(exc).__name__,
                                         message=f"{document.id}: {exc}"))
        pending.clear()

    try:
        for item in items:
            if isinstance(item, CodingError):
                on_error(item)
                continue
            pending.append(item)
            if len(pending) >= batch:
                flush()
    except Exception as exc:  # noqa: BLE001 - a reader's bug ends the reading, never what was read before it
        on_error(CodingError(doc="(inputs)", stage="ingest", reason="internal_error",
                             message=f"reading stopped: {type(exc).__name__}: {exc}"))
    if pending:
        flush()


# the worker's coder ---------------------------------------------------------------------------------------------

_CODERS: dict[Settings, object] = {}


def worker_coder(settings: Settings, max_chars: int):
    """This process's Coder for these settings (model, batch size, ...), built at the first call and then reused
    by every task."""
    from eventcoder.pipeline import Coder

    coder = _CODERS.get(settings)
    if coder is None:
        coder = _CODERS[settings] = Coder(settings)
    coder.nlp.max_length = max(coder.nlp.max_length, max_chars + 1)
    return coder


def warm_up(settings: Settings, max_chars: int) -> str:
    """Load the model, the knowledge data and the place index now (run on every worker as the job starts, so that
    the first tasks do not all wait for it in turn)."""
    from eventcoder.places.gazetteer import load_gazetteer

    worker_coder(settings, max_chars)
    load_gazetteer()
    return socket.gethostname()


# reading a partition ----------------------------------------------------------------------------------------------


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class PartitionReader(Reader):
    """Reads the sources of one partition as the job's single Reader would, ids aside (see the module doc)."""

    def __init__(self, options: IngestOptions, overrides: Iterable[Override] = ()):
        super().__init__(options)
        self.overrides = {position: (new_id, note) for position, new_id, note in overrides}
        self.index: list[list[str]] = []

    def _unique_id(self, c: Candidate) -> tuple[str | None, CodingError | None]:
        position = len(self.index)
        self.index.append([c.id, text_digest(c.text), c.origin])
        if position not in self.overrides:
            return c.id, None
        new_id, note = self.overrides[position]
        return new_id, CodingError.model_validate(note) if note else None

    def read_sources(self, sources: Iterable[Source]) -> Iterator[Document | CodingError]:
        for source in sources:
            if source.kind == "error":
                yield CodingError.model_validate(source.error)
            elif source.kind == "file":
                yield from self._read_file(Path(source.path), source.doc_id)
            else:
                yield from self._read_range(source)

    def _read_range(self, source: Source) -> Iterator[Document | CodingError]:
        """Lines or records of a byte range, named and numbered as in a read of the whole file."""
        name, options = source.path, self.options
        try:
            raw = open(name, "rb")  # noqa: SIM115 - closed below, after the generator is done with it
        except OSError as exc:
            yield ingest_error(name, "unreadable", exc.strerror or str(exc))
            return
        read = 0
        with raw:
            raw.seek(source.start)
            try:
                if source.kind == "jsonl":
                    # the lines before the range come back as blank lines, which the JSONL reader counts and
                    # passes over: `path:line` ids and messages are those of a whole read (~0.4 s per million)
                    stream = io.BufferedReader(_Range(raw, source.end - source.start, source.first), 1 << 16)
                    items = read_jsonl(stream, name, options.max_raw_bytes, options.latest_date)
                else:
                    stream, compressed = decompress(_Range(raw, source.end - source.start))
                    items = _renumbered(read_warc(stream, name, options.max_raw_bytes, options.latest_date,
                                                  Truncation(compressed)), name, source.first)
                for item in self._finalized(items):
                    read += 1
                    yield item
            except STREAM_ERRORS as exc:
                reason = "truncated" if isinstance(exc, EOFError) else "unreadable"
                yield ingest_error(name, reason, f"data: {exc} ({read} item(s) read before)")
            except Exception as exc:  # noqa: BLE001 - as Reader.read_stream: named, and the batch goes on
                yield ingest_error(name, "internal_error", f"{type(exc).__name__}: {exc} ({read} item(s) read "
                                                           "before)")


class _Range(io.RawIOBase):
    """`length` bytes of a file from its current position, after `newlines` newline characters."""

    def __init__(self, raw, length: int, newlines: int = 0):
        self._raw, self._left, self._newlines = raw, length, newlines

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._newlines:
            n = min(len(buffer), self._newlines)
            buffer[:n] = b"\n" * n
            self._newlines -= n
            return n
        n = min(len(buffer), self._left)
        if n <= 0:
            return 0
        data = self._raw.read(n)
        buffer[:len(data)] = data
        self._left -= len(data)
        return len(data)


def _renumbered(items: Iterable[Candidate | CodingError], name: str, before: int
                ) -> Iterator[Candidate | CodingError]:
    """WARC items read from a range, their record numbers ("path record 3", "path#3", "after 3 response(s)")
    counted from the start of the file: `before` response records precede the range."""
    if not before:
        yield from items
        return
    numbered = re.compile(re.escape(name) + r"( record |#)(\d+)")

    def fix(text: str) -> str:
        text = numbered.sub(lambda m: f"{name}{m.group(1)}{int(m.group(2)) + before}", text)
        return re.sub(r"after (\d+) response\(s\)", lambda m: f"after {int(m.group(1)) + before} response(s)", text)

    def fix_error(error: CodingError) -> CodingError:
        return error.model_copy(update={"doc": fix(error.doc), "message": fix(error.message)})

    for item in items:
        if isinstance(item, Candidate):
            item.id, item.origin = fix(item.id), fix(item.origin)
            item.warnings = [fix_error(w) for w in item.warnings]
            yield item
        else:
            yield fix_error(item)


# coding a partition ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class JobSpec:
    """What every task of a job shares. `records`: the record types to return as JSON lines (or, with
    `fmt="parquet"`, as rows of the store's flat tables); `keep_results`: return the DocumentResults themselves
    (for the corpus store) instead."""

    options: IngestOptions
    settings: Settings
    records: tuple[str, ...] = ("events",)
    fmt: str = "jsonl"
    keep_results: bool = False


@dataclass
class PartitionOutput:
    partition_id: str
    overrides: list[Override]
    index: list[list[str]] = field(default_factory=list)
    lines: dict[str, list] = field(default_factory=dict)  # record type -> JSON lines (jsonl) or rows (parquet)
    errors: list[CodingError] = field(default_factory=list)
    items: list = field(default_factory=list)  # DocumentResults and CodingErrors in order (keep_results)
    documents: int = 0
    events: int = 0
    undated: int = 0
    seconds: float = 0.0
    worker: str = ""


def code_partition(partition: Partition, spec: JobSpec, overrides: list[Override],
                   tick: Callable[[], None] | None = None) -> PartitionOutput:
    """Read and code one partition (a Dask task). `tick` is called per document or failure (in-process runs
    show progress with it)."""
    started = time.perf_counter()
    coder = worker_coder(spec.settings, spec.options.max_chars)
    reader = PartitionReader(spec.options, overrides)
    output = PartitionOutput(partition.id, list(overrides), lines={name: [] for name in spec.records})
    if spec.fmt == "parquet":
        import datetime as dt

        from eventcoder.store import result_rows

    def on_result(result) -> None:
        output.documents += 1
        output.events += len(result.events)
        output.undated += result.document.pub_date is None
        if spec.keep_results:
            output.items.append(result)
        elif spec.fmt == "parquet":
            rows = result_rows(result, dt.datetime(1970, 1, 1), spec.settings.model)
            for name in spec.records:
                output.lines[name].extend(rows[name])
        else:
            for name in spec.records:
                output.lines[name].extend(record_line(record) for record in getattr(result, name))
        if tick:
            tick()

    def on_error(error: CodingError) -> None:
        output.errors.append(error)
        if spec.keep_results:
            output.items.append(error)
        if tick and outcome(error) != "warning":
            tick()

    code_batches(coder, reader.read_sources(partition.sources), on_result, on_error, spec.settings.batch_size)
    output.index = reader.index
    output.seconds = time.perf_counter() - started
    output.worker = _worker_name()
    return output


def _worker_name() -> str:
    """The Dask worker's address when running as a task (for the manifest), else this machine's name."""
    if "distributed" in sys.modules:  # never imported by an in-process run
        from distributed import get_worker

        try:
            return get_worker().address
        except ValueError:  # not in a worker
            pass
    return socket.gethostname()

