"""One slot per fact: the claims' figures as slot units, aligned slot by slot, and the facts they make.

Every figure of a claim is read as a slot value (``claims.attributes``) of the event the claim is about
(``claims.anchors``). A claim takes part in the alignment once per slot it gives a value for (a **unit**): its
toll or magnitude (``KEYED``: one slot per event whatever the wording), each other kind of figure (a count of
something, an amount, a distance, ...), its ages, and the time it dates its event to; a claim that gives none of
these takes part once, as a statement. Units of different slots, of one claim, or of claims about different events
never share a fact; a statement may join the fact of any slot it says the same as ("Ukraine captured North Korean
soldiers" beside "Ukraine captured two"). So "killing 10 and injuring 80" is in the death toll's fact and in the
injured count's, and the 2003 quake's toll is never set against this quake's.

Facts: every unit of one keyed slot belongs to that slot's fact ("Ten dead in Iran quake" and "the death toll rose
to 10" are one fact however different their words), with the statements grouped with them; the other groups of
units are facts of their own slot, or statements.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from ...models import Claim, Slot
from ..claims.anchors import CURRENT, Anchor, claim_anchors, event_times
from ..claims.attributes import Value, read_values


@dataclass(frozen=True)
class ClaimSlots:
    """A claim's figures read as slot values, the event the claim is about, and what else it dates or ages."""

    values: tuple[Value, ...] = ()
    anchor: Anchor = Anchor()
    people: tuple[str, ...] = ()  # per age or birth year of the claim: whose (a story-wide person key), or ""
    dated: bool = False  # it dates its event (a time that is not when something was said)

    @property
    def keys(self) -> frozenset[str]:
        """The keys of its keyed slots: tolls and magnitudes ("current/deaths"), a named person's age."""
        keys = {slot_key(v, self.anchor) for v in self.values if v.keyed}
        return frozenset(keys | {age_label(self.anchor, p) for p in self.people if p})

    def labels(self) -> list[str]:
        """The slots the claim gives a value for, in a stable order (empty: a statement)."""
        found = [slot_key(v, self.anchor) if v.keyed else plain_label(v, self.anchor) for v in self.values]
        found += [age_label(self.anchor, p) for p in self.people]
        if found and self.dated:
            found.append(f"{self.anchor.key}/when")
        return list(dict.fromkeys(found))


def slot_key(value: Value, anchor: Anchor) -> str:
    return "/".join(p for p in (anchor.key, value.attribute, value.counted) if p)


def age_label(anchor: Anchor, person: str) -> str:
    """The slot of an age: the named person's ("current/age/sharron smith"), or an unnamed one's."""
    return f"{anchor.key}/age/{person}" if person else f"{anchor.key}/age"


def plain_label(value: Value, anchor: Anchor) -> str:
    """The slot of a figure that is no toll nor magnitude: its attribute, and for a count what it counts."""
    if value.attribute in ("count", "seized"):
        return f"{anchor.key}/{value.attribute}/{counted_noun(value.quantity.counted)}"
    return f"{anchor.key}/{value.attribute}"


def counted_noun(counted: str) -> str:
    """The noun a count counts, singular: the first plural word of the counted phrase, else its last word ("AK-47
    rifles" -> "rifle", "North Korean troops" -> "troop")."""
    words = [w.casefold() for w in counted.split() if w[:1].isalpha()]
    if not words:
        return ""
    noun = next((w for w in words if w.endswith("s") and not w.endswith("ss") and len(w) > 3), words[-1])
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


def read_slots(claims: Sequence[Claim], published: Mapping[str, str | None]) -> list[ClaimSlots]:
    """Each claim's slot values and event (``published``: article id -> ISO publication time)."""
    values = [read_values(c) for c in claims]
    anchors = claim_anchors(claims, published, [any(v.keyed for v in vs) for vs in values])
    values = _other_quakes(values, anchors)
    people = person_keys([a.person for c in claims for a in c.ages])
    return [ClaimSlots(vs, a, tuple(people.get(age.person, "") for age in c.ages), bool(event_times(c)))
            for c, vs, a in zip(claims, values, anchors)]


MAGNITUDE_GAP = 1.0  # agencies measure one quake within a few tenths; a magnitude this far off is another quake


def _other_quakes(values: list[tuple[Value, ...]], anchors: Sequence[Anchor]) -> list[tuple[Value, ...]]:
    """Magnitudes of one event a whole unit or more away from the one most reports give belong to another quake
    of it (an aftershock, "a quake measuring 3.8 on Monday"), not to the main one."""
    from dataclasses import replace

    counts: dict[str, Counter] = {}
    for vs, a in zip(values, anchors):
        for v in vs:
            if v.attribute == "magnitude" and not v.counted and v.quantity.low is not None:
                counts.setdefault(a.key, Counter())[round(v.quantity.low, 1)] += 1
    main = {key: max(c, key=lambda m: (c[m], m)) for key, c in counts.items()}
    out = []
    for vs, a in zip(values, anchors):
        changed = []
        for v in vs:
            m = main.get(a.key)
            if v.attribute == "magnitude" and not v.counted and m is not None and v.quantity.low is not None \
                    and abs(v.quantity.low - m) >= MAGNITUDE_GAP:
                v = replace(v, counted="aftershock" if v.quantity.low < m else "other quake")
            changed.append(v)
        out.append(tuple(changed))
    return out


def _same_name(x: str, y: str, score: int = 80) -> bool:
    """Two spellings of one name ("Katherine" / "Catherine"), or one cut short ("La" / "LaCalamita")."""
    from rapidfuzz import fuzz

    short, long = sorted((x, y), key=len)
    return fuzz.ratio(x, y) >= score or len(short) >= 2 and long.startswith(short)


_TITLES = {"mr", "mrs", "ms", "miss", "dr", "capt", "captain", "senior", "trooper", "police", "chief", "officer",
           "sgt", "sergeant", "lt", "lieutenant", "president", "governor", "gov", "sen", "senator", "rep", "judge",
           "prof", "professor", "sir", "lord", "lady", "inspector", "constable", "const", "detective", "deputy",
           "general", "gen", "col", "colonel", "major", "private", "pvt", "state", "former", "the"}


def person_keys(names: Sequence[str]) -> dict[str, str]:
    """A key per named person (a name of two words or more; pronouns and "a woman" name no one): names of one
    person share it ("Sharron Smith", "Sharron Diane Crawford Smith"; "Katherine Gomes", "Catherine Gomes"; a
    headline's "Actor John Smith", "John Smith"), different first names of one surname do not ("Gary Gomes",
    "Catherine Gomes"). The shortest full names lead: a longer one joins the person whose first name is among its
    given names."""
    parts: dict[str, tuple[tuple[str, ...], str]] = {}
    for name in sorted(set(names)):
        words = [w for w in re.findall(r"[A-Z][\w'’.-]*", name) if w.casefold().rstrip(".") not in _TITLES
                 and not re.fullmatch(r"(?:[IVX]+|Jr|Sr)\.?", w)]
        if len(words) >= 2 and name[:1].isupper():
            parts[name] = (tuple(w.casefold() for w in words[:-1]), words[-1].casefold())
        elif len(words) == 1 and name[:1].isupper() and len(words[0]) > 3:
            parts[name] = ((), words[0].casefold())  # a surname alone ("Kafoury"): one person if only one has it
    keys: dict[str, str] = {}
    heads: list[tuple[str, str]] = []
    for name, (given, last) in sorted(parts.items(), key=lambda kv: (not kv[1][0], len(kv[1][0]), len(kv[0]),
                                                                     kv[0])):
        same = [h for h in heads if _same_name(h[1], last) and (not given or any(_same_name(h[0], g, 70)
                                                                                  for g in given))]
        if not given and len(same) != 1:
            continue  # a surname several people share names no one
        if not same:
            same = [(given[0], last)]
            heads.append(same[0])
        keys[name] = f"{same[0][0]} {same[0][1]}"
    return keys


# --------------------------------------------------------------------------- units

@dataclass(frozen=True)
class Unit:
    """A claim (index) taking part in the alignment for one slot (``label``), or as a statement (None)."""

    claim: int
    label: str | None = None
    keyed: bool = False


def units_of(slots: Sequence[ClaimSlots]) -> list[Unit]:
    out = []
    for i, s in enumerate(slots):
        keys = s.keys
        labels = s.labels()
        out.extend(Unit(i, label, label in keys) for label in labels) if labels else out.append(Unit(i))
    return out


def apart(a: Unit, b: Unit, slots: Sequence[ClaimSlots]) -> bool:
    """Two units that can never share a fact: one claim's, about different events, or of different slots."""
    if a.claim == b.claim or slots[a.claim].anchor.key != slots[b.claim].anchor.key:
        return True
    if a.label is None and b.label is None or a.label == b.label:
        return False
    if a.label is None or b.label is None:  # a statement joins a keyed slot's claims, not another figure's
        return not (a.keyed or b.keyed)
    return not any(_unnamed(x, y) for x, y in ((a.label, b.label), (b.label, a.label)))


def _unnamed(x: str, y: str) -> bool:
    """An unnamed person's age may be a named person's ("a 60-year-old woman" / "Sharron Smith, 61"); a count of
    nothing said may count what another names ("more than 50,000" / "30,000 people")."""
    return (x.endswith("/age") or x.endswith("/count/")) and y.startswith(x.rstrip("/") + "/")





SHARED_SLOT_BONUS = 0.15  # two claims giving the same toll or magnitude of one event


def unit_groups(claims: Sequence[Claim], links, vectors: np.ndarray, score, slots: Sequence[ClaimSlots]
                ) -> tuple[list[Unit], list[list[int]]]:
    """The units of the claims and their groups (unit indices), grouped as ``group.group`` groups claims: along the
    claims' links (a shared keyed slot rewarded), without chains, never across units kept ``apart``."""
    from .group import Link, group

    units = units_of(slots)
    by_claim: dict[int, list[int]] = {}
    for n, u in enumerate(units):
        by_claim.setdefault(u.claim, []).append(n)
    unit_links = []
    for link in links:
        for x in by_claim.get(link.a, ()):
            for y in by_claim.get(link.b, ()):
                if apart(units[x], units[y], slots):
                    continue
                bonus = SHARED_SLOT_BONUS if units[x].keyed and units[x].label == units[y].label else 0.0
                unit_links.append(Link(x, y, link.score + bonus, link.cosine))
    unit_claims = [claims[u.claim] for u in units]
    unit_vectors = vectors[[u.claim for u in units]] if units else vectors
    groups = group(unit_claims, unit_links, unit_vectors, score=lambda x, y: score(units[x].claim, units[y].claim),
                   apart=lambda x, y: apart(units[x], units[y], slots),
                   together=lambda left, right, pair: together(left, right, pair, units))
    return units, groups


KEYED_COHESION = 0.2  # a unit joining a keyed slot's group: its mean score with the group's members


def together(left: Sequence[int], right: Sequence[int], pair, units: Sequence[Unit]) -> bool:
    """Two groups of units may merge: the claims of the one are close to all of the other's (``cohesive``). Units
    of one keyed slot are one fact by their key, not by their words, so their pairs are not asked: a statement
    joining them must be close to them all, another value (an unnamed person's age joining a named person's) to
    them on average."""
    from .group import COHESION_FLOOR, COHESION_MEAN, cohesive

    if not any(units[n].keyed for n in (*left, *right)):
        return cohesive(left, right, pair)
    scores = [pair(i, j) for i in left for j in right
              if not (units[i].keyed and units[j].keyed and units[i].label == units[j].label)]
    if not scores:
        return True
    mean = sum(scores) / len(scores)
    if any(units[n].label is None for n in (*left, *right)):
        return min(scores) >= COHESION_FLOOR and mean >= COHESION_MEAN
    return mean >= KEYED_COHESION


# --------------------------------------------------------------------------- facts

@dataclass(frozen=True)
class FactGroup:
    """The claims of one fact (indices), its slot (None for a statement), and its event."""

    members: tuple[int, ...]
    slot: Slot | None
    anchor: Anchor


def fact_groups(units: Sequence[Unit], groups: Sequence[Sequence[int]], slots: Sequence[ClaimSlots]
                ) -> list[FactGroup]:
    """Facts from the unit groups: one fact per keyed slot, holding every claim that gives it and the statements
    grouped with them; the other groups, each the fact of its slot (or a statement)."""
    keyed: dict[str, set[int]] = {}
    out: list[FactGroup] = []
    for members in groups:
        keyed_labels = Counter(units[n].label for n in members if units[n].keyed)
        labels = keyed_labels or Counter(units[n].label for n in members if units[n].label is not None)
        label = min(labels, key=lambda k: (-labels[k], k)) if labels else None
        claims = sorted({units[n].claim for n in members})
        if keyed_labels:
            keyed.setdefault(label, set()).update(claims)
        else:
            out.append(FactGroup(tuple(claims), _slot(label, claims, slots), slots[claims[0]].anchor))
    out += [_keyed_fact(key, sorted(members), slots) for key, members in keyed.items()]
    return sorted(out, key=lambda f: (f.members[0], len(f.members), f.slot.key if f.slot else ""))


def slot_ages(slots: ClaimSlots, claim: Claim, slot: Slot | None) -> tuple:
    """The claim's ages that fill an age slot: the named person's, and those of no named person."""
    if slot is None or slot.attribute != "age":
        return ()
    person = slot.key.rsplit("/", 1)[1] if slot.key.count("/") >= 2 else ""
    return tuple(a for a, p in zip(claim.ages, slots.people) if not p or p == person)


def slot_values(slots: ClaimSlots, slot: Slot | None) -> tuple[Value, ...]:
    """The claim's values that fill the slot (none for a statement, an age or a time slot)."""
    if slot is None:
        return ()
    return tuple(v for v in slots.values if (slot_key(v, slots.anchor) if v.keyed else plain_label(v, slots.anchor))
                 == slot.key)


def _keyed_fact(key: str, members: list[int], slots: Sequence[ClaimSlots]) -> FactGroup:
    anchor = next(slots[i].anchor for i in members if key in slots[i].keys)
    value = next((v for i in members for v in slots[i].values if v.keyed and slot_key(v, slots[i].anchor) == key),
                 None)
    if value is None:  # a named person's age
        return FactGroup(tuple(members), Slot(key=key, event=anchor.key, attribute="age",
                                              counted=key.rsplit("/", 1)[1]), anchor)
    return FactGroup(tuple(members), Slot(key=key, event=anchor.key, attribute=value.attribute,
                                          counted=value.counted), anchor)


def _slot(label: str | None, members: Sequence[int], slots: Sequence[ClaimSlots]) -> Slot | None:
    """The slot a label names: "<event>/<attribute>[/<counted>]"."""
    if label is None:
        return None
    event, attribute, *rest = label.split("/")
    return Slot(key=label, event=event, attribute=attribute, counted=rest[0] if rest else "")


__all__ = ["CURRENT", "ClaimSlots", "FactGroup", "Unit", "apart", "counted_noun", "fact_groups", "plain_label",
           "person_keys", "read_slots", "slot_ages", "slot_key", "slot_values", "unit_groups", "units_of"]
