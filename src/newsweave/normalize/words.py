"""Word tokens and a small English stop list shared by the alignment score and the verdict rules."""
from __future__ import annotations

import re

WORD = re.compile(r"[\w'’-]+", re.UNICODE)
STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been being by with from as that this these those it"
    " its he she they we you i his her their our your him them us said says say will would has have had do does did"
    " than then there here which who whom what when where how also into over after before about up out more most"
    " s".split()
)


def tokens(text: str) -> list[str]:
    """Casefolded word tokens, apostrophes and hyphens trimmed at the edges."""
    return [w.casefold().strip("'’-") for w in WORD.findall(text) if w.strip("'’-")]
