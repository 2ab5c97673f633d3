"""The web UI's server side: pages, the JSON API, filters, downloads, evidence highlighting, escaping, read-only
mode, uploads and the demo store, on a small store coded with the real coder (browser tests: test_web_browser.py).
"""

import csv
import datetime as dt
import io
import json
import re
import shutil
import warnings

import pytest
from typer.testing import CliRunner

from conftest import DATA, REPORT, ROOT
from eventcoder import Document
from eventcoder.aggregate import dyad_series
from eventcoder.cli import app as cli_app
from eventcoder.ingest import IngestOptions, read_inputs
from eventcoder.models import Event
from eventcoder.store import Store
from eventcoder.web import create_app
from eventcoder.web.demo import build_store, demo_corpus, demo_store, read_corpus
from eventcoder.web.highlight import Annotation, annotations, highlight

with warnings.catch_warnings():  # Starlette's TestClient prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

XSS_ID = "xss-probe"
ODD_ID = "reports/2022/kyiv shelling?#&"  # a path, a space and URL syntax: ids must survive links and routes
XSS_TEXT = ('Georgian police arrested protesters in Tbilisi on Friday <script>window.__xss=1</script>, the '
            'interior ministry said. <img src=x onerror="window.__xss=2"> The opposition accused the government.')


def web_corpus() -> list:
    """The two example articles, the wire corpus (several outlets reporting the same events) and two probes."""
    options = IngestOptions(pub_date=dt.date(2022, 3, 30), today=dt.date(2025, 1, 1))
    items = list(read_inputs([str(ROOT / "examples" / "istanbul-talks.txt"), str(REPORT),
                              str(DATA / "corpus" / "wire.jsonl")], options=options))
    items.append(Document(id=XSS_ID, text=XSS_TEXT, pub_date=dt.date(2022, 3, 16), source="Probe <b>News</b>",
                          title='<b onmouseover="window.__xss=3">Probe</b>', url="javascript:window.__xss=4"))
    items.append(Document(id=ODD_ID, text="Russian forces shelled Kyiv on Sunday.", pub_date=dt.date(2022, 3, 21)))
    return items


def build_web_store(folder, coder):
    path = folder / "web.duckdb"
    build_store(path, web_corpus(), coder)
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder):
    return build_web_store(tmp_path_factory.mktemp("web"), coder)


@pytest.fixture(scope="module")
def store(db):
    # one connection for the module: DuckDB refuses a second one to the same file with other settings
    with Store.open(db, read_only=True, sandbox=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store))


def api(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text[:300]
    return response.json()


PAGES = ["/", "/events", "/events?type=ASSAULT&sort=goldstein&order=asc", "/documents", "/documents?q=talks",
         "/documents/istanbul-talks-report", "/stories/talks-post:0:0", "/timeline", "/timeline?dyad=RUS-UKR&by=quad",
         "/network", "/map", "/claims", "/claims?category=dead", "/docs"]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_with_a_strict_security_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "<script>" not in response.text  # no inline script anywhere: data travels in JSON blocks
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', response.text)
    assert assets and all(a.startswith(("/static/", "data:")) for a in assets)  # nothing from another server


def test_overview_counts_the_store(client, store):
    data = api(client, "/api/overview")
    assert data["counts"] == store.counts()
    assert data["counts"]["documents"] == 2 + 11 + 2
    top = data["top_dyads"][0]
    assert (top["source_country"], top["target_country"]) == ("RUS", "UKR")
    assert data["most_reported"][0]["story_id"] == "talks-post:0:0"  # the Istanbul talks: five reports
    page = client.get("/").text
    assert 'href="/timeline?dyad=RUS-UKR"' in page and 'href="/stories/talks-post:0:0"' in page


def test_filters_narrow_the_events(client):
    everything = api(client, "/api/events?per_page=200")
    assert everything["total"] == sum(everything["facets"]["event_type"].values()) > 20
    consult = api(client, "/api/events?type=CONSULT&per_page=200")
    assert 0 < consult["total"] < everything["total"]
    assert {e["event_type"] for e in consult["events"]} == {"CONSULT"}
    # symmetric types count both ways: the Courier's "Ukrainian officials held talks with Russian officials"
    dyad = api(client, "/api/events?dyad=RUS-UKR&type=CONSULT&per_page=200")["events"]
    assert {"UKR", "RUS"} == {e["source_country"] for e in dyad}
    march = api(client, "/api/events?since=2022-03-14&until=2022-03-15&per_page=200")["events"]
    assert march and all("2022-03-14" <= e["event_day"] <= "2022-03-15" for e in march)
    placed = api(client, "/api/events?place=kharkiv&per_page=200")["events"]
    assert placed and all(e["location_name"] == "Kharkiv" for e in placed)
    assert api(client, "/api/events?place=UKR&per_page=200")["total"] >= len(placed)
    named = api(client, "/api/events?name=Biden&per_page=200")["events"]
    assert named and all("Biden" in (e["source_name"] or "") + (e["target_name"] or "") for e in named)
    combined = api(client, "/api/events?actor=USA&actor_type=MIL&quad=3&modality=asserted&negated=exclude")
    assert combined["total"] >= 1 and all(
        e["quad_class"] == 3 and e["modality"] == "asserted" and not e["negated"] for e in combined["events"])
    assert all("USA" in (e["source_country"], e["target_country"]) for e in combined["events"])


def test_user_values_are_data_never_sql(client):
    # a quote, a comment and a LIKE wildcard in a search are letters to look for
    assert api(client, "/api/events?name=x' OR 1=1 --")["total"] == 0
    assert api(client, "/api/events?name=%25")["total"] == 0
    # a sort key outside the whitelist falls back to the day, never reaches ORDER BY
    default = api(client, "/api/events?per_page=25")["events"]
    assert api(client, "/api/events?per_page=25&sort=event_id;DROP TABLE events")["events"] == default


def test_bad_filters_are_named(client):
    message = api(client, "/api/events?since=yesterday&type=ATTACK&actor=R*S", status=422)["detail"]
    assert "since" in message and "ATTACK" in message and "actor" in message
    page = client.get("/events?since=2022-13-45")
    assert page.status_code == 422 and "is not a date" in page.text
    assert "not a date" in client.get("/events?since=2022-13-45").text
    assert client.get("/events?since=&until=&dyad=").status_code == 200  # an empty form is no filter


def test_pages_of_events_do_not_overlap(client):
    first = api(client, "/api/events?per_page=25&page=1&sort=type&order=asc")
    second = api(client, "/api/events?per_page=25&page=2&sort=type&order=asc")
    ids = [e["event_id"] for e in first["events"] + second["events"]]
    assert len(ids) == len(set(ids)) == min(50, first["total"])
    types = [e["event_type"] for e in first["events"] + second["events"]]
    assert types == sorted(types)
    assert api(client, "/api/events?per_page=7", status=422)


def test_downloads_hold_the_filtered_events(client):
    total = api(client, "/api/events?type=ASSAULT")["total"]
    response = client.get("/api/events.csv?type=ASSAULT")
    assert response.headers["content-disposition"] == 'attachment; filename="events.csv"'
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert len(table) == total and {row["event_type"] for row in table} == {"ASSAULT"}
    lines = client.get("/api/events.jsonl?type=ASSAULT").text.splitlines()
    records = [Event.model_validate(json.loads(line)) for line in lines]  # the contract's records
    assert len(records) == total and all(r.evidence.trigger for r in records)


def test_a_document_comes_with_its_records_and_evidence(client):
    data = api(client, "/api/documents/istanbul-talks-report")
    text = data["document"]["text"]
    assert len(data["events"]) >= 10 and data["claims"] and data["quotes"] and data["proposals"]
    for event in data["events"]:  # a trigger's words, within its span ("sent Congress a request")
        start, end = event["evidence"]["trigger"]
        words = event["trigger"].split()
        assert text[start:end].startswith(words[0]) and text[start:end].endswith(words[-1])
    page = client.get("/documents/istanbul-talks-report").text
    # the first event's trigger is marked in the article with its record key and role
    first = data["events"][0]
    marked = re.findall(r'<span class="[^"]*" data-ann="([^"]*)">([^<]*)</span>', page)
    trigger_text = "".join(piece for tokens, piece in marked if "e0:trigger" in tokens.split())
    assert trigger_text == first["trigger"]
    assert page.count('class="record"') == len(data["events"]) + len(data["claims"]) + len(data["quotes"]) + len(
        data["proposals"])


def test_ids_with_url_syntax_round_trip(client):
    page = client.get("/documents").text
    link = re.search(r'href="(/documents/reports/2022/[^"]+)"', page).group(1)
    assert "?" not in link and "#" not in link
    assert client.get(link).status_code == 200
    assert api(client, link.replace("/documents/", "/api/documents/"))["document"]["id"] == ODD_ID
    assert client.get("/documents/no-such-document").status_code == 404
    assert api(client, "/api/stories/nope", status=404)["detail"] == "no story 'nope' in this store"


def test_article_text_is_escaped_everywhere(client):
    page = client.get(f"/documents/{XSS_ID}").text
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    shown = re.sub(r"<[^>]+>", "", page.split('id="article"')[1].split("</article>")[0])  # the article's text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in shown
    assert "&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt;" in shown
    assert '<b onmouseover' not in page and "&lt;b onmouseover" in page  # the title
    assert 'href="javascript:' not in page  # a javascript: URL is shown, not linked
    for url in ("/", "/events", "/documents", "/claims", "/map", "/network"):
        body = client.get(url).text
        assert "<b onmouseover" not in body and "<script>window" not in body and "Probe <b>" not in body


def test_highlighting_escapes_each_piece_and_keeps_overlaps():
    text = "A <b>met</b> B & C."
    marks = [Annotation(0, 12, "e0", "source"), Annotation(2, 12, "e1", "trigger"), Annotation(5, 8, "e0", "target"),
             Annotation(15, 99, "e0", "date"), Annotation(3, 2, "e0", "date"), Annotation(0, 1, "e0", "onclick")]
    html = str(highlight(text, marks))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text
    assert 'data-ann="e0:source e0:target e1:trigger">met</span>' in html  # three annotations on one piece
    assert "onclick" not in html  # roles outside the whitelist are dropped
    rows = [{"evidence_trigger_start": 2, "evidence_trigger_end": 5, **{f"evidence_{r}_{e}": None for r in (
        "source", "target", "date", "location") for e in ("start", "end")}}]
    assert annotations(rows, [{"evidence": {"value": [0, 1], "subject": None}}]) == [
        Annotation(2, 5, "e0", "trigger"), Annotation(0, 1, "c0", "value")]


def test_stories_gather_reports_sources_and_differing_figures(client):
    talks = api(client, "/api/stories/talks-post:0:0")
    assert talks["story"]["num_mentions"] == len(talks["reports"]) == 5
    assert {"Wire One", "Daily Courier", "Global Post"} <= {r["outlet"] for r in talks["reports"]}
    assert sum(r["representative"] for r in talks["reports"]) == 1
    kharkiv = api(client, "/api/stories/strike-wire:0:0")
    assert sorted(f["value"] for f in kharkiv["figures"] if f["category"] == "dead") == [12.0, 15.0]
    page = client.get("/stories/strike-wire:0:0").text
    assert "figures differ" in page and "Daily Courier" in page


def test_timeline_is_the_dyad_series(client, store):
    data = api(client, "/api/timeline?dyad=RUS-UKR&freq=month")
    frame = dyad_series(store.con.cursor(), "RUS-UKR", freq="month")
    assert sum(data["totals"]) == frame["count"].sum()
    assert sum(sum(counts) for counts in data["series"].values()) == frame["count"].sum()
    assert data["periods"] == sorted(data["periods"]) and len(data["rows"]) == len(frame)
    daily = api(client, "/api/timeline?dyad=RUS-UKR&freq=day&raw=true")
    assert len(daily["periods"]) == (dt.date.fromisoformat(daily["periods"][-1]) -
                                     dt.date.fromisoformat(daily["periods"][0])).days + 1  # empty days too
    assert api(client, "/api/timeline?dyad=RUSUKR", status=422)
    assert client.get("/timeline?dyad=RUS-UKR&freq=hour").status_code == 422


def test_network_and_map_count_the_events(client):
    total = api(client, "/api/events")["total"]
    assert total <= 200  # so that one page below holds every event
    network = api(client, "/api/network?limit=2000")
    dyadic = api(client, "/api/events?per_page=200")["events"]
    assert sum(e["events"] for e in network["edges"]) == sum(
        1 for e in dyadic if e["source_country"] and e["target_country"])
    assert {e["source"] for e in network["edges"]} | {e["target"] for e in network["edges"]} == {
        n["id"] for n in network["nodes"]}
    assert "RUS MIL" in {n["id"] for n in network["nodes"]}
    places = api(client, "/api/map")
    assert places["placed_events"] + places["unplaced_events"] == total
    assert sum(p["events"] for p in places["places"]) == places["placed_events"]
    assert "Istanbul" in {p["name"] for p in places["places"]}
    only = api(client, "/api/map?type=COERCE")
    assert 0 < only["placed_events"] < places["placed_events"] and "Minsk" in {p["name"] for p in only["places"]}


def test_claims_side_by_side(client):
    data = api(client, "/api/claims")
    dead = [s for s in data["stories"] if s["story_id"] == "strike-wire:0:0"]
    assert dead and sorted(c["value"] for c in dead[0]["members"]) == [12.0, 15.0]
    assert {c["claimant_text"] for c in dead[0]["members"]} >= {"regional officials"}
    groups = [g for g in data["groups"] if 1351.0 in {c["value"] for c in g["members"]}]
    assert groups and 7000.0 in {c["value"] for c in groups[0]["members"]}  # the Pentagon's "as high as 7,000"
    assert all(c["sentence"] for g in data["groups"] for c in g["members"])
    assert api(client, "/api/claims?category=money")["stories"] == []


def test_read_only_by_default(client, store):
    assert client.post("/upload", data={"text": "x"}).status_code in (404, 405)
    assert client.get("/upload").status_code == 404
    schema = api(client, "/openapi.json")
    assert not [p for p, methods in schema["paths"].items() if set(methods) - {"get"}]
    assert set(schema["paths"]) >= {"/api/events", "/api/documents/{doc_id}", "/api/stories/{story_id}",
                                    "/api/timeline", "/api/network", "/api/map", "/api/claims"}
    assert store.read_only
    with pytest.raises(Exception, match="read-only"):
        store.con.cursor().execute("DELETE FROM events")
    assert store.counts()["events"] == api(client, "/api/events")["total"]


def test_dns_rebinding_is_refused_on_loopback(store):
    local = TestClient(create_app(store, allowed_hosts=["127.0.0.1", "localhost"]), base_url="http://127.0.0.1")
    assert local.get("/").status_code == 200
    assert local.get("/", headers={"host": "attacker.example"}).status_code == 400


@pytest.fixture(scope="module")
def writable(db, tmp_path_factory, coder):
    path = tmp_path_factory.mktemp("upload") / "web.duckdb"
    shutil.copy(db, path)
    with Store.open(path) as store:
        yield TestClient(create_app(store, allow_upload=True, max_upload=20_000, coder=lambda: coder))


def test_upload_codes_stores_and_shows(writable):
    text = "Ukrainian and Polish leaders met in Lviv on Tuesday to discuss refugees."
    response = writable.post("/upload", data={"text": text, "title": "Leaders meet", "pub_date": "2022-04-06"},
                             follow_redirects=False)
    assert response.status_code == 303
    page = writable.get(response.headers["location"])
    assert page.status_code == 200 and "Leaders meet" in page.text and "CONSULT" in page.text
    doc_id = response.headers["location"].removeprefix("/documents/")
    assert api(writable, f"/api/documents/{doc_id}")["events"][0]["date"] == "2022-04-05"
    assert api(writable, "/api/events?name=Poland")["total"] >= 1
    data = writable.post("/api/upload", files={"file": ("two.jsonl", b'{"id": "a", "text": "Russia attacked '
                                                        b'Kyiv on Monday.", "pub_date": "2022-03-01"}\n{"id": "b", '
                                                        b'"text": ""}\n')}).json()
    assert [d["id"] for d in data["documents"]] == ["a"] and data["problems"][0]["reason"] == "missing_text"


def test_uploads_are_refused_with_a_reason(writable):
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    refused = writable.post("/upload", files={"file": ("photo.png", png)})
    assert refused.status_code == 415 and "a PNG image, not text" in refused.text
    assert writable.post("/upload", data={"text": "x" * 20_001}).status_code == 413
    assert writable.post("/upload", files={"file": ("big.txt", b"word " * 5000)}).status_code == 413
    assert writable.post("/upload", data={"text": "   "}).status_code == 400
    assert writable.post("/upload", data={"text": "Russia attacked Kyiv."},
                         headers={"origin": "https://attacker.example"}).status_code == 403
    russian = writable.post("/api/upload", data={"text": "Российские войска обстреляли Харьков в понедельник."})
    assert russian.status_code == 422 and "not 'en'" in russian.json()["detail"]
    assert writable.post("/upload", data={"text": "Russia attacked Kyiv.", "pub_date": "next week"}
                         ).status_code == 422


def test_demo_store_is_built_once_and_cached(tmp_path, coder):
    ids = {getattr(item, "id", None) for item in read_corpus(demo_corpus())}
    assert {"istanbul-talks", "istanbul-talks-report", "talks-wire", "dev-001"} <= ids
    calls = []

    def make():
        calls.append(1)
        return coder

    path = demo_store(make, roots=[tmp_path])
    assert demo_store(make, roots=[tmp_path]) == path and len(calls) == 1
    with Store.open(path, read_only=True) as store:
        counts = store.counts()
    assert counts["documents"] == len(ids) and counts["events"] > 100 and counts["stories"] > 0
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no staging file left behind


def test_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no such store" in result.output
    assert "serve" in CliRunner().invoke(cli_app, ["--help"]).output
