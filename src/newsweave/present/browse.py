"""The browsing views (story list and fact list with facets, sorting and paging, "what changed") as plain dicts, their
links (every view's permalink and its JSON and CSV twins) and their CSV; claims' sentence links and citations.

Pure: rows and facet counts come from the store (``store/browse.py``); here they become what a page shows.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlencode

from . import views
from .views import claim_source
from .changes import KIND_LABELS, change_title

PARAMS = ("q", "story", "outlet", "status", "entity", "place", "since", "until", "sort", "page")  # permalink order
MULTI = ("outlet", "status", "entity", "place")
FACET_LABELS = {"status": "Status", "outlet": "Outlet", "place": "Place", "entity": "Entity", "story": "Story"}
STATUS_LABELS = {**views.STATUS_LABELS, "updated": "updated"}
STORY_COLUMNS = (("title", "Story", "asc"), ("outlets", "Outlets", "desc"), ("articles", "Articles", "desc"),
                 ("first", "First", "desc"), ("last", "Last", "desc"), ("facts", "Facts", "desc"))
FACT_COLUMNS = (("status", "Status", "asc"), ("label", "Fact", "asc"), ("outlets", "Outlets", "desc"),
                ("first", "First reported", "desc"), ("story", "Story", "asc"))
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


# --------------------------------------------------------------------------- links

def canonical(params: Mapping[str, Sequence[str]]) -> list[tuple[str, str]]:
    """The query as (key, value) pairs in one stable order (keys as in PARAMS, values sorted, empty ones dropped)."""
    pairs = []
    for key in PARAMS:
        values = [v for v in params.get(key, ()) if v not in (None, "")]
        if key == "page" and values == ["1"]:
            continue
        pairs += [(key, v) for v in (sorted(set(values)) if key in MULTI else values[:1])]
    return pairs


def href(path: str, params: Mapping[str, Sequence[str]], **changes: Sequence[str] | None) -> str:
    """``path?query`` with some parameters replaced (None drops one); paging restarts unless ``page`` is given."""
    merged = {k: list(v) for k, v in params.items()}
    if "page" not in changes:
        merged.pop("page", None)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = list(value)
    query = urlencode(canonical(merged))
    return path + (f"?{query}" if query else "")


def twins(path: str, params: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The view's permalink and its JSON and CSV exports (same query, page included)."""
    keep = {k: v for k, v in params.items()}
    page = {"page": params["page"]} if params.get("page") else {}
    return {"permalink": href(path, keep, **page), "json": href(path + ".json", keep, **page),
            "csv": href(path + ".csv", keep, page=None)}


def facet_view(name: str, counts: Sequence[tuple[str, int]], path: str, params: Mapping[str, Sequence[str]],
               titles: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A facet: its values with counts, whether each is chosen, and the link that chooses or drops it."""
    chosen = list(params.get(name, ()))
    single = name == "story"
    values = [(v, n) for v, n in counts]
    values += [(v, 0) for v in chosen if v not in dict(counts)]  # a chosen value stays visible
    out = []
    for value, count in values:
        selected = value in chosen
        if single:
            toggled = None if selected else [value]
        else:
            toggled = [v for v in chosen if v != value] if selected else chosen + [value]
        label = (titles or {}).get(value) or (STATUS_LABELS.get(value, value) if name == "status" else value)
        out.append({"value": value, "label": label, "count": count, "selected": selected,
                    "href": href(path, params, **{name: toggled or None})})
    return {"name": name, "label": FACET_LABELS.get(name, name), "options": out}


def chosen(facets: Sequence[Mapping[str, Any]], path: str, params: Mapping[str, Sequence[str]]) -> list[dict[str, Any]]:
    """The filters in force, each with the link that drops it (facet values, words, dates)."""
    out = [{"label": f"{f['label'].lower()}: {o['label']}", "href": o["href"]}
           for f in facets for o in f["options"] if o["selected"]]
    for key, label in (("q", "words"), ("since", "from"), ("until", "to")):
        if params.get(key):
            out.append({"label": f"{label}: {params[key][0]}", "href": href(path, params, **{key: None})})
    return out


def sort_headers(columns: Iterable[tuple[str, str, str]], path: str, params: Mapping[str, Sequence[str]],
                 current: str) -> list[dict[str, Any]]:
    """Column headers: each links to the view sorted by it (first click in its natural direction, then reversed)."""
    name, descending = (current[1:], True) if current.startswith("-") else (current, False)
    out = []
    for key, label, natural in columns:
        if key == name:
            direction = "desc" if descending else "asc"
            flip = key if descending else f"-{key}"
        else:
            direction = None
            flip = f"-{key}" if natural == "desc" else key
        out.append({"key": key, "label": label, "dir": direction, "href": href(path, params, sort=[flip])})
    return out


def pages(total: int, page: int, size: int, path: str, params: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    count = max(1, -(-total // size))
    return {"page": page, "pages": count, "total": total,
            "prev": href(path, params, page=[str(page - 1)]) if page > 1 else None,
            "next": href(path, params, page=[str(page + 1)]) if page < count else None}


# --------------------------------------------------------------------------- rows

def story_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {**row, "span": views.span_text(row.get("first"), row.get("last")), "href": f"/story/{row['id']}"}


def fact_row(row: Mapping[str, Any], articles: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    claims = []
    for c in row.get("claims") or []:
        if isinstance(c, Mapping):
            claims.append({"article": str(c.get("article") or ""), "outlet": str(c.get("outlet") or ""),
                           "text": str(c.get("text") or ""), **claim_source(c, articles.get(str(c.get("article"))))})
    return {"story_id": row["story_id"], "story_title": row["story_title"], "id": row["id"], "n": row["n"],
            "status": row["status"], "status_label": STATUS_LABELS.get(row["status"], row["status"]),
            "label": row["label"], "first": row["first"], "outlets": row["outlets"], "claims": claims,
            "href": f"/story/{row['story_id']}#fact-{row['id']}"}


# --------------------------------------------------------------------------- what changed

def change_view(change: Mapping[str, Any], seen: int) -> dict[str, Any]:
    data = change.get("data") or {}
    anchor = f"#fact-{data['fact']}" if data.get("fact") else ""
    return {"seq": change["seq"], "at": change["at"], "kind": change["kind"],
            "kind_label": KIND_LABELS.get(change["kind"], change["kind"]), "story_id": change.get("story_id"),
            "story_title": str(data.get("title") or ""), "title": change_title(change), "new": change["seq"] > seen,
            "href": f"/story/{change.get('story_id')}{anchor}" if change.get("story_id") else "/",
            "key": change["key"], "data": data}


# --------------------------------------------------------------------------- CSV

def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """CSV with a header row; lists joined by "; "; a cell that a spreadsheet would run as a formula is quoted
    with a leading apostrophe (article text is hostile input)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, dict):
        value = "; ".join(f"{k}={v}" for k, v in value.items())
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


# --------------------------------------------------------------------------- an article's sentences

def article_regions(text: str, sentences: Sequence[Mapping[str, Any]], spans: Sequence[tuple[int, int, str, str]],
                    highlight: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """The article text as regions: each sentence (its index, an anchor ``s<index>``, whether the highlight falls in
    it) or the text between two sentences, each cut into runs [{text, kind, note, mark}]: annotation spans
    (entity, time, quantity: ``spans`` of (start, end, kind, note), overlaps dropped) and the highlighted range."""
    bounds = []
    pos = 0
    for s in sorted(sentences, key=lambda s: int(s.get("start", 0))):
        start, end = int(s.get("start", 0)), int(s.get("end", 0))
        if start < pos or not 0 <= start < end <= len(text):
            continue
        if start > pos:
            bounds.append((pos, start, None))
        bounds.append((start, end, int(s.get("index", len(bounds)))))
        pos = end
    if pos < len(text):
        bounds.append((pos, len(text), None))
    kept, last = [], 0
    for start, end, kind, note in sorted(spans):
        if start >= last and 0 <= start < end <= len(text):
            kept.append((start, end, kind, note))
            last = end
    lo, hi = highlight if highlight and 0 <= highlight[0] < highlight[1] <= len(text) else (-1, -1)
    regions = []
    for start, end, index in bounds:
        runs = _runs_between(text, start, end, kept, lo, hi)
        regions.append({"sentence": index, "anchor": f"s{index}" if index is not None else None,
                        "cited": index is not None and lo < end and hi > start, "parts": runs})
    first = next((p for r in regions for p in r["parts"] if p["mark"]), None)
    if first is not None:
        first["anchor"] = "hl"
    return regions


def _runs_between(text: str, start: int, end: int, spans, lo: int, hi: int) -> list[dict[str, Any]]:
    cuts = {start, end} | {c for c in (lo, hi) if start < c < end}
    for s, e, _, _ in spans:
        cuts |= {c for c in (s, e) if start < c < end}
    edges = sorted(cuts)
    runs = []
    for a, b in zip(edges, edges[1:]):
        span = next((x for x in spans if x[0] <= a and b <= x[1]), None)
        runs.append({"text": text[a:b], "kind": span[2] if span else "", "note": span[3] if span else "",
                     "mark": lo <= a and b <= hi, "anchor": None})
    return _merged(runs)


def _merged(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for run in runs:
        if out and all(out[-1][k] == run[k] for k in ("kind", "note", "mark")) and not run["kind"]:
            out[-1]["text"] += run["text"]
        else:
            out.append(run)
    return out
