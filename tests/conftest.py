import datetime as dt
from pathlib import Path

import pytest

from eventcoder import Coder, Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
GOLD = DATA / "gold"
PEERS = DATA / "peers"
DEV = GOLD / "dev.jsonl"
REPORT = ROOT / "examples" / "istanbul-talks-report.txt"  # the long example article (the seed article's story)


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()


@pytest.fixture(scope="session")
def code(coder):
    """Code one text and return its events."""

    def run(text: str, pub_date: str = "2022-03-30"):
        document = Document(id="t", text=text, pub_date=dt.date.fromisoformat(pub_date))
        return next(coder.code([document])).events

    return run


def dyads(events):
    return {(e.event_type, e.source and e.source.country, e.target and e.target.country) for e in events}


def kinds(events) -> set[str]:
    """The event types coded."""
    return {kind for kind, _, _ in dyads(events)}


@pytest.fixture(scope="session")
def code_records(coder):
    """Code one text and return its whole result (events, claims, quotes, proposals)."""

    def run(text: str, pub_date: str = "2024-03-12"):
        return next(coder.code([Document(id="t", text=text, pub_date=dt.date.fromisoformat(pub_date))]))

    return run


def conflicting(result, category: str) -> set[tuple[float, float]]:
    """The pairs of values of `category` linked as conflicting."""
    by_id = {c.claim_id: c for c in result.claims}
    return {tuple(sorted((c.value, by_id[o].value))) for c in result.claims if c.category == category
            for o in c.conflicts_with}
