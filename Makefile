# Two commands from a fresh clone: `make run` serves, `make test` tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: run test lint bench load gaming attack install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	npm ci --no-audit --no-fund --loglevel=error

run: install
	$(BIN)/python -m service migrate
	$(BIN)/python -m service

test: install-dev
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check service tests scripts bench
	$(BIN)/ruff format --check service tests scripts bench
	$(BIN)/mypy service

bench: install-dev
	$(BIN)/python -m bench.evaluation
	$(BIN)/python -m bench.quiz

load: install-dev
	$(BIN)/python -m bench.load

gaming: install-dev
	$(BIN)/python -m bench.gaming

attack: install-dev
	$(BIN)/python -m bench.attack

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
