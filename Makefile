# pijnreset: `make run` to try it, `make check` for the quick loop, `make test` to check it all.
# See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/pijnreset
# pytest-xdist workers for the suite: one per CPU (`make test TEST_WORKERS=0` runs it serially)
TEST_WORKERS ?= auto
# worksteal: a worker that runs out takes queued tests from the other, so no long tail on one core
PARALLEL := -n $(TEST_WORKERS) --dist worksteal
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install install-test run demo check test test-sqlite test-postgres lint format messages compilemessages browser bench clean

## install: create .venv with the pinned dependencies and compile the translations
install: $(VENV)/.installed compilemessages

$(VENV)/.installed: pyproject.toml constraints.txt scripts/requirements.py
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pijnreset needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) scripts/requirements.py > $(VENV)/requirements.txt
	$(BIN)/pip install -q -c constraints.txt -r $(VENV)/requirements.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml constraints.txt package.json package-lock.json
	$(PY) scripts/requirements.py --extra test --extra dev > $(VENV)/requirements-test.txt
	$(BIN)/pip install -q -c constraints.txt -r $(VENV)/requirements-test.txt
	npm ci --no-audit --no-fund --silent
	@touch $@

compilemessages: $(VENV)/.installed
	@scripts/compile_messages.sh

## run: migrate, load demo data into an empty database, serve http://127.0.0.1:8000
run: install
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py load_content
	DEBUG=true $(PY) manage.py load_instruments
	DEBUG=true $(PY) manage.py demo --if-empty
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

## check: the quick local loop: lint, then the SQLite suite without the browser tests
check: install lint
	@echo "== test suite on SQLite, without the browser tests"
	env -u DATABASE_URL $(PY) -m pytest $(PARALLEL) -m "not browser"

## test: lint, then the whole suite on SQLite and on PostgreSQL (with the browser tests)
install-test: install $(VENV)/.installed-test browser

browser:
	@scripts/install_browser.sh

test: install-test lint test-sqlite test-postgres

test-sqlite:
	@echo "== test suite on SQLite"
	env -u DATABASE_URL $(PY) -m pytest $(PARALLEL)

test-postgres:
	@if [ "$$CI" = "true" ] || $(PY) scripts/postgres_available.py 2>/dev/null; then \
	  echo "== test suite on PostgreSQL"; \
	  DATABASE_URL=$(PG_URL) $(PY) -m pytest $(PARALLEL); \
	else \
	  echo "== PostgreSQL not reachable at 127.0.0.1:5432: PostgreSQL run left out (it runs in CI)"; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=true $(BIN)/mypy .  # the django-stubs plugin loads settings
	scripts/lint_rules.sh

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## messages: collect translatable strings into the .po files (needs GNU gettext)
messages: install
	@command -v xgettext >/dev/null || { echo "Install GNU gettext (apt-get install gettext)"; exit 1; }
	scripts/messages.sh
	$(MAKE) compilemessages

## bench: latency and throughput figures (not part of make test)
bench: install
	@scripts/install_wrk.sh
	$(PY) bench/pages.py
	$(PY) bench/bench_practices.py
	$(PY) bench/bench_today.py

clean:
	rm -rf $(VENV) node_modules staticfiles
