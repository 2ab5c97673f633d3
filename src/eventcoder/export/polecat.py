"""POLECAT-style JSON lines: one object per event with the field names of POLECAT's published event files
(the Harvard Dataverse release read by its users' loaders), filled from eventcoder's event records. POLECAT is
coded to PLOVER, as eventcoder is, so types and modes carry over; what cannot be filled stays empty (an empty
string, or null for numbers). Mapping and gaps: docs/exports.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventcoder import __version__
from eventcoder.export import Filters, batches
from eventcoder.store import Store

FIELDS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)
# PLOVER's quad categories follow the event type (eventcoder's quad_class follows the CAMEO code).
QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "VERBAL COOPERATION"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "MATERIAL COOPERATION"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "VERBAL CONFLICT"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "MATERIAL CONFLICT"),
}


def _actor(row: dict[str, Any], prefix: str) -> list[Any]:
    """Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID."""
    if row[f"{prefix}_text"] is None:
        return ["", "", "", "", "", "", "", ""]
    kind = row[f"{prefix}_type"] or ""
    return [row[f"{prefix}_name"] or row[f"{prefix}_text"], row[f"{prefix}_country"] or "", "", kind, kind,
            row[f"{prefix}_role"] or "", row[f"{prefix}_text"], row[f"{prefix}_wikidata"] or ""]


def polecat_record(row: dict[str, Any]) -> dict[str, Any]:
    located = row["location_text"] is not None
    precision = row["location_precision"] or ""
    values = [
        row["event_id"], row["event_day"].isoformat() if row["event_day"] else "", row["event_type"],
        row["mode"] or "", row["goldstein"], QUADS.get(row["event_type"], ""), "",
        *_actor(row, "source"), *_actor(row, "target"),
        row["location_name"] or "" if located else "",
        row["location_name"] or "" if precision == "city" else "", "", row["location_admin1"] or "",
        row["location_country"] or "", row["location_lat"], row["location_lon"], row["location_geonameid"],
        row["location_text"] or "", precision, row["doc_source"] or "",
        row["pub_date"].isoformat() if row["pub_date"] else "", "", "", "", "en", f"eventcoder {__version__}",
    ]
    return dict(zip(FIELDS, values, strict=True))


def write_polecat(store: Store, path: Path, filters: Filters) -> int:
    where, params = filters.where()
    sql = f"SELECT * FROM events WHERE {where} ORDER BY event_day NULLS LAST, event_id"
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for rows in batches(store, sql, params):
            out.write("".join(json.dumps(polecat_record(row), ensure_ascii=False) + "\n" for row in rows))
            count += len(rows)
    return count
