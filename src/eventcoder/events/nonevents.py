"""Words that look like an event and are none: a count with no perpetrator, a missile fired at nothing named, a
disaster, a denial, a label, a warning about someone else's violence."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventcoder.actors.coref import RELATIVE_PRONOUNS
from eventcoder.actors.resolver import ResolvedActor
from eventcoder.events.syntax import (
    direct_object,
    is_passive,
    label_of,
    lemma,
    object_phrases,
    standing,
    through_relative,
)
from eventcoder.events.triggers import Trigger
from eventcoder.events.view import ParseView
from eventcoder.nlp import sentence_of

AIMING_VERBS = {"target", "aim", "hit", "strike", "kill", "wound", "destroy", "damage"}  # "a missile targeting youths"
# (rockets alone are mostly fired in anger)
# ("range rocket": "a long-range rocket" as the parser joins it; a rocket alone is the kind fired at a town)
LAUNCHED_WEAPONS = {"missile", "icbm", "long-range rocket", "range rocket", "hydrogen bomb", "nuclear bomb",
                    "atomic bomb", "nuclear device", "warhead", "nuclear warhead"}
SCORE = re.compile(r"\b\d{1,3} ?[-\u2013] ?\d{1,3}\b")  # a match result ("beat Egypt 2-1")
# Verbs that give what they speak of a label with "as" ("condemned the ban as a symbol of repression")
LABELLING_VERBS = {"condemn", "denounce", "describe", "dismiss", "brand", "label", "characterise", "characterize",
                   "criticise", "criticize", "see", "regard", "view", "portray", "hail", "decry", "reject"}
# Attitudes a present-tense relative clause only describes ("protesters who oppose a bill"); acts such as
# "who refuse to meet" stay events
ATTITUDE_VERBS = {"oppose", "support", "back", "favour", "favor", "endorse", "reject"}
SUSPENSE_NOUNS = {"abeyance", "hold", "ice"}
AGGREGATE_COUNT = 100
# Verbs of holding someone, which as a bare participle on a noun describe the person ("prisoners jailed in 2020");
# a sentence passed is told ("an academic sentenced to life in prison in the UAE")
CUSTODY_VERBS = {"jail", "imprison", "detain", "hold", "arrest", "incarcerate"}
# What a measure reaches or aims at ("hit a record", "target interest rates"): no one is attacked.
MEASURES = {"record", "high", "low", "level", "peak", "percent", "rate", "milestone", "price", "inflation"}
# What a policy does to its object is no attack ("sanctions targeting its potash exports", "a package that targets
# LNG trade", "a task force targeting fentanyl traffickers")
POLICY_NOUNS = {"sanction", "package", "measure", "proposal", "law", "bill", "tariff", "duty", "regulation", "rule",
                "decree", "embargo", "restriction", "ban", "task force", "legislation", "resolution", "policy"}


class NonEventFinding(ParseView):
    """Checks that keep a trigger from becoming an event."""

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

    def _aimless_launch(self, trig: Trigger) -> bool:
        """"North Korea fired an intercontinental ballistic missile on Thursday", "detonated a hydrogen bomb": a
        missile fired or a nuclear device set off at nothing named is a weapons test; fired at, on or toward anyone
        (even unnamed: "toward shipping lanes") it is an attack."""
        verb, missile = trig.anchor, direct_object(trig.anchor)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            missile = verb.head  # "condemned a long-range rocket launched by North Korea"
        return (not trig.nominal and verb.dep_ != "relcl" and missile is not None
                and object_phrases(missile) & LAUNCHED_WEAPONS and not self._pobjs(verb, trig.pattern.target_preps)
                and not any(c.dep_ in ("acl", "relcl") and lemma(c) in AIMING_VERBS for c in missile.children))

    def _not_an_event(self, trig: Trigger, targets: list[ResolvedActor]) -> bool:
        """Words that look like an event and are none: dismissing an allegation is a denial ("rejected the
        allegations as baseless"), declining to comment says nothing, "beating" a country is sport or an
        election, and an event noun stopped or called off ("suspended cooperation", "ended peace talks") did not
        take place as that event."""
        cues, anchor, kind = self.lexicon.cues, trig.anchor, trig.pattern.outcome.type
        obj = direct_object(anchor)
        if kind == "REJECT" and obj is not None and lemma(obj) in cues["accusation_nouns"]:
            return True
        if kind in ("REJECT", "ACCUSE") and anchor.dep_ in ("relcl", "acl") and (
                obj is None or obj.lower_ in RELATIVE_PRONOUNS) and lemma(anchor.head) in cues["accusation_nouns"]:
            # "an accusation Tehran rejected", "an account Baku dismissed as disinformation": the denial of what
            # the clause's noun says
            return True
        forecast = next((c for c in anchor.children if c.dep_ == "ccomp"), None) if kind == "THREATEN" and \
            lemma(anchor) in ("warn", "caution") and not trig.content else None
        subject = next((c for c in forecast.children if c.dep_ in ("nsubj", "nsubjpass")), None) if forecast else None
        # (but a warning to someone, or of consequences, threatens: "warned Washington that such actions will not
        # go unanswered", "warned that the move would carry consequences for the group")
        threat = forecast is not None and (self._expand([o for o in [direct_object(anchor)] if o is not None]) or any(
            lemma(t) in cues["retaliation_words"] for t in forecast.subtree))
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and not self._expand([subject]) and not threat:
            return True  # "the IMF warned that high debt would weigh on growth": a forecast, no one's threat
        if kind == "REJECT" and any(c.dep_ == "xcomp" and lemma(c) in cues["comment_verbs"] for c in anchor.children):
            return True
        if kind == "MOBILIZE" and anchor.dep_ == "acl" and anchor.tag_ == "VBN" and not any(
                c.dep_ in ("agent", "nsubj") for c in anchor.children):
            return True  # "French forces stationed in the country": where they are, not a deployment
        if kind in ("SANCTION", "COERCE") and lemma(anchor) in CUSTODY_VERBS and anchor.dep_ == "acl" and \
                anchor.tag_ == "VBN" and not any(c.dep_ == "agent" or c.ent_type_ in ("DATE", "TIME") for c in (
                    *anchor.children, *(g for p in anchor.children if p.dep_ == "prep" for g in p.children))):
            # "pardoned 18 people jailed for protesting": who they are, not a jailing told (but "activists
            # detained in Bangkok last month" tells when)
            return True
        if "responsible" in trig.pattern.requires and anchor.dep_ == "relcl":
            return True  # "sanctioned six officials it holds responsible for the crackdown": who they are to it
        if lemma(anchor) in ATTITUDE_VERBS and (anchor.dep_ == "relcl" and anchor.tag_ in ("VBP", "VBZ") and any(
                c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in anchor.children) or
                anchor.dep_ in ("acl", "amod") and anchor.tag_ in ("VBN", "VBD") and not any(
                    c.dep_ == "agent" for c in anchor.children)):
            return True  # "protesters who oppose a bill", "protesters opposed to tax rises": what they are
        if trig.nominal and anchor != trig.token and any(
                c.dep_ == "prep" and c.lower_ in ("in", "on") and any(lemma(g) in SUSPENSE_NOUNS for g in c.children)
                for c in (*anchor.children, *trig.token.children)):
            return True  # "put a water-sharing treaty in abeyance", "put talks on hold": suspended, not made
        if kind == "REQUEST" and obj is None and any(c.dep_ in ("prt", "advmod") and c.lower_ in
                                                     cues["continuing_particles"] for c in anchor.children):
            return True  # "pressed ahead with deep spending cuts"
        if kind == "AID" and (self._pobjs(anchor, {"against"}) or self._pobjs(trig.token, {"against"})):
            return True  # "using nuclear weapons against Ukraine": arms turned on someone are no aid to them
        if kind == "ASSAULT" and obj is not None and not trig.nominal and (lemma(obj) in MEASURES or any(
                t.lower_ in ("%", "percent") for t in obj.subtree)):
            return True  # "inflation hit a record 10.7 percent", "to target long-term interest rates": a measure
        if kind == "PROTEST" and any(object_phrases(d) & cues["market_words"] for d in (
                *self._doer(anchor), *(c for c in trig.token.children if c.dep_ == "poss"))):
            return True  # "Argentine dollar bonds rallied", "shares extended their rally"
        if kind == "PROTEST" and trig.nominal and self._named_by_past_year(trig.token):
            return True  # "pardoned 18 people convicted over the 2020 protests": the protests are the background
        if kind == "ASSAULT" and trig.nominal and self._attack_supposed(trig.token):
            return True
        if kind == "ASSAULT" and not trig.nominal and any(object_phrases(d) & POLICY_NOUNS
                                                          for d in self._doer(anchor)):
            return True
        if kind == "ASSAULT" and any(lemma(g) in ("air", "sky") for g in self._pobjs(anchor, {"into", "in"})):
            return True  # "fighters fired their guns into the air in celebration": at no one
        if trig.pattern.names and obj is not None and self._own_label(anchor, obj, targets):
            return True
        # (but "described as a response to Hezbollah rocket fire" tells of the fire answered)
        labelled = any(a.dep_ == "prep" and a.lower_ == "as" and lemma(a.head) in LABELLING_VERBS and not any(
            lemma(g) in cues["retaliation_words"] for g in a.children if g.dep_ == "pobj")
            for a in trig.token.ancestors)
        if trig.nominal and anchor == trig.token and labelled:
            return True  # "a ban rights groups condemned as a symbol of the kingdom's repression": a label
        label = self._label(trig) if trig.pattern.names else None
        if label in cues["unblaming_labels"] or label in cues["misfortune_labels"] and any(
                lemma(t) in cues["natural_causes"] for t in anchor.sent):
            return True  # "called the building a legitimate target", "called the floods a tragedy": no one blamed
        if kind == "CONSULT" and targets and all(t.actor.type == "MED" for t in targets):
            return True  # "spoke to reporters at the White House": talking to the press is no consultation
        if trig.pattern.outcome.mode == "visit" and targets and all(t.actor.type in ("REF", "CVL") for t in targets):
            return True  # "the countries hosting them (refugees)": giving shelter is no visit
        if trig.pattern.outcome.mode == "beat" and (any(t.bare_country for t in targets) or SCORE.search(
                self.doc.text[anchor.idx:anchor.sent.end_char])):
            return True  # "Cameroon beat Egypt 2-1": sport
        if trig.pattern.outcome.mode == "access" and anchor.tag_ == "VBG" and anchor.dep_ in ("acl", "advcl"):
            return True  # "a decree allowing women to drive", "granted him asylum, allowing him to leave": what it does
        noun = trig.token
        if trig.nominal and lemma(noun) == "protest" and noun.dep_ == "pobj" and noun.head.lower_ == "in" and (
                noun.head.head.pos_ in ("VERB", "AUX") or noun.i + 1 == len(self.doc) or
                self.doc[noun.i + 1].lower_ not in ("at", "against", "over")):
            # "summoned Russia's ambassador in protest", "recalled its envoy in protest at the deal": why the act was
            # done, not a protest of its own
            return True
        if kind == "PROTEST" and self._held_for(trig):
            return True  # "pardoned 82 prisoners jailed for joining street protests": who they are
        if lemma(anchor) in ("recognise", "recognize") and (anchor.tag_ in ("VBP", "VBZ") or any(
                c.dep_ == "aux" and c.lower_ in ("do", "does") for c in anchor.children) or (
                anchor.dep_ == "acl" and anchor.tag_ == "VBN")):
            return True  # "Moscow, which does not recognise the court", "recognised as leader by 50 states": a stance
        if kind == "CONSULT" and trig.nominal and any(a.lower_ == "for" and lemma(a.head) in ("recall", "summon")
                                                      for a in noun.ancestors):
            return True  # "recalled its ambassador for a week of consultations": why the envoy comes home
        if lemma(noun) in ("summit", "meeting") and trig.nominal and anchor == noun and self._meeting_as_setting(noun):
            return True  # "blocked the aid package at a summit in Brussels": where it happened, not a meeting
        if trig.nominal and noun.dep_ == "pobj" and (noun.head.lower_ == "since" or noun.head.lower_ == "of" and
                                                    lemma(noun.head.head) in cues["commemoration_nouns"]):
            return True  # "the first anniversary of Russia's invasion", "since the invasion": a date, the event told
        held = standing(noun)  # "ending two decades of hostility"
        if trig.nominal and anchor == noun and held.dep_ in ("dobj", "obj", "nsubjpass"):
            stopper = held.head
            return lemma(stopper) in cues["ending_verbs"] or (
                lemma(stopper) in ("call", "break") and any(c.dep_ == "prt" and c.lower_ == "off"
                                                            for c in stopper.children))
        return False

    @staticmethod
    def _held_for(trig: Trigger) -> bool:
        """A protest named as why the people a participle describes are held ("prisoners jailed for protesting",
        "some arrested during the protests"); "police detained 300 people during the protests" tells the protest."""
        for ancestor in list(trig.token.ancestors)[:4]:
            if lemma(ancestor) in CUSTODY_VERBS:
                return ancestor.dep_ == "acl" and ancestor.tag_ == "VBN"
            if ancestor.dep_ not in ("pobj", "pcomp", "prep", "xcomp") and ancestor.pos_ != "ADP":
                return False
        return False

    @staticmethod
    def _own_gathering(trig: Trigger, sources: list[ResolvedActor], targets: list[ResolvedActor]) -> bool:
        """"The central bank's next policy meeting", "his first trip abroad", "its summit": a meeting or a trip
        named only by whose it is, with no other party, is no consultation told; nor are "EU leaders meeting in
        Brussels" or "Meeting in Abuja, ECOWAS ...", where the meeting is only the setting of what they did."""
        if trig.pattern.outcome.type != "CONSULT" or targets:
            return False
        anchor = trig.anchor
        # ("ministers meeting in Cairo imposed", "leaders meeting in Brussels signed": a participle, which the parser
        # may take for a noun or for the main verb, without an auxiliary)
        misread = anchor.lower_ == "meeting" and anchor.dep_ == "nsubj" and any(
            c.dep_ == "compound" for c in anchor.children)
        if trig.nominal and anchor == trig.token and not misread:
            return len(sources) == 1 and sources[0].via == "nominal.possessor"
        setting = misread or anchor.tag_ == "VBG" and (
            anchor.dep_ == "acl" and anchor.head.dep_ in ("nsubj", "nsubjpass") or
            anchor.dep_ == "advcl" and anchor.i == anchor.sent.start or
            anchor.dep_ == "ROOT" and not any(c.dep_ == "aux" for c in anchor.children))
        return setting and not any(c.dep_ in ("dobj", "obj") for c in anchor.children) and not any(
            c.dep_ == "prep" and c.lower_ in ("with", "between") for c in anchor.children)

    def _meeting_as_setting(self, noun: Token) -> bool:
        """A meeting named as the place of another act ("at an EU summit", "on the sidelines of the G20 summit",
        "at a meeting of foreign ministers"); the parties' own meeting is one ("told Trump at their first
        meeting")."""
        preposition = noun.head
        if noun.dep_ != "pobj" or not (preposition.lower_ in ("at", "during") or preposition.lower_ == "of" and
                                       preposition.head.lower_ == "sidelines"):
            return False
        if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children):
            return False
        # "Trump and Kim agreed at a summit in Singapore": the meeting of the two who act at it (but "at an EU summit",
        # "joining NATO at a summit": a body's meeting, where they act)
        host = preposition.head
        if host.tag_ == "VBG" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children):
            return True
        subject = self._subject(host)[0]  # (inherited: "agreed to establish relations at a summit")
        return subject is None or not any(t.dep_ == "conj" for t in subject.subtree)  # ("the presidents of A and B")

    def _label(self, trig: Trigger) -> str | None:
        """The label a naming verb gives: "called the release a constructive step" -> "step", "a turning point"."""
        label = label_of(trig.anchor)
        if label is None:
            return None
        compound = next((c for c in label.children if c.dep_ == "compound"), None)
        return f"{lemma(compound)} {lemma(label)}" if compound is not None else lemma(label)

    def _own_label(self, verb: Token, named: Token, targets: list[ResolvedActor]) -> bool:
        """The actor's own name for its own act: "Azerbaijan launched what it called anti-terrorist operations",
        "Indian jets bombed a camp in what New Delhi called a pre-emptive strike", "Iran fired missiles in what
        Tehran called retaliation", "a U.S. drone strike killed Soleimani, the Pentagon said, calling it a defensive
        action"."""
        namer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        namers = self._expand([namer] if namer is not None else self._active_subject(verb))  # ("..., calling it")
        if named.lower_ == "what" and namer is not None:
            host = verb.head.head if verb.dep_ == "pcomp" else None  # "fired missiles in what Tehran called ..."
            while host is not None and host.pos_ not in ("VERB", "AUX") and host.head != host:
                host = host.head  # (the parser may hang the phrase on a noun of the clause)
            doers = {a.actor.country for a in self._expand(self._active_subject(host))} if host is not None else set()
            return namer.pos_ == "PRON" or bool(targets) and all(
                any(t.actor.country == n.actor.country for n in namers) for t in targets) or any(
                n.actor.country in doers for n in namers)
        return named.lower_ in ("it", "this") and any(
            c.source is not None and sentence_of(c.trigger.token) == verb.sent and c.trigger.token.i < verb.i
            and any(self._same_side(c.source, n) for n in namers) for c in self.recent)

    def _named_by_past_year(self, noun: Token) -> bool:
        """"The 2020 protests", "the 2021 anti-government protests": a past wave named by its year."""
        return self.pub_date is not None and any(
            c.dep_ in ("compound", "nummod", "amod", "nmod") and c.like_num and len(c.text) == 4 and
            c.text.isdigit() and int(c.text) < self.pub_date.year for c in noun.children)

    @staticmethod
    def _attack_supposed(noun: Token) -> bool:
        """An attack supposed, not told: "in the event of military aggression", "should either country come under
        attack", "any attack from Lebanese soil would be answered" (but "denied any attack" is one denied)."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ("event", "case"):
            return True
        clause = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            return False
        supposing = {c.lower_ for c in clause.children if c.dep_ in ("aux", "mark")} & {"should", "if", "would",
                                                                                         "will"}
        return bool(supposing) and (noun.dep_ == "pobj" and noun.head.lower_ == "under" or any(
            c.dep_ == "det" and c.lower_ in ("any", "either") for c in noun.children))

    def _doer(self, verb: Token) -> list[Token]:
        """Who or what does what a verb tells: its subject (through a relative pronoun), the noun a participle
        describes, or, for a gerund clause with no subject, what the clause it hangs on imposed or did."""
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return [verb.head]  # "a task force targeting traffickers"
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
            # "imposed sanctions, targeting its exports"
            return [c for c in verb.head.children if c.dep_ in ("dobj", "obj", "nsubj")]
        return [through_relative(subject, verb) for subject in self._active_subject(verb)]

    def _disaster(self, trig: Trigger) -> bool:
        """What the event happened by is a disaster, not an actor: "an earthquake killed thousands", "killed in
        a helicopter crash", "killed by the crash of MH17", "died when their jet crashed"."""
        verb = trig.anchor
        subject, passive = self._subject(verb)
        if any(c.dep_ == "advcl" and c.lemma_.lower() in self.lexicon.cues["disaster_verbs"] and
               any(m.lower_ in ("when", "as", "after") and m.i < c.i for m in c.subtree) for c in verb.children):
            return True
        if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and \
                verb.head.lemma_.lower() in self.lexicon.cues["disaster_verbs"]:
            return True  # "a ferry capsized on Lake Kivu, killing at least 78 people"
        causes = [] if subject is None or passive else [through_relative(subject, verb)]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            causes += self._reported_antecedent(verb)
        holder = verb.head if verb.dep_ == "acl" else None
        while holder is not None:  # "floods triggered by days of rain killed 14": a disaster is never the victim
            causes.append(holder)
            clause = holder.head.head if holder.dep_ == "pobj" and holder.head.dep_ in ("prep", "agent") else None
            holder = clause.head if clause is not None and clause.dep_ == "acl" else None
        if passive and not any(c.dep_ == "agent" for c in verb.children):
            # "13 people were killed, most of them buried by landslides": the agent told of the victims
            causes += [g for t in verb.subtree if t.dep_ == "agent" for g in t.children if g.dep_ == "pobj"]
        return any(self._is_disaster(c) for c in causes + self._pobjs(verb, {"by", "in"}))

    def _toll_of_fighting(self, trig: Trigger) -> bool:
        """"Clashes that have killed 30 people", "a war that has killed thousands", "99 soldiers were killed as the
        two armies clashed": the dead are the toll of fighting told as an event of its own (or of no one's act),
        not a killing of their own (but "in which 10 soldiers were killed" is coded as often as not)."""
        verb, fighting = trig.anchor, self.lexicon.cues["fighting_words"]
        if trig.nominal or trig.pattern.outcome.type != "ASSAULT" or lemma(verb) in fighting:
            return False
        if is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children):
            return any(c.dep_ == "advcl" and lemma(c) in fighting and any(
                m.dep_ == "mark" and m.lower_ in ("as", "when", "after") for m in c.children) for c in verb.children)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return verb.dep_ == "relcl" and subject is not None and subject.lower_ in RELATIVE_PRONOUNS and (
            lemma(verb.head) in fighting or lemma(standing(verb.head)) in fighting)

    def _reported_antecedent(self, verb: Token) -> list[Token]:
        """"a storm Manila says has killed 2,300 people", "an earthquake officials say killed 8,000": a noun, a
        reporter and a reporting verb, then the verb with no subject of its own (the parser often makes the noun a
        compound of the reporter, so the words are read in order)."""
        i = verb.i - 1
        while i > verb.sent.start and self.doc[i].dep_ in ("aux", "auxpass", "neg"):
            i -= 1
        if lemma(self.doc[i]) not in self.lexicon.cues["reporting_verbs"]:
            return []
        reporter = next((t for t in self.doc[verb.sent.start:i] if t.dep_ == "nsubj" and t.head.i == i), None)
        if reporter is None:
            return []
        before = [self.doc[reporter.left_edge.i - 1]] if reporter.left_edge.i > verb.sent.start else []
        return [t for t in reporter.subtree if t != reporter] + before

    def _is_disaster(self, cause: Token) -> bool:
        if cause.dep_ == "pobj" and cause.head.lower_ == "of" and \
                lemma(cause.head.head) in self.lexicon.cues["natural_causes"]:
            return True  # "the collapse of a railway station canopy that killed 15 people"
        word = lemma(cause)
        if word not in self.lexicon.cues["natural_causes"]:
            # "Hurricane Irma", "Cyclone Freddy": a storm named by its kind
            return cause.pos_ == "PROPN" and any(c.dep_ == "compound" and lemma(c) in self.lexicon.cues[
                "natural_causes"] for c in cause.children)
        if word in self.lexicon.cues["weapon_fire_words"]:
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
