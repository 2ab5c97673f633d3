"""What a place mention is, and the words and weights that find and score place mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventcoder.models import Place
from eventcoder.places.gazetteer import GeoRecord
from eventcoder.places.normalize import CITY_WORDS, REGION_PLURALS, REGION_WORDS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
NEVER_LABELS = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "PERCENT"}
# Words that are also the names of small places somewhere ("Thursday Island" has the alternate name Thursday).
NOT_PLACES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "god", "president", "minister", "general", "police", "army", "mr", "mrs", "ms", "dr", "saint", "st",
              "lake", "mount", "north", "south", "east", "west", "central", "new", "old", "great", "upper", "lower",
              # continents: GeoNames lists them among old names of towns ("Africa" for Mahdia, Tunisia)
              "africa", "europe", "asia", "america", "americas", "oceania", "antarctica", "eurasia"}
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
# Words that begin the names of places and features ("Mount Sinjar" is at Sinjar); other unknown names before a
# place name make a name of their own ("the Galwan Valley", "Abzas Media" are not the towns Valley and Media)
NAME_PREFIXES = {"mount", "lake", "cape", "fort", "port", "point", "saint", "st", "san", "santa", "sao", "new", "old",
                 "upper", "lower", "greater", "little", "great", "grand", "camp"}
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
