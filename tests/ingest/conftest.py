"""Fixtures for the ingest tests; the inputs themselves are built in code by ``helpers``."""
from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import seed_pages, warc_bytes


@pytest.fixture(scope="session")
def seed_warc(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("warc") / "seed.warc.gz"
    path.write_bytes(warc_bytes(seed_pages()))
    return path
