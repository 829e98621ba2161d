# Two commands on a fresh machine: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 3
PYTEST_ARGS ?=
export DJANGO_SETTINGS_MODULE := minsheng.settings

.PHONY: run test check lint format translations messages system-packages migrate demo bench clean
.PHONY: cjk-font

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

translations: $(VENV)/.runtime
	$(BIN)/minsheng compile_translations

migrate: $(VENV)/.runtime translations
	$(BIN)/minsheng migrate --noinput -v0

demo: migrate
	$(BIN)/minsheng load_demo --if-empty

## make run: the demo (MINSHENG_DEMO=1: Qingdao 2026 in progress, one account per role) on SQLite at http://127.0.0.1:8000
run: export MINSHENG_DEMO = 1
run: demo cjk-font
	$(BIN)/minsheng collectstatic --noinput -v0
	$(BIN)/gunicorn minsheng.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) \
		--access-logfile - --forwarded-allow-ips 127.0.0.1

## make test: lint, types and the whole test suite (DATABASE_URL picks PostgreSQL)
test: $(VENV)/.dev translations system-packages check
	$(BIN)/python -m pytest -n 2 -q $(PYTEST_ARGS)

check: $(VENV)/.dev
	$(BIN)/ruff check src benchmarks
	$(BIN)/ruff format --check src benchmarks
	$(BIN)/mypy src

format: $(VENV)/.dev
	$(BIN)/ruff check --fix src benchmarks
	$(BIN)/ruff format src benchmarks

# Charts and PDFs need a CJK font, `make run` too (apt as root, else the pip package mplfonts).
cjk-font: $(VENV)/.runtime
	@scripts/ensure-cjk-font $(BIN)

# Browser tests need Debian's chromium, an open CJK font and poppler's pdftotext.
system-packages:
	@scripts/ensure-system-packages

## make messages: extract new strings into every app's zh_Hans catalogue (needs GNU gettext)
messages: $(VENV)/.dev
	for app in src/minsheng/*/apps.py; do dir=$$(dirname $$app); mkdir -p $$dir/locale; \
		(cd $$dir && $(CURDIR)/$(BIN)/minsheng makemessages -l zh_Hans --no-obsolete -v0); done

bench: $(VENV)/.dev
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) var
