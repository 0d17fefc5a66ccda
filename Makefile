# The two commands: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
ARTICLES ?=

.PHONY: run test bench loadtest lint format clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.run-installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.run-installed

$(VENV)/.bench-installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test,bench]"
	touch $@ $(VENV)/.test-installed $(VENV)/.run-installed

## run: the app on http://127.0.0.1:$(PORT) with a Celery worker, demo accounts and articles
run: $(VENV)/.run-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py rebuild_public_records --missing
	$(PY) manage.py setup_demo $(if $(ARTICLES),--articles "$(ARTICLES)")
	PORT=$(PORT) $(PY) scripts/run-dev

## test: the whole suite (SQLite and the embedded broker unless DATABASE_URL/CELERY_BROKER_URL say otherwise)
test: $(VENV)/.test-installed
	BROKER_FOLDER="$(CURDIR)/.broker-test" $(PY) -m pytest $(PYTEST_ARGS)

## bench: extraction against quantulum3; fact matching at 1,000 and 100,000 claims and adding
## to facts of 5, 100 and 1,000 mentions; ingestion through workers (300 and 3,000 articles,
## 1 and 2 processes) and the facts API under wrk, on PostgreSQL + Redis; the make run folder
## import. Smaller runs: INGESTION_ARGS="--sizes 300" MATCHING_ARGS="--fact-sizes 5 100"
bench: $(VENV)/.bench-installed
	$(PY) bench/bench_extraction.py
	$(PY) bench/bench_matching.py $(MATCHING_ARGS)
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then \
		$(PY) bench/bench_ingestion.py $(INGESTION_ARGS); \
		if command -v wrk >/dev/null; then $(PY) bench/bench_api.py; \
		else echo "API benchmark skipped: it needs wrk (apt-get install wrk)"; fi; \
	else \
		echo "ingestion and API benchmarks skipped: they need PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379"; \
	fi

## loadtest: API readers, editors uploading and the worker extracting at once, on loopback
## (PostgreSQL + Redis when they answer, else embedded); LOADTEST_SECONDS=10 for the short form
loadtest: $(VENV)/.bench-installed
	$(PY) bench/loadtest.py $(LOADTEST_ARGS)

lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.test-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) .broker .broker-test db.sqlite3 .test-db.sqlite3* staticfiles *.egg-info
