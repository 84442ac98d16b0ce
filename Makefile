# Two commands get a newcomer going: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PRISM_INSTALLED := tests/contract/node_modules/.installed
NODE_BENCH_INSTALLED := benchmarks/node/node_modules/.installed

.PHONY: demo test lint typecheck regenerate drift clean bench bench-profile bench-tools

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Stoplight Prism (Node) for the contract tests in tests/contract. Without npm those
# tests skip, saying why; under CI (CI=true) a missing npm is an error.
$(PRISM_INSTALLED): tests/contract/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/contract --no-audit --no-fund --ignore-scripts && touch $@; \
	elif [ "$$CI" = "true" ]; then \
		echo "npm is needed in CI for the contract tests (tests/contract)" >&2; exit 1; \
	else \
		echo "npm not found: the Prism contract tests will be skipped"; \
	fi

demo: $(INSTALLED)
	$(BIN)/python examples/demo.py

test: $(INSTALLED) $(PRISM_INSTALLED) lint typecheck
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check facade scripts tests examples benchmarks
	$(BIN)/ruff format --check facade scripts tests examples benchmarks

typecheck: $(INSTALLED)
	$(BIN)/mypy facade

regenerate: $(INSTALLED)
	$(BIN)/python scripts/regenerate.py

drift: $(INSTALLED)
	$(BIN)/python scripts/regenerate.py --check --url

# The performance suite against the Node client (not part of `make test`): a few minutes,
# rewrites docs/benchmarks.md. BENCH_ARGS passes options, e.g. BENCH_ARGS='--note "quiet"'.
bench: $(INSTALLED) $(NODE_BENCH_INSTALLED) bench-tools
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# cProfile of the sync and async get-one loops, written under .benchmarks/.
bench-profile: $(INSTALLED) bench-tools
	$(BIN)/python -m benchmarks.run --profile

bench-tools:
	@benchmarks/install-tools.sh

$(NODE_BENCH_INSTALLED): benchmarks/node/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make bench needs Node.js 20+ and npm" >&2; exit 1; }
	npm ci --prefix benchmarks/node --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache tests/contract/node_modules \
		benchmarks/node/node_modules .benchmarks
