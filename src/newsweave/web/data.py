"""What the pages show, as plain dicts built from the store: the web pages and their JSON come from here."""
from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import threading
from collections import OrderedDict
from typing import Any, Mapping

from ..errors import NewsweaveError
from ..models import Annotations, Article, Story, content_hash
from ..present import views
from ..store import Store

log = logging.getLogger(__name__)
SCHEMA = "newsweave.dossier/1"
_COMPUTE = threading.Lock()  # one comparison at a time per process (models are heavy)


# --------------------------------------------------------------------------- dossiers

def compare_available() -> bool:
    try:
        return importlib.util.find_spec("newsweave.compare") is not None
    except ModuleNotFoundError:
        return False


def compute_dossier(articles: list[Article], annotations: list[Annotations] | None = None,
                    story_id: str | None = None) -> dict[str, Any] | None:
    """The compare stage's dossier dict for these articles, or None when that stage is not installed."""
    if not compare_available():
        return None
    compare = importlib.import_module("newsweave.compare")
    return compare.compare(articles, annotations=annotations, story_id=story_id).to_dict()


def load_dossier(store: Store, story_id: str, compute: bool = True) -> dict[str, Any]:
    """The stored dossier of a story; recomputed (and saved) when missing or stale and compare is available."""
    story = store.get_story(story_id)
    dossier = store.get_dossier(story.id)
    if (dossier is None or _stale(dossier, story)) and compute and compare_available():
        with _COMPUTE:
            dossier = store.get_dossier(story.id)  # another thread may have just computed it
            if dossier is None or _stale(dossier, story):
                fresh = _try_compute(store, story)
                if fresh is not None:
                    store.save_dossier(story.id, fresh)
                    dossier = fresh
    if dossier is None:
        dossier = bare_dossier(store, story)
    return _as_story(dossier, story)


def _try_compute(store: Store, story: Story) -> dict[str, Any] | None:
    try:
        articles = store.articles(list(story.article_ids))
        stored = [store.get_annotations(a.id) for a in articles]
        annotations = stored if all(x is not None for x in stored) else None
        return compute_dossier(articles, annotations, story_id=story.id)
    except (NewsweaveError, ImportError) as exc:
        log.warning("cannot compare story %s: %s", story.id, exc)
        return None


def _stale(dossier: Mapping[str, Any], story: Story) -> bool:
    found = {a.get("id") for a in views.story_dossier(dossier).get("articles") or []}
    return bool(story.article_ids) and found != set(story.article_ids)


def _as_story(dossier: Mapping[str, Any], story: Story) -> dict[str, Any]:
    """A dossier whose first story carries the store's story id (and title when it has none)."""
    first = views.story_dossier(dossier)
    first["id"] = story.id
    first["title"] = first.get("title") or story.title
    first.setdefault("first", story.first)
    first.setdefault("last", story.last)
    return {**{k: v for k, v in dossier.items() if k != "stories"}, "schema": SCHEMA, "stories": [first]}


def bare_dossier(store: Store, story: Story) -> dict[str, Any]:
    """A dossier with the story's articles and no facts (before the compare stage has run)."""
    refs = getattr(store, "article_refs", None)
    articles = refs(list(story.article_ids)) if refs else [article_ref(a) for a in
                                                           store.articles(list(story.article_ids))]
    return {"schema": SCHEMA, "stories": [{"id": story.id, "title": story.title, "first": story.first,
                                            "last": story.last, "articles": articles, "facts": [],
                                            "entities": [], "outlets": []}]}


def article_ref(a: Article) -> dict[str, Any]:
    return {"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
            "path": a.path}


# --------------------------------------------------------------------------- pages

PAGE_SIZE = 50


def index_page(store: Store, page: int = 1) -> dict[str, Any]:
    """The story list, newest stories last (store order), PAGE_SIZE stories per page."""
    everything = store.stories()
    pages = max(1, -(-len(everything) // PAGE_SIZE))
    page = min(max(1, page), pages)
    stories = []
    for story in everything[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]:
        dossier = store.get_dossier(story.id) or bare_dossier(store, story)
        stories.append(_as_story(dossier, story)["stories"][0])
    view = views.story_list_view(stories)
    view.update(page=page, pages=pages, total=len(everything), state=store.change_state())
    view["recent"] = [article_ref(a) | {"url": views.safe_url(a.url)} for a in _recent(store)]
    return view


def _recent(store: Store, limit: int = 20) -> list[Article]:
    recent = getattr(store, "recent_articles", None)
    return recent(limit) if recent else []


def story_page(store: Store, story_id: str) -> dict[str, Any]:
    """The dossier view; ``etag`` is a hash of the dossier, so views (and pages) are cached by content."""
    dossier = load_dossier(store, story_id)
    etag = content_hash(json.dumps(dossier, sort_keys=True, ensure_ascii=False, default=str))
    return VIEWS.get(etag, lambda: {**views.dossier_view(dossier), "etag": etag})


class LRU:
    """A small thread-safe least-recently-used cache: get(key, make) returns the cached value or makes it."""

    def __init__(self, size: int = 64):
        self.size, self.items, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key, make):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


VIEWS = LRU(64)


def article_page(store: Store, article_id: str) -> dict[str, Any]:
    article = store.get_article(article_id)
    annotations = store.get_annotations(article.id) or annotate_now(store, article)
    return {
        "schema": views.VIEW_SCHEMA,
        "article": article_ref(article) | {"url": views.safe_url(article.url), "language": article.language,
                                           "author": article.author, "copy_of": article.copy_of,
                                           "words": article.words, "text": article.text},
        "parts": annotated_parts(article.text, annotations),
        "annotations": annotations.to_dict() if annotations else None,
        "attributions": attribution_rows(annotations),
    }


def attribution_rows(annotations: Annotations | None) -> list[dict[str, Any]]:
    """Who says each sentence, with the sentence text."""
    if annotations is None:
        return []
    sentences = {s.index: s.text for s in annotations.sentences}
    return [{"sentence": a.sentence, "text": sentences.get(a.sentence, ""), "speaker": a.canonical or a.speaker,
             "cue": a.cue, "direct": a.direct, "explicit": a.explicit} for a in annotations.attributions]


def annotate_now(store: Store, article: Article) -> Annotations | None:
    """Annotations computed on first view (and stored) when the pipeline has not stored them yet."""
    try:
        from ..normalize import normalize
    except ImportError:
        return None
    try:
        with _COMPUTE:
            annotations = normalize(article)
        store.save_annotations(annotations)
        return annotations
    except (NewsweaveError, ImportError, ValueError) as exc:
        log.warning("cannot annotate %s: %s", article.id, exc)
        return None


def annotated_parts(text: str, annotations: Annotations | None) -> list[dict[str, Any]]:
    """The text as runs [{text, kind, note}]: entities, times and quantities marked, overlaps dropped."""
    spans = []
    if annotations is not None:
        spans += [(e.start, e.end, "ent", f"{e.label}: {e.canonical or e.text}") for e in annotations.entities]
        spans += [(t.start, t.end, "tim", f"{t.begin or 'unresolved'} – {t.until or 'open'} ({t.granularity})")
                  for t in annotations.times]
        spans += [(q.start, q.end, "qty", f"{q.qualifier} {q.low}–{q.high} {q.unit} {q.counted}".strip())
                  for q in annotations.quantities]
    parts, pos = [], 0
    for start, end, kind, note in sorted(spans):
        if start < pos or not 0 <= start < end <= len(text):
            continue
        if start > pos:
            parts.append({"text": text[pos:start], "kind": "", "note": ""})
        parts.append({"text": text[start:end], "kind": kind, "note": note})
        pos = end
    if pos < len(text):
        parts.append({"text": text[pos:], "kind": "", "note": ""})
    return parts


def search_page(store: Store, query: str) -> dict[str, Any]:
    found = store.search(query) if query.strip() else {"articles": [], "facts": []}
    for hit in found["articles"] + found["facts"]:
        hit["parts"] = snippet_parts(hit.pop("snippet", ""))
    return {"schema": views.VIEW_SCHEMA, "query": query, **found}


def snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """'a \\x02b\\x03 c' -> [{text: 'a ', mark: False}, {text: 'b', mark: True}, {text: ' c', mark: False}]."""
    parts, mark = [], False
    for piece in snippet.replace("\x03", "\x02").split("\x02"):
        if piece:
            parts.append({"text": piece, "mark": mark})
        mark = not mark
    return parts
