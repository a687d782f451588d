"""``newsweave import DIR``: a Spark run's output into a store, as if its articles had been added one by one.

Articles go in in arrival order (an original before its copies) with their MinHash keys, so a later ``add`` finds
copies among them; then annotations, stories, the dossiers (stamped current, so nothing is compared again) and the
clusterer's state, so a later ``add`` continues the same stream. All in one transaction: a failed import leaves
the store as it was; importing the same output again changes nothing. Read with pyarrow (no Spark, no Java).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from ..dossiers import save_dossier
from ..errors import NewsweaveError, require
from ..ingest.dedup import band_keys
from ..models import Story
from ..stories import STATE_NAME
from ..store import Store
from . import layout


class OutputError(NewsweaveError):
    """A folder that is not the complete output of a Spark run."""


@dataclass(frozen=True)
class ImportSummary:
    articles: int = 0  # added to the store now
    present: int = 0  # already there (an earlier import of the same output)
    stories: int = 0
    dossiers: int = 0

    def line(self) -> str:
        return (f"imported {self.articles} articles ({self.present} already there), {self.stories} stories, "
                f"{self.dossiers} dossiers")


def import_output(store: Store, out: str) -> ImportSummary:
    output = Output(out)
    present = sum(store.has_article(i) for i in output.column(layout.ARTICLES, "id"))
    others = store.article_count() - present
    if others:
        raise OutputError(f"the store already holds {others} articles that are not in {out}: import into a new "
                          "store (its stories would not take them into account)")
    with store.transaction():
        added = sum(_add(store, row) for row in output.rows(layout.ARTICLES, ordered_by="seq"))
        for row in output.rows(layout.ANNOTATIONS):
            store.save_annotations(layout.annotations_from_json(row["data"]))
        stories = {s.id: s for s in map(layout.story_from_row, output.rows(layout.STORIES))}
        for story in stories.values():
            store.save_story(story)
        dossiers = 0
        for dossier in output.dossiers():
            save_dossier(store, _story_of(dossier, stories, out), dossier)
            dossiers += 1
        store.save_cluster_state(STATE_NAME, output.run["cluster_state"])
    return ImportSummary(added, present, len(stories), dossiers)


def _add(store: Store, row: dict[str, Any]) -> bool:
    minhash = [int(v) for v in row["minhash"]]
    return store.add_article(layout.article_from_row(row), minhash, band_keys(minhash))


def _story_of(dossier: dict[str, Any], stories: dict[str, Story], out: str) -> Story:
    story_id = (dossier.get("stories") or [{}])[0].get("id")
    if story_id not in stories:
        raise OutputError(f"{out}: a dossier of story {story_id!r}, which the stories table does not hold")
    return stories[story_id]


class Output:
    """The tables of a finished Spark run, read with pyarrow from a folder or a URI pyarrow's filesystems open."""

    def __init__(self, out: str):
        require("pyarrow", "spark")
        from pyarrow import fs

        self.out = out
        try:
            self.fs, self.root = fs.FileSystem.from_uri(out) if "://" in out else (fs.LocalFileSystem(), out)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds for an unknown scheme
            raise OutputError(f"{out}: cannot open: {exc}") from exc
        self.run = self._run()

    def _run(self) -> dict[str, Any]:
        rows = list(self.rows(layout.RUN)) if self._exists(layout.RUN) else []
        if not rows:
            raise OutputError(f"{self.out}: not the output of a Spark run (no run table)")
        run = rows[0]
        if run["schema"] != layout.SCHEMA:
            raise OutputError(f"{self.out}: layout {run['schema']!r}, this version reads {layout.SCHEMA!r}")
        if not run["complete"]:
            raise OutputError(f"{self.out}: incomplete output (the run did not finish): run it again")
        run["counts"] = json.loads(run["counts"])
        return run

    def _exists(self, table: str) -> bool:
        from pyarrow import fs

        return self.fs.get_file_info(f"{self.root}/{table}").type != fs.FileType.NotFound

    def _files(self, table: str) -> list[str]:
        """The data files of a table in name order (Spark's part files; its markers skipped)."""
        from pyarrow import fs

        selector = fs.FileSelector(f"{self.root}/{table}", allow_not_found=True)
        names = [i.path for i in self.fs.get_file_info(selector) if i.type == fs.FileType.File]
        return sorted(p for p in names if not p.rsplit("/", 1)[-1].startswith(("_", ".")))

    def rows(self, table: str, ordered_by: str | None = None) -> Iterator[dict[str, Any]]:
        """A table's rows as dicts, file after file (Spark wrote each sorted, the files in order)."""
        import pyarrow.parquet as pq

        last = None
        for path in self._files(table):
            for batch in pq.ParquetFile(self.fs.open_input_file(path)).iter_batches(batch_size=1024):
                for row in batch.to_pylist():
                    if ordered_by is not None:
                        if last is not None and row[ordered_by] <= last:
                            raise OutputError(f"{self.out}: {table} is not sorted by {ordered_by}")
                        last = row[ordered_by]
                    yield row

    def column(self, table: str, name: str) -> Iterator[Any]:
        import pyarrow.parquet as pq

        for path in self._files(table):
            for batch in pq.ParquetFile(self.fs.open_input_file(path)).iter_batches(columns=[name]):
                yield from batch.column(0).to_pylist()

    def dossiers(self) -> Iterator[dict[str, Any]]:
        for path in self._files(layout.DOSSIERS):
            with self.fs.open_input_stream(path) as stream:
                for line in stream.read().decode("utf-8").splitlines():
                    if line.strip():
                        yield json.loads(line)
