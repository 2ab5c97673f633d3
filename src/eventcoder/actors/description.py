"""Actors by description: a noun phrase no knowledge-base entry names is read from its head (an agent noun or a
title: "police", "the foreign minister") and its modifiers (a nationality, a possessor, a place, an organisation or
leader named in it: "Sweden's NATO bid", "the Trump administration", "Israeli and Hamas negotiators")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventcoder.actors.coref import PRONOUNS
from eventcoder.actors.kb import Agent, Entry, Mention
from eventcoder.actors.resolved import ResolvedActor
from eventcoder.models import Actor
from eventcoder.nlp import names_a_base, names_another_party, sentences_back

# Prepositions whose object belongs to a noun phrase's identity ("police in Hong Kong", "navies of India");
# other prepositions introduce event arguments ("talks with", "strikes on").
PHRASE_PREPS = {"of", "in", "from", "at", "across", "within", "inside"}
PLACE_PREPS = PHRASE_PREPS - {"of"}
COUNTRY_KINDS = ("country", "adjective", "capital")
# Texts a country writes: "a U.S.-drafted resolution" is the United States' text
AUTHORED_NOUNS = {"resolution", "draft", "text", "plan", "proposal", "motion", "bill"}
AUTHORING_PARTICIPLES = {"drafted", "sponsored", "proposed", "authored", "written", "tabled"}
SELF_NAMING = {"country", "nation"}
BLOC_HEADS = {"bloc", "grouping", "community"}  # "the West African bloc": the region's body
PUBLIC_TYPES = {"CVL", "LAB", "EDU", "OPP"}  # people who press demands in the street, not officials
DWELLERS = {"resident", "inhabitant", "citizen", "civilian", "villager", "population", "people"}  # "of" a place
STATE_NAMES = {"country", "capital", "metonym", "adjective"}  # a state named as such, by its seat or its people
EARLIER_SENTENCES = 2  # how far back a definite unnamed agent looks for one of its kind
# Weapons and war machines: unnamed, they belong to no country the sentence happens to name
ARMS = {"warplane", "fighter plane", "bomber", "plane", "gunship", "fighter jet", "warship", "jet", "drone", "missile",
        "artillery", "tank", "helicopter"}
# Person nouns whose sector is their organisation's ("intelligence officer", "army spokesman"); a "paper
# worker" is no journalist.
GENERIC_PERSONS = {"officer", "official", "spokesman", "spokeswoman", "spokesperson", "member", "leader",
                   "commander", "chief", "head", "representative", "source", "agent", "employee", "staff",
                   "minister", "adviser", "advisor"}
NO_COUNTRY_MODIFIERS = {"western", "foreign", "international", "world", "global", "other", "regional", "allied",
                        "arab", "african", "asian", "european", "latin", "gulf", "muslim", "nato"}
# Heads that stand against the organisation named with them ("Kremlin critics", "opponents of the junta").
OPPOSING_HEADS = {"critic", "opponent", "dissident", "detractor", "rival", "foe"}


def _owner(head: Token, pronouns: bool = False) -> Token | None:
    """The possessor of a phrase, also when the parser hung it on a compound ("Sweden's NATO membership bid");
    possessive pronouns ("its nuclear sites") only when asked for."""
    for noun in [head, *(c for c in head.children if c.dep_ == "compound")]:
        for child in noun.children:
            if child.dep_ == "poss" and (pronouns or child.lower_ not in PRONOUNS):
                return child
    return None


def _country_entry(mention: Mention) -> Entry | None:
    return next((e for e in mention.entries if e.kind in COUNTRY_KINDS), None)


def _country_actor(entry: Entry, text: str, kind: str | None) -> Actor:
    """The country a knowledge-base entry names, as the actor a phrase stands for."""
    return Actor(text=text, name=entry.name, country=entry.roles[0].country, type=kind, wikidata=entry.wikidata)


class DescriptionResolution:
    """Reads actors from agent nouns, titles and modifiers; mixed into `DocumentActors`, whose knowledge-base
    mentions, places and coreference it uses."""

    def agent_for(self, tokens: list[Token], head: Token) -> Agent | None:
        """The longest agent phrase (by lemma) ending at a noun of the phrase, nearest the head wins."""
        best: tuple[int, int, Agent] | None = None
        words = [t.lemma_.lower() for t in tokens]
        surface = [t.lower_ for t in tokens]
        for end, token in enumerate(tokens):
            if token.pos_ not in ("NOUN", "PROPN") and token != head:
                continue  # "military action" is not the military
            for length in (3, 2, 1):
                if end - length + 1 < 0:
                    continue
                phrase = " ".join(words[end - length + 1:end + 1])
                written = " ".join(surface[end - length + 1:end + 1])  # "rights group": lemma would be "right"
                agent = self.kb.agents.get(phrase) or self.kb.agents.get(written)
                if agent:
                    rank = (0 if token == head else 1 if token.head == head else 2, -length)
                    if best is None or rank < best[:2]:
                        best = (*rank, agent)
                    break
        if best is None:
            return None
        agent = best[2]
        if agent.kind in ("person", "title") and best[0] == 0 and agent.phrase in GENERIC_PERSONS:
            # "intelligence agency officer", "army spokesman": the organisation says the sector
            modifiers = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod") and t in tokens]
            for modifier in reversed(modifiers):  # the nearest says most: "a Sikh separatist leader"
                group = self.kb.agents.get(modifier.lemma_.lower()) or self.kb.agents.get(
                    " ".join(w.lemma_.lower() for w in modifier.subtree))
                if group is not None and group.kind in ("group", "person") and group.type != agent.type:
                    return Agent(agent.phrase, group.type, agent.kind, agent.role)
        return agent

    def _from_modifiers(self, head: Token, tokens: list[Token], text: str, span, depth: int) -> list[ResolvedActor]:
        spanned = (self.by_token.get(i) for i in range(tokens[0].i, tokens[-1].i + 1))
        inside = sorted({m.start: m for m in spanned if m is not None and tokens[0].i <= m.start and
                         m.end - 1 <= tokens[-1].i}.values(), key=lambda m: m.start)
        agent = self.agent_for([t for t in tokens if not self._in_place_prep(t, head)], head)
        body = self._regional_body(head, agent)
        if body is not None:
            return [ResolvedActor(Actor(text=text, name=body.name, country=body.roles[0].country, type="IGO",
                                        wikidata=body.wikidata), head, span)]
        owner = _owner(head)
        if agent is None and owner is not None and depth < 3:
            owned = self.resolve(owner, depth + 1)  # "Sweden's NATO membership bid" is Sweden's
            if owned:
                return [replace(r, actor=r.actor.model_copy(update={"text": text}), head=head, span=span)
                        for r in owned]
        # "a U.S.-drafted Security Council resolution": the text is its author's (vetoing it rejects the author),
        # whatever body it is put to
        author = [(e.roles[0].country, e.wikidata) for m in inside for e in [_country_entry(m)] if e and
                  head.lemma_.lower() in AUTHORED_NOUNS and m.end + 1 < len(self.doc) and
                  self.doc[m.end].text == "-" and self.doc[m.end + 1].lower_ in AUTHORING_PARTICIPLES][:1]
        # "Libya's U.N.-recognised government": the one that recognises it is no owner while another is named
        backers = [m for m in inside if self.doc[m.end - 1].dep_ == "npadvmod" and self.doc[m.end - 1].head.tag_ ==
                   "VBN" and self.doc[m.end - 1].head.lower_ not in AUTHORING_PARTICIPLES]
        # ("the UN-brokered deal": a thing a body brokered is not the body's)
        inside = [m for m in inside if m not in backers] or [
            m for m in inside if agent is not None or not names_another_party(self.doc, m.end)]
        named = [] if author else [m for m in inside if m.entries[0].kind in ("organization", "metonym") or (
            m.entries[0].kind == "person" and (agent is None or agent.kind != "group"))]
        if named:
            nearest = min(named, key=lambda m: abs(m.start - head.i))
            resolved = self._from_entry(nearest, text, head, span)
            if resolved and agent is not None and agent.type == "OPP" and agent.phrase in OPPOSING_HEADS and \
                    self.agent_for([head], head) is not None:
                # "Kremlin critics", "opponents of the junta": the government named is whom they oppose
                return [replace(resolved, actor=resolved.actor.model_copy(update={"type": "OPP", "name": None,
                                                                                  "wikidata": None, "role": None}),
                                person=False)]
            if resolved:
                if agent and agent.kind == "title" and resolved.person:
                    return [resolved]
                found = [replace(resolved, person=bool(agent and agent.kind in ("title", "person")))]
                # "Israeli and Hamas negotiators": a country coordinated with the organisation is a party too
                for m in inside:
                    entry = _country_entry(m)
                    if entry is not None and not self._of_another(m) and \
                            self.doc[m.end - 1] in self.doc[nearest.end - 1].conjuncts:
                        partner = _country_actor(entry, text, agent.type if agent else None)
                        found.insert(0 if m.start < nearest.start else len(found),
                                     ResolvedActor(partner, head, span))
                return found
        if agent is None and head.pos_ not in ("NOUN", "PROPN"):
            return []
        if agent is None and inside and all(self._in_place_prep(self.doc[m.start], head) for m in inside):
            return []  # "floods in Pakistan" only says where; "Algerian landowners" says who
        if any(t.lower_ in NO_COUNTRY_MODIFIERS and t.head == head for t in tokens):
            # "an international tribunal in The Hague": where an international body sits says not whose it is
            inside = [m for m in inside if not self._in_place_prep(self.doc[m.start], head)]
        countries = author or self._countries(head, tokens, inside, depth)
        found_in_text = bool(countries)
        if not countries:
            if agent is None:
                return []
            # Unnamed agents ("police", "farmers") belong to the country in focus; an unknown named
            # organisation ("Socialist Equality Party") is not guessed.
            agent_words = set(agent.phrase.split())
            # "the Defense Ministry" is generic, "Socialist Equality Party" a name; "the Iran-aligned rebels" are
            # generic too (the patron is not theirs)
            patron = {i for m in inside if names_another_party(self.doc, m.end) for i in range(m.start, m.end + 2)}
            generic = all(w.lemma_.lower() in agent_words or w.lower_ in agent_words or w.pos_ in ("DET", "PUNCT")
                          or w.i in patron for w in tokens)
            # "the hospital in Mariupol", "the Jenin refugee camp", "Crimea's regional parliament": the place in the
            # phrase says whose it is
            located = next((self.token_places[t.i] for t in tokens if t.i in self.token_places and (
                self._in_place_prep(t, head) or t.dep_ in ("compound", "poss") and t.i < head.i)), None) or \
                self._based_in(tokens, head)
            # "the Trump administration", "the government of President Tokayev": the leader named with it says whose
            leaders = [self._from_entry(m, text, head, span) for m in inside if m.entries[0].kind == "person" and (
                self.doc[m.end - 1].head == head or self.doc[m.end - 1].head.lower_ == "of" and
                self.doc[m.end - 1].head.head == head)]
            located = located or next((r.actor.country for r in leaders if r and r.actor.country), None) or \
                self._where_place(head)
            if not located and generic and agent.type in PUBLIC_TYPES:
                located = self._place_of_act(head)
            if not located and generic and agent.phrase not in ARMS:  # (where a missile struck is not whose)
                located = self._place_of_own_clause(head)
            if not located and generic and depth < 2 and agent.phrase not in ARMS:
                located = self._earlier_of_kind(head, agent, depth)
            fallback = located or self.sentence_country(head) if (
                head.pos_ == "NOUN" or agent.kind == "title" or generic) else None
            found_in_text = bool(located) and fallback == located  # said by the phrase, not guessed
            # ("Crimea's regional parliament" is the region's, whatever "regional" says)
            owned = any(t.dep_ in ("poss", "compound") and t.i < head.i and t.i in self.token_places for t in tokens)
            if agent.phrase in SELF_NAMING or any(t.lower_ in NO_COUNTRY_MODIFIERS for t in tokens) and not owned:
                fallback = None  # "other countries", "Western leaders" are not the country in focus
            first = head.head if head.dep_ == "conj" else head  # ("drone and missile strikes")
            striking = first.dep_ in ("nsubj", "compound", "nmod", "amod") or \
                first.dep_ == "pobj" and first.head.dep_ == "agent"
            modifying = agent.phrase.split()[-1] != head.lemma_.lower()  # "drone strikes" are no drone
            # ("army warplanes" are the army's: a force named with them keeps the country in focus)
            forces = any(t.i != head.i and t.lemma_.lower() in self.kb.agents and t.lemma_.lower() not in ARMS
                         for t in tokens)
            if agent.phrase in ARMS and (striking or modifying) and not found_in_text and not forces:
                return []  # "a drone struck a hotel in Kharkiv", "drone strikes": where arms strike says not whose
            countries = [(fallback, None)] if fallback else [(None, None)]
        results = []
        # "U.S. basketball star Brittney Griner": a person the knowledge base does not know, named with a country,
        # is a private citizen of it
        citizen = agent is None and head.ent_type_ == "PERSON" and found_in_text
        for country, wikidata in countries:
            if agent is None and head.ent_type_ not in ("", "NORP", "ORG", "GPE", "LOC", "FAC") and not citizen:
                return []
            actor = Actor(text=text, name=self.country_name(country), country=country,
                          type=agent.type if agent else "CVL" if citizen else None, wikidata=wikidata)
            if agent and agent.kind == "title" and agent.role:
                holder = self.kb.office_holder(agent.role, country, self.day)
                if holder:
                    actor = actor.model_copy(update={"name": holder.name, "wikidata": holder.wikidata,
                                                     "role": agent.role})
            one_person = bool(agent and agent.kind in ("title", "person") and head.tag_ in ("NN", "NNP"))
            results.append(ResolvedActor(actor, head, span, person=one_person,
                                         country_from_context=bool(country) and not found_in_text))
        return results

    def _place_of_act(self, head: Token, verb: Token | None = None) -> str | None:
        """"Riyadh cut ties after protesters stormed its embassy in the Iranian capital": a crowd is of the place
        its own act is told in (the verb's or its object's locative phrase), not of the sentence's first country;
        `verb` is the act when it is not the one the agent is subject of (a relative clause on it)."""
        if verb is None:
            verb = head.head
            if head.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB":
                return None
        for holder in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "obj"))):
            for t in (t for prep in holder.children if prep.dep_ == "prep" and prep.lemma_.lower() in PLACE_PREPS
                      for t in prep.subtree):
                mention = self.by_token.get(t.i)
                country = self._country_named_at(t) if t.i in self.token_places or mention is not None and \
                    not self._of_another(mention) else None
                if country is not None:
                    return country
        return None

    def _place_of_own_clause(self, head: Token) -> str | None:
        """"the generals who seized power in Niger": what a relative clause says the agent did, and where, says
        whose it is (not "leaders meeting in Abuja", the place of the sentence)."""
        clause = next((c for c in head.children if c.dep_ == "relcl" and any(
            s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "that", "which") for s in c.children)), None)
        return self._place_of_act(head, clause) if clause is not None else None

    def _earlier_of_kind(self, head: Token, agent: Agent, depth: int) -> str | None:
        """"Myanmar's military detained Suu Kyi ... Biden threatened sanctions on the generals": a definite unnamed
        agent is the last one of its kind told in the sentences just before whose own phrase says whose it is (not a
        state named as such: "conspiring with the United States to topple the government" is not the US government,
        and "the Kremlin's assurances" say nothing of "the negotiating team")."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "this") for c in head.children):
            return None
        inside = {t.i for t in head.subtree}
        for token in reversed(self.doc[sentences_back(head, EARLIER_SENTENCES):head.i]):
            mention = self.by_token.get(token.i)
            # (a group named as a modifier is told: "Houthi targets ... the rebels")
            modifier = token.dep_ in ("compound", "amod") and not (
                mention is not None and mention.entries[0].kind == "organization")
            if token.pos_ not in ("NOUN", "PROPN") or modifier or token.i in inside or \
                    token.lemma_.lower() in ARMS or mention is not None and mention.entries[0].kind in STATE_NAMES or \
                    mention is None and self.agent_for([token], token) is None:
                continue  # ("the Kremlin's assurances" are no agent)
            # (a body refers back to a body: "Pentagon spokesman John Kirby ... the negotiating team" is not his)
            found = {f.actor.country for f in self.resolve(token, depth + 1) if f.actor.type == agent.type and
                     f.actor.country and not f.country_from_context and not f.bare_country and
                     not (f.person and agent.kind == "group")}
            if found:  # ("American and Egyptian troops ... the army": no one of them)
                return found.pop() if len(found) == 1 else None
        return None

    def adopting_body(self, text_noun: Token) -> ResolvedActor | None:
        """"a U.S.-drafted Security Council resolution that would have imposed sanctions": what a resolution would do,
        the body voting on it would do - the body its phrase names, else the United Nations (the text stays its
        author's when it is vetoed or rejected)."""
        if text_noun.lemma_.lower() != "resolution":
            return None
        tokens = self.phrase_tokens(text_noun)
        span = self.phrase_span(text_noun)
        text = self.text[span[0]:span[1]]
        bodies = [m for i in range(tokens[0].i, tokens[-1].i + 1) for m in [self.by_token.get(i)]
                  if m is not None and m.start == i and m.entries[0].kind == "organization"]
        found = self._from_entry(bodies[-1], text, text_noun, span) if bodies else None
        if found is None:
            un = next((e for e in self.kb.phrases["united nations"] if e.kind == "organization"), None)
            found = ResolvedActor(_country_actor(un, text, un.roles[0].type), text_noun, span) if un is not None \
                else None
        return found

    def _based_in(self, tokens: list[Token], head: Token) -> str | None:
        """"a Wuhan-based front company", "a Moscow-based bank": where a body sits is whose it is, when nothing else
        in its phrase says so."""
        base = next((t for t in tokens if t.i < head.i and names_a_base(self.doc, t.i + 1)), None)
        return self._country_named_at(base) if base is not None else None

    def _where_place(self, head: Token) -> str | None:
        """"tensions with Kosovo, where ethnic Serbs have blocked roads": who acts in a clause opened by "where"
        is of the place the clause is about."""
        clause = head.head  # (a party of the clause itself: "Singapore, where he fled after protesters stormed his
        # residence in Colombo" does not put the protesters in Singapore)
        if clause.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
            return None
        return self._country_named_at(clause.head)

    def _country_named_at(self, token: Token) -> str | None:
        """The country of a place word: a place the gazetteer geocoded there, else a country or capital the
        knowledge base names there."""
        mention = self.by_token.get(token.i)
        entry = _country_entry(mention) if mention is not None else None
        return self.token_places.get(token.i) or (entry.roles[0].country if entry else None)

    def _regional_body(self, head: Token, agent: Agent | None) -> Entry | None:
        """"West African leaders", "Arab foreign ministers": a region's governments together are its body; "the
        West African bloc", "West Africa's regional bloc": a region's bloc is its body."""
        bloc = head.lemma_.lower() in BLOC_HEADS
        if not bloc and (agent is None or agent.type != "GOV" or head.tag_ != "NNS"):
            return None
        # the head's own modifiers ("the West African country's rulers" are one country's)
        words = [t.lower_ for m in head.lefts if m.dep_ in ("amod", "compound", "nmod") or bloc and m.dep_ == "poss"
                 for t in m.subtree if t.dep_ != "case"]
        for length in (2, 1):
            for start in range(len(words) - length + 1):
                body = self.kb.regional_bodies.get(" ".join(words[start:start + length]))
                if body is not None:
                    return body
        return None

    def _in_place_prep(self, token: Token, head: Token) -> bool:
        for ancestor in token.ancestors:
            if ancestor == head:
                return False
            if ancestor.dep_ == "prep" and ancestor.head == head and (ancestor.lemma_.lower() in PLACE_PREPS or (
                    ancestor.lower_ == "of" and head.lemma_.lower() in DWELLERS)):
                return True  # "civilians in Gaza", "residents of northern Gaza"
        return False

    def _countries(self, head: Token, tokens: list[Token], inside: list[Mention], depth: int):
        """Countries modifying the phrase; coordinated modifiers ("Russian and Ukrainian") give several."""
        found: list[tuple[int, str, str | None]] = []
        for m in inside:
            entry = _country_entry(m)
            # "ethnic Armenian separatists in Nagorno-Karabakh": an ethnicity, not a state; where they are says whose
            ethnic = entry is not None and entry.kind == "adjective" and m.start > 0 and \
                self.doc[m.start - 1].lower_ == "ethnic"
            # ("a Sikh activist in British Columbia": a word of a place's name says nothing of whose)
            place = self.token_places.get(m.start)
            in_place_name = entry is not None and entry.kind == "adjective" and place is not None and \
                self.token_places.get(m.end) == place != entry.roles[0].country  # (the name goes on past it)
            if entry and not ethnic and not self._of_another(m) and not in_place_name:
                found.append((m.end - 1, entry.roles[0].country, entry.wikidata))
        if not found:
            if self.agent_for(tokens, head) is None:  # "its troops", not "their music tastes"
                return []
            for token in tokens:
                if token.dep_ == "poss" and (token.lower_ in PRONOUNS or token.lower_ == "whose") and depth < 3:
                    owner = self.coref.pronoun(self, token, depth + 1)
                    if owner and owner.actor.country:
                        return [(owner.actor.country, None)]
                if token.dep_ == "poss" and token.head == head and token.pos_ == "NOUN" and depth < 3:
                    # "the rebel group's commanders": the owner the possessor refers back to says whose; "the three
                    # countries' leaders" are the leaders of each state the possessor stands for
                    owners = self.resolve(token, depth + 1)
                    states = [o for o in owners if o.bare_country]
                    if len(states) > 1:
                        return [(o.actor.country, o.actor.wikidata) for o in states]
                    if owners and owners[0].actor.country:
                        return [(owners[0].actor.country, None)]
            return []
        first_index = found[0][0]
        indices = {f[0] for f in found}
        first = self.doc[first_index]

        def listed(i: int) -> bool:
            """"Chinese, Russian and Iranian warships": modifiers of one head listed with commas and "and"."""
            token = self.doc[i]
            return token.head == first.head and token.dep_ in ("amod", "compound") and all(
                t.i in indices or t.lower_ in (",", "and") or t in first.conjuncts
                for t in self.doc[min(i, first_index) + 1:max(i, first_index)])

        group = {first_index, *(t.i for t in first.conjuncts)}
        group |= {t.i for i in indices if listed(i) for t in (self.doc[i], *self.doc[i].conjuncts)}
        coordinated = [f for f in found if f[0] in group]
        unique: list[tuple[str, str | None]] = []
        for _, country, wikidata in coordinated:
            if (country, wikidata) not in unique:
                unique.append((country, wikidata))
        return unique
