"""The dossier of a story as records and as the JSON contract ``newsweave.dossier/2`` (docs/dossier.md)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ..models import Article, CanonicalEntity, Claim, Fact, Reading
from .claims.attributes import KEYED
from .verdict.verdict import CONFLICTING, CORROBORATED, PRECEDENCE, SINGLE, UPDATED

SCHEMA = "newsweave.dossier/2"
STATUS_ORDER = {status: n for n, status in enumerate(PRECEDENCE)}


@dataclass(frozen=True)
class StoryDossier:
    id: str
    title: str
    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]
    entities: tuple[CanonicalEntity, ...] = ()
    outlets: tuple[Mapping[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title,
            "articles": [_article_dict(a) for a in self.articles],
            "facts": [_fact_dict(f) for f in self.facts],
            "entities": [{"name": e.name, "type": e.type, "aliases": list(e.aliases)} for e in self.entities],
            "outlets": [dict(o) for o in self.outlets],
            "counts": _counts(self.facts),
            "key_facts": key_facts(self.facts),
        }


@dataclass(frozen=True)
class Dossier:
    stories: tuple[StoryDossier, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "stories": [s.to_dict() for s in self.stories]}


# --------------------------------------------------------------------------- JSON shape

def _article_dict(a: Article) -> dict[str, Any]:
    return {"id": a.id, "outlet": a.outlet, "title": a.title, "published": a.published, "url": a.url,
            "path": a.path, "language": a.language, "copy_of": a.copy_of}


def _claim_dict(c: Claim, adds: str = "") -> dict[str, Any]:
    return {"id": c.id, "article": c.article, "outlet": c.outlet, "text": c.text, "start": c.start, "end": c.end,
            "attributed_to": c.attributed_to, "quote": c.quote, "clause": c.clause, "clause_start": c.clause_start,
            "clause_end": c.clause_end, "reading": c.reading, "is_headline": c.is_headline, "negated": c.negated,
            "modality": list(c.modality), "adds": adds, "language": c.language}


def _fact_dict(f: Fact) -> dict[str, Any]:
    adds = dict(f.adds)
    return {
        "id": f.id, "status": f.status, "label": _label(f), "explanation": f.explanation,
        "claims": [_claim_dict(c, adds.get(c.id, "")) for c in f.claims],
        "conflicts": [{"kind": c.kind, "a": dict(c.a), "b": dict(c.b), "explanation": c.explanation}
                      for c in f.conflicts],
        "outlets": list(f.outlets), "partial": f.partial, "says_more": list(f.says_more),
        "values": _values(f), "times": _times(f),
        "statuses": list(f.statuses or (f.status,)),
        "slot": f.slot.to_dict() if f.slot is not None else None,
        "background": f.background, "anchor": f.anchor,
        "latest": _reading(f.latest) if f.latest is not None else None,
        "history": [_reading(r) for r in f.history],
        "primary_sources": list(f.primary_sources),
    }


def _reading(r: Reading) -> dict[str, Any]:
    return {"value": r.value, "low": r.low, "high": r.high, "unit": r.unit, "outlet": r.outlet, "source": r.source,
            "time": r.time, "claim": r.claim, "kind": r.kind}


def _label(f: Fact) -> str:
    """A whole statement that heads the fact: the shortest body claim that reads as one (its clause or list
    reading when that is a sentence of its own, else its whole sentence); for a slot, the claim that gives the
    value that stands now."""
    body = [c for c in f.claims if not c.is_headline] or list(f.claims)
    if f.latest is not None:
        body = [c for c in body if c.id == f.latest.claim] or body
    return min((_statement(c) for c in body), key=lambda t: (len(t), t))


def _statement(c: Claim) -> str:
    text = (c.reading or c.clause or c.text).strip()
    return text if _whole(text) else c.text.strip()


def _whole(text: str) -> bool:
    """Reads as a sentence: opens with a capital, a figure or a quotation mark, and has four words or more."""
    return bool(re.match(r"[\"“‘'(]?[A-Z0-9]", text)) and len(text.split()) >= 4


def key_facts(facts: Sequence[Fact]) -> list[str]:
    """The facts a reader starts with: one per slot of the story's own event (a toll or a magnitude, or a figure
    two outlets give or that changed or is disputed), conflicts first, then updates, then the rest."""
    best: dict[str, Fact] = {}
    for f in facts:
        if f.slot is None or f.background or not _worth_leading(f):
            continue
        held = best.get(f.slot.key)
        if held is None or (len(f.outlets), len(f.claims)) > (len(held.outlets), len(held.claims)):
            best[f.slot.key] = f
    ordered = sorted(best.values(), key=lambda f: (STATUS_ORDER.get(f.status, 9), f.slot.attribute not in KEYED,
                                                   -len(f.outlets), f.slot.key))
    return [f.id for f in ordered]


def _worth_leading(f: Fact) -> bool:
    return f.slot.attribute in KEYED or len(f.outlets) >= 2 or f.status in (CONFLICTING, UPDATED)


def _values(f: Fact) -> list[dict[str, Any]]:
    return [{"article": c.article, "outlet": c.outlet, "attributed_to": c.attributed_to, "text": q.text,
             "low": q.low, "high": q.high, "qualifier": q.qualifier, "unit": q.unit, "counted": q.counted}
            for c in f.claims for q in c.quantities]


def _times(f: Fact) -> list[dict[str, Any]]:
    return [{"article": c.article, "outlet": c.outlet, "text": t.text, "begin": t.begin, "until": t.until,
             "granularity": t.granularity} for c in f.claims for t in c.times]


def _counts(facts: Sequence[Fact]) -> dict[str, int]:
    counts = {CORROBORATED: 0, SINGLE: 0, CONFLICTING: 0, UPDATED: 0}
    for f in facts:
        counts[f.status] = counts.get(f.status, 0) + 1
    return counts
