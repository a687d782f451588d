"""When two names are one entity: aliases and demonyms folded to one canonical name, acronyms and initials, near
spellings and spelling variants, a shared distinctive word (a surname), places inside places, and names the
embedding model places close together. Names that differ only in their numbers, or name rival parties, differ.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from ....models import Claim
from ....normalize.aliases import expand, place_of
from ....normalize.places import compatible, nested
from ....normalize.words import STOPWORDS, tokens
from ..common import clause_text, label_family
from .kinds import COMMON_FIRST_WORDS, rival_parties
from .vectors import name_vector

RELATED_NAMES = 0.7  # cosine of two names' embeddings from which they are taken to be related, not swapped


def same_entity(x, y) -> bool:
    """Two names of one entity: the same folded name or one inside the other, initials, a near spelling (not two
    numbers of one name), a distinctive word of one in the other (a surname), or a spelling variant. A name that
    folds to nothing matches any."""
    nx, ny = folded_name(x), folded_name(y)
    if not nx or not ny:
        return True
    return nx == ny or nx in ny or ny in nx or acronym_of(x.text, y.text) \
        or fuzz.ratio(nx, ny) >= 80 and not _numbered_apart(nx, ny) \
        or distinctive_word_in(x, _only_text(y)) or distinctive_word_in(y, _only_text(x)) \
        or _same_spelling(x.text, y.text)


def spelled_alike(x, y) -> bool:
    """One name given two ways: the same canonical name (aliases, demonyms), a near spelling or one spelling inside
    the other ("Falluja" / "Fallujah", "Dixons" / "Dixons Group"), initials ("GE" / "General Electric"); not merely
    a shared word ("Parker Jensen" / "the Jensens")."""
    nx, ny = folded_name(x), folded_name(y)
    return bool(nx and ny) and (nx == ny or fuzz.ratio(nx, ny) >= 80 and not _numbered_apart(nx, ny)
                                or acronym_of(x.text, y.text)
                                or _same_spelling(x.text, y.text))


def one_referent(x, y) -> bool:
    """Two names that need not be two different things: related names, spelling variants, or places one of which
    lies inside the other ("Valencia" / "Spain": a city and its country are not a swap)."""
    if related_or_variant(x.text, y.text):
        return True
    if label_family(x.label) == label_family(y.label) == "place":
        return compatible(x.text, y.text, x.label, y.label)
    if "GPE" in (x.label, y.label):
        return nested(x.text, y.text)
    return False


def related_or_variant(x: str, y: str) -> bool:
    """Two names the embedding model relates (``names_related``) or two spellings of one name."""
    return names_related(x, y) or _same_spelling(x, y)


def folded_name(e) -> str:
    """Folded canonical name; demonyms and country variants fold to the country ("British" = "UK"), customary
    names to what they stand for ("Pentagon" = "Defense Department")."""
    return _folded(e.text, e.canonical)


@lru_cache(maxsize=65536)
def _folded(text: str, canonical: str) -> str:
    name = canonical or text
    place = place_of(text.strip(" .")) or place_of(text.strip(" .") + ".") or place_of(name) \
        or _customary(text.strip(" .")) or _customary(name)
    return re.sub(r"[^\w]", "", (place[0] if place else name).casefold())


def _customary(name: str) -> tuple[str, str] | None:
    """The name an institution's customary second name stands for (acronyms are left to acronym_of)."""
    found = expand(name)
    return found if found and found[1] in ("customary name", "department name") else None


def mentioned_in(name: str, claim: Claim) -> bool:
    """The claim names ``name`` (folded) too: in its words, inside or around one of its names, or as a near
    spelling of one of them."""
    flat = re.sub(r"[^\w]", "", clause_text(claim).casefold())
    if name in flat or any(name in folded_name(e) or folded_name(e) in name for e in claim.entities if folded_name(e)):
        return True
    return any(fuzz.ratio(name, folded_name(e)) >= 80 and not _numbered_apart(name, folded_name(e))
               for e in claim.entities)


def _numbered_apart(x: str, y: str) -> bool:
    """Two folded names that differ only in their numbers name two things, not one spelt two ways: "Voyager 1" /
    "Voyager 2", "Flight 77" / "Flight 11" (a number that begins the other, "747" / "747400", is a variant)."""
    dx, dy = re.sub(r"\D", "", x), re.sub(r"\D", "", y)
    return bool(dx and dy) and not (dx.startswith(dy) or dy.startswith(dx)) \
        and re.sub(r"\d", "", x) == re.sub(r"\d", "", y)


def distinctive_word_in(entity, claim: Claim) -> bool:
    """A distinctive word of the name (a surname) appears in the claim, allowing for a misspelling."""
    words = set(tokens(clause_text(claim)))
    head = re.split(r"\s+of\s+", entity.text)[0]
    mine = [w for w in tokens(head)[-1:] if len(w) >= 4 and w not in STOPWORDS]
    return any(w in words or any(fuzz.ratio(w, o) >= 85 for o in words if abs(len(o) - len(w)) <= 2) for w in mine)


def _only_text(entity) -> Claim:
    """A stand-in claim holding just the entity's words (to reuse the surname test)."""
    return Claim(id="", article="", outlet="", sentence=0, start=0, end=0, text=entity.text, clause_start=0,
                 clause_end=len(entity.text), clause=entity.text)


def acronym_of(x: str, y: str) -> bool:
    """ "ECB" and "European Central Bank", "CDC" and "Centers for Disease Control and Prevention", "P & W" and
    "Pratt & Whitney": the short name's capitals are the initials of (the start of) the long one's words."""
    short, long = sorted((x.strip(), y.strip()), key=lambda n: len(re.sub(r"[^A-Za-z]", "", n)))
    letters = _capitals(short)
    if len(letters) < 2 or not letters.isupper():
        return False
    return _initials_of(letters, short, long)


def _capitals(short: str) -> str:
    """The letters of a short name that may be initials: "BofA" -> "BA" (Bank of America), "DJs" -> "DJ"."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if re.fullmatch(r"(?:[A-Z]+(?:of|and|de|du|der|y)?)+[A-Z]", letters):  # "BofA": Bank of America
        letters = re.sub(r"[a-z]", "", letters)
    return letters[:-1] if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper() else letters


def _initials_of(letters: str, short: str, long: str):
    """``letters`` (of ``short``) are the initials of ``long``'s words, of its capitals, or of their start."""
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


def _same_spelling(x: str, y: str) -> bool:
    """Spelling variants of one name: "U.S" / "US military" (dots dropped, one inside the other), "Al Qaeda" /
    "Qaida" (the heads differ by a letter or two), "D-Neb" / "Nebraska" and "R-Tenn" / "Tennessee" (an
    abbreviation), "Federal Emergency Management Administration" / "... Agency" (most words shared)."""
    fx, fy = (re.sub(r"[^\w]", "", v.casefold()) for v in (x, y))
    if fx and fy and (fx in fy or fy in fx):
        return True
    if _cut_short(x, y) or _cut_short(y, x):
        return True
    wx, wy = (re.findall(r"[^\W\d_]+", v.casefold()) for v in (x, y))
    if not wx or not wy:
        return False
    return _respelled_head(wx, wy) or _abbreviated(wx, wy) or _most_words_shared(wx, wy)


def _cut_short(u: str, v: str) -> bool:
    """``u`` is ``v`` cut where its encoding broke: "Jean ChrÃ" / "Jean Chretien"."""
    cut = u.strip().rstrip("Ã")
    return cut != u.strip() and len(cut) >= 4 and v.strip().casefold().startswith(cut.casefold())


def _respelled_head(wx: list[str], wy: list[str]) -> bool:
    """The last words differ by a letter or two ("Qaeda" / "Qaida", in names of two words at most), or are one
    surname transliterated two ways ("Noureddinne Mouleff" / "Nur al-Din Muliff")."""
    hx, hy = wx[-1], wy[-1]
    if hx == hy or len(hx) < 5 or len(hy) < 5:
        return False
    if max(len(wx), len(wy)) <= 2 and fuzz.ratio(hx, hy) >= 80:
        return True
    return hx[0] == hy[0] and len(_skeleton(hx)) >= 3 and _skeleton(hx) == _skeleton(hy) and fuzz.ratio(hx, hy) >= 70


def _skeleton(word: str) -> str:
    """The consonants of a word, doubled ones once: the part of a transliterated name that spellings keep."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", word))


def _abbreviated(wx: list[str], wy: list[str]) -> bool:
    """A one-word name begins with a short word of the other: "Neb" in "D-Neb" abbreviates "Nebraska"."""
    return any(3 <= len(a) <= 5 and len(b) >= 6 and b.startswith(a) for u, v in ((wx, wy), (wy, wx))
               for a in u for b in v if len(v) == 1)


def _most_words_shared(wx: list[str], wy: list[str]) -> bool:
    """Two thirds of the shorter name's words (three or more) are in the longer one."""
    short, long = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return len(short) >= 3 and len(set(short) & set(long)) >= 2 * len(short) / 3


def same_house(x: str, y: str) -> bool:
    """Two names of one business family, which share a distinctive first word ("a Delta Connection carrier" / "service
    for Delta Air Lines"): a brand and its parent, not two different companies."""
    wx, wy = x.split(), y.split()
    return len(wx) > 1 and len(wy) > 1 and wx[0].casefold() == wy[0].casefold() and len(wx[0]) > 2 \
        and wx[0].casefold() not in COMMON_FIRST_WORDS


def names_related(x: str, y: str) -> bool:
    """Two different names that the sentence-embedding model places close together: one referent or a part
    and its whole ("Saddam" / "Hussein", "Myanmar" / "Burma", "Cleveland" / "Ohio", "Iraq" / "Baghdad"). Without
    the embedding extra every pair counts as unrelated."""
    if rival_parties(x, y):
        return False  # "Democrats" / "Republicans": the model places them close, yet they name opposite sides
    wx, wy = x.split(), y.split()
    shared = {w.casefold() for w in wx} & {w.casefold() for w in wy}
    if shared:  # "Security Service of Ukraine" / "National Guard of Ukraine": compare what differs
        x = " ".join(w for w in wx if w.casefold() not in shared)
        y = " ".join(w for w in wy if w.casefold() not in shared)
        if not x or not y:
            return True
    vx, vy = name_vector(x.strip()), name_vector(y.strip())
    if vx is None or vy is None:
        return False
    return float(vx @ vy) >= RELATED_NAMES
