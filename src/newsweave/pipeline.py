"""The whole journey, wired: ingest -> normalize -> prepared claims -> store -> cluster (stories); compare runs per
story, from the claims prepared here (``prepared.py``).

Stages are pure; this module only calls them in order and hands their records to the store.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
import logging
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from . import ingest, normalize, prepared
from .errors import IngestError, MissingExtra
from .models import Annotations, Article, ArticleClaims
from .config import Settings
from .store import Store
from .stories import assign_stories

log = logging.getLogger(__name__)


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
                progress: Callable[[str], None] | None = None, analyze: bool = True,
                prepare: bool = True) -> AddSummary:
    """Ingest -> normalise -> prepare claims -> store (article, annotations and claims in one transaction) ->
    assign stories.

    Bad inputs are reported, not fatal; articles already stored are counted as duplicates. ``prepare`` false leaves
    the claims to the first dossier (a store used for one comparison only).
    """
    added, errors, duplicates, copies = [], [], 0, 0
    items = ingest.load(sources, settings, meta_file=meta_file, overrides=overrides, on_input=progress)
    for batch in _batches(items, BATCH):
        errors += [str(item) for item in batch if isinstance(item, IngestError)]
        fresh = _unique_new(store, [item for item in batch if isinstance(item, Article)])
        duplicates += sum(isinstance(item, Article) for item in batch) - len(fresh)
        for article, annotations in zip(fresh, _annotate(fresh, analyze)):
            claims = prepared.prepare([article], [annotations], settings)[0] if prepare else None
            article, stored = _store_article(store, article, annotations, claims, settings)
            if not stored:
                duplicates += 1
                continue
            added.append(article.id)
            copies += article.copy_of is not None
    if added:
        _assign_stories(store, added, settings)
    return AddSummary(len(added), duplicates, copies, tuple(errors), tuple(added))


BATCH = 16


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _unique_new(store: Store, articles: list[Article]) -> list[Article]:
    """Articles not stored yet, first occurrence only (so no work is spent on duplicates)."""
    seen: set[str] = set()
    fresh = []
    for article in articles:
        if article.id in seen or store.has_article(article.id):
            continue
        seen.add(article.id)
        fresh.append(article)
    return fresh


def _annotate(articles: list[Article], analyze: bool) -> list[Annotations | None]:
    """Normalise a batch; without the nlp extra the articles are stored unannotated (and said so once)."""
    if not analyze or not articles:
        return [None] * len(articles)
    try:
        return normalize.normalize_many(articles)
    except MissingExtra as exc:
        _warn_once(f"articles stored without annotations: {exc}")
        return [None] * len(articles)


def _assign_stories(store: Store, article_ids: list[str], settings: Settings) -> None:
    with store.transaction():  # stories and the clusterer's state land together or not at all
        assign_stories(store, article_ids, settings)


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        log.warning(message)


def _store_article(store: Store, article: Article, annotations: Annotations | None, claims: ArticleClaims | None,
                   settings: Settings) -> tuple[Article, bool]:
    """Link a near-duplicate to its original, then insert the article, its annotations and its prepared claims
    atomically."""
    minhash, bands = ingest.signature(article.text)
    candidates = [c for c in store.copy_candidates(bands) if c[0] != article.id]
    original = ingest.find_original(minhash, candidates, settings.near_duplicate_threshold)
    if original is not None:
        article = replace(article, copy_of=store.get_article(original).copy_of or original)
    with store.transaction():
        stored = store.add_article(article, minhash, bands)
        if stored and annotations is not None:
            store.save_annotations(annotations)
        if stored and claims is not None:
            store.save_article_claims(claims)
    return article, stored
