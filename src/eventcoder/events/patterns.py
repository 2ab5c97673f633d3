"""Load the event knowledge: CAMEO codes (cameo.tsv), patterns (patterns.yaml) and context cues (cues.yaml)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from eventcoder.models import PLOVER_TYPES

DATA = resources.files("eventcoder") / "data" / "events"


class _WordsLoader(yaml.SafeLoader):
    """YAML 1.1 reads on, off, yes and no as booleans; in these word lists they are words ("strikes on")."""


_WordsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordsLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def _read_yaml(name: str):
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_WordsLoader)  # a SafeLoader subclass


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None


@dataclass(frozen=True)
class Outcome:
    """What a pattern codes: type, CAMEO code and mode."""

    type: str
    cameo: str
    mode: str | None


@dataclass(frozen=True)
class Pattern:
    id: str
    outcome: Outcome
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    of_objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    except_objects: frozenset[str] = frozenset()
    target_preps: tuple[str, ...] = ()
    requires: frozenset[str] = frozenset()
    of_role: str = "target"
    object_role: str = "target"
    reciprocal: bool = False
    agentless: bool = False
    also: tuple[Outcome, ...] = ()
    modal_content: bool = False
    harm_statement: bool = False
    verdict_statement: bool = False
    reverse: bool = False
    place_source: bool = False
    place_target: bool = False
    needs_light_verb: bool = False
    domestic: bool = False  # done by the target's own people ("soldiers toppled the country's leader")
    unaddressed: bool = False  # may name no one it is aimed at ("called for restraint"): no target from the discourse
    fallback: bool = False
    repeats: bool = False
    denies: bool = False
    by_armed: Outcome | None = None
    by_irregulars: Outcome | None = None

    @property
    def names(self) -> bool:
        """The pattern's verb gives what it speaks of a label ("called it a provocation", "described it as")."""
        return "oprd" in self.requires or "as_label" in self.requires

    @property
    def imposed_by_place(self) -> bool:
        """The subject undergoes the act and the state where it happens does it ("faces charges in New York")."""
        return self.reverse and self.place_source


@dataclass(frozen=True)
class VerbRule:
    """A verb lemma with an optional particle/preposition ("call for") that leads to a pattern."""

    lemma: str
    particle: str | None
    pattern: Pattern


@dataclass
class Lexicon:
    cameo: dict[str, CameoCode]
    patterns: list[Pattern]
    verbs: dict[str, list[VerbRule]] = field(default_factory=lambda: defaultdict(list))
    # PETRARCH2's verb dictionary, used only for verbs no hand-written pattern covers
    fallback_verbs: dict[str, list[VerbRule]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[tuple[tuple[str, ...], Pattern]]] = field(default_factory=lambda: defaultdict(list))
    light_verbs: frozenset[str] = frozenset()
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    def code(self, cameo: str) -> CameoCode:
        return self.cameo[cameo]

    @property
    def modal_request(self) -> Pattern | None:
        return next((p for p in self.patterns if p.modal_content), None)

    @cached_property
    def harm_statement(self) -> Pattern | None:
        return next((p for p in self.patterns if p.harm_statement), None)

    @cached_property
    def verdict_statement(self) -> Pattern | None:
        return next((p for p in self.patterns if p.verdict_statement), None)


def _load_cameo() -> dict[str, CameoCode]:
    with (DATA / "cameo.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        return {
            r["cameo"]: CameoCode(r["cameo"], r["name"], int(r["quad_class"]), float(r["goldstein"]),
                                  r["plover"] or None, r["plover_mode"] or None)
            for r in rows
        }


def _outcome(spec: dict, cameo: dict[str, CameoCode], pattern_id: str) -> Outcome:
    code = str(spec["cameo"])
    if code not in cameo:
        raise ValueError(f"pattern {pattern_id}: unknown CAMEO code {code}")
    if spec["type"] not in PLOVER_TYPES:
        raise ValueError(f"pattern {pattern_id}: unknown PLOVER type {spec['type']}")
    return Outcome(spec["type"], code, spec.get("mode", cameo[code].plover_mode))


def _load_fallback(lexicon: Lexicon) -> None:
    with (DATA / "petrarch_verbs.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        for row in rows:
            code = lexicon.cameo.get(row["cameo"])
            if code is None or not code.plover or not (row["particle"] or row["object"]) or code.code.startswith("03"):
                # a bare verb says too little out of PETRARCH's own context; intents (03x) come from the
                # modality of the hand-written patterns ("will meet" -> AGREE), not from a verb list
                continue
            words = [w for w in (row["lemma"], row["particle"], row["object"]) if w]
            pattern = Pattern(
                id="petrarch." + ".".join(words), outcome=Outcome(code.plover, code.code, code.plover_mode),
                verbs=(" ".join(w for w in (row["lemma"], row["particle"]) if w),),
                objects=frozenset([row["object"]]) if row["object"] else frozenset(), fallback=True)
            lexicon.fallback_verbs[row["lemma"]].append(VerbRule(row["lemma"], row["particle"] or None, pattern))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    cameo = _load_cameo()
    spec = _read_yaml("patterns.yaml")
    cues = _read_yaml("cues.yaml")
    patterns = []
    seen: set[str] = set()
    for item in spec["patterns"]:
        if item["id"] in seen:
            raise ValueError(f"duplicate pattern id {item['id']}")
        seen.add(item["id"])
        repeats, denies = bool(item.get("repeats", False)), bool(item.get("denies", False))
        patterns.append(Pattern(
            id=item["id"],
            # "did the same", "denied any involvement" code what was told before: its outcome is that event's
            outcome=Outcome("REPEAT", "", None) if repeats or denies else _outcome(item, cameo, item["id"]),
            verbs=tuple(item.get("verbs", ())),
            nouns=tuple(item.get("nouns", ())),
            objects=frozenset(item.get("objects", ())),
            of_objects=frozenset(item.get("of_objects", ())),
            subjects=frozenset(item.get("subjects", ())),
            except_objects=frozenset(item.get("except_objects", ())),
            target_preps=tuple(item.get("target_preps", ())),
            requires=frozenset(item.get("requires", ())),
            of_role=item.get("of", "target"),
            object_role=item.get("object", "target"),
            reciprocal=bool(item.get("reciprocal", False)),
            agentless=bool(item.get("agentless", False)),
            also=tuple(_outcome(a, cameo, item["id"]) for a in item.get("also", ())),
            modal_content=bool(item.get("modal_content", False)),
            harm_statement=bool(item.get("harm_statement", False)),
            verdict_statement=bool(item.get("verdict_statement", False)),
            reverse=bool(item.get("reverse", False)),
            place_source=bool(item.get("place_source", False)),
            place_target=bool(item.get("place_target", False)),
            needs_light_verb=bool(item.get("needs_light_verb", False)),
            domestic=bool(item.get("domestic", False)),
            unaddressed=bool(item.get("unaddressed", False)),
            repeats=repeats,
            denies=denies,
            by_armed=_outcome(item["by_armed"], cameo, item["id"]) if "by_armed" in item else None,
            by_irregulars=_outcome(item["by_irregulars"], cameo, item["id"]) if "by_irregulars" in item else None,
        ))
    lexicon = Lexicon(cameo=cameo, patterns=patterns, light_verbs=frozenset(spec.get("light_verbs", ())),
                      cues={k: frozenset(v) for k, v in cues.items()})
    _load_fallback(lexicon)
    for pattern in patterns:
        for verb in pattern.verbs:
            lemma, _, particle = verb.partition(" ")
            lexicon.verbs[lemma].append(VerbRule(lemma, particle or None, pattern))
        for noun in pattern.nouns:
            words = tuple(noun.split())
            lexicon.nouns[words[-1]].append((words[:-1], pattern))
    return lexicon
