"""Sparse vectors as dicts, and document frequencies maintained incrementally over the active window."""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

Vector = Mapping[str, float]


class DocFreq:
    """Document frequencies of feature keys over the articles currently in the active window."""

    def __init__(self, counts: dict[str, int] | None = None, docs: int = 0):
        self.counts: dict[str, int] = counts or {}
        self.docs = docs
        self._logs: list[float] = [0.0]

    def _log(self, n: int) -> float:
        logs = self._logs
        while len(logs) <= n:
            logs.extend(math.log(i) if i else 0.0 for i in range(len(logs), 2 * len(logs) + 16))
        return logs[n]

    def add(self, keys: Iterable[str]) -> None:
        counts = self.counts
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        self.docs += 1

    def remove(self, keys: Iterable[str]) -> None:
        counts = self.counts
        for key in keys:
            left = counts.get(key, 0) - 1
            if left > 0:
                counts[key] = left
            else:
                counts.pop(key, None)
        self.docs = max(0, self.docs - 1)

    def idf_of(self):
        """Smoothed idf bound to the current counts (valid until the next add/remove); an unseen key counts
        as seen once (the article itself)."""
        logs = self._logs
        self._log(self.docs + 1)
        base = logs[self.docs + 1] + 1.0
        get = self.counts.get
        size = len(logs)

        def idf(key: str) -> float:
            n = get(key, 0) + 1
            return base - (logs[n] if n < size else math.log(n))

        return idf


def unit(vector: Vector) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {k: v / norm for k, v in vector.items()}


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def add_into(target: dict[str, float], vector: Vector, scale: float = 1.0) -> None:
    for key, value in vector.items():
        target[key] = target.get(key, 0.0) + scale * value


def subtract_into(target: dict[str, float], vector: Vector) -> None:
    for key, value in vector.items():
        left = target.get(key, 0.0) - value
        if left > 1e-9:
            target[key] = left
        else:
            target.pop(key, None)


def top(vector: dict[str, float], limit: int) -> dict[str, float]:
    """The ``limit`` heaviest keys of ``vector`` (the vector itself when it holds no more)."""
    if len(vector) <= limit:
        return vector
    return dict(sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def mean(vectors: list[dict[str, float]]) -> dict[str, float]:
    """The unit vector along the sum of ``vectors``."""
    total: dict[str, float] = {}
    for vector in vectors:
        add_into(total, vector)
    return unit(total)
