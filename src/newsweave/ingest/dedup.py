"""Near-duplicates: MinHash over word 3-shingles (datasketch, fixed seed) and LSH band keys.

``signature`` gives the hash values and the band keys stored in the store's lsh_bands table;
``find_original`` picks, among articles sharing a band, the most similar one above the threshold.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Hashable, Sequence

NUM_PERM = 128
BANDS = 32  # 32 bands x 4 rows: candidates from Jaccard ~0.4, well below any sensible threshold
ROWS = NUM_PERM // BANDS
SEED = 1
SCHEME = "affine32"  # datasketch 2.x default, pinned so stored signatures stay comparable
SHINGLE = 3
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def signature(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """(MinHash values, LSH band keys) of a text; deterministic across runs and machines."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_permutations(), scheme=SCHEME)
    minhash.update_batch(sorted(shingles(text)))
    values = [int(v) for v in minhash.hashvalues]
    return values, band_keys(values)


def band_keys(values: Sequence[int]) -> list[tuple[int, str]]:
    keys = []
    for band in range(BANDS):
        chunk = ",".join(str(v) for v in values[band * ROWS:(band + 1) * ROWS])
        keys.append((band, hashlib.sha1(chunk.encode("ascii")).hexdigest()[:16]))
    return keys


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    if len(a) != len(b) or not a:
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def find_original(hashvalues: Sequence[int], candidates: Sequence[tuple[Hashable, Sequence[int]]],
                  threshold: float) -> Hashable | None:
    """The most similar candidate at or above ``threshold`` (earliest on ties), else None."""
    best, best_score = None, threshold
    for candidate_id, values in candidates:
        score = similarity(hashvalues, values)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = candidate_id, score
    return best
