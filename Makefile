# Two commands get a newcomer going: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PRISM_INSTALLED := tests/contract/node_modules/.installed

.PHONY: demo test lint typecheck regenerate drift clean

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

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache tests/contract/node_modules
