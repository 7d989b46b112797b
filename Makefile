# Set-up, serve and test. `make serve` and `make test` install what they need.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup browser nginx serve build editions test test-fast bench clean

# An existing environment (or a link to one) is reused, not made again.
# uv (pinned here, installed into the environment by pip) installs the pins
# in about 5 s where pip takes about 25 s; pip does it if uv cannot.
UV_VERSION := 0.13.9
$(BIN)/.installed: requirements.txt
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	{ $(BIN)/pip install --disable-pip-version-check -q uv==$(UV_VERSION) && \
	  $(BIN)/uv pip install -q --python $(BIN)/python --compile-bytecode -r requirements.txt; } || \
	  $(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

setup: $(BIN)/.installed

# Playwright cannot download its own browser here; use Debian's Chromium: the
# headless shell runs the tests (as Playwright's own download would), the whole
# browser the benchmark and the home-screen check (tests/support/browser.py).
CHROMIUM_PACKAGES := chromium chromium-headless-shell
browser:
	@missing=""; for p in $(CHROMIUM_PACKAGES); do \
	  command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing:$$missing. Install Debian's packages with 'sudo apt-get install$$missing'" >&2; exit 1; \
	  fi; fi

# The security-header test serves the site through a real nginx.
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; \
	  else \
	    echo "nginx is missing: install Debian's package with 'sudo apt-get install nginx'" >&2; exit 1; \
	  fi; }

serve: setup
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

# The national edition in site/ and each of content/edities/*.yml in site/<name>/,
# with one set of host files and precompressed copies (as the Dockerfile builds it).
editions: setup
	$(BIN)/python -m macros.editions site

# Every test: the builds, the content checks, the browser journeys and the
# sweeps of every page and interactive state at both widths (tests/support/sweep.py).
test: setup browser nginx
	$(BIN)/pytest $(PYTEST_ARGS)

# The inner loop: everything that needs no browser (builds, content, the built HTML).
test-fast: setup
	$(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

# Lighthouse for the benchmark, pinned in bench/package-lock.json.
bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Build time, bytes on the wire, offline cache size and Lighthouse scores.
bench: setup browser nginx bench/node_modules/.installed
	$(BIN)/python bench/bench.py

clean:
	rm -rf site .pytest_cache bench/node_modules
