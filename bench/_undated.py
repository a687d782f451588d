"""Times as the normaliser resolves them when the publication day is unknown (MSRP pairs, ECB+ reports)."""
from __future__ import annotations

import dataclasses


def undated_times(text: str, times: tuple, sentences=()) -> tuple:
    """Each of ``times`` (resolved against a guessed publication date) keeps the resolution it has without a
    publication time, unless that one only lacked the year ("June 15" takes the guessed year); deictic expressions
    ("today", "Thursday", "last week") become unresolved."""
    from newsweave.normalize.times import YEAR_INFERRED, extract_times

    bare = {(t.start, t.end): t for t in extract_times(text, None, sentences=sentences)}
    out = []
    for t in times:
        plain = bare.get((t.start, t.end))
        if YEAR_INFERRED in (t.note or ""):
            out.append(t)
        elif plain is not None:
            out.append(plain)
        else:
            out.append(dataclasses.replace(t, begin=None, until=None, resolved=False, note="publication time unknown"))
    return tuple(out)
