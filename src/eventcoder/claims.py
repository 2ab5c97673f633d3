"""Claims: politically relevant quantities (dead, wounded, troops, money, ...), what they count, who states them
and how hedged ("1,351 dead per the Russian Defense Ministry", "up to 7,000 per Pentagon estimates"). The words it
reads are in claim_words.py; its date and scope are claim_setting.py; which figures contradict each other is
claim_links.py."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.resolver import DocumentActors
from eventcoder.claim_setting import ClaimSetting
from eventcoder.claim_sources import ClaimAttribution
from eventcoder.claim_syntax import (
    bare_rate,
    compared_estimate,
    definite_count,
    estimated_again,
    figure_subject,
    first_batch,
    included,
    number_value,
    of_them,
    own_side,
    part_of_earlier,
    phrase_words,
    quantity_tokens,
    restated_count,
    token_lemma,
    verb_given_with,
    written_as_percent,
)
from eventcoder.claim_words import (
    ANAPHORA_SENTENCES,
    ARMED_OWNER_WORDS,
    ATTENDANCE,
    BARE_COUNTS,
    BOUND_WORDS,
    CATEGORY_CUES,
    CATEGORY_WORDS,
    COUNT_NOUNS,
    CROWD_NOUNS,
    CROWD_VERBS,
    CURRENCIES,
    DEPLOYING_VERBS,
    ESTIMATE_VERBS,
    FIGURE_VERBS,
    FORCING_VERBS,
    HOMELANDS,
    INFORMANTS,
    MATERIAL_UNITS,
    OTHER_MINIMUM,
    PART_WORDS,
    PARTS,
    PEOPLE_COUNTS,
    PEOPLE_NOUNS,
    PERSONNEL,
    PLACE_COUNTS,
    SAME_PERIOD,
    TAKING_VERBS,
    TIME_UNITS,
    UPROOTING_PREPS,
    VAGUE,
    WEAPONS,
)
from eventcoder.events.patterns import Lexicon
from eventcoder.models import Actor, Claim
from eventcoder.nlp import sentence_of, sentence_text


class ClaimExtractor(ClaimAttribution, ClaimSetting):
    def __init__(self, doc: Doc, doc_id: str, pub_date: dt.date | None, actors: DocumentActors, lexicon: Lexicon):
        self.doc, self.doc_id, self.pub_date, self.actors, self.lexicon = doc, doc_id, pub_date, actors, lexicon
        self.sentence_index = {sent.start: i for i, sent in enumerate(doc.sents)}
        self._last: Claim | None = None  # the figure just given: "the figure", "it" and ellipses refer to it
        self._last_count: Claim | None = None  # the last count that is not a percentage
        self._last_rate: Claim | None = None  # and the last percentage

    def extract(self) -> list[Claim]:
        claims: list[Claim] = []
        counters: dict[int, int] = defaultdict(int)
        previous_subject: dict[int, tuple[Actor | None, tuple[int, int] | None]] = {}
        previous_claimant: dict[int, tuple] = {}
        self._people_counted: dict[int, str] = {}
        for span in quantity_tokens(self.doc, self.actors.text):
            claim = self._claim(span, previous_subject, previous_claimant, counters)
            if claim is not None:
                claims.append(claim)
                if not claim.partitive or claim.category == "percentage":
                    self._last = claim  # "96 people, including 17 police officers ... put the toll at 278": the whole
                if claim.category != "percentage" and not claim.partitive:
                    self._last_count = claim  # "displaced 578,000, a rise of 60%. X gave a figure of 362,000"
                if claim.category == "percentage":
                    self._last_rate = claim  # "turnout at 61.3%, while a platform that deployed 1,500 monitors
                    # estimated it at 58%"
        return claims

    def _claim(self, span: Span, previous_subject, previous_claimant, counters) -> Claim | None:
        sent = sentence_of(span[0])
        text = span.text
        value, bound = self._value(span)
        if value is None:
            return None
        counted = self._counted_noun(span)
        if counted is not None and token_lemma(counted) in INFORMANTS and counted.dep_ == "nsubj" and (
                token_lemma(counted.head) in self.lexicon.cues["reporting_verbs"] | ESTIMATE_VERBS):
            return None  # "two security sources put the toll at 60": who tells the figure, not a figure
        currency, unit = self._currency(span), None
        if span.label_ == "PERCENT" or written_as_percent(span):
            category, unit = "percentage", "percent"
        elif currency:
            category, unit = "money", currency
        else:
            category = self._category(span, counted)
            if category is None and span.label_ == "MONEY":  # the tagger's money with no currency named
                category, unit = "money", "unknown"
            material = next((t.lemma_.lower() for t in span if t.lemma_.lower() in MATERIAL_UNITS), None)
            if category is None and material is not None:
                category, unit = "other", material  # "about 275 kilograms of uranium"
        index = self.sentence_index[sent.start]
        if category is None and included(span) and self._last is not None and self._last.sentence_index == index:
            category = self._last.category  # "481 protesters had been killed, including 64 minors": part of that count
        if span.start >= 3 and self.doc[span.start - 1].lower_ in ("and", "to", "-") and (
                self.doc[span.start - 3].lower_ == "between" or self.doc[span.start - 1].lower_ != "and" and
                self.doc[span.start - 2].like_num and self.doc[span.start - 3].lower_ != "from" and
                span.end < len(self.doc) and self.doc[span.end].pos_ == "NOUN"):
            return None  # "between 300 and 350", "300 to 400 drones": the upper end of the figure before it
        last = self._last_count if self._last is not None and self._last.category == "percentage" and \
            category != "percentage" and self._last_count is not None else self._last
        if last is not None and last.category != "percentage" and category == "percentage" and \
                self._last_rate is not None:
            last = self._last_rate
        earlier = last if last is not None and index - last.sentence_index <= ANAPHORA_SENTENCES \
            else None
        inherited = None
        if earlier is not None and (self._part_of_them(span) is not None or category is None and (
                counted is None or token_lemma(counted) in COUNT_NOUNS)):
            # "put the figure at more than 300", "Jalili 9.4 million": what the figure just given counted
            inherited, category, unit, currency = earlier, earlier.category, earlier.unit, earlier.currency
        if category is None and counted is None and span.root.dep_ == "nsubjpass" and \
                token_lemma(span.root.head) in TAKING_VERBS:
            category = "captured"  # "287 were seized in the raid", with no count before it to go on
        if category is None:
            return None
        subject, subject_span = self._subject(span, counted, category)
        if earlier is not None and earlier.category == category and earlier.subject is not None and \
                estimated_again(span):
            # "Russia massed 50,000 troops ... A U.S. official estimated the force at 30,000": the same force
            subject, subject_span = earlier.subject, earlier.evidence.get("subject")
        if subject is None and (restated := restated_count(span)) is not None:
            found = self.actors.resolve(restated)
            if found and found[0].actor.country:
                subject, subject_span = found[0].actor, found[0].span
        if subject is None and inherited is not None:
            subject, subject_span = inherited.subject, inherited.evidence.get("subject")
        scope = self._scope(span)
        # "... at least 23 people had been shot dead across the country. The interior ministry put the number killed
        # at six.", "The health ministry has put the figure at 834": the same count, of the same people, over the same
        # ground and time
        recount = counted is not None and token_lemma(counted) in COUNT_NOUNS and earlier is not None and \
            earlier.category == category
        if recount and subject is None and earlier.subject is not None:
            subject, subject_span = earlier.subject, earlier.evidence.get("subject")
            scope = scope or earlier.scope
        if subject is None and category in ("dead", "wounded", "captured", "missing", "arrested") \
                and index in previous_subject:
            subject, subject_span = previous_subject[index]  # "1,351 troops died and 3,925 were wounded"
        if subject is not None:
            previous_subject[index] = (subject, subject_span)
        claimant, hedge, claimant_span = self._claimant(span, counted, fallback=index not in previous_claimant)
        if claimant is None and index in previous_claimant:
            claimant, hedge, claimant_span = previous_claimant[index]  # "... as high as 7,000 dead and almost 30,000"
        if claimant is not None:
            previous_claimant[index] = (claimant, hedge, claimant_span)
        if claimant is not None and claimant.country and (own_side(span) or subject is None and counted is not None
                                                          and counted.lower_ in ("members", "men") and
                                                          claimant.type in ("REB", "MIL", "UAF")):
            # "Tajik officials reported 41 deaths on their side", "Hezbollah announced the deaths of 21 members": an
            # armed group's members or men, counted by it, are its own
            subject, subject_span = claimant, claimant_span
        date_value, date_text = self._date(sent, span)
        period_text = self._period(sent)
        # (but "had earlier put the number killed in the first week at 149" gives a time of its own)
        if earlier is not None and SAME_PERIOD.search(sent.text) or recount and period_text is None and \
                earlier.period_text is not None and not any(
                    token_lemma(t) in TIME_UNITS or t.lower_ == "earlier" for t in sent):
            # "put the figure for the same date at 1.76 million", "some 150,000 arrived over the same period"
            date_value, date_text, period_text = earlier.date, earlier.date_text, earlier.period_text
        # (but "gave him 50.8%" after "turnout was 86.1%": a share given to someone is not the rate just given)
        counted_text = self._counted_text(counted, category) or (
            earlier.counted if earlier is not None and earlier.category == category and
            (inherited is not None or category in ("percentage", "votes") and not self._vote_holders(span))
            else None)
        restated = definite_count(counted) or bare_rate(counted) or compared_estimate(counted) or (
            counted is not None and counted.lower_ == "it")
        if earlier is not None and earlier.category == category and restated and \
                not (set((counted_text or "").split()) & PART_WORDS):
            # "put the Ugandan death toll at roughly 70", "the junta put the figure at 248", "estimated it at around
            # 58%": the count given before
            counted_text = earlier.counted
        if category in PEOPLE_COUNTS:
            if counted_text is None or counted_text in BARE_COUNTS:
                # "1,351 Russian troops have died ... as high as 7,000 dead": the sentence's people, counted again
                counted_text = self._people_counted.get(index, counted_text)
            elif not set(counted_text.split()) & COUNT_NOUNS and not included(span):
                # people, not "the death toll" (nor "including 35 children": a part of them)
                self._people_counted[index] = counted_text
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
            period_text=period_text,
            historical=self._historical(sent),
            comparison=self._comparison(span),
            partitive=part_of_earlier(span, counted) or first_batch(span) or included(span) or of_them(span) and not (
                # "11,000 troops had been deployed, and at least 100 of them killed": the dead among them, a count
                # of its own
                self._last is not None and self._last.sentence_index == index and self._last.category != category),
            scope=scope,
            counted=counted_text,
            evidence={"value": (span.start_char, span.end_char), "subject": subject_span, "claimant": claimant_span},
        )

    # ---------------------------------------------------------------- parts

    def _value(self, span: Span) -> tuple[float | None, str]:
        lowered = span.text.lower()
        if lowered.startswith("between "):  # "between 5,000 and 7,000": the range starts the claim
            low = re.search(r"\d[\d,.]*(?:\s+(?:million|billion|trillion))?", lowered)
            return (number_value(low.group(0)), "range") if low else (None, "range")
        for phrase, (value, bound) in sorted(VAGUE.items(), key=lambda kv: -len(kv[0])):
            if lowered.strip() == phrase or lowered.startswith(phrase + " "):
                return value, bound
        number = re.sub(r"^(?:[^\d\w]+)", "", lowered)
        for _ in range(2):  # "at only about 12,000", "just under 15,000", "had lost only nine fighters"
            for phrase, _ in BOUND_WORDS:
                if number.startswith(phrase + " "):
                    number = number[len(phrase) + 1:]
            number = re.sub(r"^(?:only|just|a mere|merely)\s+", "", number)
        number = re.sub(r"^(?:us\$|\$|€|£|¥)\s*", "", number)
        value = number_value(number)
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
            return number_value(numbers[1])
        after = self.doc[span.end:min(span.end + 3, len(self.doc))]
        before = self.doc[span.start - 1].lower_ if span.start > 0 else ""
        if len(after) >= 2 and after[1].like_num and (
                (after[0].lower_ in ("to", "-", "and") and before == "between") or
                # "300 to 400 drones" (but "rose from 300 to 400" is a change, not a range)
                (after[0].lower_ in ("to", "-") and before != "from" and len(after) == 3 and after[2].pos_ == "NOUN")):
            return number_value(after[1].text)
        return None

    def _counted_noun(self, span: Span) -> Token | None:
        """What a figure counts: the noun it modifies ("1,351 Russian troops"), the "of" of a partitive ("40 of
        the drones", "46 of its soldiers"), the object a figure is given for ("put the toll at 113", "raised its
        estimate to 732,000"), or the subject a figure is the value of ("losses were more than 200", "the toll
        reached 300")."""
        root = span.root
        head = root.head
        if (part := self._part_of_them(span)) is not None:
            return part  # "Thirteen Cambodians had been killed, five of them soldiers"
        if root.dep_ == "nummod" and token_lemma(head) in TIME_UNITS and any(
                c.dep_ == "nummod" and root.i < c.i < head.i for c in head.children):
            return None  # "up from 3,845 two days earlier": "two" counts the days, the figure stands alone
        after = self.doc[span.end:min(span.end + 3, len(self.doc))]
        if len(after) == 3 and after[0].lower_ in ("to", "-", "and", "or") and after[1].like_num and \
                after[2].pos_ in ("NOUN", "PROPN"):
            return after[2]  # "300 to 400 drones": the range's noun follows its upper end
        if root.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN", "ADJ") and \
                head.i == span.end:
            while head.pos_ == "PROPN" and head.dep_ == "compound" and head.head.i > head.i:
                head = head.head  # "120 Ta'ang National Liberation Army fighters": the name is a modifier
            return head  # "fewer than 500 dead": the word right after the figure says what it counts
        if root.dep_ == "pobj" and head.lower_ in ("at", "to") and verb_given_with(head)[0].pos_ in ("VERB", "AUX"):
            verb, given_for = verb_given_with(head)
            if given_for is not None and token_lemma(verb) in ESTIMATE_VERBS:
                return given_for  # "puts the number killed since July at 650": "at" hung on the participle
            figure = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            if figure is not None and figure.lower_ in ("whom", "which", "that") and verb.dep_ == "relcl":
                figure = verb.head  # "all the hostages it holds, whom the army puts at 38"
            if figure is not None and token_lemma(verb) in ESTIMATE_VERBS:
                # "put Ukrainian dead at more than 2,000": the parser makes the nationality the object
                bare = next((c for c in verb.children if c.dep_ in ("advmod", "acomp", "oprd") and
                             c.lower_ in BARE_COUNTS), None)
                return bare if bare is not None and figure.ent_type_ == "NORP" else figure
            if token_lemma(verb) in FIGURE_VERBS and (subject := figure_subject(verb, pronouns=True)) is not None:
                return subject  # "the toll stood at 300"
        # "the government says the number is below 600", "the number of dead was closer to 30": the subject of the
        # figure verb the comparison hangs on
        compared = head.head if head.lower_ in ("below", "above", "under", "over", "around", "near") else \
            head.head.head if head.lower_ == "to" and head.head.pos_ in ("ADJ", "ADV") else None
        if root.dep_ == "pobj" and compared is not None and token_lemma(compared) in FIGURE_VERBS and \
                (subject := figure_subject(compared)) is not None:
            return subject
        rates = {"turnout"} if written_as_percent(span) else set()
        if root.dep_ == "pobj" and head.lower_ == "of" and \
                token_lemma(head.head) in COUNT_NOUNS - {"it", "crowd"} - ATTENDANCE | rates:
            return head.head  # "a far higher death toll of roughly 1,000", "a tally of 300", "turnout of 61.3%"
        partitive = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
        if partitive is not None:
            return partitive
        if root.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN", "ADJ"):
            return head
        if root.dep_ == "npadvmod" and token_lemma(head) in ESTIMATE_VERBS:
            given = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
            if given is not None:
                return given  # "putting it nearer 40,000": the figure hangs on the verb without its "at"
        if root.dep_ in ("attr", "dobj", "obj", "acomp", "npadvmod") and token_lemma(head) in FIGURE_VERBS and \
                (subject := figure_subject(head)) is not None:
            return subject
        noun = next((t for t in self.doc[span.end:span.end + 3] if t.pos_ in ("NOUN", "ADJ") or
                     t.lemma_.lower() in CATEGORY_CUES), None)
        if noun is not None and noun.i == span.end:
            return noun  # "some 2,350 wounded", "32 dead"
        if root.pos_ == "NOUN":
            return root
        return None

    def _part_of_them(self, span: Span) -> Token | None:
        after = self.doc[span.end:min(span.end + 3, len(self.doc))]
        if len(after) == 3 and after[0].lower_ == "of" and after[1].lower_ in ("them", "those", "whom") and \
                after[2].pos_ in ("NOUN", "PROPN"):
            return after[2]
        return None

    def _currency(self, span: Span) -> str | None:
        sign = re.search(r"us\$|[$\u20ac\u00a3\u00a5]", span.text.lower())
        if sign:
            return CURRENCIES[sign.group(0)]
        window = [t for t in self.doc[max(span.start - 1, 0):min(span.end + 1, len(self.doc))]]
        for token in window:
            if token.pos_ in ("VERB", "AUX") and token.i < span.start:
                continue  # "Pezeshkian won 16.3 million votes": a verb, not the Korean currency
            key = token.lower_ if token.lower_ in CURRENCIES else token.lemma_.lower()
            if key in CURRENCIES:
                return CURRENCIES[key]
        return None

    def _category(self, span: Span, counted: Token | None) -> str | None:
        words, phrase = set(), set()
        if counted is not None and counted.lemma_.lower() in TIME_UNITS:
            return None  # "over about 100 days", "for three hours"
        if counted is not None and counted.lemma_.lower() in PLACE_COUNTS:
            return "other" if (self._value(span)[0] or 0) >= OTHER_MINIMUM else None
        if counted is not None:
            phrase = phrase_words(counted)  # "2,700 wounded fighting": its own words before its clause's verb
            words |= phrase
            head = counted.head  # what happened to them, within their own clause
            if head.lower_ == "of" and head.head == span.root and span.root.head.pos_ in ("VERB", "AUX"):
                head = span.root.head  # "4,000 of its supporters remain in detention": the figure's own verb
            words |= {head.lemma_.lower(), head.lower_}
            words |= {c.lemma_.lower() for c in head.children if c.dep_ in ("acomp", "oprd", "xcomp")}
            if counted.dep_ == "attr" and token_lemma(head) == "be":
                # "army losses were more than 200 soldiers": what the copula's subject counts
                words |= {c.lemma_.lower() for c in head.children if c.dep_ in ("nsubj", "nsubjpass")}
            # "forced from their homes", "sought asylum in Tanzania": read only when nothing closer says it
            around = {g.lemma_.lower() for c in head.children if c.dep_ in ("prep", "dobj") for g in [c, *c.children]}
            if head.pos_ not in ("VERB", "AUX") and head.head.pos_ in ("VERB", "AUX", "ADJ") or \
                    head.lower_ == "of" and head.head.pos_ == "NOUN":  # "the displacement of 30,000 people"
                words |= {head.head.lemma_.lower(), head.head.lower_}
            # "29,675 people were victims of homicide": what they fell victim to
            words |= {g.lemma_.lower() for v in (counted, *head.children) if v.lemma_.lower() == "victim"
                      for p in v.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                      if g.dep_ == "pobj"}
            if head.lemma_.lower() == "hold" and any(c.dep_ == "auxpass" for c in head.children):
                words.add("detain")  # "more than 4,300 protesters had been held"
            if head.lemma_.lower() == "hold" and counted.dep_ in ("dobj", "obj") and \
                    counted.lemma_.lower() in PEOPLE_NOUNS and self._held_by_actor(head):
                words.add("captive")  # "estimates the group holds as many as 38 people" (not "the stadium holds")
            if any(c.dep_ == "prep" and c.lower_ == "in" and any(token_lemma(g) == "hand" for g in c.children)
                   for c in head.children):
                words.add("captivity")  # "fewer than 500 of its men are in paramilitary hands"
            # "41,000 people had been driven from camps", "the number of people forced from their homes"
            people = [counted, *(g for c in counted.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for g in c.children if g.dep_ == "pobj")]
            forcing = [head, *(c for p in people for c in p.children if c.dep_ in ("acl", "relcl"))]
            # ("driven 600,000 people across the border into Chad": out of their homes, into another country)
            forced = any(token_lemma(v) in FORCING_VERBS and any(c.lower_ in UPROOTING_PREPS for c in v.children)
                         for v in forcing)
            if forced or token_lemma(head) in FORCING_VERBS and any(c.lower_ in UPROOTING_PREPS
                                                                    for c in counted.children):
                words.add("displace")  # (the parse may hang "from their homes" on the people forced)
            for clause in [head, *(c for c in counted.children if c.dep_ == "relcl")]:
                if token_lemma(clause) == "leave" and any(token_lemma(c) in HOMELANDS for c in clause.children):
                    words.add("displace")  # "Venezuelans who have left their country"
        root = span.root
        words |= {root.head.lemma_.lower(), root.head.lower_}
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
            # "acknowledged the deaths of 14 of the movement's fighters": what happened to the figure's people
            words |= {root.head.head.lemma_.lower(), root.head.head.lower_}
        # "32 were missing"
        words |= {c.lemma_.lower() for c in root.head.children if c.dep_ in ("acomp", "attr", "oprd")}
        own = {counted.lemma_.lower(), counted.lower_} if counted is not None else set()
        if counted is not None and token_lemma(counted) in COUNT_NOUNS:
            # "the number of dead", "the death toll": what the count is of says what it counts
            # ("the number deployed", "the number killed": the participle after it too)
            own |= {w for c in counted.children if c.dep_ in ("compound", "amod", "acl")
                    for w in (c.lemma_.lower(), c.lower_)}
            # "its count of confirmed dead": the parser may make "confirmed" the object and "dead" its predicate
            own |= {w for c in counted.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj" for t in (g, *(m for m in g.children if m.dep_ in ("oprd", "acomp")))
                    for w in (t.lemma_.lower(), t.lower_)}
        if counted is not None and token_lemma(counted) in COUNT_NOUNS and any(
                c.dep_ == "acl" and token_lemma(c) == "hold" for c in counted.children) and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in counted.children):
            return "arrested"  # "the number held was closer to 120" (but "the number of Ukrainians held in Russia")
        given = counted.head if counted is not None and counted.dep_ == "pobj" and \
            counted.head.lower_ in ("at", "to") else None
        if given is not None and token_lemma(given.head) in ESTIMATE_VERBS:
            # "put the toll at between 60 and 100 soldiers": the count given says what the soldiers are
            own |= {token_lemma(c) for c in given.head.children if c.dep_ in ("dobj", "obj") and
                    token_lemma(c) in COUNT_NOUNS | CATEGORY_CUES}
        lemma = counted.lemma_.lower() if counted is not None else ""
        if counted is not None and own & CATEGORY_WORDS["captured"] and token_lemma(counted.head) in \
                CATEGORY_WORDS["dead"] | CATEGORY_WORDS["wounded"]:
            # "at least 45 prisoners had died": what befell the captives says what is counted
            return "dead" if token_lemma(counted.head) in CATEGORY_WORDS["dead"] else "wounded"
        for n, vocabulary in enumerate((own, phrase, words, around if counted is not None else set())):
            if n == 2 and lemma in WEAPONS:
                return "weapons"  # "had lost two tanks": the tanks are lost, not dead
            for category, cues in CATEGORY_WORDS.items():
                if vocabulary & cues:
                    return category
        if lemma in COUNT_NOUNS and own & DEPLOYING_VERBS:
            return "troops"  # "put the number deployed at 12,000"
        if lemma in COUNT_NOUNS and own & TAKING_VERBS:
            return "captured"  # "putting the number taken at 137"
        if lemma in COUNT_NOUNS:  # "the number of North Korean soldiers in Russia at 12,000"
            lemma = next((g.lemma_.lower() for c in counted.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), lemma)
        if lemma in PERSONNEL:
            return "troops"
        if lemma in WEAPONS:
            return "weapons"
        taking_part = counted is not None and any(c.lower_ == "part" for c in counted.head.children)
        if counted is not None and words & TAKING_VERBS and not taking_part and lemma in PEOPLE_NOUNS | {
                w.removesuffix("s") for part in PARTS.values() for w in part}:
            return "captured"  # "seized 287 pupils and teachers", "251 pupils had been taken" (not "taken part")
        if lemma in CROWD_NOUNS and (lemma in ("crowd", "protester", "demonstrator", "marcher") or
                                     words & CROWD_VERBS) or lemma in ATTENDANCE:
            return "crowd"  # (and "put turnout at more than 2.8 million": a turnout given as a number of people)
        if counted is not None and counted.lemma_.lower() not in COUNT_NOUNS and counted.pos_ == "NOUN" and \
                not counted.like_num and (number_value(span.text) or 0) >= OTHER_MINIMUM:
            return "other"  # "1,500 extra medical school places", "12,000 trainee doctors"
        return None

    def _counted_text(self, counted: Token | None, category: str) -> str | None:
        """What the figure counts, as written ("civilians", "inflation", "vote"): the noun, or for a percentage
        the noun measured ("51.2 percent of the vote", "inflation reached 85.5 percent")."""
        if counted is None:
            return None
        if category == "percentage" and counted.lemma_.lower() in ("percent", "%", "percentage", "point"):
            of = next((g for c in counted.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"), None)
            return of.lemma_.lower() if of is not None else None
        if counted.lemma_.lower() in COUNT_NOUNS:  # "the number of rockets", "the civilian death toll"
            of = next((g for c in counted.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj" and not g.like_num and g.lower_ not in ("%", "percent")), None)
            if of is not None:
                counted = of
            elif counted.lemma_.lower() not in ATTENDANCE and not any(c.dep_ in ("amod", "compound")
                                                                      for c in counted.lefts):
                return None  # "the figure", "it": what the figure just given counted ("turnout" names itself)
        among = next((g for c in counted.children if c.dep_ == "prep" and c.lower_ == "among" for g in c.children
                      if g.dep_ == "pobj" and any(g.lower_ in nouns for nouns in PARTS.values())), None) \
            if counted.lower_ in BARE_COUNTS else None  # (but "deaths among its ranks" are its dead)
        if among is not None:
            counted = among  # "losses among junta troops were more than 200": the troops' losses
        modifiers = [c for c in counted.lefts if c.dep_ in ("amod", "compound", "nmod") and not c.like_num or
                     # "the attackers' losses": an armed owner says whose dead they are
                     c.dep_ == "poss" and counted.lower_ in BARE_COUNTS and c.lemma_.lower() in ARMED_OWNER_WORDS]
        return " ".join(t.text for t in [*modifiers, counted]).lower()

    def _held_by_actor(self, verb: Token) -> bool:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subject is not None and bool(self.actors.resolve(subject))


