"""Align claims across articles: blocking -> pair scores -> groups (facts), deterministically.

Blocking: nearest neighbours by embedding (exact top-k for small stories; sorted random projections, O(n log n),
for large ones) plus claims that share a structured key (a year, a number, an age, an entity), with bucket caps.
Scoring: the MSRP-trained same-fact probability on the clauses with their figures masked (statements that disagree
on a number are still about the same fact: the disagreement must not pull them apart), nudged by slot agreement
(compatible ages of the same person, shared years and numbers, a shared toll or magnitude). Grouping: best-first
merges of groups linked above ALIGN_THRESHOLD, only when every claim of one group is close to every claim of the
other (no chains: A ~ B and B ~ C does not put A with C unless A ~ C), never across claims that
``slotted.separate`` keeps apart (another event, another toll), and at most one claim per article in a group unless
the two claims of one article repeat each other (headline and body). Values are compared (conflicts) only across
links above the stricter CONFLICT_THRESHOLD (``conflict_links``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ...models import Claim
from .. import values
from . import crosslingual
from . import score as scoring

# Thresholds on the same-fact probability (bench/msrp.py fits the model). The MSRP regression is fitted on pairs of
# similar length: a headline or a short clause against a fuller sentence of another outlet, or a paraphrase in another
# order ("it exploded after officers took it inside" ~ "the device was moved inside at which time the bomb
# exploded"), falls just below 0.5. Groups form at ALIGN_THRESHOLD while values are compared (conflicts) only across
# links >= CONFLICT_THRESHOLD: a weaker link is enough to corroborate, not to call a disagreement.
ALIGN_THRESHOLD = 0.45
CONFLICT_THRESHOLD = 0.5
REPEAT_COSINE = 0.8
HEADLINE_REPEAT_COSINE = 0.35  # headlines are telegraphic: their cosine to the body claim they sum up is lower
EXACT_LIMIT = 1500  # up to this many claims, exact top-k neighbours
TOP_K = 8
MIN_COSINE = 0.25
BUCKET_CAP = 40
PROJECTIONS = 12
WINDOW = 6


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    score: float
    cosine: float


def claim_text(claim: Claim) -> str:
    """What the claim says: a list conjunct's reading, else its clause, else its sentence."""
    return claim.reading or claim.clause or claim.text


def embed_text(claim: Claim) -> str:
    from ..claims.clauses import core

    return core(claim_text(claim))


def candidates(claims: Sequence[Claim], vectors: np.ndarray) -> set[tuple[int, int]]:
    """Cross-article index pairs (i < j) worth scoring."""
    pairs = _neighbours(claims, vectors) | _shared_keys(claims)
    return {(i, j) for i, j in pairs if claims[i].article != claims[j].article}


def _neighbours(claims: Sequence[Claim], vectors: np.ndarray) -> set[tuple[int, int]]:
    n = len(claims)
    if n < 2:
        return set()
    if n <= EXACT_LIMIT:
        return _exact_neighbours(claims, vectors)
    return _projection_neighbours(vectors)


def _exact_neighbours(claims: Sequence[Claim], vectors: np.ndarray) -> set[tuple[int, int]]:
    sims = vectors @ vectors.T
    articles = np.array([c.article for c in claims])
    sims[articles[:, None] == articles[None, :]] = -2.0
    pairs = set()
    k = min(TOP_K, len(claims) - 1)
    top = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    for i, row in enumerate(top):
        for j in row:
            if sims[i, j] >= MIN_COSINE:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return pairs


def _projection_neighbours(vectors: np.ndarray) -> set[tuple[int, int]]:
    """Sorted-neighbourhood blocking on random projections: O(P * n log n)."""
    rng = np.random.default_rng(0)
    planes = rng.standard_normal((vectors.shape[1], PROJECTIONS)).astype(np.float32)
    keys = vectors @ planes
    pairs = set()
    for p in range(PROJECTIONS):
        order = np.argsort(keys[:, p], kind="stable")
        for offset in range(1, WINDOW + 1):
            for i, j in zip(order[:-offset], order[offset:]):
                pairs.add((min(int(i), int(j)), max(int(i), int(j))))
    return {(i, j) for i, j in pairs if float(vectors[i] @ vectors[j]) >= MIN_COSINE}


def slot_keys(claim: Claim) -> set[str]:
    keys = {f"y:{t.begin[:4]}" for t in claim.times if t.begin and t.granularity in ("year", "month", "season")}
    keys |= {f"n:{q.low:g}" for q in claim.quantities if q.low is not None and q.low >= 3}
    keys |= {"age" for _ in claim.ages}
    return keys


def _shared_keys(claims: Sequence[Claim]) -> set[tuple[int, int]]:
    buckets: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        for key in slot_keys(claim):
            buckets.setdefault(key, []).append(i)
    pairs = set()
    for members in buckets.values():
        if len(members) > BUCKET_CAP:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pairs.add((i, j))
    return pairs


_FIGURE = re.compile(r"\d+(?:[.,]\s?\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|"
                     r"dozens?|hundreds|thousands|millions)\b", re.I)


def masked(text: str) -> str:
    """The text with its figures (digits and number words) replaced by "#": what is compared for sameness."""
    return _FIGURE.sub("#", text)


def pair_score(a: Claim, b: Claim, cosine: float, mode: str = "auto") -> float:
    """Same-fact probability of two claims with their figures masked, adjusted by the agreement of their
    structured slots (``mode``: the same-fact scorer, Settings.same_fact)."""
    p = scoring.same_fact_probability(masked(embed_text(a)), masked(embed_text(b)), cosine, ignore_slots=True,
                                      mode=mode)
    return float(min(1.0, max(0.0, p + slot_adjustment(a, b))))


def slot_adjustment(a: Claim, b: Claim) -> float:
    bonus = 0.0
    for x in a.ages:
        for y in b.ages:
            if not values.same_person(a, x, b, y):
                return -0.5  # a document bearer's birth year is not the speaker's
            bonus = max(bonus, 0.45 if values.ages_compatible(x, y)[0] else -0.3)
    shared = slot_keys(a) & slot_keys(b)
    if any(k.startswith("y:") for k in shared):
        bonus += 0.1
    if any(k.startswith("n:") for k in shared):
        bonus += 0.1
    if _close_times_overlap(a, b):
        bonus += 0.15
    return bonus


def _close_times_overlap(a: Claim, b: Claim) -> bool:
    """Both claims name a time shorter than a year and the intervals overlap ("late last year" ~ "autumn 2024")."""
    for x in a.times:
        for y in b.times:
            if x.granularity in ("year", "decade") or y.granularity in ("year", "decade"):
                continue
            if values.time_interval(x) and values.time_interval(y) and values.times_compatible(x, y)[0]:
                return True
    return False


class PairScorer:
    """The text score of any two claims of the story (text probability + rare shared words), memoised: the
    candidate links are scored first; the grouping asks for the pairs blocking left out."""

    def __init__(self, claims: Sequence[Claim], vectors: np.ndarray, mode: str = "auto"):
        self.claims, self.vectors, self.mode = claims, vectors, mode
        self.bags = [content_stems(embed_text(c)) for c in claims]
        self.idf = _idf(self.bags)
        self.cache: dict[tuple[int, int], float] = {}

    def __call__(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in self.cache:
            a, b = key
            cosine = float(self.vectors[a] @ self.vectors[b])
            self.cache[key] = pair_score(self.claims[a], self.claims[b], cosine, self.mode) \
                + RARE_WEIGHT * _rare_overlap(self.bags[a], self.bags[b], self.idf)
        return self.cache[key]


def score_links(claims: Sequence[Claim], vectors: np.ndarray, encode=None, mode: str = "auto",
                scorer: PairScorer | None = None) -> list[Link]:
    """Scored candidate links: text probability + rare shared words (story IDF) + slots + mutual best match;
    with ``encode`` (the embedder's), links where one claim is contained in the other are lifted too."""
    scorer = scorer or PairScorer(claims, vectors, mode)
    bags = scorer.bags
    raw = []
    for i, j in sorted(candidates(claims, vectors)):
        raw.append((i, j, scorer(i, j), float(vectors[i] @ vectors[j])))
    best = _best_partners(claims, raw)
    links = []
    for i, j, base, cosine in raw:
        mutual = best.get((i, claims[j].article)) == j and best.get((j, claims[i].article)) == i
        links.append(Link(i, j, float(base + (MUTUAL_BONUS if mutual else 0.0)), cosine))
    return _with_containment(claims, vectors, links, bags, encode)


# --------------------------------------------------------------------------- containment (partial facts)

CONTAIN_COSINE = 0.68  # cosine (raw, like Link.cosine) of the shorter claim's gist to the longer claim
CONTAIN_MIN_COSINE = 0.45  # full-claim cosine below which containment is not tried
CONTAIN_SHARED = 2  # content stems the two claims must share
CONTAIN_COVER = 0.34  # share of the shorter gist's content stems found in the longer claim
CONTAIN_MORE = 3  # the longer claim has at least this many more content stems: it says more
_TRAILING_FRAME = re.compile(r",\s+(?:[^,;“\"]{1,60}?\s)?(?:said|says|wrote|writes|told|added|stated|reported|"
                             r"announced)\b.*$|,\s+according to\b.*$", re.I | re.S)


def gist(claim: Claim) -> str:
    """The claim's content without a trailing reporting frame and what follows it ("X, authorities said, where
    ..." -> "X"): what a shorter claim must share with a longer one to be contained in it."""
    text = embed_text(claim)
    cut = _TRAILING_FRAME.sub("", text)
    return cut if cut != text and len(cut.split()) >= 3 else text


def containment(short: set[str], long: set[str], cosine: float) -> bool:
    """The shorter claim is contained in the longer: most of its content words appear there, the embedding
    agrees, and the longer one says clearly more."""
    shared = len(short & long)
    return (cosine >= CONTAIN_COSINE and shared >= CONTAIN_SHARED and shared >= CONTAIN_COVER * len(short)
            and len(long) >= len(short) + CONTAIN_MORE)


def _with_containment(claims: Sequence[Claim], vectors: np.ndarray, links: list[Link], bags,
                      encode) -> list[Link]:
    """Lift links below CONFLICT_THRESHOLD where one claim is contained in the other (a partial fact) just above it:
    the two are grouped and their values compared."""
    weak = [l for l in links if l.score < CONFLICT_THRESHOLD and l.cosine >= CONTAIN_MIN_COSINE]
    if not weak or encode is None:
        return links
    gists = {i: gist(claims[i]) for l in weak for i in (l.a, l.b)}
    changed = sorted(i for i, g in gists.items() if g != embed_text(claims[i]))
    cut = dict(zip(changed, encode([gists[i] for i in changed]))) if changed else {}
    lifted = {}
    for l in weak:
        for s, g in ((l.a, l.b), (l.b, l.a)):
            if not slot_keys(claims[s]) <= slot_keys(claims[g]):
                continue
            cosine = float(cut.get(s, vectors[s]) @ vectors[g])
            if containment(content_stems(gists[s]), bags[g], cosine):
                lifted[(l.a, l.b)] = CONFLICT_THRESHOLD + 0.01
    return [Link(l.a, l.b, lifted.get((l.a, l.b), l.score), l.cosine) for l in links]


RARE_WEIGHT = 0.35
MUTUAL_BONUS = 0.1


def content_stems(text: str) -> set[str]:
    """The first six letters of each content word of the text (stopwords, short words and figures left out)."""
    return {t[:6] for t in scoring.tokens(text) if t not in scoring.STOPWORDS and len(t) > 2 and not t.isdigit()}


def _idf(bags: Sequence[set[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for bag in bags:
        for t in bag:
            df[t] = df.get(t, 0) + 1
    n = max(len(bags), 1)
    return {t: float(np.log((n + 1) / (d + 0.5))) for t, d in df.items()}


def _rare_overlap(a: set[str], b: set[str], idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    shared = sum(idf[t] for t in a & b)
    return shared / max(min(sum(idf[t] for t in a), sum(idf[t] for t in b)), 1e-9)


def _best_partners(claims: Sequence[Claim], raw) -> dict[tuple[int, str], int]:
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for i, j, score, _ in raw:
        for x, y in ((i, j), (j, i)):
            key = (x, claims[y].article)
            if key not in best or score > best[key][0]:
                best[key] = (score, y)
    return {k: v[1] for k, v in best.items()}


COHESION_FLOOR = 0.2  # every pair of claims in a group scores at least this (no chains)
COHESION_MEAN = 0.4  # and the pairs across two merging groups score this on average


def group(claims: Sequence[Claim], links: Sequence[Link], vectors: np.ndarray,
          threshold: float = ALIGN_THRESHOLD, score=None, apart=None, together=None) -> list[list[int]]:
    """Best-first merges along links above threshold; groups hold one claim per article except repeats. With
    ``score`` (i, j -> text score) two groups merge only when their claims are close across the board
    (``cohesive``; ``together`` replaces that test); ``apart`` (i, j -> bool) names pairs that never share a
    group."""
    together = together or cohesive
    linked = {(l.a, l.b): l.score for l in links}
    pair = (lambda i, j: linked.get((min(i, j), max(i, j))) or score(i, j)) if score else None
    parent = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ordered = sorted((l for l in links if l.score >= threshold), key=lambda l: (-l.score, l.a, l.b))
    for link in ordered:
        ra, rb = find(link.a), find(link.b)
        if ra == rb or not _compatible_groups(claims, members[ra], members[rb], vectors):
            continue
        if apart is not None and any(apart(i, j) for i in members[ra] for j in members[rb]):
            continue
        if pair is not None and not together(members[ra], members[rb], pair):
            continue
        parent[rb] = ra
        members[ra] = sorted(members[ra] + members.pop(rb))
    return sorted(members.values(), key=lambda g: (g[0], len(g)))


def cohesive(left: Sequence[int], right: Sequence[int], score) -> bool:
    """Every claim of one group is close enough to every claim of the other, and the pairs are close on average:
    a group grows only by claims about what all its claims say."""
    if len(left) == len(right) == 1:
        return True
    scores = [score(i, j) for i in left for j in right]
    return min(scores) >= COHESION_FLOOR and sum(scores) / len(scores) >= COHESION_MEAN


def _compatible_groups(claims, left: list[int], right: list[int], vectors: np.ndarray) -> bool:
    for i in left:
        for j in right:
            if claims[i].article == claims[j].article and not _repeat(claims[i], claims[j], vectors[i] @ vectors[j]):
                return False
    return True


def _repeat(a: Claim, b: Claim, cosine: float) -> bool:
    """Two claims of one article that may share a fact: the outlet repeats itself (headline and body). A quote
    and the outlet's own words in the body are kept apart (a quoted statement's fact holds the quotes); a headline
    or standfirst may sum up a quote ("taken to Kyiv for questioning, authorities said" ~ Zelensky's quote)."""
    headline = a.is_headline or b.is_headline
    if a.quote != b.quote and not headline:
        return False
    return headline and cosine >= HEADLINE_REPEAT_COSINE or cosine >= REPEAT_COSINE


def conflict_links(claims: Sequence[Claim], links: Sequence[Link]) -> set[frozenset[str]]:
    """Claim-id pairs linked strongly enough (CONFLICT_THRESHOLD) for their values to be compared."""
    return {frozenset((claims[l.a].id, claims[l.b].id)) for l in links if l.score >= CONFLICT_THRESHOLD}


def link_claims(claims: Sequence[Claim], embedder, same_fact: str = "auto", vectors: np.ndarray | None = None,
                multilingual=None) -> tuple[list[Link], np.ndarray, PairScorer]:
    """The scored links between the claims, their vectors (``vectors``: when already computed, not encoded again),
    and the scorer that scores any other pair on demand. With claims not in English and a ``multilingual``
    embedder, their pairs are scored by ``crosslingual`` (English pairs as before)."""
    if vectors is None:
        vectors = embedder.encode([embed_text(c) for c in claims]) if claims else np.zeros((0, 384), np.float32)
    scorer = PairScorer(claims, vectors, same_fact)
    links = score_links(claims, vectors, embedder.encode, same_fact, scorer)
    if multilingual is not None and crosslingual.needs_multilingual(claims):
        links = [l for l in links if crosslingual.english(claims[l.a]) and crosslingual.english(claims[l.b])]
        shared = multilingual.encode([claim_text(c) for c in claims])
        links += [Link(i, j, score, cosine) for i, j, score, cosine in crosslingual.links(claims, shared, slot_adjustment)]
    return links, vectors, scorer


def align(claims: Sequence[Claim], embedder, same_fact: str = "auto",
          multilingual=None) -> tuple[list[list[int]], list[Link], np.ndarray]:
    """Groups of claim indices (text groups, without chains), the scored links, and the claim vectors."""
    links, vectors, scorer = link_claims(claims, embedder, same_fact, multilingual=multilingual)
    return group(claims, links, vectors, score=scorer), links, vectors
