"""The corpus commands of `eventcoder`: ingest, recode, series, query and export (docs/store.md).

They share the readers, batching and error accounting of `eventcoder code` (cli.py) and store what they code in
one DuckDB file instead of JSONL files.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Any

import duckdb
import polars as pl
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventcoder.aggregate import FREQUENCIES, MAX_KM, WINDOW_DAYS, dyad_series, parse_dyad, update_stories
from eventcoder.cli import (
    BatchOption,
    BatchSummary,
    ModelOption,
    _code_batches,
    _ingest_options,
    _ready_coder,
    app,
    err,
)
from eventcoder.export import FORMATS, Filters, export
from eventcoder.ingest import DEFAULT_MAX_CHARS, read_inputs
from eventcoder.models import CodingError, Document
from eventcoder.pipeline import Coder, DocumentResult
from eventcoder.settings import load_settings
from eventcoder.store import Store, StoreError

STORE_BATCH = 256  # documents per store transaction: a few MB of rows, whatever the corpus size

DbOption = Annotated[Path, typer.Option("--db", help="the corpus store (a DuckDB file)")]
WindowOption = Annotated[int, typer.Option(
    "--window-days", min=0, help="reports dated at most this many days apart can be one story")]
KmOption = Annotated[float, typer.Option(
    "--max-km", min=0, help="places at most this far apart can be one story's place")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(message, highlight=False, markup=False, soft_wrap=True)
    return typer.Exit(code)


def _open(db: Path, read_only: bool = False, sandbox: bool = False) -> Store:
    try:
        return Store.open(db, read_only=read_only, sandbox=sandbox)
    except StoreError as exc:
        raise _fail(f"eventcoder: {exc}") from None


def store_items(store: Store, coder: Coder, items: Iterable[Document | CodingError], summary: BatchSummary,
                batch_size: int, advance=None, code_batches=_code_batches) -> None:
    """Code documents and store them (and every failure, skip and warning) batch by batch: only one batch of
    results is ever held, so memory does not grow with the corpus. `code_batches`: how they are coded (with
    --workers, on Dask workers: `eventcoder.distributed.DistributedCoder.code_batches`)."""
    results: list[DocumentResult] = []
    errors: list[CodingError] = []

    def flush() -> None:
        store.add_results(results, model=coder.settings.model)
        store.add_failures(errors)
        results.clear()
        errors.clear()

    def on_result(result: DocumentResult) -> None:
        summary.coded(result)
        results.append(result)
        if advance:
            advance()
        if len(results) >= STORE_BATCH:
            flush()

    def on_error(error: CodingError) -> None:
        errors.append(error)
        if summary.report(error) != "warning" and advance:
            advance()

    code_batches(coder, items, on_result, on_error, batch_size)
    flush()


def _progress(label: str) -> Progress:
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("docs"), TimeElapsedColumn(),
                    console=err, disable=not err.is_terminal)


def _finish(store: Store, summary: BatchSummary, window_days: int, max_km: float, db: Path) -> None:
    with err.status("grouping reports into stories", spinner="dots") if err.is_terminal else ExitStack():
        update_stories(store.con, window_days, max_km)
    counts = store.counts()
    err.print(f"{summary.line()}; {db}: {counts['documents']} documents, {counts['events']} events, "
              f"{counts['stories']} stories, {counts['failures']} failures/skips/warnings listed",
              highlight=False, markup=False, soft_wrap=True)


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(
        help="files (text, HTML, RSS/Atom, WARC, JSONL; also .gz/.bz2/.xz), folders (recursive), or - for stdin")],
    db: DbOption,
    pub_date: Annotated[str | None, typer.Option("--pub-date", help="publication date for texts without one")] = None,
    max_chars: Annotated[int, typer.Option(
        "--max-chars", min=1, help="largest text of one document; larger fail with too_large")] = DEFAULT_MAX_CHARS,
    language: Annotated[str, typer.Option(
        "--language", help="code only documents in this language (ISO 639-1), others are skipped; 'any' for all")
    ] = "en",
    window_days: WindowOption = WINDOW_DAYS,
    max_km: KmOption = MAX_KM,
    model: ModelOption = None,
    batch_size: BatchOption = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="code on N local worker processes (Dask; docs/scale.md); stored here")] = None,
) -> None:
    """Code news documents into a corpus store: documents, events, claims, quotes, proposals and failures in one
    DuckDB file, reports of the same event grouped into stories. Ingesting a document again replaces it."""
    settings = load_settings(model=model, batch_size=batch_size)
    options = _ingest_options(pub_date, language, max_chars)
    db.parent.mkdir(parents=True, exist_ok=True)
    exclude = [db, db.with_name(db.name + ".wal")]
    if workers:  # partitions coded on workers, stored here in input order
        from eventcoder.distributed import DistributedCoder

        coder = DistributedCoder(settings, options, workers=workers, exclude=exclude, console=err)
    else:
        coder = _ready_coder(settings)
        coder.nlp.max_length = max(coder.nlp.max_length, max_chars + 1)
    summary = BatchSummary(None)
    with _open(db) as store, _progress("ingesting") as progress:
        task = progress.add_task("ingesting", total=None)
        items = list(inputs) if workers else read_inputs(inputs, options=options, exclude=exclude)
        store_items(store, coder, items, summary, settings.batch_size, lambda: progress.advance(task),
                    coder.code_batches if workers else _code_batches)
        progress.stop()
        _finish(store, summary, window_days, max_km, db)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def recode(
    db: DbOption,
    stale: Annotated[bool, typer.Option(
        "--stale", help="only documents coded by another eventcoder version or other knowledge data")] = False,
    window_days: WindowOption = WINDOW_DAYS,
    max_km: KmOption = MAX_KM,
    model: ModelOption = None,
    batch_size: BatchOption = None,
) -> None:
    """Code the documents of a store again from the text it keeps (all, or with --stale the outdated ones)."""
    settings = load_settings(model=model, batch_size=batch_size)
    if not db.exists():
        raise _fail(f"eventcoder recode: {db}: no such store")
    with _open(db) as store:
        total = store.count_documents(stale)
        summary = BatchSummary(None)
        if total:
            coder = _ready_coder(settings)
            with _progress("recoding") as progress:
                task = progress.add_task("recoding", total=total)
                store_items(store, coder, store.iter_documents(stale), summary, settings.batch_size,
                            lambda: progress.advance(task))
        untouched = store.count_documents() - total
        err.print(f"{total} to recode, {untouched} up to date", highlight=False, markup=False)
        _finish(store, summary, window_days, max_km, db)
    if summary.failed:
        raise typer.Exit(1)


def _write_frame(frame: pl.DataFrame, fmt: str, output: Path | None) -> None:
    if fmt == "parquet":
        if output is None:
            raise typer.BadParameter("parquet is binary: give -o", param_hint="--format")
        frame.write_parquet(output)
    elif fmt == "csv":
        if output is None:
            sys.stdout.write(frame.write_csv())
        else:
            frame.write_csv(output)
    else:
        text = _table(frame, rows=len(frame))
        if output is None:
            typer.echo(text)
        else:
            output.write_text(text + "\n", encoding="utf-8")


def _table(frame: pl.DataFrame, rows: int) -> str:
    with pl.Config(tbl_rows=rows, tbl_cols=-1, tbl_width_chars=200, fmt_str_lengths=60,
                   tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True):
        return str(frame)


@app.command()
def series(
    db: DbOption,
    dyad: Annotated[str, typer.Option("--dyad", help="SOURCE-TARGET countries, e.g. RUS-UKR (* for any)")],
    freq: Annotated[str, typer.Option("--freq", help="day, week or month")] = "week",
    by: Annotated[str, typer.Option("--by", help="type (PLOVER type) or quad (QuadClass)")] = "type",
    raw: Annotated[bool, typer.Option("--raw", help="count raw events instead of stories")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or parquet")] = "table",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write here (default: stdout)")] = None,
) -> None:
    """Counts per period of a dyad's events by PLOVER type or QuadClass, with summed and mean Goldstein score.

    CONSULT and COOPERATE are symmetric: for them, RUS-UKR also counts UKR-RUS events."""
    if freq not in FREQUENCIES:
        raise typer.BadParameter(f"{freq!r}: choose day, week or month", param_hint="--freq")
    if by not in ("type", "quad"):
        raise typer.BadParameter(f"{by!r}: choose type or quad", param_hint="--by")
    if fmt not in ("table", "csv", "parquet"):
        raise typer.BadParameter(f"{fmt!r}: choose table, csv or parquet", param_hint="--format")
    try:
        parse_dyad(dyad)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--dyad") from None
    with _open(db, read_only=True) as store:
        frame = dyad_series(store, dyad, freq=freq, by=by, raw=raw)
    _write_frame(frame, fmt, output)


_READ_ONLY = re.compile(r'statement of type "(\w+)".*read-only', re.IGNORECASE)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL to run (read-only): SELECT, DESCRIBE, SUMMARIZE, SHOW TABLES")],
    db: DbOption,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json (one object per line)")] = "table",
    limit: Annotated[int, typer.Option("--limit", min=1, help="rows shown by the table format")] = 100,
) -> None:
    """Run read-only SQL on a store. The file is opened read-only, without file system access: statements that
    would change it (DELETE, UPDATE, DROP, ...) are refused with exit status 2."""
    if fmt not in ("table", "csv", "json"):
        raise typer.BadParameter(f"{fmt!r}: choose table, csv or json", param_hint="--format")
    with _open(db, read_only=True, sandbox=True) as store:
        try:
            relation = store.con.sql(sql)
            if relation is None:
                return
            if fmt == "table":
                frame = relation.pl()
                typer.echo(_table(frame, rows=limit))
                if len(frame) > limit:
                    typer.echo(f"({len(frame)} rows, {limit} shown: --limit N or --format csv for more)")
                return
            columns, rows = relation.columns, relation.fetchall()
        except duckdb.Error as exc:
            message = str(exc).splitlines()[0]
            refused = _READ_ONLY.search(message)
            if refused:
                message = (f"the store is read-only here: {refused.group(1)} statements are refused "
                           "(ingest, recode or export change or copy it)")
            raise _fail(f"eventcoder query: {message}") from None
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(v) for v in row] for row in rows)
    else:
        for row in rows:
            typer.echo(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str))


def _cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, list | dict | tuple) else value


def _date(value: str | None, hint: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise typer.BadParameter(f"{value!r}: expected YYYY-MM-DD", param_hint=hint) from None


@app.command("export")
def export_command(
    db: DbOption,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet, gdelt or polecat")],
    output: Annotated[Path, typer.Option("-o", "--output", help="the file to write")],
    since: Annotated[str | None, typer.Option("--since", help="events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option("--until", help="events on or before this day (YYYY-MM-DD)")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="SOURCE-TARGET countries, e.g. RUS-UKR")] = None,
    types: Annotated[str | None, typer.Option("--type", help="PLOVER types, comma-separated")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="events with this country as source, target or place")] = None,
) -> None:
    """Export events: jsonl (the records `code` writes), csv and parquet (the flat events table), gdelt (GDELT
    2.0 Events TSV, one row per story) or polecat (POLECAT-style JSON lines). Mappings: docs/exports.md."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: choose {', '.join(FORMATS)}", param_hint="--format")
    if dyad:
        try:
            parse_dyad(dyad)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--dyad") from None
    filters = Filters(since=_date(since, "--since"), until=_date(until, "--until"), dyad=dyad,
                      types=tuple(t.strip().upper() for t in types.split(",") if t.strip()) if types else (),
                      country=country.upper() if country else None)
    output.parent.mkdir(parents=True, exist_ok=True)
    with _open(db, read_only=True) as store:
        count = export(store, fmt, output, filters)
    err.print(f"{count} {'stories' if fmt == 'gdelt' else 'events'} written to {output}", highlight=False,
              markup=False, soft_wrap=True)
