#!/bin/sh
# Writes debian/changelog from the project's CHANGELOG (its "## VERSION
# (YYYY-MM-DD)" entries, their "- " items and the items' indented lines)
# to standard output.
#   sh .ci/debian/changelog.sh CHANGELOG "Name <address>"
set -eu
awk -v who="$2" '
function close_entry() {
    if (ver == "") return
    cmd = "LC_ALL=C date -u -R -d " date
    cmd | getline rfc; close(cmd)
    print ""; print " -- " who "  " rfc
}
/^## / {
    close_entry()
    if (ver != "") print ""
    ver = $2; date = $3; gsub(/[()]/, "", date)
    print "relgraph (" ver ") unstable; urgency=medium"; print ""
    next
}
ver == "" { next }
/^- / { print "  * " substr($0, 3); next }
/^  [^ ]/ { print "    " substr($0, 3); next }
END { close_entry() }
' "$1"
