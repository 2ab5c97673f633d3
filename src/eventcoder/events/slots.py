"""Argument slots: the words of a sentence that name a trigger's source or target, read off the parse.

Every slot carries the name of the strategy that found it (`nominal.by`, `verb.object`, ...), so that each coded
event says in its evidence which strategy gave its source and its target, and `eval --errors` can measure each
strategy on its own. The strategies of a slot list are tried in the order written; a later one often runs only
when the earlier ones found nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Token

from eventcoder.actors.coref import RELATIVE_PRONOUNS
from eventcoder.actors.resolver import COUNTERPART_HEADS, ResolvedActor
from eventcoder.events.context import VERBAL_TYPES
from eventcoder.events.syntax import (
    OFFICIAL_TYPES,
    blamed,
    direct_object,
    lemma,
    object_phrases,
    standing,
    through_relative,
)
from eventcoder.events.triggers import Trigger
from eventcoder.events.view import ParseView

Slot = tuple[Token, str]  # a word naming an argument, and the strategy that found it

JOINABLE_TYPES = {"MOBILIZE", "CONSULT", "COOPERATE", "PROTEST"}
THIRD_PARTY_ROLES = {"mediation", "help", "support", "assistance", "participation", "backing", "involvement",
                     "facilitation", "sponsorship"}
OWNER_PRONOUNS = ("its", "their", "his", "her")
INFORMATION_NOUNS = {"intelligence", "information", "data", "evidence", "detail", "report", "document", "file",
                     "warning", "assessment", "finding"}
# Nouns that stand for an event someone carries out ("a step Baku demanded", "a move Ottawa denounced").
EVENT_NOUNS = {"step", "move", "decision", "action", "measure", "announcement", "plan", "policy", "initiative",
               "visit", "trip", "pullout", "withdrawal", "deal", "law", "bill", "ruling", "verdict", "what",
               "attack", "strike", "test", "launch", "deployment", "operation", "offensive", "crackdown"}
# Participles that say who did what a noun names besides the light verbs ("attacks claimed by the Houthis").
CARRYING_OUT_VERBS = {"claim", "perpetrate", "commit", "execute"}
# Meetings and joint acts named in an adverbial phrase are held by the clause's subject ("after talks in Doha").
HOSTED_TYPES = {"CONSULT", "COOPERATE"}
# a participle that aims the act its noun names at its object ("drills encircling Taiwan")
AIMING_VERBS = {"target", "encircle", "surround", "hit", "strike", "besiege", "blockade", "threaten", "menace"}
ADVERBIAL_PREPS = {"at", "in", "after", "during", "following", "before", "since", "through", "amid", "ahead",
                   "on", "for"}
# Verbs whose object is a reaction to their subject: "the test drew condemnation", "the move sparked protests".
DRAWING_VERBS = {"draw", "prompt", "spark", "trigger", "provoke", "attract", "earn", "bring", "cause", "invite",
                 "elicit"}
# Event nouns whose "from" complement is who acts ("criticism from Kyiv"); a withdrawal "from" is a place.
FROM_SOURCE_TYPES = VERBAL_TYPES | {"PROTEST", "AID", "SANCTION"}
RECEIVING_VERBS = {"receive", "take", "get"}


def slot_tokens(slots: list[Slot]) -> list[Token]:
    return [token for token, _ in slots]


def named(tokens: list[Token], strategy: str) -> list[Slot]:
    return [(token, strategy) for token in tokens]


def tagged(actors: list[ResolvedActor], strategy: str) -> list[ResolvedActor]:
    """The actors a strategy found, each marked with the strategy's name."""
    return [replace(actor, via=strategy) for actor in actors]


def prefixed(actors: list[ResolvedActor], prefix: str) -> list[ResolvedActor]:
    """Actors found for another trigger (a merged or content trigger), their strategy names kept under a prefix."""
    return [replace(actor, via=f"{prefix}.{actor.via}") for actor in actors]


class SlotFinding(ParseView):
    """Which words name a trigger's source and target."""

    def _resolve_slots(self, slots: list[Slot]) -> list[ResolvedActor]:
        """The actors of each slot, in order, marked with the strategy that found the slot."""
        return [actor for token, strategy in slots for actor in tagged(self._expand([token]), strategy)]

    # ------------------------------------------------------------------------------------------ sources

    def _source_slots(self, trig: Trigger) -> list[Slot]:
        if self._receiver(trig) is not None:  # "took a phone call from Raisi": the caller
            return named(self._pobjs(trig.token, {"from"}), "nominal.received_from")
        if trig.nominal and trig.anchor == trig.token:
            return self._source_slots_of_nominal(trig)
        subject, passive = self._subject(trig.anchor)
        if trig.pattern.subjects and subject is not None:
            return named(self._pobjs(subject, {"between"}), "verb.between")  # "the truce between X and Y held"
        if passive:
            return named(self._pobjs(trig.anchor, {"by"}), "verb.by_agent")
        return [(subject, "verb.subject")] if subject is not None else []

    def _source_slots_of_nominal(self, trig: Trigger) -> list[Slot]:
        noun = trig.token
        slots: list[Slot] = []
        patient_owner = lemma(noun) in self.lexicon.cues["patient_possessor_nouns"]
        opposed = self._opposed_modifiers(noun)
        for child in noun.children:
            if child.dep_ == "poss" and patient_owner or child in opposed:
                continue  # "Navalny's arrest": Navalny is arrested; "anti-Chinese riots" are against China
            modifier = child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child not in trig.words)
            # ("the group's attacks": a description that refers back to a party named before)
            known = self.actors.by_token.get(child.i) or (lemma(child) in self.actors.kb.agents or
                                                          child.dep_ == "poss") and self._expand([child])
            if modifier and (known or child.lower_ in OWNER_PRONOUNS):
                slots.append((child, "nominal.possessor" if child.dep_ == "poss" else "nominal.modifier"))
        slots += named(self._pobjs(noun, {"by"}), "nominal.by")
        if not slots:  # "strikes carried out by the coalition", "drone attacks claimed by the Houthis"
            slots += named(self._participle_agents(noun, self.lexicon.light_verbs | CARRYING_OUT_VERBS),
                           "nominal.carried_out_by")
        accusation = blamed(noun, self.lexicon.cues["blaming_verbs"])
        if not slots and accusation is not None and accusation[1] is not None:
            slots.append((accusation[1], "nominal.accused"))  # "accused China of a cyberattack": China did it
        if not slots and trig.pattern.outcome.type in FROM_SOURCE_TYPES:
            # "criticism from Poland", "appeals from the bloc's leaders", "approval from the IMF": who it comes from
            slots += named(self._pobjs(noun, {"from"}), "nominal.from")
            if not slots and self._drawn_by(noun) is not None:  # "drew condemnation from Tokyo" (on the verb)
                slots += named(self._pobjs(noun.head, {"from"}), "nominal.from")
        if trig.pattern.reciprocal:  # "fighting broke out between the army and the RSF"
            slots += named(self._pobjs(noun, {"between"}), "nominal.between")
            if not slots and noun.dep_ in ("nsubj", "nsubjpass"):
                slots += named(self._pobjs(noun.head, {"between"}), "nominal.between")
        if not slots and noun.dep_ == "pobj" and noun.head.lower_ == "in" and trig.pattern.outcome.type == "PROTEST":
            # "recalled its ambassadors in protest at the decision": whoever acts in protest protests (the parser
            # may hang the phrase on any noun of the clause)
            verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is not None:
                slots += named(self._active_subject(verb), "nominal.acting_in_protest")
        joined = ("in",) if trig.pattern.outcome.type in JOINABLE_TYPES else ()  # "took part in drills"
        position = standing(noun)  # "during two days of protests": where the container stands
        if not slots and position.dep_ == "pobj" and position.head.lower_ in ("for", "during", "on", *joined) and \
                position.head.head.pos_ in ("VERB", "AUX"):  # "negotiators return to Geneva for talks", "is in X for"
            subject, passive = self._subject(position.head.head)
            if subject is not None and not passive and not self._official_at_protest(trig, self._expand([subject])):
                slots.append((subject, "nominal.clause_subject"))
        if not slots and noun.dep_ == "pobj" and noun.head.lower_ == "with" and \
                lemma(noun.head.head) in self.lexicon.cues["response_verbs"]:
            slots += named(self._active_subject(noun.head.head), "nominal.response_means")
        if not slots and trig.pattern.outcome.type in HOSTED_TYPES:
            slots += named(self._host_subject(trig), "nominal.host_subject")
        if self._came_under(noun) is not None:  # "came under attack by Chadian tanks"
            slots += named(self._pobjs(self._came_under(noun), {"by"}), "nominal.came_under")
        if not slots and self._placed_under(noun) is not None:  # "soldiers placed the president under arrest"
            verb = noun.head.head
            slots += named(self._active_subject(verb) or self._pobjs(verb, {"by"}), "nominal.placed_under")
        if trig.pattern.of_role == "source":
            slots += named(self._pobjs(noun, {"of"}), "nominal.of")
        if not slots and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
                lemma(noun.head.head) in self.lexicon.cues["responsibility_words"]:
            slots += named(self._held_responsible(noun.head.head), "nominal.responsible")
        if not slots and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
                lemma(noun.head.head) in self.lexicon.cues["responsibility_nouns"] and \
                noun.head.head.dep_ in ("dobj", "obj") and \
                lemma(noun.head.head.head) in self.lexicon.cues["responsibility_claims"] | \
                self.lexicon.cues["responsibility_bearers"]:
            # "Hamas claimed responsibility for the attack"
            slots += named(self._active_subject(noun.head.head.head), "nominal.claimed")
        if not slots and noun.dep_ in ("dobj", "obj") and lemma(noun.head) == "claim":
            slots += named(self._active_subject(noun.head), "nominal.claimed")  # "Islamic State claimed the attack"
        return slots

    def _host_subject(self, trig: Trigger) -> list[Token]:
        """"Tsipras bowed to their demands after 17 hours of talks", "X met Y at talks in Moscow", "Biden said
        after a phone call with Xi": a meeting named in an adverbial phrase is held by the clause's subject."""
        host = self._host_verb(trig.token)
        return self._active_subject(host) if host is not None else []

    @staticmethod
    def _host_verb(noun: Token) -> Token | None:
        """The verb of the clause an adverbial phrase ("at talks in Moscow", "after four days of talks") stands in."""
        noun = standing(noun)
        if noun.dep_ != "pobj" or noun.head.lower_ not in ADVERBIAL_PREPS:
            return None
        def clause_verb(token: Token) -> bool:
            # (not a participle describing a noun: "a deal brokered by China after four days of talks" is the
            # agreeing clause's)
            return token.pos_ in ("VERB", "AUX") and not (token.dep_ in ("acl", "advcl") and token.tag_ == "VBN")

        host = noun.head.head
        while not clause_verb(host) and host.dep_ in ("pobj", "prep", "npadvmod", "acl", "advcl") and host.head != host:
            host = host.head
        return host if clause_verb(host) else None

    @staticmethod
    def _official_at_protest(trig: Trigger, actors: list[ResolvedActor]) -> bool:
        """Police who beat someone "during a protest" did not protest."""
        return trig.pattern.outcome.type == "PROTEST" and any(a.actor.type in OFFICIAL_TYPES | {"COP"} for a in actors)

    @staticmethod
    def _opposed_modifiers(noun: Token) -> list[Token]:
        """"anti-government protests", "anti-American rallies": what the prefix sets the act against."""
        doc = noun.doc
        return [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i >= 2 and
                doc[c.i - 1].text == "-" and doc[c.i - 2].lower_ == "anti"]

    def _aimed_by_participle(self, *heads: Token) -> list[Token]:
        """What a participle aims the act its noun (or light verb) names at: "drills encircling Taiwan", "began
        drills in six zones encircling Taiwan"."""
        holders = [h for head in heads for h in (head, *self._pobjs(head, {"in"}))]
        return [o for holder in holders for acl in holder.children if acl.dep_ == "acl" and acl.tag_ == "VBG" and
                lemma(acl) in AIMING_VERBS for o in acl.children if o.dep_ in ("dobj", "obj")]

    def _participle_agents(self, noun: Token, verbs: Collection[str] | None = None) -> list[Token]:
        """The agent of a participle describing a noun: "strikes carried out by the coalition", "a plan put forward
        by Egypt" (with `verbs`, only participles of those verbs)."""
        return [a for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN" and
                (verbs is None or lemma(acl) in verbs) for a in self._pobjs(acl, {"by"})]

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

    # ------------------------------------------------------------------------------------------ targets

    def _target_tokens(self, trig: Trigger) -> list[Token]:
        return slot_tokens(self._target_slots(trig))

    def _receiver(self, trig: Trigger) -> Token | None:
        """The subject of "received a phone call from Putin", "took his first call from Raisi": an event noun
        someone receives from another is done by the other to them."""
        noun = trig.token
        if not trig.nominal or noun.dep_ not in ("dobj", "obj") or lemma(noun.head) not in RECEIVING_VERBS or \
                not self._pobjs(noun, {"from"}):
            return None
        return self._subject(noun.head)[0]

    def _target_slots(self, trig: Trigger) -> list[Slot]:
        pattern, anchor = trig.pattern, trig.anchor
        preps = set(pattern.target_preps)
        receiver = self._receiver(trig)
        if receiver is not None:
            return [(receiver, "nominal.receiver")]
        if trig.nominal and anchor == trig.token:
            if pattern.of_role == "source":
                preps.discard("of")  # "at the request of X": X asks
            slots = self._target_slots_of_nominal(trig, preps)
            if not slots and pattern.outcome.type == "REQUEST" and anchor.dep_ == "pobj" and \
                    anchor.head.lower_ in ("at", "on", "upon"):
                # "troops arrived at the request of President Tokayev": those who answer the request are asked
                host = self._host_verb(anchor)
                slots = named(self._active_subject(host), "nominal.answered_by") if host is not None else []
            return slots
        slots: list[Slot] = []
        subject, passive = self._subject(anchor)
        if passive and subject is not None and not (
                pattern.object_role == "theme" and object_phrases(through_relative(subject, anchor)) &
                pattern.objects):
            slots.append((subject, "verb.passive_subject"))  # but "shells were fired at the town": a theme
        obj = direct_object(anchor)
        hosted = self._pobjs(obj, {"between"}) if obj is not None and lemma(obj) in self.lexicon.nouns else []
        if hosted:  # "hosted talks between Israeli and Hamas negotiators": the parties are the guests
            slots += named(hosted, "verb.hosted_between")
        elif obj is not None and pattern.outcome.type == "REQUEST" and self._pobjs(obj, {"between"}):
            # "demanded an immediate ceasefire between Israel and Hamas": asked of both
            slots += named(self._pobjs(obj, {"between"}), "request.between")
        elif obj is not None and obj not in trig.words and not (trig.nominal and obj == trig.token):
            slots += self._object_slots(trig, obj, preps)
        slots += [(c, "verb.dative") for c in anchor.children
                  if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if obj is None and not passive and anchor.dep_ == "relcl" and subject is not None and not any(
                t.lower_ in RELATIVE_PRONOUNS for t in (*anchor.children, *subject.subtree)) and not any(
                c.dep_ in ("prep", "prt") and not any(g.dep_ == "pobj" for g in c.children) for c in anchor.children):
            # "the schoolgirls his fighters abducted": a relative clause with no relative word, no object and no
            # stranded preposition ("the tanks Kyiv has been asking for") has the noun it describes as its object
            slots.append((anchor.head, "relative.object_gap"))
        slots += named(self._pobjs(anchor, preps), "verb.preposition")
        if "from" in preps:  # "pulled out of Kherson" is "from Kherson"
            slots += [(t, "verb.out_of") for out in anchor.children if out.lower_ == "out"
                      for t in self._pobjs(out, {"of"})]
        if trig.nominal:
            slots += named(self._pobjs(trig.token, preps | {"on", "against"}), "light_verb.noun_preposition")
            container = standing(trig.token)
            if container is not trig.token:
                slots += named(self._pobjs(container, preps | {"on", "against"}), "light_verb.container_preposition")
            if not slots:  # "began two days of drills encircling Taiwan"
                slots += named(self._aimed_by_participle(trig.token, anchor), "light_verb.participle_object")
            if not slots:  # "joined anti-American protests"
                slots += [(c, "light_verb.opposed") for c in self._opposed_modifiers(trig.token) if self._expand([c])]
        # "applied for arrest warrants for Netanyahu and Sinwar": the object a particle verb takes
        held = obj if obj is not None or not pattern.objects else next((o for o in self._pobjs(
            anchor, {"for", "to", "on", "with", "at"}) if object_phrases(o) & pattern.objects), None)
        if held is not None and not self._expand(slot_tokens(slots)) and lemma(held) not in COUNTERPART_HEADS:
            # "delivered tents worth $5 million to Turkey" (but "accused its ally of ...": the ally is the target)
            slots += [(t, "verb.object_phrase_preposition") for d in held.subtree
                      if d.dep_ == "prep" and d.lower_ in preps for t in d.children if t.dep_ == "pobj"]
        if passive and not self._expand(slot_tokens(slots)):  # "fired by rebels against US warships": misattached
            slots += [(t, "verb.agent_preposition") for agent in self._pobjs(anchor, {"by"})
                      for t in self._pobjs(agent, preps)]
        if pattern.reciprocal:  # "began talks with US mediation": the mediator is not the other side
            slots = [(t, s) for t, s in slots if not (lemma(t) in THIRD_PARTY_ROLES and t.head.lower_ == "with")]
        if pattern.outcome.type == "ACCUSE":
            # "complained to the UN over Israeli air raids": the accused, not the one told
            addressees = self._pobjs(anchor, {"to"})
            grievances = [g for head in [anchor, *addressees] for g in self._pobjs(head, {"over", "about", "against"})]
            if addressees and self._expand(grievances):
                slots = [(t, s) for t, s in slots if t not in addressees] + named(grievances, "accuse.grievance")
        if not slots and "xcomp" in pattern.requires:  # "applied to join NATO": the body it asks to be let into
            slots += [(o, "verb.xcomp_object") for clause in anchor.children if clause.dep_ == "xcomp"
                      for o in [direct_object(clause)] if o is not None]
        if not slots:  # "allowed a UN aid convoy to enter"
            slots += [(c, "verb.clause_subject") for clause in anchor.children if clause.dep_ in ("ccomp", "xcomp")
                      and not any(w.lower_ == "what" for w in clause.children)  # "struck what X described as"
                      for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "that")]
        return slots

    def _target_slots_of_nominal(self, trig: Trigger, preps: set[str]) -> list[Slot]:
        noun = trig.token
        slots: list[Slot] = []
        if trig.pattern.of_role != "source":
            slots += named(self._pobjs(noun, {"of"}), "nominal.of")
        if self._came_under(noun) is not None:  # "the base came under missile attack"
            slots += [(s, "nominal.came_under") for s in self._came_under(noun).children
                      if s.dep_ in ("nsubj", "nsubjpass")]
        held = self._placed_under(noun)
        if held is not None:  # "placed the president under house arrest"
            slots.append((held, "nominal.placed_under"))
        if lemma(noun) in self.lexicon.cues["patient_possessor_nouns"]:  # "Navalny's arrest"
            slots += [(c, "nominal.patient_possessor") for c in noun.children if c.dep_ == "poss"]
        slots += [(c, "nominal.opposed") for c in self._opposed_modifiers(noun) if self._expand([c])]
        slots += named(self._pobjs(noun, preps | {"on", "against", "with"}), "nominal.preposition")
        if not slots:  # "strikes targeting Houthi positions"
            slots += named(self._aimed_by_participle(noun), "nominal.participle_object")
        if not slots and trig.pattern.outcome.type == "ASSAULT" and noun.dep_ == "nsubj" and \
                noun.head.pos_ == "VERB" and not any(
                    rule.pattern.outcome.type == "ASSAULT" and rule.pattern.agentless and rule.particle is None
                    for rule in self.lexicon.verbs.get(lemma(noun.head), ())):
            # "drone attacks set ablaze two Saudi Aramco oil facilities": what the attack did harm to (a verb that
            # codes agentless violence of its own, "air strikes killed", is the event)
            slots += [(c, "nominal.harmed_object") for c in noun.head.children if c.dep_ in ("dobj", "obj")]
        if not slots and trig.pattern.outcome.type in HOSTED_TYPES and self._host_subject(trig):
            # "told Putin at talks in Moscow": the one the host clause addresses is the other side
            host = self._host_verb(noun)
            slots += [(c, "nominal.host_object") for c in host.children if c.dep_ in ("dobj", "obj", "dative")]
            slots += named(self._pobjs(host, {"with", "to"}), "nominal.host_object")
        helped = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else None
        if not slots and trig.pattern.outcome.type == "AID" and helped is not None and helped.pos_ == "VERB":
            # "brought down by Israeli air defences with help from the United States": the one helped is who acted
            doer = [g for c in helped.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] or [
                c for c in helped.children if c.dep_ == "nsubj"]
            slots += named(doer, "aid.helped_doer")
        drawn_by = self._drawn_by(noun)
        if not slots and drawn_by is not None:  # "the launch drew condemnation from Tokyo": the launch's
            slots.append((drawn_by, "nominal.drawn_by"))
        return slots

    def _drawn_by_doer(self, trig: Trigger) -> list[ResolvedActor]:
        """"in a crackdown that drew criticism from the US": a reaction drawn by an event is aimed at its doer."""
        drawn_by = self._drawn_by(trig.token) if trig.nominal and trig.anchor == trig.token else None
        if drawn_by is None or self._expand([drawn_by]):
            return []
        return self._doer_of_event_noun(drawn_by)

    def _drawn_by(self, noun: Token) -> Token | None:
        """What drew a reaction: the subject of "drew criticism", "prompted condemnation", "earned a rebuke", also
        of a participle ("Russia annexed Crimea, drawing condemnation"); a relative pronoun stands for its noun."""
        if noun.dep_ not in ("dobj", "obj") or lemma(noun.head) not in DRAWING_VERBS:
            return None
        verb = noun.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "advcl" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            # "vetoed a resolution backing a plan that called on Assad to step down, drawing criticism": a
            # participle after a comma at the end goes with the main clause, wherever the parser hung it
            host = verb.head
            while host.dep_ in ("xcomp", "relcl", "acl", "dobj", "obj", "pobj", "prep") and host.head != host:
                host = host.head
            if host != verb.head and host.pos_ in ("VERB", "AUX"):
                subject = next((c for c in host.children if c.dep_ == "nsubj"), None)
        report = verb.head if verb.dep_ == "advcl" and lemma(verb.head) in self.lexicon.cues["reporting_verbs"] \
            else None
        reported = None if report is None else report.head if report.dep_ == "parataxis" else next(
            (c for c in report.children if c.dep_ == "ccomp"), None)
        if subject is None and reported is not None:
            # "North Korea fired a missile, South Korea's military said, drawing condemnation": the participle
            # hangs on the report, but what drew the reaction is the event reported
            subject = next((c for c in reported.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ in ("advcl", "acl", "conj", "xcomp"):
            subject, passive = self._subject(verb)
            subject = None if passive else subject
        if subject is not None and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
            subject = verb.head  # "a crackdown that drew criticism": the crackdown
        return subject

    def _doer_of_event_noun(self, noun: Token) -> list[ResolvedActor]:
        """Who carries out the event a noun names: its own agent ("Israel's strike", "a crackdown by police"),
        else the subject (or passive agent) of the clause the noun stands in ("riot police broke up the camp,
        injuring dozens in a crackdown")."""
        if noun.pos_ in ("NOUN", "PROPN") and lemma(noun) not in EVENT_NOUNS and lemma(noun) not in self.lexicon.nouns:
            return []
        own = [c for c in noun.children if c.dep_ == "poss"] + self._pobjs(noun, {"by"})
        if own:
            return self._expand(own)
        host = noun
        for _ in range(4):  # up to the verb of the clause the noun stands in
            host = host.head
            if host.pos_ in ("VERB", "AUX") or host.head == host:
                break
        if host.pos_ not in ("VERB", "AUX"):
            return []
        subject, passive = self._subject(host)
        agents = self._pobjs(host, {"by"}) if passive else [subject] if subject is not None else []
        return self._expand(agents)

    def _object_slots(self, trig: Trigger, obj: Token, preps: set[str]) -> list[Slot]:
        """With "cut ties", "lifted the curfew" the object is part of the event, not its target; with
        "expelled two diplomats" it is the target."""
        pattern = trig.pattern
        part_of_event = pattern.object_role == "theme" or (
            bool(pattern.objects) and not any(phrase in self.actors.kb.agents for phrase in object_phrases(obj)))
        if lemma(obj) in self.lexicon.cues["patient_possessor_nouns"] and any(c.dep_ == "poss" for c in obj.children):
            return named(self._pobjs(obj, {"by"}), "verb.object_by")  # "condemned Navalny's arrest": not Navalny
        if pattern.object_role == "theme" and pattern.outcome.type == "AID" and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in trig.anchor.children) and self._expand([obj]):
            return [(obj, "verb.supplied_with")]  # "supply Ukraine with tanks": the object is who receives them
        doer = next((c for c in obj.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
        if doer is not None and pattern.outcome.type in VERBAL_TYPES and lemma(obj) in self.lexicon.nouns:
            return [(doer, "verb.object_doer")]  # "would have deplored its invasion of Ukraine": whoever invaded
        if not part_of_event and self._expand([obj]):
            return [(obj, "verb.object")]
        # "ties with Taiwan", "condemned allegations by Rwanda", "demanded support from the assembly"
        around = preps | {"with", "against", "on", "by", "from", "to"}
        if lemma(obj) in INFORMATION_NOUNS:
            around -= {"on", "about"}  # "shared intelligence on drug cartels": what it is about, not a party
        slots = named(self._pobjs(obj, around), "verb.object_preposition") or \
            named(self._participle_agents(obj), "verb.object_participle_by")  # "condemned strikes carried out by"
        if object_phrases(obj) & pattern.objects and not self._expand(slot_tokens(slots)) and \
                not self._expand(self._pobjs(trig.anchor, preps)):
            slots += named(self._pobjs(obj, {"of"}), "verb.object_of")  # "expelled inspectors of the IAEA"
        if pattern.outcome.mode == "seize" and any(not a.country_from_context for a in self._expand([obj])):
            slots.append((obj, "verb.seized_owner"))  # "seized a British oil tanker": the owner loses it
        return slots
