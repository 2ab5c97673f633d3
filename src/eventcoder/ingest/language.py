"""Which language a document is in (py3langid, whose model ships in the wheel: nothing is downloaded).

Only the start of a document is looked at (1,000 characters, 4,000 when that is not decisive): news is in one
language. A document is called non-English only when the detector is sure: English (or Nigerian Pidgin, which
the model confuses with English news) has under 5% of the probability and the winner over 50%. Texts with too
few letters to tell (numbers, symbols) are kept.
"""

from __future__ import annotations

from functools import lru_cache

SAMPLES = (1000, 4000)
MIN_LETTERS = 40
SURE = 0.5
DOUBT = 0.05
ALIASES = {"en": {"en", "pcm"}}  # pcm: Nigerian Pidgin, the model's nearest confusion for English news


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def known_languages() -> set[str]:
    return set(_identifier().labels)


def rank(text: str) -> list[tuple[str, float]]:
    """Languages by probability, best first."""
    return _identifier().rank(text)


def detect(text: str, wanted: str = "en") -> tuple[str | None, float]:
    """The document's language if it is surely not `wanted`, with its probability; (None, 0.0) when the text is
    in `wanted` or too short or mixed to be sure."""
    accepted = ALIASES.get(wanted, {wanted})
    for size in SAMPLES:
        sample = text[:size]
        if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
            return None, 0.0
        ranked = rank(sample)
        best, probability = ranked[0]
        if best in accepted:
            return None, 0.0
        accepted_probability = sum(p for lang, p in ranked if lang in accepted)
        if probability >= SURE and accepted_probability < DOUBT:
            return best, probability
        if len(text) <= size:
            break
    return None, 0.0
