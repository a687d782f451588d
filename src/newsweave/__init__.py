"""newsweave: read one story in many outlets; align claims, corroborate, flag conflicts.

``newsweave.compare_texts(items)`` compares plain dicts (loaded on first use); ``newsweave.compare`` is the
comparison package (``compare(articles) -> Dossier``); ``newsweave.pipeline.add_sources`` is the per-article flow.
"""
from __future__ import annotations

from .config import VERSION as __version__
from .models import Annotations, Article, Claim, Conflict, Fact, Story

__all__ = ["Annotations", "Article", "Claim", "Conflict", "Fact", "Story", "__version__", "compare_texts"]


def __getattr__(name: str):
    if name == "compare_texts":
        from .compare import compare_texts

        return compare_texts
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
