"""Scoring claims, conflicting figures, quotes and proposals against the claims gold format.

A gold line is a document plus `gold`: `claims` ({value, bound, category, claimant_country, subject_country}),
`conflicts` (pairs of values that count the same thing), `quotes` ({text, speaker}) and `proposals`
({proposer_country, n_items}). The matching rules (docs/format.md, "Scoring claims") are deliberately plain so
that anyone can reproduce a figure by hand:

- a gold figure is found when a system claim of the same document has its value within 0.5% (one to one, in
  the order written); category, bound, claimant and subject are then compared on the matched pairs;
- figure precision: the share of system claims whose value is within 0.5% of some gold figure of the document;
- a conflict pair is linked when the two system claims matched to its values name each other in
  `conflicts_with`;
- a quote is found when a system quote has the same words (case and punctuation aside; one may contain the other
  if it is at least 80% as long), and has the right speaker when the gold surname or organisation appears in the
  system speaker's name or words (or both have none: scare quotes); accents, possessives and a country's
  adjective or name are folded alike on both sides ("Chinese embassy" is "China's embassy in Manila"), and the
  gold words may appear apart ("Burkina Faso government": a speaker "the government" resolved to Burkina Faso);
- a proposal is found when a system proposal (kind `proposal`) by the gold proposer's country has the gold
  number of items.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from eventcoder.actors.kb import _rows, _split
from eventcoder.models import Claim, Proposal, Quote

# gold's words for eventcoder's categories; gold "other" covers crowd sizes and other counts
CATEGORY_NAMES = {"killed": {"dead"}, "percent": {"percentage"}, "other": {"crowd", "other"}}
TOLERANCE = 0.005


def is_claims_gold(records: list[dict]) -> bool:
    return any(isinstance(r.get("gold"), dict) for r in records)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(b), 1.0)


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]+", " ", text.lower()).split())


def _same_quote(gold: str, system: str) -> bool:
    a, b = _words(gold), _words(system)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and shorter in longer and len(shorter) >= 0.8 * len(longer)


@lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Each country's adjectives and other names -> its name: "chinese" -> "china", "turkish" -> "turkey"."""
    words = {}
    for row in _rows("countries.tsv"):
        for form in [*_split(row.get("adjectives", "")), *_split(row.get("aliases", ""))]:
            if len(form.split()) == 1:
                words[form.lower()] = row["name"].lower()
    return words


def _folded(text: str) -> str:
    """Accents, possessives and punctuation aside, a country by its name: "China's Embassy" -> "china embassy"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = re.sub(r"['\u2019]s\b", "", plain.lower())
    countries = _country_words()
    return " ".join(countries.get(w, w) for w in re.sub(r"[^\w\s]+", " ", plain).split())


def _speaker_words(quote: Quote) -> str:
    parts = [quote.speaker_name or ""]
    if quote.speaker is not None:
        parts += [quote.speaker.name or "", quote.speaker.text]
    return _folded(" ".join(parts))


def _same_speaker(gold: str, quote: Quote) -> bool:
    """The gold surname or organisation appears in the system speaker's words, as a phrase or word by word
    ("Burkina Faso government" in "Burkina Faso / the government")."""
    wanted, words = _folded(gold), _speaker_words(quote)
    return wanted in words or set(wanted.split()) <= set(words.split())


def match_claims(gold: list[dict], system: list[Claim]) -> list[tuple[dict, Claim]]:
    pairs, free = [], list(system)
    for g in gold:
        found = next((c for c in free if _close(c.value, float(g["value"]))), None)
        if found is not None:
            free.remove(found)
            pairs.append((g, found))
    return pairs


class Tally:
    """Counts of one record kind: found / gold, plus attribute agreement on the found pairs."""

    def __init__(self):
        self.gold = self.found = self.system = self.system_right = 0
        self.attributes: dict[str, list[bool]] = defaultdict(list)

    def rate(self) -> float | None:
        return round(self.found / self.gold, 4) if self.gold else None

    def precision(self) -> float | None:
        return round(self.system_right / self.system, 4) if self.system else None

    def report(self) -> dict:
        return {"gold": self.gold, "found": self.found, "recall": self.rate(), "system": self.system,
                "precision": self.precision(),
                "attributes": {k: round(sum(v) / len(v), 4) for k, v in sorted(self.attributes.items())}}


def score_claims_gold(gold_docs: list[dict], results) -> dict:
    by_doc = {r.document.id: r for r in results}
    figures, conflicts, quotes, proposals = Tally(), Tally(), Tally(), Tally()
    misses: dict[str, list[str]] = defaultdict(list)
    for doc in gold_docs:
        gold = doc.get("gold") or {}
        result = by_doc.get(str(doc["id"]))
        claims = list(result.claims) if result else []
        pairs = match_claims(gold.get("claims", []), claims)
        _score_figures(doc, gold, claims, pairs, figures, misses)
        _score_conflicts(doc, gold, pairs, claims, conflicts, misses)
        _score_quotes(doc, gold, list(result.quotes) if result else [], quotes, misses)
        _score_proposals(doc, gold, list(result.proposals) if result else [], proposals, misses)
    return {"documents": len(gold_docs), "figures": figures.report(), "conflicts": conflicts.report(),
            "quotes": quotes.report(), "proposals": proposals.report(), "misses": dict(misses)}


def _score_figures(doc, gold, claims, pairs, tally: Tally, misses) -> None:
    values = [float(g["value"]) for g in gold.get("claims", [])]
    tally.gold += len(values)
    tally.found += len(pairs)
    tally.system += len(claims)
    tally.system_right += sum(any(_close(c.value, v) for v in values) for c in claims)
    for g, c in pairs:
        tally.attributes["category"].append(c.category in CATEGORY_NAMES.get(g["category"], {g["category"]}))
        tally.attributes["bound"].append(g["bound"] == c.bound)
        for key, actor in (("claimant_country", c.claimant), ("subject_country", c.subject)):
            if key in g:
                tally.attributes[key.split("_")[0]].append(g[key] == (actor.country if actor else None))
    found = {id(g) for g, _ in pairs}
    misses["figures"] += [f"[{doc['id']}] {g['value']:g} {g['category']} ({g['bound']})"
                          for g in gold.get("claims", []) if id(g) not in found]
    misses["extra figures"] += [f"[{doc['id']}] {c.value:g} {c.category} «{c.value_text}»" for c in claims
                                if not any(_close(c.value, float(g["value"])) for g in gold.get("claims", []))]


def _score_conflicts(doc, gold, pairs, claims, tally: Tally, misses) -> None:
    by_value = [(float(g["value"]), c) for g, c in pairs]
    gold_pairs = gold.get("conflicts", [])
    tally.gold += len(gold_pairs)
    linked_in_gold = set()
    for a, b in gold_pairs:
        first = next((c for v, c in by_value if _close(v, float(a))), None)
        second = next((c for v, c in by_value if _close(v, float(b))), None)
        if first is not None and second is not None and second.claim_id in first.conflicts_with:
            tally.found += 1
            linked_in_gold.add(frozenset((first.claim_id, second.claim_id)))
        else:
            misses["conflicts"].append(f"[{doc['id']}] {a:g} vs {b:g}")
    system_pairs = {frozenset((c.claim_id, other)) for c in claims for other in c.conflicts_with
                    if other.startswith(f"{doc['id']}:")}
    tally.system += len(system_pairs)
    tally.system_right += len(system_pairs & linked_in_gold)


def _score_quotes(doc, gold, system: list[Quote], tally: Tally, misses) -> None:
    free = list(system)
    tally.system += len(system)
    for g in gold.get("quotes", []):
        tally.gold += 1
        found = next((q for q in free if _same_quote(g["text"], q.text)), None)
        if found is None:
            misses["quotes"].append(f"[{doc['id']}] not found: «{g['text'][:60]}»")
            continue
        free.remove(found)
        tally.system_right += 1
        speaker = g.get("speaker")
        right = found.speaker is None and not found.speaker_name if speaker is None else \
            _same_speaker(speaker, found)
        tally.found += right
        if not right:
            misses["quotes"].append(f"[{doc['id']}] «{g['text'][:50]}» speaker {speaker!r}, system "
                                    f"{found.speaker_name or (found.speaker.text if found.speaker else None)!r}")


def _score_proposals(doc, gold, system: list[Proposal], tally: Tally, misses) -> None:
    offered = [p for p in system if p.kind == "proposal"]
    tally.system += len(offered)
    free = list(offered)
    for g in gold.get("proposals", []):
        tally.gold += 1
        found = next((p for p in free if p.actor is not None and p.actor.country == g.get("proposer_country")
                      and len(p.items) == g.get("n_items")), None)
        if found is None:
            got = [(p.actor.country if p.actor else None, len(p.items)) for p in offered]
            misses["proposals"].append(f"[{doc['id']}] {g.get('proposer_country')} with {g.get('n_items')} items; "
                                       f"system {got}")
            continue
        free.remove(found)
        tally.found += 1
        tally.system_right += 1


def claims_table(report: dict, errors: bool = False) -> str:
    lines = [f"documents {report['documents']}",
             f"{'record':<10} {'found':>6} {'gold':>5} {'recall':>7} {'system':>7} {'precision':>9}  on matches"]
    for name in ("figures", "conflicts", "quotes", "proposals"):
        r = report[name]
        recall = f"{r['recall']:.3f}" if r["recall"] is not None else "-"
        precision = f"{r['precision']:.3f}" if r["precision"] is not None else "-"
        attributes = "  ".join(f"{k} {v:.2f}" for k, v in r["attributes"].items())
        lines.append(f"{name:<10} {r['found']:>6} {r['gold']:>5} {recall:>7} {r['system']:>7} {precision:>9}  "
                     f"{attributes}")
    if errors:
        for kind, items in report["misses"].items():
            lines.append(f"\n== {kind} ({len(items)})")
            lines += [f"  {item}" for item in items]
    return "\n".join(lines)
