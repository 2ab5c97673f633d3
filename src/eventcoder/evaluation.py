"""Measuring the coder: gold files and peer test data, and the error analysis behind `eval --errors`."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventcoder.ingest import read_path
from eventcoder.models import Document, Event
from eventcoder.pipeline import Coder
from eventcoder.scoring import SYMMETRIC, actor_field, dyad_key, kind_of, match, score, type_key


@dataclass
class GoldRun:
    """A gold file coded by eventcoder: the gold records, the system events and the score."""

    path: Path
    gold: list[dict]
    events: list[Event]
    result: dict = field(default_factory=dict)

    @property
    def system(self) -> list[dict]:
        return [e.model_dump(mode="json") for e in self.events]


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_event_gold(records: list[dict]) -> bool:
    """Sentence files with gold events (not the actor or geocoding case files, nor label-only sets)."""
    return any(r.get("events") for r in records) and all("text" in r for r in records)


def run_gold(coder: Coder, path: Path) -> GoldRun:
    gold = read_gold(path)
    documents = [d for d in read_path(path) if isinstance(d, Document)]
    events = [e for result in coder.code(documents) for e in result.events]
    run = GoldRun(path, gold, events)
    run.result = score(gold, run.system)
    run.result["cameo_root_agreement"], run.result["cameo_root_n"] = cameo_root_agreement(gold, run.system)
    return run


def cameo_root_agreement(gold: list[dict], system: list[dict]) -> tuple[float | None, int]:
    """On events matched by PLOVER type, how often the CAMEO root (first two digits) is the peer's."""
    by_doc = defaultdict(list)
    for event in system:
        by_doc[str(event["doc_id"])].append(event)
    agree = total = 0
    for doc in gold:
        with_code = [e for e in doc.get("events", []) if e.get("cameo")]
        for g, s in match(with_code, by_doc.get(str(doc["id"]), []), type_key):
            total += 1
            agree += str(g["cameo"])[:2] == str(s["cameo"])[:2]
    return (round(agree / total, 4) if total else None), total


def peer_table(runs: list[GoldRun]) -> str:
    header = (f"{'file':<34} {'docs':>5} {'gold':>5} {'sys':>5} {'type F1':>8} {'src F1':>7} {'dyad F1':>8} "
              f"{'CAMEO root':>11}")
    lines = [header, "-" * len(header)]
    for run in runs:
        r = run.result
        root = "-" if r["cameo_root_agreement"] is None else f"{r['cameo_root_agreement']:.3f}"
        lines.append(f"{run.path.stem:<34} {r['documents']:>5} {r['gold_events']:>5} {r['system_events']:>5} "
                     f"{r['type_f1']:>8.3f} {r['source_f1']:>7.3f} {r['dyad_f1']:>8.3f} {root:>11}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- errors

def _actor(actor: dict | None) -> str:
    if not actor:
        return "-"
    return f"{actor.get('country') or '?'}/{actor.get('type') or '?'}"


def _describe(event: dict) -> str:
    kind = kind_of(event)
    text = f"{kind} {_actor(event.get('source'))} -> {_actor(event.get('target'))}"
    if event.get("trigger"):
        text += f"  trigger {event['trigger']!r}"
    if event.get("evidence"):
        text += f"  pattern {event['evidence'].get('pattern')}"
    if event.get("modality"):
        text += f"  {event['modality']}"
    return text


@dataclass
class DocumentMatch:
    """One gold document against the system: dyad matches first, then type matches among the rest."""

    doc: dict
    gold: list[dict]
    system: list[dict]
    pairs: list[tuple[dict, dict]]
    missed: list[dict]
    spurious: list[dict]
    typed: list[tuple[dict, dict]]


def document_matches(run: GoldRun) -> Iterator[DocumentMatch]:
    by_doc = defaultdict(list)
    for event in run.system:
        by_doc[str(event["doc_id"])].append(event)
    for doc in run.gold:
        gold, system = doc.get("events", []), by_doc.get(str(doc["id"]), [])
        pairs = match(gold, system, dyad_key)
        missed = [g for g in gold if not any(g is p[0] for p in pairs)]
        spurious = [s for s in system if not any(s is p[1] for p in pairs)]
        yield DocumentMatch(doc, gold, system, pairs, missed, spurious, match(missed, spurious, type_key))


def error_report(run: GoldRun) -> str:
    """Every missed and spurious event (dyad level), with its sentence and evidence, grouped by cause."""
    groups: dict[str, list[str]] = defaultdict(list)
    for m in document_matches(run):
        doc, gold, system, pairs, missed, spurious, typed = (m.doc, m.gold, m.system, m.pairs, m.missed,
                                                             m.spurious, m.typed)
        for g, s in typed:
            groups["right type, wrong actors"].append(
                f"[{doc['id']}] gold {_describe(g)}\n      system {_describe(s)}\n      sentence: {s['sentence']}")
        missed = [g for g in missed if not any(g is p[0] for p in typed)]
        spurious = [s for s in spurious if not any(s is p[1] for p in typed)]
        for g in missed:
            if spurious:
                cause = "missed: another type coded instead"
            elif any(dyad_key(g) == dyad_key(p[0]) for p in pairs):
                cause = "missed: gold repeats an event already matched"  # both directions of one meeting
            else:
                cause = "missed: no event coded" if not system else "missed: no event of this kind coded"
            groups[cause].append(f"[{doc['id']}] gold {_describe(g)}\n      text: {doc['text'][:300]}")
        for s in spurious:
            cause = "spurious: document has no gold event" if not gold else (
                "spurious: wrong type" if missed else "spurious: extra event")
            groups[cause].append(f"[{doc['id']}] system {_describe(s)}\n      sentence: {s['sentence']}")
    lines = []
    for cause, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"== {cause} ({len(items)})")
        lines.extend(f"  {item}" for item in items)
    return "\n".join(lines) if lines else "no errors"


def strategy_table(run: GoldRun) -> str:
    """How each argument strategy does: on system events whose type matches a gold event (dyad matches first,
    then type matches, as in the error report), how often the actor it found has the gold actor's country;
    a target strategy of "-" means no target was found. "spurious" counts events of no gold type match."""
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for m in document_matches(run):
        pairs, rest_system, typed = m.pairs, m.spurious, m.typed
        for g, s in pairs + typed:
            swapped = kind_of(s) in SYMMETRIC
            for role, other in (("source", "target"), ("target", "source")):
                wanted = actor_field(g.get(role), "country")
                found = {actor_field(s.get(role), "country")} | ({actor_field(s.get(other), "country")}
                                                                 if swapped else set())
                row = counts[(role, s["evidence"].get(f"{role}_strategy") or "-")]
                row[0] += 1
                row[1] += wanted in found
        for s in rest_system:
            if not any(s is p[1] for p in typed):
                for role in ("source", "target"):
                    counts[(role, s["evidence"].get(f"{role}_strategy") or "-")][2] += 1
    lines = [f"{'role':<7} {'strategy':<42} {'used':>5} {'right':>6} {'share':>6} {'spurious':>9}"]
    for (role, name), (used, right, spurious) in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1][0])):
        share = f"{right / used:.2f}" if used else "-"
        lines.append(f"{role:<7} {name:<42} {used:>5} {right:>6} {share:>6} {spurious:>9}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- records

RECORD_TYPES = ("claims", "quotes", "proposals")


def is_record_gold(records: list[dict]) -> bool:
    return any(any(key in r for key in RECORD_TYPES) for r in records)


def _quote_key(text: str) -> str:
    return re.sub(r"[^\w ]+", "", text.lower()).strip()


def _country(actor) -> str | None:
    return actor.country if actor is not None else None


def _claim_match(gold: dict, claim) -> bool:
    return gold["category"] == claim.category and abs(claim.value - gold["value"]) <= 0.01 * max(gold["value"], 1)


def _quote_match(gold: dict, quote) -> bool:
    return _quote_key(gold["text"]) == _quote_key(quote.text)


def _proposal_match(gold: dict, proposal) -> bool:
    return gold["kind"] == proposal.kind and gold["actor"] == _country(proposal.actor)


def _attributes(name: str, gold: dict, system) -> dict[str, bool]:
    """Per matched pair, which attributes the gold gives and whether the system agrees."""
    checks: dict[str, bool] = {}
    if name == "claims":
        checks["bound"] = gold["bound"] == system.bound
        for field in ("subject", "claimant"):
            if gold.get(field):
                checks[field] = gold[field] == _country(getattr(system, field))
        if gold.get("currency"):
            checks["currency"] = gold["currency"] == system.currency
    elif name == "quotes":
        checks["kind"] = gold["kind"] == system.kind
        if gold.get("speaker"):
            checks["speaker"] = gold["speaker"] == _country(system.speaker)
    else:
        if gold.get("recipient"):
            checks["recipient"] = gold["recipient"] == _country(system.recipient)
        if gold.get("stance"):
            checks["stance"] = gold["stance"] == system.stance
        checks["topics"] = sorted(gold.get("topics", [])) == sorted(i.topic for i in system.items)
    return checks


def score_records(gold_docs: list[dict], results) -> dict:
    """Precision and recall of claims, quotes and proposals/positions, plus attribute accuracy on matches."""
    by_doc = {r.document.id: r for r in results}
    matchers = {"claims": _claim_match, "quotes": _quote_match, "proposals": _proposal_match}
    report = {}
    for name in RECORD_TYPES:
        tp = n_gold = n_system = 0
        attributes: dict[str, list[bool]] = defaultdict(list)
        for doc in gold_docs:
            gold = doc.get(name, [])
            result = by_doc.get(str(doc["id"]))
            system = list(getattr(result, name)) if result else []
            n_gold += len(gold)
            n_system += len(system)
            for g in gold:
                found = next((s for s in system if matchers[name](g, s)), None)
                if found is None:
                    continue
                system.remove(found)
                tp += 1
                for attribute, ok in _attributes(name, g, found).items():
                    attributes[attribute].append(ok)
        precision = tp / n_system if n_system else 1.0
        recall = tp / n_gold if n_gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report[name] = {"gold": n_gold, "system": n_system, "precision": round(precision, 4),
                        "recall": round(recall, 4), "f1": round(f1, 4),
                        "attributes": {k: round(sum(v) / len(v), 4) for k, v in sorted(attributes.items())}}
    return report


def records_table(report: dict) -> str:
    lines = [f"{'record':<10} {'gold':>5} {'sys':>5} {'P':>6} {'R':>6} {'F1':>6}  attribute accuracy on matches"]
    for name, r in report.items():
        attributes = "  ".join(f"{k} {v:.2f}" for k, v in r["attributes"].items())
        lines.append(f"{name:<10} {r['gold']:>5} {r['system']:>5} {r['precision']:>6.3f} {r['recall']:>6.3f} "
                     f"{r['f1']:>6.3f}  {attributes}")
    return "\n".join(lines)


def run_documents(coder: Coder, path: Path) -> list:
    """The coded results of every document of a gold file."""
    return list(coder.code([d for d in read_path(path) if isinstance(d, Document)]))


def run_records(coder: Coder, path: Path) -> dict:
    return score_records(read_gold(path), run_documents(coder, path))
