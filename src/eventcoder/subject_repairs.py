"""Repairs of the dependency parse that say who a clause's subject is (run as spaCy components after the parser,
beside the other repairs in parse_repairs.py): subjects listed with commas or joined by "and", names with their
titles, a noun described by a participle, the subject after a fronted phrase."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventcoder.parse_repairs import with_dep


@Language.component("listed_subjects")
def listed_subjects(doc: Doc) -> Doc:
    """"Chad, Cameroon and Gabon announced ...": subjects listed with commas are one coordinated subject, not
    several subjects of the verb."""
    by_verb: dict[int, list[Token]] = {}
    for subject in (doc[i] for i in with_dep(doc, "nsubj")):
        if subject.i < subject.head.i:
            by_verb.setdefault(subject.head.i, []).append(subject)
    for subjects in by_verb.values():
        for first, later in zip(subjects, subjects[1:], strict=False):
            between = [t for t in doc[first.i + 1:later.left_edge.i] if t not in first.subtree or t.text == ","]
            if between and all(t.text == "," for t in between):
                later.head, later.dep_ = first, "conj"
    return doc


NAME_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ"})


@Language.component("paired_names")
def paired_names(doc: Doc) -> Doc:
    """"Colombian President Juan Manuel Santos and FARC commander Rodrigo Londono signed", "U.S. President Donald
    Trump and Russian President Vladimir Putin held talks": two titled names joined by "and" are read as one name
    modifying the last; they are two coordinated phrases. And "President Ilham Aliyev and Prime Minister Nikol
    Pashinyan", read as two subjects of one verb with the "and" left hanging, are one coordinated subject."""
    for cc in (doc[i] for i in with_dep(doc, "cc")):
        first = doc[cc.i - 1] if cc.i else None
        if cc.lower_ != "and" or first is None or first.ent_type_ != "PERSON" or first.pos_ != "PROPN":
            continue
        second = _name_after(doc, cc)
        start = _name_before(doc, cc)
        if second is None or start is None or second.dep_ == "ROOT":
            continue
        if first.head == second.head and first.dep_ == second.dep_ == "nsubj":
            second.head, second.dep_ = first, "conj"  # two subjects and a hanging "and"
            cc.head = first
        elif second in first.ancestors and not any(c.dep_ == "conj" for c in second.children):
            first.head, first.dep_ = second.head, second.dep_
            second.head, second.dep_ = first, "conj"
            cc.head, cc.dep_ = first, "cc"
            for token in [*doc[start:cc.i - 1], *doc[cc.i + 1:second.i]]:
                token.head = first if token.i < cc.i else second
                token.dep_ = "amod" if token.pos_ == "ADJ" else "compound"
    return doc


def _name_before(doc: Doc, cc: Token) -> int | None:
    """Where the titled name ending right before "and" begins, if the words before it are a name and its titles."""
    start = cc.i - 1
    while start > 0 and doc[start - 1].pos_ in NAME_PHRASE_POS | {"PUNCT"} and doc[start - 1].text not in (",", ";") \
            and not doc[start - 1].is_sent_end:
        start -= 1
    return start if all(t.pos_ in NAME_PHRASE_POS or t.text == "." for t in doc[start:cc.i]) else None


def _name_after(doc: Doc, cc: Token) -> Token | None:
    """The last word of the titled name right after "and" ("Russian President Vladimir Putin"), a person's name."""
    end = cc.i + 1
    while end < len(doc) and doc[end].pos_ in NAME_PHRASE_POS:
        end += 1
    last = doc[end - 1] if end - 1 > cc.i else None
    return last if last is not None and last.ent_type_ == "PERSON" and last.pos_ == "PROPN" else None


@Language.component("conjoined_clause_subjects")
def conjoined_clause_subjects(doc: Doc) -> Doc:
    """"Iran released five Americans on Monday and the United States freed five Iranians": a name right before a
    coordinated verb with no subject of its own is that verb's subject, not one more item of the phrase before."""
    for noun in (doc[i] for i in with_dep(doc, "conj")):
        after = noun.right_edge.i + 1
        verb = doc[after] if after < len(doc) else None
        if verb is None or noun.pos_ not in ("PROPN", "NOUN") or verb.dep_ != "conj" or verb.pos_ != "VERB" or \
                verb.tag_ not in ("VBD", "VBZ", "VBP") or noun.head.dep_ in ("nsubj", "nsubjpass") or any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.head.i > noun.i:
            continue
        noun.head, noun.dep_ = verb, "nsubj"
    return doc


@Language.component("participles_after_subjects")
def participles_after_subjects(doc: Doc) -> Doc:
    """"Villagers opposed to the dam stormed the offices": a past participle right after its noun phrase, followed
    with no "and" or comma by a verb in the past, describes the noun; the parser makes the participle the main verb
    and the real one its conjunct (the villagers would oppose and storm)."""
    for sent in doc.sents:
        first = sent.root
        subject = next((c for c in first.children if c.dep_ == "nsubj" and c.i < first.i), None)
        second = next((c for c in first.children if c.dep_ in ("conj", "dep") and c.pos_ == "VERB" and
                       c.tag_ == "VBD" and c.i > first.i), None)
        if first.tag_ not in ("VBN", "VBD") or subject is None or second is None or \
                subject.right_edge.i + 1 != first.i or \
                any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in first.children) or \
                any(t.dep_ == "cc" or t.text in (",", ";") for t in doc[first.i + 1:second.i]):
            continue
        for child in [c for c in first.children if c.i > second.i]:
            child.head = second
        second.head, second.dep_ = second, "ROOT"
        subject.head = second
        first.head, first.dep_ = subject, "acl"
    return doc


@Language.component("participle_subjects")
def participle_subjects(doc: Doc) -> Doc:
    """"West African leaders meeting in Abuja slapped sanctions on Niger", "signed accords normalising relations": a
    noun right before an "-ing" participle is the subject (or the object) of the main verb, the participle describes
    it (the parser makes the participle a gerund subject or a clause with the noun as its own subject, so the
    meeting would slap the sanctions)."""
    for gerund in (doc[i] for i in with_dep(doc, "nsubj", "ccomp")):
        verb = gerund.head
        noun = next((c for c in gerund.children if c.dep_ == "nsubj" and c.right_edge.i + 1 == gerund.i), None)
        if gerund.tag_ != "VBG" or noun is None or noun.pos_ not in ("NOUN", "PROPN") or \
                verb.pos_ not in ("VERB", "AUX"):
            continue
        if gerund.dep_ == "nsubj" and gerund.i < verb.i:
            noun.head, noun.dep_ = verb, "nsubj"
        elif gerund.dep_ == "ccomp" and gerund.i > verb.i and noun.left_edge.i == verb.i + 1 and \
                noun.pos_ == "NOUN" and not any(c.dep_ == "nummod" for c in noun.children) and \
                not any(c.dep_ in ("dobj", "obj") for c in verb.children):
            # "Israel signed accords normalising relations with the UAE": what was signed, described (but "counted
            # 1.28 million people marching", "showed Gonzalez winning": who did what, as counted or shown)
            noun.head, noun.dep_ = verb, "dobj"
        else:
            continue
        gerund.head, gerund.dep_ = noun, "acl"
    return doc


@Language.component("fronted_phrase_subjects")
def fronted_phrase_subjects(doc: Doc) -> Doc:
    """"After four days of talks hosted by Qatar, Armenia and Azerbaijan agreed": the names after the comma that
    closes a fronted phrase are the subject of the verb that follows them, not more items of the phrase's list
    (the parser reads "Qatar, Armenia and Azerbaijan" as one list and leaves the verb with no subject)."""
    for sent in doc.sents:
        verb = sent.root
        before = doc[verb.i - 1] if verb.i > sent.start else None
        if verb.pos_ != "VERB" or before is None or before.dep_ != "conj" or before.pos_ != "PROPN" or any(
                c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        members = [before]
        while members[0].dep_ == "conj" and members[0].head.i < members[0].i:
            members.insert(0, members[0].head)
        comma = next((i for i in range(len(members) - 1, 0, -1)
                      if any(t.text == "," for t in doc[members[i - 1].i + 1:members[i].left_edge.i])), None)
        if comma is None or members[0].i <= sent.start or not any(
                t.text == "," for t in doc[members[comma - 1].i + 1:members[comma].left_edge.i]):
            continue
        subject = members[comma]
        subject.head, subject.dep_ = verb, "nsubj"
        for member in members[comma + 1:]:
            member.head = subject
    return doc
