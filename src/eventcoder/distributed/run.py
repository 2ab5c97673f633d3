"""The driver: partitions go to workers (a Dask cluster, or this process), results come back in any order and
are taken in input order.

Taking partitions in input order is what keeps the output that of a single-process run: document ids are made
unique over the whole job by the Reader's own rule (`Reader._unique_id`), applied here to each partition's index
once every partition before it is known. A partition whose documents that rule renames or skips (the same id in
two files, a file given twice) is coded again with those decisions; the others, nearly always all of them, are
final as they come.
"""

from __future__ import annotations

import dataclasses
import heapq
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from eventcoder.ingest import IngestOptions, Reader, outcome
from eventcoder.ingest.base import Candidate
from eventcoder.models import CodingError
from eventcoder.settings import Settings

from .output import MANIFEST, Manifest, OutputDir, count_errors, error_line, job_header, write_text
from .plan import DEFAULT_PARTITION_SIZE, Partition, plan_inputs
from .worker import JobSpec, Override, PartitionOutput, code_partition, warm_up

# executors ---------------------------------------------------------------------------------------------------------


class InlineExecutor:
    """Partitions coded one after the other in this process (`-o DIR` without --workers)."""

    ticks = True  # it advances the progress bar per document

    def __init__(self, spec: JobSpec, tick: Callable[[], None] | None = None):
        self.spec, self.tick = spec, tick
        self._queue: list[tuple[int, int, Partition, list[Override]]] = []
        self._count = 0

    def __enter__(self) -> InlineExecutor:
        return self

    def __exit__(self, *exc) -> None:
        pass

    @property
    def pending(self) -> int:
        return len(self._queue)

    def window(self) -> int:
        return 1

    def submit(self, partition: Partition, overrides: list[Override], urgent: bool = False) -> None:
        self._count += 1
        heapq.heappush(self._queue, (0 if urgent else 1, self._count, partition, overrides))

    def next(self) -> tuple[Partition, PartitionOutput | None, BaseException | None]:
        _, _, partition, overrides = heapq.heappop(self._queue)
        return partition, code_partition(partition, self.spec, overrides, self.tick), None


class DaskExecutor:
    """Partitions coded as tasks on a Dask cluster: N local worker processes (a LocalCluster), or an existing
    cluster's scheduler. Tasks carry one partition each (a few hundred documents), and at most about two per
    worker thread are out at a time, so results never pile up on the driver."""

    ticks = False

    def __init__(self, spec: JobSpec, workers: int | None = None, scheduler: str | None = None,
                 console: Console | None = None):
        self.spec, self.workers, self.scheduler, self.console = spec, workers, scheduler, console
        self.cluster = self.client = None
        self._partitions: dict[str, Partition] = {}
        self._count = 0

    def __enter__(self) -> DaskExecutor:
        from distributed import Client, LocalCluster, as_completed

        if self.scheduler:
            self.client = Client(self.scheduler, timeout="60s")
        else:
            self.cluster = LocalCluster(n_workers=self.workers or 1, processes=True, threads_per_worker=1,
                                        dashboard_address=":0" if _has_dashboard() else None,
                                        silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        try:
            self._say(self._dashboard())
            # every worker loads the model and knowledge at once, before the clock of the progress bar starts
            with self.console.status("loading the model on the workers") if self._live() else _nothing():
                self.client.run(warm_up, self.spec.settings, self.spec.options.max_chars)
        except BaseException:
            self.__exit__()
            raise
        self._done = as_completed()
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def _dashboard(self) -> str:
        if self.scheduler:  # the scheduler serves its own dashboard (when it has bokeh)
            workers = len(self.client.scheduler_info().get("workers", {}))
            return f"coding on {self.scheduler} ({workers} workers); Dask dashboard: {self.client.dashboard_link}"
        where = f"a local cluster of {self.workers} worker processes"
        if not _has_dashboard():
            return f"coding on {where} (no Dask dashboard: pip install bokeh to have one)"
        return f"coding on {where}; Dask dashboard: {self.client.dashboard_link}"

    def _say(self, text: str) -> None:
        if self.console is not None:
            self.console.print(text, highlight=False, markup=False, soft_wrap=True)

    def _live(self) -> bool:
        return self.console is not None and self.console.is_terminal

    @property
    def pending(self) -> int:
        return self._done.count()

    def window(self) -> int:
        return max(2, 2 * sum(self.client.nthreads().values()))

    def submit(self, partition: Partition, overrides: list[Override], urgent: bool = False) -> None:
        self._count += 1
        future = self.client.submit(code_partition, partition, self.spec, overrides, pure=False,
                                    key=f"eventcoder-{partition.id}-{self._count}", priority=1 if urgent else 0)
        self._partitions[future.key] = partition
        self._done.add(future)

    def next(self) -> tuple[Partition, PartitionOutput | None, BaseException | None]:
        future = next(self._done)
        partition = self._partitions.pop(future.key)
        try:
            return partition, future.result(), None
        except Exception as exc:  # noqa: BLE001 - a task lost (worker killed too often): the partition fails
            return partition, None, exc
        finally:
            future.release()


def _has_dashboard() -> bool:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return False
    return True


@contextmanager
def _nothing() -> Iterator[None]:
    yield


# the ordered loop --------------------------------------------------------------------------------------------------


@dataclass
class Finished:
    """A partition whose results are in (this run, or a run before: `resumed`)."""

    index: list | None
    overrides: list[Override]
    output: PartitionOutput | None = None
    error: BaseException | None = None
    resumed: dict | None = None  # its manifest entry


class JobIds:
    """Document ids made unique over the whole job, as one Reader makes them in a single-process run."""

    def __init__(self) -> None:
        self._reader = Reader(IngestOptions())

    def overrides(self, index: list[list[str]]) -> list[Override]:
        found = []
        for position, (doc_id, digest, origin) in enumerate(index):
            # the Reader's own rule and messages; the text's digest stands in for the text
            new_id, note = self._reader._unique_id(Candidate(id=doc_id, text=digest, origin=origin))
            if new_id != doc_id or note is not None:
                found.append([position, new_id, note.model_dump() if note else None])
        return found


def drive(plan: list[Partition], executor, finished: dict[str, Finished],
          on_complete: Callable[[Partition, PartitionOutput], None], on_final: Callable[[Partition, Finished], None],
          hold: bool = False) -> None:
    """Code every partition not `finished`, calling `on_complete` as each comes back (any order) and `on_final`
    in input order once its document ids are final. `hold`: finished outputs wait in memory for their turn
    (counted against the executor's window)."""
    ids = JobIds()
    required: dict[str, list[Override]] = {}
    queue = deque(p for p in plan if p.id not in finished)
    position = 0
    while position < len(plan):
        while position < len(plan) and plan[position].id in finished:
            partition = plan[position]
            done = finished[partition.id]
            if done.error is None:
                if partition.id not in required:
                    required[partition.id] = ids.overrides(done.index or [])
                if required[partition.id] != done.overrides:  # ids to rename or skip: code it again with them
                    del finished[partition.id]
                    executor.submit(partition, required[partition.id], urgent=True)
                    break
            on_final(partition, finished.pop(partition.id))
            position += 1
        if position == len(plan):
            break
        while queue and executor.pending + (len(finished) if hold else 0) < executor.window():
            partition = queue.popleft()
            executor.submit(partition, required.get(partition.id, []))
        partition, output, error = executor.next()
        if error is not None:
            finished[partition.id] = Finished(None, [], error=error)
            continue
        on_complete(partition, output)
        finished[partition.id] = Finished(output.index, output.overrides, output)


# progress ---------------------------------------------------------------------------------------------------------


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed:,.1f} docs/s" if task.speed else "- docs/s")


class JobProgress:
    """A progress bar over the documents still to code: the estimate of each partition up front, corrected as
    partitions come back."""

    def __init__(self, console: Console | None, total: int, enabled: bool = True):
        self.progress = Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                                 _Rate(), TextColumn("ETA"), TimeRemainingColumn(), TimeElapsedColumn(),
                                 console=console, speed_estimate_period=60,
                                 disable=not enabled or console is None or not console.is_terminal)
        self.task = self.progress.add_task("coding", total=total)

    def __enter__(self) -> JobProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.__exit__(*exc)

    def tick(self) -> None:
        self.progress.advance(self.task)

    def partition_done(self, partition: Partition, output: PartitionOutput, ticked: bool) -> None:
        units = output.documents + sum(1 for e in output.errors if outcome(e) != "warning")
        task = self.progress.tasks[0]
        self.progress.update(self.task, total=max(task.total + units - partition.estimate, task.completed))
        if not ticked:
            self.progress.advance(self.task, units)


# the code command -------------------------------------------------------------------------------------------------


@dataclass
class CodeJob:
    """`eventcoder code INPUT... -o OUT_DIR [--workers N | --scheduler ADDRESS]`."""

    inputs: list[str]
    out_dir: Path
    options: IngestOptions
    settings: Settings
    records: tuple[str, ...] = ("events",)
    fmt: str = "jsonl"
    partition_size: int = DEFAULT_PARTITION_SIZE
    workers: int | None = None
    scheduler: str | None = None
    errors_path: Path | None = None
    retry_errors: bool = False
    progress: bool = True


@dataclass
class JobReport:
    partitions: int
    coded: int  # partitions coded by this run
    resumed: int  # partitions finished by an earlier run
    failed_partitions: int
    complete: bool
    seconds: float  # the whole run: planning, starting the cluster, loading the model, coding, merging
    errors_path: Path
    coding_seconds: float = 0.0  # from the moment the workers were ready to the last partition


def _options_header(job: CodeJob) -> dict:
    """What decides the output: another value makes it another job. Every setting but the batch size (the model,
    and any switch of the coder's) counts."""
    options = job.options
    settings = {k: v for k, v in dataclasses.asdict(job.settings).items() if k != "batch_size"}
    return {"pub_date": options.pub_date.isoformat() if options.pub_date else None, "max_chars": options.max_chars,
            "language": options.language, **settings}


def run_code_job(job: CodeJob, summary, console: Console | None = None) -> JobReport:
    """Run (or resume) a partitioned job into `job.out_dir`. `summary` (a cli.BatchSummary) counts what is
    coded and prints failures as they are taken, in input order."""
    started = time.perf_counter()
    out = OutputDir(job.out_dir, job.records, job.fmt, job.errors_path or job.out_dir / "errors.jsonl")
    with console.status("planning partitions") if console is not None and console.is_terminal else _nothing():
        plan = plan_inputs(job.inputs, job.options, job.partition_size, exclude=[out.errors_path],
                           exclude_dirs=[job.out_dir])
    header = job_header(job.inputs, _options_header(job), job.records, job.fmt)
    previous, why = Manifest.previous(job.out_dir / MANIFEST, header)
    if why and console is not None:
        console.print(f"{job.out_dir}: {why} since the last run: starting over", highlight=False, markup=False)

    def reusable(pid: str) -> bool:
        entry = previous.get(pid)
        return bool(entry and entry.get("status") == "done" and out.complete(pid)
                    and not (job.retry_errors and entry.get("reasons", {}).get("failed")))

    kept = {p.id: previous[p.id] for p in plan if reusable(p.id)}
    manifest = Manifest(job.out_dir / MANIFEST, header, plan, kept)
    out.forget(kept)  # parts of other plans and half-written files
    finished = {}
    for pid, entry in kept.items():
        index = out.read_index(pid)
        finished[pid] = Finished(index["index"], index["overrides"], resumed=entry)
    pending = [p for p in plan if p.id not in finished]
    if pending:
        out.remove_merged()
    manifest.save()
    spec = JobSpec(job.options, job.settings, job.records, job.fmt)
    report = JobReport(len(plan), 0, len(kept), 0, False, 0.0, out.errors_path)
    error_lines: list[str] = []  # per partition in input order, for errors.jsonl when the job cannot complete

    with JobProgress(console, sum(p.estimate for p in pending), job.progress) as progress:
        def on_complete(partition: Partition, output: PartitionOutput) -> None:
            out.write_part(output)
            manifest.set(partition.id, status="done", documents=output.documents, events=output.events,
                         undated=output.undated, reasons=count_errors(output.errors),
                         seconds=round(output.seconds, 3), worker=output.worker)
            output.lines = {}  # written: only the counts and errors wait for the partition's turn
            progress.partition_done(partition, output, executor.ticks)

        def on_final(partition: Partition, done: Finished) -> None:
            if done.error is not None:
                error = partition_failure(partition, done.error)
                manifest.set(partition.id, status="failed", error=error.message)
                summary.report(error)
                error_lines.append(error_line(error))
                report.failed_partitions += 1
            elif done.resumed is not None:
                summary.resumed += done.resumed.get("documents", 0)
                for kind, reasons in done.resumed.get("reasons", {}).items():
                    summary.reasons[kind].update(reasons)
            else:
                report.coded += 1
                summary.documents += done.output.documents
                summary.events += done.output.events
                summary.undated += done.output.undated
                for error in done.output.errors:
                    summary.report(error)

        on_cluster = (job.workers or job.scheduler) and pending  # a finished job only merges again: no cluster
        executor = (DaskExecutor(spec, job.workers, job.scheduler, console) if on_cluster
                    else InlineExecutor(spec, progress.tick))
        with executor:  # a cluster is up and its workers have the model loaded from here on
            coding_started = time.perf_counter()
            try:
                drive(plan, executor, finished, on_complete, on_final)
            finally:  # interrupted too: what is finished is on record
                manifest.flush()
            report.coding_seconds = time.perf_counter() - coding_started
    report.complete = report.failed_partitions == 0
    if report.complete:
        out.merge(plan)
        manifest.save(complete=True)
    else:  # what is known, so that the failures are listed; the merged outputs wait for a complete run
        manifest.save()
        lines = []
        for p in plan:
            part = out.part(p.id, "errors")
            lines.extend(part.read_text(encoding="utf-8").splitlines() if part.exists() else [])
        write_text(out.errors_path, "".join(line + "\n" for line in lines + error_lines))
    report.seconds = time.perf_counter() - started
    return report


def partition_failure(partition: Partition, error: BaseException) -> CodingError:
    where = ", ".join(s.get("path", s.get("doc", "")) for s in partition.describe()[:3])
    return CodingError(doc=f"partition {partition.id}", stage="coding", reason=type(error).__name__,
                       message=f"partition {partition.id} ({where}): {error}; run the same command again to retry it")


# the corpus store -----------------------------------------------------------------------------------------------------


class DistributedCoder:
    """`eventcoder ingest --workers N`: partitions coded on workers, their results handed over on the driver in
    input order. `code_batches` has the shape of `eventcoder.cli._code_batches`, with inputs (paths) for items."""

    def __init__(self, settings: Settings, options: IngestOptions, workers: int | None = None,
                 scheduler: str | None = None, partition_size: int = DEFAULT_PARTITION_SIZE,
                 exclude: list[Path] | None = None, console: Console | None = None):
        self.settings, self.options, self.workers, self.scheduler = settings, options, workers, scheduler
        self.partition_size, self.exclude, self.console = partition_size, exclude or [], console

    def code_batches(self, coder, inputs: list[str], on_result, on_error, batch: int) -> None:
        plan = plan_inputs(inputs, self.options, self.partition_size, exclude=self.exclude)
        spec = JobSpec(self.options, dataclasses.replace(self.settings, batch_size=batch), keep_results=True)

        def on_final(partition: Partition, done: Finished) -> None:
            if done.error is not None:
                on_error(partition_failure(partition, done.error))
                return
            for item in done.output.items:
                (on_error if isinstance(item, CodingError) else on_result)(item)

        with DaskExecutor(spec, self.workers, self.scheduler, self.console) as executor:
            drive(plan, executor, {}, lambda partition, output: None, on_final, hold=True)
