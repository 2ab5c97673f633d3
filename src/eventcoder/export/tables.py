"""The events as the contract's JSONL records, or as the flat events table in CSV or Parquet."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from eventcoder.export import Filters, arrow_reader, batches
from eventcoder.store import Store, row_event


def _select(filters: Filters) -> tuple[str, list]:
    where, params = filters.where()
    return f"SELECT * FROM events WHERE {where} ORDER BY event_day NULLS LAST, event_id", params


def write_jsonl(store: Store, path: Path, filters: Filters) -> int:
    """One event record per line, exactly as `eventcoder code` writes it (docs/format.md)."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for rows in batches(store, *_select(filters)):
            out.write("".join(json.dumps(row_event(row).model_dump(mode="json"), ensure_ascii=False) + "\n"
                              for row in rows))
            count += len(rows)
    return count


def _reader(store: Store, filters: Filters):
    return arrow_reader(store, *_select(filters))


def _write(store: Store, path: Path, filters: Filters, writer_class) -> int:
    reader = _reader(store, filters)
    count = 0
    with writer_class(str(path), reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


def write_csv(store: Store, path: Path, filters: Filters) -> int:
    """The flat events table (docs/store.md), one header line; JSON columns as JSON text."""
    return _write(store, path, filters, pacsv.CSVWriter)


def write_parquet(store: Store, path: Path, filters: Filters) -> int:
    """The flat events table (docs/store.md) with its column types."""
    return _write(store, path, filters, pq.ParquetWriter)
