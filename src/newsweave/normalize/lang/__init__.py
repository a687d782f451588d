"""Languages the normaliser reads besides English: one module per language holding its ``Table`` of words
(``uk.py``, ``ru.py``), read by shared extractors (``dates``, ``numbers``, ``names``, ``speech``) and linked to
English names by ``links``. ``annotate(article, code)`` gives the same ``Annotations`` the English normaliser
gives (``normalize.annotate_english``); ``TABLES`` lists the languages read this way.

A further language is a new module with a ``Table``, a line in ``TABLES``, and, where a tagger exists for it, its
choice in ``names.py``; without a tagger its names come from the gazetteer and the rules alone.
"""
from __future__ import annotations

import logging
from datetime import datetime

from ...errors import MissingExtra
from ...models import Annotations, Article, Entity
from ..sentences import sentence_at, split_sentences
from . import dates, names, numbers, speech
from .links import link
from .ru import TABLE as RUSSIAN
from .table import Table
from .uk import TABLE as UKRAINIAN

__all__ = ["TABLES", "Table", "annotate", "language_of"]
log = logging.getLogger(__name__)

TABLES: dict[str, Table] = {"uk": UKRAINIAN, "ru": RUSSIAN}
_CYRILLIC_LETTERS = frozenset("абвгґдеёєжзиіїйклмнопрстуфхцчшщъыьэюя")
_UKRAINIAN_ONLY = frozenset("ієїґ")
_RUSSIAN_ONLY = frozenset("ыэъё")


def language_of(article: Article) -> str:
    """The code of the table to read ``article`` with, or "en": the article's language when a table exists for
    it; a text written in Cyrillic whose language is unknown or mislabelled is told apart by its letters."""
    code = (article.language or "").lower()
    if code in TABLES:
        return code
    sample = (article.text or "")[:2000].lower()
    letters = sum(ch.isalpha() for ch in sample)
    cyrillic = sum(ch in _CYRILLIC_LETTERS for ch in sample)
    if letters and cyrillic / letters > 0.5 and code in ("", "en", "bg", "be", "mk", "sr"):
        ukrainian = sum(ch in _UKRAINIAN_ONLY for ch in sample)
        russian = sum(ch in _RUSSIAN_ONLY for ch in sample)
        return "uk" if ukrainian >= russian else "ru"
    return "en"


def _reference(article: Article) -> datetime | None:
    raw = (article.published or "").strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")) if raw else None
    except ValueError:
        return None


def _entities(text: str, table: Table, sentences) -> tuple[Entity, ...]:
    try:
        spans = names.spans_with_forms(text, table)
    except MissingExtra as exc:
        log.warning("names of a %s text from the gazetteer alone: %s", table.code, exc)
        spans = names.spans_with_forms(text, table, use_tagger=False)
    out = []
    for start, end, label, base in spans:
        ident, known = link(text[start:end], base, table.code, label)
        out.append(Entity(start=start, end=end, text=text[start:end], label=known.label if known else label,
                          canonical=ident, sentence=sentence_at(sentences, start), base=base, link=ident))
    return tuple(out)


def annotate(article: Article, code: str) -> Annotations:
    """Annotations of an article in the language ``code`` (a key of ``TABLES``)."""
    table = TABLES[code]
    text = article.text or ""
    sentences = speech.mark_sentences(split_sentences(text, article.title, table.abbreviations), table)
    reference = _reference(article)
    entities = _entities(text, table, sentences)
    times = dates.extract_times(text, reference, table, sentences)
    ages = numbers.extract_ages(text, reference, table, sentences)
    masks = [(t.start, t.end) for t in times] + [(a.start, a.end) for a in ages]
    quantities = numbers.extract_quantities(text, table, sentences, masks=masks)
    attributions = speech.attribute(text, sentences, entities, article.outlet, table)
    return Annotations(article_id=article.id, sentences=sentences, entities=entities, times=times,
                       quantities=quantities, ages=ages, attributions=attributions,
                       reference_time=reference.isoformat() if reference else None)
