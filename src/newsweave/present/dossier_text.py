"""Dossier dict (newsweave.dossier/2, or /1) -> Markdown text, or a terminal view with rich: key facts first, then
the facts by status, background apart. Formatting only."""
from __future__ import annotations

from typing import Any, Mapping

from . import views

HEADINGS = (("conflicting", "Conflicting"), ("updated", "Updated"), ("corroborated", "Corroborated"),
            ("single_source", "Single source"))


def _facts(story: Mapping[str, Any], status: str) -> list[Mapping[str, Any]]:
    return [f for f in story.get("facts", []) if f.get("status") == status and not f.get("background")]


def _background(story: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [f for f in story.get("facts", []) if f.get("background")]


def _label(fact: Mapping[str, Any]) -> str:
    return views.fact_label(fact, [c for c in fact.get("claims") or [] if isinstance(c, Mapping)])


def key_fact_lines(story: Mapping[str, Any]) -> list[str]:
    """One line per key fact: slot, the value that stands now, statuses, the statement and the values over time."""
    out = []
    for k in views.dossier_view({"stories": [story]})["key_facts"]:
        head = f"{k['slot']}: " if k["slot"] else ""
        value = f"{k['value']} — " if k["value"] else ""
        steps = " → ".join(f"{h['display']} ({', '.join(x for x in (h['outlet'], h['when']) if x)})"
                                for h in k["history"]) if len(k["history"]) > 1 else ""
        line = f"{head}{value}{k['label']} [{', '.join(s.replace('_', ' ') for s in k['statuses'])}]"
        out.append(line + (f"; {steps}" if steps else ""))
    return out


def _who(claim: Mapping[str, Any]) -> str:
    who = claim.get("attributed_to") or ""
    quote = " (quote)" if claim.get("quote") else ""
    language = claim.get("language") or ""
    mark = f" [{language}]" if language and language != "en" else ""
    return f"{claim.get('outlet', '')}{mark}" + (f", {who}{quote}" if who and who != claim.get("outlet") else quote)


def to_markdown(dossier: Mapping[str, Any]) -> str:
    lines: list[str] = []
    for story in dossier.get("stories", []):
        lines += [f"# {story.get('title', '')}", ""]
        for a in story.get("articles", []):
            lines.append(f"- **{a.get('outlet')}**: {a.get('title')} ({a.get('published') or 'date unknown'})")
        counts = story.get("counts") or {}
        lines += ["", ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()), ""]
        keys = key_fact_lines(story)
        if keys:
            lines += ["## Key facts", "", *(f"- {k}" for k in keys), ""]
        for status, heading in [*HEADINGS, ("background", "Background")]:
            facts = _background(story) if status == "background" else _facts(story, status)
            if not facts:
                continue
            lines += [f"## {heading} ({len(facts)})", ""]
            for f in facts:
                lines += _markdown_fact(f)
        lines += _markdown_outlets(story)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_fact(f: Mapping[str, Any]) -> list[str]:
    out = [f"### {_label(f)}", "", f"*{f.get('explanation', '')}*", ""]
    for c in f.get("claims", []):
        out.append(f"- {_who(c)}: \u201c{c.get('text', '').strip()}\u201d")
    for k in f.get("conflicts", []):
        out.append(f"- **{k.get('kind')} conflict**: {k.get('explanation')}")
    out.append("")
    return out


def _markdown_outlets(story: Mapping[str, Any]) -> list[str]:
    labels = {f["id"]: _label(f) for f in story.get("facts", [])}
    out = ["## By outlet", ""]
    for o in story.get("outlets", []):
        out.append(f"- **{o['outlet']}** adds {len(o['adds'])}, omits {len(o['omits'])}")
        for fid in o["omits"]:
            out.append(f"  - omits: {labels.get(fid, fid)}")
    return out + [""]


def print_dossier(dossier: Mapping[str, Any], console=None) -> None:
    """Terminal view: facts grouped by status, with source sentences and explanations."""
    from rich.console import Console
    from rich.text import Text

    console = console or Console()
    styles = {"conflicting": "bold red", "updated": "bold blue", "corroborated": "bold green",
              "single_source": "bold yellow", "background": "bold"}
    for story in dossier.get("stories", []):
        console.print(Text(story.get("title", ""), style="bold underline"))
        for a in story.get("articles", []):
            console.print(Text(f"  {a.get('outlet')}: {a.get('title')} ({a.get('published') or 'date unknown'})"))
        keys = key_fact_lines(story)
        if keys:
            console.print()
            console.print(Text("Key facts", style="bold underline"))
            for k in keys:
                console.print(Text(f"\u2022 {k}"))
        for status, heading in [*HEADINGS, ("background", "Background")]:
            facts = _background(story) if status == "background" else _facts(story, status)
            if not facts:
                continue
            console.print()
            console.print(Text(f"{heading} ({len(facts)})", style=styles[status]))
            for f in facts:
                console.print(Text(f"\u2022 {_label(f)}", style="bold"))
                console.print(Text(f"  {f.get('explanation', '')}", style="italic"))
                for c in f.get("claims", []):
                    console.print(Text(f"    [{_who(c)}] {c.get('text', '').strip()}", style="dim"))
                for k in f.get("conflicts", []):
                    console.print(Text(f"    ! {k.get('kind')}: {k.get('explanation')}", style="red"))
        console.print()
        for o in story.get("outlets", []):
            console.print(Text(f"{o['outlet']}: adds {len(o['adds'])} facts, omits {len(o['omits'])}"))
