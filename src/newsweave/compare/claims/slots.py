"""Small regex extractors of structured slots, used when the normaliser gave none (plain sentences, benchmarks).

They return the shared records (Quantity, TimeExpr, AgeFact, Entity) with offsets into the given text, so the
comparison rules work the same on normaliser output and on bare text.
"""
from __future__ import annotations

import re
from datetime import date

from ...models import AgeFact, Entity, Quantity, TimeExpr
from ...normalize.times import YEAR_INFERRED  # TimeExpr.note: the year came from the reference date
from ...normalize.words import CARDINAL_WORDS

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
            r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WORDS = {**CARDINAL_WORDS, "hundred": 100, "dozen": 12}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORD_NUMBER = rf"\b(?:(?:{_TENS})-(?:{_UNITS})|{'|'.join(sorted(_WORDS, key=len, reverse=True))})\b"
# Clock times ("6 p.m.", "10 : 33 a.m.", "8am") are times of day, not quantities.
_CLOCK_RE = re.compile(r"\b\d{1,2}(?:\s*[:.]\s*\d\d)?\s*(?:[ap]\.?\s?m\b\.?)|\b\d{1,4}(?:\s*:\s*\d\d)?\s*"
                       r"(?:GMT|UTC|EDT|EST|ET|PDT|PST|BST|CET|AEST)\b", re.I)
# Not counts: decades ("the 1980s", "his 90s"), number words in compounds ("three-term", "four-week"), "one of".
_NOT_COUNT = re.compile(r"(?<![\w.])\d+'?s\b|\b[a-z]+(?:-[a-z]+)?-(?!year-old|years?-old)[a-z]+|\bone\s+of\b", re.I)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
_QUAL = [("at_least", r"at least|no fewer than|a minimum of"), ("more_than", r"more than|over|above|upwards of"),
         ("about", r"about|around|approximately|roughly|nearly|almost|some|an estimated|close to"),
         ("up_to", r"up to|as many as|at most"), ("less_than", r"less than|fewer than|under|below")]
_QUAL_RE = "|".join(p for _, p in _QUAL)
NUMBER_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL_RE})\s+)?(?:(?P<cur>[$€£])\s?)?(?P<num>(?<![\w.])(?:\d+(?:,\d{{3}})*(?:\.\d+)?|\.\d+)|"
    rf"{_WORD_NUMBER})(?:[\s-]*(?P<scale>thousand|million|billion|trillion|bn)\b)?"
    rf"(?:[\s-]*(?P<unit>%|percent(?:age points?)?|per cent|km|kilometers|kilometres|miles|hours|days|years|dollars|"
    rf"euros|pounds|lbs?|kg|kilograms?|kilos|feet|ft|meters|metres|acres|hectares|tons|tonnes|barrels|degrees|"
    rf"cents|points?|GHz|MHz|MB|GB)\b)?",
    re.I)
_DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})|(?P<m2>{_MONTH_RE})(?:\s\.)?\s+(?P<d2>\d{{1,2}})(?!\d))?"
    rf"(?:\s*,?\s*(?P<y>(?:19|20)\d\d)\b)?", re.I)
_MONTH_ONLY = re.compile(rf"\b(?P<m>{_MONTH_RE})(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d))?\b", re.I)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_AGE_RE = re.compile(r"\b(?:(?:aged|age)\s+(?P<a1>\d{1,3})|(?P<a2>\d{1,3})[- ]years?[- ]old|"
                     r"(?:is|was|he's|she's)\s+(?P<a3>\d{1,2})(?=[,.;]|\s+(?:and|when|at)\b)|"
                     r"(?<=[a-z])\s?,\s(?P<a4>\d{1,3})\s?,(?=\s+(?:a|an|the|who|was|is|has|had|and|said|[a-z]+ed)\b))",
                     re.I)
_BORN_RE = re.compile(r"\b(?:born in|birth year (?:as|of|is)|birth year,?)\s+(?P<y>(?:19|20)\d\d)\b", re.I)
_CAPS = re.compile(r"\b(?:[A-Z][\w’'.-]*|of|the|de|al)(?:\s+(?:[A-Z][\w’'.-]*|of|the|de|al))*")
_CAPS_STOP = {"The", "A", "An", "He", "She", "They", "It", "We", "I", "In", "On", "At", "But", "And", "This", "That",
              "His", "Her", "Their", "Its", "Mr", "Mrs", "Ms", "Dr", "After", "Before", "When", "While", "If", "As",
              "For", "With", "Some", "Other", "One", "Two", "According", "Under", "There", "These", "Those", "Also"}


def _value(match: re.Match) -> float | None:
    raw = match.group("num").lower()
    if raw[:1].isalpha():
        value = float(sum(_WORDS[part] for part in raw.split("-")))
    else:
        value = float(raw.replace(",", ""))
    scale = (match.group("scale") or "").lower()
    return value * _SCALE.get(scale, 1.0)


def quantities(text: str) -> tuple[Quantity, ...]:
    """Numbers with qualifiers; years, dates and ages are left to the time and age extractors."""
    skip = [(m.start(), m.end()) for m in _DATE_RE.finditer(text) if m.group(0).strip()]
    skip += [(m.start(), m.end()) for m in _CLOCK_RE.finditer(text)]
    skip += [(m.start(), m.end()) for m in _NOT_COUNT.finditer(text) if _counts_nothing(m.group(0))]
    skip += [(m.start(), m.end()) for m in _AGE_RE.finditer(text)] + [(m.start(), m.end()) for m in _BORN_RE.finditer(text)]
    out = []
    for m in NUMBER_RE.finditer(text):
        start = m.start("num")
        if any(a <= start < b for a, b in skip) or (m.group("num").isdigit() and _is_year(m.group("num"))
                                                      and not m.group("scale")):
            continue
        value = _value(m)
        qualifier = _qualifier(m.group("qual"))
        low, high = _bounds(value, qualifier)
        unit = _unit(m.group("unit"), m.group("cur"))
        counted = _counted(text, m.end())
        out.append(Quantity(m.start(), m.end(), m.group(0), low, high, qualifier, unit, counted))
    return tuple(out)


def _counts_nothing(span: str) -> bool:
    """A decade, "one of", or a compound adjective whose first part is a number word ("three-term")."""
    if span[:1].isdigit() or re.fullmatch(r"one\s+of", span, re.I):
        return True
    parts = span.lower().split("-")
    size = 2 if len(parts) >= 2 and re.fullmatch(_TENS, parts[0]) and re.fullmatch(_UNITS, parts[1]) else 1
    number = parts[0] in _WORDS or size == 2
    return number and len(parts) > size


def _is_year(raw: str) -> bool:
    return len(raw) == 4 and 1900 <= int(raw) <= 2099


def _qualifier(raw: str | None) -> str:
    if not raw:
        return "exact"
    raw = raw.lower()
    for name, pattern in _QUAL:
        if re.fullmatch(pattern, raw):
            return name
    return "exact"


def _bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("up_to", "less_than"):
        return None, value
    return value, value


def _unit(unit: str | None, currency: str | None) -> str:
    if currency:
        return {"$": "USD", "€": "EUR", "£": "GBP"}[currency]
    unit = (unit or "").lower()
    return {"per cent": "percent", "%": "percent", "kilometers": "km", "kilometres": "km", "dollars": "USD",
            "euros": "EUR", "lbs": "lb", "pounds": "lb", "kilograms": "kg", "kilogram": "kg", "kilos": "kg",
            "feet": "ft", "metres": "m", "meters": "m", "tonnes": "t", "tons": "t", "point": "points",
            "percentage point": "percentage points"}.get(unit, unit)


def _counted(text: str, end: int) -> str:
    words = re.findall(r"[A-Za-z][\w-]*", text[end:end + 60])
    kept = []
    for w in words[:4]:
        if w.lower() in ("of", "the", "a", "have", "has", "had", "were", "was", "are", "is", "said", "in", "on"):
            break
        kept.append(w)
    return " ".join(kept)


def times(text: str, reference: date | None = None) -> tuple[TimeExpr, ...]:
    """Dates, months and years as intervals; relative words ("Saturday", "late last year") need a reference."""
    out: list[TimeExpr] = []
    for m in _DATE_RE.finditer(text):
        if not m.group(0).strip() or not (m.group("y") or m.group("d1") or m.group("d2")):
            continue
        out.append(_date_expr(m, reference))
    taken = [(t.start, t.end) for t in out]
    for m in _MONTH_ONLY.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or (m.group("m").lower() == "may" and not m.group("y")):
            continue
        month = _month_number(m.group("m"))
        year = int(m.group("y")) if m.group("y") else (reference.year if reference else None)
        if year is None:
            continue
        end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        out.append(TimeExpr(m.start(), m.end(), m.group(0), date(year, month, 1).isoformat(), end.isoformat(),
                            "month", note="" if m.group("y") else YEAR_INFERRED))
    spans = [(t.start, t.end) for t in out if t.granularity != "year"]
    out = [t for t in out if t.granularity != "year" or not any(a <= t.start and t.end <= b for a, b in spans)]
    return tuple(sorted(out, key=lambda t: t.start))


def _month_number(token: str) -> int:
    token = token.lower().rstrip(".")
    return next(i + 1 for i, name in enumerate(MONTHS) if name.startswith(token[:3]))


def _date_expr(m: re.Match, reference: date | None) -> TimeExpr:
    year = int(m.group("y")) if m.group("y") else (reference.year if reference else None)
    month_token = m.group("m1") or m.group("m2")
    day = m.group("d1") or m.group("d2")
    if month_token and day and year:
        try:
            begin = date(year, _month_number(month_token), int(day))
        except ValueError:
            return TimeExpr(m.start(), m.end(), m.group(0), None, None, "day", resolved=False)
        return TimeExpr(m.start(), m.end(), m.group(0), begin.isoformat(),
                        date.fromordinal(begin.toordinal() + 1).isoformat(), "day",
                        note="" if m.group("y") else YEAR_INFERRED)
    if year and not month_token:
        return TimeExpr(m.start("y"), m.end(), m.group("y"), f"{year}-01-01", f"{year + 1}-01-01", "year")
    return TimeExpr(m.start(), m.end(), m.group(0), None, None, "day", resolved=False)


def ages(text: str, reference: date | None = None) -> tuple[AgeFact, ...]:
    year = reference.year if reference else None
    out = []
    for m in _AGE_RE.finditer(text):
        value = int(m.group("a1") or m.group("a2") or m.group("a3") or m.group("a4"))
        low, high = ((year - value - 1, year - value) if year else (None, None))
        out.append(AgeFact(m.start(), m.end(), m.group(0), "age", value, low, high, person=_age_person(text, m)))
    for m in _BORN_RE.finditer(text):
        value = int(m.group("y"))
        out.append(AgeFact(m.start(), m.end(), m.group(0), "birth_year", value, value, value))
    return tuple(sorted(out, key=lambda a: a.start))


def _age_person(text: str, m: re.Match) -> str:
    """Whose age, when the wording says: "Sharkey, 31," (the name before) or "his 27-year-old wife" (the noun after)."""
    if m.group("a4"):
        before = re.findall(r"[A-Z][\w'-]+", text[max(0, m.start() - 40):m.start()])
        return before[-1].casefold() if before else ""
    if m.group("a2"):
        after = re.match(r"\s*([a-z][\w-]*)", text[m.end():])
        return after.group(1).casefold() if after and after.group(1) not in ("and", "or", "who", "was", "is") else ""
    return ""


def entities(text: str) -> tuple[Entity, ...]:
    """Capitalised word runs not at sentence start (a crude stand-in for NER)."""
    out = []
    for m in _CAPS.finditer(text):
        words = m.group(0).split()
        while words and (words[0] in _CAPS_STOP or words[0][:1].islower()):
            words = words[1:]
        while words and words[-1][:1].islower():
            words = words[:-1]
        if not words:
            continue
        surface = " ".join(words)
        start = text.find(surface, m.start())
        if start < 0 or (start == 0 and len(words) == 1) or _calendar_word(surface):
            continue
        out.append(Entity(start, start + len(surface), surface, "MISC", canonical=surface.casefold()))
    return tuple(out)


def _calendar_word(surface: str) -> bool:
    word = surface.lower().rstrip(".")
    return bool(_WEEKDAY.fullmatch(word)) or any(name.startswith(word) and len(word) >= 3 for name in MONTHS)
