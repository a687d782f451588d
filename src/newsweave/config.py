"""Settings as plain values, read once at the edge (CLI flags, a JSON config file, the environment, keywords) and
passed down to the stages. ``Settings`` is what a user sets; ``ClusterConfig`` holds the story clusterer's tuned
knobs (how they were tuned: docs/benchmarks.md and CHANGELOG.md).

Environment variables are read here only: ``NEWSWEAVE_DB`` (the store), ``NEWSWEAVE_CACHE`` (where built model
tables are cached), ``NEWSWEAVE_SAME_FACT`` (the same-fact scorer) and ``NEWSWEAVE_TOKEN`` (the web app's secret).
"""
from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

VERSION = "0.1.0"  # the package version (pyproject.toml)
ENVIRONMENT = {"NEWSWEAVE_DB": "db", "NEWSWEAVE_CACHE": "cache_dir", "NEWSWEAVE_SAME_FACT": "same_fact",
               "NEWSWEAVE_TOKEN": "token"}
SAME_FACT_MODES = ("auto", "lr", "cross", "cross-all")


def default_cache_dir() -> str:
    return str(Path.home() / ".cache" / "newsweave")


@dataclass(frozen=True)
class ClusterConfig:
    """Knobs of the stream clusterer (cluster/), tuned on ECB+ train/dev topics only, medians and means over many
    seeded orders (bench/ecbplus_clustering.py). Conflict penalties multiply the join score and the merge score."""

    join_threshold: float = 0.20  # centroid score to join, before the join model applies
    merge_threshold: float = 0.45  # centroid similarity at which two stories bridged by an article merge
    split_threshold: float = 0.45  # centroid similarity under which a story's two halves are split apart
    query_keys: int = 30  # most informative keys of an article used to find candidate stories
    index_keys: int = 30  # keys of each member put in the inverted index
    candidates: int = 8  # stories scored in full per article
    max_posting: int = 5000  # keys shared by more active stories than this are too common to look up
    window_days: float = 21.0  # stories untouched for this long (publication time) leave the active window
    window_articles: int = 20000  # ... or untouched for this many articles (streams without dates)
    time_scale_days: float = 10.0  # decay of the score with the gap between article and story
    sweep_every: int = 256  # arrivals between sweeps of the active window
    score_keys: int = 120  # heaviest keys of an article used in its scores (the rest carry little weight)
    member_keys: int = 150  # heaviest keys (by tf-idf on arrival) an article keeps: bounds the cost of long reports
    move_margin: float = 0.05  # a member moves to another story when it fits that one by this much more
    neighbour_merge_threshold: float = 1.0  # at check times, merge a story with neighbours this similar (1 = off)
    year_penalty: float = 0.6  # score factor when the article's main year differs from the story's
    month_penalty: float = 1.0  # ... when its main month differs from the story's (1 = off)
    subject_penalty: float = 1.0  # ... when none of the article's lede names is among the story's core (1 = off)
    core_subjects: int = 5  # the story's most frequent lede names that make up its core
    use_model: bool = True  # decide joins with the learned join model (cluster/join.py) when its file is present
    model_min_docs: int = 20  # below this many documents in the window idf is too rough: threshold rule
    join_probability: float = 0.5  # join when the model's probability (times the time decay) reaches this
    model_candidates: int = 3  # best candidates by centroid score that the model scores ...
    model_min_score: float = 0.05  # ... when their centroid score reaches this (below: probability 0)
    model_members: int = 12  # members compared one by one (the founder and the latest ones)
    core_keys: int = 15  # the story's heaviest centroid keys that make up its core
    bridge_probability: float = 0.9  # with the model: a second candidate this probable may be merged in
    revisit_every: int = 4  # every so many arrivals, young small stories get a second look (0 = never) ...
    revisit_size: int = 4  # ... stories of at most this many members
    revisit_ages: tuple[int, ...] = (4, 16, 48, 128, 320)  # ... looked at when the story reaches these ages
    revisit_probability: float = 0.5  # ... folded when its members' mean probability for another story reaches this
    revisit_single_probability: float = 0.25  # ... a one-article story when its probability reaches this
    split_probability: float = 0.35  # a split check splits when the model places each half's members in the other
    # half with a mean probability below this (0 = off); halves by 2-means, by the numbers and years members name
    split_rival: bool = True  # ... judging each member against the other half with its own half as the rival
    split_min_half: int = 4  # ... halves the model test may split off hold this many members
    split_year_halves: bool = True  # ... halves also by the story's main year (members naming it vs the others)
    split_refine: int = 2  # rounds refining a near-miss proposal's halves by the model ...
    split_refine_gate: float = 0.6  # ... proposals below this mean probability are refined
    split_settle: bool = True  # a passing split is made along its refined halves, and only when these still pass
    split_members: int = 6  # members of a half the model is asked about (founder and latest)
    lonely_every: int = 2  # every so many arrivals, the one-article stories longest unchecked get another look ...
    lonely_batch: int = 1  # ... this many of them, round robin ...
    lonely_probability: float = 0.2  # ... folded into a story the model now places them in with this probability
    gather_probability: float = 0.4  # a story reaching a gather size folds in a small neighbour whose members the
    # model places in it with this mean probability (> 1 = never)
    fragment_probability: float = 0.35  # ... and merges with a larger neighbour when the model places the members
    # of each in the other with this mean probability (> 1 = never)
    fragment_similarity: float = 0.3  # ... only neighbours whose tf-idf centroid is this similar are asked
    vector_split_probability: float = 0.1  # 2-means halves whose vectors differ are split only when the model
    # places their members in the other half with a mean probability below this (1 = always)
    split_growth: float = 1.25  # a story is checked for a split when it has grown by this factor since the last
    lead_share: float = 0.75  # after a split, a member moves to the other half when this share of its members
    # name the member's lead name in their ledes ... (> 1 = never)
    lead_own_share: float = 0.2  # ... and at most this share of its own half's other members do
    lead_min_members: int = 3  # ... and the other half holds this many members
    gather_neighbours: int = 4  # neighbours looked at for gathering, nearest by key overlap
    related_similarity: float = 0.25  # another story whose tf-idf centroid is this similar (after the time decay)
    # is a related story: same thread, another event ...
    related_limit: int = 3  # ... the closest this many are linked
    gather_sizes: tuple[int, ...] = (4, 6, 9, 14, 21, 32, 48, 72, 108)  # story sizes at which it gathers
    embedder: str | None = "auto"  # headline embedder whose cosine the join model weighs (static, onnx, ...;
    # auto = static when the onnx extra is installed, else none; None = off); its model is join_model_<name>.json
    cache_dir: str | None = None  # where a built embedder table is cached (None: ~/.cache/newsweave)


@dataclass(frozen=True)
class Settings:
    db: str = field(default="newsweave.db", metadata={"help": "SQLite database path (env NEWSWEAVE_DB)"})
    max_bytes: int = field(default=20_000_000, metadata={"help": "size limit of one input file or download"})
    max_article_chars: int = field(default=100_000, metadata={
        "help": "length limit of one article's text, in characters (longer ones are refused)"})
    fetch_timeout: float = field(default=15.0, metadata={"help": "seconds allowed for one URL fetch"})
    max_redirects: int = field(default=5, metadata={"help": "redirects followed per URL"})
    allow_private: bool = field(default=False, metadata={"help": "allow fetching private/loopback addresses"})
    assign_every: int = field(default=256, metadata={
        "help": "during an add, stories are assigned each time this many more articles are stored, and at its end"})
    near_duplicate_threshold: float = field(
        default=0.8, metadata={"help": "MinHash Jaccard above which an article is a copy of another"}
    )
    embedder: str = field(default="auto", metadata={
        "help": "sentence embedder of the comparison (claims, names): auto, onnx, minilm, static, e5"})
    same_fact: str = field(default="auto", metadata={
        "help": "same-fact scorer: auto (stacked cross-encoder where installed, feature regression for alignment), "
                "lr, cross, cross-all (env NEWSWEAVE_SAME_FACT)"})
    story_embedder: str | None = field(default="auto", metadata={
        "help": "headline embedder of the story clusterer: auto (static when installed), static, onnx, or none"})
    cache_dir: str = field(default_factory=default_cache_dir, metadata={
        "help": "where built model tables are cached (env NEWSWEAVE_CACHE)"})
    token: str | None = field(default=None, metadata={
        "help": "secret the web app checks on every request (env NEWSWEAVE_TOKEN)"})

    @classmethod
    def from_sources(cls, config: str | Path | None = None, environ: Mapping[str, str] | None = None,
                     **overrides: Any) -> "Settings":
        """Defaults, then a JSON config file, then the environment, then explicit keywords (None ignored)."""
        values: dict[str, Any] = {}
        if config:
            values.update(json.loads(Path(config).read_text(encoding="utf-8")))
        environ = os.environ if environ is None else environ
        values.update({name: environ[var] for var, name in ENVIRONMENT.items() if environ.get(var)})
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        settings = cls(**values)
        if settings.same_fact not in SAME_FACT_MODES:
            raise ValueError(f"same_fact must be one of {', '.join(SAME_FACT_MODES)}, not {settings.same_fact!r}")
        return settings

    def cluster(self) -> ClusterConfig:
        """The clusterer's knobs with this user's embedder choice."""
        embedder = None if self.story_embedder in (None, "", "none") else self.story_embedder
        return ClusterConfig(embedder=embedder, cache_dir=self.cache_dir)
