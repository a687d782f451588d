"""The per-story comparison: claims -> align (facts) -> verdict -> a dossier.

``compare(articles)`` returns a ``Dossier`` whose ``to_dict()`` is the JSON contract ``newsweave.dossier/2``
(docs/dossier.md); ``compare_texts(items)`` does the same from plain dicts. Sub-packages, each importing only the
ones before it: ``claims`` (checkable clauses with their slots and grammar), ``values`` (how two ages, dates or
numbers compare), ``align`` (claims of different outlets grouped into facts), ``verdict`` (corroborated, single
source, conflicting, with the reason).
"""
from __future__ import annotations

from .dossier import SCHEMA, Dossier, StoryDossier
from .story import article_from_item, compare, compare_texts

__all__ = ["SCHEMA", "Dossier", "StoryDossier", "article_from_item", "compare", "compare_texts"]
