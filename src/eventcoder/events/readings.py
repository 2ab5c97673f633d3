"""Readings of what an act is from the words around its trigger: help sent at a request, protesters, what a vow
or promise names, a shared crossing, a penalty ordered, force not ruled out, hackers, the partner of an agreed act,
two-sided acts. The coder (events/coder.py) turns its outcomes with them."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors.resolver import ResolvedActor
from eventcoder.events.patterns import Outcome
from eventcoder.events.syntax import direct_object, each_other, has_particle, lemma
from eventcoder.events.triggers import Trigger
from eventcoder.events.view import ParseView

SYMMETRIC_TYPES = {"CONSULT", "COOPERATE"}
CYBER_AGENTS = {"hacker", "hacking group", "cyberattacker"}
TRADE_WORDS = {"trade", "cargo", "commerce", "goods", "freight"}
PENALTIES = {"fine", "penalty", "compensation", "damages", "damage"}
SWORN_VERBS = {"vow", "swear"}
CROWD_WORDS = {"thousand", "hundred", "dozen", "crowd", "score"}
COOPERATIVE_TYPES = {"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "AID", "CONCEDE", "RETREAT"}


class ActReadings(ParseView):

    @staticmethod
    def _sent_to_help(verb: Token) -> bool:
        """Forces sent at someone's request ("at the request of", "at Maputo's request") or to help them."""
        requested = any(lemma(t) == "request" and t.head.lower_ == "at" for t in verb.subtree)
        clauses = [c for v in (verb, verb.head) for c in v.children if c.dep_ in ("xcomp", "advcl")]
        helping = any((lemma(c) in ("help", "assist", "support", "back") or any(
            p.dep_ == "prep" and p.lower_ == "alongside" for p in c.children)) and any(
            a.lower_ == "to" for a in c.children) for c in clauses)  # "to help", "to fight alongside the rebels"
        return requested or helping

    def _protesters(self, actor: ResolvedActor) -> bool:
        """A crowd of civilians: protesters, supporters, "hundreds of people", "some of whom" (civilians storming a
        building riot; gunmen and militants attack)."""
        head = actor.head
        for _ in range(3):
            clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
            if head.lower_ in ("who", "whom", "that", "which") and clause is not None:
                head = clause.head  # "demonstrators who stormed parliament", "supporters, some of whom stormed"
            part = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                         if g.dep_ == "pobj"), None)
            if part is None or not (head.pos_ in ("NUM", "PRON", "DET") or lemma(head) in CROWD_WORDS | {"group"}):
                break
            head = part  # "some of his supporters", "thousands of them", "some of whom"
        return actor.actor.type in ("CVL", "OPP", "EDU") and (
            lemma(head) in self.lexicon.cues["protester_nouns"] or head.pos_ == "NUM" or
            lemma(head) in CROWD_WORDS)

    @staticmethod
    def _promised_words(verb: Token) -> set[str]:
        """The words of what is promised: the clause or object and its phrases ("vowed to answer with
        countermeasures")."""
        said = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj", "obj")]
        return {lemma(t) for clause in said for t in [clause, *clause.children, *(
            g for c in clause.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]}

    def _promises_harm(self, trig: Trigger) -> bool:
        """"vowed to retaliate", "vowed a response", "vowed that Israel would be punished"; and a vow or an oath of
        anything but cooperation: a vow is a threat in every gold set ("vowed to press on with the offensive", "vowed
        that those responsible would be held to account"), unless it vows cooperation ("vowed to deepen trade ties");
        a pledge is not."""
        cues = self.lexicon.cues
        words = self._promised_words(trig.anchor)
        if words & cues["retaliation_words"]:
            return True
        return lemma(trig.anchor) in SWORN_VERBS and not words & cues["cooperation_words"] and not any(
            c.pattern.outcome.type in COOPERATIVE_TYPES for c in trig.content)

    @staticmethod
    def _shared_crossing(verb: Token, sources: list[ResolvedActor]) -> bool:
        """A border or crossing opened by both its sides, or opened to trade ("reopened their shared border",
        "reopened the Arar crossing to trade"), not one side letting people or aid through."""
        crossing = direct_object(verb)
        if crossing is None or lemma(crossing) not in ("border", "crossing", "frontier"):
            return False
        shared = len({s.actor.country for s in sources}) > 1 or any(
            c.lower_ in ("shared", "common") for c in crossing.children)
        return shared or any(lemma(t) in TRADE_WORDS for t in verb.subtree)

    @staticmethod
    def _penalty_ordered(verb: Token) -> bool:
        """"ordered Navalny to serve nearly three years in a prison camp", "ordered Poland to pay a daily fine": an
        order whose content is a penalty is the penalty imposed."""
        return lemma(verb) == "order" and any(
            c.dep_ == "xcomp" and (lemma(c) in ("serve", "compensate") or lemma(c) == "pay" and any(
                lemma(o) in PENALTIES for o in c.subtree)) for c in verb.children)

    def _force_not_ruled_out(self, verb: Token) -> bool:
        """"refused to rule out the use of force", "declined to rule out military or economic coercion": force
        kept open by the one who could use it."""
        ruling = next((c for c in verb.children if c.dep_ == "xcomp" and lemma(c) == "rule" and
                       has_particle(c, ["out"])), None)
        if ruling is None:
            return False
        held = [t for t in ruling.subtree if t is not ruling]
        return any(lemma(t) in self.lexicon.cues["force_words"] for t in held)

    def _by_cyber_agent(self, trig: Trigger, accusation: tuple[Token, Token | None] | None) -> bool:
        """Done by hackers, or by an actor named for cyberspace ("a state-based cyber actor"), the accused or the
        subject: what they attack is intrusion."""
        agent = accusation[1] if accusation is not None and accusation[1] is not None else self._subject(trig.anchor)[0]
        return agent is not None and (lemma(agent) in CYBER_AGENTS or any(
            c.dep_ in ("compound", "amod") and c.lower_.startswith("cyber") for c in agent.children))

    def _content_partner(self, trig: Trigger, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """The party the agreed act is done with, named in its own clause ("agreed to restore ties with Qatar")."""
        partners = [p for c in trig.content for head in (c.anchor, direct_object(c.anchor)) if head is not None
                    for p in self._pobjs(head, {"with"})]
        return [a for a in self._expand(partners) if a.actor.country and not any(
            self._same_side(a, s) for s in sources)]

    @staticmethod
    def _reciprocal(trig: Trigger, outcome: Outcome) -> bool:
        """Coordinated parties with no object act on each other when the event is two-sided by nature: meeting
        and cooperating, a pattern marked reciprocal ("A and B clashed"), or a promise of such an event ("A
        and B promised to hold talks")."""
        return trig.pattern.reciprocal or outcome.type in SYMMETRIC_TYPES | {"AGREE"} or any(
            c.pattern.reciprocal for c in trig.content) or each_other(trig.anchor)  # "X and Y pledged to ..."
