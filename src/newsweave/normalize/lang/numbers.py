"""Quantities and ages in a language read from its ``Table``, as intervals like the English extractors give
(``normalize.quantities``: qualifier, [low, high], unit; ``normalize.ages``: birth-year intervals).

"понад 11 тисяч" is more than 11,000; "близько сорока" about 40; "двох" 2; "19-річний" an age of 19 (born
``Y-20``..``Y-19``); "2005 року народження" a birth year. Years, dates and ages are not counted as quantities.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Sequence

from ...models import AgeFact, Quantity, Sentence
from ..times import sentence_index
from .table import Table

_BOUNDS = {"exact": (1, 1), "more_than": (1, None), "at_least": (1, None), "about": (1, 1), "up_to": (None, 1),
           "less_than": (None, 1)}
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?![\d])"
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₴": "UAH", "₽": "RUB"}
_COUNTED = re.compile(r"\s*([^\W\d_][\w'’ʼ-]*)")

_CACHE: dict[str, dict] = {}


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _patterns(table: Table) -> dict[str, re.Pattern]:
    if table.code in _CACHE:
        return _CACHE[table.code]
    words = _alt(table.numbers)
    number = rf"(?:{_DIGITS}|(?:{words})(?:\s+(?:{words}))*(?!\w))"
    scale = _alt(table.scales)
    unit = _alt({**table.currencies, **table.measures})
    qual = _alt(table.qualifiers)
    quantity = (rf"(?<!\w)(?:(?P<qual>{qual})\s+)?(?P<sym>[$€£₴₽]\s?)?(?P<num>{number})(?:\s*(?P<scale>{scale})(?!\w))?"
                rf"(?:(?P<sep>\s*[-–—]\s*|\s+до\s+)(?P<num2>{number})(?:\s*(?P<scale2>{scale})(?!\w))?)?"
                rf"(?:\s*(?P<unit>{unit})(?!\w))?")
    ages = "|".join((
        rf"(?P<n1>\d{{1,3}}){table.age_adjective}",
        rf"(?:{_alt(table.age_intro)})\s+(?P<n2>\d{{1,3}}|{words})\s+(?:{_alt(table.age_words)})(?!\w)",
        rf"(?:йому|їй|ему|ей)\s+(?:(?:було|было|виповнилося|исполнилось|вже|уже)\s+)?(?P<n3>\d{{1,3}}|{words})\s+"
        rf"(?:{_alt(table.age_words)})(?!\w)",
    ))
    birth = "|".join((
        rf"(?P<y1>(?:19|20)\d\d)\s+(?:{_alt(table.birth)})",
        r"(?:народи\w*|родил\w*)\s+(?:(?:\d{1,2}\s+\w+\s+)?(?:у|в)\s+)?(?P<y2>(?:19|20)\d\d)",
    ))
    found = {
        "quantity": re.compile(quantity, re.IGNORECASE),
        "approx": re.compile(rf"(?<![\w\d]\s)(?<!\w)(?P<approx>{_alt(table.approx)})(?!\w)", re.IGNORECASE),
        "age": re.compile(rf"(?<!\w)(?:{ages})", re.IGNORECASE),
        "birth": re.compile(rf"(?<!\w)(?:{birth})", re.IGNORECASE),
    }
    _CACHE[table.code] = found
    return found


def parse_number(token: str, table: Table) -> float | None:
    """Digits ("11 000", "7,08") or number words in any case ("двох", "двадцять п'ять")."""
    token = token.strip()
    if token[:1].isdigit():
        digits = re.sub(r"[ \u00a0\u202f]", "", token).replace(",", ".")
        try:
            return float(digits)
        except ValueError:
            return None
    total = 0
    for word in token.lower().split():
        if word not in table.numbers:
            return None
        total += table.numbers[word]
    return float(total)


def _scaled(value: float | None, scale: str | None, table: Table) -> float | None:
    if value is None or not scale:
        return value
    return value * table.scales.get(" ".join(scale.lower().split()), 1)


def _masked(mask: bytearray, start: int, end: int) -> bool:
    return mask.find(1, start, end) >= 0


# --------------------------------------------------------------------------- quantities

def extract_quantities(text: str, table: Table, sentences: Sequence[Sentence] = (),
                       masks: Sequence[tuple[int, int]] = ()) -> tuple[Quantity, ...]:
    """Counts, amounts and percentages; ``masks`` are spans already read as dates or ages."""
    if not text:
        return ()
    mask = bytearray(len(text) + 1)
    for s, e in masks:
        mask[s:e] = b"\x01" * (e - s)
    pats = _patterns(table)
    found = [q for m in pats["quantity"].finditer(text) if (q := _quantity(text, m, table, mask)) is not None]
    found += [_approx(text, m, table) for m in pats["approx"].finditer(text)
              if not _masked(mask, m.start(), m.end()) and not any(q.start <= m.start() < q.end for q in found)]
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    out = sorted(found, key=lambda q: q.start)
    return tuple(_with_sentence(q, starts, ordered) for q in out)


def _quantity(text: str, m: re.Match, table: Table, mask: bytearray) -> Quantity | None:
    if _masked(mask, m.start("num"), m.end("num")):
        return None
    raw = m["num"]
    low = _scaled(parse_number(raw, table), m["scale"], table)
    if low is None:
        return None
    if not raw[0].isdigit() and low == 1 and not (m["scale"] or m["unit"]):
        return None  # "один", "одна": an article, not a count
    unit = _unit(m, table)
    qualifier = table.qualifiers.get(" ".join((m["qual"] or "").lower().split()), "exact")
    high = low
    if m["num2"] and not _masked(mask, m.start("num2"), m.end("num2")):
        second = _scaled(parse_number(m["num2"], table), m["scale2"] or m["scale"], table)
        if second is not None:
            if m["scale2"] and not m["scale"]:
                low = _scaled(parse_number(raw, table), m["scale2"], table)
            low, high, qualifier = min(low, second), max(low, second), "range"
    elif qualifier == "range":
        qualifier = "exact"
    if qualifier in _BOUNDS:
        lo, hi = _BOUNDS[qualifier]
        low, high = (low if lo else None), (high if hi else None)
    end = m.end()
    counted = "" if unit else _counted(text, end)
    return Quantity(start=m.start(), end=end, text=text[m.start():end], low=low, high=high, qualifier=qualifier,
                    unit=unit, counted=counted)


def _unit(m: re.Match, table: Table) -> str:
    if m["sym"]:
        return _SYMBOLS.get(m["sym"].strip(), "")
    word = (m["unit"] or "").lower()
    return table.currencies.get(word) or table.measures.get(word) or ""


def _counted(text: str, end: int) -> str:
    m = _COUNTED.match(text, end)
    return m.group(1) if m and m.start(1) - end <= 2 else ""


def _approx(text: str, m: re.Match, table: Table) -> Quantity:
    kind, low, high = table.approx[" ".join(m["approx"].lower().split())]
    return Quantity(start=m.start(), end=m.end(), text=m.group(0), low=low, high=high, qualifier=kind,
                    counted=_counted(text, m.end()))


def _with_sentence(item, starts: list[int], sentences: Sequence[Sentence]):
    from dataclasses import replace

    return replace(item, sentence=sentence_index(item.start, starts, sentences)) if sentences else item


# --------------------------------------------------------------------------- ages

def extract_ages(text: str, reference: datetime | None, table: Table,
                 sentences: Sequence[Sentence] = ()) -> tuple[AgeFact, ...]:
    """Ages ("19-річний", "віком 19 років", "йому 19 років") and birth years ("2005 року народження")."""
    if not text:
        return ()
    year = reference.year if reference is not None else None
    pats = _patterns(table)
    found = []
    for m in pats["age"].finditer(text):
        token = m["n1"] or m["n2"] or m["n3"]
        value = parse_number(token, table)
        if value is None or not 0 < value < 120:
            continue
        age = int(value)
        found.append(AgeFact(start=m.start(), end=m.end(), text=m.group(0), kind="age", value=age,
                             birth_low=None if year is None else year - age - 1,
                             birth_high=None if year is None else year - age, person=_person_after(text, m.end())))
    for m in pats["birth"].finditer(text):
        born = int(m["y1"] or m["y2"])
        found.append(AgeFact(start=m.start(), end=m.end(), text=m.group(0), kind="birth_year", value=born,
                             birth_low=born, birth_high=born, person=""))
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    return tuple(_with_sentence(a, starts, ordered) for a in sorted(found, key=lambda a: a.start))


_NAME_AFTER = re.compile(r"\s+((?:[A-ZА-ЯЁЄІЇҐ][\w'’ʼ-]+)(?:\s+[A-ZА-ЯЁЄІЇҐ][\w'’ʼ-]+)?)")


def _person_after(text: str, end: int) -> str:
    """The name an age adjective qualifies ("19-річний Іван Петренко")."""
    m = _NAME_AFTER.match(text, end)
    return m.group(1) if m else ""


def age_spans(ages: Sequence[AgeFact]) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in ages]
