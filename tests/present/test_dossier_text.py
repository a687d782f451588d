from newsweave.present.dossier_text import key_fact_lines, print_dossier, to_markdown

from .helpers import moving_toll_dossier


def test_markdown_opens_with_key_facts_then_conflicts_and_keeps_background_apart():
    text = to_markdown(moving_toll_dossier())
    keys, conflicting, updated = (text.index(h) for h in ("## Key facts", "## Conflicting (1)", "## Updated (1)"))
    assert keys < conflicting < updated < text.index("## Background (1)")
    assert "- deaths: people: 24 — One person was killed" in text
    assert "1 (Wire A, 2025-03-01 09:00) → 3 (Paper B, 2025-03-01 12:00) → 24 (Paper B, 2025-03-02 08:00)" in text
    single = text[text.index("## Single source"):text.index("## Background")]
    assert "tsunami" not in single


def test_key_fact_lines_of_a_dossier_without_slots(dossier):
    lines = key_fact_lines(dossier["stories"][0])
    assert len(lines) == 12 and all(line.endswith("[corroborated]") for line in lines)


def test_terminal_view_prints_key_facts_first():
    from rich.console import Console

    console = Console(record=True, width=200)
    print_dossier(moving_toll_dossier(), console=console)
    out = console.export_text()
    assert out.index("Key facts") < out.index("Conflicting (1)") and "Background (1)" in out
