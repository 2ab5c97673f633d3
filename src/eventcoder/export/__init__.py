"""Exports of a corpus store (docs/exports.md): the contract's JSONL event records, the flat events table as CSV
or Parquet, GDELT 2.0 Events TSV (one row per story) and POLECAT-style JSON lines.

Every export streams its rows in Arrow batches, so a large store is written without being held in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventcoder.aggregate import dyad_condition
from eventcoder.store import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "polecat")
BATCH_ROWS = 20_000


@dataclass(frozen=True)
class Filters:
    """Which events to export: days `since`..`until` (inclusive, on the event's day), a dyad ("RUS-UKR",
    symmetric types both ways), PLOVER types, and a country that is the source, target or place."""

    since: dt.date | None = None
    until: dt.date | None = None
    dyad: str | None = None
    types: tuple[str, ...] = ()
    country: str | None = None

    def where(self, stories: bool = False) -> tuple[str, list[Any]]:
        """SQL condition and parameters, on the events table or (a story overlapping the days) on stories."""
        first, last = ("first_day", "last_day") if stories else ("event_day", "event_day")
        parts: list[str] = []
        params: list[Any] = []
        if self.since:
            parts.append(f"{last} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{first} <= ?")
            params.append(self.until)
        if self.dyad:
            condition, values = dyad_condition(self.dyad)
            parts.append(condition)
            params.extend(values)
        if self.types:
            parts.append(f"event_type IN ({', '.join('?' for _ in self.types)})")
            params.extend(self.types)
        if self.country:
            parts.append("? IN (source_country, target_country, location_country)")
            params.append(self.country)
        return " AND ".join(parts) or "TRUE", params


def arrow_reader(store: Store, sql: str, params: list[Any]) -> pa.RecordBatchReader:
    """A query's result as a stream of Arrow batches. DuckDB 2.x calls it to_arrow_reader, 1.x
    fetch_arrow_reader (looked up on the class: a relation's unknown attributes are read as column names)."""
    relation = store.con.sql(sql, params=params)
    name = next(n for n in ("to_arrow_reader", "fetch_arrow_reader") if hasattr(type(relation), n))
    return getattr(relation, name)(BATCH_ROWS)


def batches(store: Store, sql: str, params: list[Any]):
    """The rows of a query as lists of dicts, one Arrow batch at a time."""
    for batch in arrow_reader(store, sql, params):
        yield batch.to_pylist()


def export(store: Store, fmt: str, path: Path, filters: Filters | None = None) -> int:
    """Write the store's events (stories, for gdelt) to `path` in `fmt`; returns the number of rows."""
    from eventcoder.export import gdelt, polecat, tables

    filters = filters or Filters()
    writers = {"jsonl": tables.write_jsonl, "csv": tables.write_csv, "parquet": tables.write_parquet,
               "gdelt": gdelt.write_gdelt, "polecat": polecat.write_polecat}
    if fmt not in writers:
        raise ValueError(f"format {fmt!r}: choose from {', '.join(FORMATS)}")
    return writers[fmt](store, Path(path), filters)


__all__ = ["FORMATS", "Filters", "arrow_reader", "batches", "export"]
