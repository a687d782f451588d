"""Canonical entities: surface forms merged across the articles of a story, every merge with its reason.

Rules (each merge records which one fired): transliteration folding (Zelenskyy/Zelensky, Jabaliya/Jabalya),
close spellings of long names, person surname containment (Volodymyr Zelensky ~ Zelensky), acronyms and
their expansions (SSU = initials of Security Service of Ukraine; SBU from a table of transliterated
acronyms), demonyms and country name variants (North Korean -> North Korea, Russian Federation -> Russia),
administrative synonyms (Kursk Oblast = Kursk region = Kursk), head-noun variants (South Korean intelligence ~
South Korea's National Intelligence Service), apposition in the text (Ukraine's internal security service,
the SBU,) and explicit links. Different names that merely look alike (North/South Korea, Kyiv/Kursk) stay apart.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable, Mapping, Sequence

from ..models import CanonicalEntity, Entity

COUNTRY_VARIANTS: dict[str, str] = {
    "russian federation": "Russia", "the russian federation": "Russia", "rf": "Russia",
    "u.s.": "United States", "us": "United States", "usa": "United States", "u.s.a.": "United States",
    "united states of america": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "dprk": "North Korea",
    "democratic people's republic of korea": "North Korea", "republic of korea": "South Korea",
    "rok": "South Korea", "kiev": "Kyiv", "kharkov": "Kharkiv", "odessa": "Odesa", "donbass": "Donbas",
    "people's republic of china": "China", "prc": "China", "islamic republic of iran": "Iran",
    "republic of tuva": "Tuva", "tyva": "Tuva", "gaza strip": "Gaza",
    "the netherlands": "Netherlands", "czech republic": "Czechia", "the czech republic": "Czechia",
    "burma": "Myanmar", "the philippines": "Philippines", "uae": "United Arab Emirates",
    "u.a.e.": "United Arab Emirates", "cote d'ivoire": "Ivory Coast", "côte d'ivoire": "Ivory Coast",
    "turkiye": "Turkey", "türkiye": "Turkey",
}
DEMONYMS: dict[str, str] = {
    **{d: "Ukraine" for d in ("ukrainian", "ukrainians")},
    **{d: "Russia" for d in ("russian", "russians")},
    **{d: "North Korea" for d in ("north korean", "north koreans")},
    **{d: "South Korea" for d in ("south korean", "south koreans")},
    **{d: "United States" for d in ("american", "americans")},
    **{d: "United Kingdom" for d in ("british", "briton", "britons")},
    **{d: "Israel" for d in ("israeli", "israelis")},
    **{d: "Palestine" for d in ("palestinian", "palestinians")},
    **{d: "Iran" for d in ("iranian", "iranians")},
    **{d: "China" for d in ("chinese",)},
    **{d: "Belarus" for d in ("belarusian", "belarusians")},
    **{d: "Poland" for d in ("polish", "poles")},
    **{d: "Germany" for d in ("german", "germans")},
    **{d: "France" for d in ("french",)},
    **{d: "Japan" for d in ("japanese",)},
    **{d: "Syria" for d in ("syrian", "syrians")},
    **{d: "Lebanon" for d in ("lebanese",)},
    **{d: "Turkey" for d in ("turkish", "turks")},
    **{d: "Georgia" for d in ("georgian", "georgians")},
    **{d: "Moldova" for d in ("moldovan", "moldovans")},
    **{d: "India" for d in ("indian", "indians")},
    **{d: "Egypt" for d in ("egyptian", "egyptians")},
    **{d: "Yemen" for d in ("yemeni", "yemenis")},
    **{d: "Iraq" for d in ("iraqi", "iraqis")},
    **{d: "Afghanistan" for d in ("afghan", "afghans")},
    **{d: "Pakistan" for d in ("pakistani", "pakistanis")},
    **{d: "Canada" for d in ("canadian", "canadians")},
    **{d: "Mexico" for d in ("mexican", "mexicans")},
    **{d: "Italy" for d in ("italian", "italians")},
    **{d: "Spain" for d in ("spanish",)},
    # Europe
    **{d: "Switzerland" for d in ("swiss",)},
    **{d: "Netherlands" for d in ("dutch", "dutchman", "dutchmen", "dutchwoman", "dutchwomen")},
    **{d: "Belgium" for d in ("belgian", "belgians")},
    **{d: "Austria" for d in ("austrian", "austrians")},
    **{d: "Portugal" for d in ("portuguese",)},
    **{d: "Greece" for d in ("greek", "greeks")},
    **{d: "Ireland" for d in ("irish", "irishman", "irishmen", "irishwoman")},
    **{d: "Sweden" for d in ("swedish", "swede", "swedes")},
    **{d: "Norway" for d in ("norwegian", "norwegians")},
    **{d: "Denmark" for d in ("danish", "danes")},  # not "Dane": a given name
    **{d: "Finland" for d in ("finnish", "finns")},  # not "Finn": a given name
    **{d: "Iceland" for d in ("icelandic", "icelander", "icelanders")},
    **{d: "Czechia" for d in ("czech", "czechs")},
    **{d: "Slovakia" for d in ("slovak", "slovaks", "slovakian", "slovakians")},
    **{d: "Slovenia" for d in ("slovenian", "slovenians", "slovene", "slovenes")},
    **{d: "Hungary" for d in ("hungarian", "hungarians")},
    **{d: "Romania" for d in ("romanian", "romanians")},
    **{d: "Bulgaria" for d in ("bulgarian", "bulgarians")},
    **{d: "Serbia" for d in ("serbian", "serbians", "serb", "serbs")},
    **{d: "Croatia" for d in ("croatian", "croatians", "croat", "croats")},
    **{d: "Bosnia and Herzegovina" for d in ("bosnian", "bosnians")},
    **{d: "Montenegro" for d in ("montenegrin", "montenegrins")},
    **{d: "Albania" for d in ("albanian", "albanians")},
    **{d: "Kosovo" for d in ("kosovar", "kosovars", "kosovan", "kosovans")},
    **{d: "North Macedonia" for d in ("north macedonian", "north macedonians")},  # "Macedonian": also Greek
    **{d: "Lithuania" for d in ("lithuanian", "lithuanians")},
    **{d: "Latvia" for d in ("latvian", "latvians")},
    **{d: "Estonia" for d in ("estonian", "estonians")},
    **{d: "Malta" for d in ("maltese",)},
    **{d: "Cyprus" for d in ("cypriot", "cypriots")},
    **{d: "Armenia" for d in ("armenian", "armenians")},
    **{d: "Azerbaijan" for d in ("azerbaijani", "azerbaijanis", "azeri", "azeris")},
    # Asia and the Pacific
    **{d: "Kazakhstan" for d in ("kazakh", "kazakhs", "kazakhstani", "kazakhstanis")},
    **{d: "Uzbekistan" for d in ("uzbek", "uzbeks")},
    **{d: "Kyrgyzstan" for d in ("kyrgyz",)},
    **{d: "Mongolia" for d in ("mongolian", "mongolians")},
    **{d: "Taiwan" for d in ("taiwanese",)},
    **{d: "Vietnam" for d in ("vietnamese",)},
    **{d: "Thailand" for d in ("thai", "thais")},
    **{d: "Cambodia" for d in ("cambodian", "cambodians")},
    **{d: "Laos" for d in ("laotian", "laotians")},
    **{d: "Myanmar" for d in ("burmese",)},
    **{d: "Malaysia" for d in ("malaysian", "malaysians")},
    **{d: "Singapore" for d in ("singaporean", "singaporeans")},
    **{d: "Indonesia" for d in ("indonesian", "indonesians")},
    **{d: "Philippines" for d in ("philippine", "filipino", "filipinos", "filipina", "filipinas")},
    **{d: "Bangladesh" for d in ("bangladeshi", "bangladeshis")},
    **{d: "Sri Lanka" for d in ("sri lankan", "sri lankans")},
    **{d: "Nepal" for d in ("nepalese", "nepali", "nepalis")},
    **{d: "Australia" for d in ("australian", "australians")},
    **{d: "New Zealand" for d in ("new zealander", "new zealanders")},  # not "Kiwi": a fruit, a bird
    **{d: "Fiji" for d in ("fijian", "fijians")},
    # the Middle East and Africa
    **{d: "Saudi Arabia" for d in ("saudi", "saudis")},
    **{d: "Jordan" for d in ("jordanian", "jordanians")},
    **{d: "Qatar" for d in ("qatari", "qataris")},
    **{d: "United Arab Emirates" for d in ("emirati", "emiratis")},
    **{d: "Kuwait" for d in ("kuwaiti", "kuwaitis")},
    **{d: "Bahrain" for d in ("bahraini", "bahrainis")},
    **{d: "Oman" for d in ("omani", "omanis")},
    **{d: "Libya" for d in ("libyan", "libyans")},
    **{d: "Tunisia" for d in ("tunisian", "tunisians")},
    **{d: "Algeria" for d in ("algerian", "algerians")},
    **{d: "Morocco" for d in ("moroccan", "moroccans")},
    **{d: "Sudan" for d in ("sudanese",)},
    **{d: "South Sudan" for d in ("south sudanese",)},
    **{d: "Ethiopia" for d in ("ethiopian", "ethiopians")},
    **{d: "Eritrea" for d in ("eritrean", "eritreans")},
    **{d: "Somalia" for d in ("somali", "somalis", "somalian", "somalians")},
    **{d: "Kenya" for d in ("kenyan", "kenyans")},
    **{d: "Uganda" for d in ("ugandan", "ugandans")},
    **{d: "Rwanda" for d in ("rwandan", "rwandans")},
    **{d: "Tanzania" for d in ("tanzanian", "tanzanians")},
    **{d: "Nigeria" for d in ("nigerian", "nigerians")},
    **{d: "Niger" for d in ("nigerien", "nigeriens")},
    **{d: "Ghana" for d in ("ghanaian", "ghanaians")},
    **{d: "Senegal" for d in ("senegalese",)},
    **{d: "Mali" for d in ("malian", "malians")},
    **{d: "Cameroon" for d in ("cameroonian", "cameroonians")},
    **{d: "Ivory Coast" for d in ("ivorian", "ivorians")},
    **{d: "Angola" for d in ("angolan", "angolans")},
    **{d: "Mozambique" for d in ("mozambican", "mozambicans")},
    **{d: "Zambia" for d in ("zambian", "zambians")},
    **{d: "Zimbabwe" for d in ("zimbabwean", "zimbabweans")},
    **{d: "South Africa" for d in ("south african", "south africans")},
    # the Americas
    **{d: "Brazil" for d in ("brazilian", "brazilians")},
    **{d: "Argentina" for d in ("argentine", "argentines", "argentinian", "argentinians")},
    **{d: "Chile" for d in ("chilean", "chileans")},
    **{d: "Peru" for d in ("peruvian", "peruvians")},
    **{d: "Colombia" for d in ("colombian", "colombians")},
    **{d: "Venezuela" for d in ("venezuelan", "venezuelans")},
    **{d: "Ecuador" for d in ("ecuadorian", "ecuadorians", "ecuadoran", "ecuadorans")},
    **{d: "Bolivia" for d in ("bolivian", "bolivians")},
    **{d: "Uruguay" for d in ("uruguayan", "uruguayans")},
    **{d: "Paraguay" for d in ("paraguayan", "paraguayans")},
    **{d: "Cuba" for d in ("cuban", "cubans")},
    **{d: "Haiti" for d in ("haitian", "haitians")},
    **{d: "Jamaica" for d in ("jamaican", "jamaicans")},
    **{d: "Guatemala" for d in ("guatemalan", "guatemalans")},
    **{d: "Honduras" for d in ("honduran", "hondurans")},
    **{d: "El Salvador" for d in ("salvadoran", "salvadorans", "salvadorean", "salvadoreans")},
    **{d: "Nicaragua" for d in ("nicaraguan", "nicaraguans")},
    **{d: "Costa Rica" for d in ("costa rican", "costa ricans")},
    **{d: "Panama" for d in ("panamanian", "panamanians")},
}
# Acronyms whose letters are not the English initials (transliterated or customary), with their expansion.
KNOWN_ACRONYMS: dict[str, tuple[str, str]] = {
    "SBU": ("Security Service of Ukraine", "Ukrainian initials of Sluzhba Bezpeky Ukrainy"),
    "SSU": ("Security Service of Ukraine", "English initials"),
    "HUR": ("Main Intelligence Directorate", "Ukrainian initials of Holovne Upravlinnia Rozvidky"),
    "GUR": ("Main Intelligence Directorate", "Russian initials of Glavnoye Upravleniye Razvedki"),
    "FSB": ("Federal Security Service", "Russian initials of Federalnaya Sluzhba Bezopasnosti"),
    "GRU": ("Main Directorate of the General Staff", "Russian initials of Glavnoye Razvedyvatelnoye Upravleniye"),
    "NIS": ("National Intelligence Service", "English initials"),
    "UNRWA": ("United Nations Relief and Works Agency", "English initials"),
    "UN": ("United Nations", "English initials"),
    "EU": ("European Union", "English initials"),
    "NATO": ("North Atlantic Treaty Organization", "English initials"),
    "IDF": ("Israel Defense Forces", "English initials"),
    "IAEA": ("International Atomic Energy Agency", "English initials"),
    "ISW": ("Institute for the Study of War", "English initials"),
    "ZSU": ("Armed Forces of Ukraine", "Ukrainian initials of Zbroini Syly Ukrainy"),
    "AFU": ("Armed Forces of Ukraine", "English initials"),
}
# Customary second names of institutions and places in news copy (metonyms, nicknames), with the name they stand
# for: "the Pentagon" is the Defense Department, "Big Blue" IBM. US cabinet departments are also matched by form
# ("Justice Department" = "Department of Justice", see expand).
CUSTOMARY_NAMES: dict[str, str] = {
    "pentagon": "Department of Defense", "dod": "Department of Defense", "defence department": "Department of Defense",
    "department of defence": "Department of Defense", "doj": "Department of Justice",
    "dhs": "Department of Homeland Security", "usda": "Department of Agriculture",
    "hhs": "Department of Health and Human Services", "treasury": "Department of Treasury",
    "foggy bottom": "Department of State", "scotland yard": "Metropolitan Police", "met police": "Metropolitan Police",
    "big blue": "IBM", "red planet": "Mars", "capitol hill": "Congress", "the fed": "Federal Reserve",
    "fed": "Federal Reserve", "federal reserve board": "Federal Reserve", "the hague": "Hague",
    "number 10": "Downing Street", "no. 10": "Downing Street", "big apple": "New York",
}
_DEPARTMENT = re.compile(r"^(?:U\.?S\.?\s+)?(?P<what>[A-Z][\w ]*?)\s+Department$|^Department\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w ]*)$")
ADMIN_WORDS = ("oblast", "region", "province", "krai", "governorate", "republic")
HEAD_CLASSES: dict[str, str] = {
    "national intelligence service": "intelligence", "intelligence service": "intelligence",
    "intelligence agency": "intelligence", "spy agency": "intelligence", "intelligence": "intelligence",
    "internal security service": "security service", "security service": "security service",
    "armed forces": "military", "military": "military", "army": "military",
    "defence ministry": "defence ministry", "defense ministry": "defence ministry",
    "ministry of defence": "defence ministry", "ministry of defense": "defence ministry",
    "foreign ministry": "foreign ministry", "ministry of foreign affairs": "foreign ministry",
    "general staff": "general staff", "government": "government",
}
_HEADS = sorted(HEAD_CLASSES, key=len, reverse=True)
_STOP = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&"}
FAMILY = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "NORP": "place", "FAC": "place",
          "LANGUAGE": "place", "PRODUCT": "place", "EVENT": "event", "WORK_OF_ART": "work", "LAW": "law"}


# --------------------------------------------------------------------------- normalising names

def clean_name(text: str) -> str:
    """Surface form tidied: curly apostrophes, whitespace, leading "the", trailing possessive."""
    name = " ".join((text or "").replace("’", "'").replace("‘", "'").split())
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = re.sub(r"'s?$", "", name)
    return name.strip(" ,.;:")


def key(text: str) -> str:
    return clean_name(text).casefold()


def fold(text: str) -> str:
    """Transliteration fold: ascii, lower case, y/i/j and zh/dzh/kh unified, doubled letters collapsed."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    ascii_ = re.sub(r"[^a-z0-9 ]+", " ", ascii_)
    ascii_ = ascii_.replace("dzh", "j").replace("zh", "j").replace("kh", "h").replace("ph", "f")
    ascii_ = re.sub(r"[yij]+", "i", ascii_)
    ascii_ = re.sub(r"(.)\1+", r"\1", ascii_)
    return " ".join(ascii_.split())


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    """Initials of the content words; an all-capitals word (UN) gives all its letters."""
    out = []
    for word in re.split(r"[\s\-]+", name):
        if not word or word.casefold() in _STOP:
            continue
        out.append(word if is_acronym(word) else word[0])
    return "".join(out).upper()


def is_proper(name: str) -> bool:
    words = [w for w in name.split() if w.casefold() not in _STOP and w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words) and not is_acronym(name)


def place_of(name: str) -> tuple[str, str] | None:
    """(place, why) when ``name`` is a demonym, a country name variant or an admin form of a place."""
    low = name.casefold()
    if low in DEMONYMS:
        return DEMONYMS[low], "demonym"
    if low in COUNTRY_VARIANTS and (len(low.replace(".", "")) > 3 or name.replace(".", "").isupper()):
        return COUNTRY_VARIANTS[low], "country name variant"
    m = re.match(rf"^(.+?)\s+(?:{'|'.join(ADMIN_WORDS)})$", name, re.I)
    if m and m.group(1)[:1].isupper():
        return m.group(1), "administrative synonym"
    m = re.match(r"^(?:Republic|Oblast|Province|Region) of (.+)$", name)
    if m:
        return m.group(1), "administrative synonym"
    return None


KNOWN_PLACES = frozenset(fold(p) for p in (*DEMONYMS.values(), *COUNTRY_VARIANTS.values(), "Ukraine", "Russia"))


def _country(text: str, places: frozenset = KNOWN_PLACES) -> str | None:
    """The folded place a qualifier names ("South Korean", "Ukraine's"), when it is a known place."""
    text = clean_name(text)
    place = place_of(text)
    folded = fold(place[0]) if place else fold(text)
    return folded if folded in places or folded in KNOWN_PLACES else None


def org_key(name: str, places: frozenset = KNOWN_PLACES) -> tuple[str, str] | None:
    """(folded country, head class) for "South Korea's National Intelligence Service", "Security Service of Ukraine"."""
    low = name.casefold()
    for head in _HEADS:
        if low.endswith(" " + head):
            prefix = name[: -len(head)].strip()
            prefix = re.sub(r"(?:\s+[a-z][\w-]*)+$", "", prefix)  # lower-case modifiers: "internal"
            country = _country(re.sub(r"'s$", "", prefix.replace("’", "'")), places)
            if country:
                return country, HEAD_CLASSES[head]
        m = re.match(rf"^{re.escape(head)}\s+of\s+(.+)$", low)
        if m:
            country = _country(name[len(name) - len(m.group(1)):], places)
            if country:
                return country, HEAD_CLASSES[head]
    return None


def expand(name: str) -> tuple[str, str] | None:
    """(expansion, why) of a known acronym, or of a name written with "UN"."""
    bare = name.replace(".", "")
    if bare in KNOWN_ACRONYMS:
        return KNOWN_ACRONYMS[bare]
    customary = CUSTOMARY_NAMES.get(clean_name(name).casefold())
    if customary:
        return customary, "customary name"
    department = _DEPARTMENT.match(clean_name(name))
    if department:
        what = department.group("what") or department.group("of")
        return CUSTOMARY_NAMES.get(f"{what.casefold()} department", f"Department of {what}"), "department name"
    if re.match(r"^UN\s+\w", name):
        return "United Nations" + name[2:], "UN = United Nations"
    return None


# --------------------------------------------------------------------------- union-find

HONORIFICS = frozenset("""
mr mrs ms miss mx dr prof sir dame lady lord rev fr gen col capt cpt maj lt sgt cpl pvt adm cmdr gov sen rep
pres president judge justice officer deputy trooper sheriff constable detective coach gm qb rb te wr cb lb
""".split())
NICKNAMES: dict[str, str] = {
    "bill": "william", "will": "william", "billy": "william", "willie": "william", "bob": "robert",
    "rob": "robert", "bobby": "robert", "dick": "richard", "rick": "richard", "rich": "richard", "jim": "james",
    "jimmy": "james", "mike": "michael", "mick": "michael", "tom": "thomas", "tommy": "thomas", "joe": "joseph",
    "bert": "albert", "al": "albert", "ted": "edward", "ed": "edward", "eddie": "edward", "ned": "edward",
    "tony": "anthony", "chuck": "charles", "charlie": "charles", "jack": "john", "johnny": "john",
    "kate": "katherine", "kathy": "katherine", "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth",
    "bettie": "elizabeth", "peggy": "margaret", "maggie": "margaret", "meg": "margaret", "sasha": "alexander",
    "alex": "alexander", "alexis": "alexander", "dave": "david", "steve": "stephen", "steven": "stephen",
    "jerry": "gerald", "larry": "lawrence", "ben": "benjamin", "dan": "daniel", "danny": "daniel",
    "matt": "matthew", "nick": "nicholas", "pat": "patrick", "sam": "samuel", "stan": "stanley",
    "chris": "christopher", "greg": "gregory", "jeff": "jeffrey", "ken": "kenneth", "andy": "andrew",
    "drew": "andrew", "fred": "frederick", "hank": "henry", "harry": "henry", "jon": "john", "nate": "nathan",
    "ron": "ronald", "don": "donald", "doug": "douglas", "phil": "philip", "vince": "vincent", "vlad": "vladimir",
}


def _given_names(name: str) -> set[str]:
    """Given-name words of a full person name: all but the last word, honorifics dropped (nicknames kept)."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = re.sub(r"[^a-z ]+", " ", ascii_).split()
    return {w for w in words[:-1] if w not in HONORIFICS}


def _same_given(a: str, b: str) -> bool:
    """Two given-name words that can name one person: equal, an initial, a shared stem, a nickname, a typo."""
    from rapidfuzz import fuzz

    if a == b or (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return True
    if NICKNAMES.get(a, a) == NICKNAMES.get(b, b):
        return True
    return len(a) >= 3 and len(b) >= 3 and (a[:4] == b[:4] or fuzz.ratio(a, b) >= 80)


def compatible_people(a: str, b: str) -> bool:
    """False when two full person names share a surname slot but have different given names (Jack/Betty Page)."""
    ga, gb = _given_names(a), _given_names(b)
    if not ga or not gb or ga & gb:
        return True
    return any(_same_given(x, y) for x in ga for y in gb)


class _Groups:
    """Union-find over surface keys that refuses to join two people with different given names."""

    def __init__(self, names: Iterable[str], people: Mapping[str, str] | None = None):
        self.parent = {n: n for n in names}
        self.reasons: dict[str, list[str]] = defaultdict(list)
        self.people: dict[str, list[str]] = {k: [v] for k, v in (people or {}).items()}
        self.refused: list[str] = []

    def find(self, n: str) -> str:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a: str, b: str, reason: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        pa, pb = self.people.get(ra, []), self.people.get(rb, [])
        clash = next(((x, y) for x in pa for y in pb if not compatible_people(x, y)), None)
        if clash:
            self.refused.append(f"{reason} (refused: {clash[0]} and {clash[1]} have different given names)")
            return False
        self.parent[rb] = ra
        self.reasons[ra].extend(self.reasons.pop(rb, []))
        self.reasons[ra].append(reason)
        if pb:
            self.people[ra] = pa + self.people.pop(rb)
        return True


class _Surface:
    __slots__ = ("key", "forms", "labels", "count", "canon", "name", "family", "folded")

    def __init__(self, k: str):
        self.key = k
        self.forms: Counter = Counter()
        self.labels: Counter = Counter()
        self.count = 0
        self.canon: Counter = Counter()

    def freeze(self) -> "_Surface":
        """Fix the preferred spelling, label family and fold once all mentions are counted."""
        self.name = sorted(self.forms.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        label = sorted(self.labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        self.family = FAMILY.get(label, label.lower())
        self.folded = fold(self.name)
        return self


def _surfaces(entity_lists: Sequence[Sequence[Entity]]) -> dict[str, _Surface]:
    out: dict[str, _Surface] = {}
    for entities in entity_lists:
        for ent in entities:
            name = clean_name(ent.text)
            if not name:
                continue
            s = out.setdefault(name.casefold(), _Surface(name.casefold()))
            s.forms[name] += 1
            s.labels[ent.label] += 1
            s.count += 1
            if ent.canonical and key(ent.canonical) != s.key:
                s.canon[key(ent.canonical)] += 1
    return {k: s.freeze() for k, s in out.items()}


# --------------------------------------------------------------------------- rules

def _by_signature(groups: _Groups, surfaces: dict[str, _Surface], signature, describe) -> None:
    """Union surfaces that share a signature; ``describe(a, b, sig)`` gives the reason."""
    buckets: dict = defaultdict(list)
    for k in sorted(surfaces):
        sig = signature(surfaces[k])
        if sig is not None:
            buckets[sig].append(k)
    for sig, keys in buckets.items():
        for other in keys[1:]:
            groups.union(keys[0], other, describe(surfaces[keys[0]], surfaces[other], sig))


def _place_signature(s: _Surface):
    if s.family not in ("place", "org") and not place_of(s.name):
        return None
    place = place_of(s.name)
    if place:
        return fold(place[0])
    return fold(s.name) if s.family == "place" else None


def _describe_place(a: _Surface, b: _Surface, sig) -> str:
    why = [f"{x.name} -> {place_of(x.name)[0]} ({place_of(x.name)[1]})" for x in (a, b) if place_of(x.name)]
    return f"{a.name} ~ {b.name}: same place ({'; '.join(why) or 'same name'})"


def _fold_signature(s: _Surface):
    f = s.folded
    if is_acronym(s.name) or len(f.replace(" ", "")) < 5:
        return None
    return s.family, f


def _expansion_signature(s: _Surface):
    exp = expand(s.name)
    if exp:
        return fold(exp[0])
    return fold(s.name) if s.family == "org" and not is_acronym(s.name) else None


def _describe_expansion(a: _Surface, b: _Surface, sig) -> str:
    parts = [f"{x.name} = {expand(x.name)[0]} ({expand(x.name)[1]})" for x in (a, b) if expand(x.name)]
    return f"{a.name} ~ {b.name}: acronym and expansion ({'; '.join(parts)})"


def _org_signature(places: frozenset):
    def signature(s: _Surface):
        if s.family != "org":
            return None
        exp = expand(s.name)
        return org_key(exp[0] if exp else s.name, places)
    return signature


def _places(surfaces: dict[str, _Surface]) -> frozenset:
    return KNOWN_PLACES | {s.folded for s in surfaces.values() if s.family == "place" and not place_of(s.name)}


def _acronym_initials(groups: _Groups, surfaces: dict[str, _Surface]) -> None:
    acronyms = [s for s in surfaces.values() if is_acronym(s.name) and s.name.replace(".", "") not in KNOWN_ACRONYMS]
    names = [s for s in surfaces.values() if not is_acronym(s.name) and len(s.name.split()) > 1]
    for acr in acronyms:
        hits = [s for s in names if initials(s.name) == acr.name.replace(".", "") and s.family != "person"]
        if len(hits) == 1:
            groups.union(hits[0].key, acr.key, f"{acr.name} ~ {hits[0].name}: acronym of the initials")


def _person_containment(groups: _Groups, surfaces: dict[str, _Surface]) -> None:
    people = [s for s in surfaces.values() if s.family == "person"]
    full = [s for s in people if len(s.name.split()) > 1]
    for short in people:
        words = short.name.split()
        if len(words) > 2:
            continue
        tail = fold(short.name)
        hits = [f for f in full if f is not short and fold(f.name).endswith(" " + tail)]
        roots = {groups.find(f.key) for f in hits}
        if len(roots) == 1 and len(tail) >= 3:
            groups.union(hits[0].key, short.key, f"{short.name} ~ {hits[0].name}: surname of the full name")


def _close_spellings(groups: _Groups, surfaces: dict[str, _Surface]) -> None:
    from rapidfuzz import fuzz

    items = sorted((s for s in surfaces.values() if not is_acronym(s.name)), key=lambda s: s.key)
    for i, a in enumerate(items):
        fa = a.folded
        if len(fa) < 8:
            continue
        for b in items[i + 1:]:
            fb = b.folded
            if a.family != b.family or len(fb) < 8 or fa[0] != fb[0]:
                continue
            wa, wb = fa.split(), fb.split()
            if len(wa) != len(wb) or any(fuzz.ratio(x, y) < 80 for x, y in zip(wa, wb)):
                continue
            score = fuzz.ratio(fa, fb)
            if score >= 94 and groups.find(a.key) != groups.find(b.key):
                groups.union(a.key, b.key, f"{a.name} ~ {b.name}: spelling variant (similarity {score:.0f})")


def _qualified_tails(groups: _Groups, surfaces: dict[str, _Surface], places: frozenset) -> None:
    """"National Intelligence Service" ~ "South Korea's National Intelligence Service" when unambiguous."""
    for short in surfaces.values():
        if short.family != "org" or not is_proper(short.name) or len(short.name.split()) < 2:
            continue
        hits = [s for s in surfaces.values() if s is not short and s.family == "org"
                and re.fullmatch(rf".+?(?:'s)?\s+{re.escape(short.name)}", s.name) and
                _country(s.name[: -len(short.name)].strip().removesuffix("'s"), places)]
        if len({groups.find(h.key) for h in hits}) == 1:
            groups.union(hits[0].key, short.key, f"{short.name} ~ {hits[0].name}: same name qualified by its country")


def _article_links(groups: _Groups, surfaces: dict[str, _Surface], links) -> None:
    for a, b, reason in links:
        ka, kb = key(a), key(b)
        if ka in surfaces and kb in surfaces:
            groups.union(ka, kb, f"{surfaces[ka].name} ~ {surfaces[kb].name}: {reason}")
    for s in surfaces.values():
        for canon in s.canon:
            if canon in surfaces:
                groups.union(canon, s.key, f"{s.name} ~ {surfaces[canon].name}: same entity within an article")


# --------------------------------------------------------------------------- public

def canonicalize(entity_lists: Sequence[Sequence[Entity]],
                 links: Iterable[tuple[str, str, str]] = ()) -> tuple[CanonicalEntity, ...]:
    """Merge the entities of several articles into canonical entities (sorted by mentions, then name).

    ``links`` are extra (surface a, surface b, reason) merges, e.g. appositions found in the text.
    """
    surfaces = _surfaces(entity_lists)
    people = {k: s.name for k, s in surfaces.items() if s.family == "person" and len(s.name.split()) > 1}
    groups = _Groups(surfaces, people)
    _by_signature(groups, surfaces, _fold_signature,
                  lambda a, b, sig: f"{a.name} ~ {b.name}: transliteration variant ({sig[1]})")
    _by_signature(groups, surfaces, _place_signature, _describe_place)
    _by_signature(groups, surfaces, _expansion_signature, _describe_expansion)
    places = _places(surfaces)
    _by_signature(groups, surfaces, _org_signature(places),
                  lambda a, b, sig: f"{a.name} ~ {b.name}: head-noun variant ({sig[1]} of {sig[0]})")
    _acronym_initials(groups, surfaces)
    _person_containment(groups, surfaces)
    _close_spellings(groups, surfaces)
    _qualified_tails(groups, surfaces, places)
    _article_links(groups, surfaces, links)
    _person_containment(groups, surfaces)  # again: links may have joined the full names a surname matched
    return _collect(groups, surfaces)


def _collect(groups: _Groups, surfaces: dict[str, _Surface]) -> tuple[CanonicalEntity, ...]:
    members: dict[str, list[_Surface]] = defaultdict(list)
    for k in sorted(surfaces):
        members[groups.find(k)].append(surfaces[k])
    out = []
    for root, group in members.items():
        best = max(group, key=_name_rank)
        labels: Counter = Counter()
        for s in group:
            labels.update(s.labels)
        label = _group_label(labels)
        aliases = tuple(sorted({f for s in group for f in s.forms}, key=lambda f: (f.casefold(), f)))
        out.append((sum(s.count for s in group),
                    CanonicalEntity(name=best.name, type=label, aliases=aliases, reasons=tuple(groups.reasons[root]))))
    out.sort(key=lambda item: (-item[0], item[1].name.casefold()))
    return tuple(entity for _, entity in out)


ROLE_WORDS = HONORIFICS | frozenset("""
comedian actor actress singer coroner referee kicker cornerback quarterback linebacker receiver fullback
lawyer attorney professor chief chancellor minister senator governor mayor councilman councilwoman
spokesman spokeswoman
""".split())


def _name_rank(s: _Surface):
    demonym = s.key in DEMONYMS
    people = s.family == "person" and len(s.name.split()) > 1
    titled = s.family == "person" and any(w.casefold().strip(".") in ROLE_WORDS for w in s.name.split()[:-1])
    return (not demonym, people, not titled, is_proper(s.name), s.count, len(s.name), s.name)


def _group_label(labels: Counter) -> str:
    ranked = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))
    if "GPE" in labels and ranked[0][0] in ("NORP", "PRODUCT", "LANGUAGE", "PERSON"):
        return "GPE"
    return ranked[0][0]


def alias_map(entities: Iterable[CanonicalEntity]) -> dict[str, str]:
    """Casefolded surface form -> canonical name."""
    mapping: dict[str, str] = {}
    for ent in entities:
        for alias in (ent.name, *ent.aliases):
            mapping.setdefault(key(alias), ent.name)
    return mapping


def lookup(mapping: Mapping[str, str], text: str) -> str:
    """Canonical name of a surface form (its cleaned self when unknown)."""
    return mapping.get(key(text), clean_name(text))


_APPOSITION_GAP = re.compile(r"^\s*(?:,\s*(?:the\s+|its\s+)?|\s*\(\s*)$")
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s*$")
_LIST_AFTER = re.compile(r"^[,)]\s*(?:and\b|or\b|&|[A-Z0-9\"“'`])")


def _apposition(text: str, a: Entity, b: Entity, prev: Entity | None) -> bool:
    """``b`` renames ``a``: "X, the Y," or "X (Y)" between organisations, not an item of a list ("A, B, C")."""
    gap = text[a.end:b.start]
    if len(gap) > 8 or not _APPOSITION_GAP.match(gap):
        return False
    if FAMILY.get(a.label) != "org" or FAMILY.get(b.label) != "org":
        return False  # two people side by side are two people (a list, or an actor and a role)
    closer = ")" if "(" in gap else ","
    after = text[b.end:b.end + 6]
    if not after.startswith(closer) or closer == "," and _LIST_AFTER.match(after):
        return False
    if prev is not None and prev.end >= a.start - 6 and _LIST_BEFORE.search(text[prev.end:a.start]):
        return False  # "..., A, B," continues a list
    if closer == "," and not re.search(r"\b(?:the|its)\s*$", gap):
        return _acronym_of(a.text, b.text) or _acronym_of(b.text, a.text)
    return True


def _acronym_of(acronym: str, name: str) -> bool:
    bare = clean_name(acronym).replace(".", "")
    return is_acronym(bare) and not is_acronym(clean_name(name)) and initials(clean_name(name)) == bare


def apposition_links(text: str, entities: Sequence[Entity]) -> list[tuple[str, str, str]]:
    """Pairs named by apposition in ``text``: "X, the Y," / "X (Y)" between organisations (lists excluded)."""
    links = []
    ents = sorted(entities, key=lambda e: e.start)
    for k, (a, b) in enumerate(zip(ents, ents[1:])):
        if _apposition(text, a, b, ents[k - 1] if k else None):
            links.append((a.text, b.text, f"apposition in the text: '{text[a.start:b.end + 1]}'"))
    return links
