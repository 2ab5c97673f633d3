"""Repairs of the dependency parse, run as spaCy components after the parser (nlp.py adds them): constructions the
small English model reads wrongly often enough to lose events, claims or quotes ("the schoolgirls his fighters
abducted", "..., the head of the agency said", "slapped asset freezes on"), each set right in one place."""

from __future__ import annotations

from spacy.attrs import DEP
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventcoder.events.patterns import load_lexicon

SENTENCE_END = frozenset({".", "!", "?", "\u2026"})


# Verbs that name their object something ("called the move a coup"): the small model often reads the predicate
# as a second direct object, or the object as a modifier of the predicate ("called the move economic retaliation").
NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "term"})


NP_OPENERS = frozenset({"a", "an", "the", "'", '"', "\u2018", "\u201c"})


QUOTE_CLOSERS = {"'", '"', "\u2019", "\u201d", "\u2018", "\u201c"}


@Language.component("naming_objects")
def naming_objects(doc: Doc) -> Doc:
    """Puts object and predicate of a naming verb back in their places (the predicate becomes `oprd`)."""
    for verb in doc:
        if verb.lemma_.lower() not in NAMING_VERBS or verb.pos_ != "VERB" or \
                any(c.dep_ == "oprd" for c in verb.children):
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if len(objects) == 1 and _relink_clause_naming_noun_before(verb):
            objects[0].dep_ = "oprd"  # "..., a move Israel's foreign minister branded a reward for terrorism"
            continue
        if len(objects) == 2:  # "branded the move a coup"
            objects[1].dep_ = "oprd"
            continue
        if len(objects) != 1:
            continue
        # "called the move politically motivated", "calling the actions dangerous and illegal": an adjective after
        # the object is what it is called
        after = next((c for c in objects[0].rights if c.pos_ == "ADJ" and c.dep_ in ("amod", "acl", "acomp")), None)
        if after is not None:
            after.head, after.dep_ = verb, "oprd"
            continue
        if _relink_quoted_predicate(verb, objects[0]):
            continue
        predicate = objects[0]
        # "called the expulsions 'an unfriendly step'", "called the move economic retaliation": a noun inside the
        # object, set off from its head by an article, a quote mark or an adjective after a definite article
        for inner in (c for c in predicate.lefts if c.dep_ in ("amod", "compound", "poss", "nmod") and
                      c.pos_ in ("NOUN", "PROPN")):
            between = doc[inner.right_edge.i + 1:predicate.i]
            article = doc[inner.left_edge.i - 1] if inner.left_edge.i > verb.i + 1 else None
            definite = any(c.dep_ == "det" for c in inner.children) or (
                article is not None and article.lower_ in ("the", "this", "that") and article.head == predicate)
            if definite and any(t.lower_ in NP_OPENERS or t.pos_ == "ADJ" for t in between):
                if article is not None and article.head == predicate:
                    article.head = inner
                inner.head, inner.dep_, predicate.dep_ = verb, "dobj", "oprd"
            break
    return doc


def _relink_clause_naming_noun_before(verb: Token) -> bool:
    """"recognised a Palestinian state, a move Israel's foreign minister branded a reward for terrorism": a naming
    clause right after an appended noun ("a move", "a decision") names that noun; the parser may read the clause as
    the main verb's content and the label as its object. The clause is made the noun's relative clause; says whether
    the verb names the noun before it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and subject is not None and subject.lower_ not in (
            "that", "which", "who"):
        return True  # "a move Caracas's foreign minister branded an act of aggression": the move is named
    if subject is None or verb.dep_ == "relcl" or subject.left_edge.i < 2:
        return False
    noun = verb.doc[subject.left_edge.i - 1]
    opening = verb.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    if noun.pos_ != "NOUN" or noun.i > verb.i or opening is None or opening.text != "," or \
            not any(c.dep_ == "det" for c in noun.children) or verb in noun.ancestors:
        return False
    verb.head, verb.dep_ = noun, "relcl"
    return True


def _relink_quoted_predicate(verb: Token, obj: Token) -> bool:
    """"branded the protesters who stormed government buildings 'terrorists'": a quoted noun closing a relative
    clause of the object is what the object is called (the parser may read "buildings' terrorists" as a possessive);
    it is hung on the naming verb as its predicate. Says whether it was."""
    doc = verb.doc
    clause = next((c for c in obj.children if c.dep_ in ("relcl", "acl")), None)
    last = clause.right_edge if clause is not None else None
    if last is None or last.pos_ != "NOUN" or last.i + 1 >= len(doc) or doc[last.i + 1].text not in QUOTE_CLOSERS:
        return False
    opening = next((t for t in reversed(doc[clause.i:last.i]) if t.text in QUOTE_CLOSERS), None)
    if opening is None:
        return False
    for child in list(last.children):
        if child.dep_ == "poss" and child.i < opening.i:  # "buildings" goes back to the clause's verb
            child.head, child.dep_ = last.head, "dobj"
    last.head, last.dep_ = verb, "oprd"
    return True


@Language.component("stopped_short")
def stopped_short(doc: Doc) -> Doc:
    """"stopped short of imposing sanctions": the act stopped short of hangs on "stopped" (as in "refrained from
    imposing"), so that the act keeps the clause's subject and its negation."""
    for short in (t for t in doc if t.lower_ == "short" and t.head.lemma_.lower() == "stop"):
        for of in [c for c in short.children if c.dep_ == "prep" and c.lower_ == "of"]:
            of.head = short.head
    return doc


@Language.component("fronted_subjects")
def fronted_subjects(doc: Doc) -> Doc:
    """"Malaysia, as chair of ASEAN, put forward a plan": a name set off from its verb by an aside is often read
    as an adverbial noun, and a subordinate clause's subject as the object of its "after"; a verb with no subject
    of its own takes it back as its subject."""
    for token in doc:
        verb = token.head
        if token.dep_ == "npadvmod" and token.pos_ == "PROPN" and token.i < verb.i and verb.pos_ == "VERB" and \
                token.sent.start == token.left_edge.i and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            token.dep_ = "nsubj"
        # "resigned after the head of the armed forces urged him to step down": the subject read as the object of
        # the clause's own "after"
        mark = token.head
        if token.dep_ == "pobj" and mark.dep_ == "mark" and mark.head.pos_ == "VERB" and mark.head.i > token.i and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in mark.head.children):
            token.head, token.dep_ = mark.head, "nsubj"
    return doc


def with_dep(doc: Doc, *labels: str) -> list[int]:
    """Indices, in order, of the tokens with one of the dependency labels, read from the attribute array: building a
    Token object for every word is what these repairs would otherwise spend their time on."""
    wanted = {doc.vocab.strings[label] for label in labels}
    return [i for i, dep in enumerate(doc.to_array([DEP]).tolist()) if dep in wanted]


# Forms the tagger may read as past tense that are bare verbs too ("would disband and lay down its arms").
BARE_OR_PAST = frozenset({"lay", "let", "set", "put", "cut", "hit", "quit", "shut", "spread", "cast", "bid", "hurt",
                          "read", "shed", "split", "upset"})


@Language.component("finite_conjuncts")
def finite_conjuncts(doc: Doc) -> Doc:
    """"gave the junta a week to reinstate the president and imposed sanctions": a verb in the past tense cannot
    be coordinated with an infinitive; it is coordinated with the finite verb the infinitive depends on. And the
    other way round: "proposed a truce under which both would withdraw ..., let convoys pass and allow repairs":
    a bare verb after a finite one is coordinated with the bare verb between them ("would withdraw")."""
    for token in (doc[i] for i in with_dep(doc, "conj")):
        head = token.head
        # "let" may be read as a past tense: a later conjunct in the bare form says the list is of bare verbs
        bare_form = token.tag_ == "VB" or any(c.dep_ == "conj" and c.tag_ == "VB" for c in token.children)
        if bare_form and head.tag_ in ("VBD", "VBZ", "VBP"):
            bare = [t for t in doc[head.i + 1:token.i] if t.tag_ == "VB" and head in t.ancestors and any(
                c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in t.children)]
            if bare:
                token.head = bare[-1]
            continue
        # "said Kyiv was holding 300 soldiers captured there and called the number inflated": nor with a participle
        # describing a noun
        participle = head.tag_ == "VBN" and head.dep_ == "acl"
        # (nor with a bare verb after a modal: "warning that they could resort to force, and slapped sanctions")
        infinitive = head.tag_ == "VB" and any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD")
                                               for c in head.children)
        gerund = head.tag_ == "VBG" and head.dep_ == "advcl"  # ("..., warning that it could use force, and imposed")
        if token.tag_ != "VBD" or not (participle or infinitive or gerund) or token.lower_ in BARE_OR_PAST or any(
                c.dep_ == "mark" for c in token.children):
            continue
        finite = next((a for a in head.ancestors if a.tag_ in ("VBD", "VBZ", "VBP")), None)
        if finite is not None and finite.i < token.i:
            token.head = finite
    return doc


@Language.component("rootless_sentences")
def rootless_sentences(doc: Doc) -> Doc:
    """"Hundreds of students protested in Dhaka", "Soldiers and armoured vehicles massed in front of the palace": a
    full sentence whose root came out as a noun, with the verb as a participle describing it, is read as what it
    is: the noun is the subject of the verb (a participle with a "by" agent stays a reduced passive)."""
    for root in [doc[i] for i in with_dep(doc, "ROOT") if doc[i].pos_ in ("NOUN", "PROPN")]:
        sentence = root.sent
        if sentence.root != root or sentence[-1].text not in SENTENCE_END:
            continue
        verb = next((c for c in root.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")), None)
        if verb is None or any(c.dep_ in ("agent", "aux", "auxpass") for c in verb.children):
            continue
        for token in sentence:
            if token.head == root and token.dep_ in ("punct",) and token.i > verb.i:
                token.head = verb
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        root.head, root.dep_ = verb, "nsubj"
    return doc


@Language.component("clauses_before_semicolons")
def clauses_before_semicolons(doc: Doc) -> Doc:
    """"X said 30 people had been shot dead by police; police acknowledged three deaths": a clause before a
    semicolon is not the content of the verb after it; it belongs to the verb the later clause hangs from, or leads
    the sentence when that verb is its root."""
    if ";" not in doc.text:
        return doc
    for token in (doc[i] for i in with_dep(doc, "ccomp")):
        head = token.head
        if not semicolon_between(token, head):
            continue
        if head.head != head:
            token.head = head.head
        else:  # "Tehran blamed Israel ...; the military declined to comment": the first clause leads the sentence
            token.head, token.dep_ = token, "ROOT"
            head.head, head.dep_ = token, "parataxis"
    return doc


def semicolon_between(clause: Token, verb: Token) -> bool:
    """A semicolon between a clause and a later verb: the verb does not govern or report the clause ("eight were
    killed, according to officials; the party said its losses were higher")."""
    return clause.i < verb.i and any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1:verb.i])


@Language.component("reduced_relatives")
def reduced_relatives(doc: Doc) -> Doc:
    """"freed the hostages the rebels abducted in May": a noun phrase right after another, followed by a past
    verb with no subject or object of its own, is a relative clause with that phrase as its subject (the parser
    reads a second object of the main verb described by a passive participle)."""
    for second in (doc[i] for i in with_dep(doc, "dobj")):
        start = second.left_edge.i
        first = doc[start - 1] if start else None
        clause = doc[second.i + 1] if second.i + 1 < len(doc) else None
        if first is None or clause is None or first.pos_ not in ("NOUN", "PROPN") or first.right_edge != first or \
                first.dep_ not in ("dobj", "pobj") or second.head not in first.ancestors or \
                clause.head != second or clause.dep_ != "acl" or clause.tag_ not in ("VBD", "VBN") or any(
                    c.dep_ in ("dobj", "nsubj", "nsubjpass", "agent", "aux", "auxpass") for c in clause.children):
            continue
        clause.head, clause.dep_, clause.tag_ = first, "relcl", "VBD"
        second.head, second.dep_ = clause, "nsubj"
    return doc


REPORTING_LEMMAS = {"say", "tell", "report", "announce", "add", "confirm", "state", "write", "claim"}


@Language.component("trailing_reporters")
def trailing_reporters(doc: Doc) -> Doc:
    """"Iran has agreed to ..., the head of the agency said on Saturday": the speaker set off by a comma before a
    reporting verb with no subject of its own is its subject (the parser reads it as an apposition of the noun
    before the comma)."""
    for verb in [t for t in doc if t.pos_ == "VERB" and t.lemma_.lower() in REPORTING_LEMMAS and t.i > 1]:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        speaker = doc[verb.i - 1]
        while speaker.head.i < verb.i and speaker.dep_ not in ("appos", "ROOT") and speaker.head != speaker:
            speaker = speaker.head
        if speaker.dep_ != "appos" or speaker.right_edge.i != verb.i - 1 or speaker.pos_ not in ("NOUN", "PROPN") or \
                doc[speaker.left_edge.i - 1].text != "," or verb in speaker.ancestors:
            continue
        speaker.head, speaker.dep_ = verb, "nsubj"
    for verb in [t for t in doc if t.lemma_.lower() in REPORTING_LEMMAS and t.pos_ == "VERB"]:
        _object_read_as_reporter(doc, verb)
        _report_read_as_conjunct(doc, verb)
    return doc


def _report_read_as_conjunct(doc: Doc, verb: Token) -> None:
    """"Iran has sent 400 drones to Russia, Ukraine's foreign minister said": a report after a comma, with a subject
    of its own and nothing reported, read as a second act of the sentence, is the report of the first."""
    content = verb.head
    if verb.dep_ != "conj" or content.dep_ != "ROOT" or doc[verb.left_edge.i - 1].text != "," or \
            not any(c.dep_ == "nsubj" for c in verb.children) or \
            any(c.dep_ in ("ccomp", "dobj", "obj", "xcomp") for c in verb.children) or \
            any(t.dep_ == "cc" and t.head == content for t in doc[content.i:verb.i]):
        return
    verb.head, verb.dep_ = verb, "ROOT"
    content.head, content.dep_ = verb, "ccomp"


def _object_read_as_reporter(doc: Doc, verb: Token) -> None:
    """"Russia has massed 100,000 troops near the border, NATO's chief said": the parser may make the object the
    reporting verb's subject and the speaker its apposition (and even the report the content of the act); the object
    goes back to the act and the report is set over it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i:
        content = verb.head
    else:
        content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if content is None or subject is None or not content.i < subject.i < verb.i or \
            any(c.dep_ in ("dobj", "obj") for c in content.children):
        return
    # (the speaker hangs as an apposition on whatever noun stands before its comma)
    speaker = next((t for t in doc[subject.i:verb.i] if t.dep_ == "appos" and t.right_edge.i == verb.i - 1 and
                    doc[t.left_edge.i - 1].text == ","), None)
    if speaker is None:
        return
    speaker.head, speaker.dep_ = verb, "nsubj"
    subject.head, subject.dep_ = content, "dobj"
    if content.head == verb:
        return
    verb.head, verb.dep_ = verb, "ROOT"
    content.head, content.dep_ = verb, "ccomp"


ADDRESSING_VERBS = {"accuse", "blame", "urge", "warn", "ask", "condemn", "criticise", "criticize", "praise", "thank"}


@Language.component("verbs_read_as_modifiers")
def verbs_read_as_modifiers(doc: Doc) -> Doc:
    """"put the number at 300,000 and accused aid agencies of ...": a past verb right after "and", read as an
    adjective of the noun after it (itself read as one more object), is a verb coordinated with the clause's verb,
    and the noun its object."""
    for verb in [t for t in doc if t.pos_ == "VERB" and t.dep_ == "amod" and t.i > 0 and (
            t.tag_ == "VBD" or t.lemma_.lower() in ADDRESSING_VERBS)]:  # ("and wounded soldiers" is an adjective)
        noun = verb.head
        first = noun
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        governor = first.head
        if doc[verb.i - 1].lower_ != "and" or noun.dep_ != "conj" or noun.i <= verb.i or first is noun or \
                first.dep_ not in ("dobj", "obj", "pobj") or governor.pos_ not in ("VERB", "ADP"):
            continue
        while governor.pos_ != "VERB" and governor.head != governor:
            governor = governor.head  # (the list may sit under a preposition of the verb)
        if governor.pos_ != "VERB":
            continue
        verb.head, verb.dep_ = governor, "conj"
        noun.head, noun.dep_ = verb, "dobj"
        doc[verb.i - 1].head = governor
    return doc


# Verbs whose object is a measure taken ("imposed asset freezes"): after them "asset freezes" is a noun, not a clause
MEASURE_TAKING_VERBS = {"impose", "slap", "announce", "lift", "extend", "introduce", "adopt", "approve", "order",
                        "unveil", "ease", "tighten", "expand", "propose", "threaten", "renew", "remove", "agree"}


@Language.component("measure_nouns")
def measure_nouns(doc: Doc) -> Doc:
    """"slapped asset freezes and travel bans on Russian officials": a bare noun and a plural read as a subject and
    its verb ("asset" freezes) right after a verb that takes measures are one noun, the verb's object."""
    for noun in [t for t in doc if t.tag_ == "VBZ" and t.pos_ == "VERB" and t.i > 0]:
        modifier, governor = doc[noun.i - 1], noun.head
        if modifier.tag_ != "NN" or list(modifier.children) or governor.i > noun.i or \
                governor.lemma_.lower() not in MEASURE_TAKING_VERBS or noun.dep_ not in ("ccomp", "dobj", "conj") or \
                any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "aux") for c in noun.children):
            continue
        subject = modifier if modifier.dep_ == "nsubj" and modifier.head == noun else modifier.head if \
            modifier.dep_ == "conj" and modifier.head.dep_ == "nsubj" and modifier.head.head == noun else None
        if subject is None:
            continue
        role = "dobj" if noun.dep_ in ("ccomp", "dobj") else noun.dep_
        noun.pos_, noun.tag_ = "NOUN", "NNS"
        if subject is modifier:  # "slapped asset freezes"
            noun.dep_ = role
        else:  # "imposed travel bans and asset freezes": the subject and its conjunct are the objects
            subject.head, subject.dep_ = governor, role
            noun.head, noun.dep_ = subject, "conj"
        modifier.head, modifier.dep_ = noun, "compound"
    return doc


# Verbs whose object is said to be something "as" something: "described the review he obtained as a safeguard"
AS_COMPLEMENT_VERBS = {"describe", "regard", "see", "view", "brand", "dismiss", "denounce", "label", "characterise",
                       "characterize", "portray", "reject", "hail", "treat", "present", "praise", "condemn", "welcome",
                       "criticise", "criticize", "depict", "cast", "count", "designate", "list", "classify"}


@Language.component("as_complements")
def as_complements(doc: Doc) -> Doc:
    """"described the annual review he obtained as a safeguard": "as" after a relative clause inside the object of
    a describing verb belongs to that verb, not to the clause (the parser hangs it on the nearest verb)."""
    for prep in (t for t in doc if t.lower_ == "as" and t.dep_ == "prep"):
        clause = prep.head
        obj = clause.head
        verb = obj.head
        if clause.dep_ in ("relcl", "acl") and obj.dep_ in ("dobj", "obj") and verb.pos_ == "VERB" and \
                verb.lemma_.lower() in AS_COMPLEMENT_VERBS and not any(
                    c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
            prep.head = verb
    return doc


@Language.component("denied_summaries")
def denied_summaries(doc: Doc) -> Doc:
    """"Congo accused Rwanda of supplying the rebels, an allegation Kigali has denied": the noun after the comma sums
    up the clause before it and the denial is a relative clause on that noun; the parser often makes the denial the
    sentence's root, with the claim as its content and the noun as its object or as an apposition in the claim."""
    cues = load_lexicon().cues
    for denial in (doc[i] for i in with_dep(doc, "ROOT")):
        claim = next((c for c in denial.lefts if c.dep_ == "ccomp"), None)
        if denial.lemma_.lower() not in cues["denial_verbs"] or claim is None:
            continue
        summary = next((t for t in reversed(doc[claim.i:denial.i]) if t.lemma_.lower() in cues["accusation_nouns"]
                        and t.pos_ == "NOUN" and (t.head == denial or t in claim.subtree)), None)
        if summary is None or summary.left_edge.i == 0 or doc[summary.left_edge.i - 1].text != ",":
            continue
        between = doc[summary.i + 1:denial.i]
        subject = next((c for c in denial.lefts if c.dep_ == "nsubj" and c.i > summary.i), None) or next(
            (t for t in between if t.pos_ in ("NOUN", "PROPN") and t.head.i not in range(summary.i + 1, denial.i)),
            None)
        if subject is None:
            continue
        for token in (*denial.rights, *(t for t in denial.lefts if t.dep_ == "punct")):
            if token.dep_ == "punct":
                token.head = claim
        claim.head, claim.dep_ = claim, "ROOT"
        summary.head, summary.dep_ = claim, "npadvmod"
        subject.head, subject.dep_ = denial, "nsubj"
        denial.head, denial.dep_ = summary, "relcl"
    return doc


def _root(token: Token) -> Token:
    for _ in range(len(token.doc)):  # (bounded: a tree another repair left cyclic must not hang)
        if token.head == token:
            break
        token = token.head
    return token


# Nouns that sum up the clause before them: "recognised a Palestinian state, a step Israel denounced".
SUMMING_NOUNS = frozenset({"step", "move", "decision", "measure", "action", "gesture"})


@Language.component("judged_summaries")
def judged_summaries(doc: Doc) -> Doc:
    """"Spain and Norway recognised a Palestinian state, a step Israel's foreign minister, Israel Katz, denounced as
    a reward for terrorism": the clause after a summing noun is a relative clause on it, with the phrase between them
    as its subject; after a speaker named twice the parser reads the verb as a second act of the sentence (the noun
    its adverb) or as a participle on the name."""
    for summary in (doc[i] for i in with_dep(doc, "npadvmod", "dobj", "appos")):
        if summary.lemma_.lower() not in SUMMING_NOUNS or summary.left_edge.i == 0 or \
                doc[summary.left_edge.i - 1].text != "," or \
                not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in summary.children):
            continue
        verb = next((t for t in doc[summary.i + 1:summary.i + 14] if t.pos_ == "VERB"), None)
        if verb is None or verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("conj", "acl") or any(
                c.dep_ in ("dobj", "obj", "ccomp", "xcomp", "nsubjpass", "agent") for c in verb.children):
            continue
        between = range(summary.i + 1, verb.i)
        tops = [t for t in doc[summary.i + 1:verb.i] if t.head.i not in between and t.dep_ != "punct"]
        if len(tops) != 1 or tops[0].pos_ not in ("NOUN", "PROPN") or tops[0].head not in (verb, summary):
            continue
        subject = tops[0]
        # (one sentence, and no cycle: neither the verb nor its new subject may govern the noun)
        if _root(verb) != _root(summary) or summary.head != verb and (
                verb in summary.ancestors or subject in summary.ancestors):
            continue
        if summary.head == verb:
            if verb.dep_ != "conj":
                continue
            summary.head = verb.head
        verb.head, verb.dep_, verb.tag_ = summary, "relcl", "VBD"
        subject.head, subject.dep_ = verb, "nsubj"
    return doc


SPEECH_ACTS = ADDRESSING_VERBS | {"call", "demand", "appeal", "request", "vow", "pledge", "promise", "threaten"}


@Language.component("speech_acts_after_reports")
def speech_acts_after_reports(doc: Doc) -> Doc:
    """"Armenia said Azerbaijani forces had shelled its towns and asked Russia to invoke the treaty": a speech act
    with no subject of its own, coordinated with the content of a report, is the reporter's next act (the parser
    hangs it on the content clause, making the shelling forces ask)."""
    for act in (doc[i] for i in with_dep(doc, "conj")):
        content = act.head
        if act.pos_ != "VERB" or act.lemma_.lower() not in SPEECH_ACTS or act.tag_ == "VBG" or \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in act.children) or content.dep_ != "ccomp" or \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in content.children):
            continue
        report = content.head
        if report.lemma_.lower() in REPORTING_LEMMAS and report.i < content.i < act.i:
            act.head = report
    return doc


@Language.component("participles_after_relatives")
def participles_after_relatives(doc: Doc) -> Doc:
    """"killed 312 soldiers, a figure the army rejected, saying its own losses were fewer than 40": a participle right
    after a relative clause with a subject of its own goes on with that clause (the parser hangs it on the main verb,
    making the killers say it)."""
    for participle in (doc[i] for i in with_dep(doc, "advcl")):
        if participle.tag_ != "VBG" or participle.i < 2 or doc[participle.i - 1].text != ",":
            continue
        clause = doc[participle.i - 2]
        if clause.dep_ == "relcl" and participle.head.i < clause.i and clause.head != participle.head and any(
                c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who") for c in clause.children):
            participle.head = clause
    return doc


@Language.component("listed_complements")
def listed_complements(doc: Doc) -> Doc:
    """"drew condemnation from the African Union, ECOWAS and Washington", "warships from Russia, China and Iran": the
    names after the first in a list that fills a preposition go on with it (the parser hangs them on the noun before
    the preposition, as if the condemnation and ECOWAS were two things)."""
    for name in (doc[i] for i in with_dep(doc, "conj")):
        noun = name.head
        if name.pos_ != "PROPN" or noun.pos_ != "NOUN" or name.ent_type_ == "PERSON" or doc[name.i - 1].text != ",":
            continue
        first = next((g for p in noun.children if p.dep_ == "prep" and p.i < name.i for g in p.children
                      if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ != "PERSON"), None)
        if first is not None and not any(c.dep_ == "conj" for c in first.children):
            for member in [name, *(c for c in noun.children if c.dep_ in ("cc", "punct") and first.i < c.i < name.i)]:
                member.head = first
    return doc
