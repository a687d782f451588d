"""Reading a claim's figures as slot values: which toll, magnitude or count each figure gives, what it counts,
and what the text says of its time."""
from __future__ import annotations

import pytest

from newsweave.compare.claims.attributes import KEYED, read_values

from ..verdict.helpers import claim


def values(text: str) -> list[tuple[str, str, str]]:
    return [(v.quantity.text, v.attribute, v.counted) for v in read_values(claim(text, "A"))]


@pytest.mark.parametrize("text, expected", [
    ("A powerful earthquake hit southern Iran, killing at least 10 people, injuring dozens more.",
     [("at least 10", "deaths", "")]),
    ("Ten people were killed and at least 50 injured when an earthquake razed villages.",
     [("Ten", "deaths", ""), ("at least 50", "injured", "")]),
    ("Sheriff: Michigan office shooting kills 1, injures 2", [("1", "deaths", ""), ("2", "injured", "")]),
    ("Quake hits island off south Iran, five hurt: media", [("five", "injured", "")]),
    ("Aftershocks jolt Iran's Qeshm island, death toll rises to 10", [("10", "deaths", "")]),
    ("Around 1,000 people are housed temporarily in tents.", [("Around 1,000", "displaced", "")]),
    ("The Indian navy said it arrested 23 pirates who threatened a merchant vessel.", [("23", "arrested", "")]),
    ("Zelensky said this week that at least 4,000 have already been killed or wounded.",
     [("at least 4,000", "casualties", "")]),
    ("More than 300 soldiers were killed or wounded in the assault.", [("More than 300", "casualties", "")]),
    ("Officials said 12 people were killed and 40 wounded in the attack.",
     [("12", "deaths", ""), ("40", "injured", "")]),
])
def test_the_words_that_govern_a_figure_give_its_toll(text, expected):
    assert values(text) == expected


def test_a_magnitude_is_read_from_the_quake_it_measures():
    assert values("An earthquake measuring 5.6 on the Richter scale jolted Qeshm island.") == [
        ("5.6", "magnitude", "")]
    assert values("The same island was hit by a 6.1 quake in September.")[0][1] == "magnitude"
    assert values("The quake was followed by aftershocks varying from 2.8 to 3.8 degrees on the Richter scale.")[0][
        2] == "aftershock"


def test_a_count_split_by_groups_counts_each_group():
    assert values("Police said two women and one man died at a branch of the bank.") == [("two", "deaths", "woman")]
    assert [v[2] for v in values("Commandos boarded the boat, seizing 12 Somali and 11 Yemeni nationals.")] == [
        "somali", "yemeni"]


@pytest.mark.parametrize("text", [
    "She was charged with two counts of first degree murder.",  # counts of a charge, not deaths
    "Police said the shotgun held nine pellets in each shot.",  # pellets, not people shot
    "Police said they had located Anthony LaCalamita on Interstate 75, north of where the shootings took place.",
    "Officers found a 12-gauge shotgun in the vehicle of the man who shot them.",
    "The bodies of two more victims were found in the village.",  # an increment, not the toll
])
def test_figures_that_count_no_people_or_name_something_are_no_toll(text):
    assert not [v for v in values(text) if v[1] in KEYED]


def test_the_text_dates_a_figure_back_or_marks_it_new():
    read = read_values(claim("The death toll from the quake has risen to 24, officials said, up from 5 earlier.", "A"))
    assert [(v.quantity.low, v.attribute, v.phase) for v in read] == [(24, "deaths", "new"), (5, "deaths", "earlier")]
    assert read_values(claim("Officials initially said 30 people had died.", "A"))[0].phase == "earlier"
    assert read_values(claim("Earlier on Sunday a 5.6 quake jolted the island.", "A"))[0].phase == ""


def test_plain_figures_take_the_attribute_of_their_unit():
    assert values("The damage is estimated at $ 1 million.")[0][1] == "amount"
    assert values("Stocks fell 3.9 percent in Athens.")[0][1] == "percent"
    assert values("The quake struck seven km east of Dargahan.")[0][1] == "distance"
    assert values("The governor said 2,000 tents were ready.")[0][1] == "count"
