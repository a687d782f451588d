"""One settings object with declared defaults and help, built from keywords, environment or a config file."""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    db: str = field(default="newsweave.db", metadata={"help": "SQLite database path (env NEWSWEAVE_DB)"})
    max_bytes: int = field(default=20_000_000, metadata={"help": "size limit of one input file or download"})
    fetch_timeout: float = field(default=15.0, metadata={"help": "seconds allowed for one URL fetch"})
    max_redirects: int = field(default=5, metadata={"help": "redirects followed per URL"})
    allow_private: bool = field(default=False, metadata={"help": "allow fetching private/loopback addresses"})
    near_duplicate_threshold: float = field(
        default=0.8, metadata={"help": "MinHash Jaccard above which an article is a copy of another"}
    )
    embedder: str = field(default="auto", metadata={"help": "sentence embedder: auto, minilm, static, onnx, e5"})
    story_embedder: str | None = field(default=None, metadata={
        "help": "embed headlines for story clustering with this embedder (static ships a join model for it; "
                "off by default: measured no better on ECB+)"})

    @classmethod
    def from_sources(cls, config: str | Path | None = None, **overrides: Any) -> "Settings":
        """Defaults, then a JSON config file, then the environment, then explicit keywords (None ignored)."""
        values: dict[str, Any] = {}
        if config:
            values.update(json.loads(Path(config).read_text(encoding="utf-8")))
        env_db = os.environ.get("NEWSWEAVE_DB")
        if env_db:
            values["db"] = env_db
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**values)
