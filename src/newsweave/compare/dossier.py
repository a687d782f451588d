"""The dossier of a story as records and as the JSON contract ``newsweave.dossier/1`` (docs/dossier.md)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ..models import Article, CanonicalEntity, Claim, Fact
from .verdict.verdict import CONFLICTING, CORROBORATED, SINGLE

SCHEMA = "newsweave.dossier/1"
STATUS_ORDER = {CONFLICTING: 0, CORROBORATED: 1, SINGLE: 2}


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
    }


def _label(f: Fact) -> str:
    body = [c for c in f.claims if not c.is_headline] or list(f.claims)
    return min((c.reading or c.clause or c.text for c in body), key=lambda t: (len(t), t)).strip()


def _values(f: Fact) -> list[dict[str, Any]]:
    return [{"article": c.article, "outlet": c.outlet, "attributed_to": c.attributed_to, "text": q.text,
             "low": q.low, "high": q.high, "qualifier": q.qualifier, "unit": q.unit, "counted": q.counted}
            for c in f.claims for q in c.quantities]


def _times(f: Fact) -> list[dict[str, Any]]:
    return [{"article": c.article, "outlet": c.outlet, "text": t.text, "begin": t.begin, "until": t.until,
             "granularity": t.granularity} for c in f.claims for t in c.times]


def _counts(facts: Sequence[Fact]) -> dict[str, int]:
    counts = {CORROBORATED: 0, SINGLE: 0, CONFLICTING: 0}
    for f in facts:
        counts[f.status] = counts.get(f.status, 0) + 1
    return counts
