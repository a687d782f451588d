"""`newsweave serve`: the local web app (every page also JSON); `--get PATH` runs one request in-process."""
from __future__ import annotations

import socket
import sys

import click

from ..errors import NewsweaveError, require
from . import open_db


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (non-local needs --token).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", default=None,
              help="Secret checked on every request (?token=, cookie or Bearer header); required off localhost.")
@click.option("--get", "get_path", default=None, metavar="PATH",
              help="Run one GET request in-process, print the response body and exit (non-zero on error).")
@click.pass_context
def serve(ctx, host, port, token, get_path):
    """Serve the story list, dossiers, articles and search as web pages and JSON."""
    from ..web.app import create_app, is_local

    token = token or ctx.obj.token
    local = is_local(host)
    if not local and not token:
        raise click.UsageError(f"binding to {host} exposes the app beyond this machine: give --token")
    open_db(ctx).close()  # a mistyped --db is refused, not served empty
    try:
        app = create_app(ctx.obj, token=token, local_only=local)
    except NewsweaveError as exc:
        raise click.ClickException(str(exc)) from exc
    if get_path:
        sys.exit(_get(app, get_path, token))
    uvicorn = require("uvicorn", "web")
    sock = _listen(host, port)  # bound before anything is announced: a busy port fails here
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"newsweave: serving {ctx.obj.db} on http://{shown}:{sock.getsockname()[1]}/"
               + (f"?token={token}" if token else ""))
    uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning")).run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or a one-line error (address in use, unknown host, no permission)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
            sock.listen(128)
        except OSError:
            sock.close()
            raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise click.ClickException(f"cannot listen on {host}:{port}: {reason.lower()}") from exc
    sock.set_inheritable(True)
    return sock


def _get(app, path: str, token: str | None) -> int:
    from starlette.testclient import TestClient

    headers = {"authorization": f"Bearer {token}"} if token else {}
    with TestClient(app, base_url="http://127.0.0.1") as client:
        response = client.get(path, headers=headers)
    click.echo(response.text)
    if response.status_code >= 400:
        click.echo(f"error: GET {path} returned {response.status_code}", err=True)
        return 1
    return 0


COMMANDS = (serve,)
