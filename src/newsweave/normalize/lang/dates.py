"""Dates in a language read from its ``Table``, resolved against the publication time as in English
(``normalize.times``: intervals ``[begin, until)``, relative expressions look backwards, seasons northern
meteorological, parts of a year early/mid/late).

Patterns are built from the table's word forms, so "у суботу", "в прошлую субботу", "восени 2024 року", "у січні",
"минулого року", "2024 року" and "11 січня 2025 року" read alike in every language that has a table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Sequence

from ...models import Sentence, TimeExpr
from ..times import sentence_index
from .table import Table

UNRESOLVED = "relative expression; publication time unknown"
YEAR_INFERRED = "year inferred from publication time"


@dataclass(frozen=True)
class Span:
    begin: date
    until: date
    granularity: str
    note: str = ""


# --------------------------------------------------------------------------- calendar

def _month(y: int, m: int) -> Span:
    ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
    return Span(date(y, m, 1), date(ny, nm, 1), "month")


def _year(y: int) -> Span:
    return Span(date(y, 1, 1), date(y + 1, 1, 1), "year")


def _day(d: date, note: str = "") -> Span:
    return Span(d, d + timedelta(days=1), "day", note)


def _season(y: int, name: str) -> Span:
    if name == "winter":
        return Span(date(y, 12, 1), date(y + 1, 3, 1), "season", "winter: Dec-Feb (northern hemisphere)")
    lo = {"spring": 3, "summer": 6, "autumn": 9}[name]
    return Span(date(y, lo, 1), date(y, lo + 3, 1), "season", f"{name}: northern hemisphere")


def _edge(span: Span, edge: str | None) -> Span:
    """The early / mid / late part of a month or a year (times.py's boundaries)."""
    if not edge:
        return span
    if span.granularity == "year":
        y = span.begin.year
        lo, hi = {"early": (1, 4), "mid": (4, 10), "late": (10, 13)}[edge]
        return Span(date(y, lo, 1), date(y + 1, 1, 1) if hi == 13 else date(y, hi, 1), "part-of-year", edge)
    lo, hi = {"early": (1, 11), "mid": (11, 21), "late": (21, None)}[edge]
    return Span(span.begin.replace(day=lo), span.until if hi is None else span.begin.replace(day=hi),
                "part-of-month", edge)


def _past_month_year(ref: date, month: int) -> int:
    return ref.year if month <= ref.month else ref.year - 1


def _past_season_year(ref: date, name: str) -> int:
    for y in (ref.year, ref.year - 1):
        if _season(y, name).begin <= ref:
            return y
    return ref.year - 1


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _period(ref: date, unit: str, shift: int) -> Span:
    if unit == "week":
        start = _week_start(ref) + timedelta(days=7 * shift)
        return Span(start, start + timedelta(days=7), "week")
    if unit == "month":
        k = ref.year * 12 + ref.month - 1 + shift
        return _month(k // 12, k % 12 + 1)
    if unit == "year":
        return _year(ref.year + shift)
    return _day(ref + timedelta(days=shift))


# --------------------------------------------------------------------------- patterns

def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


Handler = Callable[[re.Match, Table, "date | None"], "Span | None"]


def _shift_of(table: Table, word: str | None) -> int:
    word = (word or "").lower()
    return -1 if word in table.last else 1 if word in table.next else 0


def _needs_ref(fn: Handler) -> Handler:
    fn.relative = True  # type: ignore[attr-defined]
    return fn


def _h_iso(m, table, ref):
    return _day(date(int(m["y"]), int(m["m"]), int(m["d"])))


def _h_numeric(m, table, ref):
    return _day(date(int(m["y"]), int(m["m"]), int(m["d"])))


def _h_day_month_year(m, table, ref):
    return _day(date(int(m["year"]), table.months[m["mon"].lower()], int(m["day"])))


@_needs_ref
def _h_day_month(m, table, ref):
    mon, day = table.months[m["mon"].lower()], int(m["day"])
    y = ref.year if (mon, day) <= (ref.month, ref.day) else ref.year - 1
    return _day(date(y, mon, day), YEAR_INFERRED)


def _h_range_year(m, table, ref):
    mon, y = table.months[m["mon"].lower()], int(m["year"])
    return Span(date(y, mon, int(m["day"])), date(y, mon, int(m["day2"])) + timedelta(days=1), "day-range")


@_needs_ref
def _h_range(m, table, ref):
    mon = table.months[m["mon"].lower()]
    y = _past_month_year(ref, mon)
    return Span(date(y, mon, int(m["day"])), date(y, mon, int(m["day2"])) + timedelta(days=1), "day-range",
                YEAR_INFERRED)


def _h_month_year(m, table, ref):
    return _edge(_month(int(m["year"]), table.months[m["mon"].lower()]), _edge_of(table, m["edge"]))


@_needs_ref
def _h_month_rel(m, table, ref):
    y = ref.year + _shift_of(table, m["rel"])
    return _edge(_month(y, table.months[m["mon"].lower()]), _edge_of(table, m["edge"]))


@_needs_ref
def _h_month(m, table, ref):
    mon = table.months[m["mon"].lower()]
    span = _edge(_month(_past_month_year(ref, mon), mon), _edge_of(table, m["edge"]))
    return Span(span.begin, span.until, span.granularity, "; ".join(x for x in (span.note, YEAR_INFERRED) if x))


def _h_year(m, table, ref):
    return _edge(_year(int(m["year"])), _edge_of(table, m["edge"]))


_YEAR_BEFORE = re.compile(r"(?:^|\s)(?:у|в|во|з|із|зі|до|від|с|со|по|на|протягом|після|перед|між|между|от|после|"
                          r"в течение|since|in)\s+$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"\s*(?:$|[,.;:)\]–—]|\s+(?:і|та|и|або|или|по|до)\s+(?:19|20)\d\d)")


def _h_bare_year(m, table, ref):
    """A year without "року"/"года": an ordinal ("у 2009-му"), a year before punctuation or another year
    ("2006 і 2007"), or one after a preposition and before no word of a count ("у 2013 повідомила"; not
    "до 2000 гривень", "2024 людини")."""
    text, y = m.string, int(m["year"])
    if m["ord"] or _YEAR_AFTER.match(text, m.end()):
        return _year(y)
    if not _YEAR_BEFORE.search(text[max(0, m.start() - 20):m.start()]) or not 1800 <= y < 2040:
        return None
    following = _NEXT_WORD.match(text, m.end())
    if following and {following.group(1).lower(), following.group(1).lower() + "."} & _count_words(table):
        return None
    return _year(y)


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


_COUNT_WORDS: dict[str, frozenset[str]] = {}


def _count_words(table: Table) -> frozenset[str]:
    """Words after a number that make it a count ("2000 гривень", "2024 роки")."""
    if table.code not in _COUNT_WORDS:
        _COUNT_WORDS[table.code] = frozenset({*table.scales, *table.currencies, *table.measures, *table.age_words,
                                              *table.units})
    return _COUNT_WORDS[table.code]


@_needs_ref
def _h_year_adverb(m, table, ref):
    return _year(ref.year + table.year_adverbs[" ".join(m["adv"].lower().split())])


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int:
    digits = [_ROMAN[ch] for ch in numeral.upper().replace("Х", "X").replace("І", "I")]
    return sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits))


def _h_century(m, table, ref):
    """"XX століття" -> 1901-2001; with an edge its first, middle or last third ("на початку XIX ст.")."""
    n = _roman(m["roman"])
    if not 1 <= n <= 21:
        return None
    first = (n - 1) * 100 + 1
    lo, hi = {None: (0, 100), "early": (0, 30), "mid": (30, 70), "late": (70, 100)}[_edge_of(table, m["edge"])]
    return Span(date(first + lo, 1, 1), date(first + hi, 1, 1), "century")


def _h_year_range(m, table, ref):
    a, b = int(m["year"]), int(m["year2"])
    if b < 100:
        b += a - a % 100
    if b <= a:
        return None
    return Span(date(a, 1, 1), date(b + 1, 1, 1), "year-range")


def _h_decade(m, table, ref):
    start = int(m["dec"])
    if start < 100:
        start += 1900
    return Span(date(start, 1, 1), date(start + 10, 1, 1), "decade")


def _h_season_year(m, table, ref):
    return _season(int(m["year"]), table.seasons[m["season"].lower()])


@_needs_ref
def _h_season_rel(m, table, ref):
    return _season(ref.year + _shift_of(table, m["rel"]), table.seasons[m["season"].lower()])


@_needs_ref
def _h_season(m, table, ref):
    name = table.seasons[m["season"].lower()]
    shift = _shift_of(table, m["rel"])
    y = _past_season_year(ref, name)
    if shift == -1:
        y = _past_season_year(ref - timedelta(days=91), name) if _season(y, name).until > ref else y
    elif shift == 1:
        y = ref.year if _season(ref.year, name).begin > ref else ref.year + 1
    return _season(y, name)


@_needs_ref
def _h_weekday(m, table, ref):
    wd, shift = table.weekdays[m["wd"].lower()], _shift_of(table, m["rel"])
    if shift == 1:
        d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    elif shift == -1:
        d = ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
    else:
        d = ref - timedelta(days=(ref.weekday() - wd) % 7)
    return _day(d)


@_needs_ref
def _h_day_word(m, table, ref):
    return _day(ref + timedelta(days=table.day_words[m["word"].lower()]))


@_needs_ref
def _h_rel_period(m, table, ref):
    unit = table.units[m["unit"].lower()]
    return _edge(_period(ref, unit, _shift_of(table, m["rel"])), _edge_of(table, m["edge"])) \
        if unit in ("month", "year") else _period(ref, unit, _shift_of(table, m["rel"]))


@_needs_ref
def _h_this_year(m, table, ref):
    """"на початку року" without a year: the part of the current year."""
    return _edge(_year(ref.year), _edge_of(table, m["edge"]))


@_needs_ref
def _h_ago(m, table, ref):
    """"3 роки тому", "рік тому"; "кілька років тому" (a few): from nine units back to two."""
    word = (m["n"] or m["n2"] or "1").lower()
    unit = table.units[m["unit"].lower()]
    if word in table.few:
        newest, oldest = _ago(ref, unit, 2), _ago(ref, unit, 9)
        return Span(oldest.begin, newest.until, f"{unit}-range", "a few")
    return _ago(ref, unit, int(word) if word.isdigit() else table.numbers.get(word, 1))


def _ago(ref: date, unit: str, n: int) -> Span:
    if unit == "day":
        return _day(ref - timedelta(days=n))
    if unit == "week":
        return _period(ref - timedelta(days=7 * n), "week", 0)
    if unit == "month":
        return _period(ref, "month", -n)
    return _year(ref.year - n)


def _edge_of(table: Table, phrase: str | None) -> str | None:
    if not phrase:
        return None
    return table.edges.get(" ".join(phrase.lower().split()))


_RULES: dict[str, tuple] = {}


def _rules(table: Table) -> tuple[tuple[re.Pattern, Handler], ...]:
    if table.code not in _RULES:
        _RULES[table.code] = _compile(table)
    return _RULES[table.code]


def _compile(table: Table) -> tuple[tuple[re.Pattern, Handler], ...]:
    mon, wd = _alt(table.months), _alt(table.weekdays)
    season, unit = _alt(table.seasons), _alt(table.units)
    rel = _alt(table.last + table.this + table.next)
    yw = _alt(table.year_words)
    edge = _alt(table.edges)
    year = r"(?P<year>1[5-9]\d\d|20\d\d)"
    yword = rf"(?:[-‑]?(?:го|му|й|ий|ого|ому|м))?(?:\s*(?:{yw})(?!\w))?"
    num = _alt(table.numbers)
    few = _alt(table.few) or "(?!)"
    century = (rf"(?:(?P<edge>{edge})\s+)?(?P<roman>(?-i:[IVXLХІ]{{1,6}}))(?:[-‑]?(?:го|му|м|й|ий))?\s*"
               rf"(?:{_alt(table.centuries)})(?!\w)(?!\s*\.?\s*\d)")
    prep = r"(?:(?:у|в|во|на|о|об)\s+)"
    rules = [
        (r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", _h_iso),
        (r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?!\d)" + yword, _h_numeric),
        (rf"(?P<day>[0-3]?\d)\s*[-–—]\s*(?P<day2>[0-3]?\d)\s+(?P<mon>{mon})\s+{year}{yword}", _h_range_year),
        (rf"(?P<day>[0-3]?\d)\s*[-–—]\s*(?P<day2>[0-3]?\d)\s+(?P<mon>{mon})", _h_range),
        (rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:-?(?:го|е|ого))?\s+(?P<mon>{mon})\s+{year}{yword}", _h_day_month_year),
        (rf"(?<![\d.,])(?P<day>[0-3]?\d)(?:-?(?:го|е|ого))?\s+(?P<mon>{mon})(?!\w)", _h_day_month),
        (rf"(?:(?P<edge>{edge})\s+)?(?P<mon>{mon})\s+{year}{yword}", _h_month_year),
        (rf"(?:(?P<edge>{edge})\s+|{prep})?(?P<mon>{mon})\s+(?P<rel>{rel})\s+(?:{yw})(?!\w)", _h_month_rel),
        (rf"(?:(?P<edge>{edge})\s+|(?:у|в|з|із|до|по|с|від|от)\s+)(?P<mon>{mon})(?!\w)", _h_month),
        (rf"(?:(?P<edge>{edge})\s+)?(?P<rel>{rel})\s+(?P<unit>{unit})(?!\w)", _h_rel_period),
        (rf"(?<![\d.,])(?:(?P<edge>{edge})\s+)?{year}\s*[-–—]\s*(?P<year2>(?:1[5-9]|20)?\d\d)(?![\d,])"
         rf"(?:[-‑]?(?:х|ті|их))?{yword}", _h_year_range),
        (rf"(?<![\d.,\w])(?:(?P<edge>{edge})\s+)?{year}(?:[-‑]?(?:го|му|й|ий|ого|ому|м))?\s*(?:{yw})(?!\w)", _h_year),
        (rf"(?<![\d.,\w]){year}(?P<ord>[-‑](?:го|му|й|ий|ого|ому|м)(?!\w))?(?![\d,.]\d)(?!\s*%)(?![-‑\w])",
         _h_bare_year),
        (r"(?<![\d\w])(?P<dec>1[5-9]\d0|20\d0|[1-9]0)[-‑](?:х|ті|тих|ые|ых)(?:\s+(?:рок\w*|год\w*))?", _h_decade),
        *([(century, _h_century)] if table.centuries else []),
        (rf"(?P<season>{season})\s+{year}{yword}", _h_season_year),
        (rf"(?P<season>{season})\s+(?P<rel>{rel})\s+(?:{yw})(?!\w)", _h_season_rel),
        (rf"(?:(?P<rel>{rel})\s+)?(?P<season>{season})(?!\w)", _h_season),
        (rf"(?:{prep}?(?P<rel>{rel})\s+|{prep})(?P<wd>{wd})(?!\w)", _h_weekday),
        (rf"(?P<word>{_alt(table.day_words)})(?!\w)(?:\s+(?:{_alt(table.parts_of_day)})(?!\w))?", _h_day_word),
        (rf"(?:(?P<n>\d{{1,3}}|{num}|{few})\s+)?(?P<unit>{unit})(?:\s+(?P<n2>\d{{1,3}}|{num}))?\s+"
         rf"(?:{_alt(table.ago)})(?!\w)", _h_ago),
        (rf"(?:(?P<edge>{edge})\s+)(?:{yw})(?!\w)", _h_this_year),
    ]
    if table.year_adverbs:
        rules.append((rf"(?P<adv>{_alt(table.year_adverbs)})(?!\w)", _h_year_adverb))
    return tuple((re.compile(r"(?<!\w)" + p, re.IGNORECASE), h) for p, h in rules)


# --------------------------------------------------------------------------- extraction

def extract_times(text: str, reference: datetime | None, table: Table,
                  sentences: Sequence[Sentence] = ()) -> tuple[TimeExpr, ...]:
    """Date expressions of ``text`` resolved against ``reference`` (the publication time), longest match first."""
    ref = reference.date() if isinstance(reference, datetime) else reference
    hits = []
    for order, (rx, handler) in enumerate(_rules(table)):
        for m in rx.finditer(text):
            res = _resolve(handler, m, table, ref)
            if res is not None:
                hits.append((m.start(), m.end(), order, res))
    chosen, taken = [], bytearray(len(text) + 1)
    for start, end, _, res in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[2], h[0])):
        if taken.find(1, start, end) < 0:
            chosen.append((start, end, res))
            taken[start:end] = b"\x01" * (end - start)
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    return tuple(_expr(text, start, end, res, starts, ordered) for start, end, res in sorted(chosen))


def _resolve(handler: Handler, m: re.Match, table: Table, ref: date | None):
    relative = getattr(handler, "relative", False)
    try:
        if relative and ref is None:
            probe = handler(m, table, date(2000, 6, 15))
            return None if probe is None else ("unresolved", probe.granularity)
        return handler(m, table, ref)
    except (ValueError, OverflowError, KeyError):
        return None


def _expr(text: str, start: int, end: int, res, starts: list[int], sentences: Sequence[Sentence]) -> TimeExpr:
    sentence = sentence_index(start, starts, sentences) if sentences else -1
    if isinstance(res, tuple):
        return TimeExpr(start=start, end=end, text=text[start:end], begin=None, until=None, granularity=res[1],
                        resolved=False, note=UNRESOLVED, sentence=sentence)
    return TimeExpr(start=start, end=end, text=text[start:end], begin=res.begin.isoformat(),
                    until=res.until.isoformat(), granularity=res.granularity, resolved=True, note=res.note,
                    sentence=sentence)
