"""Reading the dependency parse: the pure helpers every stage of the coder shares (no document state)."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors.resolver import ResolvedActor
from eventcoder.models import Actor

REPRESSION_TYPES = {"COERCE", "ASSAULT"}
ANAPHORA_TOKENS = 80
ARMED_TYPES = {"MIL", "REB", "UAF"}
# Particles that may follow the object ("pushed the militants out of", "drove them back") even when the parser
# calls them prepositions.
SEPARABLE_PARTICLES = {"out", "back", "off", "away", "down"}
OFFICIAL_TYPES = {"GOV", "IGO", "NGO", "JUD", "LEG", "MED", "MIL", "SPY"}
IRREALIS = {"planned", "proposed", "hypothetical"}
QUANTITY_HEADS = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "number", "group", "scores",
                  "many", "some", "several", "millions", "batch", "pair", "swathe", "swath", "part", "portion",
                  "stretch", "chunk", "strip", "barrage", "salvo", "volley", "total"}
AMOUNT_NOUNS = {"euro", "dollar", "pound", "rouble", "ruble", "yuan", "yen", "million", "billion", "sum",
                "amount", "tranche", "package", "franc", "rupee", "shekel", "lira"}
CONTAINER_NOUNS = {"campaign", "wave", "series", "spate", "string", "round", "barrage", "number", "day", "week",
                   "month", "hour", "year", "decade", "package", "raft", "batch", "set"}
SETTING_PREPS = {"during", "at", "amid", "in"}
# Spans of time a fighting noun is counted in ("after eight days of fighting").
TIME_SPANS = {"hour", "day", "night", "week", "month", "year"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def implied(actor: Actor, trigger: Token) -> ResolvedActor:
    """An actor the text implies rather than names (the public of a protest): its evidence is the trigger."""
    return ResolvedActor(actor, trigger, (trigger.idx, trigger.idx + len(trigger)))


def through_relative(argument: Token, verb: Token) -> Token:
    """"a helicopter that was captured": the relative pronoun stands for the noun the clause describes."""
    if argument.lower_ in ("that", "which", "who", "whom") and verb.dep_ == "relcl":
        return verb.head
    return argument


def orphaned_object(preposition: Token) -> list[Token]:
    """"granted asylum to five army officers holed up in ...": the parser made the noun after the preposition
    the subject of the next clause and left the preposition without object."""
    if preposition.i + 1 >= len(preposition.doc):
        return []
    noun = preposition.doc[preposition.i + 1]
    while noun.dep_ not in ("nsubj", "nsubjpass") and noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.pos_ in ("NOUN", "PROPN") and \
            noun.left_edge.i == preposition.i + 1:
        return [noun]
    return []


def each_pair(actors: list[ResolvedActor]) -> list[tuple[ResolvedActor, ResolvedActor]]:
    """Each unordered pair of parties, in the order named ("the US, Russia and Switzerland met")."""
    return [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]


def reduced_relative(verb: Token) -> bool:
    """ "The civilians imprisoned for X were released": a participle the parser made the main verb, with the
    real main verb (passive, without a subject of its own) hanging from it; its subject is its patient."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ in ("conj", "advcl") and c.i > verb.i and c.tag_ == "VBN" and
               any(g.dep_ == "auxpass" for g in c.children) and not any(g.dep_ in SUBJECT_DEPS for g in c.children)
               for c in verb.children)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


SETTING_ENTITIES = ("DATE", "TIME", "GPE", "LOC", "FAC")


def _only_setting_between(verb: Token, preposition: Token) -> bool:
    """"agreed on Friday to a ceasefire", "agreed in Pretoria on Wednesday to a truce": only phrases of time and
    place stand between the verb and its preposition."""
    between = verb.doc[verb.i + 1:preposition.i]
    return bool(between) and all(t.ent_type_ in SETTING_ENTITIES or t.is_punct or (
        t.dep_ == "prep" and t.head == verb and any(g.ent_type_ in SETTING_ENTITIES for g in t.children))
        for t in between)


def _fixed_phrase(preposition: Token, rest: list[str]) -> bool:
    """"took the president into custody": a preposition with its own fixed noun may follow the object."""
    return bool(rest) and any(c.dep_ == "pobj" and lemma(c) == rest[-1] for c in preposition.children)


def has_particle(verb: Token, words: list[str]) -> bool:
    """"called on X", "walked back", "went on strike": the first word is a particle or a preposition right
    after the verb (so "call ... on Saturday" is not "call on"); the rest are in the verb's phrase."""
    first = next((c for c in verb.children if c.lower_ == words[0] and (
        c.dep_ == "prt" or (c.dep_ in ("prep", "dative", "agent") and (
            c.i == verb.i + 1 or c.i > verb.i and (c.lower_ in SEPARABLE_PARTICLES or
                                                   _only_setting_between(verb, c) or
                                                   _fixed_phrase(c, words[1:])))))),
        None)
    if first is None and len(words) == 1:  # "took 25 crew members hostage"
        first = next((c for c in verb.children if c.lower_ == words[0] and c.dep_ in (
            "oprd", "advmod", "xcomp", "npadvmod", "acomp", "dobj")), None)  # ... "set fire to", "opened fire"
    if first is None:
        return False
    rest = {lemma(t) for t in first.subtree} | {lemma(c) for c in verb.children}
    return all(w in rest for w in words[1:])


def verb_forms(token: Token) -> list[str]:
    """The lemma, then forms guessed from the word when the lemmatizer slips ("fined" -> "fin")."""
    word = token.lower_
    forms = [lemma(token), word]
    if token.i > 1 and token.doc[token.i - 1].text == "-":  # "test-fired" is tokenized test / - / fired
        forms.insert(0, f"{token.doc[token.i - 2].lower_}-{lemma(token)}")
    if word.endswith("ed"):
        forms += [word[:-1], word[:-2]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def object_phrases(token: Token) -> set[str]:
    """The object's lemma with its compounds: "mobile internet access" -> {"access", "internet access", ...}."""
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod")]
    words = [lemma(m) for m in mods] + [lemma(token)]
    phrases = {" ".join(words[i:]) for i in range(len(words))} | {token.lower_}
    if token.pos_ == "PROPN":  # "summoned U.S. Ambassador Terry Branstad": the title before a name says what it is
        phrases |= {lemma(m) for m in mods if m.pos_ in ("NOUN", "PROPN") and m.ent_type_ != "PERSON"}
    for of_phrase in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in of_phrase.children if g.dep_ == "pobj"):
            phrases.add(f"{lemma(token)} of {lemma(pobj)}")  # "a nationwide state of emergency"
    if lemma(token) in AMOUNT_NOUNS or token.like_num or token.lower_ in QUANTITY_HEADS or \
            lemma(token) in CONTAINER_NOUNS:
        # "300 million euros in budget support", "dozens of hostages", "halt six weeks of fighting"
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                phrases |= object_phrases(pobj)
    return phrases


def definite(noun: Token) -> bool:
    """"the attack", "this move": a noun its determiner marks as known from before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def blamed(word: Token, blaming_verbs) -> tuple[Token, Token | None] | None:
    """The blaming verb and the accused of an act told as someone's doing: "accused Baku of shelling the town",
    "blamed Moscow for a missile strike" (the parser hangs "of" on the verb or on its object), "blamed the
    attack on Israel"."""
    # "blamed the attack on Israel", "a sabotage attack it blames on Israel": the act is the object, the accused
    # follows "on"
    blamer = word.head if word.dep_ in ("dobj", "obj") else next(
        (c for c in word.children if c.dep_ == "relcl" and direct_object(c) in (None, *(
            t for t in c.children if t.lower_ in ("that", "which")))), None)
    if blamer is not None and lemma(blamer) in blaming_verbs:
        holders = [blamer, word] if word.head == blamer else [blamer]  # (the parse may hang "on" on the act)
        accused = next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "on"
                        for g in c.children if g.dep_ == "pobj"), None)
        if accused is not None:
            return blamer, accused
    if word.dep_ not in ("pcomp", "pobj") or word.head.lower_ not in ("of", "for"):
        return None
    holder = word.head.head
    while holder.dep_ in ("pobj", "prep", "acl") and holder.head != holder:
        holder = holder.head  # "accused hackers working for Chinese intelligence of targeting": hung on a modifier
    if holder.dep_ in ("dobj", "obj") and lemma(holder.head) in blaming_verbs:
        return holder.head, holder
    if holder.pos_ == "VERB" and lemma(holder) in blaming_verbs:
        # "Russia was accused of shelling", "four entities they blame for the crackdown"
        accused = direct_object(holder) or next((c for c in holder.children if c.dep_ == "nsubjpass"), None) or (
            holder.head if holder.dep_ == "relcl" else None)
        return holder, accused
    return None


def standing(noun: Token) -> Token:
    """The word an event noun stands in the clause by: its container in "four days of talks", "a wave of strikes"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and lemma(noun.head.head) in CONTAINER_NOUNS:
        return noun.head.head
    return noun


def first_conjunct(token: Token) -> Token:
    """The first of coordinated words ("with the UAE and Bahrain": the UAE), which carries their relation."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def each_other(verb: Token) -> bool:
    """"The army and the RSF blamed each other", "each side accused the other": the parties act on one another."""
    each_subject = any(c.dep_ == "nsubj" and any(d.lower_ == "each" for d in c.children) for c in verb.children)
    return any(t.lower_ == "other" and any(c.lower_ == "each" for c in t.children) or
               t.lower_ == "another" and t.i > 0 and t.doc[t.i - 1].lower_ == "one" or
               each_subject and t.lower_ == "other" and any(c.lower_ == "the" for c in t.children)
               for t in verb.subtree)


def label_of(verb: Token) -> Token | None:
    """The label a naming verb gives: "called the junta illegitimate" (oprd), "described the junta as
    illegitimate", "described the unrest as organised rioting"."""
    label = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if label is not None:
        return label
    label = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                  if g.dep_ == "pobj" or g.pos_ == "ADJ"), None)  # "as 'treasonous'" hangs the adjective on "as"
    return label or next((c for c in verb.children if c.dep_ in ("advcl", "acomp") and c.pos_ == "ADJ" and any(
        m.lower_ == "as" for m in c.children)), None)

