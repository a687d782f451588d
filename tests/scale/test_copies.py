"""Copies decided for the whole input at once (pairs by band key, best earlier match, chains) equal the links ``add``
makes one article at a time against the store (``ingest.find_original`` over ``copy_candidates``)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from newsweave.ingest.dedup import BANDS, ROWS, band_keys, find_original
from newsweave.scale.copies import first_band, pairs, rank, resolve

THRESHOLD = 0.8


def sequential(signatures: list[list[int]]) -> dict[str, str]:
    """What ``add`` links: each article against the earlier ones sharing a band, candidates in the store's order
    (by band, then arrival); a copy of a copy points at the first original."""
    stored: list[tuple[str, list[int], list[tuple[int, str]]]] = []
    links: dict[str, str] = {}
    for i, values in enumerate(signatures):
        bands = band_keys(values)
        candidates: dict[str, list[int]] = {}
        for band in bands:
            for other, other_values, other_bands in stored:
                if band in other_bands and other not in candidates:
                    candidates[other] = other_values
        original = find_original(values, list(candidates.items()), THRESHOLD)
        if original is not None:
            links[f"a{i}"] = links.get(original, original)
        stored.append((f"a{i}", values, bands))
    return links


def all_at_once(signatures: list[list[int]]) -> dict[str, str]:
    """The Spark job's steps, in plain Python."""
    groups: dict[tuple[int, str], list] = {}
    for i, values in enumerate(signatures):
        for band in band_keys(values):
            groups.setdefault(band, []).append(((i, 0), f"a{i}"))
    shared: dict[tuple[str, str], tuple] = {}
    for (band, _), members in sorted(groups.items()):
        for pair, value in pairs(band, members):
            shared[pair] = first_band(shared[pair], value) if pair in shared else value
    best: dict[str, tuple] = {}
    for (later, earlier), (band, position) in shared.items():
        key = rank(signatures[int(later[1:])], signatures[int(earlier[1:])], band, position, THRESHOLD)
        if key is not None and (later not in best or (*key, earlier) < best[later]):
            best[later] = (*key, earlier)
    return resolve({a: ((int(a[1:]), 0), ranked[3]) for a, ranked in best.items()})


def _variant(base: list[int], changes: list[tuple[int, int]]) -> list[int]:
    values = list(base)
    for index, value in changes:
        values[index % len(values)] = value
    return values


signature_sets = st.lists(st.integers(0, 3), min_size=1, max_size=3).flatmap(
    lambda families: st.lists(
        st.tuples(st.sampled_from(range(len(families))),
                  st.lists(st.tuples(st.integers(0, 127), st.integers(0, 5)), max_size=40)),
        min_size=2, max_size=14))


@settings(max_examples=150, deadline=None)
@given(signature_sets)
def test_links_equal_the_one_at_a_time_links(drawn):
    bases = [[(f * 7919 + k * 104729) % 4_294_967_311 for k in range(BANDS * ROWS)] for f in range(4)]
    signatures = [_variant(bases[family], changes) for family, changes in drawn]
    assert all_at_once(signatures) == sequential(signatures)


def test_ties_go_to_the_lower_band_then_the_earlier_arrival():
    base = list(range(128))
    near_a = _variant(base, [(0, 999)] + [(k, 1000 + k) for k in range(100, 120)])
    near_b = _variant(base, [(4, 999)] + [(k, 2000 + k) for k in range(100, 120)])
    # the third shares band 0 only with near_b, band 1 only with near_a, at the same similarity
    signatures = [near_a, near_b, _variant(base, [(0, 999)] + [(k, 3000 + k) for k in range(100, 120)])]
    assert all_at_once(signatures) == sequential(signatures)


def test_a_chain_of_copies_points_at_the_first_original():
    assert resolve({"b": ((0, 1), "a"), "c": ((0, 2), "b"), "d": ((1, 0), "c")}) == {"b": "a", "c": "a", "d": "a"}
