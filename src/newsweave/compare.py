"""Compare the articles of one story: claims -> aligned facts -> verdicts -> a dossier (JSON contract
``newsweave.dossier/1``, documented in docs/dossier.md).

``compare(articles)`` is pure (models are loaded once per process); ``compare_texts(items)`` builds the articles
from plain dicts for scripts and notebooks and returns the dossier as a dict.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any, Mapping, Sequence

from .align.embed import get_embedder
from .align.group import align, conflict_links
from .align.partial import what_each_adds
from .claims import extract_claims
from .models import Annotations, Article, CanonicalEntity, Claim, Fact, Sentence, content_hash
from .normalize import reference_time
from .verdict import slots
from .verdict.verdict import CONFLICTING, CORROBORATED, SINGLE, outlet_summary, verdicts

SCHEMA = "newsweave.dossier/1"
STATUS_ORDER = {CONFLICTING: 0, CORROBORATED: 1, SINGLE: 2}
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoryDossier:
    id: str
    title: str
    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]
    entities: tuple[CanonicalEntity, ...] = ()
    outlets: tuple[Mapping[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title,
            "articles": [_article_dict(a) for a in self.articles],
            "facts": [_fact_dict(f) for f in self.facts],
            "entities": [{"name": e.name, "type": e.type, "aliases": list(e.aliases)} for e in self.entities],
            "outlets": [dict(o) for o in self.outlets],
            "counts": _counts(self.facts),
        }


@dataclass(frozen=True)
class Dossier:
    stories: tuple[StoryDossier, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "stories": [s.to_dict() for s in self.stories]}


# --------------------------------------------------------------------------- the comparison

def compare(articles: Sequence[Article], annotations: Sequence[Annotations] | None = None,
            embedder: str = "auto", story_id: str | None = None) -> Dossier:
    """One story's dossier: which facts each outlet reports, which are corroborated, single-source, conflicting."""
    articles = sorted(articles, key=lambda a: (a.published or "", a.outlet, a.id))
    if not articles:
        return Dossier()
    annotations = list(annotations) if annotations is not None else annotate(articles)
    by_id = {a.article_id: a for a in annotations}
    annotations = [complete(a, by_id.get(a.id) or Annotations(article_id=a.id)) for a in articles]
    entities, mapping = _story_entities(articles, annotations)
    claims = [_canonical(c, mapping) for art, ann in zip(articles, annotations) for c in extract_claims(art, ann)]
    model = get_embedder(embedder)
    groups, links, vectors = align(claims, model)
    grouped = [[claims[i] for i in g] for g in groups]
    adds = what_each_adds(grouped, model, {c.id: v for c, v in zip(claims, vectors)})
    linked = conflict_links(claims, links)
    facts = sorted(verdicts(grouped, articles, adds, linked), key=_fact_order)
    story = StoryDossier(
        id=story_id or content_hash(*sorted(a.id for a in articles), length=12),
        title=articles[0].title, articles=tuple(articles), facts=tuple(facts),
        entities=tuple(entities), outlets=tuple(outlet_summary(facts, articles)))
    return Dossier(stories=(story,))


def _fact_order(fact: Fact):
    first = min((c.outlet, c.clause_start) for c in fact.claims)
    return STATUS_ORDER.get(fact.status, 3), -len(fact.outlets), first, fact.id


# --------------------------------------------------------------------------- annotations

def annotate(articles: Sequence[Article]) -> list[Annotations]:
    """Annotations from the normaliser; a sentence-only fallback when it is not installed."""
    try:
        from .normalize import normalize_many
    except ImportError:  # pragma: no cover - the normaliser ships with the package
        normalize_many = None
    if normalize_many is not None:
        return list(normalize_many(articles))
    return [Annotations(article_id=a.id, sentences=basic_sentences(a.text)) for a in articles]


def basic_sentences(text: str) -> tuple[Sentence, ...]:
    import re

    out = []
    for m in re.finditer(r"[^\n.!?]+(?:[.!?]+[”\"’]?|$)", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if end > start:
            out.append(Sentence(len(out), start, end, text[start:end]))
    return tuple(out)


def complete(article: Article, ann: Annotations) -> Annotations:
    """Without the normaliser's annotations (no sentences), fill the slot layers with the small regex extractors.
    When the normaliser ran, an empty slot layer means it found nothing, or rejected what the regexes would take
    (the "91" of "dies at 91" is an age, not a count), so it stays empty. Entities are filled when none were found
    (NER is an extra)."""
    normalised = bool(ann.sentences)
    if not normalised:
        ann = replace(ann, sentences=basic_sentences(article.text))
    published = reference_time(article)
    reference = published.date() if published else None
    fills: dict[str, tuple] = {}
    for layer, extractor in (("quantities", slots.quantities), ("ages", slots.ages), ("times", slots.times)):
        if normalised or getattr(ann, layer):
            continue
        found = []
        for s in ann.sentences:
            items = extractor(s.text) if layer == "quantities" else extractor(s.text, reference)
            found.extend(replace(i, start=i.start + s.start, end=i.end + s.start, sentence=s.index) for i in items)
        fills[layer] = tuple(found)
    if not ann.entities:
        fills["entities"] = tuple(
            replace(e, start=e.start + s.start, end=e.end + s.start, sentence=s.index)
            for s in ann.sentences for e in slots.entities(s.text))
    return replace(ann, **fills) if fills else ann


def _story_entities(articles, annotations) -> tuple[list[CanonicalEntity], dict[str, str]]:
    try:
        from .normalize import story_entities
    except ImportError:  # pragma: no cover
        return [], {}
    try:
        result = story_entities(articles, annotations)
    except Exception:  # noqa: BLE001 - entity merging is an aid, not a requirement
        log.exception("story_entities failed")
        return [], {}
    entities = list(result)
    mapping: dict[str, str] = {}
    for entity in entities:
        for alias in (entity.name, *entity.aliases):
            mapping[alias.casefold()] = entity.name
    return sorted(entities, key=lambda e: (e.type, e.name)), mapping


def _canonical(claim: Claim, mapping: Mapping[str, str]) -> Claim:
    if not mapping:
        return claim
    speaker = mapping.get(claim.attributed_to.casefold(), claim.attributed_to) if claim.attributed_to else ""
    entities = tuple(replace(e, canonical=mapping.get((e.canonical or e.text).casefold(),
                                                      mapping.get(e.text.casefold(), e.canonical)))
                     for e in claim.entities)
    return replace(claim, attributed_to=speaker, entities=entities)


# --------------------------------------------------------------------------- JSON shape

def _article_dict(a: Article) -> dict[str, Any]:
    return {"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
            "path": a.path, "language": a.language, "copy_of": a.copy_of}


def _claim_dict(c: Claim, adds: str = "") -> dict[str, Any]:
    return {"id": c.id, "article": c.article, "outlet": c.outlet, "text": c.text, "start": c.start, "end": c.end,
            "attributed_to": c.attributed_to, "quote": c.quote, "clause": c.clause, "clause_start": c.clause_start,
            "clause_end": c.clause_end, "reading": c.reading, "is_headline": c.is_headline, "negated": c.negated,
            "modality": list(c.modality), "adds": adds}


def _fact_dict(f: Fact) -> dict[str, Any]:
    adds = dict(f.adds)
    return {
        "id": f.id, "status": f.status, "label": _label(f), "explanation": f.explanation,
        "claims": [_claim_dict(c, adds.get(c.id, "")) for c in f.claims],
        "conflicts": [{"kind": c.kind, "a": dict(c.a), "b": dict(c.b), "explanation": c.explanation}
                      for c in f.conflicts],
        "outlets": list(f.outlets), "partial": f.partial, "says_more": list(f.says_more),
        "values": _values(f), "times": _times(f),
    }


def _label(f: Fact) -> str:
    body = [c for c in f.claims if not c.is_headline] or list(f.claims)
    return min((c.reading or c.clause or c.text for c in body), key=lambda t: (len(t), t)).strip()


def _values(f: Fact) -> list[dict[str, Any]]:
    return [{"article": c.article, "outlet": c.outlet, "attributed_to": c.attributed_to, "text": q.text,
             "low": q.low, "high": q.high, "qualifier": q.qualifier, "unit": q.unit, "counted": q.counted}
            for c in f.claims for q in c.quantities]


def _times(f: Fact) -> list[dict[str, Any]]:
    return [{"article": c.article, "outlet": c.outlet, "text": t.text, "begin": t.begin, "until": t.until,
             "granularity": t.granularity} for c in f.claims for t in c.times]


def _counts(facts: Sequence[Fact]) -> dict[str, int]:
    counts = {CORROBORATED: 0, SINGLE: 0, CONFLICTING: 0}
    for f in facts:
        counts[f.status] = counts.get(f.status, 0) + 1
    return counts


# --------------------------------------------------------------------------- plain-dict entry point

def compare_texts(items: Sequence[Mapping[str, Any]], embedder: str = "auto") -> dict[str, Any]:
    """Dossier dict for items ``{"text", "outlet", "published", optional "title", "url", "language"}``."""
    articles = [article_from_item(item, i) for i, item in enumerate(items)]
    return compare(articles, embedder=embedder).to_dict()


def article_from_item(item: Mapping[str, Any], index: int = 0) -> Article:
    """An Article built like ingest builds one (cleaning, title, metadata) from a plain dict."""
    from .errors import IngestError

    if not str(item.get("text") or "").strip():
        raise IngestError(f"item {index}", "no text")
    meta = {k: item.get(k) for k in ("outlet", "published", "title", "url", "language") if item.get(k)}
    try:
        from .ingest.build import build_article
        from .ingest.text import read_text
    except ImportError:  # pragma: no cover - ingest ships with the package
        return _plain_article(item, meta)
    draft = read_text(str(item["text"]), f"item {index}")[0]
    return build_article(draft, meta, {})


def _plain_article(item: Mapping[str, Any], meta: Mapping[str, Any]) -> Article:
    from .models import article_id

    text = str(item["text"]).strip()
    outlet = meta.get("outlet") or "unknown"
    return Article(id=article_id(text, outlet), outlet=outlet, title=meta.get("title") or text.splitlines()[0],
                   text=text, original=text, published=meta.get("published"), url=meta.get("url"),
                   language=meta.get("language"))
