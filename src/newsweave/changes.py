"""What changed for a reader: new stories, stories with new articles, new conflicts, updated figures.

Pure functions turn what happened (articles added to stories, a dossier recomputed) into change records
``{key, kind, story_id, data}``; ``record`` appends them to the store's change log, where `newsweave watch`
prints them and the web app shows them ("what changed", its Atom feed and JSON). A change's key is a content hash,
so the same change is recorded once however often it is noticed.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from .models import Story, content_hash
from .present import views
from .store import Store

KINDS = ("new_story", "new_articles", "new_conflict", "updated_figure")


def record(store: Store, changes: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Append the changes to the store's log (stores without one ignore them); the ones recorded now."""
    changes = list(changes)
    writer = getattr(store, "record_changes", None)
    return writer(changes) if changes and writer is not None else []


# --------------------------------------------------------------------------- stories

def story_changes(stories: Sequence[Story], added: Sequence[str], refs: Mapping[str, Mapping[str, Any]]
                  ) -> list[dict[str, Any]]:
    """A change per story that received some of the ``added`` articles: a new story when all its articles are new,
    else new articles in a known story. ``refs``: article id -> {outlet, title, published}."""
    fresh = set(added)
    out = []
    for story in stories:
        new = [a for a in story.article_ids if a in fresh]
        if not new:
            continue
        kind = "new_story" if len(new) == len(story.article_ids) else "new_articles"
        articles = [{"id": a, **{k: refs.get(a, {}).get(k) for k in ("outlet", "title", "published")}} for a in new]
        out.append({"key": content_hash(kind, story.id, *sorted(new)), "kind": kind, "story_id": story.id,
                    "data": {"title": story.title, "articles": articles, "size": len(story.article_ids)}})
    return out


# --------------------------------------------------------------------------- dossiers

def dossier_changes(story_id: str, old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[dict[str, Any]]:
    """New conflicts and updated figures between a story's previous dossier (None: never computed) and its new
    one. A conflict is new when its two sentences were not in conflict before; a figure is updated when an article
    that was not in the previous dossier reports a value for a fact that no earlier article of that fact reported
    (or the fact's status became ``updated``)."""
    before = views.story_dossier(old or {})
    after = views.story_dossier(new)
    title = str(after.get("title") or before.get("title") or "")
    return (_new_conflicts(story_id, title, before, after) + _updated_figures(story_id, title, before, after))


def _conflict_key(conflict: Mapping[str, Any]) -> tuple:
    sides = sorted((str(s.get("article") or ""), str(s.get("text") or ""))
                   for s in (conflict.get("a") or {}, conflict.get("b") or {}))
    return (str(conflict.get("kind") or ""), *sides)


def _facts(story: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [f for f in story.get("facts") or [] if isinstance(f, Mapping)]


def _new_conflicts(story_id: str, title: str, before: Mapping, after: Mapping) -> list[dict[str, Any]]:
    known = {_conflict_key(c) for f in _facts(before) for c in f.get("conflicts") or [] if isinstance(c, Mapping)}
    out = []
    for fact in _facts(after):
        for conflict in fact.get("conflicts") or []:
            if not isinstance(conflict, Mapping) or _conflict_key(conflict) in known:
                continue
            view = views.conflict_view(conflict)
            out.append({"key": content_hash("new_conflict", story_id, *map(str, _conflict_key(conflict))),
                        "kind": "new_conflict", "story_id": story_id,
                        "data": {"title": title, "fact": str(fact.get("id") or ""),
                                 "label": views.fact_label(fact, fact.get("claims") or []),
                                 "conflict": view["kind"], "explanation": view["explanation"],
                                 "a": view["a"], "b": view["b"]}})
    return out


def _updated_figures(story_id: str, title: str, before: Mapping, after: Mapping) -> list[dict[str, Any]]:
    old_articles = {str(a.get("id")) for a in before.get("articles") or [] if isinstance(a, Mapping)}
    was_updated = {str(f.get("id")) for f in _facts(before) if f.get("status") == "updated"}
    out = []
    for fact in _facts(after):
        values = [v for v in fact.get("values") or [] if isinstance(v, Mapping) and _number(v) is not None]
        earlier = [v for v in values if str(v.get("article")) in old_articles]
        seen = {_number(v) for v in earlier}
        figures = []
        for value in values:
            if not earlier or str(value.get("article")) in old_articles or _number(value) in seen:
                continue
            seen.add(_number(value))
            figures.append(_figure(story_id, title, fact, value, earlier))
        out += figures
        if fact.get("status") == "updated" and str(fact.get("id")) not in was_updated and not figures:
            out.append({"key": content_hash("updated_fact", story_id, str(fact.get("id"))), "kind": "updated_figure",
                        "story_id": story_id,
                        "data": {"title": title, "fact": str(fact.get("id") or ""),
                                 "label": views.fact_label(fact, fact.get("claims") or []),
                                 "explanation": str(fact.get("explanation") or ""), "before": [], "now": None}})
    return out


def _number(value: Mapping[str, Any]) -> tuple | None:
    low, high = value.get("low"), value.get("high")
    if low is None and high is None:
        return None
    return (low, high, str(value.get("qualifier") or ""), str(value.get("unit") or ""))


def _display(value: Mapping[str, Any]) -> dict[str, Any]:
    return {"outlet": str(value.get("outlet") or ""), "article": str(value.get("article") or ""),
            "text": str(value.get("text") or ""), "value": views.value_display(value)}


def _figure(story_id: str, title: str, fact: Mapping, value: Mapping, earlier: Sequence[Mapping]) -> dict[str, Any]:
    counted = str(value.get("counted") or "")
    return {"key": content_hash("updated_figure", story_id, str(fact.get("id") or ""), str(value.get("article")),
                                repr(_number(value))),
            "kind": "updated_figure", "story_id": story_id,
            "data": {"title": title, "fact": str(fact.get("id") or ""), "counted": counted,
                     "label": views.fact_label(fact, fact.get("claims") or []),
                     "before": [_display(v) for v in earlier], "now": _display(value),
                     "explanation": f"{counted or 'figure'}: {_values(earlier)} -> {views.value_display(value)} "
                                    f"({value.get('outlet') or 'new report'})"}}


def _values(values: Sequence[Mapping]) -> str:
    return ", ".join(dict.fromkeys(views.value_display(v) for v in values))
