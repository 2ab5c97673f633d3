"""Proposals and positions in negotiations.

A proposal is introduced by a proposing word ("submitted its proposals ... which include:", "proposed a
ceasefire") and has items, each with a topic and its conditions ("in exchange for", "unless"). A numbered
list after the introduction gives one item per entry. A position is an actor's stance on a negotiation topic,
read off a coded event (REJECT -> rejects, REQUEST -> demands, AGREE/SUPPORT -> supports)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from eventcoder import proposal_lists as lists
from eventcoder.actors.coref import PRONOUNS
from eventcoder.actors.resolver import DocumentActors
from eventcoder.models import Actor, Event, Proposal, ProposalItem
from eventcoder.nlp import sentence_of

TOPICS = [  # first match wins: the main clause is read before the conditions
    ("ceasefire/withdrawal", r"\b(ceasefire|cease-fire|truce|withdraw\w*|pull\w* (back|out)|de-?escalat\w*|"
                             r"armistice|hostilities)\b"),
    ("security guarantees", r"\bsecurity guarantee\w*|\bguarantors?\b"),
    ("neutrality", r"\bneutral\w*|non-?aligned|military alliance|foreign (military )?bases\b"),
    ("membership", r"\b(membership|accession|entrance into|entry into|join(ing)? (the )?(eu|nato|european union))\b"),
    ("territory/status", r"\b(territor\w*|status of|sovereignty|border\w*|annex\w*|crimea\w*|donbass?|"
                         r"autonomy|referendum|occupied)\b"),
    ("sanctions", r"\bsanction\w*|embargo\w*"),
    ("prisoners", r"\b(prisoner|hostage|detainee|captive|pow)s?\b|\bexchange of\b"),
]
CONDITION_MARKERS = re.compile(r"\b(in exchange for|in return for|in exchange|in return|unless|provided that|"
                               r"providing that|on condition that|on the condition that|as long as|if|only if|"
                               r"subject to)\b",
                               re.I)
UNDER_IT = re.compile(r"^(?:Under (?:it|them|the (?:plan|proposal|draft|framework|deal|offer|terms))),", re.I)
ATTRIBUTION_TAIL = re.compile(r",\s+[^,]{0,80}\b(?:said|says|added|told reporters)\W*$")
OPENING_MARKER = re.compile(r"^\s*\(?\d{1,2}[.)]\s")  # a sentence that opens with the next entry's number
# an entry's number the sentence splitter cut off: "..., b)", "; and 4."
CUT_MARKER = re.compile(r"[:;,]\s*(?:(?:and|or)\s+)?\(?(?:\d{1,2}\.|(?:\d{1,2}|[a-h])\))\s*$|^\s*\d{1,2}\.\s*$")
LAST_LINE_MARKER = re.compile(r"\n\s*\d{1,2}\.\s*$")
PROPOSING_VERBS = {"propose", "offer", "present", "submit", "table", "unveil", "hand"}
DOMESTIC_TYPES = {"PTY", "OPP", "LEG", "JUD", "CVL", "LAB"}
# Verbs whose subject complies with a list someone else sets: "if Ukraine met two conditions".
COMPLYING_VERBS = {"meet", "accept", "fulfil", "fulfill", "satisfy", "comply", "agree", "commit"}
SUGGESTING_VERBS = {"suggest", "float", "outline", "sketch", "moot"}
PHRASAL_PROPOSING = {"set": ("out",), "lay": ("out",), "put": ("forward",)}
PROPOSAL_NOUNS = {"proposal", "counter-proposal", "counterproposal", "plan", "offer", "package", "terms",
                  "initiative", "blueprint", "roadmap", "framework", "memorandum", "draft", "formula",
                  "peace plan", "ceasefire proposal",
                  # a list of what one side asks: "a list of conditions ...: (a) ...; (b) ..."
                  "condition", "demand", "point", "step"}
# Verbs that lay out a list after a colon: "listed what Caracas expects ...: an end to ..., ... and ..."
AUTHORING_PARTICIPLES = {"drafted", "brokered", "proposed", "authored", "written", "sponsored", "mediated", "led"}
PRESENTING_PARTICIPLES = {"presented", "submitted", "tabled", "unveiled", "offered", "put", "laid", "set"}
READY_WORDS = {"ready", "willing", "prepared"}
# Reports of what a side would do that make an offer when a condition follows ("told the junta that it would ...")
OFFERING_REPORTS = {"say", "tell", "announce", "offer", "promise", "pledge", "write", "inform", "signal"}
OFFER_CONDITION = re.compile(r"\b(in exchange for|in return for|provided that|providing that|on condition that|"
                             r"on the condition that|as long as|only if|if)\b", re.I)
LISTING_VERBS = {"list", "want", "expect", "name", "urge", "ask", "seek", "insist", "need"}
# A package signed or reached is a deal made, not a proposal: "the EU signed a €7.4 billion package with Egypt"
SEALING_VERBS = {"sign", "conclude", "seal", "reach", "clinch", "ink", "approve", "strike", "finalise", "finalize"}


def _colon_list_after(clause: Span) -> bool:
    """A colon list of at least three items (or two on semicolons) closing the clause a verb opens."""
    items, _ = lists.colon_list(clause.text)
    return len(items) >= 3 or (len(items) == 2 and ";" in clause.text)


# Heads of a body that can make demands though the knowledge base does not know it: "the protest committee".
GROUP_NOUNS = {"committee", "coalition", "alliance", "movement", "union", "association", "council", "front",
               "platform", "bloc", "group", "organisation", "organization", "federation", "assembly", "delegation",
               "jirga", "shura", "elders", "framework"}
DOMESTIC_GROUPS = {"student", "protest", "opposition", "union", "community", "tribal", "village", "movement",
                   "strike", "peasant", "farmer", "worker"}
DEMANDING_VERBS = {"call", "demand", "propose", "envisage", "include", "require", "foresee", "provide", "want"}
# Words that may open a proposal, for the sentence triage (triage.py)
PROPOSAL_WORDS = PROPOSING_VERBS | SUGGESTING_VERBS | PROPOSAL_NOUNS | set(PHRASAL_PROPOSING)
STANCES = {"REJECT": "rejects", "REQUEST": "demands", "AGREE": "supports", "SUPPORT": "supports",
           "CONCEDE": "concedes"}


def topic_of(text: str) -> str:
    main = text
    for condition in conditions_of(text):
        main = main.replace(condition, " ")
    for source in (main, text):
        for topic, pattern in TOPICS:
            if re.search(pattern, source, re.I):
                return topic
    return "other"


def conditions_of(text: str) -> list[str]:
    """Each condition clause, from its marker to the next clause boundary."""
    found = []
    for match in CONDITION_MARKERS.finditer(text):
        rest = text[match.start():]
        clause = re.split(r"[;,](?![^()]*\))(?=\s+(?:[A-Z]|\w+ would|and not|not\b))|[;.]\s|\s\u2014\s", rest)[0]
        clause = ATTRIBUTION_TAIL.sub("", clause)  # "unless ... within a month, government spokesman X said"
        found.append(clause.strip(" ,;.\"\u201d"))  # a condition quoted to its end: "... "provided that ...""
    return found


class ProposalExtractor:
    def __init__(self, doc: Doc, doc_id: str, actors: DocumentActors):
        self.doc, self.doc_id, self.actors = doc, doc_id, actors
        self.sentences = list(doc.sents)

    def extract(self, events: list[Event]) -> list[Proposal]:
        proposals, taken = self._proposals()
        # content of a proposal is not a position of its own
        stated = [e for e in events if e.sentence_index not in taken and e.modality != "proposed"]
        proposals += self._positions(stated, len(proposals))
        return proposals

    def _proposals(self) -> tuple[list[Proposal], set[int]]:
        """The proposals, and the sentences they take up (the introduction and every entry of its list)."""
        found, taken = [], set()
        for index, sent in enumerate(self.sentences):
            if index in taken:
                continue
            offer = self._conditional_offer(sent)
            # "... and shelve plans for an intervention, on condition that ...": a proposal noun among the offered
            # actions is no introduction of its own
            heads = [h for h in (self._introduction(sent), offer[0] if offer else None) if h is not None]
            for head in heads:
                proposer, recipient, spans = self._parties(head)
                if not proposer:
                    items_text, entries, closing = [], [], []
                elif offer is not None and offer[0] == head:  # the offer's actions, read once
                    items_text, entries, closing = offer[1], [], offer[2]
                else:
                    items_text, entries, closing = self._items(index, sent, head)
                if items_text:
                    break
            if not heads or not items_text:
                continue
            closing += self._later_conditions(index + 1 + len(entries))
            items = [ProposalItem(text=t, topic=topic_of(t), conditions=conditions_of(t)) for t in items_text]
            taken.update([index, *entries])
            found.append(Proposal(
                proposal_id=f"{self.doc_id}:p{len(found)}", doc_id=self.doc_id, kind="proposal",
                sentence_index=index, sentence=sent.text.strip(), actor=proposer, recipient=recipient,
                items=items, conditions=closing, evidence=spans))
        return found, taken

    # ---------------------------------------------------------------- introduction and parties

    def _introduction(self, sent: Span) -> Token | None:
        """The word that introduces a proposal: a proposing verb ("proposed", "set out", "laid out"), or a
        proposal noun ("a counter-proposal", "the EU's plan", "a package", "terms")."""
        demanding = next((t for t in sent if t.pos_ == "VERB" and (
            t.lemma_.lower() in DEMANDING_VERBS and (lists.that_clauses(self.doc[t.i + 1:sent.end].text, modal=False)
                                                     or lists.coordinated_objects(t))
            # "called on Washington and Moscow to do three things: ...; ...; and ...", "listed ...: X, Y and Z"
            or t.lemma_.lower() in DEMANDING_VERBS | LISTING_VERBS and _colon_list_after(self.doc[t.i:sent.end]))),
            None)
        if demanding is not None:
            return demanding  # "demanded that the junta release Bazoum, that he be restored and that ..."
        for token in sent:
            word = token.lemma_.lower()
            given = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("over", "back", "out")
            offered_amount = token.dep_ == "acl" and (token.head.like_num or token.head.ent_type_ == "MONEY")
            if token.pos_ == "VERB" and not offered_amount and (word in PROPOSING_VERBS and not given
                    or word in PHRASAL_PROPOSING and any(
                    c.dep_ == "prt" and c.lower_ in PHRASAL_PROPOSING[word] for c in token.children)):
                # "handed the government its proposals" (but not "hands over its heavy weapons", "$20 million offered")
                return token
            if token.pos_ == "VERB" and word in SUGGESTING_VERBS and any(
                    t.dep_ in ("dobj", "npadvmod") and t.pos_ == "NOUN" for t in token.doc[token.i + 1:token.i + 4]):
                return token  # "suggested a way out of the crisis" (but not "suggested that talks had stalled")
            if token.pos_ == "NOUN" and (word in PROPOSAL_NOUNS or token.lower_ in PROPOSAL_NOUNS or any(
                    c.lower_ in ("point", "points") and any(n.like_num for n in c.children)
                    for c in token.children if c.dep_ in ("amod", "compound", "nmod"))) \
                    and not any(c.dep_ == "neg" or c.lower_ in ("no", "any") for c in token.children) \
                    and not (token.dep_ in ("dobj", "obj") and token.head.lemma_.lower() in SEALING_VERBS):
                return token  # "a counter-proposal", "a five-point consensus", "the 12-point paper"
        colon = next((t for t in sent if t.text == ":"), None)
        counted = next((t for t in reversed(self.doc[sent.start:colon.i]) if t.tag_ == "NNS" and any(
            c.dep_ == "nummod" and c.lower_ in lists.NUMBER_WORDS[1:] for c in t.children)), None) \
            if colon is not None else None
        if counted is not None and len(lists.colon_list(self.doc[counted.left_edge.i:sent.end].text)[0]) == \
                lists.NUMBER_WORDS.index(next(c.lower_ for c in counted.children if c.dep_ == "nummod")) + 1:
            return counted  # "said Tehran was ready to accept three limits on its programme: a, b and c"
        root = sent.root
        if root.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in root.children) and (
                lists.inline_markers(sent.text) or lists.ordinal_items(sent.text)):
            return root  # "Putin said Moscow would order a ceasefire provided that Kyiv (1) withdrew ..., (2) ..."
        counted_ahead = next((t for t in sent if t.tag_ == "NNS" and any(
            c.dep_ == "nummod" and c.lower_ in lists.NUMBER_WORDS[1:] for c in t.children)), None)
        if counted_ahead is not None and lists.ordinal_sentences(self.sentences, self.sentences.index(sent))[0]:
            return counted_ahead  # "would agree to a truce only if three things happened first. First, ... Second, ..."
        return None

    def _parties(self, head: Token):
        """Proposer and addressee: the proposing verb's subject and its "to"/dative; for a proposal noun its
        owner ("Tehran's offer", "a U.S. proposal"), else the subject of the verb that presents it ("Hamas
        presented a counter-proposal", "a memorandum Russia handed to")."""
        spans: dict = {"proposer": None, "recipient": None}
        verb = head if head.pos_ == "VERB" else None
        proposer_tokens: list[Token] = []
        authors: list[Token] = []
        if verb is None:
            # "a proposal by UN envoy Hans Grundberg", "Tehran's offer", "a U.S. proposal"
            proposer_tokens += [g for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
                                for g in c.children if g.dep_ == "pobj"]
            proposer_tokens += [c for c in head.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
            # whoever drafted or brokered it proposes it
            authors = self._authors(head)
            proposer_tokens = authors + proposer_tokens
            # "a US ceasefire plan": the nation modifies a modifier of the noun
            proposer_tokens += [t for t in self.doc[head.left_edge.i:head.i] if t.dep_ in ("amod", "compound", "nmod")
                                and t.head != head and t.pos_ in ("PROPN", "ADJ")]
            presenting = head.head if head.dep_ in ("dobj", "obj", "nsubjpass", "pobj", "appos", "attr") else None
            if presenting is not None and presenting.lemma_.lower() in COMPLYING_VERBS:
                presenting = None  # "if Ukraine met two conditions": the conditions are the stater's
            relative = next((c for c in head.children if c.dep_ == "relcl"), None)
            # "a memorandum Russia handed to ...": the relative clause's subject, unless a verb presents it
            presented = presenting is not None and any(c.dep_ == "nsubj" for c in presenting.children)
            verb = relative if relative is not None and not proposer_tokens and not presented else presenting
            if head.dep_ == "pobj" and presenting is not None and presenting.head.pos_ in ("VERB", "AUX"):
                verb = presenting.head  # "put the following plan to", "offered ... a deal on Wednesday"
                if verb.lemma_.lower() in COMPLYING_VERBS:
                    verb = None  # "the parties had committed to a roadmap": whoever reports it set it out
        if head.pos_ == "VERB":
            # "Biden outlined an Israeli proposal", "presented Egypt's plan": the owner of the plan presented
            shown = next((c for c in head.children if c.dep_ in ("dobj", "obj") and (
                c.lemma_.lower() in PROPOSAL_NOUNS or c.lower_ in PROPOSAL_NOUNS)), None)
            if shown is not None:
                proposer_tokens += self._authors(shown) + [c for c in shown.children if c.dep_ in (
                    "poss", "amod", "compound", "nmod") and c.lower_ not in PRONOUNS]
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                # "leaders meeting in Jakarta reached ...": a participle parsed as the subject stands for its own
                own = [c for c in subject.children if c.dep_ == "nsubj"] if subject.pos_ == "VERB" else []
                authors = self._authors(subject)  # "A Turkish-drafted plan calls for ..."
                proposer_tokens += [*authors, *own, subject]
        if verb is not None and verb.dep_ == "acl" and not proposer_tokens and \
                not any(c.dep_ == "agent" for c in verb.children):
            proposer_tokens.append(verb.head)  # "the Unitary Platform, offered on Thursday to ...": a misparsed verb
        if verb is None or not proposer_tokens:
            # "Tigrayan forces said they would agree ... provided that a list of conditions was met": whoever states
            # the clause the proposal sits in
            proposer_tokens += [c for a in head.ancestors if a.pos_ == "VERB" and a.i < head.i and
                                a.lemma_.lower() not in COMPLYING_VERBS for c in a.children if c.dep_ == "nsubj"]
        # "He said any deal must include three guarantees": a subject that is no actor leaves it to the one who says so
        proposer_tokens += [c for a in head.ancestors if a.pos_ == "VERB" and a.i < head.i and
                            a.lemma_.lower() not in COMPLYING_VERBS for c in a.children if c.dep_ == "nsubj"]
        proposer = recipient = None
        for token in proposer_tokens:
            mention = self.actors.by_token.get(token.i)
            # the author of "a Turkish-drafted plan" is the country itself, though the phrase is not Turkish
            found = [self.actors.country_actor(mention.entries[0], token)] if mention is not None and token in \
                authors and mention.entries[0].kind in ("country", "adjective", "capital") else \
                self.actors.resolve(token)
            if found and (found[0].actor.country or found[0].actor.type):
                proposer, spans["proposer"] = found[0].actor, found[0].span
                if proposer.country is None and proposer.type in DOMESTIC_TYPES:
                    # "Uribe's Democratic Centre party": a party or government body belongs to its sentence's country
                    country = self.actors.sentence_country(token)
                    proposer = proposer.model_copy(update={"country": country,
                                                           "name": proposer.name or self.actors.country_name(country)})
                break
        if proposer is None:
            proposer, spans["proposer"] = self._unknown_group(proposer_tokens)
        if proposer is None and head.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that") for c in head.children):
            earlier = self._named_before(head)
            if earlier is not None:  # "... set out a restructuring offer. The offer has three parts.": that offer's
                proposer, _, earlier_spans = self._parties(earlier)
                spans["proposer"] = earlier_spans["proposer"]
        if verb is not None:
            addressees = [c for c in verb.children if c.dep_ in ("dative", "dobj", "obj") and c != head and
                          c.lemma_.lower() not in PROPOSAL_NOUNS]
            # "presented a draft agreement to Ukraine": the first "to" in the clause, wherever the parser hung it
            addressees += [g for p in verb.subtree if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "with")
                           for g in p.children if g.dep_ == "pobj"]
            for candidate in addressees:
                found = self.actors.resolve(candidate)
                if found and (proposer is None or found[0].actor.country != proposer.country):
                    recipient, spans["recipient"] = found[0].actor, found[0].span
                    break
        return proposer, recipient, spans

    def _authors(self, noun: Token) -> list[Token]:
        """"a US-drafted plan", "the Qatari-brokered proposal", "the plan presented by the United States": the one
        that wrote or put forward the plan."""
        hyphenated = [t for t in self.doc[noun.left_edge.i:noun.i] if t.i + 2 < noun.i and
                      self.doc[t.i + 1].text == "-" and self.doc[t.i + 2].lower_ in AUTHORING_PARTICIPLES]
        # ("the plan between Israel and Hezbollah brokered by Washington": the parser may hang it on a later noun)
        by_agent = [g for participle in noun.subtree if participle.dep_ == "acl" and participle.tag_ == "VBN" and
                    participle.lower_ in AUTHORING_PARTICIPLES | PRESENTING_PARTICIPLES
                    for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        return hyphenated + by_agent

    def _named_before(self, noun: Token) -> Token | None:
        """The proposal noun of the two sentences before that a definite one ("the offer") refers back to."""
        index = self.sentences.index(sentence_of(noun))
        earlier = [t for s in self.sentences[max(index - 2, 0):index] for t in s
                   if t.pos_ == "NOUN" and (t.lemma_.lower() in PROPOSAL_NOUNS or t.lower_ in PROPOSAL_NOUNS)]
        return earlier[-1] if earlier else None

    def _unknown_group(self, tokens: list[Token]) -> tuple[Actor | None, tuple[int, int] | None]:
        """"the protest coordination committee called for ...": a body the knowledge base does not know, named
        by its words, of the country its sentence (or else the report) is about."""
        noun = next((t for t in tokens if t.pos_ == "NOUN" and (t.lemma_.lower() in GROUP_NOUNS or (
            # "student leaders", "protest leaders": a domestic group's leaders (not "world leaders")
            t.lemma_.lower() == "leader" and any(c.lemma_.lower() in DOMESTIC_GROUPS for c in t.children)))
            # "the Tuareg-led Permanent Strategic Framework": an organisation named but unknown
            or t.pos_ == "PROPN" and t.lemma_.lower() in GROUP_NOUNS and t.dep_ == "nsubj"), None)
        if noun is None:
            return None, None
        country = self.actors.sentence_country(noun) or self.actors.dominant_country
        if country is None:
            return None, None
        phrase = self.doc[noun.left_edge.i:noun.i + 1]
        return Actor(text=phrase.text, country=country, name=self.actors.country_name(country)), \
            (phrase.start_char, phrase.end_char)

    # ---------------------------------------------------------------- items

    def _conditional_offer(self, sent: Span) -> tuple[Token, list[str], list[str]] | None:
        """"ECOWAS told the junta that it would reopen the borders, unfreeze the assets and shelve plans for an
        intervention, on condition that Bazoum is freed": several things a side says it would do, on a condition,
        are an offer; the reporting verb introduces it. The actions are read off the words and their tags (the
        parse often breaks on such lists)."""
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in OFFERING_REPORTS:
                continue
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                # "said Tehran was ready to cap enrichment, let inspectors back and ship part of its stockpile"
                ready = next((x for a in clause.children if a.dep_ == "acomp" and a.lemma_.lower() in READY_WORDS
                              for x in a.children if x.dep_ == "xcomp"), None)
                if ready is None and not any(c.dep_ == "aux" and c.lower_ in ("would", "will", "could")
                                             for c in clause.children):
                    continue
                clause = ready or clause
                tail = self.doc[clause.i:sent.end]
                marker = OFFER_CONDITION.search(tail.text)
                if marker is None:
                    continue
                end = next((t.i for t in tail if t.idx >= tail.start_char + marker.start()), sent.end)
                items = lists.parallel_predicates(self.doc[clause.i:end])
                if len(items) >= 2:
                    return verb, items, conditions_of(tail.text[marker.start():])
                # "would halt attacks on shipping in exchange for two steps: an end to ... and the entry of ...":
                # what the other side is to do, listed after a colon
                asked, conditions = lists.colon_list(tail.text[marker.start():])
                if asked:
                    return verb, asked, conditions
        return None

    def _items(self, index: int, sent: Span, head: Token) -> tuple[list[str], list[int], list[str]]:
        """The item texts, the later sentences they take, and the conditions closing the whole list, from the
        first list shape that fits (proposal_lists.py)."""
        text = sent.text.strip()
        after_head, cut = self._continued(self.doc[head.i:sent.end].text, index + 1)
        if text.endswith(":") or ":\n" in text:
            items, entries = lists.lines_after(self.sentences, index)
            if items:
                return items, entries, []
        following = self.sentences[index + 1].text.strip() if index + 1 < len(self.sentences) else ""
        if following.endswith(":") or ":\n" in following:
            # "... handed Armenia a five-point proposal. Under the plan, each side would:\n- ...\n- ..."
            items, entries = lists.lines_after(self.sentences, index + 1)
            if items:
                return items, [index + 1, *entries], []
        for shape in (lists.inline_markers, lists.ordinal_items):
            items = shape(after_head)
            if items:
                return items, list(range(index + 1, cut)), []
        count = next((lists.NUMBER_WORDS.index(c.lower_) + 1 for c in head.children if c.dep_ == "nummod" and
                      c.lower_ in lists.NUMBER_WORDS), None)  # "two limits on its programme: ..."
        items, conditions = lists.colon_list(after_head, count or lists.announced_count(text.split(":", 1)[0]))
        if items:
            return items, [], conditions
        demanding = head if head.pos_ == "VERB" else self._demanding_verb(head)
        demands = self._demands(demanding) if demanding is not None else []
        if len(demands) >= 2:
            # "proposed a ceasefire, an exchange of prisoners and the return of children, provided that ...": a
            # list in the sentence itself, whatever the sentences after it say (but "It also calls for ..." adds)
            more, entries = self._continued_demands(index)
            return demands + more, entries, [c for c in conditions_of(after_head) if not any(c in i for i in demands)]
        for shape in (lists.ordinal_sentences, lists.modal_sentences, lists.wanting_sentences,
                      lists.signalled_sentences):
            items, entries = shape(self.sentences, index)
            if items:
                return items, entries, []
        wanted = next((t for t in self.sentences[index + 1] if t.pos_ == "VERB" and
                       t.lemma_.lower() in lists.WANTING_VERBS), None) \
            if count and index + 1 < len(self.sentences) else None
        if wanted is not None:
            # "unless four demands are met. Moscow wants A, B, C and D": the next sentence lists as many as announced
            listed = lists.counted_list(self.doc[wanted.i + 1:wanted.sent.end].text, count)
            if listed:
                return listed, [index + 1], []
        items = lists.semicolon_clauses(text) or lists.semicolon_phrases(after_head)
        if items:
            return items, [], []
        items, conditions = lists.under_which_clauses(after_head)
        if items:
            return items, [], conditions
        if head.dep_ == "pobj" and head.head.lower_ == "under" and head.head.i == sent.start:
            # "Under the framework mediated by Qatar, M23 rebels would withdraw ..., hand over ... and allow ...,
            # provided that ...": what the main clause says would be done
            marker = OFFER_CONDITION.search(self.doc[sent.root.i:sent.end].text)
            end = next((t.i for t in self.doc[sent.root.i:sent.end] if marker is not None and
                        t.idx >= self.doc[sent.root.i].idx + marker.start()), sent.end)
            items = lists.parallel_predicates(self.doc[sent.root.i:end])
            if items:
                return items, [], conditions_of(self.doc[end:sent.end].text)
            # "Under a plan drafted by the EU, Serbia would stop ..., the two governments would exchange ... and
            # Kosovo would create ...": the main clause's coordinated clauses, each with its own subject
            items, conditions = lists.modal_clauses(self.doc[head.head.right_edge.i + 1:sent.end].text.strip(" ,."))
            if items:
                return items, [], conditions
        if index + 1 < len(self.sentences):  # "... set out his terms. First, ...; second, ...; and third, ..."
            following, cut = self._continued(self.sentences[index + 1].text.strip(), index + 2)
            for shape in (lists.ordinal_items, lists.inline_markers):  # "It asked (a) that ..., (b) that ..."
                items = shape(following)
                if items:
                    return items, list(range(index + 1, cut)), []
            if UNDER_IT.match(following):  # "Under it, the two sides would commit to ...; restore ...; and ..."
                items = lists.semicolon_clauses(UNDER_IT.sub("", following), shared_modal=True)
                if items:
                    return items, [index + 1], []
        more, entries = self._continued_demands(index)
        if demands or len(more) >= 2:
            # "proposed X, Y and Z, on condition that Baku halts the exercises": a condition after the last item
            closing = [c for c in conditions_of(after_head) if not any(c in item for item in demands)]
            return demands + more, entries, closing
        content = self._inline_content(head)
        return ([content], [], []) if content else ([], [], [])

    def _continued(self, text: str, cut: int) -> tuple[str, int]:
        """"...;\n3. ASEAN observers ...", "offered to: 1. raise ...", "These were: 1. ...; 4." | "reopening ...": a
        numbered entry the sentence splitter cut off after its number continues in the sentences from `cut` on;
        the text with them, and the first sentence not taken."""
        while cut < len(self.sentences) and (LAST_LINE_MARKER.search(text) or CUT_MARKER.search(text) or (
                lists.INLINE_MARKER.search(text) and OPENING_MARKER.match(self.sentences[cut].text))):
            text += " " + self.sentences[cut].text
            cut += 1
        return text, cut

    def _demands(self, verb: Token) -> list[str]:
        """The coordinated parts of what a proposing or demanding verb asks for ("calls for X to ..., for Y to
        ... and for Z to ...", "demands that Kyiv withdraw ..., give up ... and hold ...")."""
        sent = sentence_of(verb)
        start = verb.i + 1
        mark = next((m for c in verb.children if c.dep_ == "ccomp" for m in c.children
                     if m.dep_ == "mark" and m.lower_ == "that"), None)
        if mark is not None:
            start = mark.i  # "proposed on Sunday that ...": the demand opens at its "that"
        if start < sent.end and self.doc[start].lower_ in ("that",):
            start += 1
        if start < sent.end and self.doc[verb.i + 1].lower_ == "for":
            start = verb.i + 1  # keep "for": the items open with it
        clauses_from = mark.i if mark is not None else verb.i + 1
        return lists.parallel_predicates(self.doc[start:sent.end]) or lists.coordinated_demands(verb) or \
            lists.that_clauses(self.doc[clauses_from:sent.end].text, modal=False) or lists.coordinated_objects(verb)

    def _demanding_verb(self, noun: Token) -> Token | None:
        """"A U.S. proposal ... calls for ...", "A memorandum Russia handed ... demands that ...", "Moscow's
        memorandum offered two things": the verb the proposal noun is the subject of."""
        verb = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in DEMANDING_VERBS | PROPOSING_VERBS:
            return verb
        # "the bloc's peace plan, which calls for an end to violence, dialogue ... and ...": its relative clause
        return next((c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in DEMANDING_VERBS and any(
            g.dep_ == "nsubj" and g.lower_ in ("which", "that") for g in c.children)), None)

    def _continued_demands(self, index: int) -> tuple[list[str], list[int]]:
        """"It also calls for limits on the size of Ukraine's armed forces": the next sentence adds items."""
        if index + 1 >= len(self.sentences):
            return [], []
        sent = self.sentences[index + 1]
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        # "It also calls for ...", "The plan calls for ...": the proposal itself, by pronoun or definite noun
        names_it = subject is not None and (subject.lower_ == "it" or (
            subject.lemma_.lower() in PROPOSAL_NOUNS and any(c.lower_ in ("the", "this") for c in subject.children)))
        if root.lemma_.lower() in DEMANDING_VERBS and names_it:
            more = self._demands(root) or [sent.text.strip().rstrip(".")]
            return more, [index + 1]
        if root.lemma_.lower() in ("say", "add", "explain") and subject is not None and subject.pos_ == "PRON":
            # "He said Maduro could form a coalition ..., that an election could be held ..., and that ..."
            items = lists.that_clauses(self.doc[root.i + 1:sent.end].text)
            if items:
                return items, [index + 1]
        return [], []

    def _inline_content(self, head: Token) -> str | None:
        """"X proposed a ceasefire in exchange for ...": the object of the proposing word and what follows."""
        if head.pos_ == "VERB":
            tail = [t for t in head.subtree if t.i > head.i and t.dep_ not in ("nsubj",)]
            if tail and head.lemma_.lower() in ("propose", "offer", "suggest"):
                return self.doc[tail[0].i:tail[-1].i + 1].text.strip(" .")
        return None

    def _later_conditions(self, index: int) -> list[str]:
        """"The offer stands provided that ...", "Pashinyan said Yerevan would sign only on condition that ...":
        a condition on the whole offer in the sentence right after it."""
        if index >= len(self.sentences):
            return []
        text = self.sentences[index].text.strip()
        if CONDITION_MARKERS.match(text):  # "In exchange, Lula said, the United States should start lifting ..."
            return [text.rstrip(".")]
        if not re.search(r"\b(offer|plan|proposal|terms|deal|package|sign|accept|back|stand|hold|lapse)", text, re.I):
            return []
        return conditions_of(text)

    def _positions(self, events: list[Event], offset: int) -> list[Proposal]:
        found = []
        for event in events:
            stance = STANCES.get(event.event_type)
            if stance is None or event.source is None or event.source.country is None:
                continue
            topic = topic_of(event.sentence)
            if topic == "other":
                continue
            found.append(Proposal(
                proposal_id=f"{self.doc_id}:p{offset + len(found)}", doc_id=self.doc_id, kind="position",
                sentence_index=event.sentence_index, sentence=event.sentence, actor=_plain(event.source),
                recipient=_plain(event.target) if event.target else None, stance=stance, date=event.date,
                items=[ProposalItem(text=event.sentence, topic=topic, conditions=conditions_of(event.sentence))],
                event_id=event.event_id, evidence={"trigger": event.evidence.trigger, "proposer": event.evidence.source,
                                                   "recipient": event.evidence.target}))
        return found


def _plain(actor: Actor | None) -> Actor | None:
    return actor.model_copy() if actor else None
