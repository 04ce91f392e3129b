# steptrace: the two commands the README opens with are `make reports` and `make test`.
SWIFT ?= swift
OUTPUT ?= output

.PHONY: deps build reports test bench clean

# Installs the C libraries and tools the build and tests need (Debian/Ubuntu), only if missing.
deps:
	@bash scripts/deps.sh

build: deps
	$(SWIFT) build -c release --product steptrace

# Builds and writes every lesson's report into output/.
reports: build
	.build/release/steptrace all --output $(OUTPUT)

# Runs every test (unit and end-to-end).
test: deps
	$(SWIFT) build --product steptrace
	$(SWIFT) test

bench: deps
	bash bench/run.sh

clean:
	rm -rf .build
