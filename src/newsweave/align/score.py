"""The "same fact" score of two statements: embedding cosine + lexical overlap + slot agreement.

Features are computed from the two texts and their cosine only, so the same function serves MSRP (bench/msrp.py
fits the coefficients) and claim alignment. Coefficients live in ``same_fact_model.json`` (written by
``bench/msrp.py --write-model``); runtime needs no training.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ..normalize.words import STOPWORDS, tokens
from ..normalize.words import WORD as _WORD

MODEL_FILE = Path(__file__).with_name("same_fact_model.json")

FEATURES = (
    "cosine", "cosine_sq", "jaccard", "jaccard_content", "cover_min", "cover_max", "bigram", "fuzz_set",
    "fuzz_ratio", "length_ratio", "number_mismatch", "number_jaccard", "caps_jaccard", "caps_mismatch",
    "negation_mismatch", "stem_jaccard", "char3_jaccard", "fuzz_partial", "fuzz_sort", "length_gap",
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NEGATION = re.compile(r"\b(?:not|no|never|n't|neither|nor|none|without|denied|denies|deny)\b", re.I)


def numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def capitalised(text: str) -> frozenset[str]:
    words = _WORD.findall(text)
    return frozenset(w.casefold() for i, w in enumerate(words) if i > 0 and w[:1].isupper())


def _jaccard(a: set | frozenset, b: set | frozenset) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _bigrams(words: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:]))


def features(a: str, b: str, cosine: float, ignore_slots: bool = False) -> list[float]:
    """Feature vector in FEATURES order. ``ignore_slots`` zeroes the mismatch features (used to align
    statements that may conflict on a number or a polarity: they are still about the same fact)."""
    from rapidfuzz import fuzz

    ta, tb = tokens(a), tokens(b)
    sa, sb = set(ta), set(tb)
    ca, cb = sa - STOPWORDS, sb - STOPWORDS
    cover_a = len(ca & cb) / max(len(ca), 1)
    cover_b = len(ca & cb) / max(len(cb), 1)
    na, nb = numbers(a), numbers(b)
    pa, pb = capitalised(a), capitalised(b)
    number_mismatch = float(bool(na) and bool(nb) and na != nb) or float(bool(na) != bool(nb)) * 0.5
    negation_mismatch = float(bool(_NEGATION.search(a)) != bool(_NEGATION.search(b)))
    caps_mismatch = len(pa ^ pb) / max(len(pa | pb), 1)
    if ignore_slots:
        number_mismatch = negation_mismatch = 0.0
    return [
        cosine, cosine * cosine, _jaccard(sa, sb), _jaccard(ca, cb), min(cover_a, cover_b), max(cover_a, cover_b),
        _jaccard(_bigrams(ta), _bigrams(tb)), fuzz.token_set_ratio(a, b) / 100.0, fuzz.ratio(a, b) / 100.0,
        min(len(ta), len(tb)) / max(len(ta), len(tb), 1), number_mismatch, _jaccard(na, nb) if (na or nb) else 1.0,
        _jaccard(pa, pb), caps_mismatch, negation_mismatch, *_surface(a, b, ta, tb),
    ]


def _surface(a: str, b: str, ta: list[str], tb: list[str]) -> list[float]:
    """Stemmed content-word and character-trigram overlap, partial and sorted fuzzy ratios, length gap."""
    from rapidfuzz import fuzz

    sa = {t[:5] for t in ta if t not in STOPWORDS}
    sb = {t[:5] for t in tb if t not in STOPWORDS}
    ga = {a.lower()[i:i + 3] for i in range(len(a) - 2)}
    gb = {b.lower()[i:i + 3] for i in range(len(b) - 2)}
    return [len(sa & sb) / max(len(sa | sb), 1), len(ga & gb) / max(len(ga | gb), 1),
            fuzz.partial_ratio(a, b) / 100.0, fuzz.token_sort_ratio(a, b) / 100.0,
            abs(len(ta) - len(tb)) / max(len(ta), len(tb), 1)]


@lru_cache(maxsize=1)
def load_model() -> dict:
    """Coefficients of the logistic regression: {"mean","scale","coef","intercept","threshold", ...}."""
    if MODEL_FILE.exists():
        return json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return {"features": list(FEATURES), "mean": [0.0] * len(FEATURES), "scale": [1.0] * len(FEATURES),
            "coef": [8.0] + [0.0] * (len(FEATURES) - 1), "intercept": -6.0, "threshold": 0.5}


def probability(vector: Sequence[float], model: dict | None = None) -> float:
    model = model or load_model()
    z = model["intercept"]
    for x, m, s, c in zip(vector, model["mean"], model["scale"], model["coef"]):
        z += c * (x - m) / (s or 1.0)
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def same_fact_probability(a: str, b: str, cosine: float, ignore_slots: bool = False) -> float:
    return probability(features(a, b, cosine, ignore_slots=ignore_slots))


def threshold() -> float:
    return float(load_model().get("threshold", 0.5))
