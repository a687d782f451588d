"""Who says it: the speaker of a statement ("Crosby said", "according to X", "spokesman X") and who heard it
("told the Associated Press"), and a person who speaks for an organisation ("Paul Luehr said" / "The FBI said").
"""
from __future__ import annotations

import re

from ....models import Claim
from ...claims.roles import role, says_of_self
from ..common import SPEECH_VERBS, clause_offset, clause_text, context_words, stem
from .kinds import ORG_WORDS

_SPEAKER_NOUNS = {"spokesman", "spokeswoman", "spokesperson"}
# Further verbs that say who says it ("Kanisa noted that ..."), for the speaker test of names only.
_SPEAKER_VERBS = {"noted", "notes", "explained", "declared", "insisted", "argued", "claimed", "claims", "warned",
                  "testified", "acknowledged"}
_LISTENER_VERBS = {"told", "tells"}  # the name after them is who heard it, not who said it
# A name right after one of these is its object, not the subject of the speech verb after it: "issued a statement to
# the Fox News Channel saying", "a letter from Smith says".
_OBJECT_PREPOSITIONS = {"to", "with", "from", "for", "by", "about", "against", "into", "toward", "towards"}

_SPEECH_STEMS = {stem(w) for w in SPEECH_VERBS | _SPEAKER_VERBS}
_SPEAKER_NOUN_STEMS = {stem(w) for w in _SPEAKER_NOUNS}
_LISTENER_STEMS = {stem(w) for w in _LISTENER_VERBS}
_TELLING_STEMS = _SPEECH_STEMS - _LISTENER_STEMS  # "he told the Register .": the Register listened
_ACCORDING = stem("according")


def speech_part(claim: Claim, entity) -> tuple[bool, bool]:
    """(who said it, who heard it): "said Andy Bryant" and "told the Associated Press" take different parts."""
    before, after = context_words(claim, entity.start, entity.end, 2)
    listener = bool(before[:1]) and before[0] in _LISTENER_STEMS and not after
    return is_speaker(claim, entity), listener


def same_speech_part(a: Claim, x, b: Claim, y) -> bool:
    """Both names say who said it, or neither does; two different people are compared either way (the quote of
    one is not the quote of another)."""
    return x.label == y.label == "PERSON" or speech_part(a, x) == speech_part(b, y)


def name_role(claim: Claim, entity) -> tuple[str, str] | None:
    """The grammatical role of a name (newsweave.compare.claims.roles); who said it counts as the main subject."""
    if speech_part(claim, entity)[0]:
        return "subject", "main"  # who says the statement is the subject of its main verb
    return role(claim, entity)


def is_speaker(claim: Claim, entity) -> bool:
    """The name is who said it ("Crosby said", ", said Ben Deutsch.", "according to X", "spokesman X"), not a
    participant of what is said, nor the object of a preposition before the speech verb ("a statement to the Fox News
    Channel saying")."""
    before, after = context_words(claim, entity.start, entity.end, 2)
    if after[:1] and after[0] in _SPEECH_STEMS and not _clause_between(claim, entity) \
            and not (before[:1] and before[0] in _OBJECT_PREPOSITIONS):
        return True  # "Crosby said"
    return bool(before[:1]) and (before[0] in _SPEAKER_NOUN_STEMS  # "spokesman X"
                                 or before[0] in _TELLING_STEMS and (not after or _affiliation_ends(claim, entity))
                                 or before[:2] == ["to", _ACCORDING])


def _affiliation_ends(claim: Claim, entity) -> bool:
    """Only the speaker's employer or post follows the name to the end of the statement: ", said Burt Flickinger of
    Strategic Resource Group .", ", said Ken Wattret , an economist at BNP Paribas ."."""
    text = clause_text(claim)
    rest = text[max(entity.end - clause_offset(claim), 0):]
    return bool(_AFFILIATION.match(rest)) and not re.search(r"\b(?:that|said|says|told)\b|[;:]", rest)


def _clause_between(claim: Claim, entity) -> bool:
    """A comma parts the name from the speech verb after it: the name closes an aside about the speaker ("Mohcine
    Douali , who lives in the centre of Algiers , said"; "the company , based in Connecticut , Calif . , said"),
    it does not say it. An age or a title between commas ("Smith , 50 , said") keeps the name the speaker."""
    text, base = clause_text(claim), clause_offset(claim)
    m = re.match(r"[^\w]*(?:\w+[^\w]+){0,4}?(?=(?:" + "|".join(sorted(SPEECH_VERBS | _SPEAKER_VERBS)) + r")\b)",
                 text[entity.end - base:])
    between = m.group(0) if m else ""
    return "," in between and not re.fullmatch(r"\s*,\s*(?:\d+|[a-z]+)\s*,\s*", between)


_PERSONAL_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\s*\.?\s*$")
# An employer or a post after a name: "Tracey Powers of the National ...", "Smith , a spokeswoman for ...".
_AFFILIATION = re.compile(r"^\s*(?:of|from|at)\s+(?:the\s+)?[A-Z]|^\s*,\s*(?:(?:a|an|the)\s+)?[^,]{0,40}?"
                          r"\b(?:spokes(?:man|woman|person)|director|president|chairman|official|lawyer|attorney)\b")


def _person_like(claim: Claim, entity) -> bool:
    """A name the tagger typed as an organisation that the sentence treats as a person: a personal title before it
    ("Ms. Dhaliwal"), or an employer or post after it ("Tracey Powers of the National Interagency Fire Center",
    "Smith , a spokeswoman for ...")."""
    text, base = clause_text(claim), clause_offset(claim)
    s, e = entity.start - base, entity.end - base
    return bool(_PERSONAL_TITLE.search(text[max(0, s - 6):max(s, 0)]) or _AFFILIATION.match(text[e:e + 80]))


def _org_like(claim: Claim, entity) -> bool:
    """The name looks like an organisation's, not a surname the tagger typed as one ("Harper said"): initials
    ("ECB"), a capital inside ("BitDefender"), several words, a word organisations take ("Group", "Ministry"), or
    "the" before it."""
    name = entity.text.strip(" .")
    text = clause_text(claim)
    start = entity.start - clause_offset(claim)
    return len(name.split()) > 1 or bool(re.fullmatch(r"[A-Z&.]{2,6}", name)) or bool(re.search(r"[a-z][A-Z]", name)) \
        or bool(ORG_WORDS.search(name)) or bool(re.search(r"\bthe\s+$", text[max(0, start - 5):max(start, 0)], re.I))


def _org_and_person(a: Claim, x, b: Claim, y):
    """((claim, organisation), (claim, person)) when x and y are an organisation and a person, one of them saying
    the statement, and the sentence does not treat the organisation's name as a person's ("Ms. Dhaliwal"); else
    None."""
    if {x.label, y.label} != {"PERSON", "ORG"} or not (speech_part(a, x)[0] or speech_part(b, y)[0]):
        return None
    (claim, org), (other, person) = ((a, x), (b, y)) if x.label == "ORG" else ((b, y), (a, x))
    return None if _person_like(claim, org) else ((claim, org), (other, person))


def speaks_for(a: Claim, x, b: Claim, y) -> bool:
    """A person and an organisation in one role, one of them saying it: a spokesman speaks for his organisation
    ("Paul Luehr said" / "The FBI said"), unless the person says what he himself does while the organisation does
    it on the other side ("Stewart said she intends" / "Dhaliwal intends")."""
    found = _org_and_person(a, x, b, y)
    if found is None:
        return False
    (claim, org), (other, person) = found
    if speech_part(claim, org)[0] and speech_part(other, person)[0] and not _org_like(claim, org) \
            and name_role(claim, org) == name_role(other, person) == ("subject", "main") \
            and not any(e.label == "ORG" for e in other.entities):
        return False  # "Bolland told the News of the World" / "Mr Mahmud said": two speakers, one typed as a body
    return not (says_of_self(other, person) and not speech_part(claim, org)[0])


def speaks_for_employer(a: Claim, x, b: Claim, y) -> bool:
    """A person and an organisation in any slots, one of them saying it, where the organisation's name looks like
    one (not a surname typed as one: "Harper said") or the person is given with the employer ("Gillian Kent ,
    director at MSN"): the person speaks for the organisation, the two do not clash."""
    found = _org_and_person(a, x, b, y)
    if found is None:
        return False
    (claim, org), (other, person) = found
    text = clause_text(other)
    employed = _AFFILIATION.match(text[max(person.end - clause_offset(other), 0):])  # "Gillian Kent , director at MSN"
    return _org_like(claim, org) or bool(employed)


# A post after the name of whom its holder works for: "Japan 's Finance Minister", "Eddie Bauer spokeswoman".
_EMPLOYER = re.compile(r"\s*(?:(?:'|’|â\s)s\s+)?(?:(?:[A-Z][a-z]+|chief|former|senior|deputy)\s+){0,3}"
                       r"(?:Minister|Secretary|spokes(?:man|woman|person)|[Pp]resident|officials?|executive|"
                       r"[Cc]hief|CEO|[Cc]hairman|[Dd]irector|[Aa]mbassador|lawyer|attorney|analyst|economist)\b")


def is_employer(claim: Claim, entity) -> bool:
    """The name says whom a person works for, before the person's post: "Japan 's Finance Minister Masajuro
    Shiokawa", "Eddie Bauer spokeswoman Lisa Erickson"."""
    text, base = clause_text(claim), clause_offset(claim)
    before = text[max(0, entity.start - base - 40):max(entity.start - base, 0)]
    return bool(_EMPLOYER.match(text[max(entity.end - base, 0):])) \
        or bool(re.search(r"\b(?:executive|officer|president|chairman|director|spokes\w+|minister|secretary|head)\s+"
                          r"(?:of|at|for)\s+(?:the\s+)?$", before, re.I))  # "chief executive of the Dixons Group"
