"""Which names one side gives and the other does not. A name the other side gives word for word, by its folded
canonical name, by a near spelling, or by a distinctive word (a surname) that stands for it there is shared; a name
one side gives more often than the other may be the one the other side replaced.
"""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from ....models import Claim
from ....normalize.words import STOPWORDS, WORD, tokens
from ..common import clause_offset, clause_text, label_family
from .kinds import is_post
from .matching import distinctive_word_in, folded_name, mentioned_in


def unshared(mine: list, theirs: list, other: Claim) -> list:
    """The names of ``mine`` (once each) that the other claim does not give: not among its names ``theirs``, not in
    its words, and not there by a distinctive word that stands for this name."""
    keys = {folded_name(e) for e in theirs}
    out, seen = [], set()
    for e in mine:
        n = folded_name(e)
        if n and n not in keys and n not in seen and not mentioned_in(n, other) \
                and not (distinctive_word_in(e, other) and _word_given(e, mine, theirs, other)):
            seen.add(n)
            out.append(e)
    return out


def unmatched(mine: list, theirs: list) -> list:
    """The names not given word for word by the other side too: a name both sides give is the same thing, whatever
    its surroundings ("headed by State Department official John S. Wolf" / "headed by John S. Wolf , an assistant
    secretary"), so it takes no part in pairing the names that differ. A name one side gives more often than the
    other stays (one of its mentions may be the one replaced)."""
    count_mine, count_theirs = Counter(folded_name(e) for e in mine), Counter(folded_name(e) for e in theirs)
    return [e for e in mine if count_mine[folded_name(e)] != count_theirs[folded_name(e)]]


def extra_mentions(mine: list, theirs: list) -> list:
    """The mentions of a name that one side gives more often than the other ("Legato stockholders ... each share of
    Legato" / "Time Warner Cable stockholders ... each Legato share"): one of them may be the one replaced."""
    count_mine, count_theirs = Counter(folded_name(e) for e in mine), Counter(folded_name(e) for e in theirs)
    return [e for e in mine
            if count_theirs[folded_name(e)] and count_mine[folded_name(e)] > count_theirs[folded_name(e)]]


def _word_given(entity, mine: list, theirs: list, other: Claim) -> bool:
    """The distinctive word of the name that the other claim gives (see distinctive_word_in) stands there for this
    name, not for another one: it is not the surname of another person both sides name ("Kerry Kennedy Cuomo" /
    "Andrew Cuomo and Stevens", where both name Andrew Cuomo), not the last word of a name whose other words are
    other names ("Odyssey Marine Exploration" / "Oxford Semiconductor Exploration", "American Spirit" / "Turks
    Spirit"), and not a common noun that a name of the other claim qualifies ("the Episcopal Church" / "the Frank
    Quattrone church", "the CDC protocol" / "Hyundai protocol")."""
    head = re.split(r"\s+of\s+", entity.text)[0]
    last = [w for w in tokens(head)[-1:] if len(w) >= 4 and w not in STOPWORDS]
    if not last:
        return True
    word = last[0]
    text, base = clause_text(other), clause_offset(other)
    mine_keys = {folded_name(m) for m in mine if m is not entity and folded_name(m) != folded_name(entity)}
    own = [w for w in re.findall(r"[\w'’.-]+", head) if w.casefold().strip("'’.-") != word]
    for m in WORD.finditer(text):
        found = m.group(0).casefold().strip("'’-")
        if found != word and not (abs(len(found) - len(word)) <= 2 and fuzz.ratio(word, found) >= 85):
            continue
        start, end = m.start() + base, m.end() + base
        holder = next((t for t in theirs if t.start <= start and end <= t.end), None)
        if holder is None and not _qualified_noun(text, m, theirs, base, mine):
            return True
        if holder is not None and not _in_other_name(entity, own, holder, found, text, mine_keys):
            return True
    return False


def _qualified_noun(text: str, m, theirs: list, base: int, mine: list) -> bool:
    """The word matched by ``m`` is a common noun that a name of the other claim qualifies, at the end of its
    phrase: "the Frank Quattrone church"."""
    return m.group(0)[:1].islower() and _qualified(text, m.start(), theirs, base, mine) \
        and bool(re.match(r"\s*(?:[^\w\s]|$|(?:to|of|in|for|at|on|is|was|and)\b)", text[m.end():]))


def _in_other_name(entity, own: list[str], holder, found: str, text: str, mine_keys: set[str]) -> bool:
    """The word ``found`` stands in ``holder``, a name of the other claim that is not this one: another name both
    sides give (``mine_keys``), or a name whose other words are other names than this one's other words (``own``):
    "Odyssey Marine Exploration" / "Oxford Semiconductor Exploration"."""
    if folded_name(holder) in mine_keys:
        return True  # the surname of another name both sides give
    rest = [w for w in re.findall(r"[\w'’.-]+", holder.text) if w.casefold().strip("'’.-") != found]
    return bool(own and rest and all(w[:1].isupper() and not is_post(w) for w in own + rest)
                and "PERSON" not in (entity.label, holder.label)
                and "place" not in map(label_family, (entity.label, holder.label))
                and not {w.casefold() for w in own} & set(tokens(text)))


def _qualified(text: str, offset: int, theirs: list, base: int, mine: list) -> bool:
    """A name of the other claim, one this side does not give, stands right before the word at ``offset`` (a
    parenthesis may come between): "Hyundai protocol", "an Health Canada ( news - web sites ) journal"."""
    before = re.sub(r"\([^()]*\)\s*$", "", text[:offset].rstrip()).rstrip()
    keys = {folded_name(m) for m in mine}
    return any(t.end - base == len(before) and folded_name(t) not in keys for t in theirs)
