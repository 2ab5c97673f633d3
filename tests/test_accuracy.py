"""Floors for the measured accuracy: a change that lowers them fails here (figures in README/docs)."""

import json

import pytest

from conftest import DEV, GOLD
from eventcoder.claims_gold import _same_speaker, score_claims_gold
from eventcoder.evaluation import read_gold, run_documents
from eventcoder.ingest import read_path
from eventcoder.models import Quote
from eventcoder.scoring import score

DEV_FLOORS = {"type_f1": 0.95, "dyad_f1": 0.92, "full_f1": 0.89, "date_accuracy": 0.95, "modality_accuracy": 0.95,
              "negation_accuracy": 0.97}


def test_dev_set_scores_stay_above_floors(coder):
    gold = [json.loads(line) for line in (DEV).read_text().splitlines()
            if line.strip()]
    documents = list(read_path(DEV))
    events = [e.model_dump(mode="json") for result in coder.code(documents) for e in result.events]
    result = score(gold, events)
    low = {k: (result[k], floor) for k, floor in DEV_FLOORS.items() if result[k] < floor}
    assert not low, f"below floor (value, floor): {low}"


# event gold sets read during rule work: the public wire set and a fresh batch after its round
EVENT_FLOORS = {"wire.jsonl": {"type_f1": 0.76, "dyad_f1": 0.60, "full_f1": 0.49},
                "batches/fr.jsonl": {"type_f1": 0.78, "dyad_f1": 0.66, "full_f1": 0.52},
                "batches/fx.jsonl": {"type_f1": 0.80, "dyad_f1": 0.66, "full_f1": 0.57},
                "batches/ge.jsonl": {"type_f1": 0.70, "dyad_f1": 0.54, "full_f1": 0.43},
                "batches/gl.jsonl": {"type_f1": 0.82, "dyad_f1": 0.67, "full_f1": 0.53},
                "batches/gs.jsonl": {"type_f1": 0.77, "dyad_f1": 0.69, "full_f1": 0.56},
                "batches/gw.jsonl": {"type_f1": 0.81, "dyad_f1": 0.69, "full_f1": 0.55},
                # (full 0.49 -> 0.48 in round 55: hd's gold gives a German-Iranian dissident the first nationality,
                # five other batches give such people the last)
                "batches/hd.jsonl": {"type_f1": 0.71, "dyad_f1": 0.55, "full_f1": 0.48},
                "batches/hi.jsonl": {"type_f1": 0.76, "dyad_f1": 0.64, "full_f1": 0.53},
                "batches/hr.jsonl": {"type_f1": 0.79, "dyad_f1": 0.74, "full_f1": 0.60}}


@pytest.mark.parametrize("name", sorted(EVENT_FLOORS))
def test_event_gold_sets_stay_above_floors(coder, name):
    path = GOLD / name
    gold = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    events = [e.model_dump(mode="json") for result in coder.code(list(read_path(path))) for e in result.events]
    result = score(gold, events)
    low = {k: (result[k], floor) for k, floor in EVENT_FLOORS[name].items() if result[k] < floor}
    assert not low, f"below floor (value, floor): {low}"


# claims gold sets: the public set and every fresh batch once read (recall per record kind, figure precision)
CLAIMS_FLOORS = {
    "claims-public.jsonl": {"figures": 0.94, "conflicts": 0.79, "quotes": 1.0, "proposals": 1.0, "precision": 0.98},
    "claims-batches/ce.jsonl": {"figures": 0.92, "conflicts": 0.76, "quotes": 1.0, "proposals": 0.8,
                                "precision": 0.99},
    "claims-batches/cf.jsonl": {"figures": 0.88, "conflicts": 0.64, "quotes": 0.86, "proposals": 0.94,
                                "precision": 0.95},
    "claims-batches/cm.jsonl": {"figures": 0.87, "conflicts": 0.80, "quotes": 0.95, "proposals": 1.0,
                                "precision": 0.99},
    "claims-batches/ct.jsonl": {"figures": 0.88, "conflicts": 0.80, "quotes": 0.85, "proposals": 1.0,
                                "precision": 0.97},
    "claims-batches/cx.jsonl": {"figures": 0.94, "conflicts": 0.86, "quotes": 0.85, "proposals": 1.0,
                                "precision": 0.98},
    "claims-batches/dg.jsonl": {"figures": 0.88, "conflicts": 0.86, "quotes": 0.91, "proposals": 1.0,
                                "precision": 0.99},
    "claims-batches/di.jsonl": {"figures": 0.95, "conflicts": 0.92, "quotes": 1.0, "proposals": 1.0,
                                "precision": 0.99},
    "claims-batches/dq.jsonl": {"figures": 0.90, "conflicts": 0.82, "quotes": 0.85, "proposals": 0.66,
                                "precision": 0.96},
    "claims-batches/du.jsonl": {"figures": 0.95, "conflicts": 0.94, "quotes": 0.93, "proposals": 1.0,
                                "precision": 0.95},
    "claims-batches/ea.jsonl": {"figures": 0.96, "conflicts": 0.84, "quotes": 0.90, "proposals": 1.0,
                                "precision": 0.99},
}


@pytest.mark.parametrize("name", sorted(CLAIMS_FLOORS))
def test_claims_gold_sets_stay_above_floors(coder, name):
    path = GOLD / name
    report = score_claims_gold(read_gold(path), run_documents(coder, path))
    measured = {kind: report[kind]["recall"] for kind in ("figures", "conflicts", "quotes", "proposals")}
    measured["precision"] = report["figures"]["precision"]
    low = {k: (measured[k], floor) for k, floor in CLAIMS_FLOORS[name].items() if measured[k] < floor}
    assert not low, f"below floor (value, floor): {low}"


def test_a_speaker_is_recognised_in_any_form_of_its_name():
    def quote(name):
        return Quote(quote_id="q", doc_id="d", sentence_index=0, text="x", kind="direct", speaker_name=name,
                     evidence={})
    assert _same_speaker("Chinese embassy", quote("China's embassy in Manila"))
    assert _same_speaker("Rodriguez", quote("Jorge Rodríguez"))
    assert _same_speaker("Burkina Faso government", quote("Burkina Faso the government"))
    assert not _same_speaker("Kanaani", quote("Iran"))
    assert not _same_speaker("Sani", quote("Hussaini"))
