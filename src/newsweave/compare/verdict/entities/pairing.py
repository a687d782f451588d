"""Pairing the names of two claims by where they stand in the two wordings: a name that replaces another between the
same matched words, capitalised words the tagger did not mark in the place of an unshared name, and the one unshared
name of each side, of the same type and part.
"""
from __future__ import annotations

from ....models import Claim
from ....normalize.words import STOPWORDS
from ...claims.roles import stand_in
from .given_names import titled_given
from .kinds import CALENDAR, state_after_city
from .matching import acronym_of, folded_name, mentioned_in, names_related, one_referent, same_entity, same_house, \
    spelled_alike
from .speakers import is_employer, name_role, same_speech_part
from .wordslots import counterpart, same_place

REPLACED_ANCHORS = 2  # matched words around two different names (before and after) for one to replace the other


def between_same_words(a: Claim, x, b: Claim, y) -> bool:
    """The two names sit between the same matched words of the two wordings (``wordslots.same_place``)."""
    return same_place(a, x, b, y, REPLACED_ANCHORS)


def replaced(a: Claim, names_a: list, b: Claim, names_b: list, new) -> list[tuple]:
    """The first pair of different names, at least one of them unshared (``new(x, y)``), that sit between the same
    matched words of the two wordings ("... close at $ 28.34 on the [Nasdaq] ." / "... on the [NYSE] ."), whatever
    types the tagger gave them, or after (or before) the same matched word when the tagger gave them the same type:
    one replaces the other. Aliases, acronyms and related names are not a replacement."""
    for anchors, same_type in ((REPLACED_ANCHORS, False), (REPLACED_ANCHORS - 1, True)):
        for x in names_a:
            for y in names_b:
                if new(x, y) and (not same_type or x.label == y.label) and same_place(a, x, b, y, anchors) \
                        and _replaces(a, x, names_a, b, y, names_b):
                    return [(x, y)]
    return []


def _replaces(a: Claim, x, names_a: list, b: Claim, y, names_b: list) -> bool:
    """y, in x's place, stands for something else than x: no alias, acronym or related name of it, and neither name
    kept its counterpart elsewhere on the other side."""
    return not acronym_of(x.text, y.text) and not same_entity(x, y) and not one_referent(x, y) \
        and not titled_given(a, x, b, y) and not _named_elsewhere(x, names_a, names_b, y, a, b) \
        and not _named_elsewhere(y, names_b, names_a, x, b, a)


def _named_elsewhere(x, mine: list, theirs: list, partner, own: Claim, other: Claim) -> bool:
    """The other side gives x too, elsewhere in its wording and as often as x's side does ("the U.S. market" /
    "the PC market in the United States"; "Falluja , just west of Baghdad"): x kept its counterpart there, and the
    name in its place is something the other side adds, not a replacement. Unless x itself says whom a person works
    for, a mention that only says so ("Japan 's Finance Minister", "said Eddie Bauer spokeswoman Lisa Erickson") is
    no such counterpart."""
    same = lambda e: (e.label == "NORP") == (x.label == "NORP") and spelled_alike(x, e)  # "Cuba" / "Cuban waters"
    employer = not is_employer(own, x)
    return sum(1 for e in theirs if e is not partner and same(e) and not (employer and is_employer(other, e))) \
        >= max(1, sum(map(same, mine)))


def untagged(a: Claim, only_a: list, b: Claim, names_b: list) -> list[tuple]:
    """A name of a that b does not name, whose place b fills with capitalised words the tagger did not mark
    ("Michel , who remains in the government , denied ..." / "Harper , who has stayed ..."): the first such pair."""
    for x in only_a:
        y = _untagged_counterpart(a, x, b, names_b)
        if y is not None and not mentioned_in(folded_name(y), a) and not acronym_of(x.text, y.text) \
                and not same_entity(x, y) and not one_referent(x, y):
            return [(x, y)]
    return []


def _untagged_counterpart(a: Claim, x, b: Claim, names_b: list):
    """The capitalised words of b in the place of a's name x (``wordslots.counterpart``) as a name of no known type,
    unless they overlap a name of b, hold a calendar word, or are too short or a pronoun."""
    found = counterpart(a, x, b)
    if found is None or any(e.start < found[1] and found[0] < e.end for e in names_b) \
            or CALENDAR.search(found[2]) or len(found[2].strip(" .")) < 3:
        return None
    if found[2].strip(" .").casefold() in STOPWORDS:
        return None  # "She was bitten ...": a pronoun, not a name
    return type(x)(found[0], found[1], found[2], "MISC", canonical=found[2])


def lone_swap(a: Claim, only_a: list, b: Claim, only_b: list):
    """(x, y) when one side gives one name the other does not, and its counterpart on the other side is the one
    unshared name (of at most three) of the same type that takes the same part (who said it, or not): "Microsoft
    said" / "Army said". Related names, places inside places, a titled given name and a surname, and two names each
    of which the other side gives by a pronoun or a common noun are no swap. Only names of the same type are paired:
    a person for an organisation proved more often a false alarm than a swap."""
    if not only_a or not only_b or min(len(only_a), len(only_b)) != 1 or max(len(only_a), len(only_b)) > 3:
        return None
    flip = len(only_b) > 1  # the lone name is then a's, its counterpart among b's
    (ca, xs), (cb, (y,)) = ((b, only_b), (a, only_a)) if flip else ((a, only_a), (b, only_b))
    if any(acronym_of(x.text, y.text) or names_related(x.text, y.text) for x in xs):
        return None  # its counterpart is there, typed otherwise: "IAC 's stock" / "InterActiveCorp 's shares"
    candidates = [x for x in xs if x.label == y.label != "MISC" and same_speech_part(ca, x, cb, y)
                  and not state_after_city(ca, x) and not same_house(x.text, y.text)]
    if len(candidates) != 1:
        return None
    x = candidates[0]
    if one_referent(x, y) or titled_given(ca, x, cb, y) or _crossed_slots(ca, x, cb, y):
        return None
    return (y, x) if flip else (x, y)


def _crossed_slots(a: Claim, x, b: Claim, y) -> bool:
    """The two names play different parts, and each side fills the part of the other's name with a pronoun or a
    common noun: "Mr. Bush has credited the Dallas pastor" / "He has credited Dr. Evans" ("He" is Bush, "the
    pastor" is Evans); "how CFSB allocated shares" / "how the company allocated shares". Each name then has its
    counterpart on the other side, and the two are no swap."""
    ra, rb = name_role(a, x), name_role(b, y)
    return ra is not None and rb is not None and ra != rb and stand_in(b, ra) and stand_in(a, rb)
