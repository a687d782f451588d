"""What a format reader returns before cleaning and metadata merge: plain fields, all optional but the body."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class Draft:
    source: str  # names the input in errors: a path, URL, "path#record 3", "<stdin>"
    body: str
    title: str | None = None
    outlet: str | None = None
    sitename: str | None = None  # a site name from page/feed metadata: used to infer the outlet
    published: str | None = None
    language: str | None = None
    url: str | None = None
    author: str | None = None
    path: str | None = None
    source_format: str = "text"
    summary_only: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)
    meta_keys: tuple[str, ...] = ()  # names under which a sidecar meta.json may describe this input
