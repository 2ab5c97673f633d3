"""The items of a proposal, whatever shape its list has.

Negotiators' terms come numbered ("1) ... 2) ..."), lettered ("(a) ... (b) ..."), as bullet lines, with
"First, ... Second, ...", as a colon list inside a sentence ("offered a package: a, b, c and d"), as clauses
separated by semicolons, as coordinated demands in prose ("calls for X to ..., for Y to ... and for Z to ..."),
or one sentence per item. Each function here reads one shape and returns the item texts, or nothing when the
text does not have that shape; `proposals.py` tries them in order.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# "1)", "(2)", "3.", "(a)", "b)" opening an item inside a sentence or a line
INLINE_MARKER = re.compile(r"(?:(?<=\s)|^)\(?(?:\d{1,2}|[a-h])\)\s+|(?:(?<=\s)|^)\d{1,2}\.\s+(?=[a-z])|"
                           r"(?:(?<=\n)|^)\s*\d{1,2}\.\s+")
LINE_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[).:]|\(?[a-h]\)|[-\u2022*\u2013\u2014])\s+")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "firstly", "secondly", "thirdly", "fourthly", "finally", "lastly")
ORDINAL_OPENING = re.compile(rf"(?:^|(?<=[;:.,]\s)|(?<=\band\s))({'|'.join(ORDINALS)})\b,?\s*", re.I)
# "The first point calls for ...", "The second would ...", "Another would ...", "A third sets out ...", "The last
# point proposes ...": a sentence per point, named as such
NAMED_ORDINAL_OPENING = re.compile(
    r"^(?:the|a) (first|second|third|fourth|fifth|sixth|seventh|last|final)\b(?: (?:point|step|part|demand|element|"
    r"proposal|clause|measure|condition|item|plank|pillar))?(?! of the\b(?! plan| proposal| offer))|^(another)\b", re.I)
# "One: new elections. Two: the release of detainees. Three: ...": numbers in words opening one sentence each
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
NUMBER_WORD_OPENING = re.compile(rf"^({'|'.join(NUMBER_WORDS)})\s*:\s*", re.I)
ORDINAL_THAT = re.compile(rf"\b({'|'.join(ORDINALS)}),?\s+that\s+", re.I)
CONDITION_OPENING = re.compile(r"^(?:and\s+)?(?:only\s+)?(?:in exchange for|in return for|unless|provided that|"
                               r"providing that|on (?:the )?condition that|as long as|if|only if|subject to|"
                               r"on condition)\b", re.I)
MODALS = {"would", "will", "should", "must", "shall", "could"}
PREPOSITIONS = {"at", "in", "on", "by", "with", "from", "to", "for", "of", "into", "over", "across", "within"}


def _clean(item: str) -> str:
    item = item.strip(" ;,.:\n\t").removeprefix("and ").removeprefix("or ")
    return item.strip(" ;,.:").removesuffix(" and").removesuffix(" or").strip(" ;,.:")


def _split_conditions(chunks: list[str]) -> tuple[list[str], list[str]]:
    """Chunks that open with a condition marker are conditions of the whole list, not items."""
    items = [c for c in chunks if not CONDITION_OPENING.match(c.strip())]
    conditions = [_clean(c) for c in chunks if CONDITION_OPENING.match(c.strip())]
    return items, conditions


def inline_markers(text: str) -> list[str]:
    """"would 1) extend the ceasefire, 2) set up a mechanism ... and 4) open talks", "(a) halt strikes, (b) ...":
    the numbers or letters that open items inside one sentence."""
    markers = list(INLINE_MARKER.finditer(text))
    if len(markers) < 2:
        return []
    items = [text[m.end():(markers[i + 1].start() if i + 1 < len(markers) else len(text))]
             for i, m in enumerate(markers)]
    return [_clean(i) for i in items if _clean(i)]


def ordinal_items(text: str) -> list[str]:
    """"First, the two countries would ...; second, their border would ...; and third, roads would ...",
    "proposing first that ..., second that ... and third that ..."."""
    for pattern in (ORDINAL_OPENING, ORDINAL_THAT):
        openings = list(pattern.finditer(text))
        if len(openings) >= 2 and openings[0].group(1).lower() in ("first", "firstly"):
            break
    else:
        return []
    items = [text[m.end():(openings[i + 1].start() if i + 1 < len(openings) else len(text))]
             for i, m in enumerate(openings)]
    return [_clean(i) for i in items if _clean(i)]


def top_level_split(text: str) -> list[str]:
    """Split a list at its top level: at semicolons when it has any, else at commas and a final "and", never
    inside brackets."""
    separator = ";" if ";" in text else ","
    chunks, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([" and 1 or 0
        depth -= char in ")]" and 1 or 0
        thousands = char == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        if char == separator and depth == 0 and not thousands:
            chunks.append(text[start:i])
            start = i + 1
    chunks.append(text[start:])
    return [c for c in (ch.strip() for ch in chunks) if c]


def _join_names(chunks: list[str]) -> list[str]:
    """"the withdrawal of its troops from the Donetsk, Luhansk, Zaporizhzhia and Kherson regions, and formal
    notice ...": names listed inside one item are not items of their own."""
    joined: list[str] = []
    for chunk in chunks:
        words = chunk.split()
        if joined and words and words[0][:1].isupper() and joined[-1].split()[-1][:1].isupper() and \
                words[0].lower() not in ("the", "a", "an"):
            joined[-1] += ", " + chunk
        else:
            joined.append(chunk)
    return joined


def split_last_and(items: list[str]) -> list[str]:
    """"a, b and c": the last comma chunk holds the last two items, joined by its last "and"."""
    if len(items) < 2:
        return items
    left, sep, right = items[-1].rpartition(" and ")
    # "a ceasefire in the air and at sea": a phrase that opens with a preposition goes on the item before it
    if sep and len(left.split()) >= 2 and len(right.split()) >= 2 and right.split()[0].lower() not in PREPOSITIONS:
        return [*items[:-1], left, right]
    return items


ANNOUNCED = re.compile(rf"\b({'|'.join(NUMBER_WORDS[1:])}|\d{{1,2}})(?:-point| (?:\w+ )?(?:conditions|points|demands|"
                       r"steps|proposals|elements|principles|measures|items|requests|guarantees|terms|things|stages|"
                       r"phases|parts|changes))\b", re.I)
# words by which one sentence per item says it is one of the list's items ("is the first demand", "also want")
ITEM_SIGNALS = re.compile(rf"\b(?:{'|'.join(ORDINALS)}|last|final|also|another|too)\b", re.I)


def announced_count(text: str) -> int | None:
    """"on three conditions", "a four-point proposal": how many items the text says the list has."""
    match = ANNOUNCED.search(text)
    if match is None:
        return None
    word = match.group(1).lower()
    return NUMBER_WORDS.index(word) + 1 if word in NUMBER_WORDS else int(word)


def signalled_sentences(sentences: list[Span], index: int) -> tuple[list[str], list[int]]:
    """"... sent a four-point proposal. The release of X is the first demand. They also want Y. A third point calls
    for Z. The last asks for W.": as many sentences as the list announces, most of them saying they are items."""
    count = announced_count(sentences[index].text) or 0
    following = sentences[index + 1:index + 1 + count] if count >= 2 else []
    if not following or len(following) < count or 2 * sum(bool(ITEM_SIGNALS.search(s.text)) for s in following) < count:
        return [], []
    return [_clean(s.text.strip()) for s in following], list(range(index + 1, index + 1 + count))


def colon_list(text: str, announced: int | None = None) -> tuple[list[str], list[str]]:
    """"offered the unions a package: a minimum wage of ..., a review of tariffs, ... and ..., provided that
    ...": the items after the colon, and the conditions that close the list."""
    if ":" not in text:
        return [], []
    after = text.split(":", 1)[1]
    chunks = top_level_split(after)
    # (names run together on commas, "Donetsk, Luhansk and Kherson"; semicolons always part items)
    items, conditions = _split_conditions(chunks if ";" in after else _join_names(chunks))
    announced = announced or announced_count(text.split(":", 1)[0])
    if ";" not in after and not (announced and len(items) == announced):
        items = split_last_and(items)  # (but "on three conditions: a, b, and c and d" has three)
    if len(items) == 1 and (announced == 2 or re.search(r"\b(two|2|both)\b", text.split(":", 1)[0], re.I)):
        left, sep, right = items[0].rpartition(" and ")  # "two steps: an end to X and the entry of Y"
        items = [left, right] if sep else items
    items = [_clean(i) for i in items if _clean(i)]
    if announced and len(items) > announced:
        items = _merge_continuations(items, announced)
    return (items, conditions) if len(items) >= 2 else ([], [])


ITEM_OPENERS = {"the", "a", "an", "its", "their", "his", "her", "our", "all", "any", "each", "every", "no"}


def _merge_continuations(items: list[str], announced: int) -> list[str]:
    """"three things: Serbia's acceptance of passports, licence plates and other documents, the creation of ...,
    and a pledge ...": more chunks than the list announces; a chunk that opens no noun phrase of its own (no article
    or possessive) continues the item before it."""
    merged: list[str] = []
    for n, item in enumerate(items):
        first = item.split()[0]
        opens = first.lower() in ITEM_OPENERS or first.endswith(("'s", "\u2019s"))
        if merged and not opens and len(merged) + len(items) - n > announced:
            merged[-1] += ", " + item
        else:
            merged.append(item)
    return merged if len(merged) == announced else items


def semicolon_clauses(text: str, shared_modal: bool = False) -> list[str]:
    """"the two sides would recognise ...; Belgrade would not object ...; and Pristina would establish ...":
    clauses of one sentence separated by semicolons, each with a verb of its own; with `shared_modal`, the first
    clause's modal may carry the rest ("the two sides would commit to ...; restore ...; and exchange ...")."""
    if text.count(";") < 1:
        return []
    chunks = [_clean(c) for c in text.split(";")]
    chunks = [c for c in chunks if c]
    with_verb = [c for c in chunks if re.search(r"\b(would|will|should|must|shall|could)\b", c)]
    carried = shared_modal and bool(chunks) and chunks[0] in with_verb
    return chunks if len(chunks) >= 2 and (carried or len(with_verb) == len(chunks)) else []


def semicolon_phrases(text: str) -> list[str]:
    """"asks both sides to agree to a permanent cessation of hostilities; the disarmament of ...; the restoration of
    ...; and unhindered access": three or more phrases after a verb, on semicolons, the last opened by "and"; the
    first runs from the last "to" or "for" before its first semicolon."""
    chunks = top_level_split(text)
    if len(chunks) < 3 or not re.match(r"(?:and|or)\b", chunks[-1]):
        return []
    opening = re.split(r"\b(?:to|for|on)\s+(?=(?:a|an|the|its|their)\b)", chunks[0])
    if len(opening) < 2:
        return []
    return [_clean(c) for c in [opening[-1], *chunks[1:]]]


UNDER_WHICH = re.compile(r"\bunder (?:which|it|them|whose terms)\b,?", re.I)


def under_which_clauses(text: str) -> tuple[list[str], list[str]]:
    """"a plan under which Hezbollah would pull back, the army would deploy 15,000 troops and Israel would halt its
    strikes, on condition that ...": the clauses the plan is made of, each with its own subject and modal, and the
    conditions that close them."""
    opening = UNDER_WHICH.search(text)
    return modal_clauses(text[opening.end():]) if opening is not None else ([], [])


def counted_list(text: str, count: int) -> list[str]:
    """"the Bank reconnected to SWIFT, the resumption of ..., the lifting of ... and the reopening of ...": a list
    with no colon, kept only when it has as many items as were announced before it."""
    items = [_clean(c) for c in split_last_and(top_level_split(text.strip(" .")))]
    return items if len(items) == count else []


def modal_clauses(text: str) -> tuple[list[str], list[str]]:
    """"Serbia would stop blocking ..., the two governments would exchange missions, and Kosovo would create ...":
    clauses each with its own subject and modal, and the conditions that close them."""
    items, conditions = _split_conditions(top_level_split(text))
    items = [_clean(c) for c in split_last_and(items)]
    with_modal = [c for c in items if re.search(r"\b(would|will|should|must|shall)\b", c)]
    return (items, conditions) if len(items) >= 2 and len(with_modal) == len(items) else ([], [])


def lines_after(sentences: list[Span], index: int) -> tuple[list[str], list[int]]:
    """Numbered, lettered or bulleted entries on the lines after an introduction that ends with a colon (the
    entries may start in the introduction's own sentence: "each side would:\n- ...\n- ..."), and the later
    sentences they take."""
    items: list[str] = []
    taken: list[int] = []
    own = sentences[index].text.split(":\n", 1)
    for number, sent in enumerate(sentences[index:], start=index):
        text = own[1] if number == index and len(own) == 2 else sent.text if number > index else ""
        lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
        if not lines:
            continue
        for n, text in enumerate(lines):  # the sentence splitter may keep several entries in one sentence
            if LINE_MARKER.match(text + " "):
                items.append(_clean(LINE_MARKER.sub("", text + " ")))
            elif items and (not items[-1] or not text[:1].isupper() or n > 0 and not lines[n - 1].endswith(
                    (".", ";"))):
                # an entry broken across sentences, or opened by a marker the splitter left alone ("3." | "ASEAN ...")
                items[-1] = f"{items[-1]} {_clean(text)}".strip()
            elif n == 0:
                return items, taken
            else:
                break  # the list ended inside this sentence: it is taken for its entries
        if number > index:
            taken.append(number)
        if not LINE_MARKER.match(lines[-1] + " ") and len(lines) > 1:
            break
    return items, taken


def ordinal_sentences(sentences: list[Span], index: int) -> tuple[list[str], list[int]]:
    """"First, Iran would cap enrichment. Second, inspectors would regain access. Third, ...", "One: new
    elections. Two: ...": one sentence per ordinal."""
    items, taken = [], []
    for number, sent in enumerate(sentences[index + 1:], start=index + 1):
        text = sent.text.strip()
        named = NAMED_ORDINAL_OPENING.match(text)
        if named is not None and (items or (named.group(1) or "").lower() == "first"):
            # "The first point calls for ... The second would ... Another would ... The last point proposes ...":
            # the sentence itself is the item
            items.append(_clean(text))
            taken.append(number)
            continue
        opening = ORDINAL_OPENING.match(text) or NUMBER_WORD_OPENING.match(text)
        if opening is None or (not items and opening.group(1).lower() not in ("first", "firstly", "one")):
            break
        # "Third, Kyiv would host ...; fourth, it would offer ...; and fifth, ...": more ordinals in the sentence
        later = list(ORDINAL_OPENING.finditer(text))[1:]
        bounds = [opening.end(), *(m.start() for m in later), len(text)]
        ends = [opening.end(), *(m.end() for m in later)]
        items += [c for c in (_clean(text[a:b]) for a, b in zip(ends, bounds[1:], strict=True)) if c]
        taken.append(number)
    return (items, taken) if len(items) >= 2 else ([], [])


def wanting_sentences(sentences: list[Span], index: int) -> tuple[list[str], list[int]]:
    """"They want the ban lifted at once. They want the minister to resign. And they want an inquiry.": one
    sentence per demand, each a pronoun subject wanting or demanding something."""
    items, taken = [], []
    for number, sent in enumerate(sentences[index + 1:], start=index + 1):
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.lemma_.lower() not in WANTING_VERBS or subject is None or subject.pos_ != "PRON":
            break
        items.append(_clean(sent.text[root.idx + len(root.text) - sent.start_char:]))
        taken.append(number)
    return (items, taken) if len(items) >= 2 else ([], [])


WANTING_VERBS = {"want", "demand", "seek", "insist", "expect", "need"}


def modal_sentences(sentences: list[Span], index: int) -> tuple[list[str], list[int]]:
    """"Investors would accept a 37 percent cut. Maturities would be stretched to 2037. Coupons would be cut to
    6 percent.": sentences right after the introduction whose main verb is conditional or future, one item each
    (a sentence that only states a condition, or reports someone's answer, ends the list)."""
    items, taken = [], []
    for number, sent in enumerate(sentences[index + 1:], start=index + 1):
        root = sent.root
        # a modal on the main clause, wherever a misparse hangs it ("Politicians detained ... would be released")
        modal = any(t.dep_ == "aux" and t.lower_ in MODALS and t.head.dep_ not in ("relcl", "advcl", "acl", "pcomp")
                    for t in sent)
        reported = any(c.dep_ == "ccomp" for c in root.children) and root.lemma_.lower() in (
            "say", "add", "tell", "warn", "insist")
        conditional = any(CONDITION_OPENING.match(c.text) for c in root.children if c.dep_ in ("advcl", "prep"))
        if not modal or reported or conditional:
            break
        # "The result would be ratified by 2025, and independence would take effect by 2027": two items
        halves = [_clean(h) for h in re.split(r";\s+|,\s+and\s+", sent.text)]
        each = len(halves) > 1 and all(re.search(r"\b(would|will|should|must|shall|could)\b", h) for h in halves)
        items += halves if each else [_clean(sent.text)]
        taken.append(number)
    return (items, taken) if len(items) >= 2 else ([], [])


def that_clauses(text: str, modal: bool = True) -> list[str]:
    """"Maduro could form a coalition ..., that an election could be held ..., and that whoever lost should be
    given guarantees": reported proposals coordinated as that-clauses, each with a modal of its own; demands
    ("demanded that the junta release Bazoum, that he be restored and that ...") need none."""
    text = text.strip()
    if not modal and not text.startswith("that "):
        return []
    parts = [_clean(p) for p in re.split(r",?\s+(?:and\s+|or\s+)that\s+|,\s+that\s+", text.removeprefix("that "))]
    parts = [p for p in parts if p]
    with_modal = [p for p in parts if re.search(r"\b(would|will|should|must|shall|could|can)\b", p)]
    return parts if len(parts) >= 2 and (not modal or len(with_modal) == len(parts)) else []


def parallel_predicates(clause: Span) -> list[str]:
    """"... demands that Kyiv withdraw its forces from the Donetsk, Luhansk and Kherson regions, give up its bid to
    join NATO and hold elections", "calls for troops to withdraw ..., for Hezbollah to move ... and for the army
    to deploy ...": the parts of one demand that open like the first ("for ..." or a bare verb), read off the
    words and their tags rather than the parse, which often breaks on long lists."""
    tokens = list(clause)
    if not tokens:
        return []
    opener_for = tokens[0].lower_ == "for"
    first_verb = next((t for t in tokens if t.tag_ in ("VB", "VBP")), None)
    cuts = [0]
    for n, token in enumerate(tokens[1:], start=1):
        joiner = tokens[n - 1].lower_ in (",", "and", ";")
        if not joiner:
            continue
        # a base form is a base form whether tagged VB or VBP ("agree to a truce, open corridors")
        parallel_verb = first_verb is not None and (token.pos_ == "VERB" and token.tag_ in ("VB", "VBP") or
                                                    token.dep_ == "conj" and token.head == first_verb)
        # "to cap enrichment, to readmit inspectors and to dilute ...": a repeated "to" opens each part
        infinitive = first_verb is not None and token.lower_ == "to" and n + 1 < len(tokens) and \
            tokens[n + 1].tag_ in ("VB", "VBP")
        if (token.lower_ == "for") if opener_for else parallel_verb or infinitive:
            cuts.append(n)
    if len(cuts) < 2:
        return []
    ends = [*cuts[1:], len(tokens)]
    parts = [clause.doc[clause.start + a:clause.start + b].text for a, b in zip(cuts, ends, strict=True)]
    return [p for p in (_clean(p) for p in parts) if p]


def coordinated_objects(verb: Token) -> list[str]:
    """"called for the resignation of the police chief, the release of activists and a public inquiry": the
    coordinated things a demanding verb asks for, each with its own words."""
    doc = verb.doc
    heads = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
              if g.dep_ == "pobj"]
    if not heads:
        return []
    heads.sort(key=lambda h: h.i)  # "called for the lifting of X, an update of Y and ...": the parse may split them
    # "offered two things, a ceasefire ... and the handover of ...": the things counted are named in apposition
    named = next((c for c in heads[0].children if c.dep_ == "appos" and c.conjuncts), None) \
        if any(c.dep_ == "nummod" for c in heads[0].children) else None
    heads[0] = named if named is not None else heads[0]
    if len(heads[0].conjuncts) < (1 if named is not None else 2):
        return _listed_objects(heads[0], verb)
    members = [heads[0], *heads[0].conjuncts]
    items = []
    for n, member in enumerate(members):
        end = members[n + 1].left_edge.i if n + 1 < len(members) else member.right_edge.i + 1
        items.append(_clean(doc[member.left_edge.i:end].text))
    return [i for i in items if i]


_RELATIVE_WORDS = frozenset({"where", "which", "who", "whom", "whose", "that", "when", "while"})
_ASIDE_OPENERS = frozenset({"by", "according", "in", "on", "at", "as", "after", "before", "despite", "which",
                            "who", "where", "when", "although", "though", "while"})


def _listed_objects(first: Token, verb: Token) -> list[str]:
    """The same read off the words when the parser breaks the list ("the resignation of X, the release of Y they
    say were abducted and a public inquiry"): from the object to where the verb's own clause goes on."""
    doc = verb.doc
    stop = next((c.i for c in verb.children if c.i > first.i and c.dep_ in ("cc", "conj", "punct") and
                 any(g.dep_ == "conj" and g.pos_ == "VERB" for g in verb.children)), None)
    end = stop if stop is not None else verb.right_edge.i + 1
    chunks, _ = _split_conditions(top_level_split(doc[first.left_edge.i:end].text))  # "..., on condition that"
    chunks = [_clean(c) for c in split_last_and(chunks) if _clean(c)]
    noun_phrases = all(c.split()[0].lower() in ("the", "a", "an") or c[:1].islower() for c in chunks)
    # "a country where, by the UN's estimate, the war ...": commas around an aside in a clause, not a list
    aside = any(c.split()[-1].lower() in _RELATIVE_WORDS or c.split()[0].lower() in _ASIDE_OPENERS for c in chunks)
    return chunks if len(chunks) >= 3 and noun_phrases and not aside else []


def coordinated_demands(head: Token) -> list[str]:
    """"calls for Israeli troops to withdraw ..., for Hezbollah to move ... and for the army to deploy ...",
    "demands that Kyiv withdraw its forces ..., give up its bid ... and hold elections": the coordinated parts of
    what a proposing verb asks for."""
    doc = head.doc
    fors = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"]
    if fors:
        phrases = [fors[0], *fors[0].conjuncts]
        if len(phrases) >= 2:
            return [_clean(doc[p.i:p.right_edge.i + 1].text) for p in phrases]
    clause = next((c for c in head.children if c.dep_ in ("ccomp", "xcomp")), None)
    if clause is not None:
        verbs = [clause, *(c for c in clause.conjuncts if c.pos_ in ("VERB", "AUX"))]
        if len(verbs) >= 2:
            spans = []
            for n, verb in enumerate(verbs):
                start = verb.i if n else min(t.i for t in verb.subtree)
                end = (verbs[n + 1].i if n + 1 < len(verbs) else verb.right_edge.i + 1)
                # the first verb's subtree holds the others: cut it where the next begins
                spans.append(_clean(doc[start:end].text))
            return [s for s in spans if s]
    return []
