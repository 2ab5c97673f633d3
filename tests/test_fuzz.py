"""Fuzzing: random and adversarial text and bytes through reading, the whole pipeline and the `code` command.
Nothing may crash or hang, and every document must be accounted for (coded, skipped or failed by name).

Kept fast (a few tens of small examples each, well under a minute in all). Under CI the examples are
derandomized, so that a run is repeatable; locally each run draws new ones. For a longer hunt, multiply the
number of examples: EVENTCODER_FUZZ_SCALE=20 pytest tests/test_fuzz.py
"""

import bz2
import gzip
import json
import os
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventcoder.cli import _code_batches, app
from eventcoder.ingest import IngestOptions, Reader, outcome
from eventcoder.models import CodingError, Document

SCALE = max(1, int(os.environ.get("EVENTCODER_FUZZ_SCALE", "1")))
FUZZ = settings(max_examples=30 * SCALE, deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])

WORDS = ["Russia", "Ukraine", "Biden", "Putin", "the Kremlin", "NATO", "police", "troops", "protesters", "said",
         "attacked", "met", "arrested", "accused", "condemned", "agreed", "talks", "in", "Kyiv", "on", "Monday",
         "30 March 2022", "yesterday", "not", "would", "may", "according to", "and", ",", ".", '"', "'", "(", ")",
         "\n\n", "-", "U.S.", "E.U.", "1,351", "killed", "butcher", "called", "\u201c", "\u201d", "Mr.", "Dr."]
news = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)
unicode_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
controls = st.text(st.sampled_from([chr(c) for c in range(32)] + ["\x7f", "\u200b", "\u202e", "\ufeff", "a", " "]),
                   max_size=200)
adversarial = st.one_of(
    st.integers(1, 2000).map(lambda n: '"' * n),
    st.integers(1, 1500).map(lambda n: " ".join(str(i * 7919) for i in range(n))),
    st.integers(1, 60_000).map(lambda n: "x" * n),
    st.integers(1, 2000).map(lambda n: "Kyiv" * n),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=200).map(lambda ws: '"' + '" "'.join(ws) + '"'),
    st.integers(1, 3000).map(lambda n: "\n" * n + "Russian troops shelled Kharkiv."),
    st.integers(1, 500).map(lambda n: "(" * n + "Police arrested two activists" + ")" * n),
    st.integers(1, 300).map(lambda n: "\U0001F1FA\U0001F1E6\U0001F4A3" * n),
)
texts = st.one_of(news, unicode_text, controls, adversarial,
                  st.tuples(news, unicode_text, news).map("".join))


def _final(items) -> dict[str, str]:
    """What became of each document: coded, or the outcome of its error (warnings are not outcomes)."""
    return {(i.id if isinstance(i, Document) else i.doc): ("read" if isinstance(i, Document) else outcome(i))
            for i in items if isinstance(i, Document) or outcome(i) != "warning"}


@FUZZ
@given(batch=st.lists(texts, min_size=1, max_size=4), ascii_json=st.booleans())
def test_random_documents_through_reading_and_coding(coder, tmp_path_factory, batch, ascii_json):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "batch.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": text, "pub_date": "2022-03-30"},
                                       ensure_ascii=ascii_json) + "\n" for n, text in enumerate(batch)),
                    encoding="utf-8", errors="surrogatepass")
    items = list(Reader(IngestOptions(max_chars=100_000)).read_path(path))
    final = _final(items)
    assert len(final) == len(batch) and all(isinstance(i, Document | CodingError) for i in items)
    assert not [i for i in items if isinstance(i, CodingError) and i.reason == "internal_error"], items

    coded, errors = {}, []
    _code_batches(coder, items, lambda r: coded.setdefault(r.document.id, r), errors.append, batch=2)
    accounted = set(coded) | {e.doc for e in errors if outcome(e) != "warning"}
    assert accounted == {f"d{n}" for n in range(len(batch))}
    assert not [e for e in errors if e.stage == "coding"], "the pipeline raised"
    for result in coded.values():
        size = len(result.document.text)
        for event in result.events:
            assert event.doc_id == result.document.id
            spans = [s for s in (event.evidence.trigger, event.evidence.source, event.evidence.target) if s]
            assert all(0 <= a <= b <= size for a, b in spans), (event.event_id, spans, size)
            json.dumps(event.model_dump(mode="json"), ensure_ascii=False).encode("utf-8")  # writable


PREFIXES = [b"", b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n", b"{", b'{"id": 1, "text": "', b"[", b"<?xml version='1.0'?>",
            b"<rss version='2.0'><channel><item><description>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
            b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"BZh91AY&SY", b"%PDF-1.4", b"\x00"]


@settings(FUZZ, max_examples=60 * SCALE)
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=3000),
       wrap=st.sampled_from(["raw", "gzip", "gzip-cut", "bzip2"]), name=st.sampled_from(["f", "f.txt", "f.jsonl.gz",
                                                                                         "f.html", "f.warc.gz"]))
def test_random_bytes_never_break_reading(tmp_path_factory, prefix, body, wrap, name):
    data = prefix + body
    if wrap.startswith("gzip"):
        data = gzip.compress(data, mtime=0)
        data = data[: len(data) // 2] if wrap == "gzip-cut" else data
    elif wrap == "bzip2":
        data = bz2.compress(data)
    path = tmp_path_factory.mktemp("bytes") / name
    path.write_bytes(data)
    items = list(Reader(IngestOptions(max_chars=20_000)).read_path(path))
    assert items and all(isinstance(i, Document | CodingError) for i in items)
    assert not [i for i in items if isinstance(i, CodingError) and i.reason == "internal_error"], items
    for item in items:
        if isinstance(item, Document):
            assert item.text.strip() and len(item.text) <= 20_000
            item.model_dump_json().encode("utf-8")
        else:
            json.dumps(item.model_dump(), ensure_ascii=False).encode("utf-8")
    if wrap == "gzip-cut":  # cut short: named as such, unless the part read was already unreadable (binary)
        assert any(isinstance(i, CodingError) and outcome(i) == "failed" for i in items), items


file_texts = st.one_of(news, unicode_text, controls, st.text(string.printable, max_size=500),
                       st.integers(1, 800).map(lambda n: '"' * n))


@settings(FUZZ, max_examples=6 * SCALE)
@given(files=st.lists(st.tuples(file_texts, st.sampled_from(["utf-8", "latin-1", "utf-16"])), min_size=1,
                      max_size=4))
def test_random_folders_through_the_command(tmp_path_factory, files):
    work = tmp_path_factory.mktemp("run")
    folder = work / "in"
    folder.mkdir()
    for n, (text, encoding) in enumerate(files):
        (folder / f"doc{n}.txt").write_bytes(text.encode(encoding, errors="replace"))
    result = CliRunner().invoke(app, ["code", str(folder), "-o", str(work / "events.jsonl"), "--pub-date",
                                      "2022-03-30"])
    assert result.exit_code in (0, 1), result.output
    errors_file = work / "errors.jsonl"
    errors = [json.loads(line) for line in errors_file.read_text().splitlines()] if errors_file.exists() else []
    summary = result.output.strip().splitlines()[-1]
    coded = int(summary.split(" coded")[0])
    skipped = int(summary.split(" skipped")[0].rsplit(" ", 1)[-1])
    failed = int(summary.split(" failed")[0].rsplit(" ", 1)[-1])
    assert coded + skipped + failed == len(files), summary
    assert failed == sum(e["outcome"] == "failed" for e in errors)
    assert (result.exit_code == 1) == (failed > 0)
    assert not [e for e in errors if e["stage"] == "coding"], errors


# What a folder may hold besides files: every kind of entry must be accounted for, none opened and waited on.
ENTRY_KINDS = ["text", "symlink_loop", "broken_link", "fifo", "link_to_root", "hidden", "empty", "nested"]


def _make_entry(folder, root, n, kind, text):
    """Make one entry; returns how many outcomes it accounts for in the summary."""
    name = f"e{n}"
    if kind == "text":
        (folder / f"{name}.txt").write_text(text or "x", encoding="utf-8", errors="replace")
    elif kind == "symlink_loop":
        (folder / f"{name}a").symlink_to(folder / f"{name}b")
        (folder / f"{name}b").symlink_to(folder / f"{name}a")
        return 2
    elif kind == "broken_link":
        (folder / name).symlink_to(folder / "does-not-exist")
    elif kind == "fifo":
        os.mkfifo(folder / name)
    elif kind == "link_to_root":
        (folder / name).symlink_to(root, target_is_directory=True)
    elif kind == "hidden":
        (folder / f".{name}").write_text("hidden")
    elif kind == "empty":
        (folder / f"{name}.txt").write_bytes(b"")
    else:
        sub = folder / name
        sub.mkdir()
        (sub / "inner.txt").write_text(text or "x", encoding="utf-8", errors="replace")
    return 1


@settings(FUZZ, max_examples=8 * SCALE)
@given(entries=st.lists(st.tuples(st.sampled_from(ENTRY_KINDS), news), min_size=1, max_size=8))
def test_random_folder_entries_are_each_accounted_for(tmp_path_factory, entries):
    work = tmp_path_factory.mktemp("entries")
    folder = work / "in"
    folder.mkdir()
    expected = sum(_make_entry(folder, folder, n, kind, text) for n, (kind, text) in enumerate(entries))
    result = CliRunner().invoke(app, ["code", str(folder), "-o", str(work / "out" / "events.jsonl"), "--pub-date",
                                      "2022-03-30"])
    assert result.exit_code in (0, 1), result.output
    summary = result.output.strip().splitlines()[-1]
    coded = int(summary.split(" coded")[0])
    skipped = int(summary.split(" skipped")[0].rsplit(" ", 1)[-1])
    failed = int(summary.split(" failed")[0].rsplit(" ", 1)[-1])
    assert coded + skipped + failed == expected, (summary, entries)
    assert failed == 0 or "internal_error" not in summary
