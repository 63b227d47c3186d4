# relgraph diff on hostile pairs: every actor renamed, hundreds of
# thousands of links with one key, a link citing tens of thousands of
# sources, a name shared by two actors (no rename guessed): linear time,
# no crash, the right verdict. Sourced by tests/hostile.sh ($bin, $tmp,
# ok, bad, check, expect).

n=${HOSTILE_BIG:-200000}
[ "$n" -gt 100000 ] && n=100000
# every id changed, every name kept: each actor is a renamed one, and
# the links between them match through the renames
for side in old new; do
    awk -v n="$n" -v p="$side" 'BEGIN { printf "{\"actors\": ["
        for (i = 0; i < n; i++) printf "%s{\"id\": \"%s%d\", \"name\": \"Actor %d\"}", i ? ", " : "", p, i, i
        printf "], \"links\": ["
        for (i = 1; i < n; i++) printf "%s{\"from\": \"%s%d\", \"to\": \"%s%d\", \"label\": \"x\"}", (i > 1) ? ", " : "", p, i - 1, p, i
        printf "]}\n" }' >"$tmp/renamed-$side.json"
done
start=$(date +%s)
expect "diff: $n actors all renamed: exit 1" 1 "" \
    timeout 60 "$bin" diff "$tmp/renamed-old.json" "$tmp/renamed-new.json"
check "diff: each reported as renamed, no link changed" \
    sh -c "test \$(grep -c '(renamed)' '$tmp/out') -eq $n && test \$(grep -c '^~ link\\|^+ link\\|^- link' '$tmp/out') -eq 0"
echo "     ($n renamed actors: $(($(date +%s) - start)) s)"

# 200,000 links with one key on each side (HOSTILE_BIG's count when it is
# smaller: make check's 20,000, as the sanitizers took 57 s of the 60
# for 200,000 on an idle machine): paired in order, in linear time
m=${HOSTILE_BIG:-200000}
[ "$m" -gt 200000 ] && m=200000
for s in 0 1; do
    awk -v s="$s" -v m="$m" 'BEGIN {
        printf "{\"actors\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": ["
        for (i = 0; i < m; i++)
            printf "%s{\"from\": \"a\", \"to\": \"b\", \"label\": \"x\", \"status\": \"%s\"}", i ? ", " : "", (s && i == m - 1) ? "denied" : "alleged"
        printf "]}\n" }' >"$tmp/same-$s.json"
done
start=$(date +%s)
expect "diff: $m links with one key: exit 1" 1 "" \
    timeout 60 "$bin" diff "$tmp/same-0.json" "$tmp/same-1.json"
check "diff: only the last of them changed" \
    test "$(cat "$tmp/out")" = '~ link "a" → "b" "x": status: "alleged" → "denied"'
echo "     ($m links with one key: $(($(date +%s) - start)) s)"

# a link citing 50,000 sources, in the other order on the other side,
# plus one: one change, not 50,000 squared comparisons
for s in 0 1; do
    awk -v s="$s" 'BEGIN {
        m = s ? 50001 : 50000
        printf "{\"sources\": ["
        for (i = 0; i < m; i++) printf "%s{\"id\": \"s%d\"}", i ? ", " : "", i
        printf "], \"actors\": [{\"id\": \"a\"}], \"links\": [{\"from\": \"a\", \"to\": \"a\", \"source\": ["
        for (i = 0; i < m; i++) printf "%s\"s%d\"", i ? ", " : "", s ? m - 1 - i : i
        printf "]}]}\n" }' >"$tmp/many-$s.json"
done
expect "diff: a link citing 50,000 sources, reordered: exit 1" 1 "" \
    timeout 30 "$bin" diff "$tmp/many-0.json" "$tmp/many-1.json"
check "diff: one source added to the document and the link" \
    sh -c "test \$(wc -l <'$tmp/out') -eq 2 && grep -q 'source + \"s50000\"' '$tmp/out'"

# a name that two new actors share is no proof of a rename
printf '{"actors": [{"id": "x", "name": "Twin"}]}\n' >"$tmp/twin-old.json"
printf '{"actors": [{"id": "y", "name": "Twin"}, {"id": "z", "name": "Other", "aliases": ["Twin"]}]}\n' >"$tmp/twin-new.json"
expect "diff: a shared name: removed and added, not renamed" 1 "" \
    "$bin" diff "$tmp/twin-old.json" "$tmp/twin-new.json"
check "diff: no rename guessed from a shared name" \
    sh -c "! grep -q renamed '$tmp/out' && grep -q '^- actor \"x\"' '$tmp/out'"
