"""Proposals and positions in negotiations.

A proposal is introduced by a proposing word ("submitted its proposals ... which include:", "proposed a
ceasefire") and has items, each with a topic and its conditions ("in exchange for", "unless"). A numbered
list after the introduction gives one item per entry. A position is an actor's stance on a negotiation topic,
read off a coded event (REJECT -> rejects, REQUEST -> demands, AGREE/SUPPORT -> supports)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from eventcoder.actors.resolver import DocumentActors
from eventcoder.models import Actor, Event, Proposal, ProposalItem

TOPICS = [  # first match wins: the main clause is read before the conditions
    ("ceasefire/withdrawal", r"\b(ceasefire|cease-fire|truce|withdraw\w*|pull\w* (back|out)|de-?escalat\w*|"
                             r"armistice|hostilities)\b"),
    ("security guarantees", r"\bsecurity guarantee\w*|\bguarantors?\b"),
    ("neutrality", r"\bneutral\w*|non-?aligned|military alliance|foreign (military )?bases\b"),
    ("membership", r"\b(membership|accession|entrance into|entry into|join(ing)? (the )?(eu|nato|european union))\b"),
    ("territory/status", r"\b(territor\w*|status of|sovereignty|border\w*|annex\w*|crimea\w*|donbass?|"
                         r"autonomy|referendum|occupied)\b"),
    ("sanctions", r"\bsanction\w*|embargo\w*"),
    ("prisoners", r"\b(prisoner|hostage|detainee|captive|pow)s?\b|\bexchange of\b"),
]
CONDITION_MARKERS = re.compile(r"\b(in exchange for|in return for|unless|provided that|providing that|"
                               r"on condition that|on the condition that|as long as|if|only if|subject to)\b",
                               re.I)
PROPOSAL_HEADS = {"proposal", "propose", "offer", "plan", "initiative", "draft", "blueprint", "roadmap",
                  "framework"}
LIST_ITEM = re.compile(r"^\s*(\d{1,2}[).:]|[-\u2022*])\s+")
STANCES = {"REJECT": "rejects", "REQUEST": "demands", "AGREE": "supports", "SUPPORT": "supports",
           "CONCEDE": "concedes"}


def topic_of(text: str) -> str:
    main = text
    for condition in conditions_of(text):
        main = main.replace(condition, " ")
    for source in (main, text):
        for topic, pattern in TOPICS:
            if re.search(pattern, source, re.I):
                return topic
    return "other"


def conditions_of(text: str) -> list[str]:
    """Each condition clause, from its marker to the next clause boundary."""
    found = []
    for match in CONDITION_MARKERS.finditer(text):
        rest = text[match.start():]
        clause = re.split(r"[;,](?![^()]*\))(?=\s+(?:[A-Z]|\w+ would|and not|not\b))|[;.]\s|\s\u2014\s", rest)[0]
        found.append(clause.strip(" ,;."))
    return found


class ProposalExtractor:
    def __init__(self, doc: Doc, doc_id: str, actors: DocumentActors):
        self.doc, self.doc_id, self.actors = doc, doc_id, actors
        self.sentences = list(doc.sents)

    def extract(self, events: list[Event]) -> list[Proposal]:
        proposals, taken = self._proposals()
        # content of a proposal is not a position of its own
        stated = [e for e in events if e.sentence_index not in taken and e.modality != "proposed"]
        proposals += self._positions(stated, len(proposals))
        return proposals

    def _proposals(self) -> tuple[list[Proposal], set[int]]:
        """The proposals, and the sentences they take up (the introduction and every list entry)."""
        found, taken = [], set()
        for index, sent in enumerate(self.sentences):
            words = {t.lemma_.lower() for t in sent}
            if not words & PROPOSAL_HEADS:
                continue
            items_text, entries = self._list_after(index) if sent.text.rstrip().endswith(":") else ([], [])
            if not items_text:
                content = self._inline_content(sent)
                if content is None:
                    continue
                items_text = [content]
            proposer, recipient, spans = self._parties(sent)
            if proposer is None:
                continue
            items = [ProposalItem(text=t, topic=topic_of(t), conditions=conditions_of(t)) for t in items_text]
            taken.update([index, *entries])
            found.append(Proposal(
                proposal_id=f"{self.doc_id}:p{len(found)}", doc_id=self.doc_id, kind="proposal",
                sentence_index=index, sentence=sent.text.strip(), actor=proposer, recipient=recipient,
                items=items, evidence=spans))
        return found, taken

    def _list_after(self, index: int) -> tuple[list[str], list[int]]:
        """The numbered entries that follow an introduction ending with a colon, and their sentences."""
        items: list[str] = []
        entries: list[int] = []
        for number, sent in enumerate(self.sentences[index + 1:], start=index + 1):
            text = sent.text.strip()
            if not text:
                continue
            if LIST_ITEM.match(text):
                items.append(LIST_ITEM.sub("", text).strip())
            elif items and not LIST_ITEM.match(text) and not text[:1].isupper():
                items[-1] += " " + text  # an entry broken across sentences
            else:
                break
            entries.append(number)
        return items, entries

    def _inline_content(self, sent: Span) -> str | None:
        """"X proposed a ceasefire in exchange for ...": the object of the proposing word and what follows."""
        for token in sent:
            if token.lemma_.lower() in ("propose", "offer", "suggest") and token.pos_ == "VERB":
                tail = [t for t in token.subtree if t.i > token.i and t.dep_ not in ("nsubj",)]
                if tail:
                    return self.doc[tail[0].i:tail[-1].i + 1].text.strip(" .")
        return None

    def _parties(self, sent: Span):
        verb = sent.root
        for token in sent:
            if token.lemma_.lower() in ("submit", "propose", "offer", "present", "put", "make", "table", "send"):
                verb = token
                break
        subject = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        proposer = recipient = None
        spans: dict = {"proposer": None, "recipient": None}
        if subject is not None:
            found = self.actors.resolve(subject)
            if found:
                proposer, spans["proposer"] = found[0].actor, found[0].span
        # "submitted its proposals for a peace agreement to the Kremlin": the first "to" in the clause
        to = [g for p in verb.subtree if p.dep_ in ("prep", "dative") and p.lower_ == "to"
              for g in p.children if g.dep_ == "pobj"]
        for candidate in to:
            found = self.actors.resolve(candidate)
            if found:
                recipient, spans["recipient"] = found[0].actor, found[0].span
                break
        return proposer, recipient, spans

    def _positions(self, events: list[Event], offset: int) -> list[Proposal]:
        found = []
        for event in events:
            stance = STANCES.get(event.event_type)
            if stance is None or event.source is None or event.source.country is None:
                continue
            topic = topic_of(event.sentence)
            if topic == "other":
                continue
            found.append(Proposal(
                proposal_id=f"{self.doc_id}:p{offset + len(found)}", doc_id=self.doc_id, kind="position",
                sentence_index=event.sentence_index, sentence=event.sentence, actor=_plain(event.source),
                recipient=_plain(event.target) if event.target else None, stance=stance, date=event.date,
                items=[ProposalItem(text=event.sentence, topic=topic, conditions=conditions_of(event.sentence))],
                event_id=event.event_id, evidence={"trigger": event.evidence.trigger, "proposer": event.evidence.source,
                                                   "recipient": event.evidence.target}))
        return found


def _plain(actor: Actor | None) -> Actor | None:
    return actor.model_copy() if actor else None
