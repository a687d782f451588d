"""Quantities: numbers with a qualifier, a unit and what they count.

Rule-based (regular expressions plus a small number-word parser); number-parser and quantulum3 were not
needed: the patterns below cover news counts and run in well under a millisecond per article.

Each quantity is an interval ``[low, high]`` (inclusive, None = unbounded):

=================  ==================================================  ===========================
qualifier          cues                                                low / high
=================  ==================================================  ===========================
exact              a bare number                                       v / v
at_least           at least, no fewer/less than, a minimum of          v / None
more_than          more than, over, upwards of, in excess of           v / None  (strict)
about              about, around, approximately, some, roughly,        v / v  (tolerance is applied
                   an estimated, nearly, almost, close to              by intervals.quantities_compatible)
up_to              up to, as many as, as much as, no more than         None / v
less_than          less than, fewer than, under, below                 None / v  (strict)
range              between X and Y, from X to Y, X-Y, X to Y           X / Y
dozens, scores     "dozens of"                                         24 / 99
hundreds           "hundreds of"                                       200 / 999
thousands          "thousands of" (likewise tens/hundreds of           2,000 / 9,999
                   thousands, millions, billions)
=================  ==================================================  ===========================

The plural approximations ("dozens", "hundreds", ...) are bounded on both sides: at least two of the unit and
fewer than the next order of magnitude, so "dozens of troops" conflicts with "11,000 troops".

Not reported (left to other extractors): years, dates and clock times (anything inside a span of
``times.extract_times``), ages ("was 19", "25 years old", inside ``ages.age_spans``), "No. 84"-style
numbers, ordinals, numbers glued to words ("F-16", "COVID-19"), and a bare "one".
"""
from __future__ import annotations

import re
from typing import Sequence

from ..models import Quantity, Sentence
from .words import CARDINAL_WORDS

UNITS = {"zero": 0, **CARDINAL_WORDS}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "dozen": 12}
QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "a minimum of": "at_least", "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "greater than": "more_than", "just over": "more_than", "about": "about",
    "around": "about", "approximately": "about", "approx.": "about", "some": "about", "roughly": "about",
    "an estimated": "about", "estimated": "about", "nearly": "about", "almost": "about", "close to": "about",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "no more than": "up_to",
    "less than": "less_than", "fewer than": "less_than", "under": "less_than", "below": "less_than",
    "just under": "less_than", "between": "range", "from": "range",
}
APPROX = {
    "dozens": ("dozens", 24, 99), "scores": ("scores", 40, 99), "hundreds": ("hundreds", 200, 999),
    "thousands": ("thousands", 2_000, 9_999), "tens of thousands": ("tens_of_thousands", 20_000, 99_999),
    "hundreds of thousands": ("hundreds_of_thousands", 200_000, 999_999),
    "millions": ("millions", 2_000_000, 999_999_999), "billions": ("billions", 2e9, 999e9),
}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "$us": "USD", "usd": "USD", "a$": "AUD", "$a": "AUD", "c$": "CAD",
                    "nz$": "NZD", "hk$": "HKD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
                    "¥": "JPY", "₴": "UAH", "uah": "UAH", "rub": "RUB", "₽": "RUB"}
UNIT_WORDS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "percentage points": "percentage_points",
    "dollars": "USD", "dollar": "USD", "usd": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "hryvnias": "UAH",
    "hryvnia": "UAH", "hryvnias'": "UAH", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "yen": "JPY",
    "hours": "hours", "hour": "hours", "minutes": "minutes", "minute": "minutes", "seconds": "seconds",
    "days": "days", "day": "days", "weeks": "weeks", "week": "weeks", "months": "months", "month": "months",
    "years": "years", "year": "years", "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km",
    "kilometer": "km", "miles": "miles", "mile": "miles", "metres": "m", "meters": "m", "metre": "m",
    "meter": "m", "kg": "kg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "kilo": "kg", "tonnes": "tonnes", "tons": "tonnes", "acres": "acres",
    "hectares": "hectares", "square kilometres": "km2", "square kilometers": "km2", "square miles": "sq_miles",
    # measures that other outlets give in another unit ("193 km/h" / "120 mph"): see MEASURES
    "km/h": "km/h", "kmh": "km/h", "kph": "km/h", "km/hr": "km/h", "kilometres per hour": "km/h",
    "kilometers per hour": "km/h", "km per hour": "km/h", "mph": "mph", "miles per hour": "mph", "miles an hour": "mph",
    "knots": "knots", "feet": "feet", "foot": "feet", "ft": "feet", "inches": "inches", "inch": "inches",
    "yards": "yards", "cm": "cm", "centimetres": "cm", "centimeters": "cm", "mm": "mm", "millimetres": "mm",
    "millimeters": "mm", "nautical miles": "nautical_miles", "sq km": "km2", "sq mi": "sq_miles",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2", "sq m": "m2",
    "square feet": "sq_ft", "square foot": "sq_ft", "sq ft": "sq_ft", "lbs": "lb", "lb": "lb", "ounces": "oz",
    "grams": "g", "metric tons": "tonnes", "litres": "litres", "liters": "litres", "gallons": "gallons",
    "°c": "celsius", "°f": "fahrenheit", "degrees celsius": "celsius", "degrees fahrenheit": "fahrenheit",
    "degrees c": "celsius", "degrees f": "fahrenheit", "celsius": "celsius", "fahrenheit": "fahrenheit",
}
# Units written straight after the figure ("48km", "193km / h", "40°C"); "m" is left out ("$5m" is money).
GLUED_UNITS = ("km/h", "km/hr", "kmh", "kph", "mph", "km", "kg", "cm", "mm", "ft", "lbs", "lb", "°c", "°f")
# Hyphenated adjectives ("a 200-pound man", "a 15,800-square-metre building"): the unit they name.
HYPHEN_UNITS = {"pound": "lb", "square-metre": "m2", "square-meter": "m2", "square-foot": "sq_ft",
                "square-feet": "sq_ft", "square-mile": "sq_miles", "square-kilometre": "km2",
                "square-kilometer": "km2", "mile": "miles", "kilometre": "km", "kilometer": "km", "metre": "m",
                "meter": "m", "foot": "feet", "inch": "inches", "acre": "acres", "ton": "tonnes", "tonne": "tonnes"}
# unit -> (dimension, factor, offset): the figure in the dimension's base unit is figure * factor + offset.
MEASURES = {
    "km": ("length", 1000, 0), "m": ("length", 1, 0), "cm": ("length", 0.01, 0), "mm": ("length", 0.001, 0),
    "miles": ("length", 1609.344, 0), "feet": ("length", 0.3048, 0), "inches": ("length", 0.0254, 0),
    "yards": ("length", 0.9144, 0), "nautical_miles": ("length", 1852, 0),
    "km2": ("area", 1e6, 0), "m2": ("area", 1, 0), "sq_miles": ("area", 2_589_988.11, 0),
    "sq_ft": ("area", 0.09290304, 0), "acres": ("area", 4046.8564, 0), "hectares": ("area", 1e4, 0),
    "km/h": ("speed", 1, 0), "mph": ("speed", 1.609344, 0), "knots": ("speed", 1.852, 0),
    "kg": ("mass", 1, 0), "g": ("mass", 0.001, 0), "tonnes": ("mass", 1000, 0), "lb": ("mass", 0.45359237, 0),
    "oz": ("mass", 0.028349523, 0), "litres": ("volume", 1, 0), "gallons": ("volume", 3.785411784, 0),
    "celsius": ("temperature", 1, 0), "fahrenheit": ("temperature", 5 / 9, -160 / 9),
    "ft": ("length", 0.3048, 0), "t": ("mass", 1000, 0),  # as compare.claims.slots (the regex stand-in) names them
}
MONEY = {"USD", "EUR", "GBP", "JPY", "UAH", "RUB", "CNY", "AUD", "CAD", "NZD", "HKD"}

_WORD_ATOM = "|".join(sorted(UNITS, key=len, reverse=True))
_WORDNUM = (
    rf"(?:\b(?:{_WORD_ATOM})\b|\ba(?=[\s-]+(?:dozen|hundred|thousand|million|billion)\b))"
    rf"(?:[\s-]+(?:{_WORD_ATOM}|hundred|thousand|million|billion|dozen)\b)*"
    r"(?![-‑](?:thirds?|quarters?|fifths?|sixths?|tenths?|halves|half)\b)"  # fractions: "two-thirds"
)
# "80 937 hectares": thousands set apart by a space (SI style), before a unit of measure.
_MEASURE_WORDS = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(UNIT_WORDS, key=len, reverse=True)
                          if UNIT_WORDS[u] in MEASURES)
_SPACED = rf"(?<![\d,.] )\d{{1,3}}(?: \d{{3}})+(?=\s+(?:{_MEASURE_WORDS})\b)"
# "26, 000" (a tokeniser split the thousands): a group of three starting with 0 never stands alone as a count;
# "15, 800 - square - metre", "1, 500 kilometers": nor does one a word follows, outside a list of figures.
# "plunged 5. 4 per cent": a decimal point a tokeniser set apart, before a percentage.
_SPLIT_DECIMAL = r"\d{1,3}\. \d{1,2}(?=\s*(?:%|per\s*cent\b|percent\b))"
_DIGITS_BARE = (r"(?:" + _SPACED + "|" + _SPLIT_DECIMAL + r"|\d{1,3}(?:, 0\d\d)+(?![\d,]\d)|(?<!\d, )\d{1,3}(?:, \d{3})+(?=\s+(?:-\s+)?[a-z])"
                r"|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)(?!(?:st|nd|rd|th)\b)")
_DIGITS = r"(?:(?<![\w\-/.,:#])|(?<=\$US)|(?<=\$ US))" + _DIGITS_BARE
_NUMBER = rf"(?:{_DIGITS}|{_WORDNUM})"
_NUMBER2 = rf"(?:{_DIGITS_BARE}|{_WORDNUM})"  # second number of a range: may follow "-"
_SCALE = r"(?:[\s‑-]*(?:million|billion|trillion|thousand)\b|\s?bn\b)"
# "$19,710", "$ 19,710", "US$ 100", "US $100", "$US13.15" (Australian style), "A$5", "€5", "EUR 5"
_CUR = r"(?:(?<![A-Za-z])(?-i:US\s?\$|(?:A|C|NZ|HK)\$)|\$(?:\s?US(?=\s?\d))?|€|£|¥|₴|₽|(?:USD|EUR|GBP|UAH|RUB)(?=\s?\d))\s?"
_QUAL = "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True))
_UNIT = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(UNIT_WORDS, key=len, reverse=True))
_GLUED = "|".join(re.escape(u).replace("/", r"\s*/\s*").replace("°", r"[°º]\s?") for u in GLUED_UNITS)

_QUANTITY = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?P<cur>{_CUR})?(?P<num>{_NUMBER})(?P<scale>{_SCALE})?"
    rf"(?:(?P<sep>\s*[-–—]\s*|\s+to\s+|\s+and\s+)(?P<cur2>{_CUR})?(?P<num2>{_NUMBER2})(?P<scale2>{_SCALE})?)?"
    rf"(?:(?P<unit>\s*%|\s*(?:{_GLUED})\b|\s+(?:{_UNIT})\b))?",
    re.IGNORECASE,
)
_APPROX = re.compile(
    r"\b(?:(?P<qual>some|several|many)\s+)?"
    r"(?P<approx>(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?=\s+of\b)",
    re.IGNORECASE,
)
# every number match contains a digit or a number word: the big pattern only runs in windows around these
_ANCHOR = re.compile(rf"\d|\b(?:{_WORD_ATOM}|a(?=[\s-]+(?:dozen|hundred|thousand|million|billion)))\b", re.IGNORECASE)
_MAGNITUDE = re.compile(
    r"\bmagnitude(?:\s+of)?[\s-]*(?P<num>\d+(?:\.\d+)?)(?!\d)|(?<![\w.])(?P<num2>\d+(?:\.\d+)?)[\s-]*magnitude\b",
    re.IGNORECASE,
)
_NO_PREFIX = re.compile(r"(?:\bNo\.?|\bNos\.?|\bnumber|#|\bNr\.?|\bpage|\bp\.|\bvol\.?|\bart\.?|\barticle"
                        r"|\bchapter|\bsection|\bflight|\broute|\bresolution)\s*$", re.IGNORECASE)

_NAME_BEFORE = re.compile(r"(?:(?<=[\w,;] )|(?<![^\n])|(?<=[.!?] ))(?P<word>[A-Z][\w-]*)\s$")
_NOT_NAMES = frozenset("only just all nearly another almost some about".split())

STOP = set(
    "have has had been were was are is be being will would could should may might can must do did does "
    "who whom which that to in on at from by with for and or but as than since into during after before while "
    "when where said says say according including of a an the this these those their his her its our there "
    "here it they he she we i you per each not also already reportedly now so if because whose what whether "
    "about around more most less over under up down out off then".split()
)
AUX = set("have has had been were was are is be being already reportedly now also still all allegedly "
          "reported thought believed said to".split())
DETERMINERS = set("the his her their its our them these those whom which".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def parse_number(token: str) -> float | None:
    """Parse digits ("11,000", "1.5") or number words ("seventeen", "two hundred", "a dozen")."""
    t = token.strip().lower()
    if not t:
        return None
    if t[0].isdigit():
        try:
            return float(t.replace(", ", "").replace(",", "").replace(" ", ""))
        except ValueError:
            return None
    total = current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", t):
        if word in ("a", "an"):
            current = max(current, 1)
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in ("hundred", "dozen"):
            current = max(current, 1) * SCALES[word]
            seen = True
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
            seen = True
        elif word != "and":
            return None
    return total + current if seen else None


def _scaled(num: str, scale: str | None) -> float | None:
    value = parse_number(num)
    if value is None:
        return None
    if scale:
        value *= SCALES[re.sub(r"[^a-z]", "", scale.lower())]
    return int(value) if float(value).is_integer() else value


def _house_number(text: str, end: int) -> bool:
    from .times import _STREET

    return bool(_STREET.match(text, end))


def _shared_scale(m: re.Match) -> str | None:
    """The scale written once after a range ("$140-$150 million", "between 5 and 10 billion") applies to its low
    end too, when the low numeral is not above the high one ("500 to 2 million" keeps 500)."""
    if not m["scale2"]:
        return None
    low, high = parse_number(m["num"]), parse_number(m["num2"])
    return m["scale2"] if low is not None and high is not None and low <= high else None


def _masked(start: int, end: int, masks: bytearray) -> bool:
    return masks.find(1, start, end) >= 0


def currency(symbol: str) -> str:
    """ISO code of a currency prefix as written ("US $" -> USD, "$US" -> USD, "£" -> GBP)."""
    cur = re.sub(r"\s+", "", symbol or "").lower()
    return CURRENCY_SYMBOLS.get(cur, cur.upper()) if cur else ""


def _unit_of(m: re.Match) -> str:
    cur = currency(m["cur"] or m["cur2"] or "")
    if cur:
        return cur
    unit = unit_key(m["unit"] or "")
    found = UNIT_WORDS.get(unit, unit) if unit else ""
    return "lb" if found == "GBP" and _weighed(m.string, m.start(), m.end()) else found


def unit_key(written: str) -> str:
    """A unit as written, folded for UNIT_WORDS: "km / h" -> "km/h", "° C" -> "°c", "Square  feet" -> "square feet"."""
    folded = " ".join(written.lower().replace("º", "°").split())
    return re.sub(r"\s*/\s*", "/", re.sub(r"°\s+", "°", folded))


_WEIGHT_CUE = re.compile(r"\b(?:weigh\w*|weight|heavy|heavier|lighter|lost|gained|scales?)\b[^.;]{0,40}$", re.I)


def _weighed(text: str, start: int, end: int) -> bool:
    """ "pounds" as a weight, not sterling: after "weighs" / "weight", or "pounds of" something with no scale word
    ("2,000 pounds of explosives"; "5 million pounds of funding" stays money)."""
    if re.search(r"[£]|\b(?:million|billion|bn|thousand|sterling)\b", text[start:end + 10], re.I):
        return False
    return bool(_WEIGHT_CUE.search(text, max(0, start - 50), start)) or _of_follows(text, end)


def counted_phrase(text: str, pos: int) -> str:
    """The noun phrase counted by a number ending at ``pos`` ("North Korean troops", "killed or wounded")."""
    words = _words_after(text, pos, 8)
    if words and words[0].lower() == "of":
        words = words[1:]
        if words and words[0].lower() in DETERMINERS:
            words = words[1:]
    phrase: list[str] = []
    for w in words:
        low = w.lower()
        if low in STOP or (phrase and (low.endswith("ly") or low.endswith("ed"))):
            break
        phrase.append(w)
        if len(phrase) == 4 or _plural_head(w):
            break  # "North Korean troops | have been", "Americans | knew"
    if phrase:
        return " ".join(phrase)
    return _elided(words)


IRREGULAR_PLURALS = set("people men women children police personnel staff cattle sheep aircraft troops "
                        "militia crew".split())


def _plural_head(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def _elided(words: list[str]) -> str:
    """No noun after the number ("4,000 have been killed or wounded"): the participles that follow."""
    i = 0
    while i < len(words) and words[i].lower() in AUX:
        i += 1
    if i == 0:
        return ""
    out: list[str] = []
    for w in words[i:]:
        low = w.lower()
        if low in ("and", "or") and out:
            out.append(low)
        elif low.endswith(("ed", "en")) or low in ("dead", "missing", "held", "hurt"):
            out.append(w)
        else:
            break
    while out and out[-1] in ("and", "or"):
        out.pop()
    return " ".join(out)


def _words_after(text: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` words after ``pos``, stopping at punctuation (single spaces between words only)."""
    words: list[str] = []
    i = pos
    while len(words) < n:
        m = re.match(r"[ \t\u00a0]+", text[i:i + 8])
        if not m:
            break
        i += m.end()
        w = _WORD.match(text, i)
        if not w:
            break
        words.append(w.group())
        i = w.end()
    return words


def _qualifier(m: re.Match, ranged: bool) -> str:
    if ranged:
        return "range"
    q = " ".join((m["qual"] or "").lower().split())
    kind = QUALIFIERS.get(q, "exact")
    return "exact" if kind == "range" else kind


def _bounds(qualifier: str, low: float, high: float | None) -> tuple[float | None, float | None]:
    if qualifier in ("at_least", "more_than"):
        return low, None
    if qualifier in ("up_to", "less_than"):
        return None, low
    return low, (low if high is None else high)


# A change from one figure to another ("jumped from 29.4 to 32.6"): two values, not a range.
_CHANGE = re.compile(
    r"\b(?:ros[e]|rise[sn]?|rising|fell|fall(?:s|en|ing)?|jump(?:ed|s)?|climb(?:ed|s)?|increas(?:ed|es)|"
    r"decreas(?:ed|es)|dropp(?:ed)|drops?|declin(?:ed|es)|slipp(?:ed)|slips?|grew|grow(?:s|n)|rais(?:ed|es)|"
    r"lower(?:ed|s)|went|improv(?:ed|es)|dipp(?:ed)|dips?|surg(?:ed|es)|soar(?:ed|s)|plung(?:ed|es)|"
    r"tumbl(?:ed|es)|sank|edg(?:ed|es)|slid|shrank|expand(?:ed|s)|boost(?:ed|s)|reduc(?:ed|es)|cut|"
    r"chang(?:ed|es)|mov(?:ed|es)|revis(?:ed|es)|up|down)\b[^.;:]{0,40}$", re.IGNORECASE)
# A score or a vote ("ruled 5-4", "a 17-15 advantage", "voted 256 to 170"): two figures that belong together.
_SCORE_BEFORE = re.compile(r"\b(?:ratio|odds|vot(?:e|ed|es|ing)|rul(?:ed|ing)|won|wins?|beat|lost|los(?:es|ing)|lead(?:ing|s)?|"
                           r"led|trail(?:ing|ed|s)?|edge|advantage|scored?|record|margin|split|tied)\b\W*(?:\w+\W+)?$",
                           re.IGNORECASE)
_SCORE_AFTER = re.compile(r"\s*\)?\s*(?:\w+\s+)?(?:vote|victory|win|loss|defeat|decision|ruling|edge|advantage|lead|"
                          r"majority|margin|deficit|record|score|split|tie)\b", re.IGNORECASE)


def _from_match(text: str, m: re.Match, masks: bytearray) -> Quantity | tuple[Quantity, ...] | None:
    start = m.start("cur") if m["cur"] else m.start("num")
    start = m.start() if m["qual"] else start
    num_end = m.end("scale") if m["scale"] else m.end("num")
    if _masked(m.start("num"), num_end, masks):
        return None
    first = m.start("cur") if m["cur"] else m.start("num")
    prefix = _NO_PREFIX.search(text, max(0, first - 12), first)
    if prefix:
        return None if m["qual"] else _label(text, m, prefix.group(0))
    if re.fullmatch(r"0\d+", m["num"]):
        return None  # "MS13 - 008", "at 0900": a code or a clock, never a count written with a leading zero
    if not (m["qual"] or m["cur"] or m["scale"] or m["num2"] or m["unit"]) and _house_number(text, m.end("num")):
        return _label(text, m, "street")  # "2088 Philip Street": an address, compared by equality
    ranged = bool(m["num2"])
    plain = _scaled(m["num"], m["scale"])
    if plain is None:
        return None
    low = _scaled(m["num"], m["scale"] or _shared_scale(m)) if ranged else plain
    sep = (m["sep"] or "").strip().lower()
    qual_word = " ".join((m["qual"] or "").lower().split())
    if ranged and not _masked(m.start("num2"), m.end(), masks):
        score = _score(text, m, start, low, sep)
        if score is not None:
            return score
        if sep == "to" and qual_word in ("from", "by", "") and _CHANGE.search(text, max(0, start - 60), start):
            return _change(text, m, low)
    if ranged and (sep == "and") != (qual_word == "between") or ranged and _masked(m.start("num2"), m.end(), masks):
        return _single(text, m, start, num_end, plain, masks)
    high = _scaled(m["num2"], m["scale2"] or m["scale"]) if ranged else None
    if ranged and high is not None and high < low and sep == "to":
        return _change(text, m, low)  # "60 million to 45 million": two figures, not a range
    if ranged and (high is None or high < low):
        return _single(text, m, start, num_end, plain, masks)
    end = m.end()
    unit = _unit_of(m)
    half = None if ranged or unit or m["scale"] else _HALF.match(text, end)
    if half:  # "four and a half months"
        low, end = low + 0.5, half.end()
        scale = re.compile(_SCALE, re.I).match(text, end)
        if scale:  # "three and a half million"
            low, end = low * SCALES[re.sub(r"[^a-z]", "", scale.group(0).lower())], scale.end()
        after = _UNIT_AFTER.match(text, end)
        unit, end = (UNIT_WORDS.get(unit_key(after.group(0)), ""), after.end()) if after else ("", end)
    if m["num"].strip().lower() in ("one", "zero") and not (m["scale"] or unit or m["qual"] or ranged or half):
        return None
    qualifier = _qualifier(m, ranged)
    lo, hi = _bounds(qualifier, low, high)
    q = _quantity(text, start, end, lo, hi, qualifier, unit)
    verb_only = " " not in q.counted and q.counted.endswith("ed")
    name = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if name and _CALENDAR_WORD.match(name.group(0).strip()):
        name = None  # "on Tuesday 66": a day, not a name
    if name and name["word"].lower() in STOP | _NOT_NAMES:
        name = None  # a sentence opening "Only 5", "About 120": not a name
    if qualifier == "exact" and not (unit or ranged or m["qual"]) and (not q.counted or verb_only) and name:
        return _label(text, m, name.group(0))  # a number that names something: "Boeing 737", "Apollo 11"
    return q


_CALENDAR_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$|(?:January|February|March|April|May|June|July|"
                            r"August|September|October|November|December)$")


def _label(text: str, m: re.Match, prefix: str) -> Quantity | None:
    """A number that identifies rather than counts ("No. 2", "Flight 77", "Chapter 11", "Boeing 737"): kept with
    unit ``label:<prefix word>``, so that only the same kind of label is compared, and by equality."""
    if not m["num"][:1].isdigit() or m["scale"] or m["cur"]:
        return None
    word = re.sub(r"[^a-z]", "", prefix.lower().split()[-1] if prefix.split() else "")
    value = parse_number(m["num"])
    if not word or value is None:
        return None
    value = int(value) if float(value).is_integer() else value
    return Quantity(start=m.start("num"), end=m.end("num"), text=m["num"], low=value, high=value, qualifier="exact",
                    unit=f"label:{'no' if word in ('no', 'nos', 'nr', 'number') else word}")


def _score(text: str, m: re.Match, start: int, low: float, sep: str) -> Quantity | None:
    """ "5-4", "17-15", "256 to 170" after a vote or before "advantage": one score (its two figures)."""
    if sep not in ("-", "–", "—", "to") or m["scale"] or m["scale2"] or m["cur"] or m["unit"] or m["qual"] \
            or not (m["num"][:1].isdigit() and m["num2"][:1].isdigit()):
        return None
    high = parse_number(m["num2"])
    if high is None:
        return None
    context = _SCORE_BEFORE.search(text, max(0, start - 40), start) or _SCORE_AFTER.match(text, m.end())
    if not context and not (high < low and sep != "to"):
        return None
    first, second = sorted(int(v) if float(v).is_integer() else v for v in (low, high))
    return Quantity(start=m.start("num"), end=m.end("num2"), text=text[m.start("num"):m.end("num2")], low=first,
                    high=second, qualifier="score", unit="score")  # low/high sorted; the text keeps the order


def _change(text: str, m: re.Match, low: float) -> tuple[Quantity, ...]:
    """ "rose from 29.4 to 32.6": the figure before and the figure after, each exact, same unit."""
    unit = _unit_of(m)
    high = _scaled(m["num2"], m["scale2"] or m["scale"])
    first_end = m.end("scale") if m["scale"] else m.end("num")
    second_start = m.start("cur2") if m["cur2"] else m.start("num2")
    out = [_quantity(text, m.start(), first_end, low, low, "exact", unit)]
    if high is not None:
        out.append(_quantity(text, second_start, m.end(), high, high, "exact", unit))
    return tuple(out)


def _single(text: str, m: re.Match, start: int, num_end: int, low: float, masks) -> Quantity | None:
    """A range that was not one ("30 and 40 people" without "between"): keep the first number only."""
    if m["num"].strip().lower() in ("one", "zero") and not m["scale"]:
        return None
    qualifier = _qualifier(m, False)
    lo, hi = _bounds(qualifier, low, None)
    return _quantity(text, start, num_end, lo, hi, qualifier, currency(m["cur"] or ""))


_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_SCALE_IN = re.compile(r"\b(?:million|billion|trillion|bn)\b", re.I)
_HYPHEN_UNIT = re.compile(r"\s?[-‑]\s?((?:square\s?[-‑]\s?)?[a-z]+)\b")


def _quantity(text: str, start: int, end: int, lo, hi, qualifier: str, unit: str) -> Quantity:
    hyphen = _HYPHEN_UNIT.match(text, end)
    word = re.sub(r"\s", "", hyphen.group(1)).replace("‑", "-") if hyphen else ""
    if not unit and word in UNIT_WORDS.keys() | HYPHEN_UNITS.keys():
        unit = HYPHEN_UNITS.get(word) or UNIT_WORDS[word]  # "a two-day visit", "a 10-km drive", "200-pound"
        if unit == "lb" and _SCALE_IN.search(text, start, end):
            unit = "GBP"  # "a 1.5 billion-pound writedown": money
    counted = "" if unit in MONEY or unit.startswith("percent") else counted_phrase(text, end)
    if unit and unit not in MONEY and not unit.startswith("percent") and not _of_follows(text, end):
        counted = unit  # "24 hours double-locked": a measure counts its unit, unless "24 hours of talks"
    if _not_a_noun(counted):
        counted = ""
    return Quantity(start=start, end=end, text=text[start:end], low=lo, high=hi, qualifier=qualifier,
                    unit=unit, counted=counted)


_NOT_NOUN = frozenset("""
against after before ago later earlier every each per apiece north south east west northwest northeast southwest
southeast away back more less than over under about around into onto from with without inside outside
""".split())


def _of_follows(text: str, end: int) -> bool:
    return bool(re.match(r"\s+of\s", text[end:end + 5]))


def _not_a_noun(phrase: str) -> bool:
    """A one-word "counted" phrase that cannot be what is counted ("9 voting", "25 miles northwest")."""
    if not phrase or " " in phrase:
        return False
    low = phrase.casefold()
    return low in _NOT_NOUN or low.endswith("ing")


def _approx(text: str, m: re.Match) -> Quantity:
    key = " ".join(m["approx"].lower().split())
    qualifier, low, high = APPROX[key]
    counted = counted_phrase(text, m.end())
    return Quantity(start=m.start(), end=m.end(), text=m.group(), low=low, high=high, qualifier=qualifier,
                    counted="" if _not_a_noun(counted) else counted)


def _magnitude(text: str, m: re.Match) -> Quantity:
    value = float(m["num"] or m["num2"])
    return Quantity(start=m.start(), end=m.end(), text=m.group(), low=value, high=value, qualifier="exact",
                    unit="magnitude")


_ORDINAL = re.compile(r"(?<![\w.,-])(?P<num>\d{1,4})(?:st|nd|rd|th)\b(?!-)")


def _ordinals(text: str, masks: bytearray) -> list[Quantity]:
    """ "his 23rd save", "the 3rd Armored Cavalry Regiment": a rank, kept with unit ``ordinal`` and the words
    that follow it as what it ranks."""
    out = []
    for m in _ORDINAL.finditer(text):
        if _masked(m.start(), m.end(), masks):
            continue
        value = int(m["num"])
        counted = " ".join(_words_after(text, m.end(), 3))
        out.append(Quantity(start=m.start(), end=m.end(), text=m.group(), low=value, high=value, qualifier="exact",
                            unit="ordinal", counted=counted))
    return out


_DESIGNATION = re.compile(r"(?<![\w-])(?P<prefix>[A-Z]{1,3})-(?P<num>\d{1,4})(?![\w-])")


def _designations(text: str, masks: bytearray) -> list[Quantity]:
    """ "C-130", "F-16", "MH-17": a type or flight designation, kept as label ``label:<prefix>`` (compared by
    equality, never counted)."""
    out = []
    for m in _DESIGNATION.finditer(text):
        if _masked(m.start("num"), m.end("num"), masks):
            continue
        value = int(m["num"])
        out.append(Quantity(start=m.start("num"), end=m.end("num"), text=m["num"], low=value, high=value,
                            qualifier="exact", unit=f"label:{m['prefix'].lower()}"))
    return out


# "2 1/2", "3 5 / 8", "2 ½", and "2 Â½" (the fraction sign mis-decoded as Latin-1): a whole number and a fraction.
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_FRACTION = re.compile(
    r"(?<![\w.,/-])(?P<whole>\d{1,4})(?:[ \t]+|-)(?:(?P<top>\d{1,2})[ \t]*/[ \t]*(?P<bottom>\d{1,2})(?![\d/])"
    rf"|(?:Â[ \t]?)?(?P<sign>[{''.join(_VULGAR)}]))")
# "the ratio was 3 to 1", "about 3-to-1", "odds of 100 to 1": one ratio, not two figures.
_RATIO = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?<![\w.,-])(?P<num>\d+(?:\.\d+)?)(?:-to-|\s+to\s+)(?P<num2>\d+(?:\.\d+)?)(?![\w.,-]?\d)",
    re.IGNORECASE)
_RATIO_BEFORE = re.compile(r"\b(?:ratio|odds)\b\W*(?:\w+\W+){0,2}$", re.IGNORECASE)
# Clock times the time extractor leaves out: "0240 GMT", "2 : 40 a.m.", "7.51pm" (not counts).
_CLOCK = re.compile(
    r"(?<![\w.,])(?:\d{1,2}\s?[:.]\s?\d\d(?:\s?[ap]\.?\s?m\b\.?|(?=\s*(?:GMT|UTC|[ECMP][SD]T|BST|CET)\b))"
    r"|\d{1,2}\s?:\s?\d\d(?!\d)|[0-2]\d[0-5]\d(?=\s*(?:GMT|UTC|[ECMP][SD]T|BST|CET)\b))", re.IGNORECASE)
# "9 / 11", "24/7", "21 / 2-week" (a fraction sign lost): figures around a slash are not counts of their own.
_SLASHED = re.compile(r"(?<![\w.,/])\d{1,4}[ \t]*/[ \t]*\d{1,4}(?![\d/])")
_UNIT_AFTER = re.compile(rf"(?:\s*%|\s*(?:{_GLUED})\b|\s+(?:{_UNIT})\b)", re.IGNORECASE)


def _fractions(text: str) -> list[Quantity]:
    """ "a 2 1 / 2 week trial", "the 3 5/8 percent note", "2 Â½ servings": the whole number plus its fraction."""
    out = []
    for m in _FRACTION.finditer(text):
        if m["sign"]:
            part = _VULGAR[m["sign"]]
        else:
            top, bottom = int(m["top"]), int(m["bottom"])
            if not 0 < top < bottom or bottom not in (2, 3, 4, 8, 16, 32, 64):
                continue
            part = top / bottom
        unit = _UNIT_AFTER.match(text, m.end())
        end = unit.end() if unit else m.end()
        word = unit_key(unit.group(0) if unit else "")
        value = int(m["whole"]) + part
        out.append(_quantity(text, m.start(), end, value, value, "exact", UNIT_WORDS.get(word, word)))
    return out


def _ratios(text: str) -> list[Quantity]:
    """ "3-to-1", or "3 to 1" after "ratio" / "odds": unit ``ratio``, the first figure over the second."""
    out = []
    for m in _RATIO.finditer(text):
        hyphen = "-to-" in m.group(0)
        window = max(0, m.start() - 40)
        to_one = m["num2"] == "1" and (m["qual"] or "").lower() not in ("from", "between") \
            and not _SCORE_BEFORE.search(text, window, m.start()) and not _CHANGE.search(text, window, m.start())
        if not hyphen and not to_one and not _RATIO_BEFORE.search(text, window, m.start()):
            continue  # "3 to 1" is a ratio; "256 to 170" needs "ratio" or "odds" before it
        if not hyphen and _SCORE_AFTER.match(text, m.end()):
            continue  # "voted 256 to 170 margin": a vote, read by _score
        if hyphen and _vote(text, m, window):
            first, second = sorted(int(float(v)) if float(v).is_integer() else float(v) for v in (m["num"], m["num2"]))
            start = m.start("num")
            out.append(Quantity(start=start, end=m.end(), text=text[start:m.end()], low=first, high=second,
                                qualifier="score", unit="score"))
            continue  # "a 5-to-4 vote": a score
        den = float(m["num2"])
        if not den:
            continue
        value = float(m["num"]) / den
        value = int(value) if value.is_integer() else round(value, 4)
        qualifier = QUALIFIERS.get(" ".join((m["qual"] or "").lower().split()), "exact")
        qualifier = "exact" if qualifier == "range" else qualifier
        lo, hi = _bounds(qualifier, value, None)
        out.append(Quantity(start=m.start(), end=m.end(), text=m.group(0), low=lo, high=hi, qualifier=qualifier,
                            unit="ratio"))
    return out


def _vote(text: str, m: re.Match, window: int) -> bool:
    """ "a 5-to-4 vote", "the court ruled 5-to-4": a score, unless "ratio" or "odds" comes first."""
    before = text[window:m.start()].lower()
    return bool(_SCORE_AFTER.match(text, m.end())) or bool(_SCORE_BEFORE.search(text, window, m.start())) \
        and "ratio" not in before and "odds" not in before


def _masks(text: str) -> bytearray:
    from .ages import age_spans
    from .times import time_spans

    clocks = tuple(m.span() for m in _CLOCK.finditer(text))
    return _marked(bytearray(len(text) + 1), time_spans(text) + age_spans(text) + clocks)


def _marked(mask: bytearray, spans) -> bytearray:
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


def extract_quantities(text: str, sentences: Sequence[Sentence] = ()) -> tuple[Quantity, ...]:
    """Find counts, amounts, percentages and magnitudes in ``text``; offsets index into ``text``."""
    if not text:
        return ()
    from dataclasses import replace

    from .times import anchor_windows, longest_first, sentence_index

    plain = _masks(text)
    found = [q for q in _fractions(text) + _ratios(text) if not _masked(q.start, q.end, plain)]
    masks = _marked(bytearray(plain), [(q.start, q.end) for q in found] + [m.span() for m in _SLASHED.finditer(text)])
    found += [_magnitude(text, m) for m in _MAGNITUDE.finditer(text)]
    found += [_approx(text, m) for m in _APPROX.finditer(text)]
    for lo, hi in anchor_windows(text, _ANCHOR, 50):
        pos = lo
        while (m := _QUANTITY.search(text, pos, hi)) is not None:
            q = _from_match(text, m, masks)
            pos = m.end()
            if isinstance(q, tuple):
                found.extend(q)
            elif q is not None:
                found.append(q)
            elif m["num2"] and _masked(m.start("num"), m.end("num"), masks):
                pos = m.start("cur2") if m["cur2"] else m.start("num2")  # "in 2001 to 2.92 million": rescan
            pos = max(pos, m.start() + 1)
    found += _ordinals(text, masks) + _designations(text, masks)
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    chosen = _echoes(text, longest_first(sorted(found, key=lambda q: q.start), len(text)))
    return tuple(replace(q, sentence=sentence_index(q.start, starts, ordered)) for q in chosen)


def _echoes(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "about 58km ( 36 miles)": the figure in brackets converts the one before it, and is as approximate."""
    from dataclasses import replace

    out = list(found)
    for i in range(1, len(out)):
        prev, q = out[i - 1], out[i]
        same = MEASURES.get(prev.unit or "", ("",))[0] == MEASURES.get(q.unit or "", ("-",))[0]
        if same and q.qualifier == "exact" and prev.qualifier != "exact" and re.fullmatch(r"\s*\(\s*", text[prev.end:q.start]):
            out[i] = replace(q, qualifier=prev.qualifier, low=q.low if prev.low is not None else None,
                             high=q.high if prev.high is not None else None)
    return out
