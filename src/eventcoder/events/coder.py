"""Find event triggers in a parsed document and code them: type, CAMEO, actors, date, place, modality.

Triggers are verbs and nouns listed in patterns.yaml. The source and target come from the dependency parse
(subject/object, passive agent, prepositional targets, coordination); actors are resolved by `actors`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from eventcoder.actors.resolver import DocumentActors, ResolvedActor
from eventcoder.events.context import VERBAL_TYPES, ReportFrame, frame
from eventcoder.events.patterns import Lexicon, Outcome, Pattern
from eventcoder.models import Actor, Event, Evidence, Place
from eventcoder.nlp import sentence_of, sentence_text, time_expressions
from eventcoder.places import DocumentPlaces
from eventcoder.time import resolve_date

MILITARY_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT"}
TARGET_NULL_TYPES = {"ASSAULT", "MOBILIZE", "RETREAT", "COERCE"}
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE"}
REPRESSION_TYPES = {"COERCE", "ASSAULT"}
INTERNAL_BODIES = {"cabinet", "council", "parliament", "committee", "board", "assembly", "congress", "senate",
                   "leadership", "politburo", "presidium", "government", "legislature", "bureau", "panel"}
REPRESSION_CAMEO_ROOT = "17"  # CAMEO's "coerce": arrests, crackdowns, curfews, violent repression
# Nouns that refer back to an event ("condemned the move"): the target is whoever acted in it.
EVENT_REFERENCES = {"move", "decision", "step", "action", "measure", "announcement", "ruling", "verdict",
                    "attack", "strike", "ban", "arrest", "detention", "killing", "crackdown", "expulsion",
                    "deployment", "invasion", "incursion", "raid", "seizure", "annexation", "test", "launch"}
ANAPHORA_TOKENS = 80
# Speech acts whose object event has not (yet) happened: what is requested, rejected, promised or threatened.
CONTENT_GOVERNORS = {"REQUEST", "REJECT", "AGREE", "THREATEN"}
MAX_PARTIES = 8
CROWD_WORDS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "crowd",
               "throng", "score", "scores", "many"}
ARMED_TYPES = {"MIL", "REB", "UAF"}
ULTIMATUM_TYPES = {"REJECT": "130", "SANCTION": "131", "COERCE": "137", "ASSAULT": "138", "PROTEST": "133",
                   "RETREAT": "136"}
FUTURE_AS_THREAT = {"SANCTION": ("131", "relations"), "COERCE": ("137", "restrict")}
# Particles that may follow the object ("pushed the militants out of", "drove them back") even when the parser
# calls them prepositions.
SEPARABLE_PARTICLES = {"out", "back", "off", "away", "down"}
THIRD_PARTY_ROLES = {"mediation", "help", "support", "assistance", "participation", "backing", "involvement",
                     "facilitation", "sponsorship"}
MEETING_VERBS = {"meet", "visit", "call", "phone", "host", "receive", "welcome"}
JOINABLE_TYPES = {"MOBILIZE", "CONSULT", "COOPERATE", "PROTEST"}
SEA_WORDS = {"sea", "ocean", "water", "waters"}
TIME_NOUNS = {"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year", "eve", "occasion",
              "anniversary", "sidelines", "margin", "margins", "time", "date"}
PROMISED_HARM = {**FUTURE_AS_THREAT, "ASSAULT": ("138", "violence")}
OFFICIAL_TYPES = {"GOV", "IGO", "NGO", "JUD", "LEG", "MED", "MIL", "SPY"}
OBLIGATION_MODALS = {"must", "should", "ought"}
SELF_PRONOUNS = {"i", "we", "he", "she", "it"}
REFUSAL_MODES = {"AID": ("assist", "122"), "COOPERATE": ("assist", "121"), "SUPPORT": ("change", "120"),
                 "CONSULT": ("meet", "125"), "AGREE": (None, "120"), "CONCEDE": ("yield", "124"),
                 "RETREAT": ("yield", "124")}
BIDIRECTIONAL_TYPES = {"AGREE", "SUPPORT", "RETREAT"}  # RETREAT: both sides observe a ceasefire
# PLOVER: a future CONSULT/SUPPORT/COOPERATE/AID is AGREE; a future RETREAT is CONCEDE; a hypothetical
# ASSAULT is THREATEN. CAMEO codes follow the same logic (036 intent to meet, 035x intent to yield, 138).
FUTURE_AS_AGREE = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "031", "AID": "033"}
FUTURE_RETREAT_CAMEO = {"release": "0353", "access": "0355", "withdraw": "0356", "disarm": "0356",
                        "ceasefire": "0356"}
IRREALIS = {"planned", "proposed", "hypothetical"}
LOCATIVE_PREPS = {"in", "at", "near", "around", "outside", "across", "off", "inside", "throughout", "into", "to",
                  "on", "toward", "towards", "along", "over"}
QUANTITY_HEADS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "group", "scores",
                  "many", "some", "several", "millions", "batch", "pair", "swathe", "swath", "part", "portion",
                  "stretch", "chunk", "strip"}
AMOUNT_NOUNS = {"euro", "dollar", "pound", "rouble", "ruble", "yuan", "yen", "million", "billion", "sum",
                "amount", "tranche", "package", "franc", "rupee", "shekel", "lira"}
CONTAINER_NOUNS = {"campaign", "wave", "series", "spate", "string", "round", "barrage", "number", "day", "week",
                   "month", "hour", "year"}
ELLIPTIC_TARGETS = {"other", "another", "others"}
PLACE_NOUNS = {"direction", "city", "town", "village", "outskirts", "region", "province", "area", "capital",
               "suburb", "district", "state", "port", "border", "coast", "centre", "center", "south", "north",
               "east", "west"}
NON_EVENT_ENTITIES = {"DATE", "TIME", "PERSON", "ORG", "GPE", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
AGGREGATE_COUNT = 100
SPATIAL_PREPS = {"in", "at", "near", "around", "outside", "inside", "across", "throughout", "into", "toward",
                 "towards", "along", "off", "to"}
SIMULTANEOUS_PREPS = {"as", "amid", "during", "while"}
# "cut the internet as protests spread": an event of its own, with its own actors
CIRCUMSTANCE_PREPS = {"as", "after", "amid", "following", "despite", "before", "since", "over"}
SETTING_PREPS = {"during", "at", "amid", "in"}
CLAUSE_BOUNDARIES = {"ccomp", "relcl", "parataxis", "csubj", "pcomp"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_SUBJECT_DEPS = {"xcomp", "advcl", "conj", "acomp", "pcomp", "dep", "oprd"}
CONTENT_DEPS = {"xcomp", "ccomp"}


@dataclass
class Trigger:
    token: Token
    anchor: Token
    pattern: Pattern
    words: list[Token]
    nominal: bool
    merged: list[Trigger] = field(default_factory=list)
    content: list[Trigger] = field(default_factory=list)
    governor: Trigger | None = None
    specific: bool = False  # matched with a particle or a required object ("called for", "cut ties")


@dataclass
class Candidate:
    trigger: Trigger
    outcome: Outcome
    source: ResolvedActor | None
    target: ResolvedActor | None
    frame: ReportFrame


def _implied(actor: Actor, trigger: Token) -> ResolvedActor:
    """An actor the text implies rather than names (the public of a protest): its evidence is the trigger."""
    return ResolvedActor(actor, trigger, (trigger.idx, trigger.idx + len(trigger)))


def _through_relative(argument: Token, verb: Token) -> Token:
    """"a helicopter that was captured": the relative pronoun stands for the noun the clause describes."""
    if argument.lower_ in ("that", "which", "who", "whom") and verb.dep_ == "relcl":
        return verb.head
    return argument


def _orphaned_object(preposition: Token) -> list[Token]:
    """"granted asylum to five army officers holed up in ...": the parser made the noun after the preposition
    the subject of the next clause and left the preposition without object."""
    if preposition.i + 1 >= len(preposition.doc):
        return []
    noun = preposition.doc[preposition.i + 1]
    while noun.dep_ not in ("nsubj", "nsubjpass") and noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.pos_ in ("NOUN", "PROPN") and \
            noun.left_edge.i == preposition.i + 1:
        return [noun]
    return []


def _each_pair(actors: list[ResolvedActor]) -> list[tuple[ResolvedActor, ResolvedActor]]:
    """Each unordered pair of parties, in the order named ("the US, Russia and Switzerland met")."""
    return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]


def _reduced_relative(verb: Token) -> bool:
    """ "The civilians imprisoned for X were released": a participle the parser made the main verb, with the
    real main verb (passive, without a subject of its own) hanging from it; its subject is its patient."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ in ("conj", "advcl") and c.i > verb.i and c.tag_ == "VBN" and
               any(g.dep_ == "auxpass" for g in c.children) and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
               for c in verb.children)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _has_particle(verb: Token, words: list[str]) -> bool:
    """"called on X", "walked back", "went on strike": the first word is a particle or a preposition right
    after the verb (so "call ... on Saturday" is not "call on"); the rest are in the verb's phrase."""
    first = next((c for c in verb.children if c.lower_ == words[0] and (
        c.dep_ == "prt" or (c.dep_ in ("prep", "dative", "agent") and (
            c.i == verb.i + 1 or c.lower_ in SEPARABLE_PARTICLES and c.i > verb.i)))), None)
    if first is None and len(words) == 1:  # "took 25 crew members hostage"
        first = next((c for c in verb.children if c.lower_ == words[0] and c.dep_ in (
            "oprd", "advmod", "xcomp", "npadvmod", "acomp", "dobj")), None)  # ... "set fire to", "opened fire"
    if first is None:
        return False
    rest = {_lemma(t) for t in first.subtree} | {_lemma(c) for c in verb.children}
    return all(w in rest for w in words[1:])


def _verb_forms(token: Token) -> list[str]:
    """The lemma, then forms guessed from the word when the lemmatizer slips ("fined" -> "fin")."""
    word = token.lower_
    forms = [_lemma(token), word]
    if token.i > 1 and token.doc[token.i - 1].text == "-":  # "test-fired" is tokenized test / - / fired
        forms.insert(0, f"{token.doc[token.i - 2].lower_}-{_lemma(token)}")
    if word.endswith("ed"):
        forms += [word[:-1], word[:-2]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def _object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def _object_phrases(token: Token) -> set[str]:
    """The object's lemma with its compounds: "mobile internet access" -> {"access", "internet access", ...}."""
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
    words = [_lemma(m) for m in mods] + [_lemma(token)]
    phrases = {" ".join(words[i:]) for i in range(len(words))} | {token.lower_}
    for of_phrase in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in of_phrase.children if g.dep_ == "pobj"):
            phrases.add(f"{_lemma(token)} of {_lemma(pobj)}")  # "a nationwide state of emergency"
    if _lemma(token) in AMOUNT_NOUNS or token.like_num or token.lower_ in QUANTITY_HEADS:
        # "300 million euros in budget support", "dozens of hostages"
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                phrases |= _object_phrases(pobj)
    return phrases


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


class SentenceCoder:
    """Codes the events of one document, sentence by sentence."""

    def __init__(self, doc: Doc, doc_id: str, pub_date: dt.date | None, lexicon: Lexicon,
                 actors: DocumentActors, places: DocumentPlaces):
        self.doc, self.doc_id, self.pub_date = doc, doc_id, pub_date
        self.lexicon, self.actors, self.places = lexicon, actors, places
        self.proposal_list = self._proposal_list_sentences()
        self.recent: list[Candidate] = []

    # ---------------------------------------------------------------- triggers

    def triggers(self, sent) -> list[Trigger]:
        found: list[Trigger] = []
        for token in sent:
            if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
                trigger = self._verb_trigger(token) or self._modal_request(token)
            elif token.pos_ == "NOUN" and token.dep_ != "compound" and token.ent_type_ not in NON_EVENT_ENTITIES:
                trigger = self._noun_trigger(token)
            else:
                trigger = None
            if trigger:
                found.append(trigger)
        return self._absorb(found)

    def _verb_trigger(self, token: Token) -> Trigger | None:
        for table in (self.lexicon.verbs, self.lexicon.fallback_verbs):
            rules = next((table[form] for form in _verb_forms(token) if form in table), None)
            trigger = self._best_rule(token, rules) if rules else None
            if trigger is not None:
                return trigger
        return None

    def _best_rule(self, token: Token, rules: list) -> Trigger | None:
        best, best_score = None, -1
        obj = _object(token)
        if obj is None and _is_passive(token):  # "diplomats expelled by the US": the subject was acted on
            obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if obj is None and token.dep_ == "acl" and token.tag_ == "VBN":
            obj = token.head  # "shells fired by Russian troops"
        if obj is not None:
            obj = _through_relative(obj, token)
        for rule in rules:
            pattern = rule.pattern
            score = 0
            if rule.particle:
                if not _has_particle(token, rule.particle.split()):
                    continue
                score += 3
            rule_obj = obj
            if pattern.objects and obj is None and rule.particle:  # "asked for asylum": the particle's object
                rule_obj = next(iter(self._pobjs(token, {rule.particle.split()[-1]})), None)
            if pattern.objects:
                if rule_obj is None or not (_object_phrases(rule_obj) & pattern.objects):
                    continue
                score += 2
            if pattern.except_objects and obj is not None and _object_phrases(obj) & pattern.except_objects:
                continue
            if "xcomp" in pattern.requires and not any(c.dep_ in ("xcomp", "ccomp") and any(
                    a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in token.children):
                continue
            if pattern.subjects:  # "the ceasefire took effect": the event is the subject's
                subject, _ = self._subject(token)
                if subject is None or not _object_phrases(subject) & pattern.subjects:
                    continue
                score += 2
            if "object" in pattern.requires and obj is None:
                continue  # "helped Ukraine", not "help defend Saudi Arabia" (the defence is the event)
            if "place_object" in pattern.requires and (obj is None or self.places.place_at(obj) is None):
                continue
            if "oprd" in pattern.requires:
                if not any(c.dep_ == "oprd" for c in token.children):
                    continue
                score += 2
            if score > best_score:
                best, best_score = pattern, score
        if best is None:
            return None
        words = [token] + [c for c in token.children if c.dep_ == "prt"]
        return Trigger(token, token, best, sorted(words, key=lambda t: t.i), nominal=False, specific=best_score > 0)

    def _modal_request(self, token: Token) -> Trigger | None:
        """"Russia said Sudan must return the helicopter": a demand made by saying what another must do."""
        pattern = self.lexicon.modal_request
        if pattern is None or _lemma(token) not in self.lexicon.cues["reporting_verbs"]:
            return None
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children) or (
                _lemma(clause) in ("have", "need") and any(x.dep_ == "xcomp" for x in clause.children))
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if obliged and subject is not None and subject.lower_ not in SELF_PRONOUNS:
                return Trigger(token, token, pattern, [token], nominal=False)
        return None

    def _noun_trigger(self, token: Token) -> Trigger | None:
        entries = self.lexicon.nouns.get(_lemma(token))
        if not entries:
            return None
        left = [_lemma(c) for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
        best, best_len = None, -1
        of_object = next(iter(self._pobjs(token, {"of"})), None)
        for prefix, pattern in entries:
            if prefix and list(prefix) != left[-len(prefix):]:
                continue
            if pattern.of_objects and (of_object is None or not _object_phrases(of_object) & pattern.of_objects):
                continue  # "the suspension of air links": what is suspended makes the event
            if len(prefix) > best_len:
                best, best_len = pattern, len(prefix)
            elif len(prefix) == best_len and {best.outcome.type, pattern.outcome.type} == {"PROTEST", "ASSAULT"}:
                # "strike": a walkout or an attack
                attack = self._military_strike(token)
                best = next(p for p in (best, pattern) if (p.outcome.type == "ASSAULT") == attack)
        if best is None:
            return None
        words = [c for c in token.lefts if c.dep_ in ("compound", "amod") and _lemma(c) in
                 {w for noun in best.nouns for w in noun.split()}] + [token]
        anchor = self._light_verb(token)
        if anchor is None and best.needs_light_verb:
            return None
        if anchor is not None:
            words = [anchor, *words]
        return Trigger(token, anchor if anchor is not None else token, best, sorted(words, key=lambda t: t.i),
                       nominal=True)

    def _military_strike(self, noun: Token) -> bool:
        """"Russia launched strikes on Kharkiv", "an Israeli strike killed 30" are attacks; "teachers went on
        strike", "workers launched a strike" are walkouts."""
        if noun.head.lower_ == "on":
            return False
        if self._pobjs(noun, {"on", "against"}):
            return True
        verb = self._light_verb(noun)
        if verb is not None:
            subject, passive = self._subject(verb)
            actors = self._expand(self._pobjs(verb, {"by"}) if passive else [subject] if subject is not None else [])
            return bool(actors) and (actors[0].bare_country or actors[0].actor.type in ARMED_TYPES | {"GOV"})
        return noun.dep_ == "nsubj" and any(rule.pattern.outcome.type == "ASSAULT"
                                            for rule in self.lexicon.verbs.get(_lemma(noun.head), ()))

    def _light_verb(self, noun: Token) -> Token | None:
        """"held talks", "launched air strikes", "went on strike": the verb carries subject, tense and date."""
        head = noun.head
        if noun.dep_ in ("dobj", "obj", "attr", "nsubjpass") and _lemma(head) in self.lexicon.light_verbs:
            return head
        if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.lower_ in ("on", "in", "into") and \
                _lemma(head.head) in self.lexicon.light_verbs:
            return head.head  # "went on strike", "engaged in a firefight"; not "offered ... following the invasions"
        # "conducted a campaign of terror", "launched a wave of air strikes"
        if noun.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in CONTAINER_NOUNS:
            return self._light_verb(head.head)
        return None

    def _absorb(self, triggers: list[Trigger]) -> list[Trigger]:
        """Relate triggers to each other: the content of another event ("refused to meet" is one REJECT),
        the same event continued ("raided ... and seized", "met ... to discuss"), or an event of its own."""
        by_anchor: dict[int, Trigger] = {}
        for trig in triggers:
            kept = by_anchor.get(trig.anchor.i)
            if kept is None or (kept.pattern.fallback and not trig.pattern.fallback) or (
                    kept.nominal and not kept.pattern.objects and not trig.nominal and trig.pattern.objects
                    and not trig.pattern.fallback) or (
                    # "approved a loan package": what was approved says more than the approving
                    trig.nominal and not kept.nominal and not kept.specific and _lemma(kept.anchor)
                    in self.lexicon.light_verbs):
                by_anchor[trig.anchor.i] = trig
        anchors = {t.anchor.i: t for t in by_anchor.values()}
        result = []
        for trig in sorted(by_anchor.values(), key=lambda t: t.token.i):
            if self._in_condition(trig.anchor):
                continue  # "if Israel agreed to a ceasefire" states a condition, not an event
            governor, relation = self._governing_trigger(trig, anchors)
            same_type = governor is not None and governor.pattern.outcome.type == trig.pattern.outcome.type
            if governor is None:
                result.append(trig)
            elif relation == "content" and not same_type:
                governor.content.append(trig)
            elif same_type and not (relation == "advcl" and self._own_subject(trig)):
                governor.merged.append(trig)  # "raided ... and seized"; but "struck X after Y fired at Z" is two
            elif relation == "argument" and (trig.token.dep_ in ("dobj", "obj") or
                                             trig.token.head.lower_ in SETTING_PREPS | CIRCUMSTANCE_PREPS):
                trig.governor = governor  # "rejected a call for a ceasefire", "praised X during a visit"
                result.append(trig)
            elif relation in ("conj", "advcl"):
                result.append(trig)
        return result

    def _between(self, trig: Trigger) -> list[Token]:
        """The parties of "talks between Israeli and Hamas negotiators": an event of their own."""
        return self._pobjs(trig.token, {"between"}) if trig.nominal and trig.pattern.reciprocal else []

    @staticmethod
    def _own_subject(trig: Trigger) -> bool:
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.anchor.children) and not _is_passive(trig.anchor)

    def _in_condition(self, anchor: Token) -> bool:
        markers = self.lexicon.cues["condition_markers"]
        clause = anchor
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "advcl":
            return False
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if marks & set(markers):
            return True
        if not marks & set(self.lexicon.cues["deferral_markers"]):
            return False
        if clause.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            return True  # "refused to release the hostages until Israel stops its offensive": not yet
        awaiting = OBLIGATION_MODALS | set(self.lexicon.cues["future_auxiliaries"])
        return any(c.dep_ == "aux" and c.lower_ in awaiting for c in clause.head.children)

    def _governing_trigger(self, trig: Trigger, anchors: dict[int, Trigger]) -> tuple[Trigger | None, str]:
        anchor = trig.anchor
        head = anchor.head
        if head == anchor:
            return None, ""
        if anchor.dep_ in CONTENT_DEPS and head.i in anchors:
            return anchors[head.i], "content"
        if anchor.dep_ == "advcl" and head.i in anchors and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
            return anchors[head.i], "content"  # "went on strike to demand": the protest's demand
        named_owner = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in trig.token.children)  # "Navalny's call"
        if trig.pattern.outcome.type == "REQUEST" and not self._own_subject(trig) and not named_owner:
            # "protested on Friday, demanding the resignation", "joined demonstrators in demanding a referendum":
            # the protest's demand is part of the protest
            for ancestor in anchor.ancestors:
                if ancestor.i in anchors and anchors[ancestor.i].pattern.outcome.type == "PROTEST":
                    return anchors[ancestor.i], "content"
                if ancestor.dep_ not in ("advcl", "pcomp", "prep", "xcomp", "conj", "acl"):
                    break
        if anchor.dep_ in ("acl", "xcomp") and head.dep_ in ("dobj", "obj", "pobj") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
            # "faces pressure from Congress to help Iran", "a call on Israel to withdraw": what is asked
            asker = head.head.head if head.dep_ == "pobj" else head.head
            if asker.i in anchors and anchors[asker.i].pattern.outcome.type in CONTENT_GOVERNORS:
                return anchors[asker.i], "content"
        if anchor.dep_ == "pcomp" and head.lower_ in ("of", "into") and head.head.i in anchors:
            return anchors[head.head.i], "content"
        if anchor.dep_ in ("conj", "advcl") and head.i in anchors and trig.pattern.outcome.mode == "destroy" and \
                anchors[head.i].pattern.outcome.type == "PROTEST":
            return anchors[head.i], "content"  # "prisoners rioted, setting fire to their mattresses": the riot
        if anchor.dep_ in ("conj", "advcl") and head.i in anchors:
            return anchors[head.i], anchor.dep_
        if anchor.dep_ == "acl" and anchor.tag_ == "VBG" and head.dep_ in ("dobj", "obj") and head.head.i in anchors \
                and anchors[head.head.i].pattern.outcome.type == trig.pattern.outcome.type:
            return anchors[head.head.i], "acl"  # "fired a missile targeting a group of youths": one attack
        if trig.nominal and anchor == trig.token and anchor.dep_ == "nsubj" and head.i in anchors and \
                anchors[head.i].pattern.subjects:
            return anchors[head.i], "content"  # "a truce between the army and the rebels held": one event
        if trig.nominal and anchor == trig.token and anchor.dep_ in ("nsubj", "nsubjpass") and head.i in anchors \
                and anchors[head.i].pattern.outcome.type == trig.pattern.outcome.type:
            return anchors[head.i], "argument"  # "A US drone strike killed Soleimani": one event
        if trig.nominal and anchor == trig.token and anchor.dep_ == "pobj" and trig.pattern.outcome.type == "CONSULT":
            # "met Xi on the sidelines of the G20 summit": the summit is where the meeting took place
            for ancestor in list(anchor.ancestors)[:5]:
                if ancestor.i in anchors and anchors[ancestor.i].pattern.outcome.type == trig.pattern.outcome.type:
                    return anchors[ancestor.i], "argument"
                if ancestor.dep_ not in ("pobj", "prep"):
                    break
        if trig.nominal and anchor == trig.token:
            governor = head.head if anchor.dep_ == "pobj" else head
            if anchor.dep_ in ("dobj", "obj", "pobj", "attr") and governor.i in anchors and governor != anchor:
                gov = anchors[governor.i]
                if anchor.dep_ in ("dobj", "obj") and gov.specific and gov.pattern.objects:
                    return gov, "content"  # "reduce its military operations": what is reduced, not a new event
                what_is_asked = anchor.dep_ in ("dobj", "obj") or anchor.dep_ == "pobj" and head.lower_ == "for"
                if what_is_asked and gov.pattern.outcome.type in CONTENT_GOVERNORS and \
                        trig.pattern.outcome.type not in VERBAL_TYPES - {"CONSULT"}:
                    # "demanded the withdrawal of Serbian forces", "called for peace talks": not (yet) the act
                    return gov, "content"
                return gov, "argument"
        return None, ""

    # ---------------------------------------------------------------- arguments

    def _subject(self, verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
        """The verb's subject and whether it is passive, inheriting across xcomp, advcl, pcomp and conj."""
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                # "one was killed, and 65 others injured": the passive carries over to the elided conjunct
                elided = verb.dep_ == "conj" and verb.tag_ == "VBN" and _is_passive(verb.head) and not any(
                    c.dep_ in ("aux", "auxpass") for c in verb.children)
                return child, child.dep_ == "nsubjpass" or elided or _reduced_relative(verb)
        if verb.dep_ == "acl":
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "a plan to send aid"
            if (verb.tag_ == "VBG" or infinitive) and verb.head.dep_ in ("dobj", "obj") and (
                    not self._expand([verb.head]) or _lemma(verb.head) in self.lexicon.nouns):
                # "issued a declaration demanding ...", "demanded the withdrawal of X, calling them ..."
                return self._subject(verb.head.head, depth + 1)
            return verb.head, verb.tag_ == "VBN"
        if verb.dep_ == "relcl":
            return verb.head, _is_passive(verb)
        head = verb.head
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
            subject, _ = self._subject(head, depth + 1)
            return subject, True  # "when asked about X, Biden ...": Biden is asked
        if verb.dep_ == "pcomp" and head.pos_ == "ADP":
            preposition = head.lower_
            head = head.head
            obj = _object(head)
            if obj is not None and preposition in ("for", "of"):
                return obj, False  # "condemned a court for jailing X": the court jails
        if verb.dep_ in INHERIT_SUBJECT_DEPS and head != verb and depth < 4:
            if verb.dep_ == "xcomp":
                obj = _object(head) or next(iter(self._pobjs(head, {"on", "upon"})), None)
                if obj is not None:  # object control: "urged Tehran to release" -> Tehran releases
                    return obj, False
            subject, passive = self._subject(head, depth + 1)
            return subject, (passive if verb.dep_ == "conj" else False) or _is_passive(verb)
        return None, False

    def _active_subject(self, verb: Token) -> list[Token]:
        """The verb's subject when it acts (not the patient of a passive)."""
        subject, passive = self._subject(verb)
        return [subject] if subject is not None and not passive else []

    def _pobjs(self, token: Token, preps: tuple[str, ...] | set[str]) -> list[Token]:
        found = []
        for child in token.children:
            if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ in preps:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                found.extend(objects or _orphaned_object(child))
        # "on the first day of the G20 summit", "on Monday": when, not at whom (but "with President Assad
        # Tuesday", parsed with the date as head, names a party)
        return [t for t in found if _lemma(t) not in TIME_NOUNS and not (
            t.ent_type_ in ("DATE", "TIME") and all(w.ent_type_ in ("DATE", "TIME", "") for w in t.subtree)
            and self.places.place_at(t) is None and t.i not in self.actors.by_token)]  # spaCy: "in Niger" a DATE

    def _expand(self, tokens: list[Token]) -> list[ResolvedActor]:
        resolved: list[ResolvedActor] = []
        for token in tokens:
            members = [token, *token.conjuncts]
            if self.places.place_at(token) and self.places.place_at(token).place.precision == "country":
                for appos in (c for c in token.children if c.dep_ == "appos" and self.places.place_at(c)):
                    members += [appos, *appos.conjuncts]
            first: ResolvedActor | None = None
            for member in members:
                if member.i < token.i:
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

    def _shares_modifier(self, first: ResolvedActor, other: ResolvedActor) -> bool:
        """A nationality before the first of two coordinated nouns of one kind modifies both."""
        return not first.country_from_context and first.actor.type == other.actor.type and any(
            c.dep_ in ("amod", "compound") and c.i in self.actors.by_token for c in first.head.lefts)

    def _source_tokens_of_nominal(self, trig: Trigger) -> list[Token]:
        noun = trig.token
        sources = []
        for child in noun.children:
            modifier = child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child not in trig.words)
            known = self.actors.by_token.get(child.i) or _lemma(child) in self.actors.kb.agents
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
                _lemma(noun.head.head) in self.lexicon.cues["responsibility_words"]:
            sources += self._held_responsible(noun.head.head)
        if not sources and noun.dep_ == "pobj" and noun.head.lower_ == "for" and \
                _lemma(noun.head.head) in self.lexicon.cues["responsibility_nouns"] and \
                noun.head.head.dep_ in ("dobj", "obj") and \
                _lemma(noun.head.head.head) in self.lexicon.cues["responsibility_claims"]:
            sources += self._active_subject(noun.head.head.head)  # "Hamas claimed responsibility for the attack"
        if not sources and noun.dep_ in ("dobj", "obj") and _lemma(noun.head) == "claim":
            sources += self._active_subject(noun.head)  # "Islamic State claimed the attack"
        return sources

    @staticmethod
    def _official_at_protest(trig: Trigger, actors: list[ResolvedActor]) -> bool:
        """Police who beat someone "during a protest" did not protest."""
        return trig.pattern.outcome.type == "PROTEST" and any(a.actor.type in OFFICIAL_TYPES | {"COP"} for a in actors)

    def _same_side(self, a: ResolvedActor, b: ResolvedActor) -> bool:
        """One country's officials, its capital and its leader speak for one side; two named organisations
        of one country (the Sudanese army, the RSF) do not."""
        if (a.actor.country, a.actor.type) != (b.actor.country, b.actor.type):
            return False
        state = self.actors.country_name(a.actor.country)
        named = [x.actor.name for x in (a, b) if x.actor.name and not x.person and x.actor.name != state]
        return len(named) < 2 or named[0] == named[1]

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
        if noun.dep_ == "pobj" and noun.head.lower_ == "under" and _lemma(noun.head.head) in ("come", "be"):
            return noun.head.head
        return None

    @staticmethod
    def _placed_under(noun: Token) -> Token | None:
        """Who is "placed under house arrest" ("placed X under", "X was put under")."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "under" or \
                _lemma(noun.head.head) not in ("place", "put", "keep", "hold"):
            return None
        verb = noun.head.head
        return _object(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)

    def _held_responsible(self, adjective: Token) -> list[Token]:
        """Who is "responsible for the crackdown": "officials it holds responsible", "officials responsible",
        "the government is responsible"."""
        if adjective.dep_ == "amod":
            return [adjective.head]
        if adjective.dep_ == "oprd":
            verb = adjective.head
            held = _object(verb)
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
                pattern.object_role == "theme" and _object_phrases(_through_relative(subject, anchor)) &
                pattern.objects):
            targets.append(subject)  # but "shells were fired at the town": the shells are the theme
        obj = _object(anchor)
        hosted = self._pobjs(obj, {"between"}) if obj is not None and _lemma(obj) in self.lexicon.nouns else []
        if hosted:  # "hosted talks between Israeli and Hamas negotiators": the parties are the guests
            targets += hosted
        elif obj is not None and obj not in trig.words and not (trig.nominal and obj == trig.token):
            # With "cut ties", "lifted the curfew" the object is part of the event, not its target; with
            # "expelled two diplomats" it is the target.
            part_of_event = pattern.object_role == "theme" or (
                bool(pattern.objects) and _lemma(obj) not in self.actors.kb.agents)
            if part_of_event or not self._expand([obj]):
                # "ties with Taiwan", "condemned allegations by Rwanda", "demanded support from the assembly"
                targets += self._pobjs(obj, preps | {"with", "against", "on", "by", "from", "to"})
                if _object_phrases(obj) & pattern.objects and not self._expand(targets) and \
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
            if container is not None and _lemma(container) in CONTAINER_NOUNS:
                targets += self._pobjs(container, preps | {"on", "against"})
        if obj is not None and not self._expand(targets):  # "delivered tents worth $5 million to Turkey"
            targets += [t for d in obj.subtree if d.dep_ == "prep" and d.lower_ in preps
                        for t in d.children if t.dep_ == "pobj"]
        if passive and not self._expand(targets):  # "fired by rebels against US warships": misattached
            targets += [t for agent in self._pobjs(anchor, {"by"}) for t in self._pobjs(agent, preps)]
        if pattern.reciprocal:  # "began talks with US mediation": the mediator is not the other side
            targets = [t for t in targets if not (_lemma(t) in THIRD_PARTY_ROLES and t.head.lower_ == "with")]
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
        if not source_actors and event_type == "ASSAULT" and _is_passive(anchor):
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
        if not source_actors and event_type == "ASSAULT" and _is_passive(anchor):
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
                              for t in [_object(clause), *self._pobjs(clause, {"against", "on", "at"})] if t]
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
            if not target_actors and _object(anchor) is not None:  # "threatened military intervention in Niger"
                target_actors = self._struck_place([_object(anchor)])
        if not target_actors and event_type in VERBAL_TYPES - {"CONSULT"} and anchor.dep_ == "conj" and \
                _lemma(anchor.head) in MEETING_VERBS:
            # "met President Biden and asked for more air defence": asked of the one met
            met = [_object(anchor.head), *self._pobjs(anchor.head, {"with"})]
            target_actors = self._distinct_countries(self._expand([t for t in met if t is not None]))
        if not target_actors and event_type == "MOBILIZE":
            # "deployed 10,000 officers ahead of a planned opposition rally": against the protesters
            occasions = [p for head in (anchor, *(c for c in anchor.children if c.lower_ == "ahead"))
                         for p in self._pobjs(head, {"of", "for", "before", "against"})]
            rallies = [o for o in occasions if any(pat.outcome.type == "PROTEST"
                                                   for _, pat in self.lexicon.nouns.get(_lemma(o), ()))]
            target_actors = self._expand([m for r in rallies for m in r.children if m.dep_ in ("compound", "amod",
                                                                                               "poss")])
        if not target_actors and pattern.outcome.mode == "visit":
            target_actors = self._host_of_visit(trig)
        if not target_actors and pattern.outcome.type == "AID" and not pattern.reverse:
            # "$500 million in humanitarian aid to Gaza": the place's country receives it
            target_actors = self._first_held(target_tokens)
        if not target_actors and pattern.outcome.type in TARGET_NULL_TYPES and not pattern.reverse:
            # "shelled Mariupol": the country whose place is hit (type null, like "air strikes in Syria")
            places = [*target_tokens, _object(anchor)] if pattern.object_role != "theme" else target_tokens
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

    @staticmethod
    def _distinct_countries(actors: list[ResolvedActor]) -> list[ResolvedActor]:
        """Coordinated targets of one country are one target ("activists and former lawmakers")."""
        kept: list[ResolvedActor] = []
        for actor in actors:
            if not any(k.actor.country == actor.actor.country and k.actor.country for k in kept):
                kept.append(actor)
        return kept

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
                _lemma(resolved.head) in self.lexicon.nouns:
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
            subject.pos_ == "NUM" or _lemma(subject) in CROWD_WORDS)
        # "the arrest sparked protests across Russia": protests that broke out
        caused = trig.token.dep_ in ("dobj", "obj") and _lemma(trig.token.head) in self.lexicon.cues["causative_verbs"]
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
                sources = [_implied(Actor(text=trig.token.text, name=name, country=country, type="CVL"), trig.token)]
        if sources and not targets and sources[0].actor.country and self._directed(trig):
            country = sources[0].actor.country
            actor = Actor(text="the government", name=self.actors.country_name(country), country=country, type="GOV")
            targets = [_implied(actor, trig.token)]
        return sources, targets

    def _state_of_place(self, trig: Trigger) -> list[ResolvedActor]:
        """"Three activists detained in Bangkok": arrests with no one named are the state's where they happen."""
        places = [p for p, _ in self._places(trig, Candidate(trig, trig.pattern.outcome, None, None, None))]
        country = next((p.country for p in places if p.country), None) or self.actors.sentence_country(trig.token)
        if country is None:
            return []
        actor = Actor(text=self.actors.country_name(country) or country, name=self.actors.country_name(country),
                      country=country, type=None)
        return [_implied(actor, trig.token)]

    def _launch_origin(self, trig: Trigger) -> list[ResolvedActor]:
        """"A mortar bomb was fired at Israel from the Gaza Strip": with no one named, fire comes from the
        side that holds the place it was launched from (country known, sector not)."""
        return self._first_held([p for token in {trig.anchor, trig.token} for p in self._pobjs(token, {"from"})])

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

    def _directed(self, trig: Trigger) -> bool:
        words = {t.lower_ for t in trig.anchor.subtree} | {t.lower_ for m in trig.merged for t in m.anchor.subtree}
        words |= {_lemma(c.anchor) for c in trig.content}
        return bool(words & {"against", "demand", "demanding", "over"})

    # ---------------------------------------------------------------- candidates -> events

    def _discourse_arguments(self, trig: Trigger, sources, targets):
        """Fill gaps from the events just coded: "one member was killed, and one other arrested" (the
        other is another member), and an agentless repression event continuing the campaign of the
        previous sentence takes that campaign's agent."""
        if not targets and self.recent and self._target_token(trig) is not None and \
                self._target_token(trig).lower_ in ELLIPTIC_TARGETS:
            last = self.recent[-1]
            if last.target is not None and sentence_of(last.trigger.token) == sentence_of(trig.token):
                targets = [last.target]
        if not sources and targets and _is_passive(trig.anchor) and \
                trig.pattern.outcome.type in REPRESSION_TYPES:
            wanted = (targets[0].actor.country, targets[0].actor.type)
            for earlier in reversed(self.recent):
                if earlier.source is not None and earlier.target is not None and \
                        earlier.outcome.type in REPRESSION_TYPES and \
                        (earlier.target.actor.country, earlier.target.actor.type) == wanted and \
                        sentence_of(trig.token).start - sentence_of(earlier.trigger.token).end < 120:
                    sources = [earlier.source]
                    break
        if len(sources) == 1 and not targets and any(c.lower_ in ("two", "both") and c.dep_ in (
                "nummod", "det", "predet") for c in sources[0].head.children):
            # "The two leaders also discussed ...": the two parties of the last two-sided event
            pair = next((c for c in reversed(self.recent) if c.source is not None and c.target is not None and
                         not self._same_side(c.source, c.target)), None)
            if pair is not None and sentence_of(trig.token).start - sentence_of(pair.trigger.token).start \
                    <= ANAPHORA_TOKENS:
                sources = [pair.source, pair.target]
        return sources, targets

    def _report(self, trig: Trigger) -> ReportFrame:
        report = frame(trig.anchor, trig.token, self.lexicon)
        in_list = sentence_of(trig.token).start in self.proposal_list
        if in_list and report.modality in ("asserted", "planned", "claimed"):
            report = ReportFrame(report.negated, "proposed", report.reporter, report.report_verb, report.denied)
        return report

    def _aggregate(self, trig: Trigger) -> bool:
        """Casualty statistics with no perpetrator ("1,351 soldiers have died since the invasion began") are
        counts, not events."""
        victim = self._target_token(trig)
        for number in (c for c in (victim.children if victim is not None else ()) if c.dep_ == "nummod"):
            try:
                if float(number.text.replace(",", "")) >= AGGREGATE_COUNT:
                    return True
            except ValueError:
                continue
        return any(t.lower_ in ("since", "so far", "total") for t in trig.anchor.children) or any(
            c.dep_ == "prep" and c.lower_ == "since" for c in trig.anchor.children)

    def _discourse_target(self, trig: Trigger, sources, targets):
        """Targets the text leaves to the reader: "condemned the move" (the move = the last event's actor),
        "Tokyo also pledged $20 million" (to whom it gave before)."""
        if targets or not sources:
            return targets
        obj = _object(trig.anchor)
        earlier = [c for c in self.recent if sentence_of(c.trigger.token).start < sentence_of(trig.token).start
                   and sentence_of(trig.token).start - sentence_of(c.trigger.token).start <= ANAPHORA_TOKENS]
        if obj is not None and obj.lemma_.lower() in EVENT_REFERENCES and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
            kinds = {p.outcome.type for _, p in self.lexicon.nouns.get(_lemma(obj), ())}  # "the arrests": COERCE
            ranked = sorted(reversed(earlier), key=lambda c: c.outcome.type not in kinds)
            actor = next((c.source for c in ranked if c.source is not None and
                          not self._same_side(c.source, sources[0])), None)
            return [actor] if actor is not None else targets
        if any(c.dep_ == "advmod" and c.lower_ in ("also", "further", "again", "too") for c in trig.anchor.children):
            same = next((c for c in reversed(earlier) if c.source is not None and c.target is not None and
                         c.source.actor.country == sources[0].actor.country), None)
            return [same.target] if same is not None else targets
        return targets

    def _target_token(self, trig: Trigger) -> Token | None:
        subject, passive = self._subject(trig.anchor)
        return subject if passive else _object(trig.anchor)

    def candidates(self, trig: Trigger) -> list[Candidate]:
        pattern = trig.pattern
        if self._told_before(trig):
            return []
        report = self._report(trig)
        base = pattern.outcome
        sources, targets = self._arguments(trig, self._transform(base, report.modality,
                                                                 report.negated, report.ultimatum).type)
        if base.type == "ASSAULT" and not targets and any(
                _lemma(t) in SEA_WORDS for t in self._pobjs(trig.anchor, {"into", "in", "off", "over"})):
            base = Outcome("MOBILIZE", "150", "weapons")  # "fired two ballistic missiles into the sea": a test
        sources, targets = self._discourse_arguments(trig, sources, targets)
        targets = self._discourse_target(trig, sources, targets)
        sources, targets = self._protest_defaults(trig, sources, targets)
        if not sources and targets and pattern.place_source:
            sources = self._state_of_place(trig)
        if not sources and targets and base.type == "ASSAULT":
            sources = self._launch_origin(trig)
        if "target" in pattern.requires and not targets or self._disaster(trig):
            return []
        # A list of forty leaders is one list, not a thousand dyads: keep the first ones named.
        sources, targets = sources[:MAX_PARTIES], targets[:MAX_PARTIES]
        pairs: list[tuple[ResolvedActor | None, ResolvedActor | None]] = []
        if not sources:
            # Violence with no named perpetrator is coded only when its victims are people or a named actor;
            # "an earthquake struck Lombok" strikes a place, and what an earthquake kills is a disaster.
            targets = [t for t in targets if t.actor.type is not None]
            if not (pattern.agentless and targets) or self._aggregate(trig):
                return []
            pairs = [(None, t) for t in targets]
        elif not targets and base.type == "CONSULT" and pattern.reciprocal and len(sources) == 1 and \
                _lemma(sources[0].head) in INTERNAL_BODIES:
            return []  # "Israel's Cabinet met Sunday": a body in session, not a meeting between parties
        elif not targets and pattern.reciprocal and len(sources) > 1:
            if base.type in BIDIRECTIONAL_TYPES:
                pairs = [(a, b) for a in sources for b in sources if a is not b]
            elif base.type in SYMMETRIC_TYPES:  # "the US, Russia and Switzerland met": each pair
                pairs = _each_pair(sources)
            else:
                pairs = [(sources[0], other) for other in sources[1:]]
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])]
        for hosted in trig.merged if report.modality in ("asserted", "claimed") else ():
            # "hosted talks between Israeli and Hamas negotiators": they met each other (an offer to host is not
            # the guests' promise)
            pairs += [(a, b) for a, b in _each_pair(self._expand(self._between(hosted)))
                      if (a.actor.country, a.actor.type) != (b.actor.country, b.actor.type)]
        outcome = base
        if outcome.type == "PROTEST" and outcome.mode == "demo" and sources and \
                sources[0].actor.type in OFFICIAL_TYPES:
            outcome = Outcome("ACCUSE", "114", "disapprove")  # a ministry's "protest" is a complaint
        elif outcome.type == "PROTEST" and outcome.mode == "riot" and trig.anchor != trig.token and sources and \
                sources[0].actor.type in OFFICIAL_TYPES - {"MIL"}:
            return []  # "the US insisted unrest there reflected ...": officials speak of riots, they do not riot
        specific = next((m.pattern.outcome for m in trig.merged if m.pattern.outcome.mode), None)
        if specific is not None and not outcome.mode:
            outcome = specific  # "killed in a drone attack": the attack says how
        harm = next((c.pattern.outcome.type for c in trig.content if c.pattern.outcome.type in PROMISED_HARM), None)
        if outcome.type == "AGREE" and harm and _lemma(trig.anchor) in self.lexicon.cues["promise_verbs"]:
            outcome = Outcome("THREATEN", *PROMISED_HARM[harm])  # "vowed to impose new sanctions": a threat
        if outcome.type == "MOBILIZE" and len({s.actor.country for s in sources}) > 1:
            outcome = Outcome("COOPERATE", "062", None)  # drills by two countries' forces are joint exercises
            if not targets:  # ... held with each other
                pairs = [(a, b) for a, b in _each_pair(sources) if a.actor.country != b.actor.country]
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
            for outcome in outcomes:
                result.append(Candidate(trig, outcome, source, target, report))
        if outcome.type == "THREATEN" and _lemma(trig.anchor) == "warn" and self._warns_of_another(trig, sources):
            return []
        if self._completes_earlier(trig, result):
            return []
        self.recent.extend(result)
        return result

    def _disaster(self, trig: Trigger) -> bool:
        """What the event happened by is a disaster, not an actor: "an earthquake killed thousands", "killed in
        a helicopter crash", "killed by the crash of MH17", "died when their jet crashed"."""
        verb = trig.anchor
        subject, passive = self._subject(verb)
        if any(c.dep_ == "advcl" and c.lemma_.lower() in self.lexicon.cues["disaster_verbs"] and
               any(m.lower_ in ("when", "as", "after") for m in c.children) for c in verb.children):
            return True
        causes = [] if subject is None or passive else [subject]
        return any(self._is_disaster(c) for c in causes + self._pobjs(verb, {"by", "in"}))

    def _is_disaster(self, cause: Token) -> bool:
        lemma = _lemma(cause)
        if lemma not in self.lexicon.cues["natural_causes"]:
            return False
        if lemma in self.lexicon.cues["weapon_fire_words"]:
            # "killed by Israeli fire", "sniper fire": gunfire; "killed in a fire": a disaster
            return not any(c.dep_ in ("compound", "amod", "poss", "nmod") and
                           (self._expand([c]) or c.pos_ in ("NOUN", "PROPN")) for c in cause.children)
        return True

    def _warns_of_another(self, trig: Trigger, sources: list[ResolvedActor]) -> bool:
        """"Russia could attack Kyiv again, Zelensky warned": a warning about another side's violence is no
        threat by the one who warns."""
        for content in trig.content:
            if content.pattern.outcome.type != "ASSAULT":
                continue
            attackers = self._expand(self._active_subject(content.anchor))
            if attackers and sources and not any(self._same_side(a, s) for a in attackers for s in sources):
                return True
        return False

    def _told_before(self, trig: Trigger) -> bool:
        """"Opposition parties condemned the arrests": a definite event noun with no actor of its own, after an
        event of its kind was told, refers back to it and is no new event."""
        noun = trig.token
        if not (trig.nominal and trig.anchor == noun and noun.dep_ in ("dobj", "obj") and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in noun.children)):
            return False
        if self._source_tokens_of_nominal(trig) or self._pobjs(noun, {"of", "on", "against"}):
            return False
        start = sentence_of(noun).start
        return any(c.outcome.type == trig.pattern.outcome.type and sentence_of(c.trigger.token).start < start
                   and start - sentence_of(c.trigger.token).start <= ANAPHORA_TOKENS for c in self.recent)

    def _completes_earlier(self, trig: Trigger, result: list[Candidate]) -> bool:
        """"A car bomb exploded ..., killing 10 soldiers. Al-Shabaab said it carried out the attack": a definite
        event noun with an actor and no victim names the perpetrator of the agentless event just reported."""
        if not trig.nominal or not result or any(c.target is not None for c in result):
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in trig.token.children):
            return False
        sentence = sentence_of(trig.token)
        for earlier in reversed(self.recent):
            gap = sentence.start - sentence_of(earlier.trigger.token).start
            if earlier.source is None and earlier.target is not None and \
                    earlier.outcome.type == result[0].outcome.type and 0 < gap <= ANAPHORA_TOKENS:
                earlier.source, earlier.frame = result[0].source, result[0].frame
                return True
        return False

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
        places = self._places(trig, cand)
        source = cand.source.actor if cand.source else None
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
                source is None or places[0][0].country != source.country):
            # strikes in Syria hit Syria; a protest abroad is addressed to the host government
            place, span = places[0]
            kind = "GOV" if outcome.type == "PROTEST" else None
            target = Actor(text=place.text, name=self.actors.country_name(place.country), country=place.country,
                           type=kind)
            target_span = span
        negated = report.negated and outcome.type == self._transform(cand.outcome, modality).type
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
            ),
        )

    @staticmethod
    def _same_actor(a: Actor, b: Actor) -> bool:
        if a.name and b.name and a.name == b.name:
            return True
        return a.text.lower() == b.text.lower() or (a.country == b.country and a.type == b.type and a.country)

    # ---------------------------------------------------------------- dates

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

    # ---------------------------------------------------------------- places

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
                        locative = child.lower_ not in ("of", "from") or _lemma(child.head) in PLACE_NOUNS
                        # an unknown name is a place only after a spatial preposition ("a ban on Wikipedia" is not)
                        spatial = child.lower_ in SPATIAL_PREPS or _lemma(child.head) in PLACE_NOUNS
                        for member in [pobj, *pobj.conjuncts]:
                            self._collect_place(member, found, seen, locative, spatial)
                queue.append(child)
        found.sort(key=lambda item: item[0].precision == "country")
        obj = _object(trig.anchor)
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
        if head_place is None and _lemma(pobj) not in PLACE_NOUNS and pobj.ent_type_ not in ("GPE", "LOC", "FAC"):
            phrase = []  # "called on Myanmar's military": an actor, not a place
        candidates = [m for m in (self.places.place_at(t) for t in phrase) if m is not None]
        if not candidates and spatial and pobj.pos_ == "PROPN" and not self.actors.by_token.get(pobj.i) \
                and pobj.ent_type_ not in ("PERSON", "DATE", "NORP", "TIME"):
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

    # ---------------------------------------------------------------- documents

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
