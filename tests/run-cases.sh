#!/bin/sh
# Data-driven CLI cases. Each folder of tests/cases is one run of relgraph:
#   args              the arguments (shell words; a redirection such as
#                     >/dev/null may follow them)
#   expected-status   the exit status
#   expected-stderr   the exact diagnostics, positions included
#   stdin             optional: fed to standard input (else /dev/null)
#   expected-stdout   optional: the exact standard output
#   expected-files    optional: the files the run creates, one a line, as
#                     `find` names them without "./", sorted (LC_ALL=C);
#                     an empty file means the run creates none
#   check             optional: a shell script, run with sh in the run's
#                     folder after the run, with RELGRAPH (the binary),
#                     CASE_STDOUT and CASE_STDERR (files outside the folder
#                     holding what the run printed) in its environment.
#                     Exit 0 passes, 77 skips (its last line of output
#                     says why, e.g. "xmllint is not installed"), anything
#                     else fails and shows its output.
# A folder without args, expected-status or expected-stderr is a failure.
#
# Each case runs in a copy of its folder, of the same name, in a fresh
# temporary directory: file names in diagnostics are the folder's own, and
# a render gone wrong cannot write into tests/cases. After the run the
# source folder must hold what it held before.
#
# To add a case: make the folder with args and its inputs, run
#   sh tests/bless-case.sh build/relgraph tests/cases/NAME
# and read what it wrote before committing it.
#
# Prints "ok NAME", "FAIL NAME: WHY" (with a diff), "skip NAME: REASON",
# and a last line "cases: P passed, F failed, S skipped".
set -u
export LC_ALL=C
# the crash fixtures (tests/cases/graphviz-crash*) crash their layout on
# purpose: see crash_if_asked in src/job.c
export RELGRAPH_TEST_CRASH=relgraph-test-crash
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
root=$(cd "$(dirname "$0")/cases" && pwd)
pass=0
fail=0
skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# files DIR: every file and link under DIR, by relative name, sorted
files() { (cd "$1" && find . ! -type d | sed 's|^\./||' | sort); }
# snapshot DIR: the names and checksums of everything under DIR
snapshot() { (cd "$1" && find . | sort && find . -type f -exec cksum {} + | sort); }

for dir in "$root"/*/; do
    dir=${dir%/}
    name=$(basename "$dir")
    missing=""
    for f in args expected-status expected-stderr; do
        [ -f "$dir/$f" ] || missing="$missing $f"
    done
    if [ -n "$missing" ]; then
        fail=$((fail + 1))
        echo "FAIL $name: the case folder has no$missing"
        continue
    fi
    snapshot "$dir" >"$tmp/before"
    run=$tmp/run/$name
    rm -rf "$tmp/run"
    mkdir -p "$tmp/run"
    cp -a "$dir" "$run"
    files "$run" >"$tmp/had"
    (
        cd "$run" || exit 99
        input=/dev/null
        [ -f stdin ] && input=stdin
        eval "NO_COLOR=1 \"$bin\" $(cat args)" <"$input" >"$tmp/out" 2>"$tmp/err"
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
    if [ -f "$dir/expected-files" ]; then
        files "$run" | comm -13 "$tmp/had" - >"$tmp/made"
        if ! diff -u "$dir/expected-files" "$tmp/made" >"$tmp/diff"; then
            echo "FAIL $name: the files it created differ from expected-files"
            cat "$tmp/diff"
            ok=0
        fi
    fi
    skipped=""
    if [ -f "$dir/check" ]; then
        (cd "$run" && RELGRAPH=$bin CASE_STDOUT=$tmp/out CASE_STDERR=$tmp/err \
            sh ./check) >"$tmp/check" 2>&1
        st=$?
        if [ $st -eq 77 ]; then
            skipped=$(tail -n 1 "$tmp/check")
            skipped=${skipped:-its check gave no reason}
        elif [ $st -ne 0 ]; then
            echo "FAIL $name: its check failed (exit status $st)"
            sed 's/^/     /' "$tmp/check"
            ok=0
        fi
    fi
    if ! snapshot "$dir" | cmp -s "$tmp/before" -; then
        echo "FAIL $name: the run changed its source folder"
        snapshot "$dir" | diff -u "$tmp/before" - | sed 's/^/     /'
        ok=0
    fi
    if [ $ok = 0 ]; then
        fail=$((fail + 1))
    elif [ -n "$skipped" ]; then
        skip=$((skip + 1))
        echo "skip $name: $skipped"
    else
        pass=$((pass + 1))
        echo "ok   $name"
    fi
done
echo "cases: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
