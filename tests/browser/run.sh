#!/bin/sh
# Two different charts inlined in one HTML page, in a real browser:
# relgraph renders graphs/opm-2015.json (--inline --responsive) and
# graphs/minimal.json (--inline, fixed size) into $BUILD/browser/, which
# gets page.html with both charts and checks.js inlined; headless
# Chromium opens it, checks.js checks the live DOM (no id repeats on the
# page; each chart is SVG, has a non-zero size, the size it asks for, and
# every url(#...), href="#..." and aria-labelledby of a chart names an
# element of that same chart) and writes its verdicts into the page,
# which Chromium prints (--dump-dom). A second run saves a screenshot,
# $BUILD/browser/two-charts.png (1400 x 2000).
#
# A third page, views.html, holds two views of one document with their
# default id prefixes: the full OPM chart and the one focused on Deep
# Panda; the same checks must pass there.
#
# The checks are checked too: the same two charts rendered with one
# --id-prefix must make the page report repeated ids and a reference
# resolved outside its chart.
#
#   sh tests/browser/run.sh path/to/relgraph
#
# Chromium is Debian's chromium (CHROMIUM=... for another binary), run
# headless with a fresh profile each time and a timeout of 120 s. When it
# is missing, it is installed with apt-get as root; when that cannot be
# done, the test says why and is skipped, not passed. Chromium's own
# messages (dbus and the like) go to $BUILD/browser/*.chromium.log, shown
# only when a run fails.
#
# Prints "ok NAME", "FAIL NAME" or "skip NAME: REASON" for each check, and
# a last line "browser: P passed, F failed, S skipped"; exits 1 if any
# check failed.
set -u
bin=${1:?usage: sh tests/browser/run.sh path/to/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
here=tests/browser
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
out=$build/browser
chromium=${CHROMIUM:-chromium}

pass=0
fail=0
skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() {
    fail=$((fail + 1))
    echo "FAIL $1"
    shift
    for f in "$@"; do
        [ -s "$f" ] && tail -n 20 "$f" | sed 's/^/     /'
    done
}
finish() {
    echo "browser: $pass passed, $fail failed, $skip skipped"
    [ $fail -eq 0 ]
    exit
}

mkdir -p "$out" || exit 1
rm -rf "$out"/*.svg "$out"/*.how "$out"/*.err "$out"/*.html "$out"/*.dom \
    "$out"/*.verdicts "$out"/*.log "$out"/*.png "$out/same-prefix" "$out/views"

# Chromium, installed when missing and possible; if not, say why and skip.
. "$here/lib.sh"
if why=$(chromium_missing); then
    skip=1
    echo "skip the browser test: $(echo "$why" | head -n 1)"
    echo "$why" | tail -n +2 | sed 's/^/     /'
    finish
fi

# Writes a page of two inlined charts: page OUT SVG1 SVG2 (each SVG is
# named after its file and described by the NAME.how file beside it).
page() {
    {
        printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        printf '<title>relgraph: two charts in one page</title>\n<style>\n'
        printf 'body { margin: 16px; font: 14px sans-serif; }\n'
        printf 'figure { margin: 0 0 24px; }\n'
        printf 'figure svg { display: block; }\n'
        cat graphs/report-example.css
        printf '</style>\n</head>\n<body>\n'
        for svg in "$2" "$3"; do
            name=$(basename "$svg" .svg)
            printf '<figure data-chart="%s">\n' "$name"
            cat "$svg"
            printf '<figcaption>%s: relgraph render %s</figcaption>\n</figure>\n' \
                "$name" "$(cat "${svg%.svg}.how")"
        done
        printf '<pre id="result">the checks did not run</pre>\n<script>\n'
        cat "$here/checks.js"
        printf '</script>\n</body>\n</html>\n'
    } >"$1"
}

# render DIR NAME OPTION... renders graphs/NAME.json to DIR/NAME.svg.
render() {
    dir=$1
    name=$2
    shift 2
    echo "graphs/$name.json $*" >"$dir/$name.how"
    "$bin" render "graphs/$name.json" -T svg "$@" >"$dir/$name.svg" 2>"$dir/$name.err"
}

if render "$out" opm-2015 --inline --responsive && render "$out" minimal --inline; then
    ok "relgraph renders opm-2015 (--inline --responsive) and minimal (--inline)"
else
    bad "relgraph renders opm-2015 (--inline --responsive) and minimal (--inline)" \
        "$out/opm-2015.err" "$out/minimal.err"
    finish
fi
page "$out/page.html" "$out/opm-2015.svg" "$out/minimal.svg"

# Has Chromium run checks.js on $out/NAME.html and reports each verdict
# (with WHAT before its key): checked_page NAME [WHAT]
checked_page() {
    browse "$out/$1.chromium.log" "$out/$1.html" --dump-dom >"$out/$1.dom"
    st=$?
    verdicts "$out/$1.dom" >"$out/$1.verdicts"
    if [ $st -ne 0 ] || ! grep -qx 'done' "$out/$1.verdicts"; then
        bad "Chromium runs checks.js on $1.html to the end (status $st)" \
            "$out/$1.verdicts" "$out/$1.chromium.log"
        return
    fi
    ok "Chromium runs checks.js on $1.html to the end"
    while read -r key verdict detail; do
        [ "$key" = 'done' ] && continue
        if [ "$verdict" = ok ]; then
            ok "${2:-}$key: $detail"
        else
            bad "${2:-}$key: $detail"
        fi
    done <"$out/$1.verdicts"
}

start=$(date +%s)
checked_page page

# The screenshot: a PNG of the window's size, 1400 x 2000, and not a
# blank page (13 kB at that size; with the two charts, about 285 kB).
png_dim() { od -An -j"$2" -N4 -tu1 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}'; }
shot=$out/two-charts.png
browse "$out/screenshot.chromium.log" "$out/page.html" --screenshot="$shot" >/dev/null
st=$?
if [ $st -eq 0 ] && [ -s "$shot" ] &&
    [ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
    [ "$(png_dim "$shot" 16)x$(png_dim "$shot" 20)" = 1400x2000 ] &&
    [ "$(wc -c <"$shot")" -gt 50000 ]; then
    ok "screenshot $shot: 1400 x 2000, $(($(wc -c <"$shot") / 1024)) kB"
else
    bad "screenshot $shot (status $st)" "$out/screenshot.chromium.log"
fi

# The negative self-check: with one --id-prefix for both charts, the page
# must report repeated ids and a chart's reference resolved into the other.
same=$out/same-prefix
mkdir -p "$same"
if ! { render "$same" opm-2015 --inline --responsive --id-prefix same- &&
    render "$same" minimal --inline --id-prefix same-; }; then
    bad "relgraph renders both charts with --id-prefix same-" \
        "$same/opm-2015.err" "$same/minimal.err"
fi
page "$out/same-prefix.html" "$same/opm-2015.svg" "$same/minimal.svg"
browse "$out/same-prefix.chromium.log" "$out/same-prefix.html" --dump-dom \
    >"$out/same-prefix.dom"
verdicts "$out/same-prefix.dom" >"$out/same-prefix.verdicts"
if grep -q '^unique-ids FAIL ' "$out/same-prefix.verdicts" &&
    grep -q '^refs:[^ ]* FAIL .*outside this chart' "$out/same-prefix.verdicts" &&
    grep -qx 'done' "$out/same-prefix.verdicts"; then
    ok "self-check: two charts with one --id-prefix are caught ($(
        sed -n 's/^unique-ids FAIL \([0-9]*\) ids repeat.*/\1 ids repeat/p' \
            "$out/same-prefix.verdicts"))"
else
    bad "self-check: two charts with one --id-prefix must fail unique-ids and refs" \
        "$out/same-prefix.verdicts" "$out/same-prefix.chromium.log"
fi
# Two views of one document on one page, with their default prefixes:
# the full chart and the one focused on Deep Panda. The prefix names the
# view, so no id repeats, and each chart's aria and desc references
# resolve inside it.
views=$out/views
mkdir -p "$views"
if "$bin" render graphs/opm-2015.json -T svg --inline --responsive \
    >"$views/opm-2015.svg" \
    2>"$views/opm-2015.err" &&
    "$bin" render graphs/opm-2015.json -T svg --inline --focus deep-panda \
        >"$views/deep-panda.svg" 2>"$views/deep-panda.err"; then
    echo "graphs/opm-2015.json --inline --responsive" >"$views/opm-2015.how"
    echo "graphs/opm-2015.json --inline --focus deep-panda" >"$views/deep-panda.how"
    page "$out/views.html" "$views/opm-2015.svg" "$views/deep-panda.svg"
    checked_page views "views.html "
else
    bad "relgraph renders opm-2015 whole and focused on deep-panda" \
        "$views/opm-2015.err" "$views/deep-panda.err"
fi
echo "(Chromium: 4 runs in $(($(date +%s) - start)) s; its messages are in $out/*.chromium.log)"
finish
