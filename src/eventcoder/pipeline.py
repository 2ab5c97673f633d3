"""The one path from text to events: documents -> spaCy (one pass, batched) -> actor and place mentions ->
event coding -> records. The Python API lives here: `code_text`, `code_documents`, `Coder`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from eventcoder.actors.kb import ActorMatcher, KnowledgeBase
from eventcoder.actors.resolver import DocumentActors
from eventcoder.claim_links import link_conflicts, link_events
from eventcoder.claim_words import COUNT_NOUNS, FIGURE_WORDS
from eventcoder.claims import ClaimExtractor
from eventcoder.events.coder import SYMMETRIC_TYPES, SentenceCoder
from eventcoder.events.patterns import Lexicon, load_lexicon
from eventcoder.models import Claim, CodingError, Document, Event, Proposal, Quote
from eventcoder.nlp import load_model, parse
from eventcoder.places import DocumentPlaces
from eventcoder.proposals import PROPOSAL_WORDS, ProposalExtractor
from eventcoder.quotes import QuoteExtractor
from eventcoder.settings import Settings, load_settings
from eventcoder.triage import Triage


@dataclass
class DocumentResult:
    document: Document
    events: list[Event]
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)


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
        self.triage = Triage(self.nlp, self.lexicon, self.matcher, PROPOSAL_WORDS, FIGURE_WORDS, COUNT_NOUNS) \
            if self.settings.triage else None

    def code_parsed(self, document: Document, doc: Doc) -> DocumentResult:
        mentions = self.matcher(doc)
        actors = DocumentActors(doc, mentions, self.kb, document.pub_date)
        places = DocumentPlaces(doc, mentions, self.kb)
        actors.place_countries = places.countries_by_sentence()
        actors.token_places = places.countries_by_token()
        coder = SentenceCoder(doc, document.id, document.pub_date, self.lexicon, actors, places)
        # All candidates first: a later sentence may complete an earlier event ("... said it carried out the
        # attack" names who did the bombing reported before).
        coded = [[c for trig in coder.triggers(sent) for c in coder.candidates(trig)] for sent in doc.sents]
        events: list[Event] = [coder.event(c, index, n) for index, candidates in enumerate(coded)
                               for n, c in enumerate(candidates)]
        events = deduplicate(events)
        for event in events:  # an events file is usable without the documents it came from
            event.pub_date, event.doc_title = document.pub_date, document.title
            event.doc_url, event.doc_source = document.url, document.source
        claims = ClaimExtractor(doc, document.id, document.pub_date, actors, self.lexicon).extract()
        link_events(claims, events)
        link_conflicts(claims)
        quotes = QuoteExtractor(doc, document.id, actors, self.lexicon).extract(events)
        proposals = ProposalExtractor(doc, document.id, actors).extract(events)
        return DocumentResult(document, events, claims, quotes, proposals)

    def code(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Code documents in spaCy batches; results come back in input order."""
        pending = list(documents) if not isinstance(documents, list) else documents
        texts = (d.text for d in pending)
        docs = self.triage.parse(texts, self.settings.batch_size) if self.triage else \
            parse(self.nlp, texts, batch_size=self.settings.batch_size)
        for document, doc in zip(pending, docs, strict=True):
            yield self.code_parsed(document, doc)


# A sentence tells one meeting, or one show of force, per pair: "arrived for a state visit and held talks with his
# host", "fired missiles into waters around Taiwan as it launched its largest drills"
ONE_PER_SENTENCE = {"CONSULT", "MOBILIZE"}


def _dyad(event: Event) -> tuple:
    def key(actor):
        return (actor.country, actor.type) if actor else None

    source, target = key(event.source), key(event.target)
    if event.event_type in SYMMETRIC_TYPES and target is not None:
        source, target = sorted([source or (None, None), target], key=str)
    mode = None if event.event_type in ONE_PER_SENTENCE else event.mode  # a visit and the talks held on it
    return event.event_type, mode, source, target, event.negated


def deduplicate(events: list[Event]) -> list[Event]:
    """One record per real-world event per document: a headline repeating the lead, or the same event told
    again in a later sentence, keeps the most specific mention (dated, located, then first). Two mentions in
    one sentence are two acts ("denounced Putin as a war criminal ... also called him a butcher"), except two
    meetings or shows of force of one pair (ONE_PER_SENTENCE)."""
    kept: dict[tuple, list[Event]] = {}
    for event in events:
        key = _dyad(event)
        if event.source is None:
            key = (*key, event.event_id)  # agentless events are too vague to merge
        same = kept.setdefault(key, [])
        other = next((e for e in same if e.sentence_index != event.sentence_index or
                      e.event_type in ONE_PER_SENTENCE), None)
        if other is None:
            same.append(event)
        elif _specificity(event) > _specificity(other):
            same[same.index(other)] = event
    chosen = {id(e) for group in kept.values() for e in group}
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
