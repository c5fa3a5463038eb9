# Two entry points: `make demo` and `make test`. Both create .venv and install pinned
# dependencies first; nothing else needs to be installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo serve test lint typecheck unit browser bench fuzz clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	rm -f dateline.db dateline.db-wal dateline.db-shm dateline.db.lock
	$(BIN)/dateline ingest examples/venezuela --db dateline.db
	$(BIN)/dateline timeline --db dateline.db --include planned,hypothetical,negated
	$(BIN)/dateline summary --db dateline.db
	@echo
	@echo "Browse the story: run 'make serve' (or $(BIN)/dateline serve --db dateline.db),"
	@echo "then open http://127.0.0.1:8000/"

serve: $(STAMP)
	$(BIN)/dateline serve --db dateline.db --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts fuzz
	$(BIN)/ruff format --check src tests benchmarks scripts fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

# The browser tests drive Debian's chromium; installed here when missing.
browser:
	@sh scripts/ensure_chromium.sh

unit: $(STAMP) browser
	DATELINE_REQUIRE_BROWSER=1 $(BIN)/pytest -q

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/timex_speed.py

# A longer coverage-guided run of the reader fuzz target (the tests run short ones):
# FUZZ_RUNS executions or FUZZ_SECONDS, whichever comes first.
FUZZ_RUNS ?= 200000
FUZZ_SECONDS ?= 600
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[fuzz]"
	$(BIN)/python fuzz/fuzz_readers.py -atheris_runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) dateline.db dateline.db-wal dateline.db-shm dateline.db.lock
