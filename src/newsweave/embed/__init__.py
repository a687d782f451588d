"""Sentence embedders shared by the story clusterer and the comparison: one interface, loaded once per process."""
from __future__ import annotations

from .embedders import Embedder, get_embedder

__all__ = ["Embedder", "get_embedder"]
