# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run install install-test chromium test test-postgres screenshots lint format clean

run: install  ## set up a SQLite database with demo accounts and serve the app
	$(BIN)/matchmaker db upgrade
	@echo "Demo logins:"
	@$(BIN)/matchmaker demo
	@echo "Serving http://$(HOST):$(PORT)  (mail goes to instance/outbox/)"
	$(BIN)/matchmaker run --host $(HOST) --port $(PORT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test chromium

chromium:  ## Debian's Chromium for the browser tests (Playwright drives it, never downloads one)
	@if [ ! -x "$(CHROMIUM)" ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

test: install-test  ## the whole suite on SQLite, browser tests included
	$(BIN)/python -m pytest -n 2

test-postgres: install-test  ## the whole suite on a fresh PostgreSQL database (see .ci/run)
	bash .ci/postgres-tests

screenshots: install-test  ## refresh docs/screenshots from the browser tests
	SCREENSHOT_DIR=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest tests/browser

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
