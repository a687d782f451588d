"""Rendered HTML must be inert: ``check_inert`` parses it and checks every tag and attribute; hostile articles and
their dossier to render (used by the report and web app tests)."""
from __future__ import annotations

import json
from html.parser import HTMLParser

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "section", "div", "span", "p", "b", "h1",
    "h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "a", "details", "summary", "blockquote", "mark", "ul",
    "li", "svg", "rect", "line", "text", "time", "br", "script", "link", "form", "input", "button", "label",
    "textarea", "aside", "ol", "code",
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


