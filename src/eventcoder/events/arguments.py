"""Argument finding: who acts and who is acted upon, for each trigger."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventcoder.actors.resolver import ResolvedActor
from eventcoder.events.context import VERBAL_TYPES
from eventcoder.events.syntax import (
    ANAPHORA_TOKENS,
    ARMED_TYPES,
    CONTAINER_NOUNS,
    OFFICIAL_TYPES,
    REPRESSION_TYPES,
    SETTING_PREPS,
    direct_object,
    implied,
    is_passive,
    lemma,
    object_phrases,
    through_relative,
)
from eventcoder.events.triggers import Candidate, Trigger
from eventcoder.events.view import ParseView
from eventcoder.models import Actor
from eventcoder.nlp import sentence_of

MILITARY_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT"}
TARGET_NULL_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT", "COERCE"}
REPRESSION_CAMEO_ROOT = "17"  # CAMEO's "coerce": arrests, crackdowns, curfews, violent repression
CROWD_WORDS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "crowd",
               "throng", "score", "scores", "many"}
THIRD_PARTY_ROLES = {"mediation", "help", "support", "assistance", "participation", "backing", "involvement",
                     "facilitation", "sponsorship"}
MEETING_VERBS = {"meet", "visit", "call", "phone", "host", "receive", "welcome"}
JOINABLE_TYPES = {"MOBILIZE", "CONSULT", "COOPERATE", "PROTEST"}


class ArgumentFinding(ParseView):

    def _source_tokens_of_nominal(self, trig: Trigger) -> list[Token]:
        noun = trig.token
        sources = []
        for child in noun.children:
            modifier = child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child not in trig.words)
            known = self.actors.by_token.get(child.i) or lemma(child) in self.actors.kb.agents
            if modifier and (known or child.lower_ in ("its", "their", "his", "her")):
                sources.append(child)
        sources += self._pobjs(noun, {"by"})
        if trig.pattern.reciprocal:  # "fighting broke out between the army and the RSF"
            sources += self._pobjs(noun, {"between"})
            if not sources and noun.dep_ in ("nsubj", "nsubjpass"):
                sources += self._pobjs(noun.head, {"between"})
        joined = ("in",) if trig.pattern.outcome.type in JOINABLE_TYPES else ()  # "took part in drills"
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ in ("for", "during", "on", *joined) and \
                noun.head.head.pos_ in ("VERB", "AUX"):  # "negotiators return to Geneva for talks", "is in X for"
            subject, passive = self._subject(noun.head.head)
            if subject is not None and not passive and not self._official_at_protest(trig, self._expand([subject])):
                sources.append(subject)
        if self._came_under(noun) is not None:
            sources += self._pobjs(self._came_under(noun), {"by"})  # "came under attack by Chadian tanks"
        if not sources and self._placed_under(noun) is not None:  # "soldiers placed the president under arrest"
            sources += self._active_subject(noun.head.head) or self._pobjs(noun.head.head, {"by"})
        if trig.pattern.of_role == "source":
            sources += self._pobjs(noun, {"of"})
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
                lemma(noun.head.head) in self.lexicon.cues["responsibility_words"]:
            sources += self._held_responsible(noun.head.head)
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
                lemma(noun.head.head) in self.lexicon.cues["responsibility_nouns"] and \
                noun.head.head.dep_ in ("dobj", "obj") and \
                lemma(noun.head.head.head) in self.lexicon.cues["responsibility_claims"]:
            sources += self._active_subject(noun.head.head.head)  # "Hamas claimed responsibility for the attack"
        if not sources and noun.dep_ in ("dobj", "obj") and lemma(noun.head) == "claim":
            sources += self._active_subject(noun.head)  # "Islamic State claimed the attack"
        return sources

    @staticmethod
    def _official_at_protest(trig: Trigger, actors: list[ResolvedActor]) -> bool:
        """Police who beat someone "during a protest" did not protest."""
        return trig.pattern.outcome.type == "PROTEST" and any(a.actor.type in OFFICIAL_TYPES | {"COP"} for a in actors)

    def _jailer(self, trig: Trigger) -> list[ResolvedActor]:
        """Whom a call for someone's release is addressed to: who holds them ("the release of hostages held by
        Hamas"), else who was just said to have jailed or seized someone ("condemned a court for jailing an
        activist and called for his immediate release")."""
        releases = [c for c in trig.content if c.pattern.outcome.type == "RETREAT" and c.pattern.outcome.mode ==
                    "release"]
        if not releases:
            return []
        held = [t for c in releases for t in self._target_tokens(c)]
        holders = [g for t in held for acl in t.children if acl.dep_ == "acl" for g in self._pobjs(acl, {"by"})]
        if holders:
            return self._expand(holders)
        start = sentence_of(trig.anchor).start
        jailer = next((c.source for c in reversed(self.recent) if c.source is not None and
                       c.outcome.type in REPRESSION_TYPES and start - sentence_of(c.trigger.token).start
                       <= ANAPHORA_TOKENS), None)
        return [jailer] if jailer is not None else []

    @staticmethod
    def _came_under(noun: Token) -> Token | None:
        """The verb of "came under attack", "was under fire"."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "under" and lemma(noun.head.head) in ("come", "be"):
            return noun.head.head
        return None

    @staticmethod
    def _placed_under(noun: Token) -> Token | None:
        """Who is "placed under house arrest" ("placed X under", "X was put under")."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "under" or \
                lemma(noun.head.head) not in ("place", "put", "keep", "hold"):
            return None
        verb = noun.head.head
        return direct_object(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)

    def _held_responsible(self, adjective: Token) -> list[Token]:
        """Who is "responsible for the crackdown": "officials it holds responsible", "officials responsible",
        "the government is responsible"."""
        if adjective.dep_ == "amod":
            return [adjective.head]
        if adjective.dep_ == "oprd":
            verb = adjective.head
            held = direct_object(verb)
            if held is not None:
                return [held]
            if verb.dep_ != "relcl":
                return []
            # the relative clause's noun, or the noun right before it when the parser attached it higher
            before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else verb.head
            return next(([noun] for noun in (verb.head, before) if self._expand([noun])), [])
        if adjective.dep_ == "acomp":
            return self._active_subject(adjective.head)
        return []

    def _target_tokens(self, trig: Trigger) -> list[Token]:
        pattern, anchor = trig.pattern, trig.anchor
        preps = set(pattern.target_preps)
        targets: list[Token] = []
        if trig.nominal and anchor == trig.token:
            if pattern.of_role != "source":
                targets += self._pobjs(trig.token, {"of"})
            if self._came_under(trig.token) is not None:  # "the base came under missile attack"
                targets += [s for s in self._came_under(trig.token).children if s.dep_ in ("nsubj", "nsubjpass")]
            held = self._placed_under(trig.token)
            if held is not None:  # "placed the president under house arrest"
                targets.append(held)
            return targets + self._pobjs(trig.token, preps | {"on", "against", "with"})
        subject, passive = self._subject(anchor)
        if passive and subject is not None and not (
                pattern.object_role == "theme" and object_phrases(through_relative(subject, anchor)) &
                pattern.objects):
            targets.append(subject)  # but "shells were fired at the town": the shells are the theme
        obj = direct_object(anchor)
        hosted = self._pobjs(obj, {"between"}) if obj is not None and lemma(obj) in self.lexicon.nouns else []
        if hosted:  # "hosted talks between Israeli and Hamas negotiators": the parties are the guests
            targets += hosted
        elif obj is not None and obj not in trig.words and not (trig.nominal and obj == trig.token):
            # With "cut ties", "lifted the curfew" the object is part of the event, not its target; with
            # "expelled two diplomats" it is the target.
            part_of_event = pattern.object_role == "theme" or (
                bool(pattern.objects) and lemma(obj) not in self.actors.kb.agents)
            if part_of_event or not self._expand([obj]):
                # "ties with Taiwan", "condemned allegations by Rwanda", "demanded support from the assembly"
                targets += self._pobjs(obj, preps | {"with", "against", "on", "by", "from", "to"})
                if object_phrases(obj) & pattern.objects and not self._expand(targets) and \
                        not self._expand(self._pobjs(anchor, preps)):
                    targets += self._pobjs(obj, {"of"})  # "expelled inspectors of the IAEA"
                if pattern.outcome.mode == "seize" and any(not a.country_from_context for a in self._expand([obj])):
                    targets.append(obj)  # "seized a British oil tanker": the owner loses it
            else:
                targets.append(obj)
        targets += [c for c in anchor.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        targets += self._pobjs(anchor, preps)
        if "from" in preps:  # "pulled out of Kherson" is "from Kherson"
            targets += [t for out in anchor.children if out.lower_ == "out" for t in self._pobjs(out, {"of"})]
        if trig.nominal:
            targets += self._pobjs(trig.token, preps | {"on", "against"})
            container = trig.token.head.head if trig.token.head.lower_ == "of" else None
            if container is not None and lemma(container) in CONTAINER_NOUNS:
                targets += self._pobjs(container, preps | {"on", "against"})
        if obj is not None and not self._expand(targets):  # "delivered tents worth $5 million to Turkey"
            targets += [t for d in obj.subtree if d.dep_ == "prep" and d.lower_ in preps
                        for t in d.children if t.dep_ == "pobj"]
        if passive and not self._expand(targets):  # "fired by rebels against US warships": misattached
            targets += [t for agent in self._pobjs(anchor, {"by"}) for t in self._pobjs(agent, preps)]
        if pattern.reciprocal:  # "began talks with US mediation": the mediator is not the other side
            targets = [t for t in targets if not (lemma(t) in THIRD_PARTY_ROLES and t.head.lower_ == "with")]
        if pattern.outcome.type == "ACCUSE":
            # "complained to the UN over Israeli air raids": the accused, not the one told
            addressees = self._pobjs(anchor, {"to"})
            grievances = [g for head in [anchor, *addressees] for g in self._pobjs(head, {"over", "about", "against"})]
            if addressees and self._expand(grievances):
                targets = [t for t in targets if t not in addressees] + grievances
        if not targets:  # "allowed a UN aid convoy to enter"
            targets += [c for clause in anchor.children if clause.dep_ in ("ccomp", "xcomp")
                        for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "that")]
        return targets

    def _arguments(self, trig: Trigger, event_type: str | None = None) -> tuple[list[ResolvedActor],
                                                                               list[ResolvedActor]]:
        pattern, anchor = trig.pattern, trig.anchor
        event_type = event_type or pattern.outcome.type
        sources: list[Token] = []
        if trig.nominal and anchor == trig.token:
            sources = self._source_tokens_of_nominal(trig)
        else:
            subject, passive = self._subject(anchor)
            if pattern.subjects and subject is not None:
                sources += self._pobjs(subject, {"between"})  # "the truce between Israel and Hamas held"
            elif passive:
                sources += self._pobjs(anchor, {"by"})
            elif subject is not None:
                sources.append(subject)
        # "Israeli helicopters and tanks": one actor acting, not two (but Iraqi forces and the Peshmerga are two)
        expanded = self._expand(sources)
        source_actors = [a for i, a in enumerate(expanded) if not a.actor.country or not any(
            (b.actor.country, b.actor.type, b.actor.name) == (a.actor.country, a.actor.type, a.actor.name)
            for b in expanded[:i])]
        target_tokens = self._target_tokens(trig)
        if pattern.object_role == "theme" and not source_actors and not (trig.nominal and anchor == trig.token):
            subject, passive = self._subject(anchor)
            if passive and subject is not None:  # "peacekeepers were shipped out": they withdraw
                source_actors = self._expand([subject])
                target_tokens = [t for t in target_tokens if t != subject]
        target_actors = self._distinct_countries(self._expand(target_tokens))
        if pattern.reverse:  # "received weapons from the government": the government gives
            source_actors, target_actors = target_actors, source_actors
        if not source_actors and event_type == "ASSAULT" and is_passive(anchor):
            # "killed in Israeli tank shelling": the armed actor named in the event noun of the "in" phrase
            # (or just before it, when the parser splits the compound), not "in a rebel-held part of the city"
            event_nouns = [p for p in self._pobjs(anchor, {"in"})
                           if any(m.token.i in (p.i, p.right_edge.i + 1) for m in trig.merged)]
            source_actors = [a for a in self._expand(event_nouns) if a.actor.type in ARMED_TYPES]
        for other in trig.merged:  # the same event told twice: fill what is missing
            if not source_actors:
                if other.nominal and other.anchor == other.token:
                    source_actors = self._expand(self._source_tokens_of_nominal(other))
                else:
                    source_actors = self._expand(self._active_subject(other.anchor))
            # "the army and the RSF clashed, killing 56 civilians": the parties fight each other
            if not target_actors and not (pattern.reciprocal and len(source_actors) > 1):
                target_actors = self._distinct_countries(self._expand(self._target_tokens(other)))
        if not source_actors and event_type == "ASSAULT" and is_passive(anchor):
            # "30 people were killed when gunmen stormed a village": the armed actor of the "when" clause
            clauses = [c for c in anchor.children if c.dep_ == "advcl" and
                       any(m.lower_ in ("when", "as", "after") for m in c.children if m.dep_ in ("advmod", "mark"))]
            subjects = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
            source_actors = [a for a in self._expand(subjects) if a.actor.type in ARMED_TYPES]
        # "Turkey warned that Ankara would block Sweden's bid": the speaker restated is not the target
        restated = bool(target_actors) and all(any(self._same_side(a, s) for s in source_actors)
                                               for a in target_actors)
        if not target_actors and event_type == "REQUEST":
            target_actors = self._jailer(trig)
        parties = pattern.reciprocal and len(source_actors) > 1  # "A and B agreed to exchange prisoners"
        for content in trig.content:  # "refused to meet government negotiators"
            if (not target_actors or restated) and not parties:
                # "called for peace talks between Russia and Ukraine": asked of the parties
                wanted = self._target_tokens(content) or self._between(content)
                target_actors = self._distinct_countries(self._expand(wanted)) or target_actors
        if restated and trig.content and all(any(self._same_side(a, s) for s in source_actors)
                                             for a in target_actors):
            # "Israel may launch an offensive in Rafah, officials warned": the threat is against where it would
            # strike, not against the speaker's own side
            target_actors = self._struck_place([token for c in trig.content for token in {c.anchor, c.token}])
        if restated and not trig.content:
            # "China warned that Beijing would retaliate against the Philippines": whom the clause is against
            clause_targets = [t for clause in anchor.children if clause.dep_ == "ccomp"
                              for t in [direct_object(clause), *self._pobjs(clause, {"against", "on", "at"})] if t]
            target_actors = self._distinct_countries(self._expand(clause_targets)) or target_actors
        if trig.governor is not None and not source_actors and trig.token.head.lower_ in SETTING_PREPS:
            source_actors = self._arguments(trig.governor)[0]
            if self._official_at_protest(trig, source_actors):
                source_actors = []
        if trig.governor is not None and not target_actors and trig.token.dep_ in ("dobj", "obj") and not parties:
            target_actors = self._arguments(trig.governor)[0]  # a rejected call was made to the rejecter
        if not target_actors and event_type == "THREATEN":
            # "threatened to stop negotiations if the United States goes ahead": whoever the condition is on
            heads = [anchor, *(c.anchor for c in trig.content), *(c for c in anchor.children if c.dep_ == "xcomp")]
            conditions = [clause for head in heads for clause in head.children if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)]
            target_actors = self._distinct_countries(self._expand(
                [s for clause in conditions for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]))
            if not target_actors and direct_object(anchor) is not None:  # "threatened military intervention in Niger"
                target_actors = self._struck_place([direct_object(anchor)])
        if not target_actors and event_type in VERBAL_TYPES - {"CONSULT"} and anchor.dep_ == "conj" and \
                lemma(anchor.head) in MEETING_VERBS:
            # "met President Biden and asked for more air defence": asked of the one met
            met = [direct_object(anchor.head), *self._pobjs(anchor.head, {"with"})]
            target_actors = self._distinct_countries(self._expand([t for t in met if t is not None]))
        if not target_actors and event_type == "MOBILIZE":
            # "deployed 10,000 officers ahead of a planned opposition rally": against the protesters
            occasions = [p for head in (anchor, *(c for c in anchor.children if c.lower_ == "ahead"))
                         for p in self._pobjs(head, {"of", "for", "before", "against"})]
            rallies = [o for o in occasions if any(pat.outcome.type == "PROTEST"
                                                   for _, pat in self.lexicon.nouns.get(lemma(o), ()))]
            target_actors = self._expand([m for r in rallies for m in r.children if m.dep_ in ("compound", "amod",
                                                                                               "poss")])
        if not target_actors and pattern.outcome.mode == "visit":
            target_actors = self._host_of_visit(trig)
        if not target_actors and pattern.outcome.type == "AID" and not pattern.reverse:
            # "$500 million in humanitarian aid to Gaza": the place's country receives it
            target_actors = self._first_held(target_tokens)
        if not target_actors and pattern.outcome.type in TARGET_NULL_TYPES and not pattern.reverse:
            # "shelled Mariupol": the country whose place is hit (type null, like "air strikes in Syria")
            places = [*target_tokens, direct_object(anchor)] if pattern.object_role != "theme" else target_tokens
            # "hit a Kharkiv apartment block": the place may be the object's modifier
            places += [c for t in places if t is not None for c in t.children if c.dep_ == "compound"]
            target_actors = self._first_held([t for t in places if t is not None])
        # "suicide bombers blew themselves up": the act has no other party named
        target_actors = [t for t in target_actors if not t.head.lower_.endswith(("self", "selves"))]
        modifier = trig.nominal or any(m.nominal for m in trig.merged)
        source_actors = [self._adjust(a, event_type, as_source=True, modifier=modifier) for a in source_actors]
        target_actors = [self._adjust(a, event_type, as_source=False) for a in target_actors]
        if pattern.outcome.cameo.startswith(REPRESSION_CAMEO_ROOT):
            target_actors = self._own_people(source_actors, target_actors)
        return source_actors, target_actors

    def _own_people(self, sources: list[ResolvedActor], targets: list[ResolvedActor]) -> list[ResolvedActor]:
        """Repression is of one's own people: "Iranian officials responsible for the crackdown on protesters,
        Canada said" - the protesters are Iranian, not of the first country the sentence names."""
        countries = {a.actor.country for a in sources if a.actor.country}
        if len(countries) != 1:
            return targets
        country = countries.pop()
        update = {"country": country, "name": self.actors.country_name(country)}
        return [replace(t, actor=t.actor.model_copy(update=update), country_from_context=False)
                if t.country_from_context else t for t in targets]

    def _host_of_visit(self, trig: Trigger) -> list[ResolvedActor]:
        """"a visit to Nairobi" -> the host is Kenya's government."""
        governing_verb = [trig.token.head.head] if trig.token.dep_ == "pobj" else []
        for pobj in self._pobjs(trig.token, {"to"}) + [p for t in [trig.anchor, *governing_verb]
                                                        for p in self._pobjs(t, {"to", "in"})]:
            place = self.places.place_at(pobj)
            if place and place.place.country:
                country = self.actors.kb.countries.get(place.place.country)
                actor = Actor(text=place.place.text, name=country.name if country else None,
                              country=place.place.country, type="GOV", wikidata=country.wikidata if country else None)
                return [ResolvedActor(actor, pobj, place.span)]
        return []

    def _adjust(self, resolved: ResolvedActor, event_type: str, as_source: bool, modifier: bool = False):
        """A bare country acts through its government, or its army in military events, and is only a place
        when attacked; "Russian" modifying an attack is Russia's military, not Russian civilians."""
        actor = resolved.actor
        from_adjective = resolved.head.pos_ == "ADJ" or (modifier and resolved.head.dep_ in ("amod", "compound"))
        kind = actor.type
        if resolved.bare_country or (from_adjective and actor.type == "CVL"):
            if as_source:
                kind = "MIL" if event_type in MILITARY_TYPES else "GOV"
            else:
                kind = None if event_type in TARGET_NULL_TYPES else "GOV"
        elif actor.type is None and actor.country and event_type in VERBAL_TYPES | {"SANCTION"}:
            kind = "GOV"  # "praised Kenya's leading role", "banned imports of Japanese seafood": the government
        elif actor.type is None and actor.country and as_source and event_type in MILITARY_TYPES and \
                self.places.place_at(resolved.head) is None:
            kind = "MIL"  # "Israeli planes bombed", "Turkish airstrikes hit": a state's arms (not "fire from Gaza")
        elif actor.type == "GOV" and as_source and event_type in MILITARY_TYPES and \
                lemma(resolved.head) in self.lexicon.nouns:
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
                            or caused):
            country = self.actors.sentence_country(trig.token)
            name = self.actors.country_name(country)
            if unnamed_crowd:
                crowd = self.doc[subject.left_edge.i:subject.right_edge.i + 1]
                sources = [ResolvedActor(Actor(text=crowd.text, name=name, country=country, type="CVL"), subject,
                                         (crowd.start_char, crowd.end_char))]
            else:
                sources = [implied(Actor(text=trig.token.text, name=name, country=country, type="CVL"), trig.token)]
        if sources and not targets and sources[0].actor.country and self._directed(trig):
            country = sources[0].actor.country
            actor = Actor(text="the government", name=self.actors.country_name(country), country=country, type="GOV")
            targets = [implied(actor, trig.token)]
        return sources, targets

    def _state_of_place(self, trig: Trigger) -> list[ResolvedActor]:
        """"Three activists detained in Bangkok": arrests with no one named are the state's where they happen."""
        places = [p for p, _ in self._places(trig, Candidate(trig, trig.pattern.outcome, None, None, None))]
        country = next((p.country for p in places if p.country), None) or self.actors.sentence_country(trig.token)
        if country is None:
            return []
        actor = Actor(text=self.actors.country_name(country) or country, name=self.actors.country_name(country),
                      country=country, type=None)
        return [implied(actor, trig.token)]

    def _launch_origin(self, trig: Trigger) -> list[ResolvedActor]:
        """"A mortar bomb was fired at Israel from the Gaza Strip": with no one named, fire comes from the
        side that holds the place it was launched from (country known, sector not)."""
        return self._first_held([p for token in {trig.anchor, trig.token} for p in self._pobjs(token, {"from"})])

    def _directed(self, trig: Trigger) -> bool:
        words = {t.lower_ for t in trig.anchor.subtree} | {t.lower_ for m in trig.merged for t in m.anchor.subtree}
        words |= {lemma(c.anchor) for c in trig.content}
        return bool(words & {"against", "demand", "demanding", "over"})
