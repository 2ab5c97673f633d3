"""An article's text with the evidence of its records marked: triggers, actors, places, dates, figures and
quotes, each a span of characters from a record's evidence (docs/format.md).

The markup is built from escaped segments only: the text is cut at every span boundary, each piece is escaped
on its own and wrapped, when some record covers it, in a <span> whose attributes hold nothing but names from
the fixed tables below and record keys made here (e0, c3). Spans may overlap (one event's source is another's
target, a quote holds a trigger): a piece carries every annotation covering it, so the page can light up one
record's evidence without any of the text passing through a browser's HTML parser twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# evidence roles -> the CSS class that marks them at rest
ROLE_CLASS = {
    "trigger": "t-trigger", "cue": "t-trigger",
    "source": "t-actor", "target": "t-actor", "subject": "t-actor", "claimant": "t-actor", "speaker": "t-actor",
    "proposer": "t-actor", "recipient": "t-actor", "actor": "t-actor",
    "location": "t-place", "date": "t-date", "value": "t-figure", "quote": "t-quote",
}
SPANS = ("trigger", "source", "target", "date", "location")  # the events table's evidence columns


@dataclass(frozen=True)
class Annotation:
    start: int
    end: int
    key: str  # the record: e<n> event, c<n> claim, q<n> quote, p<n> proposal (its index on the page)
    role: str  # a key of ROLE_CLASS


def _span(value: Any) -> tuple[int, int] | None:
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return value[0], value[1]
    return None


def annotations(events: Sequence[dict], claims: Sequence[dict] = (), quotes: Sequence[dict] = (),
                proposals: Sequence[dict] = ()) -> list[Annotation]:
    """The evidence spans of a document's records (rows of the store's tables, JSON columns parsed)."""
    found: list[Annotation] = []
    for n, event in enumerate(events):
        for role in SPANS:
            start, end = event.get(f"evidence_{role}_start"), event.get(f"evidence_{role}_end")
            if isinstance(start, int) and isinstance(end, int):
                found.append(Annotation(start, end, f"e{n}", role))
    for prefix, records in (("c", claims), ("q", quotes), ("p", proposals)):
        for n, record in enumerate(records):
            evidence = record.get("evidence") or {}
            for role, value in evidence.items() if isinstance(evidence, dict) else ():
                span = _span(value)
                if span and role in ROLE_CLASS:
                    found.append(Annotation(span[0], span[1], f"{prefix}{n}", role))
    return found


def highlight(text: str, marks: Iterable[Annotation]) -> Markup:
    """The text as HTML, every character escaped, with the annotated pieces wrapped in spans
    (`class`: the roles' classes; `data-ann`: "e0:trigger c2:value", one token per covering annotation)."""
    length = len(text)
    kept = [a for a in marks if 0 <= a.start < a.end <= length and a.role in ROLE_CLASS]
    cuts = sorted({0, length, *(a.start for a in kept), *(a.end for a in kept)})
    starts: dict[int, list[Annotation]] = {}
    for a in kept:
        starts.setdefault(a.start, []).append(a)
    active: list[Annotation] = []
    out: list[str] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        # a sweep: the annotations covering [left, right) are those started at or before left, not yet ended
        active = [a for a in active if a.end > left] + starts.get(left, [])
        piece = str(escape(text[left:right]))
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({ROLE_CLASS[a.role] for a in active}))
        tokens = " ".join(f"{a.key}:{a.role}" for a in sorted(active, key=lambda a: (a.key, a.role)))
        out.append(f'<span class="{escape(classes)}" data-ann="{escape(tokens)}">{piece}</span>')
    return Markup("".join(out))


__all__ = ["ROLE_CLASS", "Annotation", "annotations", "highlight"]
