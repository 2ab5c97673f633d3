"""Noun phrase -> actor(s): knowledge-base mentions, agent nouns and titles, metonymy, time-bounded roles,
coordinated modifiers ("the Russian and Ukrainian teams" -> two actors) and pronouns (via `coref`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from functools import cached_property

from spacy.tokens import Doc, Token

from eventcoder.actors.coref import PLURAL as PLURAL_PRONOUNS
from eventcoder.actors.coref import PRONOUNS, RELATIVE_PRONOUNS, SIDE_HEADS, Coreference, RuleCoreference
from eventcoder.actors.description import (
    COUNTRY_KINDS,
    PHRASE_PREPS,
    DescriptionResolution,
    _country_actor,
    _country_entry,
    _owner,
)
from eventcoder.actors.kb import Entry, KnowledgeBase, Mention
from eventcoder.actors.resolved import ResolvedActor
from eventcoder.models import Actor
from eventcoder.nlp import names_another_party, sentence_of
from eventcoder.places.normalize import REGION_WORDS

EXCLUDED_DEPS = {"relcl", "acl", "advcl", "punct", "cc", "conj", "prep", "appos", "dep", "parataxis"}
CLAUSE_WORDS = {"when", "where", "while", "as", "after", "before", "once"}
# Heads that take their identity from an "of" complement: "member of the team", "head of the general staff".
RELATIONAL_HEADS = {"member", "head", "vice-head", "chief", "leader", "part", "representative", "deputy", "some",
                    "team", "squad", "contingent", "unit", "detachment", "inspector", "monitor", "observer",
                    "official", "envoy", "delegation", "delegate", "staff", "employee", "worker", "personnel",
                    "peacekeeper",
                    "one", "many", "several", "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                    "group", "number", "most", "all", "rest"}


STANCE_PREFIXES = ("anti-", "pro-", "anti -", "pro -")
# Things a country keeps abroad: "a US base", "the Russian embassy", "a British tanker".
OUTPOST_NOUNS = {"base", "embassy", "consulate", "outpost", "position", "facility", "ship", "warship", "vessel",
                 "tanker", "plane", "aircraft", "jet", "drone", "convoy", "camp", "garrison", "mission"}
# Titles that do not say which sector someone belongs to ("Hamas leader Yahya Sinwar" stays a rebel).
GENERIC_TITLES = {"leader", "spokesman", "envoy", "general", "commander"}
SPEECH_LEMMAS = {"say", "tell", "add", "report", "write", "announce", "confirm", "claim", "state"}
BORDER_HEADS = {"border", "frontier", "boundary"}
# Modifiers that attach a phrase to someone, and the prepositions that name whom.
BELONGING = {"belong": ("to",), "belonging": ("to",), "link": ("to", "with"), "linked": ("to", "with"),
             "tie": ("to",), "tied": ("to",), "loyal": ("to",), "affiliate": ("with", "to"),
             "affiliated": ("with", "to"), "ally": ("with", "to"), "allied": ("with", "to"), "work": ("for",),
             "working": ("for",), "fight": ("for",), "fighting": ("for",), "answer": ("to",),
             "answering": ("to",), "close": ("to",), "connect": ("to", "with"), "connected": ("to", "with")}
# Heads that name another party by its relation to the owner ("accusing its neighbour", "Kenya's ally"): never the
# owner itself; the other party is found in the discourse.
COUNTERPART_HEADS = {"neighbour", "neighbor", "ally", "partner", "counterpart", "rival", "foe", "adversary", "enemy",
                     "nemesis", "archrival", "arch-rival", "arch-foe", "host", "hosts", "guest", "guests"}

TRADE_HEADS = {"import", "export", "good", "product", "shipment", "commodity"}
SIDE_QUANTIFIERS = {"all", "both", "either", "neither", "warring", "each"}


def _belonging_to(head: Token) -> Token | None:
    """"targets belonging to the Houthi movement", "hackers working for China's intelligence service", "forces
    loyal to the president": the one a phrase says its head belongs to or works for."""
    for child in head.children:
        preposition = BELONGING.get(child.lemma_.lower()) if child.dep_ in ("acl", "amod", "relcl") else None
        if preposition:
            return next((g for c in child.children if c.dep_ == "prep" and c.lower_ in preposition
                         for g in c.children if g.dep_ == "pobj"), None)
    return None


class DocumentActors(DescriptionResolution):
    """Resolves noun phrases of one parsed document; caches per token."""

    def __init__(self, doc: Doc, mentions: list[Mention], kb: KnowledgeBase, pub_date: dt.date | None,
                 coref: Coreference | None = None):
        self.doc, self.kb, self.day = doc, kb, pub_date
        self.text = doc.text  # Doc.text is rebuilt from the tokens on every access
        self.coref = coref or RuleCoreference()
        # Countries of the places each sentence names (set by the pipeline once places are found): the
        # civilians killed "in the east of the Gaza Strip" belong there, not to the "Israeli" shelling.
        self.place_countries: dict[int, list[str]] = {}
        # Token -> country of the place named there (also set by the pipeline): "the hospital in Mariupol".
        self.token_places: dict[int, str] = {}
        self.mentions = mentions
        self.by_token: dict[int, Mention] = {i: m for m in mentions for i in range(m.start, m.end)}
        self._cache: dict[int, list[ResolvedActor]] = {}
        self._another: dict[int, bool] = {}

    # -- document context -------------------------------------------------------------------------------

    @cached_property
    def dominant_country(self) -> str | None:
        """The country the document is mostly about: the fallback for agents named without one ("police")."""
        counts = Counter(
            e.roles[0].country for m in self.mentions if not self._of_another(m)
            for e in m.entries[:1] if e.kind in COUNTRY_KINDS
        )
        if not counts:  # "a boarding school in Kankara, in northwestern Katsina state": the places say where
            counts = Counter(c for countries in self.place_countries.values() for c in countries)
        return counts.most_common(1)[0][0] if counts else None

    def country_actor(self, entry: Entry, head: Token) -> ResolvedActor:
        """The country a knowledge-base entry (name, adjective or capital) stands for, named by `head`."""
        return ResolvedActor(_country_actor(entry, head.text, None), head, (head.idx, head.idx + len(head.text)),
                             bare_country=True)

    def country_name(self, country: str | None) -> str | None:
        entry = self.kb.countries.get(country) if country else None
        return entry.name if entry else None

    def sentence_country(self, token: Token, skip: int | None = None) -> str | None:
        """A country named in the token's sentence as a place, else as an adjective, else the document's;
        `skip` leaves out the mention at that token ("ethnic Albanians" do not say where they live)."""
        sent = sentence_of(token)
        named, adjectives = self._countries_by_sentence.get(sent.start, ((), ()))
        if skip is not None and skip in self.by_token:
            own = _country_entry(self.by_token[skip])
            adjectives = [c for c in adjectives if own is None or c != own.roles[0].country]
        for countries in (named, self.place_countries.get(sent.start, ()), adjectives):
            if countries:
                return countries[0]
        return self.dominant_country

    @cached_property
    def named_countries(self) -> set[str]:
        """Countries the document names itself (names, adjectives, capitals), as opposed to places it geocodes."""
        return {country for named, adjectives in self._countries_by_sentence.values() for country in
                [*named, *adjectives]}

    @cached_property
    def _countries_by_sentence(self) -> dict[int, tuple[list[str], list[str]]]:
        """Sentence start -> countries named as such and as adjectives, in order; read once per document."""
        found: dict[int, tuple[list[str], list[str]]] = {}
        for m in self.mentions:
            entry = _country_entry(m)
            if entry is None or self._of_another(m):
                continue
            named, adjectives = found.setdefault(sentence_of(self.doc[m.start]).start, ([], []))
            # "a US base in eastern Syria": the owner of a post abroad says little about where things happen
            last = self.doc[m.end - 1]
            owner = last.dep_ in ("compound", "amod", "nmod") and last.head.lemma_.lower() in OUTPOST_NOUNS
            (adjectives if entry.kind == "adjective" or owner else named).append(entry.roles[0].country)
        return found

    def _of_another(self, m: Mention) -> bool:
        """"British-born", "US-backed", "a UK-based monitor", "an anti-Syria journalist": the country is not
        the phrase's own."""
        if m.start not in self._another:
            before = self.doc[max(m.start - 2, 0):m.start].text.lower()
            # "Niger state" (Nigeria); "a Palestinian state" is the country itself
            region = m.end < len(self.doc) and self.doc[m.end].lower_ in REGION_WORDS and \
                m.entries[0].kind != "adjective"
            self._another[m.start] = names_another_party(self.doc, m.end) or before.endswith(STANCE_PREFIXES) or \
                region
        return self._another[m.start]

    # -- phrases --------------------------------------------------------------------------------------

    def phrase_tokens(self, head: Token) -> list[Token]:
        tokens = [head]
        for child in head.children:
            if child.dep_ == "appos" and self._speaker_not_apposition(head, child):
                continue
            charge = child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children)
            if charge:
                continue  # "accused Russian forces of blowing up the dam": the charge, not the forces
            if child.dep_ == "prep" and child.lemma_.lower() in PHRASE_PREPS or child.dep_ not in EXCLUDED_DEPS:
                tokens.extend(child.subtree)
        speakers = {t.i for a in tokens if a.dep_ == "appos" and a != head and a.head != head and
                    self._speaker_not_apposition(a.head, a) for t in a.subtree}  # (the phrase itself stays)
        return sorted({t for t in tokens if t.i not in speakers}, key=lambda t: t.i)

    def phrase_span(self, head: Token) -> tuple[int, int]:
        """Character offsets of the noun phrase a head heads (without its clauses and appositions)."""
        return self._span_of(self.phrase_tokens(head))

    def _speaker_not_apposition(self, head: Token, appos: Token) -> bool:
        """A name right before "said" that is not the subject of that "said" is the speaker the parser
        attached to the wrong noun ("from Avdiivka, army chief Syrskyi said")."""
        after = appos.right_edge.i + 1
        if after >= len(self.doc) or self.doc[after].lemma_.lower() not in SPEECH_LEMMAS:
            return False
        return head.head != self.doc[after]

    def _span_of(self, tokens: list[Token]) -> tuple[int, int]:
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space or (
                tokens[0].like_num and tokens[1].text in (")", ".")) or (  # list markers: "3) Ukraine"
                tokens[0].lower_ in CLAUSE_WORDS and tokens[0].dep_ == "advmod")):  # "when militants attacked"
            tokens = tokens[1:]
        while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


    # -- resolution -----------------------------------------------------------------------------------

    def resolve(self, head: Token, _depth: int = 0) -> list[ResolvedActor]:
        if head.i not in self._cache:
            self._cache[head.i] = self._resolve(head, _depth)
        return self._cache[head.i]

    def _resolve(self, head: Token, depth: int) -> list[ResolvedActor]:
        lower = head.lower_
        if lower in PRONOUNS or lower in RELATIVE_PRONOUNS:
            if depth > 3:
                return []
            antecedent = self.coref.pronoun(self, head, depth)
            if not antecedent:
                return []
            group = [antecedent]
            # "condemnation from Paris and Berlin, which warned", "Australia and New Zealand, which had imposed": a
            # relative after a list is each member's ("Abramovich, who took part, and Ukrainian negotiators": one's)
            listed = [antecedent.head, *antecedent.head.conjuncts]
            first = next(m for m in listed if m.dep_ != "conj")
            coordinated = len(listed) > 1 and all(m.i < head.i for m in listed[1:])
            if (lower in PLURAL_PRONOUNS or lower in RELATIVE_PRONOUNS and (first.dep_ == "pobj" or coordinated)) \
                    and antecedent.head.i != head.i:
                # "the governments of Mali, Burkina Faso and Niger ... they": every member of the group
                members = list(listed)  # "Norway, Ireland and Spain ... they"
                # "Mali, Burkina Faso and Niger ... their": a list the parser read as an apposition
                members += [m for a in antecedent.head.children if a.dep_ == "appos" and a.i in self.by_token
                            for m in (a, *a.conjuncts)]
                group = [g for m in members for g in self.resolve(m, depth + 1) if g.actor.country] or group
            return [replace(member, actor=member.actor.model_copy(update={"text": head.text}),
                            head=head, span=(head.idx, head.idx + len(head.text))) for member in group]
        if head.lemma_.lower() in SIDE_HEADS and any(c.lower_ in SIDE_QUANTIFIERS for c in head.children):
            # "urged all parties to show restraint", "both sides": the sides named before, not political parties
            return self.coref.group(self, head)
        tokens = self.phrase_tokens(head)
        span = self.phrase_span(head)
        text = self.text[span[0]:span[1]]
        head_mention = self.by_token.get(head.i)
        if head_mention and head_mention.entries[0].kind == "adjective":
            people = self._people_of(head, text, span)
            if people is not None:
                return people
        if head_mention:
            resolved = self._from_entry(head_mention, text, head, span)
            owner = self._owning_body(head, resolved, depth) if resolved else None
            if owner is not None:
                # "the African Union's Peace and Security Council": an organ of its owner, not the UN's namesake
                return [replace(owner, actor=owner.actor.model_copy(update={"text": text}), head=head, span=span)]
            if resolved:
                return [self._titled(resolved, tokens, head_mention)]
        for child in head.children:
            if child.dep_ == "appos" and self._speaker_not_apposition(head, child):
                continue  # "withdrew from Avdiivka, army chief Syrskyi said": the speaker, not an apposition
            if child.dep_ == "appos" and head.i < head.head.i < child.i:
                continue  # "A US plan calls for a truce, the withdrawal of ...": past the verb, no apposition
            if child.dep_ == "appos":
                appos = [r for r in self.resolve(child, depth + 1) if r.actor.country or r.person]
                if appos:
                    # "The US commander in Iraq, General David Petraeus": the text's title says what he is
                    own = self.agent_for([t for t in tokens if t not in child.subtree], head)
                    update = {"text": text}
                    if own is not None and own.kind == "title":
                        update["type"] = own.type
                    return [replace(r, actor=r.actor.model_copy(update=update), head=head, span=span)
                            for r in appos]
        if head.lemma_.lower() in RELATIONAL_HEADS or head.pos_ == "NUM":
            of_object = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                              for g in c.children if g.dep_ == "pobj"), None)
            if of_object is not None:
                # "the leaders of Kyrgyzstan and Tajikistan", "envoys of Kiev and the rebels": each party
                inner = [r for member in (of_object, *of_object.conjuncts) for r in self.resolve(member, depth + 1)]
                if inner:
                    return [replace(r, actor=r.actor.model_copy(update={"text": text}), head=head, span=span)
                            for r in inner]
        # (a place or patron only qualifying the phrase names no one: "the Hague-based court", "the UK-based monitor")
        named = [t for t in tokens if t.i in self.by_token and
                 not names_another_party(self.doc, self.by_token[t.i].end)]
        if not self.by_token.get(head.i) and not named and depth < 3:
            group = self.coref.group(self, head)  # "all three capitals", "the two countries"
            if group:
                return [replace(member, actor=member.actor.model_copy(update={"text": text}), span=span)
                        for member in group]
            antecedent = self.coref.definite(self, head)  # "the agency", "the country"
            if antecedent is not None:
                return [replace(antecedent, actor=antecedent.actor.model_copy(update={"text": text}), head=head,
                                span=span)]
        if head.lemma_.lower() in RELATIONAL_HEADS:  # "the agency's chief" -> the agency
            owner = _owner(head)
            if owner is not None and not self.by_token.get(head.i):
                inner = self.resolve(owner, depth + 1)
                if inner and self.agent_for(tokens, head) is None or inner and inner[0].actor.type == "IGO":
                    return [replace(r, actor=r.actor.model_copy(update={"text": text}), head=head, span=span)
                            for r in inner]
        for prep, heads in (("with", BORDER_HEADS), ("including", None), ("from", TRADE_HEADS)):
            if heads is None or head.lemma_.lower() in heads:
                # "tariffs on imports from Canada and Mexico": each exporter
                inner = [r for g in self._pobjs(head, prep) for m in (g, *g.conjuncts)
                         for r in self.resolve(m, depth + 1)]
                if inner:
                    return inner
        if head.ent_type_ in ("PERSON", "ORG", "") and head.pos_ == "PROPN" and depth < 3 and \
                not self.by_token.get(head.i):  # (the tagger may call the surname alone an organisation)
            earlier = self._namesake(head, depth)  # "Defence Minister Vladimir Padrino ... Padrino threatened"
            if earlier:
                return [replace(r, actor=r.actor.model_copy(update={"text": text}), head=head, span=span)
                        for r in earlier]
        resolved = self._from_modifiers(head, tokens, text, span, depth)
        after = self.doc[head.i + 1] if head.pos_ == "NOUN" and head.i + 1 < len(self.doc) else None
        named = self.by_token.get(after.i) if after is not None and (after.is_title or after.is_upper) else None
        if not resolved and named is not None and named.start == after.i and named.entries[0].kind == "organization":
            # "quitting the West African bloc ECOWAS" (the name read as a verb): a descriptor and the name after it
            found = self._from_entry(named, text, after, span)
            if found is not None:
                return [found]
        if not resolved and depth < 3:
            # "targets belonging to the Houthi movement", "hackers working for Chinese intelligence"
            patron = _belonging_to(head)
            if patron is not None:
                inner = self.resolve(patron, depth + 1)
                if inner:
                    return [replace(r, actor=r.actor.model_copy(update={"text": text}), head=head, span=span,
                                    bare_country=False) for r in inner]
        if not resolved and depth < 3 and head.lemma_.lower() not in COUNTERPART_HEADS:
            # "against the government's plan" -> the government
            owner = _owner(head)
            if owner is not None:
                return self.resolve(owner, depth + 1)
            # "strikes on its nuclear sites": a thing owned by a country (a pronoun standing for one) is its
            owner = _owner(head, pronouns=True) if head.pos_ == "NOUN" and self.agent_for(tokens, head) is None \
                else None
            if owner is not None:
                return [r for r in self.resolve(owner, depth + 1) if r.bare_country]
        return resolved

    def _namesake(self, head: Token, depth: int) -> list[ResolvedActor]:
        """A person named again by the surname: the actor the same name was given when first introduced with a
        title or a description ("opposition leader Juan Perez ... Perez")."""
        for earlier in reversed(self.doc[:head.sent.start]):
            if earlier.text == head.text and earlier.ent_type_ == "PERSON" and \
                    any(c.dep_ in ("compound", "amod", "poss") for c in earlier.children):
                return [r for r in self.resolve(earlier, depth + 1) if r.person or r.actor.country]
        return []

    @staticmethod
    def _pobjs(head: Token, prep: str) -> list[Token]:
        return [g for c in head.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children
                if g.dep_ == "pobj"]

    def _owning_body(self, head: Token, resolved: ResolvedActor, depth: int) -> ResolvedActor | None:
        """An international body or state owning an organisation named like another's: the owner ("the African
        Union's Peace and Security Council"); a state owning an institution that names another's by metonymy
        ("Brazil's Congress"): that state's institution."""
        possessor = next((c for c in head.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS), None)
        if possessor is None or resolved.person or depth >= 3:
            return None
        owner = next(iter(self.resolve(possessor, depth + 1)), None)
        if owner is None or owner.actor.country == resolved.actor.country:
            return None
        if owner.bare_country and self.by_token[head.i].entries[0].kind == "metonym":
            return replace(owner, actor=owner.actor.model_copy(update={"type": resolved.actor.type}),
                           bare_country=False)
        if owner.bare_country and resolved.actor.type == "IGO":
            # "Iran's Supreme National Security Council", "the country's human rights council": a state's own
            # body, not the international one of the same name
            return replace(owner, actor=owner.actor.model_copy(update={"type": "GOV"}), bare_country=False)
        return owner if owner.actor.type == "IGO" and resolved.actor.type == "IGO" else None

    def _from_entry(self, mention: Mention, text: str, head: Token, span) -> ResolvedActor | None:
        entry = self._pick(mention.entries)
        if entry is None:
            return None
        role = entry.role_at(self.day)
        actor_type = role.type
        if actor_type is None and entry.kind == "person":
            # Not yet in any known office at this date: the title in the text says what they are
            agent = self.agent_for(self.phrase_tokens(head), head)
            actor_type = agent.type if agent else None
        if entry.kind == "adjective":
            actor_type = "CVL"  # "Russians", "Israelis" as a group of people
        actor = Actor(text=text, name=entry.name, country=role.country, type=actor_type, wikidata=entry.wikidata,
                      role=role.role)
        if entry.kind == "metonym" and entry.key in self.kb.shared_names and role.country not in self.named_countries:
            # "stormed Congress" in a report on Brazil: Brazil's Congress
            country = self.sentence_country(head)
            if country is not None and country != role.country:
                actor = actor.model_copy(update={"country": country, "name": self.country_name(country),
                                                 "wikidata": None})
        if role.country is None and entry.kind == "organization":
            # "Uganda's Lord's Resistance Army": a group the knowledge base keeps stateless is of the country that
            # owns it in the text
            owner = self._stateless_owner(mention)
            if owner is not None:
                actor = actor.model_copy(update={"country": owner})
        bare = entry.kind in ("country", "capital") and mention.start <= head.i < mention.end
        return ResolvedActor(actor, head, span, bare_country=bare and entry.kind == "country",
                             person=entry.kind == "person")

    def _stateless_owner(self, mention: Mention) -> str | None:
        """The country named as the possessor or adjective of a name ("Uganda's LRA", "the Nigerian ISWAP")."""
        for token in self.doc[mention.start:mention.end]:
            for child in token.children:
                owner = self.by_token.get(child.i)
                entry = _country_entry(owner) if owner is not None and owner is not mention else None
                if entry is not None and child.dep_ in ("poss", "amod", "compound") and not self._of_another(owner):
                    return entry.roles[0].country
        return None

    def _people_of(self, head: Token, text: str, span) -> list[ResolvedActor] | None:
        """A people named with a modifier: "Bosnian Serbs" are Bosnia's (the modifier says the country),
        "ethnic Albanians" in Serbia are Serbia's (the sentence says it)."""
        for modifier in (c for c in head.children if c.dep_ in ("amod", "compound") and c.i < head.i):
            mention = self.by_token.get(modifier.i)
            entry = _country_entry(mention) if mention else None
            if entry is not None and mention is not None and not self._of_another(mention):
                return [ResolvedActor(_country_actor(entry, text, "CVL"), head, span)]
            if modifier.lower_ == "ethnic":
                country = self._where_place(head) or self.sentence_country(head, skip=head.i)
                actor = Actor(text=text, name=self.country_name(country), country=country, type="CVL")
                return [ResolvedActor(actor, head, span, country_from_context=country is not None)]
        return None

    def _titled(self, resolved: ResolvedActor, tokens: list[Token], mention: Mention) -> ResolvedActor:
        """"US Senator Marco Rubio": the title written in the text says what the person is at that moment;
        an organisation named with it ("Pentagon spokesman John Kirby") says more than the title."""
        if not resolved.person:
            return resolved
        others = [t for t in tokens if not mention.start <= t.i < mention.end]
        named = [self.by_token[t.i] for t in others if t.i in self.by_token and
                 self.by_token[t.i].entries[0].kind in ("organization", "metonym")]
        if named:
            kind = named[0].entries[0].role_at(self.day).type
        else:
            agent = self.agent_for(others, resolved.head) if others else None
            specific = agent is not None and agent.kind == "title" and agent.role not in GENERIC_TITLES
            kind = agent.type if specific else resolved.actor.type
        if kind == resolved.actor.type or kind is None:
            return resolved
        return replace(resolved, actor=resolved.actor.model_copy(update={"type": kind}))

    def _pick(self, entries: tuple[Entry, ...]) -> Entry | None:
        if len(entries) == 1:
            return entries[0]
        metonyms = [e for e in entries if e.kind == "metonym"]
        if len(metonyms) == 1:  # "Brussels" acting is the EU, not Belgium's government
            return metonyms[0]
        active = [e for e in entries if e.active_at(self.day)]
        return active[0] if len(active) == 1 else (entries[0] if len({e.key for e in entries}) == 1 else None)


def resolve_phrase(nlp, matcher, kb: KnowledgeBase, text: str, day: dt.date | None = None) -> list[ResolvedActor]:
    """Resolve a standalone noun phrase ("Ukrainian soldiers", "the Kremlin") as it would be in a sentence."""
    doc = nlp(text)
    if not len(doc):
        return []
    head = next((t for t in doc if t.dep_ == "ROOT"), doc[0])
    resolved = DocumentActors(doc, matcher(doc), kb, day).resolve(head)
    # Out of context a bare country is only a country: its sector depends on what it does.
    return [replace(r, actor=r.actor.model_copy(update={"type": None})) if r.bare_country else r for r in resolved]
