# The Crovver Python SDK. `make demo` and `make test` are all a fresh clone needs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The generator lives in its own environment so its loose pins (e.g. ruff>=0.2) cannot move the
# project's tools, and the project's cannot move the generator's output.
GEN_VENV := .venv-gen
GENERATOR_VERSION := 0.29.1
RUFF_VERSION := 0.17.6
# What shapes the output besides the generator and ruff: its template engine and spec parsers.
GENERATOR_PINS := openapi-python-client==$(GENERATOR_VERSION) ruff==$(RUFF_VERSION) Jinja2==3.1.6 \
	MarkupSafe==3.0.4 ruamel.yaml==0.19.1 pydantic==2.14.4 pydantic_core==2.50.5
PIP_FLAGS := --quiet --disable-pip-version-check

.PHONY: help install generate check-generated lint format typecheck pytest test test-all demo bench dist docs fuzz clean

# `make test-all` runs the suite on these too (3.11 is `make test`'s own): pyenv's, else on PATH.
OTHER_PYTHONS := 3.12 3.13
PYTHON_3.12 ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.12.1/bin/python) $(shell command -v python3.12))
PYTHON_3.13 ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.13.0/bin/python) $(shell command -v python3.13))

help:
	@echo "make demo             start a local Crovver and walk through the SDK"
	@echo "make test             check-generated + lint + typecheck + pytest (installs what it needs)"
	@echo "make test-all         pytest on Python 3.12 and 3.13 too (venvs .venv-3.12, .venv-3.13)"
	@echo "make install          create .venv with the SDK and its dev tools"
	@echo "make generate         regenerate generated/crovver_api from openapi.yaml"
	@echo "make check-generated  fail if generated/ differs from what openapi.yaml produces"
	@echo "make dist             build the wheel and sdist into dist/ and check them with twine"
	@echo "make docs             build the API reference into site/ (fails on undocumented names)"
	@echo "make fuzz             schemathesis against the local Crovver, every check (FUZZ_ARGS=...)"
	@echo "make lint | format | typecheck | pytest | bench | clean"

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) --upgrade pip
	$(BIN)/python -m pip install $(PIP_FLAGS) -e '.[dev]'
	touch $@

$(GEN_VENV)/.installed-$(GENERATOR_VERSION)-$(RUFF_VERSION):
	rm -rf $(GEN_VENV)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (set PYTHON=...)")'
	$(PYTHON) -m venv $(GEN_VENV)
	$(GEN_VENV)/bin/python -m pip install $(PIP_FLAGS) $(GENERATOR_PINS)
	touch $@

GEN_STAMP := $(GEN_VENV)/.installed-$(GENERATOR_VERSION)-$(RUFF_VERSION)

# Writes OUT/crovver_api, its operations.py and request_schemas.py (the operation table and what
# each operation accepts, by .codegen/) and OUT/provenance.json. The generator finds ruff on PATH, so PATH starts with the pinned one; the post
# hooks in generator-config.yaml run it --isolated.
.PHONY: generate-into
generate-into: $(GEN_STAMP)
	@test -n "$(OUT)" || { echo "usage: make generate-into OUT=folder" >&2; exit 2; }
	rm -rf "$(OUT)/crovver_api" "$(OUT)/provenance.json"
	mkdir -p "$(OUT)"
	cd "$(OUT)" && PATH="$(abspath $(GEN_VENV))/bin:$$PATH" openapi-python-client generate \
		--path "$(CURDIR)/openapi.yaml" --config "$(CURDIR)/generator-config.yaml" \
		--meta none --output-path crovver_api --overwrite --fail-on-warning \
		--custom-template-path "$(CURDIR)/.codegen/templates" > /dev/null
	$(GEN_VENV)/bin/python .codegen/operations.py openapi.yaml "$(OUT)/crovver_api/operations.py"
	$(GEN_VENV)/bin/python .codegen/request_schemas.py openapi.yaml "$(OUT)/crovver_api/request_schemas.py"
	$(GEN_VENV)/bin/ruff check --isolated --quiet --target-version py311 \
		"$(OUT)/crovver_api/operations.py" "$(OUT)/crovver_api/request_schemas.py"
	$(GEN_VENV)/bin/ruff format --isolated --quiet --check --line-length 120 \
		"$(OUT)/crovver_api/operations.py" "$(OUT)/crovver_api/request_schemas.py"
	rm -rf "$(OUT)/crovver_api/.ruff_cache"
	printf '{\n  "generator": "openapi-python-client %s",\n  "ruff": "%s",\n  "spec_sha256": "%s",\n  "config_sha256": "%s",\n  "command": "openapi-python-client generate --meta none --overwrite --fail-on-warning --config generator-config.yaml --custom-template-path .codegen/templates"\n}\n' \
		"$$($(GEN_VENV)/bin/python -c 'import importlib.metadata as m; print(m.version("openapi-python-client"))')" \
		"$$($(GEN_VENV)/bin/ruff --version | cut -d' ' -f2)" \
		"$$(sha256sum openapi.yaml | cut -d' ' -f1)" \
		"$$(sha256sum generator-config.yaml | cut -d' ' -f1)" > "$(OUT)/provenance.json"

generate: $(GEN_STAMP)
	@$(MAKE) --no-print-directory generate-into OUT=generated
	@echo "generated/crovver_api is up to date with openapi.yaml"

check-generated: $(GEN_STAMP)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(MAKE) --no-print-directory -s generate-into OUT="$$tmp/out"; \
	if ! diff -r -x __pycache__ generated "$$tmp/out" > "$$tmp/diff"; then \
		head -n 40 "$$tmp/diff"; \
		echo "generated/ differs from what openapi.yaml produces: run 'make generate' and commit both." >&2; \
		exit 1; \
	fi; echo "generated/ matches openapi.yaml"

lint: install
	$(BIN)/ruff check crovver_ext tests .codegen
	$(BIN)/ruff format --check crovver_ext tests .codegen

format: install
	$(BIN)/ruff check --fix crovver_ext tests .codegen
	$(BIN)/ruff format crovver_ext tests .codegen

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/python -m pytest -q

test: check-generated lint typecheck pytest

# One venv per version, with the dev extras as .venv has (lint and typecheck run once, in `make test`).
.venv-%/.installed: pyproject.toml
	@py="$(PYTHON_$*)"; \
	if [ -z "$$py" ]; then echo "Python $* not found: install it (pyenv install $*) or pass PYTHON_$*=/path/to/python" >&2; exit 1; fi; \
	"$$py" -c 'import sys; v = ".".join(map(str, sys.version_info[:2])); sys.exit(0 if v == "$*" else f"found Python {v}, not $*: pass PYTHON_$*=...")'; \
	rm -rf .venv-$*; \
	"$$py" -m venv .venv-$*; \
	.venv-$*/bin/python -m pip install $(PIP_FLAGS) --upgrade pip; \
	.venv-$*/bin/python -m pip install $(PIP_FLAGS) -e '.[dev]'
	touch $@

test-all: $(foreach v,$(OTHER_PYTHONS),.venv-$(v)/.installed)
	@for v in $(OTHER_PYTHONS); do \
		echo "== pytest on Python $$v"; \
		.venv-$$v/bin/python -m pytest -q -p no:cacheprovider || exit 1; \
	done

demo: install
	$(BIN)/python -m crovver_ext.demo

bench: install
	$(BIN)/python -m tests.benchmarks $(BENCH_ARGS)
	$(BIN)/python -m tests.benchmarks.cache_store $(filter --quick,$(BENCH_ARGS))

# The sdist is built first and the wheel from it, so a file missing from the sdist breaks this.
dist: install
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

# The API reference (pdoc, pinned in the dev extra) into site/: fails on an undocumented public
# name (tests/docs/surface.py) and on any warning while rendering.
docs: install
	$(BIN)/python -m tests.docs.build site
# The long run; `make test` runs a short one (tests/emulator/test_fuzz.py).
FUZZ_ARGS ?= --examples 200 --max-time 300
fuzz: install
	$(BIN)/python -m tests.emulator.fuzz $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) $(GEN_VENV) $(foreach v,$(OTHER_PYTHONS),.venv-$(v)) dist build site .mypy_cache .pytest_cache .ruff_cache .hypothesis *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
