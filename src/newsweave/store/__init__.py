"""Persistence. Only this package touches the database."""
from __future__ import annotations

from .base import Store
from .browse import Query
from .sqlite import SQLiteStore


def open_store(url: str, create: bool = True) -> Store:
    """Factory: a path or ``sqlite:///path`` opens SQLite (the default); other schemes follow later. With
    ``create`` false a store that does not exist yet is refused (StoreError) instead of created empty."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        from ..errors import StoreError

        raise StoreError("PostgreSQL store is not implemented yet; use a SQLite path")
    if url.startswith("sqlite:///"):
        url = url[len("sqlite:///"):]
    return SQLiteStore(url, create=create)


__all__ = ["Query", "Store", "SQLiteStore", "open_store"]
