"""What the parse says about one figure: where the figures of a text are, the value a number's words give, and
the phrases around a figure that say whose count it is or that it is a part of another (claims.py puts them
together into claims)."""

from __future__ import annotations

import re

from spacy.attrs import DEP, LIKE_NUM
from spacy.tokens import Doc, Span, Token

from eventcoder.claim_words import (
    ATTENDANCE,
    BARE_COUNTS,
    COUNT_NOUNS,
    ESTIMATE_VERBS,
    ESTIMATES,
    FIGURE_VERBS,
    GIVING_VERBS,
    RATE_QUALIFIERS,
    RECORDING_VERBS,
    SCALES,
    SMALL_NUMBERS,
    TENS,
)
from eventcoder.nlp import sentence_of


def token_lemma(token: Token) -> str:
    return token.lemma_.lower()


def clause_verb(token: Token) -> Token:
    """The verb of the clause a token stands in ("an estimated 50,000 people had joined": the participle modifying
    a figure is no clause of its own)."""
    while (token.pos_ not in ("VERB", "AUX") or token.dep_ == "amod") and token.head != token:
        token = token.head
    return token


def figure_subject(verb: Token, pronouns: bool = False) -> Token | None:
    """The noun a figure verb gives the value of ("losses were more than 200", "the toll stood at 300")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    kinds = ("NOUN", "PROPN", "PRON") if pronouns else ("NOUN", "PROPN")
    return subject if subject is not None and subject.pos_ in kinds else None


def given_at(number: Token) -> bool:
    """"puts the number killed at about 900", "the toll rose to 40": a figure the tagger may leave untagged."""
    preposition = number.head
    verb, _ = verb_given_with(preposition)
    return preposition.lower_ in ("at", "to") and token_lemma(verb) in ESTIMATE_VERBS | FIGURE_VERBS


def verb_given_with(preposition: Token) -> tuple[Token, Token | None]:
    """The verb an "at"/"to" figure is given with, and the object it is given for when the parser hung the
    preposition on a word inside that object ("put the number killed in the clashes at 46", "raised its estimate
    of people who have fled to 400,000", "raised its count of confirmed dead to 3,958")."""
    verb = inside = preposition.head
    # a verb that gives figures keeps its "at"/"to" ("put the cost at"), unless it has an object of its own ("the
    # number of refugees who have reached Chad ... to 780,000")
    while not _gives_figures(inside) and inside.dep_ in ("acl", "relcl", "pobj", "prep") and inside.head != inside:
        inside = inside.head
    if inside is not verb and inside.dep_ in ("dobj", "obj"):
        return inside.head, inside
    if inside is not verb and inside.pos_ == "VERB" and _gives_figures(inside):
        # "put junta losses over the same period at more than 400": "at" hung on the period
        return inside, next((c for c in inside.children if c.dep_ in ("dobj", "obj")), None)
    return verb, None


def estimated_again(span: Span) -> bool:
    """"estimated the force at 30,000", "put the toll for the same period at 1,100": a figure given for a definite
    thing with no owner of its own is a new figure for the thing counted just before."""
    root = span.root
    while root.dep_ in ("nummod", "quantmod") and root.head != root:  # "at 30,000 to 35,000 soldiers"
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in ("at", "to") or token_lemma(root.head.head) not in ESTIMATE_VERBS:
        return False
    given = next((c for c in root.head.head.children if c.dep_ in ("dobj", "obj")), None)
    return given is not None and given.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in given.children) and not any(
        c.dep_ in ("poss", "amod", "compound") for c in given.children)


def restated_count(span: Span) -> Token | None:
    """"put North Korean losses much higher, saying 300 had been killed": the count a figure in a participle's
    report restates (the object of the verb the participle hangs on), whose side it keeps."""
    verb = next((a for a in span.root.ancestors if a.tag_ == "VBG" and a.dep_ == "advcl"), None)
    given = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None) if verb is not None else None
    return given if given is not None and token_lemma(given) in COUNT_NOUNS | BARE_COUNTS else None


def period_start(ent: Span) -> bool:
    """"driven 400,000 from their homes since January": the count runs to the report's day, January only opens it."""
    return ent.text.lower().startswith("since ") or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "since")


def in_since_clause(ent: Span) -> bool:
    """"since the ban took effect in July": a date inside a clause that "since" opens."""
    return any(a.dep_ == "advcl" and any(c.dep_ in ("mark", "prep") and c.lower_ == "since" for c in a.children)
               for a in ent.root.ancestors)


def own_side(span: Span) -> bool:
    """"41 deaths on their side", "losses on its own side": the stater counts its own."""
    after = span.doc[span.end:min(span.end + 6, sentence_of(span[0]).end)].text.lower()
    return re.match(r"(?:\w+\s+){0,2}on (?:its|their|our) (?:own )?side\b", after) is not None


def of_them(span: Span) -> bool:
    """"put the number at 174, at least 103 of them killed by gunfire": a part of the figure just given (but
    "five of them soldiers" names a count of its own, and with no figure before it in the sentence, "300 of them
    had been killed" counts the dead among people named before)."""
    after = span.doc[span.end:span.end + 3]
    sentence = sentence_of(span[0])
    given_before = any(t.like_num for t in span.doc[sentence.start:span.start])
    if not given_before and len(after) >= 2 and after[1].lower_ == "those" and sentence.start > 0:
        # "Belarus freed 31 prisoners. Viasna said only 16 of those released were ...": the count told just before
        given_before = any(t.like_num for t in span.doc[sentence.start - 1].sent)
    return given_before and len(after) >= 2 and after[0].lower_ == "of" and \
        after[1].lower_ in ("them", "those", "whom") and not (len(after) == 3 and after[2].pos_ in ("NOUN", "PROPN"))


LOOSE_BOUNDS = {"some", "about", "around", "nearly", "almost", "roughly", "approximately", "over"}


def included(span: Span) -> bool:
    """"shot down 41 drones, including 12 approaching Moscow", "Of the aircraft, 45 crossed the median line",
    "among them 60 soldiers": a part of a count given just before."""
    start = span.start
    while start > 0 and span.doc[start - 1].lower_ in LOOSE_BOUNDS:  # "among them some 600 children"
        start -= 1
    before = span.doc[max(start - 2, 0):start].text.lower()
    if before.endswith(("including", "among them", "of whom", "of which", "among whom")):
        return True
    after = span.doc[span.end:min(span.end + 8, sentence_of(span[0]).end)].text.lower()
    if re.search(r"\b(?:were|was|are|is) among the\b", after):
        return True  # "11 of its civilian auxiliaries were among the dead"
    opening = span.doc[sentence_of(span[0]).start:span.start]
    return len(opening) >= 3 and opening[0].lower_ == "of" and opening[1].lower_ in ("the", "these", "those") and \
        opening[-1].text == ","


def first_batch(span: Span) -> bool:
    """"The first 400 Kenyan police officers landed": an instalment of a total, no count of its own."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in ("first", "initial") or span.text.lower().startswith(("first ", "initial "))


def written_as_percent(span: Span) -> bool:
    """"61.3%", "54 percent": a share by its own words (the tagger's PERCENT label aside)."""
    return "%" in span.text or "percent" in span.text.lower()


def part_of_earlier(span: Span, counted: Token | None) -> bool:
    """"40 of the drones": a part of a count given before (the definite noun refers back to it); "46 of its
    soldiers" is a side's count of its own, and "54.28% of the vote" a share."""
    if written_as_percent(span):
        return False
    return counted is not None and counted.dep_ == "pobj" and counted.head.lower_ == "of" and \
        counted.head.head == span.root and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                               for c in counted.children)


def phrase_words(noun: Token) -> set[str]:
    """The words that say what a noun counts: itself, its modifiers and clauses, and an "of" complement with its
    own ("the number of protesters killed", "the civilian death toll")."""
    words = {noun.lemma_.lower(), noun.lower_}
    for child in noun.children:
        if child.dep_ in ("amod", "acl", "relcl", "compound", "nmod"):
            words |= {child.lemma_.lower(), child.lower_}
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                words |= {pobj.lemma_.lower()} | {g.lemma_.lower() for g in pobj.children
                                                   if g.dep_ in ("amod", "acl", "relcl", "compound")}
    return words


FRACTIONS = {"half": 0.5, "quarter": 0.25}


def number_value(text: str) -> float | None:
    """"1,351" -> 1351; "813 billion" -> 8.13e11; "fifteen" -> 15; "two dozen" -> 24; "3.5m" -> 3.5e6; "half a
    million" -> 500,000."""
    words = re.findall(r"[\d.,]+|[a-z]+", text.lower().replace("-", " "))
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if re.fullmatch(r"[\d.,]+", word):
            cleaned = word.replace(",", "").rstrip(".")
            try:
                current += float(cleaned)
                seen = True
            except ValueError:
                return None
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in FRACTIONS and not seen:
            current, seen = FRACTIONS[word], True  # "half a million", "a quarter of a million"
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif word in ("and", "a", "an") or word == "of" and current and current < 1:
            continue
        else:
            break
    return total + current if seen else None


MONEY_PATTERN = re.compile(
    r"(?:US)?[$\u20ac\u00a3\u00a5]\s?\d[\d.,]*(?:\s?(?:million|billion|trillion|bn|mn|m)\b)?", re.I)


def _count_before_time(date: Span, token) -> bool:
    """"up from 49 a day earlier", "up from 1,990 three days earlier": the tagger reads the count into the date
    that follows it."""
    return token.i == date.start and token.like_num and len(date) > 2 and (
        date[1].lower_ in ("a", "an") or date[1].like_num) and not _year(token)


def _year(token: Token) -> bool:
    """"2015" may be a year; "1,990" never is."""
    return "," not in token.text and 1900 <= (number_value(token.text) or 0) <= 2100


def quantity_tokens(doc: Doc, text: str) -> list[Span]:
    """Numbers spaCy tags as cardinals, money, percentages and quantities, amounts with a currency sign that
    the tagger missed, and written-out vague amounts."""
    spans = [_without_loose_determiner(e) for e in doc.ents if e.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")]
    covered = {t.i for e in spans for t in e}
    # "since April 15" is a date; "put the number killed at 46", a bare number the tagger called a date, is not
    covered |= {t.i for e in doc.ents if e.label_ in ("DATE", "TIME", "ORDINAL") and not (
        len(e) == 1 and e[0].like_num and given_at(e[0]) and not _year(e[0]))
        for t in e if not _count_before_time(e, t)}
    spans += [e[0:1] for e in doc.ents if e.label_ == "DATE" and _count_before_time(e, e[0])]
    for match in MONEY_PATTERN.finditer(text):
        span = doc.char_span(match.start(), match.end(), label="MONEY", alignment_mode="expand")
        if span is not None and not covered & {t.i for t in span}:
            spans.append(span)
            covered |= {t.i for t in span}
    # Read the two attributes as arrays: building a Token object for every word was this stage's main cost.
    # a number the tagger left untagged: a noun's count, or written in digits as a clause's subject ("900 wounded")
    nummod = doc.vocab.strings["nummod"]
    subjects = {doc.vocab.strings["nsubj"], doc.vocab.strings["nsubjpass"]}
    pobj = doc.vocab.strings["pobj"]
    for i, (like_num, dep) in enumerate(doc.to_array([LIKE_NUM, DEP]).tolist()):
        if like_num and i not in covered and (dep == nummod or (dep in subjects and doc[i].text[0].isdigit()) or (
                dep == pobj and given_at(doc[i]))):
            spans.append(doc[i:i + 1])
    return sorted((s for s in spans if not _list_marker(s)), key=lambda s: s.start)


def _without_loose_determiner(span: Span) -> Span:
    """"some 185 attack drones": a determiner of the noun tagged with its number is no part of the figure (its
    bound is read from the words before the figure); left in, it would stand as the figure's head."""
    if len(span) > 1 and span[0].dep_ == "det" and span[0].head not in span and span.root == span[0]:
        return Span(span.doc, span.start + 1, span.end, label=span.label_)
    return span


def _list_marker(span: Span) -> bool:
    """"offered to: 1. raise VAT ...; 2. increase ...": the number of a list entry counts nothing; nor does one in
    brackets beside its neighbour in the same sentence ("(2) they would gather in camps, and (3) property looted
    would be returned"; but "(12 of them children)" counts)."""
    doc = span.doc
    if len(span) != 1 or not span[0].text.isdigit() or span.end == len(doc) or doc[span.end].text not in (".", ")"):
        return False
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.text == "(" and doc[span.end].text == ")":
        number = int(span[0].text)
        return number <= 20 and any(f"({number + step})" in sentence_of(span[0]).text for step in (-1, 1))
    return before is None or span[0].is_sent_start or before.text in (":", ";") or \
        "\n" in before.text + before.whitespace_


BOUND_PREPOSITIONS = {"about", "around", "over", "under", "below", "above", "nearly", "approximately", "roughly"}


def estimate_verb(figure: Token, anchor: Token, report_verb: Token | None) -> Token | None:
    """The nearest verb over the figure that counts it ("police counted 1.28 million people") or puts a number on
    something ("put the toll at"), with a subject of its own, below the reporting verb if there is one ("according
    to a tally by X" in the figure's own clause keeps its X)."""
    beyond = report_verb is not None and report_verb.pos_ != "VERB" and report_verb not in anchor.ancestors
    for verb in (anchor, *anchor.ancestors):
        if verb == report_verb or (beyond and verb != anchor):
            return None
        if token_lemma(verb) in ESTIMATE_VERBS | RECORDING_VERBS and any(c.dep_ == "nsubj" for c in verb.children) \
                and (any(c.dep_ in ("dobj", "acomp", "oprd") and (  # "counted at least 210 dead": "dead" an acomp
                        token_lemma(c) in COUNT_NOUNS or c == figure or figure in c.subtree) for c in verb.children)
                     # "puts the group's total strength at about 7,000", "put its own losses at 47 dead"
                     or figure.dep_ == "pobj" and figure.head.lower_ in ("at", "to") and (
                         figure.head.head == verb or verb_given_with(figure.head)[0] == verb)
                     or figure.head.dep_ == "pobj" and figure.head.head.lower_ in ("at", "to") and
                     figure.head.head.head == verb
                     # "had registered about 690,000": a bound word the parser took for a preposition
                     or figure.dep_ == "pobj" and figure.head.lower_ in BOUND_PREPOSITIONS and figure.head.head == verb
                     or figure.dep_ == "prep" and figure.lower_ in BOUND_PREPOSITIONS and figure.head == verb):
            return verb
        if token_lemma(verb) in GIVING_VERBS and any(c.dep_ == "nsubj" for c in verb.children) and any(
                c.dep_ == "dobj" and token_lemma(c) in COUNT_NOUNS | ESTIMATES and figure in c.subtree
                for c in verb.children):
            return verb  # "a U.S. official gave a far higher death toll of roughly 1,000"
    return None


def source_of(noun: Token) -> Token | None:
    """"estimates by the Pentagon", "a tally from the commission", "the union's tally", "a count of the UN": whose
    figure it is (but "its estimate of soldiers killed" says what is counted)."""
    objects = {c.lower_: g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"}
    by = objects.get("by", objects.get("from"))
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    of = objects.get("of")
    return by or owner or (of if of is not None and of.pos_ == "PROPN" else None)


def recorded_by(counted: Token) -> tuple[Token, str] | None:
    """"the 834 deaths recorded by the ministry", "figures compiled by the UN": a participle's agent states them."""
    for participle in counted.children:
        if participle.dep_ == "acl" and participle.tag_ == "VBN" and token_lemma(participle) in RECORDING_VERBS:
            agent = next((g for c in participle.children if c.dep_ == "agent" for g in c.children
                          if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent, participle.lemma_.lower()
    return None


def _gives_figures(verb: Token) -> bool:
    return token_lemma(verb) in ESTIMATE_VERBS or token_lemma(verb) in FIGURE_VERBS and not any(
        c.dep_ in ("dobj", "obj") for c in verb.children)


def bare_rate(counted: Token | None) -> bool:
    """"put the rate at 185%", "the true annual rate": the rate just given; "its policy rate", "its benchmark
    rate" is another rate."""
    return counted is not None and token_lemma(counted) == "rate" and not any(
        c.dep_ in ("compound", "nmod") and c.ent_type_ != "DATE" or  # ("the December rate" is the rate for a month)
        c.dep_ == "amod" and token_lemma(c) not in RATE_QUALIFIERS for c in counted.children)


def compared_estimate(counted: Token | None) -> bool:
    """"gave a lower estimate of 60,000", "a higher figure of 750,000": another count of what was just counted."""
    return counted is not None and token_lemma(counted) in COUNT_NOUNS | ESTIMATES and any(
        c.dep_ == "amod" and c.lower_ in ("lower", "higher", "smaller", "larger", "bigger", "different")
        for c in counted.children)


def definite_count(counted: Token | None) -> bool:
    """"the toll", "its count": the count given before (but "a turnout of 85.4%" names a rate of its own)."""
    return counted is not None and token_lemma(counted) in COUNT_NOUNS - ATTENDANCE and any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
        for c in counted.children)
