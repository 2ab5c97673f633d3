"""Name keys shared by the gazetteer index and the text matcher: both sides must normalise identically."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Letters that Unicode decomposition leaves alone but English spellings drop ("Łódź" -> "lodz").
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th",
                          "ı": "i", "ħ": "h", "ŀ": "l"})
# Apostrophes vanish ("Cote d'Ivoire" = "Cote dIvoire"), other punctuation separates words.
_PUNCT = str.maketrans({**{c: "" for c in "'’‘`ʼʻʹ′´\""},
                        **{c: " " for c in "-‐‑‒–—―_./,()[]:;"}})
_KEY_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789 ")

# Words that name the kind of region ("Kebbi state", "Homs Governorate", "Donetsk Oblast").
REGION_WORDS = {"region", "province", "state", "oblast", "governorate", "district", "county", "prefecture",
                "department", "territory", "municipality", "raion", "rayon", "kray", "krai", "okrug", "canton",
                "emirate", "zone", "parish", "voivodeship", "wilaya", "vilayet", "subdistrict", "borough"}
REGION_PLURALS = {"regions", "provinces", "states", "oblasts", "governorates", "districts", "counties",
                  "prefectures", "departments", "territories", "municipalities"}
ADM2_WORDS = {"district", "districts", "county", "counties", "raion", "rayon", "subdistrict", "municipality"}
CITY_WORDS = {"city", "cities", "town", "towns", "village", "villages", "port", "capital", "suburb", "settlement",
              "outskirts"}
# Words dropped from region names to make the short key ("Donetsk Oblast" -> "donetsk").
_STEM_DROP = REGION_WORDS | {"of", "the", "city", "respublika", "avtonomna", "regional", "autonomous", "kilil",
                             "muhafazah", "division", "commune", "republic", "misto", "gorod", "oblast'"}


# Anything outside Latin (with its extensions), punctuation and spaces: such a name is no use for English text.
NON_LATIN = re.compile(r"[^\x00-\u024f\u02b0-\u02ff\u0300-\u036f\u1e00-\u1eff\u2010-\u203a]")


def fold(text: str) -> str:
    """Lower-case, strip accents and unusual letters."""
    text = text.lower()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def normalize(text: str) -> str:
    """The lookup key of a name: 'Kharkov' -> 'kharkov', 'Daraa al-Balad' -> 'daraa al balad'."""
    return " ".join(fold(text).translate(_PUNCT).split())


def is_key(key: str) -> bool:
    """Only Latin-script keys are useful for English text."""
    return len(key) > 1 and set(key) <= _KEY_CHARS and any(c.isalpha() for c in key)


def stem(key: str) -> str:
    """A region name without its type words ('kebbi state' -> 'kebbi'); '' when nothing is left."""
    words = [w for w in key.split() if w not in _STEM_DROP]
    return " ".join(words)


def key_hash(key: str) -> int:
    """A stable 64-bit hash (Python's own hash() is salted per process)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")
