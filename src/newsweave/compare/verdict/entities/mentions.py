"""The names one claim gives: the tagger's entities, trimmed of the common nouns or stock symbol they run on into
and cut where they join two names; capitalised runs the tagger missed; proper nouns that open a sentence. Stock
symbols, wire credits, calendar words and a lede set in capitals are no names.

Three cuts read a claim's names against the other claim's: a list "X and Y" (``split_lists``), a name run into
a neighbour the other side gives alone (``split_given``), a town opening a name the other side gives as a place
(``split_placed``).
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from ....models import Claim, Entity
from ....normalize.aliases import place_of
from ....normalize.places import level
from ....normalize.words import STOPWORDS
from ...claims.roles import parse, proper_nouns, qualifier
from ...claims.slots import entities as capitalised_runs
from ..common import clause_offset, clause_text, label_family
from .kinds import CALENDAR, COMMON_FIRST_WORDS, ORG_WORDS, POST_WORDS
from .matching import acronym_of, folded_name


_LEADING_PREPOSITION = re.compile(r"(?:By|Since|Between|From|Until|On|At|In|After|Before|During)\b")
# Function words a lede in capitals opens with ("AN AUSTRALIAN climber"), which the tagger may take for a name; not
# every stopword ("US" is a name).
_LEDE_WORDS = {"a", "an", "the", "in", "on", "at", "of", "for", "by", "to", "and", "or", "as", "after", "when", "with"}


def names_of(claim: Claim) -> list:
    """The names inside the claim's clause: its tagged entities (trimmed, cut where they join two names), then the
    capitalised runs the tagger missed, then proper nouns opening a sentence; each added only where no name found
    before overlaps it."""
    text, base = clause_text(claim), clause_offset(claim)
    found = [part for e in map(_trimmed, claim.entities) if not _ticker(text, e.start - base, e.end - base)
             and not _wire_credit(text, e.start - base, e.end - base) for part in _split_joined(_before_verb(claim, e))
             if part.text.strip(" .") and part.text.strip(" .").casefold() not in _LEDE_WORDS]  # "AN AUSTRALIAN"
    for e in _caps_names(text):
        _add_capitalised(found, e, text, base)
    if text[:1].isupper():
        _add_proper_nouns(found, claim)
    return found


def _add_capitalised(found: list, e, text: str, base: int) -> None:
    """Add a capitalised run ``e`` (offsets in ``text``) to ``found``; where a name found overlaps it, add the parts
    of it around "of", "and", "in" ... that overlap none ("Atkins of [Nebraska]")."""
    if CALENDAR.search(e.text) or _LEADING_PREPOSITION.match(e.text) or _ticker(text, e.start, e.end):
        return  # "By Wednesday", "Since June", "EDT Sunday": times, not names
    start, end = e.start + base, e.end + base
    if not any(x.start < end and start < x.end for x in found):
        found.append(type(e)(start, end, e.text, _caps_label(e.text), canonical=e.canonical))
        return
    for m in re.finditer(r"[^\s].*?(?=\s+(?:of|and|in|at|for|from)\s+|$)", e.text):
        s, t = start + m.start(), start + m.end()
        part = m.group(0).strip(" .")
        if len(part) >= 3 and part[:1].isupper() and part.casefold() not in STOPWORDS \
                and not CALENDAR.search(part) and not any(x.start < t and s < x.end for x in found):
            found.append(type(e)(s, s + len(part), part, _caps_label(part), canonical=part.casefold()))


def _add_proper_nouns(found: list, claim: Claim) -> None:
    """Add the proper nouns opening a sentence of the claim (which the capitalised runs skip) that overlap no name
    found."""
    for start, end, name in proper_nouns(claim):
        if CALENDAR.search(name) or _LEADING_PREPOSITION.match(name) or name.casefold() in STOPWORDS \
                or any(x.start < end and start < x.end for x in found):
            continue  # "Monday", "In", "The": no names
        found.append(Entity(start, end, name, "MISC", canonical=name))


# What a tagged span may run on into after the name: common nouns ("the American Cancer Society journal", "the House
# of Representatives news agency") or a stock symbol ("Peabody Energy Corp. BTU.N", "Vivendi Universal EAUG.PA").
_TAIL = re.compile(r"(?:\s+(?:[a-z][a-z-]+|[A-Z]{1,5}\.[A-Z]{1,2}))+$")


def _trimmed(e):
    """The tagged name without the common nouns or the stock symbol the tagger ran it on into: "American Cancer Society
    journal" is "American Cancer Society". Lower-case words inside a name stay ("Taxpayers Against the Recall")."""
    m = _TAIL.search(e.text)
    head = e.text[:m.start()] if m else e.text
    if not m or len(head.split()) < 2 and not re.search(r"\.[A-Z]", m.group(0)) or not re.search(r"[A-Z]", head) \
            or head.split()[-1].casefold() in _NAME_LINKS:
        return e  # "the US military" is the United States
    return dataclasses.replace(e, end=e.start + len(head), text=head,
                               canonical=head if (e.canonical or e.text) == e.text else e.canonical)


def _before_verb(claim: Claim, e):
    """The tagged name up to the first verb the sentence says in lower case, which no name holds: "Finder brings
    Novell unparalleled Linux" is "Finder" (a title's verbs are capitalised: "The Spy Who Shagged Me")."""
    text, base = clause_text(claim), clause_offset(claim)
    cut = _first_verb(text, e.start - base, e.end - base)
    if cut is None:
        return e
    head = e.text[:cut].rstrip(" ,.;:")
    return dataclasses.replace(e, end=e.start + len(head), text=head,
                               canonical=head if (e.canonical or e.text) == e.text else e.canonical)


@lru_cache(maxsize=65536)
def _first_verb(text: str, s: int, t: int) -> int | None:
    """Where the first finite verb in lower case inside [s, t) of the text's parse starts, from s (None: none, or
    no parse)."""
    doc = parse(text)
    if doc is None:
        return None
    verbs = [tok for tok in doc if s < tok.idx and tok.idx + len(tok.text) <= t and tok.tag_ in _FINITE
             and tok.text[:1].islower()]
    return verbs[0].idx - s if verbs else None


_FINITE = {"VBZ", "VBD", "VBP", "MD"}
# Words that join the parts of one name ("Bank of America", "Osama bin Laden"): a cut that leaves one last is wrong.
_NAME_LINKS = {"of", "the", "and", "for", "de", "du", "van", "von", "der", "al", "bin", "la", "le", "da", "di"}


def _caps_label(name: str) -> str:
    """The type of a capitalised name the tagger missed: a demonym ("Swiss francs") is a group of people (NORP) as
    the tagger would type it; any other name is of no known type."""
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


def split_lists(mine: list, theirs: list) -> list:
    """A tagged span "X and Y" one of whose parts the other side gives as a name of its own ("the bridge between
    Matamoros and Brownsville" tagged as one organisation / "linking Matamoros and Brownsville"): a list of two
    names, not one name ("Procter and Gamble" stays whole unless the other side names "Procter" alone)."""
    keys = {folded_name(e): e.label for e in theirs}
    out = []
    for e in mine:
        out += _list_members(e, keys, theirs) or [e]
    return out


def _list_members(e, keys: dict, theirs: list) -> list:
    """The two names of the span ``e`` cut at its "and" or at its owner's "'s", when the other side gives one of
    them (``keys``: the other side's folded names and their labels); else []."""
    m = re.search(r"\s+and\s+(?=[A-Z])", e.text) or _OWNED.search(e.text)
    head, tail = (e.text[:m.start()], e.text[m.end():]) if m else ("", "")
    if not m or not head or " and " in tail or not ({folded_name(type(e)(0, 0, p, e.label)) for p in (head, tail)}
                                                    & keys.keys()) \
            or "and" not in m.group(0) and any(acronym_of(t.text, e.text) for t in theirs):
        return []  # "the People 's Republic of China" / "the PRC": one name
    parts = _two_names(e, m, e.label)
    if "and" not in m.group(0):  # "Florida 's Third District Court": the owner takes the other side's label
        label = keys.get(folded_name(parts[0])) or ("GPE" if level(parts[0].text) else e.label)
        parts[0] = dataclasses.replace(parts[0], label=label)
    return parts


def split_given(mine: list, theirs: list) -> list:
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
    """The name before a name of ``theirs`` that ends the span ``e``, and that name; [] when there is none."""
    words = e.text.split()
    if len(words) < 2:
        return []
    for t in theirs:
        given = t.text.strip(" .").split()
        name = _neighbour_of_given(words, given)
        if name is None or not e.text.startswith(name):
            continue
        cut = e.end - len(" ".join(given))
        return [type(e)(e.start, e.start + len(name), name, e.label, canonical=name),
                type(e)(cut, e.end, e.text[cut - e.start:], t.label, canonical=t.canonical or t.text)]
    return []


def _neighbour_of_given(words: list[str], given: list[str]) -> str | None:
    """The words before ``given`` at the end of ``words`` (an "of" between them dropped: "Sheena Young of Child"),
    when they make a name of their own; else None."""
    if not given or len(given) >= len(words) or words[-len(given):] != given:
        return None
    rest = words[:-len(given)]
    joined = rest[-1:] == ["of"]
    if joined:
        rest = rest[:-1]
    if len(given) == 1 and not joined:
        return None  # "the New York Times" / "the Times", "the Chicago Bulls" / "the Bulls": one name, shortened
    name = " ".join(rest)
    if not rest or not all(w[:1].isupper() for w in rest) or len(name.strip(" .,")) < 3 \
            or name.casefold() in STOPWORDS or name.casefold() in COMMON_FIRST_WORDS or POST_WORDS.search(name) \
            or ORG_WORDS.search(name) or CALENDAR.search(name) or place_of(re.sub(r"\s+", "", name.strip(" ,"))):
        return None  # "U.S. Treasury Department" / "Treasury Department", "U. S. Surgeon General": a country's
    return name


def split_placed(mine: list, other: Claim, theirs: list) -> list:
    """A tagged span that opens with a town or state which the other side gives as a place of its own before a
    noun, followed by the name of something there ("the Smyrna Nissan plant" / "Goldman Sachs 's Smyrna plant"): two
    names, the place and the rest, which keeps the span's label. Where the other side's place stands alone, it may
    stand for the whole name ("with the Chicago Bulls" / "with Chicago"), which stays whole."""
    given = [t for t in theirs if qualifier(other, t)]
    out = []
    for e in mine:
        out += _placed_parts(e, given) if given else [e]
    return out


def _placed_parts(e, theirs: list) -> list:
    """The place of ``theirs`` that opens the span ``e`` and the name after it, or [e]. A person ("Austin Powers"), a
    place ("New York City") and a name whose rest is an organisation's word or a post ("the Washington Post", "New
    York Governor") stay whole."""
    words = e.text.split()
    if e.label == "PERSON" or label_family(e.label) == "place" or len(words) < 2:
        return [e]  # "New York City" / "New York": one place, named more closely
    for t in theirs:
        place = t.text.strip(" .")
        rest = " ".join(words[len(place.split()):])
        if not _town_then_name(t, words, rest):
            continue
        cut = e.end - len(rest)
        return [type(e)(e.start, e.start + len(place), e.text[:len(place)], t.label, canonical=t.canonical or t.text),
                type(e)(cut, e.end, rest, e.label, canonical=rest)]
    return [e]


def _town_then_name(t, words: list[str], rest: str) -> bool:
    """``words`` open with the town or state ``t`` and go on with ``rest``, a name of its own (capitalised, no
    organisation's word, no post, no place)."""
    given = t.text.strip(" .").split()
    return t.label == "GPE" and bool(given) and len(given) < len(words) and words[:len(given)] == given \
        and bool(level(t.text.strip(" .")) & {"city", "state"}) and all(w[:1].isupper() for w in rest.split()) \
        and not ORG_WORDS.search(rest) and not POST_WORDS.search(rest) and not level(rest) and len(rest) >= 3


# An owner inside a tagged span: "Florida 's Third District Court of Appeal", "Dominique de Villepin 's Sons".
_OWNED = re.compile(r"\s*(?:'|’|â\s)s\s+(?=[A-Z])")


def _two_names(e, joint, second_label: str) -> list:
    """The span ``e`` cut at the ``joint`` match into two names: the first keeps its label."""
    head, tail = e.text[:joint.start()], e.text[joint.end():]
    return [type(e)(e.start, e.start + len(head), head, e.label, canonical=head),
            type(e)(e.start + joint.end(), e.end, tail, second_label, canonical=tail)]


# What stands around a stock symbol: "( nyse : PEP", ".SPX" / "AA.N", "MSFT : news", "US $ 70 million".
_TICKER_BEFORE = re.compile(r"(?:(?:<\s*|\bindex\s+)\.|\b(?:nyse|nasdaq|amex|lse|tsx)\s*:\s*)$", re.I)
_TICKER_AFTER = re.compile(r"^(?:\.[A-Z]{1,2}\b|\s*:\s*(?:news|quote)\b|\s*\$)")
# What comes before an agency credit in a dateline: "NEW YORK - (".
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
    return [e for e in capitalised_runs(text) if not (e.text.isupper() and e.text.split()[0].casefold() in _LEDE_WORDS)]
