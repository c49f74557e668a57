# patlit: two entry points, each doing all of its own set-up on a fresh machine.
#   make demo   create .venv, install, ingest the bundled samples, show the disputes, serve them
#   make test   create .venv, install with test extras (and Chromium for browser tests), run every test
# the interpreter for .venv: an optimised distribution build when there is one (scripts/pick-python.sh)
PYTHON ?= $(shell bash scripts/pick-python.sh)
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install -q --disable-pip-version-check -c constraints.txt
DEMO_DB ?= build/demo.db
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000

.PHONY: demo test venv install install-test browser score bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

install: $(BIN)/python
	$(PIP) -e .

install-test: $(BIN)/python
	$(PIP) -e '.[test]'

# Debian's chromium for the browser tests; skipped (tests then skip) where it cannot be installed.
browser:
	@bash scripts/install-browser.sh

# Fresh demo database each run: ingest the bundled samples, show the disputes, serve them.
demo: install
	@mkdir -p build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/patlit ingest src/patlit/samples --db sqlite:///$(DEMO_DB)
	$(BIN)/patlit disputes --db sqlite:///$(DEMO_DB) --format table
	$(BIN)/patlit serve --db sqlite:///$(DEMO_DB) --host $(DEMO_HOST) --port $(DEMO_PORT)

test: install-test browser
	$(BIN)/python -m pytest -q

score: install
	@bash scripts/score.sh

bench: install
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) build .pytest_cache
