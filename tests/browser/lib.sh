# Shell shared by the tests that run headless Chromium on a page
# (tests/browser/run.sh, tests/overlap/run.sh); sourced with `.`, after
# the caller has set $chromium (the command) and $out (its output folder).
#
#   chromium_missing   makes sure Chromium is there: when it is not, it is
#                      installed with apt-get as root; when that cannot be
#                      done, prints why (a first line, then how to fix it)
#                      and returns 1, for the caller to skip its test
#   browse LOG PAGE OPTION...
#                      runs Chromium headless on PAGE (a file) with a fresh
#                      profile and a timeout ($BROWSE_TIMEOUT, 120 s);
#                      Chromium's own messages go to LOG
#   verdicts DOM       the lines a page's script left in the first
#                      <pre id="result"> of a page Chromium dumped
#                      (--dump-dom), entities decoded, blank lines dropped

chromium_missing() {
    how="install it with: sudo apt-get update && sudo apt-get install -y chromium"
    command -v "$chromium" >/dev/null 2>&1 && return 1
    if [ "$chromium" != chromium ]; then
        echo "CHROMIUM=$chromium is not a command"
        return 0
    fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "chromium is not installed, and installing it needs root and apt-get"
        echo "$how (or run: make test-deps)"
        return 0
    fi
    echo "installing Debian's chromium for the browser test" >&2
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends chromium; } >"$out/apt.log" 2>&1 ||
        ! command -v chromium >/dev/null 2>&1; then
        echo "chromium is not installed, and apt-get could not install it"
        echo "(no network or no Debian mirror?); apt-get's output is in $out/apt.log"
        tail -n 5 "$out/apt.log"
        return 0
    fi
    return 1
}

browse() {
    log=$1
    page=$2
    shift 2
    profile=$(mktemp -d) || return 1
    echo "$chromium $* $page" >"$log"
    # --disable-dev-shm-usage: containers often give /dev/shm 64 MB,
    # which a large page can exhaust.
    timeout "${BROWSE_TIMEOUT:-120}" "$chromium" --headless --no-sandbox \
        --disable-gpu --disable-background-networking \
        --disable-component-update --no-first-run --disable-dev-shm-usage \
        --user-data-dir="$profile" --window-size=1400,2000 --hide-scrollbars \
        "$@" "file://$page" 2>>"$log"
    st=$?
    rm -rf "$profile"
    [ $st -eq 124 ] && echo "(timed out after ${BROWSE_TIMEOUT:-120} s)" >>"$log"
    return $st
}

verdicts() {
    awk '!on && sub(/.*<pre id="result">/, "") { on = 1 }
        on { if (sub(/<\/pre>.*/, "")) { print; exit } print }' "$1" |
        sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e 's/&amp;/\&/g' |
        grep .
}
