"""Readers: every format by content, the publication-date rules, size cap, bad input, and the `code` command on
a mixed folder (every file accounted for), stdin and --resume. Samples: tests/data/samples (make_samples.py)."""

import bz2
import datetime as dt
import gzip
import io
import json
import lzma
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import DEV, ROOT
from eventcoder.cli import app
from eventcoder.ingest import IngestOptions, Reader, SourceDocument, outcome, read_path
from eventcoder.ingest.language import detect
from eventcoder.ingest.sniff import decompress, sniff
from eventcoder.models import CodingError, Document

SAMPLES = ROOT / "tests" / "data" / "samples"
runner = CliRunner()


def read(path, **options) -> list:
    return list(Reader(IngestOptions(**options)).read_path(Path(path)))


def documents(items) -> list[SourceDocument]:
    return [i for i in items if isinstance(i, Document)]


def reasons(items, kind: str | None = None) -> list[str]:
    return [i.reason for i in items if isinstance(i, CodingError) and (kind is None or outcome(i) == kind)]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# formats ------------------------------------------------------------------------------------------------------


def test_html_page_main_text_title_date_byline():
    [doc] = documents(read(SAMPLES / "istanbul-talks.html"))
    assert doc.id == "istanbul-talks"
    assert doc.title == "Russian and Ukrainian delegations resume talks in Istanbul"
    assert (doc.pub_date, doc.pub_date_source) == (dt.date(2022, 3, 30), "html")
    assert doc.byline == "Ayla Sample" and doc.source == "The Daily Sample"
    assert doc.text.startswith("Russian and Ukrainian delegations resume talks in Istanbul\n\nNegotiators from Russia")
    for junk in ("cookies", "Most read", "All rights reserved", "Weather"):
        assert junk not in doc.text


def test_html_in_a_declared_charset_with_a_dateline():
    items = read(SAMPLES / "minsk-protest.htm")
    [doc] = documents(items)
    assert "Belarus\u2019s opposition" in doc.text and "\ufffd" not in doc.text
    assert "\u201cWe need action, not statements,\u201d" in doc.text
    assert (doc.pub_date, doc.pub_date_source) == (dt.date(2020, 9, 14), "dateline")
    assert reasons(items) == []


def test_rss_items_with_summary_or_content():
    items = read(SAMPLES / "world-news.rss")
    docs = {d.id: d for d in documents(items)}
    assert list(docs) == ["sample-rss-1", "sample-rss-2", "sample-rss-3"]
    first, second, third = docs.values()
    assert first.text.startswith("EU imposes new sanctions on Iran over drone deliveries\n\nThe European Union")
    assert (first.pub_date, first.pub_date_source, first.byline) == (dt.date(2022, 10, 17), "feed", "Sample Desk")
    assert "ring road" in second.text and first.source == "Sample World News"  # content:encoded beats description
    assert third.pub_date is None  # "sometime next week": ignored, with a warning
    assert reasons(items) == ["pub_date_ignored", "no_pub_date", "no_text"]
    assert reasons(items, "skipped") == ["no_text"]


def test_atom_entries():
    docs = documents(read(SAMPLES / "africa-news.atom"))
    assert [(d.id, d.pub_date) for d in docs] == [("urn:example:sample-africa:1", dt.date(2023, 4, 21)),
                                                  ("urn:example:sample-africa:2", dt.date(2023, 7, 30))]
    assert docs[0].text.endswith("killing at least five people.\n\nThe paramilitary group denied the accusation.")
    assert docs[0].byline == "Sample Correspondent" and docs[0].url.endswith("/sudan-hospital")


def test_warc_html_responses():
    items = read(SAMPLES / "crawl.warc.gz")
    docs = documents(items)
    assert [d.url for d in docs] == ["https://news.example.org/world/2022/03/30/istanbul-talks.html",
                                     "https://news.example.org/asia/pakistan-floods"]
    assert (docs[0].pub_date, docs[0].pub_date_source, docs[0].byline) == (dt.date(2022, 3, 30), "html", "Ayla Sample")
    assert (docs[1].pub_date, docs[1].pub_date_source) == (dt.date(2022, 8, 31), "capture")
    assert reasons(items) == ["capture_date", "http_status", "not_html"]  # warcinfo and request: not documents
    assert reasons(items, "failed") == []


def test_gzipped_jsonl_including_an_html_record():
    docs = documents(read(SAMPLES / "articles.jsonl.gz"))
    assert [d.id for d in docs] == ["kenya-haiti", "china-taiwan-arms", "html-record"]
    assert docs[0].title == "Kenya offers police for Haiti" and docs[0].pub_date_source == "record"
    assert docs[2].text.startswith("Seoul and Tokyo agree to talks\n\nSouth Korea and Japan agreed on Thursday")
    assert docs[2].pub_date == dt.date(2023, 3, 16)


def test_format_is_told_by_content_not_name(tmp_path):
    shutil.copy(SAMPLES / "crawl.warc.gz", tmp_path / "crawl.bin")
    shutil.copy(SAMPLES / "world-news.rss", tmp_path / "feed")
    shutil.copy(SAMPLES / "istanbul-talks.html", tmp_path / "page.txt")
    write(tmp_path / "records", json.dumps({"id": "r1", "text": "Police arrested two activists."}) + "\n")
    write(tmp_path / "article", gzip.compress((ROOT / "examples" / "istanbul-talks.txt").read_bytes()))
    write(tmp_path / "brace.txt", "{Breaking} Police arrested two activists in Minsk on Monday.\n")
    ids = [d.id for d in documents(read(tmp_path))]
    assert ids == ["article", "brace",
                   "https://news.example.org/world/2022/03/30/istanbul-talks.html",
                   "https://news.example.org/asia/pakistan-floods",
                   "sample-rss-1", "sample-rss-2", "sample-rss-3", "page", "r1"]


@pytest.mark.parametrize(("head", "kind"), [
    (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n\x00", "warc"), (b'{"id": 1}\n{"id": 2}\n', "jsonl"),
    (b"[{}]", "json"), (b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed"), (b"<feed xmlns='x'>", "feed"),
    (b"<!DOCTYPE html><html>", "html"), (b"<p>Police arrested</p>", "html"), (b"<?xml version='1.0'?><doc/>", "xml"),
    (b"%PDF-1.7", "binary"), (b"abc\x00def", "binary"), (b"Plain news text.", "text"), (b"<3 Kyiv", "text"),
])
def test_sniff(head, kind):
    assert sniff(head, []) == kind


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress, lzma.compress])
def test_compressed_streams_in_several_members(compress):
    stream, info = decompress(io.BytesIO(compress(b"first line\n") + compress(b"second line\n")))
    assert stream.read() == b"first line\nsecond line\n" and not info.truncated


def test_folders_are_read_recursively_with_relative_ids_hidden_files_skipped(tmp_path):
    write(tmp_path / "a" / "b" / "story.txt", "Police arrested two activists in Minsk.")
    write(tmp_path / "a" / "story.txt", "Russian troops shelled Kharkiv.")
    write(tmp_path / ".DS_Store", b"\x00\x01binary")
    write(tmp_path / ".git" / "config", "[core]")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")  # a loop
    items = read(tmp_path, pub_date=dt.date(2022, 3, 30))
    assert [d.id for d in documents(items)] == ["a/story", "a/b/story"]
    assert reasons(items) == ["hidden", "hidden", "duplicate"]
    assert reasons(items, "skipped") == ["hidden", "hidden", "duplicate"]


# publication dates ------------------------------------------------------------------------------------------


def test_pub_date_order_record_then_page_then_dateline_then_default(tmp_path):
    default = dt.date(2021, 1, 1)
    page = write(tmp_path / "page.html", "<html><head><meta property='article:published_time' content='2022-05-02'>"
                                         "</head><body><article><p>2 March 2022</p><p>Police arrested two activists "
                                         "in Minsk on Monday, the opposition said.</p></article></body></html>")
    dated = write(tmp_path / "dated.txt", "Headline\n\nPublished: 3 April 2022\n\nPolice arrested two activists.")
    plain = write(tmp_path / "plain.txt", "Police arrested two activists on Monday.")
    record = write(tmp_path / "r.jsonl", json.dumps({"id": "r", "text": "30 March 2022\n\nPolice arrested them.",
                                                     "pub_date": "2022-04-01T10:00:00Z"}) + "\n")
    found = {d.id: (d.pub_date, d.pub_date_source)
             for p in (page, dated, plain, record) for d in documents(read(p, pub_date=default))}
    assert found == {"page": (dt.date(2022, 5, 2), "html"), "dated": (dt.date(2022, 4, 3), "dateline"),
                     "plain": (default, "default"), "r": (dt.date(2022, 4, 1), "record")}


def test_no_date_is_unknown_with_a_warning_never_today(tmp_path):
    page = write(tmp_path / "page.html", "<html><body><article><p>Police arrested two activists in Minsk on "
                                         "Monday, the opposition said.</p></article></body></html>")
    items = read(page)
    [doc] = documents(items)
    assert doc.pub_date is None and reasons(items, "warning") == ["no_pub_date"]


def test_future_dates(tmp_path):
    future = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    page = write(tmp_path / "page.html", f"<html><head><meta property='article:published_time' content='{future}'>"
                                         "</head><body><article><p>Police arrested two activists in Minsk on Monday, "
                                         "the opposition said.</p></article></body></html>")
    [doc] = documents(read(page, pub_date=dt.date(2022, 3, 30)))
    assert doc.pub_date == dt.date(2022, 3, 30)  # the page's future date is not believed
    batch = write(tmp_path / "b.jsonl", json.dumps({"id": "f", "text": "Police arrested two.", "pub_date": future}))
    assert reasons(read(batch), "failed") == ["future_pub_date"]


def test_pub_date_in_the_future_is_refused_by_the_command(tmp_path):
    result = runner.invoke(app, ["code", str(SAMPLES / "belarus-detentions.txt"), "--pub-date", "2999-01-01"])
    assert result.exit_code == 2 and "future" in result.output


# bad input ---------------------------------------------------------------------------------------------------


def test_binary_empty_and_whitespace_files(tmp_path):
    write(tmp_path / "blank.txt", "  \n\n\t ")
    items = read(SAMPLES / "binary.dat") + read(SAMPLES / "empty.txt") + read(tmp_path / "blank.txt")
    assert reasons(items) == ["binary", "empty", "empty"]
    assert [outcome(i) for i in items] == ["failed", "skipped", "skipped"]
    assert "a PNG image" in items[0].message


def test_a_latin1_file_is_decoded_in_the_detected_encoding_with_a_warning():
    items = read(SAMPLES / "latin1-article.txt", pub_date=dt.date(2020, 10, 30))
    [doc] = documents(items)
    assert "Café de la Gare" in doc.text and "\ufffd" not in doc.text
    assert reasons(items) == ["detected_encoding"] and "decoded as cp125" in items[0].message


def test_utf8_text_with_a_few_broken_bytes_keeps_its_utf8_and_replaces_only_those(tmp_path):
    path = write(tmp_path / "mixed.txt", "Talks in Kyiv – the Besan".encode() + b"\xe7on round \xe2\x80\x94 ended.")
    items = read(path, pub_date=dt.date(2020, 10, 30))
    [doc] = documents(items)
    assert doc.text == "Talks in Kyiv – the Besan\ufffdon round — ended."
    assert reasons(items) == ["invalid_utf8"]


def test_lone_surrogates_from_json_escapes(tmp_path):
    batch = write(tmp_path / "s.jsonl", '{"id": "s\\ud800", "text": "Police \\udc00 arrested two activists.", '
                                        '"pub_date": "2022-03-30"}\n')
    items = read(batch)
    [doc] = documents(items)
    assert doc.id == "s\ufffd" and doc.text == "Police \ufffd arrested two activists."
    assert reasons(items) == ["invalid_unicode"]


def test_truncated_gzip_keeps_the_complete_lines():
    items = read(SAMPLES / "truncated.jsonl.gz")
    docs = documents(items)
    assert [d.id for d in docs] == ["kenya-haiti-0"]
    assert reasons(items) == ["truncated"] and outcome(items[-1]) == "failed"
    assert f"the {len(docs)} line(s) before were read" in items[-1].message


def test_truncated_single_document_and_warc(tmp_path):
    text = gzip.compress((ROOT / "examples" / "istanbul-talks.txt").read_bytes() * 20)
    write(tmp_path / "a.txt.gz", text[: len(text) // 2])
    warc = (SAMPLES / "crawl.warc.gz").read_bytes()
    write(tmp_path / "c.warc.gz", warc[:-700])
    assert reasons(read(tmp_path / "a.txt.gz")) == ["truncated"]
    items = read(tmp_path / "c.warc.gz")
    assert reasons(items, "failed") == ["truncated"]
    assert [d.id for d in documents(items)] == ["https://news.example.org/world/2022/03/30/istanbul-talks.html"]


def test_bad_jsonl_records_are_named():
    items = read(SAMPLES / "bad-records.jsonl")
    assert [d.id for d in documents(items)] == ["un-pakistan-floods"]
    assert [(i.doc.rsplit("/", 1)[-1], i.reason) for i in items if isinstance(i, CodingError)] == [
        ("bad-records.jsonl:2", "invalid_json"), ("no-text", "missing_text"), ("future-date", "future_pub_date"),
        ("bad-date", "bad_pub_date"), ("bad-records.jsonl:6", "not_an_object")]


def test_a_50_mb_document_is_refused_quickly(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("w") as fh:
        for _ in range(50):
            fh.write("Police arrested two activists in Minsk on Monday. " * 20_000 + "\n")
    assert big.stat().st_size > 50_000_000
    start = time.perf_counter()
    items = read(big)
    assert reasons(items) == ["too_large"] and "--max-chars" in items[0].message
    assert time.perf_counter() - start < 5


def test_size_cap_applies_per_document(tmp_path):
    batch = write(tmp_path / "b.jsonl", "\n".join(json.dumps({"id": f"d{n}", "text": "Police arrested them. " * n})
                                                  for n in (1, 100, 2)) + "\n")
    items = read(batch, max_chars=1000, pub_date=dt.date(2022, 3, 30))
    assert [d.id for d in documents(items)] == ["d1", "d2"]
    assert [(i.doc, i.reason) for i in items if isinstance(i, CodingError)] == [("d100", "too_large")]
    long_line = write(tmp_path / "long.jsonl", json.dumps({"id": "x", "text": "a " * 10_000}) + "\n"
                      + json.dumps({"id": "y", "text": "Police arrested them."}) + "\n")
    items = read(long_line, max_chars=500, pub_date=dt.date(2022, 3, 30))
    assert reasons(items) == ["too_large"] and [d.id for d in documents(items)] == ["y"]


def test_duplicate_ids(tmp_path):
    same = {"id": "a", "text": "Police arrested two activists."}
    rows = [same, same, {"id": "a", "text": "Russian troops shelled Kharkiv."}]
    batch = write(tmp_path / "d.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    items = read(batch, pub_date=dt.date(2022, 3, 30))
    assert [d.id for d in documents(items)] == ["a", "a~2"]
    assert reasons(items) == ["duplicate", "duplicate_id"]


# language ------------------------------------------------------------------------------------------------------


def test_non_english_is_skipped_english_and_unsure_texts_are_kept():
    items = read(SAMPLES / "manifestation-paris.txt")
    assert reasons(items, "skipped") == ["language"] and "'fr'" in items[0].message
    assert documents(read(SAMPLES / "manifestation-paris.txt", language=None))
    for english in ("Police arrested two activists.", "Gunmen kidnapped 24 students from a school in Kebbi state on "
                    "Thursday, police said.", "UN: 3,000 killed in Sudan fighting since April",
                    (ROOT / "examples" / "istanbul-talks.txt").read_text()):
        assert detect(english) == (None, 0.0), english
    for unsure in ("1234 5678 9999", '"' * 300, "Kyiv", ""):
        assert detect(unsure) == (None, 0.0)
    for other, code in (("Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen.", "de"),
                        ("Переговоры России и Украины прошли во вторник в Стамбуле при посредничестве Турции.", "ru"),
                        ("El gobierno de México anunció el lunes nuevas medidas contra el crimen organizado.", "es")):
        assert detect(other)[0] == code


def test_language_detection_is_fast_on_long_texts():
    text = (ROOT / "examples" / "istanbul-talks.txt").read_text() * 500
    detect(text)
    start = time.perf_counter()
    for _ in range(100):
        detect(text)
    assert time.perf_counter() - start < 2


def test_dev_set_documents_all_pass_ingest():
    items = list(read_path(DEV))
    assert all(isinstance(i, Document) for i in items) and len(items) == 60


# the code command ----------------------------------------------------------------------------------------------

# Every file of the mixed sample folder, and what becomes of it: documents coded, or the reasons it is named with.
EXPECTED = {
    "africa-news.atom": {"coded": 2},
    "articles.jsonl.gz": {"coded": 3},
    "bad-records.jsonl": {"coded": 1, "failed": ["invalid_json", "missing_text", "future_pub_date", "bad_pub_date",
                                                 "not_an_object"]},
    "belarus-detentions.txt": {"coded": 1},
    "binary.dat": {"failed": ["binary"]},
    "crawl.warc.gz": {"coded": 2, "skipped": ["http_status", "not_html"], "warning": ["capture_date"]},
    "empty.txt": {"skipped": ["empty"]},
    "istanbul-talks.html": {"coded": 1},
    "latin1-article.txt": {"coded": 1, "warning": ["detected_encoding", "no_pub_date"]},
    "manifestation-paris.txt": {"skipped": ["language"]},
    "minsk-protest.htm": {"coded": 1},
    "nested/sudan-talks.txt": {"coded": 1, "warning": ["no_pub_date"]},
    "truncated.jsonl.gz": {"coded": 1, "failed": ["truncated"]},  # the one complete line before the cut
    "world-news.rss": {"coded": 3, "skipped": ["no_text"], "warning": ["pub_date_ignored", "no_pub_date"]},
}


def test_mixed_folder_every_file_accounted_for(tmp_path):
    assert {p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*") if p.is_file()} == set(EXPECTED)
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["code", str(SAMPLES), "-o", str(out)])
    assert result.exit_code == 1, result.output  # some files failed
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert all(set(e) == {"doc", "stage", "reason", "message", "outcome"} for e in errors)
    for name, expected in EXPECTED.items():
        mine = [e for e in errors if str(SAMPLES / name) in e["message"]]
        for kind in ("failed", "skipped", "warning"):
            assert [e["reason"] for e in mine if e["outcome"] == kind] == expected.get(kind, []), (name, kind)
    coded = sum(e.get("coded", 0) for e in EXPECTED.values())
    skipped = sum(len(e.get("skipped", [])) for e in EXPECTED.values())
    failed = sum(len(e.get("failed", [])) for e in EXPECTED.values())
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith(f"{coded} coded (") and f"{skipped} skipped (" in summary
    assert f"{failed} failed (" in summary and "language: 1" in summary
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert {"istanbul-talks", "https://news.example.org/world/2022/03/30/istanbul-talks.html", "sample-rss-2",
            "urn:example:sample-africa:1", "minsk-protest"} <= {e["doc_id"] for e in events}
    assert len((tmp_path / "events.jsonl.done").read_text().splitlines()) == coded


def test_only_skips_exit_zero_with_custom_errors_path(tmp_path):
    errors = tmp_path / "log" / "problems.jsonl"
    errors.parent.mkdir()
    result = runner.invoke(app, ["code", str(SAMPLES / "manifestation-paris.txt"), str(SAMPLES / "empty.txt"),
                                 "-o", str(tmp_path / "e.jsonl"), "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith(
        "0 coded (0 events), 2 skipped (empty: 1, language: 1), 0 failed")
    assert [json.loads(line)["reason"] for line in errors.read_text().splitlines()] == ["language", "empty"]
    assert not (tmp_path / "errors.jsonl").exists()


def test_output_inside_the_folder_being_read_is_not_read(tmp_path):
    folder = tmp_path / "in"
    write(folder / "a.txt", "Russian troops shelled Kharkiv on Monday.")
    for _ in range(2):
        result = runner.invoke(app, ["code", str(folder), "-o", str(folder / "events.jsonl"), "--pub-date",
                                     "2022-03-30"])
        assert result.exit_code == 0, result.output
        assert result.output.strip().splitlines()[-1].startswith("1 coded")


@pytest.mark.parametrize(("data", "doc_id"), [
    ((SAMPLES / "istanbul-talks.html").read_bytes(), "stdin"),
    (json.dumps({"id": "j1", "text": "Russian troops shelled Kharkiv on Monday."}).encode() + b"\n", "j1"),
    ((SAMPLES / "world-news.rss").read_bytes(), "sample-rss-1"),
    (gzip.compress(b"Russian troops shelled Kharkiv on Monday.", mtime=0), "stdin"),
], ids=["html", "jsonl", "rss", "gzip-text"])
def test_stdin_formats(data, doc_id):
    result = subprocess.run([sys.executable, "-m", "eventcoder", "code", "-", "--pub-date", "2022-03-30"],
                            input=data, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["doc_id"] == doc_id


def test_resume_after_a_crash(tmp_path):
    sentences = ["Russian troops shelled Kharkiv on Monday.", "Police arrested two activists in Minsk on Sunday.",
                 "The weather was mild.", "Biden called Putin a butcher on Saturday."]
    batch = write(tmp_path / "in.jsonl", "".join(json.dumps({"id": f"d{n}", "text": sentences[n % 4],
                                                             "pub_date": "2022-03-30"}) + "\n" for n in range(12)))
    out, done = tmp_path / "out.jsonl", tmp_path / "out.jsonl.done"
    assert runner.invoke(app, ["code", str(batch), "-o", str(out)]).exit_code == 0
    complete = out.read_text()
    per_doc = {}
    for line in complete.splitlines():
        per_doc.setdefault(json.loads(line)["doc_id"], []).append(line)
    # a run killed mid-way: six documents checkpointed, events of the next half-written
    out.write_text(complete[: complete.index('"d7"') + 40])
    done.write_text("".join(f'"d{n}"\n' for n in range(6)) + '"d')
    result = runner.invoke(app, ["code", str(batch), "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.output
    assert "6 coded" in result.output and "6 already in" in result.output
    assert sorted(out.read_text().splitlines()) == sorted(complete.splitlines())
    # again: nothing left to do, documents without events included
    result = runner.invoke(app, ["code", str(batch), "-o", str(out), "--resume"])
    assert result.output.strip().splitlines()[-1].startswith("0 coded") and "12 already in" in result.output
    # an output without its .done file: the ids in it count, but for the last one, which may be incomplete
    done.unlink()
    result = runner.invoke(app, ["code", str(batch), "-o", str(out), "--resume"])
    coded_again = 12 - (len(per_doc) - 1)
    assert result.output.strip().splitlines()[-1].startswith(f"{coded_again} coded")
    assert sorted(out.read_text().splitlines()) == sorted(complete.splitlines())


def test_resume_needs_an_output_file():
    result = runner.invoke(app, ["code", str(SAMPLES / "belarus-detentions.txt"), "--resume"])
    assert result.exit_code == 2


def test_unknown_language_code_is_refused():
    result = runner.invoke(app, ["code", str(SAMPLES / "belarus-detentions.txt"), "--language", "english"])
    assert result.exit_code == 2 and "language" in result.output


def test_the_bad_input_folder_codes_every_entry_or_names_why_not(tmp_path):
    from data.make_samples import BAD_FOLDER, bad_input_folder

    folder = bad_input_folder(tmp_path / "bad")
    out = tmp_path / "out" / "events.jsonl"
    result = CliRunner().invoke(app, ["code", str(folder), "-o", str(out), "--pub-date", "2023-01-02"])
    assert result.exit_code == 1, result.output  # binary and broken inputs are failures; the batch went on
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    coded = [json.loads(line) for line in out.with_name("events.jsonl.done").read_text().splitlines()]
    expected_coded = [name for name, what in BAD_FOLDER.items() for w in ([what] if isinstance(what, str) else what)
                      if w == "coded"]
    assert len(coded) == len(expected_coded)
    named = {Path(e["doc"].split(":")[0]).name: e["reason"] for e in errors if e["outcome"] != "warning"}
    for name, what in BAD_FOLDER.items():
        for outcome_ in ([what] if isinstance(what, str) else what):
            if outcome_ != "coded":
                assert named.get(name) == outcome_ or named.get(Path(name).stem) == outcome_, (name, named)
    warnings = {e["reason"] for e in errors if e["outcome"] == "warning"}
    assert "detected_encoding" in warnings
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert all(len(e["sentence"]) <= 602 for e in events)
    latin = next(e for e in events if e["doc_id"] == "latin1")
    assert "Besançon" in latin["sentence"] and latin["location"]["country"] == "FRA"
