#!/bin/sh
# Hostile and malformed input: generated here (too big to keep as files),
# each must give a clear diagnostic or a correct chart, never a crash,
# a sanitizer report or a partial file. Text that looks like markup or
# Graphviz escapes must come out literally in every format.
#
# The checks live in tests/hostile/*.sh, one file per concern, sourced
# here in name order with these helpers defined. Prints "ok ..."/"FAIL ..."
# and a last line "hostile: P passed, F failed, S skipped".
#   HOSTILE_BIG=N   actors in the "one million actors" document
#                   (default 1000000; make check uses fewer)
#   HOSTILE_MEM_MB=N  memory cap of every command here (default 2048):
#                   under ASan (HOSTILE_ASAN=1, or a binary under
#                   build/asan) through ASAN_OPTIONS=hard_rss_limit_mb,
#                   since ASan reserves terabytes of address space;
#                   otherwise with ulimit -v
set -u
bin=$1
mem=${HOSTILE_MEM_MB:-2048}
case ${HOSTILE_ASAN:-}:$bin in
1:* | *asan/*)
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=$mem"
    export ASAN_OPTIONS
    echo "memory cap: ASAN_OPTIONS=hard_rss_limit_mb=$mem" ;;
*)
    ulimit -v $((mem * 1024)) && echo "memory cap: ulimit -v $((mem * 1024))" ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; sed 's/^/     /' "$tmp/err" | head -10; }
# skipped NAME REASON: a check that could not run here, and why
skipped() { skip=$((skip + 1)); printf 'skip %s: %s\n' "$1" "$2"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# exit status is the expected one and stderr says what is wrong
expect() {
    name=$1 want=$2 pattern=$3
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ $st -eq "$want" ] && { [ -z "$pattern" ] || grep -q -- "$pattern" "$tmp/err"; }; then
        ok "$name"
    else
        echo "     (exit $st, expected $want; stderr should match '$pattern')" >>"$tmp/err"
        bad "$name"
    fi
}
# repeat STRING N: STRING N times, without a shell loop per copy
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

for part in "$here"/hostile/*.sh; do
    echo "-- $(basename "$part")"
    # shellcheck disable=SC1090
    . "$part"
done

echo "hostile: $pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
