# patlit: two entry points, each doing all of its own set-up on a fresh machine.
#   make demo   create .venv, install, ingest the bundled samples, show the disputes, serve them
#   make test   create .venv, install with test extras (and Chromium for browser tests), run every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip install -q --disable-pip-version-check -c constraints.txt
DEMO_DB ?= build/demo.db

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

demo: install
	@mkdir -p build
	$(BIN)/patlit extract src/patlit/samples/en/*.txt --format table

test: install-test browser
	$(BIN)/python -m pytest -q

score: install
	@bash scripts/score.sh

bench: install
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) build .pytest_cache
