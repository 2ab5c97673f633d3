"""The scoring rules of the output contract (FORMAT.md), vendored from shared/eval/score.py so that
`eventcoder eval` prints the same numbers as the project's scorer."""
# ruff: noqa: SIM108

from collections import Counter, defaultdict

SYMMETRIC = {"CONSULT", "COOPERATE"}


def actor_field(actor, field):
    if not actor:
        return None
    value = actor.get(field)
    return value.upper() if isinstance(value, str) else value


def kind_of(ev):
    """PLOVER type; peer gold files may carry it as `plover`."""
    return (ev.get("event_type") or ev.get("plover") or "").upper()


def dyad_key(ev):
    src, tgt = actor_field(ev.get("source"), "country"), actor_field(ev.get("target"), "country")
    kind = kind_of(ev)
    if kind in SYMMETRIC and tgt is not None:
        src, tgt = sorted([src or "", tgt])
    return (kind, src, tgt)


def same_source(gold, system):
    """Type and source country agree; for symmetric types the gold source may be either system actor."""
    if kind_of(gold) != kind_of(system):
        return False
    wanted = actor_field(gold.get("source"), "country")
    actors = {actor_field(system.get("source"), "country")}
    if kind_of(system) in SYMMETRIC:
        actors.add(actor_field(system.get("target"), "country"))
    return wanted in actors


def full_key(ev):
    kind = kind_of(ev)
    a = (actor_field(ev.get("source"), "country"), actor_field(ev.get("source"), "type"))
    b = (actor_field(ev.get("target"), "country"), actor_field(ev.get("target"), "type")) if ev.get("target") else None
    if kind in SYMMETRIC and b is not None:
        a, b = sorted([a, b], key=lambda t: tuple(x or "" for x in t))
    return (kind, a, b)


def type_key(ev):
    return (kind_of(ev),)


def match(gold, system, key=None, compatible=None):
    """One-to-one greedy matching, on equal keys or on a compatibility test; returns (gold, system) pairs."""
    if compatible is None:
        def compatible(g, s):
            return key(g) == key(s)
    free = list(system)
    pairs = []
    for ev in gold:
        for i, candidate in enumerate(free):
            if compatible(ev, candidate):
                pairs.append((ev, free.pop(i)))
                break
    return pairs


def prf(tp, n_gold, n_sys):
    p = tp / n_sys if n_sys else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def location_ok(gold_loc, sys_loc):
    if not sys_loc:
        return False
    if gold_loc.get("country") and (sys_loc.get("country") or "").upper() != gold_loc["country"].upper():
        return False
    if gold_loc.get("name"):
        names = {(sys_loc.get(k) or "").lower() for k in ("name", "text")}
        return gold_loc["name"].lower() in names
    return True


def score(gold_docs, system_events):
    by_doc = defaultdict(list)
    for ev in system_events:
        by_doc[str(ev.get("doc_id"))].append(ev)
    known = {str(d["id"]) for d in gold_docs}
    totals = Counter()
    per_type = defaultdict(Counter)
    for doc in gold_docs:
        gold, system = doc.get("events", []), by_doc.get(str(doc["id"]), [])
        totals["gold"] += len(gold)
        totals["system"] += len(system)
        for ev in gold:
            per_type[kind_of(ev)]["gold"] += 1
        for ev in system:
            per_type[kind_of(ev)]["system"] += 1
        for name, key in (("type", type_key), ("source", None), ("dyad", dyad_key), ("full", full_key)):
            pairs = match(gold, system, key) if key else match(gold, system, compatible=same_source)
            totals[name] += len(pairs)
            if name == "dyad":
                for g, s in pairs:
                    per_type[kind_of(g)]["dyad"] += 1
                    if g.get("date"):
                        totals["date_n"] += 1
                        totals["date_ok"] += s.get("date") == g["date"]
                    if g.get("location"):
                        totals["loc_n"] += 1
                        totals["loc_ok"] += location_ok(g["location"], s.get("location"))
                    if g.get("modality"):
                        totals["mod_n"] += 1
                        totals["mod_ok"] += s.get("modality") == g["modality"]
                    totals["neg_n"] += 1
                    totals["neg_ok"] += bool(s.get("negated")) == bool(g.get("negated"))
    stray = sum(len(v) for k, v in by_doc.items() if k not in known)
    result = {"documents": len(gold_docs), "gold_events": totals["gold"], "system_events": totals["system"],
              "events_for_unknown_documents": stray}
    for name in ("type", "source", "dyad", "full"):
        p, r, f = prf(totals[name], totals["gold"], totals["system"])
        result[f"{name}_precision"], result[f"{name}_recall"] = round(p, 4), round(r, 4)
        result[f"{name}_f1"] = round(f, 4)
    for name, n, ok in (("date", "date_n", "date_ok"), ("location", "loc_n", "loc_ok"),
                        ("modality", "mod_n", "mod_ok"), ("negation", "neg_n", "neg_ok")):
        result[f"{name}_accuracy"] = round(totals[ok] / totals[n], 4) if totals[n] else None
        result[f"{name}_n"] = totals[n]
    result["per_type"] = {k: dict(v) for k, v in sorted(per_type.items())}
    return result


def format_table(result: dict, by_type: bool = False) -> str:
    """The score table exactly as score.py prints it."""
    lines = [f"documents {result['documents']}  gold events {result['gold_events']}  "
             f"system events {result['system_events']}"]
    for name in ("type", "source", "dyad", "full"):
        lines.append(f"{name:<6} P {result[name + '_precision']:.3f}  R {result[name + '_recall']:.3f}  "
                     f"F1 {result[name + '_f1']:.3f}")
    for name in ("date", "location", "modality", "negation"):
        acc = result[name + "_accuracy"]
        lines.append(f"{name:<9} accuracy {'-' if acc is None else f'{acc:.3f}'} (n={result[name + '_n']})")
    if by_type:
        for kind, c in result["per_type"].items():
            lines.append(f"  {kind:<10} gold {c.get('gold', 0):>3}  system {c.get('system', 0):>3}  "
                         f"dyad-matched {c.get('dyad', 0):>3}")
    lines.append(f"dyad_f1={result['dyad_f1']:.4f}")
    return "\n".join(lines)

