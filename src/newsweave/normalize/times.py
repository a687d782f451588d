"""Date and time expressions, resolved to intervals against the publication time.

Recognition is rule-based (regular expressions over the text, longest match wins); resolution is plain
calendar arithmetic on the publication date, so it is fast and deterministic.  dateparser is not used:
every pattern below yields its year/month/day directly, and dateparser.search is slow and noisy on news text.

Conventions (documented so the verdict stage can rely on them):

- Every interval is ``[begin, until)``; ``until`` is exclusive.  Day-level values are ISO dates
  (``2025-01-11``), clock times are ISO datetimes carrying the publication time's offset when it has one.
- Relative expressions ("Saturday", "in November", "mid-December", "Jan. 10") look backwards: the most recent
  such period on or before the publication date (dateparser's ``PREFER_DATES_FROM="past"``).  "next ..." and
  "tomorrow" look forward.  "last Friday" is the most recent Friday strictly before the publication day.
- Parts of a year: early = Jan-Mar, mid = Apr-Sep, late = Oct-Dec.  Parts of a month: early = days 1-10,
  mid = 11-20, late = 21-end.  Parts of a decade: early = years 0-3, mid = 3-6, late = 6-9.
- Seasons are northern-hemisphere meteorological: spring Mar-May, summer Jun-Aug, autumn/fall Sep-Nov,
  winter Dec of the given year to Feb of the next.
- "since X" is the open interval from the start of X to the end of the publication day (``until`` None when
  the publication time is unknown).
- Without a publication time, relative expressions come back ``resolved=False`` with ``begin``/``until`` None
  and a note saying why; absolute ones ("Jan 11, 2025", "in 2021") still resolve.  Anaphoric expressions
  ("that day", "two days later") are reported but never resolved.
"""
from __future__ import annotations

import dataclasses

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable, Sequence

from ..models import Sentence, TimeExpr

# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "few": 3, "several": 3, "a couple of": 2,
}
# Words before a bare "May"/"March" that make it a month rather than a verb.
MONTH_PREPOSITIONS = {
    "in", "since", "of", "until", "till", "by", "from", "through", "during", "before", "after", "early", "late",
    "mid", "last", "next", "this", "end", "beginning", "start", "middle", "to", "between", "and", "on", "that",
}
PARTS_OF_DAY = {"morning": (6, 12), "afternoon": (12, 18), "evening": (18, 24), "night": (18, 30)}

_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s?\.(?=\s?\d))?"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\s?\.(?=\s?\d))?\.?)(?![a-z])"  # "Sept. 9", "Sept . 9"
)
_WD = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?)(?![a-z])"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d])(?!\.\d)(?!\s*(?:million|billion|trillion|bn)\b)"  # not "1863.16", "2000 million"
_NUM = (r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several"
        r"|a\s+couple\s+of)")
_PART = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_POD = r"(?:morning|afternoon|evening|night)"
_APOS = r"(?:['’]s)?"

UNRESOLVED_NO_REF = "relative expression; publication time unknown"


def _g(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


# --------------------------------------------------------------------------- calendar helpers


YEAR_INFERRED = "year inferred from publication time"  # note of a date whose year was not in the text


@dataclass(frozen=True)
class _Res:
    """A resolution: begin/until as date or datetime (None when unresolved), granularity and a note."""

    begin: date | datetime | None
    until: date | datetime | None
    granularity: str
    note: str = ""
    resolved: bool = True
    relative: bool = False


def _month_start(y: int, m: int) -> date:
    return date(y, m, 1)


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _next_month(y: int, m: int) -> date:
    ny, nm = _add_months(y, m, 1)
    return date(ny, nm, 1)


def _month(y: int, m: int) -> _Res:
    return _Res(_month_start(y, m), _next_month(y, m), "month")


def _year(y: int) -> _Res:
    return _Res(date(y, 1, 1), date(y + 1, 1, 1), "year")


def _day(d: date) -> _Res:
    return _Res(d, d + timedelta(days=1), "day")


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week(d: date) -> _Res:
    start = _week_start(d)
    return _Res(start, start + timedelta(days=7), "week")


def _part(span: tuple[date, date], part: str | None, unit: str) -> _Res:
    """Cut a period into its early/mid/late part (see module docstring for the boundaries)."""
    begin, until = span
    if not part:
        return _Res(begin, until, unit)
    part = _norm_part(part)
    if unit == "year":
        y = begin.year
        cuts = {"early": (1, 4), "mid": (4, 10), "late": (10, 13)}[part]
        lo, hi = cuts
        return _Res(date(y, lo, 1), date(y + 1, 1, 1) if hi == 13 else date(y, hi, 1), "part-of-year", part)
    if unit == "month":
        cuts = {"early": (1, 11), "mid": (11, 21), "late": (21, None)}[part]
        lo, hi = cuts
        end = until if hi is None else begin.replace(day=hi)
        return _Res(begin.replace(day=lo), end, "part-of-month", part)
    if unit == "decade":
        cuts = {"early": (0, 4), "mid": (3, 7), "late": (6, 10)}[part]
        return _Res(date(begin.year + cuts[0], 1, 1), date(begin.year + cuts[1], 1, 1), "part-of-decade", part)
    days = (until - begin).days
    cuts = {"early": (0, 0.4), "mid": (0.3, 0.7), "late": (0.6, 1.0)}[part]
    lo = begin + timedelta(days=int(days * cuts[0]))
    hi = begin + timedelta(days=max(int(round(days * cuts[1])), 1))
    return _Res(lo, hi, f"part-of-{unit}", part)


def _norm_part(part: str) -> str:
    p = " ".join(part.lower().replace("-", " ").split())
    if p in ("the end of", "late"):
        return "late"
    if p in ("the beginning of", "the start of", "early"):
        return "early"
    return "mid"


def _season(y: int, name: str) -> _Res:
    name = name.lower()
    if name == "winter":
        return _Res(date(y, 12, 1), date(y + 1, 3, 1), "season", "winter: Dec-Feb (northern hemisphere)")
    lo = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[name]
    return _Res(date(y, lo, 1), date(y, lo + 3, 1), "season", f"{name}: northern hemisphere")


def _past_month(ref: date, m: int) -> int:
    """Year of the most recent month ``m`` on or before ``ref``."""
    return ref.year if m <= ref.month else ref.year - 1


def _past_season_year(ref: date, name: str) -> int:
    for y in (ref.year, ref.year - 1, ref.year - 2):
        if _season(y, name).begin <= ref:  # type: ignore[operator]
            return y
    return ref.year - 1


def _mk_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_of(token: str) -> int:
    return MONTHS[token.replace(" ", "").rstrip(".").lower()]


def _weekday_of(token: str) -> int:
    return WEEKDAYS[token.rstrip(".").lower()]


def _int_day(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _count(token: str) -> int:
    t = " ".join(token.lower().split())
    return int(t) if t.isdigit() else NUMBER_WORDS.get(t, 1)


def _capitalised(token: str | None) -> bool:
    return bool(token) and token[0].isupper()  # type: ignore[index]


# --------------------------------------------------------------------------- rules

Handler = Callable[[re.Match, "_Ctx"], "_Res | None"]


@dataclass(frozen=True)
class _Ctx:
    text: str
    ref: date | None
    tz: object | None

    def before(self, m: re.Match, n: int = 24) -> str:
        return self.text[max(0, m.start() - n): m.start()]


def _relative(fn: Callable[[re.Match, _Ctx], _Res | None]) -> Handler:
    """Mark a handler as needing the publication date; without it the expression is reported unresolved."""

    @functools.wraps(fn)
    def wrapper(m: re.Match, ctx: _Ctx) -> _Res | None:
        if ctx.ref is None:
            probe = fn(m, _Ctx(ctx.text, date(2000, 6, 15), None))
            if probe is None:
                return None
            return _Res(None, None, probe.granularity, UNRESOLVED_NO_REF, False, True)
        res = fn(m, ctx)
        return None if res is None else _Res(res.begin, res.until, res.granularity, res.note, res.resolved, True)

    return wrapper


def _h_iso(m: re.Match, ctx: _Ctx) -> _Res | None:
    d = _mk_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["H"] is None:
        return _day(d)
    try:  # keep a stated UTC offset ("2025-01-11T15:00:00+02:00", "...Z")
        start = datetime.fromisoformat(m.group().replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        start = datetime.combine(d, time(int(m["H"]) % 24, int(m["M"]) % 60))
    return _Res(start, start + timedelta(minutes=1), "minute")


def _h_numeric(m: re.Match, ctx: _Ctx) -> _Res | None:
    """"11/28/2005", "28.11.2024", "11/28/05": day/month order from the values, else month first (US)."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["ny"])
    if y < 100 and m["sep"] != "/":
        return None  # "01.02.03" is more often a version or a clock than a date
    if y < 100:
        y += 2000 if y < 50 else 1900
    note = ""
    if a > 12 >= b:
        day, mon = a, b
    elif b > 12 >= a:
        day, mon = b, a
    else:
        mon, day = a, b
        note = "day/month order ambiguous; read as month/day" if a != b else ""
    d = _mk_date(y, mon, day)
    return None if d is None else _Res(d, d + timedelta(days=1), "day", note)


def _h_month_day_year(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _capitalised(m["mon"]):
        return None
    d = _mk_date(int(m["year"]), _month_of(m["mon"]), _int_day(m["day"]))
    return None if d is None else _day(d)


def _h_day_month_year(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _capitalised(m["mon"]):
        return None
    d = _mk_date(int(m["year"]), _month_of(m["mon"]), _int_day(m["day"]))
    return None if d is None else _day(d)


@_relative
def _h_month_day(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _capitalised(m["mon"]):
        return None
    mon, day = _month_of(m["mon"]), _int_day(m["day"])
    if _mk_date(2000, mon, day) is None:  # 2000 is a leap year: accepts Feb 29
        return None
    ref = ctx.ref
    y = ref.year if (mon, day) <= (ref.month, ref.day) else ref.year - 1
    d = _mk_date(y, mon, day) or _mk_date(y - 1, mon, day)
    return None if d is None else _Res(d, d + timedelta(days=1), "day", YEAR_INFERRED)


def _range_days(m: re.Match, ctx: _Ctx, year: int | None) -> _Res | None:
    if not _capitalised(m["mon"]):
        return None
    mon, d1, d2 = _month_of(m["mon"]), _int_day(m["day"]), _int_day(m["day2"])
    if year is None:
        y = ctx.ref.year if mon <= ctx.ref.month else ctx.ref.year - 1  # type: ignore[union-attr]
    else:
        y = year
    a, b = _mk_date(y, mon, d1), _mk_date(y, mon, d2)
    if a is None or b is None or b < a:
        return None
    note = "night" if m["night"] else ""
    return _Res(a, b + timedelta(days=1), "day-range", note)


def _h_range_year(m: re.Match, ctx: _Ctx) -> _Res | None:
    return _range_days(m, ctx, int(m["year"]))


@_relative
def _h_range(m: re.Match, ctx: _Ctx) -> _Res | None:
    return _year_inferred(_range_days(m, ctx, None))


def _h_month_year(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _capitalised(m["mon"]):
        return None
    y, mon = int(m["year"]), _month_of(m["mon"])
    return _part((_month_start(y, mon), _next_month(y, mon)), m["part"], "month")


_NOT_AFTER_MONTH = {"on", "to", "of", "and", "or", "the", "a", "an", "in", "for", "with", "at", "by", "from", "be",
                    "is", "was", "will", "would", "can", "could", "should", "might", "must", "not", "i", "we", "you"}


def _month_modifier(text: str, end: int, prev: list[str]) -> bool:
    """ "the March issue", "a March plane hijacking", "March heating oil ended": the month names the noun after it
    (not "the March on Washington", "March to the sea", "May I")."""
    nxt = re.match(r"\s+([a-z][a-z-]*)\b", text[end:end + 30])
    if not nxt or nxt.group(1) in _NOT_AFTER_MONTH:
        return False
    start_of_sentence = not prev or bool(re.search(r"[.!?]\s*$", text[max(0, end - 40):end].rsplit(" ", 1)[0]))
    return bool(prev) and prev[-1].lower() in ("the", "a", "an", "its", "their", "his", "her", "last", "this") \
        or start_of_sentence


@_relative
def _h_month(m: re.Match, ctx: _Ctx) -> _Res | None:
    token = m["mon"]
    if not _capitalised(token):
        return None
    bare = not (m["rel"] or m["part"])
    prev = re.findall(r"[A-Za-z]+", ctx.before(m, 16))
    if bare and token.rstrip(".").lower() in ("may", "march", "mar"):
        if (not prev or prev[-1].lower() not in MONTH_PREPOSITIONS) and not _month_modifier(ctx.text, m.end("mon"),
                                                                                            prev):
            return None
    if bare and "." not in token and len(token) <= 4 and token.lower() not in ("may", "june", "july"):
        if not prev or prev[-1].lower() not in MONTH_PREPOSITIONS:
            return None  # a bare abbreviation ("Sun", "Dec") needs context
    mon, ref = _month_of(token), ctx.ref
    rel = (m["rel"] or "").lower()
    if rel == "next":
        y = ref.year if mon > ref.month else ref.year + 1
    elif rel == "last":
        y = ref.year if mon < ref.month else ref.year - 1
    elif rel == "this":
        y = ref.year
    else:
        y = _past_month(ref, mon)
    return _year_inferred(_part((_month_start(y, mon), _next_month(y, mon)), m["part"], "month"))


def _year_inferred(res: _Res | None) -> _Res | None:
    """Mark a resolution whose year was taken from the publication time ("in August", "March 3-5")."""
    if res is None or res.begin is None:
        return res
    return dataclasses.replace(res, note="; ".join(x for x in (res.note, YEAR_INFERRED) if x))


@_relative
def _h_weekday(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _capitalised(m["wd"]):
        return None
    token = m["wd"]
    if "." not in token and len(token) <= 4:
        return None  # "Sun", "Sat", "Wed" alone are too ambiguous
    if _NOT_A_DAY.match(ctx.text, m.end()):
        return None  # "the Sunday Times"
    if _NAMED_DAY.search(ctx.text, max(0, m.start() - 8), m.start()):
        return _Res(None, None, "day", "named day (e.g. Black Friday, Patch Tuesday): not resolved", False)
    wd, ref = _weekday_of(token), ctx.ref
    rel = (m["rel"] or "").lower()
    if rel == "next":
        d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    elif rel == "last":
        d = ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
    elif rel == "this":
        d = _week_start(ref) + timedelta(days=wd)
    else:
        d = ref - timedelta(days=(ref.weekday() - wd) % 7)
    return _with_part_of_day(d, m["pod"], rel if rel in ("early", "late") else "", ctx)


_NOT_A_DAY = re.compile(r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|Independent|Tribune|Star|Sport"
                        r"|School|League|Service)\b")
_NAMED_DAY = re.compile(r"\b(?:Black|Cyber|Good|Patch|Super|Ash|Holy|Maundy)\s+$")


def _with_part_of_day(d: date, pod: str | None, edge: str, ctx: _Ctx) -> _Res:
    if not pod and not edge:
        return _day(d)
    if pod:
        lo, hi = PARTS_OF_DAY[pod.lower()]
    else:
        lo, hi = (0, 12) if edge == "early" else (18, 24)
    start = datetime.combine(d, time(0)) + timedelta(hours=lo)
    end = datetime.combine(d, time(0)) + timedelta(hours=hi)
    if ctx.tz is not None:
        start, end = start.replace(tzinfo=ctx.tz), end.replace(tzinfo=ctx.tz)  # type: ignore[arg-type]
    return _Res(start, end, "part-of-day", (pod or edge).lower())


@_relative
def _h_dayword(m: re.Match, ctx: _Ctx) -> _Res | None:
    word = m["word"].lower()
    ref, pod = ctx.ref, m["pod"]
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    if word == "tonight":
        pod = "night"
    return _with_part_of_day(ref + timedelta(days=offset), pod, "", ctx)


@_relative
def _h_this_pod(m: re.Match, ctx: _Ctx) -> _Res | None:
    rel, pod = m["rel"].lower(), m["pod"].lower()
    d = ctx.ref - timedelta(days=1) if rel == "last" else ctx.ref
    return _with_part_of_day(d, pod, "", ctx)


def _period(ref: date, unit: str, shift: int) -> tuple[date, date] | None:
    if unit in ("week", "weekend"):
        start = _week_start(ref) + timedelta(days=7 * shift)
        if unit == "weekend":
            return start + timedelta(days=5), start + timedelta(days=7)
        return start, start + timedelta(days=7)
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, shift)
        return _month_start(y, mo), _next_month(y, mo)
    if unit == "year":
        return date(ref.year + shift, 1, 1), date(ref.year + shift + 1, 1, 1)
    if unit == "quarter":
        q = (ref.month - 1) // 3 + shift
        y, mo = _add_months(ref.year, 1, q * 3)
        return _month_start(y, mo), _add_months_date(y, mo, 3)
    return None


def _add_months_date(y: int, m: int, n: int) -> date:
    ny, nm = _add_months(y, m, n)
    return date(ny, nm, 1)


@_relative
def _h_rel_period(m: re.Match, ctx: _Ctx) -> _Res | None:
    rel, unit, ref = m["rel"].lower(), m["unit"].lower(), ctx.ref
    mod = " ".join((m["mod"] or "").lower().replace("-", " ").split())
    if rel == "past":
        return _past_span(ref, 1, unit)
    span = _period(ref, unit, {"this": 0, "last": -1, "next": 1}[rel])
    if span is None:
        return None
    gran = unit
    if mod == "earlier":
        return _Res(span[0], min(span[1], ref + timedelta(days=1)), f"part-of-{unit}", "earlier")
    if mod == "later":
        return _Res(max(span[0], ref), span[1], f"part-of-{unit}", "later")
    if mod:
        return _part(span, mod, unit)
    return _Res(span[0], span[1], gran)


def _past_span(ref: date, n: int, unit: str) -> _Res:
    days = {"day": 1, "week": 7, "month": 30, "year": 365, "weekend": 7, "quarter": 91}[unit] * n
    note = f"the past {n} {unit}(s), ending on the publication day"
    return _Res(ref - timedelta(days=days), ref + timedelta(days=1), "day-range", note)


@_relative
def _h_past_n(m: re.Match, ctx: _Ctx) -> _Res | None:
    return _past_span(ctx.ref, _count(m["n"]), m["unit"].lower())


@_relative
def _h_ago(m: re.Match, ctx: _Ctx) -> _Res | None:
    n, unit, ref = _count(m["n"]), m["unit"].lower(), ctx.ref
    if unit == "day":
        return _day(ref - timedelta(days=n))
    if unit == "week":
        return _week(ref - timedelta(days=7 * n))
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, -n)
        return _month(y, mo)
    return _year(ref.year - n)


@_relative
def _h_weekend(m: re.Match, ctx: _Ctx) -> _Res | None:
    ref = ctx.ref
    sat = ref - timedelta(days=(ref.weekday() - 5) % 7)
    return _Res(sat, sat + timedelta(days=2), "weekend", "most recent weekend")


def _h_season_year(m: re.Match, ctx: _Ctx) -> _Res | None:
    res = _season(int(m["year"]), m["season"])
    if m["part"]:
        part = _part((res.begin, res.until), m["part"], "season")  # type: ignore[arg-type]
        return _Res(part.begin, part.until, "part-of-season", f"{part.note} {res.note}")
    return res


@_relative
def _h_season(m: re.Match, ctx: _Ctx) -> _Res | None:
    name, rel, ref = m["season"].lower(), (m["rel"] or "").lower(), ctx.ref
    if name == "fall" and not rel:
        return None  # "fall" is mostly the verb
    y = _past_season_year(ref, name)
    if rel == "last":
        cur = _season(y, name)
        y = y - 1 if cur.until > ref else y  # type: ignore[operator]
    elif rel == "next":
        y = y + 1
    return _season(y, name)


def _valid_year_context(m: re.Match, ctx: _Ctx) -> bool:
    """Reject bare 4-digit numbers that are counts, ids or parts of larger numbers."""
    text, s, e = ctx.text, m.start("year"), m.end("year")
    if s > 0 and (text[s - 1] in "$€£#-/.,:" or text[s - 1].isalnum()):
        return False
    if re.match(r"\.\d|\s*(?:million|billion|trillion|bn)\b", text[e:e + 12]):
        return False  # "1863.16", "2000 million"
    if e < len(text) and (text[e] in "%" or text[e].isalnum() or text[e:e + 2] in (",0", ",1", ".0", ".5")):
        if not (text[e] == "s" and m.group().endswith("s")):
            return False
    prev = re.findall(r"[A-Za-z.]+", text[max(0, s - 12):s])
    if prev and prev[-1].lower() in ("no.", "no", "number", "nos.", "flight", "route", "room", "page", "vol."):
        return False
    if _STREET.match(text, e) and not _YEAR_PREPOSITION.search(text, max(0, s - 10), s):
        return False  # "at 2088 Philip Street": a house number ("in 1998 Main Street shops" keeps its year)
    nxt = re.match(r"\s+([a-z]+)", text[e:e + 30])
    if nxt and nxt.group(1) in _COUNT_NOUNS:
        return False
    determiner = prev and prev[-1].lower() in ("the", "a", "an", "its", "their", "his", "her")
    if nxt and nxt.group(1).endswith("s") and nxt.group(1) not in _NOT_PLURAL and not determiner:
        return False  # "2000 soldiers" is a count, but "the 1967 killings" is a year
    return True


_STREET = re.compile(r"(?:\s+[NSEW]\.?)?(?:\s+[A-Z][\w'.-]*){1,3}\s+(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
                     r"Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy|Terrace|Circle)\b\.?")
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|by|from|until|during|of|before|after)\s+$", re.I)
_COUNT_NOUNS = {"people", "men", "women", "children", "police", "personnel", "staff", "feet", "km", "kg", "m"}
_NOT_PLURAL = {"was", "has", "is", "as", "its", "his", "this", "thus", "plus", "versus", "us", "was"}


def _h_year(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _valid_year_context(m, ctx):
        return None
    y = int(m["year"])
    if not 1000 <= y <= 2200:
        return None
    if not 1800 <= y <= 2099 and not m["part"]:
        prev = ctx.before(m, 8).lower()
        if not re.search(r"\b(in|since|of|from|until|by)\s+$", prev):
            return None
    return _part((date(y, 1, 1), date(y + 1, 1, 1)), m["part"], "year")


def _h_year_range(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _valid_year_context(m, ctx):
        return None
    y1, tail = int(m["year"]), m["y2"]
    y2 = int(tail) if len(tail) == 4 else (y1 // 100) * 100 + int(tail)
    if not y1 < y2 <= y1 + 100:
        return None
    return _Res(date(y1, 1, 1), date(y2 + 1, 1, 1), "year-range")


def _h_decade(m: re.Match, ctx: _Ctx) -> _Res | None:
    if m["cent"]:
        start = int(m["cent"]) * 100 + int(m["dec"]) * 10
    else:
        d = int(m["dec2"])
        start = (2000 if d < 3 else 1900) + d * 10
    return _part((date(start, 1, 1), date(start + 10, 1, 1)), m["part"], "decade")


def _h_quarter(m: re.Match, ctx: _Ctx) -> _Res | None:
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
    n = q.get(m["q"].lower()) or int(m["q"])
    y = int(m["year"])
    return _Res(date(y, 3 * n - 2, 1), _add_months_date(y, 3 * n - 2, 3), "quarter")


def _h_clock(m: re.Match, ctx: _Ctx) -> _Res | None:
    if m["word"]:
        h, mi = (12, 0) if m["word"].lower() == "noon" else (0, 0)
        precise = False
    else:
        h, mi = int(m["h"]), int(m["min"] or 0)
        ap = (m["ap"] or "").lower()
        if ap:
            if not 1 <= h <= 12:
                return None
            h = h % 12 + (12 if ap == "p" else 0)
        precise = m["min"] is not None
    gran = "minute" if precise else "hour"
    return _Res(None, None, gran, f"clock:{h:02d}:{mi:02d}", False)


def _unresolvable(note: str) -> Handler:
    def handler(m: re.Match, ctx: _Ctx) -> _Res | None:
        unit = (m.groupdict().get("unit") or "day").lower()
        return _Res(None, None, unit, note, False, True)

    return handler


_ISO_Y, _ISO_M, _ISO_D = _g("y", r"\d{4}"), _g("m", r"[01]\d"), _g("d", r"[0-3]\d")
_ISO_H, _ISO_MIN = _g("H", r"[0-2]\d"), _g("M", r"[0-5]\d")
_NIGHT = _g("night", r"(?:the\s+)?night\s+of\s+")
_YEAR_R1, _YEAR_R2 = _g("year", r"(?:1[5-9]|20)\d\d"), _g("y2", r"(?:1[5-9]|20)?\d\d")
_YEAR_ANY, _DEC, _DEC2 = _g("year", r"\d{4}"), _g("dec", r"\d"), _g("dec2", r"\d")

_NUMERIC = (r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<ny>(?:1[89]|20)\d\d|\d\d)(?![\w/]|\.\d)")

_RULES: list[tuple[str, Handler]] = [
    (rf"\b{_ISO_Y}-{_ISO_M}-{_ISO_D}"
     rf"(?:[T ]{_ISO_H}:{_ISO_MIN}(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)",
     _h_iso),
    (_NUMERIC, _h_numeric),
    (rf"(?:{_WD}\s*,?\s+)?{_g('mon', _MON)}\s*{_g('day', _DAY)}(?:\s*,\s*|\s+){_g('year', _YEAR)}",
     _h_month_day_year),
    (rf"(?:{_WD}\s*,?\s+)?(?:the\s+)?{_g('day', _DAY)}(?:\s+of)?\s+{_g('mon', _MON)}\s*,?\s*{_g('year', _YEAR)}",
     _h_day_month_year),
    (rf"(?:{_WD}\s*,?\s+)?{_g('mon', _MON)}\s*{_g('day', _DAY)}(?!\s*[-–—]\s*\d)", _h_month_day),
    (rf"(?:{_WD}\s*,?\s+)?(?:the\s+)?{_g('day', _DAY)}(?:\s+of)?\s+{_g('mon', _MON)}", _h_month_day),
    (rf"{_NIGHT}?{_g('day', _DAY)}\s*(?:[-–—/]|and|to)\s*{_g('day2', _DAY)}"
     rf"\s+{_g('mon', _MON)}\s*,?\s*{_g('year', _YEAR)}", _h_range_year),
    (rf"{_NIGHT}?{_g('day', _DAY)}\s*(?:[-–—/]|and|to)\s*{_g('day2', _DAY)}"
     rf"\s+{_g('mon', _MON)}", _h_range),
    (rf"{_NIGHT}?{_g('mon', _MON)}\s*{_g('day', _DAY)}\s*[-–—]\s*"
     rf"{_g('day2', _DAY)}\s*,?\s*{_g('year', _YEAR)}", _h_range_year),
    (rf"{_NIGHT}?{_g('mon', _MON)}\s*{_g('day', _DAY)}\s*[-–—]\s*"
     rf"{_g('day2', _DAY)}", _h_range),
    (rf"(?:{_g('part', _PART)}[\s-]+)?{_g('mon', _MON)}\s*,?\s*(?:of\s+)?{_g('year', _YEAR)}", _h_month_year),
    (rf"(?:{_g('rel', 'last|next|this')}\s+|{_g('part', _PART)}[\s-]+)?{_g('mon', _MON)}"
     r"(?!\s*\d{1,2}(?![\d,]))", _h_month),
    (rf"(?:{_g('rel', 'last|next|this|early|late')}\s+)?{_g('wd', _WD)}{_APOS}(?:\s+{_g('pod', _POD)})?",
     _h_weekday),
    (rf"\b{_g('word', 'today|tonight|yesterday|tomorrow')}{_APOS}(?:\s+{_g('pod', _POD)})?\b", _h_dayword),
    (rf"\b{_g('rel', 'this|last')}\s+{_g('pod', _POD)}\b", _h_this_pod),
    (rf"\b(?:{_g('mod', rf'earlier|later|{_PART}')}[\s-]+)?{_g('rel', 'this|last|next|past')}\s+"
     rf"{_g('unit', 'week|weekend|month|year|quarter')}\b", _h_rel_period),
    (rf"\b(?:the\s+)?(?:past|last)\s+{_g('n', _NUM)}\s+{_g('unit', 'day|week|month|year')}s\b", _h_past_n),
    (rf"\b{_g('n', _NUM)}\s+{_g('unit', 'day|week|month|year')}s?\s+ago\b", _h_ago),
    (r"\b(?:over|at|during|on)\s+the\s+weekend\b", _h_weekend),
    (rf"\b(?:the\s+)?(?:{_g('part', 'early|mid|late')}[\s-]+)?{_g('season', _SEASON)}\s+(?:of\s+)?"
     rf"{_g('year', _YEAR)}", _h_season_year),
    (rf"\b(?:{_g('rel', 'this|last|next')}\s+|(?<=in\s)the\s+|(?<=during\s)the\s+){_g('season', _SEASON)}\b",
     _h_season),
    (rf"\b{_g('q', 'first|second|third|fourth|1st|2nd|3rd|4th')}\s+quarter\s+(?:of\s+)?{_g('year', _YEAR)}",
     _h_quarter),
    (rf"\bQ{_g('q', '[1-4]')}\s+{_g('year', _YEAR)}", _h_quarter),
    (rf"(?:{_g('part', 'early|mid|late')}[\s-]+)?{_YEAR_R1}\s*[-–/]\s*"
     rf"{_YEAR_R2}(?![\d%])", _h_year_range),
    (rf"(?:{_g('part', 'early|mid|late')}[\s-]+)?{_YEAR_ANY}(?!\d)", _h_year),
    (rf"\b(?:the\s+)?(?:{_g('part', 'early|mid|late')}[\s-]+)?"
     rf"(?:{_g('cent', '1[5-9]|20')}{_DEC}0(?:\s?['’])?|['’]{_DEC2}0)s\b", _h_decade),
    (r"(?<![\d.:])(?:" + _g("h", r"[01]?\d|2[0-3]") + r"(?:[.:]" + _g("min", "[0-5]\\d") + r")?\s*"
     + _g("ap", "[ap]") + r"\.?\s?m\b\.?|" + _g("word", "noon|midnight") + r")", _h_clock),
    (r"(?<![\d.:])" + _g("h", r"[01]?\d|2[0-3]") + r":" + _g("min", r"[0-5]\d") + r"(?![\d:])"
     + _g("ap", "") + _g("word", ""), _h_clock),
    (r"\b(?:that|the\s+same|the\s+next|the\s+following|the\s+previous)\s+"
     + _g("unit", "day|night|morning|week|month|year|decade|season") + r"\b"
     + r"|\bthe\s+" + _g("unit2", "day|night|week|month|year") + r"\s+(?:before|after)\b"
     + r"|\b(?:earlier|later)\s+(?:in\s+)?(?:the|that)\s+" + _g("unit3", "day|week|month|year") + r"\b"
     + r"|\b(?:in\s+)?the\s+(?:days|weeks|months|years)\s+(?:before|after|following|prior\s+to)\b",
     _unresolvable("anaphoric: refers to a time given elsewhere in the text")),
    (r"\b(?:this|last|next)\s+" + _g("unit", "season|offseason|postseason") + r"\b",
     _unresolvable("season of unknown dates (e.g. a sports season)")),
    (rf"\b{_g('n', _NUM)}\s+{_g('unit', 'day|week|month|year|hour')}s?\s+(?:after|before|later|earlier)\b",
     _unresolvable("relative to another event in the text")),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), h) for p, h in _RULES]

_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_DATE_THEN_CLOCK = re.compile(r"^\s*(?:,|-|–|—)?\s*(?:at\s+)?(?:(?:about|around|approximately|just\s+after|"
                              r"shortly\s+(?:after|before))\s+)?$", re.IGNORECASE)
_CLOCK_THEN_DATE = re.compile(r"^\s*,?\s*(?:on\s+)?$", re.IGNORECASE)


# --------------------------------------------------------------------------- matching and assembly


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    res: _Res


# Every rule's match contains an anchor of its family; rules only run in windows around their anchors, which
# is several times faster than scanning every position of a long article with ~30 patterns.
_ANCHORS = {
    "month": re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE),
    "weekday": re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE),
    "digits": re.compile(r"\d+"),
    "clock": re.compile(r"\d+|\b(?:noon|midnight)", re.IGNORECASE),
    "words": re.compile(
        r"\b(?:today|tonight|yesterday|tomorrow|week|month|year|quarter|season|offseason|postseason|spring"
        r"|summer|autumn|fall|winter|night|morning|afternoon|evening|day|ago|decade)",
        re.IGNORECASE,
    ),
}
_FAMILY = {
    "_h_month_day_year": "month", "_h_day_month_year": "month", "_h_month_day": "month", "_h_range_year": "month",
    "_h_range": "month", "_h_month_year": "month", "_h_month": "month", "_h_weekday": "weekday",
    "_h_iso": "digits", "_h_numeric": "digits", "_h_year_range": "digits", "_h_year": "digits", "_h_decade": "digits",
    "_h_quarter": "digits", "_h_season_year": "digits", "_h_clock": "clock",
}
_WINDOW = 60


def anchor_windows(text: str, anchor: re.Pattern, margin: int = _WINDOW) -> list[tuple[int, int]]:
    """Merged windows of ``margin`` characters around each anchor match, widened to whitespace."""
    windows: list[list[int]] = []
    for m in anchor.finditer(text):
        lo, hi = max(0, m.start() - margin), min(len(text), m.end() + margin)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    out: list[tuple[int, int]] = []
    for lo, hi in windows:
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _candidates(ctx: _Ctx) -> list[_Hit]:
    hits = []
    windows = {family: anchor_windows(ctx.text, rx) for family, rx in _ANCHORS.items()}
    for rx, handler in _COMPILED:
        family = _FAMILY.get(getattr(handler, "__name__", ""), "words")
        for lo, hi in windows[family]:
            for m in rx.finditer(ctx.text, lo, hi):
                if m.end() == m.start():
                    continue
                try:
                    res = handler(m, ctx)
                except (ValueError, OverflowError):  # out-of-range calendar arithmetic on hostile input
                    res = None
                if res is not None:
                    hits.append(_Hit(m.start(), m.end(), res))
    return hits


def longest_first(items: list, size: int) -> list:
    """Non-overlapping subset of span items (``.start``/``.end``): longest first, ties to the earlier item."""
    taken = bytearray(size + 1)
    chosen = []
    for item in sorted(items, key=lambda h: -(h.end - h.start)):
        if taken.find(1, item.start, item.end) < 0:
            chosen.append(item)
            taken[item.start:item.end] = b"\x01" * (item.end - item.start)
    return sorted(chosen, key=lambda h: h.start)


def _select(hits: list[_Hit], size: int) -> list[_Hit]:
    """Longest match wins; ties go to the earlier rule (stable sort)."""
    return longest_first(hits, size)


def _is_clock(hit: _Hit) -> bool:
    return hit.res.note.startswith("clock:")


def _is_day(hit: _Hit) -> bool:
    r = hit.res
    return r.granularity in ("day", "part-of-day") and (r.resolved or r.relative) and not _is_clock(hit)


def _merge_clock(text: str, hits: list[_Hit], ctx: _Ctx) -> list[_Hit]:
    """Join a clock time with an adjacent day ("3.45pm on Tuesday", "Jan 11, 2025 - 15:00").

    A clock first takes the day that follows it; only then does a day take the clock that follows it.
    """
    hits = _merge_pairs(text, hits, ctx, clock_first=True)
    hits = _merge_pairs(text, hits, ctx, clock_first=False)
    return [_clock_alone(h) for h in hits]


def _merge_pairs(text: str, hits: list[_Hit], ctx: _Ctx, clock_first: bool) -> list[_Hit]:
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        b = hits[i + 1] if i + 1 < len(hits) else None
        if b is not None:
            gap = text[a.end:b.start]
            if clock_first and _is_clock(a) and _is_day(b) and _CLOCK_THEN_DATE.match(gap):
                out.append(_Hit(a.start, b.end, _at_clock(b.res, a.res, ctx)))
                i += 2
                continue
            if not clock_first and _is_day(a) and _is_clock(b) and _DATE_THEN_CLOCK.match(gap):
                out.append(_Hit(a.start, b.end, _at_clock(a.res, b.res, ctx)))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _clock_alone(hit: _Hit) -> _Hit:
    if not _is_clock(hit):
        return hit
    r = hit.res
    return _Hit(hit.start, hit.end, _Res(None, None, r.granularity, "time of day without a date", False))


def _at_clock(day: _Res, clock: _Res, ctx: _Ctx) -> _Res:
    if day.begin is None:
        return _Res(None, None, clock.granularity, day.note or UNRESOLVED_NO_REF, False, day.relative)
    h, mi = (int(x) for x in clock.note.split(":")[1:])
    d = day.begin.date() if isinstance(day.begin, datetime) else day.begin
    start = datetime.combine(d, time(h, mi))
    if ctx.tz is not None:
        start = start.replace(tzinfo=ctx.tz)  # type: ignore[arg-type]
    step = timedelta(minutes=1) if clock.granularity == "minute" else timedelta(hours=1)
    return _Res(start, start + step, clock.granularity, day.note, True, day.relative)


def _apply_since(text: str, hit: _Hit, ctx: _Ctx, reference: datetime | date | None) -> _Hit:
    m = _SINCE.search(text, max(0, hit.start - 12), hit.start)
    if m is None:
        return hit
    r = hit.res
    if r.begin is None:
        note = "since: " + (r.note or UNRESOLVED_NO_REF)
        return _Hit(m.start(), hit.end, _Res(None, None, r.granularity, note, False, r.relative))
    until = None if ctx.ref is None else _since_until(r.begin, reference, ctx.ref)
    note = "since: open interval from the start of the period up to publication"
    if until is not None and parse_iso_safe(until) <= parse_iso_safe(r.begin):
        until, note = r.until, "since: the period starts after publication; kept as stated"
    if YEAR_INFERRED in r.note:
        note += "; " + YEAR_INFERRED
    return _Hit(m.start(), hit.end, _Res(r.begin, until, r.granularity, note, True, r.relative))


def parse_iso_safe(value: date | datetime) -> datetime:
    """date/datetime -> naive datetime, for ordering values of mixed kinds."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    return datetime.combine(value, time(0))


def _since_until(begin: date | datetime, reference: datetime | date | None, ref: date) -> date | datetime:
    if isinstance(begin, datetime) and isinstance(reference, datetime):
        return reference
    return ref + timedelta(days=1)


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _to_expr(text: str, hit: _Hit, sentence_starts: list[int], sentences: Sequence[Sentence]) -> TimeExpr:
    r = hit.res
    return TimeExpr(
        start=hit.start,
        end=hit.end,
        text=text[hit.start:hit.end],
        begin=_iso(r.begin),
        until=_iso(r.until),
        granularity=r.granularity,
        resolved=r.resolved and r.begin is not None,
        note=r.note,
        sentence=sentence_index(hit.start, sentence_starts, sentences),
    )


def sentence_index(offset: int, starts: list[int], sentences: Sequence[Sentence]) -> int:
    """Index of the sentence containing ``offset`` (``starts`` = sorted sentence starts), or -1."""
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or not (sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1)):
        return -1
    return sentences[i].index


def _reference(reference: datetime | date | None) -> tuple[date | None, object | None]:
    if reference is None:
        return None, None
    if isinstance(reference, datetime):
        return reference.date(), reference.tzinfo
    return reference, None


def extract_times(
    text: str, reference: datetime | None, sentences: Sequence[Sentence] = ()
) -> tuple[TimeExpr, ...]:
    """Find date/time expressions in ``text`` and resolve each against ``reference`` (publication time)."""
    if not text:
        return ()
    ref, tz = _reference(reference)
    ctx = _Ctx(text, ref, tz)
    hits = _merge_clock(text, _select(_candidates(ctx), len(text)), ctx)
    hits = [_apply_since(text, h, ctx, reference) for h in hits]
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    return tuple(_to_expr(text, h, starts, ordered) for h in hits)


@functools.lru_cache(maxsize=16)
def time_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of every date/time expression (no resolution needed): used to mask numbers."""
    return tuple((t.start, t.end) for t in extract_times(text, None))
