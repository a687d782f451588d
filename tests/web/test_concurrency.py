"""The app keeps serving while `newsweave add` writes (WAL): one writer process, 20 concurrent readers."""
import random
import subprocess
import sys
import threading
import time

import httpx

from .helpers import LiveServer


def test_add_while_twenty_readers(seed_copy, tmp_path):
    db, story_id = seed_copy
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    rng = random.Random(7)
    vocab = [f"{a}{b}" for a in ("bridge", "river", "council", "harbour", "market", "school", "train", "storm")
             for b in ("", "s", "side", "works", "gate", "line", "field", "port")]
    for i in range(12):  # distinct texts: this test is about concurrency, not near-duplicate detection
        body = " ".join(rng.choice(vocab) for _ in range(120))
        (inbox / f"n{i}.txt").write_text(f"Bridge {i} reopens\n\n{body}.\n", encoding="utf-8")
    errors, counts = [], [0]
    stop = threading.Event()
    paths = ["/", f"/story/{story_id}", f"/story/{story_id}.json", "/changes.json", "/search.json?q=bridge"]

    def reader(n: int):
        with httpx.Client(timeout=30) as client:
            while not stop.is_set():
                path = paths[(n + counts[0]) % len(paths)]
                try:
                    r = client.get(srv.url + path)
                    if r.status_code != 200:
                        errors.append(f"{path}: {r.status_code} {r.text[:200]}")
                except httpx.HTTPError as exc:
                    errors.append(f"{path}: {exc!r}")
                counts[0] += 1

    with LiveServer(db) as srv:
        threads = [threading.Thread(target=reader, args=(i,)) for i in range(20)]
        for t in threads:
            t.start()
        time.sleep(0.3)
        writer = subprocess.run([sys.executable, "-m", "newsweave", "--db", db, "add",
                                 *sorted(str(p) for p in inbox.iterdir()), "--outlet", "City Wire",
                                 "--published", "2025-02-03"], capture_output=True, text=True, timeout=300)
        time.sleep(0.3)
        stop.set()
        for t in threads:
            t.join(60)
        state = httpx.get(srv.url + "/changes.json").json()
    assert writer.returncode == 0, writer.stderr
    assert errors == [], errors[:5]
    assert counts[0] >= 40
    assert state["articles"] == 2 + 12
