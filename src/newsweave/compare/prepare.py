"""One article's part of the comparison, computed ahead: its claims, and the parses and embeddings of the texts
the comparison reads of them (``ArticleClaims``). ``newsweave add`` keeps them in the store, so a story's
dossier starts from them instead of parsing and embedding every claim again.

``prepare_claims`` extracts the claims, then rehearses what the comparison does to each claim on its own (the
text the aligner embeds, the clause the rules parse, the pieces a partial fact compares, the names the entity
rule embeds) with the parser and the embedder remembering what they compute. ``remembering`` hands that back to
them for a comparison: a text found there is not parsed or embedded again; any other is, as before. A parse or
an embedding depends on its text only, so the dossier is the same either way.
"""
from __future__ import annotations

from contextlib import ExitStack, contextmanager
from typing import Iterable, Iterator

import numpy as np

from ..embed import Embedder
from ..embed import embedders
from ..errors import MissingExtra
from ..models import Annotations, Article, ArticleClaims, Claim
from .align.group import claim_text, embed_text, gist
from .align.partial import _assertion, chunks
from .claims import clauses, extract_claims
from .claims.roles import parse
from .verdict.entities import names_embedded_by
from .verdict.entities.mentions import names_of
from .verdict.entities.vectors import name_vector


def prepare_claims(article: Article, annotations: Annotations, model: Embedder) -> ArticleClaims:
    """The article's claims (``annotations`` completed as ``compare`` completes them) with the parses and vectors
    of their texts; ``stamp`` left empty."""
    parses: dict = {}
    vectors: dict[str, dict[str, np.ndarray]] = {}
    with clauses.remembering(parses), embedders.remembering(vectors), names_embedded_by(model):
        _parse_all(s.text for s in annotations.sentences)  # what the clause splitter reads
        claims = extract_claims(article, annotations)
        _rehearse(claims, model)
    known = vectors.get(model.name, {})
    texts = sorted(known)
    rows = np.stack([known[t] for t in texts]).astype(np.float32) if texts else np.zeros((0, 0), np.float32)
    return ArticleClaims(article_id=article.id, stamp="", claims=claims, embedder=model.name,
                         embedded=tuple(texts), vectors=rows.tobytes(),
                         parses=clauses.pack(parses[t] for t in sorted(parses)) if parses else b"")


def _rehearse(claims: tuple[Claim, ...], model: Embedder) -> None:
    """What the comparison parses and embeds of each claim on its own, in batches."""
    _parse_all([claim_text(c) for c in claims] + [c.clause or c.text for c in claims])
    model.encode([embed_text(c) for c in claims])  # the aligner's text ("core" reads the clause's parse)
    model.encode([gist(c) for c in claims])  # containment compares the gist
    pieces = sorted({p for c in claims for p in chunks(claim_text(c))})
    _parse_all(pieces)
    model.encode(pieces)  # partial facts compare the pieces that say something
    for piece in pieces:
        _assertion(piece)
    names = sorted({name.text.strip() for c in claims for name in names_of(c)} - {""})
    model.encode(names)  # the entity rule compares names by their embeddings
    for c in claims:
        parse(c.clause or c.text)  # the conflict rules read the clause's parse
        parse(c.text)
        for name in names_of(c):
            name_vector(name.text.strip())


def _parse_all(texts) -> None:
    try:
        clauses.parse_all(texts)
    except (MissingExtra, OSError):  # without spaCy nothing is parsed
        pass


@contextmanager
def remembering(prepared: Iterable[ArticleClaims]) -> Iterator[None]:
    """Inside this block the parser and the embedders answer from the prepared parses and vectors first."""
    parses: dict = {}
    vectors: dict[str, dict[str, np.ndarray]] = {}
    for item in prepared:
        parses.update(clauses.unpack(item.parses))
        vectors.setdefault(item.embedder, {}).update(_vectors(item))
    with ExitStack() as stack:
        stack.enter_context(clauses.remembering(parses))
        stack.enter_context(embedders.remembering(vectors))
        yield


def _vectors(item: ArticleClaims) -> dict[str, np.ndarray]:
    if not item.embedded:
        return {}
    rows = np.frombuffer(item.vectors, dtype=np.float32).reshape(len(item.embedded), -1)
    return dict(zip(item.embedded, rows))
