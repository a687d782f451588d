"""False conflicts seen on real multi-outlet ECB+ stories (bench/story_conflicts.py), each reduced to a small
sentence pair, beside a genuine conflict of the same shape that must still be found. Claims are built by the
normaliser's extractors, as `compare` builds them."""
from __future__ import annotations

import pytest

from .helpers import STORY_REF, conflict_kinds


def kinds(a: str, b: str) -> list[str]:
    return conflict_kinds(a, b, STORY_REF)


@pytest.mark.parametrize("a, b", [
    ("The Orioles offered seven years, $ 140- $ 150 million for the first baseman.",
     "The Orioles offered between $ 140 million and $ 150 million over seven years for the first baseman."),
])
def test_a_range_written_with_one_scale_word_is_the_same_range(a, b):
    assert "number" not in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("Deputies chased him for 48km, at speeds up to 193km / h, before he finally pulled over.",
     "Deputies chased him for 30 miles, at speeds up to 120 mph, before he finally pulled over."),
    ("The 15,800-square-metre building houses a number of businesses.",
     "The 170,000-square-foot building houses a number of businesses."),
    ("Temperatures in the city reached 40°C on Monday.", "Temperatures in the city reached 104 ° F on Monday."),
    ("The suspect, who weighed 90 kg, was arrested.", "The suspect, who weighed 200 pounds, was arrested."),
])
def test_a_measure_in_another_unit_is_converted(a, b):
    assert "number" not in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("Deputies chased him for 48km, at speeds up to 193km / h, before he finally pulled over.",
     "Deputies chased him for 30 miles, at speeds up to 160 mph, before he finally pulled over."),
    ("Deputies chased him for 48km before he finally pulled over.",
     "Deputies chased him for 45 miles before he finally pulled over."),
    ("Temperatures in the city reached 40°C on Monday.", "Temperatures in the city reached 90 ° F on Monday."),
])
def test_a_converted_measure_that_differs_still_conflicts(a, b):
    assert "number" in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("The explosion occurred Friday afternoon at a West Coast Bank branch in Woodburn.",
     "A bomb exploded at a West Coast Bank branch in Woodburn late Friday."),
    ("The bomb exploded at the bank at 11:30 p.m. Friday, police said.",
     "The bomb exploded at the bank early Saturday, police said."),
])
def test_adjoining_parts_of_a_day_agree(a, b):
    assert "date" not in kinds(a, b)


def test_morning_and_evening_of_a_day_still_conflict():
    assert "date" in kinds("The bomb exploded Friday evening at the bank.", "The bomb exploded on Friday morning at the bank.")


@pytest.mark.parametrize("a, b", [
    ("After being acquired from the Braves, Teixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.",
     "Playing in a combined 157 games with the Angels and Braves, Teixeira had 33 homers and 121 RBIs."),
    ("In fact, Klitschko landed 28 of his 68 punches thrown during the round.",
     "The final numbers showed Klitschko landing 178 of 369 punches thrown."),
])
def test_figures_over_another_scope_do_not_conflict(a, b):
    assert "number" not in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("Teixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.",
     "Teixeira hit .358 with 13 homers and 45 RBIs in 54 games with the Angels."),
    ("The strike killed 30 people and injured 100, officials said.",
     "The strike killed 43 people and injured 150, officials said."),
])
def test_figures_of_one_scope_still_conflict(a, b):
    assert "number" in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("The ceremony will take place at the Kodak Theatre in Los Angeles on February 22.",
     "The awards will be handed out on February 22 at the Kodak Theater in Hollywood."),
    ("An Australian climber survived two nights stuck on Mount Cook after seeing his brother die.",
     "An Australian climber survived two nights stuck in New Zealand after seeing his brother die."),
])
def test_a_place_inside_or_beside_another_does_not_conflict(a, b):
    assert "entity" not in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("The ceremony will take place at the Kodak Theatre in Denver on February 22.",
     "The ceremony will take place at the Kodak Theatre in Oakland on February 22."),
    ("Troops were sent to Iraq on Monday, the ministry said.", "Troops were sent to Spain on Monday, the ministry said."),
])
def test_two_places_of_one_level_still_conflict(a, b):
    assert "entity" in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("The gang was founded in the 1930's by Charles Luciano, who was deported to Italy.",
     "Gigante drifted into the crime family founded in 1931 by Charles Luciano."),
    ("Gary Gomes was arrested last night on charges of murder and kidnapping.",
     "Gary Gomes was arrested late Tuesday night at 2088 Philip Street on charges of murder."),
])
def test_decades_and_house_numbers_are_no_dates(a, b):
    assert "date" not in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("21 July 2013 Last updated at 11: 11 GMT", "23 July 2013 Last updated at 13: 42 GMT"),
    ("Monday, Sep 10, 2012 | Updated 9: 01 AM EDT", "Friday, Sep 10, 2010 | Updated 8: 52 PM EDT"),
])
def test_page_datelines_are_no_statements(a, b):
    assert kinds(a, b) == []


def test_figures_of_another_game_do_not_conflict():
    assert "number" not in kinds(
        "In San Diego's first meeting with the Steelers this season, Jackson was held to just two catches for 25 yards.",
        "Jackson enjoyed the best of his four NFL seasons in 2008 with 59 catches for 1,098 yards and seven touchdowns.")



def test_an_amount_without_its_currency_word_is_compared_by_value():
    a = "The operation matters as over a hundred billion dollars of India's external trade passes each year through this sea lane."
    b = "The pirates attacked the sea lane through which nearly 100 billion worth of India's external trade passes each year."
    assert "number" not in kinds(a, b)
    assert "number" in kinds(a, b.replace("nearly 100 billion", "nearly 40 billion"))


def test_square_metres_split_by_a_tokeniser_match_square_feet():
    assert "number" not in kinds("The 15, 800 - square - metre building houses a number of businesses.",
                                 "The 170, 000 - square - foot building houses a number of businesses.")


def test_figures_framed_on_one_side_only_are_another_scope():
    assert "number" not in kinds(
        "He had only 269 yards and two touchdowns on 83 carries and another 201 yards on 29 catches.",
        "He averaged 4.2 yards a carry and finished with a team-high 716 yards rushing and five touchdowns.")


def test_a_career_total_and_a_game_count_do_not_conflict():
    assert "number" not in kinds("McDermott ended the game with 2,129 points.",
                                 "McDermott ended the game with 23 points and 7 rebounds.")
    assert "number" in kinds("McDermott ended the game with 29 points.", "McDermott ended the game with 23 points.")


def test_a_compound_adjective_frames_nothing():
    assert "number" in kinds("The yield on the benchmark 10-year Treasury note rose as high as 4.66 percent from 3.07 percent.",
                             "The yield on the 31-year Treasury note rose to 4.46 % from 4.42 % late Thursday .")


def test_readings_far_apart_still_conflict():
    assert "number" in kinds("A blood-alcohol test produced a reading of 0.18, well above the limit of 0.10, the report said.",
                             "A blood-alcohol test produced a reading of 0.18, well above the limit of 3.30, the report said.")


# ===========================================================================
# Two people of different ages, a town in the state the other side names, a nationality beside the name it describes,
# a lede in capitals, one member of a pair; a doubt, a question, a condition or a delay is no denial; "failed to" and
# "unable to" are one failure; "his first 11 seasons" is a part of a career.

BRITISH = "A 32 - year - old British climber dies after falling from a mountain in New Zealand."
BISCAYNE = "LaRue was at a meeting at Nixon's vacation home in Key Biscayne, Fla., where the plan was hatched."
RAIT = ("The day before Buckley's death another climber, 36 - year - old Duncan Rait, died after slipping and falling "
        "from a ridge in the same national park.")
PERTH = ("Police say a Perth mountain climber who watched his brother fall over the edge of New Zealand's highest "
         "mountain is devastated.")
QWEST = ("The Saints ( 11 - 5) face the NFC West - champion Seattle Seahawks ( 7 - 9) in a wildcard game at 3: 30 p. m. "
         "Saturday at Qwest Field.")


@pytest.mark.parametrize("a, b, a2, b2", [
    # two people of different ages; the same age with another nationality conflicts
    (BRITISH, "A 36 - year - old Australian climber is dead after falling about 150 metres at Aoraki Mount Cook.",
     BRITISH, BRITISH.replace("British", "Australian")),
    # a town placed in the state the other side names; another town of that state conflicts
    (BISCAYNE, "LaRue was at a meeting at Nixon's Florida holiday home at which the scheme was first mooted.",
     BISCAYNE, BISCAYNE.replace("Key Biscayne", "Palm Beach")),
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


def test_a_doubt_is_no_denial_while_will_not_is():
    assert "polarity" not in kinds(
        "Catching Fire has a release date of 22 November 2013 with production starting later in the year.",
        "Hit the jump for more including why Catching Fire might not make its November 22, 2013 release date.")
    assert "polarity" in kinds("Catching Fire will make its November 22, 2013 release date.",
                               "Catching Fire will not make its November 22, 2013 release date.")


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


def test_the_first_seasons_of_a_career_are_a_part_of_it():
    assert "number" not in kinds("Cheeks spent his first 11 seasons as a player with the 76ers.",
                                 "Cheeks has spent 19 seasons with the 76ers.")
    assert "number" in kinds("Cheeks spent his first 11 seasons as a player with the 76ers.",
                             "Cheeks spent his first 13 seasons as a player with the 76ers.")
