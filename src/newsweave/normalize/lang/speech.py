"""Who says each sentence, and its negation and modality, in a language read from its ``Table``.

Cues: a source phrase before a name ("за словами Зеленського", "по данным Минобороны", "як повідомили в СБУ"), or a
reporting verb ("заявив", "сообщил") with the nearest person or organisation before it (its subject) or, in a
quote's tail ("..., – сказав Буданов"), after it. A sentence inside a quote «...» keeps the quote's speaker; a
sentence without a cue is the outlet's own (``explicit=False``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ...models import Attribution, Entity, Sentence
from .table import Table

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_QUOTES = re.compile(r"«[^«»]{1,4000}»|“[^“”]{1,4000}”|\"[^\"]{1,4000}\"|„[^„“]{1,4000}“")
_CACHE: dict[str, dict[str, re.Pattern]] = {}


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _patterns(table: Table) -> dict[str, re.Pattern]:
    if table.code not in _CACHE:
        modality = {kind: re.compile(rf"(?<!\w)(?:{_alt(words)})(?!\w)", re.I) for kind, words in table.modality.items()}
        _CACHE[table.code] = {
            "phrase": re.compile(rf"(?<!\w)(?:{_alt(table.cue_phrases)})(?!\w)", re.I),
            "verb": re.compile(rf"(?<!\w)(?:{_alt(table.cue_verbs)})\w*", re.I),
            "negation": re.compile(rf"(?<!\w)(?:{_alt(table.negations)})(?!\w)", re.I),
            **{f"modality:{k}": v for k, v in modality.items()},
        }
    return _CACHE[table.code]


def mark_sentences(sentences: Sequence[Sentence], table: Table) -> tuple[Sentence, ...]:
    """Sentences with ``negated`` and ``modality`` set from the table's words."""
    pats = _patterns(table)
    out = []
    for s in sentences:
        kinds = tuple(sorted(k.split(":", 1)[1] for k, rx in pats.items() if k.startswith("modality:") and rx.search(s.text)))
        if s.text.rstrip().endswith("?"):
            kinds = tuple(sorted(set(kinds) | {"question"}))
        out.append(replace(s, negated=bool(pats["negation"].search(s.text)), modality=kinds))
    return tuple(out)


def quote_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTES.finditer(text)]


def _speakers(entities: Sequence[Entity], start: int, end: int) -> list[Entity]:
    return [e for e in entities if start <= e.start and e.end <= end and e.label in SPEAKER_LABELS]


def _attribution(text: str, sentence: Sentence, entities: Sequence[Entity], quotes, table: Table,
                 outlet: str) -> Attribution | None:
    pats = _patterns(table)
    inside = [(a, b) for a, b in quotes if a < sentence.end and b > sentence.start]
    outside = _outside(sentence, inside)
    for lo, hi in outside:
        m = pats["phrase"].search(text, lo, hi)
        if m:
            after = _speakers(entities, m.end(), min(hi, m.end() + 80))
            if after:
                return _record(sentence, after[0], m.group(0), inside)
    for lo, hi in outside:
        for m in pats["verb"].finditer(text, lo, hi):
            after = _actors(_speakers(entities, m.end(), min(sentence.end, m.end() + 60)))
            before = _actors(_speakers(entities, sentence.start, m.start()))[::-1]
            speaker = after[:1] or before[:1]
            if speaker:
                return _record(sentence, speaker[0], m.group(0), inside)
    return None


def _actors(found: list[Entity]) -> list[Entity]:
    """People and organisations first (nearest first), then places: "заявив у Києві Зеленський"."""
    return [e for e in found if e.label in ("PERSON", "ORG")] + [e for e in found if e.label not in ("PERSON", "ORG")]


def _outside(sentence: Sentence, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans, cursor = [], sentence.start
    for a, b in sorted(quotes):
        if a > cursor:
            spans.append((cursor, min(a, sentence.end)))
        cursor = max(cursor, b)
    if cursor < sentence.end:
        spans.append((cursor, sentence.end))
    return spans


def _record(sentence: Sentence, entity: Entity, cue: str, quotes) -> Attribution:
    qs, qe = (quotes[0] if quotes else (-1, -1))
    return Attribution(sentence=sentence.index, speaker=entity.text, canonical=entity.canonical or entity.text,
                       cue=" ".join(cue.split()), direct=bool(quotes), quote_start=qs, quote_end=qe, explicit=True)


def attribute(text: str, sentences: Sequence[Sentence], entities: Sequence[Entity], outlet: str,
              table: Table) -> tuple[Attribution, ...]:
    """One attribution per sentence, in sentence order; a sentence inside an open quote keeps its speaker."""
    quotes = quote_spans(text)
    out, last = [], None
    for sentence in sentences:
        found = _attribution(text, sentence, entities, quotes, table, outlet)
        within = last is not None and any(a <= sentence.start and sentence.end <= b for a, b in quotes)
        if found is None and within:
            found = replace(last, sentence=sentence.index)
        if found is None:
            found = Attribution(sentence=sentence.index, speaker=outlet or "", canonical=outlet or "", explicit=False)
        else:
            last = found
        out.append(found)
    return tuple(out)
