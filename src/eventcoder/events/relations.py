"""How the triggers of a sentence relate: the content of another event ("refused to meet" is one REJECT), the
same event told twice or continued ("raided ... and seized", "stormed a school and abducted 300 pupils"), or an
event of its own (a second act, a condition, a means)."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.events.context import VERBAL_TYPES
from eventcoder.events.syntax import SETTING_PREPS, blamed, direct_object, first_conjunct, is_passive, lemma
from eventcoder.events.triggers import OBLIGATION_MODALS, Trigger, TriggerFinding

# Speech acts whose object event has not (yet) happened: what is requested, rejected, promised or threatened.
CONTENT_GOVERNORS = {"REQUEST", "REJECT", "AGREE", "THREATEN"}
# "cut the internet as protests spread": an event of its own, with its own actors
CIRCUMSTANCE_PREPS = {"as", "after", "amid", "following", "despite", "before", "since", "over"}
# What an act answers: "protested against the execution of X" (but "recalled envoys for consultations", "apologised
# for the attack": a purpose, or an event told before)
CAUSE_PREPS = {"against"}
ANSWERED_PREPS = SETTING_PREPS | CIRCUMSTANCE_PREPS | CAUSE_PREPS | {"on"}
CONTENT_DEPS = {"xcomp", "ccomp"}
# "vowed to keep targeting", "would not hesitate to strike": the act the verb only frames
ASPECT_VERBS = {"keep", "continue", "resume", "start", "begin", "hesitate"}
THIRD_PARTY_MODE = "third-party"  # mediation, brokering, hosting others' talks


class TriggerRelations(TriggerFinding):
    """Finds the triggers of a sentence and relates them."""

    def triggers(self, sent) -> list[Trigger]:
        return self._absorb(super().triggers(sent))

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
                    relation == "conj" and (self._separate_acts(governor, trig) or self._other_subject(governor, trig))
            ) or self._elaborates(governor, trig):
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
        if governor.nominal or trig.nominal and (trig.anchor == trig.token or trig.anchor.dep_ != "conj"):
            return False  # (but "suspended its membership and imposed travel bans": a light verb's act of its own)
        direct = [direct_object(t.anchor) for t in (governor, trig)]
        other_kind = governor.pattern.outcome.cameo != trig.pattern.outcome.cameo
        if trig.pattern.outcome.type in VERBAL_TYPES:
            # "condemned the raids and summoned the ambassador": two kinds of act, each on an object of its own
            return other_kind and None not in direct and lemma(direct[0]) != lemma(direct[1])
        if governor.anchor.dep_ == "advcl" and governor.anchor.tag_ == trig.anchor.tag_ == "VBG" and \
                trig.pattern.outcome.mode != "abduct":
            # "hit a refinery, setting off a fire and injuring several people": what the one act did (but "killing
            # hundreds and taking dozens of hostages" takes captives besides)
            return False
        objects = [o or self._patient(t.anchor) for o, t in zip(direct, (governor, trig), strict=True)]
        if any(o is None for o in objects) or lemma(objects[0]) == lemma(objects[1]):
            return False
        if direct[0] is None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.anchor.children):
            return False  # ("the missiles were launched from Iran and struck a base": one strike told in two verbs)
        if other_kind:
            return True  # "expel the envoy and suspend trade": two kinds of act
        second = objects[1]
        if second.pos_ == "NUM":  # "arrested five of its executives"
            second = next(iter(self._pobjs(second, {"of"})), second)
        return second.ent_type_ == "PERSON" or bool(self._expand([second]))

    def _patient(self, verb: Token) -> Token | None:
        """The subject of a passive verb ("Suu Kyi was detained ... and the army declared an emergency"); not a
        pronoun, which may stand for the other act's object ("launched 300 drones ... all of them were shot down")."""
        subject, passive = self._subject(verb)
        return subject if passive and subject is not None and subject.pos_ != "PRON" and not any(
            t.pos_ == "PRON" for t in subject.subtree) else None

    @staticmethod
    def _elaborates(governor: Trigger | None, trig: Trigger) -> bool:
        """"Rejected Hamas's proposal, calling its terms delusional", "denied any involvement, calling the accusation
        meaningless": a label given in passing says how the refusal was made, not a new accusation."""
        return governor is not None and (governor.pattern.outcome.type == "REJECT" or governor.pattern.denies) and \
            trig.anchor.dep_ == "advcl" and trig.anchor.head == governor.anchor and trig.anchor.tag_ == "VBG" and \
            trig.pattern.names

    def _other_subject(self, governor: Trigger, trig: Trigger) -> bool:
        """"Drills the alliance describes as defensive but which Moscow has called a provocation": a conjoined act
        with a subject of its own, another than the first act's, is another party's event."""
        if not self._own_subject(trig):
            return False
        subjects = [self._subject(t.anchor)[0] for t in (governor, trig)]
        return None not in subjects and subjects[1].pos_ != "PRON" and lemma(subjects[0]) != lemma(subjects[1])

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
        first = first_conjunct(anchor)
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
                    if anchors[ancestor.i].pattern.outcome.mode == THIRD_PARTY_MODE != trig.pattern.outcome.mode:
                        return None, ""  # "a deal brokered by China after four days of talks": the talks are the
                        # parties' meeting, not the broker's mediation told again
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
