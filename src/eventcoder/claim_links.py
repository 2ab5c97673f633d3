"""Which figures contradict each other, and which event a figure counts.

Two figures conflict when they count the same thing and differ beyond rounding, whoever states them: the same
kind of count (dead, displaced, crowd, a percentage of the vote ...), of the same part of it (civilians, children
and soldiers are parts of "people"; a part and its whole never conflict), on the same side (a side's own losses and
its enemy's losses are different counts; a candidate's share of the vote is that candidate's), over the same
period (dated within a month; historical figures and those given for comparison, "up from 83.5 percent", are
never linked), and stated by someone (two figures no one is said to give are the report's own account). Each
linked claim says why in `conflict_basis`. Linking works within a document and, for a
batch, across the corpus (claim ids are unique per document).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from eventcoder.claim_syntax import number_value
from eventcoder.claim_words import BARE_COUNTS, ESTIMATES, PARTS, PEOPLE_COUNTS, VAGUE
from eventcoder.models import CasualtyFigure, Claim, Event

ROUNDING = 1.03  # "about 2,900" and "about 3,000" differ; 1,351 and 1,350 are one figure rounded
EXACT_ROUNDING = 1.01  # two exact counts: 48 and 46 dead differ
PERIOD_DAYS = 31
LONG_PERIOD = re.compile(r"\b(?:past|last|previous|over|nearly|almost)\s+(\d+|a|two|three|four|five|six|seven|eight|"
                         r"nine|ten|twelve|eighteen)\s+(years?|months?|weeks?)\b", re.I)
UNIT_DAYS = {"year": 365, "month": 30, "week": 7}
ARMED_PARTS = {"MIL": "soldiers", "REB": "fighters", "SPY": "soldiers", "COP": "soldiers"}
ARMED_OWNERS = {"junta": "soldiers", "army": "soldiers", "military": "soldiers", "regime": "soldiers",
                "rebel": "fighters", "militia": "fighters", "insurgent": "fighters"}  # "junta losses", "rebel dead"
# For figures that are not head counts, the noun measured ("the annual inflation rate" measures inflation).
MEASURES = ("inflation", "turnout", "vote", "unemployment", "growth", "approval", "support", "cost", "damage",
            "budget", "aid", "debt", "deficit", "loan", "package", "enrichment", "output", "gdp", "spending")
# "57% of ballots" and "54.28% of the vote" measure one share; so do "turnout" and "participation", and the
# "cost of rebuilding" and "reconstruction needs"
SAME_MEASURES = {"ballot": "vote", "votes": "vote", "participation": "turnout", "need": "cost"}
SHORT_PERIODS = {"monthly", "month-on-month", "quarterly", "weekly"}  # rates over less than the year a rate means
PEOPLE_CATEGORIES = PEOPLE_COUNTS | {"crowd"}
UNNAMED_PEOPLE = {"men", "members"}  # "lost nine men" (but "200 people, including soldiers", are anyone)
LOSS_WORDS = {"loss", "losses", "casualties", "dead", "deaths", "fatalities"}
FORCE_NOUNS = {"troop", "soldier", "contingent", "force", "personnel", "serviceman", "servicemen", "deployment"}


def _part(claim: Claim) -> str:
    counted = (claim.counted or "").lower().removeprefix("own ")  # "its own dead" are its dead
    if counted.split()[-1:] and counted.split()[-1] in ESTIMATES:
        return "everyone"  # "the city police estimate was 80,000": the words before an estimate name who made it
    words = set(counted.split()) | {counted}
    head = counted.split()[-1:]  # "army fighters" are fighters: the head noun says the part before its modifiers
    part = next((part for words_tried in (set(head), words) for part, nouns in PARTS.items() if words_tried & nouns),
                "everyone")
    if part == "everyone" and not set(counted.split()) - BARE_COUNTS - UNNAMED_PEOPLE - set(ARMED_OWNERS):
        # "the army's losses were more than 50 dead", "its fighters lost no more than nine men", "put junta losses
        # at more than 400 dead": an armed force's own dead are its soldiers or fighters
        owner = next((ARMED_OWNERS[w] for w in counted.split() if w in ARMED_OWNERS), None)
        part = owner or (ARMED_PARTS.get(claim.subject.type or "", part) if claim.subject is not None else part)
    return part


def _measure(claim: Claim) -> str:
    """What is measured: for counts of people the part counted, for other figures the noun measured
    ("inflation", "turnout", "vote", "cost"); a partitive ("40 of the drones") is a part of another figure."""
    if claim.partitive:
        return f"part of {claim.counted}"
    if claim.category in PEOPLE_CATEGORIES:
        return _part(claim)
    words = (claim.counted or "").lower().split()
    if claim.category == "troops" and (not words or words[-1].removesuffix("s") in FORCE_NOUNS):
        return "troops"  # "11,000 North Korean troops", "the contingent at 12,000", "the number deployed": one force
    # the noun measured ("the annual inflation rate": inflation), else the phrase's head ("katyusha rockets")
    measured = next((m for m in MEASURES if m in words), words[-1].removesuffix("s") if words else "")
    if set(words) & SHORT_PERIODS:
        measured = f"monthly {measured}"  # "monthly inflation slowed to 4.2%" is no reading of annual inflation
    if not measured and claim.category == "percentage" and claim.subject is not None and \
            _side(claim) not in (None, claim.subject.country):
        return "vote"  # "30% for Maduro": a candidate's share is a share of the vote
    return SAME_MEASURES.get(measured, measured)


def _side(claim: Claim) -> str | None:
    """Whose count it is: a person's (a candidate's share of the vote), else a country's or organisation's."""
    subject = claim.subject
    if subject is None:
        return None
    if claim.category in ("percentage", "votes") and subject.name and subject.name != subject.country:
        return subject.name
    return subject.country


def _claimant_key(claim: Claim) -> tuple | None:
    who = claim.claimant
    if who is None:
        return None
    # a person's name, else the words: "the migration agency" and "the army-backed government" may both resolve
    # to a country's government, yet they are two sources
    return who.country, who.type, (who.name if who.role else who.text).lower().removeprefix("the ")


def _day(value: str | None) -> dt.date | None:
    """"2022-03-29", "2022-03" or "2022" -> its first day."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _span_days(claim: Claim) -> int:
    """How long the period a figure covers runs: "over the past two years" -> 730; a day or unsaid -> 0."""
    match = LONG_PERIOD.search(claim.period_text or "")
    if match is None:
        return 0
    count = number_value(match.group(1)) or 1  # "a year"
    return int(count) * UNIT_DAYS[match.group(2).lower().removesuffix("s")]


def _cumulative(claim: Claim) -> bool:
    """"1,300 arrested since the ban took effect in July": July opens a running total."""
    return (claim.period_text or "").lower().startswith("since")


def _same_period(a: Claim, b: Claim) -> bool:
    first, second = _day(a.date), _day(b.date)
    if abs(_span_days(a) - _span_days(b)) > PERIOD_DAYS:
        return False  # "about 150 killed over the past two years" is not the toll of Monday's ambush
    if first is None or second is None:
        return True
    if _cumulative(a) and _cumulative(b):
        return True  # "detained 1,214 since the military seized power" and "650 arrested since the coup": both to date
    coarse = min((a.date, b.date), key=len)
    if len(coarse) < 10 and max((a.date, b.date), key=len).startswith(coarse):
        return True  # "last year" (2024) holds "July 15 to August 5" (2024-07-15)
    # a month of counting runs to its last day: "killed during October" and a report of November 3 are three days
    # apart (a rate for October is October's own, unless the same named rate is given again with no date: the
    # latest one)
    ends = [_last_day(claim.date) if len(claim.date or "") == 7 and (
        claim.category in PEOPLE_CATEGORIES and not _cumulative(claim) or other.date_text is None and
        bool(_measure(claim))) else day for claim, other, day in ((a, b, first), (b, a, second))]
    return min(abs((second - first).days), abs((ends[1] - first).days), abs((second - ends[0]).days)) <= PERIOD_DAYS


def _last_day(month: str) -> dt.date:
    year, number = (int(p) for p in month.split("-"))
    return dt.date(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1)


def _bare(claim: Claim) -> bool:
    """"Armenian losses were more than 200 dead": a count of a side's dead that names no part of them, only the
    loss (the side's name aside)."""
    words = set((claim.counted or "").lower().split())
    return claim.category in PEOPLE_CATEGORIES and _measure(claim) == "everyone" and (
        not words - BARE_COUNTS or bool(words & LOSS_WORDS))


def _same_measure(a: Claim, b: Claim) -> bool:
    if _measure(a) == _measure(b):
        return True
    if a.category == "percentage" and {_measure(a), _measure(b)} == {"", "vote"} and any(
            c.subject is not None and _side(c) != c.subject.country for c in (a, b)):
        return True  # a candidate's share against a share of nothing named: one share of the vote
    # a side's bare count of its dead and the same side's soldiers (or fighters) counted: one toll told two ways
    return (_bare(a) or _bare(b)) and _side(a) is not None and _side(a) == _side(b) and \
        {_measure(a), _measure(b)} - {"everyone"} <= set(ARMED_PARTS.values())


def _same_count(a: Claim, b: Claim) -> bool:
    if a.category != b.category and {a.category, b.category} != {"captured", "missing"} or not _same_measure(a, b):
        return False
    if a.category == "percentage" and not _measure(a) and _side(a) is None and _side(b) is None:
        return False  # "turnout was 86.1%" and "gave him 50.8%": percentages of nothing named are not comparable
    if len({_side(a), _side(b)} - {None}) > 1:
        return False  # "46 of its soldiers" and "11,200 Palestinians": two sides' losses
    if a.doc_id != b.doc_id and (_side(a) is None or _side(b) is None):
        return False  # across documents only figures whose side is known are compared
    if a.scope != b.scope:
        return False  # "1.5 million across the country" and "600,000 in Buenos Aires": a whole and a part
    if a.claimant is None and b.claimant is None:
        return False  # two figures nobody is said to give are the report's own account, not a dispute
    if a.doc_id == b.doc_id and _claimant_key(a) is not None and _claimant_key(a) == _claimant_key(b):
        return False  # one source's two figures in one report are an update or two scopes, not a dispute
    return _same_period(a, b)


def _differ(a: Claim, b: Claim) -> bool:
    for one, other in ((a, b), (b, a)):
        # "more than 3,000" against "about 2,900": a bound the other figure falls outside, however near
        if one.bound == "at_least" and other.value < one.value and other.bound != "at_most" or \
                one.bound in ("at_most", "up_to") and other.value > one.value and other.bound != "at_least":
            return True
    low, high = sorted((a.value, b.value))
    exact = a.bound == b.bound == "exact"
    if exact and a.value == int(a.value) and b.value == int(b.value):
        # two exact counts differ unless the rounder one is the other rounded: 887 and 889 prisoners differ,
        # 1,351 and 1,350 dead do not
        unit = max(_rounding_unit(a.value), _rounding_unit(b.value))
        return high - low >= unit
    return high / max(low, 1e-9) > (EXACT_ROUNDING if exact else ROUNDING)


def _rounding_unit(value: float) -> int:
    """The unit a whole number is given to: 889 -> 1, 1,350 -> 10, 4,000 -> 1,000."""
    number, unit = int(value), 1
    while number and number % 10 == 0:
        number, unit = number // 10, unit * 10
    return unit


def _linkable(claim: Claim) -> bool:
    # "hundreds", "dozens", "thousands" say how large, not how many: they contradict no figure
    vague = not any(ch.isdigit() for ch in claim.value_text) and claim.value_text.lower().strip() in VAGUE
    return not (claim.historical or claim.comparison or vague) and (claim.category not in ("money", "other") or
                                                                    bool(claim.counted))


def link_conflicts(claims: list[Claim]) -> None:
    """Link every pair of figures that count the same thing and differ beyond rounding; a group is all the figures
    linked with each other, and each member lists the others it contradicts."""
    candidates = [c for c in claims if _linkable(c)]
    by_kind: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in candidates:
        by_kind[_kind(claim, candidates)].append(claim)
    for group in by_kind.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if _same_count(a, b) and _differ(a, b):
                    _pair(a, b)
    _name_groups([c for c in candidates if c.conflicts_with])


def _kind(claim: Claim, claims: list[Claim]) -> str | None:
    """The kind of count a figure is compared within: its category, but those still missing after an abduction
    the same report counts are the abducted ("abducted 287 pupils", "put the number of those missing at 100")."""
    if claim.category == "missing" and any(c.doc_id == claim.doc_id and c.category == "captured" for c in claims):
        return "captured"
    return claim.category


def _pair(a: Claim, b: Claim) -> None:
    for one, other in ((a, b), (b, a)):
        if other.claim_id not in one.conflicts_with:
            one.conflicts_with.append(other.claim_id)


def _name_groups(linked: list[Claim]) -> None:
    """Connected figures share a group id (the first claim's), the largest/smallest ratio and the basis."""
    by_id = {c.claim_id: c for c in linked}
    seen: set[str] = set()
    for claim in sorted(linked, key=lambda c: c.claim_id):
        if claim.claim_id in seen:
            continue
        members, queue = [], [claim]
        while queue:
            current = queue.pop()
            if current.claim_id in seen:
                continue
            seen.add(current.claim_id)
            members.append(current)
            queue += [by_id[o] for o in current.conflicts_with if o in by_id]
        values = [m.value for m in members]
        ratio = round(max(values) / max(min(values), 1e-9), 3)
        basis = _basis(members)
        for member in members:
            member.group_id, member.ratio, member.conflict_basis = f"{claim.claim_id}:g", ratio, basis


def _basis(members: list[Claim]) -> str:
    first = members[0]
    what = first.category if first.category not in ("percentage", "money", "other") else \
        f"{first.category} of {first.counted}"
    part = _measure(first) if first.category in PEOPLE_CATEGORIES else None
    side = next((_side(m) for m in members if _side(m)), None)
    figures = "; ".join(f"{m.value_text} ({m.claimant.text if m.claimant else 'unattributed'})"
                        for m in sorted(members, key=lambda m: m.value))
    scope = ", ".join(x for x in (what, part if part and part != "everyone" else None,
                                  f"side {side}" if side else None) if x)
    return f"same count ({scope}; same period): {figures}"


CASUALTY_FIELDS = {"dead": ("fatalities", {"ASSAULT"}), "wounded": ("injured", {"ASSAULT"}),
                   "arrested": ("arrested", {"COERCE"})}


def link_events(claims: list[Claim], events: list[Event]) -> None:
    """A casualty or arrest figure counts the event of its sentence; the event keeps every source's figure."""
    for claim in claims:
        if claim.category not in CASUALTY_FIELDS:
            continue
        field, types = CASUALTY_FIELDS[claim.category]
        event = next((e for e in events if e.sentence_index == claim.sentence_index and e.event_type in types), None)
        if event is None:
            continue
        claim.event_id = event.event_id
        getattr(event, field).append(CasualtyFigure(value=claim.value, bound=claim.bound, claimant=claim.claimant,
                                                    claim_id=claim.claim_id))
