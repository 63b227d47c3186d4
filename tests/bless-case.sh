#!/bin/sh
# Records what relgraph does now as the expectation of one CLI case:
#   sh tests/bless-case.sh BIN tests/cases/NAME
# Read the files it writes before you commit them: a case is only worth
# its expected output.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$2"
set +e
if [ -f stdin ]; then
    eval "NO_COLOR=1 \"$bin\" $(cat args)" <stdin >expected-stdout.new 2>expected-stderr
else
    eval "NO_COLOR=1 \"$bin\" $(cat args)" </dev/null >expected-stdout.new 2>expected-stderr
fi
echo $? >expected-status
set -e
if [ -s expected-stdout.new ] || [ -f expected-stdout ]; then
    mv expected-stdout.new expected-stdout
else
    rm -f expected-stdout.new
fi
cat expected-stderr
echo "status $(cat expected-status)"
