#!/bin/sh
# No overlapping text: draws every chart the suite draws and has headless
# Chromium measure, with the real fonts, how many pairs of text boxes of
# different elements overlap and how many text boxes an edge crosses
# (the definitions are in tests/overlap/measure.js). The charts:
#   example/NAME   every document graphs/*.json (not the schema)
#   case/NAME      every *.json of tests/cases that `relgraph check`
#                  accepts (but those of cases of a failed layout, status
#                  3, which draw nothing), drawn with the layout options
#                  of the case's own args when it renders (--engine,
#                  --direction, --focus, --depth, --path A B,
#                  --paths, --through-groups, --theme, --page,
#                  --landscape, --no-..., --aliases, --dates,
#                  --layout-timeout), else (or when these are refused:
#                  that is what some cases test) with none
#   timeline/NAME  every document graphs/*.json and tests/timeline/*.json
#                  that has a date, drawn with --view timeline (relgraph
#                  only: naive-dot draws no timelines)
#   stress/SEED    the documents of `build/stress --emit SEED`, seeds 0
#                  to OVERLAP_SEEDS-1 (40; the suite's sample is 100),
#                  each in the engine it asks for
# (The d3 Les Miserables sample of ../shared/data/interop/d3 is in d3's
# format, not relgraph's: it is not measured until relgraph reads it.)
# A document listed twice with the same options is measured once. Each
# is rendered with --inline and its own --id-prefix; the charts go
# OVERLAP_BATCH (40) to a page, one Chromium run a page.
#
#   sh tests/overlap/run.sh BIN [OUTDIR]
#
# BIN is a relgraph binary, or "naive-dot": plain Graphviz on the DOT a
# user would write by hand for the same document (tests/overlap/
# naive-dot.py), for the documents that CHECK_BIN (build/relgraph) checks
# and draws, so that both measure the same charts.
# OUTDIR is build/overlap; it gets figures.tsv (chart, set, texts,
# overlapping pairs, crossed texts) and the pages and SVGs measured.
#
# Prints "chart NAME: T texts, O overlapping pairs, C crossed texts" for
# each chart (with the first offending texts and element ids under a
# chart that has any), "ok"/"FAIL" for the self-check and for each set
# of charts, a line of totals ("overlap figures: ...") and "overlap: P
# passed, F failed, S skipped". A set fails when it has an overlapping
# pair, or more crossed texts than tests/overlap/limits allows it, unless
# OVERLAP_REPORT=1 (report mode, for before/after figures: the figures
# are printed, not judged).
# With OVERLAP_SHOW=1 the pages (OUTDIR/page*.html) keep their charts,
# the texts at fault outlined (red: overlap, blue: crossed), to be opened
# in a browser.
# The self-check always counts: a page of hand-made SVGs
# (tests/overlap/self/) must measure faults.svg as 1 overlap and 1
# crossing, clear.svg as none, and oneline.svg (two pieces of one line
# of a label) as 1 overlap. Without Chromium (or python3 and dot
# for naive-dot) the test says why and is skipped.
set -u
bin=${1:?usage: sh tests/overlap/run.sh BIN|naive-dot [OUTDIR]}
case $bin in naive-dot | /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${2:-$top/build/overlap}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
cd "$top" || exit 1
here=tests/overlap
chromium=${CHROMIUM:-chromium}
seeds=${OVERLAP_SEEDS:-40}
batch=${OVERLAP_BATCH:-40}
report=${OVERLAP_REPORT:-0}
show=
[ "${OVERLAP_SHOW:-0}" = 1 ] && show=' data-show'
stress=${STRESS:-$top/build/stress}
check=$bin
[ "$bin" = naive-dot ] && check=${CHECK_BIN:-$top/build/relgraph}

pass=0
fail=0
skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
finish() {
    echo "overlap: $pass passed, $fail failed, $skip skipped"
    [ $fail -eq 0 ]
    exit
}
skip_all() {
    skip=$((skip + 1))
    echo "skip the overlap test: $1"
    finish
}

mkdir -p "$out" || exit 1
rm -rf "$out/svg" "$out/docs" "$out"/*.html "$out"/*.dom "$out"/*.log \
    "$out"/*.verdicts "$out/charts" "$out/opts" "$out/keys" "$out/figures.tsv"
mkdir -p "$out/svg" "$out/docs" || exit 1

. tests/browser/lib.sh
if why=$(chromium_missing); then
    skip_all "$(echo "$why" | tr '\n' ' ')"
fi
if [ "$bin" = naive-dot ]; then
    command -v python3 >/dev/null 2>&1 || skip_all "naive-dot needs python3"
    command -v dot >/dev/null 2>&1 || skip_all "naive-dot needs Graphviz's dot"
fi
[ -x "$check" ] || skip_all "$check is not an executable (build it: make)"
[ -x "$stress" ] || skip_all "$stress is not built (make $stress)"
start=$(date +%s)

# The options of a case's args that change the picture: case_options ARGS
case_options() {
    eval "set -- $(sed 's/[<>].*//' "$1" | head -n 1)"
    [ "${1:-}" = render ] || return 0
    while [ $# -gt 0 ]; do
        case $1 in
        --engine | --direction | --focus | --depth | --theme | --page | \
            --layout-timeout | --view)
            [ $# -ge 2 ] || break
            printf '%s\n%s\n' "$1" "$2"
            shift ;;
        --path)
            [ $# -ge 3 ] || break
            printf '%s\n%s\n%s\n' "$1" "$2" "$3"
            shift 2 ;;
        --paths | --paths=* | --through-groups)
            [ "$1" = --paths ] && { printf '%s\n' "$1"; shift; }
            printf '%s\n' "$1" ;;
        --engine=* | --direction=* | --focus=* | --depth=* | --theme=* | \
            --page=* | --layout-timeout=* | --view=* | --no-* | --aliases | \
            --dates | --landscape)
            printf '%s\n' "$1" ;;
        esac
        shift
    done
}

# The list of charts, one a line: NAME<TAB>FILE<TAB>OPTIONS-FILE
list=$out/charts
: >"$list"
mkdir -p "$out/opts"
n=0
same=0
: >"$out/keys"
# add NAME FILE [ARGS]: a chart, unless the same document with the same
# options is listed already (many cases share one input).
add() {
    n=$((n + 1))
    if [ -n "${3:-}" ]; then
        case_options "$3" >"$out/opts/$n"
    else
        : >"$out/opts/$n"
    fi
    key=$(cat "$2" "$out/opts/$n" | cksum)
    if grep -qxF "$key" "$out/keys"; then
        same=$((same + 1))
        return
    fi
    echo "$key" >>"$out/keys"
    printf '%s\t%s\t%s\n' "$1" "$2" "$out/opts/$n" >>"$list"
}
for f in graphs/*.json; do
    case $f in *.schema.json) continue ;; esac
    add "example/$(basename "$f" .json)" "$f"
done
for dir in tests/cases/*/; do
    case=$(basename "$dir")
    # a case of a layout that fails (status 3) draws no chart
    [ "$(cat "$dir/expected-status" 2>/dev/null)" = 3 ] && continue
    for f in $(cd "$dir" && find . -name '*.json' | sed 's|^\./||' | LC_ALL=C sort); do
        "$check" check "$dir$f" >/dev/null 2>&1 || continue
        name=case/$case
        [ "$f" = input.json ] || name=$name/${f%.json}
        add "$name" "$dir$f" "$dir/args"
    done
done
echo 'render doc --view timeline' >"$out/timeline.args"
for f in graphs/*.json tests/timeline/*.json; do
    case $f in *.schema.json) continue ;; esac
    [ "$bin" = naive-dot ] && break
    grep -q '"date"' "$f" || continue
    add "timeline/$(basename "$f" .json)" "$f" "$out/timeline.args"
done
s=0
while [ $s -lt "$seeds" ]; do
    "$stress" --emit $s >"$out/docs/stress-$s.json"
    add "stress/$s" "$out/docs/stress-$s.json"
    s=$((s + 1))
done

# draw NUMBER FILE OPTIONS-FILE: the chart as an inline SVG, in
# $out/svg/NUMBER.svg; its error output in NUMBER.err. Returns the
# renderer's status (1 if it wrote nothing).
draw() {
    num=$1
    file=$2
    svg=$out/svg/$num.svg
    err=$out/svg/$num.err
    opts=$3
    limit=30
    prev=
    set --
    while IFS= read -r o; do
        case $prev/$o in
        --layout-timeout/*) limit=$o ;;
        */--layout-timeout=*) limit=${o#*=} ;;
        esac
        prev=$o
        set -- "$@" "$o"
    done <"$opts"
    if [ "$bin" = naive-dot ]; then
        # the charts CHECK_BIN draws, no others, to compare like with like
        timeout 60 "$check" render "$file" -T svg --layout-timeout "$limit" "$@" \
            >/dev/null 2>"$err" || return
        # as relgraph does, 2 for options refused
        python3 "$here/naive-dot.py" "$file" "$@" >"$out/svg/$num.dot" 2>"$err" ||
            return 2
        timeout "$limit" dot -Tsvg "$out/svg/$num.dot" >"$svg.full" 2>>"$err"
        st=$?
        sed -n '/^<svg/,$p' "$svg.full" >"$svg"
        rm -f "$svg.full"
    else
        timeout 60 "$bin" render "$file" -T svg --inline --id-prefix "c$num-" \
            --layout-timeout 30 "$@" >"$svg" 2>"$err"
        st=$?
    fi
    [ $st -eq 0 ] && [ ! -s "$svg" ] && st=1
    return $st
}

# page FILE NAME:SVG...: a page of inlined charts and measure.js
page() {
    file=$1
    shift
    {
        printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        printf '<title>relgraph: text overlap</title>\n<style>\n'
        printf 'body { margin: 16px; font: 14px sans-serif; }\n'
        printf 'figure { margin: 0 0 24px; }\nfigure svg { display: block; }\n'
        printf '</style>\n</head>\n<body%s>\n' "$show"
        for chart in "$@"; do
            printf '<figure data-chart="%s">\n' "${chart%%:*}"
            cat "${chart#*:}"
            printf '</figure>\n'
        done
        printf '<pre id="result">the measurement did not run</pre>\n<script>\n'
        cat "$here/measure.js"
        printf '</script>\n</body>\n</html>\n'
    } >"$file"
}

# measure PAGE: Chromium measures the page; its verdicts in PAGE.verdicts
measure() {
    browse "${1%.html}.log" "$1" --dump-dom >"${1%.html}.dom"
    st=$?
    verdicts "${1%.html}.dom" >"${1%.html}.verdicts"
    [ $st -eq 0 ] && grep -qx done "${1%.html}.verdicts"
}

# The self-check: the hand-made charts must measure as they say.
page "$out/self.html" faults:$here/self/faults.svg clear:$here/self/clear.svg \
    oneline:$here/self/oneline.svg
if measure "$out/self.html" &&
    grep -qx 'chart faults 6 1 1' "$out/self.verdicts" &&
    grep -qx 'chart clear 4 0 0' "$out/self.verdicts" &&
    grep -qx 'chart oneline 2 1 0' "$out/self.verdicts"; then
    ok "self-check: faults.svg measures 1 overlap and 1 crossing, clear.svg none, oneline.svg 1 overlap"
else
    bad "self-check: faults.svg must measure 6 texts, 1 overlap, 1 crossing; clear.svg 4 texts, none; oneline.svg 2 texts, 1 overlap"
    sed 's/^/     /' "$out/self.verdicts"
    grep -v dbus "$out/self.log" | tail -n 5 | sed "s/^/     /"
fi

# Draw every chart; those not drawn are listed and left out.
i=0
notdrawn=0
: >"$out/drawn"
while IFS='	' read -r name file opts; do
    i=$((i + 1))
    # A case whose options are refused (status 2: that is what it
    # tests) is drawn without them.
    draw "$i" "$file" "$opts"
    st=$?
    if [ $st -eq 2 ] && [ -s "$opts" ]; then
        : >"$opts"
        draw "$i" "$file" "$opts"
        st=$?
    fi
    if [ $st -eq 0 ]; then
        printf '%s\t%s\n' "$name" "$out/svg/$i.svg" >>"$out/drawn"
    else
        notdrawn=$((notdrawn + 1))
        echo "chart $name: not drawn ($(head -n 1 "$out/svg/$i.err"))"
    fi
done <"$list"

# Measure them, a batch a page.
: >"$out/all.verdicts"
split -l "$batch" -d -a 3 "$out/drawn" "$out/batch."
rm -f "$out/drawn"
pages=0
for b in "$out"/batch.*; do
    pages=$((pages + 1))
    set --
    while IFS='	' read -r name svg; do
        set -- "$@" "$name:$svg"
    done <"$b"
    rm -f "$b"
    page "$out/page$pages.html" "$@"
    if ! measure "$out/page$pages.html"; then
        bad "Chromium measures page$pages.html to the end"
        sed 's/^/     /' "$out/page$pages.verdicts" | tail -n 5
        grep -v dbus "$out/page$pages.log" | tail -n 5 | sed 's/^/     /'
    fi
    cat "$out/page$pages.verdicts" >>"$out/all.verdicts"
done

# The figures: a line a chart (and its first faults), the TSV, a verdict
# a set.
printf 'chart\tset\ttexts\toverlaps\tcrossed\n' >"$out/figures.tsv"
awk -v tsv="$out/figures.tsv" '
    $1 == "chart" {
        split($2, p, "/")
        printf "chart %s: %d texts, %d overlapping pairs, %d crossed texts\n", $2, $3, $4, $5
        printf "%s\t%s\t%d\t%d\t%d\n", $2, p[1], $3, $4, $5 >>tsv
        next
    }
    $1 == "overlap" || $1 == "cross" { print "     " $0 }' "$out/all.verdicts"
for set in example case timeline stress; do
    awk -F '\t' -v set=$set '$2 == set { n++; t += $3; o += $4; c += $5 }
        END { printf "%d %d %d %d\n", n, t, o, c }' "$out/figures.tsv" >"$out/sum"
    read -r charts texts over crossed <"$out/sum"
    line="$set charts: $charts charts, $texts texts, $over overlapping pairs, $crossed crossed texts"
    # The most crossed texts a set may have (tests/overlap/limits): zero
    # where relgraph has reached it; elsewhere the figure measured, so
    # that a change that crosses more fails. Overlapping pairs: none.
    max=$(awk -v set=$set '$1 == set { print $2 }' "$here/limits")
    if [ "$report" = 1 ] || { [ "$over" -eq 0 ] && [ "$crossed" -le "${max:-0}" ]; }; then
        ok "$line${max:+ (at most $max crossed)}"
    else
        bad "$line (at most ${max:-0} crossed texts and no overlapping pair)"
    fi
done
awk -F '\t' 'NR > 1 { n++; t += $3; o += $4; c += $5 }
    END { printf "overlap figures: %d charts, %d texts, %d overlapping pairs," \
        " %d crossed texts\n", n, t, o, c }' "$out/figures.tsv"
rm -f "$out/sum"
echo "(measured once: $same documents the same as another with the same options;" \
    "not drawn: $notdrawn; Chromium: $pages page(s); $(($(date +%s) - start)) s;" \
    "figures in $out/figures.tsv)"
finish
