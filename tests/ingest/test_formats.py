"""Every input format, built from the seed texts."""
from __future__ import annotations

import io
import json
import sys

from newsweave.errors import IngestError
from newsweave.ingest import load
from newsweave.models import Article

from .helpers import UP, WP, WP_BODY, WP_TITLE, atom_feed, html_page, jsonl_records, rss_feed, seed_pages

UP_TITLE = UP.split("\n", 1)[0]


def _load(paths, settings, **kw):
    return list(load([str(p) for p in paths], settings, **kw))


def _articles(items):
    assert all(isinstance(i, Article) for i in items), [str(i) for i in items if not isinstance(i, Article)]
    return items


def test_seed_pair_plain_text(seed_dir, settings):
    up, wp = _articles(_load([seed_dir], settings))
    assert (up.outlet, wp.outlet) == ("Ukrainska Pravda", "The Washington Post")
    assert up.published == "2025-01-11T15:00:00+02:00" and wp.published == "2025-01-11"
    assert up.language == wp.language == "en"
    assert up.inferred == wp.inferred == ()
    assert up.title == UP_TITLE and wp.title == WP_TITLE
    assert up.text.count("Zelenskyy: Ukrainians take North Korean soldiers captive") == 1
    assert "Support UP" not in up.text and "Jan 11, 2025" not in up.text
    assert up.text.startswith(UP_TITLE + "\n\nUkrainian soldiers captured North Korean soldiers in Russia’s Kursk")
    assert up.text.endswith("village of Bolshoye Soldatskoye.")
    assert wp.text.startswith(WP_TITLE + "\nThe wounded fighters were taken to Kyiv")
    assert up.original == UP.strip("\n") and up.path.endswith("ukrainska-pravda.txt")


def test_dateline_gives_published_when_metadata_lacks_it(tmp_path, settings):
    (tmp_path / "up.txt").write_text(UP, encoding="utf-8")
    (article,) = _articles(_load([tmp_path / "up.txt"], settings))
    assert article.published == "2025-01-11T15:00:00"
    assert set(article.inferred) == {"published", "outlet", "language"}
    assert article.outlet.startswith("unknown") and article.language == "en"


def test_html_page_metadata_by_trafilatura(tmp_path, settings):
    path = tmp_path / "wp.html"
    path.write_text(html_page(WP_TITLE, WP_BODY), encoding="utf-8")
    (article,) = _articles(_load([path], settings))
    assert article.title == WP_TITLE and article.text.startswith(WP_TITLE + "\n")
    assert article.text.count(WP_TITLE) == 1
    assert "The wounded fighters were taken to Kyiv" in article.text and "Home" not in article.text
    assert "© 2025" not in article.text
    assert article.outlet == "The Washington Post" and "outlet" in article.inferred
    assert article.published == "2025-01-11T09:30:00-05:00"
    assert article.url.startswith("https://www.washingtonpost.com/world/2025/01/11/")
    assert article.author == "Siobhán O'Grady" and article.language == "en"
    assert article.source_format == "html"


def test_html_outlet_from_domain_without_site_name(tmp_path, settings):
    path = tmp_path / "page.htm"
    path.write_text(html_page(WP_TITLE, WP_BODY, site=None), encoding="utf-8")
    (article,) = _articles(_load([path], settings))
    assert article.outlet == "washingtonpost.com" and "outlet" in article.inferred


def test_jsonl_records_keep_unknown_keys(tmp_path, settings):
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl_records() + "{not json\n", encoding="utf-8")
    up, wp, bad = _load([path], settings)
    assert up.outlet == "Ukrainska Pravda" and up.extra == {"section": "war"}
    assert "Support UP" not in up.text and up.text.count(UP_TITLE) == 1
    assert wp.title == WP_TITLE and wp.extra == {"tags": ["ukraine", "north korea"]} and wp.inferred == ()
    assert isinstance(bad, IngestError) and bad.source == f"{path}:3" and "malformed JSON" in bad.reason


def test_json_list(tmp_path, settings):
    path = tmp_path / "articles.json"
    rows = [json.loads(line) for line in jsonl_records().splitlines()]
    path.write_text(json.dumps(rows + [{"title": "no text"}]), encoding="utf-8")
    up, wp, bad = _load([path], settings)
    assert up.outlet == "Ukrainska Pravda" and wp.outlet == "The Washington Post"
    assert isinstance(bad, IngestError) and bad.source.endswith("articles.json[2]") and "no text" in bad.reason


def test_rss_full_content_and_summary_only(tmp_path, settings):
    body = "".join(f"<p>{p}</p>" for p in WP_BODY.splitlines() if p.strip())
    path = tmp_path / "feed.rss"
    path.write_text(rss_feed([
        {"title": WP_TITLE, "link": "https://example.org/full", "date": "Sat, 11 Jan 2025 15:00:00 +0200",
         "summary": "Short teaser.", "content": body},
        {"title": UP_TITLE, "link": "https://www.pravda.com.ua/eng/news/2025/01/11/7492795/",
         "date": "Sat, 11 Jan 2025 13:00:00 GMT", "summary": "Ukrainian soldiers captured North Korean soldiers."},
    ]), encoding="utf-8")
    full, teaser = _articles(_load([path], settings))
    assert not full.summary_only and "Oleh, a Ukrainian special forces soldier" in full.text
    assert full.published == "2025-01-11T15:00:00+02:00" and full.title == WP_TITLE
    assert teaser.summary_only and teaser.text == UP_TITLE + "\n\nUkrainian soldiers captured North Korean soldiers."
    assert teaser.published == "2025-01-11T13:00:00+00:00" and teaser.language == "en"
    assert teaser.outlet == "Ukrainska Pravda" and teaser.url.startswith("https://www.pravda.com.ua/")


def test_atom_entry(tmp_path, settings):
    path = tmp_path / "wapo.atom"
    path.write_text(atom_feed(WP_TITLE, WP_BODY), encoding="utf-8")
    (article,) = _articles(_load([path], settings))
    assert article.title == WP_TITLE and article.published == "2025-01-11T09:30:00-05:00"
    assert article.outlet == "The Washington Post" and not article.summary_only
    assert article.source_format == "feed" and article.words > 600


def test_malformed_feed_is_one_error(tmp_path, settings):
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><item><title>x</", encoding="utf-8")
    (error,) = _load([path], settings)
    assert isinstance(error, IngestError) and error.source == str(path)


def test_warc_response_records(seed_warc, settings):
    up, wp = _articles(_load([seed_warc], settings))
    assert up.outlet == "Ukrainska Pravda" and up.published == "2025-01-11T15:00:00+02:00"
    assert up.url == seed_pages()[0][0] and "Support UP" not in up.text
    assert wp.outlet == "The Washington Post" and wp.source_format == "html"


def test_truncated_warc_yields_complete_records_then_one_error(tmp_path, seed_warc, settings):
    from .helpers import warc_bytes

    for gzip in (True, False):
        data = warc_bytes(seed_pages(), gzip=gzip)
        path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
        path.write_bytes(data[: len(data) - 500])
        first, error = _load([path], settings)
        assert isinstance(first, Article) and first.outlet == "Ukrainska Pravda"
        assert isinstance(error, IngestError) and "truncated" in error.reason
        assert error.source.startswith(f"{path}#record 2")


def test_stdin(monkeypatch, settings):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(WP.encode("utf-8"))))
    (article,) = _articles(list(load(["-"], settings, overrides={"outlet": "The Washington Post"})))
    assert article.title == WP_TITLE and article.outlet == "The Washington Post"


def test_directory_walk_order_and_skips(tmp_path, settings):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").write_text("secret " * 50)
    (tmp_path / "README.md").write_text("readme " * 50)
    (tmp_path / "LICENSE").write_text("license " * 50)
    (tmp_path / "b" / "2.txt").write_text(WP, encoding="utf-8")
    (tmp_path / "a.txt").write_text(UP, encoding="utf-8")
    items = _articles(_load([tmp_path], settings))
    assert [a.path for a in items] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]


def test_flags_override_sidecar_and_explicit_meta(tmp_path, seed_dir, settings):
    meta = tmp_path / "m.json"
    meta.write_text(json.dumps({"washington-post.txt": {"outlet": "WaPo"}}), encoding="utf-8")
    up, wp = _articles(_load([seed_dir], settings, meta_file=str(meta), overrides={"language": "EN-us"}))
    assert wp.outlet == "WaPo" and up.outlet == "Ukrainska Pravda"
    assert up.language == wp.language == "en" and wp.published == "2025-01-11"


def test_missing_file_and_over_size(tmp_path, settings):
    from dataclasses import replace

    big = tmp_path / "big.txt"
    big.write_text(WP, encoding="utf-8")
    missing, over = _load([tmp_path / "nope.txt", big], replace(settings, max_bytes=100))
    assert isinstance(missing, IngestError) and missing.reason == "no such file or directory"
    assert isinstance(over, IngestError) and "size limit" in over.reason


def test_warc_size_limit_is_per_record(tmp_path, settings):
    from dataclasses import replace

    from .helpers import warc_bytes

    pages = seed_pages()
    huge = ("https://example.org/huge", "<html><body>" + "<p>padding text</p>" * 2000 + "</body></html>")
    path = tmp_path / "crawl.warc"
    path.write_bytes(warc_bytes([pages[0], huge, pages[1]], gzip=False))
    limit = max(len(p.encode()) for _, p in pages) + 100
    assert path.stat().st_size > limit
    up, error, wp = _load([path], replace(settings, max_bytes=limit))
    assert isinstance(up, Article) and isinstance(wp, Article)
    assert isinstance(error, IngestError) and error.source == f"{path}#record 2 <https://example.org/huge>"
    assert "size limit" in error.reason


def test_warc_non_html_and_error_status_records_are_skipped(tmp_path, settings):
    from .helpers import warc_bytes

    pages = seed_pages()
    untyped = ("https://example.org/untyped", html_page(WP_TITLE, WP_BODY), "")
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(warc_bytes([("https://example.org/data.json", '{"a": 1}', "application/json"),
                                 ("https://example.org/moved", "<html><body>Moved</body></html>", "text/html",
                                  "301 Moved Permanently"), pages[0], untyped]))
    up, wp = _load([path], settings)  # the JSON record and the redirect are not articles, nor errors
    assert isinstance(up, Article) and up.outlet == "Ukrainska Pravda"
    assert isinstance(wp, Article) and wp.title == WP_TITLE  # no Content-Type, but the payload is a page


def test_directory_with_nothing_to_read_is_one_error(tmp_path, settings):
    from newsweave.ingest import expand

    folder = tmp_path / "nothing"
    (folder / "deeper").mkdir(parents=True)
    (folder / "meta.json").write_text("{}", encoding="utf-8")
    assert expand([str(folder)]) == [str(folder)]
    (error,) = _load([folder], settings)
    assert str(error) == f"{folder}: no files to ingest in this directory"


def test_other_url_schemes_are_refused_by_name(settings):
    errors = _load(["ftp://example.com/a.txt", "FILE:///etc/hostname", "gopher://x/1"], settings)
    assert [e.reason for e in errors] == [
        f"unsupported URL scheme '{s}' (only http and https URLs can be fetched)" for s in ("ftp", "file", "gopher")]


def test_malformed_jsonl_line_is_named_and_the_rest_loads(tmp_path, settings):
    path = tmp_path / "items.jsonl"
    good = {"title": "Budget passed", "text": "The council approved the budget on Monday after a long debate.",
            "outlet": "Daily A", "language": "en"}
    path.write_text(json.dumps(good) + "\n[1,\n\n" + json.dumps(good | {"outlet": "Daily B"}) + "\n", encoding="utf-8")
    first, bad, last = _load([path], settings)
    assert (first.outlet, last.outlet) == ("Daily A", "Daily B")
    assert str(bad) == f"{path}:2: malformed JSON line: Expecting value (column 4)"
