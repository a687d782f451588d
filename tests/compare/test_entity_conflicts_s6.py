"""Entity conflicts found in session 6: names that the embedding model places close together although they name
opposite sides (rival political parties). Claims come from the normaliser's own extractors (spaCy NER), as
`compare` builds them."""
from __future__ import annotations

import pytest

from newsweave.compare.verdict.entities import entity_conflicts, names_related
from newsweave.compare.verdict.entities.kinds import rival_parties as _rival_parties

from normaliser_claims import claim, entity_pair as _entity, value_pairs as _names

pytest.importorskip("spacy")


def test_rival_parties_are_no_one_referent():
    """ "Democrats" and "Republicans" sit close in the embedding space (both are US parties), yet one for the other
    is a swap, not a second name for one referent; a party and its own adjective stay one referent."""
    assert _rival_parties("Democrats", "Republicans") and _rival_parties("Labour", "the Tories")
    assert not _rival_parties("Democrats", "Democratic Party") and not _rival_parties("Democrats", "Senate")
    assert not names_related("Democrats", "Republicans")


def test_rival_parties_swapped_in_the_same_slot():
    found = _entity("The charges are as false today as they were when the Democrats first made them , Jones said .",
                    "The charges are as false today as when the Republicans first made them , Jones said .")
    assert _names(found) == {("Democrats", "Republicans")}
    assert "Democrats" in found[0].explanation and "Republicans" in found[0].explanation


# --------------------------------------------------------------------------- spans the tagger ran together

def _tagged(text: str, outlet: str, *spans: tuple[str, str]):
    """A claim whose entities are the given (text, label) spans, as the tagger sometimes runs names together."""
    from newsweave.models import Claim, Entity, content_hash

    entities = tuple(Entity(text.index(s), text.index(s) + len(s), s, label, canonical=s) for s, label in spans)
    return Claim(id=content_hash(outlet, text), article=outlet, outlet=outlet, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text, attributed_to=outlet, entities=entities)


def test_a_person_run_into_the_employer_is_two_names():
    """ "said Cruz of BNP Paribas" tagged as one person: a person's name holds no "of", so it is Cruz and his
    employer, and Cruz replaced Ken Wattret (whose employer both sides give)."""
    from newsweave.compare.verdict.entities.mentions import _split_joined

    a = _tagged("The slowdown is a worry for the ECB , said Ken Wattret of BNP Paribas .", "A",
                ("ECB", "ORG"), ("Ken Wattret", "PERSON"), ("BNP Paribas", "ORG"))
    b = _tagged("The slowdown is a worry for the ECB , said Cruz of BNP Paribas .", "B",
                ("ECB", "ORG"), ("Cruz of BNP Paribas", "PERSON"))
    parts = _split_joined(b.entities[1])
    assert [(p.text, p.label) for p in parts] == [("Cruz", "PERSON"), ("BNP Paribas", "ORG")]
    assert b.text[parts[1].start:parts[1].end] == "BNP Paribas"
    assert _names(entity_conflicts(a, b)) == {("Ken Wattret", "Cruz")}


def test_a_name_run_into_its_place_is_two_names():
    a = _tagged("The standard was presented at the Bluetooth World Congress in Amsterdam this week .", "A",
                ("Bluetooth World Congress", "ORG"), ("Amsterdam", "GPE"))
    b = _tagged("The standard was presented at the Bluetooth World Congress in Madrid this week .", "B",
                ("Bluetooth World Congress in Madrid", "ORG"))
    assert _names(entity_conflicts(a, b)) == {("Amsterdam", "Madrid")}


def test_a_list_tagged_as_one_name_is_split_when_the_other_side_names_a_part():
    """ "Matamoros and Laredo" tagged as one organisation is a list once the other side names Matamoros alone;
    "Procter and Gamble" stays one name when no part is named alone."""
    from newsweave.compare.verdict.entities.mentions import split_lists as _split_lists

    a = _tagged("They walked across the bridge linking Matamoros and Brownsville .", "A",
                ("Matamoros", "ORG"), ("Brownsville", "GPE"))
    b = _tagged("They walked across the bridge between Matamoros and Laredo .", "B", ("Matamoros and Laredo", "ORG"))
    assert _names(entity_conflicts(a, b)) == {("Brownsville", "Laredo")}
    whole = _tagged("Sales rose at Procter and Gamble .", "C", ("Procter and Gamble", "ORG")).entities
    assert _split_lists(list(whole), list(a.entities)) == list(whole)


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
