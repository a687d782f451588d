"""Per-article features for story clustering: weighted terms, entities, event dates and a publication day.

Everything here is cheap (regular expressions and dictionaries) so the clustering step stays well above
100 articles/s.  Entities come from the normaliser's Annotations when present, else from a capitalised-token
extractor of our own.  Feature keys share one space: plain terms, ``e:`` entities and ``t:`` event dates.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Mapping

from ..models import Annotations, Article
from .stopwords import STOP_WORDS

WORD = re.compile(r"[^\W_](?:[\w\-'’.]*[^\W_])?")
SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+|\n+")
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.MULTILINE)
MAX_CHARS = 20_000  # hostile input: only the head of a very long text is read
TITLE_WEIGHT = 1.5
ENTITY_WEIGHT = 3.0
DATE_WEIGHT = 1.0
YEAR_WEIGHT = 8.0
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_CONNECTORS = frozenset(("of", "de", "la", "al", "van", "von", "bin", "el", "du", "der"))
_CAP_STOP = frozenset(w.capitalize() for w in STOP_WORDS)
_SKIP_ENTITY_LABELS = frozenset(("CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "TIME", "DATE"))


@dataclass(frozen=True)
class Features:
    """What the clusterer knows about one article: a sparse weight vector over feature keys and a day."""

    article_id: str
    weights: Mapping[str, float]
    entities: tuple[str, ...]
    day: float | None  # publication day as a proleptic ordinal; None when unknown
    title: str


def extract(article: Article, annotations: Annotations | None = None) -> Features:
    """Features of one article; uses the normaliser's entities and resolved times when given."""
    text = URL_LINE.sub(" ", article.text[:MAX_CHARS])
    title = article.title.strip() or _first_line(text)
    weights = _term_weights(title, text)
    surface: dict[str, str] = {}
    if annotations is not None and annotations.entities:
        entities = _annotated_entities(annotations, surface)
    else:
        entities = cheap_entities(title + "\n" + text, surface)
    for name, count in entities.items():
        _add(weights, "e:" + name, ENTITY_WEIGHT * (1.0 + math.log(count)))
    for day in _event_days(annotations):
        _add(weights, "t:" + day, DATE_WEIGHT)
    for year in _years(title + "\n" + text):
        _add(weights, "y:" + year, YEAR_WEIGHT)
    top = tuple(surface.get(e, e) for e in sorted(entities, key=lambda e: (-entities[e], e))[:12])
    return Features(article.id, weights, top, parse_day(article.published), title[:300])


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def tokens(text: str) -> list[str]:
    """Lower-cased content words, plural 's' stripped; stop words and one-letter tokens dropped."""
    out = []
    for match in WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 2 or word in STOP_WORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not word[-2].isdigit():
            word = word[:-1]
        out.append(word)
    return out


def _term_weights(title: str, text: str) -> dict[str, float]:
    counts: dict[str, float] = {}
    for word in tokens(text):
        counts[word] = counts.get(word, 0.0) + 1.0
    weights = {w: 1.0 + math.log(c) for w, c in counts.items()}
    for word in dict.fromkeys(tokens(title)):
        weights[word] = weights.get(word, 1.0) + TITLE_WEIGHT - 1.0
    return weights


def _add(weights: dict[str, float], key: str, value: float) -> None:
    weights[key] = weights.get(key, 0.0) + value


def cheap_entities(text: str, surface: dict[str, str] | None = None) -> dict[str, int]:
    """Capitalised-token n-grams (names) with counts; a name's last word also counts as a short mention."""
    found: dict[str, int] = {}
    surface = {} if surface is None else surface
    for sentence in SENTENCE_END.split(text):
        words = [_strip_possessive(m.group()) for m in WORD.finditer(sentence)]
        for name in _capital_runs(words):
            key = name.lower()
            found[key] = found.get(key, 0) + 1
            surface.setdefault(key, name)
            parts = key.split()
            if len(parts) > 1 and parts[-1] not in _CONNECTORS and len(parts[-1]) > 2:
                found[parts[-1]] = found.get(parts[-1], 0) + 1
    return found


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _capital_runs(words: list[str]) -> list[str]:
    runs, run = [], []
    for i, word in enumerate(words):
        capital = word[:1].isupper() and not (i == 0 and word in _CAP_STOP) and word not in _CAP_STOP
        if capital or (run and word in _CONNECTORS):
            run.append(word)
            continue
        runs.append(run)
        run = []
    runs.append(run)
    names = []
    for run in runs:
        while run and run[-1] in _CONNECTORS:
            run = run[:-1]
        name = " ".join(run[:5])
        if len(name) > 1 and not name.isdigit():
            names.append(name)
    return names


def _annotated_entities(annotations: Annotations, surface: dict[str, str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for entity in annotations.entities:
        if entity.label in _SKIP_ENTITY_LABELS:
            continue
        key = " ".join((entity.canonical or entity.text).lower().split())
        if not key:
            continue
        found[key] = found.get(key, 0) + 1
        surface.setdefault(key, " ".join((entity.canonical or entity.text).split()))
        parts = key.split()
        if entity.label == "PERSON" and len(parts) > 1:
            found[parts[-1]] = found.get(parts[-1], 0) + 1
    return found


def _years(text: str) -> list[str]:
    """Years written in the text (a cheap stand-in for resolved event times when there are no annotations)."""
    return sorted(set(YEAR.findall(text)))


def _event_days(annotations: Annotations | None) -> list[str]:
    """Resolved event times of day (or finer) granularity, as ISO dates, deduplicated."""
    if annotations is None:
        return []
    days = {}
    for time in annotations.times:
        if time.resolved and time.begin and time.granularity in ("day", "hour", "minute"):
            days[time.begin[:10]] = True
    return sorted(days)


def parse_day(value: str | None) -> float | None:
    """ISO date or datetime -> ordinal day (fractional); None for missing or unparseable values."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
        return moment.toordinal() + (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400.0
    except ValueError:
        pass
    try:
        return float(date.fromisoformat(text[:10]).toordinal())
    except ValueError:
        return None
