"""False alarms of the conflict rules on untouched MSRP paraphrase pairs (bench/conflicts.py), each reduced to a
small real sentence pair, with a true conflict of the same shape that must still be found. Claims are built by
the normaliser's extractors, as `compare` builds them."""
from __future__ import annotations

import pytest

from newsweave.compare.verdict import polarity as polarity_rules
from newsweave.compare.verdict.entities import matching as entity_matching
from newsweave.compare.verdict.rules import conflicts

from .helpers import (claim, conflict_kinds as kinds, conflicts_found as found, entity_pair as _entity,
                      number_pair as _number)

pytest.importorskip("spacy")


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


# ===========================================================================
# Polarity in other words, what is said apart from its dateline and speaker, abbreviations, figures of different
# things or of one thing, span ends and stated ranges.

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


# ===========================================================================
# Two different names that each fill a slot the other wording fills with a pronoun or a common noun; an attempt and
# its failure; market benchmarks quoted side by side.

def test_names_in_crossed_slots_are_no_swap():
    """ "Mr. Smith" is the subject on one side, where the other says "He"; "Dr. Jones" is the object on the other,
    where the first says "the Houston pastor": each name has its counterpart, and the two are no swap."""
    a = "Mr. Smith has praised the Houston pastor for his work with homeless families ."
    b = "He has praised Dr. Jones for his work with homeless families ."
    assert _entity(a, b) == []
    assert conflicts(claim(a, "A"), claim(b, "B")) == []


def test_a_name_replaced_in_the_same_slot_still_conflicts():
    """The control: the subject replaced by another name is a swap."""
    found = _entity("Mr. Smith has praised the Houston pastor for his work with homeless families .",
                    "Mr. Brown has praised the Houston pastor for his work with homeless families .")
    assert [(c.a["value"], c.b["value"]) for c in found] == [("Smith", "Brown")]


def test_a_name_the_other_side_gives_elsewhere_is_not_replaced():
    """ "the U.S. market" / "the PC market in the United States": the other side still names the United States,
    so "PC" in the same place is something it adds, not what it put in the place of "U.S.". """
    a = "Dell has about 32 percent of the U.S. market , but a much lower share in the rest of the world ."
    b = "Dell has 32 percent of the PC market in the United States , but only a 10 percent share in the rest of the world ."
    assert _entity(a, b) == []


def test_a_list_that_grows_keeps_its_names():
    """A list that adds a name after one both sides give ("... Columbus ." / "... Columbus , Ohio , and
    Washington .") replaces none of them."""
    a = "The agency closed bookstores in San Francisco , Boston , Chicago , Cleveland , and Columbus ."
    b = "Since 2001 , the agency has closed bookstores in San Francisco , Boston , Chicago , Cleveland , Columbus , " \
        "Ohio , and Washington ."
    assert _entity(a, b) == []


def test_a_name_replaced_between_the_same_words_still_conflicts():
    """The control: the other side does not name the first name anywhere, so the second one replaced it."""
    found = _entity("Dell has about 32 percent of the Texas market , but a much lower share in the rest of the world .",
                    "Dell has 32 percent of the Ohio market , but only a 10 percent share in the rest of the world .")
    assert [(c.a["value"], c.b["value"]) for c in found] == [("Texas", "Ohio")]


def test_an_attempt_is_not_contradicted_by_its_failure():
    """ "tries to stay above" states no outcome; "failed to stay above" states one: no polarity conflict."""
    from newsweave.compare.verdict.polarity import polarity_conflicts

    a = claim("In Canada , the rising dollar will be in focus again as it tries to stay above the 75 cent mark .", "A")
    b = claim("In Canada , the rising dollar was in focus again as it just failed to stay above the 75 cent mark .", "B")
    assert polarity_conflicts(a, b) == [] and polarity_conflicts(b, a) == []


def test_a_failure_still_contradicts_a_success():
    """The control: "stayed above" states the outcome that "failed to stay above" denies."""
    from newsweave.compare.verdict.polarity import polarity_conflicts

    a = claim("In Canada , the rising dollar was in focus again as it stayed above the 75 cent mark .", "A")
    b = claim("In Canada , the rising dollar was in focus again as it just failed to stay above the 75 cent mark .", "B")
    found = polarity_conflicts(a, b)
    assert [c.kind for c in found] == ["polarity"] and "A states it" in found[0].explanation


def test_two_market_benchmarks_quoted_side_by_side_are_two_facts():
    """A market report gives each index (or each futures contract) its own move and level: the Nasdaq's figures
    are not a misreport of the S&P 500's, nor heating oil's of gasoline's."""
    from newsweave.compare.verdict.numbers import number_conflicts

    pairs = [("The broader Standard & Poor 's 500 Index gained 3 points , or 0.39 percent , to 924 .",
              "The technology-laced Nasdaq Composite Index rose 6 points , or 0.41 percent , to 1,498 ."),
             ("November gasoline futures settled 1.47 cents lower at 78.70 cents a gallon .",
              "November heating oil futures ended down 0.41 cent at 70.74 cents a gallon .")]
    for a, b in pairs:
        assert number_conflicts(claim(a, "A"), claim(b, "B")) == []


def test_one_benchmark_quoted_with_two_figures_still_conflicts():
    """The control: the same index with another move is a conflict, its explanation naming both figures."""
    from newsweave.compare.verdict.numbers import number_conflicts

    found = number_conflicts(claim("The Nasdaq Composite Index rose 6 points , or 0.41 percent , to 1,498 .", "A"),
                             claim("The Nasdaq Composite Index rose 9 points , or 0.41 percent , to 1,498 .", "B"))
    assert [c.explanation for c in found] == ["A says 6, B says 9 (points)"]


# ===========================================================================
# Paraphrases that state the same facts, or facts about two contrasted groups (private and public, House and Senate,
# overall and one place); names the tagger typed otherwise or transliterated two ways.

# --------------------------------------------------------------------------- figures of two contrasted groups

def test_private_and_public_figures_are_two_facts():
    assert not _number("Tuition at four-year private universities averaged $ 21,300 this year , up 5 percent .",
                       "This year , tuition at public universities averaged $ 5,100 , up almost $ 400 .")


def test_house_and_senate_plans_are_two_facts():
    assert not _number("The Senate-passed farm bill sets the subsidy at 40 percent of costs .",
                       "Under the House-passed farm bill , the subsidy would be 25 percent of costs .")


def test_the_same_group_still_conflicts():
    found = _number("Tuition at public universities averaged $ 5,100 this year .",
                    "This year , tuition at public universities averaged $ 7,900 .")
    assert found and found[0].kind == "number"


def test_overall_figure_and_one_place():
    assert not _number("Overall , 71 percent of drivers wore seat belts , compared with 64 percent of passengers .",
                       "But in Chicago , 68 percent of passengers and only 52 percent of drivers wore seat belts .")


def test_nationwide_as_a_word_is_no_whole_frame():
    """Only an opening "Overall ," / "Nationwide ," frames the figures; "a nationwide programme" does not."""
    found = _number("The minister said he would launch a $ 40 million nationwide programme to repair schools .",
                    "The minister said he would launch a $ 90 million programme to repair schools across Kenya .")
    assert found and found[0].kind == "number"


# --------------------------------------------------------------------------- real swaps stay

def test_two_full_names_still_conflict():
    found = _entity("George Harrison bought the guitar in Liverpool .", "Paul McCartney bought the guitar in Liverpool .")
    assert found and found[0].kind == "entity"


# --------------------------------------------------------------------------- group sizes, doubt, aliases

def test_group_size_is_not_the_total():
    assert not _number("About 150 prospective jurors were asked to fill out a long questionnaire .",
                       "The jurors were brought into the courtroom in groups of 50 and asked to fill out a questionnaire .")


def test_total_still_conflicts():
    found = _number("About 150 prospective jurors were asked to fill out a long questionnaire .",
                    "About 250 prospective jurors were asked to fill out a questionnaire .")
    assert found and found[0].kind == "number"


def test_admitted_doubt_is_no_denial():
    from newsweave.compare.verdict.polarity import polarity_conflicts

    assert not polarity_conflicts(
        claim('Whether the schedule allows me to attend all three games , we will see what happens , " he said .', "A"),
        claim('Whether the schedule allows me to attend all three games , I don \'t know , but we will see what happens .',
              "B"))


def test_lone_name_whose_alias_the_tagger_typed_otherwise():
    assert not _entity("IAC 's stock closed yesterday down $ 1.90 , or 5.2 percent , at $ 31.40 .",
                       "InterActiveCorp 's shares closed at $ 31.40 , down $ 1.90 , or 5.2 percent on the Nasdaq Stock Market .")


def test_state_abbreviation_after_a_city_is_a_place():
    """ "Birmingham , Ala ." : the tagger may call "Ala" an organisation; it is no counterpart for a lone agency name."""
    from newsweave.compare.verdict.entities.kinds import state_after_city as _state_after_city
    from newsweave.compare.verdict.entities.mentions import names_of as _names

    c = claim("Since 2001 , the agency has closed bookstores in Boston , Chicago , Birmingham , Ala . , Cleveland , "
              "Ohio , and Washington .", "B")
    flagged = {e.text for e in _names(c) if _state_after_city(c, e)}
    assert flagged <= {"Ala", "Ala ."} and not {"Boston", "Ohio", "Washington"} & flagged


def test_brand_and_its_parent_share_a_first_word():
    assert not _entity("Coastal Air will continue its operations as a Delta Connection carrier .",
                       "It will continue its regional service for Delta Air Lines , Coastal Air said .")


# --------------------------------------------------------------------------- one person, two transliterations

def test_surname_transliterated_two_ways():
    assert not _entity("They named the man charged as Abdelkader Benhalli , a 41-year-old of Algerian origin who was "
                       "arrested in the port town of Dover last week .",
                       "Last week , Abd al-Qadir Benhaly , a 41-year-old of Algerian origin , was arrested in the port "
                       "town of Dover .")


def test_different_surnames_still_conflict():
    found = _entity("Police named the man charged as Abdelkader Benhalli , who was arrested in Dover last week .",
                    "Police named the man charged as Mohammed Kassim , who was arrested in Dover last week .")
    assert found and found[0].kind == "entity"


def test_organisations_of_one_country_still_conflict():
    """Two names ending in the same word ("... of Ukraine") are no transliteration of each other."""
    from newsweave.compare.verdict.entities.matching import _same_spelling

    assert not _same_spelling("Security Service of Ukraine", "National Guard of Ukraine")


# ===========================================================================
# Parts of the day, "since", months without a year, flight numbers, scores and ranks, bounds and stated ranges, "not
# yet", spelling variants of one name.

def test_same_part_of_day_agrees():
    # a part of a day is a sub-day interval: "Thursday morning" agrees with itself
    assert found("A hearing was held Thursday morning in Fulton County Superior Court.",
                 "A hearing Thursday morning in Fulton County Superior Court marked the first step.") == []


@pytest.mark.parametrize("a, b", [
    ("Tibco has used the Rendezvous name since 1994 for its products.",
     "Tibco has used the Rendezvous name since 1996 for its products."),
    ("As many as 200 operatives have slipped back into the country since May 1.",
     "As many as 200 operatives have slipped back into the country since August 1."),
])
def test_since_compares_the_starts(a, b):
    assert [k for k, _, _ in found(a, b)] == ["date"]


def test_month_without_a_year_still_compared():
    assert [k for k, _, _ in found("The trial of Gary Sampson will be held in September.",
                                   "The trial of Gary Sampson will be held in March.")] == ["date"]


def test_flight_numbers_scores_and_ranks():
    assert ("number", "77", "42") in found("The hijackers flew American Airlines Flight 77 into the Pentagon.",
                                           "The hijackers flew American Airlines Flight 42 into the Pentagon.")
    assert found("The court ruled 5-4 that vouchers are constitutional.",
                 "The court ruled 5-13 that vouchers are constitutional.") == [("number", "5-4", "5-13")]
    assert found("The court ruled 5-4 that vouchers are constitutional.",
                 "The court ruled 4-5 that the vouchers are constitutional.") == []
    assert found("Gagne pitched a perfect ninth for his 23rd save.",
                 "Gagne struck out two in a perfect ninth for his 71st save.") == [("number", "23rd", "71st")]


def test_number_label_is_not_a_negation():
    assert found("Zelensky thanked Tactical Group No. 84 and the paratroopers who captured the soldiers.",
                 "The soldiers were captured by paratroopers and Tactical Group No. 84, Zelensky said.") == []


def test_related_names_are_not_a_swap_but_an_unrelated_one_is():
    pytest.importorskip("onnxruntime")
    assert found("Saddam loyalists have been blamed for sabotaging the nation's infrastructure.",
                 "Hussein loyalists have been blamed for sabotaging the nation's infrastructure.") == []
    kinds = [k for k, _, _ in found("Microsoft said it would buy the antivirus firm for $10 million.",
                                    "Oracle said it would buy the antivirus firm for $10 million.")]
    assert kinds == ["entity"]


def test_a_bound_reaches_only_so_far():
    a = "Sprint plans to have more than 2,100 hot spots by the end of the year."
    assert found(a, "Sprint plans to have 2,300 hot spots by the end of the year.") == []
    assert [k for k, _, _ in found(a, "Sprint plans to have 3,152 hot spots by the end of the year.")] == ["number"]


def test_stated_ranges_agree_bound_by_bound():
    a = "There were between 400,000 and 750,000 Iraqis employed by state-owned enterprises."
    assert [k for k, _, _ in found(a, "There were between 400,000 and 1,500,000 Iraqis employed by state "
                                      "enterprises.")] == ["number"]
    assert found(a, "Between 400,000 and 750,000 Iraqis were employed by state-owned enterprises.") == []


@pytest.mark.parametrize("a, b", [
    ("But none of them opposed the idea outright, ministers said.",
     "But none of the ministers opposed Mr. Powell's suggestion outright on Thursday, the ministers said."),
    ("Revenue declined to $36.9 billion from $39.3 billion, reflecting lower vehicle sales.",
     "Revenue fell to $36.9 billion from $39.3 billion a year ago, due to lower vehicle sales."),
    ("\"I don't know anybody in the committee who's fighting to keep it out,\" Peterson added.",
     "Peterson added, I dont know anybody in the committee whos fighting to keep it out."),
    ("Florida's primary isn't until March 9, following 28 other states.",
     "Florida's primary will be March 9, after 28 other states."),
])
def test_the_same_statement_in_other_words_has_no_conflict(a, b):
    assert [k for k, _, _ in found(a, b)] == []


def test_not_yet_is_a_negation():
    assert [k for k, _, _ in found("Businesses are feeling confident enough to upgrade their office PCs.",
                                   "Businesses are not yet feeling confident enough to upgrade their office PCs.")
            ] == ["polarity"]


@pytest.mark.parametrize("x, y, same", [
    ("U.S", "US military", True), ("Al Qaeda", "Qaida", True), ("D-Neb", "Nebraska", True),
    ("Federal Emergency Management Administration", "Federal Emergency Management Agency", True),
    ("Microsoft", "Army", False), ("British police", "British military", False), ("Tacoma Mall", "Tacoma Cemetery", False),
])
def test_spelling_variants_of_one_name(x, y, same):
    assert entity_matching._same_spelling(x, y) is same
