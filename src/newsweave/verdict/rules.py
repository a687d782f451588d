"""Comparison rules over structured content: quantities, time intervals, ages, entities in a role, polarity.

Each rule takes two claims (already aligned as the same fact) and returns the conflicts it finds, each naming
both values and who said them. Structured values are compared, never strings: "at least 40" and "about 40" are
compatible, 30 and 43 are not; "19 years old" on 2025-01-11 and "born in 2005" agree; "late last year" overlaps
"autumn of 2024".
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import AgeFact, Claim, Conflict, Quantity, TimeExpr
from ..normalize.quantities import MEASURES, MONEY
from ..normalize.words import STOPWORDS, tokens
from ..normalize.words import WORD as _WORD
from .slots import YEAR_INFERRED

ABOUT_TOLERANCE = 0.1
# How far a one-sided figure reaches when compared with a stated figure: "more than 2,100" is not "3,152", nor
# "as many as 200" a mere "50" (a bound in the news sits near the true figure).
BOUND_REACH = 1.5
CONVERSION_SHARE = 0.05  # a figure converted to another unit ("48 km" / "30 miles") is rounded, often to 2-5%
ROUNDING_SHARE = 0.12  # a rounded figure stays within 12% of the precise one ("3 %" for 2.7 percent)
ENTITY_OVERLAP = 0.3  # share of the other content words two statements must have for a swapped name to conflict
CROSS_TYPE_CONTEXT = 5  # names the tagger typed differently (ORG / GPE) still pair when their surroundings match
ENTITY_STRONG = 3  # context score from which two different names sit in the same place
ENTITY_CONTEXT = 1  # a swapped name must keep at least one neighbour word (its role)
SKIP_SPEAKERS = False  # set True to ignore who-said-it names (costs recall on the bench)
SINGLE_NAME = False  # pair the one unshared name of each side even without shared surroundings
USE_CAPS = True  # also treat capitalised runs the tagger missed as names
# A birth year printed on a document speaks about the document's bearer, not about the speaker.
_DOCUMENT_PERSON = re.compile(r"\b(bearer|holder|document|passport|id card|card|papers|issued in the name)\b", re.I)


# --------------------------------------------------------------------------- quantities

def interval(q: Quantity) -> tuple[float, float]:
    low = q.low if q.low is not None else 0.0
    high = q.high if q.high is not None else float("inf")
    if q.qualifier in ("about", "some", "approximately", "around", "nearly", "almost"):
        low, high = low * (1 - ABOUT_TOLERANCE), high * (1 + ABOUT_TOLERANCE)
    if q.qualifier in ("more_than", "at_least", "over"):
        low, high = low * (1 - ABOUT_TOLERANCE / 2), low * BOUND_REACH
    if q.qualifier in ("up_to", "less_than", "under"):
        low = high / BOUND_REACH
    if q.qualifier in ("dozens", "hundreds", "thousands"):
        high = float("inf") if q.high is None else q.high
    return low, high


_LOWER = ("at_least", "more_than", "over")
_UPPER = ("up_to", "less_than", "under")


def quantities_compatible(a: Quantity, b: Quantity) -> tuple[bool, str]:
    """(compatible, reason): intervals implied by the qualifiers overlap. Two bounds in the same direction are
    reported figures: "at least 17" and "at least 37" disagree, "more than 40" and "at least 40" agree. Scores
    ("5-4"), labels ("Flight 77") and ranks ("23rd") agree only when equal."""
    if "score" in (a.qualifier, b.qualifier):
        same = a.qualifier == b.qualifier and sorted((a.low, a.high)) == sorted((b.low, b.high))
        return same, f"{a.text!r} {'is' if same else 'vs'} {b.text!r}"
    if _identifier(a) or _identifier(b):
        same = a.low == b.low
        return same, f"{a.text!r} {'is' if same else 'vs'} {b.text!r}"
    for side in (_LOWER, _UPPER):
        if a.qualifier in side and b.qualifier in side:
            va, vb = (a.low, b.low) if side is _LOWER else (a.high, b.high)
            if va is not None and vb is not None and abs(va - vb) > ABOUT_TOLERANCE * max(abs(va), abs(vb)):
                return False, f"{a.text!r} vs {b.text!r}"
            return True, f"{a.text!r} and {b.text!r} agree"
    if _elided_scale(a, b):
        return True, f"{a.text!r} and {b.text!r} are the same figure, its scale stated once"
    if a.qualifier == b.qualifier == "range":  # "between 50 and 100" and "between 26 and 100": reported bounds
        same = all(_close(x, y) for x, y in ((a.low, b.low), (a.high, b.high)))
        return same, f"{a.text!r} {'and' if same else 'vs'} {b.text!r}"
    if a.qualifier == b.qualifier == "exact" and a.low and b.low and (
            abs(a.low - b.low) <= 0.02 * max(a.low, b.low) or _rounds_to(a, b)):
        return True, f"{a.text!r} and {b.text!r} differ by rounding"
    (la, ha), (lb, hb) = interval(a), interval(b)
    if la <= hb and lb <= ha:
        return True, f"{a.text!r} and {b.text!r} overlap"
    return False, f"{a.text!r} vs {b.text!r}"


def _close(x: float | None, y: float | None) -> bool:
    return x is None or y is None or abs(x - y) <= ABOUT_TOLERANCE * max(abs(x), abs(y))


def _identifier(q: Quantity) -> bool:
    """A number that names or ranks ("No. 2", "Flight 77", "23rd"), compared by equality."""
    return (q.unit or "").startswith("label:") or q.unit == "ordinal"


def _same_kind(x: Quantity, y: Quantity) -> bool:
    """Figures that can fill the same slot: same unit (a bare amount with a scale may be money: "3.06bn" and
    "1.76 billion euros"); ranks also rank the same thing ("23rd save")."""
    if (x.unit or "") != (y.unit or ""):
        return _bare_amount(x, y) or _bare_amount(y, x) or convertible(x, y)
    if x.unit == "ordinal":
        cx, cy = _content(x.counted), _content(y.counted)
        return bool(cx & cy) or _stem_overlap(cx, cy)
    return True


def convertible(x: Quantity, y: Quantity) -> bool:
    """Measures of one dimension in different units: "193 km/h" and "120 mph", "48 km" and "30 miles"."""
    mx, my = MEASURES.get(x.unit or ""), MEASURES.get(y.unit or "")
    return bool(mx and my) and x.unit != y.unit and mx[0] == my[0]


def in_unit(q: Quantity, unit: str) -> Quantity:
    """The quantity expressed in another unit of its dimension (qualifier and text kept)."""
    from dataclasses import replace

    _, f_from, o_from = MEASURES[q.unit]
    _, f_to, o_to = MEASURES[unit]
    move = lambda v: None if v is None else (v * f_from + o_from - o_to) / f_to
    return replace(q, low=move(q.low), high=move(q.high), unit=unit)


def converted_compatible(x: Quantity, y: Quantity) -> bool:
    """Compatible once x is put in y's unit (or y in x's): as two figures of one unit, or, for two stated
    figures, within the rounding of a conversion (CONVERSION_SHARE, or y's last stated digit)."""
    for p, q in ((in_unit(x, y.unit), y), (in_unit(y, x.unit), x)):
        if quantities_compatible(p, q)[0]:
            return True
        if p.qualifier == q.qualifier == "exact" and p.low is not None and q.low is not None:
            digits = _decimals(q) or 0
            if abs(p.low - q.low) <= max(CONVERSION_SHARE * max(abs(p.low), abs(q.low)), 0.5 * 10 ** -digits):
                return True
    return False


def _bare_amount(x: Quantity, y: Quantity) -> bool:
    """x is a scaled figure with no unit and nothing counted ("26 million", "3.06bn"), y an amount of money."""
    counted = tokens(x.counted)
    plural = bool(counted) and counted[-1].endswith("s") and not counted[-1].endswith("ss")
    return not x.unit and not plural and y.unit in MONEY and bool(_SCALE_WORD.search(x.text)) \
        and x.qualifier not in ("score", "range") and y.qualifier != "score"


_SCALE_WORD = re.compile(r"(?:\b|(?<=\d))(?:thousand|million|billion|trillion|bn)\b", re.I)


def _elided_scale(a: Quantity, b: Quantity) -> bool:
    """ "$54.9-million" and "$54.9": the same numeral, one side leaving out the scale word."""
    na, nb = (re.search(r"\d[\d,]*(?:\.\d+)?", q.text) for q in (a, b))
    return bool(na and nb) and na.group(0) == nb.group(0) and \
        bool(_SCALE_WORD.search(a.text)) != bool(_SCALE_WORD.search(b.text))


def _decimals(q: Quantity) -> int | None:
    m = re.search(r"\d*\.?\d+", q.text.replace(",", ""))
    return len(m.group(0).split(".")[1]) if m and "." in m.group(0) else (0 if m else None)


def _rounds_to(a: Quantity, b: Quantity) -> bool:
    """The less precise figure is the other one rounded: "2.7 percent" and "3 %" (same scale only)."""
    da, db = _decimals(a), _decimals(b)
    if da is None or db is None or da == db or a.low is None or b.low is None:
        return False
    (fine, coarse), digits = ((a, b), db) if da > db else ((b, a), da)
    scale = coarse.low / float(re.search(r"\d*\.?\d+", coarse.text.replace(",", "")).group(0) or 1)
    close = abs(fine.low - coarse.low) <= ROUNDING_SHARE * max(abs(fine.low), abs(coarse.low))
    return close and abs(fine.low / scale - coarse.low / scale) <= 0.5 * 10 ** -digits + 1e-9


def comparable_quantities(a: Quantity, b: Quantity) -> bool:
    """Same unit and, when both say what they count, something counted in common."""
    if (a.unit or "") != (b.unit or ""):
        return False
    ca, cb = _content(a.counted), _content(b.counted)
    return not (ca and cb) or bool(ca & cb) or _stem_overlap(ca, cb)


def _content(text: str) -> set[str]:
    """Content words (stopwords and figures left out: a figure is compared by the number rule)."""
    return {t for t in tokens(text or "") if t not in STOPWORDS and not any(c.isdigit() for c in t)}


def _stem_overlap(a: set[str], b: set[str]) -> bool:
    return any(x[:5] == y[:5] for x in a for y in b if len(x) >= 4 and len(y) >= 4)


# --------------------------------------------------------------------------- times

def time_interval(t: TimeExpr) -> tuple[str, str] | None:
    """[begin, until) as comparable strings: full ISO precision, so a morning and an evening of one day differ
    while a day still contains its morning (dates become midnight; a time zone offset is dropped)."""
    if not t.resolved or not t.begin:
        return None
    return _instant(t.begin), _instant(t.until or "9999-12-31")


def _instant(iso: str) -> str:
    day, _, clock = iso.partition("T")
    clock = re.split(r"[+Z]|-(?=\d\d:?\d\d$)", clock)[0] if clock else ""
    return f"{day}T{(clock or '00:00:00')[:8]:0<8}"


def _open_since(t: TimeExpr) -> bool:
    """An open interval from a start up to publication ("since March 11"), as the normaliser resolves it."""
    return (t.note or "").startswith("since")


def _start_period(t: TimeExpr, interval: tuple[str, str]) -> tuple[str, str]:
    """The period a "since" interval starts with: the year of "since 1994", the day of "since March 11"."""
    from datetime import date, timedelta

    y, m, d = (int(x) for x in interval[0][:10].split("-"))
    grain = _GRAIN.get(t.granularity, "day")
    if grain == "year":
        end = date(y + 1, 1, 1)
    elif grain == "month":
        end = date(y + (m == 12), m % 12 + 1, 1)
    elif grain == "week":
        end = date(y, m, d) + timedelta(days=7)
    else:
        end = date(y, m, d) + timedelta(days=1)
    return interval[0], f"{end.isoformat()}T00:00:00"


def _year_guessed(t: TimeExpr) -> bool:
    """The year came from the reference date, not from the text ("Sept. 30")."""
    return YEAR_INFERRED in (t.note or "")


def times_compatible(a: TimeExpr, b: TimeExpr) -> tuple[bool, str]:
    """Intervals overlap. A year guessed from the reference date ("Sept. 30" with no year) is not evidence: such
    a date is compared by month and day only, and never against a bare year."""
    ia, ib = time_interval(a), time_interval(b)
    if ia is None or ib is None:
        return True, "unresolved"
    if _open_since(a) and _open_since(b):  # "since 1994" vs "since 1996": the starting periods are compared
        ia, ib = _start_period(a, ia), _start_period(b, ib)
    if _year_guessed(a) or _year_guessed(b):
        if "year" in (_GRAIN.get(a.granularity), _GRAIN.get(b.granularity)):
            return True, "year not stated"
        guessed, known = (ia, ib) if _year_guessed(a) else (ib, ia)
        shift = int(known[0][:4]) - int(guessed[0][:4])
        moved = tuple(f"{int(d[:4]) + shift:04d}{d[4:]}" for d in guessed)
        ia, ib = (moved, known) if _year_guessed(a) else (known, moved)
    if ia[0] < ib[1] and ib[0] < ia[1]:
        return True, f"{a.text!r} overlaps {b.text!r}"
    if _adjoining_parts(a, ia, b, ib):
        return True, f"{a.text!r} adjoins {b.text!r}"
    return False, f"{a.text!r} ({_shown(ia)}) vs {b.text!r} ({_shown(ib)})"


DAY_PART_SLACK = 1  # hours: parts of a day have loose edges ("Friday afternoon" / "late Friday" / "early evening")


def _adjoining_parts(a: TimeExpr, ia: tuple[str, str], b: TimeExpr, ib: tuple[str, str]) -> bool:
    """A part of a day ("afternoon", "late Friday", "early Saturday") and another part or a clock time that
    meet or lie within DAY_PART_SLACK hours of each other: two wordings of one moment, not two moments."""
    from datetime import datetime, timedelta

    fine = {"part-of-day", "hour", "minute"}
    if a.granularity not in fine or b.granularity not in fine or "part-of-day" not in (a.granularity, b.granularity):
        return False
    (sa, ua), (sb, ub) = ((datetime.fromisoformat(x) for x in i) for i in (ia, ib))
    gap = max(sa, sb) - min(ua, ub)
    return gap <= timedelta(hours=DAY_PART_SLACK)


def _shown(interval: tuple[str, str]) -> str:
    return "..".join(x.replace("T00:00:00", "") for x in interval)


def _when_said(claim: Claim, t: TimeExpr) -> bool:
    """ "officials said Tuesday": the day of the statement, which differs by outlet, not the day of the fact."""
    before, _ = context_words(claim, t.start, t.end, 3)
    verbs = {_stem(w) for w in _SPEECH_VERBS | {"reported", "confirmed", "comment"}}
    if before[:1] == ["on"]:
        before = before[1:]
    if before[1:2] and before[1] in {"be", "been", "being", "will", "to"}:
        return False  # "will be announced August 8": the event itself, not the day it was reported
    return bool(before) and before[0] in verbs


def _comparable_times(x: TimeExpr, y: TimeExpr) -> bool:
    """A date whose year was guessed says nothing about a bare year; a weekday is compared with weekdays."""
    if _weekday(x) != _weekday(y):
        return False  # a weekday resolved against a reference date is only compared with another weekday
    return not ((_year_guessed(x) or _year_guessed(y))
                and "year" in (_GRAIN.get(x.granularity), _GRAIN.get(y.granularity)))


_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.I)


def _weekday(t: TimeExpr) -> bool:
    """Named by its weekday ("Thursday", "last Friday night"), with no month or figure that fixes the date."""
    return t.note == "weekday" or bool(_WEEKDAY.search(t.text)) and not any(c.isdigit() for c in t.text) \
        and not re.search(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", t.text, re.I)


def _since(claim: Claim, t: TimeExpr) -> bool:
    before = claim.text[max(0, t.start - claim.start - 8):t.start - claim.start].lower()
    return "since" in before or "since" in (t.note or "")  # "from 1993 to 2003" is a span, not a "since"


# --------------------------------------------------------------------------- ages

def ages_compatible(a: AgeFact, b: AgeFact) -> tuple[bool, str]:
    """Possible birth years overlap (an age at publication allows two birth years)."""
    if None in (a.birth_low, a.birth_high, b.birth_low, b.birth_high):
        return True, "unresolved"
    if a.birth_low <= b.birth_high and b.birth_low <= a.birth_high:
        return True, f"{a.text!r} agrees with {b.text!r}"
    return False, f"{a.text!r} (born {_years(a)}) vs {b.text!r} (born {_years(b)})"


def _years(a: AgeFact) -> str:
    return str(a.birth_low) if a.birth_low == a.birth_high else f"{a.birth_low}-{a.birth_high}"


def age_subject(claim: Claim, age: AgeFact) -> str:
    """Whose birth year: the AgeFact person, 'document bearer' when printed on a document, else the subject."""
    if age.person and _DOCUMENT_PERSON.search(age.person):
        return "document bearer"
    window = claim.text[max(0, age.start - claim.start - 40):age.end - claim.start]
    if _DOCUMENT_PERSON.search(window):
        return "document bearer"
    return (age.person or "").casefold()


def same_person(claim_a: Claim, a: AgeFact, claim_b: Claim, b: AgeFact) -> bool:
    sa, sb = age_subject(claim_a, a), age_subject(claim_b, b)
    if "document bearer" in (sa, sb):
        return sa == sb
    return not sa or not sb or sa == sb or sa in sb or sb in sa


# --------------------------------------------------------------------------- conflicts between two claims

def side(claim: Claim, value: str, text: str | None = None) -> dict:
    return {"article": claim.article, "outlet": claim.outlet, "attributed_to": claim.attributed_to,
            "text": text if text is not None else claim.text, "value": value}


def source_name(claim: Claim) -> str:
    who = claim.attributed_to or claim.outlet
    return who if who == claim.outlet or not claim.outlet else f"{who} (in {claim.outlet})"


def _conflict(kind: str, a: Claim, va: str, b: Claim, vb: str, what: str) -> Conflict:
    explanation = f"{source_name(a)} says {va}, {source_name(b)} says {vb}" + (f" ({what})" if what else "")
    return Conflict(kind=kind, a=side(a, va), b=side(b, vb), explanation=explanation)


def number_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Figures in the same slot (aligned by their surrounding words, or the one figure of a unit each side does
    not share) whose values cannot both be true. A figure only one side states is a partial fact, not a conflict."""
    pairs = align_slots(a, list(a.quantities), b, list(b.quantities),
                        lambda x, y: _agree(a, x, b, y), lambda x, y: _same_kind(x, y) and _same_slot(a, x, b, y),
                        lambda x: bool(x.unit) or _only_figures(a, b))
    if pairs and (_other_scope(a, b, pairs) or _contrasted(a, b)):
        return []
    pairs = [(x, y) for x, y in pairs if not _orders_apart(x, y) and not _in_span(a, x, y, b)
             and not _in_span(b, y, x, a)]
    return [_conflict("number", a, x.text, b, y.text, _what_counted(x, y)) for x, y in pairs]


def _other_scope(a: Claim, b: Claim, pairs: list[tuple]) -> bool:
    """Figures counted over another frame: a side frames its figures by another ("in 54 games" / "in a combined
    157 games", "28 of his 68 punches" / "178 of 369 punches", "269 yards on 83 carries"), and each states several
    figures, none of which agrees with one of the other. They then report another period or part of the event, not
    one figure misreported; "killed 30 and injured 100" / "killed 43 and injured 150" have no frame and still
    conflict, and so does any figure beside one that agrees."""
    xs, ys = ([q for q in c.quantities if not _identifier(q)] for c in (a, b))
    if len(xs) < 2 or len(ys) < 2 or any(_same_kind(x, y) and _agree(a, x, b, y) for x in xs for y in ys):
        return False
    return any(_framing(a, x) for x in xs) or any(_framing(b, y) for y in ys)


# Qualifiers that news reports set against each other: figures about "private colleges" and about "public colleges",
# the "House-passed plan" and the "Senate-passed plan", are two facts, not one misreported.
_CONTRASTS = (({"private"}, {"public"}), ({"house"}, {"senate"}), ({"domestic"}, {"foreign", "international"}),
              ({"import", "imports"}, {"export", "exports"}), ({"urban"}, {"rural"}),
              ({"boys"}, {"girls"}), ({"male"}, {"female"}), ({"men"}, {"women"}),
              ({"democrats", "democratic"}, {"republicans", "republican"}),
              # market reports quote several benchmarks side by side, each with its own move and level
              ({"nasdaq"}, {"dow"}), ({"nasdaq"}, {"poor", "spx"}), ({"dow"}, {"poor", "spx"}),
              ({"gasoline"}, {"heating"}), ({"crude"}, {"gasoline", "heating"}))
# A figure over the whole ("overall", "nationwide") and one for a place within it ("in San Francisco").
_WHOLE = re.compile(r"^\W*(?:but\s+|and\s+)?(?:overall|nationwide|nationally|worldwide|globally)\s*,", re.I)


def _contrasted(a: Claim, b: Claim) -> bool:
    """The two statements give their figures for two contrasted groups: one side names one member of a contrasted
    pair of qualifiers and not the other, the other side the other member and not the first ("tuition at four-year
    private colleges averaged $ 19,710" / "tuition at public colleges averaged $ 4,694"); or one side reports the
    whole ("Overall , 83 percent") and the other a place the first does not name ("in San Francisco , 80 percent")."""
    wa, wb = (set(re.findall(r"[a-z]+", c.text.casefold())) for c in (a, b))
    for one, other in _CONTRASTS:
        if (wa & one and not wa & other and wb & other and not wb & one) \
                or (wa & other and not wa & one and wb & one and not wb & other):
            return True
    for x, y in ((a, b), (b, a)):
        if _WHOLE.search(x.text) and not _WHOLE.search(y.text):
            places = [e for e in y.entities if _family(e.label) == "place" and e.label != "NORP"
                      and e.text.casefold() not in x.text.casefold()]
            if places:
                return True
    return False


def _same_slot(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """Two figures can be one fact: they count the same thing (_same_count), they are not a change and a level
    ("rise by $ 300" / "from $ 2,500"), not a part and a whole ("the other two unions" / "the three unions"), not a
    figure per head and a total ("each boy weighed less than 50 pounds" / "136 pounds combined"), not the size of
    each group and a count ("in groups of 40" / "about 120 potential jurors")."""
    return _same_count(a, x, b, y) and {_role(a, x), _role(b, y)} != {"change", "level"} \
        and _part_of(a, x) == _part_of(b, y) and {_per_head(a, x), _per_head(b, y)} != {"each", "total"} \
        and (_per_head(a, x) == "group") == (_per_head(b, y) == "group")


_SMALL_CHANGE = {"cent", "cents", "pence", "penny", "pennies", "yen", "kopecks", "centimes"}


def _same_count(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """A number counts what follows it, a hyphenated number the word it is joined to: "a three-judge panel" and "a
    two-year term" count different things, and so do "433.50 pence" and "48 cents" (coins of two currencies). Other
    counted words are not compared here: paraphrases count one thing in many words ("troops" / "soldiers", "cases"
    / "infections", "percent of the vote" / "percent of the total")."""
    (hx, cx), (hy, cy) = _counted(a, x), _counted(b, y)
    wx, wy = _content(cx), _content(cy)
    one = lambda ws: {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in ws}  # "pages" / "22-page"
    if not wx or not wy or wx & wy or _stem_overlap(wx, wy) or one(wx) & one(wy):
        return True
    return not (hx or hy or wx <= _SMALL_CHANGE and wy <= _SMALL_CHANGE)


def _counted(claim: Claim, q: Quantity) -> tuple[bool, str]:
    """(joined by a hyphen, what the figure counts)."""
    after = _after(claim, q)
    joined = re.match(r"-([^\W\d_]+)", after)
    if joined:
        return True, joined.group(1)
    return False, q.counted or ""


def _after(claim: Claim, q: Quantity) -> str:
    text = claim.clause or claim.text
    return text[max(q.end - _base(claim), 0):][:60]


def _before(claim: Claim, q: Quantity) -> list[str]:
    """The words before the figure, nearest first (those of its own text included: "from $ 2,500")."""
    from itertools import takewhile

    from ..normalize.words import CARDINAL_WORDS

    text = claim.clause or claim.text
    lead = takewhile(lambda w: not any(c.isdigit() for c in w) and w.split("-")[0] not in CARDINAL_WORDS,
                     tokens(q.text))
    return (tokens(text[:max(q.start - _base(claim), 0)]) + list(lead))[::-1]


_LEVEL = {"from", "to", "at"}
_QUALIFIER_WORDS = {"about", "some", "nearly", "almost", "around", "approximately", "roughly", "just", "only",
                    "more", "than", "less", "over", "under", "least", "up", "a", "an", "the", "usd", "us"}


_CHANGE_VERBS = re.compile(r"^(?:ris|rose|fell|fall|increas|decreas|drop|jump|grow|grew|declin|gain|lost|los|climb|"
                           r"slip|cut|rais|reduc|up|down|boost|lower|hike|widen|narrow|surg|soar|plung|tumbl|shr[iau]nk|"
                           r"expand|slash|advanc|retreat|sli[dp]|eas|rallie|rall|sank|sink|dipp|dip)", re.I)


def _role(claim: Claim, q: Quantity) -> str:
    """ "rise by $ 300" is a change, "to $ 2,800", "from $ 2,500" and "at 35.8 percent" are levels; other figures
    ("generated by 100,000 advertisers") say neither."""
    words = [w for w in _before(claim, q) if w not in _QUALIFIER_WORDS]
    if words[:1] == ["by"]:
        return "change" if len(words) > 1 and _CHANGE_VERBS.match(words[1]) else ""
    return "level" if words[:1] and words[0] in _LEVEL else ""


def _part_of(claim: Claim, q: Quantity) -> bool:
    """ "the other two unions": a part of a whole the other figure may count."""
    return _before(claim, q)[:1] == ["other"]


_EACH = re.compile(r"\b(?:each|every|apiece)\b", re.I)
_GROUP = re.compile(r"\b(?:groups|batches|teams|squads|shifts|waves|units) of$", re.I)  # a group's size
_TOTAL = re.compile(r"\b(?:combined|altogether|in all|in total|together)\b", re.I)


def _per_head(claim: Claim, q: Quantity) -> str:
    """ "each" for a figure per head ("Each boy weighed less than 50 pounds"), "group" for the size of each group
    ("taken into the courtroom in groups of 40"), "total" for a sum ("136 pounds combined")."""
    words = [w for w in _before(claim, q) if w not in _QUALIFIER_WORDS]
    before, after = " ".join(words[:4][::-1]), _after(claim, q)[:25]
    if _GROUP.search(before):
        return "group"
    return "each" if _EACH.search(before) else "total" if _TOTAL.search(after) or _TOTAL.search(before) else ""


_RANGE_WORDS = re.compile(r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|estimat\w*|predict\w*|forecast\w*)\b"
                          r"[^,;.]{0,60}$", re.I)


def _in_span(claim: Claim, q: Quantity, other: Quantity, other_claim: Claim) -> bool:
    """q ends a range its claim states as two figures ("Predictions ranged from 16 cents a share to 27 cents a
    share") and the other side's figure, no range end itself, lies within it ("expected 22 cents a share"). A
    change "from 76 systems to 152" is no range."""
    span = _span(claim, q)
    return bool(span) and other.low is not None and not _span(other_claim, other) \
        and span[0] <= other.low <= span[1]


def _span(claim: Claim, q: Quantity) -> tuple[float, float] | None:
    text, base = claim.clause or claim.text, _base(claim)
    qs = sorted(claim.quantities, key=lambda v: v.start)
    for p, r in zip(qs, qs[1:]):
        if q is not p and q is not r or (p.unit or "") != (r.unit or "") or p.low is None or r.low is None:
            continue
        between = text[max(p.end - base, 0):max(r.start - base, 0)]
        before = text[:max(p.start - base, 0)] + " " + p.text
        if re.fullmatch(r"[^\d,;]{0,30}\bto\s*", between) and _RANGE_WORDS.search(before):
            return min(p.low, r.low), max(p.low, r.low)
    return None


ORDERS_APART = 20  # two exact counts this far apart are a whole and a part ("2,129 career points" / "23 points")


def _orders_apart(x: Quantity, y: Quantity) -> bool:
    """Two whole counts (exact or approximate) without a scale word, one over ORDERS_APART times the other: not one figure
    misreported but two different counts (a career total and a game's, a season's and a match's)."""
    near = ("exact", "about", "some", "approximately", "around")  # "an estimated 1,500 pirates" / "two countries"
    if x.qualifier not in near or y.qualifier not in near or x.unit in MONEY or _SCALE_WORD.search(x.text + y.text):
        return False
    if x.low is None or y.low is None or not all(float(v).is_integer() for v in (x.low, y.low)):
        return False  # readings and rates ("0.10", "2.18 shares") are no counts
    lo, hi = sorted(abs(v) for v in (x.low, y.low))
    return lo > 0 and hi / lo > ORDERS_APART


_FRAME = re.compile(r"(?:\b(?:in|over|on|for|during|across|within|through)\s+(?:(?:a|an|the|his|her|their|its|just|only|"
                    r"combined)\s+){0,2}|\d[\d,.]*\s+of\s+(?:(?:his|her|their|its|the)\s+)?)$", re.I)


def _framing(claim: Claim, q: Quantity) -> bool:
    """The figure frames others: a count after a preposition ("in 54 games", "on 83 carries") or the whole of
    which another figure is a part ("28 of his 68 punches")."""
    text = claim.clause or claim.text
    if not q.counted or q.unit in MONEY or (q.unit or "").startswith("percent") \
            or text[q.end - _base(claim):q.end - _base(claim) + 1] == "-":
        return False  # "on the 31-year note": a compound adjective names a thing, it frames nothing
    return bool(_FRAME.search(text[:max(q.start - _base(claim), 0)]))


def _base(claim: Claim) -> int:
    return claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start


def _what_counted(x: Quantity, y: Quantity) -> str:
    """What both figures count, when their following words say so ("people"), else nothing."""
    shared = _content(x.counted) & _content(y.counted)
    return " ".join(w for w in tokens(x.counted) if w in shared)


def _agree(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """Same unit and compatible values; a figure repeated without its unit ("13.78 points" / "13.78") agrees."""
    if convertible(x, y):
        return converted_compatible(x, y)
    if _bare_amount(x, y) or _bare_amount(y, x):  # "100 billion" / "over a hundred billion dollars"
        return quantities_compatible(x, y)[0]
    if (x.unit or "") != (y.unit or ""):
        return not (x.unit and y.unit) and x.low is not None and x.low == y.low and x.high == y.high
    return quantities_compatible(x, y)[0]


SOLE_FIGURE_RATIO = 5  # two sole figures further apart than this are probably not the same count


def _only_figures(a: Claim, b: Claim) -> bool:
    """Each claim states a single figure, of the same order of magnitude: the changed number of an otherwise
    aligned statement ("more than 70,000 men" / "more than 210,001 troops")."""
    if not len(a.quantities) == len(b.quantities) == 1:
        return False
    va, vb = (q.low if q.low is not None else q.high for q in (a.quantities[0], b.quantities[0]))
    return bool(va and vb) and max(va, vb) / min(va, vb) <= SOLE_FIGURE_RATIO


# --------------------------------------------------------------------------- slot alignment

LEFTOVER_CONTEXT = 1  # the single unshared value of a kind on each side still needs some shared context
STRONG_CONTEXT = 3  # context score from which two values sit in the same slot even when they differ


def align_slots(a: Claim, xs: list, b: Claim, ys: list, agree, comparable, single_ok=lambda x: True,
                strong: int = STRONG_CONTEXT) -> list[tuple]:
    """Pairs (x, y) that fill the same slot but disagree. Values are paired one to one, best first, by
    agreement plus the similarity of the words around them; what stays unpaired is paired only when it is the
    single comparable value left on each side (the changed figure in an otherwise aligned pair)."""
    scored = []
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            if not comparable(x, y):
                continue
            ok = agree(x, y)
            ctx = context_score(a, x, b, y)
            scored.append((-(ctx + (strong + 1 if ok else 0)), i, j, ok, ctx))
    used_a, used_b, out = set(), set(), []
    for _, i, j, ok, ctx in sorted(scored):
        if i in used_a or j in used_b or not (ok or ctx >= strong):
            continue
        used_a.add(i), used_b.add(j)
        if not ok:
            out.append((xs[i], ys[j]))
    rest_a = _distinct([x for i, x in enumerate(xs) if i not in used_a and not any(agree(x, y) for y in ys)])
    rest_b = _distinct([y for j, y in enumerate(ys) if j not in used_b and not any(agree(x, y) for x in xs)])
    for x in rest_a:
        y = _best_partner(a, x, b, rest_b, comparable)
        if y is None or _best_partner(b, y, a, rest_a, lambda p, q: comparable(q, p), flip=True) is not x:
            continue
        alone = sum(comparable(x, v) for v in rest_b) == 1 and sum(comparable(u, y) for u in rest_a) == 1
        if alone and single_ok(x) or context_score(a, x, b, y) >= LEFTOVER_CONTEXT:
            out.append((x, y))
    return out


def _best_partner(a: Claim, x, b: Claim, candidates: list, comparable, flip: bool = False):
    """The comparable candidate whose surroundings are most like x's, if one stands out (or is the only one)."""
    scored = sorted(((context_score(b, y, a, x) if flip else context_score(a, x, b, y)), k)
                    for k, y in enumerate(candidates) if comparable(x, y))
    if not scored or len(scored) > 1 and scored[-1][0] == scored[-2][0]:
        return None
    return candidates[scored[-1][1]]


def _distinct(items: list) -> list:
    seen, out = set(), []
    for item in items:
        key = getattr(item, "low", None), getattr(item, "high", None), getattr(item, "begin", None), \
            getattr(item, "until", None), getattr(item, "unit", None)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


_CONTEXT_SKIP = {"the", "a", "an", "of"}


_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly|er)$")


def _stem(word: str) -> str:
    return _SUFFIX.sub("", word)[:5] if len(word) > 4 else word


def context_words(claim: Claim, start: int, end: int, k: int = 3) -> tuple[list[str], list[str]]:
    """Up to k words before (nearest first) and after a span of the claim, digits and articles left out."""
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    keep = lambda ws: [_stem(w) for w in ws if w not in _CONTEXT_SKIP and not any(c.isdigit() for c in w)]
    before = keep(tokens(text[:max(start - base, 0)]))[::-1][:k]
    after = keep(tokens(text[max(end - base, 0):]))[:k]
    return before, after


def context_score(a: Claim, x, b: Claim, y) -> int:
    """2 per matching nearest neighbour, 1 per other shared word within three on the same side."""
    (la, ra), (lb, rb) = context_words(a, x.start, x.end), context_words(b, y.start, y.end)
    score = 0
    for wa, wb in ((la, lb), (ra, rb)):
        if wa and wb and wa[0] == wb[0]:
            score += 2
        score += len(set(wa[1:]) & set(wb))  + len(set(wa[:1]) & set(wb[1:]))
    return score


def date_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Times in the same slot with disjoint intervals ("since 1995" is only compared with another "since")."""
    ta = [t for t in a.times if time_interval(t) and not _in_age(a, t) and not _when_said(a, t)]
    tb = [t for t in b.times if time_interval(t) and not _in_age(b, t) and not _when_said(b, t)]
    pairs = align_slots(a, ta, b, tb, lambda x, y: _comparable_times(x, y) and (
                            times_compatible(x, y)[0] or _within_bound(a, x, b, y)),
                        lambda x, y: _since(a, x) == _since(b, y) and _comparable_times(x, y))
    return [_conflict("date", a, x.text, b, y.text, "") for x, y in pairs]


_UNTIL = re.compile(r"\b(?:through|thru)\s*$|\bfrom\b[^,;.]{1,60}\b(?:until|till|through|thru)\s*$", re.I)


def _until(claim: Claim, t: TimeExpr) -> bool:
    """The end of a span ("from Friday through Aug. 22", "through Sept. 9"): every earlier moment lies within it.
    A lone "until" often dates the event itself ("is waiting until October to decide", "isn 't until March 9")."""
    return bool(_UNTIL.search(claim.text[max(0, t.start - claim.start - 80):t.start - claim.start]))


def _within_bound(a: Claim, x: TimeExpr, b: Claim, y: TimeExpr) -> bool:
    """One side ends a span at its time ("due from Friday through Aug. 22"), the other names a time before that
    end ("due Aug. 15"): the span holds it. Two span ends are compared as times."""
    if _until(a, x) == _until(b, y):
        return False
    bound, other = (x, y) if _until(a, x) else (y, x)
    ib, io = time_interval(bound), time_interval(other)
    if ib is None or io is None or _year_guessed(bound) != _year_guessed(other):
        return False
    return io[0] < ib[1]


_GRAIN = {"minute": "day", "hour": "day", "part-of-day": "day", "day": "day", "week": "week", "month": "month", "season": "month",
          "part-of-year": "month", "quarter": "month", "year": "year", "decade": "year"}


def _in_age(claim: Claim, t: TimeExpr) -> bool:
    """Birth years are compared by the age rule (which knows whose birth year it is), not as dates."""
    return any(x.start <= t.start and t.end <= x.end or t.start <= x.start < t.end for x in claim.ages)


def age_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    out = []
    for x in a.ages:
        for y in b.ages:
            if not same_person(a, x, b, y):
                continue
            ok, reason = ages_compatible(x, y)
            if not ok:
                kind = "number" if x.kind == y.kind == "age" else "date"
                out.append(_conflict(kind, a, x.text, b, y.text, "age" if kind == "number" else "birth year"))
    return out


def entity_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """A named entity replaced by another in the same role while the rest of the statement is the same: names
    are paired one to one by their surrounding words (the same name in the same place agrees); two different
    names in the same place conflict, and so do the one unshared name of each side when they keep a neighbour
    word, or two names (tagged or merely capitalised) between the same matched words of the two wordings. A name
    both sides give is paired with a different name of another kind only when the wordings put them in the same
    place ("Kosovo 's U.S. military headquarters , Camp Bondsteel" / "at Camp Bondsteel" is no swap). Last, the
    one unshared name of each side that plays a given grammatical role (the subject of the main clause, the owner
    of the same thing ...) is paired whatever the tagger's labels (newsweave.verdict.roles). Aliases, initials,
    surnames, demonyms, near spellings, a capital for its country and a titled given name ("Sir John") for a
    surname count as the same entity."""
    names_a = [e for e in _names(a) if not (SKIP_SPEAKERS and _speaker(a, e))]
    names_b = [e for e in _names(b) if not (SKIP_SPEAKERS and _speaker(b, e))]
    names_a, names_b = _split_lists(names_a, names_b), _split_lists(names_b, names_a)
    only_a, only_b = _only(names_a, names_b, b), _only(names_b, names_a, a)
    if not only_a and not only_b:
        return []
    rest_a = _content(_without(a, *only_a))
    rest_b = _content(_without(b, *only_b))
    if not rest_a or not rest_b or _share(rest_a, rest_b) < ENTITY_OVERLAP:
        return []
    comparable = lambda x, y: not _acronym_of(x.text, y.text) and _part(a, x) == _part(b, y) \
        and {x.label, y.label} != {"NORP", "MISC"} and (
        _family(x.label) == _family(y.label) or context_score(a, x, b, y) >= (2 if "MISC" in (x.label, y.label)
                                                                             else CROSS_TYPE_CONTEXT))
    new = lambda x, y: any(x is e for e in only_a) or any(y is e for e in only_b)
    pairs = align_slots(a, _unmatched(names_a, names_b), b, _unmatched(names_b, names_a),
                        lambda x, y: _same_entity(x, y), comparable, lambda x: SINGLE_NAME, ENTITY_STRONG)
    both = lambda x, y: any(x is e for e in only_a) and any(y is e for e in only_b)
    kept = [(x, y) for x, y in pairs if new(x, y) and (context_score(a, x, b, y) >= ENTITY_CONTEXT or SINGLE_NAME)
            and not _one_referent(x, y) and not _titled_given(a, x, b, y) and not _other_part(a, x, b, y)
            and (both(x, y) or _family(x.label) == _family(y.label) or _same_place(a, x, b, y))]
    if not kept:
        swap = _lone_swap(a, only_a, b, only_b, rest_a, rest_b)
        kept = [swap] if swap else []
    if not kept:
        kept = _replaced(a, names_a, b, names_b, new)
    if not kept and UNTAGGED:
        kept = _untagged(a, only_a, b, names_b) or [(x, y) for y, x in _untagged(b, only_b, a, names_a)]
    if not kept and ROLE_SWAP:
        swap = _role_swap(a, only_a or _extra(names_a, names_b), b, only_b or _extra(names_b, names_a), rest_a, rest_b)
        kept = [swap] if swap else []
    return [_conflict("entity", a, x.text, b, y.text, "") for x, y in kept]


ROLE_SWAP = True  # pair the unshared names of two wordings that play the same grammatical role


def _role_swap(a: Claim, only_a: list, b: Claim, only_b: list, rest_a: set[str], rest_b: set[str]):
    """The one unshared name of each side that plays a given grammatical role (newsweave.verdict.roles): the
    subject of the main clause, the owner of a thing, the object of the same preposition ("Smith found the tax
    falls on the consumer" / "Robert Liscouski ruled that the tax falls on the consumer"), whatever labels the
    tagger gave them. A place and a place inside it are a swap only where they act (the subject or the owner), not
    where they say where ("in the United States" / "in California" agree)."""
    if not only_a or not only_b or _share(rest_a, rest_b) < SOLE_SWAP_OVERLAP:
        return None
    from .roles import describes, reports

    roles_a, roles_b = ([_name_role(c, e) for e in names] for c, names in ((a, only_a), (b, only_b)))
    for x, rx in zip(only_a, roles_a):
        if rx is None or roles_a.count(rx) != 1 or roles_b.count(rx) != 1:
            continue
        y = only_b[roles_b.index(rx)]
        if (x.label == "NORP") != (y.label == "NORP") and describes(*((a, x) if x.label == "NORP" else (b, y))):
            continue  # a demonym describes ("the Connecticut Democrat"), it does not name
        speaking = _part(a, x)[0] or _part(b, y)[0]
        if _part(a, x)[0] != _part(b, y)[0] and not (reports(a, x) or reports(b, y)) and not _same_verb(a, x, b, y):
            continue  # who said it is the subject of a verb that reports something ("the United estimated that")
        if speaking and {x.label, y.label} == {"PERSON", "ORG"} and not _person_like(*((a, x) if x.label == "ORG" else (b, y))):
            continue  # a spokesman speaks for his organisation: "Paul Luehr said" / "The FBI said"
        if _acronym_of(x.text, y.text) or _same_entity(x, y) or names_related(x.text, y.text) \
                or _same_spelling(x.text, y.text) or _content(x.text) & _content(y.text):
            continue
        if _titled_given(a, x, b, y):
            continue
        if _acts(a, x, rx) and _acts(b, y, rx):
            from ..normalize.places import capital

            if capital(x.text, y.text):
                continue  # "Washington is wary" / "The United States is wary": a government by its capital
        elif _one_referent(x, y):
            continue
        return x, y
    return None


_PERSONAL_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\s*\.?\s*$")
_AFFILIATION = re.compile(r"^\s*(?:of|from|at)\s+(?:the\s+)?[A-Z]|^\s*,\s*(?:a|an|the)\s+[^,]{0,40}?"
                          r"\b(?:spokes(?:man|woman|person)|director|president|chairman|official|lawyer|attorney)\b")


def _person_like(claim: Claim, entity) -> bool:
    """A name the tagger typed as an organisation that the sentence treats as a person: a personal title before it
    ("Ms. Dhaliwal"), or an employer or post after it ("Tracey Powers of the National Interagency Fire Center",
    "Smith , a spokeswoman for ...")."""
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    s, e = entity.start - base, entity.end - base
    return bool(_PERSONAL_TITLE.search(text[max(0, s - 6):max(s, 0)]) or _AFFILIATION.match(text[e:e + 80]))


def _same_verb(a: Claim, x, b: Claim, y) -> bool:
    """Both names are the subject of the same verb ("an issue Microsoft had warned about" / "which Central Command
    warned of"), whether or not the verb sits next to the name, where the speaker test looks."""
    from .roles import subject_verb

    vx, vy = subject_verb(a, x), subject_verb(b, y)
    return vx is not None and vx == vy


def _acts(claim: Claim, entity, role: tuple[str, str]) -> bool:
    """The name acts or owns (a subject, a speaker, a possessor), rather than saying where ("in Spain", "the US
    chip market"): there a place is not the same as a place inside it."""
    from .roles import qualifier

    return role[0] in ("subject", "patient") or role[0] == "owner" and not qualifier(claim, entity)


def _other_part(a: Claim, x, b: Claim, y) -> bool:
    """Two names that cannot stand for each other in the statement: one qualifies a noun that the other side's name
    stands in for ("during which the Venango County man represented himself" / "during which Waagner represented
    himself"), unless the two sit next to the same matched word ("the death of an FBI analyst" / "the death of
    Franklin" keep one slot); or two places after different prepositions of place ("near Interstate 805" / "in San
    Diego": both may hold)."""
    from .roles import qualifier

    qa, qb = qualifier(a, x), qualifier(b, y)
    if qa != qb and _name_role(b if qa else a, y if qa else x) is not None and not _near_place(a, x, b, y):
        return True
    ra, rb = _name_role(a, x), _name_role(b, y)
    return bool(ra and rb) and ra[0] == rb[0] == "prep" and ra[1] != rb[1] and {ra[1], rb[1]} <= _WHERE \
        and _family(x.label) == _family(y.label) == "place"


# Prepositions of place: "near Interstate 805" and "in San Diego" say where in two ways that can both hold.
_WHERE = {"in", "at", "near", "outside", "around", "off", "inside", "by", "across", "within", "throughout", "beyond"}


def _near_place(a: Claim, x, b: Claim, y) -> bool:
    """The word before or the word after the two names is matched between the two wordings."""
    from .wordslots import same_place

    return same_place(a, x, b, y, 1)


def _titled_given(a: Claim, x, b: Claim, y) -> bool:
    """A given name after a title that goes with it ("Sir John", "Prince William") on one side and a lone surname on
    the other ("Mr. Stevens"): one person, called two ways."""
    from .people import given_and_surname, titled

    return given_and_surname(x.text, y.text) and (titled(a, x) or titled(b, y))


def _extra(mine: list, theirs: list) -> list:
    """The mentions of a name that one side gives more often than the other ("Legato stockholders ... each share of
    Legato" / "Time Warner Cable stockholders ... each Legato share"): one of them may be the one replaced."""
    from collections import Counter

    count_mine, count_theirs = Counter(_ename(e) for e in mine), Counter(_ename(e) for e in theirs)
    return [e for e in mine if count_theirs[_ename(e)] and count_mine[_ename(e)] > count_theirs[_ename(e)]]


def _name_role(claim: Claim, entity) -> tuple[str, str] | None:
    """The grammatical role of a name (newsweave.verdict.roles); who said it counts as the main subject."""
    from .roles import role

    if _part(claim, entity)[0]:
        return "subject", "main"  # who says the statement is the subject of its main verb
    return role(claim, entity)


def _unmatched(mine: list, theirs: list) -> list:
    """The names not given word for word by the other side too: a name both sides give is the same thing, whatever
    its surroundings ("headed by State Department official John S. Wolf" / "headed by John S. Wolf , an assistant
    secretary"), so it takes no part in pairing the names that differ. A name one side gives more often than the
    other stays (one of its mentions may be the one replaced)."""
    from collections import Counter

    count_mine, count_theirs = Counter(_ename(e) for e in mine), Counter(_ename(e) for e in theirs)
    return [e for e in mine if count_mine[_ename(e)] != count_theirs[_ename(e)]]


def _lone_swap(a: Claim, only_a: list, b: Claim, only_b: list, rest_a: set[str], rest_b: set[str]):
    """One side names one thing the other does not; its counterpart on the other side is the one unshared name
    of the same type that takes the same part (who said it, or not). Types only of the same family (a person for
    an organisation) cost more false alarms than they found swaps on the bench, so they are not paired."""
    if not only_a or not only_b or min(len(only_a), len(only_b)) != 1 or max(len(only_a), len(only_b)) > 3:
        return None
    flip = len(only_b) > 1  # the lone name is then a's, its counterpart among b's
    (ca, xs), (cb, (y,)) = ((b, only_b), (a, only_a)) if flip else ((a, only_a), (b, only_b))
    rest_x, rest_y = (rest_b, rest_a) if flip else (rest_a, rest_b)
    if any(_acronym_of(x.text, y.text) or names_related(x.text, y.text) for x in xs):
        return None  # its counterpart is there, typed otherwise: "IAC 's stock" / "InterActiveCorp 's shares"
    candidates = [x for x in xs if x.label == y.label != "MISC" and _same_part(ca, x, cb, y)
                  and not _state_after_city(ca, x) and not _same_house(x.text, y.text)]
    if len(candidates) != 1 or not _sole_swap(ca, candidates[0], cb, y, rest_x, rest_y) \
            or _crossed_slots(ca, candidates[0], cb, y):
        return None
    return (y, candidates[0]) if flip else (candidates[0], y)


def _crossed_slots(a: Claim, x, b: Claim, y) -> bool:
    """The two names play different parts, and each side fills the part of the other's name with a pronoun or a
    common noun: "Mr. Bush has credited the Dallas pastor" / "He has credited Dr. Evans" ("He" is Bush, "the
    pastor" is Evans); "how CFSB allocated shares" / "how the company allocated shares". Each name then has its
    counterpart on the other side, and the two are no swap."""
    from .roles import stand_in

    ra, rb = _name_role(a, x), _name_role(b, y)
    return ra is not None and rb is not None and ra != rb and stand_in(b, ra) and stand_in(a, rb)


# AP-style abbreviations of US states, which follow a city ("Birmingham , Ala . ,") and the tagger may type otherwise.
_STATE_ABBREVIATIONS = {"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
                        "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
                        "tenn", "va", "vt", "wash", "wis", "wyo"}
# First words too common among names to tie two of them together ("United Airlines" / "United Way").
_COMMON_FIRST = {"the", "new", "united", "national", "american", "first", "general", "international", "royal",
                 "north", "south", "east", "west", "central", "great", "bank", "state", "city", "university", "saint",
                 "st", "san", "los", "las", "fort", "mount", "lake", "port", "air", "world"}


def _state_after_city(claim: Claim, entity) -> bool:
    """The name is a state abbreviation after a city ("Birmingham , Ala ."): a place, whatever the tagger said."""
    text = claim.clause or claim.text
    start = entity.start - _base(claim)
    return entity.text.strip(" .").casefold() in _STATE_ABBREVIATIONS \
        and bool(re.search(r"[A-Z][\w.-]*\s*,\s*$", text[max(0, start - 30):max(start, 0)]))


def _same_house(x: str, y: str) -> bool:
    """Two names of one business family, which share a distinctive first word ("a Delta Connection carrier" / "service
    for Delta Air Lines"): a brand and its parent, not two different companies."""
    wx, wy = x.split(), y.split()
    return len(wx) > 1 and len(wy) > 1 and wx[0].casefold() == wy[0].casefold() and len(wx[0]) > 2 \
        and wx[0].casefold() not in _COMMON_FIRST


def _same_place(a: Claim, x, b: Claim, y) -> bool:
    """The two names sit between the same matched words of the two wordings (newsweave.verdict.wordslots)."""
    from .wordslots import same_place

    return same_place(a, x, b, y, REPLACED_ANCHORS)


def _replaced(a: Claim, names_a: list, b: Claim, names_b: list, new) -> list[tuple]:
    """The first pair of different names, at least one of them unshared, that sit between the same matched words
    of the two wordings ("... close at $ 28.34 on the [Nasdaq] ." / "... on the [NYSE] ."), whatever types the
    tagger gave them, or after (or before) the same matched word when the tagger gave them the same type: one
    replaces the other. Aliases, acronyms and related names are not a replacement."""
    from .wordslots import same_place

    for anchors, same_type in ((REPLACED_ANCHORS, False), (REPLACED_ANCHORS - 1, True)):
        found = [(x, y) for x in names_a for y in names_b if new(x, y) and (not same_type or x.label == y.label)
                 and same_place(a, x, b, y, anchors) and not _acronym_of(x.text, y.text)
                 and not _same_entity(x, y) and not _one_referent(x, y) and not _titled_given(a, x, b, y)
                 and not _named_elsewhere(x, names_a, names_b, y) and not _named_elsewhere(y, names_b, names_a, x)]
        if found:
            return found[:1]
    return []


def _named_elsewhere(x, mine: list, theirs: list, partner) -> bool:
    """The other side gives x too, elsewhere in its wording and as often as x's side does ("the U.S. market" /
    "the PC market in the United States"; "Falluja , just west of Baghdad"): x kept its counterpart there, and the
    name in its place is something the other side adds, not a replacement."""
    same = lambda e: (e.label == "NORP") == (x.label == "NORP") and _spelled_alike(x, e)  # "Cuba" / "Cuban waters"
    return sum(1 for e in theirs if e is not partner and same(e)) >= max(1, sum(map(same, mine)))


def _spelled_alike(x, y) -> bool:
    """One name given two ways: the same canonical name (aliases, demonyms), a near spelling or one spelling inside
    the other ("Falluja" / "Fallujah", "Dixons" / "Dixons Group"), initials ("GE" / "General Electric"); not merely
    a shared word ("Parker Jensen" / "the Jensens")."""
    from rapidfuzz import fuzz

    nx, ny = _ename(x), _ename(y)
    return bool(nx and ny) and (nx == ny or fuzz.ratio(nx, ny) >= 80 or _acronym_of(x.text, y.text)
                                or _same_spelling(x.text, y.text))


def _untagged(a: Claim, only_a: list, b: Claim, names_b: list) -> list[tuple]:
    """A name of a that b does not name, whose place b fills with capitalised words the tagger did not mark
    ("Michel , who remains in the government , denied ..." / "Harper , who has stayed ..."): the first such pair."""
    from .wordslots import counterpart

    for x in only_a:
        found = counterpart(a, x, b)
        if found is None or any(e.start < found[1] and found[0] < e.end for e in names_b) \
                or _CALENDAR.search(found[2]) or len(found[2].strip(" .")) < 3:
            continue
        if found[2].strip(" .").casefold() in STOPWORDS:
            continue  # "She was bitten ...": a pronoun, not a name
        y = type(x)(found[0], found[1], found[2], "MISC", canonical=found[2])
        if not _mentioned(_ename(y), a) and not _acronym_of(x.text, y.text) and not _same_entity(x, y) \
                and not _one_referent(x, y):
            return [(x, y)]
    return []


UNTAGGED = True  # also look for the counterpart of an unshared name among words the tagger did not mark
REPLACED_ANCHORS = 2  # matched words around two different names (before and after) for one to replace the other
SOLE_SWAP_OVERLAP = 0.3  # content the rest of two statements must share for their one unshared names to clash


def _one_referent(x, y) -> bool:
    """Two names that need not be two different things: related names, spelling variants, or places one of which
    lies inside the other ("Valencia" / "Spain": a city and its country are not a swap)."""
    if names_related(x.text, y.text) or _same_spelling(x.text, y.text):
        return True
    if _family(x.label) == _family(y.label) == "place":
        from ..normalize.places import compatible

        return compatible(x.text, y.text, x.label, y.label)
    if "GPE" in (x.label, y.label):
        from ..normalize.places import nested

        return nested(x.text, y.text)
    return False


def _same_part(a: Claim, x, b: Claim, y) -> bool:
    """Both names say who said it, or neither does; two different people are compared either way (the quote of
    one is not the quote of another)."""
    return x.label == y.label == "PERSON" or _part(a, x) == _part(b, y)


def _sole_swap(a: Claim, x, b: Claim, y, rest_a: set[str], rest_b: set[str], same_label: bool = True) -> bool:
    """Each side names one thing the other does not, of the same type, in statements that otherwise say the same:
    "Microsoft said" / "Army said". Names the embedding model relates (one referent, a part and its whole) and
    who-said-it names on one side only are not a swap."""
    return (not same_label or x.label == y.label and x.label != "MISC") and _share(rest_a, rest_b) >= SOLE_SWAP_OVERLAP \
        and _same_part(a, x, b, y) and not _acronym_of(x.text, y.text) \
        and not _one_referent(x, y) and not _titled_given(a, x, b, y)


RELATED_NAMES = 0.7  # cosine of two names' embeddings from which they are taken to be related, not swapped


def names_related(x: str, y: str) -> bool:
    """Two different names that the sentence-embedding model places close together: one referent or a part
    and its whole ("Saddam" / "Hussein", "Myanmar" / "Burma", "Cleveland" / "Ohio", "Iraq" / "Baghdad"). Without
    the embedding extra every pair counts as unrelated."""
    if _rival_parties(x, y):
        return False  # "Democrats" / "Republicans": the model places them close, yet they name opposite sides
    wx, wy = x.split(), y.split()
    shared = {w.casefold() for w in wx} & {w.casefold() for w in wy}
    if shared:  # "Security Service of Ukraine" / "National Guard of Ukraine": compare what differs
        x = " ".join(w for w in wx if w.casefold() not in shared)
        y = " ".join(w for w in wy if w.casefold() not in shared)
        if not x or not y:
            return True
    vx, vy = _name_vector(x.strip()), _name_vector(y.strip())
    if vx is None or vy is None:
        return False
    return float(vx @ vy) >= RELATED_NAMES


# Political parties, and the words for their members, that news sets against each other: one for another is a swap.
_PARTIES = {"democrat": "democratic", "democrats": "democratic", "democratic": "democratic",
            "republican": "republican", "republicans": "republican", "gop": "republican",
            "labour": "labour", "conservative": "conservative", "conservatives": "conservative",
            "tory": "conservative", "tories": "conservative"}


def _rival_parties(x: str, y: str) -> bool:
    """Two names of different political parties or their members ("a Democrat" / "a Republican", "Labour" /
    "the Tories")."""
    px, py = ({_PARTIES[w] for w in re.findall(r"\w+", v.casefold()) if w in _PARTIES} for v in (x, y))
    return bool(px and py and not px & py)


@lru_cache(maxsize=65536)
def _name_vector(name: str):
    model = _name_model()
    if model is None or not name:
        return None
    import numpy as np

    v = np.asarray(model.encode([name])[0], dtype=np.float32)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else None


@lru_cache(maxsize=1)
def _name_model():
    from ..errors import MissingExtra

    try:
        from ..align.embed import get_embedder

        return get_embedder("auto")
    except (MissingExtra, ImportError, OSError):
        return None


def _same_entity(x, y) -> bool:
    from rapidfuzz import fuzz

    nx, ny = _ename(x), _ename(y)
    if not nx or not ny:
        return True
    return nx == ny or nx in ny or ny in nx or _acronym_of(x.text, y.text) or fuzz.ratio(nx, ny) >= 80 \
        or _name_words_shared(x, _only_text(y)) or _name_words_shared(y, _only_text(x)) or _same_spelling(x.text, y.text)


def _same_spelling(x: str, y: str) -> bool:
    """Spelling variants of one name: "U.S" / "US military" (dots dropped, one inside the other), "Al Qaeda" /
    "Qaida" (the heads differ by a letter or two), "D-Neb" / "Nebraska" and "R-Tenn" / "Tennessee" (an
    abbreviation), "Federal Emergency Management Administration" / "... Agency" (most words shared)."""
    from rapidfuzz import fuzz

    fx, fy = (re.sub(r"[^\w]", "", v.casefold()) for v in (x, y))
    if fx and fy and (fx in fy or fy in fx):
        return True
    for u, v in ((x, y), (y, x)):  # "Jean ChrÃ" / "Jean Chretien": a name cut where its encoding broke
        cut = u.strip().rstrip("Ã")
        if cut != u.strip() and len(cut) >= 4 and v.strip().casefold().startswith(cut.casefold()):
            return True
    wx, wy = (re.findall(r"[^\W\d_]+", v.casefold()) for v in (x, y))
    if not wx or not wy:
        return False
    if max(len(wx), len(wy)) <= 2 and len(wx[-1]) >= 5 and len(wy[-1]) >= 5 and wx[-1] != wy[-1] \
            and fuzz.ratio(wx[-1], wy[-1]) >= 80:
        return True  # a misspelt head: "Qaeda" / "Qaida"
    if wx[-1] != wy[-1] and len(wx[-1]) >= 5 and len(wy[-1]) >= 5 and wx[-1][0] == wy[-1][0] \
            and len(_skeleton(wx[-1])) >= 3 \
            and _skeleton(wx[-1]) == _skeleton(wy[-1]) and fuzz.ratio(wx[-1], wy[-1]) >= 70:
        return True  # a surname transliterated two ways: "Noureddinne Mouleff" / "Nur al-Din Muliff"
    if any(3 <= len(a) <= 5 and len(b) >= 6 and b.startswith(a) for u, v in ((wx, wy), (wy, wx))
           for a in u for b in v if len(v) == 1):
        return True  # "Neb" in "D-Neb" abbreviates "Nebraska"
    short, long = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return len(short) >= 3 and len(set(short) & set(long)) >= 2 * len(short) / 3


def _skeleton(word: str) -> str:
    """The consonants of a word, doubled ones once: the part of a transliterated name that spellings keep."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", word))


def _only_text(entity) -> Claim:
    """A stand-in claim holding just the entity's words (to reuse the surname test)."""
    return Claim(id="", article="", outlet="", sentence=0, start=0, end=0, text=entity.text, clause_start=0,
                 clause_end=len(entity.text), clause=entity.text)


_FAMILIES = {"PERSON": "agent", "ORG": "agent", "NORP": "place", "GPE": "place", "LOC": "place", "FAC": "place"}


def _family(label: str) -> str:
    return _FAMILIES.get(label, "other")


_SPEECH_VERBS = {"said", "says", "say", "told", "tells", "added", "adds", "stated", "announced", "wrote", "writes"}
_SPEAKER_NOUNS = {"spokesman", "spokeswoman", "spokesperson"}
# Further verbs that say who says it ("Kanisa noted that ..."), for the speaker test of names only.
_SPEAKER_VERBS = {"noted", "notes", "explained", "declared", "insisted", "argued", "claimed", "claims", "warned",
                  "testified", "acknowledged"}
_LISTENER_VERBS = {"told", "tells"}  # the name after them is who heard it, not who said it


def _part(claim: Claim, entity) -> tuple[bool, bool]:
    """(who said it, who heard it): "said Andy Bryant" and "told the Associated Press" take different parts."""
    before, after = context_words(claim, entity.start, entity.end, 2)
    listener = bool(before[:1]) and before[0] in {_stem(w) for w in _LISTENER_VERBS} and not after
    return _speaker(claim, entity), listener


def _speaker(claim: Claim, entity) -> bool:
    """The name is who said it ("Crosby said", ", said Ben Deutsch.", "according to X", "spokesman X"), not a
    participant of what is said."""
    before, after = context_words(claim, entity.start, entity.end, 2)
    verbs, nouns = {_stem(w) for w in _SPEECH_VERBS | _SPEAKER_VERBS}, {_stem(w) for w in _SPEAKER_NOUNS}
    told = verbs - {_stem(w) for w in _LISTENER_VERBS}  # "he told the Register .": the Register listened
    return bool(after[:1]) and after[0] in verbs and not _clause_between(claim, entity) or bool(before[:1]) and (
        before[0] in nouns or before[0] in told and not after or before[:2] == ["to", _stem("according")])


def _clause_between(claim: Claim, entity) -> bool:
    """A comma parts the name from the speech verb after it: the name closes an aside about the speaker ("Mohcine
    Douali , who lives in the centre of Algiers , said"; "the company , based in Connecticut , Calif . , said"),
    it does not say it. An age or a title between commas ("Smith , 50 , said") keeps the name the speaker."""
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    m = re.match(r"[^\w]*(?:\w+[^\w]+){0,4}?(?=(?:" + "|".join(sorted(_SPEECH_VERBS | _SPEAKER_VERBS)) + r")\b)",
                 text[entity.end - base:])
    between = m.group(0) if m else ""
    return "," in between and not re.fullmatch(r"\s*,\s*(?:\d+|[a-z]+)\s*,\s*", between)


_CALENDAR = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
                       r"August|September|October|November|December|EDT|EST|GMT|PDT|PST|BST|CET)\b")
_LEADING_PREPOSITION = re.compile(r"(?:By|Since|Between|From|Until|On|At|In|After|Before|During)\b")


def _names(claim: Claim) -> list:
    """The claim's entities plus capitalised names the tagger missed (inside the clause)."""
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    found = [part for e in claim.entities if not _ticker(text, e.start - base, e.end - base)
             and not _wire_credit(text, e.start - base, e.end - base) for part in _split_joined(e)]
    for e in (_caps_names(text) if USE_CAPS else ()):
        start, end = e.start + base, e.end + base
        if _CALENDAR.search(e.text) or _LEADING_PREPOSITION.match(e.text):
            continue  # "By Wednesday", "Since June", "EDT Sunday": times, not names
        if _ticker(text, e.start, e.end):
            continue
        if not any(x.start < end and start < x.end for x in found):
            found.append(type(e)(start, end, e.text, "MISC", canonical=e.canonical))
    if USE_PROPER_NOUNS and text[:1].isupper():
        from ..models import Entity
        from .roles import proper_nouns

        for start, end, name in proper_nouns(claim):
            if _CALENDAR.search(name) or _LEADING_PREPOSITION.match(name) or name.casefold() in STOPWORDS \
                    or any(x.start < end and start < x.end for x in found):
                continue  # "Monday", "In", "The": no names
            found.append(Entity(start, end, name, "MISC", canonical=name))
    return found


# A name the tagger ran on into a place or an employer: "the Bluetooth World Congress in Amsterdam", "said Ken
# Wattret of BNP Paribas" (a person's name holds no "of"). The part after the joint starts with a capital.
_JOINT = {"PERSON": re.compile(r"\s+(?:of|in|at)\s+(?=[A-Z])"), "*": re.compile(r"\s+in\s+(?=[A-Z])")}


def _split_joined(e) -> list:
    """A tagged span that joins two names ("Cruz of BNP Paribas", "World Congress in Naval") as its two names: the
    first keeps the label, the second is an organisation (after "of"/"at") or a place (after "in")."""
    m = _JOINT.get(e.label, _JOINT["*"]).search(e.text)
    if m is None or not m.start() or not e.text[m.end():].strip():
        return [e]
    second = "GPE" if m.group(0).strip() == "in" else "ORG"
    head, tail = e.text[:m.start()], e.text[m.end():]
    return [type(e)(e.start, e.start + len(head), head, e.label, canonical=head),
            type(e)(e.start + m.end(), e.end, tail, second, canonical=tail)]


def _split_lists(mine: list, theirs: list) -> list:
    """A tagged span "X and Y" one of whose parts the other side gives as a name of its own ("the bridge between
    Matamoros and Brownsville" tagged as one organisation / "linking Matamoros and Brownsville"): a list of two
    names, not one name ("Procter and Gamble" stays whole unless the other side names "Procter" alone)."""
    keys = {_ename(e) for e in theirs}
    out = []
    for e in mine:
        m = re.search(r"\s+and\s+(?=[A-Z])", e.text)
        head, tail = (e.text[:m.start()], e.text[m.end():]) if m else ("", "")
        if not m or not head or " and " in tail or not ({_ename(type(e)(0, 0, p, e.label)) for p in (head, tail)} & keys):
            out.append(e)
            continue
        out += [type(e)(e.start, e.start + len(head), head, e.label, canonical=head),
                type(e)(e.start + m.end(), e.end, tail, e.label, canonical=tail)]
    return out


USE_PROPER_NOUNS = True  # also treat proper nouns opening a sentence (which the caps heuristic skips) as names


_TICKER_BEFORE = re.compile(r"(?:(?:<\s*|\bindex\s+)\.|\b(?:nyse|nasdaq|amex|lse|tsx)\s*:\s*)$", re.I)
_TICKER_AFTER = re.compile(r"^(?:\.[A-Z]{1,2}\b|\s*:\s*(?:news|quote)\b|\s*\$)")


_CREDIT = re.compile(r"^[^a-z]{0,40}?[-–—]\s*\(\s*$")


def _wire_credit(text: str, start: int, end: int) -> bool:
    """The agency credit of a dateline, not a name in the statement: "NEW YORK - ( Dow Jones ) - Former ...",
    "LONDON (Reuters) -"."""
    return bool(re.match(r"\s*\)\s*[-–—]", text[end:end + 6])) and bool(
        _CREDIT.match(text[:max(start, 0)]) or re.fullmatch(r"[^a-z]{0,40}\(\s*", text[:max(start, 0)]))


def _ticker(text: str, start: int, end: int) -> bool:
    """A stock symbol or currency prefix, not a name in the statement: ".SPX", "AA.N", "( MSFT : news , chart )",
    "( nyse : PEP - news )", "US $ 70 million"."""
    name = text[max(start, 0):end].strip(" .")
    if not name or not re.fullmatch(r"[A-Z][A-Z.&]{0,5}", name):
        return False
    return bool(_TICKER_BEFORE.search(text[max(0, start - 12):max(start, 0)])) or bool(_TICKER_AFTER.match(text[end:]))


def _caps_names(text: str):
    from .slots import entities as caps

    return caps(text)


def _only(mine: list, theirs: list, other: Claim) -> list:
    keys = {_ename(e) for e in theirs}
    out, seen = [], set()
    for e in mine:
        n = _ename(e)
        if n and n not in keys and n not in seen and not _mentioned(n, other) and not _name_words_shared(e, other):
            seen.add(n)
            out.append(e)
    return out


def _acronym_of(x: str, y: str) -> bool:
    """ "ECB" and "European Central Bank", "CDC" and "Centers for Disease Control and Prevention", "P & W" and
    "Pratt & Whitney": the short name's capitals are the initials of (the start of) the long one's words."""
    short, long = sorted((x.strip(), y.strip()), key=lambda n: len(re.sub(r"[^A-Za-z]", "", n)))
    letters = re.sub(r"[^A-Za-z]", "", short)
    if re.fullmatch(r"(?:[A-Z]+(?:of|and|de|du|der|y)?)+[A-Z]", letters):  # "BofA": Bank of America
        letters = re.sub(r"[a-z]", "", letters)
    letters = letters[:-1] if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper() else letters
    if len(letters) < 2 or not letters.isupper():  # "DJs" is "DJ", plural
        return False
    words = re.findall(r"[A-Za-z][\w-]*", long)
    caps = "".join(w[0] for w in words if w[0].isupper()).upper()
    inner = "".join(c for c in long if c.isupper())  # "AustMag": Australian Magnesium
    if len(words) == 1 and len(inner) >= 2 and letters.startswith(inner):
        return True
    every = "".join(w[0] for w in words).upper()
    spelled = "".join(w if w.isupper() and len(w) <= 4 else w[0] for w in words if w[0].isupper())
    if len(words) > 1 and len(letters) >= 4 and spelled != caps and letters == spelled:  # "USGS": US Geological Survey
        return True
    if len(letters) >= 3 and letters in caps:  # "ATF": Bureau of Alcohol, Tobacco, Firearms and Explosives
        return True
    return letters in (caps, every) or len(caps) >= 2 and (letters.startswith(caps) or letters.startswith(every)
                                                          or letters.endswith(caps)) \
        or len(letters) >= 3 and caps.startswith(letters)


def _ename(e) -> str:
    """Folded canonical name; demonyms and country variants fold to the country ("British" = "UK"), customary
    names to what they stand for ("Pentagon" = "Defense Department")."""
    from ..normalize.aliases import place_of

    name = e.canonical or e.text
    place = place_of(e.text.strip(" .")) or place_of(e.text.strip(" .") + ".") or place_of(name) \
        or _customary(e.text.strip(" .")) or _customary(name)
    return re.sub(r"[^\w]", "", (place[0] if place else name).casefold())


def _customary(name: str) -> tuple[str, str] | None:
    """The name an institution's customary second name stands for (acronyms are left to _acronym_of)."""
    from ..normalize.aliases import expand

    found = expand(name)
    return found if found and found[1] in ("customary name", "department name") else None


def _mentioned(name: str, claim: Claim) -> bool:
    """The other claim names it too: same name, a distinctive word of it (surname), or a near spelling."""
    from rapidfuzz import fuzz

    text = claim.clause or claim.text
    flat = re.sub(r"[^\w]", "", text.casefold())
    if name in flat or any(name in _ename(e) or _ename(e) in name for e in claim.entities if _ename(e)):
        return True
    return any(fuzz.ratio(name, _ename(e)) >= 80 for e in claim.entities)


def _name_words_shared(entity, claim: Claim) -> bool:
    """A distinctive word of the name (a surname) appears in the other claim, allowing for a misspelling."""
    from rapidfuzz import fuzz

    words = set(tokens(claim.clause or claim.text))
    head = re.split(r"\s+of\s+", entity.text)[0]
    mine = [w for w in tokens(head)[-1:] if len(w) >= 4 and w not in STOPWORDS]
    return any(w in words or any(fuzz.ratio(w, o) >= 85 for o in words if abs(len(o) - len(w)) <= 2) for w in mine)


def _without(claim: Claim, *entities) -> str:
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    for entity in sorted(entities, key=lambda e: -e.start):
        s, e = entity.start - base, entity.end - base
        text = text[:max(s, 0)] + " " + text[max(e, 0):]
    return text


_NEG_CUE = re.compile(
    r"(?<![\w-])(?:not|never|no|nobody|nothing|none|neither|nor|without|cannot|(?:has|have|had) yet to|"
    r"unless|rarely|seldom|hardly|scarcely|un(?:harmed|hurt|injured|scathed)|"
    r"failure(?:\s*,[^,.;]{1,40},)? to|"
    r"den(?:y|ies|ied|ying|ial)|refus(?:e|es|ed|ing|al)|reject(?:s|ed|ing)?|"
    r"declin(?:e|es|ed|ing)(?:\s*,[^,.;]{1,40},)? to(?!\s*[$€£\d])|"  # "declined , through a spokesman , to"
    r"fail(?:s|ed|ing)?(?:\s*,[^,.;]{1,40},)? to|declin(?:e|es|ed|ing)(?= comment)|"
    r"\w+n\s?(?:[’']\s?|â[\x80-\x9f]*\s?)t|"  # "didn't", "hadn ’ t", and "didn â\x80\x99 t" (a lost encoding)
    r"(?:do|does|did|is|was|are|were|has|have|had|ca|wo|could|would|should|must)nt)"
    r"(?![\w-])", re.I)  # "dont", "isnt": apostrophes dropped
_NOT_NEGATION = re.compile(r"\b(?:not (?:only|just|least|far|long|until|surprisingly)|"
                           r"no (?:doubt|matter|less|more|longer than)|"
                           r"nothing but|\w+n\s?(?:[’']\s?)?t until)\b|\bno\.?\s*\d"  # "No. 84" is a number
                           # "has not seen such a protest since 1989": the first such thing since, not a denial
                           r"|(?:\b(?:not|never)|\w+n\s?(?:[’']\s?)?t)\s+(?:been\s+|yet\s+)?(?:seen|witnessed|experienced|"
                           r"recorded|had)\b(?=[^.;]{0,80}\bsince\b)"
                           # "the Do Not Call list", "the No Child Left Behind act": a name, not a negation
                           r"|(?<=[A-Z]\w )(?-i:Not)(?= [A-Z])|(?<=\w )(?-i:No|Not|Never|Nothing)(?= [A-Z][a-z])"
                           r"|^(?-i:No|Not|Never)(?= [A-Z][a-z]+ [A-Z][a-z])", re.I)
_NEG_SKIP = {"be", "been", "being", "to", "have", "has", "had", "also", "yet", "ever", "even", "so", "too", "as", "a",
             "an", "the", "is", "was", "are", "were", "do", "does", "did", "it", "he", "she", "they", "we", "i",
             "you", "any", "all", "really", "always", "immediately", "formally", "just", "longer", "more", "of", "in"}
# Verbs whose meanings exclude each other: one side confirming what the other denies.
ANTONYMS = (("confirm", "deni"), ("confirm", "deny"), ("admit", "deni"), ("accept", "rejec"), ("approv", "rejec"),
            ("won", "lost"), ("win", "lose"), ("acquit", "convic"), ("allow", "forbi"), ("allow", "ban"))
NEG_SCOPE = 4  # words after a cue where its head is looked for
NEG_REACH = 8  # words after a cue that it governs (up to the next punctuation)
FLIP_OVERLAP = 0.35  # content shared for a word negated on one side only to contradict the other
POLARITY_OVERLAP = 0.4  # content shared for a negation only one side has to contradict the other


def _share(ca: set[str], cb: set[str]) -> float:
    return len(ca & cb) / max(min(len(ca), len(cb)), 1)


_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b", re.I)


def _cue_words(claim: Claim) -> list[str]:
    """The negation cues of the claim's clause, folded, in order ("not", "none", "didn't" -> "n't")."""
    text = claim.clause or claim.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    cues = [m.group(0).casefold() for m in _NEG_CUE.finditer(text) if not any(a <= m.start() < b for a, b in skip)]
    return ["n't" if re.search(r"n\s?(?:[’']\s?|â[\x80-\x9f]*\s?)?t$", c) and c not in ("not",) else c for c in cues]


def _negation_spans(claim: Claim) -> list[tuple[int, str, int, bool]]:
    """(word index, head stem, number of words governed, inside a relative clause) per negation cue of the claim's
    clause; the head is the first content word after the cue, before any punctuation."""
    text = claim.clause or claim.text
    spans = [m.span() for m in _NOT_NEGATION.finditer(text)]
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
    out = []
    for m in _NEG_CUE.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        index = sum(1 for start, _ in words if start < m.end())
        stop = re.search(r"[,;:.!?()\"]", text[m.end():])
        limit = m.end() + stop.start() if stop else len(text)
        scope = [w for start, w in words[index:index + NEG_REACH] if start < limit]
        head = next((w.casefold() for w in scope[:NEG_SCOPE]
                     if w.casefold() not in _NEG_SKIP and not any(c.isdigit() for c in w)), "")
        opening = max(text.rfind(p, 0, m.start()) for p in ",;:(\"")
        relative = bool(_RELATIVE.search(text[opening + 1:m.start()]))
        out.append((index, _stem(head) if head else "", len(scope), relative))
    return out


def _free_stems(claim: Claim, spans: list[tuple[int, str, int, bool]]) -> set[str]:
    """Stems of the words of the clause that no negation cue governs (hyphenated words also by their parts);
    ``spans`` are the claim's ``_negation_spans``."""
    words = tokens(claim.clause or claim.text)
    governed = {i for index, _, reach, _ in spans for i in range(index, index + reach)}
    free = [w for i, w in enumerate(words) if i not in governed and w not in STOPWORDS]
    return {_stem(w) for w in free} | {_stem(p) for w in free if "-" in w for p in w.split("-") if p}


_UNSURE = {"know", "sure"}


def _unsure(spans: list, other: Claim) -> bool:
    """The side's only negations say the speaker does not know or is not sure ("I don 't know", "not sure whether")
    and the other side does not say he knows or is sure: an admission of doubt denies nothing the other states."""
    words = {w.casefold() for w in re.findall(r"[A-Za-z]+", other.text)}
    return bool(spans) and all(h.casefold() in _UNSURE for _, h, _, _ in spans) \
        and not any(h.casefold() in words or h.casefold() + "s" in words for _, h, _, _ in spans)


def polarity_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Negation added or removed: a negated word of one side stated plainly by the other, or a negation only one
    side has, in claims that share most of their content; or antonym verbs (confirmed / denied). Modality ("may",
    "could") is not polarity. What is said is compared, not the wire dateline ("WASHINGTON (Reuters) -") nor the
    description of who said it ("Bill Frist , a Tennessee Republican , said")."""
    ca, cb = _polarity_content(a), _polarity_content(b)
    if not ca or not cb or _share(ca, cb) < FLIP_OVERLAP:
        return []
    if _cue_words(a) == _cue_words(b) and _cue_words(a):
        return []  # the same negations on both sides ("none of them opposed" / "none of the ministers opposed")
    if _denial_matches_negation(a, b):
        return []  # "Smith denied the charges" / "Smith said the charges were not true": both deny it
    if _conditional_negation(a, b) or _litotes(a, b) or _litotes(b, a):
        return []  # "if the subsidies are not repealed" / "unless the subsidies are repealed"; "not difficult" / "easy"
    if _negative_wording(a, b) or _negative_wording(b, a):
        return []  # "get the provision removed from the bill" / "see that the provision was not in the bill"
    if _attempt_and_failure(a, b) or _attempt_and_failure(b, a):
        return []  # "it tries to stay above 75 cents" / "it failed to stay above 75 cents": no outcome vs an outcome
    spans_a, spans_b = _negation_spans(a), _negation_spans(b)
    if _unsure(spans_a, b) and not spans_b or _unsure(spans_b, a) and not spans_a:
        return []  # "I don 't know , but we will see" / "we 'll see": doubt, not a denial
    na, nb = [(i, h) for i, h, _, _ in spans_a], [(i, h) for i, h, _, _ in spans_b]
    fa, fb = _free_stems(a, spans_a), _free_stems(b, spans_b)
    va, vb = (_verbal(c, n) for c, n in ((a, na), (b, nb))) if NOMINAL_FLIP else (na, nb)
    flipped = _flipped(va, nb, fb) or _flipped(vb, na, fa) or _denial_negated(a, b) or _denial_negated(b, a)
    main_a = [n for n in spans_a if not n[3]]
    main_b = [n for n in spans_b if not n[3]]
    added = bool(main_a) != bool(main_b) and bool(na) != bool(nb) and _share(ca, cb) >= POLARITY_OVERLAP \
        and not (NOMINAL_VETO and _nominal_only(a if na else b)) \
        and (_scope_shared(a, main_a, b) if main_a else _scope_shared(b, main_b, a))
    if not flipped and not added and not _antonyms(fa, fb):
        return []
    what = f"'{flipped}' negated on one side only" if flipped else ""
    explanation = (f"{source_name(a)} {'denies' if na else 'states'} it, "
                   f"{source_name(b)} {'denies' if nb else 'states'} it" + (f" ({what})" if what else ""))
    return [Conflict("polarity", side(a, _polarity(a, na)), side(b, _polarity(b, nb)), explanation)]


_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:\s*,\s*[A-Z][\w]*\s*\.?)*)\s*"
                       r"(?:\(\s*[\w .&-]{2,30}\)\s*)?(?:-+|—|â\S*)\s+")
# "Bill Frist , a Tennessee Republican , said": who said it, described
_SPEAKER_APPOSITION = re.compile(
    r",\s*(?:an?|the|who|its|his|her|their)\s[^,;\"]{1,80},\s*(?=(?:said|says|told|added|stated|wrote)\b)", re.I)


_FAILED_TO = re.compile(r"\bfail(?:s|ed|ing)?\s+to\s+(\w+)", re.I)
_ATTEMPT_TO = re.compile(r"\b(?:tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|seek(?:s|ing)?|sought|aim(?:s|ed|ing)?|"
                         r"struggl(?:e|es|ed|ing)|striv(?:e|es|ing)|strove)\s+to\s+(\w+)", re.I)


def _attempt_and_failure(neg: Claim, pos: Claim) -> bool:
    """One side says an attempt failed ("failed to stay"), the other only that it was attempted ("tries to stay"):
    an attempt states no outcome, so the failure does not contradict it."""
    failed = {_stem(m.group(1)) for m in _FAILED_TO.finditer(_clause(neg))}
    tried = {_stem(m.group(1)) for m in _ATTEMPT_TO.finditer(_clause(pos))}
    return bool(failed & tried) and not _FAILED_TO.search(_clause(pos))


def _statement(claim: Claim) -> str:
    """The clause without what is not said content: a wire dateline ("WASHINGTON (Reuters) -", "SAN JOSE ,
    Calif . -") and the apposition that describes the speaker ("Bill Frist , a Tennessee Republican , said")."""
    text = _DATELINE.sub("", claim.clause or claim.text, count=1)
    return _SPEAKER_APPOSITION.sub(" ", text)


def _polarity_content(claim: Claim) -> set[str]:
    """Content words of what is said, all-caps abbreviations kept and their dots dropped ("U.S." = "US", which the
    stop list would drop as the pronoun "us")."""
    text = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group(0).replace(".", ""), _statement(claim))
    words = _content(text) | {w.casefold() for w in re.findall(r"\b[A-Z]{2,}\b", text)}
    return {w for w in words if not _NEG_CUE.fullmatch(w)}  # the negation is compared apart, not as content


def _scope_shared(claim: Claim, spans: list[tuple[int, str, int, bool]], other: Claim) -> bool:
    """Some negation of the claim stands in a clause that shares a content word (or a figure) with the other
    claim: "..., but he didn 't show up" adds a statement about showing up the other never made, it does not deny
    the other's. The clause of a negation runs between punctuation marks (quotation marks and the points of
    figures and initials do not end it)."""
    text = claim.clause or claim.text
    theirs = {_stem(w) for w in _polarity_words(other.clause or other.text)}
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    marks = [m.start() for m in _SCOPE_STOP.finditer(text)]
    for m in _NEG_CUE.finditer(text):
        if any(x <= m.start() < y for x, y in skip):
            continue
        begin = max((i + 1 for i in marks if i < m.start()), default=0)
        end = min((i for i in marks if i >= m.end()), default=len(text))
        if not [w for w in tokens(text[begin:m.start()]) if w not in _AUXILIARIES and w not in _ADVERBS
                and w not in ("and", "but", "or", "that")]:
            begin = 0  # "The Russell 2000 index , which tracks ... , was not up": the subject lies further back
        frame = list(re.finditer(r"\b(?:said|says|say|told|tells|added|stated|according to)\b",
                                 text[begin:m.start()], re.I))
        if frame:
            begin += frame[-1].end()  # "King said he didn 't want ...": who said it is not what is denied
        after = [w for w in tokens(text[m.end():end]) if w not in _NEG_SKIP]
        if after and _stem(after[0]) in _REPORTING:
            begin, end = 0, len(text)  # "..., the former mayor has not said": what is said is the whole claim
        words = _polarity_words(text[begin:m.start()] + " " + text[m.end():end])
        if any(_stem(w) in theirs for w in words if w not in _NEG_SKIP):
            return True
    return False


_REPORTING = {_stem(w) for w in ("said", "say", "says", "told", "stated", "announced", "acknowledged", "confirmed",
                                  "disclosed", "reported", "admitted", "revealed", "claimed")}
_SCOPE_STOP = re.compile(r"[,;:!?()]|(?<!\b[A-Z])\.(?!\w)")


def _polarity_words(text: str) -> list[str]:
    """Content words and figures, hyphenated words also by their parts, dots of abbreviations dropped ("U.S." =
    "US", kept although the stop list drops the pronoun "us")."""
    text = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)
    out = []
    for w in tokens(text):
        if w in STOPWORDS and not re.search(rf"\b{re.escape(w.upper())}\b", text):
            continue
        out.append(w)
        out += [p for p in w.split("-") if p and "-" in w]
    return out


_DENIAL = re.compile(r"^(?:den(?:y|ies|ied|ying|ial)|refus(?:e|es|ed|ing|al)|reject(?:s|ed|ing)?)$", re.I)


def _denial_matches_negation(a: Claim, b: Claim) -> bool:
    """One side denies with a verb ("denied", "rejected", "refused"), the other negates once with "not" or an
    alike cue: "X denied Y" and "X said not Y" are one polarity. Each side has a single negation, so a denial
    negated again ("did not deny") still differs."""
    ca, cb = _cue_words(a), _cue_words(b)
    if len(ca) != 1 or len(cb) != 1:
        return False
    da, db = bool(_DENIAL.match(ca[0])), bool(_DENIAL.match(cb[0]))
    return da != db and (cb[0] if da else ca[0]) not in _NOMINAL_CUES


# Words that state an absence without a negation cue: "removed from" is "not in", "missing" is "not meeting".
_NEGATIVE_WORD = re.compile(
    r"^(?:remov(?:e|es|ed|ing|al)|miss(?:es|ed|ing)|ban(?:s|ned|ning)?|barr(?:ed|ing)|declin(?:e|es|ed|ing)|"
    r"lack(?:s|ed|ing)?|absen(?:t|ce)|exclud(?:e|es|ed|ing)|omit(?:s|ted|ting)?|unable|ineligible)$", re.I)
# A negated negative states the positive: "have not ruled out the possibility" is "hold out the possibility".
_DOUBLE_NEGATIVE = re.compile(r"^(?:rul(?:e|es|ed|ing)(?= out)|den(?:y|ies|ied)|reject(?:s|ed)?|"
                              r"exclud(?:e|es|ed)|dismiss(?:es|ed)?)\b", re.I)
NEGATIVE_WINDOW = 5  # words after a negative word that it bears on
_ADVERBS = {"also", "yet", "ever", "even", "so", "too", "really", "always", "immediately", "formally", "just",
            "longer", "only", "still", "then", "now", "be", "been", "being"}


def _negative_wording(neg: Claim, pos: Claim) -> bool:
    """The claim with no negation cue says the same negative in other words ("get the provision removed from the
    final bill" / "see that the provision was not in the final bill", "had declined requests for an interview" /
    "did not respond to requests for an interview", "missing the employment targets" / "failing to meet
    employment targets"): a negative word of ``pos`` that ``neg`` does not use bears on a word the negation of
    ``neg`` governs, whose negated verb ``pos`` does not use either. Or each negation of ``neg`` negates a
    negative ("have not ruled out the possibility"), stating the positive ``pos`` states in its own words."""
    if _cue_words(pos) or not _cue_words(neg):
        return False
    text = neg.clause or neg.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    marks = [m.start() for m in _SCOPE_STOP.finditer(text)]
    words, mine = tokens(pos.clause or pos.text), {_stem(w) for w in tokens(text)}
    theirs = {_stem(w) for w in words}
    near = set()
    for i, w in enumerate(words):
        if _NEGATIVE_WORD.match(w) and _stem(w) not in mine:
            near |= {_stem(x) for x in words[i + 1:i + 1 + NEGATIVE_WINDOW] if x not in STOPWORDS}
    double = []
    for m in _NEG_CUE.finditer(text):
        if any(x <= m.start() < y for x, y in skip):
            continue
        end = min((i for i in marks if i >= m.end()), default=len(text))
        rest = text[m.end():end]
        governed = [w for w in tokens(rest) if w not in _NEG_SKIP]
        head = next((w for w in tokens(rest) if w not in _AUXILIARIES and w not in _ADVERBS), "")
        double.append(bool(_DOUBLE_NEGATIVE.match(re.sub(r"^(?:\s*\b(?:%s)\b)*\s*" % "|".join(_NEG_SKIP), "", rest)))
                      and _stem(head) not in theirs and not near)
        if head and (head in STOPWORDS or _stem(head) not in theirs) and not _NEGATIVE_WORD.match(head) \
                and any(_stem(w) in near for w in governed if w not in STOPWORDS and w != head):
            return True
    return bool(double) and all(double)


def _denial_negated(a: Claim, b: Claim) -> str:
    """ "did not deny the charges" / "denied the charges": the denial ``b`` states, ``a`` negates."""
    text = a.clause or a.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    for m in _NEG_CUE.finditer(text):
        if any(x <= m.start() < y for x, y in skip) or _DENIAL.match(m.group(0)):
            continue
        head = next((w for w in tokens(text[m.end():]) if w not in _AUXILIARIES and w not in _ADVERBS), "")
        if _DENIAL.match(head) and any(_DENIAL.match(c) for c in _cue_words(b)) \
                and not any(_DENIAL.match(c) for c in _cue_words(a) if c != head):
            return head
    return ""


def _conditional_negation(a: Claim, b: Claim) -> bool:
    """ "unless X" is "if not X": one side's only negation is "unless", the other's only one a "not" in an "if"
    clause."""
    ca, cb = _cue_words(a), _cue_words(b)
    if len(ca) != 1 or len(cb) != 1 or (ca[0] == "unless") == (cb[0] == "unless"):
        return False
    other = b if ca[0] == "unless" else a
    text = other.clause or other.text
    m = next(m for m in _NEG_CUE.finditer(text) if m.group(0).casefold() == (cb if other is b else ca)[0]
             or _cue_words(other) == ["n't"])
    opening = max([text.rfind(p, 0, m.start()) for p in ",;:("] + [-1])
    return bool(re.search(r"\bif\b", text[opening + 1:m.start()], re.I))


# Adjectives whose negation is the other ("not difficult" is "easy"): a litotes, not a contradiction.
_OPPOSITES = (("difficult", "easy"), ("hard", "easy"), ("easy", "difficult"), ("easy", "hard"),
              ("unusual", "common"), ("uncommon", "common"), ("common", "rare"), ("likely", "unlikely"),
              ("unlikely", "likely"), ("possible", "impossible"), ("enough", "insufficient"),
              ("clear", "unclear"), ("legal", "illegal"), ("new", "old"), ("good", "bad"), ("bad", "good"))


def _litotes(neg: Claim, pos: Claim) -> bool:
    """Every negation of ``neg`` negates an adjective whose opposite ``pos`` states, and ``pos`` has no negation."""
    text = neg.clause or neg.text
    if _cue_words(pos) or not _cue_words(neg):
        return False
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    theirs = set(tokens(pos.clause or pos.text))
    heads = [next((w for w in tokens(text[m.end():]) if w not in _AUXILIARIES and w not in _ADVERBS), "")
             for m in _NEG_CUE.finditer(text) if not any(x <= m.start() < y for x, y in skip)]
    return bool(heads) and all(any(h == x and y in theirs and x not in theirs for x, y in _OPPOSITES)
                               for h in heads)


_NOMINAL_CUES = {"no", "none", "nothing", "nobody", "without", "neither", "nor"}
NOMINAL_VETO = True  # a negation only one side has counts only when it denies the statement, not a thing
NOMINAL_FLIP = True  # a word negated on one side only counts only when a verbal negation governs it


def _verbal(claim: Claim, negs: list) -> list:
    """The negations (index, head) among ``negs`` (the claim's, in order) whose cue is not a nominal one: "no
    shares of PalmSource" denies a thing, "was not ejected" the statement."""
    text = claim.clause or claim.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    cues = [m.group(0).casefold() for m in _NEG_CUE.finditer(text) if not any(x <= m.start() < y for x, y in skip)]
    return [n for n, cue in zip(negs, cues) if cue not in _NOMINAL_CUES]


_AUXILIARIES = {"is", "was", "are", "were", "be", "been", "am", "do", "does", "did", "has", "have", "had", "will",
                "would", "can", "could", "shall", "should", "may", "might", "must", "to", "cannot", "'s", "’s"}
BARE_NOT = True  # a "not" after no auxiliary ("a binder not related to it") modifies a thing


def _nominal_only(claim: Claim) -> bool:
    """Every negation of the clause denies a thing, not the statement ("no details", "without its plates",
    "none seriously", "a binder not related to the investigation", "though not required"): a detail one side
    adds, not the statement denied."""
    text = claim.clause or claim.text
    skip = [m.span() for m in _NOT_NEGATION.finditer(text)]
    cues = [m for m in _NEG_CUE.finditer(text) if not any(x <= m.start() < y for x, y in skip)]
    return bool(cues) and all(m.group(0).casefold() in _NOMINAL_CUES or BARE_NOT and _bare_not(text, m)
                              for m in cues)


def _bare_not(text: str, m) -> bool:
    """A "not" that follows no auxiliary or modal verb (nor starts the clause)."""
    if m.group(0).casefold() != "not":
        return False
    before = _WORD.findall(text[:m.start()])
    return bool(before) and before[-1].casefold() not in _AUXILIARIES


def _flipped(negs: list, other_negs: list, other_free: set[str]) -> str:
    """A word one side negates that the other states without negation."""
    negated_there = {h for _, h in other_negs}
    return next((h for _, h in negs if h and h in other_free and h not in negated_there), "")


def _antonyms(fa: set[str], fb: set[str]) -> bool:
    has = lambda stems, root: any(s.startswith(root) for s in stems)
    return any(has(fa, x) and has(fb, y) and not has(fb, x) and not has(fa, y) or
               has(fa, y) and has(fb, x) and not has(fb, y) and not has(fa, x) for x, y in ANTONYMS)


def _polarity(claim: Claim, negs: list) -> str:
    return f"negative: {_clause(claim)}" if negs else f"positive: {_clause(claim)}"


def _clause(claim: Claim) -> str:
    return claim.clause or claim.text


RULES = (number_conflicts, date_conflicts, age_conflicts, entity_conflicts, polarity_conflicts)


_STAMP = re.compile(r"\b(?:last\s+)?(?:updated|published|posted)\s*(?:at|on)?\s*:?\s*\d", re.I)


def page_stamp(claim: Claim) -> bool:
    """A dateline of the page, not a statement: "21 July 2013 Last updated at 11: 11 GMT", "Monday, Sep 10, 2012 |
    Updated 9: 01 AM EDT" (each outlet's own time of publishing)."""
    return len(claim.text.split()) <= 14 and bool(_STAMP.search(claim.text))


def conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """Every disagreement between two aligned claims (empty when they agree)."""
    if page_stamp(a) or page_stamp(b):
        return []
    found: list[Conflict] = []
    for rule in RULES:
        found.extend(rule(a, b))
    return found
