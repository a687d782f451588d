"""Compare the articles of one story: claims -> slots -> aligned facts -> verdicts -> a dossier (JSON contract
``newsweave.dossier/2``, documented in docs/dossier.md).

``compare(articles)`` is pure (models are loaded once per process); ``compare_texts(items)`` builds the articles
from plain dicts for scripts and notebooks and returns the dossier as a dict.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Mapping, Sequence

from ..embed import Embedder, get_embedder
from ..embed.embedders import MULTILINGUAL
from .align.group import conflict_links, link_claims
from .align.partial import what_each_adds
from .align.slotted import fact_groups, read_slots, slot_ages, slot_values, unit_groups
from .claims import extract_claims
from ..models import Annotations, Article, ArticleClaims, CanonicalEntity, Claim, Fact, Sentence, content_hash
from ..errors import IngestError, MissingExtra
from ..ingest.build import build_article
from ..ingest.text import read_text
from ..normalize import normalize_many, reference_time, story_entities
from .claims import slots
from .dossier import STATUS_ORDER, Dossier, StoryDossier
from .prepare import prepare_claims, remembering
from .verdict.verdict import SlotView, outlet_summary, verdicts

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- the comparison

def compare(articles: Sequence[Article], annotations: Sequence[Annotations] | None = None,
            embedder: "str | Embedder" = "auto", story_id: str | None = None, same_fact: str = "auto",
            cache_dir: str | None = None, prepared: Sequence[ArticleClaims] = ()) -> Dossier:
    """One story's dossier: which facts each outlet reports, which are corroborated, single-source, conflicting.

    ``embedder`` (a name or an Embedder) embeds claims and names; ``same_fact`` chooses the same-fact scorer
    (Settings.same_fact); ``cache_dir`` is where a built embedder table is kept. ``prepared`` (from
    ``compare.prepare``, kept in the store) gives articles' claims, and the parses and embeddings of their texts,
    computed before: the same results, sooner."""
    articles = sorted(articles, key=lambda a: (a.published or "", a.outlet, a.id))
    if not articles:
        return Dossier()
    ready = {p.article_id: p for p in prepared}
    with remembering(ready.values()):
        return _compare(articles, annotations, get_embedder(embedder, cache_dir), story_id, same_fact, ready,
                        cache_dir)


def _compare(articles: Sequence[Article], annotations: Sequence[Annotations] | None, model: Embedder,
             story_id: str | None, same_fact: str, ready: Mapping[str, ArticleClaims],
             cache_dir: str | None = None) -> Dossier:
    annotations = list(annotations) if annotations is not None else annotate(articles)
    by_id = {a.article_id: a for a in annotations}
    annotations = [complete(a, by_id.get(a.id) or Annotations(article_id=a.id)) for a in articles]
    entities, mapping = _story_entities(articles, annotations)
    claims = [_canonical(c, mapping) for art, ann in zip(articles, annotations)
              for c in (ready[art.id].claims if art.id in ready else extract_claims(art, ann))]
    facts = judged_facts(claims, articles, model, same_fact, multilingual=_multilingual(articles, cache_dir))
    story = StoryDossier(
        id=story_id or content_hash(*sorted(a.id for a in articles), length=12),
        title=articles[0].title, articles=tuple(articles), facts=tuple(facts),
        entities=tuple(entities), outlets=tuple(outlet_summary(facts, articles)))
    return Dossier(stories=(story,))


def judged_facts(claims: Sequence[Claim], articles: Sequence[Article], model: Embedder, same_fact: str = "auto",
                 vectors=None, multilingual=None) -> list[Fact]:
    """The story's facts with their verdicts, in dossier order: slots read from the claims, claims aligned into
    facts (``vectors``: the claims' embeddings when already computed; ``multilingual``: the embedder for claims
    not in English), each judged."""
    slots = read_slots(claims, {a.id: a.published for a in articles})
    links, vectors, scorer = link_claims(claims, model, same_fact, vectors, multilingual)
    units, groups = unit_groups(claims, links, vectors, scorer, slots)
    found = fact_groups(units, groups, slots)
    grouped = [[claims[i] for i in f.members] for f in found]
    views = [SlotView(f.slot, f.anchor.key, f.anchor.text,
                      {claims[i].id: slot_values(slots[i], f.slot) for i in f.members},
                      {claims[i].id: slot_ages(slots[i], claims[i], f.slot) for i in f.members}) for f in found]
    adds = what_each_adds(grouped, model, {c.id: v for c, v in zip(claims, vectors)})
    linked = conflict_links(claims, links)
    return sorted(verdicts(grouped, articles, adds, linked, model, views), key=_fact_order)


def _multilingual(articles: Sequence[Article], cache_dir: str | None):
    """The multilingual embedder when some article is not in English (None when its extra is missing)."""
    if all((a.language or "en") == "en" for a in articles):
        return None
    try:
        return get_embedder(MULTILINGUAL, cache_dir)
    except MissingExtra as exc:
        log.warning("claims in other languages aligned without a multilingual embedder: %s", exc)
        return None


def _fact_order(fact: Fact):
    first = min((c.outlet, c.clause_start) for c in fact.claims)
    return fact.background, STATUS_ORDER.get(fact.status, 9), -len(fact.outlets), first, fact.id


def prepare(article: Article, annotations: Annotations | None, embedder: "str | Embedder" = "auto",
            cache_dir: str | None = None) -> ArticleClaims:
    """What ``compare`` reads of one article, computed ahead (when it is added): its claims, and the parses and
    embeddings of their texts (``prepare.prepare_claims``); ``stamp`` is left for the caller to set."""
    ann = complete(article, annotations or Annotations(article_id=article.id))
    return prepare_claims(article, ann, get_embedder(embedder, cache_dir))


# --------------------------------------------------------------------------- annotations

def annotate(articles: Sequence[Article]) -> list[Annotations]:
    """Annotations from the normaliser."""
    return list(normalize_many(articles))


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


# --------------------------------------------------------------------------- plain-dict entry point

def compare_texts(items: Sequence[Mapping[str, Any]], embedder: str = "auto") -> dict[str, Any]:
    """Dossier dict for items ``{"text", "outlet", "published", optional "title", "url", "language"}``."""
    articles = [article_from_item(item, i) for i, item in enumerate(items)]
    return compare(articles, embedder=embedder).to_dict()


def article_from_item(item: Mapping[str, Any], index: int = 0) -> Article:
    """An Article built like ingest builds one (cleaning, title, metadata) from a plain dict."""
    if not str(item.get("text") or "").strip():
        raise IngestError(f"item {index}", "no text")
    meta = {k: item.get(k) for k in ("outlet", "published", "title", "url", "language") if item.get(k)}
    draft = read_text(str(item["text"]), f"item {index}")[0]
    return build_article(draft, meta, {})
