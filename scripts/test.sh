#!/usr/bin/env bash
# The whole suite: lint, then every test on SQLite and on PostgreSQL, then the plugin-only install.
# Installs Debian's Chromium for the browser tests and PostgreSQL when they are missing, and
# starts a real OpenSearch node (scripts/search-engine.sh) for the search engine tests.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
export DJANGO_SETTINGS_MODULE=intranet.settings.test
export DJANGO_ALLOW_ASYNC_UNSAFE=true  # Playwright's sync API runs an event loop in the test thread

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)            # the browser tests
command -v xgettext >/dev/null || missing+=(gettext)     # the translation completeness check
command -v npm >/dev/null || missing+=(nodejs npm)        # the single sign-on tests' provider
[ -f /usr/share/dict/swedish ] || missing+=(wswedish)     # the word list compounds are split by
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== Installing ${missing[*]} from Debian's packages"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# pytest exits 5 when it collected nothing; say so plainly instead of failing obscurely.
run_pytest() {
    local status=0
    "${VENV}/bin/pytest" "$@" || status=$?
    if [ "$status" = 5 ]; then
        echo "pytest collected no tests for: $*" >&2
        return 0
    fi
    return "$status"
}

echo "== Lint"
"$VENV/bin/ruff" check .
"$VENV/bin/ruff" format --check .
"$VENV/bin/djhtml" --check templates strategy_pages/templates search/templates
"$VENV/bin/python" manage.py makemigrations --check --dry-run --settings=intranet.settings.test

echo "== Starting OpenSearch 2.19 for the search engine tests"
trap 'scripts/postgres.sh stop; scripts/search-engine.sh stop; SEARCH_ENGINE=elasticsearch7 scripts/search-engine.sh stop; scripts/search-engine.sh cluster-stop' EXIT
SEARCH_URL="$(scripts/search-engine.sh start)"
export SEARCH_URL SEARCH_BACKEND=opensearch2

echo "== Tests on SQLite"
DATABASE_URL="sqlite:///$(mktemp -d)/test.sqlite3" run_pytest -m "not search_cluster and not plugin_install"

echo "== Tests on PostgreSQL"
DATABASE_URL="$(scripts/postgres.sh start)"
DATABASE_URL="$DATABASE_URL" run_pytest -m "not search_cluster and not plugin_install"

echo "== Search engine tests on Elasticsearch 7.10"
# One engine at a time: both runners look for cluster peers on the same transport ports.
scripts/search-engine.sh stop
ELASTICSEARCH_URL="$(SEARCH_ENGINE=elasticsearch7 scripts/search-engine.sh start)"
SEARCH_URL="$ELASTICSEARCH_URL" SEARCH_BACKEND=elasticsearch7 DATABASE_URL="sqlite:///$(mktemp -d)/es.sqlite3" \
    run_pytest -m "search_engine and not search_cluster" tests/search

echo "== Node loss and a whole outage on a three-node OpenSearch cluster"
SEARCH_ENGINE=elasticsearch7 scripts/search-engine.sh stop
SEARCH_CLUSTER_URLS="$(scripts/search-engine.sh cluster-start)"
SEARCH_CLUSTER_URLS="$SEARCH_CLUSTER_URLS" DATABASE_URL="$DATABASE_URL" run_pytest -m search_cluster tests/search
scripts/search-engine.sh cluster-stop

echo "== The whole suite on Django 6.0 (Python 3.12) and SQLite"
DJANGO6_VENV="${DJANGO6_VENV:-.venv-django6}"
PYTHON312=""
for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12.*/bin/python3 python3.12; do
    if "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
        PYTHON312="$candidate"
        break
    fi
done
if [ -z "$PYTHON312" ]; then
    echo "Django 6.0 needs Python 3.12, which this machine lacks" >&2
    exit 1
fi
if [ ! -x "$DJANGO6_VENV/bin/pytest" ] || [ pyproject.toml -nt "$DJANGO6_VENV/.installed" ]; then
    "$PYTHON312" -m venv "$DJANGO6_VENV"
    "$DJANGO6_VENV/bin/pip" install --quiet --upgrade pip
    "$DJANGO6_VENV/bin/pip" install --quiet -e ".[site,opensearch,plone,test]" "Django>=6.0,<6.1"
    touch "$DJANGO6_VENV/.installed"
fi
scripts/search-engine.sh start >/dev/null
DATABASE_URL="sqlite:///$(mktemp -d)/django6.sqlite3" VENV="$DJANGO6_VENV" \
    run_pytest -m "not search_cluster and not plugin_install"

echo "== Plugin apps installed into a bare Wagtail site"
DATABASE_URL="sqlite:///$(mktemp -d)/plugin.sqlite3" run_pytest --ds=tests.plugin_site.settings tests/plugin_site

echo "== The plugin's wheel installed into a fresh wagtail start site, as the README says"
run_pytest -m plugin_install tests/plugin_install
