"""Entity conflicts by grammatical role: a name that replaces another in the same role (subject, doer or undergoer
of one verb in either voice, owner, the place given for one noun, the speaker) is a conflict; names in different
roles, a place that says where rather than who, a speaker and the body he speaks for are not.  Claims come from the
normaliser's own extractors (spaCy NER), as `compare` builds them, or from spans given by hand where the tagger
does not always make the error at hand."""
from __future__ import annotations

import pytest

from newsweave.compare.verdict.entities import entity_conflicts

from .helpers import claim, entity_pair as _entity, tagged as _tagged, value_pairs as _names

pytest.importorskip("spacy")


# --------------------------------------------------------------------------- one role: subjects, doers and undergoers, owners

def test_subject_swap_with_different_tags_and_verbs():
    """The subjects of the main clause differ while the rest is the same; the tagger types them differently and
    the verbs next to them differ ("found" / "ruled"), so only their role pairs them."""
    found = _entity("Smith found the cigarette tax falls on the tobacco consumer , not the tribe .",
                    "Robert Liscouski ruled that the state 's tax falls on the tobacco consumer , not the tribe .")
    assert found and all(c.kind == "entity" for c in found)
    assert ("Smith", "Robert Liscouski") in _names(found)
    assert "Smith" in found[0].explanation and "Robert Liscouski" in found[0].explanation


def test_passive_agent_is_the_subject():
    """ "required by Amazon" says who requires it, as the subject "Khodorkovsky would require" does."""
    found = _entity("But to see those pages , users would be required by Amazon to register .",
                    "But to see those pages Khodorkovsky would require users to register .")
    assert _names(found) == {("Amazon", "Khodorkovsky")}


def test_subjects_of_the_same_verb_pair_wherever_the_verb_sits():
    """ "an issue Microsoft on July 16 had warned about" / "which Sun Microsystems warned of": the speaker test
    reads only the word after the name, so one name looked like a speaker and the other not; both are the subject
    of "warn", and one replaced the other."""
    found = _entity("The worm attacks Windows computers via a hole in the operating system , an issue Microsoft on "
                    "July 16 had warned about .",
                    "The worm attacks Windows computers via a hole in the operating system , which Sun Microsystems "
                    "warned of 16 July .")
    assert _names(found) == {("Microsoft", "Sun Microsystems")}
    assert "Microsoft" in found[0].explanation and "Sun Microsystems" in found[0].explanation


def test_the_doer_and_the_undergoer_of_one_verb_in_either_voice():
    """ "Scruggs ... was cleared of a second charge" / "The jury cleared Russian of a second charge": the subject of
    the passive and the object of the active undergo the same verb."""
    from newsweave.compare.claims.roles import verb_role

    a = claim("Scruggs , who did not testify , was cleared of a second charge of failing to provide her son with "
              "proper medical and psychological care .", "A")
    b = claim("The six-member jury cleared Russian of a second charge that accused her of failing to provide her son "
              "with proper medical and psychological care .", "B")
    assert _names(entity_conflicts(a, b)) == {("Scruggs", "Russian")}
    scruggs = next(e for e in a.entities if e.text == "Scruggs")
    assert verb_role(a, scruggs) == ("undergoer", "clear")


def test_verbs_fold_without_a_lemmatizer():
    """The pipeline has no lemmatizer (every lemma is empty), so lemmas would make any two verbs "the same verb":
    verbs fold to a stem instead, irregular forms by a table."""
    from newsweave.compare.claims.roles import _verb_key, parse

    doc = parse("He said it and she says so ; they cleared it and it clears .")
    keys = {t.text: _verb_key(t) for t in doc if t.pos_ == "VERB"}
    assert keys["said"] == keys["says"] == "say" and keys["cleared"] == keys["clears"] == "clear"


def test_a_bare_plural_of_a_party_names_its_group():
    """ "Democrats can block" names a group as a name does (a bare plural subject), so the one unshared name of the
    other side in that role replaced it; "the Connecticut Democrat" (an article, a qualifier) only describes."""
    from newsweave.compare.claims.roles import describes

    a = claim("That means Democrats can block any court nominee through a filibuster if they can get 40 of their "
              "members to agree .", "A")
    b = claim("But Frist can block any potential nominee through a filibuster if they can get 40 votes .", "B")
    found = entity_conflicts(a, b)
    assert _names(found) == {("Democrats", "Frist")}
    assert not describes(a, next(e for e in a.entities if e.text == "Democrats"))
    c = claim("The bill will hurt working families , the Connecticut Democrat said on Tuesday .", "C")
    assert describes(c, next(e for e in c.entities if e.text == "Democrat"))


def test_owners_of_two_words_for_one_thing():
    """ "Shares of Microsoft rose" / "Army 's stock was up": the owner of "shares" and the owner of "stock"."""
    found = _entity("Shares of Microsoft rose 50 cents Friday to close at $ 28.34 a share on the Nasdaq Stock Market .",
                    "Army 's stock was up 50 cents , to $ 28.34 a share in New York yesterday .")
    assert ("Microsoft", "Army") in _names(found)


def test_a_company_the_tagger_typed_as_a_group_owns_its_offer():
    """ "the Oracle offer" (Oracle typed NORP) / "Times 's tender offer": only a people's, a faith's or a party's word
    describes what follows it; a company owns it."""
    from newsweave.compare.verdict.entities.kinds import is_group_word as _group_word

    assert _group_word("Turks") and _group_word("Shiites") and _group_word("Democrats")
    assert not _group_word("Oracle")
    a = _tagged("PeopleSoft 's board now has 10 business days to evaluate the Oracle offer and make a recommendation to "
                "its shareholders .", "A", ("PeopleSoft", "ORG"), ("Oracle", "NORP"))
    b = _tagged("Nevertheless , PeopleSoft must review Times 's tender offer and make a recommendation to "
                "shareholders .", "B", ("PeopleSoft", "ORG"), ("Times", "ORG"))
    assert _names(entity_conflicts(a, b)) == {("Oracle", "Times")}


def test_a_new_name_in_the_slot_of_a_name_the_other_side_moves():
    """Both give Limbaugh; on one side he owns the mansion, on the other Hernandez does and Limbaugh only owns the
    drug use (where the first side says "his"). A shared name that is the subject of a verb on the other side
    may do the same thing there in other words, and is no swap."""
    found = _entity("Meanwhile , law enforcement officials in Palm Beach County , Fla . , where Limbaugh owns a $ 24 "
                    "million mansion , said his drug use is under investigation .",
                    "A law enforcement source in Palm Beach County , where Hernandez owns a $ 24 million oceanfront "
                    "mansion , said last week that Limbaugh 's drug use is still under investigation .")
    assert ("Limbaugh", "Hernandez") in _names(found)
    # "Bennett declined ... , as did Mills" / "Mr. Mills declined": Mills declines on both sides, in other words
    found = _entity("Board Chancellor Robert Bennett declined to comment on personnel matters Tuesday , as did Mills .",
                    "Mr. Mills declined to comment yesterday , saying that he never discussed personnel matters .")
    assert not found


def test_a_new_owner_where_the_shared_name_undergoes_a_verb_instead():
    """ "to assume Mr. Black 's identity" / "Durst killed Black so that he could assume Swartz 's identity": Black
    owns the identity on one side and is killed on the other, where Swartz owns it."""
    found = _entity("Prosecutors contended that Mr. Durst had plotted the murder to assume Mr. Black 's identity .",
                    "Prosecutors said that Durst killed Black so that he could assume Swartz 's identity .")
    assert _names(found) == {("Black", "Swartz")}
    found = _entity("Police said the gang had planned the robbery to get at Mr. Hill 's savings .",
                    "Police said the gang robbed Hill to get at Jones 's savings .")
    assert _names(found) == {("Hill", "Jones")}


def test_names_paired_with_one_shared_name():
    """ "Mr. Grassley and Mr. Baucus rejected" / "Grassley and New York City said they had rejected": beside
    Grassley, one name for another, though one side says it and the other does it."""
    found = _entity("Mr. Grassley and Mr. Baucus rejected any disparity in drug benefits .",
                    "Grassley and New York City said they had rejected that approach in their plan .")
    assert _names(found) == {("Baucus", "New York City")}


def test_the_partner_of_a_name_in_a_pair():
    from newsweave.compare.verdict.entities.grammar import _partner

    from .helpers import claim

    c = claim("Mr. Grassley and Mr. Baucus rejected any disparity in drug benefits .", "A")
    baucus = next(e for e in c.entities if e.text == "Baucus")
    assert _partner(c, baucus) == "grassley"
    c = claim("Grassley , Baucus and Hatch rejected the plan .", "A")
    assert all(_partner(c, e) is None for e in c.entities)


def test_an_apposition_the_parser_took_for_a_second_subject():
    """ "A Spanish tanker , Tunick , was to be loaded" (parsed as two subjects of "was") / "onto a Spanish tanker ,
    the Sandra Tapias": both name the tanker."""
    found = _entity("Another million barrels , bought by Spanish refiner Cepsa SA , was to be loaded onto a Spanish "
                    "tanker , the Sandra Tapias .",
                    "A Spanish tanker , Tunick , was to be loaded with another million barrels , bought by Spanish "
                    "refiner Cepsa SA , in the afternoon .")
    assert _names(found) == {("Sandra Tapias", "Tunick")}


# --------------------------------------------------------------------------- places: where, not who

def test_possessor_place_swap_is_a_conflict():
    """A city inside the country is no more specific place here: the country is whose trading partner it is."""
    found = _entity("Singapore is already the United States ' 12th-largest trading partner , with two-way trade "
                    "totaling more than $ 34 billion .",
                    "Although a small city-state , Singapore is the 12th-largest trading partner of the "
                    "Schaumburg , with trade volume of $ 33.4 billion last year .")
    assert _names(found) == {("United States", "Schaumburg")}


def test_country_qualifying_a_market_is_where_not_who():
    """ "the US chip market" / "the Americas market": a qualifier says where, and the Americas hold the US."""
    assert not _entity("The US chip market is expected to decline 2.1 percent this year , then grow 15.7 percent "
                       "in 2004 .",
                       "The Americas market will decline 2.1 percent to $ 30.6 billion in 2003 , and then grow "
                       "15.7 percent to $ 35.4 billion in 2004 .")


def test_places_given_for_one_noun():
    """ "Romanian port authorities" / "Port authorities in Guandong province": both say where the authorities are,
    though one qualifies the noun and the other follows it (and the second is read as the speaker)."""
    found = _entity("Romanian port authorities said two ships that sank during World War II had resurfaced as water "
                    "levels fell and could block river traffic .",
                    "Port authorities in Guandong province said two ships that sank during World War II but resurfaced "
                    "due to low water levels could block river traffic .")
    assert _names(found) == {("Romanian", "Guandong province")}


def test_a_place_and_a_place_inside_it_for_one_noun_agree():
    found = _entity("The jump was led by New York-based Altria , whose shares rose almost 10 percent .",
                    "The jump was led by Manhattan-based Altria , whose shares rose almost 10 percent .")
    assert not found


def test_places_after_different_prepositions_of_place_can_both_hold():
    """ "near Interstate 805" and "in San Diego": the road runs through the city; two ways of saying where."""
    assert not _entity("Jackson , 25 , was driving east on state Route 52 near Interstate 805 just after 2:30 a.m. "
                       "when he was pulled over , California Highway Patrol Officer Brad Baehr said .",
                       "Jackson failed sobriety tests shortly after 2 a.m. on state Route 52 in San Diego , said "
                       "Officer Brad Baehr .")


def test_a_town_before_the_name_of_something_there():
    """ "The Smyrna Nissan plant" (one span) / "Goldman Sachs 's Smyrna plant": both give Smyrna; the plant's owner
    differs. Where the other side's town stands alone it may stand for the whole name ("the Chicago Bulls" /
    "Chicago"), and a town named more closely is one place."""
    found = _entity("The Smyrna Nissan plant was recently named the most productive automotive manufacturing site in "
                    "North America , said Kisber .",
                    "Last week , a national study ranked Goldman Sachs 's Smyrna plant the most productive in North "
                    "America .")
    assert _names(found) == {("Nissan", "Goldman Sachs")}
    assert not _entity("Kerr , who won three championships with the Chicago Bulls in the 90 's and one with the Spurs "
                       "in 1999 , finished with 12 points .",
                       "Kerr , who won three NBA titles with Chicago and one with the Spurs in 1999 , finished with 12 "
                       "points .")
    assert not _entity('On Thursday , Lee won a preliminary injunction in New York preventing Viacom from using the '
                       'name " Spike TV . "',
                       "On Thursday , a New York City judge ordered Viacom to stop using the name Spike TV pending a trial .")


def test_name_qualifying_a_noun_is_not_the_name_that_noun_stands_for():
    """ "the Venango County man" is Waagner described by where he comes from, not another name for him."""
    assert not _entity("The jury verdict , reached Wednesday after less than four hours of deliberation , followed a "
                       "2 1 / 2 week trial , during which Waagner represented himself .",
                       "The quick conviction followed a 2 1 / 2 week trial , during which the Venango County man "
                       "represented himself .")


def test_demonym_describing_a_person_is_no_swap():
    assert not _entity("\" By its actions , the Bush administration threatens to give a bad name to a just war , \" "
                       "Lieberman said .",
                       "\" By its actions , the Bush administration threatens to give a bad name to a just war , \" "
                       "the Connecticut Democrat told a Capitol Hill news conference .")


# --------------------------------------------------------------------------- speakers and whom they speak for

def test_the_speaker_and_the_subject_of_what_is_said_share_the_main_role():
    """ "Kmart needs ..." / "Rescue California needs ..., said Burt Flickinger of Strategic Resource Group": both
    B names take the main role (the speaker counts as its subject), so the one that does not say it answers Kmart."""
    found = _entity('" Kmart needs to dramatically overhaul management in the areas of buying , store operations and '
                    'sourcing , " he said .',
                    'Overall , " Rescue California needs to dramatically overhaul management in the areas of buying , '
                    'store operations and sourcing , " said Burt Flickinger of Strategic Resource Group .')
    assert _names(found) == {("Kmart", "Rescue California")}


def test_speaker_and_reporting_subject_take_one_role():
    """ "the Commerce Department said GDP grew" / "the IMF estimated that GDP had grown": both say the statement."""
    found = _entity("A month ago , the Commerce Department said GDP grew at a 7.2 percent rate .",
                    "A month ago , the IMF estimated that GDP had grown at a 7.2 percent rate in the third quarter .")
    assert _names(found) == {("Commerce Department", "IMF")}


def test_speaker_for_an_organisation_is_no_swap():
    """A named person speaking and the organisation speaking are two sources of one statement, not a conflict."""
    assert not _entity("At least 7000 computers were affected by Parson 's worm , Assistant US Attorney Paul Luehr "
                       "said .",
                       "The FBI said at least 7000 computers were infected by Parson 's software .")


def test_an_employer_after_a_speaker_at_the_end_keeps_him_the_speaker():
    from newsweave.compare.verdict.entities.speakers import is_speaker as _speaker

    c = claim("Sales will fall , said Burt Flickinger of Strategic Resource Group .", "A")
    burt = next(e for e in c.entities if e.text == "Burt Flickinger")
    assert _speaker(c, burt)


def test_a_speaker_typed_as_an_organisation_but_given_an_employer_is_a_person():
    """A spokesman speaks for his organisation, so a person and an organisation who say the same are no swap; but
    "Tracey Powers of the National Interagency Fire Center" (an employer after the name) is a person the tagger
    typed as an organisation, and another person giving the same figure replaced her."""
    from newsweave.compare.verdict.entities.speakers import _person_like

    a = _tagged("Before Sunday , 19 firefighters had died on duty this year , according to Tracey Powers of the "
                "National Interagency Fire Center in Boise .", "A",
                ("Tracey Powers", "ORG"), ("National Interagency Fire Center", "ORG"), ("Boise", "GPE"))
    b = _tagged("Before yesterday , 19 firefighters had died on duty this year , said Robert Smith , spokeswoman "
                "for the National Interagency Fire Center in Boise .", "B",
                ("Robert Smith", "PERSON"), ("National Interagency Fire Center", "ORG"), ("Boise", "GPE"))
    assert _names(entity_conflicts(a, b)) == {("Tracey Powers", "Robert Smith")}
    assert _person_like(a, a.entities[0])
    c = _tagged("The FBI said 19 firefighters had died on duty this year .", "C", ("FBI", "ORG"))
    assert not _person_like(c, c.entities[0])


def test_a_spokesman_with_a_post_speaks_for_the_organisation():
    """ "Microsoft told the BBC" / "stated Gillian Kent , director at MSN UK": a person with an employer and post
    speaks for the company, whatever the company's name looks like."""
    assert not _entity('" As a responsible leader we feel it necessary to make these changes because online chat '
                       'services are increasingly being misused , " Microsoft told the BBC .',
                       '" As a responsible leader we felt it necessary to make these changes because online chat '
                       'services are increasingly being misused , " stated Gillian Kent , director at MSN UK .')


def test_a_person_who_says_what_she_does_is_no_spokesman():
    """ "Stewart said she intends to declare her innocence" / "Dhaliwal intends to declare her innocence": Stewart
    says it of herself, so the name that does it on the other side replaced her, though the tagger typed it as an
    organisation."""
    a = _tagged("Stewart said she intends to declare her innocence and proceed to trial if she is indicted , her "
                "lawyer said in a statement .", "A", ("Stewart", "PERSON"))
    b = _tagged("Dhaliwal intends to declare her innocence if indicted and proceed to trial , her lawyer said .", "B",
                ("Dhaliwal", "ORG"))
    assert _names(entity_conflicts(a, b)) == {("Stewart", "Dhaliwal")}
    c = _tagged("But Virgin wants to operate Concorde on routes to New York , Barbados and Dubai .", "C",
                ("Virgin", "ORG"), ("Concorde", "PRODUCT"), ("New York", "GPE"), ("Barbados", "GPE"), ("Dubai", "GPE"))
    d = _tagged("Branson said that his preference would be to operate a fully commercial service on routes to New "
                "York , Barbados and Dubai .", "D",
                ("Branson", "PERSON"), ("New York", "GPE"), ("Barbados", "GPE"), ("Dubai", "GPE"))
    assert not entity_conflicts(c, d)


def test_the_employers_of_two_spokesmen_share_a_role():
    """ "a spokeswoman for Global Crossing" / "A Pinal representative", "White House officials" / "A J.D. Edwards
    spokesman": whom the speaker speaks for, in any of these words."""
    found = _entity("Tisha Kresler , a spokeswoman for Global Crossing , declined to comment .",
                    "A Pinal representative had no immediate comment .")
    assert _names(found) == {("Global Crossing", "Pinal")}
    found = _entity("White House officials say Iran has one last chance to comply with IAEA inspection demands .",
                    'A J.D. Edwards spokesman added that Iran had " one last chance " to comply with its disarmament '
                    'obligations .')
    assert _names(found) == {("White House", "J.D. Edwards")}


def test_officials_at_a_place_do_not_speak_for_it():
    assert not _entity("Officials with North Carolina Speedway at Rockingham could not be reached .",
                       "NASCAR officials could not be reached for comment Tuesday .")


def test_two_speakers_one_of_them_typed_as_a_body():
    """ "Bolland told the News of the World" (the tagger types Bolland as an organisation, with nothing of one about
    the name) / "Mr Mahmud said": two people say it, no spokesman speaks for a body."""
    found = _entity("Bolland told the News of the World : I was astonished at Sir Michael 's question .",
                    'Mr Mahmud said : " I was astonished at Sir Michael \'s question .')
    assert _names(found) == {("Bolland", "Mahmud")}


def test_a_spokesman_still_speaks_for_a_body_that_looks_like_one():
    assert not _entity("The FBI said the suspect had been under watch for months .",
                       "Paul Luehr said the suspect had been under watch for months .")


def test_a_mention_that_only_names_an_employer_is_no_counterpart():
    """ "whether Japan had intervened" / "whether Arkansas had intervened": B gives Japan elsewhere, but only as the
    minister's employer ("Japan 's Finance Minister"); A's Japan is what intervened."""
    found = _entity("Finance Minister Masajuro Shiokawa said the yen has strengthened too much but declined to comment "
                    "on whether Japan had intervened .",
                    "Japan 's Finance Minister Masajuro Shiokawa said the yen had strengthened too much but declined to "
                    "comment on whether Arkansas had intervened in the market to stem the yen 's rise .")
    assert _names(found) == {("Japan", "Arkansas")}


def test_an_employer_on_both_sides_stays_a_counterpart():
    """ "John Clare , chief executive of the Dixons Group" / "John Clare , Dixons chief executive": both name the
    employer, so Dixons is given on both sides."""
    assert not _entity("However , John Clare , chief executive of the Dixons Group , expressed his disappointment .",
                       "John Clare , Dixons chief executive , objected to the Commission 's findings .")


def test_a_name_after_a_preposition_is_not_who_says_it():
    """ "issued a statement ... to the OPEC saying": the OPEC heard it; Nancy Reagan said it on both sides."""
    from newsweave.compare.verdict.entities.speakers import is_speaker as _speaker

    from .helpers import claim

    c = claim('Nancy Reagan issued a statement last week to the OPEC saying , " The timing is staggering . "', "B")
    opec = next(e for e in c.entities if e.text == "OPEC")
    assert not _speaker(c, opec)
    found = _entity('" The timing of [ the miniseries ] is absolutely staggering to me , " Nancy Reagan said in a '
                    'statement to Fox News Channel last week .',
                    'Nancy Reagan issued a statement last week to the OPEC saying , " The timing of [ the miniseries ] '
                    'is absolutely staggering to me .')
    assert _names(found) == {("Fox News Channel", "OPEC")}


def test_place_in_an_aside_before_said_is_not_the_speaker():
    """ "who lives in the centre of Algiers , said": Algiers closes an aside about the speaker, it says nothing."""
    found = _entity("Mohcine Douali , who lives in the centre of Algiers , said : \" It was a great shock .",
                    "\" It was a great shock , \" said Mohcine Douali , who lives in central Oran .")
    assert _names(found) == {("Algiers", "Oran")}


def test_wire_credit_in_a_dateline_is_no_name_of_the_statement():
    assert not _entity("Frank Quattrone , the former Credit Suisse First Boston technology investment-banking guru , "
                       "reportedly pleaded not guilty Tuesday to charges of obstruction of justice .",
                       "NEW YORK - ( Dow Jones ) - Former star investment banker Frank Quattrone pleaded not "
                       "guilty Tuesday to criminal charges of obstruction of justice .")
