# Two entry points: `make demo` and `make test`. Both create .venv and install pinned
# dependencies first; nothing else needs to be installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	rm -f dateline.db dateline.db-wal dateline.db-shm
	$(BIN)/dateline ingest examples/venezuela --db dateline.db
	$(BIN)/dateline timeline --db dateline.db --include planned,hypothetical,negated
	$(BIN)/dateline summary --db dateline.db

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts fuzz
	$(BIN)/ruff format --check src tests benchmarks scripts fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/timex_speed.py

clean:
	rm -rf $(VENV) dateline.db dateline.db-wal dateline.db-shm
