"""`eventcoder code -o DIR [--workers N]`: partitions, Dask workers, resuming after a kill, errors, --retry-errors.

The reference everywhere is a single-process `eventcoder code -o file.jsonl` run over the same inputs: a
partitioned job must give the same bytes."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from conftest import DATA, DEV, GOLD, ROOT
from eventcoder.cli import app
from eventcoder.distributed import PlanError, plan_inputs, record_line
from eventcoder.ingest import IngestOptions

runner = CliRunner()
SAMPLES = DATA / "samples"


def single_process(tmp_path, inputs, records="events"):
    """The reference: today's single-process command into one file."""
    out = tmp_path / "single" / "events.jsonl"
    result = runner.invoke(app, ["code", *map(str, inputs), "-o", str(out), "--records", records])
    assert result.exit_code in (0, 1), result.output
    return out.parent


def same_files(folder, reference, names=("events.jsonl", "errors.jsonl")):
    for name in names:
        assert (folder / name).read_bytes() == (reference / name).read_bytes(), name


def statuses(out):
    return [p["status"] for p in json.loads((out / "manifest.json").read_text())["partitions"]]


# partitioning (no coding) -------------------------------------------------------------------------------------------


def test_large_files_are_cut_at_line_and_record_boundaries_with_stable_ids(tmp_path):
    lines = [json.dumps({"id": f"d{i}", "text": f"Police arrested {i} protesters in Minsk."}) for i in range(25)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    warc = tmp_path / "crawl.warc"  # the sample crawl, uncompressed: records are cut at their own offsets
    warc.write_bytes(subprocess.run(["gzip", "-dc", str(SAMPLES / "crawl.warc.gz")], capture_output=True,
                                    check=True).stdout)
    options = IngestOptions()
    plan = plan_inputs([str(corpus), str(warc), str(SAMPLES / "crawl.warc.gz")], options, partition_size=10)
    jsonl = [p.sources[0] for p in plan[:3]]
    assert [(s.kind, s.first) for s in jsonl] == [("jsonl", 0), ("jsonl", 10), ("jsonl", 20)]
    data = corpus.read_bytes()
    assert all(data[s.start - 1:s.start] == b"\n" for s in jsonl[1:]) and jsonl[-1].end == len(data)
    assert [p.estimate for p in plan[:3]] == [10, 10, 5]
    small = plan_inputs([str(warc), str(SAMPLES / "crawl.warc.gz")], options, partition_size=2)
    assert [(p.sources[0].kind, p.sources[0].first, p.estimate) for p in small] == [
        ("warc", 0, 2), ("warc", 2, 2), ("warc", 0, 2), ("warc", 2, 2)]  # 4 responses each, gzip per record
    assert [p.id for p in plan_inputs([str(corpus)], options, 10)] == [p.id for p in plan[:3]]  # stable
    corpus.write_text("\n".join(lines[:-1]) + "\n")
    assert not {p.id for p in plan_inputs([str(corpus)], options, 10)} & {p.id for p in plan[:3]}  # changed file


def test_folder_walk_reports_what_it_skips_and_never_reads_the_output(tmp_path):
    folder = tmp_path / "in"
    (folder / "out").mkdir(parents=True)
    (folder / "a.txt").write_text("Police arrested two activists in Minsk on Monday.")
    (folder / "out" / "events.jsonl").write_text('{"id": "x", "text": "not an input"}\n')
    (folder / ".hidden.txt").write_text("hidden")
    os.mkfifo(folder / "pipe")
    plan = plan_inputs([str(folder)], IngestOptions(), exclude_dirs=[folder / "out"])
    sources = [s for p in plan for s in p.sources]
    assert [(s.kind, s.error["reason"] if s.error else s.doc_id) for s in sources] == [
        ("error", "hidden"), ("file", "a"), ("error", "special_file")]
    with pytest.raises(PlanError, match="not a regular file"):
        plan_inputs([str(folder / "pipe")], IngestOptions())
    with pytest.raises(PlanError, match="stdin"):
        plan_inputs(["-"], IngestOptions())


# in this process -----------------------------------------------------------------------------------------------------


def test_folder_job_matches_one_process_with_duplicates_claims_and_parquet(tmp_path):
    # the sample HTML and the example text share the id "istanbul-talks" (renamed ~2), the sample crawl is given
    # twice (every page a duplicate): ids are decided across partitions as one reader decides them
    inputs = [SAMPLES, ROOT / "examples", SAMPLES / "crawl.warc.gz", DEV]
    reference = single_process(tmp_path, inputs, "events,claims")
    out = tmp_path / "job"
    args = ["code", *map(str, inputs), "-o", f"{out}/", "--records", "events,claims", "--partition-size", "3"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output  # the samples hold failures
    same_files(out, reference, ("events.jsonl", "claims.jsonl", "errors.jsonl"))
    assert "duplicate_id: 1" in result.output and "duplicate: 2" in result.output
    assert set(statuses(out)) == {"done"} and len(statuses(out)) > 10

    parquet = tmp_path / "parquet"
    result = runner.invoke(app, [*args[:-6], "-o", f"{parquet}/", "--records", "events,claims", "--format",
                                 "parquet", "--partition-size", "3"])
    assert result.exit_code == 1, result.output
    import pyarrow.parquet as pq

    from eventcoder.store import row_event

    rows = pq.read_table(parquet / "events.parquet").to_pylist()
    assert "".join(record_line(row_event(row)) + "\n" for row in rows) == (reference / "events.jsonl").read_text()
    claims = pq.read_table(parquet / "claims.parquet").to_pylist()
    expected = [json.loads(line) for line in (reference / "claims.jsonl").read_text().splitlines()]
    assert [(c["claim_id"], c["group_id"], c["conflicts_with"]) for c in claims] == [
        (c["claim_id"], c["group_id"], c["conflicts_with"]) for c in expected]


def test_retry_errors_codes_again_the_partitions_that_had_failures(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Russian forces shelled Kharkiv on Monday.")
    (folder / "b-broken.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    records = folder / "c-records.jsonl"
    good = '{"id": "late", "text": "Police arrested two activists in Minsk.", "pub_date": "2022-03-30"}\n'
    records.write_text(good.replace("2022-03-30", "2022-13-30"))  # a bad date of the same length
    out = tmp_path / "out"
    command = ["code", str(folder), "-o", f"{out}/", "--partition-size", "1", "--pub-date", "2022-03-28"]
    first = runner.invoke(app, command)
    assert first.exit_code == 1, first.output
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["doc"], e["stage"], e["reason"], e["outcome"]) for e in errors] == [
        (str(folder / "b-broken.dat"), "ingest", "binary", "failed"), ("late", "ingest", "bad_pub_date", "failed")]
    # the date is put right in place: same size, same modification time, so the same partition
    stat = records.stat()
    records.write_text(good)
    os.utime(records, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = runner.invoke(app, command)
    # finished partitions are kept as they are, failures and all
    assert again.exit_code == 1 and again.output.startswith("0 coded (0 events), 0 skipped, 2 failed"), again.output
    assert "1 already in" in again.output and "bad_pub_date" in (out / "errors.jsonl").read_text()
    retried = runner.invoke(app, [*command, "--retry-errors"])
    assert retried.exit_code == 1, retried.output  # the PNG is still not text
    assert "bad_pub_date" not in (out / "errors.jsonl").read_text()
    assert "binary" in (out / "errors.jsonl").read_text()
    assert '"doc_id": "late"' in (out / "events.jsonl").read_text()
    assert "1 coded" in retried.output and "1 already in" in retried.output


# on Dask workers ------------------------------------------------------------------------------------------------------


def test_two_workers_give_the_bytes_of_one_process(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "fine.txt").write_text("Protesters clashed with police in Santiago on Friday.")
    (broken / "cut.jsonl.gz").write_bytes(subprocess.run(
        ["gzip", "-c"], input=(DEV.read_bytes()[:3000]), capture_output=True, check=True).stdout[:-20])
    inputs = [DEV, SAMPLES, broken]
    reference = single_process(tmp_path, inputs)
    out = tmp_path / "job"
    result = runner.invoke(app, ["code", *map(str, inputs), "-o", str(out), "--workers", "2",
                                 "--partition-size", "10"])
    assert result.exit_code == 1, result.output
    assert "coding on a local cluster of 2 worker processes" in result.output
    same_files(out, reference)
    assert str(broken / "cut.jsonl.gz") in (out / "errors.jsonl").read_text()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] and len(manifest["partitions"]) >= 8
    assert len({p["worker"] for p in manifest["partitions"]}) >= 1 and (out / "parts").is_dir()


def test_a_killed_job_resumes_and_ends_with_the_same_bytes(tmp_path):
    inputs = [GOLD / "wire.jsonl", DEV, GOLD / "claims-public.jsonl"]
    reference = single_process(tmp_path, inputs)
    out = tmp_path / "job"
    command = [sys.executable, "-m", "eventcoder", "code", *map(str, inputs), "-o", str(out), "--workers", "2",
               "--partition-size", "4"]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    done = []
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        try:
            done = [s == "done" for s in statuses(out)]
        except (OSError, ValueError):  # not written yet
            done = []
        if 0 < sum(done) < len(done) // 2:
            os.killpg(process.pid, signal.SIGKILL)  # the driver and its worker processes, at once
            break
        time.sleep(0.01)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the job ended before it could be killed"
    assert not (out / "events.jsonl").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    finished = [p["id"] for p in manifest["partitions"] if p["status"] == "done"]
    kept = {f"{pid}.index.json": (out / "parts" / f"{pid}.index.json").stat().st_mtime_ns for pid in finished}
    assert kept and len(finished) < len(manifest["partitions"])
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"already in {out} (resumed)" in resumed.stderr
    same_files(out, reference, ("events.jsonl",))
    assert (out / "errors.jsonl").read_text() == ""
    # the partitions finished before the kill were not coded again
    after = {p.name: p.stat().st_mtime_ns for p in (out / "parts").glob("*.index.json")}
    assert all(after.get(name) == mtime for name, mtime in kept.items())
    assert all(s == "done" for s in statuses(out))


def test_ingest_on_workers_stores_what_one_process_stores(tmp_path):
    inputs = [str(SAMPLES), str(ROOT / "examples"), str(DEV)]
    for name, extra in (("one", []), ("two", ["--workers", "2"])):
        result = runner.invoke(app, ["ingest", *inputs, "--db", str(tmp_path / f"{name}.duckdb"), *extra])
        assert result.exit_code == 1, result.output
    import duckdb

    def rows(name):
        con = duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True)
        try:
            return (con.execute("SELECT event_id, event_type, source_country, target_country FROM events "
                                "ORDER BY event_id").fetchall(),
                    con.execute("SELECT id, text_hash FROM documents ORDER BY id").fetchall(),
                    con.execute("SELECT doc, reason FROM failures ORDER BY doc, reason").fetchall())
        finally:
            con.close()

    assert rows("one") == rows("two") and rows("one")[0]


@pytest.fixture(autouse=True)
def _no_stray_scratch(tmp_path, monkeypatch):
    """Dask's scratch space goes to the test's temporary folder, not the repository."""
    monkeypatch.setenv("DASK_TEMPORARY_DIRECTORY", str(tmp_path / "dask"))
    yield
    shutil.rmtree(tmp_path / "dask", ignore_errors=True)
