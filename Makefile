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
CLIENT_TS_TOOLS := clients/ts/node_modules/.package-lock.json

.PHONY: run test lint bench bench-peers bench-adaptive load gaming attack startup install install-dev port clean grpc-stubs

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

# The Python client (clients/python) is a package of its own: pip reads no relative path in a
# dependency, so it is installed beside the dev extra rather than listed in it.
$(INSTALLED_DEV): pyproject.toml clients/python/pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]' -e clients/python
	touch $@ $(INSTALLED)

$(NODE_TOOLS): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

$(CLIENT_TS_TOOLS): clients/ts/package-lock.json
	npm ci --prefix clients/ts --no-audit --no-fund --loglevel=error

install: $(INSTALLED)

install-dev: $(INSTALLED_DEV) $(NODE_TOOLS) $(CLIENT_TS_TOOLS)

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
	@# The OpenAPI document as the app builds it, held to Spectral's OpenAPI rules.
	@mkdir -p .lint && $(BIN)/python -c "import json, sys; from scripts.generate_clients import document; json.dump(document(), sys.stdout)" > .lint/openapi.json
	npx --no-install spectral lint .lint/openapi.json --ruleset .spectral.yaml --fail-severity error --display-only-failures

# Every figure under wrk (Debian's package), each beside its reference from the same run.
bench: install-dev
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python -m bench.wrk

# The v2 route beside its peers (MLServer, KServe) and the service under granian beside uvicorn;
# not part of make test. Each server gets a virtual environment of its own under .peers-venv,
# never the service's: MLServer 1.7.1 holds fastapi below 0.116 and KServe 0.21 needs
# starlette 1.3.1 or later, so the two cannot share one. Beside granian the service is installed
# with the very versions of its own venv (its pip freeze as constraints).
PEERS_VENV := .peers-venv
PEER_PINS := mlserver==1.7.1 kserve==0.21.0
GRANIAN_PIN := granian==2.8.9

$(PEERS_VENV)/%/.installed:
	$(PYTHON) -m venv $(@D)
	$(@D)/bin/python -m pip install --quiet --upgrade pip
	$(@D)/bin/pip install --quiet $(filter $*==%,$(PEER_PINS))
	touch $@

$(PEERS_VENV)/granian/.installed: pyproject.toml $(INSTALLED_DEV)
	$(PYTHON) -m venv $(@D)
	$(@D)/bin/python -m pip install --quiet --upgrade pip
	$(BIN)/pip freeze --exclude-editable | grep '==' > $(PEERS_VENV)/constraints.txt
	$(@D)/bin/pip install --quiet -c $(PEERS_VENV)/constraints.txt $(GRANIAN_PIN) -e .
	touch $@

bench-peers: install-dev $(PEERS_VENV)/mlserver/.installed $(PEERS_VENV)/kserve/.installed \
		$(PEERS_VENV)/granian/.installed
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python -m bench.peers

# Adaptive practice by simulation: ability precision, calibration, misconception discovery.
bench-adaptive: install-dev
	$(BIN)/python -m bench.adaptive

load: install-dev
	$(BIN)/python -m bench.load

gaming: install-dev
	$(BIN)/python -m bench.gaming

attack: install-dev
	$(BIN)/python -m bench.attack

startup: install-dev
	$(BIN)/python -m bench.startup

# The typed clients from the app's OpenAPI document (no server needed): clients/openapi.json,
# the TypeScript types (then the package's build, which type-checks it) and the Python package.
.PHONY: clients
clients: install-dev
	$(BIN)/python scripts/generate_clients.py
	npm run --prefix clients/ts --silent build

# The gRPC messages from the committed .proto files (Triton's grpc_service.proto and
# model_config.proto, unchanged). protoc runs from the proto folder so that the files keep
# the names tritonclient.grpc registers them under: identical files share one descriptor in a
# process that loads both. grpcio-tools is pinned because its protoc's version is the oldest
# protobuf runtime the generated modules accept (pyproject: protobuf>=6.31.1).
PROTO := service/inference/proto
grpc-stubs: | $(BIN)/python
	$(BIN)/pip install --quiet 'grpcio-tools==1.80.0'
	$(BIN)/python -m grpc_tools.protoc -I $(PROTO) --python_out=$(PROTO) --pyi_out=$(PROTO) \
		$(PROTO)/grpc_service.proto $(PROTO)/model_config.proto
	sed -i 's/^import model_config_pb2 as/from service.inference.proto import model_config_pb2 as/' \
		$(PROTO)/grpc_service_pb2.py $(PROTO)/grpc_service_pb2.pyi

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
