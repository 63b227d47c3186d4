# Fuzzing: libFuzzer targets for relgraph (tests/fuzz/README.md). Included
# by the top Makefile, whose variables (PKG_CFLAGS, PKG_LIBS, LIB_SRC,
# WARN, SAN_FLAGS...) it uses; paths are relative to the repository's top.
#
#   make fuzz                    build the fuzzers with clang and run each
#                                target for FUZZ_TIME seconds (60), one
#                                after the other
#   make fuzz FUZZ_TARGETS=render FUZZ_TIME=1200
#   make fuzz-build              only build them (build/fuzz/fuzz_*)
#   make fuzz-replay             replay tests/fuzz/corpus/ and the seeds
#                                through both targets, and each
#                                tests/fuzz/corpus-import-<fmt>/ through
#                                its importer's target, built with $(CC)
#                                (gcc) under ASan and UBSan; ends with
#                                "fuzz-replay: P passed, F failed"
#
# The importers' targets (tests/fuzz/fuzz_import.c, built once per
# format): import_stix, import_cyto, import_jgf, import_d3, import_csv.
# fuzz_json: yajl's reading and the compact writer against jansson's
# (src/jsonread.c, src/jsonwrite.c), seeded and replayed with
# tests/fuzz/corpus-json/ beside the load target's seeds.
#
# The fuzzers are clang only (libFuzzer): the library is compiled again
# with clang and -fsanitize=fuzzer-no-link,address,undefined into
# build/fuzz/obj, never mixed with gcc's objects. Each target's corpus
# lives in build/fuzz/corpus-<target> (kept between runs, seeded from
# graphs/*.json, tests/cases/*/input.json and tests/fuzz/corpus/);
# crashes land in build/fuzz/artifacts-<target>/.

FUZZ_DIR     ?= build/fuzz
FUZZ_CC      ?= clang
FUZZ_TIME    ?= 60
FUZZ_IMPORT_FORMATS := stix cyto jgf d3 csv
FUZZ_IMPORT_TARGETS := $(FUZZ_IMPORT_FORMATS:%=import_%)
FUZZ_TARGETS ?= load render diff json $(FUZZ_IMPORT_TARGETS)
# Extra libFuzzer options, e.g. FUZZ_ARGS="-max_len=4096 -print_final_stats=1"
FUZZ_ARGS    ?=
# Per-input time limit (seconds): a layout slower than this is reported as
# a timeout.
FUZZ_TIMEOUT ?= 25

FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
# -Wno-format-nonliteral: clang (not gcc) warns about diag.c's vsnprintf
# wrapper, which has no format attribute of its own.
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Iinclude -Isrc \
               $(PKG_CFLAGS) -O1 -g $(FUZZ_SAN) -Wno-format-nonliteral
FUZZ_OBJ := $(LIB_SRC:src/%.c=$(FUZZ_DIR)/obj/%.o)
# With expat (libexpat1-dev), fuzz_render also checks that the SVG and the
# HTML report are well-formed XML; without it, that check is left out.
FUZZ_EXPAT := $(shell $(PKG_CONFIG) --exists expat 2>/dev/null && echo yes)
FUZZ_XML_CFLAGS := $(if $(FUZZ_EXPAT),-DRG_FUZZ_EXPAT $(shell $(PKG_CONFIG) --cflags expat))
FUZZ_XML_LIBS := $(if $(FUZZ_EXPAT),$(shell $(PKG_CONFIG) --libs expat))
.SECONDARY: $(FUZZ_OBJ)

# Options for running under the sanitizers. fast_unwind_on_malloc=0: the
# stacks of Debian's libraries (no frame pointers) are needed for the
# suppressions of tests/lsan.supp to match. That costs about ten times the
# speed, so `make fuzz` unwinds fast and uses tests/fuzz/lsan-fast.supp
# (whole libraries) for fuzz_render instead; fuzz-replay is exact.
FUZZ_ASAN := detect_leaks=1:halt_on_error=1:allocator_may_return_null=1
FUZZ_UBSAN := UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
FUZZ_ENV := ASAN_OPTIONS=$(FUZZ_ASAN):fast_unwind_on_malloc=0 \
    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
    $(FUZZ_UBSAN)
FUZZ_ENV_FAST := ASAN_OPTIONS=$(FUZZ_ASAN):fast_unwind_on_malloc=1 \
    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan-fast.supp:print_suppressions=0 \
    $(FUZZ_UBSAN)
# FUZZ_EXACT=1: make fuzz with exact stacks and tests/lsan.supp (slow).
FUZZ_RUN_ENV = $(if $(FUZZ_EXACT),$(FUZZ_ENV),$(FUZZ_ENV_FAST))

# The seeds: the example charts, the CLI cases' inputs and the curated
# corpus (regressions first of all).
FUZZ_SEEDS = $(wildcard graphs/*.json) $(wildcard tests/cases/*/input.json) \
             $(wildcard tests/fuzz/corpus/*)
# What fuzz-replay replays; e.g. FUZZ_REPLAY_FILES='build/fuzz/corpus-render/*'
# to check a whole generated corpus with exact leak stacks.
FUZZ_REPLAY_FILES ?= $(FUZZ_SEEDS)

.PHONY: fuzz fuzz-build fuzz-replay fuzz-clean

$(FUZZ_DIR)/obj/%.o: src/%.c $(HEADERS)
	@mkdir -p $(FUZZ_DIR)/obj
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ) $(HEADERS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_XML_CFLAGS) -fsanitize=fuzzer $< \
	    $(FUZZ_OBJ) -o $@ $(PKG_LIBS) $(FUZZ_XML_LIBS)

# One importer's target per format: fuzz_import.c with -DFUZZ_IMPORT_<fmt>.
$(FUZZ_IMPORT_FORMATS:%=$(FUZZ_DIR)/fuzz_import_%): $(FUZZ_DIR)/fuzz_import_%: \
        tests/fuzz/fuzz_import.c tests/fuzz/fuzz_check.h $(FUZZ_OBJ) $(HEADERS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -DFUZZ_IMPORT_$* -fsanitize=fuzzer $< \
	    $(FUZZ_OBJ) -o $@ $(PKG_LIBS)
$(FUZZ_DIR)/fuzz_load $(FUZZ_DIR)/replay-load: tests/fuzz/fuzz_check.h
$(FUZZ_DIR)/fuzz_diff $(FUZZ_DIR)/replay-diff: tests/fuzz/fuzz_check.h

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

# One target at a time, each for FUZZ_TIME seconds. The seeds are copied
# into the target's corpus (the tests/cases inputs are all "input.json",
# so they are renamed after their case).
# An importer's target is seeded with tests/fuzz/corpus-import-<fmt>/ and
# the files of ../shared/data/interop/<its folder>/ under 64 KB when that
# folder is there (they are not copied into the repository), and runs
# with json.dict and import.dict joined (CSV: csv.dict alone).
fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	    c=$(FUZZ_DIR)/corpus-$$t; a=$(FUZZ_DIR)/artifacts-$$t; \
	    mkdir -p $$c $$a; dict=-dict=tests/fuzz/json.dict; \
	    case $$t in import_*) \
	        fmt=$${t#import_}; \
	        sh=../shared/data/interop/$$(echo $$fmt | sed 's/^cyto$$/cytoscape/'); \
	        for f in tests/fuzz/corpus-import-$$fmt/*; do \
	            [ -f "$$f" ] && cp "$$f" "$$c/seed-$${f##*/}"; \
	        done; \
	        if [ $$fmt != csv ] && [ -d "$$sh" ]; then \
	            find "$$sh" -maxdepth 1 -type f -size -64k \
	                -exec cp -f {} $$c/ \; ; \
	        fi; \
	        if [ $$fmt = csv ]; then dict=-dict=tests/fuzz/csv.dict; else \
	            cat tests/fuzz/json.dict tests/fuzz/import.dict \
	                >$(FUZZ_DIR)/import.dict; \
	            dict=-dict=$(FUZZ_DIR)/import.dict; \
	        fi; \
	        ;; \
	    diff) \
	    for f in tests/fuzz/corpus-diff/*; do \
	        [ -f "$$f" ] && cp "$$f" "$$c/seed-$${f##*/}"; \
	    done; \
	    ;; \
	    *) \
	    for f in graphs/*.json tests/fuzz/corpus/* tests/fuzz/corpus-json/*; do \
	        [ -f "$$f" ] && cp "$$f" "$$c/seed-$${f##*/}"; \
	    done; \
	    for f in tests/cases/*/input.json; do \
	        d=$${f%/input.json}; cp "$$f" "$$c/case-$${d##*/}.json"; \
	    done; \
	    ;; esac; \
	    echo "== fuzz_$$t for $(FUZZ_TIME) s (corpus $$c, crashes in $$a/)"; \
	    $(FUZZ_RUN_ENV) $(FUZZ_DIR)/fuzz_$$t $$c $$dict \
	        -max_total_time=$(FUZZ_TIME) -timeout=$(FUZZ_TIMEOUT) \
	        -artifact_prefix=$$a/ -print_final_stats=1 $(FUZZ_ARGS); \
	done

# ---- replay under gcc ----

# The library is the one `make check` builds (build/asan, gcc, ASan and
# UBSan, -Werror): built here if missing, shared with check otherwise.
FUZZ_REPLAY_SAN := $(or $(SAN_FLAGS),-O1 -g -fsanitize=address,undefined \
                   -fno-sanitize-recover=all -fno-omit-frame-pointer)
FUZZ_REPLAY_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Iinclude \
                      $(PKG_CFLAGS) $(FUZZ_REPLAY_SAN)

.PHONY: $(FUZZ_DIR)/asan-lib
$(FUZZ_DIR)/asan-lib:
	@$(MAKE) --no-print-directory BUILD=build/asan \
	    EXTRA_CFLAGS="$(FUZZ_REPLAY_SAN)" \
	    EXTRA_LDFLAGS="-fsanitize=address,undefined" build/asan/librelgraph.a

$(FUZZ_DIR)/replay-%: tests/fuzz/replay.c tests/fuzz/fuzz_%.c $(FUZZ_DIR)/asan-lib
	@mkdir -p $(FUZZ_DIR)
	$(CC) $(FUZZ_REPLAY_CFLAGS) $(FUZZ_XML_CFLAGS) tests/fuzz/replay.c \
	    tests/fuzz/fuzz_$*.c build/asan/librelgraph.a -o $@ \
	    -fsanitize=address,undefined $(PKG_LIBS) $(FUZZ_XML_LIBS)

# fuzz_json.c tests the library's internals (src/jsonread.h).
$(FUZZ_DIR)/replay-json: tests/fuzz/replay.c tests/fuzz/fuzz_json.c $(FUZZ_DIR)/asan-lib
	@mkdir -p $(FUZZ_DIR)
	$(CC) $(FUZZ_REPLAY_CFLAGS) -Isrc tests/fuzz/replay.c \
	    tests/fuzz/fuzz_json.c build/asan/librelgraph.a -o $@ \
	    -fsanitize=address,undefined $(PKG_LIBS)

# An importer's replay: fuzz_import.c needs src/import.h.
$(FUZZ_IMPORT_TARGETS:%=$(FUZZ_DIR)/replay-%): $(FUZZ_DIR)/replay-import_%: \
        tests/fuzz/replay.c tests/fuzz/fuzz_import.c tests/fuzz/fuzz_check.h \
        $(FUZZ_DIR)/asan-lib
	@mkdir -p $(FUZZ_DIR)
	$(CC) $(FUZZ_REPLAY_CFLAGS) -Isrc -DFUZZ_IMPORT_$* tests/fuzz/replay.c \
	    tests/fuzz/fuzz_import.c build/asan/librelgraph.a -o $@ \
	    -fsanitize=address,undefined $(PKG_LIBS)

# load, render and json replay FUZZ_REPLAY_FILES (json its own seeds too);
# each importer's target its own
# seeds, tests/fuzz/corpus-import-<fmt>/ (regressions and valid inputs).
fuzz-replay: $(FUZZ_DIR)/replay-load $(FUZZ_DIR)/replay-render $(FUZZ_DIR)/replay-diff \
             $(FUZZ_DIR)/replay-json \
             $(FUZZ_IMPORT_TARGETS:%=$(FUZZ_DIR)/replay-%)
	@pass=0; fail=0; \
	for t in load render diff json $(FUZZ_IMPORT_TARGETS); do \
	    case $$t in \
	    json) files="$$(ls tests/fuzz/corpus-json/*) $(FUZZ_REPLAY_FILES)" ;; \
	    import_*) files=$$(ls tests/fuzz/corpus-import-$${t#import_}/*) ;; \
	    diff) files=$$(ls tests/fuzz/corpus-diff/*) ;; \
	    *) files='$(FUZZ_REPLAY_FILES)' ;; \
	    esac; \
	    $(FUZZ_ENV) $(FUZZ_DIR)/replay-$$t $$files \
	        >$(FUZZ_DIR)/replay-$$t.log 2>&1; \
	    grep -v '^ok ' $(FUZZ_DIR)/replay-$$t.log | tail -n 60; \
	    line=$$(grep -E '^replay-[a-z0-9_]+: [0-9]+ passed, [0-9]+ failed$$' \
	        $(FUZZ_DIR)/replay-$$t.log | tail -n 1); \
	    if [ -z "$$line" ]; then fail=$$((fail + 1)); continue; fi; \
	    p=$$(echo "$$line" | sed -E 's/.* ([0-9]+) passed.*/\1/'); \
	    f=$$(echo "$$line" | sed -E 's/.* ([0-9]+) failed.*/\1/'); \
	    pass=$$((pass + p)); fail=$$((fail + f)); \
	done; \
	echo "fuzz-replay: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

fuzz-clean:
	rm -rf $(FUZZ_DIR)
