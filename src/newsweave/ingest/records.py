"""JSON and JSONL records: {"title", "text", "outlet", "published", "url", "language", ...}; other keys kept."""
from __future__ import annotations

import json
import sys
from typing import Any, Iterator

from ..errors import IngestError
from .draft import Draft
from .encoding import MAX_DEPTH, scrub
from .meta import META_FIELDS as FIELDS

_TEXT_KEYS = ("text", "body", "content")


def read_json(text: str, source: str, **fields) -> Iterator[Draft | IngestError]:
    """A JSON object (one article), a list of them, or {"articles": [...]}."""
    try:
        data = _parse(text)
    except ValueError as exc:
        yield IngestError(source, f"malformed JSON: {exc}")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        name = source if len(items) == 1 else f"{source}[{index}]"
        yield _draft(item, name, **fields)


def read_jsonl(text: str, source: str, **fields) -> Iterator[Draft | IngestError]:
    """One JSON object per line; a bad line is one error naming that line, and the rest still loads."""
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 may sit inside a JSON string
        if not line.strip():
            continue
        name = f"{source}:{number}"
        try:
            item = _parse(line)
        except ValueError as exc:
            yield IngestError(name, f"malformed JSON line: {exc}")
            continue
        yield _draft(item, name, **fields)


def _parse(text: str) -> Any:
    """JSON with lone surrogates replaced; ValueError (one line) for what cannot be read: bad syntax, nesting past
    MAX_DEPTH levels, an integer too long to convert."""
    try:
        return scrub(json.loads(text))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{exc.msg} (column {exc.colno})" if exc.lineno == 1 else str(exc)) from exc
    except RecursionError as exc:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels") from exc
    except ValueError as exc:  # int() of a 4,300+ digit number
        if "integer string conversion" in str(exc):
            raise ValueError(f"a number of more than {sys.get_int_max_str_digits()} digits") from exc
        raise ValueError(" ".join(str(exc).split())[:200]) from exc


def _draft(item: Any, name: str, **fields) -> Draft | IngestError:
    if not isinstance(item, dict):
        return IngestError(name, "JSON record is not an object")
    body = next((item[k] for k in _TEXT_KEYS if isinstance(item.get(k), str) and item[k].strip()), None)
    if body is None:
        return IngestError(name, "JSON record has no text")
    known = {k: _str(item.get(k)) for k in FIELDS}
    extra = {k: v for k, v in item.items() if k not in FIELDS and k not in _TEXT_KEYS}
    return Draft(source=name, body=body, source_format="json", extra=extra, **known, **fields)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
