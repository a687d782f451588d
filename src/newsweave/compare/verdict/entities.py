"""Entity conflicts: a different name in the same role (who did it, to whom, where), after aliases, spellings,
acronyms, given names and places that contain each other are matched; speakers, datelines and wire credits are
not content.
"""
from __future__ import annotations

import dataclasses
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from ...models import Claim, Conflict
from ...normalize.words import STOPWORDS, WORD, tokens
from .common import (
    _base, _conflict, _content, _family, _share, _SPEECH_VERBS, _stem, align_slots, context_score, context_words,
)


ENTITY_OVERLAP = 0.0  # share of the other content words two statements must have for a swapped name to conflict
CROSS_TYPE_CONTEXT = 5  # names the tagger typed differently (ORG / GPE) still pair when their surroundings match
ENTITY_STRONG = 3  # context score from which two different names sit in the same place
ENTITY_CONTEXT = 1  # a swapped name must keep at least one neighbour word (its role)
SKIP_SPEAKERS = False  # set True to ignore who-said-it names (costs recall on the bench)
SINGLE_NAME = False  # pair the one unshared name of each side even without shared surroundings
USE_CAPS = True  # also treat capitalised runs the tagger missed as names


def entity_conflicts(a: Claim, b: Claim) -> list[Conflict]:
    """A named entity replaced by another in the same role while the rest of the statement is the same: names
    are paired one to one by their surrounding words (the same name in the same place agrees); two different
    names in the same place conflict, and so do the one unshared name of each side when they keep a neighbour
    word, or two names (tagged or merely capitalised) between the same matched words of the two wordings. A name
    both sides give is paired with a different name of another kind only when the wordings put them in the same
    place ("Kosovo 's U.S. military headquarters , Camp Bondsteel" / "at Camp Bondsteel" is no swap). Last, the
    one unshared name of each side that plays a given grammatical role (the subject of the main clause, the owner
    of the same thing ...) is paired whatever the tagger's labels (newsweave.compare.claims.roles). Aliases, initials,
    surnames, demonyms, near spellings, a capital for its country and a titled given name ("Sir John") for a
    surname count as the same entity. Two claims that give two different ages speak of two people: no conflict."""
    if _other_people(a, b):
        return []
    names_a = [e for e in _names(a) if not (SKIP_SPEAKERS and _speaker(a, e))]
    names_b = [e for e in _names(b) if not (SKIP_SPEAKERS and _speaker(b, e))]
    names_a, names_b = _split_lists(names_a, names_b), _split_lists(names_b, names_a)
    if SPLIT_GIVEN:
        names_a, names_b = _split_given(names_a, names_b), _split_given(names_b, names_a)
    if SPLIT_PLACED:
        names_a, names_b = _split_placed(names_a, b, names_b), _split_placed(names_b, a, names_a)
    only_a, only_b = _only(names_a, names_b, b), _only(names_b, names_a, a)
    if not only_a and not only_b:
        return []
    rest_a = _content(_without(a, *only_a))
    rest_b = _content(_without(b, *only_b))
    if not rest_a or not rest_b or _share(rest_a, rest_b) < ENTITY_OVERLAP:
        return []
    comparable = lambda x, y: not _acronym_of(x.text, y.text) and _part(a, x) == _part(b, y) \
        and {x.label, y.label} not in ({"NORP", "MISC"}, {"NORP", "PERSON"}) and (
        _family(x.label) == _family(y.label) or context_score(a, x, b, y) >= (2 if "MISC" in (x.label, y.label)
                                                                             else CROSS_TYPE_CONTEXT))
    new = lambda x, y: any(x is e for e in only_a) or any(y is e for e in only_b)
    pairs = align_slots(a, _unmatched(names_a, names_b), b, _unmatched(names_b, names_a),
                        lambda x, y: _same_entity(x, y), comparable, lambda x: SINGLE_NAME, ENTITY_STRONG)
    both = lambda x, y: any(x is e for e in only_a) and any(y is e for e in only_b)
    kept = [(x, y) for x, y in pairs if new(x, y) and (context_score(a, x, b, y) >= ENTITY_CONTEXT or SINGLE_NAME)
            and not _one_referent(x, y) and not _titled_given(a, x, b, y) and not _other_part(a, x, b, y)
            and not _for_employer(a, x, b, y)
            and (both(x, y) or _family(x.label) == _family(y.label) or _same_place(a, x, b, y))]
    if not kept:
        swap = _lone_swap(a, only_a, b, only_b, rest_a, rest_b)
        if not swap and EXTRA_SWAP and bool(only_a) != bool(only_b):
            swap = _lone_swap(a, only_a or _extra(names_a, names_b), b, only_b or _extra(names_b, names_a),
                              rest_a, rest_b)
        kept = [swap] if swap else []
    if not kept:
        kept = _replaced(a, names_a, b, names_b, new)
    if not kept and UNTAGGED:
        kept = _untagged(a, only_a, b, names_b) or [(x, y) for y, x in _untagged(b, only_b, a, names_a)]
    if not kept and ROLE_SWAP:
        swap = _role_swap(a, only_a or _extra(names_a, names_b), b, only_b or _extra(names_b, names_a), rest_a, rest_b)
        kept = [swap] if swap else []
    if not kept and MOVED:
        swap, back = _moved(a, names_a, b, names_b, only_b), _moved(b, names_b, a, names_a, only_a)
        kept = [swap] if swap else [back[::-1]] if back else []
    return [_conflict("entity", a, x.text, b, y.text, "") for x, y in kept
            if not _in_named_state(a, x, y) and not _in_named_state(b, y, x)
            and not _listed_beside(b, y, x, a) and not _listed_beside(a, x, y, b)]


def _listed_beside(claim: Claim, y, x, other: Claim) -> bool:
    """``y`` stands in a list ("English and Australian climbers", "Australian, English climbers") beside a member
    that ``other`` does not give and that names what ``x`` names ("British"): the other side speaks of one member of
    the list, which it does not dispute."""
    text, base = claim.clause or claim.text, _base(claim)
    s, e = y.start - base, y.end - base
    run = r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
    near = re.search(run + r"(?:\s*,(?:\s+(?:and|or))?|\s+(?:and|or))\s+$", text[max(0, s - 40):max(s, 0)])
    after = re.match(r"(?:\s*,(?:\s+(?:and|or))?|\s+(?:and|or))\s+" + run, text[e:e + 40])
    partners = [m.group(1) for m in (near, after) if m]
    return any(not _mentioned(re.sub(r"[^\w]", "", w.casefold()), other)
               and (w.casefold() == x.text.casefold() or names_related(x.text, w)) for w in partners)


def _other_people(a: Claim, b: Claim) -> bool:
    """Each claim gives one age, and the two differ by more than a birthday: "a 32-year-old British climber" /
    "a 36-year-old Australian climber" are two people, not one whose nationality the reports dispute."""
    ages_a, ages_b = ([g.value for g in c.ages if g.kind == "age"] for c in (a, b))
    return len(ages_a) == len(ages_b) == 1 and abs(ages_a[0] - ages_b[0]) > 1


EXTRA_SWAP = True  # a name one side gives more often than the other may be the one the other side replaced
ROLE_SWAP = True  # pair the unshared names of two wordings that play the same grammatical role
MOVED = True  # a name both give, doing a verb on one side, where the other side has a new name do it


def _moved(a: Claim, names_a: list, b: Claim, names_b: list, only_b: list):
    """(x, y): the name x that both sides give does or undergoes a verb in a, and in b a name y that a does not give
    does or undergoes that verb in its place, while b gives x elsewhere ("where Limbaugh owns a $ 24 million mansion ,
    said his drug use" / "where Hernandez owns a $ 24 million mansion , said ... Limbaugh 's drug use"); or x owns a
    thing in a ("'s"), y owns it in b, and b has x undergo a verb instead ("to assume Mr. Black 's identity" / "Durst
    murdered Black to try to assume Swartz 's identity"). Each must be the only name of its side in that slot; aliases,
    related names and a spokesman for his employer are no swap. (Looser slots, such as any grammatical role, pair
    what two wordings merely arrange otherwise: "Congo 's war" / "The Democratic Republic of Congo 's war", "Nick
    Markakis went to the Orioles" / "Baltimore took Nick Markakis".)"""
    from ..claims.roles import possessed, verb_role

    for key, elsewhere in ((verb_role, _idle), (possessed, _undergoes)):
        found = _moved_by(key, elsewhere, a, names_a, b, names_b, only_b)
        if found:
            return found
    return None


def _moved_by(key, elsewhere, a: Claim, names_a: list, b: Claim, names_b: list, only_b: list):
    """The first (x, y) of _moved in the slot ``key(claim, name)``, where ``elsewhere(b, names_b, x)`` says what b
    must make of x instead."""
    roles_a = [key(a, e) for e in names_a]
    roles_b = [key(b, e) for e in names_b]
    for y in only_b:
        ry = key(b, y)
        if ry is None or roles_a.count(ry) != 1 or roles_b.count(ry) != 1:
            continue
        x = names_a[roles_a.index(ry)]
        if not _mentioned(_ename(x), b) or _family(x.label) != _family(y.label) and "MISC" not in (x.label, y.label):
            continue
        if not elsewhere(b, names_b, x):
            continue  # "Bennett declined ... , as did Mills" / "Mills declined": x may do it there in other words
        if _acronym_of(x.text, y.text) or _same_entity(x, y) or _one_referent(x, y) or not _same_part(a, x, b, y) \
                or _speaks_for(a, x, b, y) or _titled_given(a, x, b, y):
            continue
        return x, y
    return None


def _undergoes(b: Claim, names_b: list, x) -> bool:
    """b gives x only as who undergoes a verb ("Durst murdered Black")."""
    from ..claims.roles import verb_role

    mentions = [e for e in names_b if _spelled_alike(e, x)]
    return bool(mentions) and all((r := verb_role(b, e)) is not None and r[0] == "undergoer" for e in mentions)


def _idle(b: Claim, names_b: list, x) -> bool:
    """b gives x only where it does nothing: as an owner, or after a preposition or a verb ("Limbaugh 's drug use"),
    never as the subject of a verb, which may say in other words what x does on the other side."""
    from ..claims.roles import role

    mentions = [e for e in names_b if _spelled_alike(e, x)]
    return bool(mentions) and all((r := role(b, e)) is not None and r[0] in ("owner", "prep", "object")
                                  for e in mentions)


def _role_swap(a: Claim, only_a: list, b: Claim, only_b: list, rest_a: set[str], rest_b: set[str]):
    """The one unshared name of each side that plays a given grammatical role (newsweave.compare.claims.roles): the
    subject of the main clause, the owner of a thing, the object of the same preposition ("Smith found the tax
    falls on the consumer" / "Robert Liscouski ruled that the tax falls on the consumer"), whatever labels the
    tagger gave them. A place and a place inside it are a swap only where they act (the subject or the owner), not
    where they say where ("in the United States" / "in California" agree)."""
    if not only_a or not only_b or _share(rest_a, rest_b) < SOLE_SWAP_OVERLAP:
        return None
    from ..claims.roles import describes, reports

    for x, y, rx in _same_roles(a, only_a, b, only_b):
        if (x.label == "NORP") != (y.label == "NORP") and rx[0] not in ("where", "doer", "undergoer", "owner") \
                and describes(*((a, x) if x.label == "NORP" else (b, y))) and _group_word((x if x.label == "NORP" else y).text):
            continue  # a demonym describes ("the Connecticut Democrat"), it does not name
        if _part(a, x)[0] != _part(b, y)[0] and rx[0] != "where" and not (reports(a, x) or reports(b, y)) \
                and not _same_verb(a, x, b, y) and not (PAIRED_WITH and (p := _partner(a, x)) and p == _partner(b, y)):
            continue  # who said it is the subject of a verb that reports something ("the United estimated that")
        if _speaks_for(a, x, b, y):
            continue  # a spokesman speaks for his organisation: "Paul Luehr said" / "The FBI said"
        if _acronym_of(x.text, y.text) or _same_entity(x, y) or names_related(x.text, y.text) \
                or _same_spelling(x.text, y.text) or _content(x.text) & _content(y.text):
            continue
        if _titled_given(a, x, b, y) or _post(x.text) or _post(y.text):
            continue
        if _acts(a, x, rx) and _acts(b, y, rx):
            from ...normalize.places import capital

            if capital(x.text, y.text):
                continue  # "Washington is wary" / "The United States is wary": a government by its capital
        elif _one_referent(x, y):
            continue
        return x, y
    return None


# Words of a post: "the Prime Minister", "the Defense Secretary" name whoever holds it, as "he" does.
_POST = re.compile(r"(?:(?:Prime|Foreign|Deputy|Vice|Chief|Attorney|General|Defen[cs]e|Interior|Finance|Home|State|"
                   r"Executive|Supreme|High|Lord|First|Secretary|Minister|President|Chancellor|Premier|Governor|"
                   r"Mayor|Senator|Judge|Justice|Commissioner|Director|Chairman|Ambassador|Spokesman|Spokeswoman|"
                   r"Leader|Pope|King|Queen|Prince|Princess|Lady|Sheriff|Prosecutor|Commander|General|Officer)\s*)+")


def _post(name: str) -> bool:
    """The name is a post, not a person or a body: "Prime Minister", "Defense Secretary", "Chief Justice"."""
    return bool(_POST.fullmatch(name.strip(" ."))) and not re.fullmatch(r"(?:Supreme|High|General|State)", name.strip(" ."))


_PERSONAL_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\s*\.?\s*$")
_AFFILIATION = re.compile(r"^\s*(?:of|from|at)\s+(?:the\s+)?[A-Z]|^\s*,\s*(?:(?:a|an|the)\s+)?[^,]{0,40}?"
                          r"\b(?:spokes(?:man|woman|person)|director|president|chairman|official|lawyer|attorney)\b")


_GROUPS = {"muslim", "muslims", "christian", "christians", "catholic", "catholics", "jewish", "jews", "jew",
           "protestant", "protestants", "sunni", "sunnis", "shiite", "shiites", "shia", "hindu", "hindus", "sikh",
           "sikhs", "buddhist", "buddhists", "arab", "arabs", "kurd", "kurds", "kurdish", "hispanic", "hispanics",
           "latino", "latinos", "gypsy", "gypsies", "roma", "islamic", "islamist", "islamists", "black", "blacks",
           "white", "whites", "asian", "asians", "african", "europeans", "european", "western", "liberal",
           "liberals", "communist", "communists", "socialist", "socialists"}


def _group_word(name: str) -> bool:
    """A word for a people, a faith or a party ("Turks", "Shiite", "Democrat"), which the tagger types as a group
    (NORP) and which describes what follows it; not a company the tagger took for one ("the Oracle offer")."""
    from ...normalize.aliases import place_of

    words = re.findall(r"\w+", name.casefold())
    found = place_of(name.strip(" ."))
    return bool(found and found[1] == "demonym") or bool(words) and all(w in _GROUPS or w in _PARTIES for w in words)


def _person_like(claim: Claim, entity) -> bool:
    """A name the tagger typed as an organisation that the sentence treats as a person: a personal title before it
    ("Ms. Dhaliwal"), or an employer or post after it ("Tracey Powers of the National Interagency Fire Center",
    "Smith , a spokeswoman for ...")."""
    text, base = claim.clause or claim.text, _base(claim)
    s, e = entity.start - base, entity.end - base
    return bool(_PERSONAL_TITLE.search(text[max(0, s - 6):max(s, 0)]) or _AFFILIATION.match(text[e:e + 80]))


def _same_roles(a: Claim, only_a: list, b: Claim, only_b: list):
    """(x, y, role) for the unshared names of the two sides that play one grammatical role, each the only one of its
    side to play it: first by the role (newsweave.compare.claims.roles); where a side has two names in it, by the role and
    whether the name says it (the speaker and the subject of what is said share the main role: "Kmart needs ...,
    said Burt Flickinger"); last by the verb whose doer or undergoer each name is ("Scruggs was cleared" / "the
    jury cleared Russian", "Drummond should be excluded" / "that Maria Parrado be excluded")."""
    from ..claims.roles import verb_role

    roles_a, roles_b = ([_name_role(c, e) for e in names] for c, names in ((a, only_a), (b, only_b)))
    said_a, said_b = ([_part(c, e)[0] for e in names] for c, names in ((a, only_a), (b, only_b)))
    keys_a, keys_b = list(zip(roles_a, said_a)), list(zip(roles_b, said_b))
    typed_a, typed_b = ([(r, e.label) for r, e in zip(rs, names)] for rs, names in ((roles_a, only_a),
                                                                                           (roles_b, only_b)))
    seen = set()
    for x, rx, kx, tx in zip(only_a, roles_a, keys_a, typed_a):
        if rx is None:
            continue
        if roles_a.count(rx) == 1 and roles_b.count(rx) == 1:
            y = only_b[roles_b.index(rx)]
        elif keys_a.count(kx) == 1 and keys_b.count(kx) == 1:
            y = only_b[keys_b.index(kx)]
        elif typed_a.count(tx) == 1 and typed_b.count(tx) == 1:  # "Long Beach 's Hispanic or Latino population"
            y = only_b[typed_b.index(tx)]
        else:
            continue
        seen.add((id(x), id(y)))
        yield x, y, rx
    for x, rx in zip(only_a, roles_a):  # owners of two words for one thing: "Microsoft's shares" / "Army's stock"
        if not OWNED_ALIKE or rx is None or rx[0] != "owner" or [r[0] for r in roles_a if r].count("owner") != 1:
            continue
        ys = [(y, ry) for y, ry in zip(only_b, roles_b) if ry and ry[0] == "owner"]
        if len(ys) == 1 and (id(x), id(ys[0][0])) not in seen and _alike_nouns(a, x, b, ys[0][0]):
            seen.add((id(x), id(ys[0][0])))
            yield x, ys[0][0], rx
    if PLACE_OF_NOUN:  # "Romanian port authorities" / "port authorities in Guandong province"
        from ..claims.roles import place_of_noun

        where = lambda c, e: place_of_noun(c, e) if _family(e.label) == "place" or e.label == "MISC" else None
        for x, y, wx in _paired_by(where, a, only_a, b, only_b, seen):
            yield x, y, ("where", wx)
    if APPOSED:  # "a Spanish tanker , the Sandra Tapias" / "A Spanish tanker , Tunick ,"
        from ..claims.roles import apposed

        for x, y, nx in _paired_by(apposed, a, only_a, b, only_b, seen):
            yield x, y, ("named", nx)
    if PAIRED_WITH:  # "Mr. Grassley and Mr. Baucus rejected" / "Grassley and New York City said they had rejected"
        for x, y, px in _paired_by(_partner, a, only_a, b, only_b, seen):
            yield x, y, ("with", px)
    if VERB_ROLES:
        for x, y, vx in _paired_by(verb_role, a, only_a, b, only_b, seen):
            if not _part(a, x)[0] and not _part(b, y)[0]:
                yield x, y, vx


PAIRED_WITH = True  # pair the names each side sets beside one shared proper noun in a pair ("X and Y")


def _partner(claim: Claim, entity) -> str | None:
    """The proper noun a name is paired with by "and" ("Grassley and Baucus": "grassley" for Baucus), when the pair
    has just the two; else None."""
    from ..claims.roles import _governing_token

    tok = _governing_token(claim, entity)
    if tok is None:
        return None
    inside = lambda t: entity.start - _base(claim) <= t.idx < entity.end - _base(claim)
    conj = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj" or len(conj) != 1 or not any(c.text.casefold() == "and" for c in tok.children if c.dep_ == "cc"):
        return None
    other = conj[0] if inside(tok) else tok
    if inside(other) or other.tag_ not in ("NNP", "NNPS"):
        return None
    return other.text.casefold()


def _paired_by(key, a: Claim, only_a: list, b: Claim, only_b: list, seen: set):
    """(x, y, k) for the names of the two sides whose ``key(claim, name)`` is k, the only one of its side with it,
    not paired before (``seen``, which the pairs join)."""
    keys_a, keys_b = [key(a, e) for e in only_a], [key(b, e) for e in only_b]
    for x, kx in zip(only_a, keys_a):
        if kx is None or keys_a.count(kx) != 1 or keys_b.count(kx) != 1:
            continue
        y = only_b[keys_b.index(kx)]
        if (id(x), id(y)) not in seen:
            seen.add((id(x), id(y)))
            yield x, y, kx


OWNED_ALIKE = True  # pair the owners of two nouns that the embedding model places close ("shares" / "stock")
ALIKE_NOUNS = 0.5  # cosine of two nouns' embeddings from which they name one thing


def _alike_nouns(a: Claim, x, b: Claim, y) -> bool:
    """The nouns the two names own are one thing in two words ("shares" / "stock", "attorney" / "lawyer")."""
    from ..claims.roles import owned

    nx, ny = owned(a, x), owned(b, y)
    if not nx or not ny:
        return False
    if _stem(nx) == _stem(ny):
        return True
    vx, vy = _name_vector(nx), _name_vector(ny)
    return vx is not None and vy is not None and float(vx @ vy) >= ALIKE_NOUNS


PLACE_OF_NOUN = True  # pair two places given for one noun, as a qualifier or after a preposition
APPOSED = True  # pair two names set beside one common noun ("the tanker , X")
VERB_ROLES = True  # also pair names that do or undergo the same verb, active or passive


def _org_and_person(a: Claim, x, b: Claim, y):
    """((claim, organisation), (claim, person)) when x and y are an organisation and a person, one of them saying
    the statement, and the sentence does not treat the organisation's name as a person's ("Ms. Dhaliwal"); else
    None."""
    if {x.label, y.label} != {"PERSON", "ORG"} or not (_part(a, x)[0] or _part(b, y)[0]):
        return None
    (claim, org), (other, person) = ((a, x), (b, y)) if x.label == "ORG" else ((b, y), (a, x))
    return None if _person_like(claim, org) else ((claim, org), (other, person))


def _speaks_for(a: Claim, x, b: Claim, y) -> bool:
    """A person and an organisation in one role, one of them saying it: a spokesman speaks for his organisation
    ("Paul Luehr said" / "The FBI said"), unless the person says what he himself does while the organisation does
    it on the other side ("Stewart said she intends" / "Dhaliwal intends")."""
    found = _org_and_person(a, x, b, y)
    if found is None:
        return False
    from ..claims.roles import says_of_self

    (claim, org), (other, person) = found
    if _part(claim, org)[0] and _part(other, person)[0] and not _org_like(claim, org) \
            and _name_role(claim, org) == _name_role(other, person) == ("subject", "main") \
            and not any(e.label == "ORG" for e in other.entities):
        return False  # "Bolland told the News of the World" / "Mr Mahmud said": two speakers, one typed as a body
    return not (says_of_self(other, person) and not _part(claim, org)[0])


def _for_employer(a: Claim, x, b: Claim, y) -> bool:
    """A person and an organisation in any slots, one of them saying it, where the organisation's name looks like
    one (not a surname typed as one: "Harper said") or the person is given with the employer ("Gillian Kent ,
    director at MSN"): the person speaks for the organisation, the two do not clash."""
    found = _org_and_person(a, x, b, y)
    if found is None:
        return False
    (claim, org), (other, person) = found
    text = other.clause or other.text
    employed = _AFFILIATION.match(text[max(person.end - _base(other), 0):])  # "Gillian Kent , director at MSN"
    return _org_like(claim, org) or bool(employed)


_ORG_WORDS = re.compile(r"\b(?:Inc|Corp|Co|Ltd|LLC|plc|Group|Company|Corporation|Bank|Service|Services|Ministry|"
                        r"Department|Agency|Office|Association|Institute|University|Council|Commission|Board|"
                        r"Court|Committee|Party|Union|Foundation|Systems|Technologies|Airlines|News|Times|Post)\b")


def _org_like(claim: Claim, entity) -> bool:
    """The name looks like an organisation's, not a surname the tagger typed as one ("Harper said"): initials
    ("ECB"), a capital inside ("BitDefender"), several words, a word organisations take ("Group", "Ministry"), or
    "the" before it."""
    name = entity.text.strip(" .")
    text = claim.clause or claim.text
    start = entity.start - _base(claim)
    return len(name.split()) > 1 or bool(re.fullmatch(r"[A-Z&.]{2,6}", name)) or bool(re.search(r"[a-z][A-Z]", name)) \
        or bool(_ORG_WORDS.search(name)) or bool(re.search(r"\bthe\s+$", text[max(0, start - 5):max(start, 0)], re.I))


def _same_verb(a: Claim, x, b: Claim, y) -> bool:
    """Both names are the subject of the same verb ("an issue Microsoft had warned about" / "which Central Command
    warned of"), whether or not the verb sits next to the name, where the speaker test looks."""
    from ..claims.roles import subject_verb

    vx, vy = subject_verb(a, x), subject_verb(b, y)
    return vx is not None and vx == vy


def _acts(claim: Claim, entity, role: tuple[str, str]) -> bool:
    """The name acts or owns (a subject, a speaker, a possessor), rather than saying where ("in Spain", "the US
    chip market"): there a place is not the same as a place inside it."""
    from ..claims.roles import qualifier

    return role[0] in ("subject", "patient", "doer", "undergoer") or role[0] == "owner" and not qualifier(claim, entity)


def _other_part(a: Claim, x, b: Claim, y) -> bool:
    """Two names that cannot stand for each other in the statement: one qualifies a noun that the other side's name
    stands in for ("during which the Venango County man represented himself" / "during which Waagner represented
    himself"), unless the two sit next to the same matched word ("the death of an FBI analyst" / "the death of
    Franklin" keep one slot); or two places after different prepositions of place ("near Interstate 805" / "in San
    Diego": both may hold)."""
    from ..claims.roles import qualifier

    qa, qb = qualifier(a, x), qualifier(b, y)
    if qa != qb and _name_role(b if qa else a, y if qa else x) is not None and not _near_place(a, x, b, y):
        return True
    ra, rb = _name_role(a, x), _name_role(b, y)
    return bool(ra and rb) and ra[0] == rb[0] == "prep" and ra[1] != rb[1] and {ra[1], rb[1]} <= _WHERE \
        and _family(x.label) == _family(y.label) == "place"


# Prepositions of place: "near Interstate 805" and "in San Diego" say where in two ways that can both hold.
_WHERE = {"in", "at", "near", "outside", "around", "off", "inside", "by", "across", "within", "throughout", "beyond"}


def _near_place(a: Claim, x, b: Claim, y) -> bool:
    """The word before or the word after the two names is matched between the two wordings."""
    from .wordslots import same_place

    return same_place(a, x, b, y, 1)


def _titled_given(a: Claim, x, b: Claim, y) -> bool:
    """A given name after a title that goes with it ("Sir John", "Prince William") on one side and a lone surname on
    the other ("Mr. Stevens"): one person, called two ways."""
    from .people import given_and_surname, titled

    return given_and_surname(x.text, y.text) and (titled(a, x) or titled(b, y))


def _extra(mine: list, theirs: list) -> list:
    """The mentions of a name that one side gives more often than the other ("Legato stockholders ... each share of
    Legato" / "Time Warner Cable stockholders ... each Legato share"): one of them may be the one replaced."""
    from collections import Counter

    count_mine, count_theirs = Counter(_ename(e) for e in mine), Counter(_ename(e) for e in theirs)
    return [e for e in mine if count_theirs[_ename(e)] and count_mine[_ename(e)] > count_theirs[_ename(e)]]


def _name_role(claim: Claim, entity) -> tuple[str, str] | None:
    """The grammatical role of a name (newsweave.compare.claims.roles); who said it counts as the main subject."""
    from ..claims.roles import role

    if _part(claim, entity)[0]:
        return "subject", "main"  # who says the statement is the subject of its main verb
    return role(claim, entity)


def _unmatched(mine: list, theirs: list) -> list:
    """The names not given word for word by the other side too: a name both sides give is the same thing, whatever
    its surroundings ("headed by State Department official John S. Wolf" / "headed by John S. Wolf , an assistant
    secretary"), so it takes no part in pairing the names that differ. A name one side gives more often than the
    other stays (one of its mentions may be the one replaced)."""
    from collections import Counter

    count_mine, count_theirs = Counter(_ename(e) for e in mine), Counter(_ename(e) for e in theirs)
    return [e for e in mine if count_mine[_ename(e)] != count_theirs[_ename(e)]]


def _lone_swap(a: Claim, only_a: list, b: Claim, only_b: list, rest_a: set[str], rest_b: set[str]):
    """One side names one thing the other does not; its counterpart on the other side is the one unshared name
    of the same type that takes the same part (who said it, or not). Types only of the same family (a person for
    an organisation) cost more false alarms than they found swaps on the bench, so they are not paired."""
    if not only_a or not only_b or min(len(only_a), len(only_b)) != 1 or max(len(only_a), len(only_b)) > 3:
        return None
    flip = len(only_b) > 1  # the lone name is then a's, its counterpart among b's
    (ca, xs), (cb, (y,)) = ((b, only_b), (a, only_a)) if flip else ((a, only_a), (b, only_b))
    rest_x, rest_y = (rest_b, rest_a) if flip else (rest_a, rest_b)
    if any(_acronym_of(x.text, y.text) or names_related(x.text, y.text) for x in xs):
        return None  # its counterpart is there, typed otherwise: "IAC 's stock" / "InterActiveCorp 's shares"
    candidates = [x for x in xs if x.label == y.label != "MISC" and _same_part(ca, x, cb, y)
                  and not _state_after_city(ca, x) and not _same_house(x.text, y.text)]
    if len(candidates) != 1 or not _sole_swap(ca, candidates[0], cb, y, rest_x, rest_y) \
            or _crossed_slots(ca, candidates[0], cb, y):
        return None
    return (y, candidates[0]) if flip else (candidates[0], y)


def _crossed_slots(a: Claim, x, b: Claim, y) -> bool:
    """The two names play different parts, and each side fills the part of the other's name with a pronoun or a
    common noun: "Mr. Bush has credited the Dallas pastor" / "He has credited Dr. Evans" ("He" is Bush, "the
    pastor" is Evans); "how CFSB allocated shares" / "how the company allocated shares". Each name then has its
    counterpart on the other side, and the two are no swap."""
    from ..claims.roles import stand_in

    ra, rb = _name_role(a, x), _name_role(b, y)
    return ra is not None and rb is not None and ra != rb and stand_in(b, ra) and stand_in(a, rb)


# AP-style abbreviations of US states, which follow a city ("Birmingham , Ala . ,") and the tagger may type otherwise.
_STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois", "ind": "indiana",
    "kan": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana", "neb": "nebraska", "nev": "nevada",
    "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania", "tenn": "tennessee", "va": "virginia", "vt": "vermont",
    "wash": "washington", "wis": "wisconsin", "wyo": "wyoming"}
# First words too common among names to tie two of them together ("United Airlines" / "United Way").
_COMMON_FIRST = {"the", "new", "united", "national", "american", "first", "general", "international", "royal",
                 "north", "south", "east", "west", "central", "great", "bank", "state", "city", "university", "saint",
                 "st", "san", "los", "las", "fort", "mount", "lake", "port", "air", "world"}


def _state_after_city(claim: Claim, entity) -> bool:
    """The name is a state abbreviation after a city ("Birmingham , Ala ."): a place, whatever the tagger said."""
    text = claim.clause or claim.text
    start = entity.start - _base(claim)
    return entity.text.strip(" .").casefold() in _STATE_ABBREVIATIONS \
        and bool(re.search(r"[A-Z][\w.-]*\s*,\s*$", text[max(0, start - 30):max(start, 0)]))


def _in_named_state(a: Claim, x, y) -> bool:
    """x is a town its claim places in the state y names ("Key Biscayne , Fla ." / "Florida"): one place inside the
    other, which the gazetteer may not know."""
    text = a.clause or a.text
    end = x.end - _base(a)
    m = re.match(r"\s*,\s*([A-Z][a-z]{1,4})\b", text[max(end, 0):]) if end >= 0 else None
    return bool(m) and _STATE_ABBREVIATIONS.get(m.group(1).casefold()) == y.text.strip(" .").casefold()


def _same_house(x: str, y: str) -> bool:
    """Two names of one business family, which share a distinctive first word ("a Delta Connection carrier" / "service
    for Delta Air Lines"): a brand and its parent, not two different companies."""
    wx, wy = x.split(), y.split()
    return len(wx) > 1 and len(wy) > 1 and wx[0].casefold() == wy[0].casefold() and len(wx[0]) > 2 \
        and wx[0].casefold() not in _COMMON_FIRST


def _same_place(a: Claim, x, b: Claim, y) -> bool:
    """The two names sit between the same matched words of the two wordings (newsweave.compare.verdict.wordslots)."""
    from .wordslots import same_place

    return same_place(a, x, b, y, REPLACED_ANCHORS)


def _replaced(a: Claim, names_a: list, b: Claim, names_b: list, new) -> list[tuple]:
    """The first pair of different names, at least one of them unshared, that sit between the same matched words
    of the two wordings ("... close at $ 28.34 on the [Nasdaq] ." / "... on the [NYSE] ."), whatever types the
    tagger gave them, or after (or before) the same matched word when the tagger gave them the same type: one
    replaces the other. Aliases, acronyms and related names are not a replacement."""
    from .wordslots import same_place

    for anchors, same_type in ((REPLACED_ANCHORS, False), (REPLACED_ANCHORS - 1, True)):
        found = [(x, y) for x in names_a for y in names_b if new(x, y) and (not same_type or x.label == y.label)
                 and same_place(a, x, b, y, anchors) and not _acronym_of(x.text, y.text)
                 and not _same_entity(x, y) and not _one_referent(x, y) and not _titled_given(a, x, b, y)
                 and not _named_elsewhere(x, names_a, names_b, y, a, b)
                 and not _named_elsewhere(y, names_b, names_a, x, b, a)]
        if found:
            return found[:1]
    return []


def _named_elsewhere(x, mine: list, theirs: list, partner, own: Claim | None = None, other: Claim | None = None) -> bool:
    """The other side gives x too, elsewhere in its wording and as often as x's side does ("the U.S. market" /
    "the PC market in the United States"; "Falluja , just west of Baghdad"): x kept its counterpart there, and the
    name in its place is something the other side adds, not a replacement. A mention that only says whom a person
    works for ("Japan 's Finance Minister", "said Eddie Bauer spokeswoman Lisa Erickson") is no such counterpart."""
    same = lambda e: (e.label == "NORP") == (x.label == "NORP") and _spelled_alike(x, e)  # "Cuba" / "Cuban waters"
    employer = own is not None and other is not None and not _employer(own, x)
    return sum(1 for e in theirs if e is not partner and same(e) and not (employer and _employer(other, e))) \
        >= max(1, sum(map(same, mine)))


_EMPLOYER = re.compile(r"\s*(?:(?:'|’|â\s)s\s+)?(?:(?:[A-Z][a-z]+|chief|former|senior|deputy)\s+){0,3}(?:Minister|Secretary|"
                       r"spokes(?:man|woman|person)|[Pp]resident|officials?|executive|[Cc]hief|CEO|[Cc]hairman|"
                       r"[Dd]irector|[Aa]mbassador|lawyer|attorney|analyst|economist)\b")


def _employer(claim: Claim, entity) -> bool:
    """The name says whom a person works for, before the person's post: "Japan 's Finance Minister Masajuro
    Shiokawa", "Eddie Bauer spokeswoman Lisa Erickson"."""
    text = claim.clause or claim.text
    before = text[max(0, entity.start - _base(claim) - 40):max(entity.start - _base(claim), 0)]
    return bool(_EMPLOYER.match(text[max(entity.end - _base(claim), 0):])) \
        or bool(re.search(r"\b(?:executive|officer|president|chairman|director|spokes\w+|minister|secretary|head)\s+"
                          r"(?:of|at|for)\s+(?:the\s+)?$", before, re.I))  # "chief executive of the Dixons Group"


def _spelled_alike(x, y) -> bool:
    """One name given two ways: the same canonical name (aliases, demonyms), a near spelling or one spelling inside
    the other ("Falluja" / "Fallujah", "Dixons" / "Dixons Group"), initials ("GE" / "General Electric"); not merely
    a shared word ("Parker Jensen" / "the Jensens")."""
    from rapidfuzz import fuzz

    nx, ny = _ename(x), _ename(y)
    return bool(nx and ny) and (nx == ny or fuzz.ratio(nx, ny) >= 80 and not _numbered_apart(nx, ny)
                                or _acronym_of(x.text, y.text)
                                or _same_spelling(x.text, y.text))


def _untagged(a: Claim, only_a: list, b: Claim, names_b: list) -> list[tuple]:
    """A name of a that b does not name, whose place b fills with capitalised words the tagger did not mark
    ("Michel , who remains in the government , denied ..." / "Harper , who has stayed ..."): the first such pair."""
    from .wordslots import counterpart

    for x in only_a:
        found = counterpart(a, x, b)
        if found is None or any(e.start < found[1] and found[0] < e.end for e in names_b) \
                or _CALENDAR.search(found[2]) or len(found[2].strip(" .")) < 3:
            continue
        if found[2].strip(" .").casefold() in STOPWORDS:
            continue  # "She was bitten ...": a pronoun, not a name
        y = type(x)(found[0], found[1], found[2], "MISC", canonical=found[2])
        if not _mentioned(_ename(y), a) and not _acronym_of(x.text, y.text) and not _same_entity(x, y) \
                and not _one_referent(x, y):
            return [(x, y)]
    return []


UNTAGGED = True  # also look for the counterpart of an unshared name among words the tagger did not mark
REPLACED_ANCHORS = 2  # matched words around two different names (before and after) for one to replace the other
SOLE_SWAP_OVERLAP = 0.0  # content the rest of two statements must share for their one unshared names to clash


def _one_referent(x, y) -> bool:
    """Two names that need not be two different things: related names, spelling variants, or places one of which
    lies inside the other ("Valencia" / "Spain": a city and its country are not a swap)."""
    if names_related(x.text, y.text) or _same_spelling(x.text, y.text):
        return True
    if _family(x.label) == _family(y.label) == "place":
        from ...normalize.places import compatible

        return compatible(x.text, y.text, x.label, y.label)
    if "GPE" in (x.label, y.label):
        from ...normalize.places import nested

        return nested(x.text, y.text)
    return False


def _same_part(a: Claim, x, b: Claim, y) -> bool:
    """Both names say who said it, or neither does; two different people are compared either way (the quote of
    one is not the quote of another)."""
    return x.label == y.label == "PERSON" or _part(a, x) == _part(b, y)


def _sole_swap(a: Claim, x, b: Claim, y, rest_a: set[str], rest_b: set[str], same_label: bool = True) -> bool:
    """Each side names one thing the other does not, of the same type, in statements that otherwise say the same:
    "Microsoft said" / "Army said". Names the embedding model relates (one referent, a part and its whole) and
    who-said-it names on one side only are not a swap."""
    return (not same_label or x.label == y.label and x.label != "MISC") and _share(rest_a, rest_b) >= SOLE_SWAP_OVERLAP \
        and _same_part(a, x, b, y) and not _acronym_of(x.text, y.text) \
        and not _one_referent(x, y) and not _titled_given(a, x, b, y)


RELATED_NAMES = 0.7  # cosine of two names' embeddings from which they are taken to be related, not swapped


def names_related(x: str, y: str) -> bool:
    """Two different names that the sentence-embedding model places close together: one referent or a part
    and its whole ("Saddam" / "Hussein", "Myanmar" / "Burma", "Cleveland" / "Ohio", "Iraq" / "Baghdad"). Without
    the embedding extra every pair counts as unrelated."""
    if _rival_parties(x, y):
        return False  # "Democrats" / "Republicans": the model places them close, yet they name opposite sides
    wx, wy = x.split(), y.split()
    shared = {w.casefold() for w in wx} & {w.casefold() for w in wy}
    if shared:  # "Security Service of Ukraine" / "National Guard of Ukraine": compare what differs
        x = " ".join(w for w in wx if w.casefold() not in shared)
        y = " ".join(w for w in wy if w.casefold() not in shared)
        if not x or not y:
            return True
    vx, vy = _name_vector(x.strip()), _name_vector(y.strip())
    if vx is None or vy is None:
        return False
    return float(vx @ vy) >= RELATED_NAMES


# Political parties, and the words for their members, that news sets against each other: one for another is a swap.
_PARTIES = {"democrat": "democratic", "democrats": "democratic", "democratic": "democratic",
            "republican": "republican", "republicans": "republican", "gop": "republican",
            "labour": "labour", "conservative": "conservative", "conservatives": "conservative",
            "tory": "conservative", "tories": "conservative"}


def _rival_parties(x: str, y: str) -> bool:
    """Two names of different political parties or their members ("a Democrat" / "a Republican", "Labour" /
    "the Tories")."""
    px, py = ({_PARTIES[w] for w in re.findall(r"\w+", v.casefold()) if w in _PARTIES} for v in (x, y))
    return bool(px and py and not px & py)


# The embedder that compares names: the comparison's own, set for the span of ``verdicts`` (names_embedded_by);
# rules called directly (tests, benchmarks) use the default embedder.
_NAMES_EMBEDDER: ContextVar = ContextVar("names_embedder", default=None)


@contextmanager
def names_embedded_by(embedder):
    """Compare names with ``embedder`` (None: the default one) inside this block."""
    token = _NAMES_EMBEDDER.set(embedder)
    try:
        yield
    finally:
        _NAMES_EMBEDDER.reset(token)


def _name_vector(name: str):
    model = _name_model()
    if model is None or not name:
        return None
    return _embedded_name(model, name)


@lru_cache(maxsize=65536)
def _embedded_name(model, name: str):
    import numpy as np

    v = np.asarray(model.encode([name])[0], dtype=np.float32)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else None


def _name_model():
    return _NAMES_EMBEDDER.get() or _default_name_model()


@lru_cache(maxsize=1)
def _default_name_model():
    from ...errors import MissingExtra

    try:
        from ...embed.embedders import get_embedder

        return get_embedder("auto")
    except (MissingExtra, ImportError, OSError):
        return None


def _same_entity(x, y) -> bool:
    from rapidfuzz import fuzz

    nx, ny = _ename(x), _ename(y)
    if not nx or not ny:
        return True
    return nx == ny or nx in ny or ny in nx or _acronym_of(x.text, y.text) \
        or fuzz.ratio(nx, ny) >= 80 and not _numbered_apart(nx, ny) \
        or _name_words_shared(x, _only_text(y)) or _name_words_shared(y, _only_text(x)) or _same_spelling(x.text, y.text)


def _same_spelling(x: str, y: str) -> bool:
    """Spelling variants of one name: "U.S" / "US military" (dots dropped, one inside the other), "Al Qaeda" /
    "Qaida" (the heads differ by a letter or two), "D-Neb" / "Nebraska" and "R-Tenn" / "Tennessee" (an
    abbreviation), "Federal Emergency Management Administration" / "... Agency" (most words shared)."""
    from rapidfuzz import fuzz

    fx, fy = (re.sub(r"[^\w]", "", v.casefold()) for v in (x, y))
    if fx and fy and (fx in fy or fy in fx):
        return True
    for u, v in ((x, y), (y, x)):  # "Jean ChrÃ" / "Jean Chretien": a name cut where its encoding broke
        cut = u.strip().rstrip("Ã")
        if cut != u.strip() and len(cut) >= 4 and v.strip().casefold().startswith(cut.casefold()):
            return True
    wx, wy = (re.findall(r"[^\W\d_]+", v.casefold()) for v in (x, y))
    if not wx or not wy:
        return False
    if max(len(wx), len(wy)) <= 2 and len(wx[-1]) >= 5 and len(wy[-1]) >= 5 and wx[-1] != wy[-1] \
            and fuzz.ratio(wx[-1], wy[-1]) >= 80:
        return True  # a misspelt head: "Qaeda" / "Qaida"
    if wx[-1] != wy[-1] and len(wx[-1]) >= 5 and len(wy[-1]) >= 5 and wx[-1][0] == wy[-1][0] \
            and len(_skeleton(wx[-1])) >= 3 \
            and _skeleton(wx[-1]) == _skeleton(wy[-1]) and fuzz.ratio(wx[-1], wy[-1]) >= 70:
        return True  # a surname transliterated two ways: "Noureddinne Mouleff" / "Nur al-Din Muliff"
    if any(3 <= len(a) <= 5 and len(b) >= 6 and b.startswith(a) for u, v in ((wx, wy), (wy, wx))
           for a in u for b in v if len(v) == 1):
        return True  # "Neb" in "D-Neb" abbreviates "Nebraska"
    short, long = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return len(short) >= 3 and len(set(short) & set(long)) >= 2 * len(short) / 3


def _skeleton(word: str) -> str:
    """The consonants of a word, doubled ones once: the part of a transliterated name that spellings keep."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", word))


def _only_text(entity) -> Claim:
    """A stand-in claim holding just the entity's words (to reuse the surname test)."""
    return Claim(id="", article="", outlet="", sentence=0, start=0, end=0, text=entity.text, clause_start=0,
                 clause_end=len(entity.text), clause=entity.text)
_SPEAKER_NOUNS = {"spokesman", "spokeswoman", "spokesperson"}
# Further verbs that say who says it ("Kanisa noted that ..."), for the speaker test of names only.
_SPEAKER_VERBS = {"noted", "notes", "explained", "declared", "insisted", "argued", "claimed", "claims", "warned",
                  "testified", "acknowledged"}
_LISTENER_VERBS = {"told", "tells"}  # the name after them is who heard it, not who said it


def _part(claim: Claim, entity) -> tuple[bool, bool]:
    """(who said it, who heard it): "said Andy Bryant" and "told the Associated Press" take different parts."""
    before, after = context_words(claim, entity.start, entity.end, 2)
    listener = bool(before[:1]) and before[0] in {_stem(w) for w in _LISTENER_VERBS} and not after
    return _speaker(claim, entity), listener


# A name right after one of these is its object, not the subject of the speech verb after it: "issued a statement to
# the Fox News Channel saying", "a letter from Smith says".
_OBJECT_PREPOSITIONS = {"to", "with", "from", "for", "by", "about", "against", "into", "toward", "towards"}


def _speaker(claim: Claim, entity) -> bool:
    """The name is who said it ("Crosby said", ", said Ben Deutsch.", "according to X", "spokesman X"), not a
    participant of what is said, nor the object of a preposition before the speech verb ("a statement to the Fox News
    Channel saying")."""
    before, after = context_words(claim, entity.start, entity.end, 2)
    verbs, nouns = {_stem(w) for w in _SPEECH_VERBS | _SPEAKER_VERBS}, {_stem(w) for w in _SPEAKER_NOUNS}
    told = verbs - {_stem(w) for w in _LISTENER_VERBS}  # "he told the Register .": the Register listened
    return bool(after[:1]) and after[0] in verbs and not _clause_between(claim, entity) \
        and not (before[:1] and before[0] in _OBJECT_PREPOSITIONS) or bool(before[:1]) and (
        before[0] in nouns or before[0] in told and (not after or _affiliation_ends(claim, entity))
        or before[:2] == ["to", _stem("according")])


def _affiliation_ends(claim: Claim, entity) -> bool:
    """Only the speaker's employer or post follows the name to the end of the statement: ", said Burt Flickinger of
    Strategic Resource Group .", ", said Ken Wattret , an economist at BNP Paribas ."."""
    text = claim.clause or claim.text
    rest = text[max(entity.end - _base(claim), 0):]
    return bool(_AFFILIATION.match(rest)) and not re.search(r"\b(?:that|said|says|told)\b|[;:]", rest)


def _clause_between(claim: Claim, entity) -> bool:
    """A comma parts the name from the speech verb after it: the name closes an aside about the speaker ("Mohcine
    Douali , who lives in the centre of Algiers , said"; "the company , based in Connecticut , Calif . , said"),
    it does not say it. An age or a title between commas ("Smith , 50 , said") keeps the name the speaker."""
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    m = re.match(r"[^\w]*(?:\w+[^\w]+){0,4}?(?=(?:" + "|".join(sorted(_SPEECH_VERBS | _SPEAKER_VERBS)) + r")\b)",
                 text[entity.end - base:])
    between = m.group(0) if m else ""
    return "," in between and not re.fullmatch(r"\s*,\s*(?:\d+|[a-z]+)\s*,\s*", between)


_CALENDAR = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
                       r"August|September|October|November|December|EDT|EST|GMT|PDT|PST|BST|CET)\b")
_LEADING_PREPOSITION = re.compile(r"(?:By|Since|Between|From|Until|On|At|In|After|Before|During)\b")


def _names(claim: Claim) -> list:
    """The claim's entities plus capitalised names the tagger missed (inside the clause)."""
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    found = [part for e in map(_trimmed, claim.entities) if not _ticker(text, e.start - base, e.end - base)
             and not _wire_credit(text, e.start - base, e.end - base) for part in _split_joined(_before_verb(claim, e))
             if part.text.strip(" .") and part.text.strip(" .").casefold() not in _LEDE_WORDS]  # "AN AUSTRALIAN"
    for e in (_caps_names(text) if USE_CAPS else ()):
        start, end = e.start + base, e.end + base
        if _CALENDAR.search(e.text) or _LEADING_PREPOSITION.match(e.text):
            continue  # "By Wednesday", "Since June", "EDT Sunday": times, not names
        if _ticker(text, e.start, e.end):
            continue
        if not any(x.start < end and start < x.end for x in found):
            found.append(type(e)(start, end, e.text, _caps_label(e.text), canonical=e.canonical))
            continue
        for m in re.finditer(r"[^\s].*?(?=\s+(?:of|and|in|at|for|from)\s+|$)", e.text):  # "Atkins of [Nebraska]"
            s, t = start + m.start(), start + m.end()
            part = m.group(0).strip(" .")
            if len(part) >= 3 and part[:1].isupper() and part.casefold() not in STOPWORDS \
                    and not _CALENDAR.search(part) and not any(x.start < t and s < x.end for x in found):
                found.append(type(e)(s, s + len(part), part, _caps_label(part), canonical=part.casefold()))
    if USE_PROPER_NOUNS and text[:1].isupper():
        from ...models import Entity
        from ..claims.roles import proper_nouns

        for start, end, name in proper_nouns(claim):
            if _CALENDAR.search(name) or _LEADING_PREPOSITION.match(name) or name.casefold() in STOPWORDS \
                    or any(x.start < end and start < x.end for x in found):
                continue  # "Monday", "In", "The": no names
            found.append(Entity(start, end, name, "MISC", canonical=name))
    return found


# What a tagged span may run on into after the name: common nouns ("the American Cancer Society journal", "the House
# of Representatives news agency") or a stock symbol ("Peabody Energy Corp. BTU.N", "Vivendi Universal EAUG.PA").
_TAIL = re.compile(r"(?:\s+(?:[a-z][a-z-]+|[A-Z]{1,5}\.[A-Z]{1,2}))+$")


def _trimmed(e):
    """The tagged name without the common nouns or the stock symbol the tagger ran it on into: "American Cancer Society
    journal" is "American Cancer Society". Lower-case words inside a name stay ("Taxpayers Against the Recall")."""
    if not TRIM_TAILS:
        return e
    m = _TAIL.search(e.text)
    head = e.text[:m.start()] if m else e.text
    if not m or len(head.split()) < 2 and not re.search(r"\.[A-Z]", m.group(0)) or not re.search(r"[A-Z]", head) \
            or head.split()[-1].casefold() in _NAME_LINKS:
        return e  # "the US military" is the United States
    return dataclasses.replace(e, end=e.start + len(head), text=head,
                               canonical=head if (e.canonical or e.text) == e.text else e.canonical)


TRIM_TAILS = True  # cut the common nouns and stock symbols a tagged span runs on into


def _before_verb(claim: Claim, e):
    """The tagged name up to the first verb the sentence says in lower case, which no name holds: "Finder brings
    Novell unparalleled Linux" is "Finder" (a title's verbs are capitalised: "The Spy Who Shagged Me")."""
    from ..claims.roles import parse

    text, base = claim.clause or claim.text, _base(claim)
    doc = parse(text)
    if doc is None:
        return e
    s, t = e.start - base, e.end - base
    verbs = [tok for tok in doc if s < tok.idx and tok.idx + len(tok.text) <= t and tok.tag_ in _FINITE
             and tok.text[:1].islower()]
    if not verbs:
        return e
    head = e.text[:verbs[0].idx - s].rstrip(" ,.;:")
    return dataclasses.replace(e, end=e.start + len(head), text=head,
                               canonical=head if (e.canonical or e.text) == e.text else e.canonical)


_FINITE = {"VBZ", "VBD", "VBP", "MD"}
_NAME_LINKS = {"of", "the", "and", "for", "de", "du", "van", "von", "der", "al", "bin", "la", "le", "da", "di"}


def _caps_label(name: str) -> str:
    """The type of a capitalised name the tagger missed: a demonym ("Swiss francs") is a group of people (NORP) as
    the tagger would type it; any other name is of no known type."""
    from ...normalize.aliases import place_of

    found = place_of(name.strip(" ."))
    return "NORP" if found and found[1] == "demonym" else "MISC"


# A name the tagger ran on into a place or an employer: "the Bluetooth World Congress in Amsterdam", "said Ken
# Wattret of BNP Paribas" (a person's name holds no "of"). The part after the joint starts with a capital.
_JOINT = {"PERSON": re.compile(r"\s+(?:of|in|at)\s+(?=[A-Z])"), "*": re.compile(r"\s+in\s+(?=[A-Z])")}


def _split_joined(e) -> list:
    """A tagged span that joins two names ("Cruz of BNP Paribas", "World Congress in Naval") as its two names: the
    first keeps the label, the second is an organisation (after "of"/"at") or a place (after "in")."""
    m = _JOINT.get(e.label, _JOINT["*"]).search(e.text)
    if m is None or not m.start() or not e.text[m.end():].strip():
        return [e]
    return _two_names(e, m, "GPE" if m.group(0).strip() == "in" else "ORG")


def _split_lists(mine: list, theirs: list) -> list:
    """A tagged span "X and Y" one of whose parts the other side gives as a name of its own ("the bridge between
    Matamoros and Brownsville" tagged as one organisation / "linking Matamoros and Brownsville"): a list of two
    names, not one name ("Procter and Gamble" stays whole unless the other side names "Procter" alone)."""
    keys = {_ename(e): e.label for e in theirs}
    out = []
    for e in mine:
        m = re.search(r"\s+and\s+(?=[A-Z])", e.text) or _OWNED.search(e.text)
        head, tail = (e.text[:m.start()], e.text[m.end():]) if m else ("", "")
        if not m or not head or " and " in tail or not ({_ename(type(e)(0, 0, p, e.label)) for p in (head, tail)}
                                                        & keys.keys()) \
                or "and" not in m.group(0) and any(_acronym_of(t.text, e.text) for t in theirs):
            out.append(e)  # "the People 's Republic of China" / "the PRC": one name
            continue
        parts = _two_names(e, m, e.label)
        if "and" not in m.group(0):  # "Florida 's Third District Court": the owner takes the other side's label
            from ...normalize.places import level

            label = keys.get(_ename(parts[0])) or ("GPE" if level(parts[0].text) else e.label)
            parts[0] = dataclasses.replace(parts[0], label=label)
        out += parts
    return out


SPLIT_GIVEN = True  # cut a tagged span that runs a name the other side gives alone into its neighbour


def _split_given(mine: list, theirs: list) -> list:
    """A tagged span made of a name the other side gives on its own and a name next to it, which the tagger ran
    together ("Former Secretary of Lashkargah Bill Jones" / "... of State Bill Jones",
    "Sheena Young of Child" / "a spokesman for Child"): two names, the given one and the one before it, which keeps
    the span's label. A single given word must follow "of": "the New York Times" / "the Times" is one name
    shortened. A given name before a surname, a direction ("North Korea" / "Korea"), a post ("Prime Minister Tony
    Blair") and a country ("U.S. Treasury Department" / "Treasury Department") are no neighbours."""
    out = []
    for e in mine:
        out += _given_parts(e, theirs) or [e]
    return out


def _given_parts(e, theirs: list) -> list:
    from ...normalize.aliases import place_of

    words = e.text.split()
    if len(words) < 2:
        return []
    for t in theirs:
        given = t.text.strip(" .").split()
        if not given or len(given) >= len(words) or words[-len(given):] != given:
            continue
        rest = words[:-len(given)]
        joined = rest[-1:] == ["of"]
        if joined:  # "Sheena Young of Child"
            rest = rest[:-1]
        if len(given) == 1 and not joined:
            continue  # "the New York Times" / "the Times", "the Chicago Bulls" / "the Bulls": one name, shortened
        name = " ".join(rest)
        if not rest or not all(w[:1].isupper() for w in rest) or len(name.strip(" .,")) < 3 \
                or name.casefold() in STOPWORDS or name.casefold() in _COMMON_FIRST or _POST.search(name) \
                or _ORG_WORDS.search(name) or _CALENDAR.search(name) or place_of(re.sub(r"\s+", "", name.strip(" ,"))) \
                or not e.text.startswith(name):
            continue  # "U.S. Treasury Department" / "Treasury Department", "U. S. Surgeon General": a country's
        cut = e.end - len(" ".join(given))
        return [type(e)(e.start, e.start + len(name), name, e.label, canonical=name),
                type(e)(cut, e.end, e.text[cut - e.start:], t.label, canonical=t.canonical or t.text)]
    return []


SPLIT_PLACED = True  # cut a tagged span that opens with a town the other side gives before a noun into two names


def _split_placed(mine: list, other: Claim, theirs: list) -> list:
    """A tagged span that opens with a town or state which the other side gives as a place of its own before a
    noun, followed by the name of something there ("the Smyrna Nissan plant" / "Goldman Sachs 's Smyrna plant"): two
    names, the place and the rest, which keeps the span's label. Where the other side's place stands alone, it may
    stand for the whole name ("with the Chicago Bulls" / "with Chicago"), which stays whole."""
    from ..claims.roles import qualifier

    given = [t for t in theirs if qualifier(other, t)]
    out = []
    for e in mine:
        out += _placed_parts(e, given) if given else [e]
    return out


def _placed_parts(e, theirs: list) -> list:
    """The place of ``theirs`` that opens the span ``e`` and the name after it, or [e]. A person ("Austin Powers"), a
    place ("New York City") and a name whose rest is an organisation's word or a post ("the Washington Post", "New
    York Governor") stay whole."""
    from ...normalize.places import level

    words = e.text.split()
    if e.label == "PERSON" or _family(e.label) == "place" or len(words) < 2:
        return [e]  # "New York City" / "New York": one place, named more closely
    for t in theirs:
        given = t.text.strip(" .").split()
        rest = " ".join(words[len(given):])
        if t.label != "GPE" or not given or len(given) >= len(words) or words[:len(given)] != given \
                or not level(t.text.strip(" .")) & {"city", "state"} or not all(w[:1].isupper() for w in rest.split()) \
                or _ORG_WORDS.search(rest) or _POST.search(rest) or level(rest) or len(rest) < 3:
            continue
        cut = e.end - len(rest)
        return [type(e)(e.start, e.start + len(t.text.strip(" .")), e.text[:len(t.text.strip(" ."))], t.label,
                        canonical=t.canonical or t.text),
                type(e)(cut, e.end, rest, e.label, canonical=rest)]
    return [e]


# An owner inside a tagged span: "Florida 's Third District Court of Appeal", "Dominique de Villepin 's Sons".
_OWNED = re.compile(r"\s*(?:'|’|â\s)s\s+(?=[A-Z])")


def _two_names(e, joint, second_label: str) -> list:
    """The span ``e`` cut at the ``joint`` match into two names: the first keeps its label."""
    head, tail = e.text[:joint.start()], e.text[joint.end():]
    return [type(e)(e.start, e.start + len(head), head, e.label, canonical=head),
            type(e)(e.start + joint.end(), e.end, tail, second_label, canonical=tail)]


USE_PROPER_NOUNS = True  # also treat proper nouns opening a sentence (which the caps heuristic skips) as names


_TICKER_BEFORE = re.compile(r"(?:(?:<\s*|\bindex\s+)\.|\b(?:nyse|nasdaq|amex|lse|tsx)\s*:\s*)$", re.I)
_TICKER_AFTER = re.compile(r"^(?:\.[A-Z]{1,2}\b|\s*:\s*(?:news|quote)\b|\s*\$)")


_CREDIT = re.compile(r"^[^a-z]{0,40}?[-–—]\s*\(\s*$")


def _wire_credit(text: str, start: int, end: int) -> bool:
    """The agency credit of a dateline, not a name in the statement: "NEW YORK - ( Dow Jones ) - Former ...",
    "LONDON (Reuters) -"."""
    return bool(re.match(r"\s*\)\s*[-–—]", text[end:end + 6])) and bool(
        _CREDIT.match(text[:max(start, 0)]) or re.fullmatch(r"[^a-z]{0,40}\(\s*", text[:max(start, 0)]))


def _ticker(text: str, start: int, end: int) -> bool:
    """A stock symbol or currency prefix, not a name in the statement: ".SPX", "AA.N", "( MSFT : news , chart )",
    "( nyse : PEP - news )", "US $ 70 million"."""
    name = text[max(start, 0):end].strip(" .")
    if not name or not re.fullmatch(r"[A-Z][A-Z.&]{0,5}", name):
        return False
    return bool(_TICKER_BEFORE.search(text[max(0, start - 12):max(start, 0)])) or bool(_TICKER_AFTER.match(text[end:]))


def _caps_names(text: str):
    """Capitalised runs, less those a lede sets in capitals ("AN AUSTRALIAN climber ..."): a run opening with a
    function word in capitals is typography, not a name."""
    from ..claims.slots import entities as caps

    return [e for e in caps(text) if not (e.text.isupper() and e.text.split()[0].casefold() in _LEDE_WORDS)]


# Function words a lede in capitals opens with ("AN AUSTRALIAN climber"), which the tagger may take for a name; not
# every stopword ("US" is a name).
_LEDE_WORDS = {"a", "an", "the", "in", "on", "at", "of", "for", "by", "to", "and", "or", "as", "after", "when", "with"}


def _only(mine: list, theirs: list, other: Claim) -> list:
    keys = {_ename(e) for e in theirs}
    out, seen = [], set()
    for e in mine:
        n = _ename(e)
        if n and n not in keys and n not in seen and not _mentioned(n, other) \
                and not (_name_words_shared(e, other) and _word_given(e, mine, theirs, other)):
            seen.add(n)
            out.append(e)
    return out


def _acronym_of(x: str, y: str) -> bool:
    """ "ECB" and "European Central Bank", "CDC" and "Centers for Disease Control and Prevention", "P & W" and
    "Pratt & Whitney": the short name's capitals are the initials of (the start of) the long one's words."""
    short, long = sorted((x.strip(), y.strip()), key=lambda n: len(re.sub(r"[^A-Za-z]", "", n)))
    letters = re.sub(r"[^A-Za-z]", "", short)
    if re.fullmatch(r"(?:[A-Z]+(?:of|and|de|du|der|y)?)+[A-Z]", letters):  # "BofA": Bank of America
        letters = re.sub(r"[a-z]", "", letters)
    letters = letters[:-1] if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper() else letters
    if len(letters) < 2 or not letters.isupper():  # "DJs" is "DJ", plural
        return False
    words = re.findall(r"[A-Za-z][\w-]*", long)
    caps = "".join(w[0] for w in words if w[0].isupper()).upper()
    inner = "".join(c for c in long if c.isupper())  # "AustMag": Australian Magnesium
    if len(words) == 1 and len(inner) >= 2 and letters.startswith(inner):
        return True
    every = "".join(w[0] for w in words).upper()
    spelled = "".join(w if w.isupper() and len(w) <= 4 else w[0] for w in words if w[0].isupper())
    if len(words) > 1 and len(letters) >= 4 and spelled != caps and letters == spelled:  # "USGS": US Geological Survey
        return True
    if len(letters) >= 3 and letters in caps:  # "ATF": Bureau of Alcohol, Tobacco, Firearms and Explosives
        return True
    dotted = re.fullmatch(r"(?:[A-Z]\.\s?)+[A-Z]\.?", short)  # "K. C", "L.A.": initials, spelled as such
    return letters in (caps, every) or len(caps) >= 2 and (letters.startswith(caps) or letters.startswith(every)
                                                          or letters.endswith(caps)) \
        or (len(letters) >= 3 or dotted) and caps.startswith(letters)


def _ename(e) -> str:
    """Folded canonical name; demonyms and country variants fold to the country ("British" = "UK"), customary
    names to what they stand for ("Pentagon" = "Defense Department")."""
    from ...normalize.aliases import place_of

    name = e.canonical or e.text
    place = place_of(e.text.strip(" .")) or place_of(e.text.strip(" .") + ".") or place_of(name) \
        or _customary(e.text.strip(" .")) or _customary(name)
    return re.sub(r"[^\w]", "", (place[0] if place else name).casefold())


def _customary(name: str) -> tuple[str, str] | None:
    """The name an institution's customary second name stands for (acronyms are left to _acronym_of)."""
    from ...normalize.aliases import expand

    found = expand(name)
    return found if found and found[1] in ("customary name", "department name") else None


def _mentioned(name: str, claim: Claim) -> bool:
    """The other claim names it too: same name, a distinctive word of it (surname), or a near spelling."""
    from rapidfuzz import fuzz

    text = claim.clause or claim.text
    flat = re.sub(r"[^\w]", "", text.casefold())
    if name in flat or any(name in _ename(e) or _ename(e) in name for e in claim.entities if _ename(e)):
        return True
    return any(fuzz.ratio(name, _ename(e)) >= 80 and not _numbered_apart(name, _ename(e)) for e in claim.entities)


def _numbered_apart(x: str, y: str) -> bool:
    """Two folded names that differ only in their numbers name two things, not one spelt two ways: "Voyager 1" /
    "Voyager 2", "Flight 77" / "Flight 11" (a number that begins the other, "747" / "747400", is a variant)."""
    dx, dy = re.sub(r"\D", "", x), re.sub(r"\D", "", y)
    return bool(dx and dy) and not (dx.startswith(dy) or dy.startswith(dx)) \
        and re.sub(r"\d", "", x) == re.sub(r"\d", "", y)


def _word_given(entity, mine: list, theirs: list, other: Claim) -> bool:
    """The distinctive word of the name that the other claim gives (see _name_words_shared) stands there for this
    name, not for another one: it is not the surname of another person both sides name ("Kerry Kennedy Cuomo" /
    "Andrew Cuomo and Stevens", where both name Andrew Cuomo), not the last word of a name whose other words are
    other names ("Odyssey Marine Exploration" / "Oxford Semiconductor Exploration", "American Spirit" / "Turks
    Spirit"), and not a common noun that a name of the other claim qualifies ("the Episcopal Church" / "the Frank
    Quattrone church", "the CDC protocol" / "Hyundai protocol")."""
    from rapidfuzz import fuzz

    if not WORD_GIVEN:
        return True
    head = re.split(r"\s+of\s+", entity.text)[0]
    last = [w for w in tokens(head)[-1:] if len(w) >= 4 and w not in STOPWORDS]
    if not last:
        return True
    word = last[0]
    text, base = other.clause or other.text, _base(other)
    mine_keys = {_ename(m) for m in mine if m is not entity and _ename(m) != _ename(entity)}
    own = [w for w in re.findall(r"[\w'’.-]+", head) if w.casefold().strip("'’.-") != word]
    for m in WORD.finditer(text):
        found = m.group(0).casefold().strip("'’-")
        if found != word and not (abs(len(found) - len(word)) <= 2 and fuzz.ratio(word, found) >= 85):
            continue
        start, end = m.start() + base, m.end() + base
        holder = next((t for t in theirs if t.start <= start and end <= t.end), None)
        if holder is None:
            if m.group(0)[:1].islower() and _qualified(text, m.start(), theirs, base, mine) \
                    and re.match(r"\s*(?:[^\w\s]|$|(?:to|of|in|for|at|on|is|was|and)\b)", text[m.end():]):
                continue  # "the Frank Quattrone church"
            return True
        if _ename(holder) in mine_keys:
            continue  # the surname of another name both sides give
        rest = [w for w in re.findall(r"[\w'’.-]+", holder.text) if w.casefold().strip("'’.-") != found]
        if own and rest and all(w[:1].isupper() and not _post(w) for w in own + rest) \
                and "PERSON" not in (entity.label, holder.label) and "place" not in map(_family, (entity.label, holder.label)) \
                and not {w.casefold() for w in own} & set(tokens(text)):
            continue  # "Odyssey Marine Exploration" / "Oxford Semiconductor Exploration"
        return True
    return False


WORD_GIVEN = True  # check that the shared distinctive word of a name stands for it on the other side


def _qualified(text: str, offset: int, theirs: list, base: int, mine: list) -> bool:
    """A name of the other claim, one this side does not give, stands right before the word at ``offset`` (a
    parenthesis may come between): "Hyundai protocol", "an Health Canada ( news - web sites ) journal"."""
    before = re.sub(r"\([^()]*\)\s*$", "", text[:offset].rstrip()).rstrip()
    keys = {_ename(m) for m in mine}
    return any(t.end - base == len(before) and _ename(t) not in keys for t in theirs)


def _name_words_shared(entity, claim: Claim) -> bool:
    """A distinctive word of the name (a surname) appears in the other claim, allowing for a misspelling."""
    from rapidfuzz import fuzz

    words = set(tokens(claim.clause or claim.text))
    head = re.split(r"\s+of\s+", entity.text)[0]
    mine = [w for w in tokens(head)[-1:] if len(w) >= 4 and w not in STOPWORDS]
    return any(w in words or any(fuzz.ratio(w, o) >= 85 for o in words if abs(len(o) - len(w)) <= 2) for w in mine)


def _without(claim: Claim, *entities) -> str:
    text = claim.clause or claim.text
    base = claim.clause_start if claim.clause_start >= 0 and claim.clause else claim.start
    for entity in sorted(entities, key=lambda e: -e.start):
        s, e = entity.start - base, entity.end - base
        text = text[:max(s, 0)] + " " + text[max(e, 0):]
    return text
