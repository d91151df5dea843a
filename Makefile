# Aduan Bansos — developer entry points.
#
#   make run     venv + install, `aduan setup` (migrate, load data once, print demo accounts),
#                then serve on http://127.0.0.1:8000 with a task worker and the sweep beside it
#   make test    system packages, venv with [test], the whole suite on SQLite, then again on a
#                throwaway PostgreSQL cluster.  Extra pytest arguments: make test PYTEST_ARGS="-k sms"
#   make bench   the benchmark on a throwaway PostgreSQL cluster (BENCH_N=... passes through)
#   make chaos   10,000 SMS through Kannel with kill -9 and a PostgreSQL restart (CHAOS_N=...)
#   make lint    syntax checks that need nothing beyond the venv (and shellcheck if installed)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
# Each recipe runs in one shell, so traps and variables span its lines.
.ONESHELL:

PYTHON3 ?= python3
VENV    := .venv
PY      := $(VENV)/bin/python
ADUAN   := $(VENV)/bin/aduan
PIP     := $(PY) -m pip --disable-pip-version-check
HOST    ?= 127.0.0.1
PORT    ?= 8000
PYTEST_ARGS ?=

# Stamps: reinstall only when pyproject.toml changed since the last install.
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

ifdef BENCH_N
export BENCH_N
endif
ifdef CHAOS_N
export CHAOS_N
endif

.PHONY: help run test test-sqlite test-postgres bench chaos lint system-packages

help:
	@sed -n '3,10p' Makefile | sed 's/^# \{0,1\}//'

$(PY):
	$(PYTHON3) -m venv $(VENV)

$(STAMP_RUN): pyproject.toml | $(PY)
	@echo "installing the project into $(VENV) (pip -q)"
	$(PIP) install -q -e .
	touch $@

# [test] is a superset of the plain install, so it satisfies `make run` as well.
$(STAMP_TEST): pyproject.toml | $(PY)
	@echo "installing the project with [test] into $(VENV) (pip -q)"
	$(PIP) install -q -e '.[test]'
	touch $@ $(STAMP_RUN)

# --- make run ----------------------------------------------------------------------------
# The worker runs in the background and is stopped when the server stops (Ctrl-C included).
run: $(STAMP_RUN)
	@export ADUAN_DEMO=1
	$(ADUAN) setup
	$(ADUAN) worker &
	worker=$$!
	# Deadlines, automatic closure and the outbox's retries, every five minutes.
	$(ADUAN) sweep --every 300 >/dev/null &
	sweeper=$$!
	trap 'kill $$worker $$sweeper 2>/dev/null || true; wait $$worker $$sweeper 2>/dev/null || true' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	$(ADUAN) serve --host $(HOST) --port $(PORT)

# --- make test ---------------------------------------------------------------------------
system-packages:
	bash scripts/ensure-system-packages.sh

# One pytest run. Each run gets its own var/ directory (uploads, static, anything the code
# writes), so the PostgreSQL run starts from nothing the SQLite run left. pytest's exit code 5
# ("no tests collected") is an error here, reported as such.
define PYTEST
	vardir=$$(mktemp -d "$${TMPDIR:-/tmp}/aduan-var.XXXXXX")
	trap 'rm -rf -- "$$vardir"' EXIT
	export ADUAN_TESTING=1 ADUAN_VAR_DIR="$$vardir"
	rc=0
	echo "+ $(strip $(1) $(PY) -m pytest $(PYTEST_ARGS))"
	$(1) $(PY) -m pytest $(PYTEST_ARGS) || rc=$$?
	if [[ $$rc == 5 ]]; then echo "pytest collected no tests (exit 5) — treating as failure" >&2; fi
	exit $$rc
endef

# Both runs always happen; the target fails if either did.
test: system-packages $(STAMP_TEST)
	@failed=()
	$(MAKE) --no-print-directory test-sqlite || failed+=(SQLite)
	$(MAKE) --no-print-directory test-postgres || failed+=(PostgreSQL)
	if (($${#failed[@]})); then echo "== FAILED on: $${failed[*]} ==" >&2; exit 1; fi
	echo "== passed on SQLite and PostgreSQL =="

test-sqlite: $(STAMP_TEST)
	@echo
	echo "== SQLite =="
	unset DATABASE_URL
	$(call PYTEST,)

test-postgres: $(STAMP_TEST)
	@echo
	echo "== PostgreSQL 15 =="
	$(call PYTEST,bash scripts/with-postgres.sh)

# --- make bench --------------------------------------------------------------------------
# The server sized as deploy/README.md says production should be (a quarter of the memory for
# shared buffers, WAL room for a large import), not PostgreSQL's 128 MB default.
BENCH_PG_OPTIONS ?= -c shared_buffers=4GB -c effective_cache_size=12GB -c max_wal_size=8GB -c maintenance_work_mem=1GB
bench: $(STAMP_RUN) system-packages
	ADUAN_DEMO=$${ADUAN_DEMO:-1} ADUAN_PG_OPTIONS="$(BENCH_PG_OPTIONS)" bash scripts/with-postgres.sh $(PY) -m bench

# --- make chaos --------------------------------------------------------------------------
# SMS through a real Kannel while workers are killed and PostgreSQL restarts (bench/chaos.py).
chaos: $(STAMP_TEST) system-packages
	ADUAN_PG_DURABLE=1 bash scripts/with-postgres.sh $(PY) -m bench.chaos

# --- make lint ---------------------------------------------------------------------------
lint: $(STAMP_RUN)
	$(PY) -m compileall -q aduan tests $(wildcard bench)
	for script in scripts/*.sh .ci/run; do bash -n "$$script"; done
	if command -v shellcheck >/dev/null; then shellcheck scripts/*.sh .ci/run; else echo "shellcheck not installed; skipped"; fi
