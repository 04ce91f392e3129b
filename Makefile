# steptrace: the two commands the README opens with are `make reports` and `make test`.
SWIFT ?= swift
OUTPUT ?= output

PREFIX ?= /usr/local
# The man page's date: SOURCE_DATE_EPOCH when set, else the date handouts carry (2026-01-01).
MAN_DATE ?= $(shell date -u -d @$${SOURCE_DATE_EPOCH:-1767225600} +%F)
MAN_PAGE = .build/plugins/GenerateManual/outputs/steptrace/steptrace.1

.PHONY: deps build reports test bench clean install uninstall

# Installs the C libraries and tools the build and tests need (Debian/Ubuntu), only if missing.
deps:
	@bash scripts/deps.sh

# The Swift runtime and Foundation are linked statically: a process then starts in about half the time
# (no dynamic linking of Foundation and the Swift libraries; see BENCHMARKS.md, "map"), for a larger binary.
# `make build STATIC=` links them dynamically instead.
STATIC ?= --static-swift-stdlib

build: deps
	$(SWIFT) build -c release --product steptrace $(STATIC)

# Builds and writes every lesson's report into output/.
reports: build
	.build/release/steptrace all --output $(OUTPUT)

# Runs every test (unit and end-to-end).
test: deps
	$(SWIFT) build --product steptrace
	$(SWIFT) test

# Installs the release binary, the lessons, a man page (swift-argument-parser's generate-manual plugin)
# and bash, zsh and fish completions under PREFIX; the list of what was written goes to
# PREFIX/share/steptrace/install-manifest, which `make uninstall` follows.
install: build
	$(SWIFT) package generate-manual --date $(MAN_DATE)
	bash scripts/install.sh install "$(PREFIX)" .build/release/steptrace $(MAN_PAGE)

# Removes exactly what `make install` wrote under PREFIX.
uninstall:
	bash scripts/install.sh uninstall "$(PREFIX)"

bench: deps
	bash bench/run.sh

clean:
	rm -rf .build
