"""`ParseView`: one parsed document with its resolved actors and places, and the parse questions every stage
asks of it (a verb's subject, a word's prepositional objects, the actors a phrase names)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventcoder.actors.resolver import DocumentActors, ResolvedActor
from eventcoder.events.patterns import Lexicon
from eventcoder.events.syntax import (
    SUBJECT_DEPS,
    blamed,
    direct_object,
    is_passive,
    lemma,
    orphaned_object,
    reduced_relative,
)
from eventcoder.models import Actor
from eventcoder.places import DocumentPlaces

TIME_NOUNS = {"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year", "eve", "occasion",
              "anniversary", "sidelines", "margin", "margins", "time", "date"}
STATE_ORGANS = {"GOV", "MIL", "COP", "SPY"}  # one state's government and forces
INHERIT_SUBJECT_DEPS = {"xcomp", "advcl", "conj", "acomp", "pcomp", "dep", "oprd"}


# Nouns that count parties named before ("the three countries", "both capitals")
GROUP_NOUNS = {"country", "nation", "government", "capital", "state", "neighbour", "neighbor"}
HOUSING_VERBS = {"house", "host", "shelter", "hold", "station", "encircle", "surround"}  # (zones encircling Taiwan)
GROUP_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


class ParseView:
    """The document and what is known of it; the stages of the coder (triggers, arguments, discourse, setting)
    are mixins over it."""

    def __init__(self, doc: Doc, doc_id: str, pub_date: dt.date | None, lexicon: Lexicon,
                 actors: DocumentActors, places: DocumentPlaces):
        self.doc, self.doc_id, self.pub_date = doc, doc_id, pub_date
        self.lexicon, self.actors, self.places = lexicon, actors, places
        self.recent: list = []  # the candidate events coded so far, in the order told

    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """The verb's subject and whether it is passive, inheriting across xcomp, advcl, pcomp and conj."""
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and verb.dep_ == "relcl" and child.lower_ in ("that", "which", "who") and \
                    (members := self._listed_among(verb.head)) is not None:
                return members, child.dep_ == "nsubjpass"
            if child.dep_ in SUBJECT_DEPS:
                # "one was killed, and 65 others injured": the passive carries over to the elided conjunct
                elided = verb.dep_ == "conj" and verb.tag_ == "VBN" and is_passive(verb.head) and not any(
                    c.dep_ in ("aux", "auxpass") for c in verb.children)
                return child, child.dep_ == "nsubjpass" or elided or reduced_relative(verb)
        if verb.dep_ == "acl":
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "a plan to send aid"
            if (verb.tag_ == "VBG" or infinitive) and verb.head.dep_ in ("dobj", "obj") and (
                    not self._expand([verb.head]) or lemma(verb.head) in self.lexicon.nouns):
                # "issued a declaration demanding ...", "demanded the withdrawal of X, calling them ..."
                return self._subject(verb.head.head, depth + 1)
            return verb.head, verb.tag_ == "VBN"
        if verb.dep_ == "relcl":
            return verb.head, is_passive(verb)
        head = verb.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            subject, _ = self._subject(head, depth + 1)
            return subject, True  # "when asked about X, Biden ...": Biden is asked
        accusation = blamed(verb, self.lexicon.cues["blaming_verbs"])
        if accusation is not None and accusation[1] is not None:
            return accusation[1], False  # "accused Armenian forces of shelling": the accused shell
        if verb.dep_ == "pcomp" and head.pos_ == "ADP":
            preposition = head.lower_
            head = head.head
            obj = direct_object(head)
            if obj is not None and preposition in ("for", "of"):
                return obj, False  # "condemned a court for jailing X": the court jails
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            # "ordered the ambassador to leave, accusing Kigali of ...": the participle after a comma tells more of
            # the main clause, whatever infinitive the parser hung it on
            while head.dep_ == "xcomp" and head.head != head:
                head = head.head
        if verb.dep_ in INHERIT_SUBJECT_DEPS and head != verb and depth < 4:
            if verb.dep_ == "xcomp":
                obj = direct_object(head) or next(iter(self._pobjs(head, {"on", "upon"})), None)
                if obj is not None:  # object control: "urged Tehran to release" -> Tehran releases
                    return obj, False
            subject, passive = self._subject(head, depth + 1)
            return subject, (passive if verb.dep_ == "conj" else False) or is_passive(verb)
        return None, False

    @staticmethod
    def _listed_among(noun: Token) -> Token | None:
        """"The US and Germany were among 20 countries that expelled diplomats": the members named act."""
        among = noun.head
        if noun.dep_ != "pobj" or among.lower_ != "among":
            return None
        return next((c for c in among.head.children if c.dep_ == "nsubj"), None)

    def _active_subject(self, verb: Token) -> list[Token]:
        """The verb's subject when it acts (not the patient of a passive)."""
        subject, passive = self._subject(verb)
        return [subject] if subject is not None and not passive else []

    def _pobjs(self, token: Token, preps: tuple[str, ...] | set[str]) -> list[Token]:
        found = []
        for child in token.children:
            if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ in preps:
                # "condemnation from the UN and from Qatar": a repeated preposition is coordinated with the first
                for prep in (child, *(c for c in child.conjuncts if c.lower_ == child.lower_)):
                    objects = [g for g in prep.children if g.dep_ == "pobj"]
                    found.extend(objects or orphaned_object(prep))
        # "on the first day of the G20 summit", "on Monday": when, not at whom (but "with President Assad
        # Tuesday", parsed with the date as head, names a party)
        return [t for t in found if lemma(t) not in TIME_NOUNS and not (
            t.ent_type_ in ("DATE", "TIME") and all(w.ent_type_ in ("DATE", "TIME", "") for w in t.subtree)
            and self.places.place_at(t) is None and t.i not in self.actors.by_token)]  # spaCy: "in Niger" a DATE

    def _expand(self, tokens: list[Token]) -> list[ResolvedActor]:
        resolved: list[ResolvedActor] = []
        for token in tokens:
            counted = self._counted_group(token) or self._housed(token)
            members = counted or [token, *token.conjuncts]
            if self._country_name(token):  # "Mali, Burkina Faso and Niger" read as an apposition
                for appos in (c for c in token.children if c.dep_ == "appos" and self._country_name(c)):
                    members += [appos, *appos.conjuncts]
            first: ResolvedActor | None = None
            for member in members:
                if member.i < token.i and not counted:
                    continue
                for actor in self.actors.resolve(member):
                    if first is not None and actor.country_from_context and self._shares_modifier(first, actor):
                        # "Israeli helicopters and tanks": the tanks are Israeli too
                        actor = replace(actor, actor=actor.actor.model_copy(
                            update={"country": first.actor.country, "name": first.actor.name}),
                            country_from_context=False)
                    if actor.actor.country or actor.actor.type:
                        resolved.append(actor)
                    first = first or actor
        return resolved

    def _housed(self, place: Token) -> list[Token]:
        """"two Iraqi bases housing U.S. forces", "a hotel hosting Ukrainian officials": whoever the place holds."""
        held = [o for c in place.children if c.dep_ == "acl" and c.tag_ == "VBG" and lemma(c) in HOUSING_VERBS
                for o in [direct_object(c)] if o is not None]
        return [t for o in held for t in (o, *o.conjuncts)] if held and self._expand(held) else []

    def _counted_group(self, token: Token) -> list[Token]:
        """"recalled its envoys to the three countries", "urged both capitals": the parties counted are the
        coordinated names just before (in the sentence or the one before) that are as many."""
        # "The two later signed a document": the number stands for the parties themselves
        alone = token.lower_ in GROUP_COUNTS and token.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        count = GROUP_COUNTS[token.lower_] if alone else next(
            (GROUP_COUNTS.get(c.lower_) for c in token.children if c.dep_ in ("nummod", "det", "predet")
             and c.lower_ in GROUP_COUNTS), None)
        if count is None or not alone and (lemma(token) not in GROUP_NOUNS or token.tag_ != "NNS"):
            return []
        start = token.sent.start
        earlier = self.doc[self.doc[start - 1].sent.start if start > 0 else 0:token.i]
        named = (lambda t: bool(self._expand([t]))) if alone else self._country_name
        for head in reversed(earlier):
            group = [head, *(c for c in head.conjuncts if c.i > head.i)]
            if head.dep_ != "conj" and len(group) == count and all(named(t) for t in group):
                return group
        return []

    def _country_name(self, token: Token) -> bool:
        place = self.places.place_at(token)
        mention = self.actors.by_token.get(token.i)
        return place is not None and place.place.precision == "country" or (
            mention is not None and mention.entries[0].kind == "country")

    def _shares_modifier(self, first: ResolvedActor, other: ResolvedActor) -> bool:
        """A nationality before the first of two coordinated nouns of one kind modifies both."""
        return not first.country_from_context and first.actor.type == other.actor.type and any(
            c.dep_ in ("amod", "compound", "nmod") and c.i in self.actors.by_token for c in first.head.lefts)

    def _same_side(self, a: ResolvedActor, b: ResolvedActor) -> bool:
        """One country's officials, its capital and its leader speak for one side; two named organisations
        of one country (the Sudanese army, the RSF) do not."""
        return (a.actor.country, a.actor.type) == (b.actor.country, b.actor.type) and not self._rival_sides(a, b)

    def _rival_sides(self, a: ResolvedActor, b: ResolvedActor) -> bool:
        """Two organisations of one country, each named (the state's own name aside), of different sectors or
        names: the army and the RSF (but not "activists and former lawmakers")."""
        state = self.actors.country_name(a.actor.country)
        named = [x.actor.name for x in (a, b) if x.actor.name and not x.person and x.actor.name != state]
        return len(named) == 2 and named[0] != named[1] or bool(named) and None not in (
            a.actor.type, b.actor.type) and a.actor.type != b.actor.type

    def _same_state(self, a: ResolvedActor, b: ResolvedActor) -> bool:
        """The state and one of its organs ("Islamabad" and "the jets" it sent): not each other's other side (but
        Libya's rival government and army, each named, are)."""
        state = self.actors.country_name(a.actor.country)
        return a.actor.country == b.actor.country and a.actor.type in STATE_ORGANS and \
            b.actor.type in STATE_ORGANS and any(x.actor.name in (None, state) for x in (a, b))

    def _struck_place(self, heads: list[Token]) -> list[ResolvedActor]:
        """The country of the place an act is aimed at ("an offensive in Rafah", "intervention in Niger")."""
        return self._first_held([p for head in heads for p in self._pobjs(head, {"in", "on", "against", "at", "into"})])

    def _first_held(self, tokens: list[Token]) -> list[ResolvedActor]:
        """The country of the first of these tokens that names a place (see `_holder_of_place`)."""
        return next((held for t in tokens for held in [self._holder_of_place(t)] if held), [])

    def _holder_of_place(self, token: Token) -> list[ResolvedActor]:
        """The country of the place a token names, standing in as an actor of unknown sector."""
        mention = self.places.place_at(token)
        if mention is None or mention.metonym or not mention.place.country:
            return []
        country = mention.place.country
        actor = Actor(text=self.doc[mention.start:mention.end].text, name=self.actors.country_name(country),
                      country=country, type=None)
        return [ResolvedActor(actor, token, mention.span)]

    def _distinct_countries(self, actors: list[ResolvedActor]) -> list[ResolvedActor]:
        """Coordinated targets of one country are one target ("activists and former lawmakers"), and a phrase
        found twice ("the offices of the newspaper" and "the newspaper") is one; two named sides of one country
        ("urged the army and the RSF", "both sides") are two."""
        kept: list[ResolvedActor] = []
        for actor in actors:
            start, end = actor.span
            if not any(k.actor.country == actor.actor.country and (
                    k.actor.country and not self._rival_sides(k, actor) or k.span[0] <= start < end <= k.span[1] or
                    start <= k.span[0] < k.span[1] <= end)
                    for k in kept):
                kept.append(actor)
        return kept
