# Two commands do all set-up: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test bench install install-test clean

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

install-test: $(VENV)/.installed-test

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
