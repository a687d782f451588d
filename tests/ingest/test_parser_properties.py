"""Property tests of the readers on generated structured input: JSON and JSONL records with any values (lone
surrogates, deep nesting, huge numbers), WARC archives cut anywhere, feeds and pages with any text, metadata files
and values of any shape. Each reader gives drafts or errors naming the input, never an exception, and what it
builds can always be stored (UTF-8) with bounded metadata."""
from __future__ import annotations

import io
import json

from hypothesis import given, settings as hsettings, strategies as st

from newsweave.errors import IngestError
from newsweave.ingest.build import build_article
from newsweave.ingest.draft import Draft
from newsweave.ingest.encoding import scrub_text
from newsweave.ingest.feeds import read_feed
from newsweave.ingest.html import read_html
from newsweave.ingest.meta import Sidecars
from newsweave.ingest.records import read_json, read_jsonl
from newsweave.ingest.warc import read_warc
from newsweave.models import Article
from newsweave.present.output import printable

from .helpers import WP_BODY, html_page, warc_bytes

ANY_TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=80)  # surrogates too
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), ANY_TEXT)
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(ANY_TEXT, inner, max_size=4)),
                           max_leaves=20)
RECORDS = st.fixed_dictionaries({"text": st.one_of(st.just(WP_BODY), ANY_TEXT, SCALARS)},
                                optional={k: JSON_VALUES for k in ("title", "outlet", "published", "language",
                                                                   "url", "author", "note", "tags")})


def _stored(article: Article) -> None:
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    assert len(article.title) <= 300 and len(article.outlet) <= 300 and len(article.author or "") <= 300
    assert len(article.url or "") <= 2048


def _built(items, source: str) -> None:
    for item in items:
        assert isinstance(item, (Draft, IngestError))
        if isinstance(item, IngestError):
            assert item.source.startswith(source)
            continue
        try:
            _stored(build_article(item, {}, {"language": "en"}))
        except IngestError as exc:
            assert exc.source.startswith(source)


@hsettings(max_examples=150, deadline=None)
@given(st.one_of(RECORDS, st.lists(RECORDS, max_size=4), JSON_VALUES))
def test_any_json_document_reads_to_drafts_or_named_errors(value):
    text = json.dumps(value, allow_nan=True)
    _built(list(read_json(text, "doc.json")), "doc.json")


@hsettings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(RECORDS.map(json.dumps), ANY_TEXT.map(lambda t: t.replace("\n", " ")),
                          st.integers(1, 6000).map(lambda n: "[" * n + "]" * n),
                          st.integers(4300, 6000).map(lambda n: '{"text": "x", "n": ' + "7" * n + "}")),
                max_size=8))
def test_any_jsonl_line_costs_that_line_only(lines):
    text = "\n".join(scrub_text(line) for line in lines)
    items = list(read_jsonl(text, "feed.jsonl"))
    nonblank = [n for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    assert len(items) == len(nonblank)
    for item, number in zip(items, nonblank):
        assert item.source == f"feed.jsonl:{number}"
    _built(items, "feed.jsonl")


PAGES = st.lists(st.tuples(st.sampled_from(["https://a.example/1", "https://b.example/2", ""]),
                           st.one_of(st.just(html_page("Title", WP_BODY)), ANY_TEXT.map(scrub_text)),
                           st.sampled_from(["text/html", "text/html; charset=latin-1", "", "image/png"])),
                 min_size=1, max_size=3)


@hsettings(max_examples=60, deadline=None)
@given(PAGES, st.booleans(), st.floats(0, 1), st.binary(max_size=40))
def test_any_warc_cut_anywhere_reads_without_raising(pages, gz, cut, tail):
    data = warc_bytes(pages, gzip=gz)
    data = data[: int(len(data) * cut)] + tail
    items = list(read_warc(io.BytesIO(data), "crawl.warc", gzipped=data[:2] == b"\x1f\x8b", max_bytes=10 ** 6))
    _built(items, "crawl.warc")


@hsettings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(ANY_TEXT, ANY_TEXT), max_size=4), st.sampled_from(["", "<!DOCTYPE rss [<!ENTITY e 'x'>]>"]))
def test_any_feed_text_reads_to_drafts_or_named_errors(items, doctype):
    from xml.sax.saxutils import escape

    xml_items = "".join(f"<item><title>{escape(scrub_text(t))}</title><description>{escape(scrub_text(b))}"
                        "</description></item>" for t, b in items)
    data = (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>W</title>{xml_items}'
            "</channel></rss>").encode("utf-8", "replace")
    _built(list(read_feed(data, "wire.rss")), "wire.rss")


@hsettings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</script>", "<title>", "</title>",
                                           "<!--", "-->", "<meta charset='x'>", "&amp;", "&#xd800;", "&#0;"]),
                          ANY_TEXT.map(scrub_text)), max_size=30))
def test_any_tag_soup_reads_to_a_draft_or_a_named_error(parts):
    try:
        items = read_html("".join(parts), "page.html")
    except IngestError as exc:
        assert exc.source == "page.html"
        return
    _built(items, "page.html")


@hsettings(max_examples=100, deadline=None)
@given(JSON_VALUES)
def test_any_metadata_file_is_read_or_one_named_error(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("meta") / "given.json"
    path.write_text(json.dumps(value), encoding="utf-8", errors="surrogatepass")
    try:
        sidecars = Sidecars(str(path))
    except IngestError as exc:
        assert exc.source == str(path)
        return
    meta = sidecars.lookup(str(path.parent / "a.txt"))
    draft = Draft(source="a.txt", body=WP_BODY)
    _stored(build_article(draft, meta, {}))


@hsettings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_scrubbed_text_is_utf8_and_stable(text):
    clean = scrub_text(text)
    clean.encode("utf-8")
    assert scrub_text(clean) == clean
    assert (clean == text) == (not any(0xD800 <= ord(c) <= 0xDFFF for c in text))


@hsettings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_printable_sends_no_control_character_to_the_terminal(text):
    shown = printable(text)
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F and not 0xD800 <= ord(c) <= 0xDFFF for c in shown)
    if all(0x20 <= ord(c) < 0x7F for c in text):
        assert shown == text
