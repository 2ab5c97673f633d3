"""GDELT 2.0 Events TSV: the 61 columns in GDELT's order, tab-separated, no header line, one row per story (the
story's representative report, with the story's mention, source and article counts), as GDELT has one row per
event. Mapping decisions and what stays empty: docs/exports.md."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from eventcoder.export import Filters, batches
from eventcoder.store import Store, event_key

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
# CAMEO actor type codes (GDELT's CAMEO.type lookup); eventcoder's PTY and REL have no CAMEO type and are left out.
CAMEO_TYPES = frozenset({
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU",
    "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS",
    "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET",
})
HISTORICAL_COUNTRIES = frozenset({"SUN", "YUG"})  # CAMEO country codes that ISO 3166-1 no longer lists
NO_GEO = ["0", "", "", "", "", "", "", ""]


def _rows(name: str) -> list[list[str]]:
    text = (resources.files("eventcoder") / "data" / "export" / name).read_text(encoding="utf-8")
    lines = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return lines[1:]  # after the header


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """ISO3 -> (FIPS 10-4 code, name)."""
    return {row[0]: (row[1], row[2]) for row in _rows("iso3_fips.tsv")}


@lru_cache(maxsize=1)
def known_groups() -> tuple[dict[str, str], dict[str, str]]:
    """CAMEO known-group codes by eventcoder IGO code, and by resolved name (case-folded)."""
    by_country = {row[1]: row[2] for row in _rows("cameo_groups.tsv") if row[0] == "country"}
    by_name = {row[1].casefold(): row[2] for row in _rows("cameo_groups.tsv") if row[0] == "name"}
    return by_country, by_name


def _clean(value: Any) -> str:
    """A field value: tabs and line breaks would break the row, so they become spaces."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def actor_fields(row: dict[str, Any], prefix: str) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1-3Code."""
    if row[f"{prefix}_text"] is None:
        return [""] * 10
    country, kind = row[f"{prefix}_country"], row[f"{prefix}_type"]
    name = row[f"{prefix}_name"] or row[f"{prefix}_text"]
    cameo_country = country if country in countries() or country in HISTORICAL_COUNTRIES else ""
    by_country, by_name = known_groups()
    group = by_country.get(country or "") or by_name.get(name.casefold(), "")
    type1 = kind if kind in CAMEO_TYPES else ""
    code = "IGO" + group if type1 == "IGO" else cameo_country + group + type1
    return [code, name.upper(), cameo_country, group, "", "", "", type1, "", ""]


def geo_fields(row: dict[str, Any]) -> list[str]:
    """ActionGeo: Type (1 country, 2 US state, 3 US city, 4 world city, 5 world state), FullName, FIPS country,
    ADM1Code (the FIPS country code: eventcoder keeps admin1 names, not codes), ADM2Code, Lat, Long, FeatureID
    (GeoNames id; the FIPS code for a country, as GDELT does)."""
    if row["location_text"] is None:
        return list(NO_GEO)
    country = row["location_country"]
    fips, country_name = countries().get(country or "", ("", country or ""))
    precision = row["location_precision"]
    us = country == "USA"
    kind = {"country": 1, "region": 2 if us else 5, "city": 3 if us else 4}.get(precision, 4)
    parts = [row["location_name"] if precision != "country" else None,
             row["location_admin1"] if precision == "city" else None, country_name]
    full_name = ", ".join(dict.fromkeys(p for p in parts if p))
    lat, lon = row["location_lat"], row["location_lon"]
    feature = fips if precision == "country" else row["location_geonameid"]
    return [str(kind), full_name or (row["location_name"] or ""), fips, fips, "",
            "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}", _clean(feature)]


def _fraction(day: dt.date) -> str:
    days = 366 if calendar.isleap(day.year) else 365
    return f"{day.year + (day.timetuple().tm_yday - 1) / days:.4f}"


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """The 61 fields of one story (its representative event's row joined with the story's counts)."""
    day: dt.date | None = row["event_day"] or row["first_day"]
    cameo = row["cameo"]
    added: dt.datetime | None = row["coded_at"]
    fields = [
        str(event_key(row["story_id"])),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", str(day.year) if day else "",
        _fraction(day) if day else "",
        *actor_fields(row, "source"), *actor_fields(row, "target"),
        "1" if row["sentence_index"] == 0 else "0", cameo, cameo[:3], cameo[:2], str(row["quad_class"]),
        f"{row['goldstein']:g}", str(row["num_mentions"]), str(row["num_sources"]), str(row["num_documents"]),
        "",  # AvgTone: eventcoder has no tone model
        *NO_GEO, *NO_GEO,  # Actor1Geo, Actor2Geo: where each actor is, which eventcoder does not resolve
        *geo_fields(row),
        added.strftime("%Y%m%d%H%M%S") if added else "", row["doc_url"] or row["doc_id"],
    ]
    return [_clean(value) for value in fields]


def write_gdelt(store: Store, path: Path, filters: Filters) -> int:
    where, params = filters.where(stories=True)
    sql = f"""
        SELECT e.* EXCLUDE (story_id), s.story_id, s.first_day, s.num_mentions, s.num_sources, s.num_documents,
               d.coded_at
        FROM (SELECT * FROM stories WHERE {where}) s
        JOIN events e ON e.event_id = s.representative_event_id
        JOIN documents d ON d.id = e.doc_id
        ORDER BY s.first_day NULLS LAST, s.story_id"""
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for rows in batches(store, sql, params):
            out.write("".join("\t".join(gdelt_row(row)) + "\n" for row in rows))
            count += len(rows)
    return count
