"""Trigger finding: the verbs and nouns of patterns.yaml in a sentence, and how triggers relate (the content of
another event, the same event told twice, an event of its own)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventcoder.actors.coref import RELATIVE_PRONOUNS
from eventcoder.actors.resolver import ResolvedActor
from eventcoder.events.context import VERBAL_TYPES, ReportFrame
from eventcoder.events.patterns import Outcome, Pattern
from eventcoder.events.syntax import (
    ANAPHORA_TOKENS,
    ARMED_TYPES,
    SETTING_PREPS,
    blamed,
    definite,
    direct_object,
    has_particle,
    is_passive,
    label_of,
    lemma,
    object_phrases,
    standing,
    through_relative,
    verb_forms,
)
from eventcoder.events.view import ParseView

# Speech acts whose object event has not (yet) happened: what is requested, rejected, promised or threatened.
CONTENT_GOVERNORS = {"REQUEST", "REJECT", "AGREE", "THREATEN"}
OBLIGATION_MODALS = {"must", "should", "ought"}
FUTURE_MODALS = {"will", "would", "could", "shall", "'ll", "wo"}
SELF_PRONOUNS = {"i", "we", "he", "she", "it"}
NON_EVENT_ENTITIES = {"DATE", "TIME", "PERSON", "ORG", "GPE", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
# "cut the internet as protests spread": an event of its own, with its own actors
CIRCUMSTANCE_PREPS = {"as", "after", "amid", "following", "despite", "before", "since", "over"}
# What an act answers: "protested against the execution of X" (but "recalled envoys for consultations", "apologised
# for the attack": a purpose, or an event told before)
CAUSE_PREPS = {"against"}
ANSWERED_PREPS = SETTING_PREPS | CIRCUMSTANCE_PREPS | CAUSE_PREPS | {"on"}
CONTENT_DEPS = {"xcomp", "ccomp"}
# Words of a labour dispute: "strikes" in their sentence are walkouts
LABOUR_WORDS = {"worker", "union", "teacher", "employee", "staff", "pay", "wage", "salary", "pension", "walkout",
                "doctor", "nurse", "miner", "driver", "docker", "labour", "labor", "trade union", "strike action"}
# "vowed to keep targeting", "would not hesitate to strike": the act the verb only frames
ASPECT_VERBS = {"keep", "continue", "resume", "start", "begin", "hesitate"}
# Texts and debates: an event noun they are "on" is their subject matter ("a resolution on aid to Syria")
TOPIC_HOLDERS = {"resolution", "report", "debate", "bill", "law", "vote", "motion", "statement", "study", "hearing",
                 "inquiry", "article", "book", "paper", "briefing", "conference", "seminar", "guideline", "rule"}
LEAVING_VERBS = {"leave", "depart", "quit", "exit"}  # "ordered the diplomats to leave": an expulsion
DEADLINE_NOUNS = {"hour", "day", "week", "month", "deadline", "ultimatum"}  # "gave the junta a week to ..."
# what a state's strikes do to what they hit ("Russian strikes crippled the grid"): an attack, not a walkout
DAMAGE_VERBS = {"cripple", "destroy", "damage", "flatten", "level", "devastate", "wreck", "kill", "wound", "injure",
                "knock", "hit", "pound", "batter", "raze"}


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


class TriggerFinding(ParseView):
    """Finds and relates the triggers of a sentence."""

    def triggers(self, sent) -> list[Trigger]:
        found: list[Trigger] = []
        for token in sent:
            if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
                # "Fighting between the army and the RSF raged", "two nights of rioting by protesters": a gerund
                # subject, or one after a preposition with no object of its own, names an event as a noun does
                gerund = token.tag_ == "VBG" and (token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "pobj" and
                                                  direct_object(token) is None)
                trigger = (gerund and self._noun_trigger(token)) or self._verb_trigger(token) or \
                    self._modal_request(token) or self._harm_statement(token)
            elif token.pos_ == "NOUN" and token.dep_ != "compound" and token.ent_type_ not in NON_EVENT_ENTITIES and \
                    not any(c.lower_ == "such" for c in token.children):
                # ("the largest such incursion", "the first such exercise": the kind just told, not a new event)
                trigger = self._noun_trigger(token)
                restated = self._noun_trigger(token.head) if trigger and token.dep_ == "appos" else None
                if restated is not None and restated.pattern.outcome.type == trigger.pattern.outcome.type:
                    trigger = None  # "a three-day state visit, his first trip abroad": the visit told again
            else:
                trigger = None
            if trigger:
                found.append(trigger)
        return self._absorb(found)

    def _verb_trigger(self, token: Token) -> Trigger | None:
        for table in (self.lexicon.verbs, self.lexicon.fallback_verbs):
            rules = next((table[form] for form in verb_forms(token) if form in table), None)
            trigger = self._best_rule(token, rules) if rules else None
            if trigger is not None:
                return trigger
        return None

    def _armed_subject(self, verb: Token, types: frozenset[str] | set[str] = ARMED_TYPES) -> bool:
        subject, passive = self._subject(verb)
        agents = self._pobjs(verb, {"by"}) if passive else [subject] if subject is not None else []
        return any(a.actor.type in types for a in self._expand(agents))

    def _arriving_help(self, verb: Token) -> bool:
        """Relief, arms, the vehicles told to carry them ("trucks carrying flour"), or forces (but forces crossing a
        border move in on it: "troops crossed into Gambia")."""
        subject, passive = self._subject(verb)
        if subject is None or passive:
            return False
        cues, phrases = self.lexicon.cues, object_phrases(subject)
        carried = lemma(subject) in cues["help_carriers"] and any(
            c.dep_ in ("acl", "amod") and lemma(c) in cues["carrying_verbs"] for c in subject.children)
        # forces that come for drills or talks ("arrived in Belarus for joint exercises") come for that event
        for_event = any(lemma(o) in self.lexicon.nouns for o in self._pobjs(verb, {"for"}))
        return bool(phrases & cues["arriving_help"]) or carried or (
            lemma(verb) != "cross" and not for_event and bool(phrases & cues["arriving_forces"]))

    @staticmethod
    def _told_to_leave(verb: Token) -> bool:
        """"ordered the diplomats to leave", "gave the diplomats 72 hours to leave the country"."""
        clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
        clauses += [g for c in verb.children if c.dep_ in ("dobj", "obj", "npadvmod") for g in c.children
                    if g.dep_ in ("acl", "relcl")]
        return any(lemma(c) in LEAVING_VERBS for c in clauses)

    @staticmethod
    def _sets_deadline(verb: Token) -> bool:
        """"gave the junta one week to reinstate", "set Iran a deadline to respond": a span of time to do something."""
        spans = [c for c in verb.children if c.dep_ in ("dobj", "obj", "npadvmod", "dative") and
                 lemma(c) in DEADLINE_NOUNS]
        # "gave Moscow until the end of Tuesday to explain": a time given by "until"
        spans += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "until"]
        clauses = [c for c in (*verb.children, *(g for s in spans for g in s.children))
                   if c.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp") and
                   any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
        return bool(spans and clauses)

    def _best_rule(self, token: Token, rules: list) -> Trigger | None:
        best, best_score = None, -1
        obj = direct_object(token)
        if obj is None and is_passive(token):  # "diplomats expelled by the US": the subject was acted on
            obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if obj is None and token.dep_ == "acl" and token.tag_ == "VBN":
            obj = token.head  # "shells fired by Russian troops"
        if obj is None and token.dep_ == "relcl" and not any(
                c.lower_ in ("where", "when", "why", "how") or c.dep_ == "prep" and not list(c.children)
                for c in token.children):
            obj = token.head  # "a port deal Addis Ababa struck with Somaliland": the noun the clause describes
            before = token.doc[token.left_edge.i - 1] if token.left_edge.i > token.head.i + 1 else None
            if before is not None and before.pos_ == "NOUN" and before.head.i < before.i:
                obj = before  # "the biggest case under the law Beijing imposed": the parser hung it on "case"
        if obj is not None:
            obj = through_relative(obj, token)
        # every object a pattern's exceptions are read against ("gave French special forces a month to leave")
        objects = [o for o in [obj, *(c for c in token.children if c.dep_ in ("dobj", "npadvmod", "dative")),
                               *(t for t in (obj.subtree if obj is not None else ()) if t.dep_ == "npadvmod")]
                   if o is not None]
        # "Beijing hit back with levies of its own": answering in kind is what its means are; it is an attack only
        # when aimed at someone ("hit back at Pakistani posts")
        in_kind = has_particle(token, ["back"]) and obj is None and not self._pobjs(token, {"at", "on", "against"})
        for rule in rules:
            pattern = rule.pattern
            score = 0
            if in_kind and not rule.particle and pattern.outcome.type == "ASSAULT":
                continue
            if rule.particle:
                if not has_particle(token, rule.particle.split()):
                    continue
                score += 3
            # "faces trafficking and murder charges": every coordinated object of the verb's own
            rule_objs = [obj, *(obj.conjuncts if obj is not None and obj.head == token else ())]
            if obj is None:  # "ruled out negotiating with Washington": a gerund in the object's place
                rule_objs += [c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
            if pattern.objects and rule.particle:
                # "asked for asylum", "was hit with sanctions", "pulled (the US) out of the deal": the particle's object
                last = rule.particle.split()[-1]
                holders = [token, *(c for c in token.children if c.dep_ in ("prep", "prt"))]
                rule_objs.append(next((o for h in holders for o in self._pobjs(h, {last})), None))
            if pattern.objects:
                told = [c for c in token.children if c.dep_ == "dative"] if "leave_clause" in pattern.requires else []
                if not any(o is not None and object_phrases(o) & pattern.objects for o in [*rule_objs, *told]):
                    continue  # "gave American diplomats 72 hours to leave": whom it is told to
                score += 2
            if pattern.except_objects and any(object_phrases(o) & pattern.except_objects for o in objects):
                continue  # a deadline, not a gift
            if "xcomp" in pattern.requires and not any(c.dep_ in ("xcomp", "ccomp") and any(
                    a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in token.children):
                continue
            if pattern.subjects:  # "the ceasefire took effect": the event is the subject's
                subject, _ = self._subject(token)
                if subject is None or not object_phrases(subject) & pattern.subjects:
                    continue
                score += 2
            if "deadline" in pattern.requires:
                if not self._sets_deadline(token) or \
                        self._told_to_leave(token) != ("leave_clause" in pattern.requires):
                    continue
                score += 2  # a deadline set says more than the giving ("gave Moscow until Tuesday to explain")
            if "earlier_act" in pattern.requires and not self._denies_an_earlier_act(token):
                continue  # "denied shelling the town" is the shelling, negated (context.frame)
            if "leave_clause" in pattern.requires and not self._told_to_leave(token):
                continue  # "ordered the diplomats to leave": an expulsion, not a request
            if "armed_subject" in pattern.requires and not self._armed_subject(token):
                continue  # "troops crossed into Gambia" moves forces; "refugees crossed into Poland" does not
            if "arriving_help" in pattern.requires:
                if not self._arriving_help(token):
                    continue  # "Kenyan police landed in Haiti" helps it; a minister landing in Doha visits
                score += 4  # what arrives says more than the verb's particle ("arrive in" is also a visit)
            if "police_subject" in pattern.requires and not self._armed_subject(token, {"COP"}):
                continue  # "police stormed the embassy" raids it; gunmen storming a studio attack it
            if "object" in pattern.requires and obj is None:
                continue  # "helped Ukraine", not "help defend Saudi Arabia" (the defence is the event)
            if "place_object" in pattern.requires and (obj is None or self.places.place_at(obj) is None or any(
                    c.dep_ == "prep" and c.lower_ == "with" for c in (*token.children, *obj.children))):
                continue  # "leaving Taipei with only 13 allies" leaves it in a state, it does not withdraw
            if "state_object" in pattern.requires:
                if obj is None or not any(a.bare_country for a in self._expand([obj])):
                    continue  # "expelled Russia" (a member state), not "expelled two diplomats"
                score += 2
            if "oprd" in pattern.requires:
                if not any(c.dep_ == "oprd" for c in token.children):
                    continue
                score += 2
            if "as_label" in pattern.requires:
                label = label_of(token)
                if label is None or label.pos_ != "ADJ":
                    # "described the junta as illegitimate"; a noun says what a thing is more often than it blames
                    # ("a firm it described as a front for the group", "described the spread as a pandemic")
                    continue
                score += 2
            if "responsible" in pattern.requires:
                if not any(c.dep_ in ("oprd", "advcl", "ccomp", "acomp", "xcomp") and lemma(c) in
                           self.lexicon.cues["responsibility_words"] for c in token.children):
                    continue  # "held Israel fully responsible": a charge, not a meeting or a vote
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
        if pattern is None or lemma(token) not in self.lexicon.cues["reporting_verbs"]:
            return None
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children) or (
                lemma(clause) in ("have", "need") and any(x.dep_ == "xcomp" for x in clause.children))
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if obliged and subject is not None and subject.lower_ not in SELF_PRONOUNS:
                return Trigger(token, token, pattern, [token], nominal=False)
        return None

    def _harm_statement(self, token: Token) -> Trigger | None:
        """"Trump said Iran would pay a heavy price", "Beijing said it would respond at a time of its choosing":
        saying that someone will suffer or be answered is a threat."""
        pattern = self.lexicon.harm_statement
        if pattern is None or lemma(token) not in self.lexicon.cues["reporting_verbs"]:
            return None
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            future = any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in clause.children)
            if future and self._says_harm(clause):
                return Trigger(token, token, pattern, [token], nominal=False)
        return None

    def _says_harm(self, clause: Token) -> bool:
        """A clause promising harm: a verb of retaliation ("would retaliate", "respond" with no one to answer
        to), or a verb with its harm ("pay a heavy price", "face consequences", "be taught a lesson", "go
        hungry"), as listed in cues.yaml."""
        verb = lemma(clause)
        if verb in ("respond", "react"):
            return not any(c.dep_ == "prep" and c.lower_ == "to" for c in clause.children)
        if verb in self.lexicon.cues["harm_verbs"]:
            return True
        complements = {lemma(c) for c in clause.children if c.dep_ in ("dobj", "obj", "acomp", "dative", "attr")}
        return any(f"{verb} {word}" in self.lexicon.cues["harm_phrases"] for word in complements)

    def _noun_trigger(self, token: Token) -> Trigger | None:
        entries = self.lexicon.nouns.get(lemma(token)) or (self.lexicon.nouns.get(token.lower_) if
                                                            token.tag_ == "VBG" else None)
        if not entries or token.dep_ == "appos" and token.head.pos_ == "NOUN":
            return None  # "a state visit, his first trip abroad", "a hydrogen bomb, its sixth test": a noun renamed
        left = [lemma(c) for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
        best, best_len = None, -1
        of_object = next(iter(self._pobjs(token, {"of"})), None)
        for prefix, pattern in entries:
            if prefix and list(prefix) != left[-len(prefix):]:
                continue
            if pattern.of_objects and (of_object is None or not object_phrases(of_object) & pattern.of_objects):
                continue  # "the suspension of air links": what is suspended makes the event
            if len(prefix) > best_len:
                best, best_len = pattern, len(prefix)
            elif len(prefix) == best_len and {best.outcome.type, pattern.outcome.type} == {"PROTEST", "ASSAULT"}:
                # "strike": a walkout or an attack
                attack = self._military_strike(token)
                best = next(p for p in (best, pattern) if (p.outcome.type == "ASSAULT") == attack)
        if best is None:
            return None
        words = [c for c in token.lefts if c.dep_ in ("compound", "amod") and lemma(c) in
                 {w for noun in best.nouns for w in noun.split()}] + [token]
        anchor = self._light_verb(token)
        if anchor is None and best.needs_light_verb:
            return None
        if anchor is None and token.dep_ == "pobj" and token.head.lower_ in ("on", "about"):
            holder = token.head.head  # the parse may hang "on" on the verb of the text ("vetoed a resolution on")
            holders = [holder, *(c for c in holder.children if c.dep_ in ("dobj", "obj"))]
            if any(lemma(h) in TOPIC_HOLDERS for h in holders):
                return None  # "a resolution on cross-border aid to Syria": what a text is about, no event
        if anchor is not None:
            words = [anchor, *words]
        return Trigger(token, anchor if anchor is not None else token, best, sorted(words, key=lambda t: t.i),
                       nominal=True)

    def _military_strike(self, noun: Token) -> bool:
        """"Russia launched strikes on Kharkiv", "an Israeli strike killed 30" are attacks; "teachers went on
        strike", "workers launched a strike" are walkouts."""
        if noun.head.lower_ == "on" or any(lemma(t) in LABOUR_WORDS for t in noun.sent):
            return False  # "went on strike", "workers walked off the job, launching a strike against carmakers"
        aimed = self._pobjs(noun, {"on", "against"})
        if aimed:  # (but "strikes against the pension reform" are walkouts)
            return not all(lemma(t) in self.lexicon.cues["policy_nouns"] for t in aimed)
        armed_modifier = any(c.dep_ in ("amod", "compound", "poss") and any(
            a.actor.country and (a.bare_country or c.pos_ == "ADJ" or a.actor.type in ARMED_TYPES | {"GOV", None})
            for a in self._expand([c])) for c in noun.children)
        if armed_modifier and (any(c.outcome.type == "ASSAULT" for c in self.recent) or any(
                rule.pattern.outcome.type == "ASSAULT" for t in noun.sent if t != noun
                for rule in self.lexicon.verbs.get(lemma(t), ())) or
                               noun.dep_ == "nsubj" and lemma(noun.head) in DAMAGE_VERBS):
            # "fired missiles at a U.S. base in retaliation for American strikes", "as Russian strikes cripple the
            # power grid"
            return True
        if definite(noun):
            # "... struck more than 60 targets. A spokesman said the strikes would not go unanswered": told before
            told = {c.outcome.type if c.outcome.mode != "strike" else "walkout" for c in self.recent
                    if 0 <= noun.i - c.trigger.token.i <= ANAPHORA_TOKENS}
            if told & {"ASSAULT", "walkout"}:
                return "walkout" not in told
        verb = self._light_verb(noun)
        if verb is not None:
            subject, passive = self._subject(verb)
            actors = self._expand(self._pobjs(verb, {"by"}) if passive else [subject] if subject is not None else [])
            return bool(actors) and (actors[0].bare_country or actors[0].actor.type in ARMED_TYPES | {"GOV"})
        return noun.dep_ == "nsubj" and any(rule.pattern.outcome.type == "ASSAULT"
                                            for rule in self.lexicon.verbs.get(lemma(noun.head), ()))

    def _denies_an_earlier_act(self, verb: Token) -> bool:
        """A denial that names no act of its own: no object, an involvement ("any role in the attack"), an accusation
        ("the charge") or a pronoun; a clause only when it says no more than that ("denied that its troops were
        involved"). "Denied shelling the town" is the shelling, negated (context.frame)."""
        cues = self.lexicon.cues
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
            said = direct_object(clause)
            if not (lemma(clause) == "involve" or any(c.lower_ == "behind" for c in clause.children) or
                    said is not None and lemma(said) in cues["involvement_nouns"]):
                return False
        said = direct_object(verb)
        return said is None or lemma(said) in cues["involvement_nouns"] | cues["denied_references"] or \
            said.lower_ in RELATIVE_PRONOUNS

    def _light_verb(self, noun: Token) -> Token | None:
        """"held talks", "launched air strikes", "went on strike": the verb carries subject, tense and date."""
        head = noun.head
        if noun.dep_ in ("dobj", "obj", "attr", "nsubjpass") and lemma(head) in self.lexicon.light_verbs:
            return head
        if noun.dep_ == "pobj" and head.dep_ in ("prep", "prt") and head.lower_ in ("on", "in", "into") and \
                lemma(head.head) in self.lexicon.light_verbs:
            return head.head  # "went on strike", "engaged in a firefight"; not "offered ... following the invasions"
        # "conducted a campaign of terror", "launched a wave of air strikes"
        if standing(noun) is not noun:
            return self._light_verb(standing(noun))
        # "the tariffs that Trump ordered", "export curbs it imposed in 2019": the clause on the noun carries it
        return next((c for c in noun.children if c.dep_ == "relcl" and lemma(c) in self.lexicon.light_verbs and (
            direct_object(c) is None or direct_object(c).lower_ in ("that", "which")) and not any(
            s.dep_ == "nsubjpass" for s in c.children)), None)

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
                    trig.nominal and not kept.nominal and not kept.specific and lemma(kept.anchor)
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
            elif same_type and not (relation == "advcl" and self._own_subject(trig)) and not (
                    relation == "conj" and self._separate_acts(governor, trig)) or self._elaborates(governor, trig):
                governor.merged.append(trig)  # "raided ... and seized"; but "struck X after Y fired at Z" is two
            elif relation == "argument" and (trig.token.dep_ in ("dobj", "obj") or yielded_to(trig, governor) or
                                             trig.token.head.lower_ in ANSWERED_PREPS):
                # "rejected a call for a ceasefire", "praised X during a visit", "on a visit to Finland, X said"
                trig.governor = governor
                result.append(trig)
            elif relation in ("conj", "advcl", "relcl"):
                result.append(trig)
        return self._fold_stormings(result)

    def _fold_stormings(self, triggers: list[Trigger]) -> list[Trigger]:
        """"Gunmen stormed a school and abducted 300 pupils", "stormed a mall, killing 39 people", "14 people were
        killed when gunmen stormed a hotel", "pupils seized by gunmen who stormed the school": the storming is how
        the people were harmed, one attack on them."""
        result = list(triggers)
        for storm in triggers:
            if storm.nominal or lemma(storm.anchor) not in self.lexicon.cues["storming_verbs"]:
                continue
            harm = next((t for t in [*storm.merged, *result] if t is not storm and self._harms_people(t) and
                         self._storming_of(storm.anchor, t.anchor)), None)
            if harm is None:
                continue
            if harm in result:
                result.remove(harm)
            else:
                storm.merged.remove(harm)
            result[result.index(storm)] = harm
            harm.merged[:0] = [storm, *storm.merged]
            harm.content += storm.content
        return sorted(result, key=lambda t: t.token.i)

    def _harms_people(self, trig: Trigger) -> bool:
        """An attack on persons (killing, shooting, abducting; seizing them, when irregulars do it)."""
        outcome = trig.pattern.outcome if trig.pattern.by_irregulars is None else trig.pattern.by_irregulars
        if outcome.type != "ASSAULT" or outcome.mode == "destroy" or trig.nominal or \
                lemma(trig.anchor) in self.lexicon.cues["storming_verbs"]:
            return False
        verb = trig.anchor
        harmed = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if is_passive(verb) else \
            direct_object(verb)
        return harmed is not None and harmed.ent_type_ not in ("GPE", "LOC", "FAC") and (
            harmed.pos_ == "NUM" or harmed.ent_type_ == "PERSON" or any(c.dep_ == "nummod" for c in harmed.children)
            or bool(self._expand([harmed])))

    @staticmethod
    def _storming_of(storm: Token, harm: Token) -> bool:
        if harm.dep_ in ("conj", "advcl") and harm.head == storm:
            return True  # "stormed a school and abducted pupils", "stormed a mall, killing 39"
        if storm.dep_ == "advcl" and storm.head == harm and is_passive(harm):
            return not any(c.dep_ == "agent" for c in harm.children)  # "were killed when gunmen stormed"
        holder = storm.head  # "were seized by gunmen who stormed the school"
        return storm.dep_ == "relcl" and holder.dep_ == "pobj" and holder.head.dep_ == "agent" and \
            holder.head.head == harm

    def _blame(self, trig: Trigger) -> tuple[Token, Token | None] | None:
        """The act in "accused Baku of shelling the town" or "blamed Moscow for a missile strike"; a label with
        nothing to make it one act ("accused Moscow of military aggression") is the accusation's wording."""
        word = trig.token if trig.nominal and trig.anchor == trig.token else trig.anchor
        one_act = not trig.nominal or word.tag_ == "NNS" or any(
            c.dep_ in ("det", "poss", "nummod") for c in word.children)
        return blamed(word, self.lexicon.cues["blaming_verbs"]) if one_act else None

    def _between(self, trig: Trigger) -> list[Token]:
        """The parties of "talks between Israeli and Hamas negotiators": an event of their own."""
        return self._pobjs(trig.token, {"between"}) if trig.nominal and trig.pattern.reciprocal else []

    def _separate_acts(self, governor: Trigger, trig: Trigger) -> bool:
        """"raided the newsroom and arrested five executives", "expel the envoy and suspend trade": a second material
        act of another kind or on people of its own is an event of its own; "raided the offices and seized
        computers" (things taken in the raid), "condemned and denounced the strike" or "shelled and bombed the city"
        is one event told twice."""
        if trig.pattern.outcome.type in VERBAL_TYPES or governor.nominal or trig.nominal:
            return False
        if governor.anchor.dep_ == "advcl" and governor.anchor.tag_ == trig.anchor.tag_ == "VBG" and \
                trig.pattern.outcome.mode != "abduct":
            # "hit a refinery, setting off a fire and injuring several people": what the one act did (but "killing
            # hundreds and taking dozens of hostages" takes captives besides)
            return False
        objects = [direct_object(t.anchor) for t in (governor, trig)]
        if any(o is None for o in objects) or lemma(objects[0]) == lemma(objects[1]):
            return False
        if governor.pattern.outcome.cameo != trig.pattern.outcome.cameo:
            return True  # "expel the envoy and suspend trade": two kinds of act
        second = objects[1]
        if second.pos_ == "NUM":  # "arrested five of its executives"
            second = next(iter(self._pobjs(second, {"of"})), second)
        return second.ent_type_ == "PERSON" or bool(self._expand([second]))

    @staticmethod
    def _elaborates(governor: Trigger | None, trig: Trigger) -> bool:
        """"Rejected Hamas's proposal, calling its terms delusional", "denied any involvement, calling the accusation
        meaningless": a label given in passing says how the refusal was made, not a new accusation."""
        return governor is not None and (governor.pattern.outcome.type == "REJECT" or governor.pattern.denies) and \
            trig.anchor.dep_ == "advcl" and trig.anchor.head == governor.anchor and trig.anchor.tag_ == "VBG" and \
            trig.pattern.names

    @staticmethod
    def _own_subject(trig: Trigger) -> bool:
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.anchor.children) and not is_passive(trig.anchor)

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
        if anchor.dep_ in CONTENT_DEPS and lemma(head) in ASPECT_VERBS and head.dep_ in CONTENT_DEPS and \
                head.head.i in anchors:
            return anchors[head.head.i], "content"  # "vowed to keep targeting ships": what is vowed
        first = anchor
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first is not anchor and first.dep_ in CONTENT_DEPS and first.head.i in anchors:
            return anchors[first.head.i], "content"  # "agreed to lay down their arms and disband their forces"
        if anchor.dep_ == "advcl" and trig.pattern.imposed_by_place:
            return None, ""  # "extradited him to the United States to face charges": the accusation is another's
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
        if self._blame(trig) is not None:
            return None, ""  # "accused Baku of shelling the town": the act told as the accused's, claimed
        if anchor.dep_ == "pcomp" and head.lower_ in ("of", "into") and head.head.i in anchors:
            return anchors[head.head.i], "content"
        if anchor.dep_ == "pcomp" and head.lower_ == "by" and head.head.i in anchors:
            return anchors[head.head.i], "advcl"  # "blocked the resolution by casting its veto": the means
        if anchor.dep_ in ("conj", "advcl") and head.i in anchors and trig.pattern.outcome.mode == "destroy" and \
                anchors[head.i].pattern.outcome.type == "PROTEST":
            return anchors[head.i], "content"  # "prisoners rioted, setting fire to their mattresses": the riot
        if anchor.dep_ in ("conj", "advcl") and head.i in anchors:
            return anchors[head.i], anchor.dep_
        if anchor.dep_ == "relcl" and head.dep_ == "pobj" and head.head.lower_ == "from" and \
                head.head.head.i in anchors:
            # "drew a rebuke from Tokyo, which called the launch reckless": the rebuke told again
            return anchors[head.head.head.i], "relcl"
        if first is not anchor and first.dep_ == "advcl" and first.tag_ == anchor.tag_ == "VBG" and \
                first.head.i in anchors and trig.pattern.outcome.mode != "abduct":
            return anchors[first.head.i], "advcl"  # "struck a depot, starting a blaze and wounding four guards"
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
                # "called for talks", "agreed to a ceasefire": what is asked or agreed to
                what_is_asked = anchor.dep_ in ("dobj", "obj") or anchor.dep_ == "pobj" and (
                    head.lower_ == "for" or head.lower_ == "to" and gov.pattern.outcome.type == "AGREE")
                if what_is_asked and gov.pattern.outcome.type in CONTENT_GOVERNORS and \
                        trig.pattern.outcome.type not in VERBAL_TYPES - {"CONSULT"}:
                    # "demanded the withdrawal of Serbian forces", "called for peace talks": not (yet) the act
                    return gov, "content"
                return gov, "argument"
        return None, ""


def yielded_to(trig: Trigger, governor: Trigger) -> bool:
    """"bowed to demands from the junta": a demand given in to is an event of its own, made to the one yielding."""
    return trig.token.head.lower_ == "to" and governor.pattern.outcome.type == "CONCEDE"
