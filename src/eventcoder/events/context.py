"""How an event is reported: negation, modality and attribution, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventcoder.events.patterns import Lexicon
from eventcoder.events.syntax import blamed
from eventcoder.nlp import sentence_of
from eventcoder.parse_repairs import semicolon_between

# Dependencies through which a clause inherits the reporting frame and the modality of the clause above it.
SETTING_PREPOSITIONS = {"at", "during", "on", "after", "before", "since"}
EMBEDDING_DEPS = {"ccomp", "xcomp", "advcl", "acomp", "pcomp", "conj", "parataxis", "dep", "prep", "pobj", "acl"}
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


@dataclass(frozen=True)
class ReportFrame:
    negated: bool
    modality: str
    reporter: Token | None  # the subject of the reporting verb, or the object of "according to"
    report_verb: Token | None
    denied: bool
    ultimatum: bool = False  # "will boycott the elections unless the president steps down"


def _chain(anchor: Token) -> list[Token]:
    """The anchor and the tokens that govern it, up to the sentence root."""
    chain = [anchor]
    current = anchor
    while current.dep_ in EMBEDDING_DEPS and current.head != current:
        current = current.head
        chain.append(current)
    if current.head == current and current not in chain:
        chain.append(current)
    return chain


def _subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head != verb:
        # "Zelensky put the losses much higher, saying 300 had been killed": the participle's speaker is the
        # clause's subject
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject


def _according_to(anchor: Token) -> Token | None:
    for token in sentence_of(anchor):
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            if to is not None:
                return next((c for c in to.children if c.dep_ == "pobj"), None)
    return None


def frame(anchor: Token, trigger: Token, lexicon: Lexicon) -> ReportFrame:
    cues = lexicon.cues
    chain = _chain(anchor)
    # "would neither accept nor recognise the ruling": both verbs are refused
    paired = [anchor, anchor.head] if anchor.dep_ == "conj" else [anchor]
    negated = any(c.dep_ == "neg" for c in anchor.children) or any(
        c.lower_ in ("neither", "nor") and c.dep_ in ("preconj", "cc", "det") for verb in paired
        for c in verb.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
    reporter = report_verb = None
    denied = False
    planned = hypothetical = proposed = uncertain = ultimatum = False
    for modifier in [*trigger.children, *anchor.children]:
        if modifier.dep_ in ("amod", "compound", "advmod") and modifier.lower_ in cues["doubt_words"]:
            uncertain = True  # "the alleged poisoning", "has reportedly conceded"
        if modifier.dep_ in ("amod", "compound") and modifier.lower_ in cues["planned_modifiers"]:
            planned = True  # "a planned opposition rally"
    negation_reach = True
    told_past = False
    accusation = blamed(trigger if trigger.dep_ in ("pobj", "dobj", "obj") else anchor, cues["blaming_verbs"])
    if accusation is not None:
        # "accused Baku of shelling the town": the act is the accuser's claim
        chain = chain[:1]
        reporter, report_verb = _subject(accusation[0]), accusation[0]
    for depth, token in enumerate(chain):
        lemma = token.lemma_.lower()
        if depth > 0 and chain[depth - 1].dep_ not in ("xcomp", "acomp"):
            negation_reach = False  # "would not sign the bill and offered talks": each conjunct has its own
        children = list(token.children)
        # "would reopen its embassy after Ukraine freed two pilots": a clause told in the past keeps its own time
        told_past = told_past or depth > 0 and chain[depth - 1].dep_ == "advcl" and chain[depth - 1].tag_ == "VBD"
        # a report governs its content clause, not the means of an act ("responded by expelling")
        is_reporting = token.pos_ in ("VERB", "AUX") and lemma in cues["reporting_verbs"] and depth > 0 and (
            chain[depth - 1].dep_ not in ("pcomp", "pobj", "prep", "advcl", "xcomp") or
            lemma == "claim" and chain[depth - 1].dep_ == "xcomp" or  # "claimed to have killed 400 soldiers"
            lemma in cues["denial_verbs"] and chain[depth - 1].tag_ == "VBG") and \
            not semicolon_between(chain[depth - 1], token)  # "denied sending drones"
        if token.pos_ == "NOUN" and lemma in cues["reporting_nouns"] and depth > 0:
            reporter, report_verb = token, token
            break
        for child in children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in cues["future_auxiliaries"] and not told_past:
                planned = True
            if child.dep_ == "aux" and child.lower_ in cues["hypothetical_modals"]:
                # "may have been poisoned" doubts a past event; "could attack" imagines one
                epistemic = any(a.dep_ == "aux" and a.lower_ == "have" and a.i > child.i for a in children)
                hypothetical = hypothetical or not epistemic
                uncertain = uncertain or epistemic
            if child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in cues["condition_markers"] for m in child.children):
                hypothetical = True
                ultimatum = ultimatum or any(m.dep_ == "mark" and m.lower_ == "unless" for m in child.children)
            if depth > 0 and child.dep_ == "neg" and not is_reporting and negation_reach:
                negated = True
            if depth > 0 and token.pos_ == "NOUN" and child.dep_ == "det" and child.lower_ == "no" and \
                    lemma in cues["planning_nouns"]:
                negated = True  # "had no plans to meet Zelensky"
        planning = (token.pos_ == "VERB" and lemma in cues["planning_verbs"]) or (
            token.pos_ == "ADJ" and lemma in cues["planning_adjectives"]) or (
            token.pos_ == "NOUN" and lemma in cues["planning_nouns"])
        # "decided at an emergency meeting to ...": a plan made at a meeting does not make the meeting planned
        setting = depth > 0 and chain[depth - 1].dep_ == "prep" and chain[depth - 1].lower_ in SETTING_PREPOSITIONS
        if depth > 0 and planning and not is_reporting and not setting and not told_past:
            planned = True
        if depth > 0 and lemma in cues["failure_verbs"] and chain[depth - 1].dep_ == "xcomp":
            negated = not negated  # "failed to reach agreement"
        if depth > 1 and (lemma in cues["abstaining_verbs"] and chain[depth - 1].lower_ == "from" or
                          lemma == "stop" and chain[depth - 1].lower_ == "of"):
            negated = not negated  # "stopped short of imposing sanctions", "refrained from naming Russia"
        if depth > 0 and lemma in cues["wish_verbs"] and chain[depth - 1].dep_ == "xcomp" and any(
                c.dep_ in ("dobj", "obj") for c in children):
            hypothetical = True  # "Obama wants Putin to attack": a wish, not Putin's plan
        if depth > 0 and lemma in cues["proposal_words"]:
            proposed = True
        if depth > 0 and lemma in cues["responsibility_words"] and token.dep_ == "oprd":
            reporter, report_verb = _subject(token.head), token.head  # "X holds Y responsible for"
            break
        if depth > 0 and lemma in cues["responsibility_nouns"] and token.dep_ in ("dobj", "obj") and \
                token.head.lemma_.lower() in cues["responsibility_claims"]:
            reporter, report_verb = _subject(token.head), token.head  # "denied responsibility for the attack"
            if token.head.lemma_.lower() in cues["denial_verbs"]:
                denied, negated = True, not negated
            break
        if is_reporting:
            reporter, report_verb = _subject(token), token
            if lemma in cues["denial_verbs"] and anchor.dep_ != "dobj":
                denied = True
                negated = not negated
            break
    if reporter is None:
        root = sentence_of(anchor).root
        according = _according_to(anchor)
        # "eight were killed, according to officials; the party said ...": the clause's own source comes first
        own_source = according is not None and according.head.head.head in chain
        if root.lemma_.lower() in cues["reporting_verbs"] and root != anchor and root not in chain[:1] and \
                not own_source and not semicolon_between(anchor, root):
            reporter, report_verb = _subject(root), root
        elif according is not None:
            reporter, report_verb = according, according
    if proposed:
        modality = "proposed"
    elif hypothetical:
        modality = "hypothetical"
    elif planned:
        modality = "planned"
    elif reporter is not None or uncertain:
        modality = "claimed"
    else:
        modality = "asserted"
    return ReportFrame(negated, modality, reporter, report_verb, denied, ultimatum)
