"""The whole journey, wired: ingest -> normalize -> store -> cluster (stories); compare runs per story.

Stages are pure; this module only calls them in order and hands their records to the store.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
import logging
import re
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from . import ingest, normalize
from .embed.embedders import MULTILINGUAL, get_embedder
from .embed.translation import is_translation
from .normalize.sentences import split_sentences
from .errors import IngestError, MissingExtra
from .models import Annotations, Article
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
                progress: Callable[[str], None] | None = None, analyze: bool = True) -> AddSummary:
    """Ingest -> normalise -> store (article and annotations in one transaction) -> assign stories.

    Bad inputs are reported, not fatal; articles already stored are counted as duplicates.
    """
    added, errors, duplicates, copies = [], [], 0, 0
    items = ingest.load(sources, settings, meta_file=meta_file, overrides=overrides, on_input=progress)
    for batch in _batches(items, BATCH):
        errors += [str(item) for item in batch if isinstance(item, IngestError)]
        fresh = _unique_new(store, [item for item in batch if isinstance(item, Article)])
        duplicates += sum(isinstance(item, Article) for item in batch) - len(fresh)
        for article, annotations in zip(fresh, _annotate(fresh, analyze)):
            article, stored = _store_article(store, article, annotations, settings)
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


TRANSLATION_DAYS = 3  # a translation is published within this many days of its original
TRANSLATION_CANDIDATES = 50  # stored articles in other languages it is checked against, latest first


def _translated_from(store: Store, article: Article, annotations: Annotations | None) -> str | None:
    """The stored article in another language that ``article`` translates (sentence by sentence), or None. Only
    stores holding articles in other languages pay for the check (the multilingual embedder)."""
    if not article.language:
        return None
    candidates = store.translation_candidates(article.language, article.published, TRANSLATION_DAYS,
                                              TRANSLATION_CANDIDATES)
    if not candidates:
        return None
    try:
        embedder = get_embedder(MULTILINGUAL)
    except MissingExtra as exc:
        _warn_once(f"translations not linked to their originals: {exc}")
        return None
    own = _sentences(article, annotations)
    for candidate in candidates:
        if _may_translate(article.text, candidate.text) and is_translation(own, _sentences(candidate, store.get_annotations(candidate.id)), embedder):
            return candidate.id
    return None


_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


def _may_translate(a: str, b: str) -> bool:
    """A cheap first look: a translation is about as long as its original and keeps its figures."""
    if not 0.5 <= (len(a) + 1) / (len(b) + 1) <= 2.0:
        return False
    fa, fb = set(_FIGURE.findall(a)), set(_FIGURE.findall(b))
    return min(len(fa), len(fb)) < 2 or len(fa & fb) >= 0.5 * min(len(fa), len(fb))


def _sentences(article: Article, annotations: Annotations | None) -> list[str]:
    if annotations is not None and annotations.sentences:
        return [s.text for s in annotations.sentences]
    return [s.text for s in split_sentences(article.text, article.title)]


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        log.warning(message)


def _store_article(store: Store, article: Article, annotations: Annotations | None,
                   settings: Settings) -> tuple[Article, bool]:
    """Link a near-duplicate or a translation to its original, then insert article and annotations atomically."""
    minhash, bands = ingest.signature(article.text)
    candidates = [c for c in store.copy_candidates(bands) if c[0] != article.id]
    original = ingest.find_original(minhash, candidates, settings.near_duplicate_threshold)
    if original is None:
        original = _translated_from(store, article, annotations)
    if original is not None:
        article = replace(article, copy_of=store.get_article(original).copy_of or original)
    with store.transaction():
        stored = store.add_article(article, minhash, bands)
        if stored and annotations is not None:
            store.save_annotations(annotations)
    return article, stored
