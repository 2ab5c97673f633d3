"""The corpus store: ingest, idempotence, failures, recoding, stories across articles, series, read-only queries."""

import csv
import datetime as dt
import io
import json

import polars as pl
import pytest
from typer.testing import CliRunner

from conftest import DATA, DEV, REPORT, ROOT
from eventcoder import Document, __version__
from eventcoder.aggregate import compatible, dyad_series, event_day, story_key, update_stories
from eventcoder.cli import BatchSummary, app
from eventcoder.cli_corpus import store_items
from eventcoder.ingest import IngestOptions, read_inputs
from eventcoder.models import Actor
from eventcoder.store import Store, knowledge_hash

runner = CliRunner()
CORPUS = DATA / "corpus" / "wire.jsonl"
BROKEN = DATA / "samples" / "bad-records.jsonl"
INPUTS = [str(ROOT / "examples" / "istanbul-talks.txt"), str(REPORT), str(DEV), str(BROKEN), str(CORPUS)]
OPTIONS = IngestOptions(pub_date=dt.date(2022, 3, 30), today=dt.date(2025, 1, 1))


def ingest(path, coder, inputs=INPUTS) -> BatchSummary:
    summary = BatchSummary(None)
    with Store.open(path) as store:
        store_items(store, coder, read_inputs(inputs, options=OPTIONS), summary, batch_size=16)
        update_stories(store.con)
    return summary


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    path = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    summary = ingest(path, coder)
    assert summary.documents == 2 + 60 + 1 + 11 and summary.failed == 5
    return path


def rows(db, sql, params=None):
    with Store.open(db, read_only=True) as store:
        return store.con.execute(sql, params or []).fetchall()


def counts(db):
    with Store.open(db, read_only=True) as store:
        return store.counts()


def story_of(db, doc_id):
    return {s for (s,) in rows(db, "SELECT DISTINCT story_id FROM events WHERE doc_id = ?", [doc_id])}


def test_everything_is_stored_with_its_provenance(db):
    found = counts(db)
    assert found["documents"] == 74 and found["failures"] == 5
    assert min(found["events"], found["claims"], found["quotes"], found["proposals"], found["stories"]) > 0
    assert rows(db, "SELECT count(*) FROM events WHERE story_id IS NULL") == [(0,)]
    versions = rows(db, "SELECT DISTINCT eventcoder_version, knowledge_hash FROM documents")
    assert versions == [(__version__, knowledge_hash())]
    # the events of a document are the ones the coder gives, with their actors flattened into columns
    (talks,) = rows(db, """SELECT source_country, source_type, target_country, location_name, location_country,
                           location_lat IS NOT NULL, evidence_trigger_start < evidence_trigger_end, pattern
                           FROM events WHERE event_id = 'talks-wire:0:0'""")
    assert talks == ("RUS", "GOV", "UKR", "Istanbul", "TUR", True, True, "consult.meet")


def test_every_field_of_the_records_is_stored(db):
    """Why figures conflict, what they count and the conditions on an offer are columns of the store too."""
    basis = rows(db, "SELECT conflict_basis, counted FROM claims WHERE doc_id = 'istanbul-talks-report' AND "
                     "value = 1351")
    assert basis and basis[0][0].startswith("same count (dead") and basis[0][1] == "russian troops"
    tables = {table: {name for (name,) in rows(db, "SELECT column_name FROM information_schema.columns WHERE "
                                                   "table_name = ?", [table])} for table in ("claims", "proposals")}
    assert {"comparison", "partitive", "scope", "conflict_basis"} <= tables["claims"]
    assert "conditions" in tables["proposals"]


def test_broken_documents_are_listed_and_the_rest_is_stored(db):
    failures = rows(db, "SELECT doc, stage, reason, outcome FROM failures ORDER BY reason")
    assert [(r[2], r[3]) for r in failures] == [
        ("bad_pub_date", "failed"), ("future_pub_date", "failed"), ("invalid_json", "failed"),
        ("missing_text", "failed"), ("not_an_object", "failed")]
    assert {"no-text", "bad-date", "future-date"} <= {r[0] for r in failures}
    assert rows(db, "SELECT count(*) FROM documents WHERE id = 'un-pakistan-floods'") == [(1,)]
    assert rows(db, "SELECT count(*) FROM failures WHERE logged_at IS NULL OR message = ''") == [(0,)]


def test_ingesting_again_changes_no_row_count(db, coder):
    before = counts(db)
    summary = ingest(db, coder)
    assert summary.documents == 74
    assert counts(db) == before


def test_the_same_text_under_another_id_replaces_the_document(tmp_path, coder):
    path = tmp_path / "c.duckdb"
    ingest(path, coder, [str(CORPUS)])
    before = counts(path)
    text = rows(path, "SELECT text FROM documents WHERE id = 'arrest-wire'")[0][0]
    with Store.open(path) as store:
        store.add_results(coder.code([Document(id="arrest-copy", text=text, pub_date="2022-04-01")]))
        update_stories(store.con)
    assert counts(path) == before
    assert rows(path, "SELECT count(*) FROM documents WHERE id IN ('arrest-wire', 'arrest-copy')") == [(1,)]
    assert rows(path, "SELECT doc_id FROM events WHERE doc_id LIKE 'arrest-%' ORDER BY 1") == [
        ("arrest-copy",), ("arrest-later",), ("arrest-post",)]


def test_recode_stale_recodes_only_outdated_documents(tmp_path, coder):
    path = tmp_path / "c.duckdb"
    ingest(path, coder, [str(CORPUS)])
    before = counts(path)
    with Store.open(path) as store:
        store.con.execute("UPDATE documents SET eventcoder_version = '0.0.1' WHERE id = 'talks-post'")
        store.con.execute("UPDATE documents SET knowledge_hash = 'old' WHERE id = 'arrest-post'")
        assert store.count_documents(stale=True) == 2
        stamps = dict(store.con.execute("SELECT id, coded_at FROM documents").fetchall())
    result = runner.invoke(app, ["recode", "--db", str(path), "--stale"])
    assert result.exit_code == 0, result.output
    assert "2 to recode, 9 up to date" in result.output
    with Store.open(path, read_only=True) as store:
        assert store.count_documents(stale=True) == 0
        after = dict(store.con.execute("SELECT id, coded_at FROM documents").fetchall())
    assert counts(path) == before
    assert {doc for doc in after if after[doc] != stamps[doc]} == {"talks-post", "arrest-post"}


def test_reports_of_the_same_event_become_one_story(db):
    talks = story_of(db, "talks-wire")
    assert talks == story_of(db, "talks-courier") == story_of(db, "talks-post")  # UKR-RUS named the other way
    (story,) = talks
    (row,) = rows(db, "SELECT num_documents, num_sources, sources, first_report, last_report, event_type "
                      "FROM stories WHERE story_id = ?", [story])
    # the two example articles (pub_date 2022-03-30, no outlet) report the same Istanbul talks
    assert row[0] >= 3 and row[1] >= 3 and {"Wire One", "Daily Courier", "Global Post"} <= set(row[2])
    assert (row[3], row[4], row[5]) == (dt.date(2022, 3, 29), dt.date(2022, 3, 30), "CONSULT")
    assert story_of(db, "strike-wire") == story_of(db, "strike-courier")
    assert story_of(db, "arrest-wire") == story_of(db, "arrest-post")


def test_look_alikes_stay_apart(db):
    # same dyad and type, but another week and country; another city the same day; a week later
    for lookalike, story in [("talks-earlier", "talks-wire"), ("strike-mykolaiv", "strike-wire"),
                             ("strike-later", "strike-wire"), ("arrest-later", "arrest-wire")]:
        assert story_of(db, lookalike).isdisjoint(story_of(db, story)), lookalike
    (mentions,) = rows(db, "SELECT num_mentions FROM stories s JOIN events e ON e.story_id = s.story_id "
                           "WHERE e.doc_id = 'strike-mykolaiv'")
    assert mentions == (1,)


def test_a_story_keeps_differing_claims_side_by_side(db):
    (story,) = story_of(db, "strike-wire")
    figures = rows(db, "SELECT value, outlet FROM story_claims WHERE story_id = ? AND category = 'dead' ORDER BY 1",
                   [story])
    assert figures == [(12.0, "Wire One"), (15.0, "Daily Courier")]


def test_thresholds_are_options(tmp_path, coder):
    path = tmp_path / "c.duckdb"
    ingest(path, coder, [str(CORPUS)])
    with Store.open(path) as store:
        update_stories(store.con, window_days=7)  # a week apart: the two Kharkiv shellings become one story
        merged = store.con.execute("SELECT count(DISTINCT story_id) FROM events WHERE doc_id IN "
                                   "('strike-wire', 'strike-later')").fetchall()[0][0]
        update_stories(store.con, max_km=500)  # back to one day; Mykolaiv is 400 km from Kharkiv
        near = store.con.execute("SELECT count(DISTINCT story_id) FROM events WHERE doc_id IN "
                                 "('strike-wire', 'strike-mykolaiv')").fetchall()[0][0]
        update_stories(store.con)
        apart = store.con.execute("SELECT count(DISTINCT story_id) FROM events WHERE doc_id IN "
                                  "('strike-wire', 'strike-later', 'strike-mykolaiv')").fetchall()[0][0]
    assert (merged, near, apart) == (1, 1, 3)


def test_place_compatibility():
    kharkiv = (3, "UKR", "kharkiv", "kharkiv oblast", 49.98, 36.25)
    mykolaiv = (3, "UKR", "mykolayiv", "mykolaiv oblast", 46.97, 32.00)
    chuhuiv = (3, "UKR", "chuhuiv", "kharkiv oblast", 49.84, 36.69)  # 35 km away
    ukraine, region = (1, "UKR", "ukraine", None, 49.0, 32.0), (2, "UKR", "kharkiv oblast", None, 49.5, 36.5)
    belgorod = (3, "RUS", "belgorod", "belgorod oblast", 50.60, 36.59)  # 75 km, another country
    unknown = (0, None, None, None, None, None)
    assert compatible(kharkiv, chuhuiv, 100) and not compatible(kharkiv, chuhuiv, 20)
    assert not compatible(kharkiv, mykolaiv, 100) and not compatible(kharkiv, belgorod, 100)
    assert compatible(kharkiv, ukraine, 100) and compatible(kharkiv, region, 10) and compatible(unknown, belgorod, 1)


def test_story_keys_and_days():
    russia, ukraine = Actor(text="Russia", country="RUS", type="GOV"), Actor(text="Kyiv", country="UKR", type="GOV")
    assert story_key("CONSULT", False, russia, ukraine, "a") == story_key("CONSULT", False, ukraine, russia, "b")
    assert story_key("ACCUSE", False, russia, ukraine, "a") != story_key("ACCUSE", False, ukraine, russia, "b")
    assert story_key("ACCUSE", False, russia, ukraine, "a") != story_key("ACCUSE", True, russia, ukraine, "a")
    assert story_key("ACCUSE", False, Actor(text="someone"), ukraine, "a") == "!a"
    assert event_day("2022-03-29", dt.date(2022, 3, 30)) == dt.date(2022, 3, 29)
    assert event_day("2022-03", dt.date(2022, 3, 30)) == dt.date(2022, 3, 30)
    assert event_day("2021-12", dt.date(2022, 3, 30)) == dt.date(2021, 12, 1)
    assert event_day(None, dt.date(2022, 3, 30)) == dt.date(2022, 3, 30) and event_day(None, None) is None


def test_dyad_series_over_stories_and_raw_events(db):
    stories = dyad_series(db, "RUS-UKR", freq="week")
    raw = dyad_series(db, "RUS-UKR", freq="week", raw=True)
    assert isinstance(stories, pl.DataFrame) and stories.columns == [
        "period", "event_type", "count", "goldstein_sum", "goldstein_mean"]
    week = {row["event_type"]: row for row in stories.filter(pl.col("period") == dt.date(2022, 3, 28)).to_dicts()}
    raw_week = {row["event_type"]: row for row in raw.filter(pl.col("period") == dt.date(2022, 3, 28)).to_dicts()}
    assert raw_week["CONSULT"]["count"] >= week["CONSULT"]["count"] + 2  # three outlets, one story
    assert week["CONSULT"]["goldstein_mean"] == pytest.approx(1.0)
    # CONSULT is symmetric: the reverse dyad counts the same talks; ASSAULT is not
    reverse = dyad_series(db, "UKR-RUS", freq="week").filter(pl.col("period") == dt.date(2022, 3, 28))
    assert "CONSULT" in reverse["event_type"].to_list()
    kharkiv = dyad_series(db, "RUS-UKR", freq="week").filter(pl.col("period") == dt.date(2022, 3, 14))
    assert kharkiv.filter(pl.col("event_type") == "ASSAULT")["count"].to_list() == [2]  # Kharkiv, Mykolaiv
    quads = dyad_series(db, "RUS-UKR", freq="month", by="quad")
    assert set(quads["quad_class"].to_list()) <= {1, 2, 3, 4}


def test_series_command_writes_csv(db, tmp_path):
    result = runner.invoke(app, ["series", "--db", str(db), "--dyad", "RUS-UKR", "--freq", "month", "--format", "csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.output)))
    assert table and set(table[0]) == {"period", "event_type", "count", "goldstein_sum", "goldstein_mean"}
    assert all(row["period"].endswith("-01") for row in table)
    out = tmp_path / "s.parquet"
    result = runner.invoke(app, ["series", "--db", str(db), "--dyad", "RUS-UKR", "--raw", "--format", "parquet",
                                 "-o", str(out)])
    assert result.exit_code == 0 and pl.read_parquet(out)["count"].sum() >= len(table)


def test_query_reads_and_refuses_changes(db):
    result = runner.invoke(app, ["query", "SELECT event_type, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC",
                                 "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert sum(json.loads(line)["n"] for line in result.output.splitlines()) == counts(db)["events"]
    before = counts(db)
    for sql in ("DELETE FROM events", "UPDATE documents SET text = ''", "DROP TABLE stories",
                f"COPY events TO '{db.parent / 'leak.csv'}'"):
        result = runner.invoke(app, ["query", sql, "--db", str(db)])
        assert result.exit_code == 2, sql
        assert len(result.output.strip().splitlines()) == 1 and "eventcoder query:" in result.output
    assert "DELETE statements are refused" in runner.invoke(app, ["query", "DELETE FROM events", "--db",
                                                                  str(db)]).output
    assert counts(db) == before and not (db.parent / "leak.csv").exists()


def test_ingest_command(tmp_path):
    path = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["ingest", str(CORPUS), str(BROKEN), "--db", str(path)])
    assert result.exit_code == 1  # broken records are failures; the rest is stored
    assert "12 coded" in result.output and "5 failed" in result.output
    assert counts(path)["documents"] == 12 and counts(path)["failures"] == 5
