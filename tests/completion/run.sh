#!/bin/sh
# The bash completion (build/relgraph.bash, written from the option table):
# sourced in bash, driven through COMP_WORDS and COMP_CWORD as bash does it,
# its COMPREPLY checked: commands, options, option values, files by
# extension, and the actors of the document on the line for --focus, with
# names holding spaces, quotes and shell syntax completed as literal words
# (nothing run). Also: every option --help shows for render is completed.
#   sh tests/completion/run.sh build/relgraph
set -u
bin=$(cd "$(dirname "${1:-build/relgraph}")" && pwd)/$(basename "${1:-build/relgraph}")
here=$(cd "$(dirname "$0")" && pwd)
script=$(dirname "$bin")/relgraph.bash
if ! command -v bash >/dev/null 2>&1; then
    echo "skip completion: no bash"
    echo "completion: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
[ -f "$script" ] || { echo "FAIL no $script (make builds it)"; echo "completion: 0 passed, 1 failed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/doc.json" "$work/doc.json"
: > "$work/b.csv"; : > "$work/c.txt"; mkdir "$work/sub"
cd "$work" || exit 1
REL=$bin SCRIPT=$script HELP="$("$bin" --help)" bash --norc --noprofile <<'BASH'
source "$SCRIPT"
pass=0 fail=0
# complete WORD... : the line's words, the last being completed
complete_line() {
    COMP_WORDS=("$REL" "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMPREPLY=(); _relgraph
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
# expect "WANTED" WORD...
expect() {
    local want=$1; shift
    local got; got=$(complete_line "$@")
    if [[ $got == "$want" ]]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL relgraph $*<TAB>: got [$got], wanted [$want]"; fi
}
expect "check diff fmt import render schema watch" ""
expect "--help --version" --
expect "--theme --through-groups" render doc.json --th
expect "--theme" render doc.json --the
expect "dark light mono" render doc.json --theme ""
expect "dark" render doc.json --theme d
expect "dark light mono" render doc.json --theme = ""
expect "LR" render doc.json --direction L
expect "amber amber+strict" render doc.json --tlp am
expect "a4 letter" render doc.json --page ""
expect "b.csv doc.json sub" check ""
expect "b.csv sub" render doc.json --actors ""
expect "sub" render --outdir ""
expect "" render doc.json --dpi ""
# the actors of the document on the line, quoted as the shell reads them
obrien=$(printf '%q' "O'Brien's \$(touch pwned) \`touch pwned2\`")
expect "Deep\\ Panda $obrien Office\\ of\\ \\\"Personnel\\\"\\ Management deep-panda o-brien opm two-lines" render doc.json --focus ""
expect 'Deep\ Panda' render doc.json --focus De
expect '--serve' watch doc.json --se
expect 'Deep\ Panda' watch doc.json --focus De
expect '' watch doc.json --outd
expect 'deep-panda' render doc.json --focus d
expect 'Deep\ Panda' render doc.json --focus '"Deep'
expect 'deep-panda' render doc.json --path d
expect 'opm' render doc.json --path deep-panda op
expect 'Deep\ Panda' render doc.json --focus = Deep
expect "$obrien" render doc.json --focus "O'"
expect "o-brien" render doc.json --focus o-
expect 'Office\ of\ \"Personnel\"\ Management' render doc.json --depth 2 --focus Off
expect "opm" render -o x.svg doc.json --focus op
# a name on two lines is not offered; a missing or bad document gives none
expect "" render doc.json --focus fir
expect "" render missing.json --focus ""
expect "" render c.txt --focus ""
[[ -e pwned || -e pwned2 ]] && { fail=$((fail + 1)); echo "FAIL a name's shell syntax ran"; }
# every option --help shows for render is completed after render
opts=$(printf '%s\n' "$HELP" | sed -n '/^Render options:/,/^$/p' |
       grep -oE '^ +(-[A-Za-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+')
all=" $(complete_line render -) "
for o in $opts; do
    [[ $all == *" $o "* ]] || { fail=$((fail + 1)); echo "FAIL $o of --help not completed"; }
done
[[ -n $opts ]] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL no render option read in --help"; }
echo "completion: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
BASH
