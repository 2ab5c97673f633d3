"""The JSON API: the data of every page, and the filtered events as CSV or JSONL downloads. Documented by
FastAPI's OpenAPI schema (/openapi.json, browsable at /docs)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
import pyarrow.csv as pacsv
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from eventcoder.aggregate import FREQUENCIES, parse_dyad
from eventcoder.store import row_event
from eventcoder.web import queries
from eventcoder.web.app import connection
from eventcoder.web.filters import PAGE_SIZES, EventFilters, Sorting, event_filters, sorting

router = APIRouter(prefix="/api", tags=["api"])
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Sort = Annotated[Sorting, Depends(sorting)]


def valid_filters(filters: Annotated[EventFilters, Depends(event_filters)]) -> EventFilters:
    """The filters, or 422 with every problem found in them."""
    if filters.errors:
        raise HTTPException(422, "; ".join(filters.errors))
    return filters


Filters = Annotated[EventFilters, Depends(valid_filters)]


@router.get("/overview", summary="Counts, top dyads, latest and most reported stories, latest documents")
def api_overview(con: Con) -> dict[str, Any]:
    return queries.overview(con)


@router.get("/events", summary="One page of the filtered events, with counts per type, QuadClass and modality")
def api_events(con: Con, filters: Filters, sort: Sort,
               page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
               per_page: Annotated[int, Query(description=f"one of {', '.join(map(str, PAGE_SIZES))}")] = 50,
               ) -> dict[str, Any]:
    if per_page not in PAGE_SIZES:
        raise HTTPException(422, f"per_page: one of {', '.join(map(str, PAGE_SIZES))}")
    return queries.list_events(con, filters, sort, page, per_page)


def _download(request: Request, filters: EventFilters, sort: Sorting, kind: str) -> StreamingResponse:
    # The stream outlives the request's dependencies: it reads through a cursor of its own, closed at its end.
    cursor = request.app.state.web.store.con.cursor()
    reader = queries.event_rows(cursor, filters, sort)

    def csv_chunks() -> Iterator[bytes]:
        try:
            buffer = io.BytesIO()
            with pacsv.CSVWriter(buffer, reader.schema) as writer:  # the flat events table, as `export --format csv`
                for batch in reader:
                    writer.write_batch(batch)
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue()
        finally:
            cursor.close()

    def jsonl_chunks() -> Iterator[bytes]:
        try:  # the contract's records, as `eventcoder code` and `export --format jsonl` write them
            for batch in reader:
                yield "".join(json.dumps(row_event(row).model_dump(mode="json"), ensure_ascii=False) + "\n"
                              for row in batch.to_pylist()).encode()
        finally:
            cursor.close()

    media = "text/csv; charset=utf-8" if kind == "csv" else "application/x-ndjson"
    return StreamingResponse(csv_chunks() if kind == "csv" else jsonl_chunks(), media_type=media,
                             headers={"content-disposition": f'attachment; filename="events.{kind}"'})


@router.get("/events.csv", summary="The filtered events as CSV (the flat events table)",
            response_class=StreamingResponse)
def api_events_csv(request: Request, filters: Filters, sort: Sort) -> StreamingResponse:
    return _download(request, filters, sort, "csv")


@router.get("/events.jsonl", summary="The filtered events as JSON lines (the event records of docs/format.md)",
            response_class=StreamingResponse)
def api_events_jsonl(request: Request, filters: Filters, sort: Sort) -> StreamingResponse:
    return _download(request, filters, sort, "jsonl")


@router.get("/documents", summary="Documents, latest first; `q` searches ids, titles and outlets")
def api_documents(con: Con, q: Annotated[str | None, Query(max_length=100)] = None,
                  page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> dict[str, Any]:
    return queries.list_documents(con, q.strip() if q and q.strip() else None, page, 50)


@router.get("/documents/{doc_id:path}", summary="A document with its events, claims, quotes and proposals")
def api_document(con: Con, doc_id: str) -> dict[str, Any]:
    data = queries.document(con, doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id!r} in this store")
    # events as the contract's records (docs/format.md), with their story beside them
    data["events"] = [{**row_event(row).model_dump(mode="json"), "story_id": row["story_id"],
                       "num_mentions": row["num_mentions"]} for row in data["events"]]
    return data


@router.get("/stories/{story_id:path}", summary="A story: every report of it, its sources and their figures")
def api_story(con: Con, story_id: str) -> dict[str, Any]:
    data = queries.story(con, story_id)
    if data is None:
        raise HTTPException(404, f"no story {story_id!r} in this store")
    return data


@router.get("/dyads", summary="Directed country pairs with the most stories")
def api_dyads(con: Con, limit: Annotated[int, Query(ge=1, le=500)] = 30) -> list[dict[str, Any]]:
    return queries.top_dyads(con, limit)


@router.get("/timeline", summary="A dyad's series per period and PLOVER type (or QuadClass), with Goldstein")
def api_timeline(con: Con, dyad: Annotated[str, Query(description="SOURCE-TARGET, e.g. RUS-UKR (* for any)")],
                 freq: Annotated[str, Query(description="day, week or month")] = "week",
                 by: Annotated[str, Query(description="type or quad")] = "type",
                 raw: Annotated[bool, Query(description="count raw events instead of stories")] = False,
                 ) -> dict[str, Any]:
    try:
        parse_dyad(dyad)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    if freq not in FREQUENCIES or by not in ("type", "quad"):
        raise HTTPException(422, "freq: day, week or month; by: type or quad")
    return queries.timeline(con, dyad.strip().upper(), freq, by, raw)


@router.get("/network", summary="Actors (country and type) and the dyads between them, weighted by events")
def api_network(con: Con, filters: Filters, limit: Annotated[int, Query(ge=1, le=2000)] = 100) -> dict[str, Any]:
    return queries.network(con, filters, limit)


@router.get("/map", summary="Event locations with their event counts")
def api_map(con: Con, filters: Filters, limit: Annotated[int, Query(ge=1, le=50_000)] = 5000) -> dict[str, Any]:
    return queries.map_places(con, filters, limit)


@router.get("/claims", summary="Contested figures: linked claim groups, and per story the reports' figures")
def api_claims(con: Con, category: Annotated[str | None, Query(max_length=40)] = None,
               doc: Annotated[str | None, Query(max_length=1000)] = None,
               offset: Annotated[int, Query(ge=0)] = 0,
               limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
    return queries.claims(con, category or None, doc or None, offset, limit)


__all__ = ["router"]
