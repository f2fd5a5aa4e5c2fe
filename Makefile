# The two commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 5000
# Where the links in mails point (set it when the app is reached under another address).
PUBLIC_URL ?= http://$(HOST):$(PORT)
# Flask-Babel catalogues: the .po files are the source, the .mo files are built here
# (never committed), so that `make run` and `make test` always serve the current texts.
TRANSLATIONS := matchmaker/translations
CATALOGUES := $(wildcard $(TRANSLATIONS)/*/LC_MESSAGES/messages.po)
COMPILED_CATALOGUES := $(CATALOGUES:.po=.mo)

.PHONY: run install install-test chromium test test-postgres screenshots bench-quality bench-needs bench-pages \
	lint format clean \
	compile-translations translations

run: install  ## set up a SQLite database with demo accounts and serve the app
	$(BIN)/matchmaker db upgrade
	@echo "Demo logins:"
	@PUBLIC_URL=$(PUBLIC_URL) $(BIN)/matchmaker demo
	@echo "Serving http://$(HOST):$(PORT)  (mail goes to instance/outbox/)"
	PUBLIC_URL=$(PUBLIC_URL) $(BIN)/matchmaker run --host $(HOST) --port $(PORT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed $(COMPILED_CATALOGUES)

install-test: $(VENV)/.installed-test chromium $(COMPILED_CATALOGUES)

# pybabel comes with Flask-Babel, hence the order-only dependency on the installed venv.
$(TRANSLATIONS)/%/LC_MESSAGES/messages.mo: $(TRANSLATIONS)/%/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(BIN)/pybabel compile --domain messages --input-file $< --output-file $@ --locale $*

compile-translations: $(COMPILED_CATALOGUES)  ## build the .mo files from the .po catalogues

translations: install  ## for maintainers: extract new UI strings into the de/ja catalogues
	$(BIN)/pybabel extract --mapping-file babel.cfg --keywords _l --keywords lazy_gettext \
		--add-comments TRANSLATORS: --project matchmaker --copyright-holder "Japan Desk Duesseldorf" \
		--output-file $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel update --input-file $(TRANSLATIONS)/messages.pot --output-dir $(TRANSLATIONS) \
		--ignore-obsolete
	@echo "Now translate the new (empty or fuzzy) entries in $(TRANSLATIONS)/*/LC_MESSAGES/messages.po;"
	@echo "tests/test_i18n.py fails until every message is translated. See docs/translations.md."

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

BENCH ?= ../shared/bench
RANK = $(BIN)/matchmaker rank --startups {startups} --corporates {corporates} --top 100 --output {out}

bench-quality: install  ## matching quality: the benchmark's dev set and our held-out EN/DE/JA sets
	@$(BIN)/python $(BENCH)/eval_matching.py --command '$(RANK)' | tail -1 | sed 's/^/dev        /'
	@for lang in en de ja; do \
		$(BIN)/python $(BENCH)/eval_matching.py --corporates bench/heldout/$$lang.jsonl \
			--targets bench/heldout/targets.json --command '$(RANK)' | tail -1 | sed "s/^/held-out $$lang /"; \
	done

# Extra arguments, e.g. BENCH_PAGES_ARGS="--database-url postgresql://postgres@127.0.0.1:5432/mmpages"
BENCH_PAGES_ARGS ?=

bench-needs: install  ## need-level ranking on the demo world (does each need find its field?)
	$(BIN)/python bench/needs.py

bench-pages: install  ## page speed: every page timed on a fresh database with 3,000 startups
	$(BIN)/python bench/pages.py $(BENCH_PAGES_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build *.egg-info
	rm -f $(COMPILED_CATALOGUES) $(TRANSLATIONS)/messages.pot
