"""The SparkSession a run uses: the given master, else the one spark-submit set, else ``local[*]``.

On a local master the Python workers run this interpreter with this copy of newsweave (its folder first on their
path), so a checkout, a virtual environment and an installed wheel all behave alike. On a cluster the executors'
Python comes from ``spark.pyspark.python`` (docs/spark.md).
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ..errors import NewsweaveError, require

APP_NAME = "newsweave"
LOCAL_DEFAULT = "local[*]"
CONF = {
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.python.worker.reuse": "true",  # each Python worker loads its models once, then serves many tasks
}


class SparkUnavailable(NewsweaveError):
    """Spark cannot start here (no Java runtime, or the JVM failed)."""


def java_missing() -> str | None:
    """What is missing for Spark to start (a Java runtime), or None when ``$JAVA_HOME/bin/java`` or a ``java`` on the
    path is there (where Spark's launcher looks)."""
    home = os.environ.get("JAVA_HOME")
    if (home and os.access(Path(home, "bin", "java"), os.X_OK)) or shutil.which("java"):
        return None
    return ("no Java runtime: Spark needs Java 17 or later "
            "(Debian: apt-get install openjdk-17-jre-headless; or set JAVA_HOME)")


def spark_session(master: str | None = None, conf: dict[str, str] | None = None):
    """A SparkSession on ``master`` (None: spark-submit's master, else ``local[*]``); an active one is reused."""
    require("pyspark", "spark")
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run the driver's Python unless told
    settings = {**CONF, **(conf or {})}
    try:
        return _build(SparkSession, master, settings)
    except Exception as exc:  # noqa: BLE001 - py4j and the JVM fail in many ways; say what is missing
        if _condition(exc) == "MASTER_URL_NOT_SET":
            return _build(SparkSession, LOCAL_DEFAULT, settings)
        missing = java_missing()
        raise SparkUnavailable(missing or f"Spark did not start: {type(exc).__name__}: {exc}") from exc


def _build(session_class, master: str | None, settings: dict[str, str]):
    builder = session_class.builder.appName(APP_NAME)
    if master:
        builder = builder.master(master)
    if master and master.startswith("local"):
        builder = builder.config("spark.executorEnv.PYTHONPATH", _package_root())
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _package_root() -> str:
    """The folder holding the ``newsweave`` package this driver imported (src/ of a checkout, or site-packages)."""
    return str(Path(__file__).resolve().parents[2])


def _condition(exc: Exception) -> str | None:
    getter = getattr(exc, "getCondition", None) or getattr(exc, "getErrorClass", None)
    try:
        return getter() if getter else None
    except Exception:  # noqa: BLE001
        return None


def local_cores(spark) -> int:
    """Task slots of the session (``local[N]``: N)."""
    return int(spark.sparkContext.defaultParallelism)
