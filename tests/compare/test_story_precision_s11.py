"""Session 11: false conflicts of real ECB+ stories (bench/story_conflicts.py) cut by general rules: a question or a
condition asserts nothing, a delay is no denial, a negation said of the event the other side states (its
consequence) is no contradiction, "failed to" and "unable to" are one failure, "his first 11 seasons" is a part of a career, a
nationality does not replace a person's name, a lede in capitals is no name, and a pair ("English and Australian")
holds the member the other side names. Each false alarm sits beside a conflict of the same shape that must still
be found."""
from __future__ import annotations

from datetime import datetime

import pytest

from newsweave.compare.verdict import rules
from .helpers import claim as _claim

REF = datetime(2012, 1, 1)  # the publication date bench/story_conflicts.py gives ECB+ articles


def kinds(a: str, b: str) -> list[str]:
    return sorted({c.kind for c in rules.conflicts(_claim(a, "A", REF), _claim(b, "B", REF))})


ARREST = ("An arrest for suspicion of driving under the influence will not affect the playing status of San Diego "
          "Chargers wide receiver Vincent Jackson for Sunday's divisional playoff game at Pittsburgh.")
ARRESTED = "San Diego Chargers wide receiver Vincent Jackson was arrested yesterday on suspicion of drunken driving."
NOMINATED = ("Mr. Jackman, 40, has never been nominated for an Oscar but has artistic credibility, an important "
             "credential for the M.C. of the film awards show.")
RESULTS = ("Williams gave a blood sample for a blood - alcohol test, but the results won't be known for a few weeks.")
HARDWICKE = "`` Twilight'' director Catherine Hardwicke was unable to reach a deal to direct the sequel."


@pytest.mark.parametrize("a, b, a2, b2", [
    # a question states nothing; a statement of the opposite still conflicts
    ("Hugh Jackman: an Oscar hit or miss?", NOMINATED, "Hugh Jackman has been nominated for an Oscar.", NOMINATED),
    # what the arrest will not bring about does not deny the arrest
    (ARREST, ARRESTED, ARRESTED.replace("was arrested", "was not arrested"), ARRESTED),
    # a delay is no denial
    ("He submitted to a blood - alcohol test, but it will take a few weeks for the results to be completed.", RESULTS,
     "The results will be known in a few weeks.", "The results will not be known."),
    # "failed to" and "unable to": one failure
    ("Weitz comes on board to helm the second installment after Summit and `` Twilight'' director Catherine "
     "Hardwicke failed to reach a deal on the new movie.", HARDWICKE,
     "Catherine Hardwicke reached a deal on the new movie.", "Catherine Hardwicke failed to reach a deal on the new movie."),
])
def test_statements_that_deny_nothing_are_no_polarity_conflict(a, b, a2, b2):
    assert "polarity" not in kinds(a, b)
    assert "polarity" in kinds(a2, b2)


RAIT = ("The day before Buckley's death another climber, 36 - year - old Duncan Rait, died after slipping and falling "
        "from a ridge in the same national park.")
PERTH = ("Police say a Perth mountain climber who watched his brother fall over the edge of New Zealand's highest "
         "mountain is devastated.")
QWEST = ("The Saints ( 11 - 5) face the NFC West - champion Seattle Seahawks ( 7 - 9) in a wildcard game at 3: 30 p. m. "
         "Saturday at Qwest Field.")


@pytest.mark.parametrize("a, b, a2, b2", [
    # a nationality describes the climber the other side names
    (RAIT, "Yesterday, a 36 - year - old Australian climber died after slipping and falling from a ridge at Mt Cook.",
     RAIT, RAIT.replace("Duncan Rait", "Jim Smith")),
    # a lede in capitals ("AN AUSTRALIAN climber") is no name
    (PERTH, "AN AUSTRALIAN climber who watched his brother fall to his death on New Zealand's highest peak said he was "
     "expecting to die that night on the treacherous mountain.", PERTH, PERTH.replace("Perth", "Toronto")),
    # one member of a pair
    ("British climber dies in New Zealand fall", "English and Australian climbers fall to their deaths in New Zealand "
     "mountains", "British climber dies in New Zealand fall", "Australian climber dies in New Zealand fall"),
    # what would happen under a condition
    (QWEST, "If the Saints beat Seattle and Philadelphia beats Green Bay, the Falcons will face the Saints at 8 p. m. "
     "Saturday, Jan. 15 at the Georgia Dome.", QWEST, QWEST.replace("Qwest Field", "the Georgia Dome")),
])
def test_names_that_do_not_replace_each_other_are_no_entity_conflict(a, b, a2, b2):
    assert "entity" not in kinds(a, b)
    assert "entity" in kinds(a2, b2)


def test_the_first_seasons_of_a_career_are_a_part_of_it():
    assert "number" not in kinds("Cheeks spent his first 11 seasons as a player with the 76ers.",
                                 "Cheeks has spent 19 seasons with the 76ers.")
    assert "number" in kinds("Cheeks spent his first 11 seasons as a player with the 76ers.",
                             "Cheeks spent his first 13 seasons as a player with the 76ers.")
