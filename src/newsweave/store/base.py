"""The store interface: SQLite implements it; PostgreSQL can follow."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Iterable, Sequence

from ..models import Annotations, Article, ArticleClaims, Story


class Store(ABC):
    """What the pipeline needs from persistence. Every write is one transaction."""

    @abstractmethod
    def close(self) -> None: ...

    def revision(self) -> object | None:
        """A value that changes whenever the stored data may have changed (None: unknown, nothing is cached)."""
        return None

    @abstractmethod
    def transaction(self):
        """Context manager: every write inside commits together or not at all (nested use joins)."""

    # articles
    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def add_article(self, article: Article, minhash: Sequence[int] | None = None,
                    bands: Iterable[tuple[int, str]] = ()) -> bool:
        """Insert the article (and its near-duplicate keys) atomically; False when it was already there."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article:
        """By full id or unique prefix; raises NotFound."""

    @abstractmethod
    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Every article in arrival order, or those with these exact ids in the order asked (unknown ids skipped)."""

    def article_count(self) -> int:
        """How many articles the store holds."""
        return len(self.articles())

    def article_refs(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Light article summaries (id, outlet, title, published, url, path) in the order of ``ids``."""
        return [{"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
                 "path": a.path} for a in self.articles(ids)]

    def unassigned_articles(self) -> list[tuple[str, int]]:
        """(id, arrival number) of the stored articles that are in no story, in arrival order (numbered from 1)."""
        members = {a for story in self.stories() for a in story.article_ids}
        return [(a.id, n) for n, a in enumerate(self.articles(), 1) if a.id not in members]

    def last_seq(self) -> int:
        """The arrival number of the latest stored article (0 when there is none)."""
        return len(self.articles())

    def articles_at(self, paths: Sequence[str]) -> list[Article]:
        """The articles added from any of these file paths (as they were given), in arrival order."""
        wanted = set(paths)
        return [a for a in self.articles() if a.path in wanted]

    @abstractmethod
    def copy_candidates(self, bands: Iterable[tuple[int, str]]) -> list[tuple[str, list[int]]]:
        """Articles sharing an LSH band with the given keys: (id, minhash values)."""

    def translation_candidates(self, language: str, published: str | None, days: float,
                               limit: int) -> list[Article]:
        """Originals (not copies) in another language than ``language`` published within ``days`` of
        ``published`` (both undated: the latest ``limit``), latest first: what an article may translate."""
        from datetime import datetime, timedelta

        def day(value: str | None):
            try:
                return datetime.fromisoformat(value[:10]) if value else None
            except ValueError:
                return None

        at, found = day(published), []
        for article in reversed(self.articles()):
            other = day(article.published)
            near = other is None and at is None or other is not None and at is not None and abs(other - at) <= timedelta(days=days)
            if article.language and article.language != language and article.copy_of is None and near:
                found.append(article)
            if len(found) >= limit:
                break
        return found

    # annotations
    @abstractmethod
    def save_annotations(self, annotations: Annotations) -> None: ...

    @abstractmethod
    def get_annotations(self, article_id: str) -> Annotations | None: ...

    def annotations(self, ids: Sequence[str]) -> dict[str, Annotations]:
        """Stored annotations of these articles by article id (articles without any are left out)."""
        found = {i: self.get_annotations(i) for i in dict.fromkeys(ids)}
        return {i: a for i, a in found.items() if a is not None}

    def annotation_digests(self, ids: Sequence[str]) -> dict[str, str]:
        """A digest of each article's stored annotations (left out when none): changes whenever they change."""
        import json

        from ..models import content_hash

        return {i: content_hash(json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True))
                for i, a in self.annotations(ids).items()}

    # claims computed when an article is added (optional for backends: without them dossiers compute them)
    def save_article_claims(self, item: ArticleClaims) -> None:
        """Keep an article's prepared claims (replacing earlier ones); dropped when its annotations change."""
        return None

    def article_claims(self, ids: Sequence[str]) -> dict[str, ArticleClaims]:
        """Prepared claims of these articles by article id (articles without any are left out)."""
        return {}

    # stories and dossiers
    @abstractmethod
    def save_story(self, story: Story) -> None: ...

    @abstractmethod
    def stories(self) -> list[Story]: ...

    @abstractmethod
    def get_story(self, story_id: str) -> Story: ...

    @abstractmethod
    def delete_story(self, story_id: str) -> None: ...

    @abstractmethod
    def save_dossier(self, story_id: str, dossier: dict[str, Any]) -> None: ...

    @abstractmethod
    def get_dossier(self, story_id: str) -> dict[str, Any] | None: ...

    # search and change tracking (optional for backends; SQLite implements them)
    def search(self, query: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
        """Full-text search: {"articles": [...], "facts": [...]}, best first; snippets mark hits with \\x02..\\x03."""
        from ..errors import StoreError

        raise StoreError(f"{type(self).__name__} does not support search")

    def change_state(self) -> dict[str, Any]:
        """Small summary that changes whenever articles, stories or dossiers change (for live refresh)."""
        from ..errors import StoreError

        raise StoreError(f"{type(self).__name__} does not report changes")

    # the change log (optional for backends; SQLite implements it: store/tracking.py)
    def record_changes(self, changes) -> list[dict[str, Any]]:
        """Append changes ({key, kind, story_id, data}) once each; a store without a log records nothing."""
        return []

    def changes(self, since: int = 0, limit: int = 100, story_id: str | None = None) -> list[dict[str, Any]]:
        return []

    def last_change(self) -> int:
        return 0

    # browsing and watch state (optional for backends; SQLite implements them: store/browse.py, store/tracking.py)
    def _unsupported(self, what: str):
        from ..errors import StoreError

        raise StoreError(f"{type(self).__name__} does not support {what}")

    def browse_stories(self, query) -> dict[str, Any]:
        self._unsupported("browsing")

    def story_facets(self, query) -> dict[str, list[tuple[str, int]]]:
        self._unsupported("browsing")

    def browse_facts(self, query) -> dict[str, Any]:
        self._unsupported("browsing")

    def fact_facets(self, query) -> dict[str, list[tuple[str, int]]]:
        self._unsupported("browsing")

    def stories_of_article(self, article_id: str) -> list[dict[str, Any]]:
        return [{"id": s.id, "title": s.title, "first": s.first, "last": s.last, "origin": s.origin}
                for s in self.stories() if article_id in s.article_ids]

    def watch_source(self, url: str) -> dict[str, Any] | None:
        self._unsupported("watching")

    def save_watch_source(self, url: str, **fields: Any) -> None:
        self._unsupported("watching")

    def seen_items(self, keys: Sequence[str]) -> set[str]:
        self._unsupported("watching")

    def mark_items(self, source: str, items) -> None:
        self._unsupported("watching")

    # clusterer state (optional for backends; SQLite implements them)
    def save_cluster_state(self, name: str, data: bytes) -> None:
        """Keep an opaque snapshot of the story clusterer's active window under a name."""
        from ..errors import StoreError

        raise StoreError(f"{type(self).__name__} does not keep clusterer state")

    def get_cluster_state(self, name: str) -> bytes | None:
        return None

    def delete_cluster_state(self, name: str) -> None:
        return None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
