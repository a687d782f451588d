"""ECB+ for the bench scripts: find the corpus (unpacking the shared archive once), topic ranges, token reading.

Data: ECB+ (Cybulska & Vossen, LREC 2014), CC BY 3.0: ``ECBplus_train_dev_xml.tar.gz`` (33 train/dev topics, 772
CAT XML files) and ``ECBplus_coreference_sentences.csv`` in the data folder (``--root``, default
``../shared/data/ecbplus``).  The archive is unpacked into ``.cache/ecbplus`` on first use (temp dir + atomic
rename: safe against parallel runs).

Each script rebuilds text from the tokens in its own way (the joins differ, and so would its figures); what they
share lives here: where the files are, which range a topic is in, the tokens of each sentence without the source
URL line, and the token join with a chosen punctuation set.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import tarfile
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

import common

FOLDER = common.DATA / "ecbplus"  # the default data folder (--root): the archive and the sentence CSV
ARCHIVE = "ECBplus_train_dev_xml.tar.gz"
CHECKED = "ECBplus_coreference_sentences.csv"
CACHE = common.CACHE / "ecbplus"
DEV = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TEST = frozenset(range(36, 46))
FILE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
# The fuller join: no space before closing punctuation and clitics, none after opening brackets and quotes.
NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "?", "!", ")", "]", "}", "''", "'s", "n't", "'", "%", "'re", "'ve",
                             "'ll", "'d", "'m"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "$", "#"})


class Token(NamedTuple):
    id: str
    sentence: int
    text: str


def add_root(parser) -> None:
    """The standard ``--root``: the ECB+ data folder."""
    common.add_root(parser, "ecbplus")


def topic_range(topic: int) -> str:
    return "test" if topic in TEST else "dev" if topic in DEV else "train"


def corpus(root: Path = FOLDER, cache: Path = CACHE) -> Path:
    """The ECB+ folder (one sub-folder of CAT XML files per topic).  ``root`` holding the archive (or the default
    root, even without it): the copy unpacked in ``cache``, unpacking it first when absent.  Any other ``root``
    (an unpacked copy, any folder with the layout) is used as it is."""
    root = Path(root)
    archive = root / ARCHIVE
    if not archive.is_file() and root.resolve() != FOLDER.resolve():
        return root
    target = cache / "ECB+_LREC2014" / "ECB+"
    if not any(target.glob("*/*.xml")):
        if not archive.is_file():
            return root  # nothing unpacked and nothing to unpack: the caller finds no files
        unpack(archive.resolve(), cache)
    return target


def unpack(archive: Path, cache: Path) -> None:
    """Extract into a temp dir beside ``cache`` and rename it into place; a parallel run that wins keeps its copy."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=cache.parent, prefix=".ecbplus-"))
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        os.rename(tmp, cache)
    except OSError:  # someone else won the race (or left a cache folder behind)
        if not (cache / "ECB+_LREC2014").exists():
            os.rename(tmp / "ECB+_LREC2014", cache / "ECB+_LREC2014")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def checked_sentences(root: Path = FOLDER) -> set[tuple[str, int]]:
    """(file stem, sentence number) of every sentence whose annotation was checked (the CSV beside the archive)."""
    with (Path(root) / CHECKED).open(encoding="utf-8") as handle:
        return {(f'{row["Topic"].strip()}_{row["File"].strip()}', int(row["Sentence Number"]))
                for row in csv.DictReader(handle)}


def read_tokens(doc: ET.Element, blank: str | None = None) -> list[Token]:
    """The tokens of a parsed CAT XML file in order.  ``blank``: tokens are stripped and an empty one becomes
    ``blank``; None keeps every token's text as it is."""
    return [Token(t.get("t_id"), int(t.get("sentence")), _text(t, blank)) for t in doc.iter("token")]


def _text(token: ET.Element, blank: str | None) -> str:
    text = token.text or ""
    return text if blank is None else text.strip() or blank


def read_sentences(path: Path, blank: str | None = None, doc: ET.Element | None = None
                   ) -> tuple[list[str] | None, list[tuple[int, list[str]]]]:
    """(source URL tokens, sentences as (number, tokens) in order).  Sentence 0 of an ``ecbplus`` file is the
    article's source URL: it is returned apart (None for ``ecb`` files).  ``doc``: the file already parsed."""
    sentences: dict[int, list[str]] = {}
    for token in read_tokens(ET.parse(path).getroot() if doc is None else doc, blank):
        sentences.setdefault(token.sentence, []).append(token.text)
    url = sentences.pop(0, None) if path.name.endswith("ecbplus.xml") else None
    return url, sorted(sentences.items())


def join_words(words: list[str], no_space_before=NO_SPACE_BEFORE, no_space_after=frozenset()) -> str:
    """Tokens joined by spaces, but none before a token in ``no_space_before`` or after one in ``no_space_after``."""
    out, previous = "", None
    for word in words:
        if out and word not in no_space_before and previous not in no_space_after:
            out += " "
        out += word
        previous = word
    return out
