"""What a claim's figures are about: each quantity read as the value of a slot (an attribute and, for counts,
what is counted), with what the text says of its time ("initially", "rose to").

The attribute comes from the words that govern the figure in its clause: the noun it counts ("80 wounded", "3
dead"), the verb just before it ("killing 10", "injuring 80", "death toll rose to 10") or the predicate after it
("Ten people were killed", "1,000 people are housed in tents"). A figure whose clause names none of the attribute
words is a plain count, amount, percentage or measure by its unit. Coordinated figures without a predicate of
their own share the one before ("killed two women and one man"); when such a list splits a count by groups, each
figure counts its own group ("12 Somalis and 11 Yemenis"), a part of the whole rather than the whole.

The vocabulary of attributes is closed (``ATTRIBUTES``); the running tolls (``TOLLS``) and the magnitude are
``KEYED``: a story has one such slot per event, whatever the wording, so claims that give one are grouped by it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...models import Claim, Quantity
from ...normalize.quantities import MEASURES, MONEY

# The attributes a slot can have (docs/dossier.md lists them with their meaning).
TOLLS = ("deaths", "injured", "casualties", "missing", "displaced", "arrested", "shot")
KEYED = frozenset(TOLLS) | {"magnitude"}
ATTRIBUTES = (*TOLLS, "magnitude", "seized", "amount", "price", "score", "percent", "population", "distance",
              "duration", "measure", "count", "age", "when", "where", "agent", "target")

# Cue words by attribute, matched as word prefixes on lower-cased words.
_CUES = (
    ("deaths", ("kill", "dead", "death", "die", "died", "dies", "dying", "fatal", "bodies", "slain", "slay",
                "perish", "murder", "homicide", "drown", "lives", "lost their lives")),
    ("injured", ("injur", "wound", "hurt", "treated", "treatment")),
    ("casualties", ("casualt",)),
    ("missing", ("missing", "unaccounted")),
    ("displaced", ("homeless", "displac", "evacuat", "shelter", "housed", "housing", "accommodat", "refugee",
                   "lost their homes", "rendered homeless")),
    ("arrested", ("arrest", "detain", "detention", "captur", "nab", "custody", "apprehend", "caught", "seiz",
                  "rounded up", "charged")),
    ("shot", ("=shot", "=shoot", "=shooting", "=shoots", "=gunned")),
    ("magnitude", ("magnitude", "richter", "-strength", "strength")),
)
_PRICE = ("price", "cost", "per share", "a share", "a barrel", "per barrel", "fare", "fee", "salary", "wage")
_POPULATION = ("home to", "population", "residents", "inhabitants", "a city of", "a town of")
_QUAKE = re.compile(r"\b(?:quake|earthquake|temblor|tremor|aftershock|richter|seismi)", re.I)
_AFTERSHOCK = re.compile(r"\baftershocks?\b", re.I)
# Words that say a figure is not a level: an increment ("two more"), a change ("by 3"), a share ("30 of the 80").
_MORE = re.compile(r"^\s*(?:more|additional|further|other|extra)\b", re.I)
_BY = re.compile(r"\bby\s*$", re.I)
_OF_THE = re.compile(r"\s*of\s+(?:the|those|these|its|their|his|her)\s+", re.I)
# Where a figure's own predicate ends: the next clause, list item, or reporting frame.
_STOP = re.compile(r"[;:()\[\]“”\"]|\s[-–—]\s|,\s+(?:\w+ing|and|but|while|as|who|which|where|officials?|police|"
                   r"authorities|state|the\s+\w+\s+said)\b|\b(?:and|but|while|whereas|after|before|when|as)\s+"
                   r"(?=\w+(?:ed|ing)\b)", re.I)
_LEFT_STOP = re.compile(r"[;:()“”\"]|,\s|\s(?:and|but|while|whereas|with)\s", re.I)
# Groups a count can be split into: when coordinated figures each count one of these, each is its own slot.
_GROUP_WORDS = {"women", "woman", "men", "man", "children", "child", "kids", "girls", "girl", "boys", "boy",
                "babies", "policemen", "police", "officers", "officer", "soldiers", "troops", "civilians",
                "firefighters", "students", "foreigners", "tourists", "adults", "teenagers", "employees",
                "workers", "passengers", "crew", "guards", "militants", "rebels", "protesters", "americans"}
_PEOPLE = _GROUP_WORDS | {"people", "persons", "person", "pirates", "suspects", "members", "nationals",
                          "brigands", "gunmen", "villagers", "residents", "victims", "others", "individuals",
                          "bandits", "robbers", "thieves", "men", "youths", "fighters", "insurgents", "migrants"}

# Time cues: a figure the text marks as earlier ("initially put at 30") or as new ("rose to 24").
_EARLIER = re.compile(r"\b(?:(?:initial(?:ly)?|original(?:ly)?|at first|earlier|first|previous(?:ly)?)\s+(?:\w+\s+)?"
                      r"(?:said|says|reported|put|gave|given|estimated|rated|stated|announced|listed|measured|"
                      r"registered|counted|report|reports|figures?|estimates?|tolls?|counts?|readings?)|"
                      r"(?:preliminary|early)\s+(?:reports?|figures?|estimates?|readings?|counts?)|"
                      r"had\s+(?:earlier\s+|initially\s+)?(?:said|reported|put|given|estimated))\b", re.I)
_NEW = re.compile(r"\b(?:(?:rose|risen|rises|rising|climbed|climbs|jumped|jumps|increased|increases|went up|"
                  r"soared|surged|reached|reaches|revised|raised|lowered|dropped|fell|updated|corrected|"
                  r"now stands|stands|stood|new|latest|now)\b)", re.I)
_FROM_TO = re.compile(r"\bfrom\s*$", re.I)


@dataclass(frozen=True)
class Value:
    """One figure of a claim read as a slot's value."""

    attribute: str
    counted: str  # "" for the whole count; a group ("women") when the clause splits the count by groups
    quantity: Quantity
    phase: str = ""  # "earlier": the text marks it as an earlier figure; "new": as a changed, newer one

    @property
    def keyed(self) -> bool:
        """A slot with one value per event (a toll, a magnitude) or per place (its population)."""
        return self.attribute in KEYED or self.attribute == "population" and bool(self.counted)


def read_values(claim: Claim) -> tuple[Value, ...]:
    """The claim's figures as slot values (increments, changes and shares of another figure are left out)."""
    text, base = _text(claim)
    quantities = sorted((q for q in claim.quantities if _inside(q, base, text)), key=lambda q: q.start)
    out: list[Value] = []
    previous: Value | None = None
    for i, q in enumerate(quantities):
        start, end = q.start - base, q.end - base
        left, right = _left(text, start, quantities, i, base), _right(text, end, quantities, i, base)
        if _MORE.match(text[end:]) or _BY.search(text[:start]) or _names_something(q, text, start, end):
            previous = None
            continue
        whole_next = quantities[i + 1] if i + 1 < len(quantities) else None
        if whole_next is not None and _OF_THE.fullmatch(text[end:whole_next.start - base] + " "):
            right = _after_noun(_right(text, whole_next.end - base, quantities, i + 1, base), whole_next)
        whole = i > 0 and _OF_THE.fullmatch(text[quantities[i - 1].end - base:start])
        attribute = _own(q) if whole else _attribute(q, text, left, right)
        near = " ".join([q.text, q.counted, *_words(right)[:6]])
        if attribute in ("deaths", "injured") and _CASUALTIES.search(near):
            attribute = "casualties"  # "4,000 killed or wounded": neither the dead nor the injured alone
        if attribute is None and previous is not None and _follows(text, quantities[i - 1].end - base, start):
            attribute = previous.attribute  # "killed two women and one man", "rose to 24, up from 5"
        group = _group(q) if _breakdown(text, start, end) else ""
        if attribute == "magnitude" and _AFTERSHOCK.search(" ".join(_words(left)[-4:] + _words(right)[:3])):
            group = "aftershock"
        if (attribute or _plain_attribute(q, left, right)) == "population":
            group = _place_before(claim, q)
        value = Value(attribute or _plain_attribute(q, left, right), group, q, _phase(text, start, end, left, q))
        out.append(value)
        previous = value
    return tuple(_groups(out))


_CASUALTIES = re.compile(r"\b(?:killed|dead|died)\s+(?:or|and|and/or)\s+(?:wounded|injured|hurt)\b|"
                         r"\b(?:wounded|injured|hurt)\s+(?:or|and|and/or)\s+(?:killed|dead)\b", re.I)
_PLACE_WORDS = {"island", "city", "town", "village", "province", "county", "state", "region", "district", "the"}


_APPOSED = re.compile(r",\s*(?:home\s+to|(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:city|town|village|island|nation|country|"
                     r"state|province|region|community|port|capital)\s+of|population)\s*(?:about|some|around|nearly|"
                     r"more\s+than|over|roughly)?\s*$", re.I)


def _place_before(claim: Claim, q: Quantity) -> str:
    """The place whose population a figure gives: the place the figure's phrase stands in apposition to ("Bandar
    Abbas, a city of 500,000", "Qeshm island, home to 120,000"; nothing when that place is not tagged), else the
    first place of the claim, its subject ("Qeshm ... has a population of more than 100,000"); folded without its
    kind of place ("qeshm"); "" when none."""
    text, base = _text(claim)
    places = sorted((e for e in claim.entities if e.label in ("GPE", "LOC", "FAC") and e.end <= q.start),
                    key=lambda e: e.start)
    apposed = _APPOSED.search(text[:q.start - base])
    if apposed:
        before = [e for e in places if 0 <= apposed.start() - (e.end - base) <= len(" island")]
        if not before:
            return ""
        name = before[-1]
    elif places:
        name = places[0]
    else:
        return ""
    words = [w for w in re.findall(r"[a-z][a-z'-]*", (name.canonical or name.text).casefold())
             if w not in _PLACE_WORDS]
    return " ".join(words)


_IDENTIFIER_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+\.?\s*$")


def _names_something(q: Quantity, text: str, start: int, end: int) -> bool:
    """A figure that names or describes rather than counts: an identifier ("Interstate 75", "No. 84", an ordinal)
    or a number joined to the word it qualifies with no unit of measure ("a 12-gauge shotgun")."""
    if (q.unit or "").startswith("label") or q.unit == "ordinal":
        return True
    if not q.unit and re.match(r"-[a-z]", text[end:end + 2]) and not re.match(r"-(?:magnitude|strength)\b",
                                                                               text[end:end + 12]):
        return True
    return not q.unit and q.qualifier == "exact" and bool(_IDENTIFIER_BEFORE.search(text[max(0, start - 20):start]))


def _text(claim: Claim) -> tuple[str, int]:
    if claim.clause and claim.clause_start >= 0:
        return claim.clause, claim.clause_start
    return claim.text, claim.start


def _inside(q: Quantity, base: int, text: str) -> bool:
    return 0 <= q.start - base and q.end - base <= len(text)


def _left(text: str, start: int, quantities, i: int, base: int) -> str:
    """The words before the figure back to the previous figure or the start of its list item."""
    floor = quantities[i - 1].end - base if i else 0
    left = text[max(floor, 0):start]
    cut = list(_LEFT_STOP.finditer(left))
    return left[cut[-1].end():] if cut else left


def _right(text: str, end: int, quantities, i: int, base: int) -> str:
    """The words after the figure up to the next figure or the end of its predicate."""
    ceiling = quantities[i + 1].start - base if i + 1 < len(quantities) else len(text)
    right = text[end:max(ceiling, end)]
    stop = _STOP.search(right)
    return right[:stop.start()] if stop else right


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*", text.casefold())


def _cue(words: list[str]) -> str | None:
    """The attribute of the first cue among ``words`` (word prefixes, and two-word cues)."""
    for n, word in enumerate(words):
        pair = " ".join(words[n:n + 3])
        for attribute, cues in _CUES:
            if any(_matches(c, word, pair) for c in cues):
                return attribute
    return None


def _matches(cue: str, word: str, pair: str) -> bool:
    """A cue matches a word it begins ("kill": "killed"), a whole word ("=shot", not "shotgun"), or the words
    from here on ("lost their lives")."""
    if cue.startswith("="):
        return word == cue[1:]
    return pair.startswith(cue) if " " in cue else word.startswith(cue)


_VERBISH = re.compile(r"(?:ed|ing|en)$|^(?:are|is|was|were|be|been|had|has|have|remain|remained|died|dies|hurt|"
                      r"dead|held|lost|left|fled)$")


def _predicate(right: str) -> bool:
    return any(_VERBISH.search(w) for w in _words(right))


_COORDINATED = re.compile(r"^[^,;:]{0,30}?(?:,|\band\b|\bor\b)\s*$", re.I)
_UP_FROM = re.compile(r"\b(?:up|down)\s*$", re.I)


def _follows(text: str, previous_end: int, start: int) -> bool:
    """Only a coordinator (and the previous figure's noun) stands between two figures: "two women and one man",
    "24, up from 5"."""
    gap = text[previous_end:start]
    if _UP_FROM.search(gap):
        return True
    return bool(_COORDINATED.match(gap)) and not _predicate(re.split(r",|\band\b|\bor\b", gap)[0] + " ")


def _after_noun(right: str, q: Quantity) -> str:
    """The predicate after a figure's counted noun ("victims died" -> "died")."""
    counted = q.counted.strip()
    stripped = right.lstrip()
    return stripped[len(counted):] if counted and stripped.startswith(counted) else right


def _own(q: Quantity) -> str | None:
    """The attribute the figure's own words give ("80 wounded", "3 dead", "10 people dead"); an adjective before
    the counted noun ("two wounded soldiers") describes them and leaves the attribute to the verb."""
    if q.unit == "magnitude":
        return "magnitude"
    counted = _words(q.counted)
    own = _cue(_words(q.text))
    if own or not counted:
        return own
    if len(counted) == 1 or counted[0] in _PEOPLE:
        return _cue(counted[:1]) or _cue(counted[1:2])
    return None


def _attribute(q: Quantity, text: str, left: str, right: str) -> str | None:
    """The attribute the clause gives the figure: its unit or counted noun, the words just before, or the
    predicate after (up to ten words)."""
    if q.unit == "magnitude" or _magnitude(q, text, left, right):
        return "magnitude"
    if q.unit:
        return None
    own = _own(q)
    before = _words(left)[-8:]
    after = _words(right)[:10]
    found = own or _cue(before[::-1][:2]) or _toll(before) or _cue(after) or _cue(before[::-1][:4])
    if found == "arrested" and not _people(q, right):
        return "seized"
    if found in TOLLS and not _people(q, right):
        return None  # "two counts of murder", "nine pellets in each shot": what is counted is no person
    if found == "shot" and _cue(after) == "deaths":
        return "deaths"  # "shot dead", "shot to death"
    return found


def _magnitude(q: Quantity, text: str, left: str, right: str) -> bool:
    """A figure below 10 next to a magnitude word, in a clause about a quake ("measuring 5.6 on the Richter")."""
    if not _QUAKE.search(text) or q.low is None or not 0 < q.low < 10:
        return False
    near = " ".join(_words(left)[-2:] + _words(right)[:2])
    if re.match(r"\s*-?\s*(?:quake|earthquake|temblor|tremor)\b", right, re.I) and "." in q.text:
        return True  # "a 6.1 quake"
    return bool(re.search(r"\b(?:magnitude|richter|strength|measur|regist|degree)", near))


def _toll(before: list[str]) -> str | None:
    """ "death toll rose to 10", "the number of dead reached 10": the count the toll is of."""
    if "toll" not in before and "number" not in before:
        return None
    return _cue(before) or "deaths"


def _people(q: Quantity, right: str) -> bool:
    """The figure counts people (arrests), not things (seizures): its counted noun, or nothing said."""
    words = [w for w in _words(q.counted)[:4] if w not in ("more", "other", "suspected", "alleged")]
    if not words or _cue(words[:1]):
        return True  # "12 arrested": the cue itself, nothing counted
    if words[0] in _THINGS:
        return False
    return (any(w in _PEOPLE or _PERSON_ENDING.search(w) for w in words[:3])
            or any(_nationality(w) for w in q.counted.split()[:2]))  # "two North Korean soldiers"


_PERSON_ENDING = re.compile(r"(?:ers|ists|ians|ants|ents|ees|men|women|folk|ren)$")


_THINGS = {"counts", "count", "charges", "charge", "houses", "homes", "buildings", "villages", "vehicles", "cars",
           "schools", "shops", "stores", "rounds", "shots", "bullets", "rifles", "guns", "weapons", "boats", "ships",
           "vessels", "tents", "years", "days", "hours", "minutes", "months", "weeks", "times", "games", "points",
           "cases", "incidents", "attacks", "quakes", "aftershocks", "floors", "miles", "feet", "metres", "meters",
           "helicopters", "planes", "aircraft", "trucks", "ambulances", "teams", "units", "flights", "hospitals",
           "pellets", "shells", "containers", "computers", "papers", "letters", "numbers"}


def _thing(q: Quantity) -> bool:
    """The figure counts things, not people ("two counts of murder")."""
    words = _words(q.counted)[:3]
    return bool(words) and words[0] in _THINGS


def _nationality(word: str) -> bool:
    """ "Somali", "Yemenis", "Iranian", "Chinese": a capitalised word with a nationality's ending."""
    return word[:1].isupper() and len(word) > 3 and bool(re.search(r"(?:i|is|ians?|ese|ish|ch)$", word))


def _plain_attribute(q: Quantity, left: str, right: str) -> str:
    """A figure no attribute word governs: by its unit, or a plain count."""
    near = " ".join(_words(left)[-4:] + _words(right)[:4])
    if q.unit in MONEY:
        return "price" if any(p in near for p in _PRICE) else "amount"
    if (q.unit or "").startswith("percent"):
        return "percent"
    if q.qualifier == "score":
        return "score"
    if q.unit in ("hours", "minutes", "seconds", "days", "weeks", "months", "years"):
        return "duration"
    if MEASURES.get(q.unit or "", ("",))[0] == "length":
        return "distance"
    if q.unit:
        return "measure"
    if any(p in " ".join(_words(left)[-3:] + _words(right)[:2]) for p in _POPULATION):
        return "population"
    return "count"


def _phase(text: str, start: int, end: int, left: str, q: Quantity | None = None) -> str:
    """ "earlier" when the clause marks the figure as an earlier one ("initially put at 30", "from 3 to 5", "up
    from 5"), "new" when it marks it as a changed figure ("rose to 24", "revised to")."""
    before = text[:start]
    own = (q.text if q is not None else "").casefold()
    if _FROM_TO.search(before) and re.match(r"\s*(?:to|-)\s", text[end:]):
        return "earlier"
    if _UP_FROM.search(before) and own.startswith("from") or re.search(r"\b(?:up|down)\s+from\s*$", before, re.I):
        return "earlier"
    if _EARLIER.search(before):
        return "earlier"
    if _NEW.search(" ".join(_words(left)[-4:])):
        return "new"
    return ""


_NUMBER_WORD = r"(?:a|an|one|another|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)"
_AND_NEXT = re.compile(rf"^\s*[\w-]+(?:\s+[\w-]+)?\s+and\s+{_NUMBER_WORD}\s+[a-z]", re.I)
_AND_BEFORE = re.compile(rf"\b{_NUMBER_WORD}\s+[a-z]+\s+and\s*$", re.I)


def _breakdown(text: str, start: int, end: int) -> bool:
    """The figure is one part of a count split by groups: "two women and one man", "a man and two women"."""
    return bool(_AND_NEXT.match(text[end:end + 40]) or _AND_BEFORE.search(text[max(0, start - 30):start]))


def _groups(values: list[Value]) -> list[Value]:
    """Coordinated figures of one attribute that each count a group ("two women and one man", "12 Somalis and 11
    Yemenis"): each counts its group. Otherwise the counted noun describes the whole count."""
    out = list(values)
    by_attribute: dict[str, list[int]] = {}
    for n, v in enumerate(values):
        by_attribute.setdefault(v.attribute, []).append(n)
    for attribute, indices in by_attribute.items():
        if attribute not in KEYED or len(indices) < 2:
            continue
        groups = [_group(values[n].quantity) for n in indices]
        if all(groups) and len(set(groups)) == len(groups):
            for n, g in zip(indices, groups):
                out[n] = Value(values[n].attribute, g, values[n].quantity, values[n].phase)
    return out


def _group(q: Quantity) -> str:
    """The group a count counts, singular ("women" -> "woman"), or "" when it names none."""
    words = q.counted.split()
    if not words:
        return ""
    head = words[0]
    folded = head.casefold()
    if folded in _GROUP_WORDS or _nationality(head):
        return _singular(folded)
    return ""


def _singular(word: str) -> str:
    irregular = {"women": "woman", "men": "man", "children": "child", "people": "person", "police": "police",
                 "policemen": "policeman", "crew": "crew"}
    if word in irregular:
        return irregular[word]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
