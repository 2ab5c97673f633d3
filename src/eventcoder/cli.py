"""The `eventcoder` command line."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventcoder import __version__
from eventcoder.claims_gold import claims_table, is_claims_gold, score_claims_gold
from eventcoder.distributed import DEFAULT_PARTITION_SIZE
from eventcoder.distributed.output import link_corpus_claims as _link_corpus_claims
from eventcoder.distributed.worker import code_batches as _code_batches
from eventcoder.distributed.worker import record_line
from eventcoder.evaluation import (
    error_report,
    is_event_gold,
    is_record_gold,
    peer_table,
    read_gold,
    records_table,
    run_documents,
    run_gold,
    run_records,
    strategy_table,
)
from eventcoder.ingest import DEFAULT_MAX_CHARS, IngestOptions, outcome, parse_pub_date, read_inputs
from eventcoder.ingest.language import known_languages
from eventcoder.models import CodingError, Event
from eventcoder.pipeline import Coder
from eventcoder.scoring import format_table
from eventcoder.settings import load_settings

# Plain help (click's): Rich's help panels print every flag as "--resume <bool>".
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Political event data from news text: PLOVER/CAMEO events, offline.")
err = Console(stderr=True)

ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy pipeline package to parse with.")]
BatchOption = Annotated[int | None, typer.Option("--batch-size", help="documents per spaCy batch")]


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"eventcoder {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="print the version and exit")] = False,
) -> None:
    """Political event data from news text: PLOVER/CAMEO events, offline."""


def _ready_coder(settings) -> Coder:
    """A coder with the place index loaded before any progress bar starts: its first build takes a while,
    and a status line says so."""
    from eventcoder.places.gazetteer import cached_index, load_gazetteer

    coder = Coder(settings)
    if cached_index() is None:
        with err.status("building the place index once (about 20 s; then cached in ~/.cache/eventcoder)"):
            load_gazetteer()
    return coder


def _pub_date(value: str | None) -> dt.date | None:
    try:
        return parse_pub_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--pub-date") from exc


def _ingest_options(pub_date: str | None, language: str, max_chars: int) -> IngestOptions:
    """The reading options of `code` and `ingest`, checked: a publication date not in the future, a known
    language code or "any"."""
    default_date = _pub_date(pub_date)
    if default_date and default_date > dt.date.today() + dt.timedelta(days=1):
        raise typer.BadParameter(f"{default_date} is in the future", param_hint="--pub-date")
    language = None if language.lower() in ("any", "all", "") else language.lower()
    if language and language not in known_languages():
        raise typer.BadParameter(f"unknown language code {language!r}: an ISO 639-1 code such as 'en', or 'any'",
                                 param_hint="--language")
    return IngestOptions(pub_date=default_date, max_chars=max_chars, language=language)


def _event_line(event: Event) -> str:
    return record_line(event)


FormatOption = Annotated[str, typer.Option(
    "--format", help="part and merged files with -o DIR: jsonl or parquet (the store's flat tables)")]


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(
        help="files (text, HTML, RSS/Atom, WARC, JSONL; also .gz/.bz2/.xz), folders (recursive), or - for stdin")],
    output: Annotated[str | None, typer.Option(
        "-o", "--output", help="events JSONL (default: stdout); a folder (existing, ending in /, or with "
                               "--workers/--scheduler) for a partitioned, resumable job (docs/scale.md)")] = None,
    pub_date: Annotated[str | None, typer.Option("--pub-date", help="publication date for texts without one")] = None,
    errors: Annotated[Path | None, typer.Option(
        "--errors", help="failures, skips and warnings (JSONL; default: errors.jsonl beside -o)")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="skip documents already coded into -o (see its .done file) and append to it; a job "
                         "into a folder always resumes")] = False,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1, help="largest text of one document; larger fail with too_large")] = DEFAULT_MAX_CHARS,
    language: Annotated[str, typer.Option(
        "--language", help="code only documents in this language (ISO 639-1), others are skipped; 'any' for all")
    ] = "en",
    records: Annotated[str, typer.Option(
        "--records", help="record types to write: events,claims,quotes,proposals (all but events go to "
                          "claims.jsonl, quotes.jsonl, proposals.jsonl beside -o)")] = "events",
    model: ModelOption = None,
    batch_size: BatchOption = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="code on N local worker processes (a Dask LocalCluster); -o is a folder")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="code on an existing Dask cluster (tcp://HOST:8786); -o is a folder")] = None,
    output_format: FormatOption = "jsonl",
    partition_size: Annotated[int, typer.Option(
        "--partition-size", min=1, help="documents per partition with -o DIR (JSONL lines, WARC records, "
                                        "files)")] = DEFAULT_PARTITION_SIZE,
    retry_errors: Annotated[bool, typer.Option(
        "--retry-errors", help="with -o DIR: code again the partitions that had failed documents")] = False,
) -> None:
    """Code news documents into events, one JSON object per line."""
    out = Path(output) if output is not None else None
    wanted = _record_types(records, out)
    settings = load_settings(model=model, batch_size=batch_size)
    options = _ingest_options(pub_date, language, max_chars)
    if workers and scheduler:
        raise typer.BadParameter("give --workers (a local cluster) or --scheduler (an existing one), not both",
                                 param_hint="--workers")
    if (workers or scheduler) and out is None:
        raise typer.BadParameter("a job on workers writes into a folder: give -o OUT_DIR", param_hint="--workers")
    if out is not None and (out.is_dir() or output.endswith(("/", os.sep)) or workers or scheduler):
        _code_to_folder(inputs, out, errors, options, settings, tuple(wanted), output_format, partition_size,
                        workers, scheduler, retry_errors)
        return
    for flag, given in (("--format", output_format != "jsonl"), ("--retry-errors", retry_errors)):
        if given:
            raise typer.BadParameter("only for a job into a folder (-o OUT_DIR/)", param_hint=flag)
    output = out
    if resume and output is None:
        raise typer.BadParameter("--resume appends to an output file: give -o", param_hint="--resume")
    for folder in {p.parent for p in (output, errors) if p is not None}:
        folder.mkdir(parents=True, exist_ok=True)
    errors_path = errors or (output.parent / "errors.jsonl" if output else None)
    checkpoint = output.with_name(output.name + ".done") if output else None
    done = _prepare_resume(output, checkpoint, errors_path) if resume and output.exists() else set()
    record_paths = {name: output.with_name(f"{name}.jsonl") for name in wanted if name != "events"} if output else {}
    for path in record_paths.values():
        if done and path.exists():
            _keep_documents(path, done)  # what a killed run wrote after its last finished document goes
    if errors_path and not done and errors_path.exists():
        errors_path.unlink()  # the errors file describes this run (and, with --resume, the runs it continues)
    coder = _ready_coder(settings)
    coder.nlp.max_length = max(coder.nlp.max_length, max_chars + 1)
    items = read_inputs(inputs, options=options, exclude=[p for p in (output, errors_path, checkpoint) if p])
    summary = BatchSummary(errors_path)
    mode = "a" if done else "w"
    with ExitStack() as stack:
        out = stack.enter_context(output.open(mode, encoding="utf-8", errors="replace")) if output else sys.stdout
        done_fh = stack.enter_context(checkpoint.open(mode, encoding="utf-8", errors="replace")) if checkpoint else None
        record_fhs = {name: stack.enter_context(path.open(mode, encoding="utf-8", errors="replace"))
                      for name, path in record_paths.items()}
        stack.callback(summary.close)
        progress = stack.enter_context(Progress(
            TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"), TimeElapsedColumn(),
            console=err, disable=output is None or not err.is_terminal))
        task = progress.add_task("coding", total=None)

        def on_result(result):
            summary.coded(result)
            if "events" in wanted:
                out.write("".join(_event_line(event) + "\n" for event in result.events))
            for name, fh in record_fhs.items():
                fh.write("".join(record_line(record) + "\n" for record in getattr(result, name)))
                fh.flush()
            if done_fh:
                out.flush()
                done_fh.write(json.dumps(result.document.id, ensure_ascii=False) + "\n")
                done_fh.flush()
            progress.advance(task)

        def on_error(error: CodingError):
            if summary.report(error) != "warning":
                progress.advance(task)

        _code_batches(coder, _unfinished(items, done, summary), on_result, on_error, settings.batch_size)
    if "claims" in record_paths:
        _link_corpus_claims(record_paths["claims"])
    err.print(summary.line(output if done else None), highlight=False, markup=False, soft_wrap=True)
    if summary.failed:
        raise typer.Exit(1)


def _code_to_folder(inputs: list[str], out_dir: Path, errors: Path | None, options: IngestOptions, settings,
                    records: tuple[str, ...], output_format: str, partition_size: int, workers: int | None,
                    scheduler: str | None, retry_errors: bool) -> None:
    """`code -o OUT_DIR`: a partitioned, resumable job, in this process or on Dask workers (docs/scale.md)."""
    from eventcoder.distributed import CodeJob, run_code_job
    from eventcoder.places.gazetteer import cached_index, load_gazetteer

    if output_format not in ("jsonl", "parquet"):
        raise typer.BadParameter(f"{output_format!r}: jsonl or parquet", param_hint="--format")
    if out_dir.exists() and not out_dir.is_dir():
        raise typer.BadParameter(f"{out_dir} is a file: a partitioned job writes into a folder", param_hint="-o")
    out_dir.mkdir(parents=True, exist_ok=True)
    if cached_index() is None:  # built once here, not by every worker at the same time
        with err.status("building the place index once (about 20 s; then cached in ~/.cache/eventcoder)"):
            load_gazetteer()
    job = CodeJob(inputs=list(inputs), out_dir=out_dir, options=options, settings=settings, records=records,
                  fmt=output_format, partition_size=partition_size, workers=workers, scheduler=scheduler,
                  errors_path=errors, retry_errors=retry_errors)
    summary = BatchSummary(None)
    report = run_code_job(job, summary, err)  # a PlanError is a usage error (exit 2)
    line = summary.line(out_dir if report.resumed else None)
    if report.errors_path.exists() and report.errors_path.stat().st_size:
        line += f"; see {report.errors_path}"
    if not report.complete:
        line += (f"; {report.failed_partitions} of {report.partitions} partitions failed: run the same command "
                 "again to retry them (merged files are written once every partition is done)")
    err.print(line, highlight=False, markup=False, soft_wrap=True)
    if summary.failed:
        raise typer.Exit(1)


def _unfinished(items, done: set[str], summary: BatchSummary):
    """Items minus the documents a resumed run already coded (and their warnings)."""
    for item in items:
        if isinstance(item, CodingError):
            if item.doc in done and outcome(item) == "warning":
                continue
        elif item.id in done:
            summary.resumed += 1
            continue
        yield item


RECORD_TYPES = ("events", "claims", "quotes", "proposals")


def _record_types(records: str, output: Path | None) -> list[str]:
    wanted = [name.strip() for name in records.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in RECORD_TYPES]
    if unknown or not wanted:
        raise typer.BadParameter(f"unknown record type(s) {unknown}: choose from {', '.join(RECORD_TYPES)}",
                                 param_hint="--records")
    if output is None and wanted != ["events"]:
        raise typer.BadParameter("claims, quotes and proposals are written beside the events file: give -o",
                                 param_hint="--records")
    return wanted



def _keep_documents(path: Path, done: set[str]) -> None:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    kept = [line for line in lines if isinstance(_json_line(line.encode()), dict)
            and _json_line(line.encode()).get("doc_id") in done]
    path.write_text("".join(line + "\n" for line in kept), encoding="utf-8")


def _prepare_resume(output: Path, checkpoint: Path, errors_path: Path | None) -> set[str]:
    """Ids of the documents that a previous run coded completely into `output`; cuts what a killed run left
    half-written (a partial last line, the events of a document not yet checkpointed) off the output, and keeps
    only the errors file's lines about those documents (the others are read again)."""
    with output.open("rb") as fh:
        ids = [_doc_id(raw) for raw in fh]
    if checkpoint.exists():  # one JSON string per line; a last line without its newline may be cut
        with checkpoint.open("rb") as fh:
            done = {doc for doc in (_json_line(raw) for raw in fh) if isinstance(doc, str)}
    else:  # an output from elsewhere: its last document may be incomplete, so it is coded again
        done = {doc for doc in ids if doc is not None}
        last = next((doc for doc in reversed(ids) if doc is not None), None)
        done.discard(last)
    if not all(doc in done for doc in ids):
        _rewrite_lines(output, lambda raw: _doc_id(raw) in done)
    checkpoint.write_text("".join(json.dumps(doc, ensure_ascii=False) + "\n" for doc in sorted(done)),
                          encoding="utf-8", errors="replace")
    if errors_path and errors_path.exists():
        _rewrite_lines(errors_path, lambda raw: _error_doc(raw) in done)
    return done


def _json_line(raw: bytes, key: str | None = None):
    """The value of a complete JSON line (or one of its fields); None for a cut or broken line."""
    try:
        value = json.loads(raw) if raw.endswith(b"\n") else None
        return str(value[key]) if key and value is not None else value
    except (ValueError, KeyError, TypeError):
        return None


def _doc_id(raw: bytes) -> str | None:
    return _json_line(raw, "doc_id")


def _error_doc(raw: bytes) -> str | None:
    return _json_line(raw, "doc")


def _rewrite_lines(path: Path, keep) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with path.open("rb") as source, temporary.open("wb") as target:
        for raw in source:
            if keep(raw):
                target.write(raw)
    os.replace(temporary, path)


class BatchSummary:
    """Counts for the summary line; every failure, skip and warning goes to the errors file as it happens (a
    JSON line: doc, stage, reason, message, outcome) and to stderr (skips and warnings: the first few)."""

    SHOWN = 20

    def __init__(self, errors_path: Path | None):
        self.errors_path = errors_path
        self._fh = None
        self.documents = self.events = self.undated = self.resumed = 0
        self.reasons: dict[str, Counter] = {"skipped": Counter(), "warning": Counter(), "failed": Counter()}
        self._shown = 0

    @property
    def failed(self) -> int:
        return sum(self.reasons["failed"].values())

    def coded(self, result) -> None:
        self.documents += 1
        self.events += len(result.events)
        self.undated += result.document.pub_date is None

    def report(self, error: CodingError) -> str:
        kind = outcome(error)
        self.reasons[kind][error.reason] += 1
        if self.errors_path:
            if self._fh is None:
                self._fh = self.errors_path.open("a", encoding="utf-8", errors="replace")
            self._fh.write(json.dumps({**error.model_dump(), "outcome": kind}, ensure_ascii=False) + "\n")
            self._fh.flush()
        label = {"failed": "[red]error[/red]", "skipped": "[dim]skipped[/dim]", "warning": "[yellow]warning[/yellow]"}
        if kind == "failed" or self._shown < self.SHOWN:
            err.print(f"{label[kind]} {escape(error.message)}", highlight=False, soft_wrap=True)
            self._shown += kind != "failed"
        elif self._shown == self.SHOWN:
            err.print(f"(more skips and warnings in {self.errors_path or 'the summary'})", highlight=False,
                      markup=False, soft_wrap=True)
            self._shown += 1
        return kind

    def close(self) -> None:
        if self._fh:
            self._fh.close()

    def line(self, resumed_into: Path | None = None) -> str:
        def part(count: int, label: str, reasons: Counter) -> str:
            detail = ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items()))
            return f"{count} {label}" + (f" ({detail})" if detail else "")

        skipped = sum(self.reasons["skipped"].values())
        text = (f"{self.documents} coded ({self.events} events), {part(skipped, 'skipped', self.reasons['skipped'])}, "
                f"{part(self.failed, 'failed', self.reasons['failed'])}")
        warnings = sum(self.reasons["warning"].values())
        if warnings:
            text += f"; {part(warnings, 'warnings', self.reasons['warning'])}"
        if resumed_into:
            text += f"; {self.resumed} already in {resumed_into} (resumed)"
        if self.undated:
            text += f"; {self.undated} without a publication date (relative dates left unresolved)"
        if self._fh:
            text += f"; see {self.errors_path}"
        return text


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="gold JSONL (documents with gold events), or a folder of peer files")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="also write the system events")] = None,
    by_type: Annotated[bool, typer.Option("--by-type", help="per-type counts")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="list missed and spurious events by cause")] = False,
    model: ModelOption = None,
) -> None:
    """Code the documents of a gold file and score them with the contract's rules (score.py).

    Given a folder (such as shared/eval/peers), every sentence file with gold events in it is scored and one
    row per file is printed: type, source and dyad F1 and agreement on the CAMEO root code."""
    if not gold.exists():
        err.print(f"eventcoder eval: {gold}: no such file or folder", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(2)
    if gold.is_file():
        try:
            read_gold(gold)
        except (ValueError, UnicodeDecodeError) as exc:
            err.print(f"eventcoder eval: {gold}: not a gold JSONL file ({exc})", highlight=False, markup=False,
                      soft_wrap=True)
            raise typer.Exit(2) from None
    coder = _ready_coder(load_settings(model=model))
    if gold.is_dir():
        files = [p for p in sorted(gold.glob("*.jsonl")) if is_event_gold(read_gold(p))]
        runs = [run_gold(coder, p) for p in files]
        if as_json:
            typer.echo(json.dumps({run.path.stem: run.result for run in runs}, indent=2))
        else:
            typer.echo(peer_table(runs))
        if errors:
            for run in runs:
                typer.echo(f"\n### {run.path.stem}\n{error_report(run)}")
        return
    if is_claims_gold(read_gold(gold)):  # figures, conflicts, quotes and proposals (the claims gold format)
        report = score_claims_gold(read_gold(gold), run_documents(coder, gold))
        typer.echo(json.dumps(report, indent=2) if as_json else claims_table(report, errors))
        return
    if is_record_gold(read_gold(gold)):  # claims, quotes and proposals
        report = run_records(coder, gold)
        typer.echo(json.dumps(report, indent=2) if as_json else records_table(report))
        return
    run = run_gold(coder, gold)
    if output:
        output.write_text("".join(_event_line(e) + "\n" for e in run.events), encoding="utf-8")
    result = {k: v for k, v in run.result.items() if not k.startswith("cameo_root")}
    typer.echo(json.dumps(result, indent=2) if as_json else format_table(result, by_type))
    if errors:
        typer.echo("\n" + error_report(run))
        typer.echo("\n== argument strategies\n" + strategy_table(run))


@app.command()
def geocode(
    text: Annotated[str, typer.Argument(help="the text to geocode, or - for stdin")],
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per place")] = False,
    candidates: Annotated[int, typer.Option("--candidates", help="also show the N next-best readings")] = 0,
    model: ModelOption = None,
) -> None:
    """Print the places a text names, geocoded offline (a debugging aid for event locations)."""
    from eventcoder.places import geocode as find_places

    if text == "-":
        text = sys.stdin.read()
    coder = _ready_coder(load_settings(model=model))
    for mention in find_places(text, coder):
        role = "actor (metonym)" if mention.metonym else "qualifier" if mention.qualifier else "place"
        record = {**mention.place.model_dump(mode="json"), "span": list(mention.span), "role": role,
                  "source": mention.source, "feature": mention.record.feature if mention.record else None}
        if candidates:
            record["candidates"] = [{"score": score, "name": r.name, "country": r.country, "admin1": r.admin1,
                                     "geonameid": r.geonameid, "feature": r.feature}
                                    for score, r in mention.candidates[1:candidates + 1]]
        if as_json:
            typer.echo(json.dumps(record, ensure_ascii=False))
            continue
        place = mention.place
        point = f"{place.lat:.4f}, {place.lon:.4f}" if place.lat is not None else "no coordinates"
        where = ", ".join(x for x in (place.admin1, place.country) if x) or "country unknown"
        typer.echo(f"{place.text!r} [{mention.span[0]}:{mention.span[1]}] -> {place.name} ({where}) {point} "
                   f"{place.precision or '-'} geonameid={place.geonameid} {role}")
        for alternative in record.get("candidates", []):
            typer.echo(f"    or {alternative['name']} ({alternative['admin1']}, {alternative['country']}) "
                       f"{alternative['feature']} score {alternative['score']}")


def main() -> None:  # pragma: no cover - console entry point
    app()


# The corpus commands (ingest, recode, series, query, export) register themselves on `app` when imported.
from eventcoder import cli_corpus  # noqa: E402, F401
from eventcoder import cli_web as cli_web  # noqa: E402, F401  - the web UI (serve), registered the same way
