"""Records that flow through the pipeline and out to users.

Field names of `Event`, `Actor` and `Place` are the output contract of FORMAT.md: add fields, never rename.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ACTOR_TYPES = (
    "GOV", "MIL", "COP", "SPY", "REB", "OPP", "PTY", "LEG", "JUD", "MED", "BUS", "CVL",
    "NGO", "IGO", "REL", "EDU", "HLH", "REF", "CRM", "UAF",
)
Modality = Literal["asserted", "claimed", "proposed", "planned", "hypothetical"]
DatePrecision = Literal["day", "month", "year", "publication"]
Span = tuple[int, int]


class Document(BaseModel):
    """One input article. `pub_date` anchors relative dates; None when unknown."""

    id: str
    text: str
    pub_date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class Actor(BaseModel):
    """Who acts or is acted upon. `country` is ISO 3166-1 alpha-3, or an IGO code with type IGO."""

    text: str
    name: str | None = None
    country: str | None = None
    type: str | None = None
    wikidata: str | None = None
    role: str | None = Field(default=None, description="office held at the document date, when resolved by role")


class Place(BaseModel):
    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: Literal["city", "region", "country"] | None = None


class Evidence(BaseModel):
    """Why an event was coded: document character spans and the pattern that fired."""

    trigger: Span | None = None
    source: Span | None = None
    target: Span | None = None
    date: Span | None = None
    location: Span | None = None
    pattern: str
    source_strategy: str | None = Field(default=None, description="the argument strategy that found the source")
    target_strategy: str | None = Field(default=None, description="the argument strategy that found the target")


class CasualtyFigure(BaseModel):
    """One source's figure for an event, as ACLED users expect; disagreeing sources each keep their own."""

    value: float
    bound: str
    claimant: Actor | None = None
    claim_id: str


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: str
    doc_id: str
    pub_date: dt.date | None = Field(default=None, description="the document's publication date")
    doc_title: str | None = None
    doc_url: str | None = None
    doc_source: str | None = Field(default=None, description="the outlet that published the document")
    sentence_index: int
    sentence: str
    event_type: str
    mode: str | None = None
    cameo: str
    quad_class: int
    goldstein: float
    source: Actor | None = None
    target: Actor | None = None
    trigger: str
    date: str | None = None
    date_text: str | None = None
    date_precision: DatePrecision | None = None
    location: Place | None = None
    locations: list[Place] = Field(default_factory=list)
    negated: bool = False
    modality: Modality = "asserted"
    attributed_to: Actor | None = None
    confidence: float
    evidence: Evidence
    fatalities: list[CasualtyFigure] = Field(default_factory=list)
    injured: list[CasualtyFigure] = Field(default_factory=list)
    arrested: list[CasualtyFigure] = Field(default_factory=list)


Bound = Literal["exact", "about", "at_least", "at_most", "up_to", "range"]


class Claim(BaseModel):
    """A politically relevant quantity, who states it, how hedged, and which other figures contradict it."""

    claim_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    value: float
    value_max: float | None = Field(default=None, description="upper end of a range")
    value_text: str
    bound: Bound
    unit: str | None = None
    currency: str | None = None
    category: str
    subject: Actor | None = None
    claimant: Actor | None = None
    hedge: str | None = None
    date: str | None = None
    date_text: str | None = None
    period_text: str | None = None
    historical: bool = False
    comparison: bool = Field(default=False, description="given for comparison: 'up from 83.5 percent'")
    counted: str | None = Field(default=None, description="what the figure counts, as written: 'civilians'")
    partitive: bool = Field(default=False, description="a part of a count given before: '40 of the drones', "
                                                        "'the first 400 officers'")
    scope: str | None = Field(default=None, description="'nationwide' when the figure counts a whole country "
                                                         "('1.5 million across the country'), 'local' when one "
                                                         "place of a wider count ('in Nukus alone', 'In Paris, "
                                                         "police counted ...'), 'separate' "
                                                         "when its sentence tells of another incident ('a "
                                                         "separate blaze killed three'), else null")
    group_id: str | None = None
    conflicts_with: list[str] = Field(default_factory=list)
    conflict_basis: str | None = Field(default=None, description="why the figures of its group count the same thing")
    ratio: float | None = None
    event_id: str | None = None
    evidence: dict[str, Span | None]


class Quote(BaseModel):
    """Quoted words with their speaker; scare quotes and titles are flagged, not given a speaker."""

    quote_id: str
    doc_id: str
    sentence_index: int
    text: str
    kind: Literal["direct", "partial", "scare"]
    speaker: Actor | None = None
    speaker_name: str | None = None
    cue: str | None = None
    event_id: str | None = None
    evidence: dict[str, Span | None]


class ProposalItem(BaseModel):
    text: str
    topic: str
    conditions: list[str] = Field(default_factory=list)


class Proposal(BaseModel):
    """A negotiating proposal (who proposes what to whom) or a position (an actor's stance on a topic)."""

    proposal_id: str
    doc_id: str
    kind: Literal["proposal", "position"]
    sentence_index: int
    sentence: str
    actor: Actor | None = None
    recipient: Actor | None = None
    stance: str | None = Field(default=None, description="positions: supports, rejects or demands")
    date: str | None = None
    items: list[ProposalItem] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list, description="conditions on the whole offer")
    event_id: str | None = None
    evidence: dict[str, Span | None]


class CodingError(BaseModel):
    """A document that could not be read or coded; the batch goes on without it."""

    doc: str
    stage: str
    reason: str
    message: str
