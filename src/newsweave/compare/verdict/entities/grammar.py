"""Pairing names by the grammatical role they play (``newsweave.compare.claims.roles``), whatever labels the tagger
gave them: the one unshared name of each side that is the subject of the main clause, the owner of the same thing,
the object of the same preposition ... (``role_swap``); a name both sides give that does a verb on one side where
the other side has a new name do it (``moved``). And ``other_part``: two names that cannot stand for each other.
"""
from __future__ import annotations

from ....models import Claim
from ....normalize.places import capital
from ...claims.roles import apposed, describes, governing_token, owned, place_of_noun, possessed, qualifier, \
    reports, role, subject_verb, verb_role
from ..common import clause_offset, content_words, label_family, stem
from .given_names import titled_given
from .kinds import is_group_word, is_post
from .matching import acronym_of, folded_name, mentioned_in, one_referent, related_or_variant, same_entity, \
    spelled_alike
from .speakers import name_role, same_speech_part, speaks_for, speech_part
from .vectors import name_vector
from .wordslots import same_place


def role_swap(a: Claim, only_a: list, b: Claim, only_b: list):
    """(x, y): the one unshared name of each side that plays a given grammatical role (``_same_roles``): the subject
    of the main clause, the owner of a thing, the object of the same preposition ("Smith found the tax falls on the
    consumer" / "Robert Liscouski ruled that the tax falls on the consumer"), whatever labels the tagger gave them;
    the first such pair that is a swap (``_swapped_in``), else None."""
    if not only_a or not only_b:
        return None
    return next(((x, y) for x, y, role_ in _same_roles(a, only_a, b, only_b) if _swapped_in(role_, a, x, b, y)), None)


def _swapped_in(role_: tuple[str, str], a: Claim, x, b: Claim, y) -> bool:
    """Two names in one role name two different things. Not: a demonym that describes, a name that says the
    statement against one that does not, a spokesman and his organisation, two names of one entity, a post; a place
    and a place inside it only where they act (the subject or the owner), not where they say where ("in the United
    States" / "in California" agree); a government and its capital where they act."""
    if _describing_demonym(role_, a, x, b, y) or _only_one_says_it(role_, a, x, b, y):
        return False
    if speaks_for(a, x, b, y):
        return False  # a spokesman speaks for his organisation: "Paul Luehr said" / "The FBI said"
    if acronym_of(x.text, y.text) or same_entity(x, y) or related_or_variant(x.text, y.text) \
            or content_words(x.text) & content_words(y.text):
        return False
    if titled_given(a, x, b, y) or is_post(x.text) or is_post(y.text):
        return False
    if _acts(a, x, role_) and _acts(b, y, role_):
        return not capital(x.text, y.text)  # "Washington is wary" / "The United States is wary"
    return not one_referent(x, y)


def _describing_demonym(role_: tuple[str, str], a: Claim, x, b: Claim, y) -> bool:
    """One of the two is a demonym or a party that describes rather than names ("the Connecticut Democrat"), in a
    role other than saying where, who does or undergoes, or who owns."""
    if (x.label == "NORP") == (y.label == "NORP") or role_[0] in ("where", "doer", "undergoer", "owner"):
        return False
    claim, group = (a, x) if x.label == "NORP" else (b, y)
    return describes(claim, group) and is_group_word(group.text)


def _only_one_says_it(role_: tuple[str, str], a: Claim, x, b: Claim, y) -> bool:
    """One name says the statement and the other does not, and nothing else ties them: neither is the subject of a
    verb that reports something ("the United estimated that"), they are not the subjects of one verb, nor paired
    with one name ("X and Y"); two places of one noun may still differ."""
    return speech_part(a, x)[0] != speech_part(b, y)[0] and role_[0] != "where" \
        and not (reports(a, x) or reports(b, y)) and not _same_verb(a, x, b, y) and not _same_partner(a, x, b, y)


def _same_partner(a: Claim, x, b: Claim, y) -> bool:
    partner = _partner(a, x)
    return bool(partner) and partner == _partner(b, y)


def _same_roles(a: Claim, only_a: list, b: Claim, only_b: list):
    """(x, y, role) for the unshared names of the two sides that play one grammatical role, each the only one of its
    side to play it (``_by_role``); then the owners of two nouns for one thing ("Microsoft's shares" / "Army's
    stock"), two places of one noun ("Romanian port authorities" / "port authorities in Guandong province"), two
    names beside one common noun ("a Spanish tanker , the Sandra Tapias" / "A Spanish tanker , Tunick ,"), two names
    paired with one name ("Mr. Grassley and Mr. Baucus rejected" / "Grassley and New York City said"), and last the
    doers or undergoers of one verb ("Scruggs was cleared" / "the jury cleared Russian"). Each pair once."""
    roles_a, roles_b = [name_role(a, e) for e in only_a], [name_role(b, e) for e in only_b]
    seen: set[tuple[int, int]] = set()
    yield from _by_role(a, only_a, roles_a, b, only_b, roles_b, seen)
    yield from _owners_of_alike_nouns(a, only_a, roles_a, b, only_b, roles_b, seen)
    for x, y, noun in _paired_by(_place_of_noun, a, only_a, b, only_b, seen):
        yield x, y, ("where", noun)
    for x, y, noun in _paired_by(apposed, a, only_a, b, only_b, seen):
        yield x, y, ("named", noun)
    for x, y, partner in _paired_by(_partner, a, only_a, b, only_b, seen):
        yield x, y, ("with", partner)
    for x, y, verb in _paired_by(verb_role, a, only_a, b, only_b, seen):
        if not speech_part(a, x)[0] and not speech_part(b, y)[0]:
            yield x, y, verb


def _by_role(a: Claim, only_a: list, roles_a: list, b: Claim, only_b: list, roles_b: list, seen: set):
    """(x, y, role) by the role (``roles_a``, ``roles_b``); where a side has two names in it, by the role and whether
    the name says it (the speaker and the subject of what is said share the main role: "Kmart needs ..., said Burt
    Flickinger"); else by the role and the tagger's label ("Long Beach 's Hispanic or Latino population")."""
    keys_a = list(zip(roles_a, [speech_part(a, e)[0] for e in only_a]))
    keys_b = list(zip(roles_b, [speech_part(b, e)[0] for e in only_b]))
    typed_a = [(r, e.label) for r, e in zip(roles_a, only_a)]
    typed_b = [(r, e.label) for r, e in zip(roles_b, only_b)]
    for x, rx, kx, tx in zip(only_a, roles_a, keys_a, typed_a):
        if rx is None:
            continue
        for key, mine, theirs in ((rx, roles_a, roles_b), (kx, keys_a, keys_b), (tx, typed_a, typed_b)):
            if mine.count(key) == 1 and theirs.count(key) == 1:
                y = only_b[theirs.index(key)]
                seen.add((id(x), id(y)))
                yield x, y, rx
                break


def _owners_of_alike_nouns(a: Claim, only_a: list, roles_a: list, b: Claim, only_b: list, roles_b: list, seen: set):
    """(x, y, role) for the one owner of each side when the nouns they own are one thing in two words (``seen``:
    pairs given before, which the pairs join)."""
    for x, rx in zip(only_a, roles_a):
        if rx is None or rx[0] != "owner" or [r[0] for r in roles_a if r].count("owner") != 1:
            continue
        ys = [(y, ry) for y, ry in zip(only_b, roles_b) if ry and ry[0] == "owner"]
        if len(ys) == 1 and (id(x), id(ys[0][0])) not in seen and _alike_nouns(a, x, b, ys[0][0]):
            seen.add((id(x), id(ys[0][0])))
            yield x, ys[0][0], rx


def _place_of_noun(claim: Claim, entity) -> str | None:
    """The noun whose place a place name (or a name of no known type) gives (``claims.roles.place_of_noun``)."""
    return place_of_noun(claim, entity) if label_family(entity.label) == "place" or entity.label == "MISC" else None


def _partner(claim: Claim, entity) -> str | None:
    """The proper noun a name is paired with by "and" ("Grassley and Baucus": "grassley" for Baucus), when the pair
    has just the two; else None."""
    tok = governing_token(claim, entity)
    if tok is None:
        return None
    base = clause_offset(claim)
    inside = lambda t: entity.start - base <= t.idx < entity.end - base
    conj = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj" or len(conj) != 1 \
            or not any(c.text.casefold() == "and" for c in tok.children if c.dep_ == "cc"):
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


ALIKE_NOUNS = 0.5  # cosine of two nouns' embeddings from which they name one thing


def _alike_nouns(a: Claim, x, b: Claim, y) -> bool:
    """The nouns the two names own are one thing in two words ("shares" / "stock", "attorney" / "lawyer")."""
    nx, ny = owned(a, x), owned(b, y)
    if not nx or not ny:
        return False
    if stem(nx) == stem(ny):
        return True
    vx, vy = name_vector(nx), name_vector(ny)
    return vx is not None and vy is not None and float(vx @ vy) >= ALIKE_NOUNS


def _same_verb(a: Claim, x, b: Claim, y) -> bool:
    """Both names are the subject of the same verb ("an issue Microsoft had warned about" / "which Central Command
    warned of"), whether or not the verb sits next to the name, where the speaker test looks."""
    vx, vy = subject_verb(a, x), subject_verb(b, y)
    return vx is not None and vx == vy


def _acts(claim: Claim, entity, role_: tuple[str, str]) -> bool:
    """The name acts or owns (a subject, a speaker, a possessor), rather than saying where ("in Spain", "the US
    chip market"): there a place is not the same as a place inside it."""
    return role_[0] in ("subject", "patient", "doer", "undergoer") \
        or role_[0] == "owner" and not qualifier(claim, entity)


def other_part(a: Claim, x, b: Claim, y) -> bool:
    """Two names that cannot stand for each other in the statement: one qualifies a noun that the other side's name
    stands in for ("during which the Venango County man represented himself" / "during which Waagner represented
    himself"), unless the two sit next to the same matched word ("the death of an FBI analyst" / "the death of
    Franklin" keep one slot); or two places after different prepositions of place ("near Interstate 805" / "in San
    Diego": both may hold)."""
    qa, qb = qualifier(a, x), qualifier(b, y)
    if qa != qb and name_role(b if qa else a, y if qa else x) is not None and not _near_place(a, x, b, y):
        return True
    ra, rb = name_role(a, x), name_role(b, y)
    return bool(ra and rb) and ra[0] == rb[0] == "prep" and ra[1] != rb[1] and {ra[1], rb[1]} <= _WHERE \
        and label_family(x.label) == label_family(y.label) == "place"


# Prepositions of place: "near Interstate 805" and "in San Diego" say where in two ways that can both hold.
_WHERE = {"in", "at", "near", "outside", "around", "off", "inside", "by", "across", "within", "throughout", "beyond"}


def _near_place(a: Claim, x, b: Claim, y) -> bool:
    """The word before or the word after the two names is matched between the two wordings."""
    return same_place(a, x, b, y, 1)


def moved(a: Claim, names_a: list, b: Claim, names_b: list, only_b: list):
    """(x, y): the name x that both sides give does or undergoes a verb in a, and in b a name y that a does not give
    does or undergoes that verb in its place, while b gives x elsewhere ("where Limbaugh owns a $ 24 million mansion ,
    said his drug use" / "where Hernandez owns a $ 24 million mansion , said ... Limbaugh 's drug use"); or x owns a
    thing in a ("'s"), y owns it in b, and b has x undergo a verb instead ("to assume Mr. Black 's identity" / "Durst
    murdered Black to try to assume Swartz 's identity"). Each must be the only name of its side in that slot; aliases,
    related names and a spokesman for his employer are no swap. (Looser slots, such as any grammatical role, pair
    what two wordings merely arrange otherwise: "Congo 's war" / "The Democratic Republic of Congo 's war", "Nick
    Markakis went to the Orioles" / "Baltimore took Nick Markakis".)"""
    for key, elsewhere in ((verb_role, _idle), (possessed, _undergoes)):
        found = _moved_by(key, elsewhere, a, names_a, b, names_b, only_b)
        if found:
            return found
    return None


def _moved_by(key, elsewhere, a: Claim, names_a: list, b: Claim, names_b: list, only_b: list):
    """The first (x, y) of ``moved`` in the slot ``key(claim, name)``, where ``elsewhere(b, names_b, x)`` says what b
    must make of x instead."""
    roles_a = [key(a, e) for e in names_a]
    roles_b = [key(b, e) for e in names_b]
    for y in only_b:
        ry = key(b, y)
        if ry is None or roles_a.count(ry) != 1 or roles_b.count(ry) != 1:
            continue
        x = names_a[roles_a.index(ry)]
        if not mentioned_in(folded_name(x), b) \
                or label_family(x.label) != label_family(y.label) and "MISC" not in (x.label, y.label):
            continue
        if not elsewhere(b, names_b, x):
            continue  # "Bennett declined ... , as did Mills" / "Mills declined": x may do it there in other words
        if acronym_of(x.text, y.text) or same_entity(x, y) or one_referent(x, y) or not same_speech_part(a, x, b, y) \
                or speaks_for(a, x, b, y) or titled_given(a, x, b, y):
            continue
        return x, y
    return None


def _undergoes(b: Claim, names_b: list, x) -> bool:
    """b gives x only as who undergoes a verb ("Durst murdered Black")."""
    mentions = [e for e in names_b if spelled_alike(e, x)]
    return bool(mentions) and all((r := verb_role(b, e)) is not None and r[0] == "undergoer" for e in mentions)


def _idle(b: Claim, names_b: list, x) -> bool:
    """b gives x only where it does nothing: as an owner, or after a preposition or a verb ("Limbaugh 's drug use"),
    never as the subject of a verb, which may say in other words what x does on the other side."""
    mentions = [e for e in names_b if spelled_alike(e, x)]
    return bool(mentions) and all((r := role(b, e)) is not None and r[0] in ("owner", "prep", "object")
                                  for e in mentions)
