"""The whole journey, wired: ingest -> (normalize -> cluster -> ...) -> store.

Stages are pure; this module only calls them in order and hands their records to the store.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Mapping, Sequence

from . import ingest
from .errors import IngestError
from .models import Article
from .settings import Settings
from .store import Store


@dataclass(frozen=True)
class AddSummary:
    added: int = 0
    duplicates: int = 0
    copies: int = 0
    errors: tuple[str, ...] = ()  # one line each: "<file, URL or WARC record>: <reason>"
    article_ids: tuple[str, ...] = ()  # ids of the articles added, in order

    def line(self) -> str:
        return (f"added {self.added}, duplicates {self.duplicates}, copies {self.copies}, "
                f"errors {len(self.errors)}")


def add_sources(store: Store, sources: Sequence[str], settings: Settings, *, meta_file: str | None = None,
                overrides: Mapping[str, str] | None = None,
                progress: Callable[[str], None] | None = None) -> AddSummary:
    """Ingest every source into the store, one transaction per article; bad inputs are reported, not fatal."""
    added, errors, duplicates, copies = [], [], 0, 0
    for item in ingest.load(sources, settings, meta_file=meta_file, overrides=overrides, on_input=progress):
        if isinstance(item, IngestError):
            errors.append(str(item))
            continue
        article, stored = _store_article(store, item, settings)
        if not stored:
            duplicates += 1
            continue
        added.append(article.id)
        copies += article.copy_of is not None
        # --- later stages (lead wires these): per added article
        # annotations = normalize.annotate(article); store.save_annotations(annotations)
        # stories.assign(store, article, annotations)
    return AddSummary(len(added), duplicates, copies, tuple(errors), tuple(added))


def _store_article(store: Store, article: Article, settings: Settings) -> tuple[Article, bool]:
    """Link a near-duplicate to its original, then insert atomically; False when already stored."""
    if store.has_article(article.id):
        return article, False
    minhash, bands = ingest.signature(article.text)
    candidates = [c for c in store.copy_candidates(bands) if c[0] != article.id]
    original = ingest.find_original(minhash, candidates, settings.near_duplicate_threshold)
    if original is not None:
        article = replace(article, copy_of=store.get_article(original).copy_of or original)
    return article, store.add_article(article, minhash, bands)
