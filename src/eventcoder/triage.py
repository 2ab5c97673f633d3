"""Sentence triage: which sentences need the tagger, parser and named-entity recogniser at all.

Most sentences of a news article hold no codable event, figure, quote or proposal (sports results, markets,
weather, background). A cheap first pass (the tokenizer, punctuation sentence boundaries and the word forms of
the coder's own vocabulary) picks the sentences that can: a word that may be a trigger (any inflection of a verb
or noun the event patterns know) together with something that may be an actor (a knowledge-base name, an agent
noun such as "police" or "rebels", a pronoun), a number with a word the claims stage counts (dead, troops,
percent, a currency, "the toll"), a quotation mark, a list marker or a proposal word. Those sentences are parsed in runs
with the full pipeline, with the sentence before one that refers back (a pronoun, "the figure"); the rest are
kept as tokens only, each its own sentence, so every character offset and record id stays that of the whole
text. Actor and place phrases in skipped sentences are still matched (the phrase matcher reads tokens), so a
document's context is kept. Settings `triage = false` (or EVENTCODER_TRIAGE=0) parses everything.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from eventcoder.actors.coref import BENCH_NOUNS, GROUP_HEADS
from eventcoder.actors.kb import ActorMatcher
from eventcoder.actors.resolver import COUNTERPART_HEADS
from eventcoder.events.arguments import CROWD_WORDS
from eventcoder.events.patterns import Lexicon
from eventcoder.events.view import GROUP_COUNTS
from eventcoder.nlp import paragraph_breaks, sentence_budget
from eventcoder.proposal_lists import NUMBER_WORDS

QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "''", "``"}
LIST_MARKERS = {"-", "\u2022", "*", "\u2013", "\u2014", ":", ";"}
ORDINAL_OPENERS = {"first", "second", "third", "fourth", "fifth", "firstly", "secondly", "thirdly", "finally"}
OPENS_ENTRY = re.compile(r"(?::|\n\s*(?:\(?\d{1,2}[.):]|\(?[a-h]\)|[-\u2022*]))\s*$")
FIGURE_WINDOW = 8  # tokens on each side of a number where the word it counts is looked for
LIST_MODALS = {"would", "will", "should", "must", "shall", "could"}
ACTOR_PRONOUNS = {"he", "she", "they", "we", "i", "it", "you"}
# Words that refer to an earlier sentence: the sentence before is parsed too, for the antecedent
REFERRING = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "this", "that", "these", "those",
             "figure", "toll", "number", "estimate", "tally", "plan", "proposal", "offer", "move", "decision",
             "both", "two", "three"}


def _carrier(word: str) -> str:
    """The token that carries a vocabulary entry: "test-fire" is tokenized test / - / fire, "sit-in" is one token."""
    last = word.split("-")[-1]
    return last if len(last) > 3 else word


class Triage:
    """Splits texts into runs of sentences to parse and runs to keep as tokens, and parses them."""

    def __init__(self, nlp: Language, lexicon: Lexicon, matcher: ActorMatcher, proposal_words: Iterable[str] = (),
                 figure_words: Iterable[str] = (), count_nouns: Iterable[str] = ()):
        self.nlp, self.matcher = nlp, matcher
        # (and the nouns coreference reads as actors: "the two sides", "all three capitals", "the judges", "his host")
        # (and an unnamed crowd: "Thousands defied the order and streamed into the park, chanting slogans")
        self.agents = {phrase.split()[-1] for phrase in matcher.kb.agents} | ACTOR_PRONOUNS | GROUP_HEADS | \
            BENCH_NOUNS | COUNTERPART_HEADS | CROWD_WORDS
        self.sentencizer = Sentencizer()
        cues = lexicon.cues
        # the word that carries each entry: "speak by" -> speak, "test-fire" -> fire, "suicide bombing" -> bombing
        self.triggers = {_carrier(key.split()[0]) for key in (*lexicon.verbs, *lexicon.fallback_verbs)}
        self.triggers |= {_carrier(key.split()[-1]) for key in lexicon.nouns}
        self.proposal_words = set(cues["proposal_words"]) | set(proposal_words)
        self.triggers |= self.proposal_words
        self.figure_words = set(figure_words)
        self.count_nouns = set(count_nouns)  # "its own tally, published the same day, stood at about 860,000"
        # reporting a demand ("must return") or a harm ("will pay a price") makes an event of a reporting verb
        self.modals = set(cues["future_auxiliaries"]) | {"must", "should", "need", "needs", "have", "has"}
        self.reporting = set(cues["reporting_verbs"])
        self.forms: dict[str, set[str]] = {}
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        lookups = getattr(lemmatizer, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_exc"):
            for table in lookups.get_table("lemma_exc").values():
                for form, lemmas in table.items():
                    self.forms.setdefault(form, set()).update(lemmas)

    def lemmas(self, word: str) -> set[str]:
        """Every lemma a word form may have: irregular forms from the lemmatizer's table, regular ones by
        their endings ("stopped" -> stop, "bombings" -> bombing, "carries" -> carry)."""
        found = {word} | self.forms.get(word, set())
        for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                     ("ed", ("", "e")), ("ing", ("", "e"))):
            if word.endswith(suffix) and len(word) > len(suffix) + 1:  # ("died", "dies": short stems too)
                stem = word[:-len(suffix)]
                found |= {stem + r for r in replacements}
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    found.add(stem[:-1])  # "stopped", "shelling" -> "shell" is kept too
        return found

    def needs_parse(self, sentence, named: bool = False) -> bool:
        """Whether a sentence can hold a record; `named` says a knowledge-base name occurs in it."""
        words = [t.lower_ for t in sentence if not t.is_space]
        if not words or any(t.text in QUOTE_MARKS for t in sentence):
            return bool(words)  # a quote
        if words[0] in ORDINAL_OPENERS or words[0] in LIST_MARKERS or len(words) > 1 and (
                words[0][:1].isdigit() and words[1] in (".", ")") or words[0] in NUMBER_WORDS and words[1] == ":"):
            return True  # a list item
        if any(words[i] in (":", ";") and words[i + 1][:1].isdigit() and words[i + 2] in (".", ")")
               for i in range(len(words) - 2)):
            return True  # a numbered list inside the sentence: "These were: 1. ...; 2. ..."
        lemmas = set().union(*(self.lemmas(w) for w in words))
        # "The two signed a peace accord": parties counted stand for parties named before
        counted = "both" in words or any(a == "the" and b in GROUP_COUNTS and b.isalpha()
                                         for a, b in zip(words, words[1:], strict=False))
        if lemmas & self.triggers and (named or counted or lemmas & self.agents) or lemmas & self.proposal_words:
            return True  # a proposal word alone: "The offer has three parts." opens a list
        if self._counts_something(sentence):
            return True  # a figure of something the claims stage counts
        return bool(lemmas & self.reporting) and bool(set(words) & self.modals)

    def _counts_something(self, sentence) -> bool:
        """A number with a word the claims stage counts near it ("killed 5 people", "the toll rose to 300",
        "$4 billion", "61 percent"), not any number ("within 45 minutes ... more seats")."""
        tokens = list(sentence)
        if any(t.like_num for t in tokens) and any(t.lower_ in self.count_nouns for t in tokens):
            return True
        for n, token in enumerate(tokens):
            if token.like_num or token.text in ("$", "\u20ac", "\u00a3", "\u00a5"):
                near = tokens[max(n - FIGURE_WINDOW, 0):n + FIGURE_WINDOW + 1]
                if any(self.lemmas(t.lower_) & self.figure_words for t in near if t is not token):
                    return True
        return False

    def plan(self, text: str) -> list[tuple[int, int, bool]]:
        """Character runs (start, end, parse?) covering the text; sentences that need the parser, with their
        neighbours, form the parsed runs."""
        tokens = self._sentences(self.nlp.make_doc(text))
        sentences = list(tokens.sents)
        starts = [s.start for s in sentences]
        mentions = self.matcher(tokens)
        named = {bisect_right(starts, mention.start) - 1 for mention in mentions}
        # "Carrie Lam ... Lam has since apologised": a person named before, by surname alone
        surnames = {tokens[m.end - 1].text for m in mentions if m.entries[0].kind == "person"}
        named |= {i for i, s in enumerate(sentences) if any(t.text in surnames for t in s)}
        keep = [self.needs_parse(s, i in named) for i, s in enumerate(sentences)]
        for i in range(1, len(sentences)):
            if keep[i] and not keep[i - 1] and any(t.lower_ in REFERRING for t in sentences[i]):
                keep[i - 1] = True  # the antecedent of "he", "the figure", "the plan"
            if keep[i - 1] and (OPENS_ENTRY.search(sentences[i - 1].text) or any(
                    t.lower_ in LIST_MODALS for t in sentences[i])):
                # an entry of a list the sentences before open ("...:", "...;\n3.", "Investors would accept ...
                # Maturities would be stretched ...")
                keep[i] = True
        runs: list[tuple[int, int, bool]] = []
        for sentence, parse in zip(sentences, keep, strict=True):
            start = 0 if not runs else runs[-1][1]
            end = sentence.end_char + len(sentence[-1].whitespace_)
            if runs and runs[-1][2] == parse:
                runs[-1] = (runs[-1][0], end, parse)
            else:
                runs.append((start, end, parse))
        if runs and runs[-1][1] < len(text):
            runs[-1] = (runs[-1][0], len(text), runs[-1][2])
        return runs or [(0, len(text), True)]

    def _sentences(self, tokens: Doc) -> Doc:
        """Punctuation sentence boundaries, with the whitespace between two sentences (a paragraph break) kept
        at the end of the first, as the parser keeps it."""
        tokens = sentence_budget(paragraph_breaks(self.sentencizer(tokens)))  # as the parsing pipeline does
        for token in tokens[1:]:
            if token.is_sent_start and token.is_space:
                token.is_sent_start = False
                if token.i + 1 < len(tokens):
                    tokens[token.i + 1].is_sent_start = True
        return tokens

    def _tokens_only(self, text: str) -> Doc:
        """A run of skipped sentences: tokens with one flat tree per sentence, so that sentence boundaries
        survive, and nothing else (no tags, lemmas or entities)."""
        tokens = self._sentences(self.nlp.make_doc(text))
        heads, deps = [], []
        for sentence in tokens.sents:
            for token in sentence:
                heads.append(sentence.start)
                deps.append("ROOT" if token.i == sentence.start else "dep")
        return Doc(self.nlp.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens],
                   heads=heads, deps=deps)

    def parse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        """Parse texts as the full pipeline would, skipping the sentences that cannot hold a record; yields one
        Doc per text, in order, with the text's exact characters."""
        texts = iter(texts)
        while chunk := list(islice(texts, batch_size)):
            plans = [self.plan(text) for text in chunk]
            parsed = iter(self.nlp.pipe((text[a:b] for text, plan in zip(chunk, plans, strict=True)
                                         for a, b, parse in plan if parse), batch_size=batch_size))
            for text, plan in zip(chunk, plans, strict=True):
                if len(plan) == 1 and plan[0][2]:
                    yield next(parsed)
                    continue
                parts = [next(parsed) if parse else self._tokens_only(text[a:b]) for a, b, parse in plan]
                yield Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])
