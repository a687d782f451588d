"""Helpers shared by the comparison rules: the conflict record, a claim's clause and content words, the words
around a value, and slot alignment (which value of one claim answers which value of the other).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...models import Claim, Conflict
from ...normalize.words import STOPWORDS, tokens


def content_words(text: str) -> set[str]:
    """Content words (stopwords and figures left out: a figure is compared by the number rule)."""
    return {t for t in tokens(text or "") if t not in STOPWORDS and not any(c.isdigit() for c in t)}


def share_a_stem(a: set[str], b: set[str]) -> bool:
    """Some word of ``a`` and some word of ``b`` (four letters or more) begin with the same five letters."""
    return any(x[:5] == y[:5] for x in a for y in b if len(x) >= 4 and len(y) >= 4)


def side(claim: Claim, value: str, text: str | None = None) -> dict:
    return {"article": claim.article, "outlet": claim.outlet, "attributed_to": claim.attributed_to,
            "text": text if text is not None else claim.text, "value": value, "language": claim.language}


def source_name(claim: Claim) -> str:
    who = claim.attributed_to or claim.outlet
    return who if who == claim.outlet or not claim.outlet else f"{who} (in {claim.outlet})"


def make_conflict(kind: str, a: Claim, va: str, b: Claim, vb: str, what: str) -> Conflict:
    """The conflict record: ``a`` says ``va``, ``b`` says ``vb`` (``what``: what the values are, if worth saying)."""
    explanation = f"{source_name(a)} says {va}, {source_name(b)} says {vb}" + (f" ({what})" if what else "")
    return Conflict(kind=kind, a=side(a, va), b=side(b, vb), explanation=explanation + quoted_originals(a, b))


def quoted_originals(a: Claim, b: Claim) -> str:
    """Across languages, the two sentences as written, each with its language: ': “...” (uk); “...” (en)'."""
    la, lb = a.language or "en", b.language or "en"
    if la == lb:
        return ""
    return f": \u201c{a.text.strip()}\u201d ({la}); \u201c{b.text.strip()}\u201d ({lb})"


def clause_text(claim: Claim) -> str:
    """What the claim says: its clause, else its sentence."""
    return claim.clause or claim.text


def clause_offset(claim: Claim) -> int:
    """The article offset at which ``clause_text`` starts: a slot's offset minus this indexes that text."""
    return claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start


LEFTOVER_CONTEXT = 1  # the single unshared value of a kind on each side still needs some shared context
STRONG_CONTEXT = 3  # context score from which two values sit in the same slot even when they differ


def align_slots(a: Claim, xs: list, b: Claim, ys: list, agree, comparable, single_ok=lambda x: True,
                strong: int = STRONG_CONTEXT) -> list[tuple]:
    """Pairs (x, y) that fill the same slot but disagree. Values are paired one to one, best first, by
    agreement plus the similarity of the words around them; what stays unpaired is paired only when it is the
    single comparable value left on each side (the changed figure in an otherwise aligned pair: ``single_ok``
    says so, or another value of the pair agrees), or its words match."""
    scored = []
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            if not comparable(x, y):
                continue
            ok = agree(x, y)
            ctx = context_score(a, x, b, y)
            scored.append((-(ctx + (strong + 1 if ok else 0)), i, j, ok, ctx))
    used_a, used_b, out = set(), set(), []
    agreed = False
    for _, i, j, ok, ctx in sorted(scored):
        if i in used_a or j in used_b or not (ok or ctx >= strong):
            continue
        used_a.add(i), used_b.add(j)
        agreed = agreed or ok
        if not ok:
            out.append((xs[i], ys[j]))
    rest_a = _distinct([x for i, x in enumerate(xs) if i not in used_a and not any(agree(x, y) for y in ys)])
    rest_b = _distinct([y for j, y in enumerate(ys) if j not in used_b and not any(agree(x, y) for x in xs)])
    for x in rest_a:
        y = _best_partner(a, x, b, rest_b, comparable)
        if y is None or _best_partner(b, y, a, rest_a, lambda p, q: comparable(q, p), flip=True) is not x:
            continue
        alone = sum(comparable(x, v) for v in rest_b) == 1 and sum(comparable(u, y) for u in rest_a) == 1
        if alone and (single_ok(x) or agreed) or context_score(a, x, b, y) >= LEFTOVER_CONTEXT:
            out.append((x, y))  # with a value agreed beside it, the single one left is the changed value
    return out


def _best_partner(a: Claim, x, b: Claim, candidates: list, comparable, flip: bool = False):
    """The comparable candidate whose surroundings are most like x's, if one stands out (or is the only one)."""
    scored = sorted(((context_score(b, y, a, x) if flip else context_score(a, x, b, y)), k)
                    for k, y in enumerate(candidates) if comparable(x, y))
    if not scored or len(scored) > 1 and scored[-1][0] == scored[-2][0]:
        return None
    return candidates[scored[-1][1]]


def _distinct(items: list) -> list:
    seen, out = set(), []
    for item in items:
        key = getattr(item, "low", None), getattr(item, "high", None), getattr(item, "begin", None), \
            getattr(item, "until", None), getattr(item, "unit", None)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


_CONTEXT_SKIP = {"the", "a", "an", "of"}


_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly|er)$")


def stem(word: str) -> str:
    """A folded word cut to a rough stem: common suffixes dropped, at most five letters."""
    return _SUFFIX.sub("", word)[:5] if len(word) > 4 else word


def context_words(claim: Claim, start: int, end: int, k: int = 3) -> tuple[list[str], list[str]]:
    """Up to k words before (nearest first) and after a span of the claim, digits and articles left out."""
    base = clause_offset(claim)
    before, after = _context_words(clause_text(claim), max(start - base, 0), max(end - base, 0), k)
    return list(before), list(after)


@lru_cache(maxsize=65536)
def _context_words(text: str, start: int, end: int, k: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    keep = lambda ws: [stem(w) for w in ws if w not in _CONTEXT_SKIP and not any(c.isdigit() for c in w)]
    return tuple(keep(tokens(text[:start]))[::-1][:k]), tuple(keep(tokens(text[end:]))[:k])


def context_score(a: Claim, x, b: Claim, y) -> int:
    """2 per matching nearest neighbour, 1 per other shared word within three on the same side."""
    (la, ra), (lb, rb) = context_words(a, x.start, x.end), context_words(b, y.start, y.end)
    score = 0
    for wa, wb in ((la, lb), (ra, rb)):
        if wa and wb and wa[0] == wb[0]:
            score += 2
        score += len(set(wa[1:]) & set(wb))  + len(set(wa[:1]) & set(wb[1:]))
    return score


_FAMILIES = {"PERSON": "agent", "ORG": "agent", "NORP": "place", "GPE": "place", "LOC": "place", "FAC": "place"}


def label_family(label: str) -> str:
    """The tagger's label folded into a family: "agent" (a person or an organisation), "place" or "other"."""
    return _FAMILIES.get(label, "other")


SPEECH_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "stated", "announced", "wrote", "writes"}


def overlap(ca: set[str], cb: set[str]) -> float:
    """The share of the smaller set's words that the other set holds too."""
    return len(ca & cb) / max(min(len(ca), len(cb)), 1)
