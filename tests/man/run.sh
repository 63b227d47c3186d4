#!/bin/sh
# The man pages that make writes beside the binary: relgraph.1 names every
# option --help shows and no other, relgraph-format.5 every key of
# src/docfmt.def, and both pass lexgrog (the NAME line whatis reads) and
# `man --warnings` (groff's warnings) silently. Without man-db or groff
# those two checks are skipped.
#   sh tests/man/run.sh build/relgraph
set -u
bin=${1:-build/relgraph}
dir=$(dirname "$bin")
top=$(cd "$(dirname "$0")/../.." && pwd)
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for page in relgraph.1 relgraph-format.5; do
    [ -s "$dir/$page" ] || { bad "no $dir/$page (make writes it)"; continue; }
done
# The long options: --help's (the option lines, at the start of a line)
# against the man page's (each .TP heading's \fB\-\-name\fR).
"$bin" --help | grep -oE '^  (-[A-Za-z], |    )--[a-z-]+' |
    grep -oE -- '--[a-z-]+' | sort -u > "$tmp/help"
grep -A1 '^\.TP' "$dir/relgraph.1" | grep -oE '\\fB\\-\\-[a-z\\-]+\\fR' |
    sed -e 's/\\fB//' -e 's/\\fR//' -e 's/\\-/-/g' | sort -u > "$tmp/man"
if [ -s "$tmp/help" ] && cmp -s "$tmp/help" "$tmp/man"; then ok
else bad "relgraph.1 and --help differ in options:"; diff "$tmp/help" "$tmp/man"; fi
# Each command has its section.
for c in $("$bin" --help | sed -n '/^Commands:/,/^$/p' | grep -oE '^  [a-z]+'); do
    grep -q "^\.SS \"relgraph $c\"" "$dir/relgraph.1" && ok || bad "relgraph.1: no section for $c"
done
for s in NAME SYNOPSIS DESCRIPTION COMMANDS '"EXIT STATUS"' ENVIRONMENT FILES EXAMPLES '"SEE ALSO"'; do
    grep -q "^\.SH $s" "$dir/relgraph.1" && ok || bad "relgraph.1: no $s section"
done
# Every key of the format in relgraph-format(5).
sed -n 's/^RG_FMT_\(KEY\|MANY\|CHECK\) *([a-z]*, *"\([^"]*\)".*/\2/p' "$top/src/docfmt.def" |
    sort -u > "$tmp/keys"
missing=0
while read -r k; do
    grep -qF "\\fB\"$(printf '%s' "$k" | sed 's/-/\\-/g')\"\\fR" "$dir/relgraph-format.5" ||
        { bad "relgraph-format.5: no key $k"; missing=1; }
done < "$tmp/keys"
[ -s "$tmp/keys" ] && [ $missing -eq 0 ] && ok
# lexgrog and man --warnings, as lintian runs them
if command -v lexgrog >/dev/null 2>&1 && command -v man >/dev/null 2>&1 &&
   command -v groff >/dev/null 2>&1; then
    for page in relgraph.1 relgraph-format.5; do
        lexgrog "$dir/$page" >/dev/null 2>&1 && ok || bad "lexgrog finds no NAME in $page"
        w=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$dir/$page" 2>&1 >/dev/null)
        [ -z "$w" ] && ok || bad "man --warnings on $page: $w"
    done
else
    echo "skip man: no man-db or groff (sh .ci/install-deps test installs them)"
    skip=$((skip + 1))
fi
echo "man: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
