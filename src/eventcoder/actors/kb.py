"""The actor knowledge base: plain TSV files under `data/actors/`, loaded once and matched with spaCy's
PhraseMatcher (one pass per document, never a loop over dictionary entries)."""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import filter_spans

from eventcoder.models import ACTOR_TYPES

DATA = resources.files("eventcoder") / "data" / "actors"


@dataclass(frozen=True)
class Role:
    """A time-bounded affiliation: `country`/`type` hold from `start` to `end` (None = open)."""

    country: str | None
    type: str | None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One known actor. kind: country, adjective, capital, metonym, organization or person."""

    kind: str
    key: str
    name: str
    roles: tuple[Role, ...]
    wikidata: str | None = None

    def role_at(self, day: dt.date | None) -> Role:
        """The role in force on `day`; else the latest one before it (a former office-holder keeps the type of
        the office they held); before any known role only the country is known. Undated text gets the role
        held longest."""
        if day is None:
            return max(self.roles, key=lambda r: ((r.end or dt.date(2026, 1, 1)) - (r.start or dt.date(1950, 1, 1))))
        current = [r for r in self.roles if r.covers(day)]
        if current:
            return current[-1]
        earlier = [r for r in self.roles if r.end is not None and r.end < day]
        if earlier:
            return earlier[-1]
        first = self.roles[0]
        return Role(first.country, None if first.start is not None else first.type)

    def active_at(self, day: dt.date | None) -> bool:
        return day is None or any(r.covers(day) for r in self.roles)


@dataclass(frozen=True)
class Agent:
    """A generic noun or title: 'troops' -> MIL, 'foreign minister' -> GOV (role 'foreign minister')."""

    phrase: str
    type: str
    kind: str
    role: str | None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entries: tuple[Entry, ...]


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k: (v or "").strip() for k, v in row.items() if k}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


@dataclass
class KnowledgeBase:
    """Phrases (lower-cased) -> entries, plus agent nouns by lemma."""

    phrases: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    case_sensitive: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    # Patterns are tokenized as written: "u.n." does not split like "U.N.".
    surface: dict[str, str] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Entry] = field(default_factory=dict)
    regional_bodies: dict[str, Entry] = field(default_factory=dict)  # "west african" -> ECOWAS
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # "south american" -> its countries
    shared_names: set[str] = field(default_factory=set)  # institutions many countries have: "Congress"

    def add(self, phrase: str, entry: Entry, case_sensitive: bool = False) -> None:
        table = self.case_sensitive if case_sensitive else self.phrases
        key = phrase if case_sensitive else phrase.lower()
        self.surface.setdefault(key, phrase)
        if entry not in table[key]:
            table[key].append(entry)

    @classmethod
    def load(cls) -> KnowledgeBase:
        kb = cls()
        kb._load_countries()
        kb._load_metonyms()
        kb._load_organizations()
        kb._load_people()
        for row in _rows("agents.tsv"):
            kb.agents[row["phrase"]] = Agent(row["phrase"], row["type"], row["kind"], row.get("role") or None)
        for row in _rows("regional_bodies.tsv"):
            entry = next((e for e in kb.phrases[row["organization"].lower()] if e.kind == "organization"), None)
            if entry is None:
                raise ValueError(f"regional_bodies.tsv: {row['organization']!r} is not in organizations.tsv")
            kb.regional_bodies[row["region"]] = entry
        for row in _rows("regions.tsv"):
            countries = frozenset(row["countries"].split())
            if unknown := sorted(countries - kb.countries.keys()):
                raise ValueError(f"regions.tsv: {row['region']!r} lists unknown countries {unknown}")
            kb.regions[row["region"]] = countries
        kb._check_types()
        return kb

    def _check_types(self) -> None:
        """Knowledge files are edited by hand: a sector code outside FORMAT.md's list is named, not coded."""
        tables = [*self.phrases.values(), *self.case_sensitive.values()]
        for entry in (e for entries in tables for e in entries):
            bad = [r.type for r in entry.roles if r.type is not None and r.type not in ACTOR_TYPES]
            if bad:
                raise ValueError(f"knowledge base: {entry.kind} {entry.name!r} has unknown actor type {bad[0]!r}")
        for agent in self.agents.values():
            if agent.type not in ACTOR_TYPES:
                raise ValueError(f"agents.tsv: {agent.phrase!r} has unknown actor type {agent.type!r}")

    def _load_countries(self) -> None:
        for row in _rows("countries.tsv"):
            iso3, wikidata = row["iso3"], row.get("wikidata") or None
            country = Entry("country", iso3, row["name"], (Role(iso3, "GOV"),), wikidata)
            self.countries[iso3] = country
            for phrase in [row["name"], *_split(row.get("aliases", ""))]:
                # "US" must not match the pronoun "us": short all-caps aliases match only as written.
                self.add(phrase, country, case_sensitive=phrase.isupper() and len(phrase) <= 4)
            adjective = Entry("adjective", iso3, row["name"], (Role(iso3, None),), wikidata)
            for phrase in _split(row.get("adjectives", "")):
                self.add(phrase, adjective)
            capital = Entry("capital", iso3, row["name"], (Role(iso3, "GOV"),), wikidata)
            for phrase in _split(row.get("capitals", "")):
                self.add(phrase, capital)

    def _load_metonyms(self) -> None:
        for row in _rows("metonyms.tsv"):
            country = self.countries.get(row["country"])
            name = country.name if country else row["country"]
            wikidata = country.wikidata if country else None
            entry = Entry("metonym", row["phrase"], name, (Role(row["country"], row["type"] or None),), wikidata)
            self.add(row["phrase"], entry)
            if row.get("shared") == "yes":
                self.shared_names.add(row["phrase"])

    def _load_organizations(self) -> None:
        grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in _rows("organizations.tsv"):
            grouped[row["name"]].append(row)
        for name, rows in grouped.items():
            roles = tuple(
                Role(r.get("country") or None, r.get("type") or None, None, _date(r.get("start", "")),
                     _date(r.get("end", "")))
                for r in sorted(rows, key=lambda r: r.get("start") or "")
            )
            entry = Entry("organization", name, name, roles, rows[0].get("wikidata") or None)
            case_sensitive = "case-sensitive" in " ".join(r.get("note", "") for r in rows)
            aliases = {alias for r in rows for alias in _split(r.get("aliases", ""))}
            self.add(name, entry)
            for alias in aliases:
                # Aliases such as WHO, IRA or Shell collide with ordinary words in lower case.
                self.add(alias, entry, case_sensitive=case_sensitive)

    def _load_people(self) -> None:
        grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in _rows("people.tsv"):
            grouped[row["name"]].append(row)
        for name, rows in grouped.items():
            rows.sort(key=lambda r: r.get("start") or "")
            roles = tuple(
                Role(r["country"] or None, r["type"] or None, r.get("role") or None, _date(r.get("start", "")),
                     _date(r.get("end", "")))
                for r in rows
            )
            wikidata = next((r["wikidata"] for r in rows if r.get("wikidata")), None)
            entry = Entry("person", name, name, roles, wikidata)
            self.people[name] = entry
            for phrase in {name, *(a for r in rows for a in _split(r.get("aliases", "")))}:
                self.add(phrase, entry)

    def office_holder(self, role: str, country: str | None, day: dt.date | None) -> Entry | None:
        """The person holding `role` for `country` on `day` ("Ukraine's President" in 2022 -> Zelensky)."""
        if country is None or day is None:
            return None
        role = self.canonical_role(role)
        holders = sorted(((r.start or dt.date.min, person) for r, person in self._offices.get((role, country), [])
                          if r.covers(day)), key=lambda item: item[0])
        # On a hand-over day both are in office; the incoming one holds it from then on.
        return holders[-1][1] if holders and (len(holders) == 1 or holders[-1][0] > holders[-2][0]) else None

    @cached_property
    def _offices(self) -> dict[tuple[str, str], list[tuple[Role, Entry]]]:
        offices: dict[tuple[str, str], list[tuple[Role, Entry]]] = defaultdict(list)
        for person in self.people.values():
            for role in person.roles:
                if role.role and role.country:
                    offices[(self.canonical_role(role.role), role.country)].append((role, person))
        return offices

    def canonical_role(self, role: str) -> str:
        """"foreign secretary" and "premier" are the offices the titles name: "foreign minister", "prime
        minister" (agents.tsv says which title names which office)."""
        agent = self.agents.get(role)
        return agent.role if agent is not None and agent.kind == "title" and agent.role else role


REGION_PREFIXES = {"South", "North", "Central", "Latin"}  # as written: "the central Haitian town" is Haitian


class ActorMatcher:
    """Finds every knowledge-base phrase in a parsed document in one pass."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for matcher, table in ((self.lower, kb.phrases), (self.exact, kb.case_sensitive)):
            for phrase in table:
                matcher.add(phrase, [nlp.make_doc(kb.surface.get(phrase, phrase))])
        self._lookup = {nlp.vocab.strings[p]: kb.phrases[p] for p in kb.phrases}
        self._lookup.update({nlp.vocab.strings[p]: kb.case_sensitive[p] for p in kb.case_sensitive})

    def __call__(self, doc: Doc) -> list[Mention]:
        spans = [
            doc[start:end].__class__(doc, start, end, label=match_id)
            for match_id, start, end in [*self.lower(doc), *self.exact(doc)]
        ]
        mentions = [Mention(s.start, s.end, tuple(self._lookup[s.label])) for s in filter_spans(spans)]
        # "the South American bloc", "Latin American leaders": a region, not the country the adjective names alone
        mentions = [m for m in mentions if not (m.start and doc[m.start - 1].text in REGION_PREFIXES and
                                                m.entries[0].kind == "adjective")]
        # "Iranian-American prisoners", "a British-Egyptian activist": of a person the last nationality is the
        # citizenship, the first an origin (but "joint Russian-Turkish patrols" are both sides')
        starts = {m.start: m for m in mentions}
        mentions = [m for m in mentions if not (
            m.entries[0].kind == "adjective" and m.end + 1 < len(doc) and doc[m.end].text in ("-", "\u2013") and
            m.end + 1 in starts and starts[m.end + 1].entries[0].kind == "adjective" and
            self._of_a_person(doc[starts[m.end + 1].end - 1]))]
        return sorted(mentions + _surnames(doc, mentions), key=lambda m: m.start)

    def _of_a_person(self, adjective: Token) -> bool:
        """Whether a nationality adjective describes a person ("a British-Egyptian activist", "Iranian-American
        prisoners"), not a thing both states share."""
        noun = adjective.head
        return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in self.kb.agents and \
            self.kb.agents[noun.lemma_.lower()].kind in ("person", "title")


def _surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """"opposition candidate Edmundo González ... González had won 67%": a person named in full is named by the
    surname alone after that."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    named: dict[str, Mention] = {}
    found = []
    for mention in mentions:
        if mention.entries[0].kind == "person" and mention.end - mention.start >= 2:
            named.setdefault(doc[mention.end - 1].text, mention)
    for token in doc:
        first = named.get(token.text)
        if first is not None and token.i >= first.end and token.i not in taken and token.pos_ == "PROPN":
            found.append(Mention(token.i, token.i + 1, first.entries))
    return found
