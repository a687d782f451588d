"""What a Spark run reads: local paths, folders and globs (read by the executors as ``add`` reads them, so the
paths must be visible there: local mode or a shared mount), http(s) URLs (fetched by the executors), and any other
URI the cluster's Hadoop filesystem reads (``hdfs://``, ``s3a://``, ``file://``...), listed and read by Spark.

Inputs are numbered in the order ``add`` would meet them: the sources as given, each folder walked in sorted
order. That number, with the record's place inside its input, is an article's arrival position.
"""
from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from typing import Sequence

from ..config import Settings
from ..ingest import expand
from ..ingest.files import is_skipped, is_url, kind_of, url_scheme

WARC_LIMIT = 2**31 - 1  # a remote WARC is read whole by one task (Spark's binary files stop at 2 GB)


@dataclass(frozen=True)
class Listing:
    local: tuple[tuple[int, str], ...] = ()  # (input index, path or URL)
    remote: tuple[tuple[int, str], ...] = ()  # (input index, URI as Spark names it)
    refused: tuple[tuple[int, str, str], ...] = ()  # (input index, source, reason)

    @property
    def count(self) -> int:
        return len(self.local) + len(self.remote) + len(self.refused)


def list_inputs(spark, sources: Sequence[str], settings: Settings) -> Listing:
    """Every input of the sources, numbered in arrival order."""
    entries: list[tuple[str, ...]] = []  # ("local", path) | ("remote", uri) | ("refused", source, reason)
    for source in sources:
        if source == "-":
            entries.append(("refused", source, "standard input is not an input of a Spark run: save it to a file"))
        elif is_remote(source):
            entries.extend(_remote(spark, source, settings))
        else:
            entries.extend(("local", path) for path in _local(source))
    return Listing(
        local=tuple((i, e[1]) for i, e in enumerate(entries) if e[0] == "local"),
        remote=tuple((i, e[1]) for i, e in enumerate(entries) if e[0] == "remote"),
        refused=tuple((i, e[1], e[2]) for i, e in enumerate(entries) if e[0] == "refused"),
    )


def is_remote(source: str) -> bool:
    """A URI for the Hadoop filesystem (any scheme but http and https), unless it names a local file."""
    return url_scheme(source) is not None and not is_url(source) and not os.path.exists(source)


def _local(source: str) -> list[str]:
    if is_url(source) or os.path.exists(source) or not glob.has_magic(source):
        return expand([source])
    matches = sorted(glob.glob(source, recursive=True))
    return expand(matches) if matches else [source]  # nothing matched: reading it says so


def _remote(spark, uri: str, settings: Settings) -> list[tuple[str, ...]]:
    files = hadoop_files(spark, uri)
    if files is None:
        return [("refused", uri, "no such file or directory")]
    if not files:
        return [("refused", uri, "no files to ingest in this directory")]
    entries: list[tuple[str, ...]] = []
    for path, size in files:
        limit = WARC_LIMIT if kind_of(path) == "warc" else settings.max_bytes
        entries.append(("refused", path, f"over the size limit ({size} > {limit} bytes)") if size > limit
                       else ("remote", path))
    return entries


def hadoop_files(spark, uri: str) -> list[tuple[str, int]] | None:
    """(URI, size) of every file under ``uri`` (a file, a folder walked recursively, or a glob), sorted by path
    parts and without the names a folder walk skips; None when nothing is there. Listed by Spark's own file
    source, which reads no file content for this."""
    try:
        rows = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(uri)
                .select("path", "length").collect())
    except Exception as exc:  # noqa: BLE001 - Spark's AnalysisException for a missing path
        if "PATH_NOT_FOUND" in str(exc) or "does not exist" in str(exc).lower():
            return None
        raise
    files = [(row.path, int(row.length)) for row in rows if not is_skipped(row.path.rsplit("/", 1)[-1])]
    return sorted(files, key=lambda item: item[0].split("/"))
