"""Build a store holding the seed pair: the real ingest (and clustering/compare when they exist), else the
hand-written dossier fixture re-anchored to the stored (cleaned) texts."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from newsweave.models import Story
from newsweave.config import Settings
from newsweave.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-pair"
FIXTURE = ROOT / "tests" / "fixtures" / "dossier_seed.json"


def fixture_dossier() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def build_seed_store(db: str | Path) -> tuple[Store, str]:
    """The store and the id of the seed story."""
    from newsweave import pipeline

    store = open_store(str(db))
    settings = Settings(db=str(db))
    pipeline.add_sources(store, [str(SEED)], settings, meta_file=str(SEED / "meta.json"))
    stories = store.stories()
    if not stories:  # clustering not wired yet: the pair is one story
        fixture = fixture_dossier()["stories"][0]
        ids = tuple(a.id for a in store.articles())
        store.save_story(Story(id=fixture["id"], title=fixture["title"], first="2025-01-11", last="2025-01-11",
                               article_ids=ids))
        stories = store.stories()
    return store, stories[0].id


def anchored_fixture(store: Store) -> dict:
    """The fixture dossier with article ids and claim offsets moved onto the stored articles."""
    dossier = copy.deepcopy(fixture_dossier())
    story = dossier["stories"][0]
    by_outlet = {a.outlet: a for a in store.articles()}
    old_to_new = {}
    for ref in story["articles"]:
        article = by_outlet[ref["outlet"]]
        old_to_new[ref["id"]] = article.id
        ref.update(id=article.id, title=article.title)
    for fact in story["facts"]:
        for item in fact["claims"] + fact.get("values", []) + fact.get("times", []):
            item["article"] = old_to_new.get(item["article"], item["article"])
        for claim in fact["claims"]:
            text = by_outlet[claim["outlet"]].text
            start = text.find(claim["text"])
            if start >= 0:
                shift = start - claim["start"]
                claim["start"], claim["end"] = start, start + len(claim["text"])
                if claim["clause_start"] >= 0:
                    claim["clause_start"] += shift
                    claim["clause_end"] += shift
    return dossier


# --------------------------------------------------------------------------- fixtures

import shutil  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))  # htmlcheck.py

import pytest  # noqa: E402

from webtest import CHROMIUM, CHROMIUM_ARGS, OUTPUT  # noqa: E402


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> tuple[str, str]:
    """Path of a store holding the seed pair (built once per session) and the seed story id."""
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    store, story_id = build_seed_store(db)
    from newsweave.web.data import load_dossier

    load_dossier(store, story_id)  # computes and stores the dossier once when compare exists
    store.close()
    return str(db), story_id


@pytest.fixture()
def seed_copy(seed_db, tmp_path) -> tuple[str, str]:
    """A private copy of the seed store (for tests that write)."""
    db, story_id = seed_db
    target = tmp_path / "seed.db"
    src = open_store(db)
    src.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    shutil.copy(db, target)
    return str(target), story_id


@pytest.fixture()
def hostile_db(tmp_path) -> tuple[str, list]:
    """A store of the hostile articles as one story "hostile" with its dossier: (db path, articles)."""
    from htmlcheck import hostile_dossier, ingest_hostile

    from newsweave.dossiers import save_dossier

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
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium (or make chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
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
