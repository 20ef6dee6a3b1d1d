# Everything runs from a local virtual environment made on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

.PHONY: install install-app compile system-deps run test test-quick test-textual-latest lint format bench clean names holidays fonts

install: $(TEST_STAMP)  ## the app and the test tools
install-app: $(APP_STAMP)  ## the app alone (what `make run` needs)

$(VENV)/bin/python:
	bash .ci/python-check $(PYTHON) $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(APP_STAMP): pyproject.toml
	@bash .ci/python-check $(PYTHON) $(VENV)
	$(MAKE) --no-print-directory $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e '.[pdf]'
	touch $(APP_STAMP)

$(TEST_STAMP): pyproject.toml $(APP_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,pdf]'
	touch $(TEST_STAMP)

# Bytecode written once here: where PYTHONDONTWRITEBYTECODE is set (as on some managed hosts),
# an editable install would otherwise compile every module of ctxtui at each start.
compile: install-app
	$(BIN)/python -m compileall -q ctxtui

run: install-app compile  ## open the app on the demo conference
	$(BIN)/ctxtui demo

lint: install
	$(BIN)/ruff check ctxtui tests bench
	$(BIN)/ruff format --check ctxtui tests bench
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix ctxtui tests bench
	$(BIN)/ruff format ctxtui tests bench

system-deps:  ## tmux, sshd, ssh, LibreOffice and poppler for the terminal, SSH and DOCX tests
	bash .ci/system-deps

test: lint system-deps  ## install, lint and run every test, on every core (at most four)
	$(BIN)/pytest --numprocesses=auto --maxprocesses=4 --dist=loadgroup

LATEST := .venv-textual-latest
test-textual-latest: system-deps  ## the canaries, key tests and snapshots on the newest Textual release
	@test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet -e '.[test,pdf]'
	$(LATEST)/bin/python -m pip install --quiet --upgrade textual
	@$(LATEST)/bin/python -c "from importlib.metadata import version; print('Textual', version('textual'))"
	$(LATEST)/bin/pytest -q --numprocesses=auto --maxprocesses=4 --dist=loadgroup \
		tests/test_textual_internals.py tests/test_keys_differential.py tests/test_key_queue.py \
		tests/test_keys_in_bursts.py tests/test_notices.py tests/test_snapshots.py

test-quick: install  ## the unit tests alone (no app, terminal, subprocess or server)
	$(BIN)/pytest -m quick -q

bench: install system-deps compile  ## benchmarks: each prints a ratio against a baseline measured in the same run
	$(BIN)/python -m bench

names: install system-deps  ## rebuild the privacy guard's name lists in ctxtui/guard/data from their sources
	$(BIN)/python -m tests.name_lists

holidays: install  ## rebuild the bank holiday table in ctxtui/core from the holidays package
	$(BIN)/python -m tests.holiday_table

fonts: install  ## rebuild the PDF's fonts in ctxtui/export/fonts from Debian's font packages
	bash .ci/font-sources
	$(BIN)/python -m tests.font_files

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis snapshot_report.html
	find ctxtui tests bench -name __pycache__ -type d -prune -exec rm -rf {} +
