"""Which event a claim is about: the story's own, or another one it is anchored to by a time, by words, or by a
place."""
from __future__ import annotations

from datetime import datetime

from newsweave.compare.claims.anchors import CURRENT, StoryContext, anchor, claim_anchors
from newsweave.models import Entity

from ..verdict.helpers import claim

PUBLISHED = datetime(2005, 11, 28)
STORY = StoryContext(start="2005-11-27", own=frozenset({"2005", "2005-11"}),
                     places=(("Iran", "GPE"), ("Qeshm", "GPE")))


def anchored(text: str, keyed: bool = True, entities=()) -> str:
    c = claim(text, "A", PUBLISHED)
    if entities:
        from dataclasses import replace

        c = replace(c, entities=tuple(entities))
    return anchor(c, STORY, keyed).key


def test_a_past_time_anchors_another_event():
    assert anchored("A 6.7-strength quake killed more than 26,000 people in Bam in December 2003.") == "2003-12"
    assert anchored("In February, a quake measuring 6.4 hit the town of Zarand, killing 612 people.") == "2005-02"
    assert anchored("On Saturday, more than a dozen people were killed by a quake in China.") != CURRENT


def test_words_anchor_another_event():
    assert anchored("The previous quake killed seven people.") == "previous quake"


def test_the_story_own_time_and_a_person_past_stay_current():
    assert anchored("Ten people were killed when an earthquake razed villages on Sunday.") == CURRENT
    assert anchored("He said he joined the army in 2021 and served as a sniper.", keyed=False) == CURRENT
    own = StoryContext(start="2008-12-12", own=frozenset({"1967"}))
    c = claim("She is accused of murdering two women at a Staunton ice cream store in 1967.", "A",
              datetime(2008, 12, 12))
    assert anchor(c, own, True).key == CURRENT  # the 1967 killings are the story's own subject


def test_a_toll_in_a_place_outside_the_story_is_another_event():
    text = "More than a dozen people were killed by a quake in eastern China."
    china = Entity(text.index("China"), text.index("China") + 5, "China", "GPE", canonical="China")
    assert anchored(text, entities=[china]) == "in china"


def test_a_claim_pointing_back_shares_the_anchor_of_the_sentence_before():
    from dataclasses import replace

    first = replace(claim("The same island was hit by a 6.1 quake in September.", "A", datetime(2008, 12, 7)),
                    sentence=4)
    second = replace(claim("That temblor killed at least six people.", "A", datetime(2008, 12, 7)), sentence=5)
    found = claim_anchors([first, second], {"A": "2008-12-07"}, [True, True])
    assert found[0].key == found[1].key == "2008-09"
