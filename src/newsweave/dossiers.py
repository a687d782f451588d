"""The per-story flow: a story's stored articles and annotations -> compare -> its dossier, kept in the store and
refreshed when the story changes (one rule for the CLI and the web app).

A saved dossier carries a stamp (under ``STAMP``) of what it was computed from: the code of the compare stage
(package version and a digest of its sources) and the story's members (article ids and a digest of each one's
stored annotations). ``story_dossier`` returns the saved dossier while its stamp matches the story now; otherwise it
compares the story again, saves the result and returns it. Dossiers leave this module without the stamp, as the
JSON contract ``newsweave.dossier/2`` (docs/dossier.md) has them. Only ``store`` touches the database.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any, Callable, Mapping, Sequence

from . import changes
from .compare import SCHEMA, compare
from .config import Settings
from .errors import NewsweaveError
from .models import Annotations, Article, ArticleClaims, Story, content_hash
from .prepared import Progress, source_digest, stored_claims
from .present import views
from .store import Store

log = logging.getLogger(__name__)
STAMP = "computed_from"  # key of the stamp inside a saved dossier; never shown
STAGE = ("compare", "embed", "normalize", "weights", "models.py")  # the code and weights a dossier depends on
COMPUTE = threading.Lock()  # one comparison at a time per process (models are heavy)
Steps = Callable[[str, int, int], None]  # (step, done, total): "claims" per article prepared, "compare" 0 then 1 of 1


# --------------------------------------------------------------------------- computing

def compute_dossier(articles: Sequence[Article], annotations: Sequence[Annotations] | None = None,
                    story_id: str | None = None, settings: Settings | None = None,
                    prepared: Sequence[ArticleClaims] = ()) -> dict[str, Any]:
    """The comparison's dossier dict for these articles, with the user's embedder and same-fact scorer, starting
    from the articles' ``prepared`` claims where given."""
    settings = settings or Settings()
    return compare(list(articles), annotations=annotations, story_id=story_id, embedder=settings.embedder,
                   same_fact=settings.same_fact, cache_dir=settings.cache_dir, prepared=prepared).to_dict()


def compare_stored(store: Store, article_ids: Sequence[str], story_id: str | None = None,
                   settings: Settings | None = None, progress: Steps | None = None,
                   prepare: bool = True) -> dict[str, Any]:
    """Compare stored articles now, with their stored annotations and prepared claims when every one has
    annotations (claims missing or stale are prepared and saved first, unless ``prepare`` is false: a store used
    for one comparison; ``progress`` hears of each article prepared, then of the comparison)."""
    settings = settings or Settings()
    articles = store.articles(list(article_ids))
    stored = store.annotations([a.id for a in articles])
    given = [stored[a.id] for a in articles] if all(a.id in stored for a in articles) else None
    claims: Progress | None = (lambda done, total: progress("claims", done, total)) if progress else None
    prepared = () if given is None else stored_claims(store, articles, given, settings, claims, prepare)
    if progress is not None:
        progress("compare", 0, 1)
    dossier = compute_dossier(articles, given, story_id=story_id, settings=settings, prepared=prepared)
    if progress is not None:
        progress("compare", 1, 1)
    return dossier


def compare_story(store: Store, story: Story, settings: Settings | None = None,
                  progress: Steps | None = None) -> dict[str, Any]:
    """Compare the story's members now."""
    return compare_stored(store, story.article_ids, story.id, settings, progress)


# --------------------------------------------------------------------------- staleness

@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of the package version and the compare stage's sources (read once per process)."""
    return source_digest(STAGE, SCHEMA)


_STAMPS: dict[tuple, dict[str, str]] = {}  # (store revision, story, members) -> stamp, while nothing was written
_STAMPS_MAX = 4096


def stamp_for(store: Store, story: Story) -> dict[str, str]:
    """What a dossier of this story must have been computed from to be current. Reading and hashing the members'
    annotations is skipped while the store reports no write since the same question was last answered."""
    revision = store.revision()
    key = (revision, story.id, tuple(story.article_ids)) if revision is not None else None
    if key is not None and key in _STAMPS:
        return dict(_STAMPS[key])
    digests = store.annotation_digests(list(story.article_ids))
    members = sorted(set(story.article_ids))
    stamp = {"code": code_version(), "members": content_hash(*(f"{a}:{digests.get(a, '')}" for a in members))}
    if key is not None:
        if len(_STAMPS) >= _STAMPS_MAX:
            _STAMPS.clear()
        _STAMPS[key] = dict(stamp)
    return stamp


def is_current(dossier: Mapping[str, Any] | None, stamp: Mapping[str, str]) -> bool:
    """True when the saved dossier was computed by this code from these members (dossiers without a stamp are
    from an older version: never current)."""
    return dossier is not None and dossier.get(STAMP) == dict(stamp)


def looks_current(dossier: Mapping[str, Any] | None, story: Story) -> bool:
    """A cheap test for lists of many stories: the saved dossier was computed by this code from exactly these
    members (their annotations are not read; ``is_current`` checks those too)."""
    if dossier is None or (dossier.get(STAMP) or {}).get("code") != code_version():
        return False
    compared = {a.get("id") for a in views.story_dossier(dossier).get("articles") or [] if isinstance(a, Mapping)}
    return compared == set(story.article_ids)


def public(dossier: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The dossier as the JSON contract has it: the stamp removed."""
    return None if dossier is None else {k: v for k, v in dossier.items() if k != STAMP}


# --------------------------------------------------------------------------- the one entry point

def story_dossier(store: Store, story: Story | str, compute: bool = True,
                  settings: Settings | None = None, progress: Steps | None = None) -> dict[str, Any] | None:
    """A story's dossier: the saved one while it is current, else compared again (``progress`` hears of the
    steps), saved and returned.

    When it cannot be compared (``compute`` false, the compare stage missing or failing, or no members) the saved
    dossier is returned even when outdated, or None when there is none.
    """
    story = store.get_story(story) if isinstance(story, str) else story
    saved = store.get_dossier(story.id)
    if not (compute and story.article_ids):
        return public(saved)
    if is_current(saved, stamp_for(store, story)):
        return public(saved)
    with COMPUTE:
        saved, stamp = store.get_dossier(story.id), stamp_for(store, story)  # another thread may have done it
        if is_current(saved, stamp):
            return public(saved)
        fresh = _try_compare(store, story, settings, progress)
        if fresh is None:
            return public(saved)
        store.save_dossier(story.id, {**fresh, STAMP: stamp})
        changes.record(store, changes.dossier_changes(story.id, public(saved), fresh))
        return fresh


def _try_compare(store: Store, story: Story, settings: Settings | None,
                 progress: Steps | None = None) -> dict[str, Any] | None:
    try:
        return compare_story(store, story, settings, progress)
    except (NewsweaveError, ImportError) as exc:
        log.warning("cannot compare story %s: %s", story.id, exc)
        return None


def save_dossier(store: Store, story: Story, dossier: Mapping[str, Any]) -> None:
    """Save a dossier just computed from the story's current members (stamped as current)."""
    store.save_dossier(story.id, {**public(dossier), STAMP: stamp_for(store, story)})


def load_dossier(store: Store, story_id: str, compute: bool = True, settings: Settings | None = None,
                 progress: Steps | None = None) -> dict[str, Any]:
    """What a page or report shows for a stored story: its dossier (``story_dossier``), or one with its articles
    and no facts when there is none, whose first story carries the store's id, title and span."""
    story = store.get_story(story_id)
    dossier = story_dossier(store, story, compute=compute, settings=settings, progress=progress) \
        or bare_dossier(store, story)
    return as_story(dossier, story)


def bare_dossier(store: Store, story: Story) -> dict[str, Any]:
    """A dossier with the story's articles and no facts (before the compare stage has run)."""
    articles = store.article_refs(list(story.article_ids))
    return {"schema": SCHEMA, "stories": [{"id": story.id, "title": story.title, "first": story.first,
                                            "last": story.last, "articles": articles, "facts": [],
                                            "entities": [], "outlets": []}]}


def as_story(dossier: Mapping[str, Any], story: Story) -> dict[str, Any]:
    """A dossier whose first story carries the store's story id (and title and span when it has none)."""
    first = views.story_dossier(dossier)
    first["id"] = story.id
    first["title"] = first.get("title") or story.title
    first.setdefault("first", story.first)
    first.setdefault("last", story.last)
    rest = {k: v for k, v in dossier.items() if k not in ("stories", STAMP)}
    return {**rest, "schema": SCHEMA, "stories": [first]}


__all__ = ["SCHEMA", "bare_dossier", "code_version", "compare_stored", "compare_story", "compute_dossier",
           "is_current", "load_dossier", "looks_current", "save_dossier", "stamp_for", "story_dossier"]
