"""Page furniture out, map kept: the cleaned text is built from slices of the original text.

Removed: a dateline alone on its line (returned, so it can give the publication time), a repeated headline,
a teaser/lede block whose text reappears below it, promotional footers and share/subscribe lines. A paywall
stub raises PaywallError. ``Cleaned.segments`` maps cleaned offsets back to the original:
``text[s.clean:s.clean+s.length] == original[s.orig:s.orig+s.length]``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import PaywallError
from ..models import Segment

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_TIME = r"(?:\s*(?:[-–—,|•·@]|at)?\s*(?P<time>\d{1,2}:\d{2})(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?"
DATELINE = re.compile(
    r"^\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:"
    rf"(?P<mon>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<mon2>{_MONTH}),?\s+(?P<year2>\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"){_TIME}\s*(?:(?:UTC|GMT|EET|EEST|CET|CEST|[A-Z]{{2,4}}T))?\s*$",
    re.I,
)
_FURNITURE = re.compile(
    r"^\s*(?:"
    r"support\s+\w+(?:\s+\w+)?\s+or\s+become\s+our\s+patron!?"
    r"|(?:please\s+)?(?:support|donate\s+to)\s+(?:our|independent)\s+journalism.{0,60}"
    r"|(?:share|tweet|email|print)(?:\s+(?:this|the))?(?:\s+(?:article|story|page|post))?"
    r"(?:\s+(?:on|via)\s+\w+)?[\s:|]*(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|email|reddit)[\s,|]*)*"
    r"|(?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\s+\w+(?:\s+\w+)?(?:\s+newsletters?)?.{0,60}"
    r"|follow\s+(?:us|\w+)\s+on\s+(?:facebook|twitter|x|telegram|instagram|google\s+news|whatsapp).{0,40}"
    r"|(?:advertisement|advertising|sponsored(?:\s+content)?|read\s+more|related(?:\s+articles?)?|most\s+read)[:.]?"
    r"|(?:click|tap)\s+here\s+to\s+.{0,60}"
    r")\s*$",
    re.I,
)
_PAYWALL = re.compile(
    r"subscribe\s+(?:now\s+)?to\s+(?:continue\s+)?read|subscribers?\s+only|for\s+subscribers|"
    r"already\s+a\s+subscriber|to\s+continue\s+reading|this\s+(?:article|content)\s+is\s+(?:available\s+)?"
    r"(?:exclusively\s+)?(?:for|to)\s+(?:paying\s+)?(?:subscribers|members)|create\s+a\s+free\s+account\s+to\s+read",
    re.I,
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})
_LEDE_WINDOW = 8  # only the top of a page carries teaser blocks
_MIN_LEDE = 60
_PAYWALL_WORDS = 150


@dataclass(frozen=True)
class Cleaned:
    text: str
    segments: tuple[Segment, ...]
    dateline: str | None = None


def clean(original: str, source: str = "<text>") -> Cleaned:
    """Drop page furniture from ``original``; raise PaywallError for a paywall stub."""
    lines = _lines(original)
    dateline = next((original[s:e].strip() for s, e in lines if DATELINE.match(original[s:e])), None)
    kept = _drop_furniture(original, lines)
    if _is_paywall(original, lines, kept):
        raise PaywallError(source, "paywall stub, not an article")
    text, segments = _assemble(original, kept)
    return Cleaned(text, segments, dateline)


def key(text: str) -> str:
    """Comparison form of a line: quotes and dashes unified, whitespace collapsed, casefolded."""
    return " ".join(text.translate(_QUOTES).split()).casefold()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace excluded."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _drop_furniture(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    keys = [key(text[s:e]) for s, e in lines]
    kept: list[tuple[int, int]] = []
    seen: set[str] = set()
    for i, (span, k) in enumerate(zip(lines, keys)):
        if DATELINE.match(text[span[0]:span[1]]) or _FURNITURE.match(k) or k in seen:
            continue
        if i < _LEDE_WINDOW and i > 0 and _repeated_below(k, keys[i + 1:]):
            continue
        seen.add(k)
        kept.append(span)
    return kept


def _repeated_below(k: str, below: list[str]) -> bool:
    """A teaser block: its text reappears further down (possibly split over several paragraphs)."""
    return len(k) >= _MIN_LEDE and k in " ".join(below[:_LEDE_WINDOW * 4])


def _is_paywall(text: str, lines: list[tuple[int, int]], kept: list[tuple[int, int]]) -> bool:
    words = sum(len(text[s:e].split()) for s, e in kept)
    return words < _PAYWALL_WORDS and any(_PAYWALL.search(text[s:e]) for s, e in lines)


def _assemble(text: str, kept: list[tuple[int, int]]) -> tuple[str, tuple[Segment, ...]]:
    """Join kept lines; a gap left by dropped lines becomes a blank line, otherwise original spacing stays."""
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for index, (start, end) in enumerate(kept):
        prev_end = kept[index - 1][1] if index else None
        if prev_end is not None and not text[prev_end:start].strip():
            gap = text[prev_end:start]
            last = segments[-1]
            segments[-1] = Segment(last.clean, last.orig, last.length + len(gap) + end - start)
            parts.append(text[prev_end:end])
            pos += len(gap) + end - start
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        segments.append(Segment(pos, start, end - start))
        parts.append(text[start:end])
        pos += end - start
    return "".join(parts), tuple(segments)
