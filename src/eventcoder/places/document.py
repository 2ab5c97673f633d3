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

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.kb import KnowledgeBase, Mention
from eventcoder.models import Place
from eventcoder.nlp import names_a_base, sentence_of
from eventcoder.places.gazetteer import Gazetteer, GeoRecord, load_gazetteer
from eventcoder.places.normalize import ADM2_WORDS, CITY_WORDS, REGION_PLURALS, REGION_WORDS, normalize

PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
NEVER_LABELS = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERCENT"}
# Words that are also the names of small places somewhere ("Thursday Island" has the alternate name Thursday).
NOT_PLACES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "god", "president", "minister", "general", "police", "army", "mr", "mrs", "ms", "dr", "saint", "st",
              "lake", "mount", "north", "south", "east", "west", "central", "new", "old", "great", "upper", "lower"}
LOCATIVE_PREPS = {"in", "at", "near", "around", "outside", "across", "inside", "throughout", "into", "to", "toward",
                  "towards", "from", "via", "through", "within", "off", "along", "over", "on", "between", "past",
                  "beyond", "nearby", "outskirts", "south", "north", "east", "west"}
PLACE_NOUNS = CITY_WORDS | REGION_WORDS | REGION_PLURALS | {"direction", "area", "outskirts", "region", "coast",
                                                            "border", "centre", "center", "heart", "part", "parts",
                                                            "south", "north", "east", "west", "province"}
CONNECTORS = {"of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al",
              "ad", "ar", "as", "ash", "at", "az", "an", "ul", "bin", "ibn", "van", "von", "der", "den", "upon", "on",
              "sur", "am", "im", "en", "y", "i", "e", "-", "'", "’", "the"}
ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"}
DIRECTIONS = {"west": "west", "western": "west", "east": "east", "eastern": "east", "north": "north",
              "northern": "north", "south": "south", "southern": "south", "central": "central",
              "northwest": "north-west", "northwestern": "north-west", "north-west": "north-west",
              "north-western": "north-west", "northeast": "north-east", "northeastern": "north-east",
              "north-east": "north-east", "north-eastern": "north-east", "southwest": "south-west",
              "southwestern": "south-west", "south-west": "south-west", "south-western": "south-west",
              "southeast": "south-east", "southeastern": "south-east", "south-east": "south-east",
              "south-eastern": "south-east"}
# Verbs whose subject is a place, not an actor ("Kherson lies on the Dnipro").
PLACE_VERBS = {"be", "lie", "sit", "stand", "border", "remain", "fall", "become", "locate", "situate", "host",
               "have", "see", "experience", "suffer", "neighbour", "neighbor"}
# Buildings named after the place they are in ("a Kharkiv apartment block", "a Gaza hospital").
FACILITY_NOUNS = {"block", "building", "hospital", "school", "market", "mosque", "church", "synagogue", "port",
                  "airport", "station", "plant", "refinery", "prison", "jail", "camp", "base", "bridge", "stadium",
                  "university", "embassy", "consulate", "checkpoint", "mall", "hotel"}
# Verbs whose object is a place when the gazetteer knows the name ("shelled Mariupol", "captured Avdiivka"),
# whatever spaCy's entity label says.
PLACE_OBJECT_VERBS = {"shell", "bomb", "bombard", "pound", "capture", "seize", "besiege", "encircle", "storm",
                      "liberate", "retake", "recapture", "occupy", "enter", "evacuate", "overrun", "surround"}
KIND_BONUS = {"main": 1.0, "alias": 1.5, "country": 1.0, "alternate": 0.0, "stem": -0.5}
QUALIFIER_BONUS = 8.0
ADMIN_CONTEXT_BONUS = 4.0
LOCATION_CONTEXT = 2.0  # a country named as a place (or holding a named place)
ACTOR_CONTEXT = 0.5  # a country behind an actor or an adjective ("Russian troops", "Biden")
MAX_COUNTRY_BONUS = 2.5
SENTENCE_BONUS = 0.5
CAPITAL_BONUS = 0.8
FAME_WEIGHT = 0.75  # x log10(1 + number of names in other languages)
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’\- ]{1,40}?|[A-Z][A-Za-z.'’\- ]{1,40}?(?=\s*\())"
    r"(?:,\s*(?P<qualifier>[A-Z][A-Za-z.'’\- ]{1,40}?))?"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z.&/ ]{1,30}\))?\s*(?:[-—–:]{1,2})\s", re.MULTILINE)


@dataclass(frozen=True, eq=False)
class PlaceMention:
    """A place named in the text: tokens [start, end), the geocoded place and its character span."""

    start: int
    end: int
    place: Place
    span: tuple[int, int]
    record: GeoRecord | None = None
    candidates: tuple[tuple[float, GeoRecord], ...] = ()  # scored alternatives, best first
    metonym: bool = False  # "Moscow said": the place stands for an actor
    qualifier: bool = False  # "Oklahoma" in "Prague, Oklahoma"
    source: str = "gazetteer"  # gazetteer, kb, direction, entity, metonym


@dataclass
class _Match:
    start: int
    end: int  # tokens of the name (a region word after it is added to `tail`)
    cands: list[tuple[int, str]]  # (record index, kind)
    source: str = "gazetteer"
    tail: int = 0  # region word(s) after the name: "Kebbi [state]"
    want: str | None = None  # region, adm2, city
    qualifiers: list[_Match] = field(default_factory=list)
    qualifies: bool = False
    metonym: bool = False
    direction: str | None = None
    entry_name: str | None = None  # KB metonym: the seat of power
    as_place: bool = True  # named as a place (not "Ukraine said")
    part: bool = False  # "Daraa al-Balad": a part of the place the name starts with
    scored: list[tuple[float, GeoRecord]] = field(default_factory=list)
    static: list[tuple[float, GeoRecord]] | None = None  # context-free scores, computed once

    @property
    def stop(self) -> int:
        return self.end + self.tail

    @property
    def key(self) -> str:
        return ",".join(str(r) for r, _ in sorted(self.cands))


class _Context:
    """Counts from the document, less the mention's own contribution (a place is no evidence for itself)."""

    __slots__ = ("base", "extra", "own")

    def __init__(self, base: Counter, extra: Counter | None, own):
        self.base, self.extra, self.own = base, extra, own

    def get(self, key, default=0):
        count = self.base.get(key, 0) + (self.extra.get(key, 0) if self.extra is not None else 0)
        if key == self.own and key is not None:
            count -= 1
        return count if count > 0 else default


def _capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


class DocumentPlaces:
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

    # ================================================================ finding

    def _find(self) -> list[PlaceMention]:
        matches = self._kb_matches()
        self._directions(matches)
        taken = {i for m in matches for i in range(m.start, m.end)}
        for m in self._gazetteer_matches():
            if taken & set(range(m.start, m.end)):
                continue
            if m.start > 0 and m.end - m.start == 1 and self.doc[m.start].lower_ in DIRECTIONS:
                continue
            self._directions([m])
            if taken & set(range(m.start, m.end)):
                continue
            taken.update(range(m.start, m.end))
            matches.append(m)
        matches = [m for m in matches if self._plausible(m)]
        matches.sort(key=lambda m: m.start)
        for m in matches:
            m.as_place = m.source != "kb" or self._locative(self.doc[m.start:m.end].root)
        self._regions_and_cities(matches)
        self._qualify(matches)
        self._resolve(matches)
        # "the Red Sea" is water, not Sudan's Red Sea state (the gazetteer has no seas)
        matches = [m for m in matches if not self.is_water(m.end)]
        # "Mexico's Gulf coast": a name qualified by an area it has no namesake in is not a place there
        matches = [m for m in matches if not m.qualifiers or not m.scored or any(
            record.within(area) for _, record in m.scored for q in m.qualifiers for _, area in q.scored)]
        found = [self._mention(m) for m in matches]
        found = [m for m in found if m is not None]
        covered = {i for m in found for i in range(m.start, m.end)}
        for ent in self.ents:
            if ent.label_ not in PLACE_LABELS or covered & set(range(ent.start, ent.end)):
                continue
            if all(t.lower_ in DIRECTIONS or t.lower_ == "the" for t in ent) or any(
                    self.is_water(t.i + 1) for t in ent):
                continue  # "the West", "the South": political, not a place; "the Red Sea", "the Sea of Japan"
            if any(e.kind not in ("country", "capital", "adjective") for i in range(ent.start, ent.end)
                   for e in self.entries_by_token.get(i, ())):
                continue  # an organisation or a person the knowledge base knows ("the Kremlin" is handled above)
            found.append(self._entity_mention(ent, found))
        found.sort(key=lambda m: m.start)
        return found

    def _kb_matches(self) -> list[_Match]:
        """Countries and capitals the actor matcher found; seats of power written as places ("the Kremlin")."""
        out = []
        gaz = self.gazetteer
        for m in self.kb_mentions:
            entry = next((e for e in m.entries if e.kind in ("country", "capital")), None)
            if entry is not None and entry.kind == "country" and m.end < len(self.doc) and \
                    self.doc[m.end].lower_ in REGION_WORDS:
                continue  # "Niger state" is a Nigerian state: the gazetteer's region, not the country
            if entry is not None:
                iso3 = entry.roles[0].country
                if entry.kind == "country":
                    record = gaz.country(iso3)
                    cands = [(record.index, "country")] if record else []
                else:
                    # The capital is the strong prior; homonyms stay candidates for qualifiers and context
                    # ("Paris, Texas"). The knowledge base may spell it differently from GeoNames ("Kiev").
                    key = normalize(self.doc[m.start:m.end].text)
                    cands = gaz.lookup(key)
                    in_country = [r for r, _ in cands if gaz.record(r).country == iso3 and gaz.record(r).is_city]
                    capital = gaz.capital(iso3)
                    if capital is not None and capital.index not in in_country and not in_country:
                        in_country = [capital.index]
                    best = max(in_country, key=lambda r: (r == (capital.index if capital else -1),
                                                          gaz.record(r).population), default=None)
                    # the knowledge base says which of the country's homonyms it is ("New Delhi", not Delhi)
                    cands = [(r, k) for r, k in cands if r != best and r not in in_country] + (
                        [(best, "main")] if best is not None else [])
                if cands:
                    out.append(_Match(m.start, m.end, cands, source="kb"))
                continue
            metonym = next((e for e in m.entries if e.kind == "metonym"), None)
            ent = self.ents_by_token.get(m.start)
            if metonym is not None and ent is not None and ent.label_ in PLACE_LABELS:
                capital = gaz.capital(metonym.roles[0].country)
                if capital is not None:
                    out.append(_Match(m.start, m.end, [(capital.index, "alias")], source="metonym",
                                      entry_name=self.doc[m.start:m.end].text))
        return out

    def _gazetteer_matches(self) -> list[_Match]:
        """Every run of capitalised words looked up at once; longest non-overlapping matches win."""
        doc = self.doc
        n = len(doc)
        max_words = self.gazetteer.max_words
        words = [token[0] for token in self._tokens]
        starts = [token[1] for token in self._tokens]
        lower = [w.lower() for w in words]
        capital = [bool(w) and w[0].isupper() and any(c.isalpha() for c in w) for w in words]
        sent_end = [n] * n
        end = n
        for i in range(n - 1, -1, -1):
            sent_end[i] = end
            if self.sent_start[i] == i:
                end = i
        spans: list[tuple[int, int]] = []
        for i in range(n):
            article = lower[i] in ARTICLES and i + 2 < n and words[i + 1] == "-" and capital[i + 2]
            if not (capital[i] or article):
                continue
            for k in range(i + 1, min(i + max_words, sent_end[i]) + 1):
                last = k - 1
                inner = last > i
                if inner and not (capital[last] or lower[last] in CONNECTORS or lower[last] in REGION_WORDS):
                    break
                if capital[last] or (inner and lower[last] in REGION_WORDS):
                    spans.append((i, k))
        if not spans:
            return []
        text = self.text
        texts = [normalize(text[starts[i]:starts[k - 1] + len(words[k - 1])]) for i, k in spans]
        unique = list(dict.fromkeys(t for t in texts if t))
        results = dict(zip(unique, self.gazetteer.lookup_many(unique), strict=True))
        hits = [(i, k, results[t]) for (i, k), t in zip(spans, texts, strict=True) if t and results.get(t)]
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: set[int] = set()
        out = []
        for i, k, cands in hits:
            if taken & set(range(i, k)):
                continue
            part = False
            if k + 2 < n and lower[k] in ARTICLES and words[k + 1] == "-" and capital[k + 2] \
                    and not taken & {k, k + 1, k + 2}:
                k, part = k + 3, True  # "Daraa al-Balad": a quarter of Daraa
            taken.update(range(i, k))
            out.append(_Match(i, k, list(cands), part=part))
        return out

    # ================================================================ filters

    def _in_dateline(self, m: _Match) -> bool:
        if not self.dateline_range:
            return False
        start = self.doc[m.start].idx
        return self.dateline_range[0] <= start < self.dateline_range[1]

    def _plausible(self, m: _Match) -> bool:
        """Is this gazetteer phrase a place here? KB places always are."""
        if m.source != "gazetteer":
            return True
        doc = self.doc
        span = doc[m.start:m.end]
        if self._in_dateline(m):
            return True
        # The knowledge base knows it as something else: an organisation, a person, an adjective.
        for i in range(m.start, m.end):
            entries = self.entries_by_token.get(i)
            if entries and not any(e.kind in ("country", "capital") for e in entries):
                return False
        ents = {self.ents_by_token[i] for i in range(m.start, m.end) if i in self.ents_by_token}
        if any(e.label_ in NEVER_LABELS for e in ents) or normalize(span.text) in NOT_PLACES:
            return False
        if any(e.label_ in PLACE_LABELS for e in ents):
            return True
        locative = self._locative(span.root) or self._qualifier_position(m)
        if all(t.text.isupper() for t in span if t.is_alpha and t.lower_ not in CONNECTORS):
            return locative  # an all-caps headline word ("MET") is a place only in a place position
        # Hand-listed names (Donbas, the Crimean Peninsula) and country names are places wherever they stand.
        # (spaCy's small model calls "Donbass" a person and "Crimea" an organisation).
        if any(kind == "alias" for _, kind in m.cands) or (
                any(kind == "country" for _, kind in m.cands) and not any(e.label_ in ("PERSON", "NORP")
                                                                         for e in ents)):
            return all(e.start >= m.start and e.end <= m.end + self._followed_by_region_word(m) for e in ents)
        if any(e.label_ in OTHER_LABELS for e in ents):
            # spaCy calls it a person or an organisation: only a place in a place position ("Oxford is home to":
            # not for a person), and only when the entity is no longer than the name with its region word
            # ("Oxford University" is not Oxford; "Aleppo Governorates" is Aleppo).
            end = m.end + self._followed_by_region_word(m)
            if not any(e.label_ in ("PERSON", "NORP") for e in ents):
                locative = locative or self._place_subject(span.root)
            return locative and all(e.start >= m.start and e.end <= end for e in ents)
        words = [t for t in span if t.is_alpha and t.lower_ not in CONNECTORS and t.lower_ not in REGION_WORDS]
        if not words or not all(t.pos_ == "PROPN" for t in words):
            return False
        return bool(locative or self._followed_by_region_word(m) or any(t.lower_ in REGION_WORDS for t in span))

    def _locative(self, token: Token, depth: int = 0) -> bool:
        """Is the token in a place position: "in X", "the city of X", "X province", "X and Y" after "in"?"""
        head = token.head
        if token.dep_ == "pobj":
            if head.lower_ in LOCATIVE_PREPS:
                return True
            if head.lower_ == "of" and (head.head.lemma_.lower() in PLACE_NOUNS or head.head.lower_ == "out"):
                return True  # "the city of X", "pulled out of X"
        if token.dep_ in ("compound", "nmod", "amod", "poss") and head.lemma_.lower() in PLACE_NOUNS | FACILITY_NOUNS:
            return True  # "Nigeria's Kebbi state", "a Kharkiv apartment block"
        if token.dep_ in ("conj", "appos") and head != token and depth < 4:
            return self._locative(head, depth + 1) or head.i in self.by_token or self._known_place(head)
        return token.dep_ in ("dobj", "obj") and head.lemma_.lower() in PLACE_OBJECT_VERBS

    @staticmethod
    def _place_subject(token: Token) -> bool:
        """"Oxford is home to ...", "Kherson lies on the Dnipro": the subject of a verb said of places."""
        return token.dep_ == "nsubj" and token.head.lemma_.lower() in PLACE_VERBS - {"have", "see"}

    def _known_place(self, token: Token) -> bool:
        ent = self.ents_by_token.get(token.i)
        if ent is not None and ent.label_ in PLACE_LABELS:
            return True
        return any(e.kind in ("country", "capital") for e in self.entries_by_token.get(token.i, ()))

    def _qualifier_position(self, m: _Match) -> bool:
        """"Prague, Oklahoma": a name right after "<place>," is a qualifier."""
        doc = self.doc
        if m.start >= 2 and doc[m.start - 1].text == ",":
            previous = doc[m.start - 2]
            return self._known_place(previous) or previous.i in self.by_token
        return False

    def is_water(self, end: int) -> bool:
        """A name ending in "Sea" or "Ocean" and not followed by a region word ("Red Sea state")."""
        return self.doc[end - 1].lower_ in ("sea", "ocean") and not self._region_word_at(end)

    def _followed_by_region_word(self, m: _Match) -> bool:
        return self._region_word_at(m.end)

    def _region_word_at(self, i: int) -> bool:
        return i < len(self.doc) and self.doc[i].lower_ in REGION_WORDS | REGION_PLURALS

    # ================================================================ kinds and qualifiers

    def _regions_and_cities(self, matches: list[_Match]) -> None:
        """"Kebbi state" -> a region; "the cities of Homs and Aleppo" -> cities; "Homs and Aleppo Governorates"
        -> regions both."""
        doc = self.doc
        for m in matches:
            last = doc[m.end - 1].lower_
            if m.end < len(doc) and doc[m.end].lower_ in REGION_WORDS | REGION_PLURALS and m.source != "kb":
                m.tail = 1
                word = doc[m.end].lower_
                m.want = "adm2" if word in ADM2_WORDS else "region"
            elif last in REGION_WORDS:
                m.want = "adm2" if last in ADM2_WORDS else "region"
            elif m.end < len(doc) and doc[m.end].lower_ in CITY_WORDS and doc[m.end].lower_ not in ("capital",):
                m.want = "city"
            else:
                before = [t for t in doc[max(0, m.start - 3):m.start] if t.lower_ not in ("the", "a")]
                if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lower_ in CITY_WORDS:
                    m.want = "city"
        # coordinated runs share the wanted kind: "Homs and Aleppo Governorates", "the cities of Homs and Aleppo"
        runs: list[list[_Match]] = []
        for m in matches:
            if runs and self._coordinated(runs[-1][-1], m):
                runs[-1].append(m)
            else:
                runs.append([m])
        for run in runs:
            if len(run) < 2:
                continue
            last_word = doc[run[-1].end].lower_ if run[-1].tail else ""
            if last_word in REGION_PLURALS:
                for m in run:
                    m.want = m.want or ("adm2" if last_word in ADM2_WORDS else "region")
            first = run[0]
            if first.want == "city":
                for m in run[1:]:
                    m.want = m.want or "city"

    def _coordinated(self, a: _Match, b: _Match) -> bool:
        between = self.doc[a.stop:b.start]
        return len(between) > 0 and all(t.lower_ in (",", "and", "or", "&") for t in between)

    def _directions(self, matches: list[_Match]) -> None:
        """"West Ukraine", "southern Ukraine", "north-eastern Syria": a part of a country."""
        doc = self.doc
        for m in matches:
            if not any(self.gazetteer.record(r).feature == "PCLI" for r, _ in m.cands):
                continue
            i = m.start - 1
            words = []
            while i >= 0 and (doc[i].lower_ in DIRECTIONS or doc[i].text == "-") and len(words) < 3:
                words.insert(0, doc[i].lower_)
                i -= 1
            text = "".join(words) if "-" in words else " ".join(words)
            direction = DIRECTIONS.get(text) or (DIRECTIONS.get(words[-1]) if words else None)
            if direction is None:
                continue
            m.direction = direction
            m.start = i + 1

    def _qualify(self, matches: list[_Match]) -> None:
        """Link a name to the area that qualifies it: "Prague, Oklahoma", "Nigeria's Kebbi state",
        "the Tigray region of Ethiopia", "Geneva, Illinois"."""
        doc = self.doc
        by_start = {m.start: m for m in matches}
        for m in matches:
            after = m.stop
            # "X, Y"
            if after + 1 < len(doc) and doc[after].text == "," and after + 1 in by_start:
                q = by_start[after + 1]
                if self._is_area(q):
                    m.qualifiers.append(q)
                    q.qualifies = True
            # "X region of Y", "X in Y" for a region or city named with its kind
            if after + 1 < len(doc) and doc[after].lower_ in ("of", "in") and m.tail:
                q = by_start.get(after + 1) or (by_start.get(after + 2) if doc[after + 1].lower_ == "the" else None)
                if q is not None and self._is_area(q):
                    m.qualifiers.append(q)
            # "Y's (northern) X"
            j = m.start - 1
            while j >= 0 and (doc[j].pos_ == "ADJ" or doc[j].lower_ in DIRECTIONS) and m.start - j <= 3:
                j -= 1
            if j >= 1 and doc[j].text in ("'s", "’s", "'"):
                q = next((p for p in matches if p.stop == j), None)
                if q is not None and self._is_area(q):
                    m.qualifiers.append(q)

    def _is_area(self, m: _Match) -> bool:
        return any(self.gazetteer.record(r).feature in ("PCLI", "ADM1", "ADM2", "RGN") for r, _ in m.cands)

    # ================================================================ disambiguation

    def _context(self) -> tuple[Counter, Counter, dict[int, set[str]]]:
        """Countries named in the document: as places (strong) and as actors or adjectives (weak); per sentence."""
        as_place: Counter = Counter()
        as_actor: Counter = Counter()
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for m in self.kb_mentions:
            sent = self.sent_start[m.start]
            for entry in m.entries[:1]:
                for role in entry.roles[:1]:
                    if not role.country:
                        continue
                    if entry.kind in ("country", "capital", "adjective"):
                        by_sentence[sent].add(role.country)
                    root = self.doc[m.start:m.end].root
                    if entry.kind in ("country", "capital") and self._locative(root):
                        as_place[role.country] += 1
                    else:
                        as_actor[role.country] += 1
        return as_place, as_actor, by_sentence

    def _resolve(self, matches: list[_Match]) -> None:
        as_place, as_actor, by_sentence = self._context()
        place_countries: Counter = Counter()
        admin: Counter = Counter()
        for rounds in range(2):
            for m in matches:
                own_country, own_admin = None, None  # a place is no evidence for itself
                if rounds and m.scored and m.as_place and not m.direction:
                    best = m.scored[0][1]
                    own_country = best.country
                    if best.is_region and best.admin1_index >= 0:
                        own_admin = best.admin1_index
                places = _Context(as_place, place_countries, own_country)
                admins = _Context(admin, None, own_admin)
                sentence = by_sentence.get(self.sent_start[m.start], set())
                m.scored = self._score(m, places, as_actor, admins, sentence)
            # qualifiers take the candidate that contains the place they qualify
            for m in matches:
                for q in m.qualifiers:
                    if m.scored and q.scored:
                        inner = m.scored[0][1]
                        containing = [(s, r) for s, r in q.scored if inner.within(r)]
                        if containing and containing[0][1] is not q.scored[0][1]:
                            q.scored = containing + [c for c in q.scored if c not in containing]
            self._one_sense(matches)
            place_countries = Counter(m.scored[0][1].country for m in matches
                                      if m.scored and not m.direction and m.as_place)
            admin = Counter(m.scored[0][1].admin1_index for m in matches
                            if m.scored and m.scored[0][1].is_region and m.scored[0][1].admin1_index >= 0)

    @staticmethod
    def _one_sense(matches: list[_Match]) -> None:
        """One sense per discourse: the same name twice in a document is the same place ("Paris, Texas ... Paris
        is 100 miles from Dallas"); the evidence of all its mentions is added up."""
        groups: dict[str, list[_Match]] = defaultdict(list)
        for m in matches:
            if m.scored and not m.direction and not m.part:
                groups[m.key].append(m)
        for group in groups.values():
            if len(group) < 2:
                continue
            total: Counter = Counter()
            for m in group:
                for score, record in m.scored:
                    total[record.index] += score
            best = max(total, key=lambda index: total[index])
            for m in group:
                first = [item for item in m.scored if item[1].index == best]
                m.scored = first + [item for item in m.scored if item[1].index != best]

    def _score(self, m: _Match, place_ctx, actor_ctx, admin_ctx, sentence: set[str]) -> list[tuple[float, GeoRecord]]:
        if m.static is None:
            m.static = self._static_scores(m)
        scored = []
        for base, record in m.static:
            score = base
            if record.feature != "ADM1" and admin_ctx.get(record.admin1_index):
                score += ADMIN_CONTEXT_BONUS
            country_bonus = LOCATION_CONTEXT * min(place_ctx.get(record.country, 0), 1) + ACTOR_CONTEXT * min(
                actor_ctx.get(record.country, 0), 1.5)
            score += min(country_bonus, MAX_COUNTRY_BONUS)
            if record.country in sentence:
                score += SENTENCE_BONUS
            scored.append((round(score, 3), record))
        scored.sort(key=lambda item: (-item[0], -item[1].population, item[1].index))
        return scored

    def _static_scores(self, m: _Match) -> list[tuple[float, GeoRecord]]:
        """The context-free part of each candidate's score: population, fame, how the name matched, capital
        status, the wanted kind, the qualifier."""
        gaz = self.gazetteer
        kinds: dict[int, str] = {}
        for r, k in m.cands:
            if r not in kinds or KIND_BONUS[k] > KIND_BONUS[kinds[r]]:
                kinds[r] = k
        records = [gaz.record(r) for r in kinds]
        if m.direction:
            records = [r for r in records if r.feature == "PCLI"] or records
        if m.want in ("region", "adm2"):
            records = [r for r in records if r.is_region] or records
        elif m.want == "city":
            records = [r for r in records if r.is_city] or records
        else:
            # A region gives way to a city in it that bears the name as its own ("Kherson", "Homs", "Kyiv") or
            # that dominates it ("New York"); "Oklahoma" stays the state (Oklahoma City is a third of it).
            cities = [r for r in records if r.is_city and (kinds[r.index] in ("main", "alias") or
                                                             not m.direction)]
            records = [r for r in records if not (r.is_region and any(
                c.within(r) and (kinds[c.index] in ("main", "alias") or c.population >= 0.4 * r.population)
                for c in cities))]
        qualifier_areas = [gaz.record(r) for q in m.qualifiers for r, _ in q.cands]
        scored = []
        for record in records:
            score = math.log10(record.population + 100) + KIND_BONUS[kinds[record.index]]
            if record.feature != "PCLI":
                score += FAME_WEIGHT * math.log10(1 + record.names)
            if record.feature == "PPLC":
                score += CAPITAL_BONUS
            if record.feature == "PCLI" and m.source == "gazetteer":
                score += 1.0
            if m.want == "adm2" and record.feature == "ADM2":
                score += 1.0
            if any(record.within(area) and area.index != record.index for area in qualifier_areas):
                score += QUALIFIER_BONUS
            scored.append((score, record))
        return scored

    # ================================================================ output

    def _mention(self, m: _Match) -> PlaceMention | None:
        if not m.scored:
            return None
        doc = self.doc
        span = doc[m.start:m.stop]
        record = m.scored[0][1]
        text = span.text
        if m.direction:
            point = self.gazetteer.direction_point(record.country, m.direction)
            lat, lon = point if point else (record.lat, record.lon)
            place = Place(text=text, name=f"{record.name} ({m.direction})", country=record.country, admin1=None,
                          lat=lat, lon=lon, geonameid=None, precision="region")
            source = "direction"
        elif m.source == "metonym":
            place = Place(text=text, name=m.entry_name, country=record.country, admin1=record.admin1,
                          lat=record.lat, lon=record.lon, geonameid=None, precision="city")
            source = "metonym"
        elif m.part:
            place = Place(text=text, name=text, country=record.country, admin1=record.admin1, lat=record.lat,
                          lon=record.lon, geonameid=None, precision=record.precision)
            source = "part"
        else:
            place = self._place(record, text)
            source = m.source
        root = doc[m.start:m.end].root
        return PlaceMention(span.start, span.end, place, (span.start_char, span.end_char), record,
                            tuple(m.scored[:5]), self._metonymic(root, record), m.qualifies, source)

    @staticmethod
    def _place(record: GeoRecord, text: str) -> Place:
        return Place(text=text, name=record.name, country=record.country, admin1=record.admin1, lat=record.lat,
                     lon=record.lon, geonameid=record.geonameid, precision=record.precision)

    def _metonymic(self, root: Token, record: GeoRecord) -> bool:
        """"Moscow said", "Washington and Kyiv agreed": a place standing for its government."""
        token = root
        while token.dep_ == "conj" and token.head != token:
            token = token.head
        if token.dep_ == "nsubj":
            return token.head.lemma_.lower() not in PLACE_VERBS
        return token.dep_ == "pobj" and token.head.dep_ == "agent"

    def _entity_mention(self, ent: Span, found: list[PlaceMention]) -> PlaceMention:
        """A spaCy place entity the gazetteer does not know: its country from the phrase ("Tin Can Island, Lagos",
        "Nigeria's Kebbi state"), its point from the place that contains it, if any."""
        span = ent
        if span[0].lower_ == "the" and len(span) > 1:
            span = span[1:]
        text = span.text
        container = self._container(span, found)
        if container is not None and container.record is not None:
            record = container.record
            place = Place(text=text, name=text, country=record.country, admin1=record.admin1, lat=record.lat,
                          lon=record.lon, geonameid=None, precision=record.precision)
            return PlaceMention(span.start, span.end, place, (span.start_char, span.end_char), None, (),
                                False, False, "entity")
        country = container.place.country if container is not None else self._country_near(span)
        region = {t.lower_ for t in span} & (REGION_WORDS | {"peninsula", "valley", "coast", "border"})
        precision = "region" if region or ent.label_ == "LOC" else "city"
        place = Place(text=text, name=text, country=country, precision=precision)
        return PlaceMention(span.start, span.end, place, (span.start_char, span.end_char), None, (), False, False,
                            "entity")

    def _container(self, span: Span, found: list[PlaceMention]) -> PlaceMention | None:
        doc = self.doc
        by_start = {m.start: m for m in found}
        # "Tin Can Island, Lagos"
        if span.end + 1 < len(doc) and doc[span.end].text == "," and span.end + 1 in by_start:
            return by_start[span.end + 1]
        # "Daraa al-Balad" -> Daraa, when that city's country is named in the document
        countries = {m.place.country for m in found if m.place.country}
        countries |= {e.roles[0].country for m in self.kb_mentions for e in m.entries[:1] if e.roles}
        for k in range(span.end - 1, span.start, -1):
            key = normalize(doc[span.start:k].text)
            cities = [self.gazetteer.record(r) for r, _ in self.gazetteer.lookup(key)]
            cities = [c for c in cities if c.is_city and c.country in countries]
            if cities:
                best = max(cities, key=lambda c: c.population)
                return PlaceMention(span.start, k, self._place(best, doc[span.start:k].text),
                                    (span.start_char, doc[k - 1].idx + len(doc[k - 1].text)), best)
        return None

    def _country_near(self, span: Span) -> str | None:
        """"Nigeria's Kebbi state", "the Tigray region of Ethiopia", "Daraa, Syria"."""
        head = span.root
        for token in [*head.head.children, *head.children, head.head]:
            for entry in self.entries_by_token.get(token.i, ()):
                if entry.kind in ("country", "capital", "adjective"):
                    return entry.roles[0].country
        return None

    def _dateline_range(self) -> tuple[int, int] | None:
        """"KYIV, Ukraine (Reuters) -", "MOSCOW, March 3 -": the first lines of the text only."""
        text = self.text[:400]
        match = DATELINE.search(text)
        if match is None:
            return None
        if text[:match.start()].count("\n") > 6:
            return None
        return match.start("place"), match.end("qualifier") if match.group("qualifier") else match.end("place")

    # ================================================================ the coder's interface

    def place_at(self, token: Token) -> PlaceMention | None:
        return self.by_token.get(token.i)

    def countries_by_token(self) -> dict[int, str]:
        """Token -> country of the place it names (metonyms excluded)."""
        return {i: m.place.country for i, m in self.by_token.items() if not m.metonym and m.place.country}

    def countries_by_sentence(self) -> dict[int, list[str]]:
        """Sentence start -> countries of the places it names, in order (metonyms excluded)."""
        found: dict[int, list[str]] = {}
        for mention in sorted(set(self.by_token.values()), key=lambda m: m.start):
            if mention.metonym or not mention.place.country or names_a_base(self.doc, mention.end):
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

    # ---------------------------------------------------------------- where an event happened, when its clause
    # names no place

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


__all__ = ["DocumentPlaces", "PlaceMention"]
