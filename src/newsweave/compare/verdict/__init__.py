"""Verdicts over aligned claims: corroborated / single_source / conflicting, with one-line reasons."""
