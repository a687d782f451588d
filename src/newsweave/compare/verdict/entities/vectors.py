"""Name embeddings: the sentence-embedding model compares names (``matching.names_related``). The comparison's
embedder is set for the span of ``verdicts`` (``names_embedded_by``); rules called directly (tests, benchmarks) use
the default embedder, and without the embedding extra no name has a vector.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import numpy as np

from ....embed.embedders import remembers

_NAMES_EMBEDDER: ContextVar = ContextVar("names_embedder", default=None)


@contextmanager
def names_embedded_by(embedder):
    """Compare names with ``embedder`` (None: the default one) inside this block."""
    token = _NAMES_EMBEDDER.set(embedder)
    try:
        yield
    finally:
        _NAMES_EMBEDDER.reset(token)


def name_vector(name: str):
    """The name's embedding at unit length; None without an embedder, for an empty name or a zero vector."""
    model = _name_model()
    if model is None or not name:
        return None
    if remembers():  # the comparison keeps every vector it encodes (and may have them from the store)
        return _unit(model, name)
    return _embedded_name(model, name)


@lru_cache(maxsize=65536)
def _embedded_name(model, name: str):
    return _unit(model, name)


def _unit(model, name: str):
    v = np.asarray(model.encode([name])[0], dtype=np.float32)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else None


def _name_model():
    return _NAMES_EMBEDDER.get() or _default_name_model()


@lru_cache(maxsize=1)
def _default_name_model():
    from ....errors import MissingExtra

    try:
        from ....embed.embedders import get_embedder

        return get_embedder("auto")
    except (MissingExtra, ImportError, OSError):
        return None
