"""The entity rule: a name replaced by another in the same role (who did it, to whom, where) while the rest of the
statement is the same.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ....models import Claim, Conflict
from ..common import align_slots, clause_offset, clause_text, content_words, context_score, label_family, \
    make_conflict
from .given_names import titled_given
from .grammar import moved, other_part, role_swap
from .kinds import in_named_state
from .matching import acronym_of, mentioned_in, names_related, one_referent, same_entity
from .mentions import names_of, split_given, split_lists, split_placed
from .pairing import between_same_words, lone_swap, replaced, untagged
from .speakers import speaks_for_employer, speech_part
from .unshared import extra_mentions, unmatched, unshared

CROSS_TYPE_CONTEXT = 5  # names the tagger typed differently (ORG / GPE) still pair when their surroundings match
ENTITY_STRONG = 3  # context score from which two different names sit in the same place
ENTITY_CONTEXT = 1  # a swapped name must keep at least one neighbour word (its role)


class _Side(NamedTuple):
    claim: Claim
    names: list  # the names the claim gives (mentions.names_of, cut against the other side's)
    only: list  # those the other claim does not give (unshared)

    def mentions_more(self, other: _Side) -> list:
        """The unshared names, or, when there are none, the mentions of a name this side gives more often."""
        return self.only or extra_mentions(self.names, other.names)


def entity_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """A named entity replaced by another in the same role while the rest of the statement is the same. The names of
    each claim that the other does not give are paired by the first of these steps that finds a pair:

    1. slots: names paired one to one by their surrounding words (the same name in the same place agrees); two
       different names in the same place conflict when one is unshared and they keep a neighbour word. Names of
       two families (a person or a body, a place) conflict only when both are unshared or the wordings put them
       between the same words ("Kosovo 's U.S. military headquarters , Camp Bondsteel" / "at Camp Bondsteel" is
       no swap);
    2. the one unshared name of each side, of the same type and part (``pairing.lone_swap``);
    3. two names between the same matched words of the two wordings (``pairing.replaced``);
    4. capitalised words the tagger did not mark in the place of an unshared name (``pairing.untagged``);
    5. the unshared names that play one grammatical role, whatever the tagger's labels (``grammar.role_swap``);
    6. a name both give doing a verb on one side, a new name doing it on the other (``grammar.moved``).

    Aliases, initials, surnames, demonyms, near spellings, places inside places, a capital for its country and a
    titled given name ("Sir John") for a surname count as the same entity. Two claims that give two different ages
    speak of two people: no conflict; nor a town in the state the other side names, nor a name listed beside the
    member the other side gives ("English and Australian climbers" / "British climbers")."""
    if _other_people(a, b):
        return []
    names_a, names_b = _compared_names(a, b)
    side_a = _Side(a, names_a, unshared(names_a, names_b, b))
    side_b = _Side(b, names_b, unshared(names_b, names_a, a))
    if not side_a.only and not side_b.only or not _rest(side_a) or not _rest(side_b):
        return []
    return [make_conflict("entity", a, x.text, b, y.text, "") for x, y in _swapped_names(side_a, side_b)
            if not _no_dispute(a, x, b, y)]


def _compared_names(a: Claim, b: Claim) -> tuple[list, list]:
    """The names of each claim, cut against the other's: lists, names run into a neighbour, a town before a name."""
    names_a, names_b = names_of(a), names_of(b)
    names_a, names_b = split_lists(names_a, names_b), split_lists(names_b, names_a)
    names_a, names_b = split_given(names_a, names_b), split_given(names_b, names_a)
    return split_placed(names_a, b, names_b), split_placed(names_b, a, names_a)


def _rest(side: _Side) -> set[str]:
    """The content words of the claim without its unshared names."""
    return content_words(_without(side.claim, *side.only))


def _swapped_names(a: _Side, b: _Side) -> list[tuple]:
    """The pairs (x, y) of names that replace each other, from the first step that finds any (entity_conflicts)."""
    new = lambda x, y: _among(x, a.only) or _among(y, b.only)
    return (_slot_pairs(a, b)
            or _lone_swaps(a, b)
            or replaced(a.claim, a.names, b.claim, b.names, new)
            or _untagged_pairs(a, b)
            or _listed(role_swap(a.claim, a.mentions_more(b), b.claim, b.mentions_more(a)))
            or _moved_pairs(a, b))


def _among(name, names: list) -> bool:
    return any(name is e for e in names)


def _listed(pair: tuple | None) -> list[tuple]:
    return [pair] if pair else []


def _slot_pairs(a: _Side, b: _Side) -> list[tuple]:
    """Two different names in the same place of the two statements (``common.align_slots``), kept when one of them
    is unshared, they keep a neighbour word, and nothing says they name one thing or play different parts."""
    comparable = lambda x, y: _comparable(a.claim, x, b.claim, y)
    pairs = align_slots(a.claim, unmatched(a.names, b.names), b.claim, unmatched(b.names, a.names),
                        same_entity, comparable, lambda x: False, ENTITY_STRONG)
    return [(x, y) for x, y in pairs if _swapped_in_slot(a, x, b, y)]


def _comparable(a: Claim, x, b: Claim, y) -> bool:
    """Two names that may fill one slot: no acronym of each other, the same part (who said it, who heard it), not a
    group of people against a person or an unknown; of one family, or with matching surroundings."""
    if acronym_of(x.text, y.text) or speech_part(a, x) != speech_part(b, y) \
            or {x.label, y.label} in ({"NORP", "MISC"}, {"NORP", "PERSON"}):
        return False
    if label_family(x.label) == label_family(y.label):
        return True
    return context_score(a, x, b, y) >= (2 if "MISC" in (x.label, y.label) else CROSS_TYPE_CONTEXT)


def _swapped_in_slot(a: _Side, x, b: _Side, y) -> bool:
    new_x, new_y = _among(x, a.only), _among(y, b.only)
    ca, cb = a.claim, b.claim
    return (new_x or new_y) and context_score(ca, x, cb, y) >= ENTITY_CONTEXT and not one_referent(x, y) \
        and not titled_given(ca, x, cb, y) and not other_part(ca, x, cb, y) and not speaks_for_employer(ca, x, cb, y) \
        and (new_x and new_y or label_family(x.label) == label_family(y.label) or between_same_words(ca, x, cb, y))


def _lone_swaps(a: _Side, b: _Side) -> list[tuple]:
    """The one unshared name of each side (``pairing.lone_swap``); where only one side has unshared names, the other
    side's extra mentions of a name stand in for them."""
    swap = lone_swap(a.claim, a.only, b.claim, b.only)
    if not swap and bool(a.only) != bool(b.only):
        swap = lone_swap(a.claim, a.mentions_more(b), b.claim, b.mentions_more(a))
    return _listed(swap)


def _untagged_pairs(a: _Side, b: _Side) -> list[tuple]:
    """An unshared name of either side whose place the other fills with words the tagger did not mark."""
    return untagged(a.claim, a.only, b.claim, b.names) \
        or [(x, y) for y, x in untagged(b.claim, b.only, a.claim, a.names)]


def _moved_pairs(a: _Side, b: _Side) -> list[tuple]:
    """A name both give that moved from one role to a new name (``grammar.moved``), looked for both ways."""
    swap = moved(a.claim, a.names, b.claim, b.names, b.only)
    if swap:
        return [swap]
    back = moved(b.claim, b.names, a.claim, a.names, a.only)
    return [back[::-1]] if back else []


def _no_dispute(a: Claim, x, b: Claim, y) -> bool:
    """The two names do not dispute each other after all: a town and the state it lies in, or one member of a list
    and the whole list."""
    return in_named_state(a, x, y) or in_named_state(b, y, x) or _listed_beside(b, y, x, a) \
        or _listed_beside(a, x, y, b)


def _other_people(a: Claim, b: Claim) -> bool:
    """Each claim gives one age, and the two differ by more than a birthday: "a 32-year-old British climber" /
    "a 36-year-old Australian climber" are two people, not one whose nationality the reports dispute."""
    ages_a, ages_b = ([g.value for g in c.ages if g.kind == "age"] for c in (a, b))
    return len(ages_a) == len(ages_b) == 1 and abs(ages_a[0] - ages_b[0]) > 1


def _listed_beside(claim: Claim, y, x, other: Claim) -> bool:
    """``y`` stands in a list ("English and Australian climbers", "Australian, English climbers") beside a member
    that ``other`` does not give and that names what ``x`` names ("British"): the other side speaks of one member of
    the list, which it does not dispute."""
    text, base = clause_text(claim), clause_offset(claim)
    s, e = y.start - base, y.end - base
    run = r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    near = re.search(run + r"(?:\s*,(?:\s+(?:and|or))?|\s+(?:and|or))\s+$", text[max(0, s - 40):max(s, 0)])
    after = re.match(r"(?:\s*,(?:\s+(?:and|or))?|\s+(?:and|or))\s+" + run, text[e:e + 40])
    partners = [m.group(1) for m in (near, after) if m]
    return any(not mentioned_in(re.sub(r"[^\w]", "", w.casefold()), other)
               and (w.casefold() == x.text.casefold() or names_related(x.text, w)) for w in partners)


def _without(claim: Claim, *entities) -> str:
    """The claim's clause with the names blanked out."""
    text, base = clause_text(claim), clause_offset(claim)
    for entity in sorted(entities, key=lambda e: -e.start):
        s, e = entity.start - base, entity.end - base
        text = text[:max(s, 0)] + " " + text[max(e, 0):]
    return text
