"""Output formats written once and shared by every command: JSON and terminal tables."""
from __future__ import annotations

import json
import sys
from typing import Any, Iterable, Sequence


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, default=str)


def print_json(data: Any, file=None) -> None:
    (file or sys.stdout).write(to_json(data) + "\n")


def print_table(rows: Iterable[Sequence[Any]], columns: Sequence[str], title: str | None = None) -> None:
    """A rich table on the terminal; cell values are shown as plain text (no markup is interpreted)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*[Text("" if v is None else str(v)) for v in row])
    Console(soft_wrap=False).print(table)
