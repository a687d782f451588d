import json
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "dossier_seed.json"


@pytest.fixture()
def dossier() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))

import sys  # noqa: E402

sys.path.insert(0, str(FIXTURE.parent))  # tests/fixtures/htmlcheck.py
