#!/bin/sh
# TLP markings: a chart rendered with --tlp LEVEL shows nothing marked
# above LEVEL in any output (SVG, PNG's and PDF's text, DOT, the HTML
# report, the Markdown table), keeps what may be shared, and carries the
# label at the top and the foot of the page (SVG and PNG measured by
# marks.py, PDF by pdftotext), in the SVG's and the report's titles; a
# document whose parts are marked, rendered without --tlp, carries its
# highest marking; an unmarked one none.
#   usage: sh tests/tlp/run.sh build/relgraph
# Needs python3 (the positions) and pdftotext (poppler-utils) for the PDF;
# without them those checks are skipped, not passed. Ends "tlp: N passed,
# N failed, N skipped"; exits 1 if any check failed.
set -u
bin=${1:?usage: sh tests/tlp/run.sh path/to/relgraph}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
skipped() { skip=$((skip + 1)); echo "skip $1"; }
doc=$here/marked.json
# Marked red or amber+strict in marked.json, or only reachable through
# what is: names, a note, a quote, source titles, a kind's label and id,
# an actor id, a group's label.
secrets="Zebulon Quartermain PAPERMOON Dunmore HUMINT Bluefinch Opalgrid
Quillfeather informant mole Operations Wrenfield"
kept="Kestrel Featherloader Northwind Vendor"
have_pdftotext=0
command -v pdftotext >/dev/null 2>&1 && have_pdftotext=1
have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# render NAME ARGS...: every format of one render, in $tmp/NAME.*, and
# the PDF's text (when pdftotext is there) in $tmp/NAME.pdf.txt.
render() {
    name=$1
    shift
    rm -f "$tmp/$name".*
    "$bin" render "$doc" "$@" -o "$tmp/$name.svg" -o "$tmp/$name.png" \
        -o "$tmp/$name.pdf" -o "$tmp/$name.dot" -o "$tmp/$name.html" \
        -o "$tmp/$name.md" 2>"$tmp/$name.err" || return 1
    [ $have_pdftotext -eq 0 ] || pdftotext "$tmp/$name.pdf" "$tmp/$name.pdf.txt"
}

# leaks NAME: none of the secrets in any text output of render NAME.
leaks() {
    found=
    for s in $secrets; do
        for f in "$tmp/$1".svg "$tmp/$1".dot "$tmp/$1".html "$tmp/$1".md \
            "$tmp/$1".pdf.txt "$tmp/$1".err; do
            [ -f "$f" ] && grep -q -- "$s" "$f" && found="$found $s:${f##*.}"
        done
    done
    echo "$found"
}

# The check must see a secret where it is: the whole chart has them all.
if ! render all; then
    bad "render of marked.json failed: $(cat "$tmp/all.err")"
else
    n=0
    for s in $secrets; do
        grep -q -- "$s" "$tmp/all.svg" "$tmp/all.html" && n=$((n + 1))
    done
    if [ "$n" -eq "$(echo $secrets | wc -w)" ]; then
        ok "without --tlp every secret is in the chart (the check can fail)"
    else
        bad "only $n secrets found in the whole chart: the check is blind"
    fi
    if grep -q '<title id="marked-title">TLP:RED – ' "$tmp/all.svg" &&
        [ "$(grep -c '>TLP:RED</text>' "$tmp/all.svg")" -eq 2 ] &&
        grep -q '^# TLP:RED – ' "$tmp/all.md" &&
        grep -q '<title>TLP:RED – ' "$tmp/all.html"; then
        ok "without --tlp the chart carries the highest marking, TLP:RED"
    else
        bad "without --tlp the chart does not carry TLP:RED twice and in titles"
    fi
fi

for args in "--tlp amber" "--tlp amber --focus kestrel" \
    "--tlp amber --engine neato" "--tlp green" "--tlp clear"; do
    name=$(echo "$args" | sed 's/^--//; s/[^a-z0-9]/-/g')
    level=$(echo "$args" | sed 's/--tlp \([a-z]*\).*/\1/' | tr a-z A-Z)
    # shellcheck disable=SC2086
    if ! render "$name" $args; then
        bad "$args: render failed: $(cat "$tmp/$name.err")"
        continue
    fi
    found=$(leaks "$name")
    if [ -n "$found" ]; then
        bad "$args: withheld items in the outputs:$found"
    else
        ok "$args: nothing withheld in SVG, DOT, HTML, Markdown, PDF text"
    fi
    if grep -q "Shared at TLP:$level: what is marked above it is withheld" \
        "$tmp/$name.svg" "$tmp/$name.md" &&
        grep -q "<title id=\"[a-z-]*title\">TLP:$level[ <]" "$tmp/$name.svg"; then
        ok "$args: the chart says TLP:$level and that things are withheld"
    else
        bad "$args: no TLP:$level title or withheld note"
    fi
done

missing=
for k in $kept; do
    grep -q "$k" "$tmp/tlp-amber.svg" || missing="$missing $k"
done
if [ -z "$missing" ]; then
    ok "--tlp amber keeps what is marked amber or below"
else
    bad "--tlp amber left out what it may share:$missing"
fi
if [ ! -s "$tmp/tlp-clear.svg" ] || grep -q Featherloader "$tmp/tlp-clear.svg" ||
    grep -q Kestrel "$tmp/tlp-clear.md"; then
    bad "--tlp clear shows the green document's unmarked actors"
else
    ok "--tlp clear withholds what the green document leaves unmarked"
fi

if [ $have_python -eq 0 ]; then
    skipped "label positions: python3 is not installed"
elif python3 "$here/marks.py" TLP:AMBER "$tmp/tlp-amber.svg" \
        >"$tmp/pos" 2>&1 &&
    python3 "$here/marks.py" --colour FFC000 TLP:AMBER "$tmp/tlp-amber.png" \
        >>"$tmp/pos" 2>&1 &&
    python3 "$here/marks.py" TLP:RED "$tmp/all.svg" >>"$tmp/pos" 2>&1; then
    ok "the label at the top and the foot of the SVG and the PNG"
else
    bad "label positions: $(cat "$tmp/pos")"
fi
if [ $have_python -eq 1 ] &&
    python3 "$here/marks.py" TLP:AMBER "$tmp/all.svg" >/dev/null 2>&1; then
    bad "marks.py finds TLP:AMBER in a TLP:RED chart: it cannot fail"
fi

if [ $have_pdftotext -eq 0 ]; then
    skipped "PDF text: pdftotext is not installed (Debian: poppler-utils)"
elif [ "$(grep -c '^TLP:AMBER$' "$tmp/tlp-amber.pdf.txt")" -eq 2 ] &&
    pdfinfo "$tmp/tlp-amber.pdf" 2>/dev/null |
    grep -q '^Title: *TLP:AMBER – Intrusion set Kestrel'; then
    ok "the PDF: TLP:AMBER twice on the page, and in its Title"
else
    bad "the PDF lacks TLP:AMBER twice on the page or in its Title"
fi

# Batch mode: documents read from files go to the batch worker (no
# --tlp) or are rendered here (--tlp); both mark and withhold alike.
mkdir -p "$tmp/batch/out" && cp "$doc" "$tmp/batch/a.json" &&
    cp "$doc" "$tmp/batch/b.json"
if "$bin" render "$tmp/batch/a.json" "$tmp/batch/b.json" -T svg \
        --outdir "$tmp/batch/out" 2>/dev/null &&
    [ "$(cat "$tmp/batch/out/"*.svg | grep -c '>TLP:RED</text>')" -eq 4 ] &&
    "$bin" render "$tmp/batch/a.json" "$tmp/batch/b.json" -T svg \
        --outdir "$tmp/batch/out" --tlp amber 2>/dev/null &&
    [ "$(cat "$tmp/batch/out/"*.svg | grep -c '>TLP:AMBER</text>')" -eq 4 ] &&
    ! grep -q Zebulon "$tmp/batch/out/"*.svg; then
    ok "batch mode: TLP:RED without --tlp, TLP:AMBER and nothing withheld with it"
else
    bad "batch mode: the charts are not marked, or show what is withheld"
fi

# An unmarked document: no marking anywhere.
"$bin" render "$here/../../graphs/minimal.json" -T svg >"$tmp/min.svg" \
    2>/dev/null
if grep -q 'TLP:' "$tmp/min.svg"; then
    bad "an unmarked document's chart carries a TLP label"
else
    ok "an unmarked document's chart carries no TLP label"
fi

echo "tlp: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
