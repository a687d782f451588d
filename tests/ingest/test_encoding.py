"""Encodings: BOMs, UTF-16, cp1251, latin-1, NFC; binary and empty input refused."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from newsweave.errors import IngestError
from newsweave.ingest import load
from newsweave.ingest.encoding import decode
from newsweave.models import Article

from .helpers import UP, WP

CYRILLIC = (
    "Зеленський: українці взяли в полон північнокорейських солдатів\n\n"
    "Українські військові взяли в полон двох північнокорейських солдатів у Курській області Росії. "
    "Про це повідомив президент Володимир Зеленський. Полонені не розмовляють українською, англійською "
    "чи російською мовами, тому спілкування відбувається через корейських перекладачів.\n"
)
LATIN = "Café crème à Genève: le président a déclaré samedi que deux soldats blessés ont été capturés.\n" * 3


@pytest.mark.parametrize("data, expected", [
    (WP.encode("utf-8"), WP),
    (b"\xef\xbb\xbf" + WP.encode("utf-8"), WP),
    (WP.encode("utf-16"), WP),  # with BOM
    (WP.encode("utf-16-le"), WP),  # without BOM
    (CYRILLIC.encode("cp1251"), CYRILLIC),
    (LATIN.encode("latin-1"), LATIN),
    (UP.replace("\n", "\r\n").encode("utf-8"), UP),
])
def test_decodes_without_mojibake(data, expected):
    assert decode(data, "x") == unicodedata.normalize("NFC", expected)


def test_nfc_normalised():
    decomposed = unicodedata.normalize("NFD", LATIN)
    assert decomposed != LATIN
    assert decode(decomposed.encode("utf-8"), "x") == LATIN


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    (bytes(range(256)) * 16, "binary"),
    (b"%PDF-1.7\n" + bytes(range(128, 256)) * 4, "binary"),
])
def test_refuses_empty_and_binary(data, reason):
    with pytest.raises(IngestError, match=reason):
        decode(data, "x")


def test_cp1251_file_is_stored_as_cyrillic(tmp_path, settings):
    path = tmp_path / "ua.txt"
    path.write_bytes(CYRILLIC.encode("cp1251"))
    (article,) = load([str(path)], settings)
    assert isinstance(article, Article)
    assert article.title.startswith("Зеленський: українці") and article.language == "uk"


def test_html_declared_charset(tmp_path, settings):
    page = (f"<html><head><meta charset=\"windows-1251\"><title>Зеленський</title></head><body><article>"
            f"{''.join(f'<p>{line}</p>' for line in CYRILLIC.splitlines() if line)}</article></body></html>")
    path = tmp_path / "ua.html"
    path.write_bytes(page.encode("cp1251"))
    (article,) = load([str(path)], settings)
    assert isinstance(article, Article) and "північнокорейських" in article.text


@hsettings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_raise_ingest_error(data):
    try:
        text = decode(data, "x")
    except IngestError:
        return
    assert text == unicodedata.normalize("NFC", text) and "\r" not in text and "\x00" not in text


@hsettings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "a.rss", "a.warc", "a"]))
def test_any_file_loads_to_articles_or_errors(tmp_path_factory, data, name):
    from newsweave.config import Settings

    path = tmp_path_factory.mktemp("any") / name
    path.write_bytes(data)
    for item in load([str(path)], Settings(), overrides={"language": "en", "outlet": "x"}):
        assert isinstance(item, (Article, IngestError))
