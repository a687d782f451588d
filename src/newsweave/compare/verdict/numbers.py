"""Number conflicts: quantities compared as intervals with their qualifiers ("at least 40", "about 40" and "more
than 40" are compatible; 30 and 43 are not), units converted, rounding allowed, and figures about different
things (a change vs a level, a part vs the whole, contrasted groups) kept apart.
"""
from __future__ import annotations

import re

from ...models import Claim, Conflict, Quantity
from ...normalize.quantities import MEASURES, MONEY
from ...normalize.words import tokens
from .common import align_slots, clause_offset, content_words, label_family, make_conflict, share_a_stem


ABOUT_TOLERANCE = 0.1
# How far a one-sided figure reaches when compared with a stated figure: "more than 2,100" is not "3,152", nor
# "as many as 200" a mere "50" (a bound in the news sits near the true figure).
BOUND_REACH = 1.5
CONVERSION_SHARE = 0.05  # a figure converted to another unit ("48 km" / "30 miles") is rounded, often to 2-5%
ROUNDING_SHARE = 0.12  # a rounded figure stays within 12% of the precise one ("3 %" for 2.7 percent)


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
        cx, cy = content_words(x.counted), content_words(y.counted)
        return bool(cx & cy) or share_a_stem(cx, cy)
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
    return [make_conflict("number", a, x.text, b, y.text, _what_counted(x, y)) for x, y in pairs]


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
            places = [e for e in y.entities if label_family(e.label) == "place" and e.label != "NORP"
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
    wx, wy = content_words(cx), content_words(cy)
    one = lambda ws: {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in ws}  # "pages" / "22-page"
    if not wx or not wy or wx & wy or share_a_stem(wx, wy) or one(wx) & one(wy):
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
    return text[max(q.end - clause_offset(claim), 0):][:60]


def _before(claim: Claim, q: Quantity) -> list[str]:
    """The words before the figure, nearest first (those of its own text included: "from $ 2,500")."""
    from itertools import takewhile

    from ...normalize.words import CARDINAL_WORDS

    text = claim.clause or claim.text
    lead = takewhile(lambda w: not any(c.isdigit() for c in w) and w.split("-")[0] not in CARDINAL_WORDS,
                     tokens(q.text))
    return (tokens(text[:max(q.start - clause_offset(claim), 0)]) + list(lead))[::-1]


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
    """ "the other two unions", "his first 11 seasons": a part of a whole the other figure may count."""
    return _before(claim, q)[:1] in (["other"], ["first"])


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
    text, base = claim.clause or claim.text, clause_offset(claim)
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
            or text[q.end - clause_offset(claim):q.end - clause_offset(claim) + 1] == "-":
        return False  # "on the 31-year note": a compound adjective names a thing, it frames nothing
    return bool(_FRAME.search(text[:max(q.start - clause_offset(claim), 0)]))


def _what_counted(x: Quantity, y: Quantity) -> str:
    """What both figures count, when their following words say so ("people"), else nothing."""
    shared = content_words(x.counted) & content_words(y.counted)
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
