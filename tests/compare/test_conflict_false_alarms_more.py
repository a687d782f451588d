"""More false alarms of the conflict rules on untouched MSRP paraphrase pairs (bench/conflicts.py), each as a
real-looking sentence pair, beside a true conflict of the same shape that must still be found. Claims are built by
the normaliser's extractors, as `compare` builds them."""
from __future__ import annotations

import pytest
from .helpers import claim

from newsweave.compare.verdict import rules
from newsweave.compare.verdict import polarity as polarity_rules


def kinds(a: str, b: str) -> list[str]:
    return sorted({c.kind for c in rules.conflicts(claim(a, "A"), claim(b, "B"))})


# --------------------------------------------------------------------------- polarity

@pytest.mark.parametrize("a, b", [
    # a negation in a clause that shares nothing with the other claim adds a statement, it denies none
    ("Lamo had told reporters he would surrender to the FBI in Sacramento on Friday , but he had second thoughts .",
     "Lamo had told reporters he would surrender to the FBI on the courthouse steps in Sacramento on Friday , "
     "but he didn 't show up ."),
    ("What 's more , Mr. O 'Neill said that he hoped Hyundai would sell one million vehicles in the United States .",
     "That wasn 't all : Mr. O 'Neill said , he hoped Hyundai would sell 1 million vehicles in the United States ."),
    # "X denied Y" and "X said not Y" are one polarity
    ("Smith denied the charges of fraud , his lawyer said .",
     "Smith said the charges of fraud were not true , his lawyer said ."),
    # "has not seen such a protest since" says it was the biggest since
    ("It was the biggest protest in Hong Kong since hundreds of thousands marched in 1989 .",
     "Hong Kong has not seen such a protest since hundreds of thousands marched in 1989 ."),
    # a negative said in other words: "removed from" is "not in", "declined requests" is "did not respond"
    ("Senate Majority Leader Bill Frist , a Tennessee Republican , said he intended to work to get the loan provision "
     "removed from the final bill .",
     "Senate Majority Leader Bill Frist , a Tennessee Republican , said he intended to work to see that the loan "
     "provision was not in the final bill ."),
    ("Officer Evans did not respond to requests for an interview last week .",
     "Officer Evans had declined written and telephone requests for an interview ."),
    ("United already has paid the city $ 34 million in penalties for missing the first round of employment targets .",
     "United has paid $ 34 million in penalties for failing to meet employment targets ."),
    # a negated negative states the positive
    ("Police continue to hold out the possibility that more than one person was involved in the poisonings .",
     "Investigators have not ruled out the possibility that more than one person was behind the poisonings ."),
    # "unless" is "if not"
    ("If the subsidies are not repealed , the European Union is threatening trade sanctions against the United States .",
     "The European Union is threatening trade sanctions unless the subsidies are repealed ."),
    # litotes: "not difficult" is "easy"
    ("The decision to cancel the program was an easy one , the spokesman said .",
     "The decision to cancel the program was not difficult , the spokesman said ."),
])
def test_same_polarity_in_other_words(a, b):
    assert "polarity" not in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("Lamo had told reporters he would surrender to the FBI in Sacramento on Friday .",
     "Lamo had not told reporters he would surrender to the FBI in Sacramento on Friday ."),
    ("Smith denied the charges of fraud , his lawyer said .",
     "Smith did not deny the charges of fraud , his lawyer said ."),
    ("Hong Kong has seen such a protest before , when hundreds of thousands marched in 1989 .",
     "Hong Kong has not seen such a protest before , when hundreds of thousands marched in 1989 ."),
    ("Senate Majority Leader Bill Frist , a Tennessee Republican , said the loan provision was in the final bill .",
     "Senate Majority Leader Bill Frist , a Tennessee Republican , said the loan provision was not in the final "
     "bill ."),
    ("Officer Evans did not respond to requests for an interview last week .",
     "Officer Evans responded to requests for an interview last week ."),
    ("Police have ruled out the possibility that more than one person was involved in the poisonings .",
     "Investigators have not ruled out the possibility that more than one person was behind the poisonings ."),
    ("The European Union is threatening trade sanctions if the subsidies are repealed .",
     "The European Union is threatening trade sanctions unless the subsidies are repealed ."),
    ("The decision to cancel the program was a difficult one , the spokesman said .",
     "The decision to cancel the program was not difficult , the spokesman said ."),
    # an abbreviation with and without its dots is one word
    ("The U.S. will send troops to Liberia , officials said .",
     "The US will not send troops to Liberia , officials said ."),
])
def test_true_polarity_flips_are_still_found(a, b):
    assert "polarity" in kinds(a, b)


def test_what_is_said_leaves_out_dateline_and_speaker_apposition():
    c = claim("WASHINGTON ( Reuters ) - Senate Majority Leader Bill Frist , a Tennessee Republican , said the bill "
              "would pass .", "A")
    assert polarity_rules._statement(c).split() == "Senate Majority Leader Bill Frist said the bill would pass .".split()
    c = claim("SAN JOSE , Calif . - Intel said on Tuesday it would cut 1,000 jobs .", "A")
    assert polarity_rules._statement(c).startswith("Intel said")


def test_abbreviations_are_content_words_with_or_without_dots():
    assert "us" in polarity_rules._polarity_content(claim("The U.S. will send troops to Liberia .", "A"))
    assert "us" in polarity_rules._polarity_content(claim("The US will send troops to Liberia .", "A"))
    assert "us" not in polarity_rules._polarity_content(claim("He told us the troops would go to Liberia .", "A"))


def test_a_name_with_a_negation_word_is_no_negation():
    c = claim("Schools must meet the goals of the No Child Left Behind Act by 2014 , the state said .", "A")
    assert polarity_rules._cue_words(c) == []
    assert polarity_rules._cue_words(claim("Schools said no child was left behind .", "A")) == ["no"]


# --------------------------------------------------------------------------- numbers

@pytest.mark.parametrize("a, b", [
    # a hyphenated number counts the word it is joined to: judges on the panel, pages of the ruling
    ("The three-judge panel issued its ruling on Monday .",
     "The panel issued a two-page ruling on Monday ."),
    # pence and cents are coins of two currencies
    ("BP shares slipped 0.8 percent to 433.50 pence in afternoon trading .",
     "BP shares slipped 48 cents in afternoon trading ."),
    # a change ("rise by $ 300") is not a level ("from $ 2,500")
    ("At community colleges , tuition will jump to $ 2,800 from $ 2,500 .",
     "Community college students will see their tuition rise by $ 300 to $ 2,800 ."),
    ("According to the 2000 Census , the Hispanic population was listed at 35.8 percent .",
     "According to the Census Bureau , the Hispanic population increased by 9.8 percent from the 2000 census ."),
    # a part is not the whole
    ("Chief Executive Rod Eddington is to meet the three unions separately on Monday afternoon .",
     "Eddington is to meet the other two unions separately later on Monday ."),
    # a figure per head is not the total
    ("When police removed the four from the home , they weighed 136 pounds combined .",
     "Each boy weighed less than 50 pounds when they were removed from the home Oct. 10 ."),
])
def test_figures_of_different_things_do_not_conflict(a, b):
    assert "number" not in kinds(a, b)


@pytest.mark.parametrize("a, b", [
    ("The three-judge panel issued its ruling on Monday .",
     "The two-judge panel issued its ruling on Monday ."),
    ("The panel issued a 22-page ruling on Monday .",
     "The panel issued its ruling , 33 pages long , on Monday ."),
    ("BP shares slipped 53 cents in afternoon trading .",
     "BP shares slipped 48 cents in afternoon trading ."),
    ("At community colleges , tuition will jump by $ 500 to $ 2,800 .",
     "Community college students will see their tuition rise by $ 300 to $ 2,800 ."),
    ("Chief Executive Rod Eddington is to meet the three unions separately on Monday afternoon .",
     "Eddington is to meet the two unions separately later on Monday ."),
    ("When police removed the four from the home , they weighed 136 pounds combined .",
     "The boys weighed 90 pounds combined when they were removed from the home Oct. 10 ."),
    # "by" after a verb that is no change names who did it, not a change
    ("Overture 's listings are generated by more than 100,000 advertisers .",
     "Overture 's listings come from more than 200,000 advertisers ."),
])
def test_figures_of_one_thing_still_conflict(a, b):
    assert "number" in kinds(a, b)


# --------------------------------------------------------------------------- dates

def test_a_span_end_holds_an_earlier_date():
    a = "The agency will consider as timely any tax returns or payments due Aug. 15 if they are submitted by Aug. 22 ."
    b = ("The agency said it would consider as timely any tax returns or payments due from Friday through Aug. 22 if "
         "they are completed by Aug. 22 .")
    assert "date" not in kinds(a, b)
    assert "date" not in kinds("Additionally , early voting will be conducted from 1 to 6 p.m. Sept . 7 .",
                               "Early voting will run weekdays from 8 a.m. to 5 p.m. through Sept . 9 .")


def test_a_date_after_the_span_end_or_a_lone_until_still_conflicts():
    assert "date" in kinds("Early voting will be conducted on Sept . 12 .",
                           "Early voting will run weekdays from 8 a.m. to 5 p.m. through Sept . 9 .")
    assert "date" in kinds("Florida 's primary isn 't until March 9 , following 28 other states .",
                           "Florida 's primary will be September 9 , after 28 states ' primaries or caucuses .")


def test_a_spaced_curly_apostrophe_is_a_negation():
    """ "hadn ’ t" (tokenised text keeps spaces around the apostrophe) negates like "hadn't"."""
    a = "The City Attorney ’ s office said the case hadn ’ t been submitted as of Tuesday ."
    b = "The City Attorney's office said the case hadn't been submitted as of Tuesday ."
    assert polarity_rules._cue_words(claim(a, "A")) == ["n't"]
    assert "polarity" not in kinds(a, b)
    assert "polarity" in kinds(a, "The City Attorney's office said the case had been submitted as of Tuesday .")


def test_who_said_it_is_not_what_is_denied():
    """The reporting frame ("King said", ", said Lt. Gerry Scherlinck") is not part of a negation's clause."""
    a = "King said after the Sixers were eliminated by Detroit that he planned to bring O'Brien back ."
    assert "polarity" not in kinds(a, "King said he didn't want to make a snap decision when the season ended .")
    assert "polarity" in kinds(a, "King said after the Sixers were eliminated by Detroit that he did not plan to "
                                  "bring O'Brien back .")
    assert "polarity" not in kinds(
        "Witnesses said the shooter used a shotgun or a rifle , Troy police Lieutenant Gerry Scherlinck said .",
        "The victims ' conditions weren't immediately known , said Troy police Lt. Gerry Scherlinck .")


def test_an_approximate_count_orders_apart_is_another_count():
    a = "The pirates are from Somalia and Yemen , two countries surrounding the Gulf of Aden , Sinha said ."
    assert "number" not in kinds(a, "They are taking the vessels to pirate regions in Somalia , with an estimated "
                                    "1,500 pirates .")
    assert "number" in kinds("They are taking the vessels to pirate regions in Somalia , with an estimated 1,200 "
                             "pirates .",
                             "They are taking the vessels to pirate regions in Somalia , with an estimated 1,500 "
                             "pirates .")


def test_a_figure_within_a_stated_range_agrees():
    a = "Predictions ranged from 16 cents a share to 27 cents a share , according to Thomson First Call ."
    assert "number" not in kinds(a, "Wall Street analysts had expected 22 cents a share , according to Thomson "
                                    "First Call .")
    assert "number" in kinds(a, "Wall Street analysts had expected 32 cents a share , according to Thomson First "
                                "Call .")
    # two ranges with different ends disagree; a change "from X to Y" is no range
    assert "number" in kinds("The results ranged from 1 per cent to 36 per cent for American Spirit .",
                             "The results ranged from 1 per cent to 75 per cent for American Spirit .")
    assert "number" in kinds("The Xeon was used in more systems , rising from 76 systems in June to 152 systems .",
                             "The Xeon was used in more systems , rising from 116 systems in June to 152 systems .")
