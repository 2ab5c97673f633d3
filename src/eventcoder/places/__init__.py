"""Place mentions and their countries.

Countries and capitals come from the actor knowledge base (countries.tsv); other places are spaCy GPE/LOC/FAC
entities whose country is taken from the phrase ("Nigeria's Kebbi state") or else left unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.kb import KnowledgeBase, Mention
from eventcoder.models import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
REGION_WORDS = {"region", "province", "state", "oblast", "district", "county", "governorate", "territory",
                "peninsula", "area", "valley", "coast", "border", "prefecture"}
DIRECTIONS = {"west": "west", "western": "west", "east": "east", "eastern": "east", "north": "north",
              "northern": "north", "south": "south", "southern": "south", "central": "central"}


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place: Place
    span: tuple[int, int]


class DocumentPlaces:
    def __init__(self, doc: Doc, mentions: list[Mention], kb: KnowledgeBase):
        self.doc, self.kb = doc, kb
        self.entries_by_token = {i: m.entries for m in mentions for i in range(m.start, m.end)}
        self.by_token: dict[int, PlaceMention] = {}
        for place in self._find(mentions):
            for i in range(place.start, place.end):
                self.by_token[i] = place

    def _find(self, mentions: list[Mention]) -> list[PlaceMention]:
        found: list[PlaceMention] = []
        covered: set[int] = set()
        for m in mentions:
            entry = next((e for e in m.entries if e.kind in ("country", "capital")), None)
            if entry is None:
                continue
            span = self.doc[m.start:m.end]
            country = entry.roles[0].country
            precision = "country" if entry.kind == "country" else "city"
            name = entry.name if entry.kind == "country" else span.text
            found.append(self._mention(span, Place(text=span.text, name=name, country=country, precision=precision)))
            covered.update(range(m.start, m.end))
        for ent in self.doc.ents:
            if ent.label_ not in PLACE_LABELS or covered & set(range(ent.start, ent.end)):
                continue
            found.append(self._mention(ent, self._unknown_place(ent)))
        return found

    def _mention(self, span: Span, place: Place) -> PlaceMention:
        return PlaceMention(span.start, span.end, place, (span.start_char, span.end_char))

    def _unknown_place(self, ent: Span) -> Place:
        text = ent.text
        head = ent.root
        words = {t.lower_ for t in ent} | {head.head.lower_}
        country = None
        # "Nigeria's Kebbi state", "the Tigray region of Ethiopia", "Daraa, Syria"
        for token in [*head.head.children, *head.children, head.head]:
            entry = self._country_at(token)
            if entry:
                country = entry
                break
        direction = next((DIRECTIONS[t.lower_] for t in ent if t.lower_ in DIRECTIONS), None)
        base = next((t for t in ent if self._country_at(t)), None)
        if direction and base is not None:
            country = self._country_at(base)
            return Place(text=text, name=text, country=country, precision="region")
        precision = "region" if words & REGION_WORDS or ent.label_ == "LOC" else "city"
        return Place(text=text, name=text, country=country, precision=precision)

    def _country_at(self, token: Token) -> str | None:
        for entry in self.entries_by_token.get(token.i, ()):
            if entry.kind in ("country", "capital", "adjective"):
                return entry.roles[0].country
        return None

    def unnamed_place(self, token: Token) -> PlaceMention:
        """A proper noun in a locative phrase that no list knows ("in the direction of Chernigov")."""
        span = self.doc[token.left_edge.i if token.left_edge.pos_ == "PROPN" else token.i:token.i + 1]
        mention = self._mention(span, Place(text=span.text, name=span.text, precision="city"))
        for i in range(span.start, span.end):
            self.by_token[i] = mention
        return mention

    def place_at(self, token: Token) -> PlaceMention | None:
        return self.by_token.get(token.i)
