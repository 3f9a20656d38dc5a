# Two commands on a fresh machine (Python 3.11+, pip, make, apt):
#   make report   set up .venv and write the reports of every year of the bundled units
#   make test     set up .venv and run the test suite (every tier, in random order)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Empty: every bundled unit (gedeg, and the synthetic dinkes_contoh); `make report UNIT=gedeg` runs one.
UNIT   ?=
JOBS   ?= 2
# Test workers (pytest-xdist): one a core, at most four; `make test TEST_JOBS=0` runs in one process.
TEST_JOBS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_JOBS) --maxprocesses 4 --dist loadfile --no-loadscope-reorder
# Debian libraries WeasyPrint needs to draw PDFs (present on most images; installed when missing);
# HarfBuzz-Subset embeds fonts as subsets (WeasyPrint warns without it and will require it).
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
# What the full test suite reads the reports with (installed by `make test` when missing; the tests that
# need them skip with the reason otherwise): pdftotext for the print checks, headless Chromium for the
# table widths of the HTML at A4 width and at 1400 px.
TEST_APT_PACKAGES := poppler-utils chromium

.PHONY: setup report test test-fast lint notebooks lab bench templates clean system-deps

setup: $(STAMP)

# One line per phase; pip shows its own progress on a terminal (quiet in a log or CI).
$(STAMP): pyproject.toml constraints.txt
	@echo "setup 1/4: pustaka Debian untuk PDF ($(APT_PACKAGES))"
	@$(MAKE) --no-print-directory system-deps
	@echo "setup 2/4: lingkungan Python $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@echo "setup 3/4: paket Python (constraints.txt; beberapa menit pada pemasangan pertama)"
	$(BIN)/python -m pip install $$( [ -t 1 ] || echo --quiet ) --disable-pip-version-check -c constraints.txt -e ".[dev,lab,dist]"
	@echo "setup 4/4: pemanasan (bytecode, cache font, kernel)"
	@# one-off costs (bytecode, font caches, kernel spec) paid here, not by the first report
	$(BIN)/python scripts/warm_up.py
	@touch $(STAMP)

system-deps:
	@missing=""; for p in $(APT_PACKAGES) $(EXTRA_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

report: $(STAMP)
	$(BIN)/lkjip run $(if $(UNIT),--unit $(UNIT),--all) --jobs $(JOBS)

# Every tier (tests/unit, tests/integration, tests/e2e) and the doctests of src/lkjip, in a random
# order (pytest-randomly; `-p randomly --randomly-seed=N` repeats one, `-p no:randomly` keeps the file's order).
test: $(STAMP)
	@$(MAKE) --no-print-directory system-deps EXTRA_APT_PACKAGES="$(TEST_APT_PACKAGES)"
	$(PYTEST)

# The loop while editing: the unit tier, the doctests and the integration tier (the bundled unit's
# report models, validation, the CLI in-process), on the workers of `make test`; no kernel, no PDF, no
# notebook run (tests/e2e, `make test` runs it). About 2 min on 2 cores (benchmarks/notes.md).
test-fast: $(STAMP)
	$(PYTEST) tests/unit tests/integration src/lkjip

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts notebooks/*.py
	$(BIN)/lint-imports

# The .ipynb from their jupytext sources (notebooks/NN_name.py): stable ids, no outputs.
notebooks: $(STAMP)
	$(BIN)/python scripts/sync_notebooks.py

# JupyterLab rooted at the project, so that data/ and reports/_lab can be browsed; it opens on notebooks/.
# jupytext (a dependency) pairs each NN_name.ipynb with NN_name.py (notebooks/jupytext.toml).
# Extra options: make lab LAB_ARGS="--no-browser --port 8890". Jupyter refuses to start as root unless told.
LAB_ARGS ?=
LAB_AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks $(LAB_AS_ROOT) $(LAB_ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

templates: $(STAMP)
	$(BIN)/lkjip templates --out templates

clean:
	rm -rf data/processed/* reports/* .pytest_cache
	touch data/processed/.gitkeep reports/.gitkeep
