"""Presenters: the only code that formats output (terminal, JSON, Markdown, HTML)."""
