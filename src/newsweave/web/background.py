"""Dossiers computed in the background, so a story page never waits for one: one worker thread (the stdlib
executor) and a bounded set of the story ids waiting for it. A page asks for its story (``request``) and shows what
the store has meanwhile; the worker saves the dossier, which moves the store's change state, and the page's live
refresh reloads it."""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from .. import dossiers
from ..config import Settings
from ..errors import NewsweaveError
from ..store import Store, open_store

log = logging.getLogger(__name__)
MAX_PENDING = 256  # story ids waiting at once; a request beyond that is dropped and asked again by the next view


class DossierWorker:
    def __init__(self, settings: Settings, max_pending: int = MAX_PENDING):
        self.settings, self.max_pending = settings, max_pending
        self.pending: set[str] = set()
        self.failed: dict[str, dict[str, str]] = {}  # story id -> the stamp it could not be compared at
        self.lock = threading.Lock()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsweave-dossiers")
        self.store: Store | None = None  # the worker thread's own connection

    def request(self, story_id: str) -> bool:
        """Ask for the story's dossier to be computed; False when too many are waiting already."""
        with self.lock:
            if story_id in self.pending:
                return True
            if len(self.pending) >= self.max_pending:
                return False
            self.pending.add(story_id)
        self.executor.submit(self._compute, story_id)
        return True

    def gave_up(self, story_id: str, stamp: dict[str, str]) -> bool:
        """True when the story could not be compared as it is now (a missing extra, a failing stage)."""
        with self.lock:
            return self.failed.get(story_id) == stamp

    def _compute(self, story_id: str) -> None:
        try:
            store = self.store = self.store or open_store(self.settings.db)
            story = store.get_story(story_id)
            dossiers.story_dossier(store, story, settings=self.settings)
            stamp = dossiers.stamp_for(store, story)
            if not dossiers.is_current(store.get_dossier(story.id), stamp):
                with self.lock:
                    if len(self.failed) >= 4 * self.max_pending:
                        self.failed.clear()
                    self.failed[story_id] = stamp
        except NewsweaveError as exc:  # the story went away (merged) or the store failed: the page says what it can
            log.warning("dossier of story %s not computed: %s", story_id, exc)
        except Exception:  # noqa: BLE001 - the worker must outlive one bad story; the traceback goes to the log
            log.exception("dossier of story %s not computed", story_id)
        finally:
            with self.lock:
                self.pending.discard(story_id)

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
