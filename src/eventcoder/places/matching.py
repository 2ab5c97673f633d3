"""Finding place mentions: knowledge-base and gazetteer phrases, in place-like positions, with their
qualifiers, directions and region words."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.places.mention import (
    ARTICLES,
    CONNECTORS,
    DIRECTIONS,
    FACILITY_NOUNS,
    LOCATIVE_PREPS,
    NAME_PREFIXES,
    NEVER_LABELS,
    NOT_PLACES,
    OTHER_LABELS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_OBJECT_VERBS,
    PLACE_VERBS,
    PlaceMention,
    _Match,
)
from eventcoder.places.normalize import ADM2_WORDS, CITY_WORDS, REGION_PLURALS, REGION_WORDS, normalize


class PlaceMatching:
    """Finding place mentions (a part of DocumentPlaces)."""

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
        whole_name = m.end - m.start > 1 and any(kind == "main" for _, kind in m.cands) and \
            m.end - 1 not in self.entries_by_token  # (the name goes on past the adjective)
        for i in range(m.start, m.end):
            entries = self.entries_by_token.get(i)
            if entries and not any(e.kind in ("country", "capital") for e in entries) and not (
                    whole_name and all(e.kind == "adjective" for e in entries)):
                return False  # (but "British Columbia" is a name the gazetteer knows whole, not "British")
        before = doc[m.start - 1] if m.start > 0 else None
        if before is not None and before.pos_ == "PROPN" and before.is_title and before.dep_ == "compound" and \
                m.start <= before.head.i < m.end and before.lower_ not in NAME_PREFIXES and \
                before.lower_ not in DIRECTIONS and before.i not in self.entries_by_token:
            return False  # "the Galwan Valley": the name runs on before the match, it is not the town "Valley"
        ents = {self.ents_by_token[i] for i in range(m.start, m.end) if i in self.ents_by_token}
        if any(e.label_ in NEVER_LABELS for e in ents) or normalize(span.text) in NOT_PLACES:
            return False
        if any(e.label_ in PLACE_LABELS for e in ents):
            # ("the Abu Shouk camp": "Abu" alone is another place; the name runs on past the match)
            return all(e.end <= m.end + self._followed_by_region_word(m) or doc[m.end].pos_ != "PROPN"
                       for e in ents if e.label_ in PLACE_LABELS)
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
            # "X, Y" (but a country is in no other: "Mali, Burkina Faso and Niger" is a list)
            country = m.source == "kb" and any(kind == "country" for _, kind in m.cands)
            if after + 1 < len(doc) and doc[after].text == "," and after + 1 in by_start and not country:
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
