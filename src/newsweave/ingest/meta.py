"""Metadata: sidecar meta.json and flags, normalised dates and languages, inference of what is still missing."""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from ..errors import IngestError

META_FIELDS = ("title", "outlet", "published", "language", "url", "author")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


# --------------------------------------------------------------------------- normalising
def normalize_published(value: Any) -> str | None:
    """ISO 8601 as given: a date stays a date, a datetime keeps its offset (or its lack of one)."""
    if value is None:
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _valid_date(text)
    for parse in (_iso, _rfc822, dateline_published):
        result = parse(text)
        if result:
            return result
    return None


def _valid_date(text: str) -> str | None:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _iso(text: str) -> str | None:
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if " " in text[:11] else text).isoformat()
    except ValueError:
        return None


def _rfc822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def dateline_published(text: str | None) -> str | None:
    """`Jan 11, 2025 - 15:00` -> `2025-01-11T15:00:00`; a date without time -> `2025-01-11`."""
    from .clean import DATELINE

    match = DATELINE.match(text or "")
    if not match:
        return None
    g = match.groupdict()
    try:
        if g["iso"]:
            day = date.fromisoformat(g["iso"])
        else:
            month = _MONTHS[(g["mon"] or g["mon2"])[:3].lower()]
            day = date(int(g["year"] or g["year2"]), month, int(g["day"] or g["day2"]))
    except (KeyError, ValueError):
        return None
    if not g["time"]:
        return day.isoformat()
    hour, minute = (int(x) for x in g["time"].split(":"))
    ampm = (g["ampm"] or "").replace(".", "").lower()
    hour = hour % 12 + (12 if ampm == "pm" else 0) if ampm else hour
    try:
        return datetime(day.year, day.month, day.day, hour, minute).isoformat()
    except ValueError:
        return day.isoformat()


def normalize_language(value: Any) -> str | None:
    """`en`, `EN`, `en-US`, `en_GB` -> `en`."""
    match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_].*)?$", str(value or ""))
    return match.group(1).lower() if match else None


# --------------------------------------------------------------------------- inference
def outlet_from_url(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url else ""
    host = re.sub(r"^(?:www\d?|m|amp|edition)\.", "", host.lower())
    return host or None


@lru_cache(maxsize=1)
def _detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code by lingua (low-accuracy mode: fast, fine on article-length text)."""
    language = _detector().detect_language_of(text[:5000])
    return language.iso_code_639_1.name.lower() if language is not None else None


# --------------------------------------------------------------------------- sidecars
class Sidecars:
    """meta.json files beside the inputs (found automatically) and one explicit --meta file.

    A meta file maps an input's file name (or relative path, or URL) to fields; top-level field keys
    in the explicit file apply to every input. Both are read within ``max_bytes``; an unreadable explicit file
    raises IngestError, an unreadable meta.json is reported by ``broken`` for the files beside it.
    """

    def __init__(self, meta_file: str | None = None, max_bytes: int = 20_000_000):
        self.max_bytes = max_bytes
        self._cache: dict[Path, dict[str, Any] | IngestError] = {}
        self.explicit = _read_meta(Path(meta_file), max_bytes) if meta_file else {}
        self.base = Path(meta_file).parent if meta_file else None

    def lookup(self, path: str | None, keys: tuple[str, ...] = ()) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if path:
            p = Path(path)
            beside = self._beside(p.parent)
            found.update(_pick(beside if isinstance(beside, dict) else {}, (p.name, *keys)))
        names = (*_names(path, self.base), *keys)
        found.update({k: v for k, v in self.explicit.items() if k in META_FIELDS})
        found.update(_pick(self.explicit, names))
        return found

    def broken(self, path: str) -> IngestError | None:
        """The error of the meta.json beside this input when that file cannot be read (so its metadata would be
        missing), else None."""
        if path == "-" or "://" in path:
            return None
        beside = self._beside(Path(path).parent)
        if not isinstance(beside, IngestError):
            return None
        return IngestError(beside.source, f"{beside.reason}; the files beside it are not read until it is fixed")

    def _beside(self, directory: Path) -> dict[str, Any] | IngestError:
        if directory not in self._cache:
            sidecar = directory / "meta.json"
            try:
                self._cache[directory] = _read_meta(sidecar, self.max_bytes) if sidecar.is_file() else {}
            except IngestError as exc:
                self._cache[directory] = exc
        return self._cache[directory]


def _names(path: str | None, base: Path | None) -> tuple[str, ...]:
    if not path:
        return ()
    p = Path(path)
    names = [p.name, str(p)]
    if base is not None:
        try:
            names.append(str(p.resolve().relative_to(base.resolve())))
        except ValueError:
            pass
    return tuple(names)


def _pick(meta: Mapping[str, Any], names) -> dict[str, Any]:
    for name in names:
        entry = meta.get(name)
        if isinstance(entry, Mapping):
            return {k: v for k, v in entry.items() if v is not None}
    return {}


def _read_meta(path: Path, max_bytes: int) -> dict[str, Any]:
    from .encoding import scrub
    from .regular import read_regular

    try:
        data = scrub(json.loads(read_regular(str(path), max_bytes).decode("utf-8-sig")))
    except IngestError as exc:
        raise IngestError(str(path), f"unreadable metadata file: {exc.reason}") from exc
    except (OSError, ValueError, RecursionError) as exc:  # ValueError: bad JSON, UTF-8, or a huge integer
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else _one_line(exc)
        if "integer string conversion" in reason:
            reason = "a number of more than 4300 digits"
        elif isinstance(exc, RecursionError):
            reason = "nested too deeply"
        raise IngestError(str(path), f"unreadable metadata file: {reason}") from exc
    if not isinstance(data, dict):
        raise IngestError(str(path), "metadata file is not a JSON object")
    return data


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"
