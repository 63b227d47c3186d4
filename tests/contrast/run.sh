#!/bin/sh
# WCAG AA contrast (4.5:1) of every text of every theme: relgraph renders
# the examples (graphs/*.json, whole and focused), a document that uses
# every built-in kind, status and a link kind, and every distinct case
# input that renders (tests/cases/*/input.json), in the light, dark and mono themes,
# and contrast.py measures each text against what is drawn behind it (see
# its opening comment): titles, legends, the Sources block, group labels,
# link labels, notes and footnote markers.
#
# The test checks itself first: a hand-made SVG with light grey text on
# white (selfcheck-fails.svg) must fail, one with dark text on a light
# fill inside a dark cluster (selfcheck-passes.svg) must pass.
#
#   sh tests/contrast/run.sh path/to/relgraph
#
# Needs python3 (its standard library only); without it the test is
# skipped, not passed. Prints "ok NAME", "FAIL NAME" (with the texts under
# 4.5:1) or "skip NAME: REASON", and a last line "contrast: P passed,
# F failed, S skipped"; exits 1 if any check failed. The charts are left
# in $BUILD/contrast/.
set -u
bin=${1:?usage: sh tests/contrast/run.sh path/to/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
here=tests/contrast
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
out=$build/contrast
pass=0
fail=0
skip=0
finish() {
    echo "contrast: $pass passed, $fail failed, $skip skipped"
    [ $fail -eq 0 ]
    exit
}
if ! command -v python3 >/dev/null 2>&1; then
    skip=1
    echo "skip contrast: python3 is not installed (Debian package python3)"
    finish
fi
rm -rf "$out"
mkdir -p "$out" || exit 1
measure() { python3 "$here/contrast.py" "$@"; }

# The measure can fail, and can pass.
if measure "$here/selfcheck-fails.svg" >"$out/self.txt" 2>&1; then
    fail=$((fail + 1))
    echo "FAIL self-check: light grey on white passed"
    sed 's/^/     /' "$out/self.txt"
elif ! measure "$here/selfcheck-passes.svg" >"$out/self2.txt" 2>&1; then
    fail=$((fail + 1))
    echo "FAIL self-check: dark on a light fill in a dark box failed"
    sed 's/^/     /' "$out/self2.txt"
else
    pass=$((pass + 1))
    echo "ok   self-check: light grey on white fails ($(grep -o '[0-9.]*:1$' \
        "$out/self.txt" | head -n 1)), dark on a light fill in a dark box passes"
fi

# chart NAME INPUT OPTION...: renders INPUT to $out/NAME-THEME.svg in each
# theme and measures the three at once (one python3 start); an input
# relgraph refuses is not a chart (the cases hold many on purpose) and is
# passed over.
charts=0
texts=0
chart() {
    name=$1
    input=$2
    shift 2
    svgs=
    for theme in light dark mono; do
        svg=$out/$name-$theme.svg
        if "$bin" render "$input" -T svg --theme "$theme" --layout-timeout 30 \
            "$@" >"$svg" \
            2>"$out/$name-$theme.err"; then
            svgs="$svgs $svg"
        else
            rm -f "$svg"
        fi
    done
    [ -n "$svgs" ] || return 0
    measure $svgs >"$out/m.txt" 2>&1
    for svg in $svgs; do
        charts=$((charts + 1))
        theme=${svg##*-}
        if grep -q "^$svg: [0-9]* texts, 0 under" "$out/m.txt"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $name --theme ${theme%.svg}: texts under 4.5:1"
            grep -F "$svg" "$out/m.txt" | grep -v "^$svg:" | head -n 12 |
                sed 's/^/     /'
        fi
        n=$(sed -n "s|^$svg: \([0-9]*\) texts, .*|\1|p" "$out/m.txt")
        texts=$((texts + ${n:-0}))
    done
}

chart opm-2015 graphs/opm-2015.json
chart opm-2015-focus graphs/opm-2015.json --focus opm-breach --direction TB
chart opm-2015-neato graphs/opm-2015.json --engine neato
chart minimal graphs/minimal.json
chart every-kind "$here/every-kind.json"
# Each case input once (many cases share one), those under 200 kB, but
# for those made to outlast a layout time limit (their args set one).
for input in tests/cases/*/input.json; do
    [ "$(wc -c <"$input")" -lt 200000 ] || continue
    grep -q -- '--layout-timeout' "$(dirname "$input")/args" && continue
    sum=$(cksum <"$input" | cut -d' ' -f1)
    grep -qx "$sum" "$out/seen" 2>/dev/null && continue
    echo "$sum" >>"$out/seen"
    name=case-$(basename "$(dirname "$input")")
    chart "$name" "$input"
done
# mono's legend: kinds differ only by shape there, so each swatch holds a
# character of its own (all 20 built-in kinds).
svg=$out/every-kind-mono.svg
glyphs=$(grep -o 'font-family="DejaVu Sans"[^>]*>[^<]*<' "$svg" 2>/dev/null |
    sed 's/.*>\(.*\)</\1/' | sort -u | wc -l)
if [ "$glyphs" -eq 20 ]; then
    pass=$((pass + 1))
    echo "ok   mono legend: 20 kinds, 20 different shape characters"
else
    fail=$((fail + 1))
    echo "FAIL mono legend: $glyphs different shape characters in $svg, not 20"
fi
echo "($charts charts, $texts texts measured; the charts are in $out)"
[ $charts -ge 30 ] && pass=$((pass + 1)) || {
    fail=$((fail + 1))
    echo "FAIL too few charts rendered ($charts): is $bin working?"
}
finish
