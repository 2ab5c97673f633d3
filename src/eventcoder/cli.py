"""The `eventcoder` command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventcoder.ingest import parse_pub_date, read_inputs, read_path
from eventcoder.models import CodingError, Document, Event
from eventcoder.pipeline import Coder
from eventcoder.scoring import format_table, score
from eventcoder.settings import load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data from news text: PLOVER/CAMEO events, offline.")
err = Console(stderr=True)

ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy pipeline package to parse with.")]
BatchOption = Annotated[int | None, typer.Option("--batch-size", help="documents per spaCy batch")]


def _pub_date(value: str | None) -> dt.date | None:
    try:
        return parse_pub_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--pub-date") from exc


def _event_line(event: Event) -> str:
    return json.dumps(event.model_dump(mode="json"), ensure_ascii=False)


def _code_batches(coder: Coder, items, on_result, on_error, batch: int) -> None:
    """Code documents in batches; a document that fails is reported and the rest go on."""
    pending: list[Document] = []

    def flush():
        try:
            for result in coder.code(pending):
                on_result(result)
        except Exception:  # one bad document must not sink the batch: redo it one by one
            for document in pending:
                try:
                    for result in coder.code([document]):
                        on_result(result)
                except Exception as exc:  # noqa: BLE001 - reported per document, with its id
                    on_error(CodingError(doc=document.id, stage="coding", reason=type(exc).__name__,
                                         message=f"{document.id}: {exc}"))
        pending.clear()

    for item in items:
        if isinstance(item, CodingError):
            on_error(item)
            continue
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="text or JSONL files, directories, or - for stdin")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="events JSONL (default: stdout)")] = None,
    pub_date: Annotated[str | None, typer.Option("--pub-date", help="publication date for texts without one")] = None,
    errors: Annotated[Path | None, typer.Option("--errors", help="where to write failures (JSONL)")] = None,
    model: ModelOption = None,
    batch_size: BatchOption = None,
) -> None:
    """Code news documents into events, one JSON object per line."""
    settings = load_settings(model=model, batch_size=batch_size)
    coder = Coder(settings)
    default_date = _pub_date(pub_date)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    errors_path = errors or (output.parent / "errors.jsonl" if output else None)
    failures: list[CodingError] = []
    counts = Counter()
    with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"),
                  TimeElapsedColumn(), console=err, disable=output is None or not err.is_terminal) as progress:
        task = progress.add_task("coding", total=None)

        def on_result(result):
            counts["documents"] += 1
            counts["events"] += len(result.events)
            if result.document.pub_date is None:
                counts["undated"] += 1
            for event in result.events:
                out.write(_event_line(event) + "\n")
            progress.advance(task)

        def on_error(error: CodingError):
            failures.append(error)
            err.print(f"[red]error[/red] {error.message}", highlight=False)
            progress.advance(task)

        _code_batches(coder, read_inputs(inputs, default_date), on_result, on_error, settings.batch_size)
    if output:
        out.close()
    if errors_path and failures:
        with errors_path.open("w", encoding="utf-8") as fh:
            for failure in failures:
                fh.write(failure.model_dump_json() + "\n")
    reasons = Counter(f.reason for f in failures)
    summary = f"{counts['documents']} coded ({counts['events']} events), {len(failures)} failed"
    if reasons:
        summary += " (" + ", ".join(f"{k}: {v}" for k, v in sorted(reasons.items())) + ")"
    if counts["undated"]:
        summary += f"; {counts['undated']} without a publication date (relative dates left unresolved)"
    err.print(summary, highlight=False)
    if failures:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="gold JSONL: documents with their gold events")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="also write the system events")] = None,
    by_type: Annotated[bool, typer.Option("--by-type", help="per-type counts")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the figures as JSON")] = False,
    model: ModelOption = None,
) -> None:
    """Code the documents of a gold file and score them with the contract's rules (score.py)."""
    coder = Coder(load_settings(model=model))
    gold_docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [d for d in read_path(gold) if isinstance(d, Document)]
    events = [e for result in coder.code(documents) for e in result.events]
    if output:
        output.write_text("".join(_event_line(e) + "\n" for e in events), encoding="utf-8")
    result = score(gold_docs, [e.model_dump(mode="json") for e in events])
    typer.echo(json.dumps(result, indent=2) if as_json else format_table(result, by_type))


def main() -> None:  # pragma: no cover - console entry point
    app()
