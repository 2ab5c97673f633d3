"""Discourse: arguments and events completed from what the document told before."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors.coref import RELATIVE_PRONOUNS
from eventcoder.events.context import VERBAL_TYPES, ReportFrame
from eventcoder.events.slots import tagged
from eventcoder.events.syntax import (
    ANAPHORA_TOKENS,
    REPRESSION_TYPES,
    blamed,
    definite,
    direct_object,
    each_other,
    is_passive,
    lemma,
)
from eventcoder.events.triggers import Candidate, Trigger
from eventcoder.events.view import ParseView
from eventcoder.nlp import sentence_of

# Nouns that refer back to an event ("condemned the move"): the target is whoever acted in it.
EVENT_REFERENCES = {"move", "decision", "step", "action", "measure", "announcement", "ruling", "verdict",
                    "attack", "strike", "ban", "arrest", "detention", "killing", "crackdown", "expulsion",
                    "deployment", "invasion", "incursion", "raid", "seizure", "annexation", "test", "launch",
                    "event", "incident", "manoeuvre", "maneuver", "operation", "kidnapping", "abduction", "vote",
                    "ratification", "approval", "passage"}
# Agreements are no event nouns of their own (agree.deal), but "hailed the accord" refers to one told before
AGREEMENT_NOUNS = {"accord", "agreement", "deal", "pact", "treaty"}
ELLIPTIC_TARGETS = {"other", "another", "others"}
# What a denial of an earlier act denies: wrongdoing ("Kyiv denied any involvement" in the attack, the backing, the
# hacking, the build-up, the threat), not talks or appeals.
DENIED_KINDS = {"ASSAULT", "COERCE", "AID", "MOBILIZE", "THREATEN"}


class DiscourseFinding(ParseView):

    def _discourse_arguments(self, trig: Trigger, sources, targets):
        """Fill gaps from the events just coded: "one member was killed, and one other arrested" (the
        other is another member), and an agentless repression event continuing the campaign of the
        previous sentence takes that campaign's agent."""
        if not targets and self.recent and self._target_token(trig) is not None and \
                self._target_token(trig).lower_ in ELLIPTIC_TARGETS and not each_other(trig.anchor):
            last = self.recent[-1]
            if last.target is not None and sentence_of(last.trigger.token) == sentence_of(trig.token):
                targets = tagged([last.target], "discourse.elliptic")
        if not sources and targets and is_passive(trig.anchor) and \
                trig.pattern.outcome.type in REPRESSION_TYPES:
            wanted = (targets[0].actor.country, targets[0].actor.type)
            for earlier in reversed(self.recent):
                if earlier.source is not None and earlier.target is not None and \
                        earlier.outcome.type in REPRESSION_TYPES and \
                        (earlier.target.actor.country, earlier.target.actor.type) == wanted and \
                        sentence_of(trig.token).start - sentence_of(earlier.trigger.token).end < 120:
                    sources = tagged([earlier.source], "discourse.campaign")
                    break
        if len(sources) == 1 and not targets and any(c.lower_ in ("two", "both") and c.dep_ in (
                "nummod", "det", "predet") for c in sources[0].head.children):
            # "The two leaders also discussed ...": the two parties of the last two-sided event
            pair = next((c for c in reversed(self.recent) if c.source is not None and c.target is not None and
                         not self._same_side(c.source, c.target)), None)
            if pair is not None and sentence_of(trig.token).start - sentence_of(pair.trigger.token).start \
                    <= ANAPHORA_TOKENS:
                sources = tagged([pair.source, pair.target], "discourse.two_parties")
        return sources, targets

    def _discourse_target(self, trig: Trigger, sources, targets):
        """Targets the text leaves to the reader: "condemned the move" (the move = the last event's actor),
        "Tokyo also pledged $20 million" (to whom it gave before)."""
        if targets or not sources:
            return targets
        obj = direct_object(trig.anchor) or (self._drawn_by(trig.token) if trig.nominal else None) or next(
            (c for c in trig.anchor.children if c.dep_ == "nsubjpass"), None) or (  # "the step was welcomed by X"
            self._judged_act(trig.anchor) if trig.pattern.verdict_statement else None)  # "said the move was wrong"
        if obj is not None and lemma(obj) in AGREEMENT_NOUNS and "target" not in trig.pattern.requires:
            obj = None  # "signed the agreement": the agreement itself, not one told before
        earlier = [c for c in self.recent if sentence_of(c.trigger.token).start < sentence_of(trig.token).start
                   and sentence_of(trig.token).start - sentence_of(c.trigger.token).start <= ANAPHORA_TOKENS]
        if obj is not None and self._refers_to_event(obj):
            kinds = {p.outcome.type for _, p in self.lexicon.nouns.get(lemma(obj), ())}  # "the arrests": COERCE
            # "A Chinese ship fired a water cannon at a Philippine vessel, Manila said, calling the action
            # excessive": an event told earlier in the same sentence counts too
            before = [c for c in self.recent if sentence_of(c.trigger.token) == sentence_of(trig.token) and
                      c.trigger.token.i < trig.token.i and (not kinds or c.outcome.type in kinds) and
                      c.source is not None and c.source.actor.country != sources[0].actor.country]
            # ("condemned the incursion" refers to no statement told before it)
            said = not kinds or kinds & VERBAL_TYPES
            ranked = sorted((c for c in reversed(earlier + before) if said or c.outcome.type not in VERBAL_TYPES),
                            key=lambda c: c.outcome.type not in kinds)
            told = next((c for c in ranked if c.source is not None and not self._same_side(c.source, sources[0])),
                        None)
            if told is None:
                return targets
            # "Ireland and Norway recognised a Palestinian state. Israel denounced the decision": each state that did
            # it together, on the same target
            together = {told.source.actor.country: told.source}
            if told.source.bare_country and told.target is not None:
                for c in ranked:
                    if c.trigger.token == told.trigger.token and c.source is not None and c.source.bare_country and \
                            c.target is not None and c.target.actor.country == told.target.actor.country and \
                            not self._same_side(c.source, sources[0]):
                        together.setdefault(c.source.actor.country, c.source)
            return tagged(sorted(together.values(), key=lambda a: a.head.i), "discourse.event_reference")
        if any(c.dep_ == "advmod" and c.lower_ in ("also", "further", "again", "too") for c in trig.anchor.children):
            same = next((c for c in reversed(earlier) if c.source is not None and c.target is not None and
                         c.source.actor.country == sources[0].actor.country), None)
            return tagged([same.target], "discourse.also") if same is not None else targets
        return targets

    def _refers_to_event(self, noun: Token) -> bool:
        """"condemned the move", "denounced the manoeuvres", "condemned the kidnapping", "called the day's events
        treasonous": a definite noun naming an event (a reference word, or any event noun of the patterns)."""
        word = lemma(noun)
        if word not in EVENT_REFERENCES | AGREEMENT_NOUNS and word not in self.lexicon.nouns:
            return False
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") or
                   c.dep_ == "poss" and c.pos_ != "PRON" and not self.actors.by_token.get(c.i) for c in noun.children)

    def _told_before(self, trig: Trigger) -> bool:
        """"Opposition parties condemned the arrests": a definite event noun with no actor of its own, after an
        event of its kind was told, refers back to it and is no new event."""
        noun = trig.token
        start = sentence_of(noun).start
        known = definite(noun) or any(c.dep_ == "poss" for c in noun.children)  # "the country's deadliest attack"
        if trig.nominal and known and blamed(noun, self.lexicon.cues["blaming_verbs"]) is not None:
            # "A missile struck a hospital. Kyiv blamed Moscow for the attack": the attack told, now blamed
            hostile = {"ASSAULT", "COERCE"}  # "Gunmen abducted 200 schoolgirls ... blamed Boko Haram for the raid"
            kinds = hostile if trig.pattern.outcome.type in hostile else {trig.pattern.outcome.type}
            return any(c.outcome.type in kinds and c.source is not None and
                       c.trigger.token.i < noun.i and start - sentence_of(c.trigger.token).start <= ANAPHORA_TOKENS
                       for c in self.recent)
        if trig.nominal and definite(noun) and noun.dep_ == "pobj" and self._denied_involvement(noun.head.head):
            # "Tehran denied any role in the strikes": the strikes told before (the denial codes them again)
            return any(c.outcome.type == trig.pattern.outcome.type and c.trigger.token.i < noun.i and
                       start - sentence_of(c.trigger.token).start <= ANAPHORA_TOKENS for c in self.recent)
        if not (trig.nominal and trig.anchor == noun and noun.dep_ in ("dobj", "obj") and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in noun.children)):
            return False
        if self._source_slots_of_nominal(trig) or self._pobjs(noun, {"of", "on", "against"}):
            return False
        return any(c.outcome.type == trig.pattern.outcome.type and sentence_of(c.trigger.token).start < start
                   and start - sentence_of(c.trigger.token).start <= ANAPHORA_TOKENS for c in self.recent)

    def _denied_involvement(self, holder: Token) -> bool:
        """"denied any role (in ...)": the involvement noun, or the denial verb that has one as its object."""
        cues = self.lexicon.cues
        involvement = holder if lemma(holder) in cues["involvement_nouns"] else direct_object(holder)
        return involvement is not None and lemma(involvement) in cues["involvement_nouns"] and \
            lemma(involvement.head) in cues["denial_verbs"]

    def _denied_by(self, trig: Trigger) -> tuple[Token, Token] | None:
        """"Armenia said Azerbaijani forces shelled its positions, an account Baku dismissed": the claim told just
        before a comma is denied by the subject of the relative clause on the noun that sums it up (the denial
        verb and its subject)."""
        cues = self.lexicon.cues
        for noun in sentence_of(trig.token):
            if noun.i <= trig.token.i or lemma(noun) not in cues["accusation_nouns"] or \
                    noun.left_edge.i == 0 or self.doc[noun.left_edge.i - 1].text != ",":
                continue
            for verb in noun.children:
                denier = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                obj = direct_object(verb)
                if verb.dep_ in ("relcl", "acl") and lemma(verb) in cues["denial_verbs"] and denier is not None \
                        and (obj is None or obj.lower_ in RELATIVE_PRONOUNS):
                    return verb, denier
        return None

    def _denials(self, trig: Trigger, result: list[Candidate]) -> list[Candidate]:
        """A claim and its denial are two records (FORMAT.md): the act as claimed, and the same act negated,
        attributed to the one who denies it. The accusation itself is not denied, only the act it tells."""
        claimed = [c for c in result if c.frame.reporter is not None and c.outcome.type != "ACCUSE"]
        denial = self._denied_by(trig) if claimed else None  # (one sentence scan for all the trigger's candidates)
        if denial is None:
            return []
        verb, denier = denial
        return [Candidate(c.trigger, c.outcome, c.source, c.target, ReportFrame(not c.frame.negated, "claimed", denier,
                                                                              verb, True))
                for c in claimed if c.frame.report_verb is not None and c.frame.report_verb.i < verb.i]

    def _denied_act(self, trig: Trigger, report: ReportFrame) -> list[Candidate]:
        """"Russia accused Ukraine of a drone attack on the Kremlin. Kyiv denied any involvement": the wrongdoing told
        before (the latest one of the denier's side, else the latest claimed one) is told again, negated and claimed
        by the denier; done by the denier when they are the one accused or no one else was named, else by whoever it
        was told of ("X said its forces captured the town; Armenia denied it")."""
        verb = trig.anchor
        if any(c.frame.report_verb == verb for c in self.recent):
            return []  # "a charge Kigali denied" after the claim in the same sentence is denied already
        deniers = tagged(self._expand(self._active_subject(verb)), "verb.subject")
        start = sentence_of(verb).start
        told = [c for c in self.recent if c.trigger.token.i < verb.i and not c.frame.denied and
                start - sentence_of(c.trigger.token).start <= ANAPHORA_TOKENS]
        sides = {d.actor.country for d in deniers}
        acts = [c for c in told if c.outcome.type in DENIED_KINDS]
        # ("Gunmen killed 26 tourists. Islamabad denied any role in the attack": denying a part in it, the denier was
        # suspected of the act the narrator told)
        earlier = next((c for c in reversed(acts) if c.source is not None and c.source.actor.country in sides), None) \
            or next((c for c in reversed(acts) if c.frame.reporter is not None or self._denied_involvement(verb)), None)
        if not deniers or earlier is None:
            return []
        # "denied any involvement" says the denier was the one suspected; "denied it" may be said by the victim
        accused = self._denied_involvement(verb) or earlier.source is None or earlier.source.actor.country in \
            sides or any(c.outcome.type == "ACCUSE" and c.target is not None and c.target.actor.country in sides
                         for c in told)
        denial = ReportFrame(not report.negated, "claimed", deniers[0].head, verb, True)
        result = [Candidate(trig, earlier.outcome, denier if accused else earlier.source, earlier.target, denial)
                  for denier in (deniers if accused else deniers[:1])]
        self.recent.extend(result)
        return result

    def _completes_earlier(self, trig: Trigger, result: list[Candidate]) -> bool:
        """"A car bomb exploded ..., killing 10 soldiers. Al-Shabaab said it carried out the attack": a definite
        event noun with an actor and no victim names the perpetrator of the agentless event just reported."""
        if not trig.nominal or not result or any(c.target is not None for c in result):
            return False
        if not definite(trig.token):
            return False
        sentence = sentence_of(trig.token)
        for earlier in reversed(self.recent):
            gap = sentence.start - sentence_of(earlier.trigger.token).start
            if earlier.source is None and earlier.target is not None and \
                    earlier.outcome.type == result[0].outcome.type and 0 < gap <= ANAPHORA_TOKENS:
                earlier.source, earlier.frame = result[0].source, result[0].frame
                return True
        return False

    def _target_token(self, trig: Trigger) -> Token | None:
        subject, passive = self._subject(trig.anchor)
        return subject if passive else direct_object(trig.anchor)
