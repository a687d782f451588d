"""Cross-outlet alignment: embedders, the same-fact score, blocking and grouping of claims into facts."""
