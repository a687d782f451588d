"""A sentence as a claim whose slots come from the normaliser's own extractors, as `compare` builds them
(shared by the conflict-rule tests that measure the production path, not the regex stand-ins of verdict.slots)."""
from __future__ import annotations

from datetime import datetime

from newsweave.models import Claim, Entity, content_hash
from newsweave.normalize.ages import extract_ages
from newsweave.normalize.entities import extract_entities
from newsweave.normalize.quantities import extract_quantities
from newsweave.normalize.times import extract_times
from newsweave.compare.verdict.entities import entity_conflicts
from newsweave.compare.verdict.numbers import number_conflicts

REF = datetime(2004, 6, 1)


def claim(text: str, outlet: str, ref: datetime = REF) -> Claim:
    """``ref`` is the publication time relative dates and ages resolve against."""
    return Claim(id=content_hash(outlet, text), article=outlet, outlet=outlet, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text, attributed_to=outlet,
                 entities=extract_entities(text), times=extract_times(text, ref),
                 quantities=extract_quantities(text), ages=extract_ages(text, ref))


def entity_pair(a: str, b: str) -> list:
    """Entity conflicts between sentence ``a`` of outlet A and sentence ``b`` of outlet B."""
    return entity_conflicts(claim(a, "A"), claim(b, "B"))


def number_pair(a: str, b: str) -> list:
    """Number conflicts between sentence ``a`` of outlet A and sentence ``b`` of outlet B."""
    return number_conflicts(claim(a, "A"), claim(b, "B"))


def value_pairs(found) -> set[tuple[str, str]]:
    """The (A value, B value) of each conflict."""
    return {(c.a["value"], c.b["value"]) for c in found}


def tagged(text: str, outlet: str, *spans: tuple[str, str]) -> Claim:
    """A claim whose entities are the given (text, label) spans, as the tagger sometimes types them."""
    entities = tuple(Entity(text.index(s), text.index(s) + len(s), s, label, canonical=s) for s, label in spans)
    return Claim(id=content_hash(outlet, text), article=outlet, outlet=outlet, sentence=0, start=0, end=len(text),
                 text=text, clause_start=0, clause_end=len(text), clause=text, attributed_to=outlet, entities=entities)
