"""Named entities of Ukrainian and Russian text: a tagger, a gazetteer and rules, each mention with its base
form and its cross-language id.

- The tagger is natasha's news NER (slovnet, MIT, weights shipped in the package; extra ``multilingual``): trained
  on Russian, it finds most Ukrainian names too but often types places as people.
- The gazetteer (``links``: the hand table, CLDR countries, GeoNames towns, oblasts) finds names the tagger missed
  and fixes its types; where a tagger span runs over a gazetteer name ("Великої Британії Домінік Рааб"), the name
  is split off and the rest keeps the tagger's type.
- Rules: capitalised Latin-script names inside Cyrillic text (BioNTech, Ryanair) and acronyms (ВООЗ, EMA) are
  organisations; later mentions of a name found once are found again by stem.
- Base form: the form the tables list, else a lemma (simplemma, MIT) checked against the mention's stem, with
  adjectives agreeing with their noun ("Курської області" -> "Курська область"); else the mention as written.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...errors import require
from .links import lookup, listed_form, span_key, stem_key
from .table import Table

TAGGER_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
MAX_CHARS = 200_000
_TOKEN = re.compile(r"[^\W_]+(?:[-’'ʼ.][^\W_]+)*")
_UPPER = re.compile(r"^[A-ZА-ЯЁЄІЇҐ]")
_CYRILLIC = re.compile(r"[а-яёєіїґ]", re.I)
_LATIN_NAME = re.compile(r"(?<![\w@/.])[A-Z][\w&.’'-]*(?:\s+(?:[A-Z0-9][\w&.’'-]*))*(?![\w@/])")
_ACRONYM = re.compile(r"(?<![\w-])[A-ZА-ЯЁЄІЇҐ]{2,6}(?![\w-])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_NOT_NAMES = frozenset("""
Нагадаємо Нагадаем Напомним Фото Відео Видео Читайте Читайте також Передрук Джерело Источник Також Также Вона Він
Вони Она Он Они Тим Тем Напередодні Накануне Раніше Ранее Крім Кроме Як Как При Під Під час Во время Однак Однако
""".split())
_SENTENCE_ADVERBS = frozenset("""
Водночас Відтак Тоді Проте Втім Зокрема Натомість Одночасно Пізніше Зараз Сьогодні Вчора Раніше Напередодні Також Тим
Однак Впрочем Тогда Позже Сейчас Сегодня Вчера Ранее Накануне Также Однако Между Кроме Уже Вже Зато Заодно
""".split())
_COMMON_ACRONYMS = frozenset("ЗМІ СМИ ВВП ПДВ НДС ДТП ЧП ТВ ІТ IT ПЛР ПЦР ЗАГС РАЦС ЖКГ ЖКХ ОК ТАКОЖ".split())
_STOP_LATIN = frozenset({"The", "A", "An", "In", "On", "Of", "And", "Or", "For", "To", "By", "At", "Covid", "COVID",
                         "RSS", "URL", "PDF", "HTML", "CEO", "FAQ"})


@lru_cache(maxsize=1)
def _tagger():
    natasha = require("natasha", "multilingual")
    embedding = natasha.NewsEmbedding()
    return natasha.Segmenter(), natasha.NewsNERTagger(embedding), natasha.Doc


def tagger_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the tagger's names."""
    segmenter, tagger, document = _tagger()
    doc = document(text[:MAX_CHARS])
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(s.start, s.stop, TAGGER_LABELS.get(s.type, s.type)) for s in doc.spans]


# --------------------------------------------------------------------------- spans

def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _joinable(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    return text[a[1]:b[0]] in (" ", "\u00a0", "-")


def gazetteer_spans(text: str, max_words: int = 5) -> list[tuple[int, int, str, str]]:
    """Longest known names starting at capitalised words (and acronyms): (start, end, label, source)."""
    tokens = _tokens(text)
    out, i = [], 0
    while i < len(tokens):
        start, end = tokens[i]
        if not _UPPER.match(text[start:end]):
            i += 1
            continue
        found = None
        for n in range(min(max_words, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            if n > 1 and not all(_joinable(text, tokens[k], tokens[k + 1]) for k in range(i, i + n - 1)):
                continue
            known = lookup(text[start:last[1]])
            if known is not None and (known.source != "town" or _town_mention(text, start, last[1])):
                found = (start, last[1], known.label, known.source, n)
                break
        if found:
            out.append(found[:4])
            i += found[4]
        else:
            i += 1
    return out


def _town_mention(text: str, start: int, end: int) -> bool:
    """A GeoNames town name is taken alone only inside a sentence and when it is no short or all-capital word
    (many towns share their name with a word or a given name: "По", "Так", "Давид")."""
    word = text[start:end]
    return not _opens_sentence(text, start) and len(word) >= 4 and not word.isupper() and not _common_word(word)


def _opens_sentence(text: str, start: int) -> bool:
    return start == 0 or bool(re.search(r"(?:[.!?:«»\"“„(–—-]\s*|\n\s*)$", text[max(0, start - 3):start]))


def _common_word(word: str) -> bool:
    """A capitalised word the lemmatiser knows as a lower-case word ("Наші", "Українські"): capitalised only
    because it opens a sentence or a quote."""
    try:
        import simplemma
    except ImportError:
        return False
    lang = "uk" if re.search(r"[ієїґ]", word, re.I) else "ru"
    lemma = simplemma.lemmatize(word, lang=lang)
    return lemma.islower() and lemma != word.lower() or lemma == word.lower() and simplemma.is_known(word.lower(), lang=lang)


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _leftovers(text: str, span: tuple[int, int, str], known: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The parts of a tagger span outside the gazetteer names inside it that still hold a capitalised name."""
    pieces, cursor = [], span[0]
    for k in sorted(k for k in known if _overlaps(k, span)):
        pieces.append((cursor, max(cursor, k[0])))
        cursor = max(cursor, k[1])
    pieces.append((cursor, span[1]))
    out = []
    for s, e in pieces:
        words = [(a, b) for a, b in _tokens(text[s:e])]
        if not words:
            continue
        s2, e2 = s + words[0][0], s + words[-1][1]
        if _UPPER.match(text[s2:e2]) and e2 - s2 > 1:
            out.append((s2, e2, span[2]))
    return out


def _latin_names(text: str) -> list[tuple[int, int, str]]:
    if not _CYRILLIC.search(text):
        return []
    out = []
    for m in _LATIN_NAME.finditer(text):
        name = m.group(0).rstrip(".’'-")
        if name in _STOP_LATIN or len(name) < 2 or _ROMAN.match(name) or re.search(r"\d", name):
            continue
        out.append((m.start(), m.start() + len(name), "ORG"))
    for m in _SLASHED_NAMES.finditer(text):  # "Pfizer/BioNTech": two names
        out += [(m.start(1), m.end(1), "ORG"), (m.start(2), m.end(2), "ORG")]
    return out


_SLASHED_NAMES = re.compile(r"(?<![\w@/.:])([A-Z][\w&’'-]+)/([A-Z][\w&’'-]+)(?![\w@/.])")


def _acronyms(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _ACRONYM.finditer(text):
        word = m.group(0)
        window = text[max(0, m.start() - 40):m.end() + 40]
        if _ROMAN.match(word) or word in _COMMON_ACRONYMS or sum(ch.islower() for ch in window) < 10:
            continue
        out.append((m.start(), m.end(), "ORG"))
    return out


_GLOSS = re.compile(r"\s*\(([^()]+)\)$")


def _glossed(text: str, span: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """A name with its original spelling or acronym in brackets ("Хубертус Хайль (Hubertus Heil)",
    "Всемирной организации здравоохранения (ВОЗ)"): the name and the bracketed form, two mentions."""
    s, e, label = span
    m = _GLOSS.search(text, s, e)
    if not m or m.start() == s:
        return [span]
    return [(s, m.start(), label), (m.start(1), m.end(1), label)]


def _tidy(text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    """A span cut at a line break, without a leading sentence adverb the tagger took in ("Водночас Мей")."""
    s, e, label = span
    cut = text.find("\n", s, e)
    if cut >= 0:
        e = cut
        while e > s and text[e - 1] in " \t,.;:":
            e -= 1
    first = _TOKEN.match(text, s)
    if first and first.end() < e and text[first.end()] == " " and first.group(0) in _SENTENCE_ADVERBS:
        s = first.end() + 1
    return _strip_quotes(text, (s, e, label))


def _keep(text: str, span: tuple[int, int, str]) -> bool:
    name = text[span[0]:span[1]]
    if not name or name in _NOT_NAMES or not any(ch.isalpha() for ch in name) or name.islower():
        return False
    return " " in name or name.isupper() or not _opens_sentence(text, span[0]) or not _common_word(name)


def _strip_quotes(text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    s, e, label = span
    while s < e and text[s] in "«»\"“”„'’ ":
        s += 1
    while e > s and text[e - 1] in "«»\"“”„'’ .,":
        e -= 1
    return s, e, label


def _first_fit(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans in order of priority, each kept unless it overlaps one kept before it."""
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if span[1] > span[0] and not any(_overlaps(span, k) for k in kept):
            kept.append(span)
    return kept


def _propagate(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Other mentions (any case form) of the names already found."""
    keys = {}
    for s, e, label in spans:
        key = span_key(text[s:e])
        if key and len("".join(key)) >= 3:
            keys.setdefault(key, label)
    if not keys:
        return []
    longest = max(len(k) for k in keys)
    tokens = _tokens(text)
    out = []
    for i, (start, _) in enumerate(tokens):
        if not _UPPER.match(text[start:start + 1]):
            continue
        for n in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(stem_key(text[a:b]) for a, b in tokens[i:i + n])
            if key in keys and all(_joinable(text, tokens[k], tokens[k + 1]) for k in range(i, i + n - 1)):
                out.append((start, tokens[i + n - 1][1], keys[key]))
                break
    return out


def entity_spans(text: str, use_tagger: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, label) of the names in a Ukrainian or Russian text, in text order."""
    found = gazetteer_spans(text)
    known = [s for s in found if s[3] != "town"]
    towns = [s[:3] for s in found if s[3] == "town"]
    known = [s[:3] for s in known]
    tagged: list[tuple[int, int, str]] = []
    if use_tagger:
        for span in tagger_spans(text):
            span = _strip_quotes(text, span)
            inside = [k for k in known if _overlaps(span, k)]
            if inside and all(k[2] == span[2] and span[0] <= k[0] and k[1] <= span[1] for k in inside):
                known = [k for k in known if k not in inside]  # "Мішель Барньє": a full name over a known surname
                inside = []
            tagged.extend(_leftovers(text, span, inside) if inside else [span])
    spans = _first_fit(known + tagged + towns + _latin_names(text) + _acronyms(text))
    spans = [_tidy(text, part) for s in spans for part in _glossed(text, s)]
    spans = _first_fit(spans + _propagate(text, spans))
    return sorted(s for s in spans if _keep(text, s))


# --------------------------------------------------------------------------- base forms

_ADJECTIVE = re.compile(r"(?:ий|ій|ый|ой)$")
_FEMININE_NOUN = re.compile(r"(?:а|я|ь|сть)$")
_VERB = re.compile(r"(?:ти|ть|тися|ться|чь)$")


def base_form(text: str, language: str) -> str:
    """The mention's nominative: the listed form, else lemmas that keep the mention's stem, adjectives agreeing."""
    listed = listed_form(text)
    if listed:
        return listed
    words = text.split()
    lemmas = [_lemma(w, language) for w in words]
    head = lemmas[-1] if lemmas else ""
    out = [_agree(lemma, head, language) if lemma is not head and _ADJECTIVE.search(lemma) else lemma
           for lemma in lemmas]
    return " ".join(out)


def _lemma(word: str, language: str) -> str:
    try:
        import simplemma
    except ImportError:
        return word
    lemma = simplemma.lemmatize(word, lang=language)
    if not lemma or _VERB.search(lemma) or stem_key(lemma)[:3] != stem_key(word)[:3]:
        return word
    if word[:1].isupper():
        lemma = lemma[:1].upper() + lemma[1:]
    return word if word.isupper() else lemma


def _agree(adjective: str, noun: str, language: str) -> str:
    """A masculine adjective lemma put in the noun's gender ("Курський" + "область" -> "Курська")."""
    stem = adjective[:-2]
    if _FEMININE_NOUN.search(noun.lower()) and not noun.lower().endswith(("ий", "ій")):
        return stem + ("а" if language == "uk" else "ая")
    if noun.lower().endswith(("о", "е")):
        return stem + ("е" if language == "uk" else "ое")
    return adjective


def spans_with_forms(text: str, table: Table, use_tagger: bool = True) -> list[tuple[int, int, str, str]]:
    """(start, end, label, base form) of the names of ``text``."""
    return [(s, e, label, base_form(text[s:e], table.code)) for s, e, label in entity_spans(text, use_tagger)]
