"""Find event triggers in a parsed document and code them: type, CAMEO, actors, date, place, modality.

The stages are rooms of their own: `triggers.py` finds triggers, `relations.py` relates them (content, the same
event told twice, an event of its own), `arguments.py` their source and target,
`discourse.py` what the document told before, `setting.py` dates and places, `context.py` negation, modality and
attribution; this module assembles candidates into events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Doc, Token

from eventcoder.actors.description import PUBLIC_TYPES
from eventcoder.actors.resolver import DocumentActors, ResolvedActor
from eventcoder.events.arguments import ALWAYS_AIMED, TARGET_NULL_TYPES, ArgumentFinding
from eventcoder.events.context import VERBAL_TYPES, ReportFrame, frame
from eventcoder.events.discourse import DiscourseFinding
from eventcoder.events.nonevents import NonEventFinding
from eventcoder.events.patterns import Lexicon, Outcome
from eventcoder.events.readings import SYMMETRIC_TYPES, ActReadings
from eventcoder.events.relations import TriggerRelations
from eventcoder.events.setting import EventSetting
from eventcoder.events.slots import prefixed, tagged
from eventcoder.events.syntax import (
    ARMED_TYPES,
    IRREALIS,
    OFFICIAL_TYPES,
    definite,
    direct_object,
    each_other,
    each_pair,
    first_conjunct,
    lemma,
)
from eventcoder.events.triggers import FUTURE_MODALS, Candidate, Trigger
from eventcoder.models import Actor, Event, Evidence
from eventcoder.nlp import sentence_of, sentence_text
from eventcoder.places import DocumentPlaces

INTERNAL_BODIES = {"cabinet", "council", "parliament", "committee", "board", "assembly", "congress", "senate",
                   "leadership", "politburo", "presidium", "government", "legislature", "bureau", "panel"}
MAX_PARTIES = 8
IRREGULAR_TYPES = {"REB", "UAF", "CRM"}  # armed groups no state commands
COMMANDING_VERBS = {"order", "instruct", "direct"}
CAPTURING_FORCES = {"MIL", "COP", "SPY"}  # what they capture at home they arrest (rebels capturing people abduct)
MEETINGS = {"summit", "meeting", "talk", "conference", "session", "negotiation", "gathering", "forum", "ceremony"}
PLANNING_WORDS = {"plan", "prepare", "intend", "aim", "mean", "threaten", "seek"}
STATE_TYPES = {"GOV", "JUD", "COP", "LEG", "MIL", "SPY"}
SOCIETY_TYPES = {"MED", "CVL", "EDU", "OPP", "PTY", "BUS", "NGO", "REL", "LAB", "HLH"}
AGREEING_VERBS = {"agree", "decide", "vote"}  # (a measure promised or vowed is a threat: PROMISED_HARM)
ULTIMATUM_TYPES = {"REJECT": "130", "SANCTION": "131", "COERCE": "137", "ASSAULT": "138", "PROTEST": "133",
                   "RETREAT": "136"}
FUTURE_AS_THREAT = {"SANCTION": ("131", "relations"), "COERCE": ("137", "restrict")}
SEA_WORDS = {"sea", "ocean", "water", "waters"}
PROMISED_HARM = {**FUTURE_AS_THREAT, "ASSAULT": ("138", "violence")}
REFUSAL_MODES = {"AID": ("assist", "122"), "COOPERATE": ("assist", "121"), "SUPPORT": ("change", "120"),
                 "CONSULT": ("meet", "125"), "AGREE": (None, "120"), "CONCEDE": ("yield", "124"),
                 "RETREAT": ("yield", "124")}
# Two parties agreeing, signing, observing a ceasefire (RETREAT) or agreeing to one (CONCEDE): each to the other.
BIDIRECTIONAL_TYPES = {"AGREE", "SUPPORT", "RETREAT", "CONCEDE"}
EXCHANGE_VERBS = {"trade", "exchange"}
MUTUAL_WITH_TYPES = {"AGREE", "SUPPORT"}
# What can be refused: rejecting these "as" something is still a refusal ("rejected the plan as unworkable")
REFUSING_WORDS = {"unacceptable", "unworkable", "inadmissible", "unrealistic", "non-starter", "null", "void",
                  "illegitimate", "invalid", "nonsense", "dead"}  # "called the plan unacceptable"
REJECTABLE_NOUNS = {"offer", "proposal", "plan", "demand", "call", "request", "deal", "agreement", "resolution", "bid",
                    "initiative", "ultimatum", "idea", "suggestion", "invitation", "appeal", "term", "condition",
                    "draft", "proposition", "bill", "candidate", "nomination", "result", "outcome", "verdict",
                    # texts and findings are refused too ("dismissed the text as an attempt to isolate Moscow")
                    "text", "finding", "ruling", "report", "judgment", "judgement", "decision", "document",
                    "statement", "conclusion", "assessment", "claim", "charge"}
# PLOVER: a future CONSULT/SUPPORT/COOPERATE/AID is AGREE; a future RETREAT is CONCEDE; a hypothetical
# ASSAULT is THREATEN. CAMEO codes follow the same logic (036 intent to meet, 035x intent to yield, 138).
FUTURE_AS_AGREE = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "031", "AID": "033"}
FUTURE_RETREAT_CAMEO = {"release": "0353", "access": "0355", "withdraw": "0356", "disarm": "0356",
                        "ceasefire": "0356"}


OFFICIAL_SOURCES = {"GOV", "LEG", "OPP", "PTY", "JUD"}
DELEGATIONS = {"delegation", "envoy", "mission", "team", "negotiator"}


def _as_state(party: ResolvedActor | None) -> ResolvedActor | None:
    """A country named bare is its government, whatever sector the kind of act first gave it."""
    if party is None or not party.bare_country:
        return party
    return replace(party, actor=party.actor.model_copy(update={"type": "GOV"}))


def _future_of_its_own(verb: Token) -> bool:
    """"will launch an operation", "would keep targeting ships", "a plan to strike Guam": the act's own clause is
    future or planned (not a clause after one: "said he would withdraw the bill, a day after police fired")."""
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children) or \
                verb.dep_ in ("xcomp", "acl") and lemma(verb.head) in PLANNING_WORDS:
            return True
        if verb.dep_ not in ("xcomp", "acl", "conj") or verb.head == verb:
            return False
        verb = verb.head
    return False


def _identical(a: Actor, b: Actor) -> bool:
    return (a.country, a.type, a.name) == (b.country, b.type, b.name) and a.name is not None


class SentenceCoder(TriggerRelations, ArgumentFinding, DiscourseFinding, NonEventFinding, EventSetting, ActReadings):
    """Codes the events of one document, sentence by sentence."""

    def __init__(self, doc: Doc, doc_id: str, pub_date: dt.date | None, lexicon: Lexicon,
                 actors: DocumentActors, places: DocumentPlaces):
        super().__init__(doc, doc_id, pub_date, lexicon, actors, places)
        self.proposal_list = self._proposal_list_sentences()

    def _report(self, trig: Trigger) -> ReportFrame:
        report = frame(trig.anchor, trig.token, self.lexicon)
        in_list = sentence_of(trig.token).start in self.proposal_list
        if in_list and report.modality in ("asserted", "planned", "claimed"):
            report = ReportFrame(report.negated, "proposed", report.reporter, report.report_verb, report.denied)
        return report

    def candidates(self, trig: Trigger) -> list[Candidate]:
        pattern = trig.pattern
        if self._told_before(trig):
            return []
        report = self._report(trig)
        if pattern.repeats:
            return self._repeated(trig, report)
        if pattern.denies:
            return self._denied_act(trig, report)
        base = pattern.outcome
        event_type = self._transform(base, report.modality, report.negated, report.ultimatum).type
        sources, targets = self._arguments(trig, event_type)
        accusation = self._blame(trig)
        if accusation is not None:  # "blamed the strike on Russia": the accused is who struck, not who was struck
            targets = [t for t in targets if t.head != accusation[1]]
        if accusation is not None and not targets and event_type not in TARGET_NULL_TYPES:
            return []  # "accused Doha of supporting terrorism": no one the act is done to
        if pattern.by_armed is not None and sources and all(s.actor.type in ARMED_TYPES for s in sources):
            base = pattern.by_armed  # "M23 rebels captured the town": taken in fighting
            event_type = self._transform(base, report.modality, report.negated, report.ultimatum).type
        if pattern.by_irregulars is not None and sources and all(s.actor.type in IRREGULAR_TYPES for s in sources):
            base = pattern.by_irregulars  # "gunmen seized 317 girls from a school": an abduction
            event_type = self._transform(base, report.modality, report.negated, report.ultimatum).type
        if base.type == "ASSAULT" and (self._aimless_launch(trig) or not targets and any(
                lemma(t) in SEA_WORDS for t in self._pobjs(trig.anchor, {"into", "in", "off", "over"}))):
            base = Outcome("MOBILIZE", "150", "weapons")  # "fired two ballistic missiles into the sea": a test
            # at no one, unless the waters are another state's ("into waters around Taiwan")
            event_type = base.type
            targets = tagged(self._foreign_place(trig.anchor, sources), "mobilize.foreign_place")
        sources, targets = self._discourse_arguments(trig, sources, targets)
        if not sources and not targets and trig.nominal and pattern.reciprocal and base.type == "ASSAULT":
            sources = tagged([self._adjust(a, event_type, as_source=True, military=True)
                              for a in self._warring_parties(trig)], "discourse.warring_parties")
        targets = self._discourse_target(trig, sources, targets)
        if not targets and sources and accusation is not None:
            # "Guyana accused Venezuela of massing troops near the border": against the accuser
            targets = tagged([self._adjust(a, event_type, as_source=False) for a in self._expand(
                self._active_subject(accusation[0])) if not any(self._same_side(a, s) for s in sources)],
                "accused.accuser")
            if event_type in TARGET_NULL_TYPES:  # the accuser's country, not its government
                targets = [replace(t, actor=t.actor.model_copy(update={"type": None})) for t in targets]
        sources, targets = self._protest_defaults(trig, sources, targets)
        if not sources and targets and pattern.place_source:
            sources = self._state_of_place(trig)
        if sources and not targets and pattern.place_target:
            targets = [t for t in self._state_of_place(trig) if not any(t.actor.country == s.actor.country
                                                                        for s in sources)]
        if not sources and targets and base.type == "ASSAULT":
            sources = self._launch_origin(trig)
        attack = next((c.pattern.outcome for c in trig.content if c.pattern.outcome.type == "ASSAULT"), None)
        if base.type == "AID" and attack is not None and not trig.nominal:
            base, event_type = attack, attack.type  # "sent F-16 jets to bomb Cambodian targets": the attack
        if base.type == "SUPPORT" and lemma(trig.anchor) in ("back", "support") and targets and all(
                t.actor.type in ("REB", "UAF") for t in targets):
            base, event_type = Outcome("AID", "072", "military"), "AID"  # "backing the rebels": arms, not words
        if base.type == "SUPPORT" and lemma(trig.anchor) == "back" and trig.anchor.tag_ == "VBN" and sources and all(
                s.actor.type in ARMED_TYPES | {"COP"} for s in sources):
            # "its troops, backed by Burundian soldiers": armed help in the field from another state; "prosecutors
            # backed by police", "troops backed by fighter jets": one side's own forces, no event
            sources = [s for s in sources if not s.country_from_context and not any(
                s.actor.country == t.actor.country for t in targets)]
            if not sources:
                return []
            base, event_type = Outcome("AID", "072", "military"), "AID"
        if base.type == "MOBILIZE" and self._sent_to_help(trig.anchor):
            # "Rwanda began deploying 1,000 soldiers to Mozambique at Maputo's request, to help fight insurgents":
            # forces sent to another state's aid are military aid to it ("ordered the army onto the streets to
            # back up the police" helps no other party: a mobilisation)
            places = self._pobjs(trig.anchor, {"to", "into"})
            destination = self._first_held(places) or [d for d in self._expand(places) if d.actor.country and not any(
                d.actor.country == s.actor.country for s in sources)]
            allies = tagged([a for c in trig.anchor.children if c.dep_ in ("xcomp", "advcl")
                             for a in self._expand(self._pobjs(c, {"alongside"}))], "aid.fought_alongside")
            helped = allies or tagged([replace(d, actor=d.actor.model_copy(update={"type": "GOV"}))
                                       for d in destination], "aid.destination")
            others = helped or [t for t in targets if t.actor.country and not any(
                t.actor.country == s.actor.country for s in sources)]
            if others or not targets:
                base, event_type = Outcome("AID", "074", "military"), "AID"
            targets = others  # (the home force backed up is no party to a mobilisation)
        if "arriving_help" in pattern.requires:
            # "trucks carrying Armenian aid crossed into Turkey": the sender is named in what arrives; help
            # arriving at home helps no other party
            sources = sources or tagged(self._sender(trig.anchor), "aid.sender")
            reached = [t for t in [direct_object(trig.anchor)] if t is not None]  # "reached Tigray"
            places = reached + self._pobjs(trig.anchor, pattern.target_preps)
            targets = targets or tagged(self._expand(reached) or self._first_held(places), "aid.destination")
            targets = [t for t in targets if t.actor.country and not any(
                t.actor.country == s.actor.country for s in sources)]
        if not targets and sources and base.type == "AID":
            targets = tagged(self._carried_to(trig.anchor, sources), "aid.carried_to")
        if not targets and sources and base.mode == "withhold" and sources[0].actor.country:
            # "Uganda's government cut off internet access nationwide": the state's own public is cut off
            public = sources[0].actor.model_copy(update={"type": "CVL", "name": None, "role": None, "wikidata": None})
            targets = tagged([replace(sources[0], actor=public, person=False)], "coerce.own_public")
        # "Canada and India expelled each other's diplomats": the parties are each other's targets
        targets = [t for t in targets if not (each_other(t.head) and len(sources) > 1)]
        told_object = direct_object(trig.anchor) if not trig.nominal else None
        if "target" in pattern.requires and not targets and sources and event_type == "SUPPORT" and \
                told_object is not None and definite(told_object) and not self._expand([told_object]):
            # "welcomed the decision", "thanked the lender": praise of what the object refers back to is for the
            # other side (a refusal or a delivery needs a party of its own)
            targets = tagged(self._salient_party(trig, sources), "discourse.definite_object")
        if "target" in pattern.requires and not targets or self._disaster(trig) or self._toll_of_fighting(trig) or \
                self._not_an_event(trig, targets) or self._own_gathering(trig, sources, targets):
            return []
        if "official_source" in pattern.requires and not any(s.person or s.actor.type in OFFICIAL_SOURCES or
                                                             lemma(s.head) in DELEGATIONS for s in sources):
            return []  # "flew to Honiara" is a visit by a leader or an envoy, not by troops or a plane
        if "organised_source" in pattern.requires and not any(s.person or s.actor.type not in (None, "CVL")
                                                              for s in sources):
            return []  # "thousands of protesters defied a curfew": their protest is the event
        # "al-Shabaab said it carried out the attack": an event told before keeps the target it was told with
        told = trig.nominal and definite(trig.token)
        reciprocal = self._reciprocal(trig, base) and len(sources) > 1
        if reciprocal and not targets and base.type == "AGREE":
            # "Switzerland, Norway, Iceland and Liechtenstein pledged to invest $100 billion in India", "four
            # states agreed to restore ties with Qatar": a party the promise names in its own clause, not each other
            named = tagged(self._clause_party(trig, sources), "discourse.clause_party") if not \
                trig.pattern.reciprocal else tagged(self._content_partner(trig, sources), "content.with")
            if named:
                targets, reciprocal = named, False
        if not targets and sources and event_type in ALWAYS_AIMED and not (told or reciprocal or pattern.unaddressed
                                                                           or self._aimed_at_thing(trig)):
            targets = tagged(self._salient_party(trig, sources), "discourse.salient_party")
        # A list of forty leaders is one list, not a thousand dyads: keep the first ones named.
        sources, targets = sources[:MAX_PARTIES], targets[:MAX_PARTIES]
        pairs: list[tuple[ResolvedActor | None, ResolvedActor | None]] = []
        if not sources:
            # Violence with no named perpetrator is coded only when its victims are people or a named actor;
            # "an earthquake struck Lombok" strikes a place, and what an earthquake kills is a disaster.
            # ("a former Russian double agent" is a person of no known sector, not a place)
            targets = [t for t in targets if t.actor.type is not None or t.person or not (
                t.bare_country or self.places.place_at(t.head) is not None)]
            if not (pattern.agentless and targets) or self._aggregate(trig):
                return []
            pairs = [(None, t) for t in targets]
        elif not targets and base.type == "CONSULT" and pattern.reciprocal and len(sources) == 1 and \
                lemma(sources[0].head) in INTERNAL_BODIES:
            return []  # "Israel's Cabinet met Sunday": a body in session, not a meeting between parties
        elif not targets and reciprocal:
            # (a planned summit: both agree; "traded accusations": each accuses the other, where "traded fire" is
            # one clash)
            if event_type in BIDIRECTIONAL_TYPES or each_other(trig.anchor) or \
                    event_type in VERBAL_TYPES and lemma(trig.anchor) in EXCHANGE_VERBS:
                pairs = [(a, b) for a in sources for b in sources if a is not b]
            elif base.type in SYMMETRIC_TYPES:  # "the US, Russia and Switzerland met": each pair
                pairs = each_pair(sources)
            else:
                pairs = [(sources[0], other) for other in sources[1:]]
            pairs = [(a, prefixed([b], "reciprocal")[0]) for a, b in pairs]  # the other party is a target
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])]
            if base.type in MUTUAL_WITH_TYPES and trig.pattern.reciprocal and not any(
                    c.pattern.outcome.type in ("RETREAT", "CONCEDE") for c in trig.content):
                # "Honduras established relations with China", "signed a deal with Vietnam": a bilateral
                # agreement binds both sides (FORMAT.md: expanded into both directions)
                pairs += [(t, prefixed([s], "reciprocal")[0]) for s, t in pairs if t is not None
                          for partner in [first_conjunct(t.head)] if partner.dep_ == "pobj" and
                          partner.head.lower_ == "with" and (base.type != "AGREE" or partner.head.head in (
                              trig.anchor, direct_object(trig.anchor)))]
                # (but "agreed to open membership talks with Ukraine" is the bloc's promise alone)
        for hosted in trig.merged if report.modality in ("asserted", "claimed") else ():
            # "hosted talks between Israeli and Hamas negotiators": they met each other (an offer to host is not
            # the guests' promise)
            pairs += [(a, b) for a, b in each_pair(tagged(self._expand(self._between(hosted)), "hosted.between"))
                      if (a.actor.country, a.actor.type) != (b.actor.country, b.actor.type)]
        outcome = base
        if outcome.type == "PROTEST" and outcome.mode == "demo" and sources and \
                sources[0].actor.type in OFFICIAL_TYPES:
            outcome = Outcome("ACCUSE", "114", "disapprove")  # a ministry's "protest" is a complaint
        elif outcome.type == "PROTEST" and outcome.mode == "riot" and trig.anchor != trig.token and sources and \
                sources[0].actor.type in OFFICIAL_TYPES - {"MIL"}:
            return []  # "the US insisted unrest there reflected ...": officials speak of riots, they do not riot
        # storming and wrecking are a riot; throwing stones at police is still an assault (primitive weapons)
        unarmed = outcome.type == "COERCE" or outcome.mode in (None, "destroy")
        if outcome.type in ("ASSAULT", "COERCE") and unarmed and sources and all(self._protesters(s) for s in sources):
            outcome = Outcome("PROTEST", "145", "riot")  # protesters storming parliament or attacking embassies riot
        elif outcome.type == "MOBILIZE" and sources and all(self._protesters(s) for s in sources):
            outcome = Outcome("PROTEST", "141", "demo")  # "thousands of protesters massed outside parliament"
        if outcome.type == "REQUEST" and trig.anchor.dep_ in ("advcl", "xcomp") and (trig.anchor.tag_ == "VBG" or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in trig.anchor.children)) and \
                lemma(trig.anchor.head) not in self.lexicon.cues["reporting_verbs"] and sources and \
                all(s.actor.type in PUBLIC_TYPES for s in sources):
            # "farmers drove tractors into Brussels to demand relief", "protesters stayed camped outside the army
            # headquarters, demanding that Bashir step down": a demand made by acting in public
            outcome = Outcome("PROTEST", "141", "demo")
        if outcome.type == "REJECT" and lemma(trig.anchor) == "boycott" and sources and \
                all(s.actor.type in PUBLIC_TYPES for s in sources):
            outcome = Outcome("PROTEST", "1412", "boycott")  # students or the opposition boycotting protest
        dismissed = direct_object(trig.anchor)
        if outcome.type == "REJECT" and dismissed is not None and lemma(dismissed) not in REJECTABLE_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "as" or c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ == "as" for m in c.children) for c in trig.anchor.children):
            # "Russia dismissed the gathering as politicised": disapproval of what others did, not a refusal
            outcome = Outcome("ACCUSE", "111", "disapprove")
        elif outcome.type == "ACCUSE" and pattern.names and dismissed is not None and \
                lemma(dismissed) in REJECTABLE_NOUNS and any(lemma(c) in REFUSING_WORDS for c in trig.anchor.children
                                                             if c.dep_ == "oprd"):
            outcome = Outcome("REJECT", "120", None)  # "called the text unacceptable": a refusal of the text
        elif outcome.type == "CONCEDE" and lemma(trig.anchor) == "regret" and dismissed is not None and any(
                c.dep_ == "poss" and c.pos_ == "PROPN" for c in dismissed.children):
            outcome = Outcome("ACCUSE", "111", "disapprove")  # "regretted Moscow's decision": another's act deplored
        elif outcome.type == "REQUEST" and any(lemma(g) == "forgiveness" for g in [
                dismissed, *self._pobjs(trig.anchor, {"for"})] if g is not None):
            outcome = Outcome("CONCEDE", "055", None)  # "asked the victims for forgiveness": an apology
        elif outcome.type == "ACCUSE" and lemma(trig.anchor) == "charge" and any(
                lemma(g) in self.lexicon.cues["charging_instruments"] for g in self._pobjs(trig.anchor, {"with"})):
            outcome = Outcome("ASSAULT", "175", "crowd-control")  # "charged crowds with batons": a rush, no charge
        elif outcome.type == "ACCUSE" and pattern.names and self._label(trig) in \
                self.lexicon.cues["praise_labels"]:
            outcome = Outcome("SUPPORT", "051", None)  # "called the release a constructive step": praise
        specific = next((m.pattern.outcome for m in trig.merged if m.pattern.outcome.mode and
                         m.pattern.outcome.type == outcome.type), None)
        if specific is not None and not outcome.mode:
            outcome = specific  # "killed in a drone attack": the attack says how
        harm = next((c.pattern.outcome.type for c in trig.content if c.pattern.outcome.type in PROMISED_HARM), None)
        # "threatened U.S. tariffs": only threatened; "imposed the threatened tariffs", "launched a long-threatened
        # offensive": a verb carries the threat out
        if trig.nominal and trig.anchor is trig.token and outcome.type in PROMISED_HARM and any(
                c.dep_ in ("amod", "compound") and lemma(c) in ("threaten", "threatened") for c in trig.token.children):
            outcome = Outcome("THREATEN", *PROMISED_HARM[outcome.type])
        if outcome.type == "AGREE" and lemma(trig.anchor) in self.lexicon.cues["promise_verbs"]:
            if harm:
                outcome = Outcome("THREATEN", *PROMISED_HARM[harm])  # "vowed to impose new sanctions": a threat
            elif self._promises_harm(trig):
                outcome = Outcome("THREATEN", "130", None)  # "vowed to retaliate", "vowed to press on"
        retreat = next((c.pattern.outcome for c in trig.content if c.pattern.outcome.type in ("RETREAT", "CONCEDE")),
                       None)
        imposed = next((c.pattern.outcome for c in trig.content if c.pattern.outcome.type == "SANCTION"), None)
        if outcome.type == "AGREE" and imposed is not None and lemma(trig.anchor) in AGREEING_VERBS:
            # "EU states agreed to ban imports of Iranian crude", "agreed to bar Belarusian airlines": the measure
            # agreed is what the parties impose
            outcome = imposed
        if outcome.type == "AGREE" and retreat is not None:
            # "agreed to withdraw", "pledged to free the prisoners", "agreed to a ceasefire": a promised retreat is
            # a concession, not an agreement (PLOVER: future RETREAT is CONCEDE)
            outcome = Outcome("CONCEDE", FUTURE_RETREAT_CAMEO.get(retreat.mode or "", "035")
                              if retreat.type == "RETREAT" else retreat.cameo, None)
        if outcome.type == "ASSAULT" and self._by_cyber_agent(trig, accusation):
            outcome = Outcome("COERCE", "176", "cyber")  # "hackers working for China's MSS targeted lawmakers"
        if outcome.type == "REQUEST" and self._penalty_ordered(trig.anchor):
            outcome = Outcome("SANCTION", "172", "convict")  # "ordered him to serve three years": a sentence
        if outcome.type == "REQUEST" and lemma(trig.anchor) in COMMANDING_VERBS and targets and all(
                t.actor.type in ("MIL", "COP") and any(t.actor.country == s.actor.country and s.actor.type == "GOV"
                                                       for s in sources) for t in targets):
            # "ordered the army to restore order", "ordered troops to pull back": a government's command to its own
            # forces is the act commanded (a promised retreat is a concession), aimed where that act is
            outcome = Outcome("CONCEDE", FUTURE_RETREAT_CAMEO.get(retreat.mode or "", "035"), None) \
                if retreat is not None and retreat.type == "RETREAT" else Outcome("MOBILIZE", "154", "troops")
            aimed = next((t for c in trig.content for t in self._arguments(c, c.pattern.outcome.type)[1]), None)
            pairs = [(s, aimed) for i, (s, _) in enumerate(pairs) if all(s is not p for p, _ in pairs[:i])]
        if outcome.type in ("SANCTION", "COERCE") and any(lemma(m) in MEETINGS
                                                         for m in self._pobjs(trig.anchor, {"from"})):
            outcome = Outcome("REJECT", "125", "meet")  # "excluded Myanmar's junta leader from the summit"
        if outcome.type == "REJECT" and self._force_not_ruled_out(trig.anchor):
            outcome = Outcome("THREATEN", "138", "violence")  # "refused to rule out the use of force": a threat
        if outcome.mode == "abduct" and sources and targets and all(
                s.actor.type in CAPTURING_FORCES for s in sources) and all(
                t.actor.country in (None, s.actor.country) and t.actor.type not in ("MIL", "GOV")
                for s in sources for t in targets if s.actor.country):
            outcome = Outcome("COERCE", "173", "arrest")  # "captured by soldiers and police": state forces arrest
        if outcome.type == "MOBILIZE" and len({s.actor.country for s in sources}) > 1:
            outcome = Outcome("COOPERATE", "062", None)  # drills by two countries' forces are joint exercises
            if not targets:  # ... held with each other
                pairs = [(a, b) for a, b in each_pair(sources) if a.actor.country != b.actor.country]
        if outcome.type == "RETREAT" and outcome.mode in (None, "withdraw", "resign") and targets and all(
                t.actor.type == "IGO" for t in targets) and sources and all(
                s.actor.type in ("GOV", None) or s.bare_country for s in sources):
            outcome = Outcome("SANCTION", "166", "withdraw")  # a state quitting a body or treaty cuts relations
            pairs = [(_as_state(s), t) for s, t in pairs]  # "Mali announced its withdrawal from ECOWAS": the state
        if outcome.type == "RETREAT" and outcome.mode == "access" and self._shared_crossing(trig.anchor, sources):
            # "Colombia and Venezuela reopened their shared border to cargo traffic": trade between the two
            outcome = Outcome("COOPERATE", "061", "economic")
            if len(sources) > 1 and not targets:
                pairs = [(a, b) for a, b in each_pair(sources) if a.actor.country != b.actor.country]
            pairs = [(_as_state(s), _as_state(t)) for s, t in pairs]
        outcomes = [outcome, *pattern.also]
        result: list[Candidate] = []
        if pattern.modal_content:  # "the US had to be prepared": said of oneself, it is no demand
            pairs = [(s, t) for s, t in pairs if s is None or t is None or
                     (s.actor.country, s.actor.type) != (t.actor.country, t.actor.type)]
        # An organisation known neither to the knowledge base nor by its country is too uncertain to code
        # as the one acting ("the Socialist Equality Party" in a boilerplate line).
        pairs = [(s, t) for s, t in pairs if s is None or s.actor.country or s.actor.name or s.head.pos_ != "PROPN"]
        for source, target in pairs:
            if source is not None and target is not None and source.head.i == target.head.i and \
                    (source.actor.country, source.actor.type) == (target.actor.country, target.actor.type):
                continue  # one phrase is not both sides (but protesters and the government they face are)
            if source is not None and target is not None and _identical(source.actor, target.actor):
                if any(t is not None and not _identical(source.actor, t.actor) for _, t in pairs):
                    continue  # "dozens of Russian diplomats and embassy staff": the other side is named
                target = None  # "a summit of the bloc" with the bloc: one party named, no other side
            for outcome in outcomes:
                result.append(Candidate(trig, outcome, source, target, report))
        if outcome.type == "THREATEN" and lemma(trig.anchor) in ("warn", "caution") and \
                self._warns_of_another(trig, sources):
            return []
        if self._completes_earlier(trig, result):
            return []
        result += self._denials(trig, result)
        self.recent.extend(result)
        return result

    def _repeated(self, trig: Trigger, report: ReportFrame) -> list[Candidate]:
        """"The US recognised Guaido, and Canada and Brazil did the same": the act told just before (the first one
        of the nearest sentence that tells one), with the same target, by this verb's subject."""
        before = [c for c in self.recent if c.source is not None and c.trigger.token.i < trig.token.i]
        if not before:
            return []
        nearest = sentence_of(before[-1].trigger.token).start
        earlier = next(c for c in before if sentence_of(c.trigger.token).start == nearest)
        sources = tagged(self._expand(self._active_subject(trig.anchor)), "verb.subject") or tagged(
            self._expand(self._pobjs(trig.anchor, {"by"})), "verb.by_agent")  # "..., followed by Canada"
        result = [Candidate(trig, earlier.outcome, source, earlier.target, report) for source in sources
                  if earlier.target is None or not self._same_side(source, earlier.target)]
        self.recent.extend(result)
        return result

    def _transform(self, outcome: Outcome, modality: str, negated: bool = False, ultimatum: bool = False) -> Outcome:
        if ultimatum and outcome.type in ULTIMATUM_TYPES:
            # "will boycott the elections unless ...", "will withdraw its force unless ...": a threat
            return Outcome("THREATEN", ULTIMATUM_TYPES[outcome.type], None)
        if negated and (modality in IRREALIS or outcome.type == "AGREE") and outcome.type in REFUSAL_MODES:
            # "said he would not provide support": a refusal, not a negated promise
            mode, cameo = REFUSAL_MODES[outcome.type]
            return Outcome("REJECT", cameo, mode)
        if modality in IRREALIS and outcome.type in FUTURE_AS_AGREE:
            return Outcome("AGREE", FUTURE_AS_AGREE[outcome.type], None)
        if modality in IRREALIS and outcome.type == "RETREAT":
            return Outcome("CONCEDE", FUTURE_RETREAT_CAMEO.get(outcome.mode or "", "035"), None)
        if modality == "hypothetical" and outcome.type == "ASSAULT":
            return Outcome("THREATEN", "138", "violence")
        if modality == "hypothetical" and outcome.type in FUTURE_AS_THREAT:
            # a conditional sanction or repression is a threat; an announced one is the act, planned
            return Outcome("THREATEN", *FUTURE_AS_THREAT[outcome.type])
        return outcome

    def event(self, cand: Candidate, sentence_index: int, n: int) -> Event:
        trig, report = cand.trigger, cand.frame
        modality = report.modality
        attributed = None
        if report.reporter is not None:
            reporter = self.actors.resolve(report.reporter)
            attributed = reporter[0].actor if reporter else Actor(text=report.reporter.text)
            if modality == "claimed" and cand.outcome.type in VERBAL_TYPES and cand.source is not None and \
                    self._same_actor(cand.source.actor, attributed):
                modality = "asserted"
        outcome = self._transform(cand.outcome, modality, report.negated, report.ultimatum)
        announced = outcome.type == "ASSAULT" and modality == "planned" and not report.negated and \
            cand.source is not None and (attributed is None or attributed.country == cand.source.actor.country) and \
            _future_of_its_own(trig.anchor)
        if announced:
            # "North Korea said it was examining a plan to strike Guam", "Turkey will launch a new operation": an
            # attack its own side announces is a threat, made now (another's warning of it stays a planned attack)
            outcome, modality = Outcome("THREATEN", "138", "violence"), "asserted"
        barred = outcome.type == "REJECT" and lemma(trig.anchor) in ("bar", "ban")  # "barred women from universities"
        domestic = (outcome.type == "SANCTION" and outcome.mode != "convict" or barred) and not trig.pattern.also and \
            cand.source is not None and \
            cand.target is not None and \
            cand.source.actor.type in STATE_TYPES and cand.target.actor.type in SOCIETY_TYPES and \
            cand.source.actor.country == cand.target.actor.country
        if domestic:
            # "police froze the newspaper's assets", "the Taliban suspended university education for women", "barred
            # women from attending universities": what a state does to its own society is coercion, not a sanction
            # or a refusal between parties
            outcome = Outcome("COERCE", "172", "restrict")
        places = self._places(trig, cand)
        source = cand.source.actor if cand.source else None
        if announced:
            source = _as_state(cand.source).actor  # a state threatens, its army would strike
        if cand.source is not None and cand.source.country_from_context and source.type == "COP" and \
                outcome.type not in VERBAL_TYPES and places and places[0][0].country and \
                places[0][0].country != source.country and places[0][0].country in self.actors.named_countries:
            # "police stormed its embassy in Quito": unnamed police act where the event happens, not for the
            # first country the sentence names (armies act abroad; police do not)
            country = places[0][0].country
            source = source.model_copy(update={"country": country, "name": self.actors.country_name(country)})
        target = cand.target.actor if cand.target else None
        target_span = cand.target.span if cand.target else None
        if target is None and places and places[0][0].country and outcome.type in ("PROTEST", "ASSAULT",
                                                                                   "RETREAT") and (
                source is None or places[0][0].country != source.country) and not self._aimed_at_thing(trig) \
                and outcome.mode != "resign":
            # strikes in Syria hit Syria; a protest abroad is addressed to the host government (a ruler's exile in
            # Mexico is no withdrawal from Mexico)
            place, span = places[0]
            kind = "GOV" if outcome.type == "PROTEST" else None
            target = Actor(text=place.text, name=self.actors.country_name(place.country), country=place.country,
                           type=kind)
            target_span = span
        negated = report.negated and (outcome.type == self._transform(cand.outcome, modality).type or domestic)
        code = self.lexicon.code(outcome.cameo)
        date_value, date_text, precision, date_span = self._date(trig, report, modality)
        sent = sentence_of(trig.token)
        trigger_text = " ".join(t.text for t in trig.words) if len(trig.words) < 3 else self.doc[
            trig.words[0].i:trig.words[-1].i + 1].text
        confidence = 0.45 + 0.2 * bool(cand.source and cand.source.actor.country) + 0.15 * bool(
            cand.target) + 0.1 * (not trig.nominal) + 0.05 * bool(date_text)
        return Event(
            event_id=f"{self.doc_id}:{sentence_index}:{n}",
            doc_id=self.doc_id,
            sentence_index=sentence_index,
            sentence=sentence_text(sent, trig.words[0].idx),
            event_type=outcome.type,
            mode=outcome.mode,
            cameo=outcome.cameo,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            source=source,
            target=target,
            trigger=trigger_text,
            date=date_value,
            date_text=date_text,
            date_precision=precision,
            location=places[0][0] if places else None,
            locations=[p for p, _ in places],
            negated=negated,
            modality=modality,
            attributed_to=attributed,
            confidence=round(min(confidence, 0.95), 2),
            evidence=Evidence(
                trigger=(trig.words[0].idx, trig.words[-1].idx + len(trig.words[-1].text)),
                source=cand.source.span if cand.source else None,
                target=target_span,
                date=date_span,
                location=places[0][1] if places else None,
                pattern=trig.pattern.id,
                source_strategy=cand.source.via or None if cand.source else None,
                target_strategy=(cand.target.via or None) if cand.target else (
                    "place.country" if target is not None else None),
            ),
        )

    @staticmethod
    def _same_actor(a: Actor, b: Actor) -> bool:
        if a.name and b.name and a.name == b.name:
            return True
        return a.text.lower() == b.text.lower() or (a.country == b.country and a.type == b.type and a.country)

    def _proposal_list_sentences(self) -> set[int]:
        """Sentences of a numbered list introduced by a sentence about proposals are proposal content."""
        starts: set[int] = set()
        in_list = False
        for sent in self.doc.sents:
            text = sent.text.strip()
            numbered = len(text) > 2 and text[0].isdigit() and text[1] in ").:"
            if numbered and in_list:
                starts.add(sent.start)
                continue
            lowered = text.lower()
            in_list = any(w in lowered for w in ("proposal", "proposed", "plan", "demands", "conditions")) and \
                text.endswith(":")
        return starts
