"""Persistence. Only this package touches the database."""
from __future__ import annotations

from .base import Store
from .sqlite import SQLiteStore


def open_store(url: str) -> Store:
    """Factory: a path or ``sqlite:///path`` opens SQLite (the default); other schemes follow later."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        from ..errors import StoreError

        raise StoreError("PostgreSQL store is not implemented yet; use a SQLite path")
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    return SQLiteStore(url)


__all__ = ["Store", "SQLiteStore", "open_store"]
