"""The Spark job: the pipeline of ``add`` then ``dossier`` over a whole input, on Spark's own operators.

1. ingest: inputs spread over tasks (``mapPartitions``), read as ``add`` reads them; a shuffle keyed by article id
   keeps the first arrival of each id (the others are duplicates) and spreads the articles evenly;
2. analyze: normalise, sign (MinHash) and compute the clustering features, per partition;
3. copies: a shuffle keyed by MinHash band key gives candidate pairs; joins with the signatures score them; the
   best earlier match per article, then the chains on the driver (``copies.py``);
4. stories: the features, sorted by the stream order, reach the driver partition by partition
   (``toLocalIterator``), where the one order-dependent step, the stream clusterer, places them;
5. dossiers: articles grouped by story (``groupByKey``), one comparison per story;
6. output: DataFrame writes of the tables of ``layout.py`` (Parquet) and the dossiers (JSON Lines); the ``run``
   table is written first marked incomplete and last marked complete.

Each stage ends with an action, so its time (``RunSummary.timings``) is its own. Every table is sorted before it
is written and every id comes from content, so a re-run over the same input writes the same rows.
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, Iterator, Mapping, Sequence

from ..config import VERSION, Settings
from ..ingest.meta import Sidecars
from ..models import Story
from ..stories import save_state
from . import layout
from .copies import first_band, pairs, rank, resolve
from .inputs import Listing, list_inputs
from .partitions import (
    Analyzed, Failure, analyze, band_keys, dossiers, earliest, measured, read_local, read_remote,
)
from .session import spark_session

ORDERS = ("arrival", "published")
STAGES = ("ingest", "analyze", "copies", "stories", "dossiers", "write")


@dataclass(frozen=True)
class RunSummary:
    out: str
    inputs: int = 0
    articles: int = 0
    duplicates: int = 0
    copies: int = 0
    stories: int = 0
    dossiers: int = 0
    facts: int = 0
    errors: tuple[str, ...] = ()  # one line each, "<file, record or story>: <reason>", in arrival order
    timings: Mapping[str, float] = field(default_factory=dict)  # stage -> seconds (STAGES)
    cluster_seconds: float = 0.0  # of the stories stage: time inside the clusterer on the driver (serial)
    worker_memory_mb: Mapping[str, float] = field(default_factory=dict)  # stage -> peak RSS of a Python worker
    cores: int = 0  # task slots of the session

    def line(self) -> str:
        return (f"articles {self.articles}, duplicates {self.duplicates}, copies {self.copies}, "
                f"stories {self.stories}, dossiers {self.dossiers}, errors {len(self.errors)}")


def run(sources: Sequence[str], out: str, settings: Settings, *, master: str | None = None,
        order: str = "arrival", meta_file: str | None = None, overrides: Mapping[str, str] | None = None,
        annotate: bool = True, compare: bool = True, partitions: int | None = None, spark=None) -> RunSummary:
    """Run the pipeline over ``sources`` and write its output under ``out`` (a path or a Hadoop URI).

    ``order``: the stream order of the clusterer: ``arrival``, the order ``add`` meets the articles in (inputs
    as given, folders sorted, records in file order), or ``published``: publication time (undated last), then
    arrival, for archives whose files are not in date order. ``compare`` false: no dossiers (``dossier`` computes
    them on demand after the import). ``spark``: a session to use instead of one on ``master``. Bad inputs are named in the summary and the errors table; the run goes on."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
    Sidecars(meta_file)  # a bad --meta file is one error before any work, as in ``add``
    spark = spark or spark_session(master)
    job = _Job(spark, settings, out.rstrip("/"), order, partitions)
    return job.run(sources, meta_file, overrides, annotate, compare)


class PeakMemory:
    """Accumulator parameter: stage -> the highest peak RSS (MB) any Python worker reported."""

    def zero(self, value: dict[str, float]) -> dict[str, float]:
        return {}

    def addInPlace(self, a: dict[str, float], b: dict[str, float]) -> dict[str, float]:  # noqa: N802 - Spark's
        for stage, mb in b.items():
            a[stage] = max(a.get(stage, 0.0), mb)
        return a


class _Job:
    def __init__(self, spark, settings: Settings, out: str, order: str, partitions: int | None):
        from pyspark import StorageLevel

        self.spark, self.sc, self.settings, self.out, self.order = spark, spark.sparkContext, settings, out, order
        self.parts = partitions or max(2, 4 * self.sc.defaultParallelism)
        self.keep = StorageLevel.MEMORY_AND_DISK
        self.peak = self.sc.accumulator({}, PeakMemory())
        self.timings: dict[str, float] = {}
        self.failures: list[tuple[tuple[int, int] | None, Failure]] = []
        self.kept: list = []  # RDDs persisted by this run, released at its end

    def persist(self, rdd):
        self.kept.append(rdd.persist(self.keep))
        return rdd

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start

    def run(self, sources, meta_file, overrides, annotate: bool, compare: bool) -> RunSummary:
        self._write_run({}, complete=False)
        with self.stage("ingest"):
            listing = list_inputs(self.spark, sources, self.settings)
            unique, duplicates = self._ingest(listing, meta_file, overrides)
        with self.stage("analyze"):
            analyzed = self._analyze(unique, annotate)
        with self.stage("copies"):
            originals = self._copies(analyzed)
        with self.stage("stories"):
            stories, state, cluster_seconds = self._stories(analyzed)
        with self.stage("dossiers"):
            members = self._members(analyzed, originals, stories)
            results = self._dossiers(members) if compare else self.sc.emptyRDD()
        with self.stage("write"):
            counts = self._write(members, results, stories)
        for rdd in self.kept:
            rdd.unpersist()
        summary = RunSummary(
            out=self.out, inputs=listing.count, articles=counts["articles"], duplicates=duplicates,
            copies=len(originals), stories=len(stories), dossiers=counts["dossiers"], facts=counts["facts"],
            errors=tuple(f.source + ": " + f.reason for _, f in self._ordered_failures()),
            timings=dict(self.timings), cluster_seconds=cluster_seconds, worker_memory_mb=dict(self.peak.value),
            cores=self.sc.defaultParallelism)
        self._write_run(_run_counts(summary), complete=True, state=state)
        return summary

    # ------------------------------------------------------------------ 1. ingest
    def _ingest(self, listing: Listing, meta_file, overrides):
        settings, peak = self.settings, self.peak
        rdds = []
        if listing.local:
            slices = min(len(listing.local), self.parts)
            rdds.append(self.sc.parallelize(list(listing.local), slices).mapPartitions(
                lambda items: measured(read_local(items, settings, meta_file, overrides), "ingest", peak.add)))
        if listing.remote:
            rdds.append(self._remote_reads(listing, meta_file, overrides))
        read = self.persist(self.sc.union(rdds) if rdds else self.sc.emptyRDD())
        self.failures += [((index, 0), Failure("ingest", source, reason)) for index, source, reason in listing.refused]
        self.failures += read.filter(lambda item: isinstance(item[1], Failure)).collect()
        articles = read.filter(lambda item: not isinstance(item[1], Failure))
        unique = articles.map(lambda item: (item[1].id, item)).reduceByKey(earliest, self.parts)
        return unique, articles.count() - unique.count()

    def _remote_reads(self, listing: Listing, meta_file, overrides):
        settings, peak = self.settings, self.peak
        index = {uri: i for i, uri in listing.remote}
        frame = self.spark.read.format("binaryFile").load([uri for _, uri in listing.remote])
        rows = frame.select("path", "content").rdd.map(lambda row: (index[row.path], row.path, row.content))
        return rows.mapPartitions(
            lambda items: measured(read_remote(items, settings, meta_file, overrides), "ingest", peak.add))

    # ------------------------------------------------------------------ 2. analyze
    def _analyze(self, unique, annotate: bool):
        settings, peak = self.settings, self.peak
        done = self.persist(unique.mapPartitions(
            lambda items: measured(analyze(items, settings, annotate), "analyze", peak.add),
            preservesPartitioning=True))
        done.count()
        self.failures += done.filter(lambda kv: not isinstance(kv[1], Analyzed)).values().collect()
        return done.filter(lambda kv: isinstance(kv[1], Analyzed))

    # ------------------------------------------------------------------ 3. copies
    def _copies(self, analyzed) -> dict[str, str]:
        """Article id -> the id of its original, for every copy (``copies.py``)."""
        threshold, parts = self.settings.near_duplicate_threshold, self.parts
        signatures = analyzed.mapValues(lambda record: record.minhash)
        candidates = (analyzed.flatMap(band_keys).groupByKey(parts)
                      .flatMap(lambda group: pairs(group[0][0], group[1]))
                      .reduceByKey(first_band, parts))
        by_earlier = candidates.map(lambda kv: (kv[0][1], (kv[0][0], kv[1]))).join(signatures, parts)
        by_later = by_earlier.map(lambda kv: (kv[1][0][0], (kv[0], kv[1][0][1], kv[1][1]))).join(signatures, parts)
        best = (by_later.map(lambda kv: (kv[0], _ranked(kv[1], threshold)))
                .filter(lambda kv: kv[1] is not None)
                .reduceByKey(min, parts)
                .mapValues(lambda ranked: ranked[3])
                .join(analyzed.mapValues(lambda record: record.position), parts)
                .mapValues(lambda value: (value[1], value[0]))
                .collectAsMap())
        return resolve(best)

    # ------------------------------------------------------------------ 4. stories
    def _stories(self, analyzed) -> tuple[list[Story], bytes, float]:
        """The clusterer on the driver, fed in stream order; returns the stories, its saved state and the time
        spent inside it."""
        from ..cluster.stream import StreamClusterer

        order = self.order
        stream = (analyzed.map(lambda kv: (kv[1].sort_key(order), kv[1].features))
                  .sortByKey(numPartitions=self.parts).values())
        clusterer = StreamClusterer(self.settings.cluster())
        busy = 0.0
        for features in stream.toLocalIterator():
            start = time.perf_counter()
            clusterer.assign_features(features)
            busy += time.perf_counter() - start
        changed, removed = clusterer.take_changes()
        records: dict[str, Story] = {}
        for story_id in removed:  # as stories.flush leaves a fresh store: removed ones gone, changed ones saved
            records.pop(story_id, None)
        for story in changed:
            records[story.id] = story
        return list(records.values()), _state_bytes(clusterer), busy

    # ------------------------------------------------------------------ 5. dossiers
    def _members(self, analyzed, originals: Mapping[str, str], stories: list[Story]):
        """(article id, (Analyzed with its copy link, arrival seq, story id, place in the story))."""
        parts = self.parts
        seqs = (analyzed.map(lambda kv: (kv[1].position, kv[0])).sortByKey(numPartitions=parts)
                .zipWithIndex().map(lambda item: (item[0][1], item[1] + 1)))
        places = self.sc.parallelize([(a, (s.id, i)) for s in stories for i, a in enumerate(s.article_ids)], parts)
        links = self.sc.parallelize(list(originals.items()), parts)
        facts = seqs.join(places, parts).leftOuterJoin(links, parts)
        return self.persist(analyzed.join(facts, parts).mapValues(_member))

    def _dossiers(self, members):
        settings, peak = self.settings, self.peak
        grouped = members.map(lambda kv: (kv[1][2], (kv[1][3], kv[1][0].article, kv[1][0].annotations)))
        results = self.persist(grouped.groupByKey(self.parts).mapPartitions(
            lambda groups: measured(dossiers(groups, settings), "dossiers", peak.add)))
        self.failures += [(None, r) for _, r in results.filter(lambda kv: isinstance(kv[1], Failure)).collect()]
        return results.filter(lambda kv: not isinstance(kv[1], Failure))

    # ------------------------------------------------------------------ 6. output
    def _write(self, members, results, stories: list[Story]) -> dict[str, int]:
        articles = members.map(lambda kv: layout.article_row(kv[1][0].article, kv[1][1], list(kv[1][0].minhash),
                                                             kv[1][2]))
        annotations = members.filter(lambda kv: kv[1][0].annotations is not None).map(
            lambda kv: {"article_id": kv[0], "data": kv[1][0].annotations})
        story_rows = [layout.story_row(s, i) for i, s in enumerate(sorted(stories, key=lambda s: s.id))]
        facts = results.flatMap(lambda kv: layout.fact_rows(kv[0], kv[1]))
        errors = [layout.error_row(f.stage, position, f.source, f.reason) for position, f in self._ordered_failures()]
        counts = {"articles": self._table(layout.ARTICLES, articles, ["seq"]),
                  "facts": self._table(layout.FACTS, facts, ["story_id", "position"])}
        self._table(layout.ANNOTATIONS, annotations, ["article_id"])
        self._table(layout.STORIES, self.sc.parallelize(story_rows, 1), ["position"])
        self._table(layout.ERRORS, self.sc.parallelize(errors, 1), ["input", "record", "stage", "source"])
        lines = results.map(lambda kv: (kv[0], layout.dossier_line(kv[1])))
        frame = self.spark.createDataFrame(lines, "story_id string, value string").orderBy("story_id")
        frame.select("value").write.mode("overwrite").text(self._path(layout.DOSSIERS))
        counts["dossiers"] = results.count()
        return counts

    def _table(self, name: str, rows, order: list[str]) -> int:
        frame = self.spark.createDataFrame(rows, layout.ddl(name)).orderBy(*order)
        frame.write.mode("overwrite").parquet(self._path(name))
        return self.spark.read.parquet(self._path(name)).count()

    def _write_run(self, counts: Mapping[str, Any], complete: bool, state: bytes = b"") -> None:
        row = {"schema": layout.SCHEMA, "version": VERSION, "settings": json.dumps(_run_settings(self), sort_keys=True),
               "counts": json.dumps(dict(counts), sort_keys=True), "timings": json.dumps(self.timings, sort_keys=True),
               "cluster_state": bytearray(state), "complete": complete}
        frame = self.spark.createDataFrame([row], layout.ddl(layout.RUN))
        frame.coalesce(1).write.mode("overwrite").parquet(self._path(layout.RUN))

    def _path(self, table: str) -> str:
        return f"{self.out}/{table}"

    def _ordered_failures(self) -> list[tuple[tuple[int, int] | None, Failure]]:
        """Ingest and analysis failures in arrival order, then the stories the compare stage failed on."""
        return sorted(self.failures, key=lambda item: (item[0] is None, item[0] or (0, 0), item[1].source))


def _ranked(value, threshold: float):
    (earlier, (band, position), earlier_minhash), later_minhash = value
    key = rank(later_minhash, earlier_minhash, band, position, threshold)
    return None if key is None else (*key, earlier)


def _member(value):
    record, ((seq, (story_id, place)), original) = value
    if original:
        record = replace(record, article=replace(record.article, copy_of=original))
    return record, seq, story_id, place


class _StateCapture:
    """Takes what ``stories.save_state`` would write into a store: the clusterer's saved state, byte for byte."""

    data = b""

    def save_cluster_state(self, name: str, data: bytes) -> None:
        self.data = data


def _state_bytes(clusterer) -> bytes:
    capture = _StateCapture()
    save_state(capture, clusterer)
    return capture.data


def _run_settings(job: _Job) -> dict[str, Any]:
    s = job.settings
    return {"order": job.order, "near_duplicate_threshold": s.near_duplicate_threshold, "embedder": s.embedder,
            "same_fact": s.same_fact, "story_embedder": s.story_embedder, "max_bytes": s.max_bytes}


def _run_counts(summary: RunSummary) -> dict[str, int]:
    return {"inputs": summary.inputs, "articles": summary.articles, "duplicates": summary.duplicates,
            "copies": summary.copies, "stories": summary.stories, "dossiers": summary.dossiers,
            "facts": summary.facts, "errors": len(summary.errors)}
