"""newsweave: read one story in many outlets; align claims, corroborate, flag conflicts."""
from __future__ import annotations

__version__ = "0.1.0"

from .models import Annotations, Article, Claim, Conflict, Fact, Story  # noqa: E402

__all__ = ["Annotations", "Article", "Claim", "Conflict", "Fact", "Story", "__version__", "compare_texts"]


def __getattr__(name: str):
    """Heavy entry points load lazily: ``newsweave.compare_texts(items)`` imports the compare stage on first use.

    ``newsweave.compare`` is the compare module (``newsweave.compare.compare(articles) -> Dossier``).
    """
    if name == "compare_texts":
        import importlib

        return importlib.import_module(".compare", __name__).compare_texts
    raise AttributeError(f"module 'newsweave' has no attribute {name!r}")
