"""Plain text articles: the title is the first line; a dateline line gives the publication time."""
from __future__ import annotations

from .draft import Draft


def read_text(text: str, source: str, **fields) -> list[Draft]:
    return [Draft(source=source, body=text, source_format="text", **fields)]
