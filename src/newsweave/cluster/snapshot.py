"""The clusterer's active window as plain JSON-able data, and back.

The format (``version`` 1) is what stores hold: keep it byte for byte (``stories.save_state`` writes it with
sorted keys).  ``stream.restore`` builds a clusterer and loads a snapshot into it with ``load_into``.
"""
from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

from .state import Member, StoryState
from .vectors import DocFreq

if TYPE_CHECKING:
    from .window import Window


def snapshot(state: Window) -> dict[str, Any]:
    """The whole active-window state as plain JSON-able data (restore with ``stream.restore``)."""
    return {
        "version": 1,
        "seq": state.seq,
        "clock": state.clock,
        "docs": state.df.docs,
        "df": state.df.counts,
        "young": state.young,
        "lonely": list(state.lonely),
        "stories": [
            {"id": s.id, "seq": s.seq, "last_seq": s.last_seq, "checked_at": s.checked_at,
             "norm2": s.norm2, "stale": s.stale, "updates": s.updates, "norm_docs": s.norm_docs,
             "core": s.core, "core_at": s.core_at,
             "members": [_member_dict(m) for m in s.members]}
            for s in state.stories.values()
        ],
    }


def load_into(state: Window, data: dict[str, Any]) -> None:
    """Load a snapshot into a fresh clusterer's window."""
    state.seq = int(data.get("seq", 0))
    state.clock = data.get("clock")
    for item in data.get("stories", []):
        story = StoryState(id=item["id"], seq=item["seq"])
        state.stories[story.id] = story
        for raw in item["members"]:
            state._add_member(story, _member_from(raw))
        _restore_caches(story, item)
    state.df = DocFreq(dict(data.get("df", {})), int(data.get("docs", 0)))
    state.young = {k: int(v) for k, v in data.get("young", {}).items()}
    lonely = data.get("lonely")
    state.lonely = dict.fromkeys(lonely if lonely is not None else
                                 sorted((s.id for s in state.stories.values() if len(s.members) == 1),
                                        key=lambda i: state.stories[i].seq))
    state.dirty = {}


def _restore_caches(story: StoryState, item: dict[str, Any]) -> None:
    """Carry the story's caches over as saved (the cached norm is updated incrementally and idf drifts between
    full recomputes, so recomputing it would score differently)."""
    story.last_seq, story.checked_at = item["last_seq"], item["checked_at"]
    story.norm2 = float(item.get("norm2", 0.0))
    story.stale = bool(item.get("stale", True))
    story.updates = int(item.get("updates", 0))
    story.norm_docs = int(item.get("norm_docs", 0))
    story.core, story.core_at = item.get("core"), int(item.get("core_at", 0))


def _member_dict(m: Member) -> dict[str, Any]:
    return {"article_id": m.article_id, "vector": {k: round(v, 5) for k, v in m.vector.items()},
            "index_keys": list(m.index_keys), "day": m.day, "title": m.title, "entities": list(m.entities),
            "score": m.score, "seq": m.seq, "year": m.year, "subjects": list(m.subjects),
            "month": m.month, "tnorm": round(m.tnorm, 6), "tnorm_docs": m.tnorm_docs, "emb": _encode_emb(m.emb),
            "weekday": m.weekday, "when": list(m.when)}


def _member_from(raw: dict[str, Any]) -> Member:
    return Member(**{**raw, "index_keys": tuple(raw["index_keys"]), "entities": tuple(raw["entities"]),
                     "subjects": tuple(raw.get("subjects", ())),
                     "when": tuple(raw.get("when", ())), "emb": _decode_emb(raw.get("emb"))})


def _encode_emb(emb: Any) -> str | None:
    """A member's embedding as base64 float16 (a tenth of its JSON list), None without one."""
    if emb is None:
        return None
    import numpy as np

    return base64.b64encode(np.asarray(emb, dtype="<f2").tobytes()).decode("ascii")


def _decode_emb(text: str | None) -> Any:
    if not text:
        return None
    import numpy as np

    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)
