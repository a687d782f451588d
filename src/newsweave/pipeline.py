"""The whole journey, wired: ingest -> normalize -> prepared claims -> store -> cluster (stories); compare runs per
story, from the claims prepared here (``prepared.py``).

Stages are pure; this module only calls them in order and hands their records to the store.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
import logging
import re
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from . import changes, ingest, normalize, prepared
from .embed.embedders import MULTILINGUAL, get_embedder
from .embed.translation import is_translation
from .normalize.sentences import split_sentences
from .errors import IngestError, MissingExtra
from .models import Annotations, Article, ArticleClaims, Story
from .config import Settings
from .store import Store
from . import stories

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AddSummary:
    added: int = 0
    duplicates: int = 0
    copies: int = 0
    errors: tuple[str, ...] = ()  # one line each: "<file, URL or WARC record>: <reason>"
    article_ids: tuple[str, ...] = ()  # ids of the articles added, in order
    warnings: tuple[str, ...] = ()  # one line each, for articles added with a doubt (an outlet nothing named)

    def line(self) -> str:
        return (f"added {self.added}, duplicates {self.duplicates}, copies {self.copies}, "
                f"errors {len(self.errors)}")


def add_sources(store: Store, sources: Sequence[str], settings: Settings, *, meta_file: str | None = None,
                overrides: Mapping[str, str] | None = None,
                progress: Callable[[str], None] | None = None, analyze: bool = True,
                on_error: Callable[[str], None] | None = None, prepare: bool = True) -> AddSummary:
    """Ingest -> normalise -> prepare claims -> store (a batch's articles, annotations and claims in one
    transaction) -> assign stories.

    Stories are assigned from what the store holds, not from what this run remembers: every stored article in no
    story yet is assigned, in arrival order, once its block of ``settings.assign_every`` arrivals is complete and
    at the end of the run (stories and the clusterer's state in one transaction). A run killed at any point thus
    leaves nothing that the next run does not pick up, and the clusterer's state is restored at the same places
    as in a run that was never killed, so the stories come out the same.

    Bad inputs are reported (each also to ``on_error`` as it is found), not fatal; articles already stored are
    counted as duplicates. ``prepare`` false leaves the claims to the first dossier (a store used for one
    comparison only).
    """
    items = ingest.load(sources, settings, meta_file=meta_file, overrides=overrides, on_input=progress)
    return add_items(store, items, settings, analyze=analyze, on_error=on_error, prepare=prepare)


def add_items(store: Store, items: Iterable[Article | IngestError], settings: Settings, *,
              analyze: bool = True, on_error: Callable[[str], None] | None = None,
              prepare: bool = True) -> AddSummary:
    """``add_sources`` for articles already read (``ingest.load`` or a feed poll): errors reported, the rest
    normalised, stored in batches and assigned to stories; the changes (new stories, new articles) recorded."""
    added, errors, warnings, duplicates, copies = [], [], [], 0, 0
    changed = assign_due_stories(store, settings)
    for batch in _batches(_noting_errors(items, errors, on_error), BATCH):
        fresh = _unique_new(store, [item for item in batch if isinstance(item, Article)])
        duplicates += sum(isinstance(item, Article) for item in batch) - len(fresh)
        annotations = _annotate(fresh, analyze)
        claims = prepared.prepare(fresh, annotations, settings) if prepare else [None] * len(fresh)
        stored = _store_batch(store, fresh, annotations, claims, settings)
        duplicates += len(fresh) - len(stored)
        added += [article.id for article in stored]
        copies += sum(article.copy_of is not None for article in stored)
        warnings += [_unknown_outlet_warning(a) for a in stored if ingest.outlet_unknown(a)]
        if stored:
            changed += assign_due_stories(store, settings)
    changed += assign_due_stories(store, settings, final=True)
    if added:
        latest = list({story.id: story for story in changed}.values())
        refs = {r["id"]: r for r in store.article_refs(added)}
        changes.record(store, changes.story_changes(latest, added, refs))
    return AddSummary(len(added), duplicates, copies, tuple(errors), tuple(added), tuple(warnings))


def _unknown_outlet_warning(article: Article) -> str:
    return (f"{article.path or article.url or article.id}: no outlet given or found (no metadata, site name or URL); "
            f"counted as its own source, {article.outlet!r}: give --outlet, a meta.json beside it or --meta")


def assign_due_stories(store: Store, settings: Settings, final: bool = False) -> list[Story]:
    """Assign the stored articles in no story, one block of ``assign_every`` arrivals at a time: the complete
    blocks, and with ``final`` the last, incomplete one too. The stories written, in the order written."""
    every = max(1, settings.assign_every)
    written: list[Story] = []
    while ids := _due_block(store, every, final):
        written += _assign_block(store, ids, settings)
    return written


def _due_block(store: Store, every: int, final: bool) -> list[str]:
    """The ids of the earliest block holding articles in no story, once that block is complete (or ``final``)."""
    pending = store.unassigned_articles()
    if not pending:
        return []
    block = (pending[0][1] - 1) // every
    if not final and store.last_seq() < (block + 1) * every:
        return []
    return [i for i, seq in pending if (seq - 1) // every == block]


def _assign_block(store: Store, ids: list[str], settings: Settings) -> list[Story]:
    """Place the block's articles with no write lock held (readers and the other writers go on), then write the
    stories and the clusterer's state in one short transaction, unless another writer changed that state or
    assigned these articles meanwhile: then nothing is written, and the caller plans again from the store."""
    before = store.get_cluster_state(stories.STATE_NAME)
    state = stories.load_state(store, settings, before or b"")
    stories.place(state, store, ids)
    with store.transaction():
        waiting = {i for i, _ in store.unassigned_articles()}
        if store.get_cluster_state(stories.STATE_NAME) != before or not waiting.issuperset(ids):
            return []
        written = stories.flush(store, state)
        stories.save_state(store, state)
    return written


def _noting_errors(items: Iterable, errors: list[str], on_error: Callable[[str], None] | None) -> Iterator:
    """The items, each error also noted (and told to ``on_error``) the moment it passes."""
    for item in items:
        if isinstance(item, IngestError):
            errors.append(str(item))
            if on_error:
                on_error(str(item))
        yield item


BATCH = 16  # items per batch: the unit of work that commits together


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
    """Normalise a batch, parsed in groups of at most ANNOTATE_CHARS characters (the parser's memory grows with
    the text it holds at once); without the nlp extra the articles are stored unannotated (and said so once)."""
    if not analyze or not articles:
        return [None] * len(articles)
    try:
        return [ann for group in _by_length(articles, ANNOTATE_CHARS) for ann in normalize.normalize_many(group)]
    except MissingExtra as exc:
        _warn_once(f"articles stored without annotations: {exc}")
        return [None] * len(articles)


ANNOTATE_CHARS = 100_000


def _by_length(articles: list[Article], limit: int) -> Iterator[list[Article]]:
    group: list[Article] = []
    size = 0
    for article in articles:
        if group and size + len(article.text) > limit:
            yield group
            group, size = [], 0
        group.append(article)
        size += len(article.text)
    if group:
        yield group


def _store_batch(store: Store, articles: list[Article], annotations: list[Annotations | None],
                 claims: list[ArticleClaims | None], settings: Settings) -> list[Article]:
    """Insert the batch's new articles (near-duplicates linked to their original) with their annotations and
    prepared claims in one transaction; the articles stored (others were there already)."""
    stored = []
    with store.transaction():
        for article, annotation, prepared_claims in zip(articles, annotations, claims):
            minhash, bands = ingest.signature(article.text)
            article = _linked(store, article, minhash, bands, settings, annotation)
            if store.add_article(article, minhash, bands):
                if annotation is not None:
                    store.save_annotations(annotation)
                if prepared_claims is not None:
                    store.save_article_claims(prepared_claims)
                stored.append(article)
    return stored


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


def _linked(store: Store, article: Article, minhash, bands, settings: Settings,
            annotations: Annotations | None = None) -> Article:
    """The article with ``copy_of`` set when it is a near-duplicate or a translation of a stored one (to that one's
    original)."""
    candidates = [c for c in store.copy_candidates(bands) if c[0] != article.id]
    original = ingest.find_original(minhash, candidates, settings.near_duplicate_threshold)
    if original is None:
        original = _translated_from(store, article, annotations)
    if original is None:
        return article
    return replace(article, copy_of=store.get_article(original).copy_of or original)
