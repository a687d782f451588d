"""newsweave: read one story in many outlets; align claims, corroborate, flag conflicts."""
from __future__ import annotations

__version__ = "0.1.0"

from .models import Annotations, Article, Claim, Conflict, Fact, Story  # noqa: E402

__all__ = ["Annotations", "Article", "Claim", "Conflict", "Fact", "Story", "__version__"]
