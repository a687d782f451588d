"""The progress of a dossier computed now, as one line on stderr (never on stdout, so ``--json`` stays clean):
shown on a terminal, or wherever ``--progress`` asks for it."""
from __future__ import annotations

import sys
import time
from typing import TextIO

import click

option = click.option("--progress/--no-progress", "progress", default=None,
                      help="Show the progress of a dossier computed now on stderr (default: on a terminal).")


class DossierProgress:
    """A ``dossiers.Steps`` callback: "dossier: preparing claims 3/50 articles (1.2 s)", then "comparing", then
    "ready"; on a terminal the line is rewritten in place, elsewhere one line per step."""

    def __init__(self, shown: bool | None = None, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.terminal = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = self.terminal if shown is None else shown
        self.start = time.monotonic()

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self.shown:
            return
        seconds = time.monotonic() - self.start
        if step == "claims":
            text = f"preparing claims {done}/{total} articles"
        elif done < total:
            text = "comparing the articles"
        else:
            text = "ready"
        line = f"dossier: {text} ({seconds:.1f} s)"
        last = step == "compare" and done >= total
        if self.terminal:
            self.stream.write("\r" + line + "\x1b[K" + ("\n" if last else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
