"""Rule-based pronoun resolution on the dependency parse.

No neural coreference model runs offline here, so pronouns resolve to the nearest compatible actor:
first the subjects of the clauses that govern the pronoun ("Russia declared that it would ..."), then the
subjects of earlier clauses in the sentence, then the subjects of the previous sentences (most recent first).
Compatibility: he/she go to people, it/its to organisations and countries, they/their to either.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from spacy.tokens import Token

from eventcoder.nlp import sentence_of, sentences_back

if TYPE_CHECKING:
    from eventcoder.actors.kb import Entry
    from eventcoder.actors.resolver import DocumentActors, ResolvedActor

PERSONAL = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
NEUTER = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS = PERSONAL | NEUTER | PLURAL
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
LOOKBACK_SENTENCES = 3
# Definite descriptions and what they can refer back to: "the country" -> a country named before it.
STATE_ORGANS = {"ministry"}  # only a state has one: never an international body's
DEFINITE_KINDS = {
    "country": ("country", "capital"), "nation": ("country", "capital"), "kingdom": ("country",),
    "republic": ("country",), "state": ("country",), "island": ("country",), "emirate": ("country",),
    "president": ("person",), "minister": ("person",), "leader": ("person",), "premier": ("person",),
    "chancellor": ("person",), "spokesman": ("person",), "spokeswoman": ("person",),
    "agency": ("organization", "metonym"), "organisation": ("organization",), "organization": ("organization",),
    "group": ("organization",), "movement": ("organization",), "militia": ("organization",),
    "alliance": ("organization",), "bloc": ("organization",), "body": ("organization",),
    "ministry": ("metonym", "organization"), "militants": ("organization",), "rebels": ("organization",),
    # an institution named by what it does: "the lender" (the IMF), "the watchdog" (the IAEA)
    "lender": ("organization",), "watchdog": ("organization",), "fund": ("organization",),
    "council": ("organization",), "monitor": ("organization",),
}

# "the two countries", "all three capitals", "both governments": as many states as were just named.
GROUP_HEADS = {"country", "nation", "government", "capital", "state", "neighbour", "neighbor", "side", "party", "rival",
               "foe", "adversary"}
SIDE_HEADS = {"side", "party"}  # ... and "both sides": the last two parties of any kind named
GROUP_COUNTS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
PAIR_HEADS = {"neighbour", "neighbor", "rival", "foe", "adversary"}  # read as a pair with "the" alone
# "The two leaders agreed" after a visit by one country's premier to another's president: one per state
LEADER_HEADS = {"leader", "president", "premier", "minister", "delegation", "chief", "envoy", "negotiator",
                "head", "counterpart"}

BENCH_NOUNS = {"judge", "prosecutor", "panel", "bench"}
COURTS = {"court", "tribunal"}


class Coreference(Protocol):
    """What the actor resolver asks of a coreference component; a neural resolver can implement this."""

    def pronoun(self, actors: DocumentActors, token: Token, depth: int) -> ResolvedActor | None: ...

    def definite(self, actors: DocumentActors, noun: Token) -> ResolvedActor | None: ...

    def group(self, actors: DocumentActors, noun: Token) -> list[ResolvedActor]: ...


class RuleCoreference:
    """The default: syntactic role, agreement and recency on the dependency parse."""

    def pronoun(self, actors: DocumentActors, token: Token, depth: int) -> ResolvedActor | None:
        return find_antecedent(actors, token, depth)

    def definite(self, actors: DocumentActors, noun: Token) -> ResolvedActor | None:
        return definite_antecedent(actors, noun)

    def group(self, actors: DocumentActors, noun: Token) -> list[ResolvedActor]:
        return counted_group(actors, noun)


def _compatible(pronoun: str, candidate: ResolvedActor) -> bool:
    if pronoun in PERSONAL:
        return candidate.person
    if pronoun in NEUTER:
        return not candidate.person
    return True


def _clause_subjects(pronoun: Token) -> set[int]:
    """An object pronoun that is not reflexive names someone other than its own clause's subject: "police
    arrested 20 protesters and released them" (them = the protesters), "a shell was fired at it"."""
    if pronoun.lower_.endswith(("self", "selves")):
        return set()
    verb = pronoun.head
    if pronoun.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head
    elif pronoun.dep_ not in ("dobj", "obj", "dative"):
        return set()
    subjects: set[int] = set()
    seen: set[int] = set()
    while verb.pos_ in ("VERB", "AUX") and verb.i not in seen:
        seen.add(verb.i)
        subjects.update(s.i for s in _subjects(verb.children))
        if subjects or verb.dep_ not in ("conj", "acl", "advcl", "xcomp"):
            break
        # a subjectless clause speaks of its governing clause's subject ("... calling them an occupying army")
        verb = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), verb)
    return subjects


def _subjects(sentence_tokens) -> list[Token]:
    return [t for t in sentence_tokens if t.dep_ in SUBJECT_DEPS and t.lower_ not in RELATIVE_PRONOUNS]


def definite_antecedent(actors: DocumentActors, noun: Token) -> ResolvedActor | None:
    """"The agency's chief" after "the International Atomic Energy Agency said": the nearest earlier
    knowledge-base mention of a compatible kind, within the last few sentences."""
    kinds = DEFINITE_KINDS.get(noun.lower_) or DEFINITE_KINDS.get(noun.lemma_.lower())
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its") for c in noun.children):
        return None
    if noun.lemma_.lower() in BENCH_NOUNS | COURTS:
        # "filed a case at the International Court of Justice ... asked the judges": the court named before
        court = next((m for m in sorted(actors.mentions, key=lambda m: -m.start) if m.end <= noun.i and
                      m.entries[0].kind == "organization" and any(t.lemma_.lower() in COURTS
                                                                  for t in noun.doc[m.start:m.end])), None)
        found = actors.resolve(noun.doc[court.end - 1], 2) if court is not None else []
        return found[0] if found else None
    if kinds is None:
        return _named_by_head(actors, noun)
    earliest = sentences_back(noun, LOOKBACK_SENTENCES)
    # "Iran's foreign ministry accused the kingdom": an object does not refer to its own clause's subject
    bound = {t.i for s in _clause_subjects(noun) for t in noun.doc[s].subtree}
    region = region_of(actors, noun) if "country" in kinds else None
    if region is not None:
        # "the South American country": the last country of that region named, however far back
        earliest = 0
    candidates = [m for m in sorted(actors.mentions, key=lambda m: -m.start)
                  if m.end <= noun.i and m.start >= earliest and m.start not in bound and
                  (region is None or _country_of(m.entries[0]) in region)]
    # a country named as such first; "Saudi oil facilities ... the kingdom" (an adjective) only failing that
    for allowed in (kinds, ("adjective",) if "country" in kinds else ()):
        for mention in candidates:
            entry = mention.entries[0]
            if entry.kind not in allowed:
                continue
            if "country" in kinds:  # "the kingdom" is the country itself, acting through its government
                return actors.country_actor(entry, noun)
            found = actors.resolve(noun.doc[mention.end - 1], 2)
            if found and noun.lemma_.lower() in STATE_ORGANS and found[0].actor.type == "IGO":
                continue  # "UN officials, whom the foreign ministry accused": a ministry is a state's
            return found[0] if found else None
    return None


def region_of(actors: DocumentActors, noun: Token) -> frozenset[str] | None:
    """The countries of the region a description names: "the South American country", "the Gulf states", "the
    self-ruled island" (regions.tsv); the longest region named wins ("south-east asian" over "asian")."""
    words = [t.lower_ for t in noun.doc[noun.left_edge.i:noun.i + 1] if t.dep_ != "det"]
    text = " " + " ".join(words).replace(" - ", "-") + " "
    named = [r for r in actors.kb.regions if f" {r} " in text]
    return actors.kb.regions[max(named, key=len)] if named else None


def _country_of(entry) -> str | None:
    return entry.roles[0].country if entry.roles else None


def counted_group(actors: DocumentActors, noun: Token) -> list[ResolvedActor]:
    """"Israel recalled its ambassadors from all three capitals" after "Spain, Ireland and Norway": a counted
    plural of a state noun stands for the last list of that many states named before it, in its sentence or the
    one before ("each side" for the last two)."""
    if noun.lemma_.lower() not in GROUP_HEADS | LEADER_HEADS:
        return []
    count = next((GROUP_COUNTS[c.lower_] for c in noun.children if c.lower_ in GROUP_COUNTS and
                  c.dep_ in ("nummod", "det", "predet", "quantmod")), None) if noun.tag_ == "NNS" else \
        2 if noun.lemma_.lower() in SIDE_HEADS and any(c.lower_ == "each" for c in noun.children) else None
    if count is None and noun.tag_ == "NNS" and noun.lemma_.lower() in PAIR_HEADS and \
            any(c.lower_ == "the" for c in noun.children):
        count = 2  # "the nuclear-armed neighbours", "the two rivals": a pair of states named before
    region = region_of(actors, noun) if noun.tag_ == "NNS" else None
    if count is None and region is None:
        return []
    earliest = sentences_back(noun, 1)
    if count is None:
        # "the Gulf states", "the Baltic states": every state of that region named in this sentence or the one before
        named = {country: entry for country, entry in _states_named(actors, noun, earliest, ("country", "capital"))
                 if country in region}
        return [actors.country_actor(entry, noun) for entry in named.values()] if len(named) >= 2 else []
    kinds = ("country", "capital", "organization") if noun.lemma_.lower() in SIDE_HEADS else ("country", "capital")
    states = {m.end - 1: e for m in actors.mentions if earliest <= m.start and m.end <= noun.i
              for e in m.entries[:1] if e.kind in kinds}
    for last in sorted(states, reverse=True):
        listed = sorted({t.i for t in (noun.doc[last], *noun.doc[last].conjuncts) if t.i in states})
        if len(listed) == count:
            members = [[actors.country_actor(states[i], noun)] if states[i].kind != "organization" else
                       [replace(found, head=noun) for found in actors.resolve(noun.doc[i], 2)[:1]] for i in listed]
            return [member for found in members for member in found]
    if noun.lemma_.lower() in SIDE_HEADS and count == 2:
        return _last_pair(actors, noun, earliest)
    return _only_pair(actors, noun, earliest) if count == 2 else []


def _only_pair(actors: DocumentActors, noun: Token, earliest: int) -> list[ResolvedActor]:
    """"Abiy Ahmed was greeted by Eritrean President Isaias Afwerki ... The two leaders agreed", "Kyrgyzstan said
    Tajik forces attacked ... The two countries' security chiefs agreed": when no list names them, the pair is the
    only two states named in the sentence or the one before (by name, capital or adjective)."""
    named: dict[str, Entry] = {}
    for country, entry in _states_named(actors, noun, earliest, ("country", "capital", "adjective")):
        if country:
            named.setdefault(country, entry)
    if len(named) != 2:
        return []
    sector = "GOV" if noun.lemma_.lower() in LEADER_HEADS else None
    return [replace(found, actor=found.actor.model_copy(update={"type": sector or found.actor.type}))
            for found in (actors.country_actor(entry, noun) for entry in named.values())]


def _states_named(actors: DocumentActors, noun: Token, earliest: int,
                  kinds: tuple[str, ...]) -> list[tuple[str | None, Entry]]:
    """The countries (with their entries) that mentions of these kinds name from `earliest` up to the noun."""
    return [(_country_of(m.entries[0]), m.entries[0]) for m in actors.mentions
            if earliest <= m.start and m.end <= noun.i and m.entries[0].kind in kinds]


def _last_pair(actors: DocumentActors, noun: Token, earliest: int) -> list[ResolvedActor]:
    """"Azerbaijani and Armenian forces clashed, with each side blaming the other", "between Sudan's army and
    the RSF ... each side": the last phrase before that names two parties of any kind (a coordination, or one noun
    with coordinated modifiers)."""
    for token in reversed(noun.doc[earliest:noun.i]):
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "poss", "conj"):
            continue
        found = [r for t in (token, *token.conjuncts) if t.i < noun.i for r in actors.resolve(t, 2)]
        parties = list({(r.actor.country, r.actor.type): r for r in found if r.actor.country}.values())
        if len(parties) == 2:
            return [replace(p, head=noun) for p in parties]
    return []


def _named_by_head(actors: DocumentActors, noun: Token) -> ResolvedActor | None:
    """"The fund" after "the International Monetary Fund", "the court" after "the International Criminal
    Court": a definite common noun that is the head word of an organisation named earlier in the document."""
    if noun.pos_ != "NOUN" or any(c.dep_ in ("compound", "amod", "poss") for c in noun.children):
        return None
    word = noun.lemma_.lower()
    for mention in sorted(actors.mentions, key=lambda m: -m.start):
        if mention.end > noun.i or mention.entries[0].kind != "organization" or mention.end - mention.start < 2:
            continue
        if noun.doc[mention.end - 1].lemma_.lower() == word:
            found = actors.resolve(noun.doc[mention.end - 1], 2)
            return found[0] if found else None
    return None


def _name_before(actors: DocumentActors, pronoun: Token, depth: int) -> ResolvedActor | None:
    """The name just before a relative pronoun, over a comma ("Beijing, whose ...", "Paris and Berlin, which")."""
    before = pronoun.doc[pronoun.i - 2] if pronoun.i > 1 and pronoun.doc[pronoun.i - 1].text == "," \
        else pronoun.doc[pronoun.i - 1] if pronoun.i else None
    found = actors.resolve(before, depth + 1) if before is not None and before.pos_ == "PROPN" else []
    return found[0] if found else None


def find_antecedent(actors: DocumentActors, pronoun: Token, depth: int) -> ResolvedActor | None:
    lower = pronoun.lower_
    if lower in RELATIVE_PRONOUNS:
        clause = pronoun.head
        if lower == "whose":  # "Beijing, whose foreign ministry summoned ...": the noun just before owns it
            found = _name_before(actors, pronoun, depth)
            if found is not None:
                return found
            clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), clause)
        if lower in ("whom", "which") and clause.lower_ == "of":
            # "his supporters, some of whom stormed a residence": the noun before the comma (the parser may hang
            # the clause anywhere)
            part = clause.head
            comma = part.left_edge.i - 1
            before = pronoun.doc[comma - 1] if comma > 0 and pronoun.doc[comma].text == "," else None
            found = actors.resolve(before, depth + 1) if before is not None and before.pos_ in ("NOUN", "PROPN") \
                else []
            if found:
                return found[0]
        if clause.dep_ == "relcl" and pronoun.dep_ == "nsubj":
            body = actors.adopting_body(clause.head)  # "a resolution that would have imposed sanctions"
            if body is not None:
                return body
        if clause.dep_ == "relcl":
            found = actors.resolve(clause.head, depth + 1)
            if not found and pronoun.dep_ == "nsubj":
                # "condemnation from Washington and Brussels, which warned Moscow": the clause tells of who the
                # reaction came from
                found = [r for c in clause.head.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                         for g in c.children if g.dep_ == "pobj" for r in actors.resolve(g, depth + 1)]
            return found[0] if found else None
        if pronoun.dep_ == "nsubj" and pronoun.i > 1 and pronoun.doc[pronoun.i - 1].text == ",":
            return _name_before(actors, pronoun, depth)  # the parser hung the clause elsewhere: the name before it
        return None
    bound = _clause_subjects(pronoun)
    candidates: list[Token] = []
    for ancestor in pronoun.ancestors:
        # "the Kremlin's assurance that it would ...": the owner of the governing noun comes first
        candidates.extend(c for c in ancestor.children if c.dep_ == "poss" and c.i < pronoun.i
                          and c.lower_ not in PRONOUNS)
        candidates.extend(s for s in _subjects(ancestor.children) if s.i < pronoun.i and s != pronoun)
        if lower not in NEUTER or bound:  # "expelled a BBC correspondent, accusing him of ...": the object before
            objects = [o for o in ancestor.children if o.dep_ in ("dobj", "obj") and o.i < pronoun.i]
            candidates.extend(objects)
            # "issued an arrest warrant for Vladimir Putin, accusing him of ...": the person the object is for
            candidates.extend(g for o in objects for p in o.children if p.dep_ == "prep"
                              for g in p.children if g.dep_ == "pobj" and g.i < pronoun.i)
    sentence = sentence_of(pronoun)
    candidates.extend(sorted((s for s in _subjects(sentence) if s.i < pronoun.i), key=lambda t: -t.i))
    doc = pronoun.doc
    previous = sentence.start
    for _ in range(LOOKBACK_SENTENCES):
        if previous <= 0:
            break
        earlier = sentence_of(doc[previous - 1])
        candidates.extend(_subjects(earlier))
        previous = earlier.start
    # Number agreement: "they" looks for a plural antecedent first ("police detained 12 activists ... the
    # ministry said they were suspected"), then for any.
    for plural_only in ((True, False) if lower in PLURAL else (False,)):
        for candidate in candidates:
            if candidate.i == pronoun.i or candidate.lower_ in PRONOUNS and candidate.i > pronoun.i or \
                    candidate.i in bound or plural_only and not _plural(candidate):
                continue
            for resolved in actors.resolve(candidate, depth + 1):
                if (resolved.actor.country or resolved.actor.type) and _compatible(lower, resolved):
                    return resolved
    return None


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or bool(token.conjuncts) or token.lower_ in PLURAL
