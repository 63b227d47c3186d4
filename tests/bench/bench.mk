# make bench: relgraph's benchmarks (tests/bench/README.md). Included by the
# top Makefile; builds relgraph (the `all` target), the generator and the
# helpers into $(BUILD)/bench, generates the documents into
# $(BUILD)/bench/data once (delete it to regenerate) and runs run.sh, which
# also keeps its table in $(BUILD)/bench/results.txt.
#
#   make bench                      everything, about 10 minutes
#   make bench BENCH_QUICK=1        without the 100,000-actor document
#   make bench BENCH_ENGINES=0      without the engine-choice timings
#   make bench BENCH_RUNS=9         more runs per median
#   make bench-peers                tests/bench/peers.sh (installs the peers)
#   make bench-import               only STIX import and the exports
#                                   (tests/bench/run_import.sh)

BENCH_DIR := $(BUILD)/bench
BENCH_CC_FLAGS := -O2 -std=c11 -Wall -Wextra
BENCH_BIN := $(BENCH_DIR)/gen $(BENCH_DIR)/jparse $(BENCH_DIR)/peakmem \
             $(BENCH_DIR)/phases $(BENCH_DIR)/gen_stix

.PHONY: bench bench-tools bench-data bench-peers bench-import

$(BENCH_DIR)/gen: tests/bench/gen.c
	@mkdir -p $(BENCH_DIR)
	$(CC) $(BENCH_CC_FLAGS) $< -o $@

$(BENCH_DIR)/peakmem: tests/bench/peakmem.c
	@mkdir -p $(BENCH_DIR)
	$(CC) $(BENCH_CC_FLAGS) $< -o $@

$(BENCH_DIR)/jparse: tests/bench/jparse.c
	@mkdir -p $(BENCH_DIR)
	$(CC) $(BENCH_CC_FLAGS) $(shell $(PKG_CONFIG) --cflags jansson) $< -o $@ \
	    $(shell $(PKG_CONFIG) --libs jansson)

# Diagnosis only: the phases of one render, through the library.
$(BENCH_DIR)/phases: tests/bench/phases.c $(BUILD)/librelgraph.a include/relgraph.h
	@mkdir -p $(BENCH_DIR)
	$(CC) $(BENCH_CC_FLAGS) -Iinclude $< $(BUILD)/librelgraph.a -o $@ \
	    $(PKG_LIBS)

# The documents depend on the generator: a changed generator regenerates them.
$(BENCH_DIR)/data/.done: $(BENCH_DIR)/gen
	rm -rf $(BENCH_DIR)/data
	$(BENCH_DIR)/gen $(BENCH_DIR)/data
	@touch $@

$(BENCH_DIR)/gen_stix: tests/bench/gen_stix.c
	@mkdir -p $(BENCH_DIR)
	$(CC) $(BENCH_CC_FLAGS) $< -o $@

# The STIX bundles (ATT&CK Enterprise's shape): whole, a fifth (for
# BENCH_QUICK=1) and a hundredth (to find whether relgraph reads STIX).
$(BENCH_DIR)/data-stix/.done: $(BENCH_DIR)/gen_stix
	rm -rf $(BENCH_DIR)/data-stix
	@mkdir -p $(BENCH_DIR)/data-stix
	$(BENCH_DIR)/gen_stix >$(BENCH_DIR)/data-stix/enterprise-like.json
	$(BENCH_DIR)/gen_stix -p 20 >$(BENCH_DIR)/data-stix/enterprise-like-20.json
	$(BENCH_DIR)/gen_stix -p 1 >$(BENCH_DIR)/data-stix/tiny.json
	@touch $@

bench-tools: $(BENCH_BIN)

bench-data: $(BENCH_DIR)/data/.done $(BENCH_DIR)/data-stix/.done

bench: deps
	@$(MAKE) --no-print-directory all bench-tools bench-data
	@command -v dot >/dev/null 2>&1 || \
	    { apt-get update -qq && apt-get install -y -qq graphviz; } >/dev/null 2>&1 || \
	    { echo "make bench needs Graphviz's dot: apt-get install graphviz"; exit 2; }
	BUILD=$(BUILD) BENCH_RUNS=$(BENCH_RUNS) BENCH_QUICK=$(BENCH_QUICK) \
	    BENCH_ENGINES=$(BENCH_ENGINES) BENCH_SPARSE=$(BENCH_SPARSE) \
	    BENCH_PHASES=$(BENCH_PHASES) \
	    bash tests/bench/run.sh

bench-import: deps
	@$(MAKE) --no-print-directory all bench-tools bench-data
	BUILD=$(BUILD) BENCH_RUNS=$(BENCH_RUNS) BENCH_QUICK=$(BENCH_QUICK) \
	    BENCH_IMPORT_ONLY=1 bash tests/bench/run.sh

bench-peers:
	@$(MAKE) --no-print-directory all bench-tools
	BUILD=$(BUILD) bash tests/bench/peers.sh
