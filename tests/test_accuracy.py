"""Floors for the measured accuracy: a change that lowers them fails here (figures in README/docs)."""

import json

from conftest import DEV
from eventcoder.ingest import read_path
from eventcoder.scoring import score

DEV_FLOORS = {"type_f1": 0.95, "dyad_f1": 0.93, "full_f1": 0.91, "date_accuracy": 0.95, "modality_accuracy": 0.95,
              "negation_accuracy": 0.97}


def test_dev_set_scores_stay_above_floors(coder):
    gold = [json.loads(line) for line in (DEV).read_text().splitlines()
            if line.strip()]
    documents = list(read_path(DEV))
    events = [e.model_dump(mode="json") for result in coder.code(documents) for e in result.events]
    result = score(gold, events)
    low = {k: (result[k], floor) for k, floor in DEV_FLOORS.items() if result[k] < floor}
    assert not low, f"below floor (value, floor): {low}"
