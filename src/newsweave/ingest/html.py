"""HTML pages: main text and metadata via trafilatura; small fragments (feed content) via lxml."""
from __future__ import annotations

import re

from ..errors import IngestError
from .draft import Draft
from .meta import normalize_published

_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @property='og:article:published_time' or "
    "@name='article:published_time' or @itemprop='datePublished' or @name='pubdate' or "
    "@name='publishdate' or @name='dc.date' or @name='DC.date.issued']/@content"
    " | //time[@itemprop='datePublished']/@datetime"
)
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}


def read_html(html: str, source: str, *, url: str | None = None, **fields) -> list[Draft]:
    """One page -> one Draft with trafilatura's title, site name, author, date, URL and language."""
    tree = _parse(html)
    published = _meta_published(tree)
    doc = _extract(tree, url) if tree is not None else None
    body = (doc.text or "") if doc is not None else ""
    if not body.strip():
        body = fragment_text(html)
    if not body.strip():
        raise IngestError(source, "no article text found in the HTML page")
    meta = {
        "title": _get(doc, "title"), "sitename": _get(doc, "sitename"), "author": _get(doc, "author"),
        "published": published or _date(_get(doc, "date")), "url": url or _get(doc, "url"),
        "language": _get(doc, "language") or _html_lang(html),
    }
    return [Draft(source=source, body=body, source_format="html", **{**meta, **_given(fields)})]


def _given(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if v is not None}


def fragment_text(html: str) -> str:
    """Text of an HTML fragment, one line per block element (a real parser: lxml)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _parse(html: str):
    """One lxml tree (trafilatura's own loader) shared by the metadata reader and the extractor."""
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except Exception:  # noqa: BLE001 - hostile markup
        return None


def _extract(tree, url: str | None):
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_recall=True, date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - trafilatura on hostile pages; fall back to the fragment reader
        return None


def _get(doc, name: str):
    value = getattr(doc, name, None) if doc is not None else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _date(value: str | None) -> str | None:
    """htmldate pads a bare date with midnight: give the date alone then."""
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00", value):
        return value[:10]
    return value


def _meta_published(tree) -> str | None:
    """The page's own publication timestamp (keeps time and offset, which htmldate may drop)."""
    if tree is None:
        return None
    for value in tree.xpath(_PUBLISHED_XPATH):
        found = normalize_published(value)
        if found:
            return found
    return None


def _html_lang(html: str) -> str | None:
    match = re.search(r"<html[^>]{0,300}?\slang\s*=\s*[\"']?([A-Za-z]{2,3})\b", html[:5000], re.I)
    return match.group(1).lower() if match else None
