"""Exports of a corpus store, read back with standard readers: JSONL as `code` writes it, CSV, Parquet, GDELT 2.0
Events TSV checked against GDELT's codebook, POLECAT-style JSON."""

import csv
import datetime as dt
import json
import re

import polars as pl
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from conftest import DATA, DEV, REPORT, ROOT
from eventcoder.aggregate import update_stories
from eventcoder.cli import BatchSummary, _event_line, app
from eventcoder.cli_corpus import store_items
from eventcoder.export import Filters, export
from eventcoder.ingest import IngestOptions, read_inputs
from eventcoder.models import PLOVER_TYPES
from eventcoder.store import TABLES, Store

runner = CliRunner()
INPUTS = [str(ROOT / "examples" / "istanbul-talks.txt"), str(REPORT), str(DEV), str(DATA / "corpus" / "wire.jsonl")]
OPTIONS = IngestOptions(pub_date=dt.date(2022, 3, 30))

# GDELT 2.0 Event Database codebook (V2.0, 2015): the 61 fields of an event record, in file order.
GDELT_CODEBOOK = [
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
]
COL = {name: i for i, name in enumerate(GDELT_CODEBOOK)}
CAMEO_TYPES = {"COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL",
               "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "AMN", "IRC",
               "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "SET"}
POLECAT_FIELDS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
]


def cameo_quads() -> dict[str, int]:
    lines = (ROOT / "src" / "eventcoder" / "data" / "events" / "cameo.tsv").read_text().splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")][1:]
    return {row[0]: int(row[2]) for row in rows}


@pytest.fixture(scope="module")
def coded(tmp_path_factory, coder):
    """The store, and the event lines `eventcoder code` writes for the same inputs."""
    path = tmp_path_factory.mktemp("exports") / "corpus.duckdb"
    lines = []
    with Store.open(path) as store:
        items = list(read_inputs(INPUTS, options=OPTIONS))
        store_items(store, coder, items, BatchSummary(None), batch_size=32)
        update_stories(store.con)
    for result in coder.code([item for item in items if not hasattr(item, "stage")]):
        lines.extend(_event_line(event) for event in result.events)
    return path, lines


@pytest.fixture(scope="module")
def store(coded):
    with Store.open(coded[0], read_only=True) as opened:
        yield opened


def test_jsonl_is_exactly_what_code_writes(store, coded, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(store, "jsonl", out) == len(coded[1])
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(coded[1])


def test_jsonl_of_the_example_equals_the_code_command(store, tmp_path):
    example = ROOT / "examples" / "istanbul-talks.txt"
    result = runner.invoke(app, ["code", str(example), "--pub-date", "2022-03-30", "-o", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "e.jsonl"
    export(store, "jsonl", out, Filters(since=dt.date(2022, 3, 1), until=dt.date(2022, 3, 31)))
    mine = [line for line in out.read_text().splitlines() if json.loads(line)["doc_id"] == "istanbul-talks"]
    assert sorted(mine) == sorted((tmp_path / "c.jsonl").read_text().splitlines())


def test_csv_and_parquet_are_the_flat_events_table(store, coded, tmp_path):
    columns = [name for name, _ in TABLES["events"]]
    export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(newline="", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert len(table) == len(coded[1]) and list(table[0]) == columns
    talks = next(row for row in table if row["event_id"] == "talks-wire:0:0")
    assert (talks["source_country"], talks["target_country"], talks["location_name"]) == ("RUS", "UKR", "Istanbul")
    export(store, "parquet", tmp_path / "e.parquet")
    parquet = pq.read_table(tmp_path / "e.parquet")
    assert parquet.num_rows == len(coded[1]) and parquet.column_names == columns
    frame = pl.read_parquet(tmp_path / "e.parquet")
    assert frame.schema["event_day"] == pl.Date and frame.schema["goldstein"] == pl.Float64
    # a plain GROUP BY on the flat columns
    dyads = frame.group_by("source_country", "target_country").len()
    assert dyads.filter((pl.col("source_country") == "RUS") & (pl.col("target_country") == "UKR"))["len"][0] >= 3


def test_gdelt_tsv_follows_the_codebook(store, tmp_path):
    out = tmp_path / "events.export.CSV"
    stories = export(store, "gdelt", out)
    assert stories == store.con.execute("SELECT count(*) FROM stories").fetchall()[0][0]
    raw = out.read_text(encoding="utf-8")
    table = [line.split("\t") for line in raw.splitlines()]
    assert len(table) == stories and all(len(row) == 61 for row in table)
    assert table[0][COL["GLOBALEVENTID"]].isdigit()  # no header line
    quads = cameo_quads()
    ids = set()
    for row in table:
        ids.add(int(row[COL["GLOBALEVENTID"]]))
        day = dt.datetime.strptime(row[COL["SQLDATE"]], "%Y%m%d").date()
        assert row[COL["MonthYear"]] == row[COL["SQLDATE"]][:6] and row[COL["Year"]] == str(day.year)
        assert day.year <= float(row[COL["FractionDate"]]) < day.year + 1
        code = row[COL["EventCode"]]
        assert code in quads and row[COL["EventBaseCode"]] == code[:3] and row[COL["EventRootCode"]] == code[:2]
        assert int(row[COL["QuadClass"]]) == quads[code] and 1 <= quads[code] <= 4
        assert -10 <= float(row[COL["GoldsteinScale"]]) <= 10
        assert int(row[COL["NumMentions"]]) >= int(row[COL["NumArticles"]]) >= 1 and int(row[COL["NumSources"]]) >= 1
        assert row[COL["IsRootEvent"]] in ("0", "1") and row[COL["AvgTone"]] == ""
        for actor in ("Actor1", "Actor2"):
            country, kind = row[COL[f"{actor}CountryCode"]], row[COL[f"{actor}Type1Code"]]
            assert country == "" or re.fullmatch("[A-Z]{3}", country)
            assert kind == "" or kind in CAMEO_TYPES
            assert row[COL[f"{actor}Code"]].startswith(country)
            assert row[COL[f"{actor}Geo_Type"]] == "0"
        assert row[COL["ActionGeo_Type"]] in {"0", "1", "2", "3", "4", "5"}
        assert re.fullmatch("([A-Z]{2})?", row[COL["ActionGeo_CountryCode"]])
        assert re.fullmatch(r"\d{14}", row[COL["DATEADDED"]])
    assert len(ids) == len(table)
    talks = next(row for row in table if row[COL["SOURCEURL"]].startswith("https://") and row[COL["EventCode"]]
                 == "040" and row[COL["ActionGeo_FullName"]].startswith("Istanbul"))
    assert (talks[COL["ActionGeo_CountryCode"]], talks[COL["ActionGeo_Type"]]) == ("TU", "4")  # FIPS Turkey, city
    assert {talks[COL["Actor1CountryCode"]], talks[COL["Actor2CountryCode"]]} == {"RUS", "UKR"}
    assert talks[COL["Actor1Code"]] in ("RUSGOV", "UKRGOV") and talks[COL["Actor1Name"]] in ("RUSSIA", "UKRAINE")
    assert int(talks[COL["NumSources"]]) >= 3 and int(talks[COL["NumMentions"]]) >= 3
    assert talks[COL["SQLDATE"]] == "20220329" and float(talks[COL["ActionGeo_Lat"]]) == pytest.approx(41.01, 0.01)
    # a standard TSV reader sees 61 columns
    frame = pl.read_csv(out, separator="\t", has_header=False, new_columns=GDELT_CODEBOOK, quote_char=None,
                        infer_schema_length=0)
    assert frame.width == 61 and frame.height == stories


def test_polecat_records(store, coded, tmp_path):
    out = tmp_path / "polecat.jsonl"
    assert export(store, "polecat", out) == len(coded[1])
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(list(record) == POLECAT_FIELDS for record in records)
    assert all(record["Event Type"] in PLOVER_TYPES and record["Quad Code"] for record in records)
    talks = next(r for r in records if r["Event ID"] == "talks-wire:0:0")
    assert (talks["Actor Country"], talks["Recipient Country"], talks["City"], talks["Country"]) == (
        "RUS", "UKR", "Istanbul", "TUR")
    assert (talks["Event Date"], talks["Publication Date"], talks["Source"]) == ("2022-03-29", "2022-03-29",
                                                                                  "Wire One")


def test_filters(store, tmp_path):
    out = tmp_path / "f.jsonl"
    export(store, "jsonl", out, Filters(dyad="RUS-UKR", types=("ASSAULT",)))
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events and all(e["event_type"] == "ASSAULT" and (e["source"]["country"], e["target"]["country"])
                          == ("RUS", "UKR") for e in events)
    export(store, "jsonl", out, Filters(since=dt.date(2022, 3, 14), until=dt.date(2022, 3, 14), country="UKR"))
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert {e["doc_id"] for e in events} >= {"strike-wire", "strike-courier", "strike-mykolaiv"}
    assert all("UKR" in (e["source"] and e["source"]["country"], e["target"] and e["target"]["country"],
                         e["location"] and e["location"]["country"]) for e in events)
    gdelt = tmp_path / "g.tsv"
    export(store, "gdelt", gdelt, Filters(dyad="UKR-RUS", types=("CONSULT",)))
    rows = [line.split("\t") for line in gdelt.read_text().splitlines()]
    assert rows and all(row[COL["EventRootCode"]] == "04" for row in rows)  # symmetric: RUS-UKR talks count


def test_export_command(coded, tmp_path):
    out = tmp_path / "out" / "events.tsv"
    result = runner.invoke(app, ["export", "--db", str(coded[0]), "--format", "gdelt", "-o", str(out),
                                 "--since", "2022-03-01", "--until", "2022-04-30", "--dyad", "RUS-UKR"])
    assert result.exit_code == 0, result.output
    assert "stories written" in result.output and all(len(line.split("\t")) == 61
                                                      for line in out.read_text().splitlines())
    bad = runner.invoke(app, ["export", "--db", str(coded[0]), "--format", "xml", "-o", str(out)])
    assert bad.exit_code == 2
