"""Negation and modality markers of a sentence, found by word patterns.

``markers(text)`` returns (negated, modality kinds, marker spans). Kinds: reported (reportedly, early reports
suggest, it was reported), claimed (claimed, alleged), denied (denied, rejected), belief (believed, thinks),
possible (could, may, might, possibly), likely (likely, probably), appearance (appears, seems), future
(will, would), conditional (if, unless), question (ends with "?").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Sentence

_NEGATION = re.compile(
    r"\b(?:not|never|no(?!\.\s*\d)|none|nobody|nothing|neither|nor|without|cannot|"
    r"denie[sd]|deny(?:ing)?|refused|refuses|"
    r"(?:do|does|did|is|was|are|were|has|have|had|could|would|should|ca|wo|must)n['’]t)\b",
    re.I,
)
_KINDS: tuple[tuple[str, str], ...] = (
    ("reported", r"reportedly|(?:early |initial |media |unconfirmed )?reports? (?:suggest|say|said|indicate)s?"
                 r"|it (?:was|has been|is) reported|according to (?:media )?reports|were reported|was reported"),
    ("claimed", r"claim(?:s|ed|ing)?|alleged(?:ly)?|purported(?:ly)?|assert(?:s|ed)"),
    ("denied", r"denie[sd]|deny(?:ing)?|rejected|dismissed"),
    ("belief", r"believe[sd]?|thinks?|thought|suspect(?:s|ed)?|assumed|presumably"),
    ("possible", r"could|may|might|possibl[ey]|perhaps|potentially"),
    ("likely", r"likely|probabl[ey]|expected to"),
    ("appearance", r"appears?|appeared|seem(?:s|ed)?|apparent(?:ly)?"),
    ("future", r"will|would|plans? to|going to"),
    ("conditional", r"if|unless"),
)
_KIND_RE = [(kind, re.compile(rf"\b(?:{pattern})\b", re.I)) for kind, pattern in _KINDS]


@dataclass(frozen=True)
class Marker:
    kind: str  # negation or one of the modality kinds
    start: int  # offsets within the analysed text
    end: int
    text: str


def find_markers(text: str) -> tuple[Marker, ...]:
    """Every negation and modality cue in ``text``, in order of position."""
    found = [Marker("negation", m.start(), m.end(), m.group(0)) for m in _NEGATION.finditer(text)]
    for kind, pattern in _KIND_RE:
        found.extend(Marker(kind, m.start(), m.end(), m.group(0)) for m in pattern.finditer(text))
    if text.rstrip(" \"”’')").endswith("?"):
        end = len(text.rstrip())
        found.append(Marker("question", end - 1, end, text[end - 1:end]))
    return tuple(sorted(found, key=lambda m: (m.start, m.end, m.kind)))


def markers(text: str) -> tuple[bool, tuple[str, ...]]:
    """(negated, modality kinds in a stable order) for one sentence."""
    found = find_markers(text)
    negated = any(m.kind == "negation" for m in found)
    order = [kind for kind, _ in _KINDS] + ["question"]
    kinds = {m.kind for m in found if m.kind != "negation"}
    return negated, tuple(k for k in order if k in kinds)


def mark_sentences(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The sentences with ``negated`` and ``modality`` filled in."""
    out = []
    for s in sentences:
        negated, kinds = markers(s.text)
        out.append(replace(s, negated=negated, modality=kinds))
    return tuple(out)
