"""Claims: one per clause that asserts something checkable, with its sentence, speaker and structured slots."""
from __future__ import annotations

import re
from typing import Iterable, Sequence, TypeVar

from ...models import (
    AgeFact, Annotations, Article, Attribution, Claim, Entity, Quantity, Sentence, TimeExpr, content_hash,
)
from .clauses import Part, clause_parts, is_quote

T = TypeVar("T", Entity, TimeExpr, Quantity, AgeFact)

# Main-verb negation: "do not speak", "was never", "didn't", "denied". Contrastive "not to join" is not polarity.
NEGATION = re.compile(
    r"\b(?:never|no longer|denied|denies|deny|rejected|refused|declined to|nobody|nothing|none|nor|neither|without|"
    r"fail(?:ed|s|ing)? to|(?:do|does|did|is|was|are|were|has|have|had|ca|wo|could|would|should)nt)\b|\b\w+n\s?[’']t\b|\bcan\s?not\b"
    r"|\bnot\b(?!\s+(?:to|only|just|least|yet|far|long|until)\b)|\bno\b(?!\s+(?:doubt|one|matter|less|more)\b)",
    re.I)
MODAL = re.compile(r"\b(may|might|could|would|reportedly|allegedly|believed|suggest(?:s|ed)?|likely|possibly|"
                   r"appear(?:s|ed)? to|expected to)\b", re.I)
_CHECKABLE = re.compile(r"[A-Za-z]{3,}")
_CHECKABLE_ANY = re.compile(r"[^\W\d_]{3,}")  # words of any script, for articles in other languages
_FURNITURE = re.compile(
    r"^(?:source|quote|details|background|photo|video|read more|support .* patron|advertisement|share|"
    r"[A-Z][a-z]{2} \d{1,2}, \d{4}(?: - \d{1,2}:\d{2})?)\b[:!]?", re.I)


def extract_claims(article: Article, annotations: Annotations) -> tuple[Claim, ...]:
    """Claims of one article, in text order; ids are content hashes (article, clause offsets, clause)."""
    speakers = {a.sentence: a for a in annotations.attributions}
    headline_ids = _headline_sentences(article, annotations.sentences)
    in_english = english(article)  # clauses are split by an English parse
    claims: list[Claim] = []
    for sentence in annotations.sentences:
        if not _checkable(sentence.text, in_english) and not _states_an_age(sentence, annotations.ages):
            continue
        attribution = speakers.get(sentence.index)
        quoted = bool(attribution and attribution.direct) or is_quote(sentence.text)
        for part in clause_parts(sentence.text, split=in_english and not quoted):
            claims.append(_claim(article, annotations, sentence, _shift(part, sentence.start), attribution,
                                 sentence.index in headline_ids))
    return tuple(claims)


def english(article: Article) -> bool:
    return (article.language or "en") == "en"


def _checkable(text: str, english: bool = True) -> bool:
    words = (_CHECKABLE if english else _CHECKABLE_ANY).findall(text)
    if len(words) < 4:
        return False
    return not (_FURNITURE.match(text.strip()) and len(words) < 8)


def _states_an_age(sentence: Sentence, ages: Sequence[AgeFact]) -> bool:
    """A short sentence that gives someone's age ("He was 91.") is a checkable claim however few words it has."""
    return any(sentence.start <= a.start and a.end <= sentence.end for a in ages)


def _headline_sentences(article: Article, sentences: Sequence[Sentence]) -> set[int]:
    """Headline and lede: flagged by the normaliser, or the title line and the standfirst before the body."""
    flagged = {s.index for s in sentences if s.is_headline}
    ordered = sorted(sentences, key=lambda s: s.start)[:2]
    if flagged:
        return flagged | _standfirst(article, ordered, flagged)
    heads: set[int] = set()
    for position, s in enumerate(ordered):
        if _whole_line(article.text, s) and position == len(heads):
            heads.add(s.index)  # the title line, then a one-sentence standfirst paragraph
    return heads


def _standfirst(article: Article, ordered: Sequence[Sentence], flagged: set[int]) -> set[int]:
    """The lede: a one-sentence paragraph right after a flagged title line."""
    if len(ordered) == 2 and ordered[0].index in flagged and _whole_line(article.text, ordered[1]):
        return {ordered[1].index}
    return set()


def _whole_line(text: str, s: Sentence) -> bool:
    line_start = text.rfind("\n", 0, s.start) + 1
    line_end = text.find("\n", s.end)
    return text[line_start:line_end if line_end >= 0 else len(text)].strip() == s.text.strip()


def _shift(part: Part, offset: int) -> Part:
    return Part(part.start + offset, part.end + offset, part.reading,
                tuple((a + offset, b + offset) for a, b in part.segments))


def _claim(article: Article, ann: Annotations, sentence: Sentence, part: Part,
           attribution: Attribution | None, headline: bool) -> Claim:
    """One claim; a list conjunct keeps its contiguous clause span and carries its ``reading`` (the conjunct with
    the shared words restored), and its slots come from its own segments only."""
    start, end = part.start, part.end
    clause = article.text[start:end]
    said = part.reading or clause
    speaker, quote = _speaker(article, attribution, sentence)
    speaker = _clause_speaker(article, ann.entities, start, end) or speaker
    modality = tuple(sorted(set(sentence.modality) | {m.group(1).lower() for m in MODAL.finditer(said)}))
    hashed = (article.id, str(start), str(end), clause) + ((part.reading,) if part.reading else ())
    return Claim(
        id=content_hash(*hashed),
        article=article.id, outlet=article.outlet, sentence=sentence.index,
        start=sentence.start, end=sentence.end, text=article.text[sentence.start:sentence.end],
        clause_start=start, clause_end=end, clause=clause, attributed_to=speaker, quote=quote,
        negated=bool(NEGATION.search(said)) if english(article) else sentence.negated, modality=modality,
        is_headline=headline,
        entities=_within(ann.entities, part), times=_within(ann.times, part),
        quantities=_within(ann.quantities, part), ages=_within(ann.ages, part), reading=part.reading,
        language=article.language or "",
    )


def _within(items: Iterable[T], part: Part) -> tuple[T, ...]:
    return tuple(i for i in items if any(i.start >= a and i.end <= b for a, b in part.spans))


_REPORTING = re.compile(r"^(?:\s+(?P<noun>(?!(?:has|was|is|does|his|its|this|thus|as)\b)[a-z]+s))?(?:\s+(?:first|also|later|again|\w+ly))?\s+"
                        r"(?:said|says|wrote|writes|stated|states|told|added|claimed|announced|reported)\b")
_SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def _clause_speaker(article: Article, entities, start: int, end: int) -> str:
    """A speaker named inside the clause itself ("... and Zelensky said this week that ...")."""
    for e in entities:
        if start <= e.start and e.end <= end and e.label in _SPEAKER_LABELS:
            match = _REPORTING.match(article.text[e.end:min(end, e.end + 30)])
            if not match:
                continue
            if match.group("noun"):  # "Ukrainian troops first reported": the group, not the country
                return f"{e.text} {match.group('noun')}"
            return e.canonical or e.text
    return ""


def _speaker(article: Article, attribution: Attribution | None, sentence: Sentence) -> tuple[str, bool]:
    if attribution is None:
        return article.outlet, is_quote(sentence.text)
    name = attribution.canonical or attribution.speaker or article.outlet
    return name, bool(attribution.direct) or is_quote(sentence.text)
