"""View dicts built from a dossier dict: one plain dict feeds the terminal, Markdown, JSON and HTML.

Everything here is pure data (strings, numbers, lists, dicts). Chart geometry (SVG coordinates) is computed
here too, so templates only place escaped values into fixed markup.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any, Iterable, Mapping, Sequence

VIEW_SCHEMA = "newsweave.view/1"
STATUSES = ("conflicting", "updated", "corroborated", "single_source")  # headline precedence: conflicts first
STATUS_LABELS = {"corroborated": "corroborated", "single_source": "single source", "conflicting": "conflicting",
                 "updated": "updated"}
_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    "the a an and or of in on at to for from by with that this was were is are be been has have had he she it "
    "they them their his her its as not but who which said says".split()
)


# --------------------------------------------------------------------------- entry points

def story_dossier(dossier: Mapping[str, Any], story_id: str | None = None) -> dict[str, Any]:
    """The first story of a dossier dict (or the one with ``story_id``), or {} when there is none."""
    if "facts" in dossier and "stories" not in dossier:  # one story's dossier stored on its own
        return dict(dossier)
    stories = list(dossier.get("stories") or [])
    if story_id is not None:
        for story in stories:
            if story.get("id") == story_id:
                return dict(story)
    return dict(stories[0]) if stories else {}


def dossier_view(dossier: Mapping[str, Any], story_id: str | None = None) -> dict[str, Any]:
    """Everything a dossier page shows, as one dict."""
    story = story_dossier(dossier, story_id)
    facts = [f for f in story.get("facts") or [] if isinstance(f, Mapping)]
    articles = [a for a in story.get("articles") or [] if isinstance(a, Mapping)]
    outlets = outlet_names(articles, facts)
    aliases = alias_map(story.get("entities") or [])
    fact_views = [fact_view(f, articles, i) for i, f in enumerate(facts)]
    current = [f for f in fact_views if not f["background"]]
    return {
        "schema": VIEW_SCHEMA,
        "story": story_summary(story),
        "articles": [article_ref(a) for a in articles],
        "outlets": outlets,
        "outlet_summary": outlet_summary(story, facts, outlets),
        "key_facts": key_facts(fact_views, story.get("key_facts")),
        "matrix": coverage_matrix(current, outlets),
        "facts": current,
        "background": [f for f in fact_views if f["background"]],
        "numbers": numbers_panel(current, aliases),
        "timeline": timeline(fact_views),
        "entities": entity_list(story.get("entities") or []),
        "quotes": quotes_by_speaker(fact_views, aliases),
    }


def story_list_view(stories: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The story list: each item is a story dict of a dossier (or a store story with a dossier attached)."""
    return {"schema": VIEW_SCHEMA, "stories": [story_summary(s) for s in stories]}


# --------------------------------------------------------------------------- small pieces

def story_summary(story: Mapping[str, Any]) -> dict[str, Any]:
    articles = [a for a in story.get("articles") or [] if isinstance(a, Mapping)]
    facts = [f for f in story.get("facts") or [] if isinstance(f, Mapping)]
    dates = sorted(str(a["published"]) for a in articles if a.get("published"))
    first, last = (dates[0], dates[-1]) if dates else (story.get("first"), story.get("last"))
    counts = {s: 0 for s in STATUSES}
    for f in facts:
        counts[_status(f)] += 1
    return {
        "id": str(story.get("id") or ""),
        "title": str(story.get("title") or "(untitled story)"),
        "outlets": outlet_names(articles, facts),
        "articles": len(articles),
        "first": first,
        "last": last,
        "facts": len(facts),
        "counts": counts,
        "span": span_text(first, last),
    }


def span_text(first: Any, last: Any) -> str:
    """'2025-01-11' or '2025-01-09 – 2025-01-11' (days only) for display."""
    a, b = str(first or "")[:10], str(last or "")[:10]
    if not a and not b:
        return ""
    return a or b if a == b or not (a and b) else f"{a} – {b}"


def outlet_names(articles: Sequence[Mapping[str, Any]], facts: Sequence[Mapping[str, Any]] = ()) -> list[str]:
    """Outlets in order of first appearance (articles first, then facts)."""
    seen: dict[str, None] = {}
    for a in articles:
        seen.setdefault(str(a.get("outlet") or ""), None)
    for f in facts:
        for c in f.get("claims") or []:
            seen.setdefault(str(c.get("outlet") or ""), None)
    return [o for o in seen if o]


def article_ref(a: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": str(a.get("id") or ""), "outlet": str(a.get("outlet") or ""), "title": str(a.get("title") or ""),
            "published": a.get("published"), "url": safe_url(a.get("url")), "path": a.get("path")}


def safe_url(url: Any) -> str | None:
    """Only absolute http(s) URLs survive; anything else (javascript:, data:, relative) becomes None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if re.match(r"^https?://[^\s/?#]+", url, re.IGNORECASE) and not re.search(r"[\x00-\x20\"'<>`]", url):
        return url
    return None


def _status(fact: Mapping[str, Any]) -> str:
    status = str(fact.get("status") or "single_source")
    return status if status in STATUSES else "single_source"


def alias_map(entities: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in entities:
        name = str(e.get("name") or "")
        for alias in [name, *(e.get("aliases") or [])]:
            out[str(alias).casefold()] = name
    return out


def canonical(name: str, aliases: Mapping[str, str]) -> str:
    if not name:
        return ""
    key = name.casefold()
    if key in aliases:
        return aliases[key]
    for alias, target in aliases.items():  # "President Volodymyr Zelenskyy" -> Zelensky by last-word alias
        if alias and len(alias) > 3 and key.endswith(" " + alias):
            return target
    return name


def entity_list(entities: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out = [{"name": str(e.get("name") or ""), "type": str(e.get("type") or ""),
            "aliases": sorted({str(a) for a in e.get("aliases") or [] if str(a) != e.get("name")})}
           for e in entities if isinstance(e, Mapping)]
    return sorted(out, key=lambda e: (e["type"], e["name"].casefold()))


def outlet_summary(story: Mapping[str, Any], facts: Sequence[Mapping[str, Any]], outlets: Sequence[str]):
    given = {str(o.get("outlet")): o for o in story.get("outlets") or [] if isinstance(o, Mapping)}
    out = []
    for outlet in outlets:
        reports = [str(f.get("id")) for f in facts if outlet in _fact_outlets(f)]
        entry = given.get(outlet, {})
        out.append({"outlet": outlet, "reports": len(reports),
                    "adds": [str(x) for x in entry.get("adds") or []],
                    "omits": [str(x) for x in entry.get("omits") or []]})
    return out


def _fact_outlets(fact: Mapping[str, Any]) -> list[str]:
    names = [str(o) for o in fact.get("outlets") or []]
    for c in fact.get("claims") or []:
        if c.get("outlet") and str(c["outlet"]) not in names:
            names.append(str(c["outlet"]))
    return names


# --------------------------------------------------------------------------- facts

def fact_view(fact: Mapping[str, Any], articles: Sequence[Mapping[str, Any]], index: int) -> dict[str, Any]:
    claims = [c for c in fact.get("claims") or [] if isinstance(c, Mapping)]
    urls = {str(a.get("id")): safe_url(a.get("url")) for a in articles}
    refs = {str(a.get("id")): a for a in articles}
    status = _status(fact)
    slot = fact.get("slot") if isinstance(fact.get("slot"), Mapping) else None
    return {
        "id": str(fact.get("id") or f"fact-{index}"),
        "n": index + 1,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "statuses": _statuses(fact, status),
        "slot": slot_view(slot),
        "background": bool(fact.get("background")),
        "anchor": str(fact.get("anchor") or ""),
        "latest": report_view(fact.get("latest")) if isinstance(fact.get("latest"), Mapping) else None,
        "history": [report_view(h) for h in fact.get("history") or [] if isinstance(h, Mapping)],
        "primary_sources": [str(x) for x in fact.get("primary_sources") or []],
        "label": fact_label(fact, claims),
        "explanation": str(fact.get("explanation") or ""),
        "partial": bool(fact.get("partial")),
        "outlets": _fact_outlets(fact),
        "claims": [claim_view(c, claims, urls) | claim_source(c, refs.get(str(c.get("article") or "")))
                   for c in claims],
        "conflicts": [conflict_view(c) for c in fact.get("conflicts") or [] if isinstance(c, Mapping)],
        "values": [dict(v) for v in fact.get("values") or [] if isinstance(v, Mapping)],
        "times": [dict(t) for t in fact.get("times") or [] if isinstance(t, Mapping)],
    }


def _statuses(fact: Mapping[str, Any], status: str) -> list[str]:
    given = [str(s) for s in fact.get("statuses") or [] if str(s) in STATUSES]
    return sorted(set(given) | {status}, key=STATUSES.index)


def slot_view(slot: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The slot with a reader's name: "deaths", "count of soldiers captured", "magnitude"."""
    if not slot:
        return None
    attribute, counted = str(slot.get("attribute") or ""), str(slot.get("counted") or "")
    name = attribute.replace("_", " ")
    if counted and counted.casefold() not in name.casefold():
        name = f"{name}: {counted}" if name else counted
    return {"key": str(slot.get("key") or f"{attribute}|{counted}"), "event": str(slot.get("event") or ""),
            "attribute": attribute, "counted": counted, "name": name or "value"}


def report_view(r: Mapping[str, Any]) -> dict[str, Any]:
    """One reported value of a slot (``latest`` or a ``history`` entry) with its display text."""
    low, high = _num(r.get("low")), _num(r.get("high"))
    unit = str(r.get("unit") or "")
    value = r.get("value")
    if low is None and high is None and isinstance(value, (int, float)) and not isinstance(value, bool):
        low = high = float(value)
    display = _display_value(low, high, "", unit) if (low is not None or high is not None) else _plain_value(value)
    return {"value": _plain_value(value), "low": low, "high": high, "unit": unit, "display": display,
            "outlet": str(r.get("outlet") or ""), "source": str(r.get("source") or ""),
            "time": str(r.get("time") or ""), "claim": str(r.get("claim") or ""),
            "kind": str(r.get("kind") or "report")}


def fact_label(fact: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> str:
    """A whole statement: the fact's own label, else its first claim's clause when that reads as a sentence on its
    own (a capital or a digit first, a few words), else that claim's whole sentence."""
    for key in ("label", "summary", "title"):
        if fact.get(key):
            return _shorten(str(fact[key]))
    for c in claims:
        clause = _clause_text(c)
        if clause and _whole(clause):
            return _shorten(clause)
    return _shorten(str(claims[0].get("text") or "")) if claims else "(no claim)"


def _whole(clause: str) -> bool:
    text = clause.strip(" \"“‘'(")
    return bool(text) and (text[0].isupper() or text[0].isdigit()) and len(_WORD.findall(text)) >= 4


def _shorten(text: str, limit: int = 160) -> str:
    """At most ``limit`` characters, cut at a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def _clause_text(c: Mapping[str, Any]) -> str:
    if c.get("clause"):
        return str(c["clause"])
    lo, hi = _clause_bounds(c)
    return str(c.get("text") or "")[lo:hi] if hi > lo else ""


def _clause_bounds(c: Mapping[str, Any]) -> tuple[int, int]:
    """Clause offsets relative to the sentence text; (0, 0) when the claim has none."""
    text = str(c.get("text") or "")
    try:
        start, cs, ce = int(c.get("start", 0)), int(c.get("clause_start", -1)), int(c.get("clause_end", -1))
    except (TypeError, ValueError):
        return 0, 0
    if cs < 0 or ce <= cs:
        return 0, 0
    lo, hi = cs - start, ce - start
    if 0 <= lo < hi <= len(text):
        return lo, hi
    return 0, 0


def claim_view(c: Mapping[str, Any], siblings: Sequence[Mapping[str, Any]], urls: Mapping[str, Any]):
    text = str(c.get("text") or "")
    article = str(c.get("article") or "")
    return {
        "article": article,
        "outlet": str(c.get("outlet") or ""),
        "text": text,
        "start": c.get("start"),
        "end": c.get("end"),
        "attributed_to": str(c.get("attributed_to") or ""),
        "quote": bool(c.get("quote")),
        "language": str(c.get("language") or ""),
        "url": urls.get(article),
        "parts": highlight_parts(c, [s for s in siblings if s is not c]),
    }


def highlight_parts(c: Mapping[str, Any], others: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Split the sentence into [{text, mark}] runs: the matched clause, else words shared with other claims."""
    text = str(c.get("text") or "")
    lo, hi = _clause_bounds(c)
    if hi > lo:
        return _runs(text, [(lo, hi)])
    shared = set()
    for o in others:
        shared |= _content_words(str(o.get("clause") or _clause_text(o) or o.get("text") or ""))
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text) if m.group().casefold() in shared]
    return _runs(text, _merge(spans, text))


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if len(w) > 2 and w.casefold() not in _STOP}


def _merge(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and not text[out[-1][1]:lo].strip(" ,'’-"):
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _runs(text: str, spans: Sequence[tuple[int, int]]) -> list[dict[str, Any]]:
    parts, pos = [], 0
    for lo, hi in spans:
        if lo > pos:
            parts.append({"text": text[pos:lo], "mark": False})
        parts.append({"text": text[lo:hi], "mark": True})
        pos = hi
    if pos < len(text):
        parts.append({"text": text[pos:], "mark": False})
    return parts


def conflict_view(c: Mapping[str, Any]) -> dict[str, Any]:
    def side(s: Any) -> dict[str, Any]:
        s = s if isinstance(s, Mapping) else {}
        return {"article": str(s.get("article") or ""), "outlet": str(s.get("outlet") or ""),
                "text": str(s.get("text") or ""), "value": _plain_value(s.get("value")),
                "attributed_to": str(s.get("attributed_to") or "")}

    return {"kind": str(c.get("kind") or ""), "a": side(c.get("a")), "b": side(c.get("b")),
            "explanation": str(c.get("explanation") or "")}


def _plain_value(v: Any) -> str:
    if isinstance(v, Mapping):
        return ", ".join(f"{k}={v[k]}" for k in v if v[k] not in (None, ""))
    return "" if v is None else str(v)


# --------------------------------------------------------------------------- key facts

KEY_MAX = 12  # rows of a dossier without slots (newsweave.dossier/1): its conflicting and corroborated facts
HIST_W, HIST_H, HIST_PAD = 200, 44, 6


def key_facts(facts: Sequence[Mapping[str, Any]], given: Any = None) -> list[dict[str, Any]]:
    """One row per slot of the current event, conflicts first: the dossier's ``key_facts`` when it names them, else
    its slot facts one per slot, else (a dossier without slots) its conflicting and corroborated facts."""
    by_id = {f["id"]: f for f in facts}
    chosen = [by_id[str(i)] for i in given or [] if str(i) in by_id]
    if not chosen:
        seen: set[str] = set()
        for f in sorted((f for f in facts if f["slot"] and not f["background"]), key=_precedence):
            if f["slot"]["key"] not in seen:
                seen.add(f["slot"]["key"])
                chosen.append(f)
    if not chosen:
        chosen = [f for f in sorted(facts, key=_precedence)
                  if not f["background"] and f["status"] in ("conflicting", "corroborated")][:KEY_MAX]
    return [key_fact_row(f) for f in sorted(chosen, key=_precedence)]


def _precedence(f: Mapping[str, Any]) -> tuple[int, int]:
    return STATUSES.index(f["status"]), f["n"]


def key_fact_row(f: Mapping[str, Any]) -> dict[str, Any]:
    """A key fact: its slot, the value that stands now (else the values reported), and its history as a chart."""
    latest = f["latest"]
    shown = latest["display"] if latest else " / ".join(dict.fromkeys(
        _display_value(_num(v.get("low")), _num(v.get("high")), str(v.get("qualifier") or ""), str(v.get("unit") or ""))
        for v in f["values"] if _num(v.get("low")) is not None or _num(v.get("high")) is not None))
    return {"fact": f["id"], "n": f["n"], "status": f["status"], "status_label": f["status_label"],
            "statuses": f["statuses"], "label": f["label"], "slot": f["slot"]["name"] if f["slot"] else "",
            "value": shown, "latest": latest, "history": [{**h, "when": _when(h["time"])} for h in f["history"]],
            "chart": history_chart(f["history"]), "outlets": f["outlets"], "primary_sources": f["primary_sources"],
            "explanation": f["explanation"]}


def _when(time: str) -> str:
    """'2025-01-11 09:00' (or the day alone) for display."""
    return time[:16].replace("T", " ") if len(time) > 10 else time


def history_chart(history: Sequence[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Values over reported time (x by time when every report has one, else in order; y by value): a polyline
    with a dot per report, or None with fewer than two numeric reports."""
    points = [h for h in history if h["low"] is not None or h["high"] is not None]
    if len(points) < 2:
        return None
    values = [h["high"] if h["high"] is not None else h["low"] for h in points]
    moments = [_moment(h["time"]) for h in points]
    span = (max(moments) - min(moments)) if all(m is not None for m in moments) else 0
    width = HIST_W - 2 * HIST_PAD
    xs = [HIST_PAD + ((m - min(moments)) / span if span else i / (len(points) - 1)) * width
          for i, m in enumerate(moments)]
    lo, hi = min(values), max(values)
    ys = [HIST_H - HIST_PAD - ((v - lo) / (hi - lo) if hi > lo else 0.5) * (HIST_H - 2 * HIST_PAD) for v in values]
    dots = [{"x": round(x, 1), "y": round(y, 1), "kind": h["kind"],
             "label": f'{h["display"]} ({", ".join(x for x in (h["outlet"], _when(h["time"])) if x)})'}
            for x, y, h in zip(xs, ys, points)]
    return {"width": HIST_W, "height": HIST_H, "line": " ".join(f'{d["x"]},{d["y"]}' for d in dots), "dots": dots}


def _moment(value: str) -> float | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


# --------------------------------------------------------------------------- coverage matrix

def coverage_matrix(facts: Sequence[Mapping[str, Any]], outlets: Sequence[str]) -> dict[str, Any]:
    rows = []
    for f in facts:
        reported = set(f["outlets"])
        rows.append({"fact": f["id"], "n": f["n"], "label": f["label"], "status": f["status"],
                     "status_label": f["status_label"], "statuses": f["statuses"],
                     "cells": [{"outlet": o, "reports": o in reported,
                                "status": f["status"] if o in reported else "absent"} for o in outlets]})
    order = {s: i for i, s in enumerate(STATUSES)}
    rows.sort(key=lambda r: (order[r["status"]], r["n"]))
    return {"columns": list(outlets), "rows": rows}


# --------------------------------------------------------------------------- numbers panel

CHART_W, BAR_H, LABEL_W = 420, 18, 150


def numbers_panel(facts: Sequence[Mapping[str, Any]], aliases: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every quantity with all its values and sources, with bar geometry: one chart per slot (facts without a slot:
    grouped by what is counted). Background facts are left out by the caller."""
    groups: dict[str, dict[str, Any]] = {}
    for f in facts:
        for v in f["values"]:
            low, high = _num(v.get("low")), _num(v.get("high"))
            if low is None and high is None:
                continue
            counted = str(v.get("counted") or v.get("text") or "quantity")
            key = "slot:" + f["slot"]["key"] if f["slot"] else "counted:" + counted
            group = groups.setdefault(key, {"counted": f["slot"]["name"] if f["slot"] else counted,
                                            "slot": f["slot"]["key"] if f["slot"] else None, "reports": []})
            group["reports"].append({
                "fact": f["id"], "outlet": str(v.get("outlet") or ""), "article": str(v.get("article") or ""),
                "text": str(v.get("text") or ""), "low": low, "high": high,
                "qualifier": str(v.get("qualifier") or ""), "unit": str(v.get("unit") or ""),
                "display": _display_value(low, high, str(v.get("qualifier") or ""), str(v.get("unit") or "")),
            })
    panels = [{**g, "distinct": len({(x["low"], x["high"]) for x in g["reports"]}), "chart": _bar_chart(g["reports"])}
              for g in groups.values()]
    return sorted(panels, key=lambda p: (p["slot"] is None, -len(p["reports"]), p["counted"].casefold()))


def _num(x: Any) -> float | None:
    try:
        return None if x is None else float(x)
    except (TypeError, ValueError):
        return None


def _fmt(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")


def value_display(value: Mapping[str, Any]) -> str:
    """A reported value as a reader writes it: "at least 12", "10–15 km", or its text when it has no number."""
    low, high = _num(value.get("low")), _num(value.get("high"))
    if low is None and high is None:
        return str(value.get("text") or "")
    return _display_value(low, high, str(value.get("qualifier") or ""), str(value.get("unit") or ""))


def _display_value(low, high, qualifier: str, unit: str) -> str:
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to ",
             "less_than": "less than "}
    if low is not None and high is not None and low != high:
        core = f"{_fmt(low)}–{_fmt(high)}"
    else:
        core = _fmt(low if low is not None else high)
    return (words.get(qualifier, "") + core + (f" {unit}" if unit else "")).strip()


def _bar_chart(values: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    top = max((v["high"] if v["high"] is not None else v["low"]) or 0 for v in values) or 1.0
    scale = (CHART_W - LABEL_W - 70) / (top * (1.15 if any(v["high"] is None for v in values) else 1.0))
    bars = []
    for i, v in enumerate(values):
        low = v["low"] if v["low"] is not None else 0.0
        high = v["high"] if v["high"] is not None else low
        x0 = LABEL_W + low * scale if high > low else LABEL_W
        x1 = LABEL_W + max(high, low) * scale
        y = 4 + i * (BAR_H + 6)
        bars.append({"y": y, "x": round(x0, 1), "w": round(max(x1 - x0, 2.0), 1), "open": v["high"] is None,
                     "ty": y + BAR_H - 5, "vx": round(x1 + 6, 1), "label": v["outlet"], "value": v["display"],
                     "range": high > low})
    return {"width": CHART_W, "height": 8 + len(values) * (BAR_H + 6), "bars": bars, "bar_h": BAR_H,
            "label_w": LABEL_W}


# --------------------------------------------------------------------------- timeline

TL_W, TL_ROW = 760, 22


def timeline(facts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Resolved event times (not publication times) on one axis; each event links to its facts."""
    events: dict[tuple[str, str | None], dict[str, Any]] = {}
    for f in facts:
        for t in f["times"]:
            begin, until = _day(t.get("begin")), _day(t.get("until"))
            if begin is None:
                continue
            key = (begin.isoformat(), until.isoformat() if until else None)
            ev = events.setdefault(key, {"begin": key[0], "until": key[1], "texts": [], "facts": [],
                                         "outlets": [], "granularity": str(t.get("granularity") or "")})
            _add(ev["texts"], str(t.get("text") or ""))
            _add(ev["facts"], f["id"])
            _add(ev["outlets"], str(t.get("outlet") or ""))
    items = sorted(events.values(), key=lambda e: (e["begin"], e["until"] or ""))
    return _timeline_geometry(items, {f["id"]: f["label"] for f in facts})


def _add(seq: list, item: Any) -> None:
    if item and item not in seq:
        seq.append(item)


def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(str(value)[:10])
        except ValueError:
            return None


def _timeline_geometry(items: list[dict[str, Any]], labels: Mapping[str, str]) -> dict[str, Any]:
    if not items:
        return {"events": [], "ticks": [], "width": TL_W, "height": 0, "broken": None}
    lo = min(date.fromisoformat(e["begin"]) for e in items)
    hi = max(date.fromisoformat(e["until"]) if e["until"] else date.fromisoformat(e["begin"]) for e in items)
    axis = _Axis(lo, hi)
    for i, e in enumerate(items):
        b = date.fromisoformat(e["begin"])
        end = date.fromisoformat(e["until"]) if e["until"] else None
        e["x"] = axis.x(b)
        e["w"] = round(max((axis.x(end) if end else TL_W - 20) - e["x"], 6.0), 1)
        e["open"] = end is None
        e["y"] = 30 + i * TL_ROW
        e["date"] = _date_label(b, end)
        e["labels"] = [labels.get(fid, fid) for fid in e["facts"]]
        e["tx"] = min(e["x"], TL_W - 420)
        e["caption"] = _shorten(f'{e["date"]}: {"; ".join(e["labels"])}', int((TL_W - e["tx"]) / 6.3))
    return {"events": items, "ticks": axis.ticks(), "width": TL_W, "height": 40 + len(items) * TL_ROW,
            "start": lo.isoformat(), "end": hi.isoformat(), "broken": axis.break_x}


class _Axis:
    """Linear time axis; when the span exceeds a year, the last year takes 3/4 of the width (a broken axis)."""

    X0, X1 = 20.0, TL_W - 20.0

    def __init__(self, lo: date, hi: date):
        self.lo, self.hi = lo, max(hi, lo + timedelta(days=1))
        recent = self.hi - timedelta(days=365)
        self.cut = recent if recent > lo else None
        self.break_x = round(self.X0 + 0.25 * (self.X1 - self.X0), 1) if self.cut else None

    def x(self, d: date) -> float:
        if self.cut is None:
            return round(self.X0 + (d - self.lo).days / (self.hi - self.lo).days * (self.X1 - self.X0), 1)
        if d < self.cut:
            return round(self.X0 + (d - self.lo).days / max((self.cut - self.lo).days, 1) * (self.break_x - self.X0), 1)
        return round(self.break_x + (d - self.cut).days / 365 * (self.X1 - self.break_x), 1)

    def ticks(self) -> list[dict[str, Any]]:
        out = []
        if self.cut is not None:
            for y in range(self.lo.year + 1, self.cut.year + 1):
                x = self.x(date(y, 1, 1))
                if date(y, 1, 1) < self.cut and x < self.break_x - 30 and (not out or x - out[-1]["x"] >= 34):
                    out.append({"x": x, "label": str(y)})
        start = self.cut or self.lo
        y, m = start.year, start.month
        while date(y, m, 1) <= self.hi:
            d = date(y, m, 1)
            if d >= start:
                out.append({"x": self.x(d), "label": d.strftime("%b %Y") if m in (1, 4, 7, 10) else d.strftime("%b")})
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def _date_label(b: date, end: date | None) -> str:
    if end is None:
        return f"since {b.isoformat()}"
    last = end - timedelta(days=1)
    return b.isoformat() if last <= b else f"{b.isoformat()} – {last.isoformat()}"


# --------------------------------------------------------------------------- quotes

def quotes_by_speaker(facts: Sequence[Mapping[str, Any]], aliases: Mapping[str, str]) -> list[dict[str, Any]]:
    """Quoted facts grouped by canonical speaker, each with every outlet's wording."""
    speakers: dict[str, list[dict[str, Any]]] = {}
    for f in facts:
        quoted = [c for c in f["claims"] if c["quote"]]
        if not quoted:
            continue
        speaker = canonical(quoted[0]["attributed_to"], aliases) or "(unattributed)"
        speakers.setdefault(speaker, []).append({
            "fact": f["id"], "label": f["label"], "status": f["status"],
            "wordings": [{"outlet": c["outlet"], "text": c["text"], "article": c["article"],
                          "speaker": c["attributed_to"]} for c in quoted],
        })
    return [{"speaker": s, "quotes": q} for s, q in sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


# --------------------------------------------------------------------------- sentences and citations

def sentence_href(article_id: str, start: Any, end: Any) -> str:
    """The article page with these characters highlighted, scrolled to them."""
    try:
        return f"/article/{article_id}?hl={int(start)}-{int(end)}#hl"
    except (TypeError, ValueError):
        return f"/article/{article_id}"


def text_fragment_url(url: str | None, sentence: str) -> str | None:
    """The original page scrolled to the sentence and highlighted by the browser (a text fragment, #:~:text=)."""
    from urllib.parse import quote

    safe = safe_url(url)
    words = sentence.split()
    if not safe or not words:
        return safe
    if len(words) > 8:
        target = f"{quote(' '.join(words[:4]), safe='')},{quote(' '.join(words[-4:]), safe='')}"
    else:
        target = quote(" ".join(words), safe="")
    return f"{safe.split('#', 1)[0]}#:~:text={target}"


def citation(outlet: str, title: str | None, published: str | None, url: str | None, sentence: str) -> str:
    """Ready to paste: 'The Washington Post, "Title", 2025-01-11, https://...: “the sentence”'."""
    parts = [outlet or "unknown outlet", f"\u201c{title}\u201d" if title else None, published or "undated",
             safe_url(url)]
    return ", ".join(p for p in parts if p) + f": \u201c{' '.join(sentence.split())}\u201d"


def claim_source(claim: Mapping[str, Any], article: Mapping[str, Any] | None) -> dict[str, Any]:
    """A claim's sentence link (exact clause highlighted) and citation, given its article's reference."""
    article = article or {}
    start, end = claim.get("clause_start"), claim.get("clause_end")
    if not isinstance(start, int) or not isinstance(end, int) or end <= start:
        start, end = claim.get("start"), claim.get("end")
    text = str(claim.get("text") or "")
    return {"href": sentence_href(str(claim.get("article") or ""), start, end),
            "original": text_fragment_url(article.get("url"), text),
            "citation": citation(str(claim.get("outlet") or article.get("outlet") or ""), article.get("title"),
                                 article.get("published"), article.get("url"), text)}
