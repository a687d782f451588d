"""The self-contained HTML report: one file, inline CSS/JS/SVG, no external requests, printable.

Every value from a dossier is escaped by Jinja2's autoescape; the only script and style are our own, allowed
by their sha256 hashes in a Content-Security-Policy meta tag (so nothing injected could run even if escaping
failed); source links are http/https only and carry rel="noopener noreferrer".
"""
from __future__ import annotations

import base64
import hashlib
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from .views import dossier_view

TEMPLATE_DIRS = ("newsweave.present", "newsweave.web")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A static asset shipped with the templates (style.css, app.js); read once per process."""
    return resources.files("newsweave.present").joinpath("templates", name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def report_csp(css: str, js: str) -> str:
    return (f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; img-src data:; "
            "base-uri 'none'; form-action 'none'; object-src 'none'")


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment shared by the report and the web app (autoescape always on)."""
    import jinja2

    loaders = [jinja2.PackageLoader(pkg, "templates") for pkg in TEMPLATE_DIRS]
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                             undefined=jinja2.ChainableUndefined, trim_blocks=False)
    env.globals["zip"] = zip
    return env


def render_view(view: Mapping[str, Any], generated: str | None = None) -> str:
    css, js = asset("style.css"), asset("app.js")
    generated = generated or datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return environment().get_template("report.html").render(
        v=view, css=css, js=js, csp=report_csp(css, js), generated=generated, article_href=None)


def render_report(dossier: Mapping[str, Any], story_id: str | None = None, generated: str | None = None) -> str:
    """One self-contained HTML page for a dossier dict (its first story, or ``story_id``)."""
    return render_view(dossier_view(dossier, story_id), generated=generated)
