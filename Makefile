# Build, test and measure the five tools. Everything is pure Go.
GO      ?= go
PREFIX  ?= /usr/local
BINDIR  := $(DESTDIR)$(PREFIX)/bin
TOOLS   := gotcpdump gongrep goip gostrace goltrace
export CGO_ENABLED := 0

.PHONY: build test conformance bench install clean FORCE

build: $(TOOLS:%=bin/%)

bin/%: FORCE
	$(GO) build -trimpath -o $@ ./$*

# The README's test command: unit, golden, differential and fuzz-seed tests.
test: build
	$(GO) test ./...

# tcpdump's own test suite (../shared/conformance/tcpdump), as a ratchet:
# the tests in testdata/conformance/tcpdump-pass.txt must keep passing.
conformance: bin/gotcpdump
	gotcpdump/scripts/conformance.sh

# Go benchmarks, then gotcpdump against tcpdump side by side.
bench: bin/gotcpdump
	$(GO) test -run '^$$' -bench . -benchmem ./gotcpdump/... ./common/...
	gotcpdump/scripts/bench.sh

install: build
	install -d $(BINDIR)
	install -m 0755 $(TOOLS:%=bin/%) $(BINDIR)

clean:
	rm -rf bin results
