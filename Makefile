# The two commands of the quick start: `make run` and `make test`.
VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= intranet.settings.dev

# `make run SEARCH=opensearch` serves the demo on a real OpenSearch node instead of database search.
ifeq ($(SEARCH),opensearch)
export SEARCH_URL := $(shell scripts/search-engine.sh start)
ifeq ($(SEARCH_URL),)
$(error OpenSearch did not start; see .cache/opensearch/node.log)
endif
endif

.PHONY: run test install install-test serve migrate demo index lint format benchmark clean \
	search-engine search-engine-stop benchmark-search benchmark-matrix benchmark-relevance \
	benchmark-plone

## run: install, migrate, load the demo and serve it on 127.0.0.1:$(PORT) (SQLite + database search)
run: install migrate demo $(if $(SEARCH_URL),index) serve

## test: install what the tests need, start PostgreSQL, run the suite on SQLite and PostgreSQL
test: install-test
	VENV=$(VENV) scripts/test.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[site,opensearch,plone]"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet -e ".[site,opensearch,plone,test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

demo: install
	$(PY) manage.py load_demo

index: install
	$(PY) manage.py rebuild_search_index

serve: install
	@echo ""
	@echo "  Intranet:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin:     http://127.0.0.1:$(PORT)/admin/"
	@echo "  Search:    $(if $(SEARCH_URL),OpenSearch at $(SEARCH_URL),the database backend)"
	@echo "  Logins (password: $${DEMO_PASSWORD:-international-2040}):"
	@echo "    medarbetare   staff"
	@echo "    redaktor      network editor"
	@echo "    samordnare    coordinator, City Executive Office"
	@echo "    hl-redaktor   editor, Hägersten-Liljeholmen"
	@echo "    admin         superuser"
	@echo ""
	@if [ -n "$(SEARCH_URL)" ]; then echo "  Search index worker: manage.py run_search_worker (started)"; fi
	@if [ -n "$(SEARCH_URL)" ]; then $(PY) manage.py run_search_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; fi; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

## search-engine: start a real OpenSearch node on loopback (from Maven Central) and print its URL
search-engine:
	@scripts/search-engine.sh start

search-engine-stop:
	@scripts/search-engine.sh stop

## lint: ruff and djhtml, as CI runs them
lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates strategy_pages/templates search/templates

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates strategy_pages/templates search/templates

## benchmark: generate the large corpus (once) and time page serving
benchmark: install-test
	$(PY) benchmarks/serve_pages.py

## benchmark-search: broad and narrow searches on SQLite, PostgreSQL and the engine, 1,000 and 10,000 pages
benchmark-search: install-test
	SEARCH_URL="$$(scripts/search-engine.sh start)" POSTGRES_URL="$$(scripts/postgres.sh start)" \
		$(PY) benchmarks/search_api.py

## benchmark-matrix: the strategy traceability matrix (page and admin view) over 10,000 showcases
benchmark-matrix: install-test
	$(PY) benchmarks/follow_up_matrix.py

## benchmark-relevance: MRR and recall@5 of 71 staff searches on the demo, database and engine
benchmark-relevance: install-test
	SEARCH_URL="$$(scripts/search-engine.sh start)" $(PY) benchmarks/relevance.py

## benchmark-plone: the same 10,000 news items in Plone 6.2 (installed from PyPI) and here, side by side
benchmark-plone: install-test
	SEARCH_URL="$$(scripts/search-engine.sh start)" $(PY) benchmarks/plone_compare.py

clean:
	rm -rf $(VENV) .cache
