"""`newsweave watch FEED_OR_URL ...`: follow feeds and pages, add what is new, say what changed."""
from __future__ import annotations

import dataclasses
import re
import signal
import threading

import click

from ..errors import NewsweaveError
from . import open_db

_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(ctx, param, value: str | None) -> float | None:
    """'90', '30s', '10m', '1h', '1d', '1h30m' -> seconds; anything else is a usage error."""
    if value is None:
        return None
    text = value.strip().lower()
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd]?)", text)
    if not parts or re.sub(r"(\d+(?:\.\d+)?)\s*([smhd]?)", "", text).strip():
        raise click.BadParameter(f"not a duration: {value!r} (write 30s, 10m, 1h or 1d)")
    return sum(float(n) * _UNITS[u] for n, u in parts)


@click.command("watch")
@click.argument("sources", nargs=-1, required=True, metavar="FEED_OR_URL ...")
@click.option("--every", default="10m", show_default=True, callback=parse_duration, metavar="DURATION",
              help="Time between two polls of a source (30s, 10m, 1h, 1d).")
@click.option("--once", is_flag=True, help="Poll every source once now, then exit (for cron).")
@click.option("--host-interval", default="1s", show_default=True, callback=parse_duration, metavar="DURATION",
              help="Time between two requests to one host (a site's robots.txt Crawl-delay may ask for more).")
@click.option("--follow-links/--no-follow-links", default=True, show_default=True,
              help="Read the page a feed item links to when the feed gives only a summary.")
@click.option("--dossiers/--no-dossiers", default=True, show_default=True,
              help="Recompute the dossiers of the stories that changed (new conflicts, updated figures).")
@click.option("--allow-private", is_flag=True, help="Allow sources on private/loopback addresses.")
@click.pass_context
def watch(ctx, sources, every, once, host_interval, follow_links, dossiers, allow_private):
    """Poll RSS/Atom feeds and pages, add what is new, and print what changed: new stories, new conflicts,
    updated figures. Polite (conditional requests, robots.txt, one request per host at a time), resumable (state in
    the store) and stopped cleanly by Ctrl-C or SIGTERM."""
    from ..present.changes import change_line, poll_line
    from ..watch import Watcher, WatchOptions

    bad = [s for s in sources if not re.match(r"^https?://", s, re.IGNORECASE)]
    if bad:
        raise click.BadParameter(f"not an http(s) URL: {bad[0]}", param_hint="FEED_OR_URL")
    if every <= 0:
        raise click.BadParameter("must be more than 0", param_hint="--every")
    settings = dataclasses.replace(ctx.obj, allow_private=ctx.obj.allow_private or allow_private)
    options = WatchOptions(every=every, host_interval=host_interval, follow_links=follow_links, dossiers=dossiers)
    stop = threading.Event()
    failed = []

    def report(result) -> None:
        line = poll_line(result)
        if result.outcome == "failed":
            failed.append(result.url)
            click.echo(f"error: {line}", err=True)
        else:
            click.echo(line)
        for error in result.errors if result.outcome != "failed" else ():
            click.echo(f"error: {error}", err=True)
        for warning in result.summary.warnings if result.summary else ():
            click.echo(f"warning: {warning}", err=True)
        for change in result.changes:
            click.echo(f"  {change_line(change)}")

    with open_db(ctx, create=True) as store, _stopped_by_signals(stop):
        try:
            polls = Watcher(store, settings, options, stop).run(list(dict.fromkeys(sources)), report, once=once)
        except NewsweaveError as exc:
            raise click.ClickException(str(exc)) from exc
    if stop.is_set():
        click.echo(f"stopped after {polls} polls", err=True)
    ctx.exit(1 if once and failed else 0)


class _stopped_by_signals:
    """SIGINT and SIGTERM set ``stop`` (the poll under way finishes, nothing is left half-written)."""

    def __init__(self, stop: threading.Event):
        self.stop, self.saved = stop, {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.saved[sig] = signal.signal(sig, lambda *_: self.stop.set())
        return self

    def __exit__(self, *exc):
        for sig, handler in self.saved.items():
            signal.signal(sig, handler)


COMMANDS = (watch,)
