"""Typed exceptions of the library; the CLI and the web app turn them into one-line messages."""
from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of every error the library raises on purpose."""


class IngestError(NewsweaveError):
    """An input could not be read as an article. ``source`` names the file, URL or WARC record."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class PaywallError(IngestError):
    """The input is a paywall stub, not an article."""


class StoreError(NewsweaveError):
    """The database could not be read or written."""


class NotFound(StoreError):
    """No record with that id."""


class MissingExtra(NewsweaveError):
    """An optional dependency is not installed."""

    def __init__(self, extra: str, module: str):
        super().__init__(
            f"{module} is not installed: install the '{extra}' extra (pip install 'newsweave[{extra}]')"
        )
        self.extra = extra
        self.module = module


def require(module: str, extra: str):
    """Import an optional module lazily, or raise MissingExtra naming the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtra(extra, module) from exc
