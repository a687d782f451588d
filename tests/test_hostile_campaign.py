"""The hostile-input campaign (inputs from tests/hostile.py) through every entry point: reading each input alone,
`newsweave add` of the whole corpus folder, `--meta` files, stdin, the web app's upload form and its JSON API.

Every run: no traceback, no hang (each input under a time bound), peak memory under 1.5 GB (the RSS of the process
that read the inputs), each bad input named on an error line (file, record or line), every good input landed in a
story.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from newsweave.config import Settings
from newsweave.errors import IngestError
from newsweave.ingest import load
from newsweave.ingest.encoding import scrub_text
from newsweave.models import Article
from newsweave.present.output import printable

from .helpers import ROOT
from .hostile import ANY, Case, special_files, write_corpus

PEAK_MB = 1500
INPUT_SECONDS = 20  # reading one input (in-process, no model loaded)
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Case], list[tuple[str, bool]]]:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    written = write_corpus(folder)
    return folder, written, special_files(folder)


def _path(folder: Path, case: Case) -> str:
    return str(folder / case.relative)


# --------------------------------------------------------------------------- each input alone

def test_each_input_alone_is_read_within_bounds_and_named(corpus):
    folder, written, specials = corpus
    settings = Settings(db=":memory:")
    slow = []
    alone = [Case("pipe.txt", b"", 0, True), Case("zero.txt", b"", 0, True)]  # a link named directly is followed
    for case in [c for c in written if not c.sub] + alone:
        path = _path(folder, case)
        start = time.monotonic()
        items = list(load([path], settings))
        elapsed = time.monotonic() - start
        if elapsed > INPUT_SECONDS:
            slow.append((case.name, round(elapsed, 1)))
        assert all(isinstance(i, (Article, IngestError)) for i in items)
        errors = [i for i in items if isinstance(i, IngestError)]
        articles = [i for i in items if isinstance(i, Article)]
        assert all(e.source.startswith(path) for e in errors), (case.name, [str(e) for e in errors])
        assert items, case.name
        if case.bad:
            assert errors, case.name
        if case.articles != ANY:
            assert len(articles) == case.articles, (case.name, [str(e) for e in errors])
    assert slow == []


# --------------------------------------------------------------------------- the command line

def _run(args: list[str], stdin: bytes | None = None, timeout: float = 600) -> tuple[int, str, str, float, float]:
    """(exit code, stdout, stderr, peak RSS in MB, seconds) of `newsweave ARGS` in a subprocess."""
    start = time.monotonic()
    process = subprocess.Popen([sys.executable, "-m", "newsweave", *args], env=ENV, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    streams: dict[str, bytes] = {}

    def pump(name: str, stream) -> None:
        streams[name] = stream.read()

    def feed() -> None:
        try:
            if stdin:
                process.stdin.write(stdin)
        except BrokenPipeError:  # the reader stopped at its limit
            pass
        finally:
            process.stdin.close()

    threads = [threading.Thread(target=pump, args=("out", process.stdout)),
               threading.Thread(target=pump, args=("err", process.stderr)), threading.Thread(target=feed)]
    for thread in threads:
        thread.start()
    peak = 0.0
    while True:  # the child's own high-water mark, read while it lives (a rusage after exec also counts the
        # parent's memory at the fork: a test process grown big would be blamed on the child)
        peak = max(peak, _peak_mb(process.pid))
        pid, status, _ = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - start > timeout:
            process.kill()
            os.wait4(process.pid, 0)
            pytest.fail(f"newsweave {' '.join(args[:4])} hung past {timeout} s")
        time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    for thread in threads:
        thread.join(60)
    return (process.returncode, streams["out"].decode(), streams["err"].decode("utf-8", "replace"),
            peak, time.monotonic() - start)


def _error_lines(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert "Traceback" not in stderr, stderr[-3000:]
    strays = [line for line in lines if not line.startswith(("error: ", "warning: "))]
    assert strays == [], strays[:5]
    assert all(ch == "\t" or ch >= " " for line in lines for ch in line), "raw control characters printed"
    return [line[len("error: "):] for line in lines if line.startswith("error: ")]


def _landed(db: Path) -> tuple[dict[str, int], int]:
    """Articles per stored path, and how many articles are in no story."""
    conn = sqlite3.connect(db)
    try:
        per_path: dict[str, int] = {}
        for (path,) in conn.execute("SELECT path FROM articles"):
            per_path[path] = per_path.get(path, 0) + 1
        storyless = conn.execute("SELECT COUNT(*) FROM articles a WHERE NOT EXISTS "
                                 "(SELECT 1 FROM story_articles s WHERE s.article_id = a.id)").fetchone()[0]
        return per_path, storyless
    finally:
        conn.close()


def test_add_of_the_whole_corpus(corpus, tmp_path):
    folder, written, specials = corpus
    db = tmp_path / "campaign.db"
    code, out, err, peak, seconds = _run(["--db", str(db), "add", str(folder)])
    assert code == 1, err[-2000:]
    errors = _error_lines(err)
    named = [printable(_path(folder, c)) for c in written if c.bad] + [printable(str(folder / n)) for n, _ in specials]
    named += [printable(str(folder / "broken-meta" / "meta.json")), printable(str(folder / "list-meta" / "meta.json"))]
    missing = [n for n in named if not any(e.startswith(n) for e in errors)]
    assert missing == [], missing
    per_path, storyless = _landed(db)
    wrong = [(c.relative, per_path.get(scrub_text(_path(folder, c)), 0)) for c in written
             if c.articles != ANY and per_path.get(scrub_text(_path(folder, c)), 0) != c.articles]
    assert wrong == []
    unnamed_any = [c.relative for c in written if c.articles == ANY and not per_path.get(scrub_text(_path(folder, c)))
                   and not any(e.startswith(printable(_path(folder, c))) for e in errors)]
    assert unnamed_any == []
    assert storyless == 0
    assert out.startswith(f"added {sum(per_path.values())}, ")
    assert peak < PEAK_MB, f"peak RSS {peak:.0f} MB"


@pytest.mark.parametrize(("content", "reason"), [
    ('{"a":' * 5000 + "1" + "}" * 5000, "unreadable metadata file"),
    ('{"outlet": ' + "1" * 5000 + "}", "unreadable metadata file"),
    ("[1, 2, 3]", "not a JSON object"),
    ("\udfff{", "unreadable metadata file"),
    ("fifo", "not a regular file"),
])
def test_bad_meta_file_is_one_named_line(tmp_path, seed_dir, content, reason):
    meta = tmp_path / "given.json"
    if content == "fifo":
        os.mkfifo(meta)
    else:
        meta.write_bytes(content.encode("utf-8", "surrogatepass"))
    code, out, err, peak, seconds = _run(["--db", str(tmp_path / "m.db"), "add", str(seed_dir), "--meta", str(meta)],
                                         timeout=120)
    (line,) = _error_lines(err)
    assert code == 1 and line.startswith(f"{meta}: ") and reason in line, line
    assert out == "added 0, duplicates 0, copies 0, errors 1\n"


def test_odd_but_readable_meta_file_still_lands(tmp_path, seed_dir):
    meta = tmp_path / "given.json"
    meta.write_text(json.dumps({"outlet": 7, "ukrainska-pravda.txt": {"title": {"x": 1}, "published": [1]},
                                "washington-post.txt": "not an object"}), encoding="utf-8")
    code, out, err, peak, seconds = _run(["--db", str(tmp_path / "m.db"), "add", str(seed_dir), "--meta", str(meta)])
    assert (code, _error_lines(err)) == (0, []) and out.startswith("added 2, ")


# --------------------------------------------------------------------------- large articles

def _prose(chars: int) -> str:
    """Real news prose (the ECB+ fixture articles, in turn) of about ``chars`` characters, in paragraphs."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "tests/fixtures/ecbplus_small").glob("*"))]
    out, n = [], 0
    while n < chars:
        text = texts[len(out) % len(texts)]
        out.append(text)
        n += len(text) + 2
    return "\n\n".join(out)[:chars]


def _large(path: Path, size: int) -> Path:
    prose = _prose(size)
    if path.suffix == ".html":
        prose = "<html><body>" + "".join(f"<p>{p}</p>" for p in prose.split("\n\n")) + "</body></html>"
    path.write_text("A very long report\n\n" + prose, encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [250_000, 5_000_000], ids=["250KB", "5MB"])
def test_large_text_article_is_refused_by_name_quickly_in_bounded_memory(tmp_path, size):
    path = _large(tmp_path / "large.txt", size)
    code, out, err, peak, seconds = _run(["--db", str(tmp_path / "l.db"), "add", str(path)], timeout=120)
    (line,) = _error_lines(err)
    assert code == 1 and line.startswith(f"{path}: article too long"), line
    assert seconds < 60 and peak < 600, (seconds, peak)


def test_large_html_page_gives_its_main_text_in_bounded_time_and_memory(tmp_path):
    path = _large(tmp_path / "large.html", 5_000_000)
    db = tmp_path / "l.db"
    code, out, err, peak, seconds = _run(["--db", str(db), "add", str(path)], timeout=400)
    assert (code, _error_lines(err)) == (0, []) and out.startswith("added 1, ")
    assert _landed(db)[1] == 0
    assert seconds < 300 and peak < PEAK_MB, (seconds, peak)


def test_article_at_the_length_limit_lands_in_a_story_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("A long report\n\n" + _prose(95_000), encoding="utf-8")
    db = tmp_path / "l.db"
    code, out, err, peak, seconds = _run(["--db", str(db), "add", str(path)], timeout=300)
    assert (code, _error_lines(err)) == (0, []) and out.startswith("added 1, ")
    assert _landed(db)[1] == 0
    assert seconds < 180 and peak < PEAK_MB, (seconds, peak)


STDIN = [
    ("line bomb", "line-bomb.warc.gz", 1),
    ("body bomb", "body-bomb.warc.gz", 1),
    ("binary", "random.bin", 1),
    ("deep JSON", "deep.json", 1),
    ("jsonl", "mixed.jsonl", 1),
    ("over max_bytes", None, 1),
    ("good", "good.txt", 0),
]


@pytest.mark.parametrize(("label", "name", "code"), STDIN, ids=[s[0] for s in STDIN])
def test_stdin(corpus, tmp_path, label, name, code):
    folder, written, _ = corpus
    data = (folder / name).read_bytes() if name else b"word " * 5_000_000  # 25 MB, over max_bytes
    got, out, err, peak, seconds = _run(["--db", str(tmp_path / "s.db"), "add", "-"], stdin=data, timeout=300)
    errors = _error_lines(err)
    assert got == code and all(e.startswith("<stdin>") for e in errors), (label, errors)
    assert (errors != []) == (code == 1)
    assert peak < PEAK_MB, f"{label}: peak RSS {peak:.0f} MB"
    per_path, storyless = _landed(tmp_path / "s.db")
    assert storyless == 0


# --------------------------------------------------------------------------- the web app

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # gone
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.fixture()
def server(tmp_path):
    port = _free_port()
    from newsweave.store import open_store

    open_store(str(tmp_path / "web.db")).close()  # serve reads an existing store; uploads land in it
    process = subprocess.Popen([sys.executable, "-m", "newsweave", "--db", str(tmp_path / "web.db"), "serve",
                                "--port", str(port)], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/changes.json", timeout=2)
            break
        except httpx.HTTPError:
            time.sleep(0.3)
    yield url, process
    process.send_signal(signal.SIGTERM)
    try:
        process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def test_web_upload_and_json_api(corpus, server):
    import httpx

    folder, written, _ = corpus
    url, process = server
    problems = []
    with httpx.Client(base_url=url, timeout=300) as client:
        for case in [c for c in written if not c.sub]:
            start = time.monotonic()
            r = client.post("/add.json", files=[("files", (case.name.encode("utf-8", "surrogateescape").decode(
                "utf-8", "replace"), case.data, "application/octet-stream"))])
            problems += _judge_upload(case, r, time.monotonic() - start)
            if case.json_body:
                r = client.post("/add.json", content=case.data, headers={"content-type": "application/json"})
                if r.status_code >= 500 or (case.articles > 0 and not case.bad and r.status_code != 200):
                    problems.append((case.name, "json api", r.status_code, r.text[:200]))
        assert client.get("/").status_code == 200
    peak = _peak_mb(process.pid)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert problems == []
    assert b"Traceback" not in err, err.decode("utf-8", "replace")[-3000:]
    assert peak < PEAK_MB, f"server peak RSS {peak:.0f} MB"


def _judge_upload(case: Case, r, seconds: float) -> list[tuple]:
    if r.status_code >= 500 or seconds > 120:
        return [(case.name, r.status_code, round(seconds), r.text[:200])]
    result = r.json().get("result") or {}
    errors = result.get("errors") or ([r.json()["error"]] if "error" in r.json() else [])
    if case.bad and not errors:
        return [(case.name, "not named", r.text[:200])]
    if case.articles != ANY and result.get("added", 0) != case.articles:
        return [(case.name, "added", result.get("added"), errors[:3])]
    return []
