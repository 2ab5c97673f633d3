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


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: str
    doc_id: str
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


class CodingError(BaseModel):
    """A document that could not be read or coded; the batch goes on without it."""

    doc: str
    stage: str
    reason: str
    message: str
