#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086  # word splitting of figure lists is meant
# relgraph benchmarks: run by `make bench` (tests/bench/bench.mk), which
# builds relgraph and the helpers and generates the documents first. This
# script builds nothing.
#
# Every figure is the median of BENCH_RUNS runs (at least 5 for the ratios)
# and every baseline is measured in the same run, interleaved with relgraph
# (the order alternates from one run to the next), so that the load of a
# shared machine falls on both sides alike. Benchmarks print figures; no
# test asserts a timing.
#
# Environment:
#   BUILD=build            the build directory (relgraph, bench/ helpers)
#   BENCH_RUNS=5           runs per measurement
#   BENCH_FAST_RUNS=21     runs for the OPM chart to SVG, which takes
#                          under 0.1 s: on a shared machine one slow run in
#                          five moves a median of 5 by several per cent
#   BENCH_BATCH_RUNS=9     runs for the 50-document batch (about 1 s, its
#                          baseline about 3.5 s), for the same reason
#   BENCH_QUICK=1          leave out the 100,000-actor document
#   BENCH_ENGINES=0        leave out the engine-choice timings
#   BENCH_SPARSE=0         leave out the engine timings at OPM's link density
#   BENCH_PHASES=0         leave out the phase breakdown (where the time goes)
#   BENCH_DOT_TIMEOUT=120  --layout-timeout for the dot engine timings
#   BENCH_DOT_STOP=60      after a dot run slower than this, larger sizes
#                          of the series are not tried with dot
#   BENCH_NEATO_TIMEOUT=60 --layout-timeout for neato on 10,000 actors
#   BENCH_IMPORT=0         leave out STIX import and the exports
#                          (run_import.sh)
#   BENCH_IMPORT_ONLY=1    only those (make bench-import)
#   BENCH_TIME_ONLY=1      only the time views (--as-of on 10,000 actors):
#                          BENCH_TIME_ONLY=1 bash tests/bench/run.sh
#   BENCH_WATCH=0          leave out relgraph watch's save-to-page latency
#                          (tests/bench/run_watch.sh; alone: sh
#                          tests/bench/run_watch.sh build/relgraph 20)
set -eu

BUILD=${BUILD:-build}
B=$BUILD/bench
RG=$BUILD/relgraph
PM=$B/peakmem
JP=$B/jparse
DATA=$B/data
RUNS=${BENCH_RUNS:-5}
FAST_RUNS=${BENCH_FAST_RUNS:-21}
[ "$FAST_RUNS" -ge "$RUNS" ] || FAST_RUNS=$RUNS
BATCH_RUNS=${BENCH_BATCH_RUNS:-9}
[ "$BATCH_RUNS" -ge "$RUNS" ] || BATCH_RUNS=$RUNS
QUICK=${BENCH_QUICK:-0}
DOT_TIMEOUT=${BENCH_DOT_TIMEOUT:-120}
NEATO_TIMEOUT=${BENCH_NEATO_TIMEOUT:-60}
DOT_STOP=${BENCH_DOT_STOP:-60}
OPM=graphs/opm-2015.json

for f in "$RG" "$PM" "$JP" "$DATA/bench-1000.json" "$DATA/small/small-00.json"; do
    if [ ! -e "$f" ]; then
        echo "run.sh: $f is missing; run 'make bench'" >&2
        exit 2
    fi
done
command -v dot >/dev/null || { echo "run.sh: needs Graphviz's dot (apt-get install graphviz)" >&2; exit 2; }
[ "$RUNS" -ge 5 ] || echo "note: BENCH_RUNS=$RUNS; the targets are defined on medians of at least 5 runs" >&2

# The tables go to standard output and to $B/results.txt; progress to stderr.
RESULTS=$B/results.txt
[ "${BENCH_IMPORT_ONLY:-0}" = 1 ] && RESULTS=$B/results-import.txt
exec > >(tee "$RESULTS")

T=$(mktemp -d "${TMPDIR:-/tmp}/relgraph-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
START=$(date +%s)

# ---- helpers ----

# run TAG [peakmem options] -- COMMAND...: runs COMMAND once under peakmem and
# appends "seconds peak-KiB status" to $T/TAG. A non-zero status is fatal
# unless the tag ends in "+any".
run() {
    local tag=$1
    shift
    local r
    r=$("$PM" "$@")
    echo "$r" >>"$T/$tag"
    case $tag in *+any) return 0 ;; esac
    set -- $r
    if [ "$3" != 0 ]; then
        echo "run.sh: '$tag' failed with status $3" >&2
        exit 1
    fi
}

# sumrun TAG FILE-OF-COMMANDS: runs each line of the file (one command, no
# quoting) under peakmem and records the sum of their times as one run.
sumrun() {
    local tag=$1 list=$2 total=0 line r
    while IFS= read -r line; do
        # shellcheck disable=SC2086
        r=$("$PM" -- $line)
        set -- $r
        [ "$3" = 0 ] || { echo "run.sh: '$line' failed ($3)" >&2; exit 1; }
        total=$(awk -v a="$total" -v b="$1" 'BEGIN { printf "%.6f", a + b }')
    done <"$list"
    echo "$total 0 0" >>"$T/$tag"
}

# median TAG [COLUMN]: the median of column COLUMN (1: seconds, 2: KiB).
median() {
    awk -v c="${2:-1}" '{ print $c }' "$T/$1" | sort -g | awk '
        { v[NR] = $1 }
        END { if (NR == 0) { print "nan"; exit }
              if (NR % 2) print v[(NR + 1) / 2]
              else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

fmt_s() { awk -v x="$1" 'BEGIN { if (x < 1) printf "%.1f ms", x * 1000; else printf "%.2f s", x }'; }
fmt_kb() { awk -v x="$1" 'BEGIN { printf "%.0f MiB", x / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
verdict() {
    awk -v r="$1" -v t="$2" 'BEGIN {
        if (r <= t) printf "meets"
        else printf "MISSES by %.0f%%", (r / t - 1) * 100 }'
}

ROWS=$T/rows
: >"$ROWS"
# row MEASUREMENT RELGRAPH BASELINE RATIO TARGET
row() {
    printf '%s|%s|%s|%s|<= %s|%s\n' "$1" "$2" "$3" "$4" "$5" "$(verdict "$4" "$5")" >>"$ROWS"
}
print_rows() {
    printf '%-58s %12s %12s %8s %8s  %s\n' "measurement" "relgraph" "baseline" "ratio" "target" "verdict"
    printf '%-58s %12s %12s %8s %8s  %s\n' "-----------" "--------" "--------" "-----" "------" "-------"
    while IFS='|' read -r m a b r t v; do
        printf '%-58s %12s %12s %8s %8s  %s\n' "$m" "$a" "$b" "$r" "$t" "$v"
    done <"$ROWS"
}

echo "relgraph benchmarks: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$RG" --version 2>&1 | head -1); $(dot -V 2>&1); jansson $(pkg-config --modversion jansson 2>/dev/null || echo '?')"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $RUNS runs per figure, medians"
echo

# ---- dates as views: --as-of on 10,000 actors ----

# The same render with and without a time view: --between 1000..9999
# keeps everything (the view's own cost), --as-of 2010 --fade draws
# everything with a tenth faded (the view and the marks).
bench_time_views() {
    local f=$DATA/bench-10000.json i a b c
    echo "[time views] 10,000 actors to SVG, with and without --as-of ..." >&2
    for i in $(seq "$RUNS"); do
        if [ $((i % 2)) = 1 ]; then
            run tv-none -o "$T/tv.svg" -- "$RG" render "$f" --layout-timeout 900 -T svg
            run tv-all -o "$T/tv.svg" -- "$RG" render "$f" --layout-timeout 900 --between 1000..9999 -T svg
            run tv-fade -o "$T/tv.svg" -- "$RG" render "$f" --layout-timeout 900 --as-of 2010 --fade -T svg
        else
            run tv-fade -o "$T/tv.svg" -- "$RG" render "$f" --layout-timeout 900 --as-of 2010 --fade -T svg
            run tv-all -o "$T/tv.svg" -- "$RG" render "$f" --layout-timeout 900 --between 1000..9999 -T svg
            run tv-none -o "$T/tv.svg" -- "$RG" render "$f" --layout-timeout 900 -T svg
        fi
    done
    a=$(median tv-all); b=$(median tv-none); c=$(median tv-fade)
    row "render 10,000 actors --between keeping all / without" "$(fmt_s "$a")" "$(fmt_s "$b")" "$(ratio "$a" "$b")" 1.10
    row "render 10,000 actors --as-of 2010 --fade / without" "$(fmt_s "$c")" "$(fmt_s "$b")" "$(ratio "$c" "$b")" 1.10
}

if [ "${BENCH_TIME_ONLY:-0}" = 1 ]; then
    bench_time_views
    print_rows
    exit 0
fi

if [ "${BENCH_IMPORT_ONLY:-0}" = 1 ]; then
    # shellcheck source=tests/bench/run_import.sh
    . tests/bench/run_import.sh
    echo "== STIX import and data exports (medians of $RUNS runs; ratio = relgraph / baseline) =="
    print_rows
    if [ -s "$T/import-notes" ]; then cat "$T/import-notes"; fi
    exit 0
fi

# ---- 1 and 5: check vs a bare jansson parse, and load time per actor ----

SIZES="1000 10000 100000"
[ "$QUICK" = 1 ] && SIZES="1000 10000"
BIG=100000
[ "$QUICK" = 1 ] && BIG=10000
"$RG" check graphs/minimal.json  # fails early if relgraph cannot check at all
echo "[1/5] relgraph check vs jansson parse ($SIZES actors) ..." >&2
for i in $(seq "$RUNS"); do
    for n in $SIZES; do
        f=$DATA/bench-$n.json
        if [ $((i % 2)) = 1 ]; then
            run "jp-$n" -- "$JP" "$f"
            run "ck-$n" -- "$RG" check "$f"
        else
            run "ck-$n" -- "$RG" check "$f"
            run "jp-$n" -- "$JP" "$f"
        fi
    done
    run "ck-0" -- "$RG" check graphs/minimal.json
    run "jp-0" -- "$JP" graphs/minimal.json
done
ck=$(median "ck-$BIG"); jp=$(median "jp-$BIG")
bytes=$(stat -c %s "$DATA/bench-$BIG.json")
row "check, $BIG actors ($((bytes / 1048576)) MB): time / jansson parse" \
    "$(fmt_s "$ck")" "$(fmt_s "$jp")" "$(ratio "$ck" "$jp")" 1.5
ckm=$(median "ck-$BIG" 2); jpm=$(median "jp-$BIG" 2)
row "check, $BIG actors: peak RSS / jansson parse's" \
    "$(fmt_kb "$ckm")" "$(fmt_kb "$jpm")" "$(ratio "$ckm" "$jpm")" 1.5

# ---- 2: OPM chart to SVG vs dot -Tsvg of relgraph's own DOT ----

echo "[2/5] OPM chart: render -T svg vs dot -Tsvg ..." >&2
"$RG" render "$OPM" -T dot >"$T/opm.dot"
for i in $(seq "$FAST_RUNS"); do
    if [ $((i % 2)) = 1 ]; then
        run dot-svg -o "$T/b.svg" -- dot -Tsvg "$T/opm.dot"
        run rg-svg -o "$T/a.svg" -- "$RG" render "$OPM" -T svg
    else
        run rg-svg -o "$T/a.svg" -- "$RG" render "$OPM" -T svg
        run dot-svg -o "$T/b.svg" -- dot -Tsvg "$T/opm.dot"
    fi
done
a=$(median rg-svg); b=$(median dot-svg)
row "OPM chart to SVG / dot -Tsvg on relgraph's DOT ($FAST_RUNS runs)" "$(fmt_s "$a")" "$(fmt_s "$b")" "$(ratio "$a" "$b")" 1.05

# ---- 3: SVG + PNG + PDF in one run vs three dot runs ----

echo "[3/5] OPM chart: SVG+PNG+PDF in one run vs three dot runs ..." >&2
# relgraph's PNGs are 150 dpi by default; dot is given the same.
cat >"$T/three.txt" <<EOF
dot -Tsvg -o $T/b3.svg $T/opm.dot
dot -Tpng -Gdpi=150 -o $T/b3.png $T/opm.dot
dot -Tpdf -o $T/b3.pdf $T/opm.dot
EOF
for i in $(seq "$RUNS"); do
    if [ $((i % 2)) = 1 ]; then
        sumrun dot-3 "$T/three.txt"
        run rg-3 -- "$RG" render "$OPM" -o "$T/a3.svg" -o "$T/a3.png" -o "$T/a3.pdf"
    else
        run rg-3 -- "$RG" render "$OPM" -o "$T/a3.svg" -o "$T/a3.png" -o "$T/a3.pdf"
        sumrun dot-3 "$T/three.txt"
    fi
done
a=$(median rg-3); b=$(median dot-3)
row "OPM chart to SVG+PNG+PDF, one run / 3 dot runs" "$(fmt_s "$a")" "$(fmt_s "$b")" "$(ratio "$a" "$b")" 0.6

# ---- relgraph watch: a save to the updated chart in the live page ----

if [ "${BENCH_WATCH:-1}" != 0 ]; then
    echo "[watch] OPM: a save to the updated chart in the live page, 20 saves ..." >&2
    set -- $(sh tests/bench/run_watch.sh "$RG" 20)
    b=$(awk -v r="$2" 'BEGIN { printf "%.6f", r + 0.1 }')
    row "OPM saved under relgraph watch --serve: to the new chart read / one render + 100 ms (20)" \
        "$(fmt_s "$1")" "$(fmt_s "$b")" "$(ratio "$1" "$b")" 1.0
    [ -n "${3:-}" ] &&
        row "OPM saved under relgraph watch --serve: to the new chart shown in Chromium / one render + 100 ms (20)" \
            "$(fmt_s "$3")" "$(fmt_s "$b")" "$(ratio "$3" "$b")" 1.0
fi

# ---- 4: 50 small documents in one batch run vs 50 dot runs ----

echo "[4/5] 50 small documents: one batch run vs 50 dot runs ..." >&2
mkdir -p "$T/dots" "$T/outdir"
: >"$T/fifty.txt"
smalls=("$DATA"/small/small-*.json)
for f in "${smalls[@]}"; do
    s=$(basename "$f" .json)
    "$RG" render "$f" -T dot >"$T/dots/$s.dot"
    echo "dot -Tsvg -o $T/dots/$s.svg $T/dots/$s.dot" >>"$T/fifty.txt"
done
for i in $(seq "$BATCH_RUNS"); do
    if [ $((i % 2)) = 1 ]; then
        sumrun dot-50 "$T/fifty.txt"
        run rg-50 -- "$RG" render --outdir "$T/outdir" -T svg "${smalls[@]}"
    else
        run rg-50 -- "$RG" render --outdir "$T/outdir" -T svg "${smalls[@]}"
        sumrun dot-50 "$T/fifty.txt"
    fi
done
a=$(median rg-50); b=$(median dot-50)
row "50 small charts (10-25 actors): --outdir batch / 50 dot runs ($BATCH_RUNS runs)" "$(fmt_s "$a")" "$(fmt_s "$b")" "$(ratio "$a" "$b")" 0.3

# ---- 5: load time per actor ----

echo "[5/5] load time per actor ..." >&2
c0=$(median ck-0); j0=$(median jp-0)
prev=""
LOAD=$T/load
: >"$LOAD"
for n in $SIZES; do
    c=$(median "ck-$n"); j=$(median "jp-$n")
    per=$(awk -v c="$c" -v z="$c0" -v n="$n" 'BEGIN { printf "%.3f", (c - z) / n * 1e6 }')
    jper=$(awk -v c="$j" -v z="$j0" -v n="$n" 'BEGIN { printf "%.3f", (c - z) / n * 1e6 }')
    step="-"
    if [ -n "$prev" ]; then
        step=$(ratio "$per" "$prev")
        row "load time per actor, $pn -> $n actors: growth per actor" \
            "$per us" "$prev us" "$step" 1.3
    fi
    printf '%8s %10s %12s %14s %14s %10s\n' "$n" "$(fmt_s "$c")" "$(fmt_s "$j")" "$per us" "$jper us" "$step" >>"$LOAD"
    prev=$per
    pn=$n
done

# ---- views: --path on 10,000 actors ----

# The chains between the first actor and the last, through groups (the
# widest search), against the same render without --path and against
# the load alone (check): the search's own cost. Markdown, so that the
# layout of the whole (over a minute with sfdp) does not hide it.
echo "[views] --path on 10,000 actors ..." >&2
P10K=$DATA/bench-10000.json
for i in $(seq "$RUNS"); do
    run path-md -o "$T/p.md" -- "$RG" render "$P10K" --path a0 a9999 --through-groups -T md
    run nopath-md -o "$T/n.md" -- "$RG" render "$P10K" -T md
    run path-ck -- "$RG" check "$P10K"
done
a=$(median path-md); b=$(median nopath-md); c=$(median path-ck)
row "--path A B on 10,000 actors, -T md / the same render without --path" \
    "$(fmt_s "$a")" "$(fmt_s "$b")" "$(ratio "$a" "$b")" 1.1
row "--path A B on 10,000 actors, -T md / check (the load alone)" \
    "$(fmt_s "$a")" "$(fmt_s "$c")" "$(ratio "$a" "$c")" 1.1

bench_time_views

# ---- 6-8: STIX import and the data exports (run_import.sh) ----

# shellcheck source=tests/bench/run_import.sh
. tests/bench/run_import.sh

echo
echo "== relgraph against its baselines (medians of $RUNS runs unless a row says more; ratio = relgraph / baseline) =="
print_rows
if [ -s "$T/import-notes" ]; then cat "$T/import-notes"; fi
echo
echo "== load time (relgraph check) per actor; start-up ($(fmt_s "$c0") for check, $(fmt_s "$j0") for jparse, on a 3-actor file) subtracted =="
printf '%8s %10s %12s %14s %14s %10s\n' actors check jparse "check/actor" "jparse/actor" growth
cat "$LOAD"
[ "$QUICK" = 1 ] || { echo; echo "== diff =="; sh tests/bench/run_diff.sh "$BUILD" "$RUNS"; }

# ---- where the time goes ----

if [ "${BENCH_PHASES:-1}" != 0 ] && [ -x "$B/phases" ]; then
    echo
    echo "== where a render's time goes (tests/bench/phases.c: in one process through the library; medians) =="
    echo "   'render in a child' is what a batch and the library do (a new worker: fork, start Graphviz, layout, pipe back); 'in process' is the same in the process, whose Graphviz stays started"
    echo "  $("$B/phases" -r "$RUNS" "$OPM" svg)"
    echo "  $("$B/phases" -r "$RUNS" "$DATA/small/small-03.json" svg)"
    echo "  PNG only: $("$B/phases" -r 3 "$OPM" png)"
    echo "  PDF only: $("$B/phases" -r "$RUNS" "$OPM" pdf)"
    for fm in svg png pdf; do
        extra=""
        [ "$fm" = png ] && extra=-Gdpi=150
        for i in 1 2 3; do run "dot1-$fm" -o /dev/null -- dot -T"$fm" $extra "$T/opm.dot"; done
    done
    echo 'digraph { a }' >"$T/one.dot"
    for i in 1 2 3 4 5; do run "dot-empty" -o /dev/null -- dot -Tsvg "$T/one.dot"; done
    echo "  dot alone on the OPM chart: -Tsvg $(fmt_s "$(median dot1-svg)"), -Tpng (150 dpi) $(fmt_s "$(median dot1-png)"), -Tpdf $(fmt_s "$(median dot1-pdf)"); dot -Tsvg on a one-node graph (start-up) $(fmt_s "$(median dot-empty)")"
fi

# ---- engine choice ----

if [ "${BENCH_ENGINES:-1}" = 0 ]; then
    echo; echo "(engine-choice timings left out: BENCH_ENGINES=0)"
    echo "total: $(($(date +%s) - START)) s"
    exit 0
fi

# one_engine FILE ENGINE TIMEOUT: prints "median-seconds status runs"; runs 3
# times when a run takes under 10 s, once otherwise.
one_engine() {
    local f=$1 e=$2 to=$3 tag="eng-$RANDOM-$RANDOM+any" r s
    for _ in 1 2 3; do
        run "$tag" -o /dev/null -- "$RG" render "$f" --layout-timeout 900 --engine "$e" --layout-timeout "$to" -T svg
        r=$(tail -1 "$T/$tag")
        set -- $r
        s=$3
        [ "$s" = 0 ] || break
        awk -v x="$1" 'BEGIN { exit !(x >= 10) }' && break
    done
    echo "$(median "$tag") $s $(wc -l <"$T/$tag")"
}

# default_engine FILE: the engine relgraph picks when none is named (it says
# so on stderr before the layout; a 0.1 s limit ends the layout at once)
default_engine() {
    if "$RG" render "$1" -T svg --layout-timeout 0.1 2>&1 >/dev/null |
        grep -q 'using the sfdp layout'; then
        echo sfdp
    else
        echo dot
    fi
}

# over SECONDS LIMIT: true when a run that failed took the whole time limit
over() { awk -v x="$1" -v t="$2" 'BEGIN { exit !(x >= t * 0.95) }'; }

engine_series() {  # PREFIX LABEL SIZES
    local prefix=$1 label=$2 n dotdead=0 r f links
    echo
    echo "== engine choice: $label; render -T svg, wall time (median of 3 when under 10 s) =="
    printf '%7s %7s %24s %18s %12s\n' actors links "dot (limit ${DOT_TIMEOUT} s)" sfdp "default now"
    for n in $3; do
        f=$DATA/$prefix-$n.json
        [ -e "$f" ] || continue
        links=$(grep -c '"from":' "$f")
        if [ "$dotdead" = 1 ]; then
            d="not run (slow below)"
        else
            echo "  dot, $prefix-$n ..." >&2
            set -- $(one_engine "$f" dot "$DOT_TIMEOUT")
            if [ "$2" = 0 ]; then
                d=$(fmt_s "$1")
                awk -v x="$1" -v t="$DOT_STOP" 'BEGIN { exit !(x > t) }' && dotdead=1
            elif [ "$2" = 3 ] && over "$1" "$DOT_TIMEOUT"; then
                d="> $DOT_TIMEOUT s (limit)"; dotdead=1
            else d="failed ($2) after $(fmt_s "$1")"; fi
        fi
        echo "  sfdp, $prefix-$n ..." >&2
        set -- $(one_engine "$f" sfdp 120)
        if [ "$2" = 0 ]; then s=$(fmt_s "$1"); else s="failed ($2)"; fi
        printf '%7s %7s %24s %18s %12s\n' "$n" "$links" "$d" "$s" "$(default_engine "$f")"
    done
}

engine_series bench "generated charts, about 3 links per actor" "50 100 150 200 300 500 1000"
if [ "${BENCH_SPARSE:-1}" != 0 ]; then
    engine_series sparse "the same at OPM's density, 1.25 links per actor" "50 100 150 200 300 500 1000"
fi

echo
echo "== engine choice: 10,000 actors (bench-10000.json) =="
f=$DATA/bench-10000.json
for e in sfdp neato; do
    to=120
    [ "$e" = neato ] && to=$NEATO_TIMEOUT
    echo "  $e, 10000 ..." >&2
    set -- $(one_engine "$f" "$e" "$to")
    if [ "$2" = 0 ]; then v=$(fmt_s "$1")
    elif [ "$2" = 3 ] && over "$1" "$to"; then v="> $to s (limit)"
    else v="failed ($2) after $(fmt_s "$1")"; fi
    printf '%7s %-40s %s\n' "$e" "(--layout-timeout $to, $3 run(s))" "$v"
done
# With no engine named, relgraph picks sfdp and, past 5,000 links, leaves
# the link labels to the tooltips and shortens the overlap removal.
echo "  default, 10000 ..." >&2
tag="eng-default+any"
for _ in 1 2 3; do
    run "$tag" -o /dev/null -- "$RG" render "$f" --layout-timeout 900 --layout-timeout 120 -T svg
    set -- $(tail -1 "$T/$tag")
    [ "$3" = 0 ] || break
    awk -v x="$1" 'BEGIN { exit !(x >= 10) }' && break
done
if [ "$3" = 0 ]; then v=$(fmt_s "$(median "$tag")"); else v="failed ($3)"; fi
printf '%7s %-40s %s\n' default "(no --engine: $(default_engine "$f"), no link labels)" "$v"

# The timeline of the same document against the render without the view
# (the default just above): the target is under 1.1.
echo "  timeline, 10000 ..." >&2
for _ in 1 2 3; do run tl-10000 -o /dev/null -- "$RG" render "$f" --view timeline -T svg; done
a=$(median tl-10000); b=$(median "$tag")
printf '%7s %-40s %s (without the view %s; ratio %s)\n' timeline "(--view timeline)" "$(fmt_s "$a")" "$(fmt_s "$b")" "$(ratio "$a" "$b")"

echo
echo "total: $(($(date +%s) - START)) s"
