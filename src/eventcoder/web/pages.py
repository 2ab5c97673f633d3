"""The HTML pages: overview, events, documents, a document with its evidence, stories, timeline, network, map,
claims, and the API's docs. Each page is rendered on the server from one call to queries.py; the charts and
the map read their data from a JSON block in the page (no second request), written with Jinja's `tojson`,
which escapes `<`, `>` and `&` so that no value can close the block.
"""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from eventcoder.aggregate import FREQUENCIES, parse_dyad
from eventcoder.models import ACTOR_TYPES, PLOVER_TYPES
from eventcoder.web import queries
from eventcoder.web.app import connection
from eventcoder.web.filters import MODALITIES, PAGE_SIZES, SORTS, EventFilters, Sorting, event_filters, sorting
from eventcoder.web.highlight import annotations, highlight

router = APIRouter(include_in_schema=False)
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Filters = Annotated[EventFilters, Depends(event_filters)]
Sort = Annotated[Sorting, Depends(sorting)]
Page = Annotated[int, Query(ge=1, le=1_000_000, description="page number, from 1")]
NETWORK_LIMITS = (50, 100, 200, 500)
MAP_LIMIT = 5000  # places (not events) sent to the map; the busiest first
TIMELINE_ROWS = 60  # periods listed under the chart, latest first


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, name, {"web": request.app.state.web, "page_name": name.removesuffix(".html"), **context},
        status_code=status)


def choices() -> dict[str, Any]:
    """What the filter forms offer."""
    return {"plover_types": PLOVER_TYPES, "actor_types": ACTOR_TYPES, "modalities": MODALITIES,
            "sorts": tuple(SORTS), "page_sizes": PAGE_SIZES}


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, con: Con) -> HTMLResponse:
    return render(request, "overview.html", {"data": queries.overview(con)})


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, con: Con, filters: Filters, sort: Sort, page: Page = 1,
                per_page: int = 50) -> HTMLResponse:
    per_page = per_page if per_page in PAGE_SIZES else 50
    result = None if filters.errors else queries.list_events(con, filters, sort, page, per_page)
    return render(request, "events.html", {"filters": filters, "sort": sort, "result": result,
                                           "per_page": per_page, **choices()},
                  status=422 if filters.errors else 200)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, con: Con, q: Annotated[str | None, Query(max_length=100)] = None,
                   page: Page = 1) -> HTMLResponse:
    search = q.strip() if q and q.strip() else None
    return render(request, "documents.html", {"q": search or "", "result": queries.list_documents(
        con, search, page, 50)})


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, con: Con) -> HTMLResponse:
    data = queries.document(con, doc_id)
    if data is None:
        raise HTTPException(404, f"no document {doc_id!r} in this store")
    data["events"] = [queries.parse_json(dict(event)) for event in data["events"]]
    text = highlight(data["document"]["text"] or "", annotations(
        data["events"], data["claims"], data["quotes"], data["proposals"]))
    return render(request, "document.html", {"data": data, "text": text})


@router.get("/stories/{story_id:path}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, con: Con) -> HTMLResponse:
    data = queries.story(con, story_id)
    if data is None:
        raise HTTPException(404, f"no story {story_id!r} in this store")
    categories: dict[str, list[dict]] = {}
    for figure in data["figures"]:
        categories.setdefault(figure["category"], []).append(figure)
    return render(request, "story.html", {"data": data, "figures": categories})


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, con: Con, dyad: str | None = None, freq: str = "week", by: str = "type",
                  raw: bool = False) -> HTMLResponse:
    dyads = queries.top_dyads(con, 30)
    errors = []
    if not dyad or not dyad.strip():
        dyad = f"{dyads[0]['source_country']}-{dyads[0]['target_country']}" if dyads else None
    else:
        dyad = dyad.strip().upper()
        try:
            parse_dyad(dyad)
        except ValueError as exc:
            errors.append(str(exc))
    if freq not in FREQUENCIES:
        errors.append(f"freq: {freq[:20]!r} is not one of {', '.join(FREQUENCIES)}")
    if by not in ("type", "quad"):
        errors.append(f"by: {by[:20]!r} is not type or quad")
    # the chart gets the series; the table the latest periods that have events (the JSON API has every row)
    data = queries.timeline(con, dyad, freq, by, raw, with_rows=False) if dyad and not errors else None
    table = []
    if data:
        for i in reversed(range(len(data["periods"]))):
            if data["totals"][i] and len(table) < TIMELINE_ROWS:
                table.append({"period": data["periods"][i], "count": data["totals"][i],
                              "goldstein_mean": data["goldstein_mean"][i],
                              "by": {key: counts[i] for key, counts in data["series"].items() if counts[i]}})
    return render(request, "timeline.html", {"dyad": dyad or "", "freq": freq, "by": by, "raw": raw,
                                             "dyads": dyads, "data": data, "table": table, "errors": errors,
                                             "frequencies": FREQUENCIES, "table_rows": TIMELINE_ROWS},
                  status=422 if errors else 200)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, con: Con, filters: Filters, limit: int = 100) -> HTMLResponse:
    limit = limit if limit in NETWORK_LIMITS else 100
    data = None if filters.errors else queries.network(con, filters, limit)
    return render(request, "network.html", {"filters": filters, "data": data, "limit": limit,
                                            "limits": NETWORK_LIMITS, **choices()},
                  status=422 if filters.errors else 200)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, con: Con, filters: Filters) -> HTMLResponse:
    data = None if filters.errors else queries.map_places(con, filters, MAP_LIMIT)
    return render(request, "map.html", {"filters": filters, "data": data, "limit": MAP_LIMIT, **choices()},
                  status=422 if filters.errors else 200)


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, con: Con, category: Annotated[str | None, Query(max_length=40)] = None,
                doc: Annotated[str | None, Query(max_length=1000)] = None,
                offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    category, doc = (category or None), (doc or None)
    data = queries.claims(con, category, doc, offset, 50)
    return render(request, "claims.html", {"data": data, "category": category or "", "doc": doc or "",
                                           "categories": queries.claim_categories(con)})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """FastAPI's interactive OpenAPI docs (Swagger UI), served from the vendored copy: no CDN."""
    return render(request, "swagger.html", {})


__all__ = ["router"]
