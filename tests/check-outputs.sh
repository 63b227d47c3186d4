#!/bin/sh
# Checks what relgraph writes, by properties: every document in graphs/
# renders to SVG (parsed by xmllint, a real XML parser), PNG and PDF (by
# signature and size) and DOT (read back by Graphviz's dot); standard
# input and output work; a failed render writes nothing and leaves an
# existing file as it was. Prints "ok ..." or "FAIL ..." per check and a
# last line "outputs: P passed, F failed".
set -u
bin=$1
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$tmp/err" ] && sed 's/^/     /' "$tmp/err" | head -20; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }

size_of() { wc -c <"$1" | tr -d ' '; }
is_png() {
    [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
        [ "$(size_of "$1")" -gt 2000 ]
}
png_width() { od -An -j16 -N4 -tu1 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}'; }
is_pdf() {
    [ "$(head -c 5 "$1")" = "%PDF-" ] && tail -c 32 "$1" | grep -q '%%EOF' &&
        [ "$(size_of "$1")" -gt 1000 ]
}
is_svg() { xmllint --noout "$1" 2>"$tmp/err" && grep -q '<svg' "$1"; }
is_dot() { dot -Tcanon "$1" >/dev/null 2>"$tmp/err"; }

for doc in "$top"/graphs/*.json; do
    stem=$(basename "$doc" .json)
    case $stem in *.schema) continue ;; esac
    out=$tmp/$stem
    if "$bin" render "$doc" -o "$out.svg" -o "$out.png" -o "$out.pdf" -o "$out.dot" 2>"$tmp/err"; then
        ok "$stem renders to four formats"
    else
        bad "$stem renders to four formats"
        continue
    fi
    check "$stem.svg parses as XML" is_svg "$out.svg"
    check "$stem.png is a PNG" is_png "$out.png"
    check "$stem.pdf is a PDF" is_pdf "$out.pdf"
    check "$stem.dot reads back into dot" is_dot "$out.dot"
    check "$stem renders without warnings" test ! -s "$tmp/err"
done

opm=$top/graphs/opm-2015.json
min=$top/graphs/minimal.json

# The title is drawn; labels are the actors' names.
check "svg holds title and names" grep -q 'Guo Shengkun' "$tmp/opm-2015.svg"
# PNG resolution: 150 dpi by default, --dpi changes it in proportion.
"$bin" render "$min" -o "$tmp/a.png" 2>"$tmp/err"
"$bin" render "$min" -o "$tmp/b.png" --dpi 300 2>"$tmp/err"
wa=$(png_width "$tmp/a.png"); wb=$(png_width "$tmp/b.png")
check "--dpi 300 doubles the PNG's width ($wa -> $wb)" \
    test $((wb * 100 / wa)) -ge 195 -a $((wb * 100 / wa)) -le 205

# Standard input and standard output.
"$bin" render - -T svg <"$min" >"$tmp/stdin.svg" 2>"$tmp/err"
check "stdin to stdout (svg)" is_svg "$tmp/stdin.svg"
"$bin" render - -T png <"$min" >"$tmp/stdin.png" 2>"$tmp/err"
check "stdin to stdout (png)" is_png "$tmp/stdin.png"
"$bin" render "$min" -T dot >"$tmp/stdout.dot" 2>"$tmp/err"
check "stdout dot reads back" is_dot "$tmp/stdout.dot"
"$bin" render "$min" -o "$tmp/both.svg" -T svg >"$tmp/both-stdout.svg" 2>"$tmp/err"
check "-o and -T together give the same SVG" cmp -s "$tmp/both.svg" "$tmp/both-stdout.svg"

# A failed render writes nothing and keeps what was there.
printf '<svg>good</svg>\n' >"$tmp/keep.svg"
cp "$tmp/keep.svg" "$tmp/keep.orig"
printf '{"actors": [{"id": "a"}], "links": [{"from": "a", "to": "b"}]}' >"$tmp/bad.json"
"$bin" render "$tmp/bad.json" -o "$tmp/keep.svg" -o "$tmp/new.png" 2>"$tmp/err"
st=$?
check "bad input exits 1" test $st -eq 1
check "bad input leaves the existing SVG byte for byte" cmp -s "$tmp/keep.svg" "$tmp/keep.orig"
check "bad input creates no new file" test ! -e "$tmp/new.png"
"$bin" render "$min" -o "$tmp/keep.svg" -o "$tmp/no-such-dir/x.png" 2>"$tmp/err"
st=$?
check "unwritable output exits 3" test $st -eq 3
check "unwritable output leaves the other output alone" cmp -s "$tmp/keep.svg" "$tmp/keep.orig"
check "no temporary files are left" test "$(ls -A "$tmp" | grep -c '\.tmp')" -eq 0
if [ -w /dev/full ]; then
    "$bin" render "$min" -T svg >/dev/full 2>"$tmp/err"
    st=$?
    check "a full disk on stdout exits 3" test $st -eq 3
    check "a full disk is reported" grep -q 'No space left' "$tmp/err"
    "$bin" render "$min" -o /dev/full 2>"$tmp/err"
    check "-o /dev/full is a usage error (no extension)" test $? -eq 2
else
    echo "skip /dev/full checks: /dev/full is not writable here"
fi

# fmt: the examples are kept canonical; -w leaves a broken file alone and
# gives text that formats to itself.
"$bin" fmt --check "$opm" "$min" 2>"$tmp/err"
check "the examples are formatted (relgraph fmt --check)" test $? -eq 0
"$bin" check "$top"/graphs/*.json 2>"$tmp/err"
check "relgraph check graphs/*.json passes (a schema there is skipped)" test $? -eq 0
cp "$tmp/bad.json" "$tmp/bad-copy.json"
"$bin" fmt -w "$tmp/bad-copy.json" 2>"$tmp/err"
st=$?
check "fmt -w of a broken file exits 1" test $st -eq 1
check "fmt -w leaves a broken file byte for byte" cmp -s "$tmp/bad.json" "$tmp/bad-copy.json"
printf '{"links": [], "actors": [{"note": "\\u00e9 \\/", "id": "a"}], "relgraph": 1}' >"$tmp/fmt.json"
cp "$tmp/fmt.json" "$tmp/fmt.orig"
"$bin" fmt -w "$tmp/fmt.json" 2>"$tmp/err"
check "fmt -w rewrites an unformatted file" test $? -eq 0 -a -n "$(cmp "$tmp/fmt.json" "$tmp/fmt.orig" 2>&1)"
check "fmt -w keeps escapes as written" grep -q '"\\u00e9 \\/"' "$tmp/fmt.json"
"$bin" fmt "$tmp/fmt.json" >"$tmp/fmt2.json" 2>"$tmp/err"
check "fmt is idempotent" cmp -s "$tmp/fmt.json" "$tmp/fmt2.json"
"$bin" fmt "$opm" >"$tmp/opm-fmt.json" 2>"$tmp/err"
check "fmt of the OPM example changes nothing" cmp -s "$opm" "$tmp/opm-fmt.json"

# Batch mode: one process, every document, past a bad one.
mkdir -p "$tmp/batch"
"$bin" render --outdir "$tmp/batch" -T svg -T dot "$min" "$tmp/bad.json" "$opm" 2>"$tmp/err"
st=$?
check "batch with a bad document exits 1" test $st -eq 1
check "batch reports the bad document" grep -q 'bad.json:1:' "$tmp/err"
check "batch renders the good documents to each format" \
    test -s "$tmp/batch/minimal.svg" -a -s "$tmp/batch/minimal.dot" -a \
    -s "$tmp/batch/opm-2015.svg" -a -s "$tmp/batch/opm-2015.dot"
check "batch writes nothing for the bad document" test ! -e "$tmp/batch/bad.svg"
check "batch SVG equals a single render's" cmp -s "$tmp/batch/minimal.svg" "$tmp/both.svg"

echo "outputs: $pass passed, $fail failed"
[ $fail = 0 ]
