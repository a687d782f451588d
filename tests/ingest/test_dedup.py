"""MinHash signatures, LSH band keys and the choice of an original."""
from __future__ import annotations

from newsweave.ingest.dedup import BANDS, NUM_PERM, find_original, signature, similarity

from .helpers import UP, WP


def _edited(text: str) -> str:
    return text.replace("sniper", "marksman").replace("Tuva", "Tyva").replace("interrogation", "questioning")


def test_signature_is_deterministic_and_banded():
    values, bands = signature(UP)
    again, bands2 = signature(UP)
    assert values == again and bands == bands2
    assert len(values) == NUM_PERM and len(bands) == BANDS
    assert [b for b, _ in bands] == list(range(BANDS)) and all(len(k) == 16 for _, k in bands)
    assert all(0 <= v < 2 ** 32 for v in values)


def test_near_duplicate_shares_bands_and_is_found():
    up, up_bands = signature(UP)
    copy, copy_bands = signature(_edited(UP))
    wp, wp_bands = signature(WP)
    assert similarity(up, copy) > 0.85 and similarity(up, wp) < 0.2
    assert set(up_bands) & set(copy_bands) and not set(up_bands) & set(wp_bands)
    assert find_original(copy, [("wp", wp), ("up", up)], 0.8) == "up"
    assert find_original(wp, [("up", up)], 0.8) is None


def test_find_original_prefers_most_similar_then_earliest():
    a, _ = signature(UP)
    assert find_original(a, [("first", a), ("second", a)], 0.8) == "first"
    b, _ = signature(_edited(UP))
    assert find_original(a, [("edited", b), ("same", a)], 0.8) == "same"
    assert find_original(a, [], 0.8) is None
