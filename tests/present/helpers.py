"""Rendered HTML must be inert: ``check_inert`` parses it and checks every tag and attribute; hostile articles and
their dossier to render (used by the report and web app tests)."""
from __future__ import annotations

import json
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "div", "span", "p", "b", "h1",
    "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "a", "details", "summary", "blockquote", "mark", "ul",
    "li", "svg", "rect", "line", "text", "time", "br", "script", "link", "form", "input", "button", "label",
    "textarea", "aside", "ol", "code", "polyline", "circle",
}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def check_inert(html: str, allowed_script_src: str | None = None) -> list[tuple[str, dict]]:
    parser = _Collector()
    parser.feed(html)
    scripts = [a for t, a in parser.tags if t == "script"]
    assert len(scripts) <= 1, scripts
    for attrs in scripts:
        assert attrs.get("src") in (None, allowed_script_src), attrs
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, (tag, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, attrs)
            if name in ("href", "src", "action", "xlink:href"):
                v = (value or "").strip().lower()
                assert v.startswith(("http://", "https://", "#", "/")) and not v.startswith("//"), (tag, attrs)
        if tag == "a" and (attrs.get("href") or "").startswith("http"):
            assert attrs.get("rel") == "noopener noreferrer", attrs
    return parser.tags


# --------------------------------------------------------------------------- hostile inputs

PAYLOADS = [
    "<script>alert('x1')</script>",
    '"><img src=x onerror=alert(2)>',
    "' onmouseover='alert(3)",
    "<svg onload=alert(4)><circle r=9 /></svg>",
    "</style><script>alert(5)</script>",
    "</textarea></title><iframe src=javascript:alert(6)>",
    "{{ 7*7 }} {% raw %}",
]


def hostile_dossier(articles) -> dict:
    """A contract dossier whose every string comes from (hostile) ingested articles."""
    facts, arts = [], []
    for i, a in enumerate(articles):
        arts.append({"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
                     "path": a.path})
        line = next(line for line in a.text.splitlines()[1:] if line.strip())
        start = a.text.find(line)
        facts.append({"id": f"f{i}\"'><b>", "status": "single_source", "explanation": a.title,
                      "claims": [{"article": a.id, "outlet": a.outlet, "text": line, "start": start,
                                  "end": start + len(line), "attributed_to": a.title, "quote": True,
                                  "clause_start": start, "clause_end": start + 5}],
                      "conflicts": [{"kind": a.outlet, "a": {"article": a.id, "text": line, "value": a.title},
                                     "b": {"article": a.id, "text": a.outlet, "value": line},
                                     "explanation": line}],
                      "outlets": [a.outlet],
                      "values": [{"article": a.id, "outlet": a.outlet, "text": a.title, "low": 1, "high": 2,
                                  "qualifier": a.title, "unit": a.outlet, "counted": a.title}],
                      "times": [{"article": a.id, "outlet": a.outlet, "text": line, "begin": "2025-01-11",
                                 "until": None, "granularity": a.title}]})
    ents = [{"name": a.outlet, "type": a.title, "aliases": [a.title]} for a in articles]
    return {"schema": "newsweave.dossier/1", "stories": [{"id": "s<x>", "title": articles[0].title,
                                                          "articles": arts, "facts": facts, "entities": ents,
                                                          "outlets": []}]}


def ingest_hostile(tmp_path):
    from newsweave import pipeline
    from newsweave.config import Settings
    from newsweave.store import open_store

    src = tmp_path / "hostile"
    src.mkdir()
    meta = {}
    for i, p in enumerate(PAYLOADS):
        (src / f"a{i}.txt").write_text(f"Headline {p} number {i}\n\nBody says {p} and more {i}.\n", encoding="utf-8")
        meta[f"a{i}.txt"] = {"outlet": f"Outlet {p}", "published": "2025-01-11",
                             "url": "javascript:alert(9)" if i % 2 else f"https://example.com/{i}?q=\"><b>"}
    (src / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    store = open_store(str(tmp_path / "h.db"))
    summary = pipeline.add_sources(store, [str(src)], Settings(db=str(tmp_path / "h.db")),
                                   meta_file=str(src / "meta.json"))
    assert summary.added == len(PAYLOADS), summary
    return store




# --------------------------------------------------------------------------- a moving story (newsweave.dossier/2)

def _claim(article: str, outlet: str, text: str, source: str = "") -> dict:
    return {"article": article, "outlet": outlet, "text": text, "start": 0, "end": len(text),
            "attributed_to": source or outlet, "quote": False, "clause_start": -1, "clause_end": -1}


def _report(value: float, outlet: str, source: str, time: str, claim: str, kind: str = "report") -> dict:
    return {"value": value, "low": value, "high": value, "unit": "", "outlet": outlet, "source": source,
            "time": time, "claim": claim, "kind": kind}


def _value(article: str, outlet: str, text: str, n: float, counted: str) -> dict:
    return {"article": article, "outlet": outlet, "text": text, "low": n, "high": n, "qualifier": "exact",
            "unit": "", "counted": counted}


def moving_toll_dossier() -> dict:
    """A quake story told over a day: a death toll rising from 1 to 24 (updated), a magnitude two outlets give
    differently at the same hour (conflicting), an injured count, and a background fact about a quake of 2004."""
    toll = [("a1", "Wire A", "One person was killed in the quake, police said.", 1, "2025-03-01T09:00:00+00:00"),
            ("a2", "Paper B", "Three people died in the quake, officials said.", 3, "2025-03-01T12:00:00+00:00"),
            ("a3", "Paper B", "At least 24 people were killed, officials said on Sunday.", 24,
             "2025-03-02T08:00:00+00:00")]
    articles = [{"id": a, "outlet": o, "title": f"Quake report {a}", "published": t, "url": None, "path": None}
                for a, o, _, _, t in toll]
    deaths = {
        "id": "deaths", "status": "updated", "statuses": ["updated", "corroborated"],
        "slot": {"key": "quake|deaths|people", "event": "quake", "attribute": "deaths", "counted": "people"},
        "background": False, "anchor": "",
        "explanation": "Death toll rose from 1 (Wire A, 09:00) to 24 (Paper B, next day 08:00); latest: 24, "
                       "officials (Paper B)",
        "claims": [_claim(a, o, s, "officials") for a, o, s, _, _ in toll],
        "outlets": ["Wire A", "Paper B"], "conflicts": [], "times": [],
        "values": [_value(a, o, s, n, "people killed") for a, o, s, n, _ in toll],
        "latest": _report(24, "Paper B", "officials", toll[2][4], toll[2][2]),
        "history": [_report(n, o, "officials" if o == "Paper B" else "police", t, s) for _, o, s, n, t in toll],
        "primary_sources": ["officials", "police"],
    }
    magnitude_a = "The quake had a magnitude of 6.1, the survey said."
    magnitude_b = "The magnitude 5.8 quake struck at dawn."
    magnitude = {
        "id": "magnitude", "status": "conflicting", "statuses": ["conflicting"],
        "slot": {"key": "quake|magnitude|", "event": "quake", "attribute": "magnitude", "counted": ""},
        "background": False, "anchor": "", "explanation": "Wire A says 6.1, Paper B says 5.8 at the same hour.",
        "claims": [_claim("a1", "Wire A", magnitude_a, "the survey"), _claim("a2", "Paper B", magnitude_b)],
        "outlets": ["Wire A", "Paper B"], "times": [],
        "conflicts": [{"kind": "number", "explanation": "6.1 vs 5.8",
                       "a": {"article": "a1", "outlet": "Wire A", "text": magnitude_a, "value": "6.1"},
                       "b": {"article": "a2", "outlet": "Paper B", "text": magnitude_b, "value": "5.8"}}],
        "values": [_value("a1", "Wire A", "6.1", 6.1, "magnitude"), _value("a2", "Paper B", "5.8", 5.8, "magnitude")],
        "latest": _report(5.8, "Paper B", "Paper B", toll[1][4], magnitude_b),
        "history": [_report(6.1, "Wire A", "the survey", toll[0][4], magnitude_a),
                    _report(5.8, "Paper B", "Paper B", toll[1][4], magnitude_b)],
        "primary_sources": ["the survey", "Paper B"],
    }
    injured_text = "feared injured in the collapse of the market, rescuers said, about 40 of them."
    injured = {
        "id": "injured", "status": "single_source", "statuses": ["single_source"],
        "slot": {"key": "quake|injured|people", "event": "quake", "attribute": "injured", "counted": "people"},
        "background": False, "anchor": "", "explanation": "Only Paper B reports it.",
        "claims": [{**_claim("a3", "Paper B", "About 40 people were feared injured in the collapse of the market, "
                                              "rescuers said.", "rescuers"), "clause": injured_text}],
        "outlets": ["Paper B"], "conflicts": [], "times": [],
        "values": [_value("a3", "Paper B", "about 40", 40, "people injured")],
        "latest": _report(40, "Paper B", "rescuers", toll[2][4], "About 40 people were feared injured"),
        "history": [_report(40, "Paper B", "rescuers", toll[2][4], "About 40 people were feared injured")],
        "primary_sources": ["rescuers"],
    }
    past = "In 2004, a tsunami killed 230,000 people around the Indian Ocean."
    background = {
        "id": "past", "status": "single_source", "statuses": ["single_source"],
        "slot": {"key": "tsunami 2004|deaths|people", "event": "tsunami 2004", "attribute": "deaths",
                 "counted": "people"},
        "background": True, "anchor": "in 2004", "explanation": "Only Wire A reports it.",
        "claims": [_claim("a1", "Wire A", past)], "outlets": ["Wire A"], "conflicts": [], "times": [],
        "values": [_value("a1", "Wire A", "230,000", 230000, "people killed")],
        "latest": None, "history": [], "primary_sources": [],
    }
    facts = [injured, background, deaths, magnitude]
    counts = {"corroborated": 0, "conflicting": 1, "single_source": 2, "updated": 1}
    return {"schema": "newsweave.dossier/2", "stories": [{
        "id": "quake", "title": "Quake kills 24", "articles": articles, "facts": facts, "entities": [],
        "outlets": [], "counts": counts, "key_facts": ["magnitude", "deaths", "injured"]}]}
