# Shell shared by the tests of relgraph watch (tests/watch/*.sh); sourced
# with `.` after the caller has set $bin (relgraph, an absolute path) and
# $dir (a scratch folder, removed at exit with any watch still running).
#
#   check NAME STATUS    "ok NAME" when STATUS is 0, else "FAIL NAME" and
#                        the end of watch.err; counts into $pass and $fail
#   t COMMAND...         runs COMMAND quietly and prints its status
#   start_watch ARG...   runs `relgraph watch ARG...` in $dir in the
#                        background: $wpid, its stderr in $dir/watch.err,
#                        its stdout in $dir/watch.out
#   wait_lines N         waits (up to 30 s) until watch.err holds N lines
#                        of builds ("built" or "failed"); 1 if not
#   builds               how many such lines there are
#   stop_watch           SIGINT, then waits (up to 10 s): $wst, the exit
#                        status, or "hung" after killing it (not in $(...):
#                        only this shell can wait for it)
#   served_port          the port watch.out names (after --serve)

wpid=0
pass=0
fail=0
skip=0
trap 'kill "$wpid" 2>/dev/null; rm -rf "$dir"' EXIT

check() {
    if [ "$2" = 0 ]; then
        echo "ok $1"
        pass=$((pass + 1))
    else
        echo "FAIL $1"
        fail=$((fail + 1))
        [ -f "$dir/watch.err" ] && sed 's/^/    | /' "$dir/watch.err" | tail -n 20
    fi
}
t() { "$@" >/dev/null 2>&1; echo $?; }

start_watch() {
    (cd "$dir" && exec "$bin" watch "$@" >watch.out 2>watch.err) &
    wpid=$!
}

builds() {
    cat "$dir/watch.err" 2>/dev/null | grep -cE '^relgraph: [0-9:]+ (built|failed)'
}

wait_lines() {
    i=0
    while [ "$(builds)" -lt "$1" ]; do
        i=$((i + 1))
        [ $i -gt 300 ] && return 1
        sleep 0.1
    done
    return 0
}

stop_watch() {
    kill -INT "$wpid" 2>/dev/null
    (sleep 10 && kill -KILL "$wpid" 2>/dev/null) &
    dog=$!
    wait "$wpid"
    st=$?
    if kill "$dog" 2>/dev/null; then
        wst=$st
    else
        wst=hung
    fi
}

served_port() {
    i=0
    while ! grep -q 'serving http://127.0.0.1:' "$dir/watch.out" 2>/dev/null; do
        i=$((i + 1))
        [ $i -gt 100 ] && return 1
        sleep 0.1
    done
    sed -n 's|.*serving http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$dir/watch.out"
}
