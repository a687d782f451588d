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
    """The story list, newest stories last (store order), PAGE_SIZE stories per page; a story without a current
    dossier has ``counts`` None ("not computed yet"), not zeros."""
    everything = store.stories()
    pages = max(1, -(-len(everything) // PAGE_SIZE))
    page = min(max(1, page), pages)
    stories, computed, related = [], [], _related_refs(everything)
    for story in everything[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]:
        saved = store.get_dossier(story.id)
        computed.append(dossiers.looks_current(saved, story))
        stories.append(as_story(dossiers.public(saved) or bare_dossier(store, story), story)["stories"][0])
    view = views.story_list_view(stories)
    for item, done in zip(view["stories"], computed):
        item["related"] = related.get(item["id"], [])
        if not done:
            item.update(counts=None, facts=None)
    view.update(page=page, pages=pages, total=len(everything), state=store.change_state())
    view["recent"] = [article_ref(a) | {"url": views.safe_url(a.url)} for a in _recent(store)]
    return view


def _recent(store: Store, limit: int = 20) -> list[Article]:
    recent = getattr(store, "recent_articles", None)
    return recent(limit) if recent else []


def story_page(store: Store, story_id: str, settings: Settings | None = None, worker=None) -> dict[str, Any]:
    """The dossier view and the story's related stories; ``etag`` is a hash of both, so views (and pages) are cached by content.

    With a ``worker`` (web/background.py) the page never waits for a comparison: a dossier that is not current is
    asked of the worker, and the view shows the saved one (or the story's articles) with ``computing`` true."""
    if worker is None:
        dossier, computing = load_dossier(store, story_id, settings=settings), False
    else:
        dossier, computing = _without_waiting(store, story_id, worker)
    related = _related_refs(store.stories()).get(views.story_dossier(dossier).get("id"), [])
    etag = content_hash(json.dumps([dossier, related], sort_keys=True, ensure_ascii=False, default=str),
                        str(computing))
    return VIEWS.get(etag, lambda: {**views.dossier_view(dossier), "related": related, "computing": computing,
                                    "etag": etag})


def _without_waiting(store: Store, story_id: str, worker) -> tuple[dict[str, Any], bool]:
    story = store.get_story(story_id)
    saved = store.get_dossier(story.id)
    stamp = dossiers.stamp_for(store, story)
    current = dossiers.is_current(saved, stamp)
    computing = bool(story.article_ids) and not current and not worker.gave_up(story.id, stamp)
    if computing:
        worker.request(story.id)
    return as_story(dossiers.public(saved) or bare_dossier(store, story), story), computing


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


def article_page(store: Store, article_id: str, highlight: tuple[int, int] | None = None) -> dict[str, Any]:
    article = store.get_article(article_id)
    annotations = store.get_annotations(article.id) or annotate_now(store, article)
    return article_view(store, article, annotations, highlight) | {
        "schema": views.VIEW_SCHEMA,
        "article": article_ref(article) | {"url": views.safe_url(article.url), "language": article.language,
                                           "author": article.author, "copy_of": article.copy_of,
                                           "words": article.words, "text": article.text},
        "parts": annotated_parts(article.text, annotations),
        "annotations": annotations.to_dict() if annotations else None,
        "attributions": attribution_rows(annotations),
    }


def article_view(store: Store, article: Article, annotations: Annotations | None,
                 highlight: tuple[int, int] | None) -> dict[str, Any]:
    """What the article page adds for browsing: the stories it belongs to, its sentences (anchored ``#s<index>``,
    the highlighted range marked ``#hl``) and the citation of the highlighted sentence."""
    from ..present import browse as pb
    from .browse import article_stories

    sentences = [s.to_dict() for s in annotations.sentences] if annotations else []
    spans = _annotation_spans(annotations)
    regions = pb.article_regions(article.text, sentences, spans, highlight)
    cited = None
    if highlight and any(r["cited"] for r in regions):
        lo, hi = highlight
        sentence = " ".join("".join(p["text"] for p in r["parts"]) for r in regions if r["cited"])
        cited = {"text": article.text[lo:hi], "sentence": sentence.strip(),
                 "citation": views.citation(article.outlet, article.title, article.published, article.url, sentence)}
    return {"stories": article_stories(store, article.id), "regions": regions, "cited": cited}


def _annotation_spans(annotations: Annotations | None) -> list[tuple[int, int, str, str]]:
    if annotations is None:
        return []
    spans = [(e.start, e.end, "ent", f"{e.label}: {e.canonical or e.text}") for e in annotations.entities]
    spans += [(t.start, t.end, "tim", f"{t.begin or 'unresolved'} – {t.until or 'open'} ({t.granularity})")
              for t in annotations.times]
    spans += [(q.start, q.end, "qty", f"{q.qualifier} {q.low}–{q.high} {q.unit} {q.counted}".strip())
              for q in annotations.quantities]
    return spans


def attribution_rows(annotations: Annotations | None) -> list[dict[str, Any]]:
    """Who says each sentence, with the sentence text."""
    if annotations is None:
        return []
    sentences = {s.index: s.text for s in annotations.sentences}
    return [{"sentence": a.sentence, "text": sentences.get(a.sentence, ""), "speaker": a.canonical or a.speaker,
             "cue": a.cue, "direct": a.direct, "explicit": a.explicit} for a in annotations.attributions]


def annotate_now(store: Store, article: Article) -> Annotations | None:
    """Annotations computed on first view (and stored) when the pipeline has not stored them yet."""
    if not _COMPUTE.acquire(timeout=1.0):  # a dossier is being computed: the page shows the bare text this time
        return None
    try:
        try:
            annotations = normalize(article)
        finally:
            _COMPUTE.release()
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
