"""Who states a figure and whose count it is: the reporting verb's subject, "according to", "estimates by",
the owner of a count ("the Red Cross's tally"), a sentence before that announces the figure; and the side a count
belongs to ("46 of its soldiers", "Armenian losses", a candidate's share of the vote). Mixed into
`ClaimExtractor` (claims.py)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.resolver import DocumentActors
from eventcoder.claim_syntax import clause_verb, estimate_verb, recorded_by, source_of, token_lemma
from eventcoder.claim_words import (
    BARE_COUNTS,
    BOUND_WORDS,
    CATEGORY_CUES,
    ESTIMATE_VERBS,
    ESTIMATES,
    FIGURE_SOURCES,
    FIGURE_VERBS,
    LOSS_VERBS,
)
from eventcoder.events.context import frame
from eventcoder.events.patterns import Lexicon
from eventcoder.models import Actor
from eventcoder.nlp import sentence_of


class ClaimAttribution:
    doc: Doc
    actors: DocumentActors
    lexicon: Lexicon

    def _announced_before(self, sent: Span) -> Token | None:
        """"Cambodia's defence ministry issued its own toll on Sunday. Thirteen Cambodians had been killed": the
        sentence before announces the figure without giving it; whoever issued it states it."""
        if sent.start == 0:
            return None
        before = sentence_of(self.doc[sent.start - 1])
        if any(t.like_num and t.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY") for t in before):
            return None
        for noun in before:
            if noun.dep_ in ("dobj", "obj") and token_lemma(noun) in FIGURE_SOURCES and noun.head.pos_ == "VERB":
                return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        return None

    def _subject(self, span: Span, counted: Token | None, category: str):
        """Who the figure counts: "1,351 Russian troops" -> RUS MIL; "Soviet forces lost 15,000 troops"."""
        candidates = []
        if counted is not None and counted.dep_ in ("dobj", "obj") and token_lemma(counted.head) in LOSS_VERBS:
            # "Soviet forces lost 15,000 troops" (but "Hamas killed 160 Israeli troops": the troops are Israel's)
            candidates += [c for c in counted.head.children if c.dep_ == "nsubj"]
        if counted is not None and token_lemma(counted) not in ESTIMATES | {"count"}:
            # "46 of its soldiers", "the army's losses" (but "raised its estimate", "the office's count": its is who
            # counts)
            candidates += [c for c in counted.children if c.dep_ == "poss"]
        if counted is not None and counted.lemma_.lower() in BARE_COUNTS and counted.dep_ == "pobj" and \
                counted.head.lower_ in ("at", "to") and token_lemma(counted.head.head) in ESTIMATE_VERBS:
            # "put its own losses at 12 dead": whose losses the figure is given for
            given = [c for c in counted.head.head.children if c.dep_ in ("dobj", "obj")]
            candidates += [p for g in given for p in g.children if p.dep_ == "poss"]
        verb = counted.head if counted is not None and counted.lemma_.lower() in BARE_COUNTS else span.root.head
        if token_lemma(verb) in FIGURE_VERBS:  # "the army's losses were more than 50 dead"
            # "the army's losses were ...", "Tajik losses were 'more than 100 dead'"
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            candidates += [p for c in subjects for p in c.children if p.dep_ == "poss"]
            candidates += [c for c in subjects if token_lemma(c) in CATEGORY_CUES]  # its own modifiers name the side
        if category in ("percentage", "votes"):
            candidates += self._vote_holders(span)
        if category == "displaced" and counted is not None:
            # "hosts 36,000 refugees from neighbouring Mali": refugees are the country's they fled
            holders = [counted, counted.head] if counted.dep_ in ("dobj", "obj") else [counted]
            candidates += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                           for g in c.children if g.dep_ == "pobj"]
        owned_estimate = counted is not None and token_lemma(counted) in ESTIMATES | {"count"} and any(
            c.dep_ == "poss" for c in counted.children)
        if owned_estimate:  # "its estimate of Armenian military dead" counts those named after "of", not its owner
            candidates += [g for c in counted.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                           if g.dep_ == "pobj" and g not in span]
        elif counted is not None and (counted.pos_ == "NOUN" or counted.ent_type_ == "NORP") and \
                counted.lemma_.lower() not in ("dead", "wounded"):
            candidates.append(counted)  # "1,351 Russian troops", "some 300 North Koreans"
        if category == "money":  # what the money is for comes before who spends it
            verb = span.root.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            candidates += [g for c in self.doc[span.end:span.end + 6] if c.lower_ in ("for", "to")
                           for g in c.children if g.dep_ == "pobj"]
            candidates += [c for c in verb.children if c.dep_ in ("nsubj",)]
        for candidate in candidates:
            found = self.actors.resolve(candidate)
            if found and (found[0].actor.country or found[0].actor.type):
                actor = found[0].actor
                if category == "displaced" and actor.type == "IGO":
                    continue  # "the UN agency counted 490,000 returnees": a body has no refugees of its own
                if actor.country is None and counted is not None:
                    continue
                placed = self.actors.place_countries.get(sentence_of(candidate).start, ())
                if found[0].country_from_context and self.actors.dominant_country and actor.country not in placed:
                    # "protesters" with no country of their own belong to the country the report is about, unless
                    # the sentence places them ("In Israel, 28 people were killed")
                    actor = actor.model_copy(update={"country": self.actors.dominant_country,
                                                     "name": self.actors.country_name(self.actors.dominant_country)})
                return actor, found[0].span
        return None, None

    def _vote_holders(self, span: Span) -> list[Token]:
        """Whose share or votes: "44.2 percent for opposition candidate Edmundo Gonzalez", "Gonzalez had won 67
        percent", "declared Maduro the winner with 51.2 percent", "a quick count gave the challenger 51.9%"."""
        root = span.root
        after = list(self.doc[span.end:span.end + 4])
        after = after[:next((i for i, t in enumerate(after) if t.like_num), len(after))]  # "67% against 30% for X"
        holders = [g for c in after if c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
        before = [t for t in self.doc[max(span.start - 2, 0):span.start] if t.pos_ != "ADV"]
        if before and before[-1].pos_ == "PROPN" and before[-1].dep_ != "poss":
            holders.append(before[-1])  # "González had taken 67% and Maduro roughly 30%"
        won = root.head.head if root.head.lower_ == "with" else None
        if won is not None and won.lemma_.lower() in ("winner", "victor"):
            # "declared Maduro the winner with 51.2%": the one declared the winner (the parser may make the winner
            # his apposition)
            holders += [won.head] if won.dep_ == "appos" and won.head.pos_ == "PROPN" else [
                c for c in won.head.children if c != won and c.pos_ == "PROPN" and c.dep_ in (
                    "dobj", "ccomp", "nsubjpass", "oprd")]
        verb = root.head if root.head.pos_ in ("VERB", "AUX") else root.head.head
        if verb.pos_ in ("VERB", "AUX"):
            holders += [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.pos_ == "PROPN"]
            holders += [c for c in verb.children if c.dep_ == "dative"]  # "gave him 50.8%", "gave Quiroga 51.9%"
            if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN") and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which") for c in verb.children):
                holders.append(verb.head)  # "candidate Amadou Ba, who took 35.79%", "Chamisa, who was credited with"
        holders += [c for c in root.children if c.dep_ in ("nsubj", "compound") and c.pos_ == "PROPN"]
        return holders

    def _claimant(self, span: Span, counted: Token | None, fallback: bool = True):
        """Who states the figure: a reporting verb's subject, "estimates by X", "according to X"."""
        anchor = clause_verb(span.root)
        report = frame(anchor, span.root, self.lexicon)
        if anchor.lemma_.lower() in self.lexicon.cues["reporting_verbs"] and anchor.pos_ == "VERB":
            # "Moscow acknowledges fewer than 6,000 dead": the verb governing the figure is the report
            subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                report = report.__class__(report.negated, "claimed", subject, anchor, report.denied)
        hedge = None
        if report.report_verb is not None:
            hedge = report.report_verb.lemma_.lower() if report.report_verb.pos_ == "VERB" else \
                report.report_verb.text.lower()
        reporter = report.reporter
        if counted is not None and (agent := recorded_by(counted)) is not None:
            reporter, hedge = agent  # "the 834 deaths recorded by the health ministry"
        # "estimates by the Pentagon put the figure as high as 7,000"
        subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in FIGURE_SOURCES:
            hedge = subject.lower_
            # "a French security assessment put the figure at 600": a source whose own words say whose it is
            # ("a World Bank assessment" that does not resolve as a whole: the organisation named before the noun)
            named = next((c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
            reporter = source_of(subject) or (subject if self.actors.resolve(subject) else named or reporter)
        elif (estimate := estimate_verb(span.root, anchor, report.report_verb)) is not None:
            # "rebels put the figure as high as 400 dead and 900 wounded": the estimating verb's subject states it
            reporter, hedge = next(c for c in estimate.children if c.dep_ == "nsubj"), estimate.lemma_.lower()
        bound_words = [p for p, _ in BOUND_WORDS if p in ("as high as", "almost", "nearly", "up to")]
        context = " ".join(t.lower_ for t in self.doc[max(span.start - 3, sentence_of(span[0]).start):span.start])
        extra = next((p for p in bound_words if p in context), None)
        if extra:
            hedge = f"{hedge}, {extra}" if hedge else extra
        holder = span.root.head.head if span.root.head.lower_ == "of" and span.root.dep_ == "pobj" else None
        if holder is not None and holder.lemma_.lower() in FIGURE_SOURCES and (
                owner := next((c for c in holder.children if c.dep_ == "poss"), None)) is not None:
            # "more than the UN rights office's preliminary count of about 650": whose count it is
            reporter, hedge = owner, holder.lemma_.lower()
        if reporter is not None and reporter.lemma_.lower() in FIGURE_SOURCES:
            reporter = source_of(reporter) or reporter  # "according to a tally by the National Search Commission"
        if reporter is not None and reporter.pos_ == "PRON" and report.report_verb is not None:
            reporter = self._outer_reporter(report.report_verb) or reporter  # "the Centre said it believed"
        if reporter is not None and reporter.lower_ in ("which", "who", "that") and reporter.head.dep_ == "relcl":
            reporter = reporter.head.head  # "The ELN, which says it holds ...": the relative clause's antecedent
        if reporter is None and fallback:
            # a parse that misses the frame: the nearest reporting verb before the figure in its sentence
            verbs = [t for t in self.doc[sentence_of(span[0]).start:span.start] if t.pos_ == "VERB" and
                     t.lemma_.lower() in self.lexicon.cues["reporting_verbs"]]
            if verbs:
                hedge = hedge or verbs[-1].lemma_.lower()
                reporter = next((c for c in verbs[-1].children if c.dep_ == "nsubj"), None)
        if reporter is None and fallback:
            reporter = self._announced_before(sentence_of(span[0]))
            hedge = hedge or ("toll" if reporter is not None else None)
        if reporter is None:
            return None, hedge, None
        found = self.actors.resolve(reporter)
        if found:
            return found[0].actor, hedge, found[0].span
        # a source the knowledge base does not know, named by its whole phrase ("the Assistance Association for
        # Political Prisoners"), or its head's own words when the phrase runs on
        phrase = self.doc[reporter.left_edge.i:reporter.right_edge.i + 1]
        if len(phrase) > 8:
            phrase = self.doc[reporter.left_edge.i:reporter.i + 1]
        return Actor(text=phrase.text), hedge, (phrase.start_char, phrase.end_char)

    def _outer_reporter(self, verb: Token) -> Token | None:
        """"The Disaster Centre said it believed 2,000 had died": a pronoun believing inside a report is its
        reporter, named by the verb over it."""
        outer = verb.head
        if verb.dep_ not in ("ccomp", "xcomp") or outer.lemma_.lower() not in self.lexicon.cues["reporting_verbs"]:
            return None
        return next((c for c in outer.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
