import json
import subprocess
import sys

from typer.testing import CliRunner

from conftest import DEV, GOLD, ROOT
from eventcoder.cli import app

runner = CliRunner()


def test_code_example_article(tmp_path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["code", str(ROOT / "examples" / "istanbul-talks.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    fields = {"event_id", "doc_id", "sentence_index", "sentence", "event_type", "mode", "cameo", "quad_class",
              "goldstein", "source", "target", "trigger", "date", "date_text", "date_precision", "location",
              "locations", "negated", "modality", "attributed_to", "confidence", "evidence"}
    assert events and all(fields <= set(e) for e in events)
    assert any(e["event_type"] == "CONSULT" and e["date"] == "2022-03-29" for e in events)


def test_bad_documents_are_named_and_the_batch_goes_on(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "good", "text": "Russian troops shelled Kharkiv on Monday.", "pub_date": "2022-03-30"}),
        "{not json",
        json.dumps({"id": "no-text", "pub_date": "2022-03-30"}),
        json.dumps({"id": "bad-date", "text": "Police arrested two activists.", "pub_date": "someday"}),
    ]))
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["code", str(batch), "-o", str(out)])
    assert result.exit_code == 1
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["good"]
    errors = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert [(e["doc"], e["reason"]) for e in errors] == [
        (f"{batch}:2", "invalid_json"), ("no-text", "missing_text"), ("bad-date", "bad_pub_date")]


def test_stdin_text():
    result = subprocess.run([sys.executable, "-m", "eventcoder", "code", "-", "--pub-date", "2022-03-30"],
                            input="Biden called Putin a butcher on Saturday.", capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    event = json.loads(result.stdout.splitlines()[0])
    assert (event["event_type"], event["date"]) == ("ACCUSE", "2022-03-26")


def test_eval_prints_the_scorer_table(tmp_path):
    system = tmp_path / "system.jsonl"
    result = runner.invoke(app, ["eval", str(DEV), "-o", str(system)])
    assert result.exit_code == 0, result.output
    reference = subprocess.run([sys.executable, str(GOLD / "score.py"),
                                str(DEV), str(system)],
                               capture_output=True, text=True, check=True)
    assert result.output.strip() == reference.stdout.strip()


def test_eval_of_a_missing_or_unreadable_gold_file_is_one_line(tmp_path):
    for path, words in ((tmp_path / "nothere.jsonl", "no such file or folder"),
                        (ROOT / "README.md", "not a gold JSONL file")):
        result = subprocess.run([sys.executable, "-m", "eventcoder", "eval", str(path)], capture_output=True,
                                text=True)
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0 and words in result.stderr and str(path) in result.stderr


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("eventcoder ")
