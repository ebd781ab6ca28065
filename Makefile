# Poortwachter-assistent. Quick start: `make run` (serve) and `make test` (full suite).
SHELL := /bin/bash
.DEFAULT_GOAL := help

HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
MODEL := models/poortwachter.tar.gz
STAMP := $(VENV)/.installed-lock

# Rasa must never phone home; TensorFlow should not flood the console.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
# Deterministic TensorFlow ops: the same data trains the same model, so the committed
# held-out baseline is reproducible (measured: identical predictions over two trainings).
export TF_DETERMINISTIC_OPS := 1
export PYTHONDONTWRITEBYTECODE := 1

# Python 3.10: pyenv's 3.10.x first, then python3.10 on PATH; each is checked for its version.
PYTHON310 ?= $(shell for p in "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.10.*/bin/python3.10 \
	$$(command -v python3.10 2>/dev/null); do \
	if [ -x "$$p" ] && "$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; \
	then echo "$$p"; break; fi; done)

TRAIN_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null)

.PHONY: help install data run serve train test test-fast stories browser-deps purge soak stress bench eval lint typecheck validate lock clean seed-coverage report

help:
	@echo "make run    install what is missing, train if needed, serve on http://$(HOST):$(PORT)"
	@echo "make test   the full test suite"
	@echo "make test-fast  unit and in-process tests only (no model, browser, databases or soak; under 3 minutes)"
	@echo "make data | train | stories | soak | stress | bench | purge | report | eval | validate | lint | typecheck | lock | clean"

$(PY):
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "Python 3.10 was not found (Rasa 3.6 needs 3.8-3.10)." >&2; \
	  echo "Install it, e.g. 'pyenv install 3.10.13', or put python3.10 on PATH." >&2; \
	  exit 1; fi
	$(PYTHON310) -m venv $(VENV)

# Reinstall only when the lock changes.
$(STAMP): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check \
	  $$(grep -E '^(pip|setuptools|wheel)==' requirements.lock)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(STAMP)

# Train when the model is missing or older than any of its inputs. Rasa may decide nothing
# changed and keep the old file, so touch it to record that it is up to date.
$(MODEL): $(TRAIN_INPUTS) | $(STAMP)
	@echo "Training the model (about 8 minutes on 2 cores): a line per component, at least every 30 s."
	$(PY) -m scripts.train --fixed-model-name poortwachter --out models
	@touch $@

train: $(MODEL)

# Rasa training data for FAQ and out-of-scope, generated from knowledge/ (rewritten only on
# change). `make test` does not regenerate: a test fails when the committed files drift.
data: $(STAMP)
	$(PY) -m bot.knowledge.base check
	$(PY) -m bot.knowledge.rasa_data

run: data
	@$(MAKE) --no-print-directory serve

serve: $(STAMP) $(MODEL)
	@echo "Starting on http://$(HOST):$(PORT)/ (chat) and http://$(HOST):$(PORT)/docs (API)."
	@echo "The model loads in the background; /health says 'ok' when it is ready."
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/uvicorn api.main:app --host $(HOST) --port $(PORT) --ws none

test: $(STAMP) $(MODEL) lint typecheck stories browser-deps
	$(RASA) data validate --quiet
	$(PY) -m pytest
	@$(MAKE) --no-print-directory soak

# Daily work: the unit and in-process tests, without the trained model, Chromium, PostgreSQL/Redis
# or the soak test (pytest markers model, browser, scaleout). `make test` stays the full gate.
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not model and not browser and not scaleout"

# Scale-out under stress: 3 replicas on the local PostgreSQL and Redis, 30 senders x 10
# messages at once, one replica killed with SIGKILL; 0 lost, 0 interleaved -> reports/scaleout.md.
stress: $(STAMP) $(MODEL)
	$(PY) -m scripts.stress --senders 30 --messages 10 --report

# 10 concurrent users for 5 minutes against the real service: zero errors, no memory growth
# (reports/soak.md).
soak: $(STAMP) $(MODEL)
	$(PY) -m scripts.soak --seconds 300 --users 10

# The widget's browser tests need Debian's Chromium and axe-core (npm); installed when missing.
CHROMIUM := /usr/bin/chromium
AXE := tests/browser/node_modules/axe-core/axe.min.js
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

browser-deps: $(CHROMIUM) $(AXE)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --silent
	@touch $@

# Rasa test stories with user text (tests/stories/test_*.yml): the NLU must reach the
# labelled intent and the policies the labelled action, or this fails.
stories: $(STAMP) $(MODEL)
	$(RASA) test core --e2e --model $(MODEL) --stories tests/stories --out results/stories \
	  --fail-on-prediction-errors --no-plot --quiet

# NLU quality on the held-out and development sets, and 5-fold cross-validation of the FAQ
# classifier -> reports/nlu_eval.{md,json}. Rasa's own cross-validation: --rasa-cv 5 (retrains 5 times).
eval: $(STAMP) $(MODEL)
	$(PY) -m scripts.nlu_eval --cv 5

# Our service against stock `rasa run` + `rasa run actions` on the same model and
# conversations; writes reports/bench.md and reports/bench-latency.svg (about 12 minutes).
bench: $(STAMP) $(MODEL)
	$(PY) -m scripts.bench --seconds 30 --train

# Delete conversations older than RETENTION_DAYS (default 30) now; the service also does this
# on its own every PURGE_INTERVAL_MINUTES.
purge: $(STAMP)
	$(PY) -m api.conversations.purge

# The admin page's figures (/admin) as Markdown on stdout, for a period (default: the last
# 30 days): make report VAN=2026-11-01 TOT=2026-11-30 > inzichten.md
report: $(STAMP)
	@$(PY) -m scripts.report $(if $(VAN),--van $(VAN)) $(if $(TOT),--tot $(TOT))

validate: $(STAMP)
	$(RASA) data validate

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy bot actions api scripts

# Regenerate the lock from requirements.in in a scratch venv.
lock:
	rm -rf /tmp/poortwachter-lock && $(PYTHON310) -m venv /tmp/poortwachter-lock
	/tmp/poortwachter-lock/bin/pip install --quiet -r requirements.in
	/tmp/poortwachter-lock/bin/pip freeze --all > requirements.lock

clean:
	rm -rf models .rasa .pytest_cache .mypy_cache .ruff_cache

# The seed documents' questions (tests/dev/faq_dev_seeds.yml and out_of_scope_dev_seeds.yml) against
# the trained model: question -> expected entry -> what the assistant picks, plus the questions no
# entry answers yet (reports/seed_gaps.md) -> reports/seed_coverage.md.
seed-coverage: $(STAMP) $(MODEL)
	$(PY) -m scripts.seed_coverage
