"""Browsing the store like Datasette: the story list and the fact list filtered, sorted, paged and faceted.

Filters come as a ``Query``. Repeated outlet, entity and place values narrow (a story must have them all), and their
facets count what choosing a value would leave; repeated statuses widen (any of them), and the status facet counts
each status over the other filters. The indexes read here
(``article_terms``, ``facts``, ``fact_outlets``, ``fact_terms``) are kept by triggers (migration ``007_browse``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

FACET_SIZE = 30  # values shown per facet, most frequent first
STORY_SORTS = {"title": "s.title COLLATE NOCASE", "first": "s.first", "last": "s.last", "articles": "articles",
               "outlets": "n_outlets", "facts": "facts"}
FACT_SORTS = {"story": "s.title COLLATE NOCASE", "n": "f.n", "status": "f.status", "label": "f.label COLLATE NOCASE",
              "first": "f.first", "outlets": "n_outlets"}
_STATUS = re.compile(r"^[a-z_]{1,40}$")


@dataclass(frozen=True)
class Query:
    """What a list view asks for. ``sort`` is a column name, ``-`` in front for descending."""

    outlet: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    entity: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    since: str | None = None  # ISO date: active (stories) or first reported (facts) on or after
    until: str | None = None  # ISO date: ... on or before
    story: str | None = None  # facts of this story only
    article: str | None = None  # stories holding this article only
    q: str = ""  # words: stories with an article matching them, facts whose sentences match them
    sort: str = ""
    limit: int = 50
    offset: int = 0
    facets: tuple[str, ...] = field(default=("status", "outlet", "place", "entity"))


class BrowseQueries:
    """Mixed into SQLiteStore: needs ``self.conn``."""

    # ------------------------------------------------------------------ stories
    def _index_story(self, story_id: str) -> None:
        """Refresh the story's outlets and counts (after its members changed)."""
        from .migrations import index_story_outlets, index_story_stats

        for statement in (index_story_outlets("?") + index_story_stats("?")).split(";\n"):
            if statement.strip():
                self.conn.execute(statement, (story_id,))

    def browse_stories(self, query: Query) -> dict[str, Any]:
        """{"rows": [...], "total": n}: one page of the stories the query selects."""
        where, params = _story_where(query)
        total = self.conn.execute(f"SELECT count(*) FROM stories s WHERE {where}", params).fetchone()[0]
        rows = self.conn.execute(
            f"""SELECT s.id, s.title, s.first, s.last, s.origin, coalesce(st.articles, 0) AS articles,
                       coalesce(st.outlets, 0) AS n_outlets, coalesce(st.facts, 0) AS facts,
                       coalesce(st.counts, '{{}}') AS counts,
                       EXISTS (SELECT 1 FROM dossiers d WHERE d.story_id = s.id) AS computed
                FROM stories s LEFT JOIN story_stats st ON st.story_id = s.id WHERE {where}
                ORDER BY {_story_order(query.sort)} LIMIT ? OFFSET ?""",
            (*params, *_order_params(query.sort, STORY_SORTS), query.limit, query.offset),
        ).fetchall()
        outlets = self._outlets_of([r["id"] for r in rows])
        return {"rows": [_story_row(r, outlets.get(r["id"], [])) for r in rows], "total": total}

    def _outlets_of(self, story_ids: list[str]) -> dict[str, list[str]]:
        if not story_ids:
            return {}
        found: dict[str, list[str]] = {}
        marks = ",".join("?" * len(story_ids))
        for r in self.conn.execute(f"SELECT story_id, outlet FROM story_outlets WHERE story_id IN ({marks}) "
                                   "ORDER BY story_id, outlet", story_ids):
            found.setdefault(r[0], []).append(r[1])
        return found

    def story_facets(self, query: Query) -> dict[str, list[tuple[str, int]]]:
        """Facet -> [(value, stories)] (see the module's docstring for what each counts)."""
        out: dict[str, list[tuple[str, int]]] = {}
        for name in query.facets:
            where, params = _story_where(_without(query, name))
            chosen = f"SELECT s.id FROM stories s WHERE {where}"
            if name == "outlet":
                sql = f"SELECT outlet, count(*) FROM story_outlets WHERE story_id IN ({chosen}) GROUP BY outlet"
            elif name == "status":
                sql = f"SELECT status, count(DISTINCT story_id) FROM facts WHERE story_id IN ({chosen}) GROUP BY status"
            elif name in ("entity", "place"):
                sql = (f"SELECT t.name, count(DISTINCT sa.story_id) FROM story_articles sa JOIN article_terms t "
                       f"ON t.article_id = sa.article_id AND t.kind = '{name}' WHERE sa.story_id IN ({chosen}) "
                       "GROUP BY t.name")
            else:
                continue
            out[name] = self._facet(sql, params)
        return out

    def stories_of_article(self, article_id: str) -> list[dict[str, Any]]:
        """The stories holding this article (id, title, first, last, origin), oldest first."""
        rows = self.conn.execute(
            "SELECT s.id, s.title, s.first, s.last, s.origin FROM story_articles sa JOIN stories s "
            "ON s.id = sa.story_id WHERE sa.article_id = ? ORDER BY s.first, s.id", (article_id,)).fetchall()
        return [dict(r) for r in rows]

    # ------------------------------------------------------------------ facts
    def browse_facts(self, query: Query) -> dict[str, Any]:
        """{"rows": [...], "total": n}: one page of the facts (of saved dossiers) the query selects."""
        where, params = _fact_where(query)
        total = self.conn.execute(f"SELECT count(*) FROM facts f WHERE {where}", params).fetchone()[0]
        rows = self.conn.execute(
            f"""SELECT f.story_id, s.title AS story_title, f.fact_id, f.n, f.status, f.label, f.first, f.claims,
                       (SELECT json_group_array(o.outlet) FROM fact_outlets o
                        WHERE o.story_id = f.story_id AND o.fact_id = f.fact_id) AS outlets,
                       (SELECT count(*) FROM fact_outlets o
                        WHERE o.story_id = f.story_id AND o.fact_id = f.fact_id) AS n_outlets
                FROM facts f JOIN stories s ON s.id = f.story_id WHERE {where}
                ORDER BY {_fact_order(query.sort)} LIMIT ? OFFSET ?""",
            (*params, *_order_params(query.sort, FACT_SORTS), query.limit, query.offset),
        ).fetchall()
        return {"rows": [_fact_row(r) for r in rows], "total": total}

    def fact_facets(self, query: Query) -> dict[str, list[tuple[str, int]]]:
        out: dict[str, list[tuple[str, int]]] = {}
        for name in (*query.facets, "story"):
            where, params = _fact_where(_without(query, name))
            chosen = f"SELECT f.story_id, f.fact_id FROM facts f WHERE {where}"
            if name == "outlet":
                sql = (f"SELECT o.outlet, count(*) FROM fact_outlets o WHERE (o.story_id, o.fact_id) IN ({chosen}) "
                       "GROUP BY o.outlet")
            elif name == "status":
                sql = f"SELECT f.status, count(*) FROM facts f WHERE {where} GROUP BY f.status"
            elif name in ("entity", "place"):
                sql = (f"SELECT t.name, count(*) FROM fact_terms t WHERE t.kind = '{name}' AND "
                       f"(t.story_id, t.fact_id) IN ({chosen}) GROUP BY t.name")
            elif name == "story":
                sql = f"SELECT f.story_id, count(*) FROM facts f WHERE {where} GROUP BY f.story_id"
            else:
                continue
            out[name] = self._facet(sql, params)
        return out

    def _facet(self, sql: str, params: list) -> list[tuple[str, int]]:
        rows = self.conn.execute(f"SELECT * FROM ({sql}) ORDER BY 2 DESC, 1 LIMIT {FACET_SIZE}", params).fetchall()
        return [(str(r[0]), int(r[1])) for r in rows if r[0] is not None]


# --------------------------------------------------------------------------- SQL pieces

def _without(query: Query, name: str) -> Query:
    """The query a facet is counted over: every filter for the facets whose values narrow (a count is what choosing
    the value would leave); without its own filter for status (values widen) and story (a value replaces)."""
    from dataclasses import replace

    if name == "story":
        return replace(query, story=None)
    return replace(query, status=()) if name == "status" else query


def _story_where(query: Query) -> tuple[str, list]:
    clauses, params = ["1"], []
    for outlet in query.outlet:
        clauses.append("EXISTS (SELECT 1 FROM story_outlets o WHERE o.story_id = s.id AND o.outlet = ?)")
        params.append(outlet)
    if query.status:
        clauses.append("EXISTS (SELECT 1 FROM facts f WHERE f.story_id = s.id "
                       f"AND f.status IN ({_marks(query.status)}))")
        params += list(query.status)
    for kind in ("entity", "place"):
        for name in getattr(query, kind):
            clauses.append("EXISTS (SELECT 1 FROM story_articles sa JOIN article_terms t "
                           "ON t.article_id = sa.article_id WHERE sa.story_id = s.id AND t.kind = ? AND t.name = ?)")
            params += [kind, name]
    if query.since:
        clauses.append("substr(coalesce(s.last, s.first), 1, 10) >= ?")
        params.append(query.since[:10])
    if query.until:
        clauses.append("substr(coalesce(s.first, s.last), 1, 10) <= ?")
        params.append(query.until[:10])
    if query.article:
        clauses.append("s.id IN (SELECT story_id FROM story_articles WHERE article_id = ?)")
        params.append(query.article)
    match = _match(query.q)
    if match:
        clauses.append("s.id IN (SELECT sa.story_id FROM story_articles sa WHERE sa.article_id IN "
                       "(SELECT article_id FROM search_articles WHERE search_articles MATCH ?))")
        params.append(match)
    return " AND ".join(clauses), params


def _fact_where(query: Query) -> tuple[str, list]:
    clauses, params = ["1"], []
    if query.story:
        clauses.append("f.story_id = ?")
        params.append(query.story)
    for outlet in query.outlet:
        clauses.append("EXISTS (SELECT 1 FROM fact_outlets o WHERE o.story_id = f.story_id AND o.fact_id = f.fact_id "
                       "AND o.outlet = ?)")
        params.append(outlet)
    if query.status:
        clauses.append(f"f.status IN ({_marks(query.status)})")
        params += list(query.status)
    for kind in ("entity", "place"):
        for name in getattr(query, kind):
            clauses.append("EXISTS (SELECT 1 FROM fact_terms t WHERE t.story_id = f.story_id AND t.fact_id = f.fact_id "
                           "AND t.kind = ? AND t.name = ?)")
            params += [kind, name]
    if query.since:
        clauses.append("substr(f.first, 1, 10) >= ?")
        params.append(query.since[:10])
    if query.until:
        clauses.append("substr(f.first, 1, 10) <= ?")
        params.append(query.until[:10])
    match = _match(query.q)
    if match:
        clauses.append("(f.story_id, f.fact_id) IN "
                       "(SELECT story_id, fact_id FROM search_facts WHERE search_facts MATCH ?)")
        params.append(match)
    return " AND ".join(clauses), params


def _match(text: str) -> str:
    from .sqlite import fts_query

    return fts_query(text) if text and text.strip() else ""


def _marks(values) -> str:
    return ",".join("?" * len(values))


def _direction(sort: str) -> tuple[str, str]:
    return (sort[1:], "DESC") if sort.startswith("-") else (sort, "ASC")


def _story_order(sort: str) -> str:
    name, direction = _direction(sort or "-last")
    if name in STORY_SORTS:
        column = STORY_SORTS[name]
    elif _STATUS.match(name):
        column = "coalesce(json_extract(counts, '$.' || ?), 0)"  # a status count: its name is a parameter
    else:
        column = STORY_SORTS["last"]
    nulls = f"{column} IS NULL, " if name in ("first", "last") else ""
    return f"{nulls}{column} {direction}, s.id"


def _fact_order(sort: str) -> str:
    name, direction = _direction(sort or "story")
    column = FACT_SORTS.get(name, FACT_SORTS["story"])
    nulls = f"{column} IS NULL, " if name == "first" else ""
    return f"{nulls}{column} {direction}, s.title COLLATE NOCASE, f.story_id, f.n"


def _order_params(sort: str, known: dict[str, str]) -> list[str]:
    """The parameter an ORDER BY on a status count takes (the status name), else none."""
    name, _ = _direction(sort or "")
    return [name] if name and name not in known and _STATUS.match(name) and known is STORY_SORTS else []


def _story_row(r, outlets: list[str]) -> dict[str, Any]:
    return {"id": r["id"], "title": r["title"], "first": r["first"], "last": r["last"], "origin": r["origin"],
            "articles": r["articles"], "outlets": outlets, "facts": r["facts"],
            "counts": json.loads(r["counts"]), "computed": bool(r["computed"])}


def _fact_row(r) -> dict[str, Any]:
    return {"story_id": r["story_id"], "story_title": r["story_title"], "id": r["fact_id"], "n": r["n"],
            "status": r["status"], "label": r["label"], "first": r["first"], "claims": json.loads(r["claims"]),
            "outlets": sorted(json.loads(r["outlets"] or "[]"))}
