"""Change records (``newsweave.changes``) and watch polls as one line of text each: for `newsweave watch`, the web
app's "what changed" page and its Atom feed."""
from __future__ import annotations

from typing import Any, Mapping

KIND_LABELS = {"new_story": "new story", "new_articles": "new articles", "new_conflict": "new conflict",
               "updated_figure": "updated figure"}


def change_title(change: Mapping[str, Any]) -> str:
    """'new conflict: 10 vs 12 people killed' — what happened, without the story."""
    data = change.get("data") or {}
    kind = str(change.get("kind") or "")
    label = KIND_LABELS.get(kind, kind.replace("_", " "))
    if kind in ("new_story", "new_articles"):
        articles = data.get("articles") or []
        outlets = sorted({str(a.get("outlet") or "?") for a in articles})
        count = f"{len(articles)} article{'s' if len(articles) != 1 else ''}"
        return f"{label}: {count} ({', '.join(outlets)})"
    return f"{label}: {data.get('explanation') or data.get('label') or ''}".rstrip(": ")


def change_line(change: Mapping[str, Any]) -> str:
    """'new conflict in 3f2a9c1d "Bridge collapse": 10 vs 12 people killed'."""
    data = change.get("data") or {}
    story = str(change.get("story_id") or "")[:8]
    title = _clip(str(data.get("title") or ""), 70)
    head, _, rest = change_title(change).partition(": ")
    return f'{head} in {story} "{title}"' + (f": {rest}" if rest else "")


def poll_line(report) -> str:
    """One line per poll: '<url>: 3 new items of 20; added 3, ...', '<url>: not modified', '<url>: failed: ...'."""
    if report.outcome == "failed":
        return f"{report.url}: failed: {report.errors[0] if report.errors else 'unknown error'} " \
               f"(retry in {duration(report.retry_in or 0)})"
    if report.outcome == "not modified":
        return f"{report.url}: not modified"
    if report.outcome == "unchanged":
        return f"{report.url}: {report.items} items, none new"
    s = report.summary
    return (f"{report.url}: {report.fresh} new item{'s' if report.fresh != 1 else ''} of {report.items}; "
            f"added {s.added}, duplicates {s.duplicates}, copies {s.copies}, errors {len(report.errors)}")


def duration(seconds: float) -> str:
    """90 -> '1m30s', 7200 -> '2h'."""
    seconds = int(round(seconds))
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts[:2]) or "0s"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
