"""Slot units: a claim takes part once per slot it gives a value for; units of different slots or events never
share a fact; one keyed slot is one fact; ages belong to the person named."""
from __future__ import annotations

from newsweave.compare.align.slotted import ClaimSlots, Unit, apart, fact_groups, person_keys, units_of
from newsweave.compare.claims.anchors import Anchor
from newsweave.compare.claims.attributes import Value
from newsweave.models import Quantity


def value(attribute: str, low: float, counted: str = "") -> Value:
    return Value(attribute, counted, Quantity(0, 1, str(low), low, low, "exact"))


def test_a_claim_gives_one_unit_per_slot_and_a_statement_when_it_gives_none():
    both = ClaimSlots((value("deaths", 10), value("injured", 80)))
    plain = ClaimSlots()
    units = units_of([both, plain])
    assert [(u.claim, u.label, u.keyed) for u in units] == [
        (0, "current/deaths", True), (0, "current/injured", True), (1, None, False)]


def test_units_of_other_slots_or_events_stay_apart_and_a_statement_joins_only_a_keyed_slot():
    slots = [ClaimSlots((value("deaths", 10),)), ClaimSlots((value("injured", 80),)),
             ClaimSlots((value("deaths", 26000),), Anchor("2003-12", "in 2003")), ClaimSlots(),
             ClaimSlots((value("count", 2000, "tents"),))]
    deaths, injured, bam, statement = Unit(0, "current/deaths", True), Unit(1, "current/injured", True), \
        Unit(2, "2003-12/deaths", True), Unit(3)
    assert apart(deaths, injured, slots) and apart(deaths, bam, slots)
    assert not apart(deaths, statement, slots)
    assert apart(Unit(4, "current/count/tent"), statement, slots)


def test_every_claim_of_a_keyed_slot_is_in_its_one_fact():
    slots = [ClaimSlots((value("deaths", 3),)), ClaimSlots((value("deaths", 10), value("injured", 80))),
             ClaimSlots((value("deaths", 10),)), ClaimSlots()]
    units = units_of(slots)
    index = {(u.claim, u.label): n for n, u in enumerate(units)}
    groups = [[index[(0, "current/deaths")]], [index[(1, "current/deaths")], index[(3, None)]],
              [index[(2, "current/deaths")]], [index[(1, "current/injured")]]]
    facts = {f.slot.key if f.slot else None: f.members for f in fact_groups(units, groups, slots)}
    assert facts == {"current/deaths": (0, 1, 2, 3), "current/injured": (1,)}


def test_names_of_one_person_share_a_key_and_namesakes_do_not():
    keys = person_keys(["Sharron Diane Crawford Smith", "Sharron Smith", "Katherine Gomes", "Catherine Gomes",
                        "Gary Gomes", "Gomes", "Senior Trooper William Hakim", "a woman", "He"])
    assert keys["Sharron Smith"] == keys["Sharron Diane Crawford Smith"]
    assert keys["Katherine Gomes"] == keys["Catherine Gomes"] != keys["Gary Gomes"]
    assert "Gomes" not in keys and "a woman" not in keys and keys["Senior Trooper William Hakim"] == "william hakim"
