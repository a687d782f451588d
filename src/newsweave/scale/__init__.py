"""Past one machine: the pipeline of ``add`` then ``dossier`` on Apache Spark, with equal results (docs/spark.md).

``run(sources, out, settings, master="local[4]")`` reads the inputs, finds copies and stories and compares every
story, and writes Parquet tables and JSON dossiers under ``out``; ``import_output(store, out)`` loads that output
into a store. Needs the ``spark`` extra (pyspark, pyarrow) and, to run a job, a Java runtime.
"""
from __future__ import annotations

from .importer import ImportSummary, OutputError, import_output
from .job import ORDERS, STAGES, RunSummary, run
from .layout import SCHEMA
from .session import SparkUnavailable, java_missing, spark_session

__all__ = ["ImportSummary", "ORDERS", "OutputError", "RunSummary", "SCHEMA", "STAGES", "SparkUnavailable",
           "import_output", "java_missing", "run", "spark_session"]
