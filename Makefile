# `make demo` ingests the bundled samples and queries them; `make test` runs the whole test suite.
# Both create .venv on first use and are safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dipgraph-installed
DEMO_STORE ?= out/store

.PHONY: demo test install clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Prints the stats and the first rows of two example queries; the README's tour goes on from here.
demo: $(STAMP)
	@mkdir -p out
	$(BIN)/dipgraph ingest data/samples --store $(DEMO_STORE)
	@$(BIN)/dipgraph stats --store $(DEMO_STORE)
	@for q in data/queries/01-meetings.rq data/queries/03-partners-of-russia.rq; do echo; \
	  sed -n 's/^# \{0,1\}//p' $$q | head -1; \
	  $(BIN)/dipgraph query -f $$q --store $(DEMO_STORE) > out/answer.txt || exit 1; \
	  head -n 7 out/answer.txt; echo "... $$(($$(wc -l < out/answer.txt) - 2)) rows: dipgraph query -f $$q"; done
	@$(BIN)/dipgraph view --store $(DEMO_STORE) -o out/graph.html
	@echo; echo "More queries in data/queries/; the README's tour goes on from here. To use dipgraph, paste:"
	@echo "  . $(VENV)/bin/activate"
	@echo "  export DIPGRAPH_STORE=$(DEMO_STORE)"

# Installs Debian's chromium for the browser tests when it is missing (needs root, as on CI).
browser:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: the browser tests will skip"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf out $(VENV)
