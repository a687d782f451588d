"""What runs inside Spark tasks: each function takes one partition's items and yields records. No Spark here:
the same functions run in a plain loop (tests) and on executors.

Models (spaCy, the embedders, the join model) are cached per process by the stages themselves, so each Python
worker loads them once and keeps them for every task it serves (``spark.python.worker.reuse``).
"""
from __future__ import annotations

import logging
import resource
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .. import ingest, normalize
from ..cluster.features import Features, extract
from ..config import Settings
from ..dossiers import compute_dossier
from ..errors import IngestError, MissingExtra, NewsweaveError
from ..models import Annotations, Article
from . import layout
from .copies import Position

log = logging.getLogger(__name__)
CHUNK = 16  # articles normalised together (spaCy's batch), as ``add`` does


@dataclass(frozen=True)
class Failure:
    """A bad file, record or article: where it came from and why (``add`` prints ``<source>: <reason>``)."""

    stage: str
    source: str
    reason: str


@dataclass(frozen=True)
class Analyzed:
    """One unique article after the per-article stages: as the store would hold it, with its annotations (the
    store's JSON text, None without the nlp extra), MinHash signature and band keys, and clustering features."""

    position: Position
    article: Article
    annotations: str | None
    minhash: tuple[int, ...]
    bands: tuple[tuple[int, str], ...]
    features: Features

    def sort_key(self, order: str) -> tuple:
        """Where the article goes in the clusterer's stream: arrival, or publication time (undated last) then
        arrival."""
        if order == "arrival":
            return (self.position,)
        published = self.article.published
        return (published is None, published or "", self.position)


# --------------------------------------------------------------------------- 1. ingest

def read_local(items: Iterable[tuple[int, str]], settings: Settings, meta_file: str | None,
               overrides: Mapping[str, str] | None) -> Iterator[tuple[Position, Article | Failure]]:
    """(input index, local path or URL) -> ((input index, record index), article or failure), as ``add`` reads
    them (``ingest.load``: one reader per format, metadata merge, cleaning)."""
    items = list(items)
    current = {"input": -1, "record": 0}

    def started(_source: str) -> None:
        current["input"] += 1
        current["record"] = 0

    for item in ingest.load([path for _, path in items], settings, meta_file=meta_file, overrides=overrides,
                            on_input=started):
        index = items[max(current["input"], 0)][0]
        yield (index, current["record"]), _read_item(item)
        current["record"] += 1


def read_remote(rows: Iterable[tuple[int, str, bytes]], settings: Settings, meta_file: str | None,
                overrides: Mapping[str, str] | None) -> Iterator[tuple[Position, Article | Failure]]:
    """(input index, URI, the file's bytes) -> as ``read_local``, for files a Hadoop filesystem read."""
    for index, uri, data in rows:
        for record, item in enumerate(ingest.load_data(bytes(data), uri, settings, meta_file=meta_file,
                                                       overrides=overrides)):
            yield (index, record), _read_item(item)


def _read_item(item: Article | IngestError) -> Article | Failure:
    return Failure("ingest", item.source, item.reason) if isinstance(item, IngestError) else item


def earliest(a: tuple[Position, Article], b: tuple[Position, Article]) -> tuple[Position, Article]:
    """Of two reads of one article id, the first to arrive (``add`` keeps it and counts the other a duplicate)."""
    return a if a[0] <= b[0] else b


# --------------------------------------------------------------------------- 2. per-article stages

def analyze(items: Iterable[tuple[str, tuple[Position, Article]]], settings: Settings, annotate: bool = True
            ) -> Iterator[tuple[str, Analyzed | tuple[Position, Failure]]]:
    """(id, (position, article)) -> (id, Analyzed), or (id, (position, Failure)) for an article the normaliser
    fails on: normalised in chunks, then as the store holds it, signed (MinHash) and featured for the clusterer."""
    embedder = headline_embedder(settings)
    chunk: list[tuple[str, tuple[Position, Article]]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield from _analyze_chunk(chunk, settings, annotate, embedder)
            chunk = []
    if chunk:
        yield from _analyze_chunk(chunk, settings, annotate, embedder)


def _analyze_chunk(chunk, settings: Settings, annotate: bool, embedder: Any):
    articles = [article for _, (_, article) in chunk]
    for (key, (position, article)), annotations in zip(chunk, _annotations(articles, annotate)):
        if isinstance(annotations, Failure):
            yield key, (position, annotations)
            continue
        yield key, _analyzed(position, article, annotations, embedder)


def _annotations(articles: list[Article], annotate: bool) -> list[Annotations | None | Failure]:
    """The normaliser's annotations (None each without the nlp extra); when a chunk fails, each article alone, so
    one hostile article costs only itself."""
    if not annotate:
        return [None] * len(articles)
    try:
        return list(normalize.normalize_many(articles, batch_size=CHUNK))
    except MissingExtra as exc:
        log.warning("articles stored without annotations: %s", exc)
        return [None] * len(articles)
    except Exception:  # noqa: BLE001 - retried one by one below
        return [_annotate_one(article) for article in articles]


def _annotate_one(article: Article) -> Annotations | Failure:
    try:
        return normalize.normalize(article)
    except Exception as exc:  # noqa: BLE001 - one line in the errors table
        return Failure("analyze", article.path or article.id, f"could not be analysed ({type(exc).__name__}: {exc})")


def _analyzed(position: Position, article: Article, annotations: Annotations | None, embedder: Any) -> Analyzed:
    stored = layout.as_stored(article)
    data = layout.annotations_json(annotations) if annotations is not None else None
    revived = layout.annotations_from_json(data) if data is not None else None
    minhash, bands = ingest.signature(stored.text)
    return Analyzed(position, stored, data, tuple(minhash), tuple(bands), extract(stored, revived, embedder))


_EMBEDDERS: dict[Any, Any] = {}


def headline_embedder(settings: Settings) -> Any:
    """The clusterer's headline embedder for these settings, loaded once per process (None without one)."""
    config = settings.cluster()
    key = (config.embedder, config.cache_dir)
    if key not in _EMBEDDERS:
        from ..cluster.stream import StreamClusterer

        _EMBEDDERS[key] = StreamClusterer(config).embedder
    return _EMBEDDERS[key]


# --------------------------------------------------------------------------- 3. copies

def band_keys(item: tuple[str, Analyzed]) -> Iterator[tuple[tuple[int, str], tuple[Position, str]]]:
    key, record = item
    for band in record.bands:
        yield tuple(band), (record.position, key)


# --------------------------------------------------------------------------- 5. dossiers

def dossiers(groups: Iterable[tuple[str, Iterable[tuple[int, Article, str | None]]]], settings: Settings
             ) -> Iterator[tuple[str, dict[str, Any] | Failure]]:
    """(story id, its members as (position in the story, article, annotations JSON)) -> (story id, dossier), as
    ``add`` then ``dossier`` computes it: annotations given only when every member has them; a story the compare
    stage fails on gets a failure (``add`` logs it and leaves the story without a dossier)."""
    for story_id, members in groups:
        ordered = sorted(members, key=lambda m: m[0])
        articles = [article for _, article, _ in ordered]
        given = None
        if all(data is not None for _, _, data in ordered):
            given = [layout.annotations_from_json(data) for _, _, data in ordered]
        try:
            yield story_id, compute_dossier(articles, given, story_id=story_id, settings=settings)
        except (NewsweaveError, ImportError) as exc:
            yield story_id, Failure("dossier", story_id, f"cannot compare story: {exc}")


# --------------------------------------------------------------------------- measuring

def measured(items: Iterable, stage: str, record: Callable[[dict[str, float]], None]) -> Iterator:
    """Pass ``items`` through, then report this worker's peak resident memory (MB) for ``stage``."""
    yield from items
    record({stage: peak_rss_mb()})


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def with_copy(article: Article, original: str | None) -> Article:
    return replace(article, copy_of=original) if original else article
