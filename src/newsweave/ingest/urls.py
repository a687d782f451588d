"""Fetching http(s) URLs: a timeout, a size cap, bounded redirects, and private addresses refused.

Every hop's host is resolved and *every* address checked (loopback, private, link-local, multicast,
reserved, unspecified) unless ``allow_private``.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import IngestError
from ..settings import Settings

_USER_AGENT = "newsweave/0.1 (+https://github.com/newsweave)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


def fetch(url: str, settings: Settings) -> Fetched:
    import httpx

    seen: list[str] = []
    deadline = time.monotonic() + settings.fetch_timeout
    with httpx.Client(follow_redirects=False, timeout=settings.fetch_timeout, trust_env=False,
                      headers={"User-Agent": _USER_AGENT}) as client:
        while True:
            check_url(url, settings.allow_private)
            if url in seen:
                raise IngestError(seen[0], f"redirect loop at {url}")
            if len(seen) > settings.max_redirects:
                raise IngestError(seen[0], f"too many redirects (more than {settings.max_redirects})")
            seen.append(url)
            try:
                result = _get(client, url, settings.max_bytes, deadline)
            except httpx.HTTPError as exc:
                raise IngestError(url, f"fetch failed: {type(exc).__name__}: {exc}") from exc
            if isinstance(result, Fetched):
                return result
            url = result


def _get(client, url: str, max_bytes: int, deadline: float) -> Fetched | str:
    """One request: a Fetched page, or the next URL of a redirect."""
    with client.stream("GET", url) as response:
        if response.is_redirect:
            location = response.headers.get("location")
            if not location:
                raise IngestError(url, f"redirect {response.status_code} without a Location")
            return urljoin(url, location)
        if response.status_code >= 400:
            raise IngestError(url, f"HTTP {response.status_code}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise IngestError(url, f"over the size limit ({declared} > {max_bytes} bytes)")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise IngestError(url, f"over the size limit (more than {max_bytes} bytes)")
            if time.monotonic() > deadline:
                raise IngestError(url, "fetch timed out")
            chunks.append(chunk)
        return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""))


def check_url(url: str, allow_private: bool) -> None:
    """Refuse non-http(s) URLs, and hosts resolving to any non-public address unless allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError(url, "only http(s) URLs with a host can be fetched")
    if allow_private:
        return
    for address in resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), url):
        if not _public(address):
            raise IngestError(url, f"refused: {parts.hostname} resolves to non-public address {address} "
                                   "(use --allow-private)")


def resolve(host: str, port: int, url: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(url, f"cannot resolve {host}: {exc}") from exc
    return sorted({info[4][0] for info in infos})


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified)
