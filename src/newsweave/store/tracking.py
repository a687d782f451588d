"""What changed and what was polled: the change log (``changes``) and `newsweave watch`'s state (``watch_sources``,
``watch_items``); migrations ``008_changes`` and ``009_watch``."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable, Mapping, Sequence

KEEP_CHANGES = 50_000  # the change log keeps this many newest entries
_SOURCE_FIELDS = ("etag", "last_modified", "checked_at", "next_at", "failures", "last_status", "last_error")
_CHUNK = 500


def utc_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class TrackingQueries:
    """Mixed into SQLiteStore: needs ``self.conn`` and ``self._tx``."""

    # ------------------------------------------------------------------ the change log
    def record_changes(self, changes: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        """Append changes ({key, kind, story_id, data}); one already recorded (same key) is skipped. Returns the
        changes recorded now, with their ``seq`` and ``at``."""
        recorded = []
        with self._tx():
            for change in changes:
                at = change.get("at") or utc_now()
                cursor = self.conn.execute(
                    "INSERT OR IGNORE INTO changes (key, at, kind, story_id, data) VALUES (?, ?, ?, ?, ?)",
                    (change["key"], at, change["kind"], change.get("story_id"),
                     json.dumps(change.get("data") or {}, ensure_ascii=False, sort_keys=True)))
                if cursor.rowcount:
                    recorded.append({**change, "seq": cursor.lastrowid, "at": at})
            if recorded:
                self.conn.execute("DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - ?",
                                  (KEEP_CHANGES,))
        return recorded

    def changes(self, since: int = 0, limit: int = 100, story_id: str | None = None) -> list[dict[str, Any]]:
        """Changes after ``since`` (a seq), newest first."""
        sql = "SELECT seq, key, at, kind, story_id, data FROM changes WHERE seq > ?"
        params: list[Any] = [since]
        if story_id:
            sql += " AND story_id = ?"
            params.append(story_id)
        rows = self.conn.execute(sql + " ORDER BY seq DESC LIMIT ?", (*params, limit)).fetchall()
        return [{**dict(r), "data": json.loads(r["data"])} for r in rows]

    def last_change(self) -> int:
        return self.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]

    # ------------------------------------------------------------------ watch state
    def watch_source(self, url: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM watch_sources WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def save_watch_source(self, url: str, **fields: Any) -> None:
        unknown = set(fields) - set(_SOURCE_FIELDS)
        if unknown:
            raise ValueError(f"unknown watch source fields: {sorted(unknown)}")
        with self._tx():
            self.conn.execute("INSERT OR IGNORE INTO watch_sources (url) VALUES (?)", (url,))
            if fields:
                assignments = ", ".join(f"{k} = ?" for k in fields)
                self.conn.execute(f"UPDATE watch_sources SET {assignments} WHERE url = ?", (*fields.values(), url))

    def seen_items(self, keys: Sequence[str]) -> set[str]:
        """The item keys among these that were seen before."""
        seen: set[str] = set()
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), _CHUNK):
            chunk = unique[i:i + _CHUNK]
            rows = self.conn.execute(f"SELECT key FROM watch_items WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            seen.update(r[0] for r in rows)
        return seen

    def mark_items(self, source: str, items: Iterable[tuple[str, str | None]]) -> None:
        """Record items (key, article id or None) as seen from ``source``."""
        now = utc_now()
        with self._tx():
            self.conn.executemany(
                "INSERT OR IGNORE INTO watch_items (key, source, article_id, seen_at) VALUES (?, ?, ?, ?)",
                [(key, source, article_id, now) for key, article_id in items])
