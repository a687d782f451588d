import pytest

from ..helpers import fixture_dossier


@pytest.fixture()
def dossier() -> dict:
    """The hand-written seed dossier (tests/fixtures/dossier_seed.json), a fresh copy per test."""
    return fixture_dossier()
