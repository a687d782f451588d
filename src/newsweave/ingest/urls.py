"""Fetching http(s) URLs: timeouts, a size cap, bounded redirects, and private addresses refused.

Every hop's host is resolved once and *every* address checked (loopback, private, link-local, multicast,
reserved, unspecified; IPv4-mapped IPv6 judged as its IPv4 address) unless ``allow_private``. The connection
then goes to those checked addresses themselves (a pinned network backend), never to a second DNS answer, so
a name that re-resolves to an internal address between check and connect (DNS rebinding) gains nothing. The
Host header, TLS SNI and certificate verification still use the URL's host name.
"""
from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Mapping
from urllib.parse import urljoin, urlsplit

from ..errors import IngestError
from ..config import Settings

_USER_AGENT = "newsweave/0.1 (+https://github.com/newsweave)"
CONNECT_TIMEOUT = 10.0  # seconds per connection attempt, never more than what is left of the deadline


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    status: int = 200  # 304: not modified since the validators sent (no content)
    validators: tuple[tuple[str, str], ...] = ()  # the ETag and Last-Modified headers received, for the next request


class HTTPStatusError(IngestError):
    """The server answered with an error status; ``retry_after`` in seconds when it said when to come back."""

    def __init__(self, source: str, status: int, retry_after: float | None = None):
        super().__init__(source, f"HTTP {status}")
        self.status, self.retry_after = status, retry_after


VALIDATORS = {"etag": "if-none-match", "last-modified": "if-modified-since"}  # response header -> request header


def fetch(url: str, settings: Settings, *, ssl_context: ssl.SSLContext | None = None,
          validators: Mapping[str, str] | None = None) -> Fetched:
    """GET ``url`` following at most ``settings.max_redirects`` redirects, all within ``fetch_timeout``. With
    ``validators`` (``Fetched.validators`` of an earlier fetch) the request is conditional: an unchanged page comes
    back as status 304 without content."""
    import httpx

    seen: list[str] = []
    pins: dict[str, tuple[str, ...]] = {}  # host -> the addresses checked for it; the only ones dialled
    deadline = time.monotonic() + settings.fetch_timeout
    context = ssl_context or httpx.create_ssl_context(trust_env=False)
    headers = {"User-Agent": _USER_AGENT} | {VALIDATORS[k]: v for k, v in (validators or {}).items() if k in VALIDATORS}
    with httpx.Client(transport=_pinned_transport(pins, context), follow_redirects=False, trust_env=False,
                      headers=headers) as client:
        while True:
            if url in seen:
                raise IngestError(seen[0], f"redirect loop at {url}")
            if len(seen) > settings.max_redirects:
                raise IngestError(seen[0], f"too many redirects (more than {settings.max_redirects})")
            host, addresses = check_url(url, settings.allow_private)
            pins[host] = addresses
            seen.append(url)
            try:
                result = _get(client, url, settings.max_bytes, deadline)
            except httpx.TimeoutException as exc:
                raise IngestError(url, f"fetch timed out ({type(exc).__name__})") from exc
            except httpx.HTTPError as exc:
                raise IngestError(url, f"fetch failed: {type(exc).__name__}: {exc}") from exc
            if isinstance(result, Fetched):
                return result
            url = result


def _get(client, url: str, max_bytes: int, deadline: float) -> Fetched | str:
    """One request: a Fetched page, or the next URL of a redirect."""
    import httpx

    left = _left(url, deadline)
    timeout = httpx.Timeout(left, connect=min(CONNECT_TIMEOUT, left))
    with client.stream("GET", url, timeout=timeout) as response:
        if response.status_code == 304:
            return Fetched(str(response.url), b"", response.headers.get("content-type", ""), 304,
                           _validators(response.headers))
        if response.is_redirect:
            location = response.headers.get("location")
            if not location:
                raise IngestError(url, f"redirect {response.status_code} without a Location")
            return urljoin(url, location)
        if response.status_code >= 400:
            raise HTTPStatusError(url, response.status_code, _retry_after(response.headers.get("retry-after")))
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise IngestError(url, f"over the size limit ({declared} > {max_bytes} bytes)")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise IngestError(url, f"over the size limit (more than {max_bytes} bytes)")
            _left(url, deadline)
            chunks.append(chunk)
        return Fetched(str(response.url), b"".join(chunks), response.headers.get("content-type", ""),
                       response.status_code, _validators(response.headers))


def _validators(headers) -> tuple[tuple[str, str], ...]:
    return tuple((k, headers[k]) for k in VALIDATORS if headers.get(k))


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds from now: a number of seconds or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError):
        return None


def _left(url: str, deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise IngestError(url, "fetch timed out")
    return left


def check_url(url: str, allow_private: bool) -> tuple[str, tuple[str, ...]]:
    """The URL's host (as the HTTP client will name it) and its addresses, all checked.

    Refuses non-http(s) URLs, and hosts resolving to any non-public address unless ``allow_private``.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise IngestError(url, "only http(s) URLs with a host can be fetched")
    host = _client_host(url)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise IngestError(url, f"bad port: {exc}") from exc
    addresses = tuple(resolve(host, port, url))
    if not addresses:
        raise IngestError(url, f"cannot resolve {host}: no addresses")
    if not allow_private:
        for address in addresses:
            if not _public(address):
                raise IngestError(url, f"refused: {parts.hostname} resolves to non-public address {address} "
                                       "(use --allow-private)")
    return host, addresses


def _client_host(url: str) -> str:
    """The host exactly as httpx/httpcore will pass it to the network backend (IDNA, lower case, no [])."""
    import httpx

    try:
        return httpx.URL(url).raw_host.decode("ascii")
    except (httpx.InvalidURL, UnicodeError) as exc:
        raise IngestError(url, f"invalid URL: {exc}") from exc


def resolve(host: str, port: int, url: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(url, f"cannot resolve {host}: {exc}") from exc
    return sorted({info[4][0] for info in infos})


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _public(address: str) -> bool:
    """A globally routable unicast address; IPv6 forms that embed an IPv4 address are judged by it."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (
            ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        if embedded is not None:
            ip = embedded
    return ip.is_global and not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                                 or ip.is_reserved or ip.is_unspecified)


def _pinned_transport(pins: Mapping[str, tuple[str, ...]], context: ssl.SSLContext):
    """An httpx transport whose connections go only to the pinned (checked) addresses of each host."""
    import httpcore
    import httpx

    class PinnedBackend(httpcore.SyncBackend):
        def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            addresses = pins.get(host.strip("[]").lower())
            if not addresses:  # never fall back to resolving the name here
                raise httpcore.ConnectError(f"{host} was not checked before connecting")
            failure: Exception | None = None
            for address in addresses:
                try:
                    return super().connect_tcp(address, port, timeout, local_address, socket_options)
                except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                    failure = exc
            raise failure

    class PinnedTransport(httpx.HTTPTransport):
        def __init__(self):
            super().__init__(verify=context, trust_env=False)
            # httpx has no public hook for the network backend: the pool is swapped for one that has ours.
            self._pool = httpcore.ConnectionPool(ssl_context=context, network_backend=PinnedBackend(),
                                                 max_connections=4, retries=0)

    return PinnedTransport()
