"""Partial facts: what each claim of a fact says that the other outlets' claims do not.

A claim is cut into pieces (at commas, colons, dashes and clause conjunctions; reporting frames such as "the SBU
said" dropped). A piece is covered by the other outlets when most of its content words appear in their claims
or its embedding is close to one of their claims or pieces. A fact is partial when one outlet's claims leave
pieces uncovered while another outlet's claims are wholly covered: the first outlet says more, and its uncovered
pieces (with a verb and two content words or more) are what it adds. Embeddings are computed only for pieces the
word check leaves open.
"""
from __future__ import annotations

import re
from typing import Mapping, Sequence

import numpy as np

from ...models import Claim
from .group import claim_text, content_stems

CHUNK_COSINE = 0.5  # calibrated cosine above which a piece says what another outlet's claim or piece says
LEXICAL_COVER = 0.5  # share of a piece's content stems found in the other outlets' claims
MIN_ADDED_STEMS = 2  # an addition worth mentioning holds at least this many content words

_CUT = re.compile(r"\s*[,;:—–]\s+|\s+(?=(?:and|but|where|while|although|though|because|whereas|after|before)\s)",
                  re.I)
_FRAME = re.compile(r"^(?:[\w’'.-]+\s+){0,5}?(?:said|says|wrote|writes|told|added|stated|states|reported|claimed|"
                    r"announced)\b(?:\s+[\w’'.-]+){0,4}[\s.”\"]*$|^according to\b", re.I)
_LEAD = re.compile(r"^(?:and|but|so|then)\s+", re.I)


def chunks(text: str) -> list[str]:
    """The pieces of a claim's text that carry content (frames and empty pieces dropped), in order."""
    out = []
    for piece in _CUT.split(text):
        piece = _LEAD.sub("", piece.strip(" ,.;:“”\"'"))
        if piece and not _FRAME.match(piece) and content_stems(piece):
            out.append(piece)
    return out


def what_each_adds(groups: Sequence[Sequence[Claim]], embedder,
                   claim_vectors: Mapping[str, np.ndarray] | None = None) -> dict[str, str]:
    """Claim id -> the words it adds ("; "-joined pieces) for every claim that says more in a partial fact.
    ``claim_vectors`` (claim id -> the aligner's vector) saves re-encoding the claims. Two translations of one
    quote (every claim a quote) are not partial."""
    multi = [g for g in groups if len({c.outlet for c in g}) >= 2 and not all(c.quote for c in g)]
    known = dict(claim_vectors or {})
    texts = sorted({claim_text(c) for g in multi for c in g if c.id not in known})
    by_text = dict(zip(texts, embedder.encode(texts))) if texts else {}
    known.update({c.id: by_text[claim_text(c)] for g in multi for c in g if c.id not in known})
    checks = [(g, {c.id: _lexical(c, g) for c in g}) for g in multi]
    pending = sorted({p for _, found in checks for _, open_ in found.values() for p in open_})
    pieces = dict(zip(pending, embedder.encode(pending))) if pending else {}
    adds: dict[str, str] = {}
    for g, found in checks:
        adds.update(_group_adds(g, found, embedder, known, pieces))
    return adds


def _lexical(claim: Claim, group: Sequence[Claim]) -> tuple[bool, list[str]]:
    """(a piece is covered by the other outlets' words, the pieces the embedding must still judge)."""
    theirs = set().union(*(content_stems(claim_text(o)) for o in group if o.outlet != claim.outlet))
    mine = chunks(claim_text(claim))
    covered = [len(content_stems(p) & theirs) >= LEXICAL_COVER * len(content_stems(p)) for p in mine]
    return any(covered), [p for p, ok in zip(mine, covered) if not ok and (not any(covered) or _assertion(p))]


def _group_adds(group: Sequence[Claim], found, embedder, claims: Mapping[str, np.ndarray],
                pieces: Mapping[str, np.ndarray]) -> dict[str, str]:
    missing = {c.id: _missing(c, group, *found[c.id], embedder, claims, pieces) for c in group}
    by_outlet: dict[str, list[str]] = {}
    for c in group:
        by_outlet.setdefault(c.outlet, []).extend(missing[c.id])
    says_less = {o for o, extra in by_outlet.items() if not extra}
    fuller = {o for o, extra in by_outlet.items() if extra and says_less - {o}}
    return {c.id: "; ".join(missing[c.id]) for c in group if c.outlet in fuller and missing[c.id]}


def _missing(claim: Claim, group: Sequence[Claim], shared: bool, open_: list[str], embedder,
             claims: Mapping[str, np.ndarray], pieces: Mapping[str, np.ndarray]) -> list[str]:
    """Pieces of the claim no other outlet's claim covers; none when no piece is covered (aligned on slots)."""
    if not open_:
        return []
    others = np.stack([claims[o.id] for o in group if o.outlet != claim.outlet])
    sims = embedder.similarity(np.stack([pieces[p] for p in open_]), others).max(axis=1)
    close = {p for p, sim in zip(open_, sims) if float(sim) >= CHUNK_COSINE}
    if not shared and not close:
        return []
    return [p for p in open_ if p not in close and _assertion(p)]


def _assertion(piece: str) -> bool:
    """A piece worth reporting as an addition: two content words or more and a verb ("Notably", "During the
    interrogation" and bare noun phrases are framing, not content)."""
    if len(content_stems(piece)) < MIN_ADDED_STEMS:
        return False
    try:
        from ..claims.clauses import parsed

        return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in parsed(piece))
    except Exception:  # noqa: BLE001 - without the parser, any piece with content counts
        return True
