"""Kinds of names, told by their words: posts ("Prime Minister"), groups of people (peoples, faiths, parties),
organisations ("... Group", "... Ministry"), calendar words, and the abbreviations of US states that follow a city
("Birmingham , Ala .").
"""
from __future__ import annotations

import re

from ....models import Claim
from ....normalize.aliases import place_of
from ..common import clause_offset, clause_text


# Words of a post: "the Prime Minister", "the Defense Secretary" name whoever holds it, as "he" does.
POST_WORDS = re.compile(r"(?:(?:Prime|Foreign|Deputy|Vice|Chief|Attorney|General|Defen[cs]e|Interior|Finance|Home|"
                        r"State|Executive|Supreme|High|Lord|First|Secretary|Minister|President|Chancellor|Premier|"
                        r"Governor|Mayor|Senator|Judge|Justice|Commissioner|Director|Chairman|Ambassador|Spokesman|"
                        r"Spokeswoman|Leader|Pope|King|Queen|Prince|Princess|Lady|Sheriff|Prosecutor|Commander|"
                        r"General|Officer)\s*)+")


def is_post(name: str) -> bool:
    """The name is a post, not a person or a body: "Prime Minister", "Defense Secretary", "Chief Justice"."""
    name = name.strip(" .")
    return bool(POST_WORDS.fullmatch(name)) and not re.fullmatch(r"(?:Supreme|High|General|State)", name)


# Words for peoples, faiths and political leanings (parties are in _PARTIES).
_GROUPS = {"muslim", "muslims", "christian", "christians", "catholic", "catholics", "jewish", "jews", "jew",
           "protestant", "protestants", "sunni", "sunnis", "shiite", "shiites", "shia", "hindu", "hindus", "sikh",
           "sikhs", "buddhist", "buddhists", "arab", "arabs", "kurd", "kurds", "kurdish", "hispanic", "hispanics",
           "latino", "latinos", "gypsy", "gypsies", "roma", "islamic", "islamist", "islamists", "black", "blacks",
           "white", "whites", "asian", "asians", "african", "europeans", "european", "western", "liberal",
           "liberals", "communist", "communists", "socialist", "socialists"}


# Political parties, and the words for their members, that news sets against each other: one for another is a swap.
_PARTIES = {"democrat": "democratic", "democrats": "democratic", "democratic": "democratic",
            "republican": "republican", "republicans": "republican", "gop": "republican",
            "labour": "labour", "conservative": "conservative", "conservatives": "conservative",
            "tory": "conservative", "tories": "conservative"}


def is_group_word(name: str) -> bool:
    """A word for a people, a faith or a party ("Turks", "Shiite", "Democrat"), which the tagger types as a group
    (NORP) and which describes what follows it; not a company the tagger took for one ("the Oracle offer")."""
    words = re.findall(r"\w+", name.casefold())
    found = place_of(name.strip(" ."))
    return bool(found and found[1] == "demonym") or bool(words) and all(w in _GROUPS or w in _PARTIES for w in words)


def rival_parties(x: str, y: str) -> bool:
    """Two names of different political parties or their members ("a Democrat" / "a Republican", "Labour" /
    "the Tories")."""
    px, py = ({_PARTIES[w] for w in re.findall(r"\w+", v.casefold()) if w in _PARTIES} for v in (x, y))
    return bool(px and py and not px & py)


# Words that organisations' names take: "Dixons Group", "Finance Ministry".
ORG_WORDS = re.compile(r"\b(?:Inc|Corp|Co|Ltd|LLC|plc|Group|Company|Corporation|Bank|Service|Services|Ministry|"
                       r"Department|Agency|Office|Association|Institute|University|Council|Commission|Board|"
                       r"Court|Committee|Party|Union|Foundation|Systems|Technologies|Airlines|News|Times|Post)\b")


# First words too common among names to tie two of them together ("United Airlines" / "United Way").
COMMON_FIRST_WORDS = {"the", "new", "united", "national", "american", "first", "general", "international",
                      "royal", "north", "south", "east", "west", "central", "great", "bank", "state", "city",
                      "university", "saint", "st", "san", "los", "las", "fort", "mount", "lake", "port", "air", "world"}


# Days, months and time zones: "By Wednesday", "Since June", "EDT Sunday" are times, not names.
CALENDAR = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
                      r"August|September|October|November|December|EDT|EST|GMT|PDT|PST|BST|CET)\b")


# AP-style abbreviations of US states, which follow a city ("Birmingham , Ala . ,") and the tagger may type otherwise.
_STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois", "ind": "indiana",
    "kan": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana", "neb": "nebraska", "nev": "nevada",
    "okla": "oklahoma", "ore": "oregon", "pa": "pennsylvania", "tenn": "tennessee", "va": "virginia", "vt": "vermont",
    "wash": "washington", "wis": "wisconsin", "wyo": "wyoming"}


def state_after_city(claim: Claim, entity) -> bool:
    """The name is a state abbreviation after a city ("Birmingham , Ala ."): a place, whatever the tagger said."""
    text = clause_text(claim)
    start = entity.start - clause_offset(claim)
    return entity.text.strip(" .").casefold() in _STATE_ABBREVIATIONS \
        and bool(re.search(r"[A-Z][\w.-]*\s*,\s*$", text[max(0, start - 30):max(start, 0)]))


def in_named_state(a: Claim, x, y) -> bool:
    """x is a town its claim places in the state y names ("Key Biscayne , Fla ." / "Florida"): one place inside the
    other, which the gazetteer may not know."""
    text = clause_text(a)
    end = x.end - clause_offset(a)
    m = re.match(r"\s*,\s*([A-Z][a-z]{1,4})\b", text[max(end, 0):]) if end >= 0 else None
    return bool(m) and _STATE_ABBREVIATIONS.get(m.group(1).casefold()) == y.text.strip(" .").casefold()
