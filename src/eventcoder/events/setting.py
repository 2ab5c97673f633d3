"""The setting of an event: its date and its places."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.events.context import VERBAL_TYPES, ReportFrame
from eventcoder.events.syntax import (
    IRREALIS,
    direct_object,
    lemma,
)
from eventcoder.events.triggers import Candidate, Trigger
from eventcoder.events.view import ParseView
from eventcoder.models import Place
from eventcoder.nlp import sentence_of, time_expressions
from eventcoder.time import resolve_date

LOCATIVE_PREPS = {"in", "at", "near", "around", "outside", "across", "off", "inside", "throughout", "into", "to",
                  "on", "toward", "towards", "along", "over"}
PLACE_NOUNS = {"direction", "city", "town", "village", "outskirts", "region", "province", "area", "capital",
               "suburb", "district", "state", "port", "border", "coast", "centre", "center", "south", "north",
               "east", "west"}
SPATIAL_PREPS = {"in", "at", "near", "around", "outside", "inside", "across", "throughout", "into", "toward",
                 "towards", "along", "off", "to"}
SIMULTANEOUS_PREPS = {"as", "amid", "during", "while"}
CLAUSE_BOUNDARIES = {"ccomp", "relcl", "parataxis", "csubj", "pcomp"}


class EventSetting(ParseView):

    def _date_sources(self, trig: Trigger, report: ReportFrame, modality: str) -> list[Token]:
        """The clauses whose time expression dates the event, nearest first: its own clause and the verbs it
        shares a clause with ("agreed on Monday to resume", "was ready on Monday to release"), the clause it
        continues ("... and called for", "..., accusing him"), the event told with it ("killed when militants
        attacked on Sunday"), and for announced or conditional events the announcement."""
        sources = [trig.anchor]
        token = trig.anchor
        while token.dep_ in ("xcomp", "acomp", "conj", "advcl", "ccomp") and token.head != token:
            if token.dep_ == "ccomp" and not (modality in IRREALIS and report.report_verb is not None):
                break
            if token.dep_ == "advcl" and token.tag_ != "VBG":
                break  # "when", "after" clauses keep their own time; participles ("killing") share it
            token = token.head
            sources.append(token)
            if token == report.report_verb:
                break
        sources += [m.anchor for m in trig.merged]
        if trig.nominal and trig.anchor == trig.token and trig.token.head.pos_ in ("VERB", "AUX"):
            clause = trig.token.head
            sources.append(clause)
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SIMULTANEOUS_PREPS
                                              for m in clause.children):
                sources.append(clause.head)  # "fired tear gas on Tuesday as protests turned violent"
        if trig.governor is not None and trig.token.head.lower_ in SIMULTANEOUS_PREPS:
            sources.append(trig.governor.anchor)  # "cut the internet on Saturday as protests spread"
        if modality in IRREALIS and report.report_verb is not None:
            sources.append(report.report_verb)
        return sources

    def _narrative_date(self, trig: Trigger):
        """"Macron spoke with Pezeshkian on Sunday. He urged Tehran to ...": a sentence with no time of its own
        whose subject is a pronoun continues the previous sentence, and its day."""
        sentence = sentence_of(trig.token)
        subject, _ = self._subject(trig.anchor)
        if subject is None or subject.lower_ not in ("he", "she", "they", "it") or time_expressions(sentence) \
                or sentence.start == 0:
            return None
        previous = sentence_of(self.doc[sentence.start - 1])
        for ent in time_expressions(previous):
            resolved = resolve_date(ent.text, self.pub_date)
            if resolved and resolved.precision == "day":
                return resolved.value, ent.text, resolved.precision, (ent.start_char, ent.end_char)
        return None

    def _dates_governed_by(self, token: Token) -> list:
        found = []
        for ent in time_expressions(sentence_of(token)):
            governor = ent.root
            while governor.head != governor and not (governor.pos_ in ("VERB", "AUX") and governor != ent.root):
                if governor == token:
                    break
                governor = governor.head
            if governor == token:
                found.append(ent)
        return found

    def _date(self, trig: Trigger, report: ReportFrame, modality: str):
        future = modality in ("planned",) and report.report_verb is None
        for token in self._date_sources(trig, report, modality):
            for ent in self._dates_governed_by(token):
                resolved = resolve_date(ent.text, self.pub_date, future=future)
                if resolved:
                    return resolved.value, ent.text, resolved.precision, (ent.start_char, ent.end_char)
        carried = self._narrative_date(trig)
        if carried is not None:
            return carried
        if self.pub_date is None:
            return None, None, None, None
        return self.pub_date.isoformat(), None, "publication", None

    def _places(self, trig: Trigger, cand: Candidate) -> list[tuple[Place, tuple[int, int]]]:
        source_tokens = set()
        if cand.source is not None:
            source_tokens = {t.i for t in self.actors.phrase_tokens(cand.source.head)} | {cand.source.head.i}
        found: list[tuple[Place, tuple[int, int]]] = []
        seen: set[int] = set()
        queue = [trig.anchor] + ([trig.token] if trig.token != trig.anchor else [])
        visited: set[int] = set()
        while queue:
            token = queue.pop(0)
            if token.i in visited:
                continue
            visited.add(token.i)
            for child in token.children:
                if child.dep_ in CLAUSE_BOUNDARIES or child.i in source_tokens:
                    continue
                if child.lower_ == "according":
                    continue
                if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS | {"of", "from"}:
                    for pobj in (g for g in child.children if g.dep_ == "pobj"):
                        locative = child.lower_ not in ("of", "from") or lemma(child.head) in PLACE_NOUNS
                        # an unknown name is a place only after a spatial preposition ("a ban on Wikipedia" is not)
                        spatial = child.lower_ in SPATIAL_PREPS or lemma(child.head) in PLACE_NOUNS
                        for member in [pobj, *pobj.conjuncts]:
                            self._collect_place(member, found, seen, locative, spatial)
                queue.append(child)
        found.sort(key=lambda item: item[0].precision == "country")
        obj = direct_object(trig.anchor)
        struck = next((m for t in ([obj, *(c for c in obj.children if c.dep_ == "compound")] if obj is not None
                                   else []) for m in [self.places.place_at(t)] if m is not None), None)
        if not found and struck is not None and not struck.metonym and struck.place.precision != "country":
            found.append((struck.place, struck.span))  # "shelled Kharkiv", "captured Avdiivka": where it happened
        if not found and cand.target is not None and cand.target.bare_country and cand.target.actor.type is None:
            mention = self.places.place_at(cand.target.head)
            if mention:
                found.append((mention.place, mention.span))
        found.sort(key=lambda item: (item[0].precision == "country", item[1][0]))  # in the order written
        if not found:  # the source's phrase, the sentence, the place last named ("the attack"), the dateline
            found = [(m.place, m.span) for m in self.places.fallback_places(
                trig.token, cand.source.head if cand.source is not None else None,
                material=cand.outcome.type not in VERBAL_TYPES - {"CONSULT"})]
        countries = {a.actor.country for a in (cand.source, cand.target) if a is not None and a.actor.country}
        return [(self.places.for_event(place, span, countries), span) for place, span in found]

    def _collect_place(self, pobj: Token, found: list, seen: set[int], locative: bool, spatial: bool = True) -> None:
        """The most specific place named in a locative phrase: "Burkina Faso's northern Soum province" ->
        Soum (in Burkina Faso); "the direction of Kiev and Chernigov" -> Kiev, then Chernigov."""
        if self.places.is_water(pobj.i + 1):
            return  # "in the Sea of Japan": no country's territory, no location (the gazetteer has no seas)
        excluded = {t.i for c in pobj.children if c.dep_ in ("prep", "conj", "cc", "relcl", "acl")
                    for t in c.subtree}
        phrase = [t for t in pobj.subtree if t.i not in excluded]
        head_place = self.places.place_at(pobj)
        if head_place is None and lemma(pobj) not in PLACE_NOUNS and pobj.ent_type_ not in ("GPE", "LOC", "FAC"):
            phrase = []  # "called on Myanmar's military": an actor, not a place
        candidates = [m for m in (self.places.place_at(t) for t in phrase) if m is not None]
        if not candidates and spatial and pobj.pos_ == "PROPN" and not self.actors.by_token.get(pobj.i) \
                and pobj.ent_type_ not in ("PERSON", "DATE", "NORP", "TIME") and not _in_a_longer_name(pobj):
            candidates = [self.places.unnamed_place(pobj)]
        if not candidates:
            return
        if not locative and all(c.place.precision == "country" for c in candidates):
            return
        specific = [c for c in candidates if c.place.precision != "country"] or candidates
        chosen = specific[0]
        if chosen.start in seen:
            return
        seen.add(chosen.start)
        place = chosen.place
        if place.country is None:
            country = next((c.place.country for c in candidates if c.place.country), None)
            place = place.model_copy(update={"country": country})
        found.append((place, chosen.span))


def _in_a_longer_name(token: Token) -> bool:
    """"in the Royal College of Nursing's history": a word of an organisation's name is no town of its own."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and entity.label_ == "ORG" and any(
        t.i != token.i and t.pos_ == "PROPN" for t in entity)
