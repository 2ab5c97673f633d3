"""The actor a noun phrase stands for, with the words it was read from."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventcoder.models import Actor


@dataclass(frozen=True)
class ResolvedActor:
    actor: Actor
    head: Token
    span: tuple[int, int]
    bare_country: bool = False
    person: bool = False
    country_from_context: bool = False  # "protesters": the sentence's or document's country, not the text's
    via: str = ""  # the argument strategy that found it (events/slots.py, events/arguments.py)
