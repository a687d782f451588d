"""Fixtures for ingest tests; the inputs themselves are built in code by ``builders``."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builders import seed_pages, warc_bytes  # noqa: E402

from newsweave.config import Settings  # noqa: E402


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings(db=str(tmp_path / "t.db"))


@pytest.fixture(scope="session")
def seed_warc(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("warc") / "seed.warc.gz"
    path.write_bytes(warc_bytes(seed_pages()))
    return path
