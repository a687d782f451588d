"""Given names: one wording calls a person by a title and the given name ("Sir John", "Prince William"), the other
by the surname ("Mr. Stevens"): a lone given name after such a title and a lone surname may be one person, so the
two are no swap of names. (A bare given name against a bare surname stays a swap: "Smith said" / "Fatima said"
name two people more often than one.)

A compact list of frequent given names in English-language news (English, and common Arabic, French, German,
Hispanic, Italian, Russian and South Asian ones); names that are also frequent surnames or words ("Lee", "Will",
"Grant", "Mark") are left out, since those make a poor sign of a given name.
"""
from __future__ import annotations

import re

from ....models import Claim
from ..common import clause_offset, clause_text

GIVEN_NAMES = frozenset("""
aaron abdul abdullah adam adrian ahmad ahmed aisha alan albert alexander alexandra alfred ali alice alicia alison
amanda amber amy ana andrea andrew angela anita ann anna anne annie anthony antonio arthur ashley barbara benjamin
betty beverly bill billy bob bonnie brandon brenda brian bruce carl carlos carol caroline carolyn catherine charles
charlotte cheryl christina christine christopher cynthia daniel danielle david deborah debra denise dennis diana
diane donald donna dorothy douglas dmitry edward elena elizabeth emily emma eric erica eugene evan evelyn fatima
francesca francis frank fred frederick gary george gerald giuseppe gloria gregory hannah harold heather helen henry
hussein igor irene isabel jack jacob james jane janet janice jason jean jeffrey jennifer jeremy jerry jessica joan
joanne john johnny jonathan jose joseph joshua joyce juan judith judy julia julie justin karen katherine kathleen
kathryn kathy keith kenneth kevin kimberly larry laura lauren lawrence leonardo linda lisa lori louis louise
lucy luis manuel margaret maria marie marilyn marjorie martha mary matthew megan melissa michael michelle mikhail
mohammad mohammed muhammad nancy natalie natasha nicholas nicole olga omar pamela patricia patrick paul paula peter
philip phillip pierre rachel ralph raymond rebecca richard robert roger ronald rose ruth ryan samantha samuel sandra
sara sarah scott sean sergei sharon shirley stephanie stephen steven susan teresa thomas timothy tony tyler
valerie victoria vincent virginia vladimir walter william yusuf
""".split())
_TITLE = re.compile(r"\b(?:sir|dame|lord|lady|prince|princess|king|queen|pope|saint|st\.?)\s+$", re.I)


def given_name(name: str) -> bool:
    """A single word that is a frequent given name ("George", "Fatima")."""
    words = name.split()
    return len(words) == 1 and words[0].casefold().strip(".") in GIVEN_NAMES


def surname_only(name: str) -> bool:
    """A single capitalised word that is no frequent given name ("Harrison", "Haque")."""
    words = name.split()
    return len(words) == 1 and words[0][:1].isupper() and not given_name(name)


def given_and_surname(x: str, y: str) -> bool:
    """One lone given name and one lone surname: possibly the same person, called two ways."""
    return given_name(x) and surname_only(y) or given_name(y) and surname_only(x)


def titled(claim: Claim, entity) -> bool:
    """The name is a given name right after a title that goes with given names ("Sir John", "Prince William")."""
    text, base = clause_text(claim), clause_offset(claim)
    return given_name(entity.text) and bool(_TITLE.search(text[max(0, entity.start - base - 12):entity.start - base]))


def titled_given(a: Claim, x, b: Claim, y) -> bool:
    """A given name after a title that goes with it ("Sir John", "Prince William") on one side and a lone surname on
    the other ("Mr. Stevens"): one person, called two ways."""
    return given_and_surname(x.text, y.text) and (titled(a, x) or titled(b, y))
