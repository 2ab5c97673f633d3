"""When and over what ground a figure counts: its date (the figure's own clause before the report's), the period a
running total covers, figures given for comparison or forecast, and its scope (a whole country, one town, another
incident). Mixed into `ClaimExtractor` (claims.py)."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from eventcoder.actors.resolver import DocumentActors
from eventcoder.claim_syntax import clause_verb, in_since_clause, period_start, token_lemma
from eventcoder.claim_words import (
    CATEGORY_CUES,
    COMPARED_PHRASE,
    COUNT_NOUNS,
    FIGURE_VERBS,
    HISTORICAL_YEARS,
    NATIONWIDE_WORDS,
    SCOPE_WINDOW,
    SEPARATE_INCIDENT,
    TIME_UNITS,
)
from eventcoder.nlp import sentence_of, time_expressions
from eventcoder.time import resolve_date

FORECAST_VERBS = {"forecast", "expect", "predict", "project", "anticipate"}
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today")


class ClaimSetting:
    doc: Doc
    pub_date: dt.date | None
    actors: DocumentActors

    def _date(self, sent: Span, span: Span):
        """The sentence's date; "has risen to 703,000, up from 578,000 in June": June is the date of the figure
        given for comparison only."""
        compared = [(m.start(), m.end()) for m in COMPARED_PHRASE.finditer(sent.text)]
        figure_compared = next(((a, b) for a, b in compared if a <= span.start_char - sent.start_char < b), None)
        # "INEGI said on Tuesday that 29,675 people were victims of homicide in 2023": the figure's own clause
        # dates it before the report does
        own = clause_verb(span.root)
        expressions = sorted(time_expressions(sent), key=lambda ent: clause_verb(ent.root) != own)
        for ent in expressions:
            offset = ent.start_char - sent.start_char
            inside = [(a, b) for a, b in compared if a <= offset < b]
            if (figure_compared is None and inside) or (figure_compared is not None and figure_compared not in inside):
                continue
            if _names_an_event(ent) or ent.start <= span.start < ent.end:
                continue  # (the figure itself, when the tagger called it a date)
            if _dates_something_else(ent, span) and not in_since_clause(ent):
                continue  # "a report released on Tuesday", "which stopped publishing updates last year"
            if ent.label_ == "DATE" and not period_start(ent):
                resolved = resolve_date(ent.text, self.pub_date)
                if resolved:
                    return resolved.value, ent.text
        return (self.pub_date.isoformat() if self.pub_date else None), None

    def _period(self, sent: Span) -> str | None:
        for ent in time_expressions(sent):
            if ent.label_ != "DATE":
                continue
            if re.search(r"\b(since|past|over|from|during|last|this)\b", ent.text, re.I):
                return ent.text
            if in_since_clause(ent):
                return f"since {ent.text}"  # "since the ban took effect in July": counted from July on
        since = next((t for t in sent if t.lower_ == "since" and t.dep_ == "prep" and any(
            c.dep_ == "pobj" and c.pos_ == "NOUN" for c in t.children)), None)
        if since is not None:  # "arrested since the coup": a running total from an event on
            return self.doc[since.i:since.right_edge.i + 1].text
        return None

    def _comparison(self, span: Span) -> bool:
        """"up from 83.5 percent", "down from 48.8 percent", "compared with 2,000": a figure for comparison."""
        before = self.doc[max(span.start - 3, 0):span.start].text.lower()
        after = self.doc[span.end:min(span.end + 4, sentence_of(span[0]).end)].text.lower()
        if re.match(r"(?:a|one|two|three) (?:day|days|week|weeks) (?:earlier|before)\b|the (?:day|week) before\b",
                    after):
            return True  # "had put the toll at 19 a day earlier": the count as it stood before, superseded
        verb = clause_verb(span.root)
        if token_lemma(verb) in FORECAST_VERBS or (verb.dep_ in ("xcomp", "ccomp") and
                                                   token_lemma(verb.head) in FORECAST_VERBS):
            # "economists had expected a figure of 3.0%", "expects inflation to fall to 22.3%": what was foreseen
            return True
        preposition = span.root.head if span.root.dep_ == "pobj" else None
        if preposition is not None and preposition.lower_ == "from" and token_lemma(preposition.head) in FIGURE_VERBS:
            return True  # "inflation eased to 64.27% from 84.39%": the figure it changed from
        return bool(re.search(r"\b(up|down|rising|falling|up sharply|down sharply) from$|compared (with|to)$|"
                              r"\bfrom a (high|peak|low) of$", before.strip()))

    def _scope(self, span: Span) -> str | None:
        """"some 600,000 marched in Buenos Aires ... and 1.5 million across the country": a figure for the whole
        country is not the count of one place or one event."""
        sent = sentence_of(span[0])
        window = self.doc[max(span.start - SCOPE_WINDOW, sent.start):min(span.end + SCOPE_WINDOW, sent.end)]
        text = " " + window.text.lower() + " "
        opening = " " + sent.text.lower().split(",")[0] + ","  # "Across the whole of Congo, the IOM counts ..."
        if any(f" {w} " in text or f" {w}," in text or f" {w}." in text or f" {w} " in opening
               for w in NATIONWIDE_WORDS):
            return "nationwide"
        after = self.doc[span.end:min(span.end + SCOPE_WINDOW + 4, sent.end)].text.lower()
        # "at least forty people had died in the regional capital, Nukus, alone": one place of a wider count
        before = self.doc[sent.start:span.start].text.lower()
        if re.match(r"[^.;]*?\b(?:in|at)\b[^.;]*?\balone\b", after) or \
                re.search(r"\b(?:in|at) [^.;,]*\balone\b", before):
            return "local"
        if SEPARATE_INCIDENT.search(sent.text):
            # "a separate blaze killed three forestry workers": another incident's count (but "in a separate
            # statement" is another report of the same)
            return "separate"
        # "In Paris, police counted 93,000 marchers": a sentence opening on a town counts that town
        return "local" if self._opens_on_a_town(sent) else None

    def _opens_on_a_town(self, sent: Span) -> bool:
        if sent[0].lower_ not in ("in", "at") or "," not in sent[1:6].text:
            return False
        place = next((g for g in sent[0].children if g.dep_ == "pobj"), None)
        return place is not None and place.ent_type_ == "GPE" and not self._country_at(place.i)

    def _country_at(self, i: int) -> bool:
        mention = self.actors.by_token.get(i)
        return mention is not None and mention.entries[0].kind == "country"

    def _historical(self, sent: Span) -> bool:
        """A figure about a period that ended years before publication is a comparison, not a current claim."""
        if self.pub_date is None:
            return False
        # (a year in "down from 52.1% in 2018" dates the figure given for comparison, not this one)
        compared = [(m.start(), m.end()) for m in COMPARED_PHRASE.finditer(sent.text)]
        # (nor does a year inside a quotation: '"the largest gathering since 1989," Tusk said')
        years = [int(y) for e in time_expressions(sent) if e.label_ == "DATE" and not _names_an_event(e) and
                 not any(a <= e.start_char - sent.start_char < b for a, b in compared) and not _quoted(e)
                 for y in re.findall(r"\b(1[89]\d\d|20\d\d)(?:s\b|\b)", e.text)]  # "the early 1990s"
        return bool(years) and max(years) < self.pub_date.year - HISTORICAL_YEARS


def _dates_something_else(date: Span, figure: Span) -> bool:
    """A time expression inside a relative clause or a participle phrase that does not hold the figure dates what
    that clause tells ("a report published on Friday found that 500 had been killed")."""
    clause = next((a for a in date.root.ancestors if a.dep_ in ("relcl", "acl")), None)
    return clause is not None and not any(t in clause.subtree for t in figure)


def _names_an_event(date: Span) -> bool:
    """"lawmakers ousted in the 2021 coup", "during last year's uprising": a year modifying a noun names an event,
    it does not date a figure."""
    if date.root.dep_ == "poss" and (token_lemma(date.root.head) in CATEGORY_CUES | COUNT_NOUNS or
                                     date.text.lower().startswith(DAY_NAMES)):
        return False  # "put last year's killings at 11,100", "attended Saturday's rally": the count's own time
    return date.root.dep_ in ("compound", "nummod", "amod", "nmod", "poss") and date.root.head.pos_ == "NOUN" and \
        date.root.head.lemma_.lower() not in TIME_UNITS


def _quoted(span: Span) -> bool:
    """Inside quotation marks within its sentence: someone's words, not the frame of a figure."""
    before = span.doc.text[sentence_of(span[0]).start_char:span.start_char]
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1
