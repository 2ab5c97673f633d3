"""Claims: politically relevant quantities (dead, wounded, troops, money, ...), who states them, how hedged,
and which figures contradict each other ("1,351 dead per the Russian Defense Ministry" vs "up to 7,000 per
Pentagon estimates")."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from spacy.attrs import DEP, LIKE_NUM
from spacy.tokens import Doc, Span, Token

from eventcoder.actors.resolver import DocumentActors
from eventcoder.events.context import frame
from eventcoder.events.patterns import Lexicon
from eventcoder.models import Actor, CasualtyFigure, Claim, Event
from eventcoder.nlp import sentence_of, sentence_text, time_expressions
from eventcoder.time import resolve_date

SMALL_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * i for i, w in enumerate(
    ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if i > 1}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12,
          "bn": 1e9, "m": 1e6, "k": 1e3, "mn": 1e6}
VAGUE = {"hundreds": (100, "at_least"), "thousands": (1000, "at_least"), "dozens": (24, "at_least"),
         "tens of thousands": (10000, "at_least"), "hundreds of thousands": (100000, "at_least"),
         "millions": (1e6, "at_least")}
CURRENCIES = {"$": "USD", "us$": "USD", "dollar": "USD", "€": "EUR", "euro": "EUR", "£": "GBP", "pound": "GBP",
              "rouble": "RUB", "ruble": "RUB", "yuan": "CNY", "yen": "JPY", "¥": "JPY", "rupee": "INR",
              "hryvnia": "UAH", "shekel": "ILS", "lira": "TRY", "franc": "CHF"}
BOUND_WORDS = [
    ("just under", "at_most"), ("just over", "at_least"), ("more than", "at_least"), ("at least", "at_least"),
    ("as many as", "up_to"), ("as high as", "up_to"), ("up to", "up_to"), ("fewer than", "at_most"),
    ("less than", "at_most"), ("at most", "at_most"), ("nearly", "at_most"), ("almost", "at_most"),
    ("over", "at_least"), ("some", "about"), ("about", "about"), ("around", "about"), ("roughly", "about"),
    ("approximately", "about"), ("an estimated", "about"), ("estimated", "about"), ("close to", "at_most"),
]
# What a number counts: lemma of the counted noun or of the verb/adjective that says what happened to it.
CATEGORY_WORDS = {
    "dead": {"kill", "die", "dead", "death", "fatality", "slay", "lose", "perish", "toll", "murder"},
    "wounded": {"wound", "injure", "injured", "wounded", "injury", "casualty", "hurt"},
    "captured": {"capture", "captive", "prisoner", "pow", "hostage", "surrender"},
    "missing": {"missing", "disappear", "miss"},
    "displaced": {"displace", "flee", "refugee", "evacuate", "displaced", "evacuee", "homeless"},
    "arrested": {"arrest", "detain", "detention", "jail", "imprison", "detainee", "round"},
    "votes": {"vote", "ballot", "seat"},
}
PERSONNEL = {"troop", "soldier", "fighter", "personnel", "serviceman", "servicemen", "officer", "general",
             "marine", "sailor", "reservist", "conscript", "mercenary", "police", "policeman", "militant",
             "rebel", "member"}
WEAPONS = {"tank", "missile", "drone", "aircraft", "jet", "warplane", "helicopter", "warship", "shell", "rocket",
           "artillery", "weapon", "vehicle", "gun", "launcher", "system"}
TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "second", "decade", "century", "kilometre",
              "kilometer", "km", "mile", "metre", "meter", "time", "round", "point"}
HISTORICAL_YEARS = 2
ROUNDING = 1.1
PERIOD_DAYS = 31


def _number_value(text: str) -> float | None:
    """"1,351" -> 1351; "813 billion" -> 8.13e11; "fifteen" -> 15; "two dozen" -> 24; "3.5m" -> 3.5e6."""
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
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif word in ("and", "a", "an"):
            continue
        else:
            break
    return total + current if seen else None


MONEY_PATTERN = re.compile(
    r"(?:US)?[$\u20ac\u00a3\u00a5]\s?\d[\d.,]*(?:\s?(?:million|billion|trillion|bn|mn|m)\b)?", re.I)


def _quantity_tokens(doc: Doc, text: str) -> list[Span]:
    """Numbers spaCy tags as cardinals, money, percentages and quantities, amounts with a currency sign that
    the tagger missed, and written-out vague amounts."""
    spans = [e for e in doc.ents if e.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")]
    covered = {t.i for e in spans for t in e}
    for match in MONEY_PATTERN.finditer(text):
        span = doc.char_span(match.start(), match.end(), label="MONEY", alignment_mode="expand")
        if span is not None and not covered & {t.i for t in span}:
            spans.append(span)
            covered |= {t.i for t in span}
    # Read the two attributes as arrays: building a Token object for every word was this stage's main cost.
    nummod = doc.vocab.strings["nummod"]
    for i, (like_num, dep) in enumerate(doc.to_array([LIKE_NUM, DEP]).tolist()):
        if like_num and dep == nummod and i not in covered:
            spans.append(doc[i:i + 1])
    return sorted(spans, key=lambda s: s.start)


class ClaimExtractor:
    def __init__(self, doc: Doc, doc_id: str, pub_date: dt.date | None, actors: DocumentActors, lexicon: Lexicon):
        self.doc, self.doc_id, self.pub_date, self.actors, self.lexicon = doc, doc_id, pub_date, actors, lexicon
        self.sentence_index = {sent.start: i for i, sent in enumerate(doc.sents)}

    def extract(self) -> list[Claim]:
        claims: list[Claim] = []
        counters: dict[int, int] = defaultdict(int)
        previous_subject: dict[int, tuple[Actor | None, tuple[int, int] | None]] = {}
        previous_claimant: dict[int, tuple] = {}
        for span in _quantity_tokens(self.doc, self.actors.text):
            claim = self._claim(span, previous_subject, previous_claimant, counters)
            if claim is not None:
                claims.append(claim)
        return claims

    def _claim(self, span: Span, previous_subject, previous_claimant, counters) -> Claim | None:
        sent = sentence_of(span[0])
        text = span.text
        lowered = text.lower().strip()
        value, bound = self._value(span)
        if value is None:
            return None
        counted = self._counted_noun(span)
        currency, unit = self._currency(span), None
        if span.label_ == "PERCENT" or "percent" in lowered or "%" in lowered:
            category, unit = "percentage", "percent"
        elif currency or span.label_ == "MONEY":
            category, unit = "money", currency or "unknown"
        else:
            category = self._category(span, counted)
        if category is None or (category == "percentage" and not self._political_context(span)):
            return None
        index = self.sentence_index[sent.start]
        subject, subject_span = self._subject(span, counted, category)
        if subject is None and category in ("dead", "wounded", "captured", "missing", "arrested") \
                and index in previous_subject:
            subject, subject_span = previous_subject[index]  # "1,351 troops died and 3,925 were wounded"
        if subject is not None:
            previous_subject[index] = (subject, subject_span)
        claimant, hedge, claimant_span = self._claimant(span, fallback=index not in previous_claimant)
        if claimant is None and index in previous_claimant:
            claimant, hedge, claimant_span = previous_claimant[index]  # "... as high as 7,000 dead and almost 30,000"
        if claimant is not None:
            previous_claimant[index] = (claimant, hedge, claimant_span)
        date_value, date_text = self._date(sent)
        counters[index] += 1
        return Claim(
            claim_id=f"{self.doc_id}:c{index}:{counters[index] - 1}",
            doc_id=self.doc_id,
            sentence_index=index,
            sentence=sentence_text(sent, span.start_char),
            value=value,
            value_max=self._range_end(span),
            value_text=text,
            bound=bound if self._range_end(span) is None else "range",
            unit=unit,
            currency=currency,
            category=category,
            subject=subject,
            claimant=claimant,
            hedge=hedge,
            date=date_value,
            date_text=date_text,
            period_text=self._period(sent),
            historical=self._historical(sent),
            evidence={"value": (span.start_char, span.end_char), "subject": subject_span, "claimant": claimant_span},
        )

    # ---------------------------------------------------------------- parts

    def _value(self, span: Span) -> tuple[float | None, str]:
        lowered = span.text.lower()
        if lowered.startswith("between "):  # "between 5,000 and 7,000": the range starts the claim
            numbers = re.findall(r"\d[\d,.]*", lowered)
            return (_number_value(numbers[0]), "range") if numbers else (None, "range")
        for phrase, (value, bound) in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
            if lowered.strip() == phrase or lowered.startswith(phrase + " "):
                return value, bound
        number = re.sub(r"^(?:[^\d\w]+)", "", lowered)
        for phrase, _ in BOUND_WORDS:
            if number.startswith(phrase + " "):
                number = number[len(phrase) + 1:]
        number = re.sub(r"^(?:us\$|\$|€|£|¥)\s*", "", number)
        value = _number_value(number)
        bound = "exact"
        context = " ".join(t.lower_ for t in self.doc[max(span.start - 3, sentence_of(span[0]).start):span.end])
        for phrase, word_bound in BOUND_WORDS:
            if re.search(rf"\b{re.escape(phrase)}\b", context):
                bound = word_bound
                break
        if value is not None and value < 2 and span.label_ not in ("MONEY", "PERCENT") and "." not in number:
            return None, bound  # "one member", "a second": not a count worth a claim
        return value, bound

    def _range_end(self, span: Span) -> float | None:
        numbers = re.findall(r"\d[\d,.]*", span.text)
        if span.text.lower().startswith("between ") and len(numbers) > 1:
            return _number_value(numbers[1])
        after = self.doc[span.end:min(span.end + 3, len(self.doc))]
        if len(after) >= 2 and after[0].lower_ in ("to", "-", "and") and span.start > 0 and \
                self.doc[span.start - 1].lower_ == "between" and after[1].like_num:
            return _number_value(after[1].text)
        return None

    def _counted_noun(self, span: Span) -> Token | None:
        root = span.root
        verb = root.head.head
        if root.dep_ == "pobj" and root.head.lower_ == "at" and verb.pos_ == "VERB":
            figure = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            if figure is not None:  # "put the Palestinian death toll at more than 30,000"
                return figure
        if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            return root.head
        noun = next((t for t in self.doc[span.end:span.end + 3] if t.pos_ in ("NOUN", "ADJ")), None)
        if noun is not None and noun.i == span.end:
            return noun
        if root.pos_ == "NOUN":
            return root
        return None

    def _currency(self, span: Span) -> str | None:
        sign = re.search(r"us\$|[$\u20ac\u00a3\u00a5]", span.text.lower())
        if sign:
            return CURRENCIES[sign.group(0)]
        window = [t for t in self.doc[max(span.start - 1, 0):min(span.end + 1, len(self.doc))]]
        for token in window:
            key = token.lower_ if token.lower_ in CURRENCIES else token.lemma_.lower()
            if key in CURRENCIES:
                return CURRENCIES[key]
        return None

    def _category(self, span: Span, counted: Token | None) -> str | None:
        words = set()
        if counted is not None and counted.lemma_.lower() in TIME_UNITS:
            return None  # "over about 100 days", "for three hours"
        if counted is not None:
            words |= {counted.lemma_.lower(), counted.lower_}
            words |= {c.lemma_.lower() for c in counted.children if c.dep_ in ("amod", "acl", "relcl", "compound")}
            head = counted.head  # what happened to them, within their own clause
            words |= {head.lemma_.lower(), head.lower_}
            words |= {c.lemma_.lower() for c in head.children if c.dep_ in ("acomp", "oprd", "xcomp")}
            if head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX", "ADJ"):
                words |= {head.head.lemma_.lower(), head.head.lower_}
        root = span.root
        words |= {root.head.lemma_.lower(), root.head.lower_}
        for category, cues in CATEGORY_WORDS.items():
            if words & cues:
                return category
        lemma = counted.lemma_.lower() if counted is not None else ""
        if lemma in PERSONNEL:
            return "troops"
        if lemma in WEAPONS:
            return "weapons"
        return None

    def _political_context(self, span: Span) -> bool:
        return any(t.lemma_.lower() in ("vote", "poll", "support", "approval", "turnout", "seat", "inflation",
                                        "unemployment", "budget", "tariff", "gdp") for t in sentence_of(span[0]))

    def _subject(self, span: Span, counted: Token | None, category: str):
        """Who the figure counts: "1,351 Russian troops" -> RUS MIL; "Soviet forces lost 15,000 troops"."""
        candidates = []
        if counted is not None and counted.dep_ in ("dobj", "obj"):  # "Soviet forces lost 15,000 troops"
            candidates += [c for c in counted.head.children if c.dep_ == "nsubj"]
        if counted is not None and counted.pos_ == "NOUN" and counted.lemma_.lower() not in ("dead", "wounded"):
            candidates.append(counted)
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
                if actor.country is None and counted is not None:
                    continue
                return actor, found[0].span
        return None, None

    def _claimant(self, span: Span, fallback: bool = True):
        """Who states the figure: a reporting verb's subject, "estimates by X", "according to X"."""
        anchor = span.root
        while anchor.pos_ not in ("VERB", "AUX") and anchor.head != anchor:
            anchor = anchor.head
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
        # "estimates by the Pentagon put the figure as high as 7,000"
        subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in ("estimate", "figure", "report", "count", "data",
                                                                "tally", "statistic", "source"):
            hedge = subject.lower_
            reporter = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                             for g in c.children if g.dep_ == "pobj"), reporter)
        bound_words = [p for p, _ in BOUND_WORDS if p in ("as high as", "almost", "nearly", "up to")]
        context = " ".join(t.lower_ for t in self.doc[max(span.start - 3, sentence_of(span[0]).start):span.start])
        extra = next((p for p in bound_words if p in context), None)
        if extra:
            hedge = f"{hedge}, {extra}" if hedge else extra
        if reporter is None and fallback:
            # a parse that misses the frame: the nearest reporting verb before the figure in its sentence
            verbs = [t for t in self.doc[sentence_of(span[0]).start:span.start] if t.pos_ == "VERB" and
                     t.lemma_.lower() in self.lexicon.cues["reporting_verbs"]]
            if verbs:
                hedge = hedge or verbs[-1].lemma_.lower()
                reporter = next((c for c in verbs[-1].children if c.dep_ == "nsubj"), None)
        if reporter is None:
            return None, hedge, None
        found = self.actors.resolve(reporter)
        if found:
            return found[0].actor, hedge, found[0].span
        return Actor(text=reporter.text), hedge, (reporter.idx, reporter.idx + len(reporter.text))

    def _date(self, sent: Span):
        for ent in time_expressions(sent):
            if ent.label_ == "DATE":
                resolved = resolve_date(ent.text, self.pub_date)
                if resolved:
                    return resolved.value, ent.text
        return (self.pub_date.isoformat() if self.pub_date else None), None

    def _period(self, sent: Span) -> str | None:
        return next((e.text for e in time_expressions(sent) if e.label_ == "DATE" and re.search(
            r"\b(since|past|over|from|during|last|this)\b", e.text, re.I)), None)

    def _historical(self, sent: Span) -> bool:
        """A figure about a period that ended years before publication is a comparison, not a current claim."""
        if self.pub_date is None:
            return False
        years = [int(y) for e in time_expressions(sent) if e.label_ == "DATE"
                 for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", e.text)]
        return bool(years) and max(years) < self.pub_date.year - HISTORICAL_YEARS


def link_conflicts(claims: list[Claim]) -> None:
    """Figures for the same category and subject that differ beyond rounding form one conflict group. Works
    within a document or across a corpus (claim ids are unique per document)."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.historical or claim.category in ("money", "percentage", "votes"):
            continue
        subject = (claim.subject.country, claim.subject.type) if claim.subject else None
        if subject is None:
            continue
        groups[(claim.category, subject)].append(claim)
    for group in sorted(groups.values(), key=lambda group: group[0].claim_id):
        for members in _overlapping(group):
            _link(members)


def _overlapping(claims: list[Claim]) -> list[list[Claim]]:
    """Figures whose dates lie within a month of each other speak of the same period."""
    ordered = sorted(claims, key=lambda c: c.date or "")
    runs: list[list[Claim]] = []
    for claim in ordered:
        if runs and _days_apart(runs[-1][0], claim) <= PERIOD_DAYS:
            runs[-1].append(claim)
        else:
            runs.append([claim])
    return runs


def _day(value: str | None) -> dt.date | None:
    """"2022-03-29", "2022-03" or "2022" -> its first day."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _days_apart(a: Claim, b: Claim) -> int:
    first, second = _day(a.date), _day(b.date)
    if first is None or second is None:
        return 0  # undated figures are compared with everything in their group
    return abs((second - first).days)


def _link(members: list[Claim]) -> None:
    values = [m.value for m in members]
    if len(members) < 2 or max(values) / max(min(values), 1e-9) <= ROUNDING:
        return
    group_id = f"{members[0].claim_id}:g"
    for claim in members:
        claim.group_id = group_id
        others = [m for m in members if m is not claim and max(m.value, claim.value) / max(
            min(m.value, claim.value), 1e-9) > ROUNDING]
        claim.conflicts_with = [m.claim_id for m in others]
        claim.ratio = round(max(values) / max(min(values), 1e-9), 3)


CASUALTY_FIELDS = {"dead": ("fatalities", {"ASSAULT"}), "wounded": ("injured", {"ASSAULT"}),
                   "arrested": ("arrested", {"COERCE"})}


def link_events(claims: list[Claim], events: list[Event]) -> None:
    """A casualty or arrest figure counts the event of its sentence; the event keeps every source's figure."""
    for claim in claims:
        if claim.category not in CASUALTY_FIELDS:
            continue
        field, types = CASUALTY_FIELDS[claim.category]
        event = next((e for e in events if e.sentence_index == claim.sentence_index and e.event_type in types), None)
        if event is None:
            continue
        claim.event_id = event.event_id
        getattr(event, field).append(CasualtyFigure(value=claim.value, bound=claim.bound, claimant=claim.claimant,
                                                    claim_id=claim.claim_id))
