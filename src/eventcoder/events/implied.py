"""Implied arguments: the parties a kind of event implies when no word of its own names them (who is accused
when a person is sent to face charges, who carries out the event a clause describes, whom a threat is aimed at,
whose people a jailer holds ...), tried in order by ArgumentFinding's default chain."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from eventcoder.actors.description import NO_COUNTRY_MODIFIERS
from eventcoder.actors.resolver import ResolvedActor
from eventcoder.events.slots import SlotFinding, tagged
from eventcoder.events.syntax import (
    ANAPHORA_TOKENS,
    ARMED_TYPES,
    REPRESSION_TYPES,
    direct_object,
    implied,
    lemma,
)
from eventcoder.events.triggers import Trigger
from eventcoder.models import Actor
from eventcoder.nlp import sentence_of

TRANSFER_VERBS = {"extradite", "deport", "send", "fly", "hand", "transfer", "return", "repatriate"}
RELATIVE_WORDS = {"that", "which", "what", "whom"}
TOWARD_PREPS = {"to", "toward", "towards", "near", "along", "on", "at", "into"}
BORDER_NOUNS = {"border", "frontier", "boundary"}
# Kinds of repression done to one's own people unless the text names another party (curfews and martial law laid
# over a place are aimed at no one as often as at the country; hacking and deporting are aimed abroad)
HOME_REPRESSION_MODES = {"arrest", "seize", None}


class ImpliedArguments(SlotFinding):
    """Arguments implied by the kind of event and the clause around it."""

    def _sent_to_face(self, verb: Token, sources: list[ResolvedActor], targets: list[ResolvedActor]):
        """"Colombia extradited Otoniel to the United States to face charges", "was extradited to the United States
        to face charges", "... to the United States, where he faces charges": the state the person is sent to
        accuses them; the person is the one sent (of the sending state's country when the text gives no other)."""
        sender = verb.head
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            # "extradited him to the United States, where he faces charges" (the clause may hang on any noun)
            sender = next((a for a in verb.ancestors if a.pos_ == "VERB"), sender)
        elif verb.dep_ not in ("advcl", "xcomp"):
            return sources, targets
        if lemma(sender) not in TRANSFER_VERBS:
            return sources, targets
        subject, passive = self._subject(sender)
        sent = subject if passive else direct_object(sender)
        destination = self._expand(self._pobjs(sender, {"to"}))
        if not destination:
            return sources, targets
        accuser = [replace(d, actor=d.actor.model_copy(update={"type": "JUD"}), via="accuse.destination")
                   for d in destination[:1]]
        accused = self._expand([sent]) if sent is not None else []
        if not accused and not passive and subject is not None:
            accused = [replace(a, actor=a.actor.model_copy(update={"type": None})) for a in self._expand([subject])]
        return accuser, tagged(accused, "accuse.sent")

    def _event_head_agent(self, verb: Token) -> list[ResolvedActor]:
        """"Armenia agreed to return the villages, a step Baku had long demanded", "a pullout demanded by the
        junta", "a visit to Taipei that Beijing denounced", "in what Arce denounced as a coup": a clause about an
        event named by the noun it describes is aimed at whoever carries that event out - the noun's own agent
        ("Israel's strike"), else the subject of the clause the noun belongs to."""
        described = verb.dep_ == "acl" and verb.tag_ == "VBN"  # "a pullout demanded by", not "a plan to send"
        if described or verb.dep_ == "relcl" and (not direct_object(verb) or
                                                  direct_object(verb).lower_ in RELATIVE_WORDS):
            noun = verb.head
        elif verb.dep_ == "pcomp" and any(c.dep_ in ("dobj", "obj") and c.lower_ == "what" for c in verb.children):
            noun = verb.head  # "in what X denounced as ...": the preposition stands in the host clause
        else:
            return []
        return self._doer_of_event_noun(noun)

    def _state_of_patient(self, verb: Token) -> list[ResolvedActor]:
        """"condemned Navalny's arrest", "demanded the activist's extradition": an act only a state carries out,
        named by whom it befell, is aimed at that person's government."""
        obj = direct_object(verb)
        if obj is None or lemma(obj) not in self.lexicon.cues["state_act_nouns"]:
            return []
        owners = [c for c in obj.children if c.dep_ == "poss"]
        countries = [a.actor.country for a in self._expand(owners) if a.actor.country]
        if not countries:
            return []
        actor = Actor(text=self.doc[obj.left_edge.i:obj.i + 1].text, name=self.actors.country_name(countries[0]),
                      country=countries[0], type="GOV")
        return [implied(actor, obj)]

    def _attack_noun_agent(self, trig: Trigger) -> list[ResolvedActor]:
        """"killed in Israeli tank shelling": the armed actor named in the event noun of the "in" phrase (or just
        before it, when the parser splits the compound), not "in a rebel-held part of the city"."""
        event_nouns = [p for p in self._pobjs(trig.anchor, {"in"})
                       if any(m.token.i in (p.i, p.right_edge.i + 1) for m in trig.merged)]
        # "killed in a clash with Chinese troops": the other side of the fighting
        sides = event_nouns + [w for noun in event_nouns for w in self._pobjs(noun, {"with", "by"})]
        return [a for a in self._expand(sides) if a.actor.type in ARMED_TYPES]

    def _attacker_of_clause(self, verb: Token) -> list[ResolvedActor]:
        """"30 people were killed when gunmen stormed a village": the armed actor of the "when" clause."""
        clauses = [c for c in verb.children if c.dep_ == "advcl" and
                   any(m.lower_ in ("when", "as", "after") for m in c.children if m.dep_ in ("advmod", "mark"))]
        subjects = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
        # "... when a market was hit by air strikes carried out by the coalition": the passive's agent, or who
        # carries out the event it names
        agents = [a for c in clauses for a in self._pobjs(c, {"by"})]
        doers = self._expand([d for a in agents if lemma(a) in self.lexicon.nouns for d in self._participle_agents(a)])
        armed = [a for a in self._expand(subjects + [a for a in agents if lemma(a) not in self.lexicon.nouns])
                 if a.actor.type in ARMED_TYPES]
        return armed + doers  # whoever carries out a strike attacks, whatever the kind of actor it is

    def _condition_subjects(self, trig: Trigger) -> list[ResolvedActor]:
        """"threatened to stop negotiations if the United States goes ahead": whoever the condition is on."""
        anchor = trig.anchor
        heads = [anchor, *(c.anchor for c in trig.content), *(c for c in anchor.children if c.dep_ == "xcomp")]
        conditions = [clause for head in heads for clause in head.children if clause.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)]
        return self._distinct_countries(self._expand(
            [s for clause in conditions for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]))

    def _clause_target(self, verb: Token) -> list[ResolvedActor]:
        """"vowed to retaliate against Israel", "threatened to hit back at Washington": whom the threatened act
        is aimed at, when that act is no event of its own."""
        clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        aimed = [t for clause in clauses for t in self._pobjs(clause, {"against", "on", "at"})]
        return self._distinct_countries(self._expand(aimed))

    def _harmed(self, verb: Token) -> list[ResolvedActor]:
        """"said Iran would pay a heavy price", "warned that the Kurds would go hungry": who would suffer."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and self._says_harm(c)]
        subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                    and s.lower_ not in ("it", "we", "i")]
        return self._distinct_countries(self._expand(subjects))

    def _met(self, meeting: Token) -> list[ResolvedActor]:
        """"met President Biden and asked for more air defence": asked of the one met."""
        met = [direct_object(meeting), *self._pobjs(meeting, {"with"})]
        return self._distinct_countries(self._expand([t for t in met if t is not None]))

    def _rally_of(self, anchor: Token) -> list[ResolvedActor]:
        """"deployed 10,000 officers ahead of a planned opposition rally": against the protesters."""
        occasions = [p for head in (anchor, *(c for c in anchor.children if c.lower_ == "ahead"))
                     for p in self._pobjs(head, {"of", "for", "before", "against"})]
        rallies = [o for o in occasions if any(pat.outcome.type == "PROTEST"
                                               for _, pat in self.lexicon.nouns.get(lemma(o), ()))]
        return self._expand([m for r in rallies for m in r.children if m.dep_ in ("compound", "amod", "poss")])

    def _across_border(self, anchor: Token) -> list[ResolvedActor]:
        """"moved 10,000 troops to its border with Belarus", "deployed to Kassala state on the border with
        Eritrea": a force sent to a border faces the country across it (sector unknown)."""
        places = self._pobjs(anchor, TOWARD_PREPS)
        places += [g for p in places for g in self._pobjs(p, TOWARD_PREPS)]
        borders = [p for p in places if lemma(p) in BORDER_NOUNS and self._pobjs(p, {"with"})]
        return [replace(a, actor=a.actor.model_copy(update={"type": None}))
                for a in self._distinct_countries(self._expand(borders))]

    def _prompter(self, verb: Token) -> list[ResolvedActor]:
        """"Trump ordered tariffs on Canada and Mexico, prompting Mexico to promise retaliation": what one is prompted
        to say answers whoever did what prompted it."""
        prompting = verb.head
        if verb.dep_ != "xcomp" or lemma(prompting) not in self.lexicon.cues["causative_verbs"] or \
                prompting.dep_ not in ("advcl", "conj") or prompting.head == prompting:
            return []
        return self._expand(self._active_subject(prompting.head))

    def _named_person(self, verb: Token, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """"soldiers detained Ovidio Guzman": someone the knowledge base does not know, arrested or held by a state's
        forces, is one of that state's people (sector unknown)."""
        subject, passive = self._subject(verb)
        person = subject if passive else direct_object(verb)
        countries = {s.actor.country for s in sources if s.actor.country}
        # (the tagger often calls an unknown name an organisation; a place is no one)
        if person is None or person.pos_ != "PROPN" or person.ent_type_ not in ("PERSON", "ORG", "") or \
                self.places.place_at(person) is not None or len(countries) != 1:
            return []
        country = countries.pop()
        actor = Actor(text=person.text, name=self.actors.country_name(country), country=country, type=None)
        return [ResolvedActor(actor, person, (person.idx, person.idx + len(person.text)))]

    def _own_country_held(self, trig: Trigger, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """"security forces arrested a prominent lawyer", "riot police detained more than 600 of them", "the army
        seized power": an arrest, raid or seizure with no other party named is done to the actor's own country."""
        countries = {s.actor.country for s in sources if s.actor.country}
        if trig.pattern.outcome.mode not in HOME_REPRESSION_MODES or trig.pattern.object_role == "theme" or \
                len(countries) != 1:
            return []  # (a thing seized, "a helicopter captured by Sudanese forces", is often another's)
        subject, passive = self._subject(trig.anchor)
        held = subject if passive else direct_object(trig.anchor)
        if held is not None and any(t.dep_ == "amod" and t.lower_ in NO_COUNTRY_MODIFIERS
                                    for t in held.subtree if t.i < held.i):
            return []  # "raided a foreign-owned plant": not the raider's own
        country = countries.pop()
        name = self.actors.country_name(country)
        if held is None:
            return [implied(Actor(text=name or country, name=name, country=country, type=None), trig.token)]
        span = self.actors.phrase_span(held)
        actor = Actor(text=self.doc.text[span[0]:span[1]], name=name, country=country, type=None)
        return [ResolvedActor(actor, held, span)]

    def _foreign_place(self, anchor: Token, sources: list[ResolvedActor]) -> list[ResolvedActor]:
        """"fired missiles into waters around Taiwan", "moved into the buffer zone on the Golan Heights": a force
        sent into another state's place faces that state (sector unknown); its own ground faces no one."""
        places = self._pobjs(anchor, {"into", "to", "toward", "towards", "around"})  # (drills held "in" a sea: no one)
        places += [g for p in places for g in self._pobjs(p, TOWARD_PREPS | {"in", "around", "off", "of"})]
        held = self._first_held(places)
        return [a for a in held if not any(a.actor.country == s.actor.country for s in sources)]

    def _struck_holder(self, trig: Trigger, target_tokens: list[Token]) -> list[ResolvedActor]:
        """"shelled Mariupol": the country whose place is hit (type null, like "air strikes in Syria"); the place
        may be the object's modifier ("hit a Kharkiv apartment block")."""
        obj = direct_object(trig.anchor)
        places = [*target_tokens, obj] if trig.pattern.object_role != "theme" else list(target_tokens)
        places += [c for t in places if t is not None for c in t.children if c.dep_ == "compound"]
        return self._first_held([t for t in places if t is not None])

    def _jailer(self, trig: Trigger) -> list[ResolvedActor]:
        """Whom a call for someone's release is addressed to: who holds them ("the release of hostages held by
        Hamas"), else who was just said to have jailed or seized someone ("condemned a court for jailing an
        activist and called for his immediate release")."""
        releases = [c for c in trig.content if c.pattern.outcome.type == "RETREAT" and c.pattern.outcome.mode ==
                    "release"]
        if not releases:
            return []
        held = [t for c in releases for t in self._target_tokens(c)]
        holders = [g for t in held for acl in t.children if acl.dep_ == "acl" for g in self._pobjs(acl, {"by"})]
        if holders:
            return self._expand(holders)
        start = sentence_of(trig.anchor).start
        jailer = next((c.source for c in reversed(self.recent) if c.source is not None and
                       c.outcome.type in REPRESSION_TYPES and start - sentence_of(c.trigger.token).start
                       <= ANAPHORA_TOKENS), None)
        return [jailer] if jailer is not None else []

    def _own_people(self, sources: list[ResolvedActor], targets: list[ResolvedActor]) -> list[ResolvedActor]:
        """Repression is of one's own people: "Iranian officials responsible for the crackdown on protesters,
        Canada said" - the protesters are Iranian, not of the first country the sentence names."""
        countries = {a.actor.country for a in sources if a.actor.country}
        if len(countries) != 1:
            return targets
        country = countries.pop()
        update = {"country": country, "name": self.actors.country_name(country)}
        # (and someone of no known country, "opposition journalist Roman Protasevich", is theirs too)
        return [replace(t, actor=t.actor.model_copy(update=update), country_from_context=False)
                if t.country_from_context or t.actor.country is None and t.actor.type else t for t in targets]

    def _host_of_visit(self, trig: Trigger) -> list[ResolvedActor]:
        """"a visit to Nairobi" -> the host is Kenya's government."""
        governing_verb = [trig.token.head.head] if trig.token.dep_ == "pobj" else []
        for pobj in self._pobjs(trig.token, {"to"}) + [p for t in [trig.anchor, *governing_verb]
                                                        for p in self._pobjs(t, {"to", "in"})]:
            place = self.places.place_at(pobj)
            if place and place.place.country:
                country = self.actors.kb.countries.get(place.place.country)
                actor = Actor(text=place.place.text, name=country.name if country else None,
                              country=place.place.country, type="GOV", wikidata=country.wikidata if country else None)
                return [ResolvedActor(actor, pobj, place.span)]
        return []
