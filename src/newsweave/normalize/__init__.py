"""normalize stage: turn an Article into offset-anchored Annotations.

``normalize(article)`` (pure) gives sentences (with negation/modality), entities with within-article canonical
names, times resolved against the publication time, quantities, ages and attributions. ``normalize_many`` does
the same for many articles with one batched spaCy pass; ``story_entities`` merges the entities of a story's
articles into canonical entities. The spaCy model is loaded once per process.

English is read by the modules of this package; Ukrainian and Russian by ``lang`` (its word tables, a tagger, a
gazetteer linking names across languages): each article by the language ``lang.language_of`` gives it.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Iterable, Sequence

from ..models import Annotations, Article, CanonicalEntity, Sentence
from .ages import extract_ages
from .aliases import apposition_links, canonicalize
from .attribution import attribute
from .entities import extract_entities, parse_many
from .lang import annotate as annotate_other
from .lang import language_of
from .lang.links import cross_language_links
from .modality import mark_sentences
from .quantities import extract_quantities
from .sentences import split_sentences
from .times import extract_times

__all__ = ["normalize", "normalize_many", "reference_time", "story_entities"]
log = logging.getLogger(__name__)


def reference_time(article: Article) -> datetime | None:
    """The article's publication time as a datetime, or None when absent or unreadable."""
    raw = (article.published or "").strip()
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None


def _safe(fn, *args, **kwargs) -> tuple:
    """Run one extractor; a failure of a sibling extractor on hostile text loses that layer, not the article."""
    try:
        return tuple(fn(*args, **kwargs))
    except Exception:  # noqa: BLE001 - logged; the other layers still stand
        log.warning("%s failed", getattr(fn, "__name__", fn), exc_info=log.isEnabledFor(logging.DEBUG))
        return ()


def _annotate(article: Article, doc) -> Annotations:
    text = article.text or ""
    sentences: tuple[Sentence, ...] = mark_sentences(split_sentences(text, article.title))
    entities = extract_entities(text, doc, sentences)
    reference = reference_time(article)
    times = _safe(extract_times, text, reference, sentences=sentences)
    quantities = _safe(extract_quantities, text, sentences=sentences)
    ages = _safe(extract_ages, text, reference, sentences=sentences)
    attributions = attribute(text, sentences, entities, article.outlet, doc=doc)
    return Annotations(
        article_id=article.id, sentences=sentences, entities=entities, times=times, quantities=quantities,
        ages=ages, attributions=attributions, reference_time=reference.isoformat() if reference else None,
    )


def normalize(article: Article) -> Annotations:
    """Annotations of one article (pure: same article, same annotations)."""
    return normalize_many([article])[0]


def normalize_many(articles: Iterable[Article], batch_size: int = 16) -> list[Annotations]:
    """Annotations of many articles, English ones parsed in batches with ``nlp.pipe``."""
    articles = list(articles)
    codes = [language_of(a) for a in articles]
    english = [a for a, code in zip(articles, codes) if code == "en"]
    docs = iter(parse_many([a.text or "" for a in english], batch_size=batch_size) if english else ())
    return [_annotate(article, next(docs)) if code == "en" else annotate_other(article, code)
            for article, code in zip(articles, codes)]


def story_entities(articles: Sequence[Article], annotations: Sequence[Annotations]) -> tuple[CanonicalEntity, ...]:
    """Canonical entities of a story: every article's entities merged, with appositions found in each text."""
    by_id = {a.id: a for a in articles}
    links = []
    for ann in annotations:
        article = by_id.get(ann.article_id)
        if article is not None:
            links.extend(apposition_links(article.text, ann.entities))
    links.extend(cross_language_links([ann.entities for ann in annotations]))
    return canonicalize([ann.entities for ann in annotations], links=links)

