"""Partitioning, on the driver: the inputs of a job cut into partitions of about N documents.

Folders are walked with the Reader's own walk (`Reader._walk`), so that everything a single-process run reports
about a folder (hidden files, FIFOs, broken links, symbolic-link loops, unreadable folders) is reported in the
same words and at the same place in the input order. Files are not read here, only looked at:

- an uncompressed JSONL file is cut into ranges of N lines at newline boundaries (byte offsets), so that one
  2 GB file spreads over all the workers;
- an uncompressed or gzip WARC (one gzip member per record, as Common Crawl writes them) is cut before every
  N-th response record, at record offsets found with warcio;
- everything else (text, HTML, feeds, JSON arrays, compressed JSONL, bzip2/xz WARC, a WARC whose records are
  not separately compressed or that cannot be scanned to its end) is read whole by one worker: small files are
  grouped until their estimated documents reach N.

A partition's id is a digest of what it reads (paths, byte ranges, sizes and modification times), so the same
command over the same files plans the same partitions, and a file that changed gets new ones.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import typer

from eventcoder.ingest import IngestOptions, Reader
from eventcoder.ingest.sniff import STREAM_ERRORS, decompress, read_head, sniff, suffixes_of
from eventcoder.models import CodingError

DEFAULT_PARTITION_SIZE = 200
SCAN_PIECE = 1 << 20  # bytes read at a time when looking for line ends: a line without newlines stays bounded
GZIP_MEMBER = b"\x1f\x8b\x08"


class PlanError(typer.BadParameter):
    """An input that cannot be spread over workers (stdin, a FIFO given on the command line). A usage error: the
    command line prints it and exits with status 2."""

    def __init__(self, message: str):
        super().__init__(message, param_hint="INPUTS")


@dataclass(frozen=True)
class Source:
    """One thing a worker reads. `kind`: "file" (the whole file, any format, as `Reader.read_path` reads it),
    "jsonl" (lines of the byte range [start, end)), "warc" (the records starting in [start, end)) or "error"
    (something the walk reported, kept at its place in the input order). `first`: lines (jsonl) or response
    records (warc) before `start`, so that positional ids (`path:line`) and messages stay those of a whole read."""

    path: str
    doc_id: str
    kind: str = "file"
    start: int = 0
    end: int = 0
    first: int = 0
    size: int = 0
    mtime_ns: int = 0
    error: dict | None = None

    def describe(self) -> dict:
        """What the manifest says about this source."""
        if self.kind == "error":
            return {"kind": "error", "doc": self.path, "reason": (self.error or {}).get("reason")}
        entry: dict = {"kind": self.kind, "path": self.path}
        if self.kind != "file":
            entry.update(range=[self.start, self.end], first=self.first)
        return entry


@dataclass(frozen=True)
class Partition:
    id: str
    sources: tuple[Source, ...]
    estimate: int  # documents expected (exact for JSONL ranges, a guess for feeds and compressed files)

    def describe(self) -> list[dict]:
        """The sources, for the manifest; a run of many small files is summed up by its first and last, so that
        the manifest of a million-file corpus stays small enough to rewrite as partitions finish."""
        described = [source.describe() for source in self.sources]
        if len(described) <= 4:
            return described
        files = [s for s in self.sources if s.kind == "file"]
        errors = [d for d in described if d["kind"] == "error"]
        summary = {"kind": "files", "count": len(files), "first": files[0].path, "last": files[-1].path} \
            if files else None
        return [*([summary] if summary else []), *errors[:4]] + \
            ([{"kind": "error", "more": len(errors) - 4}] if len(errors) > 4 else [])


class _Walker(Reader):
    """The Reader's walk, handing over the files it would read instead of reading them."""

    def __init__(self, options: IngestOptions, exclude: Iterable[Path], exclude_dirs: Iterable[Path]):
        super().__init__(options, exclude)
        self.exclude_dirs = [_resolved(d) for d in exclude_dirs]

    def _read_file(self, path: Path, doc_id: str) -> Iterator:
        real = _resolved(path)
        if real in self.exclude or any(real.is_relative_to(d) for d in self.exclude_dirs):
            return  # the job's own output folder is never read back
        yield path, doc_id

    def read_stdin(self, stream=None) -> Iterator:
        raise PlanError("stdin (-) cannot be spread over workers: save it to a file first")


def plan_inputs(inputs: list[str], options: IngestOptions, partition_size: int = DEFAULT_PARTITION_SIZE,
                exclude: Iterable[Path] = (), exclude_dirs: Iterable[Path] = ()) -> list[Partition]:
    """The partitions of a job, in input order."""
    partitions: list[Partition] = []
    used: dict[str, int] = {}
    group: list[Source] = []
    weight = 0

    def close(sources: list[Source], estimate: int) -> None:
        if not sources:
            return
        digest = hashlib.sha256(json.dumps([dataclasses.asdict(s) for s in sources], sort_keys=True,
                                           ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()[:16]
        used[digest] = used.get(digest, 0) + 1  # the same file given twice: the same reads, told apart by order
        pid = digest if used[digest] == 1 else f"{digest}-{used[digest]}"
        partitions.append(Partition(pid, tuple(sources), estimate))

    for item in _Walker(options, exclude, exclude_dirs).read_inputs(inputs):
        if isinstance(item, CodingError):
            group.append(Source(path=item.doc, doc_id=item.doc, kind="error", error=item.model_dump()))
            continue
        path, doc_id = item
        for source, estimate in _sources(path, doc_id, options, partition_size):
            if source.kind == "file":
                group.append(source)
                weight += estimate
                if weight >= partition_size:
                    close(group, weight)
                    group, weight = [], 0
            else:  # a range of a large file is a partition of its own
                close(group, weight)
                group, weight = [], 0
                close([source], estimate)
    close(group, weight)
    return partitions


def _sources(path: Path, doc_id: str, options: IngestOptions, every: int) -> list[tuple[Source, int]]:
    try:
        info = os.stat(path)
    except OSError:  # vanished or unreadable: the worker's read names the problem as a whole read would
        return [(Source(str(path), doc_id), 1)]
    if not stat.S_ISREG(info.st_mode):
        raise PlanError(f"{path}: not a regular file (a FIFO or device): workers cannot read it; save it to a file")
    whole = Source(str(path), doc_id, size=info.st_size, mtime_ns=info.st_mtime_ns)
    kind, compression, head = _sniff_file(path)
    if kind == "jsonl" and compression is None:
        ranges = _jsonl_ranges(path, every)
        if len(ranges) == 1:
            return [(whole, ranges[0][3])]
        return [(dataclasses.replace(whole, kind="jsonl", start=a, end=b, first=first), lines)
                for a, b, first, lines in ranges]
    if kind == "warc" and compression in (None, "gzip"):
        ranges = _warc_ranges(path, every, compression)
        if ranges is None or len(ranges) == 1:
            return [(whole, ranges[0][3] if ranges else max(1, info.st_size // 50_000))]
        return [(dataclasses.replace(whole, kind="warc", start=a, end=b, first=first), records)
                for a, b, first, records in ranges]
    if kind in ("jsonl", "warc"):  # compressed: not cut (see docs/scale.md); guess its documents from its head
        average = max(200, len(head) // max(1, head.count(b"\n"))) if kind == "jsonl" else 50_000
        return [(whole, max(1, info.st_size * 4 // average))]
    return [(whole, 1)]


def _sniff_file(path: Path) -> tuple[str | None, str | None, bytes]:
    """The format the Reader would tell from the file's first bytes, and its compression."""
    try:
        with path.open("rb") as raw:
            stream, compressed = decompress(raw)
            head, _ = read_head(stream)
    except STREAM_ERRORS:
        return None, None, b""
    if not head.strip():  # leading white space: the Reader looks further; leave such a file whole
        return None, None, head
    return sniff(head, suffixes_of(path.name)), compressed.kind if compressed else None, head


def _jsonl_ranges(path: Path, every: int) -> list[tuple[int, int, int, int]]:
    """(start, end, lines before, lines) for every `every` lines, cut after a newline."""
    cuts = [(0, 0)]
    offset = lines = 0
    ended = True
    with path.open("rb") as fh:
        while piece := fh.readline(SCAN_PIECE):
            offset += len(piece)
            ended = piece.endswith(b"\n")
            if ended:
                lines += 1
                if lines % every == 0:
                    cuts.append((offset, lines))
    if not ended:
        lines += 1  # a last line without its newline
    if len(cuts) > 1 and cuts[-1][0] == offset:
        cuts.pop()  # nothing after the last cut
    bounds = [*cuts, (offset, lines)]
    return [(a, b, first, last - first) for (a, first), (b, last) in zip(bounds, bounds[1:], strict=False)]


def _warc_ranges(path: Path, every: int, compression: str | None) -> list[tuple[int, int, int, int]] | None:
    """(start, end, response records before, response records) cut before every `every`-th response record, at
    offsets where a record (or its own gzip member) begins; None when the file cannot be scanned to its end, as
    its read then ends in an error that only a whole read reports in the words of a single-process run."""
    from warcio.archiveiterator import ArchiveIterator

    magic = GZIP_MEMBER if compression == "gzip" else b"WARC/"
    cuts = [(0, 0)]
    count = 0
    try:
        with path.open("rb") as fh:
            fd = fh.fileno()
            records = ArchiveIterator(fh, arc2warc=True)
            for record in records:
                if record.rec_type not in ("response", "resource"):  # what the WARC reader counts
                    continue
                if count - cuts[-1][1] >= every:
                    offset = records.get_record_offset()
                    # records sharing one gzip member cannot be read apart: cut only where a member starts
                    if offset > cuts[-1][0] and os.pread(fd, len(magic), offset) == magic:
                        cuts.append((offset, count))
                count += 1
            size = os.fstat(fd).st_size
    except Exception:  # noqa: BLE001 - warcio fails on damaged data in many ways: read such a file whole
        return None
    bounds = [*cuts, (size, count)]
    return [(a, b, first, last - first) for (a, first), (b, last) in zip(bounds, bounds[1:], strict=False)]


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic-link loop (Python < 3.13)
        return Path(path).absolute()
