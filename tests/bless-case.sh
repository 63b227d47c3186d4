#!/bin/sh
# Records what relgraph does now as the expectation of one CLI case:
#   sh tests/bless-case.sh BIN tests/cases/NAME
# The run happens as tests/run-cases.sh runs it, in a copy of the folder in
# a temporary directory; this writes expected-stderr and expected-status,
# expected-stdout when the run printed something or the file exists (not
# when the case has a check script, which judges the output itself), and
# expected-files when that file exists. It does not run the check script.
# Read the files it writes before you commit them: a case is only worth
# its expected output.
set -eu
export LC_ALL=C
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" && pwd)
[ -f "$dir/args" ] || { echo "$dir has no args file" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files() { (cd "$1" && find . ! -type d | sed 's|^\./||' | sort); }
run=$tmp/run/$(basename "$dir")
mkdir -p "$tmp/run"
cp -a "$dir" "$run"
files "$run" >"$tmp/had"
set +e
(
    cd "$run" || exit 99
    input=/dev/null
    [ -f stdin ] && input=stdin
    eval "NO_COLOR=1 \"$bin\" $(cat args)" <"$input" >"$tmp/out" 2>"$dir/expected-stderr"
    echo $? >"$dir/expected-status"
)
set -e
if [ -f "$dir/expected-stdout" ] || { [ -s "$tmp/out" ] && [ ! -f "$dir/check" ]; }; then
    cp "$tmp/out" "$dir/expected-stdout"
fi
if [ -f "$dir/expected-files" ]; then
    files "$run" | comm -13 "$tmp/had" - >"$dir/expected-files"
    echo "created:"
    sed 's/^/  /' "$dir/expected-files"
fi
cat "$dir/expected-stderr"
echo "status $(cat "$dir/expected-status")"
