#!/bin/sh
# relgraph watch without --serve, saving as editors do: a good save in
# place, a bad one, a fixed one by writing a new file and renaming it
# over the document (vim, VS Code), each checked in the outputs and in
# the terminal's lines; a bad save leaves every output as it was; a
# burst of writes makes one build; Ctrl-C ends it with status 0; saves
# that come while a build reads the document are built, not failed; the
# command lines it refuses.
#
#   sh tests/watch/run.sh path/to/relgraph
#
# Prints "ok NAME" or "FAIL NAME" per check, then "N passed, N failed".
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d)
. "$top/tests/watch/lib.sh"

cp "$top/graphs/minimal.json" "$dir/doc.json"
start_watch doc.json -o out.svg -o out.png
check "first build" "$(t wait_lines 1)"
check "first build writes both outputs" "$(t test -s "$dir/out.svg" -a -s "$dir/out.png")"
check "first build line" "$(t grep -qE '^relgraph: [0-9]{2}:[0-9]{2}:[0-9]{2} built in [0-9.]+ s: first build; [0-9]+ warnings?$' "$dir/watch.err")"

# In place: the same file, rewritten (sed -i would rename: use >).
sed 's/"Alcoa"/"Alcoa Renamed"/' "$dir/doc.json" >"$dir/tmp" && cat "$dir/tmp" >"$dir/doc.json"
check "good save in place builds" "$(t wait_lines 2)"
check "good save in place rewrites the SVG" "$(t grep -q 'Alcoa Renamed' "$dir/out.svg")"
check "what changed is said" "$(t grep -q 'built in .* s: 1 actor changed' "$dir/watch.err")"

cp "$dir/out.svg" "$dir/keep.svg"
cp "$dir/out.png" "$dir/keep.png"
sed 's/"actors"/"actorz"/' "$dir/tmp" >"$dir/doc.json"
check "bad save builds and fails" "$(t wait_lines 3)"
check "bad save: a failed line" "$(t grep -qE '^relgraph: [0-9:]+ failed: 1 error, 0 warnings; outputs kept$' "$dir/watch.err")"
check "bad save: the diagnostic with line and column" "$(t grep -qE '^doc.json:[0-9]+:[0-9]+: error: unknown key "actorz".*did you mean "actors"\?' "$dir/watch.err")"
check "bad save leaves the SVG" "$(t cmp "$dir/out.svg" "$dir/keep.svg")"
check "bad save leaves the PNG" "$(t cmp "$dir/out.png" "$dir/keep.png")"

# By rename, as vim and VS Code save.
sed 's/"Alcoa"/"Alcoa Fixed"/' "$top/graphs/minimal.json" >"$dir/new.json"
mv "$dir/new.json" "$dir/doc.json"
check "fixed save by rename builds" "$(t wait_lines 4)"
check "fixed save by rename rewrites the SVG" "$(t grep -q 'Alcoa Fixed' "$dir/out.svg")"
check "fixed save: no leftover temporary files" "$(t test "$(ls "$dir" | grep -v -e '^doc.json$' -e '^out' -e '^keep' -e '^tmp$' -e '^watch')" = "")"

# A burst: ten writes 10 ms apart are one build. A burst settles after
# 60 ms without a write, so on a loaded machine, where the writes of
# this loop can come further apart, a burst may truly be two: such a
# try does not count, and the burst is tried again (up to 5 times).
ms() { echo $(($(date +%s%N) / 1000000)); }
try=0
while :; do
    try=$((try + 1))
    n=$(builds)
    gap=0
    last=$(ms)
    for i in 1 2 3 4 5 6 7 8 9 10; do
        sed "s/\"Alcoa\"/\"Alcoa $i\"/" "$top/graphs/minimal.json" >"$dir/doc.json"
        now=$(ms)
        [ $((now - last)) -gt $gap ] && gap=$((now - last))
        last=$now
        sleep 0.01
    done
    wait_lines $((n + 1)) && sleep 1.5
    [ $gap -lt 45 ] || [ $try -ge 5 ] && break
    echo "note: try $try of the burst: writes up to $gap ms apart, tried again"
done
if [ $gap -lt 45 ]; then
    check "a burst of ten writes is one build" "$(t test "$(builds)" -eq $((n + 1)))"
else
    echo "skip a burst of ten writes is one build: the machine kept writes $gap ms apart in 5 tries"
    skip=$((skip + 1))
fi
check "the burst's last write is drawn" "$(t grep -q 'Alcoa 10' "$dir/out.svg")"

# Another file of the folder changes: no build.
n=$(builds)
echo x >"$dir/other.json"
sleep 1
check "another file's change builds nothing" "$(t test "$(builds)" -eq "$n")"

stop_watch
check "Ctrl-C ends it with status 0 (was $wst)" "$(t test "$wst" = 0)"
check "and says so" "$(t grep -q '^relgraph: stopped$' "$dir/watch.err")"

# Saved again and again while each build reads the document: a 30 MB
# one, saved by rename every 0.1 s for 2 s. The render's worker reads
# the file again and refuses one that is not the file checked; such a
# build is no failure (it was 7 builds failed of 17 saves), and the last
# save is drawn.
big() {
    { printf '{\n  "title": "Save %s",\n  "description": "' "$1"
      head -c 30000000 /dev/zero | tr '\0' x
      printf '",\n'
      sed 1d "$top/graphs/minimal.json" | grep -v '"title"'; } >"$dir/$2"
}
big 0 doc.json
start_watch doc.json -o out.svg
wait_lines 1
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    big $i doc.new && mv "$dir/doc.new" "$dir/doc.json"
    sleep 0.1
done
i=0
while ! grep -q 'Save 20' "$dir/out.svg" 2>/dev/null && [ $i -lt 300 ]; do
    sleep 0.1
    i=$((i + 1))
done
check "saved while built: the last save is drawn" "$(t grep -q 'Save 20' "$dir/out.svg")"
check "saved while built: no build failed" "$(t test -z "$(grep ' failed: ' "$dir/watch.err")")"
stop_watch

# What it refuses.
"$bin" watch "$dir/doc.json" >/dev/null 2>"$dir/e1"
check "no -o and no --serve is a usage error" "$(t test $? = 2 -a -s "$dir/e1")"
"$bin" watch - -o "$dir/x.svg" >/dev/null 2>&1 </dev/null
check "standard input is refused" "$(t test $? = 2)"
"$bin" watch "$dir/doc.json" -T svg >/dev/null 2>&1
check "-T is refused" "$(t test $? = 2)"
"$bin" watch "$dir/doc.json" --serve 70000 >/dev/null 2>&1
check "--serve 70000 is refused" "$(t test $? = 2)"
"$bin" watch "$dir/doc.json" --depth 2 -o "$dir/x.svg" >/dev/null 2>&1
check "render's own checks apply (--depth without --focus)" "$(t test $? = 2)"

echo "watch: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
