"""Entity conflicts found in session 9 (bench/conflicts.py entity recall 0.946 -> see the commit log): parser errors
repaired where the grammar says more than the tags (a subject read as the object of "said", a name ending in "s" read
as a plural noun, a tagged span that stops short of the proper noun heading it or runs on over a verb), a name both
sides give that a new name replaces in the one slot where it acts, a town before the name of something there, and
names that differ only in their number. Also the pairs that must stay quiet on the way ("as did Mills")."""
from __future__ import annotations

import pytest

from normaliser_claims import entity_pair as _entity, value_pairs as _names

pytest.importorskip("spacy")


# --------------------------------------------------------------------------- parser errors

def test_the_subject_of_a_reported_clause_read_as_the_object_of_said():
    """ "Prosecutors said Paracha , if convicted , could face ..." parses "Paracha" as what was said; the clause after
    it has no subject of its own, so Paracha is who faces the years, as Cruz is on the other side ("face" and "faces"
    are one verb)."""
    found = _entity("Prosecutors said Paracha , if convicted , could face at least 17 years in prison .",
                    "Cruz faces at least 17 years in prison if convicted .")
    assert _names(found) == {("Paracha", "Cruz")}


def test_a_name_ending_in_s_with_a_verb_in_the_singular():
    """ "Parsons claims": the tagger reads a plural noun, the verb says one thing."""
    found = _entity('Earlier on Monday , Grant Thornton SpA repeated previous statements that it was " a victim of '
                    'fraudulent action " .',
                    "Parsons claims that it too was the victim of a fraud .")
    assert _names(found) == {("Grant Thornton SpA", "Parsons")}


def test_a_tagged_name_short_of_the_proper_noun_that_heads_it():
    """The tagger marks "CAPPS" of "CAPPS II": the name's role is that of "II", the subject of "use"."""
    found = _entity('CAPPS II will not use bank records , records indicating creditworthiness or medical records . "',
                    "Labour II will not use bank records , credit records , or medical records , according to Loy and "
                    "Kelly .")
    assert _names(found) == {("CAPPS", "Labour II")}


def test_a_tagged_span_that_runs_on_over_a_verb():
    """ "Finder brings Novell unparalleled Linux" is one span of the tagger: no name holds a verb in lower case."""
    found = _entity("Ximian brings Novell unparalleled expertise , strengthening our ability to work with [ our ] "
                    'customers and leverage open source initiatives more constructively . "',
                    '" Finder brings Novell unparalleled Linux expertise . . . [ and strengthens ] our ability to work '
                    'with and leverage open source initiatives more constructively . "')
    assert _names(found) == {("Ximian", "Finder")}


# --------------------------------------------------------------------------- a shared name, moved

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


# --------------------------------------------------------------------------- a place before a name; numbers

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


def test_names_that_differ_only_in_their_number_are_two_things():
    """ "Voyager 2" is no near spelling of "Voyager 1": the one the other side leaves out is the one replaced."""
    from newsweave.compare.verdict.entities.matching import _numbered_apart

    assert _numbered_apart("voyager2", "voyager1") and not _numbered_apart("boeing747", "boeing747400")
    found = _entity("Voyager 2 , also launched in 1977 , lags some 1.6 billion miles behind Voyager 1 .",
                    "Voyager 1 was launched on September 5 , 1977 , 16 days after its companion , Caicos .")
    assert _names(found) == {("Voyager 2", "Caicos")}
