#!/bin/sh
# Tests graphs/relgraph.schema.json with a real validator, ajv-cli from npm:
# - the schema compiles (ajv compile, draft 2020-12, strict mode);
# - every document in graphs/ and tests/schema/valid/ is valid;
# - every document in tests/schema/invalid/ is rejected, and for the
#   mistake its "x-expect" key names ("KEYWORD at /json/pointer", or
#   "KEYWORD at the top level"), so that a second, accidental mistake in a
#   test document cannot pass for the one it is about.
# It also checks that the schema's raw Graphviz attributes are the
# allow-list of src/gvattrs.def (tests/schema/gvattrs.py), and that its
# objects, keys, types and enumerations are src/docfmt.def's
# (tests/schema/format.py).
# Given relgraph's path, it also checks that relgraph agrees: it reports
# nothing at all on the valid documents, and rejects each invalid one
# (with --strict, since unknown keys are warnings) with its diagnostics at
# the same place.
#
#   sh tests/schema/run.sh [path/to/relgraph]
#
# ajv-cli and ajv are pinned in tests/schema/package-lock.json and installed
# once with "npm ci" into $BUILD/schema-node (BUILD is build by default,
# relative to the top of the repository); later runs reuse them until the
# lock file changes. Without npm, Debian's nodejs and npm are installed when
# running as root. If npm cannot reach its registry, the checks that need
# ajv are skipped, not passed.
#
# Prints "ok NAME", "FAIL NAME" or "skip NAME: REASON" for each check, and
# a last line "schema: P passed, F failed, S skipped"; exits 1 if any check
# failed.
set -u
bin=${1:-}
case $bin in "" | /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
here=tests/schema
schema=graphs/relgraph.schema.json
build=${BUILD:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
node_dir=$build/schema-node
ajv=$node_dir/node_modules/.bin/ajv
stamp=$node_dir/installed-from.package-lock.json
npm=${NPM:-npm}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() {
    fail=$((fail + 1))
    echo "FAIL $1"
    [ -s "$tmp/err" ] && sed 's/^/     /' "$tmp/err" | head -n 20
    : >"$tmp/err"
}

# The documents, one line each: FILE|EXPECTATION|KEYWORD|POINTER|PATH.
# Valid ones (every graphs/*.json but the schema, and tests/schema/valid/)
# expect nothing; invalid ones expect what their "x-expect" says: ajv's
# KEYWORD at the JSON POINTER, which relgraph writes as PATH
# (/links/0/to is links[0].to).
for f in graphs/*.json "$here"/valid/*.json; do
    case $f in *.schema.json) continue ;; esac
    [ -f "$f" ] && echo "$f||||" >>"$tmp/good.tab"
done
set --
for f in "$here"/invalid/*.json; do
    [ -f "$f" ] && set -- "$@" "$f"
done
[ $# -gt 0 ] && awk '
    FNR == 1 { if (file != "" && !seen) print file "|-|||"; file = FILENAME; seen = 0 }
    !seen && match($0, /"x-expect": *"[^"]*"/) {
        s = substr($0, RSTART, RLENGTH)
        sub(/^"x-expect": *"/, "", s)
        sub(/"$/, "", s)
        i = index(s, " at ")
        if (i == 0)
            next
        kw = substr(s, 1, i - 1)
        ptr = substr(s, i + 4)
        if (ptr == "the top level")
            ptr = ""
        n = split(ptr, seg, "/")
        path = ""
        for (j = 2; j <= n; j++)
            if (seg[j] ~ /^[0-9]+$/) path = path "[" seg[j] "]"
            else path = path (path == "" ? "" : ".") seg[j]
        print FILENAME "|" s "|" kw "|" ptr "|" path
        seen = 1
    }
    END { if (file != "" && !seen) print file "|-|||" }
' "$@" >"$tmp/all-bad.tab"
: >>"$tmp/good.tab"
: >>"$tmp/all-bad.tab"
# Each invalid document must say what it expects.
: >"$tmp/bad.tab"
while IFS='|' read -r f exp kw ptr path; do
    if [ "$exp" = - ]; then
        echo "add \"x-expect\": \"KEYWORD at /json/pointer\"" >"$tmp/err"
        bad "$f says what mistake it holds"
    else
        echo "$f|$exp|$kw|$ptr|$path" >>"$tmp/bad.tab"
    fi
done <"$tmp/all-bad.tab"

# Installs ajv-cli unless the pinned versions are already there. Returns 0
# when ajv is ready, 1 on a failure, 2 when the registry cannot be reached.
install_ajv() {
    if [ -x "$ajv" ] && cmp -s "$here/package-lock.json" "$stamp"; then
        return 0
    fi
    if ! command -v "$npm" >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "installing Debian's nodejs and npm for the schema test"
            export DEBIAN_FRONTEND=noninteractive
            if ! { apt-get update -qq &&
                apt-get install -y -qq --no-install-recommends nodejs npm; } \
                >"$tmp/apt.log" 2>&1; then
                cat "$tmp/apt.log"
                echo "apt-get could not install nodejs and npm"
                return 2
            fi
        else
            echo "the schema test needs npm; install it with:"
            echo "  sudo apt-get update && sudo apt-get install -y nodejs npm"
            return 1
        fi
    fi
    echo "installing ajv-cli into $node_dir (once)"
    rm -rf "$node_dir"
    mkdir -p "$node_dir" || return 1
    cp "$here/package.json" "$here/package-lock.json" "$node_dir/" || return 1
    # No package here needs an install script. Fewer and shorter retries
    # than npm's (two, of 10 to 60 s) make an offline run give up in
    # seconds rather than in more than a minute.
    if (cd "$node_dir" && "$npm" ci --no-audit --no-fund --ignore-scripts \
        --fetch-retries=1 --fetch-retry-mintimeout=3000 \
        --fetch-retry-maxtimeout=10000 --fetch-timeout=60000) \
        >"$node_dir/npm.log" 2>&1 && [ -x "$ajv" ]; then
        cp "$here/package-lock.json" "$stamp"
        return 0
    fi
    grep -E '^npm (error|ERR!) (code|errno|network|request|FetchError)' \
        "$node_dir/npm.log" | head -n 6 | grep . || tail -n 15 "$node_dir/npm.log"
    echo "(npm's output is in $node_dir/npm.log)"
    if grep -Eq 'E(NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH)|ERR_SOCKET|network|proxy' \
        "$node_dir/npm.log"; then
        return 2
    fi
    return 1
}

# Reads a table of documents and what ajv printed for them; prints one
# line per document: ok|NAME or FAIL|NAME|WHY.
judge() {
    awk -F'|' '
    NR == FNR { n++; file[n] = $1; want[n] = $2; kw[n] = $3; ptr[n] = $4; next }
    / valid$/ { v[substr($0, 1, length($0) - 6)] = "valid"; next }
    / invalid$/ {
        f = substr($0, 1, length($0) - 8)
        v[f] = "invalid"
        if ((getline e) > 0) errs[f] = e
        next
    }
    # Whether errs holds an error of keyword k at instance path p. ajv
    # writes each error as {"instancePath":...,"schemaPath":...,"keyword":...
    function has(errs, p, k,    part, m, i, s) {
        m = split(errs, part, /[{]"instancePath":/)
        for (i = 2; i <= m; i++) {
            s = part[i]
            if (index(s, "\"" p "\",") != 1 || !match(s, /,"keyword":"[^"]*"/))
                continue
            if (substr(s, RSTART, RLENGTH) == ",\"keyword\":\"" k "\"")
                return 1
        }
        return 0
    }
    END {
        for (i = 1; i <= n; i++) {
            f = file[i]
            if (want[i] == "") {
                name = "valid: " f
                if (v[f] == "valid") print "ok|" name
                else if (v[f] == "invalid") print "FAIL|" name "|" errs[f]
                else print "FAIL|" name "|ajv gave no verdict"
            } else {
                name = "rejected: " f " (" want[i] ")"
                if (v[f] == "valid") print "FAIL|" name "|ajv accepts it"
                else if (v[f] != "invalid") print "FAIL|" name "|ajv gave no verdict"
                else if (has(errs[f], ptr[i], kw[i])) print "ok|" name
                else print "FAIL|" name "|ajv rejects it for another reason: " errs[f]
            }
        }
    }' "$1" "$2"
}

# Runs ajv on every document of a table in one go (node takes a second or
# more to start) and reports each.
validate() {
    table=$1
    set --
    while IFS='|' read -r f rest; do
        set -- "$@" -d "$f"
    done <"$table"
    [ $# -gt 0 ] || return 0
    # shellcheck disable=SC2086
    "$ajv" validate $opts --errors=line -s "$schema" "$@" >"$tmp/ajv.out" 2>&1
    judge "$table" "$tmp/ajv.out" >"$tmp/verdicts"
    while IFS='|' read -r verdict name why; do
        if [ "$verdict" = ok ]; then
            ok "$name"
        else
            echo "$why" >"$tmp/err"
            if [ "$why" = "ajv gave no verdict" ]; then
                grep '^error' "$tmp/ajv.out" >>"$tmp/err" ||
                    tail -n 5 "$tmp/ajv.out" >>"$tmp/err"
            fi
            bad "$name"
        fi
    done <"$tmp/verdicts"
}

install_ajv >"$tmp/install" 2>&1
st=$?
if [ $st -ne 0 ]; then
    sed 's/^/     /' "$tmp/install" | tail -n 30
    n=$((1 + $(cat "$tmp/good.tab" "$tmp/bad.tab" | wc -l)))
    if [ $st -eq 2 ]; then
        echo "skip $n checks of $schema with ajv: ajv-cli could not be installed (no network?)"
    else
        bad "install ajv-cli (tests/schema/package-lock.json) into $node_dir"
    fi
    skip=$((skip + n))
else
    cat "$tmp/install"
    # --strict=true: ajv refuses a schema with anything it would ignore or
    # read loosely (unknown keywords, union types, missing types), so the
    # schema stays clean for every validator and editor.
    opts="--spec=draft2020 --strict=true"
    # shellcheck disable=SC2086
    if "$ajv" compile $opts -s "$schema" >"$tmp/err" 2>&1 &&
        ! grep -q 'strict mode' "$tmp/err"; then
        : >"$tmp/err"
        ok "$schema compiles (ajv compile, draft 2020-12, strict)"
    else
        bad "$schema compiles (ajv compile, draft 2020-12, strict)"
    fi
    validate "$tmp/good.tab"
    validate "$tmp/bad.tab"
fi

# relgraph's side of the same documents.
if [ -z "$bin" ]; then
    skip=$((skip + 1))
    echo "skip relgraph agrees with the schema: no relgraph given as \$1"
elif [ ! -x "$bin" ]; then
    bad "relgraph at $bin is executable"
else
    while IFS='|' read -r f rest; do
        "$bin" check "$f" >/dev/null 2>"$tmp/err"
        st=$?
        if [ $st -eq 0 ] && [ ! -s "$tmp/err" ]; then
            ok "relgraph check: $f, without diagnostics"
        else
            bad "relgraph check: $f, without diagnostics (status $st)"
        fi
    done <"$tmp/good.tab"
    while IFS='|' read -r f exp kw ptr path; do
        name="relgraph check --strict rejects $f at \"$path\""
        "$bin" check --strict --diagnostics=json "$f" >/dev/null 2>"$tmp/err"
        st=$?
        # Every diagnostic (one line each) is at that path.
        if [ $st -eq 1 ] && awk -v at="\"path\": \"$path\"," '
            index($0, "\"severity\": ") { n++; if (index($0, at)) m++ }
            END { exit !(n >= 1 && n == m) }' "$tmp/err"; then
            : >"$tmp/err"
            ok "$name"
        else
            bad "$name (status $st)"
        fi
    done <"$tmp/bad.tab"
fi

# The schema's definitions of raw Graphviz attributes, colours, shapes and
# styles are the allow-list of src/gvattrs.def, as tests/schema/gvattrs.py
# writes it (tests/schema/gvattrs-apply.py puts it into the schema).
name="the schema's attrs, colours, shapes and styles are src/gvattrs.def's"
if command -v python3 >/dev/null 2>&1 && command -v jq >/dev/null 2>&1; then
    python3 "$here/gvattrs.py" | jq -S . >"$tmp/want.json" 2>"$tmp/err"
    jq -S '."$defs" | {nodeAttrs, edgeAttrs, clusterAttrs, graphAttrs,
        kindAttrs, color, colorList, shape, styleList}' "$schema" \
        >"$tmp/have.json" 2>>"$tmp/err"
    if [ -s "$tmp/want.json" ] && diff "$tmp/want.json" "$tmp/have.json" >>"$tmp/err"; then
        ok "$name"
    else
        echo "run: python3 tests/schema/gvattrs-apply.py" >>"$tmp/err"
        bad "$name"
    fi
else
    skip=$((skip + 1))
    echo "skip $name: python3 or jq is not installed"
fi

# The schema's objects, keys, required keys, types and enumerations are
# those of src/docfmt.def, the table the loader and fmt read.
name="the schema's keys, types and enumerations are src/docfmt.def's"
if command -v python3 >/dev/null 2>&1; then
    if python3 "$here/format.py" >"$tmp/err" 2>&1; then
        ok "$name"
    else
        bad "$name"
    fi
else
    skip=$((skip + 1))
    echo "skip $name: python3 is not installed"
fi

echo "schema: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
