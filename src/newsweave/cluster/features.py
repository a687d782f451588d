"""Per-article features for story clustering: weighted terms, entities, event dates and a publication day.

Everything here is cheap (regular expressions and dictionaries) so the clustering step stays well above
100 articles/s.  Entities come from the normaliser's Annotations when present, else from a capitalised-token
extractor of our own.  Feature keys share one space: plain terms, ``e:`` entities, ``t:`` event dates, ``y:``
years, ``m:`` months (weight 0 by default) and ``l:`` lede copies of words (weight 0 by default).

What tells sibling events apart (two IE patches, two Saints players on injured reserve) are the specifics:
the headline (a dateline line is skipped), the lede's names (weighted up, and kept as ``subjects``), numbers
(weighted up), and the years the text mentions (``year``: the main one, used by the clusterer's conflict check;
a publication time's or a dateline's year and month win over those the body recalls, e.g. "Wed May 5, 2010" over
an earlier riot's 2008).  When the event happened: the weekday the lede names (``weekday``: every report of one
event names the same day, dated or not) and the report's time anchors (``when``: its publication day and the days
its lede names, so a follow-up weeks later meets the event it names; a report without a publication time has only
the latter, and none is not "the same time").
A weight of 0 (``MONTH_WEIGHT``, ``LEDE_KEY_WEIGHT``) turns that kind of key off.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping

from ..models import Annotations, Article
from ..normalize.lang.links import stem_key
from .stopwords import STOP_WORDS

WORD = re.compile(r"[^\W_](?:[\w\-'’.]*[^\W_])?")
SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+|\n+")
URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$", re.MULTILINE)
MAX_CHARS = 20_000  # hostile input: only the head of a very long text is read
TITLE_WEIGHT = 1.5
ENTITY_WEIGHT = 3.0
DATE_WEIGHT = 1.0
YEAR_WEIGHT = 8.0
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!\s+block\b)")  # "the 2000 block of ..." is an address
MONTH_WEIGHT = 0.0
NUMBER_WEIGHT = 4.0  # factor on tokens holding digits (scores, sums, magnitudes, bulletin numbers)
_NUMERIC = re.compile(r"\d").search
_NUMBER_LEAD = re.compile(r"^(\d[\d.,]*)-[^\W\d_]").match  # "15-year-old", "6.1-magnitude"
MONTH = re.compile(r"\b(?:(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:[a-z]*)\b\.?|(May)(?=\s+\d))")
_MONTHS = {"jan": "01", "feb": "02", "mar": "03", "apr": "04", "may": "05", "jun": "06", "jul": "07", "aug": "08",
           "sep": "09", "sept": "09", "oct": "10", "nov": "11", "dec": "12"}
LEDE_SENTENCES = 3  # title + the first sentences name the event's specific participants, place and time
LEDE_WEIGHT = 1.0  # extra weight of a term or name that appears in the title or lede
LEDE_KEY_WEIGHT = 0.0  # weight of the separate ``l:`` copy of each lede word (matches only other ledes)
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
SUBJECTS = 3  # names of the title + lede kept as the article's subjects (conflict checks in the clusterer)
_MONTH_NAMES = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATELINE = re.compile(  # "Updated 8:41 p.m.", "April 27, 2009", "01/5/2011", "Thursday, December 11, 2008"
    r"^[\W\d_]*(?:(?:updated|posted|published|last updated)\b|" + _MONTH_NAMES + r"\s+\d|"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+(?:\d|" + _MONTH_NAMES + r"\s))",
    re.IGNORECASE)
NUMERIC_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(\d{2})\b")  # "12 / 16 / 08"
_ALPHA_WORD = re.compile(r"[^\W\d_]{3,}")
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
    year: str | None = None  # the year of its publication time, else of its dateline, else the one the text
    # mentions most (latest on ties); None when it names none
    subjects: tuple[str, ...] = ()  # entity keys named in the title and lede, most mentioned first
    month: str | None = None  # the dateline's month name, else the one the text mentions most ("01".."12")
    weekday: str | None = None  # the weekday the title and lede name most (the first on ties): the event's day,
    # which reports of one event share whether or not their publication time is known
    embedding: Any = field(default=None, compare=False)  # unit headline embedding (numpy); None without embedder
    when: tuple[float, ...] = ()  # the report's time anchors: its publication day and the days its lede names

    def anchors(self) -> tuple[float, ...]:
        """The time anchors: ``when``, else the publication day alone (features built without anchors)."""
        return self.when or ((self.day,) if self.day is not None else ())


def extract(article: Article, annotations: Annotations | None = None, embedder: Any = None) -> Features:
    """Features of one article; uses the normaliser's entities and resolved times when given, and embeds the
    headline with ``embedder`` (an ``embed.Embedder``) when given."""
    text = URL_LINE.sub(" ", article.text[:MAX_CHARS])
    title = headline(article.title, text)
    lede = lede_text(text, title)
    weights = _term_weights(title, text)
    _weigh_lede(weights, set(tokens(lede)))
    surface: dict[str, str] = {}
    if annotations is not None and annotations.entities:
        entities = _annotated_entities(annotations, surface)
    else:
        entities = cheap_entities(title + "\n" + text, surface)
    lede_lower = lede.lower()
    in_lede = {name for name in entities if name in lede_lower}
    _weigh_entities(weights, entities, in_lede)
    years, months = _weigh_dates(weights, annotations, title + "\n" + text)
    top = tuple(surface.get(e, e) for e in sorted(entities, key=lambda e: (-entities[e], e))[:12])
    subjects = tuple(sorted(in_lede, key=lambda e: (-entities[e], e))[:SUBJECTS])
    stamp = _dateline_stamp(article.title, text)
    embedding = embedder.encode([title[:300]])[0] if embedder is not None else None
    day = parse_day(article.published)
    return Features(article.id, weights, top, day, title[:300],
                    _published_year(article.published) or _stamp_year(stamp) or _main_year(years), subjects,
                    next(iter(_months(stamp)), None) or _main_year(months), weekday=lede_weekday(lede),
                    embedding=embedding, when=time_anchors(day, annotations))


def _weigh_lede(weights: dict[str, float], lede_words: set[str]) -> None:
    """Weigh up the terms of the title and lede (and add their ``l:`` copies when ``LEDE_KEY_WEIGHT``)."""
    for word in lede_words:
        if word in weights:
            weights[word] += LEDE_WEIGHT
        if LEDE_KEY_WEIGHT:
            weights["l:" + word] = LEDE_KEY_WEIGHT


def _weigh_entities(weights: dict[str, float], entities: dict[str, int], in_lede: set[str]) -> None:
    """Add the ``e:`` name keys, by mention count, names in the lede weighed up."""
    for name, count in entities.items():
        boost = 1.0 + LEDE_WEIGHT if name in in_lede else 1.0
        _add(weights, "e:" + name, ENTITY_WEIGHT * boost * (1.0 + math.log(count)))


def _weigh_dates(weights: dict[str, float], annotations: Annotations | None, text: str
                 ) -> tuple[list[str], list[str]]:
    """Add the ``t:`` event-date, ``y:`` year and ``m:`` month keys; return the years and months ``text`` names."""
    for day in _event_days(annotations):
        _add(weights, "t:" + day, DATE_WEIGHT)
    years = YEAR.findall(text)
    for year in sorted(set(years)):
        _add(weights, "y:" + year, YEAR_WEIGHT)
    months = _months(text)
    for month in sorted(set(months)) if MONTH_WEIGHT else ():
        _add(weights, "m:" + month, MONTH_WEIGHT)
    return years, months

def headline(title: str, text: str) -> str:
    """The article's headline: its title, else the first line of text that is not a dateline or byline."""
    title = title.strip()
    if title and not _dateline(title):
        return title
    lines = [line.strip() for line in text.splitlines()[:8] if line.strip()]
    for line in lines:
        if not _dateline(line) and len(line) > 15:
            return line
    return title or (lines[0] if lines else "")


def _dateline(line: str) -> bool:
    """A date, time or byline stamp rather than a headline ("April 27, 2009", "8: 24am:")."""
    return bool(DATELINE.match(line)) or sum(1 for w in _ALPHA_WORD.findall(line)) < 2


def _dateline_stamp(title: str, text: str) -> str:
    """The first dateline among the title and the head lines of the text ("Thursday, December 11, 2008"), or
    "": the year and month it names are the report's own, whatever years and months the body recalls."""
    for line in [title, *text.splitlines()[:8]]:
        line = line.strip()
        if line and DATELINE.match(line):
            return line
    return ""


def _published_year(published: str | None) -> str | None:
    """The year of a known publication time: the report's own, whatever years its text recalls."""
    return published[:4] if published and YEAR.fullmatch(published[:4]) else None


def _stamp_year(stamp: str) -> str | None:
    """The year a dateline names: written out ("December 11, 2008"), or the two-digit year of a numeric date
    ("12 / 16 / 08", read as 2008; 50-99 as 19xx)."""
    found = YEAR.findall(stamp)
    if found:
        return found[-1]  # the date's own year comes last ("POSTED: 1052 GMT ( 1852 HKT), April 10, 2007")
    numeric = NUMERIC_DATE.search(stamp)
    if numeric is None:
        return None
    short = int(numeric.group(1))
    return str((1900 if short >= 50 else 2000) + short)


def lede_text(text: str, title: str) -> str:
    """Title plus the first sentences of the body (a dateline line does not count as one)."""
    sentences = []
    for part in SENTENCE_END.split(text[:3000]):
        part = part.strip()
        if not part or _dateline(part) or part == title:
            continue
        sentences.append(part)
        if len(sentences) >= LEDE_SENTENCES:
            break
    return title + "\n" + "\n".join(sentences)


def lede_weekday(lede: str) -> str | None:
    """The weekday the lede names most ("Thursday"), the first named on ties; None when it names none."""
    named = WEEKDAY.findall(lede)
    if not named:
        return None
    return max(dict.fromkeys(named), key=named.count).lower()


def _months(text: str) -> list[str]:
    """Month names written in the text (capitalised, e.g. "Dec. 11", "December", "May 3") as "01".."12"."""
    out = []
    for match in MONTH.finditer(text):
        name = (match.group(1) or match.group(2)).lower()
        word = match.group(0).rstrip(".").lower()
        if match.group(1) and len(word) > 4 and not _full_month(word):
            continue  # "Marathon", "Augusta", "Decide": not a month
        out.append(_MONTHS[name])
    return out


def _full_month(word: str) -> bool:
    return word in ("january", "february", "march", "april", "june", "july", "august", "september", "october",
                    "november", "december", "sept")


def _main_year(years: list[str]) -> str | None:
    if not years:
        return None
    counts: dict[str, int] = {}
    for year in years:
        counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda y: (counts[y], y))


def tokens(text: str) -> list[str]:
    """Lower-cased content words, plural 's' stripped; stop words and one-letter tokens dropped.  A compound
    opening with a number also gives the number ("15-year-old" -> "15-year-old", "15"), as another report
    writes it ("Jones, 15"). A Cyrillic word is keyed by its stem with the letters Ukrainian and Russian spell
    apart folded (``cyrillic_key``), so that its case forms, and often its cognate in the other language, share one
    key."""
    out = []
    for match in WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if _CYRILLIC(word):
            word = cyrillic_key(word)
            if len(word) > 2 and word not in CYRILLIC_STOP_WORDS:
                out.append(word)
            continue
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 2 or word in STOP_WORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not word[-2].isdigit():
            word = word[:-1]
        out.append(word)
        lead = _NUMBER_LEAD(word)
        if lead:
            out.append(lead.group(1))
    return out


_CYRILLIC = re.compile(r"[а-яёєіїґ]").search
_FOLD = str.maketrans({"і": "и", "ї": "и", "ы": "и", "є": "е", "э": "е", "ё": "е", "ґ": "г", "ъ": None, "ь": None,
                       "'": None, "ʼ": None})
_CYRILLIC_STOP = """
що что який яка яке які которий который которая которое которые як как та также також але однак однако або или
це это цей этот ця эта його его її ее їх их він вона вони он она они був була були було было буде будет буть
вже уже ще еще тому поэтому коли когда де где тут там після после перед через між между під под над від
"""


def cyrillic_key(word: str) -> str:
    """A Cyrillic word's stem (``normalize.lang.links.stem_key``) with і/и, є/е, ґ/г ... folded together."""
    return stem_key(word).translate(_FOLD)


CYRILLIC_STOP_WORDS = frozenset(cyrillic_key(w) for w in _CYRILLIC_STOP.split())


def _term_weights(title: str, text: str) -> dict[str, float]:
    counts: dict[str, float] = {}
    for word in tokens(text):
        counts[word] = counts.get(word, 0.0) + 1.0
    weights = {w: (1.0 + math.log(c)) * (NUMBER_WEIGHT if _NUMERIC(w) else 1.0) for w, c in counts.items()}
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


EVENT_HORIZON = 31.0  # days before publication within which a day the lede names can be the report's event
_FINE = ("day", "part-of-day", "hour", "minute")


def time_anchors(day: float | None, annotations: Annotations | None) -> tuple[float, ...]:
    """When the report happened: its publication ``day`` and the days its title and lede name (resolved by the
    normaliser), those of a dated report only within ``EVENT_HORIZON`` days before it (or the day after).  A
    follow-up names the day of the event it follows up ("shot herself May 11"), and a report without a
    publication time has only these."""
    named = set()
    for time in annotations.times if annotations is not None else ():
        if (time.resolved and time.begin and time.granularity in _FINE
                and 0 <= time.sentence <= LEDE_SENTENCES):
            named.add(float(int(parse_day(time.begin[:10]) or 0)))
    named.discard(0.0)
    if day is not None:
        named = {d for d in named if day - EVENT_HORIZON <= d <= day + 1.0} | {day}
    return tuple(sorted(named))


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
