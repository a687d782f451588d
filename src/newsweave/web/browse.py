"""The browsing pages' data: the story list and the fact list (filters, facets, sorting, paging, exports) and "what
changed", as plain dicts built from the store; the same dict renders the page and is its JSON.

A page's dict is cached by the store's revision and the page's canonical query, so a busy list costs one query per
write, not one per request.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Mapping, Sequence

from ..errors import NewsweaveError
from ..ingest.meta import normalize_published
from ..models import content_hash
from ..present import browse as pb
from ..present import views
from ..store import Query, Store
from .data import LRU

PAGE_SIZE = 50
MAX_EXPORT = 10_000  # rows in one CSV export
SCHEMA = "newsweave.browse/1"
PAGES = LRU(256)


class BadQuery(NewsweaveError):
    """A filter value that means nothing (a date that is not one)."""


def params_of(multi: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The request's query parameters that browsing reads, each as a list of non-empty strings (bounded)."""
    found = {k: [str(v).strip()[:300] for v in multi.get(k, []) if str(v).strip()][:20] for k in pb.PARAMS}
    return {k: v for k, v in found.items() if v}


def query_of(params: Mapping[str, Sequence[str]], limit: int = PAGE_SIZE) -> Query:
    """The store query of a page's parameters; a date that is not one is refused."""
    dates = {}
    for key in ("since", "until"):
        value = _one(params, key)
        if value:
            normalised = normalize_published(value)
            if not normalised:
                raise BadQuery(f"{key}: not a date: {value!r} (write 2025-01-31)")
            dates[key] = normalised[:10]
    page = _one(params, "page")
    page_number = int(page) if page and page.isdigit() and int(page) > 0 else 1
    return Query(outlet=tuple(params.get("outlet", ())), status=tuple(params.get("status", ())),
                 entity=tuple(params.get("entity", ())), place=tuple(params.get("place", ())),
                 since=dates.get("since"), until=dates.get("until"), story=_one(params, "story"),
                 q=_one(params, "q") or "", sort=_one(params, "sort") or "", limit=limit,
                 offset=(page_number - 1) * limit)


def _one(params: Mapping[str, Sequence[str]], key: str) -> str | None:
    values = params.get(key) or []
    return values[0] if values else None


def _cached(store: Store, kind: str, params: Mapping[str, Sequence[str]], make):
    """The page dict, built once per store revision and query; its ``etag`` (a hash of its content) lets the app
    reuse the rendered page too."""
    def build():
        page = make()
        return {**page, "etag": content_hash(json.dumps(page, sort_keys=True, ensure_ascii=False, default=str))}

    revision = store.revision()
    if revision is None:
        return build()
    return PAGES.get((kind, revision, tuple(pb.canonical(params))), build)


# --------------------------------------------------------------------------- stories

def stories_page(store: Store, params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    return _cached(store, "stories", params, lambda: _stories_page(store, params))


def _stories_page(store: Store, params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    query = query_of(params)
    found = store.browse_stories(query)
    facets = store.story_facets(query)
    statuses = [s for s, _ in sorted(facets.get("status", []), key=lambda kv: _status_order(kv[0]))]
    path = "/stories"
    columns = pb.STORY_COLUMNS + tuple((s, pb.STATUS_LABELS.get(s, s), "desc") for s in statuses)
    return {"schema": SCHEMA, "view": "stories", "filters": _filters(params), "statuses": statuses,
            "rows": [pb.story_row(r) for r in found["rows"]],
            "facets": (shown := [pb.facet_view(name, facets[name], path, params)
                                 for name in query.facets if name in facets]),
            "chosen": pb.chosen(shown, path, params),
            "columns": pb.sort_headers(columns, path, params, query.sort or "-last"),
            "pages": pb.pages(found["total"], query.offset // query.limit + 1, query.limit, path, params),
            "links": pb.twins(path, params), "reset": path}


def stories_csv(store: Store, params: Mapping[str, Sequence[str]]) -> str:
    query = replace(query_of(params), limit=MAX_EXPORT, offset=0)
    rows = store.browse_stories(query)["rows"]
    statuses = sorted({s for r in rows for s in r["counts"]}, key=_status_order)
    flat = [{**r, "url": f"/story/{r['id']}", **{s: r["counts"].get(s, 0) for s in statuses}} for r in rows]
    return pb.csv_text(["id", "title", "first", "last", "articles", "outlets", "facts", *statuses, "url"], flat)


def _status_order(status: str) -> tuple[int, str]:
    order = ("conflicting", "updated", "corroborated", "single_source")
    return (order.index(status) if status in order else len(order), status)


def _filters(params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    return {k: (list(v) if k in pb.MULTI else v[0]) for k, v in params.items() if v and k != "page"}


# --------------------------------------------------------------------------- facts

def facts_page(store: Store, params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    return _cached(store, "facts", params, lambda: _facts_page(store, params))


def _facts_page(store: Store, params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    query = query_of(params)
    found = store.browse_facts(query)
    facets = store.fact_facets(query)
    path = "/facts"
    refs = _article_refs(store, found["rows"])
    titles = _story_titles(store, [v for v, _ in facets.get("story", [])] + list(params.get("story", [])))
    names = (*query.facets, "story")
    return {"schema": SCHEMA, "view": "facts", "filters": _filters(params),
            "rows": [pb.fact_row(r, refs) for r in found["rows"]],
            "facets": (shown := [pb.facet_view(n, facets[n], path, params, titles if n == "story" else None)
                                 for n in names if n in facets]),
            "chosen": pb.chosen(shown, path, params),
            "columns": pb.sort_headers(pb.FACT_COLUMNS, path, params, query.sort or "story"),
            "pages": pb.pages(found["total"], query.offset // query.limit + 1, query.limit, path, params),
            "links": pb.twins(path, params), "reset": path}


def facts_csv(store: Store, params: Mapping[str, Sequence[str]]) -> str:
    query = replace(query_of(params), limit=MAX_EXPORT, offset=0)
    found = store.browse_facts(query)["rows"]
    refs = _article_refs(store, found)
    rows = []
    for row in (pb.fact_row(r, refs) for r in found):
        rows.append({**row, "url": row["href"], "citations": [c["citation"] for c in row["claims"]]})
    return pb.csv_text(["story_id", "story_title", "id", "status", "label", "first", "outlets", "citations", "url"],
                       rows)


def _article_refs(store: Store, rows: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    ids = [str(c.get("article")) for r in rows for c in r.get("claims") or [] if isinstance(c, Mapping)]
    return {r["id"]: r for r in store.article_refs(list(dict.fromkeys(ids)))}


def _story_titles(store: Store, ids: Sequence[str]) -> dict[str, str]:
    out = {}
    for story_id in dict.fromkeys(ids):
        try:
            out[story_id] = store.get_story(story_id).title
        except NewsweaveError:
            continue
    return out


# --------------------------------------------------------------------------- what changed

def updates_page(store: Store, since: int | None, seen: int, limit: int = 200,
                 story_id: str | None = None) -> dict[str, Any]:
    """Changes newest first (of one story, or all): after ``since`` when given, else the latest; those after
    ``seen`` (the reader's last look) are marked new."""
    changes = store.changes(since=since or 0, limit=limit, story_id=story_id)
    items = [pb.change_view(c, seen) for c in changes]
    return {"schema": "newsweave.updates/1", "since": since, "story": story_id, "seen": seen,
            "last": store.last_change(), "new": sum(i["new"] for i in items), "changes": items}


def article_stories(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The stories an article belongs to, for the article page (links back to them)."""
    return [{**s, "span": views.span_text(s.get("first"), s.get("last")), "href": f"/story/{s['id']}"}
            for s in store.stories_of_article(article_id)]
