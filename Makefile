# Two commands do all set-up: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test bench install install-test browser clean
# The browser tests drive Debian's Chromium (never a browser Playwright downloads: the network is closed).
CHROMIUM ?= /usr/bin/chromium

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test,web,feeds,search,ray]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test browser

# Debian's chromium package for the browser tests; installed when we may (root with apt), otherwise a
# hint. The tests fail under CI without it and skip with that hint elsewhere.
browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing Debian's chromium for the browser tests" >&2; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else echo "browser tests need Debian's chromium at $(CHROMIUM): sudo apt-get install chromium" >&2; fi

# demo/corpus/broken/ holds bad inputs on purpose: analyze reports them and exits 1 ("some inputs
# failed"); any other non-zero code is a real failure.
demo: install
	$(BIN)/storyline analyze demo/corpus --out $(OUT) || [ $$? -eq 1 ]
	$(BIN)/storyline eval demo/gold.json $(OUT)/analysis.json
	@echo "briefs written to $(OUT)/briefs/ ; analysis in $(OUT)/analysis.json ; database $(OUT)/storyline.duckdb"

test: install-test
	@$(BIN)/python -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo 'make test: pytest collected no tests (treated as failure)' >&2; fi; exit $$rc

bench: install-test
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out .pytest_cache
