# Two commands from a fresh clone: `make run` serves, `make test` tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

# The package is installed in editable mode, so code changes need no reinstall: pip runs
# again only when pyproject.toml is newer than the stamp it left behind, and npm only when
# package-lock.json is newer than what it installed.
INSTALLED := $(VENV)/.installed
INSTALLED_DEV := $(VENV)/.installed-dev
NODE_TOOLS := node_modules/.package-lock.json

.PHONY: run test lint bench load gaming attack startup install install-dev port clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(INSTALLED_DEV): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(INSTALLED)

$(NODE_TOOLS): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

install: $(INSTALLED)

install-dev: $(INSTALLED_DEV) $(NODE_TOOLS)

# Before anything is installed: a busy port is said at once, not after the install.
port:
	@$(PYTHON) -c "import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('$(HOST)', $(PORT)))" 2>/dev/null \
		|| { echo "$(HOST):$(PORT) is in use: stop what serves there, or run PORT=8001 make run" >&2; exit 1; }

run: port install
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
	$(BIN)/python -m bench.emulation
	$(BIN)/python -m bench.quiz

load: install-dev
	$(BIN)/python -m bench.load

gaming: install-dev
	$(BIN)/python -m bench.gaming

attack: install-dev
	$(BIN)/python -m bench.attack

startup: install-dev
	$(BIN)/python -m bench.startup

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
