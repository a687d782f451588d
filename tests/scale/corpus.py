"""A real mixed corpus for the Spark tests: the seed pair and ECB+ train articles (tests/fixtures) rendered into
every input format, with wire copies, a repeated record and bad files.

Layout (folders are walked in sorted order, so this is also the arrival order ``add`` sees):

- ``a-seed/``: the seed pair as text with its ``meta.json``;
- ``b-rehab.jsonl``: ECB+ topic 1 (Tara Reid, Lindsay Lohan in rehab), ten records, then a wire copy of one of them;
- ``c-patch.warc.gz``: ECB+ topic 27 (two IE patches), four pages in a crawl;
- ``d-patch/``: four more of topic 27 as HTML pages;
- ``e-bank.rss``: ECB+ topic 8 (two bank bombings), an RSS feed with full content;
- ``f-quake/``: ECB+ topic 20 (two Iranian earthquakes) as text with a ``meta.json``;
- ``g-wire/``: a wire copy of the Ukrainska Pravda report, a copy of that copy, and the topic 1 record again;
- ``h-bad/``: a binary file, an empty file and a truncated WARC.
"""
from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from ..helpers import FIXTURES, SEED
from ..ingest.helpers import UP, html_page, warc_bytes

REHAB = ["1_1ecb", "1_1ecbplus", "1_3ecb", "1_3ecbplus", "1_5ecb", "1_5ecbplus", "1_7ecb", "1_7ecbplus", "1_9ecb",
         "1_9ecbplus"]
PATCH_CRAWL = ["27_1ecb", "27_1ecbplus", "27_4ecb", "27_4ecbplus"]
PATCH_PAGES = ["27_5ecb", "27_5ecbplus", "27_7ecb", "27_7ecbplus"]
BANK = ["8_1ecb", "8_1ecbplus", "8_2ecb", "8_2ecbplus", "8_3ecb", "8_3ecbplus", "8_4ecb", "8_4ecbplus"]
QUAKE = ["20_1ecb", "20_1ecbplus", "20_2ecb", "20_2ecbplus", "20_3ecb", "20_3ecbplus"]
OUTLETS = ("Reuters", "AP", "BBC", "The Guardian", "Al Jazeera", "CNN")


def ecb(name: str) -> tuple[str, str]:
    """(title, body) of an ECB+ fixture article: its first line and the rest."""
    for folder in ("ecbplus_small", "ecbplus_ie", "ecbplus_topics"):
        path = FIXTURES / folder / f"{name}.txt"
        if path.exists():
            title, body = path.read_text(encoding="utf-8").split("\n", 1)
            return title.strip(), body.strip()
    raise FileNotFoundError(name)


def outlet(i: int) -> str:
    return OUTLETS[i % len(OUTLETS)]


def wire_edit(text: str) -> str:
    """A wire service's light edit: a few words changed, the rest as sent."""
    return text.replace("sniper", "marksman").replace("Tuva", "Tyva").replace("19,", "nineteen,")


def build(root: Path) -> list[str]:
    """Write the corpus under ``root``; return the inputs to give ``add`` or ``spark run`` (one folder)."""
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    shutil.copytree(SEED, corpus / "a-seed", ignore=shutil.ignore_patterns("README*"))
    rehab = [_record(name, i) for i, name in enumerate(REHAB)]
    copy = dict(rehab[2], outlet="Wire Service", text=rehab[2]["text"].replace(" has ", " had ", 2))
    _write(corpus / "b-rehab.jsonl", "".join(json.dumps(r) + "\n" for r in rehab + [copy]))
    pages = [(f"https://news{i}.example/{name}", _page(name, i)) for i, name in enumerate(PATCH_CRAWL)]
    (corpus / "c-patch.warc.gz").write_bytes(warc_bytes(pages))
    for i, name in enumerate(PATCH_PAGES):
        _write(corpus / "d-patch" / f"{name}.html", _page(name, i + 4))
    _write(corpus / "e-bank.rss", _feed(BANK))
    _texts(corpus / "f-quake", QUAKE)
    wire = corpus / "g-wire"
    _write(wire / "kyiv-wire.txt", wire_edit(UP))
    _write(wire / "kyiv-wire-2.txt", wire_edit(UP).replace("paratroopers", "airborne troops"))
    _write(wire / "meta.json", json.dumps({"kyiv-wire.txt": {"outlet": "Kyiv Wire", "language": "en"},
                                           "kyiv-wire-2.txt": {"outlet": "Other Wire", "language": "en"}}))
    _write(wire / "repeat.jsonl", json.dumps(rehab[0]) + "\n")
    bad = corpus / "h-bad"
    bad.mkdir()
    (bad / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "cut.warc.gz").write_bytes(warc_bytes(pages)[:100])
    return [str(corpus)]


def _record(name: str, i: int) -> dict:
    title, body = ecb(name)
    return {"title": title, "text": body, "outlet": outlet(i), "language": "en",
            "url": f"https://news{i}.example/{name}"}


def _page(name: str, i: int) -> str:
    title, body = ecb(name)
    return html_page(title, body, site=outlet(i), published=None, url=f"https://news{i}.example/{name}")


def _feed(names: list[str]) -> str:
    items = []
    for i, name in enumerate(names):
        title, body = ecb(name)
        content = "".join(f"<p>{html.escape(p)}</p>" for p in body.splitlines() if p.strip())
        items.append(f"<item><title>{html.escape(title)}</title><link>https://bank{i}.example/{name}</link>"
                     f"<description>{html.escape(body[:120])}</description>"
                     f"<content:encoded><![CDATA[{content}]]></content:encoded></item>")
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bank wire</title>'
            f"<link>https://bank.example/</link><language>en</language>{''.join(items)}</channel></rss>")


def _texts(folder: Path, names: list[str]) -> None:
    meta = {}
    for i, name in enumerate(names):
        title, body = ecb(name)
        _write(folder / f"{name}.txt", f"{title}\n\n{body}\n")
        meta[f"{name}.txt"] = {"outlet": outlet(i), "language": "en"}
    _write(folder / "meta.json", json.dumps(meta))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
