#!/bin/sh
# The before/after figures of the overlap test (`make overlap`): runs
# tests/overlap/run.sh in report mode once per renderer given, each into
# $BUILD/overlap/figures-N (its output in figures-N.log), and prints a
# Markdown table of the totals per set of charts (examples, case inputs,
# stress sample): overlapping pairs of texts, crossed texts, and how many
# texts and charts were measured.
#
#   sh tests/overlap/figures.sh [NAME=]RENDERER...
#
# A RENDERER is a relgraph binary or naive-dot (plain Graphviz on the
# DOT a user would write by hand); NAME names its column (default: the
# renderer). Exits 1 if a run could not measure (a page Chromium did not
# finish, a self-check failed) or was skipped.
set -u
if [ $# -eq 0 ]; then
    echo "usage: sh tests/overlap/figures.sh [NAME=]RENDERER..." >&2
    exit 2
fi
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
status=0
k=0
heads=
for arg in "$@"; do
    k=$((k + 1))
    head=${arg%%=*}
    bin=${arg#*=}
    dir=$build/overlap/figures-$k
    mkdir -p "$dir"
    echo "measuring $head ..." >&2
    OVERLAP_REPORT=1 sh "$top/tests/overlap/run.sh" "$bin" "$dir" \
        >"$dir.log" 2>&1
    st=$?
    if [ $st -ne 0 ] || grep -q '^skip ' "$dir.log" ||
        [ ! -s "$dir/figures.tsv" ]; then
        echo "figures: $head could not be measured; see $dir.log" >&2
        tail -n 3 "$dir.log" >&2
        status=1
    fi
    heads="$heads$head	"
done

# The table: a row per set and figure, a column per renderer.
k=0
files=
for arg in "$@"; do
    k=$((k + 1))
    tsv=$build/overlap/figures-$k/figures.tsv
    [ -s "$tsv" ] || printf 'chart\tset\ttexts\toverlaps\tcrossed\n' >"$tsv"
    files="$files $tsv"
done
# shellcheck disable=SC2086
awk -F '\t' -v heads="$heads" '
    FNR == 1 { col++; next }
    {
        for (s = 0; s < 2; s++) {
            set = s ? "all" : $2
            n[set, col]++
            t[set, col] += $3
            o[set, col] += $4
            c[set, col] += $5
        }
    }
    END {
        split(heads, h, "\t")
        printf "| charts | figure |"
        for (i = 1; i <= col; i++) printf " %s |", h[i]
        printf "\n|---|---|"
        for (i = 1; i <= col; i++) printf "---:|"
        printf "\n"
        split("example case stress all", sets, " ")
        names = "examples (graphs/*.json)|case inputs (tests/cases)|" \
            "stress sample|all"
        split(names, name, "|")
        for (s = 1; s <= 4; s++) {
            set = sets[s]
            row(name[s], "overlapping pairs", o, set)
            row("", "crossed texts", c, set)
            printf "| | texts measured (charts) |"
            for (i = 1; i <= col; i++)
                printf " %d (%d) |", t[set, i], n[set, i]
            printf "\n"
        }
    }
    function row(label, what, a, set,    i) {
        printf "| %s | %s |", label, what
        for (i = 1; i <= col; i++) printf " %d |", a[set, i]
        printf "\n"
    }' $files
exit $status
