"""Choosing each mention's place: document context, population, name kind, capital status and
qualifiers; spaCy place entities the gazetteer does not know."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from spacy.tokens import Span, Token

from eventcoder.models import Place
from eventcoder.places.gazetteer import GeoRecord
from eventcoder.places.mention import (
    ACTOR_CONTEXT,
    ADMIN_CONTEXT_BONUS,
    CAPITAL_BONUS,
    DATELINE,
    FAME_WEIGHT,
    KIND_BONUS,
    LOCATION_CONTEXT,
    MAX_COUNTRY_BONUS,
    PLACE_VERBS,
    QUALIFIER_BONUS,
    SENTENCE_BONUS,
    PlaceMention,
    _Context,
    _Match,
)
from eventcoder.places.normalize import REGION_WORDS, normalize


class PlaceScoring:
    """Choosing each mention's place (a part of DocumentPlaces)."""

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
