"""Whole small stories through ``compare``: a toll that rises as reports come in is one updated fact with the
value that stands now; deaths and injured are two facts; another quake's toll is background, never set against
this one's; two outlets relaying one speaker rest on one primary source."""
from __future__ import annotations

import pytest

from newsweave.compare import SCHEMA, compare_texts

QUAKE = [
    {"outlet": "Wire A", "published": "2005-11-27T11:30:00Z", "title": "Several die in Iran quake",
     "text": "Several die in Iran quake\nA powerful earthquake hit southern Iran on Sunday, killing at least three "
             "people, the governor said.\nA 6.4-magnitude quake killed 612 people in the town of Zarand in February."},
    {"outlet": "Paper B", "published": "2005-11-28T09:00:00Z", "title": "Iran quake toll rises to 10",
     "text": "Iran quake toll rises to 10\nThe earthquake that hit southern Iran on Sunday killed 10 people and injured "
             "80, the governor said.\nIn February, a quake in Zarand killed more than 600 people."},
]


@pytest.fixture(scope="module")
def quake():
    return compare_texts(QUAKE)


def _slot(story, key):
    return [f for f in story["facts"] if f["slot"] and f["slot"]["key"] == key]


def test_the_dossier_has_the_second_schema(quake):
    assert quake["schema"] == SCHEMA == "newsweave.dossier/2"
    story = quake["stories"][0]
    assert set(story["counts"]) == {"corroborated", "single_source", "conflicting", "updated"}
    assert all({"statuses", "slot", "background", "anchor", "latest", "history", "primary_sources"} <= set(f)
               for f in story["facts"])


def test_a_rising_toll_is_one_updated_fact_with_the_value_standing_now(quake):
    story = quake["stories"][0]
    deaths = _slot(story, "current/deaths")
    assert len(deaths) == 1 and deaths[0]["status"] == "updated"
    assert deaths[0]["latest"]["value"] == "10" and deaths[0]["history"][0]["value"] == "at least three"
    assert "rose from at least three" in deaths[0]["explanation"]
    assert deaths[0]["id"] == story["key_facts"][0]


def test_deaths_and_injured_are_two_facts_and_another_quake_is_background(quake):
    story = quake["stories"][0]
    assert _slot(story, "current/injured")[0]["latest"]["value"] == "80"
    background = [f for f in story["facts"] if f["background"] and f["slot"] and f["slot"]["attribute"] == "deaths"]
    assert background and all(f["anchor"] for f in background)
    values = {r["value"] for f in _slot(story, "current/deaths") for r in f["history"]}
    assert "612" not in values and "more than 600" not in values


RELAYED = [
    {"outlet": "Outlet A", "published": "2025-01-11T12:00:00Z", "title": "Capture",
     "text": "Capture\nUkrainian special forces captured two North Korean soldiers in the Kursk region, the SBU said."},
    {"outlet": "Outlet B", "published": "2025-01-11T12:00:00Z", "title": "Soldiers held",
     "text": "Soldiers held\nTwo North Korean soldiers were captured by Ukrainian special forces in Kursk, the SBU said."},
]


def test_outlets_relaying_one_speaker_rest_on_one_primary_source():
    story = compare_texts(RELAYED)["stories"][0]
    captured = _slot(story, "current/arrested")
    assert captured and captured[0]["primary_sources"] == ["SBU"]
    assert "2 outlets, 1 primary source (SBU)" in captured[0]["explanation"]
