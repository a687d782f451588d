"""What the pages show, as plain dicts built from the store: the web pages and their JSON come from here."""
from __future__ import annotations

import json
import logging
import threading
from collections import OrderedDict
from typing import Any

from .. import dossiers
from ..dossiers import SCHEMA, as_story, bare_dossier, compute_dossier  # noqa: F401 (re-exported)
from ..config import Settings
from ..errors import NewsweaveError
from ..models import Annotations, Article, Story, content_hash
from ..normalize import normalize
from ..present import views
from ..store import Store
from ..stories import related_links

log = logging.getLogger(__name__)
_COMPUTE = dossiers.COMPUTE  # one heavy model run at a time per process (comparisons and annotation)


# --------------------------------------------------------------------------- dossiers (see newsweave.dossiers)

def load_dossier(store: Store, story_id: str, compute: bool = True, settings: Settings | None = None) -> dict[str, Any]:
    """The story's dossier for its page: the saved one while current, else recomputed and saved (one rule,
    shared with the CLI: ``newsweave.dossiers``)."""
    return dossiers.load_dossier(store, story_id, compute=compute, settings=settings)


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
    stories, related = [], _related_refs(everything)
    for story in everything[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]:
        dossier = store.get_dossier(story.id) or bare_dossier(store, story)
        stories.append(as_story(dossier, story)["stories"][0])
    view = views.story_list_view(stories)
    for item in view["stories"]:
        item["related"] = related.get(item["id"], [])
    view.update(page=page, pages=pages, total=len(everything), state=store.change_state())
    view["recent"] = [article_ref(a) | {"url": views.safe_url(a.url)} for a in _recent(store)]
    return view


def _recent(store: Store, limit: int = 20) -> list[Article]:
    recent = getattr(store, "recent_articles", None)
    return recent(limit) if recent else []


def story_page(store: Store, story_id: str, settings: Settings | None = None) -> dict[str, Any]:
    """The dossier view and the story's related stories; ``etag`` is a hash of both, so views (and pages) are
    cached by content."""
    dossier = load_dossier(store, story_id, settings=settings)
    related = _related_refs(store.stories()).get(views.story_dossier(dossier).get("id"), [])
    etag = content_hash(json.dumps([dossier, related], sort_keys=True, ensure_ascii=False, default=str))
    return VIEWS.get(etag, lambda: {**views.dossier_view(dossier), "related": related, "etag": etag})


def _related_refs(stories: list[Story]) -> dict[str, list[dict[str, Any]]]:
    """Story id -> its related stories (same thread, other events) as {id, title, span}."""
    by_id = {s.id: s for s in stories}
    return {story_id: [{"id": r, "title": by_id[r].title, "span": views.span_text(by_id[r].first, by_id[r].last)}
                       for r in links]
            for story_id, links in related_links(stories).items() if links}


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
