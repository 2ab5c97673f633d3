"""Quotes: quoted words with their speaker and cue verb. A short quoted word that nobody is said to have said
("gaffe", "revelations") is a scare quote or a title and is flagged as such, with no speaker invented."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from eventcoder.actors.resolver import DocumentActors
from eventcoder.events.patterns import Lexicon
from eventcoder.models import Actor, Event, Quote
from eventcoder.nlp import sentence_of

QUOTE_MARKS = {'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "'", "\u2018", "\u2019"}
QUOTE_PAIRS = re.compile(r"\u201c([^\u201d]{1,3000})\u201d|\"([^\"]{1,3000})\"|\u00ab([^\u00bb]{1,3000})\u00bb")
# Verbs that introduce or frame quoted speech beyond the reporting verbs ("called X a 'butcher'").
SPEECH_VERBS = {"call", "denounce", "describe", "brand", "label", "dub", "speak", "term", "accuse", "warn",
                "urge", "vow", "condemn", "praise", "promise", "threaten", "ask", "reply", "answer", "write",
                # judging in words: "hailed 'the day the weapons are exchanged for words'", "rejected it as 'insulting'"
                "hail", "welcome", "decry", "slam", "blast", "criticise", "criticize", "reject", "lament", "mock",
                "deride", "applaud", "laud", "commend", "dismiss", "blame",
                # directives: "authorised troops to 'shoot to kill'", "ordered police to 'clear the streets'"
                "order", "authorise", "authorize", "instruct", "command",
                # saying again: "repeated that an incursion would follow 'at the most convenient time'"
                "repeat", "reiterate"}
# putting a figure in words: "put the number at 'roughly 10,000'" (only with a subject of their own)
FIGURE_VERBS_OF_SPEECH = {"put", "estimate"}
SPEECH_VERBS |= FIGURE_VERBS_OF_SPEECH
# Opening words that point a sentence back at the quote before it: "With those words, President Ali dismissed ..."
BACK_REFERENCES = re.compile(r"^(with|in|using) (those|these|such) words\b|^(those|these) words\b", re.I)
WORDS_OF = re.compile(r"^\W*(?:those|these|the|such|that|this) (?:were the |was the |is the )?(?:words|message)\b",
                      re.I)
# Entity labels of who can speak; a speech verb whose subject is none of these ("the build-up showed") is no cue.
SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
SCARE_MAX_WORDS = 3
# Texts a few quoted words can be the topic of ("a bill on 'foreign agents'"): the narrator's label for the topic
TEXT_NOUNS = {"bill", "law", "decree", "act", "resolution", "report", "treaty", "statute", "legislation", "amendment",
              "debate", "referendum", "vote", "ban"}
SPOKESPERSONS = {"spokesman", "spokeswoman", "spokesperson", "representative"}  # who speak for a body
# Nouns for what was said, as the subject of "came from": "The warning came from the foreign adviser".
SPEECH_NOUNS = {"warning", "remark", "comment", "word", "words", "message", "statement", "appeal", "plea", "threat",
                "call", "admission", "assessment", "rebuke", "criticism", "response", "reply", "pledge", "promise"}
PERSON_SENTENCES = 3  # how far back "he" looks for the person it stands for ("the governor": the whole text)
PERSON_TITLE_WINDOW = 6  # tokens around a person's name where their title is read
# A name given to a thing, not words anyone said: "so-called 'carousel' voting", "war games code-named 'Joint
# Sword'", "a campaign run under the name 'Oplan Tokhang'".
NAMING_BEFORE = re.compile(r"\b(?:so-called|so called|code-?named|named|known(?: \w+ly)? as(?: the| a)?|titled|"
                           r"entitled|under the (?:name|banner|slogan|title))\s*$", re.I)
# "the citizens' movement 'Dosta'": a name in apposition to the kind of thing it names (but "calling the campaign
# 'the end of the gangs' empire'" is the caller's words)
NAME_NOUN_BEFORE = re.compile(r"\b(?:movement|campaign|operation|initiative|programme|program|coalition|alliance|"
                              r"hashtag|slogan)\s*$", re.I)
# How quoted words can sit inside what a speech verb says ("declared that he was not willing to make
# concessions on 'territorial integrity'"); any other clause boundary ends the search for a cue.
SPEECH_CONTENT_DEPS = {"ccomp", "xcomp", "acomp", "pcomp", "oprd"}
# Clauses that stay inside what was said when they hang in a said clause: "said that X and that 'Y'", "had taken
# measures against vessels that had 'illegally intruded'".
CLAUSES_WITHIN_SPEECH = {"conj", "relcl", "acl", "advcl"}


def _reported_content(clause: Token) -> bool:
    """Whether a clause hangs, through its heads, in the complement of a verb: the words of someone's report."""
    return any(a.dep_ in ("ccomp", "xcomp") for a in clause.ancestors)


class QuoteExtractor:
    def __init__(self, doc: Doc, doc_id: str, actors: DocumentActors, lexicon: Lexicon):
        self.doc, self.doc_id, self.actors, self.lexicon = doc, doc_id, actors, lexicon
        self.text = actors.text  # read once: Doc.text is rebuilt on every access
        self.speech = set(lexicon.cues["reporting_verbs"]) | SPEECH_VERBS
        # the modal words the event coder reads for planned and hypothetical events, and "should"
        self.unrealised = set(lexicon.cues["future_auxiliaries"]) | set(lexicon.cues["hypothetical_modals"]) | {
            "should"}
        self.sentence_index = {sent.start: i for i, sent in enumerate(doc.sents)}

    def extract(self, events: list[Event]) -> list[Quote]:
        quotes: list[Quote] = []
        previous_end = -1
        for n, match in enumerate(QUOTE_PAIRS.finditer(self.text)):
            start, end = match.span()
            inner = next(g for g in match.groups() if g is not None)
            if not inner.strip():
                continue
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            quote = self._quote(n, span, inner.strip(), (start, end), events)
            previous = quotes[-1] if quotes else None
            if quote.speaker is None and quote.kind == "direct" and previous is not None and \
                    previous.speaker is not None and previous.kind == "direct" and \
                    quote.sentence_index - previous_end <= 1 and self._whole_sentence(span, sentence_of(span[0])):
                # '"These figures are inflated," the minister said. "Thousands have come home."': the same speaker
                quote = quote.model_copy(update={"speaker": previous.speaker, "speaker_name": previous.speaker_name,
                                                 "cue": previous.cue})
            quotes.append(quote)
            previous_end = self.sentence_index[sentence_of(span[-1]).start]  # a quote may run over two sentences
        return quotes

    def _quote(self, n: int, span, text: str, chars: tuple[int, int], events: list[Event]) -> Quote:
        sent = sentence_of(span[0])
        index = self.sentence_index[sent.start]
        cue = self._cue(span)
        speaker = speaker_span = subject = None
        if cue is not None:
            subject = self._cue_subject(cue) or self._between_quote_and_cue(span, cue)
            if subject is not None:
                speaker, speaker_span = self._speaker(subject)
        elif self._whole_sentence(span, sent):
            # '"Not one square centimetre ... will be given up." With those words, President Ali dismissed ...'
            cue, subject = self._next_sentence_speaker(sent)
            if subject is None:
                cue, subject = self._previous_sentence_speaker(sent)
            if subject is not None:
                speaker, speaker_span = self._speaker(subject)
        if cue is not None and (teller := self._teller(span, cue)) is not None:
            subject = teller
            speaker, speaker_span = self._speaker(subject)
        if (owner := self._in_the_words_of(span)) is not None:
            # 'accused Armenia of "large-scale provocations", in the words of spokesman Kamran Huseynov'
            cue, subject = owner.head.head, owner
            speaker, speaker_span = self._speaker(subject)
        words = len(text.split())
        before = self.text[max(chars[0] - 40, 0):chars[0]]
        so_called = NAMING_BEFORE.search(before) is not None or self._a_name(span, text, before) or (
            NAME_NOUN_BEFORE.search(before) is not None and span.root.dep_ not in ("oprd", "attr", "dobj", "acomp"))
        if so_called or cue is None or speaker is None or (words <= SCARE_MAX_WORDS and self._in_a_modifier(span, cue)):
            kind = "scare" if words <= SCARE_MAX_WORDS or so_called else "direct"
        else:
            kind = "direct" if words > SCARE_MAX_WORDS and self._stands_alone(span, chars[0]) else "partial"
        if kind == "scare":
            speaker = speaker_span = None
            cue = None
        person = self._person_named_before(subject) if speaker is not None and subject is not None and not any(
            c.dep_ == "appos" for c in subject.children) else None
        if person is not None and subject.lower_ in ("he", "she") and speaker.name and \
                person[-1].text not in speaker.name:
            # the knowledge base's last "he" is not the last person the text named: the text wins
            named = self.actors.resolve(person.root)
            speaker = named[0].actor.model_copy(update={"text": subject.text}) if named and named[0].actor.role \
                else Actor(text=subject.text, name=person.text)
        elif person is not None and not (speaker.role and speaker.name):
            speaker = speaker.model_copy(update={"name": person.text})
        event_id = None
        if cue is not None:
            event_id = next((e.event_id for e in events if e.evidence.trigger and
                             e.evidence.trigger[0] <= cue.idx < e.evidence.trigger[1]), None)
        return Quote(
            quote_id=f"{self.doc_id}:q{n}",
            doc_id=self.doc_id,
            sentence_index=index,
            text=text,
            kind=kind,
            speaker=speaker,
            speaker_name=speaker.name if speaker and (speaker.role or person) else (
                self._named_earlier(subject) or speaker.text if speaker else None),
            cue=cue.lemma_.lower() if cue is not None else None,
            event_id=event_id,
            evidence={"quote": chars, "speaker": speaker_span,
                      "cue": (cue.idx, cue.idx + len(cue.text)) if cue is not None else None},
        )

    def _named_earlier(self, subject: Token | None) -> str | None:
        """"The ministry said", "a ministry spokesman said" after "the interior ministry said": the body named in
        full before (its modifiers with it) is who speaks."""
        if subject is None or subject.pos_ != "NOUN":
            return None
        body = next((c for c in subject.children if c.dep_ == "compound" and c.pos_ == "NOUN"), subject) \
            if subject.lemma_.lower() in SPOKESPERSONS else subject
        if not any(c.dep_ == "det" for c in subject.children):
            return None
        earlier = next((t for t in reversed(self.doc[:subject.i]) if t.lemma_.lower() == body.lemma_.lower() and
                        any(c.dep_ in ("amod", "compound") and c.i < t.i for c in t.children)), None)
        if earlier is None:
            return None
        # "the Oslo-based group Iran Human Rights ... the group said": the name the description came with
        name = next((c for c in earlier.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None) or (
            earlier.head if earlier.dep_ == "compound" and earlier.head.pos_ == "PROPN" else None)
        if name is not None:
            return self.doc[earlier.i + 1:name.i + 1].text
        return self.doc[earlier.left_edge.i:earlier.i + 1].text.removeprefix("the ").removeprefix("The ")

    @staticmethod
    def _cue_subject(cue: Token) -> Token | None:
        """The cue's subject, else the subject it shares up a chain of coordinated or embedded clauses ("Tokayev
        said Almaty had been attacked ... and authorised troops to '...'")."""
        verb = cue
        if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.i > 0 and cue.doc[cue.i - 1].text == ",":
            # "Araghchi said Washington must release the funds, calling that 'a test of goodwill'": a participle
            # after a comma tells more of the speaker's clause, not of the content clause it was hung on
            while verb.head.dep_ == "ccomp" and verb.head.head != verb.head:
                verb = verb.head.head
        for _ in range(4):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and verb is not cue and verb.dep_ == "ccomp" and cue.dep_ == "conj":
                # "said a dozen people had died and insisted that ...": the parse hung the second speech verb on
                # the first one's content; it is the speaker's, not the dead's
                verb = verb.head
                continue
            if subject is not None and not (subject.dep_ == "nsubjpass" and verb is not cue):
                return subject
            if verb.dep_ == "relcl":
                return verb.head
            if verb.dep_ not in ("conj", "advcl", "xcomp", "ccomp") or verb.head == verb:
                return None
            verb = verb.head
        return None

    def _speaker(self, subject: Token) -> tuple[Actor | None, tuple[int, int] | None]:
        """The actor a speech verb's subject names; "Its spokesman, Yasser al-Farhan," is named by the apposition."""
        # the tagger may miss the name ("The OLA's spokesman, Odaa Tarbii,"): any proper noun in apposition
        # ("the headteacher, Sani Abdullahi," tagged a place: a name no gazetteer or knowledge base knows as one)
        name = next((c for c in subject.children if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or (
            c.pos_ == "PROPN" and (c.ent_type_ not in ("GPE", "LOC", "NORP", "DATE") or (
                c.ent_type_ in ("GPE", "LOC") and c.i not in self.actors.token_places and
                c.i not in self.actors.by_token))))), None)
        found = self.actors.resolve(subject)
        voiced = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                       if g.dep_ == "pobj"), None) if subject.lemma_.lower() in SPOKESPERSONS else None
        if name is None and voiced is not None:
            # "A spokesman for the Fano command": the body the spokesman speaks for, named by the whole phrase
            phrase = self.doc[subject.left_edge.i:voiced.right_edge.i + 1]
            body = self.actors.resolve(voiced)
            actor = body[0].actor.model_copy(update={"text": phrase.text}) if body else Actor(text=phrase.text)
            return actor, (phrase.start_char, phrase.end_char)
        if name is not None:
            phrase = self.doc[name.left_edge.i:name.right_edge.i + 1]
            named = self.actors.resolve(name)
            actor = named[0].actor if named and named[0].actor.role else Actor(
                text=phrase.text, country=found[0].actor.country if found else None,
                type=found[0].actor.type if found else None)
            return actor, (phrase.start_char, phrase.end_char)
        if found:
            return found[0].actor, found[0].span
        if subject.pos_ in ("NOUN", "PROPN"):  # "both sides": a speaker not in the knowledge base
            phrase = self.doc[subject.left_edge.i:subject.i + 1]
            return Actor(text=phrase.text), (phrase.start_char, phrase.end_char)
        return None, None

    def _person_named_before(self, subject: Token) -> Span | None:
        """The person a speaker pronoun or role stands for when the knowledge base does not know them: "he" is
        the last person named before ("Navy spokesman Jay Tarriela showed ... 'These vessels ...,' he said");
        "the governor" the last person named with that title ("Governor Uba Sani", "Sandis Tsaka, the
        provincial administrator", "named Alvaro Patino as its chief negotiator")."""
        pronoun = subject.lower_ in ("he", "she")
        role = subject.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in subject.children)
        if not (pronoun or role):
            return None
        first = [s.start for s in self.doc.sents if s.start <= subject.i][-PERSON_SENTENCES:][0] if pronoun else 0
        title = subject.lemma_.lower()
        people = [e for e in self.doc.ents if e.label_ == "PERSON" and first <= e.start and e.end <= subject.i
                  and len(e) > 1]
        # "Governor Uba Sani" when the tagger gives no person: the proper nouns after the title
        people += [self.doc[t.i + 1:t.head.i + 1] for t in self.doc[first:subject.i] if role and
                   t.lemma_.lower() == title and t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i > t.i + 1]
        people.sort(key=lambda p: p.start)
        for person in reversed(people):
            near = self.doc[max(person.start - PERSON_TITLE_WINDOW, 0):person.end + PERSON_TITLE_WINDOW]
            if pronoun or any(t.lemma_.lower() == title for t in near):
                return person
        return None

    def _unrealised(self, verb: Token) -> bool:
        """"said Iran would respond 'in due time'", "would agree only if Phnom Penh showed 'sincere intention'":
        speech not yet made, denied or only a condition has no words to quote."""
        return verb.dep_ == "ccomp" and any(c.dep_ == "neg" or c.lower_ in self.unrealised for c in verb.children) or \
            verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)

    def _in_the_words_of(self, span) -> Token | None:
        """The one whose words they were: '"...", in the words of X' right after the quote."""
        after = self.doc[span.end:min(span.end + 6, sentence_of(span[-1]).end)]
        words = next((t for t in after if t.lower_ == "words" and t.i >= 2 and
                      self.doc[t.i - 1].lower_ == "the" and self.doc[t.i - 2].lower_ == "in"), None)
        return next((g for c in words.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
                    None) if words is not None else None

    def _a_name(self, span, text: str, before: str) -> bool:
        """A name in quotation marks, not words anyone said: one that modifies the noun after it ('"ghost town"
        lockdowns', 'its "Plan DN-III-E" emergency protocol'), or a title-cased name after a determiner ('its
        "Illegal Foreigners Repatriation Plan"')."""
        following = self.doc[span.end] if span.end < len(self.doc) else None
        if following is not None and following.pos_ == "NOUN" and any(t.head == following for t in span) \
                and len(text.split()) <= 4 and not any(t.like_num for t in span):  # ('"no fewer than 40" soldiers')
            return True
        words = re.findall(r"[A-Za-z][\w'-]*", text)
        title = len(words) >= 2 and all(w[0].isupper() or w.lower() in ("of", "for", "and", "the") for w in words)
        return title and re.search(r"\b(?:its|the|their|his|her|a|an)\s*$", before, re.I) is not None

    def _between_quote_and_cue(self, span, cue: Token) -> Token | None:
        """'"...," the ABG's independence minister, Ezekiel Masiu, told reporters': a speech verb the parse left
        without subject after the quote is spoken by the noun phrase between them."""
        between = self.doc[span.end:cue.i]
        return next((t for t in between if t.pos_ in ("NOUN", "PROPN", "PRON") and
                     not span.end <= t.head.i < cue.i), None) if cue.i >= span.end else None

    def _teller(self, span, cue: Token) -> Token | None:
        """"Yerevan dismissed that claim as 'pure fiction', a ministry spokeswoman, Lusine Hakobyan, told state
        television": a person named after the quote, telling it at the end of the sentence, said the words."""
        sent = sentence_of(span[-1])
        after = [t for t in self.doc[span.end:sent.end] if t.text not in QUOTE_MARKS]
        verb = next((t for t in after if t.pos_ == "VERB" and t.lemma_.lower() in ("say", "tell")), None)
        if verb is None or cue.i > span.start or not after or after[0].text != "," or any(
                c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
            return None  # (but "said Tajik losses were 'more than 100', while Tajik officials said ...")
        return next((t for t in reversed(self.doc[span.end:verb.i]) if t.ent_type_ == "PERSON"), None)

    def _can_speak(self, verb: Token) -> bool:
        """Whether a speech verb's subject can be a speaker: a person, group or place, a pronoun or a known actor;
        "the build-up showed Washington was 'a full partner'" is what the evidence shows, not who says it."""
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ in ("PRON", "PROPN") or subject.ent_type_ in SPEAKER_LABELS or any(
                c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children):  # "a spokesman, Tesfaye Alemu,"
            return True
        return bool(self.actors.resolve(subject)) or subject.lemma_.lower() in self.actors.kb.agents

    def _in_a_modifier(self, span, cue: Token) -> bool:
        """A few quoted words the narrator names a thing by, inside a prepositional phrase ("in a 'referendum'", "in
        the 'humanitarian zone'"), are scare quotes; the speaker's own words are not ("rested on 'unrealistic
        demands'", "rejected the offer as 'insulting'")."""
        for ancestor in [span.root, *span.root.ancestors]:
            if ancestor == cue:
                return False
            if ancestor.dep_ == "prep" and ancestor.lower_ != "as":
                # "in a five-day 'referendum'", "a bill on 'foreign agents'": the quote names a thing in a phrase
                named = span.root.dep_ == "pobj" and span.root.head == ancestor and (any(
                    c.dep_ in ("det", "amod", "compound", "nummod") and not span.start <= c.i < span.end
                    for c in span.root.children) or ancestor.lower_ in ("on", "about") and
                    ancestor.head.lemma_.lower() in TEXT_NOUNS)
                return span.start > 0 and self.doc[span.start - 1].pos_ == "DET" or named
        return False

    def _whole_sentence(self, span, sent) -> bool:
        inside = [t for t in sent if not t.is_punct]
        return bool(inside) and all(span.start <= t.i < span.end for t in inside)

    def _next_sentence_speaker(self, sent) -> tuple[Token | None, Token | None]:
        """A quote standing as a sentence of its own, attributed by the next one: "With those words, X dismissed",
        or a next sentence whose main verb is a speech verb with a subject ("The minister said so on Monday")."""
        if sent.end >= len(self.doc):
            return None, None
        following = sentence_of(self.doc[sent.end])
        words = next((t for t in following if t.lower_ in ("words", "message")), None)
        if words is not None and WORDS_OF.search(following.text):
            # "Those were the words of NATO's Jens Stoltenberg", "The words were Duterte's own", "That was the
            # message Finance Minister Ahmed Rasheed delivered"
            owner = next((g for c in words.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                          if g.dep_ == "pobj"), None) or next(
                (t for t in following if t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON" or
                 t.dep_ == "poss" and t.pos_ == "PROPN"), None)
            if owner is not None:
                return words, owner
        root = following.root
        told = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.lemma_.lower() == "come" and told is not None and told.lemma_.lower() in SPEECH_NOUNS:
            # "The warning came on Monday from Bangladesh's foreign adviser": whom the words came from
            source = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                           if g.dep_ == "pobj"), None)
            if source is not None:
                return root, source
        back = BACK_REFERENCES.match(following.text)
        if root.pos_ != "VERB" or root.lemma_.lower() not in self.speech and not back:
            return None, None
        if not back and any(c.dep_ == "ccomp" for c in root.children):
            return None, None  # "The army said it had deployed troops": a report of its own, not the quote's
        return root, next((c for c in root.children if c.dep_ == "nsubj"), None)

    def _previous_sentence_speaker(self, sent) -> tuple[Token | None, Token | None]:
        """A quote standing as a sentence of its own after a sentence about what a named person did or said:
        'Abduljaleel defended the lower count. "We count only bodies that have been identified."' - the person is
        the speaker (a sentence with quotes of its own, or a subject that is no named person, says nothing)."""
        if sent.start == 0:
            return None, None
        previous = sentence_of(self.doc[sent.start - 1])
        if any(t.text in QUOTE_MARKS for t in previous):
            return None, None
        root = previous.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.pos_ != "VERB" or subject is None or not self._a_person(subject):
            return None, None
        return root, subject

    def _a_person(self, token: Token) -> bool:
        """A person by the tagger, the knowledge base, or a surname the text gave in full before."""
        if token.ent_type_ == "PERSON" or any(r.person for r in self.actors.resolve(token)):
            return True
        if token.pos_ != "PROPN":
            return False
        for earlier in (t for t in self.doc[:token.i] if t.text == token.text):
            head = earlier
            while head.dep_ == "compound" and head.head != head:
                head = head.head
            if earlier.ent_type_ == "PERSON" or head.dep_ == "appos" and any(
                    r.person for r in self.actors.resolve(head.head)):  # "the health minister, Othman Abduljaleel,"
                return True
        return False

    def _stands_alone(self, span, start: int) -> bool:
        """A full quote is speech of its own: it opens with a capital or follows a colon or a comma
        ('the commander said, "but only if ..."'), rather than running on inside the narrator's sentence."""
        before = self.text[:start].rstrip()
        inner = self.text[start + 1:span.end_char].lstrip()
        return any(t.pos_ in ("VERB", "AUX") for t in span) and (
            inner[:1].isupper() or before.endswith((",", ":")) or not before)

    def _cue(self, span) -> Token | None:
        """The speech verb governing the quote, before it ("called X a 'butcher'"), around it ("'...', he
        said") or across a colon ("displayed everything but enthusiasm: '...'")."""
        for token in (t for t in span if not t.is_punct):  # an opening mark may hang on the sentence before
            below, inside = token, False
            for ancestor in [token, *token.ancestors]:
                # (a conjunct with no subject of its own goes on with the same words: 'rejected the report as
                # "biased" and based on "a fictitious narrative"')
                shared = below.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children)
                if ancestor != token and below.pos_ in ("VERB", "AUX") and below.dep_ not in SPEECH_CONTENT_DEPS \
                        and not shared and not span.start <= below.i < span.end:  # ('called the figure "fabricated"')
                    if below.dep_ not in CLAUSES_WITHIN_SPEECH or not _reported_content(below):
                        break  # another clause: "one 'gaffe' followed another: First, Biden told ..."
                    inside = True
                if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in self.speech and (
                        ancestor.lemma_.lower() not in FIGURE_VERBS_OF_SPEECH or any(
                            c.dep_ == "nsubj" for c in ancestor.children)) and not (
                        span.start <= ancestor.i < span.end and len(span) > 4) and self._can_speak(ancestor) \
                        and not self._unrealised(ancestor) and ancestor.dep_ not in ("amod", "compound") and \
                        not (ancestor.i > 0 and self.doc[ancestor.i - 1].text == "-"):
                    # (but "the UN-declared 'safe area'": a participle naming the thing says nothing)
                    return ancestor
                below = ancestor
            if inside:
                break
        sent = sentence_of(span[-1])  # a quote running over two sentences is attributed after its end
        following = self.doc[span.end:sent.end]
        parenthetical = span[-2].text == "," if len(span) > 2 else False
        if parenthetical or (len(following) and following[0].text == ","):
            # "'...,' he said" / "'...', said the minister" / "'...,' the movement, which called the protests, said"
            verb = next((t for t in following if t.pos_ == "VERB" and t.lemma_.lower() in self.speech and (
                t.i < span.end + 5 or any(c.dep_ == "nsubj" and c.left_edge.i <= span.end + 1 for c in t.children))),
                None)
            if verb is not None:
                return verb
        before = self.doc[max(span.start - 3, 0):span.start]
        colon = next((t for t in reversed(before) if t.text == ":"), None)
        if colon is not None:  # "Biden displayed everything but enthusiasm: '...'"
            clause = [t for t in self.doc[sentence_of(colon).start:colon.i] if t.pos_ in ("VERB", "AUX")]
            # "... and rejected accusations that police had used excessive force: '...'": the speech verb before
            # the colon rather than a verb in what it rejects
            # (the parser may make the quote the main clause and the speech its complement)
            last = next((t for t in reversed(clause) if any(c.dep_ == "nsubj" for c in t.children)), None)
            if last is None or last.head.pos_ != "NOUN":
                return last
            return next((t for t in reversed(clause) if t.lemma_.lower() in self.speech and (
                t.dep_ in ("ROOT", "conj") or t.head.i > colon.i) and self._cue_subject(t) is not None), last)
        # a parenthetical speech verb elsewhere in the sentence ("Ukraine could, he argued, get '...'")
        return next((t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in self.speech and
                     not span.start <= t.i < span.end and any(c.dep_ == "nsubj" and c.pos_ == "PRON"
                                                              for c in t.children)), None)
