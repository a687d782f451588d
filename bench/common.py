"""What every bench script shares: where the project, its sources and the data are, the ``--root`` argument,
caches under ``.cache/``, and the final ``key=value`` line.

A script in ``bench/`` starts with ``import common`` (Python puts the script's folder on ``sys.path``); importing
it puts ``src/`` first on ``sys.path``, so the scripts run from a checkout without an install.  Scripts in
``bench/train/`` put ``bench/`` on the path first (one line), then import it the same way.

``--root DIR`` is, in every script, the data folder: the folder holding that benchmark's data set, by default
its folder under the shared data root ``../shared/data/`` beside the project (``ecbplus/``, ``msrp/``).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SRC = PROJECT / "src"
BENCH = PROJECT / "bench"
DATA = PROJECT.parent / "shared" / "data"  # the shared data root, beside the project
CACHE = PROJECT / ".cache"
TRAINED = CACHE / "trained"  # where bench/train/ scripts write by default (never src/)
WEIGHTS = SRC / "newsweave" / "weights"  # the shipped trained files: copied there by hand, see bench/train/

if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

# The data sets, and what their folder holds (for --help).
DATASETS = {
    "ecbplus": "ECB+: ECBplus_train_dev_xml.tar.gz and ECBplus_coreference_sentences.csv (the archive is unpacked "
               "into .cache/ecbplus once), or any folder with the unpacked layout",
    "msrp": "MSRP: msr_paraphrase_train.txt and msr_paraphrase_test.txt",
    "realnews": "real multi-outlet news with gold events: gvc-val/dataset.conll and newswcl50/NewsWCL50.conll",
    "multilingual/ntrex": "NTREX-128: newstest2019-ref.{eng-US,ukr,rus}.txt (line-aligned) and DOCUMENT_IDS.tsv",
    "multilingual/slavicner": "SlavicNER: raw/<topic>/<lang>/* articles and ner/<topic>/<lang>/*.tsv annotations",
    "multilingual/ner-uk": "NER-UK 2.0: v2.0/data/{bruk,ng}/*.txt with Brat .ann annotations",
}


def add_root(parser: argparse.ArgumentParser, dataset: str, default: Path | None = None, what: str | None = None,
             option: str = "--root") -> None:
    """``--root DIR``: the folder holding this benchmark's data set (default: ``DATA / dataset``, or ``default``).
    ``option`` names a second data folder of a script that reads two data sets (e.g. ``--msrp``)."""
    default = default or DATA / dataset
    parser.add_argument(option, type=Path, default=default, metavar="DIR",
                        help=f"data folder: {what or DATASETS[dataset]} (default: {shown(default)})")


def shown(path: Path) -> str:
    """A path as written from the project folder (``examples/seed-pair``, ``../shared/data/msrp``)."""
    path = Path(path).resolve()
    for base, prefix in ((PROJECT.resolve(), ""), (PROJECT.parent.resolve(), "../")):
        if path.is_relative_to(base):
            return prefix + path.relative_to(base).as_posix()
    return str(path)


def cache(*parts: str) -> Path:
    """``.cache/<parts>`` (its parent folder created): where a script keeps what it can recompute."""
    path = CACHE.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def result(name: str, **figures) -> str:
    """Print and return the final line ``name: key=value key=value ...`` (values as given: format them first)."""
    line = f"{name}: " + " ".join(f"{key}={value}" for key, value in figures.items())
    print(line, flush=True)
    return line

