"""Claims and conflicts for the verdict tests.

``claim`` builds a sentence as a claim whose slots come from the normaliser's own extractors, as `compare` builds
them; ``slot_claim`` fills the slots with the regex stand-ins of ``compare.claims.slots``; ``bare_claim`` and
``tagged`` give no slots but the entities named.  The ``*_pair`` helpers run one rule on sentence ``a`` of outlet
A and sentence ``b`` of outlet B.
"""
from __future__ import annotations

from datetime import date, datetime

from newsweave.models import Claim, Entity, content_hash
from newsweave.normalize.ages import extract_ages
from newsweave.normalize.entities import extract_entities
from newsweave.normalize.quantities import extract_quantities
from newsweave.normalize.times import extract_times
from newsweave.compare.verdict.entities import entity_conflicts
from newsweave.compare.verdict.numbers import number_conflicts

REF = datetime(2004, 6, 1)  # the publication time of the MSRP sentences (bench/conflicts.py)
STORY_REF = datetime(2012, 1, 1)  # the publication date bench/story_conflicts.py gives ECB+ articles


def claim(text: str, outlet: str, ref: datetime = REF, *, speaker: str | None = None,
          headline: bool = False) -> Claim:
    """``ref`` is the publication time relative dates and ages resolve against; the claim is attributed to
    ``speaker`` (default: the outlet)."""
    return Claim(id=content_hash(outlet, text), article=outlet, outlet=outlet, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text,
                 attributed_to=outlet if speaker is None else speaker, is_headline=headline,
                 entities=extract_entities(text), times=extract_times(text, ref),
                 quantities=extract_quantities(text), ages=extract_ages(text, ref))


def slot_claim(text: str, outlet: str = "A", who: str = "", *, ref: date, entities=None, times=(),
               negated: bool = False) -> Claim:
    """A claim whose slots come from the regex stand-ins of ``compare.claims.slots`` (``entities`` and ``times``
    replace the found ones when given), attributed to ``who`` (default: the outlet)."""
    from newsweave.compare.claims import slots

    ents = slots.entities(text) if entities is None else tuple(entities)
    return Claim(id=content_hash(outlet, text), article=outlet, outlet=outlet, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text, attributed_to=who or outlet,
                 negated=negated, entities=ents, times=tuple(times) or slots.times(text, ref),
                 quantities=slots.quantities(text), ages=slots.ages(text, ref))


def bare_claim(text: str, outlet: str, *entities: Entity) -> Claim:
    """A claim with no slots but the entities given."""
    return Claim(id=content_hash(outlet, text), article=outlet, outlet=outlet, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text, attributed_to=outlet,
                 entities=tuple(entities))


def ent(text: str, surface: str, label: str) -> Entity:
    """The entity ``surface`` (its first occurrence in ``text``) with the tagger's ``label``."""
    start = text.index(surface)
    return Entity(start, start + len(surface), surface, label, canonical=surface)


def tagged(text: str, outlet: str, *spans: tuple[str, str]) -> Claim:
    """A claim whose entities are the given (text, label) spans, as the tagger sometimes types them."""
    return bare_claim(text, outlet, *(ent(text, s, label) for s, label in spans))


# --------------------------------------------------------------------------- conflicts between two sentences

def entity_pair(a: str, b: str) -> list:
    """Entity conflicts between sentence ``a`` of outlet A and sentence ``b`` of outlet B."""
    return entity_conflicts(claim(a, "A"), claim(b, "B"))


def number_pair(a: str, b: str) -> list:
    """Number conflicts between sentence ``a`` of outlet A and sentence ``b`` of outlet B."""
    return number_conflicts(claim(a, "A"), claim(b, "B"))


def polarity_flagged(a: str, b: str) -> bool:
    """Whether the polarity rule sets sentence ``a`` of outlet A against sentence ``b`` of outlet B."""
    from newsweave.compare.verdict.polarity import polarity_conflicts

    return bool(polarity_conflicts(claim(a, "A"), claim(b, "B")))


def conflicts_found(a: str, b: str, ref: datetime = REF) -> list[tuple[str, str, str]]:
    """(kind, A value, B value) of each conflict all rules find between sentence ``a`` of outlet A and ``b`` of B."""
    from newsweave.compare.verdict import rules

    return [(c.kind, c.a["value"], c.b["value"]) for c in rules.conflicts(claim(a, "A", ref), claim(b, "B", ref))]


def conflict_kinds(a: str, b: str, ref: datetime = REF) -> list[str]:
    """The kinds of conflict all rules find between sentence ``a`` of outlet A and ``b`` of B, sorted, each once."""
    return sorted({kind for kind, _, _ in conflicts_found(a, b, ref)})


def value_pairs(found) -> set[tuple[str, str]]:
    """The (A value, B value) of each conflict."""
    return {(c.a["value"], c.b["value"]) for c in found}
