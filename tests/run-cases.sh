#!/bin/sh
# Data-driven CLI cases: each folder of tests/cases holds
#   args              the arguments of one relgraph run (shell words)
#   stdin             optional: fed to standard input
#   expected-stderr   the exact diagnostics, positions included
#   expected-status   the exit status
#   expected-stdout   optional: the exact standard output
# The run happens inside the folder, so file names in diagnostics are the
# folder's own. Prints "ok NAME" or "FAIL NAME" with a diff, and a last
# line "cases: P passed, F failed".
set -u
bin=$1
root=$(cd "$(dirname "$0")/cases" && pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$root"/*/; do
    name=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    (
        cd "$dir" || exit 99
        # shellcheck disable=SC2046
        if [ -f stdin ]; then
            eval "NO_COLOR=1 \"$bin\" $(cat args)" <stdin >"$tmp/out" 2>"$tmp/err"
        else
            eval "NO_COLOR=1 \"$bin\" $(cat args)" </dev/null >"$tmp/out" 2>"$tmp/err"
        fi
        echo $? >"$tmp/status"
    )
    ok=1
    want=$(cat "$dir/expected-status")
    got=$(cat "$tmp/status")
    if [ "$want" != "$got" ]; then
        echo "FAIL $name: exit status $got, expected $want"
        ok=0
    fi
    if ! diff -u "$dir/expected-stderr" "$tmp/err" >"$tmp/diff"; then
        echo "FAIL $name: stderr differs"
        cat "$tmp/diff"
        ok=0
    fi
    if [ -f "$dir/expected-stdout" ] && ! diff -u "$dir/expected-stdout" "$tmp/out" >"$tmp/diff"; then
        echo "FAIL $name: stdout differs"
        cat "$tmp/diff"
        ok=0
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
        echo "ok   $name"
    else
        fail=$((fail + 1))
    fi
done
echo "cases: $pass passed, $fail failed"
[ $fail = 0 ]
