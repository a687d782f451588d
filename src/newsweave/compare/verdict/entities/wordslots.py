"""Where two statements differ word by word: a name that takes the place of another one.

Two wordings of one statement share long runs of words. When the words just before and just after a name on
one side are matched, in the same order, to the words just before and just after a different name on the other
side ("shares fell 72 cents on the [New York Stock Exchange] ." / "... on the [Nasdaq] ."), the two names fill the
same place in the statement: one replaces the other.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from ....models import Claim
from ....normalize.words import WORD
from ..common import clause_offset, clause_text


def _text(claim: Claim) -> tuple[str, int]:
    return clause_text(claim), clause_offset(claim)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, folded word) of every word of the text."""
    return tuple((m.start(), m.end(), m.group(0).casefold().strip("'’-")) for m in WORD.finditer(text)
                 if m.group(0).strip("'’-"))


@lru_cache(maxsize=4096)
def _matches(ta: str, tb: str) -> dict[int, int]:
    """Word index in a -> word index in b, for the words the two texts share in order (longest runs first)."""
    wa, wb = [w for _, _, w in _words(ta)], [w for _, _, w in _words(tb)]
    matcher = SequenceMatcher(None, wa, wb, autojunk=False)
    out: dict[int, int] = {}
    for i, j, n in matcher.get_matching_blocks():
        out.update({i + k: j + k for k in range(n)})
    return out


def _span(words, start: int, end: int) -> tuple[int, int] | None:
    """First and one-past-last word index covered by [start, end)."""
    inside = [k for k, (s, e, _) in enumerate(words) if s < end and start < e]
    return (inside[0], inside[-1] + 1) if inside else None


def same_place(a: Claim, x, b: Claim, y, anchors: int = 2, run: int = 1) -> bool:
    """The name x of a and the name y of b sit between the same matched words: the word before each is matched
    to the other's, and so is the word after (a statement's start or end counts as matched). ``anchors`` is how
    many of the two sides must hold, ``run`` how many matched words in a row make a side hold."""
    (ta, base_a), (tb, base_b) = _text(a), _text(b)
    wa, wb = _words(ta), _words(tb)
    sx, sy = _span(wa, x.start - base_a, x.end - base_a), _span(wb, y.start - base_b, y.end - base_b)
    if sx is None or sy is None:
        return False
    match = _matches(ta, tb)
    (i1, i2), (j1, j2) = sx, sy
    if any(i in match for i in range(i1, i2)) or any(j in match.values() for j in range(j1, j2)):
        return False  # a word of one name matched elsewhere: the names overlap, not a replacement
    left = (i1 == 0 and j1 == 0) or all(match.get(i1 - k) == j1 - k and i1 - k >= 0 for k in range(1, run + 1))
    right = (i2 == len(wa) and j2 == len(wb)) or all(match.get(i2 + k) == j2 + k for k in range(run))
    return left + right >= anchors


MAX_BLOCK = 5  # words of a counterpart name found between matched words


def counterpart(a: Claim, x, b: Claim) -> tuple[int, int, str] | None:
    """The capitalised words of b that sit exactly where the name x sits in a, between the same matched words on
    both sides, when the tagger did not mark them as a name: (start, end, text) in b's offsets."""
    (ta, base_a), (tb, base_b) = _text(a), _text(b)
    wa, wb = _words(ta), _words(tb)
    sx = _span(wa, x.start - base_a, x.end - base_a)
    if sx is None:
        return None
    match = _matches(ta, tb)
    i1, i2 = sx
    if any(i in match for i in range(i1, i2)):
        return None
    if i2 >= len(wa) or match.get(i2) is None or i1 and match.get(i1 - 1) is None:
        return None
    if not i1 and match.get(i2 + 1) != match[i2] + 1:
        return None  # at the start of both statements: two matched words after it
    j1, j2 = (match[i1 - 1] + 1 if i1 else 0), match[i2]
    if not 0 < j2 - j1 <= MAX_BLOCK:
        return None
    start, end = wb[j1][0], wb[j2 - 1][1]
    raw = tb[start:end]
    if not all(w[:1].isupper() for w in raw.split() if w[:1].isalpha()) or not raw[:1].isupper():
        return None
    return start + base_b, end + base_b, raw
