"""The local web app (Starlette): story list, story dossier, article view, search, upload, live refresh.

Every page is also JSON (add ``.json`` to the path or send ``Accept: application/json``): the page and the
API render the same dict. Security: binds to localhost unless a token is given; the token is checked on every
request; a strict Content-Security-Policy allows only our own static script and style; POSTs must be
same-origin; Host must be local when bound locally (against DNS rebinding).
"""
from __future__ import annotations

import contextlib
import hmac
import json
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import parse_qs, urlsplit

from ..errors import NewsweaveError, NotFound, require
from ..ingest.encoding import scrub_text
from ..present.html import asset, environment
from ..config import Settings
from ..store import Store, open_store
from . import browse, data
from .background import DossierWorker

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make browsers send "Origin: null" on our own POSTs
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
TOKEN_COOKIE = "newsweave_token"
SEEN_COOKIE = "newsweave_seen"  # the last change the reader has seen on the "what changed" page
RENDERED = data.LRU(128)  # page bodies keyed by (template, path, content hash of the dossier)
MAX_PASTE = 2_000_000
FORM_ROOM = 1 << 20  # a request body may hold max_bytes of files plus this much form fields and framing
META_KEYS = ("outlet", "published", "language", "url", "title")  # per-article metadata a submission may give


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS


class Stores:
    """One store connection per worker thread (SQLite connections are not shared across threads)."""

    def __init__(self, db: str):
        self.db = db
        self.local = threading.local()

    def get(self) -> Store:
        store = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = open_store(self.db)
        return store


def create_app(settings: Settings, token: str | None = None, local_only: bool = True):
    """The ASGI app for the store at ``settings.db``."""
    require("starlette", "web")
    from starlette.applications import Starlette
    from starlette.routing import Route

    open_store(settings.db).close()  # fail early on a bad path; apply migrations once, before worker threads
    pages = Pages(Stores(settings.db), settings, DossierWorker(settings))
    routes = [
        Route("/", pages.index), Route("/index.json", pages.index),
        Route("/story/{story_id}", pages.story), Route("/article/{article_id}", pages.article),
        Route("/search", pages.search), Route("/search.json", pages.search),
        Route("/add", pages.add, methods=["GET", "POST"]), Route("/add.json", pages.add, methods=["GET", "POST"]),
        Route("/changes.json", pages.changes),
        Route("/static/{name}", pages.static),
    ] + browse_routes(pages)
    async def not_found(request, exc):
        return pages.error(request, getattr(exc, "status_code", 404), getattr(exc, "detail", "not found"))

    async def server_error(request, exc):
        return pages.error(request, 500, "internal error: see the server log")

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pages.worker.close()

    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found, 500: server_error},
                    lifespan=lifespan)
    return Guard(app, token=token, local_only=local_only, max_body=settings.max_bytes + FORM_ROOM)


def browse_routes(pages: "Pages") -> list:
    """The browsing pages: the story and fact lists (page, JSON, CSV) and what changed (page, JSON, Atom)."""
    from starlette.routing import Route

    return [Route(f"/{name}{suffix}", handler) for name, handler in
            (("stories", pages.stories), ("facts", pages.facts), ("updates", pages.updates))
            for suffix in ("", ".json", ".csv" if name != "updates" else ".atom")]


# --------------------------------------------------------------------------- pages

class Pages:
    def __init__(self, stores: Stores, settings: Settings, worker: DossierWorker):
        self.stores, self.settings, self.worker = stores, settings, worker

    def index(self, request):
        page = page_number(request.query_params.get("page", ""))
        return self.render(request, "index.html", lambda s: data.index_page(s, page))

    def story(self, request):
        story_id = _strip_json(request.path_params["story_id"])
        return self.render(request, "story.html",
                           lambda s: data.story_page(s, story_id, self.settings, worker=self.worker))

    def article(self, request):
        article_id = _strip_json(request.path_params["article_id"])
        highlight = _range(request.query_params.get("hl", ""))
        return self.render(request, "article.html", lambda s: data.article_page(s, article_id, highlight))

    def search(self, request):
        query = request.query_params.get("q", "")[:500]
        return self.render(request, "search.html", lambda s: data.search_page(s, query))

    def stories(self, request):
        return self._listing(request, "stories.html", browse.stories_page, browse.stories_csv)

    def facts(self, request):
        return self._listing(request, "facts.html", browse.facts_page, browse.facts_csv)

    def _listing(self, request, template: str, page, csv):
        params = browse.params_of({k: request.query_params.getlist(k) for k in request.query_params.keys()})
        if request.url.path.endswith(".csv"):
            return self._csv(request, lambda s: csv(s, params), template.split(".")[0])
        return self.render(request, template, lambda s: page(s, params))

    def _csv(self, request, build: Callable[[Store], str], name: str):
        from starlette.responses import Response

        try:
            text = build(self.stores.get())
        except NewsweaveError as exc:
            return self.error(request, 400, str(exc))
        return Response(text, media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="newsweave-{name}.csv"'})

    def updates(self, request):
        """What changed: since ``?since=N``, else the latest, marking those after the reader's last look (a cookie)
        as new; the page moves the mark, the JSON and the Atom feed do not."""
        since = request.query_params.get("since", "")
        since_seq = int(since) if since.isdigit() else None
        seen_cookie = request.cookies.get(SEEN_COOKIE, "")
        seen = int(seen_cookie) if seen_cookie.isdigit() else 0
        story = request.query_params.get("story", "")[:100] or None
        if request.url.path.endswith(".atom"):
            return self._atom(request, since_seq, story)
        response = self.render(request, "updates.html",
                               lambda s: browse.updates_page(s, since_seq, seen, story_id=story))
        if not wants_json(request) and response.status_code == 200:
            last = self.stores.get().last_change()
            response.set_cookie(SEEN_COOKIE, str(last), max_age=400 * 86400, httponly=True, samesite="strict")
        return response

    def _atom(self, request, since: int | None, story: str | None):
        from starlette.responses import Response

        page = browse.updates_page(self.stores.get(), since, seen=0, limit=100, story_id=story)
        base = str(request.base_url).rstrip("/")
        from ..models import content_hash

        xml = environment().get_template("updates.atom").render(v=page, base=base, db=content_hash(self.settings.db))
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    def changes(self, request):
        from starlette.responses import JSONResponse

        return JSONResponse(self.stores.get().change_state(), headers={"cache-control": "no-store"})

    def static(self, request):
        from starlette.responses import Response

        kinds = {"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
        name = request.path_params["name"]
        if name not in kinds:
            return self.error(request, 404, f"no static file {name!r}")
        return Response(asset(name), media_type=kinds[name], headers={"cache-control": "max-age=300"})

    async def add(self, request):
        if request.method == "GET":
            return self.render(request, "add.html", lambda s: {"schema": "newsweave.add/1", "result": None})
        try:
            items = await _submitted(request, self.settings.max_bytes)
        except BodyTooLarge as exc:
            return self.error(request, 413, str(exc))
        except ValueError as exc:
            return self.error(request, 400, str(exc))
        from starlette.concurrency import run_in_threadpool

        result = await run_in_threadpool(self._ingest, items)
        return self.render(request, "add.html", lambda s: {"schema": "newsweave.add/1", "result": result},
                           status=200 if result["added"] or result["duplicates"] else 400)

    def _ingest(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        from .. import pipeline

        store = self.stores.get()
        totals = {"added": 0, "duplicates": 0, "copies": 0, "errors": [], "warnings": [], "article_ids": []}
        with tempfile.TemporaryDirectory(prefix="newsweave-upload-") as tmp:
            for i, item in enumerate(items):
                path = Path(tmp) / f"{i:03d}" / _safe_name(item["filename"])  # its own folder: the name is kept
                path.parent.mkdir()
                path.write_bytes(item["content"])
                overrides = {k: item[k] for k in META_KEYS if item.get(k)}
                summary = pipeline.add_sources(store, [str(path)], self.settings, overrides=overrides)
                _merge_summary(totals, summary, str(path), item["filename"])
        return totals

    # ------------------------------------------------------------------ rendering
    def render(self, request, template: str, build: Callable[[Store], dict[str, Any]], status: int = 200):
        try:
            page = build(self.stores.get())
        except NotFound as exc:
            return self.error(request, 404, str(exc))
        except NewsweaveError as exc:
            return self.error(request, 400, str(exc))
        return self.respond(request, template, page, status)

    def respond(self, request, template: str, page: Mapping[str, Any], status: int = 200):
        from starlette.responses import HTMLResponse, Response

        etag = page.get("etag")
        if wants_json(request):
            make = lambda: json.dumps(page, ensure_ascii=False, default=str)  # noqa: E731
            body = RENDERED.get(("json", etag), make) if etag else make()
            return Response(body, status_code=status, media_type="application/json")
        path = local_path(request.url.path)
        json_href = json_url(path, request.url.query)
        make = lambda: environment().get_template(template).render(  # noqa: E731
            v=page, article_href=_article_href, request_path=path, json_href=json_href)
        html = RENDERED.get((template, path, json_href, etag), make) if etag else make()
        return HTMLResponse(html, status_code=status)

    def error(self, request, status: int, message: str):
        return self.respond(request, "error.html", {"error": message, "status": status}, status)


def wants_json(request) -> bool:
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def page_number(text: str) -> int:
    """A page number from the query: plain ASCII digits (at most 9), anything else is page 1."""
    return max(1, int(text)) if text.isascii() and text.isdigit() and len(text) <= 9 else 1


def local_path(path: str) -> str:
    """A request path as a link on this site: one leading slash (``//host/x`` would leave it)."""
    return "/" + path.lstrip("/\\")


def json_url(path: str, query: str = "") -> str:
    """The JSON twin of a page URL: /story/x -> /story/x.json, / -> /index.json (query kept)."""
    path = local_path(path)
    base = path if path.endswith(".json") else ("/index.json" if path == "/" else path.rstrip("/") + ".json")
    return base + (f"?{query}" if query else "")


def _range(value: str) -> tuple[int, int] | None:
    """'120-184' -> (120, 184): characters of an article to highlight; anything else -> None."""
    start, _, end = value.partition("-")
    if start.isdigit() and end.isdigit() and int(start) < int(end):
        return int(start), int(end)
    return None


def _strip_json(value: str) -> str:
    return value[:-5] if value.endswith(".json") else value


def _article_href(article_id: str) -> str:
    return f"/article/{article_id}"


def _safe_name(name: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in Path(name or "pasted.txt").name)
    return (keep.lstrip(".") or "pasted.txt")[:80]


def _merge_summary(totals: dict[str, Any], summary, path: str, filename: str) -> None:
    totals["added"] += summary.added
    totals["duplicates"] += summary.duplicates
    totals["copies"] += summary.copies
    totals["article_ids"] += list(summary.article_ids)
    totals["errors"] += [e.replace(path, filename) for e in summary.errors]
    totals["warnings"] += [w.replace(path, filename) for w in summary.warnings]


async def _submitted(request, max_bytes: int) -> list[dict[str, Any]]:
    """Articles from a JSON body, or from a form (uploaded files and/or pasted text). The body arrives through
    Guard, which stops it past its limit (BodyTooLarge)."""
    if request.headers.get("content-type", "").startswith("application/json"):
        raw = _json_body(await request.body())
        entries = [e for e in (raw if isinstance(raw, list) else [raw]) if isinstance(e, dict)]
        if not entries:
            raise ValueError("nothing to add: send an object (or a list of objects) with a text")
        return [_item(text, _pasted_name(text), {k: e.get(k) for k in META_KEYS})
                for text, e in ((str(e.get("text") or ""), e) for e in entries)]
    form = await request.form(max_files=50, max_fields=50)
    meta = {k: str(form.get(k) or "").strip() or None for k in META_KEYS}
    items = []
    for upload in form.getlist("files"):
        if hasattr(upload, "read") and upload.filename:
            content = await upload.read(max_bytes + 1)
            if len(content) > max_bytes:
                raise ValueError(f"{upload.filename}: larger than {max_bytes} bytes")
            items.append({"filename": upload.filename, "content": content, **meta})
    text = str(form.get("text") or "")
    if text.strip():
        items.append(_item(text, _pasted_name(text), meta))
    if not items:
        raise ValueError("nothing to add: upload a file or paste an article")
    return items


def _json_body(body: bytes) -> Any:
    try:
        return json.loads(body or b"{}")
    except RecursionError as exc:
        raise ValueError("malformed JSON body: nested too deeply") from exc
    except ValueError as exc:  # bad syntax or UTF-8, or an integer of thousands of digits
        raise ValueError(f"malformed JSON body: {' '.join(str(exc).split())[:200]}") from exc


def _pasted_name(text: str) -> str:
    """A file name for pasted text, distinct per text (it may name an unknown outlet: ``unknown (pasted-1a2b.txt)``)."""
    from ..models import content_hash

    return f"pasted-{content_hash(' '.join(scrub_text(text).split()))[:8]}.txt"


def _item(text: str, filename: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    if len(text) > MAX_PASTE:
        raise ValueError("pasted text too large")
    return {"filename": filename, "content": scrub_text(text).encode("utf-8"), **meta}


# --------------------------------------------------------------------------- security (plain ASGI middleware)

class BodyTooLarge(ValueError):
    """A request body past Guard's limit (raised while the body is being received, so it is never read whole)."""


class Guard:
    """Token check, Host check, same-origin POSTs, a bound on request bodies, and security headers on every
    response."""

    def __init__(self, app, token: str | None, local_only: bool, max_body: int = 21_000_000):
        self.app, self.token, self.local_only, self.max_body = app, token, local_only, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        refusal = self.refuse(scope, headers)
        if refusal is not None:
            return await _plain(send, *refusal)
        receive = _capped(receive, self.max_body)

        async def secured(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + SECURITY_HEADERS}
                if self.token and _query_token(scope) == self.token:
                    cookie = f"{TOKEN_COOKIE}={self.token}; HttpOnly; SameSite=Strict; Path=/"
                    message["headers"].append((b"set-cookie", cookie.encode("latin-1")))
            await send(message)

        return await self.app(scope, receive, secured)

    def refuse(self, scope, headers: Mapping[str, str]) -> tuple[int, str] | None:
        host = _hostname(headers.get("host", ""))
        if self.local_only and host not in LOCAL_HOSTS:
            return 421, "this server only answers requests addressed to localhost"
        if self.token and not self.authorised(scope, headers):
            return 401, "token required: add ?token=... or an 'Authorization: Bearer ...' header"
        if scope["method"] not in ("GET", "HEAD") and not _same_origin(headers):
            return 403, "cross-origin request refused"
        declared = headers.get("content-length", "")
        if declared.isdigit() and (len(declared) > 15 or int(declared) > self.max_body):
            return 413, f"request body over {self.max_body} bytes: send fewer or smaller files at a time"
        return None

    def authorised(self, scope, headers: Mapping[str, str]) -> bool:
        given = [_query_token(scope), _cookie(headers.get("cookie", ""), TOKEN_COOKIE)]
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given.append(auth[7:].strip())
        return any(g and hmac.compare_digest(g.encode(), self.token.encode()) for g in given)


def _capped(receive, limit: int):
    """``receive`` that raises BodyTooLarge once the body passes ``limit`` bytes."""
    seen = 0

    async def capped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(f"request body over {limit} bytes: send fewer or smaller files at a time")
        return message

    return capped


def _hostname(host: str) -> str:
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _query_token(scope) -> str:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
    return values[0] if values else ""


def _cookie(header: str, name: str) -> str:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


def _same_origin(headers: Mapping[str, str]) -> bool:
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = headers.get("origin")
    if not origin:
        return True
    return urlsplit(origin).netloc == headers.get("host", "")


async def _plain(send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())] + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})
