# Two commands on a fresh machine: `make demo` and `make test`. Each sets up .venv on first use.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo.db

.PHONY: demo test bench install clean chromium

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

# pytest exits 5 when it collects no tests: not a failure of the code
test: $(STAMP) chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/normalize.py
	$(BIN)/python bench/ecbplus_times.py
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
