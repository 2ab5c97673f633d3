"""Place mentions of one parsed document, geocoded against the offline gazetteer.

Mentions come from three sources, in one pass over the tokens (never a loop over the gazetteer's names):
- the actor knowledge base's country and capital mentions (already matched by `ActorMatcher`);
- gazetteer phrases: every run of capitalised words (with connectors such as "al-", "de", "of") is looked up as a
  normalised key in the index (a hash probe per candidate span), longest match first;
- spaCy GPE/LOC/FAC entities that the gazetteer does not know (kept, with the country the phrase gives).

A gazetteer phrase outside a spaCy place entity must be a proper noun in a place-like position ("in X", "the city
of X", "X province", "X, Country"), so that "Police", "Obama" or "Oxford University" are not places.

Each mention's candidates are scored: population prior (log10), how the name matched (main name, alternate name,
hand-listed alias), capital status, the wanted kind ("Kebbi state" -> a region, "the city of Homs" -> a city),
an explicit qualifier ("Prague, Oklahoma", "Nigeria's Kebbi state": decisive), admin regions named in the document
("Paris" in a Texas story), and countries named in the document (as places: strong; as actors or adjectives: weak).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.kb import KnowledgeBase, Mention
from eventcoder.models import Place
from eventcoder.nlp import names_another_party, sentence_of
from eventcoder.places.gazetteer import Gazetteer, load_gazetteer
from eventcoder.places.matching import PlaceMatching
from eventcoder.places.mention import (
    ACTOR_CONTEXT,
    PLACE_NOUNS,
    PlaceMention,
    _Match,
)
from eventcoder.places.normalize import normalize
from eventcoder.places.scoring import PlaceScoring


class DocumentPlaces(PlaceMatching, PlaceScoring):
    """All place mentions of a document, geocoded; `place_at(token)` is what the event coder asks."""

    def __init__(self, doc: Doc, mentions: list[Mention], kb: KnowledgeBase, gazetteer: Gazetteer | None = None):
        self.doc, self.kb = doc, kb
        self._tokens = [(t.text, t.idx, t.is_sent_start, t.whitespace_) for t in doc]  # token objects are costly
        self.text = "".join(w + ws for w, _, _, ws in self._tokens)
        self.sent_start: list[int] = []
        current = 0
        for i, (_, _, starts, _) in enumerate(self._tokens):
            if starts and i:
                current = i
            self.sent_start.append(current)
        self.gazetteer = gazetteer or load_gazetteer()
        self.entries_by_token = {i: m.entries for m in mentions for i in range(m.start, m.end)}
        self.kb_mentions = mentions
        self.ents = list(doc.ents)
        self.ents_by_token: dict[int, Span] = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self.dateline_range = self._dateline_range()
        self.by_token: dict[int, PlaceMention] = {}
        self.mentions: list[PlaceMention] = []
        for mention in self._find():
            self.mentions.append(mention)
            for i in range(mention.start, mention.end):
                self.by_token[i] = mention
        self.dateline = next((m for m in self.mentions if m.span[0] < self.dateline_range[1]
                              and m.span[0] >= self.dateline_range[0] and not m.qualifier), None) \
            if self.dateline_range else None

    def place_at(self, token: Token) -> PlaceMention | None:
        return self.by_token.get(token.i)

    def countries_by_token(self) -> dict[int, str]:
        """Token -> country of the place it names (metonyms excluded)."""
        return {i: m.place.country for i, m in self.by_token.items() if not m.metonym and m.place.country}

    def countries_by_sentence(self) -> dict[int, list[str]]:
        """Sentence start -> countries of the places it names, in order (metonyms excluded)."""
        found: dict[int, list[str]] = {}
        for mention in sorted(set(self.by_token.values()), key=lambda m: m.start):
            if mention.metonym or not mention.place.country or names_another_party(self.doc, mention.end):
                continue
            start = sentence_of(self.doc[mention.start]).start
            if mention.place.country not in found.setdefault(start, []):
                found[start].append(mention.place.country)
        return found

    def unnamed_place(self, token: Token) -> PlaceMention:
        """A proper noun in a locative phrase that no list accepted ("in the direction of Chernigov"): the
        gazetteer is asked again without the proper-noun filters, else the name is kept with the country the
        phrase or the document gives."""
        start = token.left_edge.i if token.left_edge.pos_ == "PROPN" else token.i
        span = self.doc[start:token.i + 1]
        candidates = [] if self.is_water(span.end) else self.gazetteer.lookup(normalize(span.text))
        mention = None
        if candidates:
            m = _Match(span.start, span.end, list(candidates))
            self._qualify([m, *self._area_matches()])
            as_place, as_actor, by_sentence = self._context()
            places = Counter(p.place.country for p in self.mentions if p.place.country)
            m.scored = self._score(m, as_place + places, as_actor, Counter(),
                                   by_sentence.get(self.sent_start[token.i], set()))
            mention = self._mention(m)
        if mention is None:
            mention = self._entity_mention(span, self.mentions)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention
        self.mentions.append(mention)
        return mention

    def fallback_places(self, trigger: Token, source_head: Token | None = None,
                        material: bool = True) -> list[PlaceMention]:
        """The place of an event whose clause names none, in order: a place in the source's phrase ("police in
        Hong Kong", "a Moscow court"); for material events (not statements, whose place is where they were made),
        a place the sentence names in a locative phrase ("Two officers were killed when militants attacked a
        checkpoint in Soum province") and, for "the attack" and the like, the place last named before; the
        document's dateline ("KYIV, Ukraine (Reuters) -"); else nothing."""
        if source_head is not None:
            def modifies(m: PlaceMention) -> bool:  # "a Moscow court"
                return m.place.precision != "country" and self.doc[m.start:m.end].root.dep_ in ("compound", "nmod")

            inside = [m for m in self._mentions_under(source_head)
                      if source_head.i not in range(m.start, m.end) and not m.metonym and not m.qualifier
                      and (self._strictly_locative(self.doc[m.start:m.end].root) or modifies(m))]
            if inside:
                return self._ordered(inside)
        start = self.sent_start[trigger.i]
        end = next((i for i in range(trigger.i + 1, len(self.sent_start)) if self.sent_start[i] == i),
                   len(self.sent_start))
        in_sentence = [m for m in self.mentions if start <= m.start < end and self._usable(m)]
        if in_sentence and material:
            return self._ordered(in_sentence)
        if material and trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in
                                          trigger.children):
            earlier = [m for m in self.mentions if m.start < start and self._usable(m)
                       and self.sent_start[m.start] >= self._sentence_back(start, 3)]
            if earlier:
                return [earlier[-1]]
        return [self.dateline] if self.dateline is not None else []

    def _usable(self, m: PlaceMention) -> bool:
        return not m.metonym and not m.qualifier and self._strictly_locative(self.doc[m.start:m.end].root)

    def _strictly_locative(self, token: Token, depth: int = 0) -> bool:
        """"in X", "near X", "across X", "the city of X", "X province": where something is, not where it goes."""
        head = token.head
        if token.dep_ == "pobj":
            if head.lower_ in ("in", "at", "near", "around", "outside", "across", "inside", "throughout", "within",
                               "off", "along"):
                return True
            return head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS
        if token.dep_ in ("compound", "nmod", "poss") and head.lemma_.lower() in PLACE_NOUNS:
            return self._strictly_locative(head, depth + 1) if depth < 3 else False
        if token.dep_ in ("conj", "appos") and head != token and depth < 4:
            return self._strictly_locative(head, depth + 1)
        return False

    def _mentions_under(self, head: Token) -> list[PlaceMention]:
        tokens, stack = set(), [head]
        while stack:
            token = stack.pop()
            tokens.add(token.i)
            stack.extend(c for c in token.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "conj",
                                                                      "appos", "parataxis"))
        return [m for m in self.mentions if m.start in tokens]

    @staticmethod
    def _ordered(mentions: list[PlaceMention]) -> list[PlaceMention]:
        unique = list({m.start: m for m in mentions}.values())
        return sorted(unique, key=lambda m: (m.place.precision == "country", m.start))

    def _sentence_back(self, start: int, n: int) -> int:
        """The first token of the sentence n sentences before the one starting at `start`."""
        starts = sorted({s for s in self.sent_start[:start + 1]})
        return starts[-n - 1] if len(starts) > n else 0

    def _area_matches(self) -> list[_Match]:
        return [_Match(p.start, p.end, [(c[1].index, "main") for c in p.candidates[:1]]) for p in self.mentions
                if p.record is not None and p.record.feature in ("PCLI", "ADM1", "ADM2", "RGN")]

    def for_event(self, place: Place, span: tuple[int, int], countries: set[str]) -> Place:
        """Re-rank an ambiguous place by the event's actors: when they all belong to one country and a close
        candidate lies there, prefer it ("troops clashed with rebels in X" where X is also a town abroad)."""
        if len(countries) != 1:
            return place
        mention = next((m for m in self.mentions if m.span == span), None)
        if mention is None or len(mention.candidates) < 2 or mention.source not in ("gazetteer",):
            return place
        (country,) = countries
        best_score, best = mention.candidates[0]
        if best.country == country:
            return place
        for score, record in mention.candidates[1:]:
            if record.country == country and score + ACTOR_CONTEXT * 1.5 > best_score:
                return self._place(record, place.text)
        return place
