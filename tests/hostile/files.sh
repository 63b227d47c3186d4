# Files keep what they had, and batch outputs never collide. Sourced by
# tests/hostile.sh, which defines $bin, $tmp and the helpers ok, bad,
# check, expect and repeat.

fd="$tmp/files"
mkdir -p "$fd"
printf '{"actors": [{"id": "a"}]}\n' >"$fd/doc.json"
printf '{"actors":[{"id":"a"}]}\n' >"$fd/ugly.json"

# A replaced file keeps its mode (0600 stays 0600, not the umask's 0644).
"$bin" render "$fd/doc.json" -o "$fd/m.svg" 2>"$tmp/err" && chmod 600 "$fd/m.svg"
"$bin" render "$fd/doc.json" -o "$fd/m.svg" 2>"$tmp/err"
check "a replaced 0600 chart stays 0600" test "$(stat -c %a "$fd/m.svg")" = 600
cp "$fd/ugly.json" "$fd/m.json" && chmod 600 "$fd/m.json"
"$bin" fmt -w "$fd/m.json" 2>"$tmp/err"
check "fmt -w keeps 0600" test "$(stat -c %a "$fd/m.json")" = 600 -a "$(wc -l <"$fd/m.json")" -gt 1

# A symbolic link is written through: it stays a link, its target changes.
echo old >"$fd/real.svg"
ln -s real.svg "$fd/link.svg"
"$bin" render "$fd/doc.json" -o "$fd/link.svg" 2>"$tmp/err"
check "a symlinked chart stays a link" test -L "$fd/link.svg"
check "the link's target gets the chart" grep -q '<svg' "$fd/real.svg"
ln -s made.svg "$fd/dangling.svg"
"$bin" render "$fd/doc.json" -o "$fd/dangling.svg" 2>"$tmp/err"
check "a dangling link's target is created, the link kept" \
    test -L "$fd/dangling.svg" -a -s "$fd/made.svg"
mkdir -p "$fd/sub"
cp "$fd/ugly.json" "$fd/sub/target.json"
ln -s sub/target.json "$fd/tolink.json"
"$bin" fmt -w "$fd/tolink.json" 2>"$tmp/err"
check "fmt -w through a relative link into another folder" \
    test -L "$fd/tolink.json" -a "$(wc -l <"$fd/sub/target.json")" -gt 1
ls -A "$fd/sub" >"$tmp/err"
check "no temporary left beside the link's target" test "$(ls -A "$fd/sub")" = target.json

# A read-only file is not replaced, even by root, unless --force.
echo old >"$fd/ro.svg" && chmod 444 "$fd/ro.svg"
expect "a read-only chart is refused, naming --force" 3 "ro.svg: error: read-only file (mode 0444); not replaced; use --force" \
    "$bin" render "$fd/doc.json" -o "$fd/ro.svg"
check "the read-only chart is unchanged" test "$(cat "$fd/ro.svg")" = old
expect "--force replaces a read-only chart" 0 "" "$bin" render "$fd/doc.json" -o "$fd/ro.svg" --force
check "the forced chart is new and still 0444" grep -q '<svg' "$fd/ro.svg"
check "the forced chart keeps mode 0444" test "$(stat -c %a "$fd/ro.svg")" = 444
cp "$fd/ugly.json" "$fd/ro.json" && chmod 444 "$fd/ro.json"
expect "fmt -w refuses a read-only file" 3 "read-only file" "$bin" fmt -w "$fd/ro.json"
check "the read-only document is unchanged" cmp -s "$fd/ugly.json" "$fd/ro.json"
expect "fmt -w --force rewrites it" 0 "" "$bin" fmt -w --force "$fd/ro.json"
check "the forced document is formatted" test "$(wc -l <"$fd/ro.json")" -gt 1
echo old >"$fd/ro2.svg" && chmod 444 "$fd/ro2.svg"
"$bin" render "$fd/doc.json" -o "$fd/new.svg" -o "$fd/ro2.svg" 2>"$tmp/err"
check "with a read-only output, no other output is written" test ! -e "$fd/new.svg"

# Hard links: the file is replaced whole, and the user is told that the
# other names keep the old content.
echo old >"$fd/h1.svg" && ln "$fd/h1.svg" "$fd/h2.svg"
expect "a hard-linked chart is replaced with a warning" 0 "h1.svg: warning: had 2 hard links; only this name has the new content" \
    "$bin" render "$fd/doc.json" -o "$fd/h1.svg"
check "the hard-linked chart is new, its other name old" \
    test "$(cat "$fd/h2.svg")" = old -a "$(grep -c '<svg' "$fd/h1.svg")" = 1

# A long name that the file system takes works (the temporary is short).
long=$(repeat x 250)
expect "a 254-character file name works" 0 "" "$bin" render "$fd/doc.json" -o "$fd/$long.svg"
check "the long-named chart is written" test -s "$fd/$long.svg"
cp "$fd/ugly.json" "$fd/$(repeat y 250).json"
expect "fmt -w on a 255-character name" 0 "" "$bin" fmt -w "$fd/$(repeat y 250).json"

# Owner and group are kept (when root can set them).
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    grp=$(id -gn nobody)
    echo old >"$fd/own.svg" && chown "nobody:$grp" "$fd/own.svg"
    "$bin" render "$fd/doc.json" -o "$fd/own.svg" 2>"$tmp/err"
    check "a replaced chart keeps owner and group" \
        test "$(stat -c %U:%G "$fd/own.svg")" = "nobody:$grp"
    cp "$fd/ugly.json" "$fd/own.json" && chown "nobody:$grp" "$fd/own.json"
    "$bin" fmt -w "$fd/own.json" 2>"$tmp/err"
    check "fmt -w keeps owner and group" \
        test "$(stat -c %U:%G "$fd/own.json")" = "nobody:$grp"
else
    skipped "owner and group kept" "needs root and a user nobody"
fi
ls -A "$fd" | grep '^\.rg' >"$tmp/err"
check "no temporary file left behind" test ! -s "$tmp/err"

# Batch outputs that would be the same file: an error before any is
# written; an empty --outdir is refused rather than taken as /.
mkdir -p "$fd/a" "$fd/b" "$fd/bd"
cp "$fd/doc.json" "$fd/a/doc.json"
cp "$fd/doc.json" "$fd/b/doc.json"
expect "two inputs to one batch output are refused" 2 "'$fd/a/doc.json' and '$fd/b/doc.json' would both be written to '$fd/bd/doc.svg'" \
    "$bin" render --outdir "$fd/bd" "$fd/a/doc.json" "$fd/ugly.json" "$fd/b/doc.json"
check "nothing written when batch outputs collide" test -z "$(ls -A "$fd/bd")"
expect "the same format twice in a batch is one output" 0 "" \
    "$bin" render --outdir "$fd/bd" -T svg -T svg "$fd/a/doc.json"
expect "one output named twice with -o is written once" 0 "" \
    "$bin" render "$fd/doc.json" -o "$fd/twice.svg" -o "$fd/twice.svg"
expect "--outdir '' is refused" 2 "--outdir needs a folder" \
    "$bin" render --outdir "" "$fd/doc.json"

# Names with terminal escapes, a right-to-left override or bytes that are
# not UTF-8 are shown escaped in text diagnostics and keep the JSON
# diagnostics valid.
printf '{"actors": [{"id": "a", "kind": "nokind"}]}\n' >"$fd/bad.json"
esc=$(printf 'e\033[2Jx.json')
rlo=$(printf 'r\342\200\256nosj.txt.json')
ff=$(printf '\377.json')
for name in "$esc" "$rlo" "$ff"; do cp "$fd/bad.json" "$fd/$name"; done
"$bin" check "$fd/$esc" 2>"$tmp/err"
check "an ESC in a file name is shown as \\x1b" grep -q 'e\\x1b\[2Jx\.json:1:' "$tmp/err"
check "no raw ESC in text diagnostics" test "$(tr -cd '\033' <"$tmp/err" | wc -c)" = 0
"$bin" check "$fd/$rlo" 2>"$tmp/err"
check "U+202E in a file name is shown as \\u202e" grep -q 'r\\u202enosj' "$tmp/err"
"$bin" check "$fd/$ff" 2>"$tmp/err"
check "a byte not UTF-8 in a file name is shown as \\xff" grep -q '/\\xff\.json:1:' "$tmp/err"
for label in esc rlo ff; do
    eval "name=\$$label"
    "$bin" check --diagnostics=json "$fd/$name" 2>"$tmp/err"
    check "JSON diagnostics are valid UTF-8 JSON, nothing raw ($label)" \
        python3 -c 'import json,sys; t=open(sys.argv[1],"rb").read().decode("utf-8"); json.loads(t); assert "\033" not in t and "\u202e" not in t' "$tmp/err"
done
"$bin" check --diagnostics=json "$fd/$ff" 2>"$tmp/err"
check "a byte not UTF-8 becomes U+FFFD in JSON" grep -q '\\ufffd\.json' "$tmp/err"
expect "a usage error shows an escape in an argument escaped" 2 "unknown engine 'x\\\\x1b\[2J'" \
    "$bin" render "$fd/doc.json" -T svg --engine "$(printf 'x\033[2J')"

# SOURCE_DATE_EPOCH: a valid one is the PDF's date; a malformed one is an
# error (as reproducible-builds.org asks), never a garbage date.
SOURCE_DATE_EPOCH=86400 "$bin" render "$fd/doc.json" -o "$fd/sde.pdf" 2>"$tmp/err"
check "SOURCE_DATE_EPOCH=86400 dates the PDF 1970-01-02" grep -aq '/CreationDate (D:19700102000000' "$fd/sde.pdf"
SOURCE_DATE_EPOCH=253402300799 "$bin" render "$fd/doc.json" -o "$fd/sde.pdf" 2>"$tmp/err"
check "SOURCE_DATE_EPOCH at the end of 9999 is kept" grep -aq '/CreationDate (D:99991231235959' "$fd/sde.pdf"
for v in 99999999999999999999 -1 1e3 garbage ' 86400' 253402300800; do
    rm -f "$fd/sde.pdf"
    expect "SOURCE_DATE_EPOCH='$v' is refused" 2 "SOURCE_DATE_EPOCH must be whole seconds" \
        env SOURCE_DATE_EPOCH="$v" "$bin" render "$fd/doc.json" -o "$fd/sde.pdf"
    check "no PDF written with SOURCE_DATE_EPOCH='$v'" test ! -e "$fd/sde.pdf"
done
expect "a malformed SOURCE_DATE_EPOCH does not matter without a PDF" 0 "" \
    env SOURCE_DATE_EPOCH=garbage "$bin" render "$fd/doc.json" -o "$fd/sde.svg"

expect "the same input twice in a batch (by another name too) is allowed" 0 "" \
    "$bin" render --outdir "$fd/bd" "$fd/a/doc.json" "$fd/a/doc.json" "$fd/a/../a/doc.json"
