"""The one path from text to events: documents -> spaCy (one pass, batched) -> actor and place mentions ->
event coding -> records. The Python API lives here: `code_text`, `code_documents`, `Coder`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from eventcoder.actors.kb import ActorMatcher, KnowledgeBase
from eventcoder.actors.resolver import DocumentActors
from eventcoder.events.coder import SYMMETRIC_TYPES, SentenceCoder
from eventcoder.events.patterns import Lexicon, load_lexicon
from eventcoder.models import CodingError, Document, Event
from eventcoder.nlp import load_model, parse
from eventcoder.places import DocumentPlaces
from eventcoder.settings import Settings, load_settings


@dataclass
class DocumentResult:
    document: Document
    events: list[Event]


@lru_cache(maxsize=1)
def _knowledge_base() -> KnowledgeBase:
    return KnowledgeBase.load()


class Coder:
    """Holds the loaded model and knowledge; reuse one Coder for many documents."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or load_settings()
        self.nlp = load_model(self.settings.model)
        self.kb = _knowledge_base()
        self.lexicon: Lexicon = load_lexicon()
        self.matcher = ActorMatcher(self.nlp, self.kb)

    def code_parsed(self, document: Document, doc: Doc) -> list[Event]:
        mentions = self.matcher(doc)
        actors = DocumentActors(doc, mentions, self.kb, document.pub_date)
        places = DocumentPlaces(doc, mentions, self.kb)
        coder = SentenceCoder(doc, document.id, document.pub_date, self.lexicon, actors, places)
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            candidates = [c for trig in coder.triggers(sent) for c in coder.candidates(trig)]
            events.extend(coder.event(c, index, n) for n, c in enumerate(candidates))
        return deduplicate(events)

    def code(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Code documents in spaCy batches; results come back in input order."""
        pending = list(documents) if not isinstance(documents, list) else documents
        docs = parse(self.nlp, (d.text for d in pending), batch_size=self.settings.batch_size)
        for document, doc in zip(pending, docs, strict=True):
            yield DocumentResult(document, self.code_parsed(document, doc))


def _dyad(event: Event) -> tuple:
    def key(actor):
        return (actor.country, actor.type) if actor else None

    source, target = key(event.source), key(event.target)
    if event.event_type in SYMMETRIC_TYPES and target is not None:
        source, target = sorted([source or (None, None), target], key=str)
    return event.event_type, event.mode, source, target, event.negated


def deduplicate(events: list[Event]) -> list[Event]:
    """One record per real-world event per document: a headline repeating the lead, or the same event named
    twice, keeps the most specific mention (dated, located, then first)."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = _dyad(event)
        if event.source is None:
            key = (*key, event.event_id)  # agentless events are too vague to merge
        kept = best.get(key)
        if kept is None or _specificity(event) > _specificity(kept):
            best[key] = event
    chosen = {id(e) for e in best.values()}
    return [e for e in events if id(e) in chosen]


def _specificity(event: Event) -> int:
    return (event.date_precision not in (None, "publication")) + (event.location is not None)


_default_coder: Coder | None = None


def _coder(model: str | None) -> Coder:
    global _default_coder
    settings = load_settings(model=model)
    if _default_coder is None or _default_coder.settings.model != settings.model:
        _default_coder = Coder(settings)
    return _default_coder


def code_text(text: str, pub_date: dt.date | str | None = None, doc_id: str = "doc",
              model: str | None = None) -> list[Event]:
    """Code one text. `pub_date` anchors relative dates ("on Tuesday")."""
    document = Document(id=doc_id, text=text, pub_date=pub_date)
    return next(_coder(model).code([document])).events


def code_documents(documents: Iterable[Document | dict], model: str | None = None) -> list[Event]:
    """Code many documents (records or dicts with id, text, pub_date) and return all their events."""
    docs = [d if isinstance(d, Document) else Document.model_validate(d) for d in documents]
    return [event for result in _coder(model).code(docs) for event in result.events]


__all__ = ["Coder", "CodingError", "DocumentResult", "code_documents", "code_text"]
