"""The "same fact" score of two statements: embedding cosine + lexical overlap + slot agreement.

Features are computed from the two texts and their cosine only, so the same function serves MSRP (bench/msrp.py
fits the coefficients) and claim alignment. Coefficients live in ``same_fact_model.json`` (written by
``bench/msrp.py --write-model``); runtime needs no training.

Stacked scorer: when torch (extra ``embed``) and the cross-encoder artifact (``cross.py``) are available, the
logistic regression of ``same_fact_stacked.json`` combines the feature regression's logit with the cross-encoder
logit (extras ``embed`` and ``multilingual``), averaged (or weighted) over the fold models it names
(``cross_encoders``, ``cross.load_ensemble``). It is a cascade: the cross-encoder only scores pairs whose feature-only probability falls
in the stacked model's ``cascade`` band; clear-cut pairs keep the regression's probability.
The ``mode`` argument (``Settings.same_fact``): ``auto`` (default: stacked when available, except for alignment,
``ignore_slots=True``, which keeps the regression for speed), ``cross`` (stacked for alignment too), ``lr`` (never
the cross-encoder), ``cross-all`` (like ``cross``, cross-encoder on every pair). Use ``same_fact_probabilities``
to score many pairs in batches.
"""
from __future__ import annotations

import json
import math
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from ... import weights
from ...normalize.words import STOPWORDS, tokens
from ...normalize.words import WORD as _WORD

MODEL_FILE = weights.path("same_fact_model.json")
STACKED_FILE = weights.path("same_fact_stacked.json")

FEATURES = (
    "cosine", "cosine_sq", "jaccard", "jaccard_content", "cover_min", "cover_max", "bigram", "fuzz_set",
    "fuzz_ratio", "length_ratio", "number_mismatch", "number_jaccard", "caps_jaccard", "caps_mismatch",
    "negation_mismatch", "stem_jaccard", "char3_jaccard", "fuzz_partial", "fuzz_sort", "length_gap",
)

STACKED_FEATURES = ("lr_logit", "cross_logit")  # the feature regression's logit, the cross-encoder's logit

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

    sa, sb = _stems(a), _stems(b)
    ga, gb = _trigrams(a), _trigrams(b)
    return [len(sa & sb) / max(len(sa | sb), 1), len(ga & gb) / max(len(ga | gb), 1),
            fuzz.partial_ratio(a, b) / 100.0, fuzz.token_sort_ratio(a, b) / 100.0,
            abs(len(ta) - len(tb)) / max(len(ta), len(tb), 1)]


@lru_cache(maxsize=65536)
def _stems(text: str) -> frozenset[str]:  # a story's texts are scored against many others: once per text
    return frozenset(t[:5] for t in tokens(text) if t not in STOPWORDS)


@lru_cache(maxsize=65536)
def _trigrams(text: str) -> frozenset[str]:
    lower = text.lower()
    return frozenset(lower[i:i + 3] for i in range(len(text) - 2))


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


def same_fact_probability(a: str, b: str, cosine: float, ignore_slots: bool = False, mode: str = "auto") -> float:
    return same_fact_probabilities([(a, b, cosine)], ignore_slots=ignore_slots, mode=mode)[0]


def same_fact_probabilities(pairs: Sequence[tuple[str, str, float]], ignore_slots: bool = False,
                            mode: str = "auto") -> list[float]:
    """Same-fact probability of (a, b, cosine) triples: stacked with the cross-encoder when available (batched),
    else the logistic regression over ``FEATURES``. With ``ignore_slots`` the cross-encoder reads both texts with
    their digits masked, so a number disagreement does not count against the match."""
    vectors = [features(a, b, c, ignore_slots=ignore_slots) for a, b, c in pairs]
    base = [probability(v) for v in vectors]
    if not vectors or cross_scorer(ignore_slots, mode) is None:
        return base
    model = load_stacked()
    low, high = cascade_band(model, mode)
    todo = [i for i, p in enumerate(base) if low <= p <= high]
    texts = [(mask_numbers(a), mask_numbers(b)) if ignore_slots else (a, b) for a, b, _ in (pairs[i] for i in todo)]
    for i, z in zip(todo, cross_logits(texts)):
        base[i] = probability([_logit(base[i]), z], model)
    return base


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def cascade_band(model: dict, mode: str = "auto") -> tuple[float, float]:
    """Pairs whose feature-only probability falls in this band get the cross-encoder (the rest are clear-cut)."""
    if mode == "cross-all":
        return 0.0, 1.0
    low, high = model.get("cascade", (0.0, 1.0))
    return float(low), float(high)


def threshold(ignore_slots: bool = False, mode: str = "auto") -> float:
    """Decision threshold of the scorer ``same_fact_probabilities`` uses (chosen by CV on MSRP train)."""
    if cross_scorer(ignore_slots, mode) is not None:
        return float(load_stacked().get("threshold", 0.5))
    return float(load_model().get("threshold", 0.5))


def mask_numbers(text: str) -> str:
    return _NUMBER.sub("#", text)


@lru_cache(maxsize=1)
def load_stacked() -> dict | None:
    """Coefficients of the stacked regression (FEATURES + cross_logit), or None when not written."""
    if STACKED_FILE.exists():
        return json.loads(STACKED_FILE.read_text(encoding="utf-8"))
    return None


def cross_scorer(ignore_slots: bool = False, mode: str = "auto"):
    """The loaded cross-encoder when the stacked scorer is enabled and available, else None (LR fallback).

    ``auto`` leaves alignment (``ignore_slots=True``, many candidate pairs per story) on the feature regression:
    there the cross-encoder is slow on CPU and aligned no better. ``cross`` uses it there too."""
    current = (mode or "auto").strip().lower()
    if current == "lr" or load_stacked() is None or (ignore_slots and current == "auto"):
        return None
    return _stacked_cross()


def cross_artifacts(model: dict | None = None) -> list[Path]:
    """The cross-encoder artifacts the stacked regression was fitted for (their logits are averaged): the files
    named by its ``cross_encoders`` list, else the single shipped artifact (older stacked files)."""
    from . import cross

    model = model if model is not None else load_stacked()
    names = [m["file"] for m in (model or {}).get("cross_encoders", []) if m.get("file")]
    return [weights.path(name) for name in names] or list(cross.ARTIFACTS)


def cross_weights(model: dict | None = None) -> list[float] | None:
    """Member weights of the ensemble (``weight`` of each ``cross_encoders`` entry), None for a plain mean."""
    model = model if model is not None else load_stacked()
    weights = [m.get("weight") for m in (model or {}).get("cross_encoders", [])]
    return [float(w) for w in weights] if weights and all(w is not None for w in weights) else None


def _stacked_cross():
    from . import cross

    return cross.load_ensemble(cross_artifacts(), weights=cross_weights())


_CROSS_CACHE: dict[tuple[str, str], float] = {}
_CROSS_LOCK = threading.Lock()
_CROSS_CACHE_MAX = 100_000


def cross_logits(pairs: Sequence[tuple[str, str]]) -> list[float]:
    """Cross-encoder logits (both orders averaged, then averaged over the ensemble members), memoised per process;
    new pairs are scored in batches."""
    scorer = _stacked_cross() if load_stacked() is not None else None
    if scorer is None:
        raise RuntimeError("cross-encoder unavailable")
    with _CROSS_LOCK:
        todo = sorted({p for p in pairs if p not in _CROSS_CACHE})
        if todo:
            if len(_CROSS_CACHE) + len(todo) > _CROSS_CACHE_MAX:
                _CROSS_CACHE.clear()
            _CROSS_CACHE.update(zip(todo, scorer.logits(todo)))
        return [_CROSS_CACHE[p] for p in pairs]
