# `make demo` ingests the bundled samples and queries them; `make test` runs the whole test suite.
# Both create .venv on first use and are safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.dipgraph-installed
DEMO_STORE ?= out/demo-store

.PHONY: demo test install clean browser

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/dipgraph ingest data/samples --store $(DEMO_STORE)
	$(BIN)/dipgraph stats --store $(DEMO_STORE)
	@for q in data/queries/*.rq; do echo; echo "== $$q"; sed -n 's/^# \{0,1\}//p' $$q | head -1; \
	  $(BIN)/dipgraph query -f $$q --store $(DEMO_STORE) || exit 1; done
	@if $(BIN)/dipgraph view --help >/dev/null 2>&1; then \
	  $(BIN)/dipgraph view --store $(DEMO_STORE) -o out/graph.html; fi

# Installs Debian's chromium for the browser tests when it is missing (needs root, as on CI).
browser:
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: the browser tests will skip"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf out $(VENV)
