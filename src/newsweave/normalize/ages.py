"""Ages and birth years, as intervals of possible birth years of a person.

- An age ``a`` stated in a text published in year ``Y`` ("he was 19", "a 19-year-old", "aged 19",
  "25 years old", "Smith, 45, said") gives birth years ``[Y - a - 1, Y - a]`` (inclusive): the person may or
  may not have had this year's birthday yet.  Without a publication time the interval stays None.
- A birth year ("born in 2005", "born on 3 March 1999", "birth year as 1998", "year of birth: 1998") gives
  ``birth_low == birth_high == year``.
- ``person`` is the nearest preceding simple subject mention in the same sentence: a pronoun ("he"), a
  possessor ("its bearer" in "its bearer's birth year"), "the <person noun>" or a capitalised name;
  "" when none is found.  Pronouns are not resolved further (that is the attribution stage's job).
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace
from datetime import date, datetime
from typing import Sequence

from ..models import AgeFact, Sentence
from .words import CARDINAL_WORDS

_WORDS = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
_N = rf"(?P<n>(?<![\d.,])\d{{1,3}}(?![\d.,]\d)|(?:{_WORDS})(?:-(?:{_WORDS}))?)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")

_AGE_PATTERNS = [
    rf"\b{_N}[\s-]+years?[\s-]+old\b",
    rf"\b{_N}\s+years\s+of\s+age\b",
    rf"\baged\s+{_N}\b",
    rf"\b(?:died|dies|dead|killed)\s+at\s+{_N}(?=\s*(?:[,.;:)!?]|$|\s+(?:and|in|on|after|when)\b)|[ \t]*\n)",
    rf"\bat\s+(?:the\s+)?age\s+(?:of\s+)?{_N}\b",
    rf"(?<=, )(?:age|both)\s+{_N}(?=\s*,)",
    rf"\b(?P<subj>he|she|who|I)\s+(?:was|is|am|is\s+now|was\s+only|is\s+only|was\s+just|turned|turns)\s+{_N}"
    rf"(?=\s*(?:[,.;:)!?]|$|\s+(?:and|when|at|but|years?\b)))",
    rf"(?<=[a-z]),\s+(?P<nc>\d{{1,3}}),(?=\s)",
]
_BIRTH_PATTERNS = [
    rf"\bborn\s+(?:in\s+|on\s+)?(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s*"
    rf"|{_MONTH}\s*\d{{0,2}}(?:st|nd|rd|th)?\s*,?\s*|(?:early|mid|late)[\s-]+)?{_YEAR}",
    rf"\b(?:birth\s+year|year\s+of\s+birth|date\s+of\s+birth|birthdate|birth\s+date|DOB)"
    rf"(?:\s+(?:as|is|was|of|given\s+as|listed\s+as|shown\s+as))?\s*[:,]?\s*(?:[\w.]+\s+){{0,3}}?{_YEAR}",
    rf"\(\s*b\.\s*{_YEAR}\s*\)",
]
_AGE_RX = [re.compile(p, re.IGNORECASE) for p in _AGE_PATTERNS[:-1]] + [re.compile(_AGE_PATTERNS[-1])]
_BIRTH_RX = [re.compile(p, re.IGNORECASE) for p in _BIRTH_PATTERNS]

# every age or birth-year match contains a digit or an age word: patterns only run in windows around them
_ANCHOR = re.compile(rf"\d|\b(?:{_WORDS})", re.IGNORECASE)

_PERSON_NOUNS = (
    "soldier|man|woman|boy|girl|prisoner|bearer|holder|owner|victim|suspect|actress|actor|singer|driver|pilot|"
    "fighter|child|son|daughter|mother|father|wife|husband|officer|player|student|teenager|teen|sniper|rifleman|"
    "person|captive|detainee|gunman|attacker|survivor|resident|worker|journalist|reporter|doctor|nurse|"
    "president|leader|commander|coach|star|rapper|musician|model|athlete|defendant|patient|migrant|refugee"
)
_PERSON_RX = re.compile(
    rf"\b(?P<pron>[Hh]e|[Ss]he|I)\b"
    rf"|\b(?P<poss>(?:its|his|her|their|the)\s+(?:[a-z-]+\s+)?(?:{_PERSON_NOUNS})s?)['’]s\b"
    rf"|\b(?P<np>(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_PERSON_NOUNS}))\b"
    rf"|(?P<name>\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b)"
)
_ADJACENT_NAME = re.compile(r"\b([A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*)*)\s*$")
_NAME_STOP = {"The", "This", "That", "A", "An", "In", "On", "At", "He", "She", "It", "They", "But", "And"}


def _age_value(token: str) -> int | None:
    t = token.lower()
    if t.isdigit():
        return int(t)
    parts = t.split("-")
    if not all(p in CARDINAL_WORDS for p in parts):
        return None
    return sum(CARDINAL_WORDS[p] for p in parts)


def _ref_year(reference: datetime | date | None) -> int | None:
    return None if reference is None else reference.year


def _sentence_start(text: str, pos: int, sentences: Sequence[Sentence]) -> int:
    """Start of the sentence holding ``pos`` (``sentences`` sorted by start), else of the text's own sentence."""
    i = bisect.bisect_right([s.start for s in sentences], pos) - 1 if sentences else -1
    if i >= 0 and sentences[i].start <= pos < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i].start
    cut = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos))
    return 0 if cut < 0 else cut + 1


_ATTRIBUTIVE = re.compile(rf"\s+((?:[a-z-]+\s+)?(?:{_PERSON_NOUNS}))\b|\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)")


def _attributive_person(text: str, fact: AgeFact) -> str:
    """"a 33-year-old actress" / "the 19-year-old Kim Il" -> the noun the age modifies."""
    if not fact.text.lower().endswith("old") or "-" not in fact.text:
        return ""
    m = _ATTRIBUTIVE.match(text, fact.end)
    if not m:
        return ""
    if m.group(1):
        det = re.search(r"\b(the|a|an|this|that)\s+$", text[max(0, fact.start - 6):fact.start], re.IGNORECASE)
        article = det.group(1).lower() if det else "the"
        if article in ("a", "an"):  # "an 18-year-old daughter" -> "a daughter"
            article = "an" if m.group(1)[:1] in "aeiou" else "a"
        return f"{article} {m.group(1)}"
    return m.group(2)


def find_person(text: str, pos: int, sentences: Sequence[Sentence] = ()) -> str:
    """Nearest simple subject mention before ``pos`` within its sentence, or ""."""
    start = _sentence_start(text, pos, sentences)
    adjacent = _ADJACENT_NAME.search(text, start, pos)
    first = re.sub(r"['’]s$", "", adjacent.group(1).split()[0]) if adjacent else ""
    if adjacent and first in ("He", "She") and len(adjacent.group(1).split()) == 1:
        return first  # "He's 16 years old" -> "He"
    if adjacent and first not in _NAME_STOP:
        return adjacent.group(1)  # "Felt died at 95", "Reid, 33, ..."
    best = ""
    for m in _PERSON_RX.finditer(text, start, pos):
        if m["name"]:
            words = m["name"].split()
            while words and words[0] in _NAME_STOP:
                words = words[1:]
            if len(words) < 2 and not (words and m.start() > start):
                continue
            best = " ".join(words) if words else best
        else:
            best = m.group("pron") or m.group("poss") or m.group("np")
    return best


_THING_NOUNS = frozenset("""
case cases murder murders killing killings mystery crime crimes law laws ban rule rules policy tradition record
records building buildings house home church bridge tree car company firm business marriage feud dispute war
conflict investigation probe trial conviction sentence debt loan mortgage contract treaty agreement plant
reactor dam ship vessel plane aircraft tower hotel school prison song film movie show book franchise brand
""".split())
_MONTHS_DAYS = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")


def _not_a_persons_age(text: str, m: re.Match) -> bool:
    """"a 41-year-old double murder case" (a thing's age) or "eight, 10, 12 years" (a list of numbers)."""
    if m.groupdict().get("nc"):
        before = re.search(r"(\S+),\s+\d+,$", text[max(0, m.start() - 40):m.end()])
        word = before.group(1) if before else ""
        after = text[m.end():m.end() + 8]
        return not word[:1].isupper() or bool(_MONTHS_DAYS.match(word)) or bool(re.match(r"\s+(?:\d|and\s+\d)", after))
    if not m.group().lower().endswith("old") or "-" not in m.group():
        return False
    following = re.match(r"(?:\s+[a-z][a-z-]*){1,3}", text[m.end():m.end() + 40])
    return bool(following) and any(w in _THING_NOUNS for w in following.group().split())


def _age_fact(text: str, m: re.Match, ref_year: int | None) -> AgeFact | None:
    token = m.groupdict().get("n") or m.groupdict().get("nc")
    value = _age_value(token or "")
    if value is None or not 0 < value < 125 or _not_a_persons_age(text, m):
        return None
    low = high = None
    if ref_year is not None:
        low, high = ref_year - value - 1, ref_year - value
    subj = m.groupdict().get("subj") or ""
    return AgeFact(start=m.start(), end=m.end(), text=m.group(), kind="age", value=value, birth_low=low,
                   birth_high=high, person=subj if subj.lower() != "who" else "")


def _birth_fact(m: re.Match, ref_year: int | None) -> AgeFact | None:
    year = int(m["year"])
    if ref_year is not None and year > ref_year:
        return None
    return AgeFact(start=m.start(), end=m.end(), text=m.group(), kind="birth_year", value=year, birth_low=year,
                   birth_high=year)


_M = rf"(?:\d{{1,3}}|{_WORDS})"
# The ages of a group ("men between 20 and 64 years old", "aged 20 to 64", "ages 18-24"): no one person's age.
_AGE_RANGE = re.compile(
    rf"\bbetween\s+{_M}\s+and\s+{_M}[\s-]+years?[\s-]+(?:old|of\s+age)\b"
    rf"|\b(?:aged?|ages)\s+(?:between\s+)?{_M}\s*(?:to|-|–|and|through)\s*{_M}\b(?![.,]\d)"
    rf"|\b{_M}\s*(?:to|-|–)\s*{_M}[\s-]+years?[\s-]+old\b", re.IGNORECASE)


def _group_ages(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _AGE_RANGE.finditer(text)]


def _raw(text: str, reference: datetime | date | None) -> list[AgeFact]:
    ref_year = _ref_year(reference)
    found: list[AgeFact] = []
    from .times import anchor_windows, longest_first

    windows = anchor_windows(text, _ANCHOR, 45)
    for rx in _AGE_RX:
        found += [f for lo, hi in windows for m in rx.finditer(text, lo, hi)
                  if (f := _age_fact(text, m, ref_year)) is not None]
    for rx in _BIRTH_RX:
        found += [f for lo, hi in windows for m in rx.finditer(text, lo, hi)
                  if (f := _birth_fact(m, ref_year)) is not None]
    groups = _group_ages(text)
    found = [f for f in found if not any(s < f.end and f.start < e for s, e in groups)]
    return longest_first(sorted(found, key=lambda f: f.start), len(text))


@functools.lru_cache(maxsize=16)
def age_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of every age or birth-year expression, and of the age ranges of a group (used to keep
    them out of quantities)."""
    return tuple(sorted([(f.start, f.end) for f in _raw(text, None)] + _group_ages(text)))


def extract_ages(
    text: str, reference: datetime | None, sentences: Sequence[Sentence] = ()
) -> tuple[AgeFact, ...]:
    """Find ages and birth years; ages become birth-year intervals against the publication year."""
    if not text:
        return ()
    from .times import sentence_index

    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    out = []
    for f in _raw(text, reference):
        person = f.person or _attributive_person(text, f) or find_person(text, f.start, ordered)
        out.append(replace(f, person=person, sentence=sentence_index(f.start, starts, ordered)))
    return tuple(out)
