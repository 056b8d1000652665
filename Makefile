# recoupe — the two commands first: `make demo`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-0.1.0

.PHONY: install demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/recoupe demo --out dossier
	@echo "serve it: $(BIN)/recoupe serve --db dossier/recoupe.duckdb"

test: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/run_bench.py
	$(BIN)/python bench/bench_timex.py
	$(BIN)/python bench/bench_timex_ar.py
	$(BIN)/python bench/bench_entities.py
	$(BIN)/python bench/bench_events.py
	$(BIN)/python bench/bench_coref.py
	$(BIN)/python bench/bench_fusion.py
	$(BIN)/python bench/bench_press.py
	$(BIN)/python bench/bench_serve.py
	$(BIN)/python bench/bench_memory.py
	$(BIN)/python bench/bench_fuzz.py
	$(BIN)/python bench/bench_confidence.py
	$(BIN)/python bench/bench_arabic_gsr.py
	$(BIN)/python bench/bench_furniture.py
	$(BIN)/python bench/own_events.py --set holdout --append
	$(BIN)/python bench/own_events.py --set holdout2 --append
	$(BIN)/python bench/own_events.py --set holdout3 --append

clean:
	rm -rf dossier build .pytest_cache .mypy_cache .ruff_cache bench/corpus bench/out bench/press.md
