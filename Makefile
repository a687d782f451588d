# Two commands on a fresh machine: `make demo` and `make test`. Each sets up .venv on first use.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPARK_STAMP := $(VENV)/.spark-installed
DEMO_DB := demo.db

.PHONY: demo test bench bench-full install clean chromium java

CHROMIUM := /usr/bin/chromium

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# torch first: the pinned CPU build; an unpinned torch would pull a multi-GB CUDA build.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[all]'
	touch $(STAMP)

install: $(STAMP)

# The Spark runner's extra, for the tests (make demo does without it).
$(SPARK_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[spark]'
	touch $(SPARK_STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsweave --db $(DEMO_DB) add examples/seed-pair
	$(BIN)/newsweave --db $(DEMO_DB) articles
	$(BIN)/newsweave --db $(DEMO_DB) dossier all
	$(BIN)/newsweave --db $(DEMO_DB) report --largest -o report.html
	@echo "Report written to $(CURDIR)/report.html"
	@echo "Browse it live: $(BIN)/newsweave --db $(DEMO_DB) serve   (http://127.0.0.1:8000/)"

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
chromium:
	@test -x $(CHROMIUM) || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; } \
	  || echo "chromium not installed: browser tests (-m browser) will be skipped"

# Debian's headless Java 17 for the Spark tests (they run on local[2]; skipped, saying so, without Java).
java:
	@command -v java >/dev/null || [ -x "$$JAVA_HOME/bin/java" ] || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -q && $$SUDO apt-get install -y -q openjdk-17-jre-headless; } \
	  || echo "java not installed: the Spark tests (tests/scale) will be skipped"

# pytest exits 5 when it collects no tests: not a failure of the code
test: $(STAMP) $(SPARK_STAMP) chromium java
	$(BIN)/python -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

# Benchmarks (bench/README.md): every measuring script, each ending with one key=value line; data from
# ../shared/data (each script's --root).  `make bench`: quick settings (slices, fewer runs), about 5 minutes on 2
# idle cores.  `make bench-full`: the published settings, a few hours (msrp.py scores 5 cross-encoders, 30-60
# minutes with a cold cache; stream_scale.py clusters 200k articles, about an hour).  Not run: normalize_audit.py
# (a review aid printed for a human, no figure) and bench/train/ (they fit weights; they do not measure).
# The quality gate runs in `make test`: the floors of bench/floors.toml, checked by the tests named there.
BENCH_PY := nice $(BIN)/python

bench: $(STAMP)
	$(BENCH_PY) bench/ingest.py --runs 1 --limit 200
	$(BENCH_PY) bench/normalize.py --n 50 --runs 1
	$(BENCH_PY) bench/ecbplus_times.py --speed-articles 20
	$(BENCH_PY) bench/ecbplus_clustering.py
	$(BENCH_PY) bench/ecbplus_align.py --split dev --topics 1
	$(BENCH_PY) bench/story_conflicts.py --topics dev
	$(BENCH_PY) bench/dossier_speed.py --sizes 2,10 --repeat 1
	$(BENCH_PY) bench/conflicts.py --limit 500
	$(BENCH_PY) bench/msrp.py --limit 400 --cross off
	$(BENCH_PY) bench/static_embed.py --embedders static
	$(BENCH_PY) bench/stream_scale.py --max 10000 --checkpoints 2000,10000 --probe 200
	$(BENCH_PY) bench/serve.py --articles 1000 --seconds 3
	$(BENCH_PY) bench/watch_memory.py --items 1000 --light
	$(BENCH_PY) bench/soak.py --articles 100 --second 20 --readers 5 --warmup 3
	$(BENCH_PY) bench/crosslingual_align.py --limit 3
	$(BENCH_PY) bench/multilingual_normalize.py --step 10
	$(BENCH_PY) bench/crosslingual_stories.py --seeds 1

bench-full: $(STAMP)
	$(BENCH_PY) bench/ingest.py
	$(BENCH_PY) bench/normalize.py
	$(BENCH_PY) bench/ecbplus_times.py
	$(BENCH_PY) bench/ecbplus_clustering.py --topics all
	$(BENCH_PY) bench/ecbplus_align.py --split dev
	$(BENCH_PY) bench/story_conflicts.py --topics dev
	$(BENCH_PY) bench/story_conflicts.py --topics train
	$(BENCH_PY) bench/dossier_speed.py
	$(BENCH_PY) bench/conflicts.py
	$(BENCH_PY) bench/msrp.py
	$(BENCH_PY) bench/static_embed.py
	$(BENCH_PY) bench/stream_scale.py
	$(BENCH_PY) bench/serve.py
	$(BENCH_PY) bench/watch_memory.py
	$(BENCH_PY) bench/soak.py
	$(BENCH_PY) bench/crosslingual_align.py
	$(BENCH_PY) bench/multilingual_normalize.py
	$(BENCH_PY) bench/crosslingual_stories.py --seeds 1,2,3

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
