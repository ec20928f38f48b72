# portal: two commands on a fresh machine.
#   make site   installs what is missing, builds portal, writes the site to Public/
#   make test   installs what is missing, runs every test (Swift, JavaScript, browser, validator)

SWIFT     ?= swift
ROOT      ?= .
OUTPUT    ?= Public
PYTHON    ?= python3
APT_GET   := DEBIAN_FRONTEND=noninteractive apt-get
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The Python test packages live in a virtual environment with the versions pinned in
# Tests/requirements.txt (PEP 668 systems refuse pip installs into the system Python).
VENV      ?= .venv-test
VENV_PY   := $(VENV)/bin/python
RELEASE_BIN = $(shell $(SWIFT) build -c release --show-bin-path)/portal
DEBUG_BIN   = $(shell $(SWIFT) build --show-bin-path)/portal

.PHONY: site test deps test-deps build release install guide-screenshots swift-test js-test browser-test validate screenshots bench fuzz clean

site: deps release
	$(RELEASE_BIN) build --root $(ROOT) --output $(OUTPUT)

test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory js-test browser-test

# cmark and libvips come from Debian (system library targets), libcurl and libxml2 for the static
# release link; install what pkg-config cannot find.
deps:
	@pkg-config --exists libcmark || { echo "installing libcmark-dev"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libcmark-dev pkg-config; }
	@pkg-config --exists vips || { echo "installing libvips-dev"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libvips-dev pkg-config; }
	@pkg-config --exists libcurl libxml-2.0 || { echo "installing libcurl4-openssl-dev libxml2-dev"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libcurl4-openssl-dev libxml2-dev pkg-config; }

# The browser, its driver, Java for the validator, node for the JavaScript tests.
test-deps:
	@missing=""; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	  command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	  command -v node >/dev/null || missing="$$missing nodejs"; \
	  command -v xmllint >/dev/null || missing="$$missing libxml2-utils"; \
	  $(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	  command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	  if [ -n "$$missing" ]; then echo "installing$$missing"; \
	    $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq $$missing || echo "could not install$$missing"; fi
	@$(MAKE) --no-print-directory $(VENV)/.installed

# Reinstalled when Tests/requirements.txt changes.
$(VENV)/.installed: Tests/requirements.txt
	@[ -x $(VENV_PY) ] || $(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install -q --disable-pip-version-check -r Tests/requirements.txt
	@touch $@

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# portal and what `portal init` copies (the starter site, the theme, the CI templates):
# $(PREFIX)/bin/portal finds them in $(PREFIX)/share/portal.
PREFIX ?= /usr/local
install: deps release
	install -D -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/portal
	mkdir -p $(DESTDIR)$(PREFIX)/share/portal/docs
	cp -R Starter Themes $(DESTDIR)$(PREFIX)/share/portal/
	cp -R docs/ci $(DESTDIR)$(PREFIX)/share/portal/docs/

js-test:
	node --test Tests/js/*.test.mjs

# Builds the site with the debug binary, then checks it in Chromium, with the HTML validator,
# and the sitemap, feed and search index with xmllint and feedparser.
browser-test: $(VENV)/.installed
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV_PY) -m pytest -q Tests/browser Tests/python

screenshots: deps test-deps build
	PORTAL_BIN=$(DEBUG_BIN) $(VENV_PY) Tests/browser/screenshots.py docs/screenshots

# The pictures of the Russian guide (docs/ru/img/): a site made by portal init, the preview's error page.
guide-screenshots: deps test-deps build
	PORTAL_BIN=$(DEBUG_BIN) $(VENV_PY) Tests/browser/guide_screenshots.py docs/ru/img

# The benchmark beside Hugo (bench/, see bench/README.md; portal alone when Hugo is absent):
# BENCH_PAGES=10000 make bench for the large site.
BENCH_PAGES ?= 1000
# Then the photos: 100 phone-size photos (BENCH_PHOTOS), first build and rebuild, time and memory.
bench: deps
	bench/compare.sh . $(BENCH_PAGES)
	@command -v vips >/dev/null && [ -x /usr/bin/time ] || { echo "installing libvips-tools time"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libvips-tools time; }
	scripts/bench-images.sh .

# Property-based fuzzing of the parsers for FUZZ_SECONDS, new random inputs every round.
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --build-tests
	@end=$$(( $$(date +%s) + $(FUZZ_SECONDS) )); rounds=0; \
	while [ $$(date +%s) -lt $$end ]; do \
	  rounds=$$((rounds + 1)); \
	  PORTAL_FUZZ_COUNT=2000 $(SWIFT) test --skip-build --filter FuzzTests >/tmp/portal-fuzz.log 2>&1 || { cat /tmp/portal-fuzz.log; exit 1; }; \
	done; echo "fuzz: $$rounds rounds of 2000 inputs per property, no failures"

clean:
	rm -rf .build Public/* $(VENV)
