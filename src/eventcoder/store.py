"""The corpus store: coded documents, events, claims, quotes, proposals, stories and failures in one embedded
DuckDB file (docs/store.md).

Rows go in per batch as Arrow tables (one INSERT per table and batch, never row by row), so memory depends on
the batch, not on the corpus. A document is keyed by its id and by the hash of its text: storing it again, under
the same id or under another one with the same text, replaces every row it had. Each document row records the
eventcoder version and the hash of the knowledge data that coded it, so stale documents can be recoded from the
text the store keeps.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventcoder import __version__
from eventcoder.aggregate import event_day, story_key
from eventcoder.ingest import outcome
from eventcoder.models import Actor, CodingError, Document, Event, Place
from eventcoder.pipeline import DocumentResult

SCHEMA_VERSION = "1"
ACTOR_FIELDS = ("text", "name", "country", "type", "wikidata", "role")
PLACE_FIELDS = (("text", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
                ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("geonameid", "BIGINT"), ("precision", "VARCHAR"))
SPANS = ("trigger", "source", "target", "date", "location")
KNOWLEDGE_FOLDERS = ("actors", "events", "places")  # what coding reads; data/export only shapes exports


def _actor_column(prefix: str, name: str) -> str:
    # a quote's own `speaker_name` field keeps its name; the speaker actor's resolved name goes beside it
    return "speaker_resolved_name" if (prefix, name) == ("speaker", "name") else f"{prefix}_{name}"


def _actor_columns(prefix: str) -> list[tuple[str, str]]:
    return [(_actor_column(prefix, name), "VARCHAR") for name in ACTOR_FIELDS]


# One definition per table: it gives both the DuckDB DDL and the Arrow schema of the batches inserted into it.
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", "VARCHAR"), ("text", "VARCHAR"), ("pub_date", "DATE"), ("title", "VARCHAR"), ("url", "VARCHAR"),
        ("source", "VARCHAR"), ("outlet", "VARCHAR"), ("origin", "VARCHAR"), ("pub_date_source", "VARCHAR"),
        ("text_hash", "VARCHAR"), ("chars", "INTEGER"), ("events", "INTEGER"), ("eventcoder_version", "VARCHAR"),
        ("knowledge_hash", "VARCHAR"), ("model", "VARCHAR"), ("coded_at", "TIMESTAMP"),
    ],
    "events": [
        ("event_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("story_id", "VARCHAR"), ("story_key", "VARCHAR"),
        ("event_key", "BIGINT"), ("event_day", "DATE"), ("pub_date", "DATE"), ("doc_title", "VARCHAR"),
        ("doc_url", "VARCHAR"), ("doc_source", "VARCHAR"), ("sentence_index", "INTEGER"), ("sentence", "VARCHAR"),
        ("event_type", "VARCHAR"), ("mode", "VARCHAR"), ("cameo", "VARCHAR"), ("quad_class", "INTEGER"),
        ("goldstein", "DOUBLE"), *_actor_columns("source"), *_actor_columns("target"), ("trigger", "VARCHAR"),
        ("date", "VARCHAR"), ("date_text", "VARCHAR"), ("date_precision", "VARCHAR"),
        *[(f"location_{name}", kind) for name, kind in PLACE_FIELDS], ("locations", "JSON"),
        ("negated", "BOOLEAN"), ("modality", "VARCHAR"), *_actor_columns("attributed_to"),
        ("confidence", "DOUBLE"),
        *[(f"evidence_{span}_{end}", "INTEGER") for span in SPANS for end in ("start", "end")],
        ("pattern", "VARCHAR"), ("evidence", "JSON"), ("fatalities", "JSON"), ("injured", "JSON"),
        ("arrested", "JSON"), ("extra", "JSON"),
    ],
    "claims": [
        ("claim_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"), ("sentence", "VARCHAR"),
        ("value", "DOUBLE"), ("value_max", "DOUBLE"), ("value_text", "VARCHAR"), ("bound", "VARCHAR"),
        ("unit", "VARCHAR"), ("currency", "VARCHAR"), ("category", "VARCHAR"), *_actor_columns("subject"),
        *_actor_columns("claimant"), ("hedge", "VARCHAR"), ("date", "VARCHAR"), ("date_text", "VARCHAR"),
        ("period_text", "VARCHAR"), ("historical", "BOOLEAN"), ("comparison", "BOOLEAN"), ("counted", "VARCHAR"),
        ("partitive", "BOOLEAN"), ("scope", "VARCHAR"), ("group_id", "VARCHAR"), ("conflicts_with", "VARCHAR[]"),
        ("conflict_basis", "VARCHAR"), ("ratio", "DOUBLE"), ("event_id", "VARCHAR"), ("evidence", "JSON"),
    ],
    "quotes": [
        ("quote_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("sentence_index", "INTEGER"), ("text", "VARCHAR"),
        ("kind", "VARCHAR"), *_actor_columns("speaker"), ("speaker_name", "VARCHAR"), ("cue", "VARCHAR"),
        ("event_id", "VARCHAR"), ("evidence", "JSON"),
    ],
    "proposals": [
        ("proposal_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("kind", "VARCHAR"), ("sentence_index", "INTEGER"),
        ("sentence", "VARCHAR"), *_actor_columns("actor"), *_actor_columns("recipient"), ("stance", "VARCHAR"),
        ("date", "VARCHAR"), ("items", "JSON"), ("conditions", "JSON"), ("event_id", "VARCHAR"), ("evidence", "JSON"),
    ],
    "stories": [
        ("story_id", "VARCHAR"), ("story_key", "VARCHAR"), ("event_type", "VARCHAR"), ("negated", "BOOLEAN"),
        ("source_country", "VARCHAR"), ("source_type", "VARCHAR"), ("target_country", "VARCHAR"),
        ("target_type", "VARCHAR"), ("representative_event_id", "VARCHAR"), ("cameo", "VARCHAR"),
        ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"), ("modality", "VARCHAR"), ("first_day", "DATE"),
        ("last_day", "DATE"), ("first_report", "DATE"), ("last_report", "DATE"), ("num_mentions", "INTEGER"),
        ("num_documents", "INTEGER"), ("num_sources", "INTEGER"), ("sources", "VARCHAR[]"),
        ("location_name", "VARCHAR"), ("location_country", "VARCHAR"), ("location_admin1", "VARCHAR"),
        ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"), ("location_geonameid", "BIGINT"),
        ("location_precision", "VARCHAR"),
    ],
    "failures": [
        ("doc", "VARCHAR"), ("stage", "VARCHAR"), ("reason", "VARCHAR"), ("message", "VARCHAR"),
        ("outcome", "VARCHAR"), ("logged_at", "TIMESTAMP"),
    ],
    "story_dirty": [("story_key", "VARCHAR")],  # keys whose stories must be recomputed (see aggregate.py)
    "meta": [("key", "VARCHAR"), ("value", "VARCHAR")],
}
RECORD_TABLES = ("events", "claims", "quotes", "proposals")
EVENT_JSON = ("locations", "evidence", "fatalities", "injured", "arrested")
_EVENT_COLUMNS = {name for name, _ in TABLES["events"]} | {"source", "target", "attributed_to", "location"}

_ARROW = {"VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
          "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
          "VARCHAR[]": pa.list_(pa.string())}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[kind]) for name, kind in TABLES[table]])


@lru_cache(maxsize=1)
def knowledge_hash() -> str:
    """A stable digest of the knowledge data that coding reads (actors, event patterns and codes, place aliases):
    the relative path and bytes of every file, in sorted order. Two installs with the same data agree."""
    root = resources.files("eventcoder") / "data"
    digest = hashlib.sha256()
    for folder in KNOWLEDGE_FOLDERS:
        for path in sorted(Path(str(root / folder)).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(f"{folder}/{path.relative_to(Path(str(root / folder))).as_posix()}\0".encode())
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()[:16]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def event_key(event_id: str) -> int:
    """A stable integer id for an event or story (GDELT's GLOBALEVENTID is numeric): 52 bits of a hash, so that
    readers that go through doubles keep it exact."""
    return int.from_bytes(hashlib.blake2b(event_id.encode(), digest_size=8).digest(), "big") >> 12


_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)", re.IGNORECASE)


def outlet(document: Document) -> str | None:
    """The outlet that published a document: its `source` field, else the host of its URL."""
    if document.source:
        return document.source
    match = _HOST.match(document.url or "")
    return match.group(1).lower() if match else None


# rows ---------------------------------------------------------------------------------------------------------


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {_actor_column(prefix, name): getattr(actor, name) if actor else None for name in ACTOR_FIELDS}


def _place(prefix: str, place: Place | None) -> dict[str, Any]:
    return {f"{prefix}_{name}": getattr(place, name) if place else None for name, _ in PLACE_FIELDS}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def event_row(event: Event) -> dict[str, Any]:
    """The flat row of one event: actors, place and evidence spans as columns, lists as JSON."""
    data = event.model_dump(mode="json")
    row: dict[str, Any] = {name: data.get(name) for name, _ in TABLES["events"] if name in data}
    row.update(**_actor("source", event.source), **_actor("target", event.target),
               **_actor("attributed_to", event.attributed_to), **_place("location", event.location))
    row["pub_date"] = event.pub_date
    for span in SPANS:
        value = getattr(event.evidence, span)
        row[f"evidence_{span}_start"], row[f"evidence_{span}_end"] = value if value else (None, None)
    row["pattern"] = event.evidence.pattern
    for name in EVENT_JSON:
        row[name] = _json(data[name])
    # fields a newer contract adds that have no column yet travel here, so that exports stay complete
    extra = {name: value for name, value in data.items() if name not in _EVENT_COLUMNS}
    row["extra"] = _json(extra) if extra else None
    row["story_key"] = story_key(event.event_type, event.negated, event.source, event.target, event.event_id)
    row["event_key"] = event_key(event.event_id)
    row["event_day"] = event_day(event.date, event.pub_date)
    return row


def row_event(row: dict[str, Any]) -> Event:
    """The contract's event record back from its flat row (what `eventcoder code` writes for it)."""
    def actor(prefix: str) -> dict | None:
        values = {name: row[f"{prefix}_{name}"] for name in ACTOR_FIELDS}
        return values if values["text"] is not None else None

    location = {name: row[f"location_{name}"] for name, _ in PLACE_FIELDS}
    evidence = {span: ([row[f"evidence_{span}_start"], row[f"evidence_{span}_end"]]
                       if row[f"evidence_{span}_start"] is not None else None) for span in SPANS}
    data = {name: row[name] for name in Event.model_fields if name in row}
    data.update(source=actor("source"), target=actor("target"), attributed_to=actor("attributed_to"),
                location=location if location["text"] is not None else None,
                **{name: json.loads(row[name]) for name in EVENT_JSON if row[name] is not None})
    data.setdefault("evidence", {**evidence, "pattern": row["pattern"]})
    data.update(json.loads(row["extra"]) if row.get("extra") else {})
    return Event.model_validate(data)


def _record_row(record, table: str, actors: Sequence[str], json_fields: Sequence[str]) -> dict[str, Any]:
    data = record.model_dump(mode="json")
    row = {name: data.get(name) for name, _ in TABLES[table]}
    for prefix in actors:
        row.update(_actor(prefix, getattr(record, prefix)))
    for name in json_fields:
        row[name] = _json(data[name])
    return row


def result_rows(result: DocumentResult, coded_at: dt.datetime, model: str | None) -> dict[str, list[dict]]:
    """Rows for every table, from one coded document."""
    document = result.document
    doc = {
        "id": document.id, "text": document.text, "pub_date": document.pub_date, "title": document.title,
        "url": document.url, "source": document.source, "outlet": outlet(document),
        "origin": getattr(document, "origin", None), "pub_date_source": getattr(document, "pub_date_source", None),
        "text_hash": text_hash(document.text), "chars": len(document.text), "events": len(result.events),
        "eventcoder_version": __version__, "knowledge_hash": knowledge_hash(), "model": model, "coded_at": coded_at,
    }
    return {
        "documents": [doc],
        "events": [event_row(e) for e in result.events],
        "claims": [_record_row(c, "claims", ("subject", "claimant"), ("evidence",)) for c in result.claims],
        "quotes": [_record_row(q, "quotes", ("speaker",), ("evidence",)) for q in result.quotes],
        "proposals": [_record_row(p, "proposals", ("actor", "recipient"), ("items", "conditions", "evidence"))
                      for p in result.proposals],
    }


# the store ----------------------------------------------------------------------------------------------------


class StoreError(Exception):
    """The store file cannot be opened or used (locked by another process, not a DuckDB file, read-only)."""


class Store:
    """One DuckDB corpus file. Open with `Store.open(path)`; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.con, self.path, self.read_only = con, path, read_only

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False, sandbox: bool = False) -> Store:
        """`read_only`: nothing can change the file. `sandbox` (with read_only): no file system access either
        (no COPY TO, ATTACH, read_csv), and settings locked, for user SQL."""
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no such store (create it with eventcoder ingest)")
        config = {"enable_external_access": False, "lock_configuration": True} if sandbox else {}
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=config)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{path}: {str(exc).splitlines()[0]}") from None
        store = cls(con, path, read_only)
        if read_only:
            missing = {"documents", "events", "stories"} - set(store.tables())
            if missing:
                con.close()
                raise StoreError(f"{path}: not an eventcoder store (no {', '.join(sorted(missing))} table)")
        else:
            store.create_schema()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def tables(self) -> list[str]:
        return [row[0] for row in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()]

    def create_schema(self) -> None:
        for table, columns in TABLES.items():
            body = ", ".join(f'"{name}" {kind}' for name, kind in columns)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
            have = {row[0] for row in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
            for name, kind in columns:  # a store made by an older version gains the columns added since
                if name not in have:
                    self.con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}')
        # Cross-report figures side by side: every claim tied to an event, with the story that event belongs to.
        self.con.execute("""
            CREATE OR REPLACE VIEW story_claims AS
            SELECT e.story_id, c.category, c.value, c.value_max, c.bound, c.unit, c.currency,
                   c.claimant_name, c.claimant_country, c.claimant_type, c.claimant_text, c.hedge,
                   c.subject_country, c.subject_type, c.claim_id, c.event_id, c.doc_id,
                   d.outlet, d.pub_date, c.sentence
            FROM claims c JOIN events e ON e.event_id = c.event_id JOIN documents d ON d.id = c.doc_id
        """)
        if self.meta("schema_version") is None:
            self.set_meta("schema_version", SCHEMA_VERSION)

    def meta(self, key: str) -> str | None:
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("DELETE FROM meta WHERE key = ?", [key])
        self.con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])

    def insert(self, table: str, rows: Sequence[dict] | pa.Table) -> int:
        """Insert rows (dicts, or an Arrow table with the table's columns) in one statement."""
        batch = rows if isinstance(rows, pa.Table) else pa.Table.from_pylist(list(rows), schema=arrow_schema(table))
        if batch.num_rows == 0:
            return 0
        name = f"_batch_{table}"
        self.con.register(name, batch)
        try:
            columns = ", ".join(f'"{c}"' for c in batch.column_names)
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {name}")
        finally:
            self.con.unregister(name)
        return batch.num_rows

    # writing ------------------------------------------------------------------------------------------------

    def add_results(self, results: Iterable[DocumentResult], model: str | None = None) -> int:
        """Store coded documents in one transaction, replacing what the store had for the same ids or texts.
        Returns the number of documents stored."""
        coded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        by_hash: dict[str, DocumentResult] = {}
        hash_of: dict[str, str] = {}
        for result in results:  # within one batch too, the last of two same texts or same ids wins
            digest = text_hash(result.document.text)
            earlier = by_hash.get(hash_of.get(result.document.id, ""))
            if earlier is not None and earlier.document.id == result.document.id:
                del by_hash[hash_of[result.document.id]]
            hash_of[result.document.id] = digest
            by_hash[digest] = result
        if not by_hash:
            return 0
        rows: dict[str, list[dict]] = {table: [] for table in ("documents", *RECORD_TABLES)}
        for result in by_hash.values():
            for table, table_rows in result_rows(result, coded_at, model).items():
                rows[table].extend(table_rows)
        incoming = pa.table({"id": [r["id"] for r in rows["documents"]],
                             "text_hash": [r["text_hash"] for r in rows["documents"]]})
        with self.transaction():
            self.con.register("_incoming", incoming)
            try:
                self.con.execute("""
                    CREATE OR REPLACE TEMP TABLE _replaced AS
                    SELECT id FROM documents WHERE id IN (SELECT id FROM _incoming)
                        OR text_hash IN (SELECT text_hash FROM _incoming)
                    UNION SELECT id FROM _incoming""")
                self.con.execute("""INSERT INTO story_dirty SELECT DISTINCT story_key FROM events
                                    WHERE doc_id IN (SELECT id FROM _replaced)""")
                for table in RECORD_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT id FROM _replaced)")
                self.con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM _replaced)")
                # a document coded now is no longer failed (its warnings of this run are kept)
                self.con.execute("DELETE FROM failures WHERE outcome = 'failed' AND doc IN (SELECT id FROM _incoming)")
            finally:
                self.con.unregister("_incoming")
            for table, table_rows in rows.items():
                self.insert(table, table_rows)
            self.insert("story_dirty", [{"story_key": key} for key in {r["story_key"] for r in rows["events"]}])
        return len(rows["documents"])

    def add_failures(self, errors: Iterable[CodingError]) -> int:
        """Store failures, skips and warnings; one row per (doc, stage, reason), the latest replacing older."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        latest = {(e.doc, e.stage, e.reason): {**e.model_dump(), "outcome": outcome(e), "logged_at": now}
                  for e in errors}
        if not latest:
            return 0
        batch = pa.Table.from_pylist(list(latest.values()), schema=arrow_schema("failures"))
        with self.transaction():
            self.con.register("_failed", batch)
            try:
                self.con.execute("""DELETE FROM failures f USING _failed n
                                    WHERE f.doc = n.doc AND f.stage = n.stage AND f.reason = n.reason""")
            finally:
                self.con.unregister("_failed")
            self.insert("failures", batch)
        return batch.num_rows

    def transaction(self):
        return _Transaction(self.con)

    # reading ------------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {table: self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
                for table in ("documents", *RECORD_TABLES, "stories", "failures")}

    def _stale_filter(self, stale: bool) -> tuple[str, list]:
        if not stale:
            return "TRUE", []
        return ("(eventcoder_version IS DISTINCT FROM ? OR knowledge_hash IS DISTINCT FROM ?)",
                [__version__, knowledge_hash()])

    def count_documents(self, stale: bool = False) -> int:
        where, params = self._stale_filter(stale)
        return self.con.execute(f"SELECT count(*) FROM documents WHERE {where}", params).fetchall()[0][0]

    def iter_documents(self, stale: bool = False, page: int = 256) -> Iterator[Document]:
        """The stored documents (those coded by another version or knowledge, with `stale`), page by page in id
        order; safe to write to the store between pages."""
        where, params = self._stale_filter(stale)
        last = ""
        while True:
            rows = self.con.execute(
                f"SELECT id, text, pub_date, title, url, source FROM documents WHERE {where} AND id > ? "
                "ORDER BY id LIMIT ?", [*params, last, page]).fetchall()
            if not rows:
                return
            for id_, text, pub_date, title, url, source in rows:
                yield Document(id=id_, text=text, pub_date=pub_date, title=title, url=url, source=source)
            last = rows[-1][0]


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK when the block raises: a batch is stored whole or not at all."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, kind, value, traceback) -> None:
        self.con.execute("ROLLBACK" if kind else "COMMIT")


__all__ = ["Store", "StoreError", "TABLES", "arrow_schema", "event_row", "knowledge_hash", "row_event",
           "text_hash"]
