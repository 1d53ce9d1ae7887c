# Two commands for newcomers: `make run` and `make test`. Everything else is a convenience.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup db demo lint format messages check bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

db: setup
	$(BIN)/python manage.py migrate --noinput

demo: db
	$(BIN)/python manage.py load_demo

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: setup
	$(BIN)/python manage.py makemessages --locale nl --no-obsolete --no-location --ignore '.venv/*' --ignore 'tests/*'
	sed -i '/^"POT-Creation-Date/d' ezine/locale/nl/LC_MESSAGES/django.po
	$(BIN)/python manage.py compilemessages --locale nl --ignore '.venv/*'

check: setup
	DJANGO_DEBUG=False DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	DJANGO_ALLOWED_HOSTS=ezine.example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: setup
	$(BIN)/python bench/feed_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles
