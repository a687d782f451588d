"""Fixtures for the web app: a client on the app, a store of hostile articles, and a headless Chromium.

``build_seed_store`` builds the store of the seed pair behind the ``seed_db`` fixture (tests/conftest.py).
bench/serve.py imports it from this file as a plain module (``from conftest import build_seed_store``), so this
file imports nothing from the test packages at module level.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.config import Settings
from newsweave.models import Story
from newsweave.store import Store, open_store

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-pair"


def build_seed_store(db: str | Path) -> tuple[Store, str]:
    """The store of the seed pair as ``newsweave add`` builds it (ingest, normalise, cluster) and the id of the
    seed story."""
    from newsweave import pipeline

    store = open_store(str(db))
    settings = Settings(db=str(db))
    pipeline.add_sources(store, [str(SEED)], settings, meta_file=str(SEED / "meta.json"))
    return store, store.stories()[0].id


@pytest.fixture()
def hostile_db(tmp_path) -> tuple[str, list]:
    """A store of the hostile articles as one story "hostile" with its dossier: (db path, articles)."""
    from newsweave.dossiers import save_dossier

    from ..present.helpers import hostile_dossier, ingest_hostile

    store = ingest_hostile(tmp_path)
    arts = store.articles()
    story = Story(id="hostile", title=arts[0].title, first=None, last=None, article_ids=tuple(a.id for a in arts))
    store.save_story(story)
    save_dossier(store, story, hostile_dossier(arts))  # stamped current: the page shows it, not a recomputation
    store.close()
    return str(tmp_path / "h.db"), arts


@pytest.fixture()
def client_for():
    """client_for(db, token=None, local_only=True) -> a Starlette TestClient on the app."""
    from starlette.testclient import TestClient

    from newsweave.web.app import create_app

    clients = []

    def make(db: str, token: str | None = None, local_only: bool = True, base_url: str = "http://127.0.0.1"):
        client = TestClient(create_app(Settings(db=db), token=token, local_only=local_only), base_url=base_url)
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.close()


@pytest.fixture(scope="session")
def browser():
    from .helpers import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium (or make chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    from .helpers import OUTPUT

    OUTPUT.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    # nothing may leave this machine: every request must go to 127.0.0.1
    pg.external = []
    pg.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "file:", "data:", "about:"))
          else pg.external.append(r.url))
    yield pg
    context.close()
