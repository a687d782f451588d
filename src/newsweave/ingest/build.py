"""Draft -> Article: clean the text, merge metadata (document < sidecar < flags), infer what is missing."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping

from ..errors import IngestError
from ..models import Article, article_id, content_hash
from .clean import clean, key
from .encoding import scrub, scrub_text
from .draft import Draft
from .meta import (
    META_FIELDS, dateline_published, detect_language, normalize_language, normalize_published, outlet_from_url,
)

UNKNOWN_OUTLET = "unknown"
_TITLE_MAX = 300  # characters of a title, outlet, author or language kept
_URL_MAX = 2048
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
MAX_ARTICLE_CHARS = 100_000  # the default limit on one article's text (Settings.max_article_chars)


def build_article(draft: Draft, meta: Mapping[str, Any], overrides: Mapping[str, str],
                  max_chars: int = MAX_ARTICLE_CHARS) -> Article:
    body = scrub_text(draft.body.strip("\n"))
    if len(body) > max_chars:
        raise IngestError(draft.source, f"article too long: {len(body)} characters (max_article_chars is "
                                        f"{max_chars})")
    fields = _merge(draft, meta, overrides)
    original = _with_title(body, fields.get("title"))
    cleaned = clean(original, draft.source)
    if not cleaned.text.strip():
        raise IngestError(draft.source, "no article text left after cleaning")
    inferred: list[str] = []
    if not fields.get("published") and cleaned.dateline:
        fields["published"] = dateline_published(cleaned.dateline)
        inferred.append("published")
    outlet = fields.get("outlet") or _infer_outlet(draft, fields.get("url"), cleaned.text)
    if not fields.get("outlet"):
        inferred.append("outlet")
    language = fields.get("language") or detect_language(cleaned.text)
    if not fields.get("language"):
        inferred.append("language")
    return Article(
        id=article_id(cleaned.text, outlet), outlet=outlet,
        title=fields.get("title") or _first_line(cleaned.text), text=cleaned.text, original=original,
        segments=cleaned.segments, published=fields.get("published"), language=language,
        url=fields.get("url"), path=scrub_text(draft.path) if draft.path else None, author=fields.get("author"),
        source_format=draft.source_format, inferred=tuple(inferred), summary_only=draft.summary_only,
        extra=scrub(dict(draft.extra)),
    )


def _merge(draft: Draft, meta: Mapping[str, Any], overrides: Mapping[str, str]) -> dict[str, Any]:
    fields = {name: getattr(draft, name) for name in META_FIELDS}
    for layer in (meta, overrides):
        fields.update({k: v for k, v in layer.items() if k in META_FIELDS and v not in (None, "")})
    fields = {k: _bounded(k, v) for k, v in fields.items()}
    fields["published"] = normalize_published(fields["published"])
    fields["language"] = normalize_language(fields["language"])
    return fields


def _bounded(name: str, value: Any) -> str | None:
    """A metadata value as one line of text, scrubbed and cut to its limit."""
    if value is None:
        return None
    text = " ".join(_CONTROLS.sub(" ", scrub_text(str(value)[:_URL_MAX * 4])).split())
    return text[:_URL_MAX if name == "url" else _TITLE_MAX] or None


def _with_title(body: str, title: str | None) -> str:
    """Text used downstream starts with its headline: prepend the title unless the body opens with it
    (or with a variant of it, such as the page title with the site name appended)."""
    first, wanted = key(_first_line(body)), key(title or "")
    if not wanted or (first and (first in wanted or wanted in first)):
        return body
    return f"{title}\n\n{body}"


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return " ".join(line.split())[:_TITLE_MAX]


def _infer_outlet(draft: Draft, url: str | None, text: str) -> str:
    """The site name of the page or feed, else the URL's host; else an unknown outlet of its own, named after the
    input (``unknown (report.txt)``), so that two reports of unknown outlets never count as one source."""
    return _bounded("outlet", draft.sitename) or outlet_from_url(url) or unknown_outlet(draft, text)


def unknown_outlet(draft: Draft, text: str) -> str:
    name = _bounded("outlet", Path(draft.path).name) if draft.path else None
    return f"{UNKNOWN_OUTLET} ({name or content_hash(' '.join(text.split()))[:8]})"


def outlet_unknown(article: Article) -> bool:
    """True when nothing named the article's outlet (no metadata, site name or URL)."""
    return "outlet" in article.inferred and (article.outlet == UNKNOWN_OUTLET
                                             or article.outlet.startswith(UNKNOWN_OUTLET + " ("))

