"""Output formats written once and shared by every command: JSON and terminal tables."""
from __future__ import annotations

import json
import re
import sys
from typing import Any, Iterable, Sequence


_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def printable(text: str) -> str:
    """One line safe for a terminal: control characters (escape sequences) and undecodable bytes of file names
    shown as ``\\xNN``, never sent raw."""
    return _UNPRINTABLE.sub(_escaped, text)


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as Python carries it in a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
    for i, column in enumerate(columns):
        # ids and dates stay on one line; free text folds
        table.add_column(column, overflow="fold", no_wrap=i == 0 or column in ("published", "first", "last"))
    for row in rows:
        table.add_row(*[Text("" if v is None else str(v)) for v in row])
    Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160).print(table)
