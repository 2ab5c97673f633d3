"""Trigger finding: the verbs and nouns of patterns.yaml in a sentence (events/relations.py relates them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventcoder.actors.coref import RELATIVE_PRONOUNS
from eventcoder.actors.resolver import ResolvedActor
from eventcoder.events.context import ReportFrame
from eventcoder.events.patterns import Outcome, Pattern
from eventcoder.events.syntax import (
    ANAPHORA_TOKENS,
    ARMED_TYPES,
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

OBLIGATION_MODALS = {"must", "should", "ought"}
FUTURE_MODALS = {"will", "would", "could", "shall", "'ll", "wo"}
SELF_PRONOUNS = {"i", "we", "he", "she", "it"}
NON_EVENT_ENTITIES = {"DATE", "TIME", "PERSON", "ORG", "GPE", "WORK_OF_ART", "LAW", "EVENT", "FAC"}
# Words of a labour dispute: "strikes" in their sentence are walkouts
LABOUR_WORDS = {"worker", "union", "teacher", "employee", "staff", "pay", "wage", "salary", "pension", "walkout",
                "doctor", "nurse", "miner", "driver", "docker", "labour", "labor", "trade union", "strike action"}
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
    """Finds the triggers of a sentence (events/relations.py relates them)."""

    def triggers(self, sent) -> list[Trigger]:
        found: list[Trigger] = []
        for token in sent:
            if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
                # "Fighting between the army and the RSF raged", "two nights of rioting by protesters": a gerund
                # subject, or one after a preposition with no object of its own, names an event as a noun does
                gerund = token.tag_ == "VBG" and (token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "pobj" and
                                                  direct_object(token) is None)
                trigger = (gerund and self._noun_trigger(token)) or self._verb_trigger(token) or \
                    self._modal_request(token) or self._harm_statement(token) or self._verdict_statement(token)
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
        return found

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

    def _gathers_in_protest(self, verb: Token) -> bool:
        """A crowd gathering for a protest's purpose ("gathered to demand his resignation", "gathered ... and
        chanted") or at a seat of power ("gathered outside the courthouse"), not forces massing."""
        cues = self.lexicon.cues
        if self._armed_subject(verb) or any(c.dep_ in ("dobj", "obj") for c in verb.children):
            return False  # "troops massed on the border", "gathered evidence"
        if any(c.dep_ in ("xcomp", "advcl", "conj") and lemma(c) in cues["protest_purposes"] for c in verb.children):
            return True
        places = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(object_phrases(p) & cues["seats_of_power"] for p in places) or any(
            lemma(p) == "protest" for p in places)

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
        """"ordered the diplomats to leave", "gave the diplomats 72 hours to leave the country", "ordered 15 embassy
        employees out of the country"."""
        clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
        clauses += [g for c in verb.children if c.dep_ in ("dobj", "obj", "npadvmod") for g in c.children
                    if g.dep_ in ("acl", "relcl")]
        # "ordered the ambassador out of the country", the parser hanging "out" on the verb or on its object
        heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))]
        return any(lemma(c) in LEAVING_VERBS for c in clauses) or any(
            c.dep_ == "prep" and c.lower_ == "out" and any(g.lower_ == "of" for g in c.children)
            for h in heads for c in h.children)

    @staticmethod
    def _sent_somewhere(verb: Token) -> bool:
        """"ordered troops onto the streets", "ordered 5,600 troops into exercises", "ordered troops there": a place
        the object is sent to (not "ordered troops to withdraw", a clause)."""
        return any(c.dep_ == "prep" and c.lower_ in ("into", "onto", "to", "toward", "towards") and any(
            g.dep_ == "pobj" for g in c.children) or c.dep_ == "advmod" and c.lower_ == "there" for c in verb.children)

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
            if "destination" in pattern.requires and not self._sent_somewhere(token):
                continue  # "ordered troops into Manipur" sends them; "ordered troops to withdraw" asks
            if "leave_clause" in pattern.requires and not self._told_to_leave(token):
                continue  # "ordered the diplomats to leave": an expulsion, not a request
            if "protest_purpose" in pattern.requires and not self._gathers_in_protest(token):
                continue  # "gathered outside the court", not "gathered for the funeral" or "troops massed"
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

    def _verdict_statement(self, token: Token) -> Trigger | None:
        """"Tokyo said the move was regrettable", "Shtayyeh said the decision amounted to collective punishment":
        saying that an act is wrong disapproves of whoever did it."""
        pattern = self.lexicon.verdict_statement
        if pattern is None or lemma(token) not in self.lexicon.cues["reporting_verbs"] or \
                self._judged_act(token) is None:
            return None
        return Trigger(token, token, pattern, [token], nominal=False)

    def _judged_act(self, verb: Token) -> Token | None:
        """The act the clause a verb reports judges wrong ("said the move was regrettable": the move)."""
        return next(filter(None, (self._verdict_on(c) for c in verb.children if c.dep_ == "ccomp")), None)

    def _verdict_on(self, clause: Token) -> Token | None:
        """The act a clause judges wrong: its subject, when the clause is a verdict on it (cues.yaml)."""
        cues = self.lexicon.cues
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        # (an act named by any event noun the patterns know will do, when it is one told: "said the walkout was
        # illegal")
        judged = subject is not None and (lemma(subject) in cues["verdict_subjects"] or lemma(subject) in
                                          self.lexicon.nouns and definite(subject))
        if not judged or any(c.dep_ == "neg" for c in clause.children):
            return None
        if lemma(clause) in cues["verdict_verbs"]:  # (but "breached no resolution")
            return None if any(d.lower_ == "no" for c in clause.children for d in c.children) else subject
        said = [c for c in clause.children if c.dep_ in ("acomp", "attr")]
        return subject if any(lemma(c) in cues["negative_verdicts"] for c in said) else None

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
