"""False alarms of the conflict rules on untouched MSRP paraphrase pairs (bench/conflicts.py), each reduced to a
small real sentence pair, with a true conflict of the same shape that must still be found. Claims are built by
the normaliser's extractors, as `compare` builds them."""
from __future__ import annotations

import pytest
from ..helpers import claim

from newsweave.compare.verdict import rules


def kinds(a: str, b: str) -> list[str]:
    return sorted({c.kind for c in rules.conflicts(claim(a, "A"), claim(b, "B"))})


@pytest.mark.parametrize("a, b", [
    # a name both sides give is the same thing wherever it sits
    ("The group will be headed by State Department official John S. Wolf , who has served in Australia .",
     "The group will be headed by John S. Wolf , an assistant secretary of state who has served in Australia ."),
    # customary names and initials
    ("There were no plans to build permanent US bases in Africa , Pentagon officials said .",
     "There are no plans to build permanent U.S. bases in Africa , Defense Department officials say ."),
    ("The fireworks exploded , the Bureau of Alcohol , Tobacco , Firearms and Explosives said .",
     "The fireworks exploded , the ATF said ."),
    # who heard it is not who said it
    ("That 's the highest growth rate we 've seen in 25 years , \" said Andy Bryant , Intel 's chief financial officer .",
     "That 's the highest growth rate we 've seen in 25 years , \" CFO Andy Bryant told the Associated Press ."),
    # stock symbols and currency prefixes are page furniture
    ("Wall Street was also waiting for aluminum maker Alcoa Inc . AA.N to report earnings after the close .",
     "Wall Street was also waiting for aluminum maker Alcoa Inc . ( nyse : PEP - news - people ) to report earnings "
     "after the close ."),
    ("Bremer said he would launch a US $ 70 million program to clean up neighborhoods .",
     "Bremer said he would launch a $ 70-million program to clean up neighborhoods across Iraq ."),
])
def test_same_entities_do_not_conflict(a, b):
    assert "entity" not in kinds(a, b)


def test_a_real_swap_of_department_is_still_found():
    assert "entity" in kinds("There were no plans to build bases in Africa , Pentagon officials said .",
                             "There were no plans to build bases in Africa , State Department officials said .")


@pytest.mark.parametrize("a, b, conflict", [
    ("They landed in their Soyuz TMA-2 capsule at 0240 GMT .",
     "They came down in their Soyuz TMA-2 capsule at 2 : 40 a.m. GMT .", False),
    ("Forty to 50 years ago , the ratio was 3 to 1 , Kessler said .",
     "Forty to 50 years ago , the ratio was about 3-to-1 , Kessler said .", False),
    ("Forty to 50 years ago , the ratio was 3 to 1 , Kessler said .",
     "Forty to 50 years ago , the ratio was about 6-to-1 , Kessler said .", True),
    ("Anhalt said a 20-ounce soda bottle actually contains 2 Â½ 8-ounce servings .",
     "Anhalt said a 20-ounce soda bottle actually contains 2.5 .", False),
    ("The number of injured dropped to 2.92 million in 2002 from 3.03 million a year earlier .",
     "The number of injuries dropped , from 3.03 million in 2001 to 2.92 million in 2002 .", False),
    ("The number of injured dropped to 2.92 million in 2002 from 3.03 million a year earlier .",
     "The number of injuries dropped , from 3.03 million in 2001 to 2.62 million in 2002 .", True),
])
def test_numbers_read_as_what_they_are(a, b, conflict):
    assert ("number" in kinds(a, b)) is conflict


@pytest.mark.parametrize("a, b, conflict", [
    ("The other 18 people in the building were not injured , police said .",
     "The other 18 people inside the building escaped unharmed , police said .", False),
    ("The bishop , Frank T. Griswold III , declined , through a spokesman , to comment on the development .",
     "The bishop , Frank Griswold , declined to comment on the development .", False),
    ("We believe Congress gave the FTC authority to implement the national Do Not Call list .",
     "We believe Congress gave the F.T.C. authority to implement the national do-not-call list .", False),
    ("That is evident from their failure , three times in a row , to get a big enough turnout .",
     "Three times in a row , they failed to get a big enough turnout .", False),
    ("The other 18 people in the building were not injured , police said .",
     "The other 18 people in the building were injured , police said .", True),
])
def test_negation_cues(a, b, conflict):
    assert ("polarity" in kinds(a, b)) is conflict
