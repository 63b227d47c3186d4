#!/bin/sh
# CSV import: tables written by another writer (Python's csv module,
# RFC 4180 quoting, CRLF rows) read back value for value, with an actors
# and a sources table; the diagnostics are CLI cases (tests/cases/
# import-csv-*).
#   sh tests/import/csv.sh BIN
# Prints "ok NAME", "FAIL NAME: WHY", "skip NAME: REASON" and a last line
# "csv: P passed, F failed, S skipped".
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! command -v python3 >/dev/null 2>&1; then
    echo "skip csv round trip: python3 is not installed"
    echo "csv: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
if why=$(python3 "$top/tests/import/csv_roundtrip.py" "$bin" "$tmp" 2>&1); then
    echo "ok   csv round trip: $why"
    echo "csv: 1 passed, 0 failed, 0 skipped"
else
    echo "FAIL csv round trip: $why"
    echo "csv: 0 passed, 1 failed, 0 skipped"
    exit 1
fi
