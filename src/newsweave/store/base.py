"""The store interface: SQLite implements it; PostgreSQL can follow."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Iterable, Sequence

from ..models import Annotations, Article, Story


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

    def article_refs(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Light article summaries (id, outlet, title, published, url, path) in the order of ``ids``."""
        return [{"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
                 "path": a.path} for a in self.articles(ids)]

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
