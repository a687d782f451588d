"""Word tokens, a small English stop list and number words, shared by the normaliser, alignment and verdicts."""
from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"[\w'’-]+", re.UNICODE)
STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been being by with from as that this these those it"
    " its he she they we you i his her their our your him them us said says say will would has have had do does did"
    " than then there here which who whom what when where how also into over after before about up out more most"
    " s".split()
)
# Number words one to ninety; hyphenated compounds ("twenty-one") are summed by their users.
CARDINAL_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def tokens(text: str) -> list[str]:
    """Casefolded word tokens, apostrophes and hyphens trimmed at the edges."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:  # the comparison asks for the same texts' words many times
    return tuple(w.casefold().strip("'’-") for w in WORD.findall(text) if w.strip("'’-"))
