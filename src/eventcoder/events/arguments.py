"""Argument finding: who acts and who is acted upon, for each trigger."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventcoder.actors.resolver import COUNTERPART_HEADS, ResolvedActor
from eventcoder.events.context import VERBAL_TYPES
from eventcoder.events.implied import RELATIVE_WORDS, ImpliedArguments
from eventcoder.events.relations import yielded_to
from eventcoder.events.slots import OWNER_PRONOUNS, named, prefixed, slot_tokens, tagged
from eventcoder.events.syntax import (
    SETTING_PREPS,
    TIME_SPANS,
    direct_object,
    implied,
    is_passive,
    lemma,
)
from eventcoder.events.triggers import Candidate, Trigger
from eventcoder.models import Actor
from eventcoder.nlp import sentence_of

# What makes a "strike" a walkout rather than a military strike.
LABOUR_STRIKES = {"general", "hunger", "nationwide", "national", "labour", "labor", "rolling", "indefinite", "teacher",
                  "doctor", "worker", "union"}
MILITARY_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT"}
TARGET_NULL_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT", "COERCE"}
# Kinds of event whose gold always names a target (every gold set written for this project): a target is looked for
# in the discourse before the event is left without one. (CONSULT was tried and left out: a meeting with no other
# party named is as often a body in session.)
ALWAYS_AIMED = {"ACCUSE", "AGREE", "AID", "ASSAULT", "COOPERATE", "REJECT", "SANCTION", "SUPPORT", "THREATEN",
                "REQUEST", "CONCEDE"}
REPRESSION_CAMEO_ROOT = "17"  # CAMEO's "coerce": arrests, crackdowns, curfews, violent repression
CROWD_WORDS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "crowd",
               "throng", "score", "scores", "many"}
THIRD_PARTY_ROLES = {"mediation", "help", "support", "assistance", "participation", "backing", "involvement",
                     "facilitation", "sponsorship"}
# Standing one's own forces down or up, agreeing to it or ordering it: their own forces are no other party
OWN_FORCE_TYPES = {"RETREAT", "CONCEDE", "MOBILIZE", "AGREE", "REQUEST"}
CONCESSIVE_PREPS = {"despite", "notwithstanding"}
NAMING_LEMMAS = {"describe", "call", "term", "dub", "label", "brand", "characterise", "characterize"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside"}
MEETING_VERBS = {"meet", "visit", "call", "phone", "host", "receive", "welcome"}


def _phrase_positions(actors: list[ResolvedActor]) -> set[int]:
    """Token positions inside the phrases of the given actors."""
    return {i for a in actors for i in range(a.head.left_edge.i, a.head.right_edge.i + 1)}


class ArgumentFinding(ImpliedArguments):
    """Source and target of a trigger: the slots of its own words first, then an ordered chain of named
    strategies that fill what is still missing (each actor keeps the name of the strategy that found it)."""

    def _arguments(self, trig: Trigger, event_type: str | None = None) -> tuple[list[ResolvedActor],
                                                                               list[ResolvedActor]]:
        pattern, anchor = trig.pattern, trig.anchor
        event_type = event_type or pattern.outcome.type
        # "Israeli helicopters and tanks": one actor acting, not two (but Iraqi forces and the Peshmerga are two)
        source_slots = self._source_slots(trig)
        expanded = self._resolve_slots(source_slots)
        sources = [a for i, a in enumerate(expanded) if not a.actor.country or not any(
            (b.actor.country, b.actor.type, b.actor.name) == (a.actor.country, a.actor.type, a.actor.name)
            for b in expanded[:i])]
        relation = next((t for t in slot_tokens(source_slots) if lemma(t) in COUNTERPART_HEADS and any(
            c.dep_ == "poss" or c.lower_ == "the" for c in t.children)), None)
        if not sources and relation is not None:
            # "Kinshasa accuses its neighbour of backing the rebels": the other side named before
            sources = tagged(self._named_before(relation, []), "discourse.counterpart")
        target_slots = self._target_slots(trig)
        if pattern.object_role == "theme" and not sources and not (trig.nominal and anchor == trig.token):
            subject, passive = self._subject(anchor)
            if passive and subject is not None:  # "peacekeepers were shipped out": they withdraw
                sources = tagged(self._expand([subject]), "theme.passive_subject")
                target_slots = [(t, s) for t, s in target_slots if t != subject]
        target_tokens = slot_tokens(target_slots)
        targets = self._distinct_countries(self._resolve_slots(target_slots))
        if pattern.reverse:  # "received weapons from the government": the government gives
            sources, targets = targets, sources
        if pattern.imposed_by_place:
            sources, targets = self._sent_to_face(anchor, sources, targets)
        if not sources and event_type == "ASSAULT" and is_passive(anchor):
            sources = tagged(self._attack_noun_agent(trig), "assault.event_noun")
        for other in trig.merged:  # the same event told twice: fill what is missing
            if not sources:
                sources = prefixed(self._resolve_slots(self._source_slots(other)) if other.nominal and
                                   other.anchor == other.token else tagged(
                                       self._expand(self._active_subject(other.anchor)), "verb.subject"), "merged")
            # "the army and the RSF clashed, killing 56 civilians": the parties fight each other
            if not targets and not (pattern.reciprocal and len(sources) > 1):
                targets = prefixed(self._distinct_countries(self._resolve_slots(self._target_slots(other))),
                                   "merged")
        if not sources and event_type == "ASSAULT" and is_passive(anchor):
            sources = tagged(self._attacker_of_clause(anchor), "assault.when_clause")
        if not sources and event_type == "ASSAULT" and anchor.dep_ == "relcl" and lemma(anchor.head) in \
                self.lexicon.nouns and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_WORDS for c in anchor.children):
            # "a Turkish drone strike that killed two militiamen": whoever carried out the strike
            sources = tagged([a for a in self._expand([anchor.head]) if a.actor.country], "relative.event_noun")
        # "Turkey warned that Ankara would block Sweden's bid": the speaker restated is not the target
        restated = bool(targets) and all(any(self._same_side(a, s) for s in sources) for a in targets)
        if not targets and event_type == "REQUEST":
            targets = tagged(self._jailer(trig), "request.jailer")
        parties = pattern.reciprocal and len(sources) > 1  # "A and B agreed to exchange prisoners"
        for content in trig.content:  # "refused to meet government negotiators"
            if (not targets or restated) and not parties:
                # "called for peace talks between Russia and Ukraine": asked of the parties
                between = self._pobjs(content.token, {"between"}) if content.nominal else []
                wanted = self._target_slots(content) or named(between, "nominal.between")
                targets = prefixed(self._distinct_countries(self._resolve_slots(wanted)), "content") or targets
        if restated and trig.content and all(any(self._same_side(a, s) for s in sources) for a in targets):
            # "Israel may launch an offensive in Rafah, officials warned": the threat is against where it would
            # strike, not against the speaker's own side
            targets = tagged(self._struck_place([token for c in trig.content for token in {c.anchor, c.token}]),
                             "threat.struck_place")
        if restated and not trig.content:
            # "China warned that Beijing would retaliate against the Philippines": whom the clause is against
            clause_targets = [t for clause in anchor.children if clause.dep_ == "ccomp"
                              for t in [direct_object(clause), *self._pobjs(clause, {"against", "on", "at"})] if t]
            targets = tagged(self._distinct_countries(self._expand(clause_targets)), "warning.clause_target") or \
                targets
        if restated and all(any(self._same_side(a, s) for s in sources) for a in targets):
            targets = []  # "warned that Washington would respond": the speaker's own side is no target; look on
        if trig.governor is not None and not sources and trig.token.head.lower_ in SETTING_PREPS:
            sources = prefixed(self._arguments(trig.governor)[0], "governor")
            if self._official_at_protest(trig, sources):
                sources = []
        # "refused to sign despite appeals from the EU": the appeal was made to the one who refused
        asked = trig.token.dep_ in ("dobj", "obj") or trig.token.head.lower_ in CONCESSIVE_PREPS or (
            trig.governor is not None and yielded_to(trig, trig.governor))
        if trig.governor is not None and not targets and asked and not parties:
            # a rejected call was made to the rejecter
            targets = prefixed(self._arguments(trig.governor)[0], "governor")
        if not targets and trig.governor is None and trig.nominal and trig.token.head.lower_ in CONCESSIVE_PREPS:
            # "Ankara began taking delivery of S-400s despite U.S. warnings": warned was whoever went ahead
            targets = tagged([a for a in self._expand(self._active_subject(trig.token.head.head))
                              if not any(self._same_side(a, s) for s in sources)], "nominal.defied_by")
        # "Kenya recalled its envoy to Somalia, accusing its neighbour of ...", "pledged $1 billion to his hosts": the
        # party named before
        counterpart = next((o for o in [direct_object(anchor), *self._pobjs(anchor, pattern.target_preps)]
                            if o is not None and lemma(o) in COUNTERPART_HEADS), None)
        if not targets and counterpart is not None and any(
                c.dep_ == "poss" or c.lower_ == "the" for c in counterpart.children):
            targets = tagged(self._named_before(counterpart, sources), "discourse.counterpart")
        if event_type in OWN_FORCE_TYPES:
            targets = [t for t in targets if not self._sources_own(t, sources)]
        if not targets and not self._aimed_at_thing(trig):
            targets = self._default_targets(trig, event_type, target_tokens, sources)
        if not targets and event_type not in TARGET_NULL_TYPES | {"CONSULT"} and len(sources) == 1:
            targets = tagged(self._clause_party(trig, sources), "discourse.clause_party")
        # "suicide bombers blew themselves up": the act has no other party named
        targets = [t for t in targets if not t.head.lower_.endswith(("self", "selves"))]
        modifier = trig.nominal or any(m.nominal for m in trig.merged)
        # a release is the state's act, not its army's ("Russia freed an American journalist")
        military = event_type in MILITARY_TYPES and pattern.outcome.mode != "release"
        sources = [self._adjust(a, event_type, as_source=True, modifier=modifier, military=military) for a in sources]
        targets = [self._adjust(a, event_type, as_source=False) for a in targets]
        targets = self._taken_from(trig, sources, targets)
        if pattern.domestic:
            sources = self._own_people(targets, sources)  # "soldiers toppled the country's leader": its soldiers
        if pattern.outcome.cameo.startswith(REPRESSION_CAMEO_ROOT):
            targets = self._own_people(sources, targets)
        return sources, targets

    def _taken_from(self, trig: Trigger, sources: list[ResolvedActor],
                    targets: list[ResolvedActor]) -> list[ResolvedActor]:
        """"deported children from occupied areas of Ukraine": people taken from a place of another country than
        the actor's are that country's people (not of the country in focus), and the place is no party of its own."""
        origins = [t for token in {trig.anchor, trig.token} for t in self._pobjs(token, {"from"})]
        countries = {c for o in origins for c in [self._country_of_place(o)] if c}
        people = [t for t in targets if t.country_from_context and t.head not in origins]
        if len(origins) != 1 or origins[0].conjuncts or len(countries) != 1 or not people or \
                countries & {s.actor.country for s in sources}:
            return targets
        country = countries.pop()
        update = {"country": country, "name": self.actors.country_name(country)}
        return [replace(t, actor=t.actor.model_copy(update=update), country_from_context=False) if t in people else t
                for t in targets if t in people or not any(o in t.head.subtree or t.head == o for o in origins)]

    def _country_of_place(self, token: Token) -> str | None:
        """The country a place phrase is in: a country named ("areas of Ukraine") or a place the gazetteer knows."""
        for t in token.subtree:
            place = self.places.place_at(t)
            if place is not None and place.place.country:
                return place.place.country
        found = self._expand([token])
        return found[0].actor.country if found and found[0].bare_country else None

    def _aimed_at_thing(self, trig: Trigger) -> bool:
        """"attacks on commercial shipping": a nominal act that names what it is aimed at, though that is no party,
        has no target for the discourse or the place to supply."""
        aimed = self._pobjs(trig.token, {"on", "against"}) if trig.nominal and trig.anchor == trig.token and \
            trig.pattern.outcome.type in ("ASSAULT", "COERCE") else []
        # ("an offensive against its strongholds" is aimed at the strongholds' owner)
        # ("air strikes on Gaza", "rocket fire on the Galilee": a place named is a party's)
        return bool(aimed) and all(t.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in t.children) and
                                   self.places.place_at(t) is None for t in aimed) and not self._expand(aimed)

    def _sources_own(self, target: ResolvedActor, sources: list[ResolvedActor]) -> bool:
        """"agreed to disband their forces", "pulled back its troops": forces a pronoun says are the source's own
        are the source standing down, no other party (but "its neighbour" is another)."""
        owner = next((c for c in target.head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
        if owner is None or lemma(target.head) in COUNTERPART_HEADS:
            return False
        return any((o.actor.country, o.actor.type, o.actor.name) == (s.actor.country, s.actor.type, s.actor.name)
                   for o in self.actors.resolve(owner) for s in sources)

    def _sender(self, verb: Token) -> list[ResolvedActor]:
        """Who sends what arrives, named inside its phrase: "trucks carrying Armenian aid", "tanks from Germany",
        "food sent by the UAE", "trucks carrying flour from the United Nations"."""
        subject, _ = self._subject(verb)
        if subject is None:
            return []
        for token in (t for t in subject.subtree if t != subject):
            found = [a for a in self._expand([token]) if a.actor.country]
            if found:
                return found[:1]
        return []

    def _carried_to(self, verb: Token, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """"Relief supplies sent by the UAE landed in Aleppo", "a planeload of tents donated by Kazakhstan arrived in
        Adana", "food supplied by UN agencies crossed into Gaza": help described by its giver goes where the clause
        it is the subject of brings it."""
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            return []
        carried = verb.head
        while carried.dep_ == "pobj" and carried.head.lower_ == "of" and carried.head.head.pos_ == "NOUN":
            carried = carried.head.head  # ("a planeload of relief supplies sent by ...")
        if carried.dep_ not in ("nsubj", "nsubjpass"):
            return []
        places = self._pobjs(carried.head, {"in", "at", "into", "to"})
        places += [g for p in places for g in self._pobjs(p, {"of"})]  # ("the Syrian city of Aleppo")
        return [t for t in self._first_held(places) if not any(t.actor.country == s.actor.country for s in sources)]

    def _warring_parties(self, trig: Trigger) -> list[ResolvedActor]:
        """"Israel and Hamas agreed to a ceasefire after eight days of fighting", "the army and the RSF signed a
        declaration, but fighting raged on": fighting told with no one named is between the two sides that act
        together in its sentence (a subject naming two parties). Only fighting told as happening, over a span of
        time or as a clause's subject; "a cessation of hostilities", "accused each other of starting the fighting"
        name fighting that is the content of another act."""
        noun = trig.token
        spell = noun.dep_ == "pobj" and noun.head.lower_ == "of" and lemma(noun.head.head) in TIME_SPANS
        if not (spell or noun.dep_ == "nsubj"):
            return []
        for subject in (t for t in sentence_of(trig.token) if t.dep_ in ("nsubj", "nsubjpass")
                        and t not in trig.token.subtree and any(g.dep_ == "conj" for g in t.subtree)):
            parties = [a for a in self._expand([subject]) if a.actor.country]
            if len({(a.actor.country, a.actor.type) for a in parties}) >= 2:
                return parties
        return []

    def _clause_party(self, trig: Trigger, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """The last resort for a target: the first other actor in the trigger's own clause after it, outside the
        source's phrase and outside clauses of their own ("urged Tehran's leaders, in a letter, to ...")."""
        anchor = trig.anchor
        taken = _phrase_positions(sources)
        own_clause = (token for token in anchor.subtree if token.i > anchor.i and token.i not in taken and
                      self._phrase_head(token) and not any(
                          a.dep_ in ("ccomp", "advcl", "relcl", "conj") for a in token.ancestors
                          if a.i > anchor.i and anchor in a.ancestors))
        return self._first_other_side(own_clause, sources)

    def _first_other_side(self, tokens, sources: list[ResolvedActor], own_words: bool = False,
                          foreign_only: bool = False) -> list[ResolvedActor]:
        """The first actor with a country among the tokens that is not on a source's side (with `own_words`, only
        one whose country its own words give; with `foreign_only`, not a source's country with no sector)."""
        for token in tokens:
            found = [a for a in self._expand([token]) if a.actor.country and not (own_words and a.country_from_context)
                     and not any(self._same_side(a, s) or self._same_state(a, s) or foreign_only and
                                 a.actor.type is None and a.actor.country == s.actor.country for s in sources)]
            if found:
                return found[:1]
        return []

    def _named_before(self, noun: Token, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """The other side a relational noun ("its neighbour", "the ally") refers back to: the nearest one named
        before it in its sentence, else in the sentence before."""
        sentence = noun.sent
        taken = _phrase_positions(sources)
        previous = self.doc[sentence.start - 1].sent if sentence.start > 0 else self.doc[0:0]
        candidates = [*reversed([t for t in self.doc[sentence.start:noun.i] if t.i not in taken]), *reversed(previous)]
        own = {s.actor.country for s in sources}  # (a neighbour, an ally, a host is another state)
        if lemma(noun) == "host":  # "arrived in Kyiv ... pledged $1 billion to his hosts": where the visitor is
            return [a for t in candidates if t.dep_ == "pobj" and t.head.lower_ in ("in", "to")
                    for a in self._holder_of_place(t) if a.actor.country not in own][:1]
        return self._first_other_side((t for t in candidates if t.pos_ in ("PROPN", "NOUN") and not any(
            a.actor.country in own for a in self._expand([t]))), sources, own_words=True)

    @staticmethod
    def _phrase_head(token: Token) -> bool:
        """A noun that heads its phrase: "a Soviet-designed nerve agent" is read whole, not as "Soviet"."""
        if token.pos_ not in ("PROPN", "NOUN"):
            return False
        if token.dep_ == "nsubj" and lemma(token.head) in NAMING_LEMMAS and any(
                c.lower_ == "what" for c in token.head.children):
            return False  # "struck what New Delhi described as a camp": the namer is no party to the strike
        while token.dep_ in ("amod", "compound", "npadvmod", "nmod") and token.head.i > token.i:
            token = token.head
            if token.pos_ in ("NOUN", "PROPN"):
                return False
        return True

    def _where(self, token: Token) -> bool:
        """"sealed a deal in Montevideo": a city named as where something happened is no party to it."""
        if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
            return False
        mention = self.actors.by_token.get(token.i)
        return mention.entries[0].kind == "capital" if mention else self.places.place_at(token) is not None

    def _audience(self, token: Token) -> bool:
        """"Theresa May told parliament": whom a report is told to is no party to what it tells."""
        return token.dep_ in ("dobj", "dative") and lemma(token.head) in self.lexicon.cues["reporting_verbs"]

    def _salient_party(self, trig: Trigger, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """The very last resort, for kinds of event that are always aimed at someone ("Taipei condemned the
        drills", "Croatia rejected the plan"): the other side nearest the trigger in its sentence, else the first
        other side the sentence before names (its subjects first)."""
        anchor = trig.anchor
        sentence = anchor.sent
        taken = _phrase_positions(sources)
        here = sorted((t for t in sentence if t.i not in taken and self._phrase_head(t) and not self._where(t) and
                       not self._audience(t)),
                      key=lambda t: (t.i < anchor.i, abs(t.i - anchor.i)))
        before = []
        if sentence.start > 0:
            previous = self.doc[sentence.start - 1].sent
            before = sorted((t for t in previous if self._phrase_head(t) and not self._audience(t)),
                            key=lambda t: (t.dep_ not in ("nsubj", "nsubjpass"), t.i))
        # "Canberra called for an inquiry", with "Australian barley" nearby: the source's own country, named by
        # an adjective or a place, is not the other side of a government's act
        return self._first_other_side([*here, *before], sources, foreign_only=True)

    def _default_targets(self, trig: Trigger, event_type: str, target_tokens: list[Token],
                         sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """Targets a kind of event implies when no word of its own names one, tried in order (for what is said or
        promised, never the speaker's own side: "warned that Washington would pay a price" is said by Washington's
        adversary, "warned that Washington would respond" by Washington)."""
        pattern, anchor = trig.pattern, trig.anchor
        chain = []
        if event_type in VERBAL_TYPES - {"CONSULT"}:
            chain.append(("verbal.state_of_patient", lambda: self._state_of_patient(anchor)))
        if event_type in VERBAL_TYPES - {"CONSULT"}:  # a swap "brokered by" a mediator is no meeting with the swappers
            chain.append(("relative.event_agent", lambda: self._event_head_agent(anchor)))
            chain.append(("nominal.drawn_by_event", lambda: self._drawn_by_doer(trig)))
            chain.append(("verbal.prompted_by", lambda: self._prompter(anchor)))
        if event_type == "THREATEN" or lemma(anchor) in self.lexicon.cues["promise_verbs"]:
            chain += [("threaten.condition_subject", lambda: self._condition_subjects(trig)),
                      ("threaten.clause_target", lambda: self._clause_target(anchor)),
                      ("threaten.harmed", lambda: self._harmed(anchor)),
                      ("threaten.struck_place", lambda: self._struck_place([direct_object(anchor)])
                       if direct_object(anchor) is not None else [])]  # "threatened military intervention in Niger"
        if event_type in VERBAL_TYPES - {"CONSULT"} and anchor.dep_ == "conj" and lemma(anchor.head) in MEETING_VERBS:
            chain.append(("verbal.after_meeting", lambda: self._met(anchor.head)))
        if event_type == "MOBILIZE":
            chain.append(("mobilize.rally", lambda: self._rally_of(anchor)))
            chain.append(("mobilize.border", lambda: self._across_border(anchor)))
            chain.append(("mobilize.foreign_place", lambda: self._foreign_place(anchor, sources)))
        if pattern.outcome.mode == "visit":
            chain.append(("visit.host", lambda: self._host_of_visit(trig)))
        if pattern.outcome.type == "AID" and not pattern.reverse:
            # "$500 million in humanitarian aid to Gaza": the place's country receives it
            chain.append(("aid.place", lambda: self._first_held(target_tokens)))
        if pattern.outcome.cameo.startswith(REPRESSION_CAMEO_ROOT):
            chain.append(("repression.named_person", lambda: self._named_person(anchor, sources)))
        if pattern.outcome.type in TARGET_NULL_TYPES and not pattern.reverse and event_type != "MOBILIZE":
            chain.append(("place.struck", lambda: self._struck_holder(trig, target_tokens)))
        if pattern.outcome.cameo.startswith(REPRESSION_CAMEO_ROOT):
            chain.append(("repression.own_country", lambda: self._own_country_held(trig, sources)))
        for strategy, find in chain:
            found = find()
            if event_type in VERBAL_TYPES:
                found = [a for a in found if not any(self._same_side(a, s) for s in sources)]
            if found:
                return tagged(found, strategy)
        return []

    def _adjust(self, resolved: ResolvedActor, event_type: str, as_source: bool, modifier: bool = False,
                military: bool | None = None):
        """A bare country acts through its government, or its army in military events, and is only a place
        when attacked; "Russian" modifying an attack is Russia's military, not Russian civilians."""
        actor = resolved.actor
        from_adjective = resolved.head.pos_ == "ADJ" or (modifier and resolved.head.dep_ in ("amod", "compound"))
        kind = actor.type
        military = event_type in MILITARY_TYPES if military is None else military
        if resolved.bare_country or (from_adjective and actor.type == "CVL"):
            military_kind = "MIL" if military else "GOV"
            kind = military_kind if as_source else None if event_type in TARGET_NULL_TYPES else "GOV"
        elif actor.type is None and actor.country and event_type in VERBAL_TYPES | {"SANCTION"}:
            kind = "GOV"  # "praised Kenya's leading role", "banned imports of Japanese seafood": the government
        elif actor.type is None and actor.country and as_source and military and \
                self.places.place_at(resolved.head) is None:
            kind = "MIL"  # "Israeli planes bombed", "Turkish airstrikes hit": a state's arms (not "fire from Gaza")
        elif actor.type == "GOV" and as_source and military and lemma(resolved.head) in self.lexicon.nouns:
            kind = "MIL"  # "government airstrikes killed": the state's forces
        if kind == actor.type:
            return resolved
        return replace(resolved, actor=actor.model_copy(update={"type": kind}))

    def _protest_defaults(self, trig: Trigger, sources, targets):
        """Protests named without protesters are by the public of the country; protests against a policy
        are directed at that country's government."""
        if trig.pattern.outcome.type != "PROTEST":
            return sources, targets
        subject, passive = self._subject(trig.anchor)
        unnamed_crowd = subject is not None and not passive and (  # "Thousands marched"
            subject.pos_ == "NUM" or lemma(subject) in CROWD_WORDS)
        # "the arrest sparked protests across Russia": protests that broke out
        caused = trig.token.dep_ in ("dobj", "obj") and lemma(trig.token.head) in self.lexicon.cues["causative_verbs"]
        if not sources and (trig.token.dep_ in ("nsubj", "nsubjpass") or trig.anchor != trig.token
                            or self._directed(trig) or unnamed_crowd or trig.token.head.lower_ in SETTING_PREPS
                            or caused or self._public_protest(trig)):
            country = self.actors.sentence_country(trig.token)
            name = self.actors.country_name(country)
            if unnamed_crowd:
                crowd = self.doc[subject.left_edge.i:subject.right_edge.i + 1]
                sources = [ResolvedActor(Actor(text=crowd.text, name=name, country=country, type="CVL"), subject,
                                         (crowd.start_char, crowd.end_char), via="protest.crowd")]
            else:
                sources = tagged([implied(Actor(text=trig.token.text, name=name, country=country, type="CVL"),
                                          trig.token)], "protest.public")
        countries = {s.actor.country for s in sources}
        # (a protest with nothing named it is against is still addressed to the protesters' own government, but
        # one held abroad is addressed to the host: see the event's place)
        if sources and not targets and len(countries) == 1 and None not in countries and (
                self._directed(trig) or countries >= set(self._place_countries(trig))):
            country = sources[0].actor.country
            actor = Actor(text="the government", name=self.actors.country_name(country), country=country, type="GOV")
            targets = tagged([implied(actor, trig.token)], "protest.government")
        return sources, targets

    @staticmethod
    def _public_protest(trig: Trigger) -> bool:
        """"Bowing to weeks of street protests", "the bill that sparked months of protests", "a crackdown on protests":
        a protest named with no protesters is the public's, wherever it stands in the sentence; but a "strike" may be
        a military one (not a general or a hunger strike), a campaign rally is no protest, and "unrest" names a state
        of affairs more often than an act the gold codes."""
        noun = trig.token
        if not trig.nominal or trig.anchor != noun or lemma(noun) == "unrest":
            return False
        modifiers = {lemma(c) for c in noun.children if c.dep_ in ("compound", "amod")}
        if lemma(noun) == "strike" and not modifiers & LABOUR_STRIKES:
            return False  # ("the second wave of joint strikes")
        return not modifiers & {"campaign", "election", "electoral"}

    def _state_of_place(self, trig: Trigger) -> list[ResolvedActor]:
        """"Three activists detained in Bangkok": arrests with no one named are the state's where they happen."""
        country = next(iter(self._place_countries(trig)), None) or self.actors.sentence_country(trig.token)
        if country is None:
            return []
        actor = Actor(text=self.actors.country_name(country) or country, name=self.actors.country_name(country),
                      country=country, type=None)
        return tagged([implied(actor, trig.token)], "place.state")

    def _place_countries(self, trig: Trigger) -> list[str]:
        """The countries of the places where an event happens, in the order the text gives them."""
        places = self._places(trig, Candidate(trig, trig.pattern.outcome, None, None, None))
        return [p.country for p, _ in places if p.country]

    def _launch_origin(self, trig: Trigger) -> list[ResolvedActor]:
        """"A mortar bomb was fired at Israel from the Gaza Strip": with no one named, fire comes from the
        side that holds the place it was launched from (country known, sector not)."""
        origins = [p for token in {trig.anchor, trig.token} for p in self._pobjs(token, {"from"})]
        return tagged(self._first_held(origins), "place.launch_origin")

    def _directed(self, trig: Trigger) -> bool:
        """A protest against something the state does or stands for is directed at the government: "against",
        "to demand", "to oppose", "anti-government", "opposition protesters", "stormed the parliament"."""
        tokens = [*trig.anchor.subtree, *(t for m in trig.merged for t in m.anchor.subtree)]
        if trig.token != trig.anchor:
            tokens += list(trig.token.subtree)
        if trig.nominal and trig.token.dep_ == "nsubj":  # "protests spread over the death of a woman in custody"
            tokens += [t for c in trig.token.head.children if c.dep_ == "prep" for t in c.subtree]
        words = {t.lower_ for t in tokens} | {lemma(t) for t in tokens} | {lemma(c.anchor) for c in trig.content}
        cues = self.lexicon.cues
        return bool(words & set(cues["protest_directed_words"])) or any(
            t.lower_.startswith("anti-") or t.lower_ == "anti" for t in tokens)
