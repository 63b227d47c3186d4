# relgraph: GNU make with pkg-config.
#
#   make            build build/librelgraph.a and build/relgraph
#   make demo       render the OPM example to out/opm-2015.svg and .png
#   make test       unit tests, CLI cases, output checks
#   make check      the same under ASan and UBSan, with -Werror, and the
#                   fuzzing corpus replayed (tests/fuzz)
#   make stress     1,000 generated documents rendered under ASan
#   make watch-stress  relgraph watch --serve under 10 s of load on loopback
#   make overlap    overlapping and crossed text measured in Chromium: plain
#                   dot, OVERLAP_OLD=path/to/relgraph if given, this build
#   make install    PREFIX=/usr/local DESTDIR=
#   make deb        Debian packages build/relgraph_<version>_<arch>.deb and
#                   build/librelgraph-dev_..., checked by lintian
#   make V=1 ...    show the commands, not a line per step
#
# Your CFLAGS and LDFLAGS are added to the project's, never replace them.

PKGS      := libgvc libcgraph jansson yajl zlib fontconfig nettle
PREFIX    ?= /usr/local
DESTDIR   ?=
BUILD     ?= build
CC        ?= cc
CFLAGS    ?= -O2 -g
PKG_CONFIG ?= pkg-config
VERSION   := $(shell sed -n 's/^#define RG_VERSION "\(.*\)"/\1/p' include/relgraph.h)

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
        -Wmissing-prototypes -Wformat=2
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lcsv -pthread -lm
# src/gvsame.c's delaunay_tri, findCComp and agopen, which stand in for
# Graphviz's so that prism and fdp lay the same graph out the same way
# every run: pulled from the archive and exported, where the neato
# plugin's calls find them first.
GVSAME_LIBS := -Wl,--undefined=delaunay_tri -Wl,--export-dynamic-symbol=delaunay_tri \
               -Wl,--export-dynamic-symbol=agopen \
               -Wl,--export-dynamic-symbol=findCComp
PKG_LIBS   += $(GVSAME_LIBS)

ALL_CFLAGS  = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Iinclude -Isrc \
              $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(EXTRA_LDFLAGS)

LIB_SRC := src/model.c src/diag.c src/buf.c src/jsonpos.c src/jsonread.c src/jsonwrite.c src/jsonmem.c src/load_json.c \
           src/load_keys.c src/load_file.c src/load_gvvals.c src/docfmt.c src/check_value.c \
           src/cite.c src/phrase.c src/build_text.c src/build_items.c src/build_links.c src/build_legend.c src/build_ids.c src/report_html.c src/report_words.c src/report_md.c \
           src/check.c src/escape.c src/style.c src/build.c src/render.c src/format.c src/gvctx.c src/job.c src/isolate.c src/guard.c src/worker.c src/files.c src/fmt.c src/svg.c src/report.c \
           src/view.c src/when.c src/pngenc.c src/fonts.c src/gvattrs.c src/suggest.c src/check_kinds.c src/check_warn.c src/page.c src/pdfmeta.c src/engine.c
LIB_SRC += src/glyphs.c src/gvsame.c
LIB_SRC += src/build_cross.c
LIB_SRC += src/grade.c src/view_grade.c src/build_grade.c
LIB_SRC += src/timeline.c src/build_timeline.c
LIB_SRC += src/view_time.c
LIB_SRC += src/tlp.c src/build_tlp.c
LIB_SRC += src/import.c src/import_stix.c src/import_stix_fields.c src/import_stix_links.c src/import_graph.c src/import_csv.c src/import_cyto.c src/import_jgf.c src/import_table.c
LIB_SRC += src/import_stix_relgraph.c
LIB_SRC += src/chain.c src/view_path.c
LIB_SRC += src/export.c src/export_stix.c src/export_graphml.c src/export_gexf.c src/export_cyjs.c src/export_csv.c
LIB_SRC += src/diff.c src/diff_write.c src/diff_union.c src/build_marks.c
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_SRC := src/main.c src/cli_options.c src/cli_help.c src/cli_print.c \
           src/cmd_check.c src/cmd_render.c src/cmd_fmt.c
CLI_SRC += src/cmd_schema.c src/cmd_import.c
CLI_SRC += src/cli_man.c src/cli_complete.c
CLI_SRC += src/cmd_diff.c
CLI_SRC += src/cmd_watch.c src/watch_serve.c src/watch_state.c src/watch_rules.c
CLI_OBJ := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ += $(BUILD)/obj/watch_page.o
# relgraph watch --serve's HTTP server; the command's alone, not the library's.
WATCH_LIBS := $(shell $(PKG_CONFIG) --libs libmicrohttpd 2>/dev/null)
HEADERS := $(wildcard include/*.h src/*.h src/*.def)

.PHONY: FORCE all demo test check stress install uninstall clean deps test-deps fuzz bench
.PHONY: deb deb-deps watch-stress

# A line per step ("  CC      src/x.c"); V=1 shows the commands instead.
V ?= 0
ifeq ($(V),1)
Q    :=
step := @true
else
Q    := @
step := @printf '  %-7s %s\n'
endif

all: $(BUILD)/librelgraph.a $(BUILD)/relgraph $(BUILD)/relgraph.1 \
     $(BUILD)/relgraph-format.5 $(BUILD)/relgraph.bash

$(BUILD)/obj/%.o: src/%.c $(HEADERS) | $(BUILD)/obj
	$(step) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj:
	$(Q)mkdir -p $@

$(BUILD)/librelgraph.a: $(LIB_OBJ)
	$(step) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(BUILD)/relgraph: $(CLI_OBJ) $(BUILD)/librelgraph.a
	$(step) LINK $@
	$(Q)$(CC) $(ALL_CFLAGS) $^ -o $@ $(ALL_LDFLAGS) $(PKG_LIBS) $(WATCH_LIBS)

# The live page of relgraph watch --serve, embedded as byte arrays.
WATCH_PAGE := src/watch_page.html src/watch_page.js src/watch_page.css
$(BUILD)/obj/watch_page.c: $(WATCH_PAGE) | $(BUILD)/obj
	$(step) GEN $@
	$(Q)for f in html js css; do \
	    printf 'const unsigned char watch_page_%s[] = {\n' $$f; \
	    od -An -v -tx1 src/watch_page.$$f | sed 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	    printf '0};\nconst size_t watch_page_%s_len = %s;\n' $$f \
	        "$$(wc -c < src/watch_page.$$f | tr -d ' ')"; \
	done > $@.tmp && mv $@.tmp $@
$(BUILD)/obj/watch_page.o: $(BUILD)/obj/watch_page.c
	$(step) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) -include stddef.h -c $< -o $@

# `relgraph schema` looks for the schema where `make install` puts it:
# DATADIR, compiled into cmd_schema.o, which is built again when DATADIR
# changes (make; make install PREFIX=~/.local).
DATADIR := $(PREFIX)/share/relgraph
LIBDIR  ?= $(PREFIX)/lib
MANDIR  ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
$(BUILD)/datadir: FORCE | $(BUILD)/obj
	$(Q)echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(BUILD)/obj/cmd_schema.o: $(BUILD)/datadir
$(BUILD)/obj/cmd_schema.o: ALL_CFLAGS += -DRG_DATADIR='"$(DATADIR)"'
$(BUILD)/obj/cli_man.o: $(BUILD)/datadir
$(BUILD)/obj/cli_man.o: ALL_CFLAGS += -DRG_DATADIR='"$(DATADIR)"'

# The man pages and the bash completion, written by the binary from the
# tables --help is made from (src/cli_man.c, src/cli_complete.c).
$(BUILD)/relgraph.1: $(BUILD)/relgraph
	$(step) GEN $@
	$(Q)$(BUILD)/relgraph __man 1 > $@.tmp && mv $@.tmp $@
$(BUILD)/relgraph-format.5: $(BUILD)/relgraph
	$(step) GEN $@
	$(Q)$(BUILD)/relgraph __man 5 > $@.tmp && mv $@.tmp $@
$(BUILD)/relgraph.bash: $(BUILD)/relgraph
	$(step) GEN $@
	$(Q)$(BUILD)/relgraph __bash-completion > $@.tmp && mv $@.tmp $@
FORCE:

# ---- setup: install what a fresh Debian 12 machine lacks ----

deps:
	$(step) DEPS "the Debian packages to build and run (.ci/install-deps build)"
	$(Q)sh .ci/install-deps build

test-deps:
	$(step) DEPS "the Debian packages to test (.ci/install-deps test)"
	$(Q)sh .ci/install-deps test

# ---- demo ----

demo: deps
	@$(MAKE) --no-print-directory all
	$(Q)mkdir -p out
	$(step) RENDER "out/opm-2015.svg .png (the whole story)"
	$(Q)$(BUILD)/relgraph render graphs/opm-2015.json -o out/opm-2015.svg -o out/opm-2015.png
	$(step) RENDER "out/opm-2015-a4.svg .png .pdf (who is blamed for the breach)"
	$(Q)$(BUILD)/relgraph render graphs/opm-2015.json --focus opm-breach \
	    --direction TB --page a4 -o out/opm-2015-a4.svg -o out/opm-2015-a4.png \
	    -o out/opm-2015-a4.pdf
	$(step) RENDER "out/opm-2015-timeline.svg .png (when it happened)"
	$(Q)$(BUILD)/relgraph render graphs/opm-2015.json --view timeline \
	    -o out/opm-2015-timeline.svg -o out/opm-2015-timeline.png
	@echo "Done: the charts are in $(CURDIR)/out/ (opm-2015.*: the whole story; opm-2015-a4.*: for an A4 page; opm-2015-timeline.*: on a time axis)"

# ---- tests ----

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

# A unit test of the command's own code links the objects it tests.
$(BUILD)/tests/test_watch: TEST_OBJ = $(BUILD)/obj/watch_rules.o
$(BUILD)/tests/test_watch: $(BUILD)/obj/watch_rules.o

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/librelgraph.a $(HEADERS) $(wildcard tests/unit/*.h)
	@mkdir -p $(BUILD)/tests
	$(step) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) $< \
	    $(TEST_OBJ) $(BUILD)/librelgraph.a -o $@ $(ALL_LDFLAGS) $(PKG_LIBS) \
	    $(shell $(PKG_CONFIG) --libs cmocka)

$(BUILD)/stress: tests/stress/stress.c $(BUILD)/librelgraph.a $(HEADERS)
	$(step) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) $< $(BUILD)/librelgraph.a -o $@ $(ALL_LDFLAGS) $(PKG_LIBS)

test: test-deps
	@$(MAKE) --no-print-directory all $(UNIT_BIN) $(BUILD)/stress
	@BUILD=$(BUILD) STRESS_N=$(STRESS_N) sh tests/run-all.sh

# relgraph watch --serve under 10 s of load (a 2 s sample runs in make test).
watch-stress: all
	@WATCH_LOAD_SECONDS=10 sh tests/watch/serve.sh $(BUILD)/relgraph

# ASan and UBSan, every warning an error, in a build directory of its own.
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
             -fno-omit-frame-pointer -Werror
check: test-deps
	@$(MAKE) --no-print-directory BUILD=build/asan \
	    EXTRA_CFLAGS="$(SAN_FLAGS)" EXTRA_LDFLAGS="-fsanitize=address,undefined" \
	    all build/asan/stress $(UNIT_BIN:$(BUILD)/%=build/asan/%)
	@$(MAKE) --no-print-directory fuzz-replay
	@BUILD=build/asan STRESS_N=$(or $(STRESS_N),150) HOSTILE_BIG=20000 HOSTILE_ASAN=1 \
	    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:fast_unwind_on_malloc=0 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    sh tests/run-all.sh

stress: test-deps
	@$(MAKE) --no-print-directory BUILD=build/asan \
	    EXTRA_CFLAGS="$(SAN_FLAGS)" EXTRA_LDFLAGS="-fsanitize=address,undefined" \
	    all build/asan/stress
	ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:fast_unwind_on_malloc=0 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    build/asan/stress $(or $(STRESS_FIRST),0) $(or $(STRESS_N),1000)

# The figures of tests/overlap (report mode): a Markdown table.
.PHONY: overlap
overlap: test-deps
	@$(MAKE) --no-print-directory all $(BUILD)/stress
	@BUILD=$(BUILD) STRESS=$(BUILD)/stress sh tests/overlap/figures.sh "plain dot=naive-dot" \
	    $(if $(OVERLAP_OLD),"relgraph before=$(OVERLAP_OLD)") "relgraph=$(BUILD)/relgraph"

# ---- install ----

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR) \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(LIBDIR)/pkgconfig \
	    $(DESTDIR)$(DATADIR)
	install -m 755 $(BUILD)/relgraph $(DESTDIR)$(PREFIX)/bin/relgraph
	install -m 644 graphs/relgraph.schema.json $(DESTDIR)$(DATADIR)/relgraph.schema.json
	install -m 644 $(BUILD)/librelgraph.a $(DESTDIR)$(LIBDIR)/librelgraph.a
	install -m 644 include/relgraph.h $(DESTDIR)$(PREFIX)/include/relgraph.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    src/relgraph.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/relgraph.pc
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR)
	install -m 644 $(BUILD)/relgraph.1 $(DESTDIR)$(MANDIR)/man1/relgraph.1
	install -m 644 $(BUILD)/relgraph-format.5 $(DESTDIR)$(MANDIR)/man5/relgraph-format.5
	install -m 644 $(BUILD)/relgraph.bash $(DESTDIR)$(BASHCOMPDIR)/relgraph

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/relgraph $(DESTDIR)$(LIBDIR)/librelgraph.a \
	    $(DESTDIR)$(PREFIX)/include/relgraph.h \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/relgraph.pc \
	    $(DESTDIR)$(DATADIR)/relgraph.schema.json \
	    $(DESTDIR)$(MANDIR)/man1/relgraph.1 $(DESTDIR)$(MANDIR)/man5/relgraph-format.5 \
	    $(DESTDIR)$(BASHCOMPDIR)/relgraph

# ---- Debian packages ----

# Built with dpkg-buildpackage and debhelper in a copy of the tree, whose
# debian/ is .ci/debian with debian/changelog written from CHANGELOG; the
# packages are copied to $(BUILD). The version is RG_VERSION, which
# CHANGELOG's first entry must name.
DEB_DIR := $(BUILD)/deb
DEB_SRC := $(DEB_DIR)/relgraph-$(VERSION)
DEB_WHO  = $(shell sed -n 's/^Maintainer: //p' .ci/debian/control)

deb-deps:
	$(step) DEPS "Debian's packaging tools (.ci/install-deps deb)"
	$(Q)sh .ci/install-deps deb

deb: deb-deps
	$(Q)first=$$(sed -n 's/^## \([^ ]*\) .*/\1/p' CHANGELOG | head -n 1); \
	    test "$$first" = "$(VERSION)" || { echo "CHANGELOG's first entry is $$first," \
	    "not $(VERSION) (RG_VERSION in include/relgraph.h)" >&2; exit 1; }
	$(Q)rm -rf $(DEB_DIR) && mkdir -p $(DEB_SRC)
	$(Q)cp -R Makefile README.md CHANGELOG include src graphs $(DEB_SRC)/
	$(Q)cp -R .ci/debian $(DEB_SRC)/debian && rm $(DEB_SRC)/debian/changelog.sh
	$(Q)sh .ci/debian/changelog.sh CHANGELOG "$(DEB_WHO)" > $(DEB_SRC)/debian/changelog
	$(step) DEB "$(DEB_DIR) (dpkg-buildpackage; log: $(DEB_DIR)/build.log)"
	$(Q)cd $(DEB_SRC) && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b \
	    > ../build.log 2>&1 || { tail -n 30 ../build.log; exit 1; }
	$(Q)cp $(DEB_DIR)/*.deb $(BUILD)/
	$(step) LINTIAN "$(DEB_DIR)/*.changes (warnings explained in README.md, Debian packages)"
	$(Q)lintian --fail-on error,warning $(LINTIAN_OPTS) $(DEB_DIR)/*.changes
	@ls $(BUILD)/*.deb

clean:
	rm -rf build out

# Fuzzing (make fuzz FUZZ_TIME=seconds) and benchmarks (make bench) have
# their own rules beside their sources.
-include tests/fuzz/fuzz.mk
-include tests/bench/bench.mk
