"""Small immutable records that flow through the pipeline.

ingest -> Article; normalize -> Annotations; claims -> Claim; align/verdict -> Fact; cluster -> Story;
compare -> Dossier.  Every record converts to and from plain dicts (``to_dict``/``from_dict``) so the store,
the JSON output and the web app share one shape.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Mapping


def content_hash(*parts: str, length: int = 16) -> str:
    """Stable id from content: sha256 of the parts joined by NUL, hex, truncated."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


class Record:
    """Mixin: dict round-trip for frozen dataclasses (nested records and tuples included)."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]):
        names = {f.name: f for f in dataclasses.fields(cls)}
        kwargs = {}
        for key, value in data.items():
            if key not in names:
                continue
            kwargs[key] = _revive(cls, key, value)
        return cls(**kwargs)


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


_NESTED: dict[tuple[str, str], type] = {}


def _revive(cls: type, key: str, value: Any) -> Any:
    nested = _NESTED.get((cls.__name__, key))
    if nested is not None and isinstance(value, list):
        return tuple(nested.from_dict(v) if isinstance(v, Mapping) else v for v in value)
    if nested is not None and isinstance(value, Mapping):
        return nested.from_dict(value)
    if isinstance(value, list):
        return tuple(tuple(v) if isinstance(v, list) else v for v in value)
    return value


def _nest(owner: str, **fields: type) -> None:
    for key, kind in fields.items():
        _NESTED[(owner, key)] = kind


# --------------------------------------------------------------------------- ingest

@dataclass(frozen=True)
class Segment(Record):
    """A run of cleaned text copied from the original: cleaned[clean:clean+length] == original[orig:orig+length]."""

    clean: int
    orig: int
    length: int


@dataclass(frozen=True)
class Article(Record):
    """One news report as ingested: original text, cleaned text and the map between them, and metadata."""

    id: str
    outlet: str
    title: str
    text: str
    original: str = ""
    segments: tuple[Segment, ...] = ()
    published: str | None = None
    language: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None
    source_format: str = "text"
    inferred: tuple[str, ...] = ()
    summary_only: bool = False
    copy_of: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def original_offset(self, clean_offset: int) -> int:
        """Map an offset in the cleaned text back to the original text."""
        for seg in self.segments:
            if seg.clean <= clean_offset <= seg.clean + seg.length:
                return seg.orig + (clean_offset - seg.clean)
        return clean_offset if not self.segments else self.segments[-1].orig + self.segments[-1].length


_nest("Article", segments=Segment)


def article_id(text: str, outlet: str) -> str:
    """Article identity: hash of whitespace-normalised cleaned text plus outlet."""
    norm = " ".join(text.split()).casefold()
    return content_hash(norm, (outlet or "").strip().casefold())


# --------------------------------------------------------------------------- normalize

@dataclass(frozen=True)
class Sentence(Record):
    index: int
    start: int
    end: int
    text: str
    is_headline: bool = False
    negated: bool = False
    modality: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity(Record):
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC, EVENT, ...
    canonical: str = ""  # canonical name within the article (story-level merge may refine it)
    sentence: int = -1
    base: str = ""  # the base form of an inflected mention ("Зеленського" -> "Зеленський"); "" when as written
    link: str = ""  # the cross-language id, the entity's English name ("Volodymyr Zelensky"); "" when not linked


@dataclass(frozen=True)
class TimeExpr(Record):
    start: int
    end: int
    text: str
    begin: str | None  # ISO date/datetime, inclusive; None when unresolved
    until: str | None  # ISO date/datetime, exclusive end of the interval; None when open
    granularity: str  # minute, hour, day, week, month, season, quarter, year, decade, part-of-year, ...
    resolved: bool = True
    note: str = ""
    sentence: int = -1


@dataclass(frozen=True)
class Quantity(Record):
    start: int
    end: int
    text: str
    low: float | None
    high: float | None
    qualifier: str  # exact, at_least, more_than, about, up_to, less_than, some, dozens, hundreds, ...
    unit: str = ""  # "", percent, USD, km, hours, ...
    counted: str = ""  # what is counted: "North Korean troops", "killed or wounded"
    sentence: int = -1


@dataclass(frozen=True)
class AgeFact(Record):
    """An age or a birth year, as an interval of possible birth years of a person."""

    start: int
    end: int
    text: str
    kind: str  # age | birth_year
    value: int
    birth_low: int | None
    birth_high: int | None
    person: str = ""
    sentence: int = -1


@dataclass(frozen=True)
class Attribution(Record):
    sentence: int
    speaker: str  # surface form, or the outlet when nothing explicit
    canonical: str = ""
    cue: str = ""
    direct: bool = False
    quote_start: int = -1
    quote_end: int = -1
    explicit: bool = True


@dataclass(frozen=True)
class Annotations(Record):
    article_id: str
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    ages: tuple[AgeFact, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    reference_time: str | None = None


_nest(
    "Annotations",
    sentences=Sentence,
    entities=Entity,
    times=TimeExpr,
    quantities=Quantity,
    ages=AgeFact,
    attributions=Attribution,
)


@dataclass(frozen=True)
class CanonicalEntity(Record):
    """A story-level entity with its aliases and the reason for every merge."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()


# --------------------------------------------------------------------------- claims, facts, dossier

@dataclass(frozen=True)
class Claim(Record):
    id: str
    article: str
    outlet: str
    sentence: int
    start: int  # sentence offsets in the cleaned text
    end: int
    text: str  # the source sentence exactly as in the cleaned text
    clause_start: int = -1
    clause_end: int = -1
    clause: str = ""
    attributed_to: str = ""
    quote: bool = False
    negated: bool = False
    modality: tuple[str, ...] = ()
    is_headline: bool = False
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    ages: tuple[AgeFact, ...] = ()
    reading: str = ""  # a list conjunct as a standalone statement, shared words restored (else "")
    language: str = ""  # the article's language (ISO 639-1), "" when unknown


_nest("Claim", entities=Entity, times=TimeExpr, quantities=Quantity, ages=AgeFact)


@dataclass(frozen=True)
class ArticleClaims(Record):
    """One article's claims as the comparison reads them, computed when the article is added (``compare.prepare``):
    the claims (before the story's entity merge), and the embeddings and spaCy parses of the texts the comparison
    reads of them, so a dossier need not compute them again. ``vectors``: float32 rows, one per text of
    ``embedded``, by the embedder named ``embedder``; ``parses``: a spaCy DocBin. ``stamp`` names the code and the
    annotations they were computed from."""

    article_id: str
    stamp: str
    claims: tuple[Claim, ...] = ()
    embedder: str = ""
    embedded: tuple[str, ...] = ()
    vectors: bytes = b""
    parses: bytes = b""


_nest("ArticleClaims", claims=Claim)


@dataclass(frozen=True)
class Conflict(Record):
    kind: str  # number | date | entity | polarity
    a: Mapping[str, Any]
    b: Mapping[str, Any]
    explanation: str


@dataclass(frozen=True)
class Slot(Record):
    """The one checkable slot a fact is about: an attribute of an event, and for counts what is counted."""

    key: str  # stable within the story: "<event>/<attribute>[/<counted>]"
    event: str  # "current" (the story's event) or the anchor of another event ("2003", "last year")
    attribute: str  # deaths, injured, magnitude, amount, age, ... (compare/claims/attributes.py)
    counted: str = ""  # what a count counts ("people sheltering"); "" when not a count or not said


@dataclass(frozen=True)
class Reading(Record):
    """One report of a slot's value: what was said, by whom (outlet and primary source), and when."""

    value: str  # as written ("at least 10")
    low: float | None
    high: float | None
    unit: str
    outlet: str
    source: str  # the primary source: the speaker the outlet relays, else the outlet
    time: str | None  # when it was reported (ISO): the publication time, refined by the text
    claim: str  # claim id
    kind: str = "report"  # report | revision (a source changing its own earlier figure)


@dataclass(frozen=True)
class Fact(Record):
    id: str
    status: str  # conflicting | updated | corroborated | single_source (the first that applies)
    explanation: str
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...] = ()
    partial: bool = False
    outlets: tuple[str, ...] = ()
    says_more: tuple[str, ...] = ()  # partial facts: the outlets whose claims say more than the others
    adds: tuple[tuple[str, str], ...] = ()  # partial facts: (claim id, what that claim adds)
    statuses: tuple[str, ...] = ()  # every status that applies, in precedence order
    slot: Slot | None = None
    background: bool = False  # about another time or event than the story's
    anchor: str = ""  # the words that anchor a background fact ("in December 2003")
    latest: Reading | None = None  # the value that stands now
    history: tuple[Reading, ...] = ()  # the slot's values in time order
    primary_sources: tuple[str, ...] = ()  # the distinct primary sources behind the claims


_nest("Fact", claims=Claim, conflicts=Conflict, slot=Slot, latest=Reading, history=Reading)


@dataclass(frozen=True)
class Story(Record):
    id: str
    title: str
    first: str | None
    last: str | None
    article_ids: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()
    entities: tuple[str, ...] = ()
    origin: str = "cluster"  # "cluster": found by the clusterer (recluster rebuilds it); "compare": a compare run
    related: tuple[str, ...] = ()  # ids of stories of the same thread (other events, shared participants), closest
    # first: linked, not merged
